"""Merging coders' work: import codings, new codes, memos and coders from another project file.

Analysts who coded on their own machines send their ``.tematik`` files; the supervisor merges
them into the master project. Matching:

* documents by the content hash of their text (``Document.text_sha256``), never by name;
* codes by GUID, then by path (``Barrierer/Løn og pension``); codes missing here are created
  (with their GUID, so a second merge matches them);
* coders by GUID, then by name; coders missing here are created;
* codings and memos by GUID, so merging the same file twice adds nothing.

Documents that exist only in the other file (an analyst imported a new interview) are brought
over as they are stored there: same GUID, text, original file name, format, hashes, language,
speakers and turns, so every position stays identical; their codings and memos follow. Cases,
attributes and attribute values of the merged documents come along too: a missing value is
added, a different value here is kept and listed.

Every difference is listed as a :class:`MergeConflict` (code created, document renamed on a
name clash, same GUID with a different span, coder name clash, attribute value differs, ...):
nothing is dropped silently. The whole merge is one transaction: it is stored completely or not
at all, and merging the same file twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from coding.documents import store_document
from coding.errors import TematikError
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.progress import NullProgress, ProgressState
from coding.project import open_project, transaction
from models.base import new_guid
from models.db import Database
from models.entities import (
    Attribute,
    AttributeValue,
    Case,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Speaker,
    Turn,
)

CODE_COLUMNS = ("name", "kind", "codable", "color", "definition", "inclusion", "exclusion",
                "example", "indicator_terms")  # fmt: skip


@dataclass
class MergeConflict:
    """One thing the supervisor should know about: what happened and why."""

    kind: str  # document_missing, document_ambiguous, document_renamed, document_guid_clash,
    # code_created, code_matched_by_path, coder_name_clash, coding_guid_differs,
    # coding_outside_text, memo_differs, memo_target_missing, case_renamed, attribute_differs
    message: str

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}


@dataclass
class MergeReport:
    """What :func:`merge_project` did."""

    source: str
    coders_added: list[str] = field(default_factory=list)
    codes_added: list[str] = field(default_factory=list)
    codings_added: int = 0
    codings_present: int = 0
    codings_skipped: int = 0
    codings_by_coder: dict[str, int] = field(default_factory=dict)
    memos_added: int = 0
    memos_present: int = 0
    documents_matched: int = 0
    documents_added: list[str] = field(default_factory=list)  # names here
    cases_added: list[str] = field(default_factory=list)
    attributes_added: list[str] = field(default_factory=list)
    attribute_values_added: int = 0
    attribute_values_present: int = 0
    conflicts: list[MergeConflict] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "coders_added": self.coders_added,
            "codes_added": self.codes_added,
            "codings_added": self.codings_added,
            "codings_already_present": self.codings_present,
            "codings_skipped": self.codings_skipped,
            "codings_added_by_coder": self.codings_by_coder,
            "memos_added": self.memos_added,
            "memos_already_present": self.memos_present,
            "documents_matched": self.documents_matched,
            "documents_added": self.documents_added,
            "cases_added": self.cases_added,
            "attributes_added": self.attributes_added,
            "attribute_values_added": self.attribute_values_added,
            "attribute_values_already_present": self.attribute_values_present,
            "conflicts": [c.as_json() for c in self.conflicts],
        }

    def summary(self) -> str:
        """Readable lines for the CLI and the app: one line per kind of thing merged, then what
        is new and every conflict."""

        def named(names: list[str]) -> str:
            return f"{len(names)} added" + (f" ({', '.join(names)})" if names else "")

        by_coder = ", ".join(f"{k}: {v}" for k, v in self.codings_by_coder.items())
        lines = [
            f"Merged {self.source}.",
            f"Documents: {named(self.documents_added)}, {self.documents_matched} matched by "
            "content.",
            f"Codings: {self.codings_added} added" + (f" ({by_coder})" if by_coder else "")
            + f", {self.codings_present} already present, {self.codings_skipped} not merged.",
            f"Memos: {self.memos_added} added, {self.memos_present} already present.",
            f"Cases: {named(self.cases_added)}. Attributes: {named(self.attributes_added)}. "
            f"Attribute values: {self.attribute_values_added} added, "
            f"{self.attribute_values_present} already present.",
        ]  # fmt: skip
        if self.coders_added:
            lines.append("New coders: " + ", ".join(self.coders_added))
        if self.codes_added:
            lines.append("New codes: " + ", ".join(self.codes_added))
        if self.conflicts:
            lines.append(f"{len(self.conflicts)} conflict(s):")
            lines += [f"- [{c.kind}] {c.message}" for c in self.conflicts]
        else:
            lines.append("No conflicts.")
        return "\n".join(lines)


@dataclass
class _Other:
    coders: list[dict[str, Any]]
    codes: list[dict[str, Any]]  # parents before children, with "path"
    documents: dict[int, dict[str, Any]]
    codings: list[dict[str, Any]]
    memos: list[dict[str, Any]]
    cases: dict[int, dict[str, Any]] = field(default_factory=dict)
    attributes: dict[int, dict[str, Any]] = field(default_factory=dict)
    values: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # case → (attr, value)


@dataclass
class _OtherDocument:
    """Everything needed to store one of the other file's documents here, positions intact."""

    guid: str
    name: str
    original_filename: str
    imported_at: Any
    parsed: ParsedDocument
    speakers: list[dict[str, str]]  # name, role, guid


