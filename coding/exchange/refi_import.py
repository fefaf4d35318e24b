"""REFI-QDA import: projects (``.qdpx``, bare ``.qde``) and codebooks (``.qdc``) written by
NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette and Tematik itself.

Two phases. :func:`read_refi` parses the file (guarded zip and XML readers) into a plan with
every text already normalised and every selection already mapped to code points of that text;
it touches no database. :func:`import_refi` then stores the plan in ONE transaction: on any
error nothing is stored. Everything that cannot be mapped (media sources, links, graphs,
zero-length or out-of-range selections, unknown code references ...) is counted and described
in the :class:`ImportSummary`, never silently dropped.

What real files do that the standard does not say, and how it is handled:

* positions: NVivo counts UTF-16 code units (chosen by ``origin``); for tools of unknown
  counting, the scheme whose selections start and end on word boundaries wins
  (:func:`coding.exchange.positions.guess_scheme`); a UTF-8 BOM is never counted; CRLF counts
  as given by the scheme; the text is stored with ``\\n`` and NFC, positions mapped onto it;
* any ``urn:QDA-XML:...`` namespace (codebook ``1.0``, ``1:0``, ``0:4``), elements matched by
  local name; the inner file may be ``<Name>.qde``; ``Sources/`` may be capitalised;
  ``plainTextPath`` with or without ``internal://``; inline ``PlainTextContent``; an empty
  plain text falls back to the ``.docx`` rich text;
* one selection may carry several codings or none; memos may be ``Note`` + ``NoteRef`` or a
  ``Description``; GUIDs in any case and with braces; invalid colours; an empty ``<Sets/>``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from coding.codebook import PALETTE
from coding.errors import ImportFailure, TematikError
from coding.exchange.positions import (
    OffsetMap,
    PositionScheme,
    guess_scheme,
    scheme_for_origin,
)
from coding.exchange.refi_export import CODE_LABELS, CODEBOOK_NS, PROJECT_NS, TEMATIK_BLOCK
from coding.exchange.safe_zip import MAX_MEMBER_BYTES, SafeArchive, parse_xml
from coding.progress import NullProgress, ProgressState, check_cancel
from models.base import new_guid
from models.db import Database
from models.entities import (
    CODE_KINDS,
    Attribute,
    AttributeValue,
    Case,
    Code,
    Coder,
    CodeSet,
    Coding,
    Document,
    Memo,
    ProjectInfo,
    SetMember,
)

_GUID_RE = re.compile(
    r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$"
)
_COLOR6 = re.compile(r"^#[0-9a-fA-F]{6}$")
_COLOR3 = re.compile(r"^#[0-9a-fA-F]{3}$")
VARIABLE_TYPES = {
    "text": "text",
    "integer": "integer",
    "float": "float",
    "date": "date",
    "datetime": "date",
    "boolean": "boolean",
}
FALLBACK_CODER = "REFI-import"
MEDIA_SOURCES = ("PictureSource", "AudioSource", "VideoSource")


# --- the summary -------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What an import stored, and everything it could not map (counts and messages)."""

    file: str
    kind: str = "project"  # project | codebook
    origin: str = ""
    positions: list[str] = field(default_factory=list)  # per source: how positions were read
    coders: int = 0
    codes: int = 0
    codes_merged: int = 0
    documents: int = 0
    documents_reused: int = 0
    codings: int = 0
    memos: int = 0
    cases: int = 0
    variables: int = 0
    values: int = 0
    sets: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # what was not imported → count
    messages: list[str] = field(default_factory=list)

    def skip(self, what: str, message: str | None = None, count: int = 1) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + count
        if message:
            self.messages.append(message)

    def note(self, message: str) -> None:
        self.messages.append(message)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        """The summary as text lines for the CLI and the app."""
        out = [
            f"Imported {self.file} ({self.kind}"
            + (f", written by {self.origin}" if self.origin else "")
            + ")",
            f"  coders {self.coders}, codes {self.codes} new + {self.codes_merged} existing, "
            f"documents {self.documents} new + {self.documents_reused} existing, "
            f"codings {self.codings}, memos {self.memos}, cases {self.cases}, "
            f"variables {self.variables}, values {self.values}, sets {self.sets}",
        ]
        out += [f"  positions: {p}" for p in self.positions]
        if self.skipped:
            out.append("  not imported: " + ", ".join(f"{k} {v}" for k, v in self.skipped.items()))
        out += [f"  - {m}" for m in self.messages]
        return out


# --- the plan (parsed file, no database) ----------------------------------------------------------


@dataclass
class CodeSpec:
    guid: str
    name: str
    codable: bool
    color: str | None
    description: str
    notes: list[str] = field(default_factory=list)
    children: list[CodeSpec] = field(default_factory=list)


@dataclass
class CodingSpec:
    guid: str | None
    code: str | None  # code GUID
    user: str | None
    start: int
    end: int
    memo: str
    created: datetime | None
    notes: list[str] = field(default_factory=list)


@dataclass
class SourceSpec:
    guid: str
    name: str
    text: str
    codings: list[CodingSpec] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: list[tuple[str, str]] = field(default_factory=list)  # (variable GUID, value)
    description: str = ""
    fmt: str = "txt"