def _load_document(s: Session, doc_id: int) -> _OtherDocument:
    """Read one document of the other file with its speakers and turns."""
    doc = s.get(Document, doc_id)
    assert doc is not None
    speakers = {
        sp.id: {"name": sp.name, "role": sp.role, "guid": sp.guid}
        for sp in s.scalars(select(Speaker).where(Speaker.document_id == doc_id))
    }
    turns = [
        ParsedTurn(
            r.start,
            r.end,
            speakers[r.speaker_id]["name"] if r.speaker_id in speakers else None,
            r.timestamp,
        )
        for r in s.execute(
            select(Turn.start, Turn.end, Turn.speaker_id, Turn.timestamp)
            .where(Turn.document_id == doc_id)
            .order_by(Turn.start, Turn.id)
        )
    ]
    parsed = ParsedDocument(
        text=doc.text,
        format=doc.format,
        turns=turns,
        source_sha256=doc.source_sha256,
        language=doc.language,
    )
    return _OtherDocument(
        doc.guid, doc.name, doc.original_filename, doc.imported_at, parsed, list(speakers.values())
    )


def _read_other(s: Session, coder: str | None, source: str) -> _Other:
    coders = [
        {"id": c.id, "guid": c.guid, "name": c.name, "role": c.role}
        for c in s.scalars(select(Coder).order_by(Coder.id))
    ]
    if coder is not None:
        chosen = [c for c in coders if c["name"].lower() == coder.strip().lower()]
        if not chosen:
            known = ", ".join(c["name"] for c in coders) or "none"
            raise TematikError(
                f"Cannot merge {source}: it has no coder {coder!r} (coders: {known})."
            )
        coders = chosen
    coder_ids = {c["id"] for c in coders}
    rows = list(s.scalars(select(Code).order_by(Code.parent_id, Code.position, Code.id)))
    by_parent: dict[int | None, list[Code]] = {}
    for c in rows:
        by_parent.setdefault(c.parent_id, []).append(c)
    codes: list[dict[str, Any]] = []

    def walk(parent: int | None, prefix: str) -> None:
        for c in sorted(by_parent.get(parent, []), key=lambda x: (x.position, x.id)):
            path = f"{prefix}/{c.name}" if prefix else c.name
            d = {col: getattr(c, col) for col in CODE_COLUMNS}
            d.update(id=c.id, guid=c.guid, parent_id=c.parent_id, path=path)
            codes.append(d)
            walk(c.id, path)

    walk(None, "")
    documents = {
        r.id: {
            "name": r.name,
            "sha": r.text_sha256,
            "length": r.char_count,
            "guid": r.guid,
            "case_id": r.case_id,
        }
        for r in s.execute(
            select(
                Document.id, Document.name, Document.text_sha256, Document.char_count,
                Document.guid, Document.case_id,
            ).order_by(Document.position, Document.id)
        )
    }  # fmt: skip
    codings = [
        dict(r._mapping)
        for r in s.execute(
            select(
                Coding.id, Coding.guid, Coding.document_id, Coding.code_id, Coding.coder_id,
                Coding.start, Coding.end, Coding.memo, Coding.pinned, Coding.created_at,
            ).where(Coding.coder_id.in_(coder_ids))
        )
    ]  # fmt: skip
    memo_q = select(Memo)
    if coder is not None:
        memo_q = memo_q.where(Memo.coder_id.in_(coder_ids))
    memos = [
        {
            "guid": m.guid,
            "coder_id": m.coder_id,
            "document_id": m.document_id,
            "code_id": m.code_id,
            "coding_id": m.coding_id,
            "title": m.title,
            "text": m.text,
            "created_at": m.created_at,
            "modified_at": m.modified_at,
        }
        for m in s.scalars(memo_q)
    ]
    cases = {
        c.id: {"guid": c.guid, "name": c.name, "description": c.description,
               "pseudonyms": c.pseudonyms}
        for c in s.scalars(select(Case))
    }  # fmt: skip
    attributes = {
        a.id: {"guid": a.guid, "name": a.name, "type": a.type, "description": a.description}
        for a in s.scalars(select(Attribute).order_by(Attribute.position, Attribute.id))
    }
    values: dict[int, list[tuple[int, str]]] = {}
    for r in s.execute(
        select(AttributeValue.case_id, AttributeValue.attribute_id, AttributeValue.value).order_by(
            AttributeValue.case_id, AttributeValue.attribute_id
        )
    ):
        values.setdefault(r.case_id, []).append((r.attribute_id, r.value))
    return _Other(coders, codes, documents, codings, memos, cases, attributes, values)


def _here_paths(s: Session) -> tuple[dict[str, int], dict[str, int]]:
    """Code GUID → id and lowercase path → id in this project."""
    rows = s.execute(select(Code.id, Code.guid, Code.parent_id, Code.name)).all()
    by_id = {r.id: r for r in rows}
    paths: dict[str, int] = {}
    for r in rows:
        parts, node = [], r
        while node is not None:
            parts.append(node.name)
            node = by_id.get(node.parent_id) if node.parent_id is not None else None
        paths["/".join(reversed(parts)).lower()] = r.id
    return {r.guid: r.id for r in rows}, paths


def merge_project(
    db: Database,
    other: str | Path,
    *,
    coder: str | None = None,
    progress: ProgressState | None = None,
) -> MergeReport:
    """Merge another project file's work into ``db`` (one transaction); see the module doc.

    ``coder``: only this coder's codings and memos (and the coder itself). Raises TematikError
    when the other file cannot be read or is this project.
    """
    progress = progress or NullProgress()
    path = Path(other)
    if "://" not in str(other):
        if not path.is_file():
            raise TematikError(f"Cannot merge {path.name}: no such file.")
        if db.path is not None and path.resolve() == Path(db.path).resolve():
            raise TematikError(f"Cannot merge {path.name} into itself.")
    source = path.name
    progress.progress(0, 3, f"Reading {source}")
    other_db = open_project(other)
    report = MergeReport(source=source)
    try:
        with transaction(other_db) as so:
            data = _read_other(so, coder, source)
            progress.progress(1, 3, "Merging")
            with transaction(db) as s:
                _merge(s, data, report, lambda doc_id: _load_document(so, doc_id))
    finally:
        other_db.close()
    progress.progress(3, 3, "Done")
    return report