@dataclass
class NoteSpec:
    guid: str
    name: str
    text: str
    user: str | None
    created: datetime | None
    modified: datetime | None


@dataclass
class CaseSpec:
    guid: str
    name: str
    description: str
    values: list[tuple[str, str]]
    sources: list[str]


@dataclass
class SetSpec:
    guid: str
    name: str
    description: str
    codes: list[str]
    sources: list[str]


@dataclass
class RefiPlan:
    """A REFI-QDA file read and mapped, ready to store."""

    summary: ImportSummary
    users: list[tuple[str, str]] = field(default_factory=list)  # (guid, name)
    creating_user: str | None = None
    codes: list[CodeSpec] = field(default_factory=list)
    variables: list[tuple[str, str, str, str]] = field(default_factory=list)
    cases: list[CaseSpec] = field(default_factory=list)
    sources: list[SourceSpec] = field(default_factory=list)
    notes: dict[str, NoteSpec] = field(default_factory=dict)
    note_targets: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    sets: list[SetSpec] = field(default_factory=list)
    description: str = ""
    tematik: bool = False

    @property
    def language(self) -> str | None:
        """'da' or 'en' when the texts say so (for a project created by the import)."""
        from coding.importing import detect_language

        langs = [detect_language(s.text[:20000]) for s in self.sources[:10]]
        langs = [x for x in langs if x in ("da", "en")]
        return max(set(langs), key=langs.count) if langs else None


# --- XML helpers --------------------------------------------------------------------------------


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and _local(c) == name]


def _kid(el: etree._Element, name: str) -> etree._Element | None:
    for c in el:
        if isinstance(c.tag, str) and _local(c) == name:
            return c
    return None


def _kid_text(el: etree._Element, name: str) -> str:
    k = _kid(el, name)
    return (k.text or "") if k is not None else ""


def norm_guid(value: str | None) -> str | None:
    """A GUID in Tematik's form (lowercase, no braces), or None when it is not a GUID."""
    if not value:
        return None
    m = _GUID_RE.match(value.strip())
    return m.group(1).lower() if m else None