def _merge(
    s: Session,
    data: _Other,
    report: MergeReport,
    load_document: Callable[[int], _OtherDocument],
) -> None:
    conflicts = report.conflicts
    # --- coders
    coder_map: dict[int, int] = {}
    coder_name: dict[int, str] = {}
    here_coders = list(s.scalars(select(Coder)))
    by_guid = {c.guid: c for c in here_coders}
    by_name = {c.name.lower(): c for c in here_coders}
    for c in data.coders:
        found = by_guid.get(c["guid"])
        if found is None and c["name"].lower() in by_name:
            found = by_name[c["name"].lower()]
            conflicts.append(
                MergeConflict(
                    "coder_name_clash",
                    f"Coder {c['name']!r} exists here under another identity; the work is "
                    f"merged into the existing {found.name!r}.",
                )
            )
        if found is None:
            found = Coder(guid=c["guid"], name=c["name"], role=c["role"])
            s.add(found)
            s.flush()
            report.coders_added.append(c["name"])
        coder_map[c["id"]] = found.id
        coder_name[c["id"]] = found.name

    # --- codes (parents first)
    code_guid, code_path = _here_paths(s)
    code_map: dict[int, int] = {}
    other_path = {c["id"]: c["path"] for c in data.codes}
    for c in data.codes:
        if c["guid"] in code_guid:
            code_map[c["id"]] = code_guid[c["guid"]]
            continue
        if c["path"].lower() in code_path:
            code_map[c["id"]] = code_path[c["path"].lower()]
            conflicts.append(
                MergeConflict(
                    "code_matched_by_path",
                    f"Code {c['path']!r} has another identity here; matched by its path.",
                )
            )
            continue
        parent = code_map.get(c["parent_id"]) if c["parent_id"] is not None else None
        position = (
            s.scalar(
                select(func.max(Code.position)).where(
                    Code.parent_id.is_(None) if parent is None else Code.parent_id == parent
                )
            )
            or 0
        ) + 1
        values = {col: c[col] for col in CODE_COLUMNS}
        if parent is not None:
            values["kind"] = None
        code = Code(guid=c["guid"], parent_id=parent, position=position, **values)
        s.add(code)
        s.flush()
        code_map[c["id"]] = code.id
        code_guid[c["guid"]] = code.id
        code_path[c["path"].lower()] = code.id
        report.codes_added.append(c["path"])
        conflicts.append(
            MergeConflict("code_created", f"Code {c['path']!r} was missing here and is created.")
        )

    # --- documents by content hash
    here_docs: dict[str, list[tuple[int, str, int]]] = {}
    for r in s.execute(
        select(Document.id, Document.name, Document.text_sha256, Document.char_count).order_by(
            Document.position, Document.id
        )
    ):
        here_docs.setdefault(r.text_sha256, []).append((r.id, r.name, r.char_count))
    doc_map: dict[int, int] = {}
    doc_name: dict[int, str] = {}
    doc_len: dict[int, int] = {}
    used_docs = {x["document_id"] for x in data.codings} | {
        m["document_id"] for m in data.memos if m["document_id"] is not None
    }
    missing_count: dict[int, int] = {}
    here_doc_guids = set(s.scalars(select(Document.guid)))
    for did, d in data.documents.items():
        hits = here_docs.get(d["sha"], [])
        if not hits:
            added = _add_document(s, load_document(did), here_doc_guids, report)
            doc_map[did], doc_name[did], doc_len[did] = added.id, added.name, added.char_count
            here_docs.setdefault(added.text_sha256, []).append(
                (added.id, added.name, added.char_count)
            )
            continue
        doc_map[did] = hits[0][0]
        doc_name[did] = hits[0][1]
        doc_len[did] = hits[0][2]
        if did in used_docs:
            report.documents_matched += 1
        if len(hits) > 1 and did in used_docs:
            conflicts.append(
                MergeConflict(
                    "document_ambiguous",
                    f"{d['name']!r} has the same text as {len(hits)} documents here; its "
                    f"work goes to {hits[0][1]!r}.",
                )
            )
    for x in data.codings:
        if x["document_id"] not in doc_map:
            missing_count[x["document_id"]] = missing_count.get(x["document_id"], 0) + 1
    _merge_attributes(s, data, doc_map, report)
    for did, n in missing_count.items():
        conflicts.append(
            MergeConflict(
                "document_missing",
                f"Document {data.documents[did]['name']!r} (no document here has the same "
                f"text): its {n} coding(s) are not merged. Import the transcript first, then "
                "merge again.",
            )
        )
        report.codings_skipped += n

    # --- codings by GUID
    here = {
        r.guid: r
        for r in s.execute(
            select(
                Coding.id, Coding.guid, Coding.document_id, Coding.code_id, Coding.coder_id,
                Coding.start, Coding.end,
            ).where(Coding.document_id.in_(list(set(doc_map.values()))))
        )
    }  # fmt: skip
    here_spans = {(r.document_id, r.code_id, r.coder_id, r.start, r.end) for r in here.values()}
    # codings of documents not matched can still carry a known GUID elsewhere
    rows: list[dict[str, Any]] = []
    other_guid_of: dict[int, str] = {}
    code_paths = {c["id"]: c["path"] for c in data.codes}
    for x in data.codings:
        other_guid_of[x["id"]] = x["guid"]
        if x["document_id"] not in doc_map:
            continue
        key = (
            doc_map[x["document_id"]],
            code_map[x["code_id"]],
            coder_map[x["coder_id"]],
            x["start"],
            x["end"],
        )
        mine = here.get(x["guid"])
        if mine is not None:
            if (mine.document_id, mine.code_id, mine.coder_id, mine.start, mine.end) == key:
                report.codings_present += 1
            else:
                report.codings_skipped += 1
                conflicts.append(
                    MergeConflict(
                        "coding_guid_differs",
                        f"Coding {x['guid']} ({coder_name[x['coder_id']]}, "
                        f"{code_paths.get(x['code_id'], '?')}, {doc_name[x['document_id']]!r}) is "
                        f"{mine.start}–{mine.end} here but {x['start']}–{x['end']} in the merged "
                        "file; the version here is kept.",
                    )
                )
            continue
        if key in here_spans:
            report.codings_present += 1
            continue
        if not 0 <= x["start"] < x["end"] <= doc_len[x["document_id"]]:
            report.codings_skipped += 1
            conflicts.append(
                MergeConflict(
                    "coding_outside_text",
                    f"Coding {x['guid']} ({x['start']}–{x['end']}) lies outside "
                    f"{doc_name[x['document_id']]!r}; not merged.",
                )
            )
            continue
        here_spans.add(key)
        rows.append(
            {
                "guid": x["guid"],
                "document_id": key[0],
                "code_id": key[1],
                "coder_id": key[2],
                "start": key[3],
                "end": key[4],
                "memo": x["memo"] or "",
                "pinned": bool(x["pinned"]),
                "created_at": x["created_at"],
            }
        )
        name = coder_name[x["coder_id"]]
        report.codings_by_coder[name] = report.codings_by_coder.get(name, 0) + 1
    if rows:
        s.execute(insert(Coding), rows)
    report.codings_added = len(rows)

    # --- memos by GUID
    memo_guids = {r.guid: r.text for r in s.execute(select(Memo.guid, Memo.text))}  # all memos: few
    needed = {
        other_guid_of[m["coding_id"]]
        for m in data.memos
        if m["coding_id"] is not None and m["coding_id"] in other_guid_of
    }
    coding_by_guid = (
        dict(s.execute(select(Coding.guid, Coding.id).where(Coding.guid.in_(list(needed)))).all())
        if needed
        else {}
    )
    memo_rows = []
    for m in data.memos:
        if m["guid"] in memo_guids:
            if memo_guids[m["guid"]] == m["text"]:
                report.memos_present += 1
            else:
                conflicts.append(
                    MergeConflict(
                        "memo_differs",
                        f"Memo {m['title'] or m['guid']!r} was edited in both projects; the "
                        f"text here is kept. The merged file's text: {m['text'][:200]!r}",
                    )
                )
            continue
        target_missing = ""
        doc_id = code_id = coding_id = None
        if m["document_id"] is not None:
            doc_id = doc_map.get(m["document_id"])
            if doc_id is None:
                target_missing = f"document {data.documents[m['document_id']]['name']!r}"
        if m["code_id"] is not None:
            code_id = code_map.get(m["code_id"])
            if code_id is None:
                target_missing = f"code {other_path.get(m['code_id'], '?')!r}"
        if m["coding_id"] is not None:
            coding_id = coding_by_guid.get(other_guid_of.get(m["coding_id"], ""))
            if coding_id is None:
                target_missing = "a coding that was not merged"
        if target_missing:
            conflicts.append(
                MergeConflict(
                    "memo_target_missing",
                    f"Memo {m['title'] or m['text'][:40]!r} belongs to {target_missing}, which is "
                    "not in this project; not merged.",
                )
            )
            continue
        memo_rows.append(
            {
                "guid": m["guid"],
                "coder_id": coder_map.get(m["coder_id"]) if m["coder_id"] is not None else None,
                "document_id": doc_id,
                "code_id": code_id,
                "coding_id": coding_id,
                "title": m["title"],
                "text": m["text"],
                "created_at": m["created_at"],
                "modified_at": m["modified_at"],
            }
        )
    if memo_rows:
        s.execute(insert(Memo), memo_rows)
    report.memos_added = len(memo_rows)


def _add_document(
    s: Session, other: _OtherDocument, here_guids: set[str], report: MergeReport
) -> Document:
    """Store a document of the other file here as it is stored there (GUID, text, file name,
    format, hashes, language, speakers with their roles and GUIDs, turns at the same positions).
    A name taken here by a document with other text gets a " (2)"-style name, listed."""
    guid: str | None = other.guid
    if guid in here_guids:
        report.conflicts.append(
            MergeConflict(
                "document_guid_clash",
                f"Document {other.name!r} has the GUID of a document here with other text; it "
                "is added under a new GUID.",
            )
        )
        guid = None
    doc = store_document(
        s, other.name, other.parsed, original_filename=other.original_filename, guid=guid
    )
    here_guids.add(doc.guid)
    if other.imported_at is not None:
        s.execute(
            update(Document).where(Document.id == doc.id).values(imported_at=other.imported_at)
        )
    wanted = {sp["guid"] for sp in other.speakers}
    taken = set(s.scalars(select(Speaker.guid).where(Speaker.guid.in_(list(wanted)))))
    here_speakers = {
        r.name: r.id
        for r in s.execute(select(Speaker.id, Speaker.name).where(Speaker.document_id == doc.id))
    }
    for sp in other.speakers:
        values: dict[str, str] = {"role": sp["role"]}
        if sp["guid"] not in taken:
            values["guid"] = sp["guid"]
        if sp["name"] in here_speakers:
            s.execute(update(Speaker).where(Speaker.id == here_speakers[sp["name"]]).values(values))
        else:  # a speaker without turns
            values.setdefault("guid", new_guid())
            s.execute(insert(Speaker).values(document_id=doc.id, name=sp["name"], **values))
    s.expire(doc)
    report.documents_added.append(doc.name)
    if doc.name != other.name:
        report.conflicts.append(
            MergeConflict(
                "document_renamed",
                f"Document {other.name!r} is new here, but that name is taken by a document "
                f"with other text; it is added as {doc.name!r}.",
            )
        )
    return doc