def _dt(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        d = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if d.tzinfo is not None:
        from datetime import UTC

        d = d.astimezone(UTC).replace(tzinfo=None)
    return d


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _decode(data: bytes) -> tuple[str, str | None]:
    """Source-file bytes as text (a BOM is dropped: it is never counted) and a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "was not UTF-8; read as Windows-1252"


def _note_refs(el: etree._Element) -> list[str]:
    return [g for r in _kids(el, "NoteRef") if (g := norm_guid(r.get("targetGUID")))]


# --- reading ----------------------------------------------------------------------------------


def _load(path: Path) -> tuple[etree._Element, SafeArchive | None, str]:
    """The root element, the archive (for .qdpx) and the name of the XML member."""
    name = path.name
    if not path.is_file():
        raise TematikError(f"Cannot import {name}: the file does not exist.")
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic.startswith(b"PK"):
        archive = SafeArchive(path)
        try:
            qdes = [n for n in archive.names() if n.lower().endswith(".qde") and "/" not in n]
            member = archive.find("project.qde") or (qdes[0] if qdes else None)
            if member is None:
                raise TematikError(
                    f"Cannot import {name}: the archive holds no project.qde (not a REFI-QDA "
                    "project). Nothing was imported."
                )
            root = parse_xml(archive.read(member), f"{name} ({member})")
        except BaseException:
            archive.close()
            raise
        return root, archive, member
    if path.stat().st_size > MAX_MEMBER_BYTES:
        raise TematikError(f"Cannot import {name}: the file is larger than 200 MB.")
    return parse_xml(path.read_bytes(), name), None, name


def read_refi(path: str | Path, progress: ProgressState | None = None) -> RefiPlan:
    """Read a REFI-QDA project or codebook file into a :class:`RefiPlan` (no database)."""
    path = Path(path)
    progress = progress or NullProgress()
    root, archive, member = _load(path)
    try:
        ns = etree.QName(root).namespace or ""
        kind = _local(root)
        if not ns.startswith("urn:QDA-XML:") or kind not in ("Project", "CodeBook"):
            raise TematikError(
                f"Cannot import {path.name}: it is not a REFI-QDA project or codebook "
                f"(root element {kind!r} in namespace {ns or 'none'!r}). Nothing was imported."
            )
        summary = ImportSummary(file=path.name, kind="project" if kind == "Project" else "codebook")
        summary.origin = root.get("origin") or ""
        if ns not in (PROJECT_NS, CODEBOOK_NS):
            summary.note(f"namespace {ns} read as QDA-XML 1.0")
        if member.lower() not in ("project.qde", path.name.lower()):
            summary.note(f"the project is in {member} (not project.qde)")
        plan = RefiPlan(summary=summary, tematik=summary.origin.lower().startswith("tematik"))
        if kind == "CodeBook":
            _read_codebook(root, plan)
        else:
            _read_project(root, plan, archive, progress)
        return plan
    finally:
        if archive is not None:
            archive.close()


def _read_codes(parent: etree._Element, plan: RefiPlan) -> list[CodeSpec]:
    out: list[CodeSpec] = []
    for el in _kids(parent, "Code"):
        guid = norm_guid(el.get("guid") or el.get("targetGUID"))
        name = (el.get("name") or "").strip()
        if guid is None:
            plan.summary.skip(
                "codes without a GUID", f"code {name!r} has no valid GUID; it gets a new one"
            )
            guid = new_guid()
        codable = (el.get("isCodable") or "true").strip().lower() not in ("false", "0")
        spec = CodeSpec(
            guid=guid,
            name=name,
            codable=codable,
            color=el.get("color"),
            description=_kid_text(el, "Description"),
            notes=_note_refs(el),
        )
        spec.children = _read_codes(el, plan)
        out.append(spec)
    return out


def _read_sets(parent: etree._Element, plan: RefiPlan) -> None:
    sets_el = _kid(parent, "Sets")
    if sets_el is None:
        return
    for el in _kids(sets_el, "Set"):
        codes = [
            g
            for m in _kids(el, "MemberCode")
            if (g := norm_guid(m.get("targetGUID") or m.get("guid")))
        ]
        sources = [g for m in _kids(el, "MemberSource") if (g := norm_guid(m.get("targetGUID")))]
        notes = _kids(el, "MemberNote")
        name = (el.get("name") or "").strip() or "Set"
        if notes:
            plan.summary.skip(
                "set members that are notes",
                f"set {name!r}: {len(notes)} note member(s) not imported (sets hold codes and "
                "documents)",
                len(notes),
            )
        plan.sets.append(
            SetSpec(
                guid=norm_guid(el.get("guid")) or new_guid(),
                name=name,
                description=_kid_text(el, "Description"),
                codes=codes,
                sources=sources,
            )
        )


def _read_codebook(root: etree._Element, plan: RefiPlan) -> None:
    codes = _kid(root, "Codes")
    plan.codes = _read_codes(codes, plan) if codes is not None else []
    _read_sets(root, plan)


def _value_of(vv: etree._Element) -> tuple[str | None, str]:
    ref = _kid(vv, "VariableRef")
    guid = norm_guid(ref.get("targetGUID")) if ref is not None else None
    for c in vv:
        if isinstance(c.tag, str) and _local(c).endswith("Value"):
            return guid, (c.text or "").strip()
    return guid, ""


def _read_project(
    root: etree._Element, plan: RefiPlan, archive: SafeArchive | None, progress: ProgressState
) -> None:
    summary = plan.summary
    plan.creating_user = norm_guid(root.get("creatingUserGUID"))
    users = _kid(root, "Users")
    for u in _kids(users, "User") if users is not None else []:
        g = norm_guid(u.get("guid"))
        if g:
            plan.users.append((g, (u.get("name") or u.get("id") or "").strip()))
    cb = _kid(root, "CodeBook")
    codes = _kid(cb, "Codes") if cb is not None else None
    plan.codes = _read_codes(codes, plan) if codes is not None else []

    def refs_to(kind: str, target: str, notes: list[str]) -> None:
        for n in notes:
            plan.note_targets.setdefault(n, []).append((kind, target))

    def code_refs(specs: list[CodeSpec]) -> None:
        for c in specs:
            refs_to("code", c.guid, c.notes)
            code_refs(c.children)

    code_refs(plan.codes)

    variables = _kid(root, "Variables")
    for v in _kids(variables, "Variable") if variables is not None else []:
        g = norm_guid(v.get("guid"))
        name = (v.get("name") or "").strip()
        if g and name:
            vtype = VARIABLE_TYPES.get((v.get("typeOfVariable") or "Text").strip().lower(), "text")
            plan.variables.append((g, name, vtype, _kid_text(v, "Description")))
    cases = _kid(root, "Cases")
    for c in _kids(cases, "Case") if cases is not None else []:
        g = norm_guid(c.get("guid")) or new_guid()
        values = [x for vv in _kids(c, "VariableValue") if (x := _value_of(vv))[0]]
        srcs = [s for r in _kids(c, "SourceRef") if (s := norm_guid(r.get("targetGUID")))]
        extra = len(_kids(c, "CodeRef")) + len(_kids(c, "SelectionRef"))
        if extra:
            summary.skip(
                "case references to codes or selections",
                f"case {c.get('name') or g!r}: {extra} code/selection reference(s) not imported "
                "(a Tematik case holds documents)",
                extra,
            )
        plan.cases.append(
            CaseSpec(
                g, (c.get("name") or "").strip() or g, _kid_text(c, "Description"), values, srcs
            )  # fmt: skip
        )

    sources = _kid(root, "Sources")
    elements = [s for s in sources if isinstance(s.tag, str)] if sources is not None else []
    for i, el in enumerate(elements):
        check_cancel(progress)
        progress.progress(i, len(elements), el.get("name") or "")
        tag = _local(el)
        name = (el.get("name") or "").strip() or (el.get("guid") or "source")
        if tag == "TextSource":
            _read_text_source(el, name, plan, archive)
        elif tag == "PDFSource":
            rep = _kid(el, "Representation")
            n_sel = len(_kids(el, "PDFSelection"))
            if n_sel:
                summary.skip(
                    "PDF area selections",
                    f"PDF {name!r}: {n_sel} area selection(s) not imported (only text is coded)",
                    n_sel,
                )
            if rep is not None:
                _read_text_source(rep, name, plan, archive, guid=norm_guid(el.get("guid")))
            else:
                summary.skip("PDF sources", f"PDF {name!r} has no text representation")
        elif tag in MEDIA_SOURCES:
            n = sum(len(_kids(el, t)) for t in ("PictureSelection", "AudioSelection",
                                                  "VideoSelection", "Transcript"))  # fmt: skip
            summary.skip(
                "media sources",
                f"{tag[:-6].lower()} {name!r} not imported (Tematik codes text"
                + (f"; {n} selection(s)/transcript(s) in it" if n else "")
                + ")",
            )
        else:
            summary.skip("unknown sources", f"unknown source element {tag!r} ({name!r})")
    notes = _kid(root, "Notes")
    for n in _kids(notes, "Note") if notes is not None else []:
        g = norm_guid(n.get("guid"))
        if g is None:
            summary.skip("notes without a GUID")
            continue
        text = _kid_text(n, "PlainTextContent")
        path = n.get("plainTextPath")
        if not text and path and archive is not None:
            data = _archive_text(archive, path)
            if data is not None:
                text = _decode(data)[0]
        desc = _kid_text(n, "Description").strip()
        if desc:
            text = desc + ("\n\n" + text if text.strip() else "")
        from coding.importing import normalise_text

        plan.notes[g] = NoteSpec(
            g,
            (n.get("name") or "").strip(),
            normalise_text(text).strip(),
            norm_guid(n.get("creatingUser")),
            _dt(n.get("creationDateTime")),
            _dt(n.get("modifiedDateTime")),
        )
    for s in plan.sources:
        refs_to("source", s.guid, s.notes)
        for c in s.codings:
            if c.guid:
                refs_to("coding", c.guid, c.notes)
    plan.description = _kid_text(root, "Description").strip()
    refs_to("project", "", _note_refs(root))
    for tag, what in (("Links", "Link"), ("Graphs", "Graph")):
        el = _kid(root, tag)
        if el is not None and len(_kids(el, what)):
            n = len(_kids(el, what))
            summary.skip(
                tag.lower(), f"{n} {what.lower()}(s) not imported (Tematik has no {tag.lower()})", n
            )
    _read_sets(root, plan)


def _archive_text(archive: SafeArchive, path: str) -> bytes | None:
    ref = path.strip()
    for prefix in ("internal://", "internal:"):
        if ref.lower().startswith(prefix):
            ref = ref[len(prefix) :]
            break
    else:
        if "://" in ref:
            return None  # relative:// or absolute:// point outside the archive
    ref = ref.lstrip("/")
    for candidate in (f"sources/{ref}", ref):
        member = archive.find(candidate)
        if member is not None:
            return archive.read(member)
    return None


def _read_text_source(
    el: etree._Element,
    name: str,
    plan: RefiPlan,
    archive: SafeArchive | None,
    guid: str | None = None,
) -> None:
    summary = plan.summary
    guid = guid or norm_guid(el.get("guid")) or new_guid()
    selections = _kids(el, "PlainTextSelection")
    whole = _kids(el, "Coding")
    n_codings = sum(len(_kids(s, "Coding")) for s in selections) + len(whole)
    raw: str | None = None
    fmt = "txt"
    inline = _kid(el, "PlainTextContent")
    if inline is not None and (inline.text or "").strip():
        raw = inline.text or ""
    path = el.get("plainTextPath")
    if raw is None and path and archive is not None:
        data = _archive_text(archive, path)
        if data is not None:
            raw, warning = _decode(data)
            if warning:
                summary.note(f"source {name!r}: the text {warning}")
    docx_text = False
    if (raw is None or not raw.strip()) and archive is not None and el.get("richTextPath"):
        data = _archive_text(archive, el.get("richTextPath") or "")
        rich = el.get("richTextPath") or ""
        if data is not None:
            from coding.importing import parse_bytes

            try:
                parsed = parse_bytes(data, Path(rich.split("//")[-1]).name)
            except ImportFailure as exc:
                if raw is None:
                    summary.note(f"source {name!r}: the rich text cannot be read ({exc.reason})")
            else:
                raw, fmt, docx_text = parsed.text, parsed.format, True
    if raw is None or not raw.strip():
        if raw is not None:
            where = "its text is empty"
        elif path and archive is None:
            where = f"its text {path!r} is not in a bare .qde (import the .qdpx)"
        elif path:
            where = f"its text {path!r} is not in the file"
        else:
            where = "the file holds no text for it"
        summary.skip(
            "sources without text",
            f"source {name!r} not imported: {where}"
            + (f"; its {n_codings} coding(s) are skipped" if n_codings else ""),
        )
        if n_codings:
            summary.skip("codings on missing sources", count=n_codings)
        return
    spans = [
        (s, e)
        for sel in selections
        if (s := _int(sel.get("startPosition"))) is not None
        and (e := _int(sel.get("endPosition"))) is not None
        and e > s
    ]
    scheme: PositionScheme | None = scheme_for_origin(summary.origin)
    if docx_text and selections:
        summary.note(
            f"source {name!r}: the plain text was empty, so the text comes from the rich-text "
            "document; check the positions of its codings"
        )
    if scheme is not None:
        omap = OffsetMap(raw, scheme)
        how = f"{scheme.describe()} (known for {summary.origin.split(' ')[0]})"
    else:
        scheme, omap, how = guess_scheme(raw, spans)
        how = how or f"{scheme.describe()} (the standard)"
    if selections:
        summary.positions.append(f"{name}: {how}")
    src = SourceSpec(
        guid=guid,
        name=name,
        text=omap.text,
        notes=_note_refs(el),
        description=_kid_text(el, "Description").strip(),
        fmt=fmt,
        values=[x for vv in _kids(el, "VariableValue") if (x := _value_of(vv))[0]],
    )
    limit = omap.source_length
    for sel in selections:
        s, e = _int(sel.get("startPosition")), _int(sel.get("endPosition"))
        codings = _kids(sel, "Coding")
        label = f"source {name!r}, selection {s}–{e}"
        if s is None or e is None:
            summary.skip("selections with bad positions", f"{label}: positions are not numbers")
            continue
        if s == e:
            summary.skip("zero-length selections", f"{label}: empty selection skipped")
            continue
        if e < s or s < 0 or e > limit:
            summary.skip(
                "selections outside the text",
                f"{label}: outside the text (0–{limit}) or reversed; skipped",
            )
            continue
        if not codings:
            summary.skip(
                "selections without codings",
                f"{label}: a selection with no coding (a quotation) is not imported",
            )
            continue
        start, end = omap.span(s, e)
        if end <= start:
            summary.skip("zero-length selections", f"{label}: no text left after normalising")
            continue
        memo = _kid_text(sel, "Description").strip()
        sel_notes = _note_refs(sel)
        sel_user = norm_guid(sel.get("creatingUser"))
        for j, c in enumerate(codings):
            ref = _kid(c, "CodeRef")
            src.codings.append(
                CodingSpec(
                    guid=norm_guid(c.get("guid")),
                    code=norm_guid(ref.get("targetGUID")) if ref is not None else None,
                    user=norm_guid(c.get("creatingUser")) or sel_user,
                    start=start,
                    end=end,
                    memo=memo,
                    created=_dt(c.get("creationDateTime") or sel.get("creationDateTime")),
                    notes=_note_refs(c) + (sel_notes if j == 0 else []),
                )
            )
    for c in whole:
        ref = _kid(c, "CodeRef")
        src.codings.append(
            CodingSpec(
                guid=norm_guid(c.get("guid")),
                code=norm_guid(ref.get("targetGUID")) if ref is not None else None,
                user=norm_guid(c.get("creatingUser")),
                start=0,
                end=len(src.text),
                memo="",
                created=_dt(c.get("creationDateTime")),
                notes=_note_refs(c),
            )
        )
    plan.sources.append(src)


# --- storing ------------------------------------------------------------------------------------


class _Store:
    """Writes a plan into one session (the caller's transaction)."""

    def __init__(self, s: Session, plan: RefiPlan, progress: ProgressState) -> None:
        self.s = s
        self.plan = plan
        self.summary = plan.summary
        self.progress = progress
        self.coders: dict[str, int] = {}  # file user GUID → coder id
        self.codes: dict[str, int] = {}  # file code GUID → code id
        self.docs: dict[str, int] = {}  # file source GUID → document id
        self.codings: dict[str, int] = {}  # file coding GUID → coding id
        self.attrs: dict[str, Attribute] = {}
        self.used_guids: dict[type, set[str]] = {}

    def guid_for(self, model: type, guid: str | None) -> str:
        """The file's GUID when this table does not have it yet, else a new one."""
        used = self.used_guids.get(model)
        if used is None:
            used = set(self.s.scalars(select(model.guid)))  # type: ignore[attr-defined]
            self.used_guids[model] = used
        g = guid if guid and guid not in used else new_guid()
        used.add(g)
        return g

    # coders
    def store_users(self) -> None:
        existing = {c.guid: c for c in self.s.scalars(select(Coder))}
        by_name = {c.name.lower(): c for c in existing.values()}
        for guid, name in self.plan.users:
            coder = existing.get(guid) or (by_name.get(name.lower()) if name else None)
            if coder is None:
                name = name or f"Bruger {guid[:8]}"
                coder = Coder(guid=self.guid_for(Coder, guid), name=name, role="analyst")
                self.s.add(coder)
                self.s.flush()
                self.summary.coders += 1
                existing[coder.guid] = coder
                by_name[name.lower()] = coder
            self.coders[guid] = coder.id

    def coder_for(self, guid: str | None) -> int:
        if guid and guid in self.coders:
            return self.coders[guid]
        if guid:
            name = f"Bruger {guid[:8]}"
            self.summary.note(f"user {guid} is not in <Users>; stored as coder {name!r}")
            self.plan.users.append((guid, name))
            self.store_users()
            return self.coders[guid]
        fallback = self.plan.creating_user
        if fallback and fallback in self.coders:
            return self.coders[fallback]
        key = "\x00fallback"
        if key not in self.coders:
            coder = self.s.scalars(select(Coder).where(Coder.name == FALLBACK_CODER)).first()
            if coder is None:
                coder = Coder(name=FALLBACK_CODER, role="analyst")
                self.s.add(coder)
                self.s.flush()
                self.summary.coders += 1
            self.summary.note(f"codings without a user are stored for coder {FALLBACK_CODER!r}")
            self.coders[key] = coder.id
        return self.coders[key]

    # codes
    def store_codes(self, specs: list[CodeSpec], parent_id: int | None) -> None:
        siblings = {
            c.name.lower(): c
            for c in self.s.scalars(
                select(Code).where(
                    Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
                )
            )
        }
        position = max((c.position for c in siblings.values()), default=-1) + 1
        for spec in specs:
            existing = self.s.scalars(select(Code).where(Code.guid == spec.guid)).first()
            name = self._code_name(spec.name, spec.guid)
            if existing is None and name.lower() in siblings:
                existing = siblings[name.lower()]
                self.summary.note(f"code {spec.name!r} merged with the existing code of that name")
            if existing is not None:
                self.summary.codes_merged += 1
                code = existing
            else:
                fields = self._code_fields(spec, parent_id is None)
                n = 2
                base = name
                while name.lower() in siblings:
                    name = f"{base} ({n})"
                    n += 1
                code = Code(
                    guid=self.guid_for(Code, spec.guid),
                    name=name,
                    parent_id=parent_id,
                    codable=spec.codable,
                    color=self._color(spec),
                    position=position,
                    **fields,
                )
                position += 1
                self.s.add(code)
                self.s.flush()
                siblings[name.lower()] = code
                self.summary.codes += 1
            self.codes[spec.guid] = code.id
            self.store_codes(spec.children, code.id)

    def _code_name(self, name: str, guid: str) -> str:
        clean = " ".join(name.split())
        if "/" in clean:
            self.summary.note(f"code {clean!r}: '/' replaced by '∕' (it separates code paths)")
            clean = clean.replace("/", "∕")
        if not clean:
            clean = f"Kode {guid[:8]}"
            self.summary.note(f"a code without a name is called {clean!r}")
        return clean[:300]

    def _color(self, spec: CodeSpec) -> str:
        c = (spec.color or "").strip()
        if _COLOR6.match(c):
            return c.lower()
        if _COLOR3.match(c):
            return "#" + "".join(ch * 2 for ch in c[1:]).lower()
        fallback = PALETTE[self.summary.codes % len(PALETTE)]
        if c:
            self.summary.skip(
                "invalid colours", f"code {spec.name!r}: colour {c!r} is invalid; {fallback} used"
            )
        return fallback

    def _code_fields(self, spec: CodeSpec, top: bool) -> dict[str, Any]:
        import json

        desc = spec.description.strip("\n")
        fields: dict[str, Any] = {"definition": desc.strip()}
        if self.plan.tematik and TEMATIK_BLOCK in desc:
            head, _, block = desc.rpartition(TEMATIK_BLOCK)
            fields["definition"] = head.rstrip("\n")
            labels = {label: name for name, label in CODE_LABELS}
            current: str | None = None
            values: dict[str, list[str]] = {}
            for line in block.strip("\n").split("\n"):
                label, sep, rest = line.partition(": ")
                if sep and label in labels and not line.startswith("  "):
                    current = labels[label]
                    values[current] = [rest]
                elif current is not None and line.startswith("  "):
                    values[current].append(line[2:])
            for key, lines in values.items():
                value = "\n".join(lines)
                if key == "kind":
                    if top and value in CODE_KINDS:
                        fields["kind"] = value
                elif key == "indicator_terms":
                    terms = [t.strip() for t in value.split(";") if t.strip()]
                    fields["indicator_terms"] = json.dumps(terms, ensure_ascii=False)
                else:
                    fields[key] = value
        return fields

    # documents
    def store_sources(self) -> None:
        from coding.documents import store_document, text_hash
        from coding.importing import ParsedDocument, detect_language, detect_turns

        total = len(self.plan.sources)
        for i, src in enumerate(self.plan.sources):
            check_cancel(self.progress)
            self.progress.progress(i, total, src.name)
            h = text_hash(src.text)
            doc = self.s.scalars(select(Document).where(Document.guid == src.guid)).first()
            if doc is not None and doc.text_sha256 != h:
                doc = None
            if doc is None:
                doc = self.s.scalars(select(Document).where(Document.text_sha256 == h)).first()
            if doc is not None:
                self.summary.documents_reused += 1
                self.summary.note(
                    f"source {src.name!r} is already in the project as {doc.name!r}; "
                    "its codings are added to it"
                )
            else:
                parsed = ParsedDocument(
                    text=src.text,
                    format=src.fmt,
                    turns=detect_turns(src.text),
                    language=detect_language(src.text),
                )
                doc = store_document(
                    self.s,
                    src.name[:300],
                    parsed,
                    original_filename=src.name[:500],
                    guid=self.guid_for(Document, src.guid),
                )
                self.summary.documents += 1
            self.docs[src.guid] = doc.id
            if src.description:
                self.s.add(Memo(document_id=doc.id, title="Description", text=src.description))
                self.summary.memos += 1
            self.store_codings(src, doc)

    def store_codings(self, src: SourceSpec, doc: Document) -> None:
        seen = set(
            self.s.execute(
                select(Coding.code_id, Coding.coder_id, Coding.start, Coding.end).where(
                    Coding.document_id == doc.id
                )
            ).all()
        )
        rows = []
        codable_fixed: set[int] = set()
        for c in src.codings:
            code_id = self.codes.get(c.code or "")
            if code_id is None:
                self.summary.skip(
                    "codings with an unknown code",
                    f"source {src.name!r}: a coding refers to code {c.code} which is not in the "
                    "codebook; skipped",
                )
                continue
            coder_id = self.coder_for(c.user)
            key = (code_id, coder_id, c.start, c.end)
            if key in seen:
                self.summary.skip("duplicate codings")
                continue
            seen.add(key)
            if code_id not in codable_fixed:
                code = self.s.get(Code, code_id)
                if code is not None and not code.codable:
                    code.codable = True
                    self.summary.note(
                        f"code {code.name!r} is marked not codable but has codings; "
                        "it is now codable"
                    )
                codable_fixed.add(code_id)
            guid = self.guid_for(Coding, c.guid)
            row = {
                "guid": guid,
                "document_id": doc.id,
                "code_id": code_id,
                "coder_id": coder_id,
                "start": c.start,
                "end": c.end,
                "memo": c.memo,
                "pinned": False,
            }
            if c.created is not None:
                row["created_at"] = c.created
            rows.append(row)
            if c.guid:
                self.codings[c.guid] = -1
                self._pending[c.guid] = guid
        if rows:
            with_date = [r for r in rows if "created_at" in r]
            without = [r for r in rows if "created_at" not in r]
            for batch in (with_date, without):
                if batch:
                    self.s.execute(insert(Coding), batch)
            self.summary.codings += len(rows)

    _pending: dict[str, str]

    def resolve_codings(self) -> None:
        if not self._pending:
            return
        ids = dict(
            self.s.execute(
                select(Coding.guid, Coding.id).where(
                    Coding.document_id.in_(set(self.docs.values()))
                )
            ).all()
        )
        for file_guid, stored in self._pending.items():
            if stored in ids:
                self.codings[file_guid] = ids[stored]

    # memos
    def store_notes(self) -> None:
        code_by_file = self.codes
        for g, note in self.plan.notes.items():
            targets = self.plan.note_targets.get(g) or [("project", "")]
            coder_id = self.coders.get(note.user or "")
            first = True
            for kind, target in targets:
                kw: dict[str, Any] = {}
                if kind == "code":
                    kw["code_id"] = code_by_file.get(target)
                elif kind == "source":
                    kw["document_id"] = self.docs.get(target)
                elif kind == "coding":
                    kw["coding_id"] = self.codings.get(target)
                    if kw["coding_id"] == -1:
                        kw["coding_id"] = None
                if kind != "project" and not any(kw.values()):
                    self.summary.note(
                        f"note {note.name or g!r}: its {kind} was not imported; "
                        "stored as a project memo"
                    )
                    kw = {}
                memo = Memo(
                    guid=self.guid_for(Memo, g if first else None),
                    coder_id=coder_id,
                    title=note.name[:300],
                    text=note.text,
                    **kw,
                )
                if note.created:
                    memo.created_at = note.created
                if note.modified:
                    memo.modified_at = note.modified
                self.s.add(memo)
                self.summary.memos += 1
                first = False
        self.s.flush()

    # cases and attributes
    def store_variables(self) -> None:
        existing = list(self.s.scalars(select(Attribute)))
        by_guid = {a.guid: a for a in existing}
        by_name = {a.name.lower(): a for a in existing}
        pos = max((a.position for a in existing), default=0)
        for g, name, vtype, desc in self.plan.variables:
            attr = by_guid.get(g) or by_name.get(name.lower())
            if attr is None:
                pos += 1
                attr = Attribute(
                    guid=self.guid_for(Attribute, g), name=name[:200], type=vtype,
                    description=desc, position=pos,
                )  # fmt: skip
                self.s.add(attr)
                self.s.flush()
                by_name[name.lower()] = attr
                self.summary.variables += 1
            self.attrs[g] = attr

    def _set_value(self, case: Case, var_guid: str, value: str, where: str) -> None:
        attr = self.attrs.get(var_guid)
        if attr is None:
            self.summary.skip(
                "values of unknown variables", f"{where}: a value of unknown variable {var_guid}"
            )
            return
        row = self.s.scalars(
            select(AttributeValue).where(
                AttributeValue.case_id == case.id, AttributeValue.attribute_id == attr.id
            )
        ).first()
        if row is None:
            self.s.add(AttributeValue(case_id=case.id, attribute_id=attr.id, value=value))
        else:
            row.value = value
        self.s.flush()
        self.summary.values += 1

    def store_cases(self) -> None:
        for spec in self.plan.cases:
            case = self.s.scalars(select(Case).where(Case.guid == spec.guid)).first()
            if case is None:
                case = self.s.scalars(select(Case).where(Case.name == spec.name[:300])).first()
            if case is None:
                case = Case(
                    guid=self.guid_for(Case, spec.guid),
                    name=spec.name[:300],
                    description=spec.description,
                )
                self.s.add(case)
                self.s.flush()
                self.summary.cases += 1
            for var, value in spec.values:
                self._set_value(case, var, value, f"case {spec.name!r}")
            for src in spec.sources:
                doc_id = self.docs.get(src)
                if doc_id is None:
                    self.summary.skip(
                        "case members not imported",
                        f"case {spec.name!r}: source {src} was not imported",
                    )
                    continue
                doc = self.s.get(Document, doc_id)
                assert doc is not None
                if doc.case_id not in (None, case.id):
                    self.summary.note(f"document {doc.name!r} moved to case {case.name!r}")
                doc.case_id = case.id
        self.s.flush()
        for src in self.plan.sources:
            if src.values and src.guid in self.docs:
                from coding.attributes import case_for_document

                doc = self.s.get(Document, self.docs[src.guid])
                assert doc is not None
                case = case_for_document(self.s, doc)
                for var, value in src.values:
                    self._set_value(case, var, value, f"source {src.name!r}")

    # sets
    def store_sets(self) -> None:
        for spec in self.plan.sets:
            cs = self.s.scalars(select(CodeSet).where(CodeSet.name == spec.name[:300])).first()
            if cs is None:
                cs = CodeSet(
                    guid=self.guid_for(CodeSet, spec.guid),
                    name=spec.name[:300],
                    description=spec.description,
                )
                self.s.add(cs)
                self.s.flush()
                self.summary.sets += 1
            have = set(
                self.s.execute(
                    select(SetMember.code_id, SetMember.document_id).where(
                        SetMember.set_id == cs.id
                    )
                ).all()
            )
            missing = 0
            for g in spec.codes:
                cid = self.codes.get(g)
                if cid is None:
                    missing += 1
                elif (cid, None) not in have:
                    self.s.add(SetMember(set_id=cs.id, code_id=cid))
                    have.add((cid, None))
            for g in spec.sources:
                did = self.docs.get(g)
                if did is None:
                    missing += 1
                elif (None, did) not in have:
                    self.s.add(SetMember(set_id=cs.id, document_id=did))
                    have.add((None, did))
            if missing:
                self.summary.skip(
                    "set members not imported",
                    f"set {spec.name!r}: {missing} member(s) refer to codes or sources that "
                    "were not imported",
                    missing,
                )
        self.s.flush()

    def run(self) -> None:
        self._pending = {}
        self.store_users()
        self.store_codes(self.plan.codes, None)
        self.s.flush()
        self.store_sources()
        self.s.flush()
        self.resolve_codings()
        self.store_variables()
        self.store_cases()
        self.store_notes()
        self.store_sets()
        if self.plan.description:
            info = self.s.scalars(select(ProjectInfo)).first()
            if info is not None and not info.description:
                info.description = self.plan.description
        self.progress.progress(len(self.plan.sources), len(self.plan.sources), "")


def store_plan(s: Session, plan: RefiPlan, progress: ProgressState | None = None) -> ImportSummary:
    """Store a read plan in the caller's session/transaction; returns the summary."""
    _Store(s, plan, progress or NullProgress()).run()
    return plan.summary


def import_plan(
    db: Database, plan: RefiPlan, progress: ProgressState | None = None
) -> ImportSummary:
    """Store a read plan in ONE transaction: on any error (or Cancel) the project is unchanged."""
    from coding.project import transaction

    try:
        with transaction(db) as s:
            return store_plan(s, plan, progress)
    except (TematikError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a database constraint or similar: the transaction rolled back
        raise TematikError(
            f"Cannot import {plan.summary.file}: {exc.__class__.__name__}: {exc}. "
            "Nothing was imported."
        ) from exc


def import_refi(
    db: Database, path: str | Path, progress: ProgressState | None = None
) -> ImportSummary:
    """Import a REFI-QDA project (.qdpx / .qde) or codebook (.qdc) into a project, in one
    transaction: on any error (or Cancel) the project is unchanged."""
    progress = progress or NullProgress()
    return import_plan(db, read_refi(path, progress), progress)


def count_rows(s: Session) -> dict[str, int]:
    """Row counts of the tables an import writes (for tests and summaries)."""
    out = {}
    for model in (Coder, Code, Document, Coding, Memo, Case, Attribute, AttributeValue, CodeSet):
        out[model.__tablename__] = s.scalar(select(func.count()).select_from(model)) or 0
    return out


__all__ = [
    "ImportSummary",
    "RefiPlan",
    "count_rows",
    "import_plan",
    "import_refi",
    "read_refi",
    "store_plan",
]