def _merge_attributes(
    s: Session, data: _Other, doc_map: dict[int, int], report: MergeReport
) -> None:
    """Cases, attributes and attribute values of the merged documents. A value missing (or
    empty) here is added; a different value here is kept and listed."""
    pairs: list[tuple[int, int]] = []  # (case here, case there)
    wanted = [(did, hid) for did, hid in doc_map.items() if data.documents[did]["case_id"]]
    if not wanted:
        return
    case_of = dict(
        s.execute(
            select(Document.id, Document.case_id).where(Document.id.in_([hid for _, hid in wanted]))
        ).all()
    )
    cases = list(s.scalars(select(Case)))
    case_by_guid = {c.guid: c for c in cases}
    case_by_name = {c.name: c for c in cases}
    case_name = {c.id: c.name for c in cases}
    for did, hid in wanted:
        oc = data.documents[did]["case_id"]
        here_case = case_of.get(hid)
        if here_case is None:
            info = data.cases[oc]
            case = case_by_guid.get(info["guid"])
            same = case_by_name.get(info["name"]) if case is None else None
            if same is not None and not s.scalar(
                select(func.count(Document.id)).where(Document.case_id == same.id)
            ):
                case = same  # a case of that name without documents here: the same one
            if case is None:
                name, n = info["name"], 1
                while name in case_by_name:  # taken by a case of other documents
                    n += 1
                    name = f"{info['name']} ({n})"
                case = Case(
                    guid=info["guid"],
                    name=name,
                    description=info["description"],
                    pseudonyms=info["pseudonyms"],
                )
                s.add(case)
                s.flush()
                case_by_guid[case.guid] = case_by_name[case.name] = case
                case_name[case.id] = case.name
                report.cases_added.append(case.name)
                if name != info["name"]:
                    report.conflicts.append(
                        MergeConflict(
                            "case_renamed",
                            f"Case {info['name']!r} of document "
                            f"{data.documents[did]['name']!r} is new here, but a case of that "
                            f"name holds other documents; it is added as {name!r}. If they are "
                            "the same person, move the document into that case.",
                        )
                    )
            s.execute(update(Document).where(Document.id == hid).values(case_id=case.id))
            here_case = case_of[hid] = case.id
        if (here_case, oc) not in pairs:
            pairs.append((here_case, oc))

    attrs = list(s.scalars(select(Attribute)))
    attr_by_guid = {a.guid: a for a in attrs}
    attr_by_name = {a.name.lower(): a for a in attrs}
    attr_map: dict[int, Attribute] = {}

    def attribute(aid: int) -> Attribute:
        if aid not in attr_map:
            info = data.attributes[aid]
            found = attr_by_guid.get(info["guid"]) or attr_by_name.get(info["name"].lower())
            if found is None:
                position = (s.scalar(select(func.max(Attribute.position))) or 0) + 1
                found = Attribute(
                    guid=info["guid"],
                    name=info["name"],
                    type=info["type"],
                    description=info["description"],
                    position=position,
                )
                s.add(found)
                s.flush()
                report.attributes_added.append(found.name)
            attr_map[aid] = found
        return attr_map[aid]

    here_values = {
        (v.case_id, v.attribute_id): v
        for v in s.scalars(
            select(AttributeValue).where(AttributeValue.case_id.in_([hc for hc, _ in pairs]))
        )
    }
    for hc, oc in pairs:
        for aid, value in data.values.get(oc, []):
            if value == "":
                continue
            attr = attribute(aid)
            mine = here_values.get((hc, attr.id))
            if mine is None:
                row = AttributeValue(case_id=hc, attribute_id=attr.id, value=value)
                s.add(row)
                here_values[(hc, attr.id)] = row
                report.attribute_values_added += 1
            elif mine.value == "":
                mine.value = value
                report.attribute_values_added += 1
            elif mine.value == value:
                report.attribute_values_present += 1
            else:
                report.conflicts.append(
                    MergeConflict(
                        "attribute_differs",
                        f"Attribute {attr.name!r} of case {case_name[hc]!r} is {mine.value!r} "
                        f"here but {value!r} in the merged file; the value here is kept.",
                    )
                )
    s.flush()
