"""REFI-QDA export: the project as ``.qdpx`` (``project.qde`` + ``sources/``) or the code
book as ``.qdc``, valid against the QDA-XML 1.0 schemas.

Mapping (Tematik → QDA-XML):

* coders → ``Users/User``; codes → ``CodeBook/Codes/Code`` (nested, ``color``,
  ``isCodable``; the definition in ``Description``, with inclusion, exclusion, example, kind
  and indicator terms in a labelled ``[Tematik]`` block that the importer reads back);
* documents → ``TextSource`` with ``plainTextPath="internal://<guid>.txt"`` and the text,
  UTF-8 with ``\\n``, in ``sources/``; positions are code points, end exclusive;
* codings → one ``PlainTextSelection`` each (the coding memo in its ``Description``) with one
  ``Coding`` whose ``creatingUser`` is the coder;
* memos → ``Notes/Note`` referenced by ``NoteRef`` from the project, source, code or coding;
* attributes → ``Variables``; cases → ``Cases/Case`` with ``VariableValue`` and ``SourceRef``;
* sets → ``Sets/Set`` with ``MemberCode`` / ``MemberSource``.

Speaker turns have no place in QDA-XML; the importer detects them again from the text.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.codebook import terms_of
from coding.errors import TematikError
from coding.progress import NullProgress, ProgressState, check_cancel
from coding.project import project_info
from models.entities import (
    Attribute,
    AttributeValue,
    Case,
    Code,
    Coder,
    CodeSet,
    Coding,
    Document,
    Memo,
    SetMember,
)

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ORIGIN = "Tematik 0.1.0"
TEMATIK_BLOCK = "[Tematik]"
# Labels of the Tematik block in a code's Description (field name, label).
CODE_LABELS = (
    ("kind", "Kind"),
    ("inclusion", "Inclusion"),
    ("exclusion", "Exclusion"),
    ("example", "Example"),
    ("indicator_terms", "Indicator terms"),
)
VARIABLE_TYPES = {
    "text": "Text",
    "integer": "Integer",
    "float": "Float",
    "date": "Date",
    "boolean": "Boolean",
}
_INT_RE = re.compile(r"^-?\d+$")
_DEC_RE = re.compile(r"^-?\d+\.\d+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SELECTION_NS = uuid.UUID("6f0b1c3e-5d1a-4a53-9a4e-7d2c0f1e9b10")


@dataclass
class ExportReport:
    """What an export wrote."""

    path: str
    documents: int = 0
    codes: int = 0
    codings: int = 0
    memos: int = 0
    coders: int = 0
    cases: int = 0
    variables: int = 0
    sets: int = 0


def _dt(value: datetime | None) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(
    parent: etree._Element, tag: str, ns: str = PROJECT_NS, **attrs: str | None
) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ns}}}{tag}")
    for k, v in attrs.items():
        if v is not None:
            el.set(k, v)
    return el


def _text(parent: etree._Element, tag: str, text: str, ns: str = PROJECT_NS) -> etree._Element:
    el = _sub(parent, tag, ns)
    el.text = _xml_safe(text)
    return el


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def code_description(code: Code) -> str:
    """A code's ``Description``: the definition, then a ``[Tematik]`` block with the other
    codebook fields (one ``Label: value`` per field; continuation lines indented)."""
    lines: list[str] = []
    values = {
        "kind": code.kind or "",
        "inclusion": code.inclusion,
        "exclusion": code.exclusion,
        "example": code.example,
        "indicator_terms": "; ".join(terms_of(code)),
    }
    for field_name, label in CODE_LABELS:
        value = values[field_name]
        if value:
            first, *rest = value.split("\n")
            lines.append(f"{label}: {first}")
            lines.extend("  " + r for r in rest)
    definition = code.definition or ""
    if not lines:
        return definition
    return (definition + "\n\n" if definition else "") + TEMATIK_BLOCK + "\n" + "\n".join(lines)


def _typed_value(type_: str, value: str) -> tuple[str, str]:
    """The VariableValue element for a stored value: typed only when it reads back the same."""
    if type_ == "integer" and _INT_RE.match(value):
        return "IntegerValue", value
    if type_ == "float" and (_DEC_RE.match(value) or _INT_RE.match(value)):
        return "FloatValue", value
    if type_ == "boolean" and value in ("true", "false"):
        return "BooleanValue", value
    if type_ == "date" and _DATE_RE.match(value):
        return "DateValue", value
    return "TextValue", value


def _codes_element(
    session: Session,
    parent: etree._Element,
    ns: str,
    note_refs: dict[int, list[str]] | None,
) -> int:
    codes = list(session.scalars(select(Code).order_by(Code.position, Code.id)))
    kids: dict[int | None, list[Code]] = defaultdict(list)
    for c in codes:
        kids[c.parent_id].append(c)
    if not codes:
        return 0
    codes_el = _sub(parent, "Codes", ns)

    def add(el: etree._Element, code: Code) -> None:
        c_el = _sub(
            el,
            "Code",
            ns,
            guid=code.guid,
            name=_xml_safe(code.name),
            isCodable="true" if code.codable else "false",
            color=code.color if re.match(r"^#[0-9a-fA-F]{6}$", code.color or "") else None,
        )
        desc = code_description(code)
        if desc:
            _text(c_el, "Description", desc, ns)
        if note_refs is not None:
            for g in note_refs.get(code.id, []):
                _sub(c_el, "NoteRef", ns, targetGUID=g)
        for child in kids.get(code.id, []):
            add(c_el, child)

    for root in kids.get(None, []):
        add(codes_el, root)
    return len(codes)


def codebook_xml(session: Session) -> bytes:
    """The code tree as a REFI-QDA codebook (``.qdc``) document."""
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", ORIGIN)
    if _codes_element(session, root, CODEBOOK_NS, None) == 0:
        raise TematikError("The codebook is empty: there are no codes to export.")
    _sets(session, root, CODEBOOK_NS, codes_only=True)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _sets(session: Session, parent: etree._Element, ns: str, *, codes_only: bool,
          doc_ids: set[int] | None = None) -> int:  # fmt: skip
    sets = list(session.scalars(select(CodeSet).order_by(CodeSet.id)))
    members: dict[int, list[SetMember]] = defaultdict(list)
    for m in session.scalars(select(SetMember).order_by(SetMember.id)):
        members[m.set_id].append(m)
    code_guids = dict(session.execute(select(Code.id, Code.guid)).all())
    doc_guids = dict(session.execute(select(Document.id, Document.guid)).all())
    if codes_only:
        sets = [s for s in sets if any(m.code_id for m in members[s.id])]
    if not sets:
        return 0
    sets_el = _sub(parent, "Sets", ns)
    for s in sets:
        s_el = _sub(sets_el, "Set", ns, guid=s.guid, name=_xml_safe(s.name))
        if s.description:
            _text(s_el, "Description", s.description, ns)
        for m in members[s.id]:
            if m.code_id is not None:
                _sub(s_el, "MemberCode", ns, **{"guid" if codes_only else "targetGUID":
                                                 code_guids[m.code_id]})  # fmt: skip
        if not codes_only:
            for m in members[s.id]:
                if m.document_id is not None and (doc_ids is None or m.document_id in doc_ids):
                    _sub(s_el, "MemberSource", ns, targetGUID=doc_guids[m.document_id])
    return len(sets)


def selection_guid(coding_guid: str) -> str:
    """A stable GUID for the PlainTextSelection that carries a coding."""
    return str(uuid.uuid5(_SELECTION_NS, coding_guid.lower()))


def project_xml(
    session: Session,
    *,
    coder_ids: list[int] | None = None,
    document_ids: list[int] | None = None,
    progress: ProgressState | None = None,
) -> tuple[bytes, list[tuple[str, str]], ExportReport]:
    """The project as ``project.qde`` bytes, the source files to store as ``(guid, text)``
    and the counts. ``coder_ids`` / ``document_ids`` restrict what is exported."""
    progress = progress or NullProgress()
    report = ExportReport(path="")
    info = project_info(session)
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS, "xsi": XSI_NS})
    root.set("name", _xml_safe(info.name or "Tematik"))
    root.set("origin", ORIGIN)
    root.set("creationDateTime", _dt(info.created_at) or _dt(datetime.now()) or "")
    root.set(
        f"{{{XSI_NS}}}schemaLocation",
        f"{PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd",
    )

    coders = list(session.scalars(select(Coder).order_by(Coder.id)))
    if coder_ids is not None:
        coders = [c for c in coders if c.id in set(coder_ids)]
    coder_guid = {c.id: c.guid for c in coders}
    documents = list(session.scalars(select(Document).order_by(Document.position, Document.id)))
    if document_ids is not None:
        documents = [d for d in documents if d.id in set(document_ids)]
    doc_ids = {d.id for d in documents}

    # Codings (lean rows), memos and where each memo is referenced from.
    q = select(
        Coding.id, Coding.guid, Coding.document_id, Coding.code_id, Coding.coder_id,
        Coding.start, Coding.end, Coding.memo, Coding.created_at,
    ).order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)  # fmt: skip
    codings_by_doc: dict[int, list] = defaultdict(list)
    for row in session.execute(q):
        if row.document_id in doc_ids and row.coder_id in coder_guid:
            codings_by_doc[row.document_id].append(row)
    exported_codings = {r.id for rows in codings_by_doc.values() for r in rows}
    code_guid = dict(session.execute(select(Code.id, Code.guid)).all())

    memos = list(session.scalars(select(Memo).order_by(Memo.id)))
    memos = [
        m
        for m in memos
        if (m.coding_id is None or m.coding_id in exported_codings)
        and (m.document_id is None or m.document_id in doc_ids)
        and (m.coder_id is None or m.coder_id in coder_guid)
    ]
    refs_project: list[str] = []
    refs_doc: dict[int, list[str]] = defaultdict(list)
    refs_code: dict[int, list[str]] = defaultdict(list)
    refs_coding: dict[int, list[str]] = defaultdict(list)
    for m in memos:
        if m.coding_id is not None:
            refs_coding[m.coding_id].append(m.guid)
        elif m.code_id is not None:
            refs_code[m.code_id].append(m.guid)
        elif m.document_id is not None:
            refs_doc[m.document_id].append(m.guid)
        else:
            refs_project.append(m.guid)

    # Users
    if coders:
        users = _sub(root, "Users")
        for c in coders:
            _sub(users, "User", guid=c.guid, name=_xml_safe(c.name))
    report.coders = len(coders)

    # CodeBook
    cb = etree.Element(f"{{{PROJECT_NS}}}CodeBook")
    report.codes = _codes_element(session, cb, PROJECT_NS, refs_code)
    if report.codes:
        root.append(cb)

    # Variables
    attributes = list(session.scalars(select(Attribute).order_by(Attribute.position, Attribute.id)))
    if attributes:
        vars_el = _sub(root, "Variables")
        for a in attributes:
            v_el = _sub(
                vars_el,
                "Variable",
                guid=a.guid,
                name=_xml_safe(a.name),
                typeOfVariable=VARIABLE_TYPES.get(a.type, "Text"),
            )
            if a.description:
                _text(v_el, "Description", a.description)
    report.variables = len(attributes)
    attr_by_id = {a.id: a for a in attributes}

    # Cases
    cases = list(session.scalars(select(Case).order_by(Case.id)))
    values: dict[int, list[AttributeValue]] = defaultdict(list)
    for v in session.scalars(select(AttributeValue).order_by(AttributeValue.id)):
        values[v.case_id].append(v)
    docs_of_case: dict[int, list[str]] = defaultdict(list)
    for d in documents:
        if d.case_id is not None:
            docs_of_case[d.case_id].append(d.guid)
    cases = [c for c in cases if document_ids is None or docs_of_case.get(c.id)]
    if cases:
        cases_el = _sub(root, "Cases")
        for case in cases:
            c_el = _sub(cases_el, "Case", guid=case.guid, name=_xml_safe(case.name))
            if case.description:
                _text(c_el, "Description", case.description)
            vals = sorted(
                values.get(case.id, []),
                key=lambda v: (attr_by_id[v.attribute_id].position, v.attribute_id),
            )
            for v in vals:
                attr = attr_by_id[v.attribute_id]
                vv = _sub(c_el, "VariableValue")
                _sub(vv, "VariableRef", targetGUID=attr.guid)
                tag, text = _typed_value(attr.type, v.value)
                _text(vv, tag, text)
            for g in docs_of_case.get(case.id, []):
                _sub(c_el, "SourceRef", targetGUID=g)
    report.cases = len(cases)

    # Sources
    files: list[tuple[str, str]] = []
    if documents:
        sources = _sub(root, "Sources")
        for i, doc in enumerate(documents):
            check_cancel(progress)
            progress.progress(i, len(documents), doc.name)
            s_el = _sub(
                sources,
                "TextSource",
                guid=doc.guid,
                name=_xml_safe(doc.name),
                plainTextPath=f"internal://{doc.guid}.txt",
                creationDateTime=_dt(doc.imported_at),
            )
            files.append((doc.guid, doc.text))
            for row in codings_by_doc.get(doc.id, []):
                sel = _sub(
                    s_el,
                    "PlainTextSelection",
                    guid=selection_guid(row.guid),
                    name=_xml_safe(_selection_name(doc.text[row.start : row.end])),
                    startPosition=str(row.start),
                    endPosition=str(row.end),
                    creatingUser=coder_guid[row.coder_id],
                    creationDateTime=_dt(row.created_at),
                )
                if row.memo:
                    _text(sel, "Description", row.memo)
                c_el = _sub(
                    sel,
                    "Coding",
                    guid=row.guid,
                    creatingUser=coder_guid[row.coder_id],
                    creationDateTime=_dt(row.created_at),
                )
                _sub(c_el, "CodeRef", targetGUID=code_guid[row.code_id])
                for g in refs_coding.get(row.id, []):
                    _sub(c_el, "NoteRef", targetGUID=g)
                report.codings += 1
            for g in refs_doc.get(doc.id, []):
                _sub(s_el, "NoteRef", targetGUID=g)
    report.documents = len(documents)

    # Notes
    if memos:
        notes = _sub(root, "Notes")
        for m in memos:
            n_el = _sub(
                notes,
                "Note",
                guid=m.guid,
                name=_xml_safe(m.title) if m.title else None,
                creatingUser=coder_guid.get(m.coder_id) if m.coder_id else None,
                creationDateTime=_dt(m.created_at),
                modifiedDateTime=_dt(m.modified_at),
            )
            _text(n_el, "PlainTextContent", m.text)
    report.memos = len(memos)

    report.sets = _sets(session, root, PROJECT_NS, codes_only=False, doc_ids=doc_ids)
    if info.description:
        _text(root, "Description", info.description)
    for g in refs_project:
        _sub(root, "NoteRef", targetGUID=g)
    progress.progress(len(documents), len(documents), "")
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml, files, report


def _selection_name(text: str, limit: int = 60) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def _atomic_write(path: Path, write: callable) -> None:  # type: ignore[valid-type]
    """Write through a temporary file in the same folder, then rename over ``path``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".tematik-", suffix=path.suffix, dir=path.parent or ".")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_qdpx(
    session: Session,
    path: str | Path,
    *,
    coder_ids: list[int] | None = None,
    document_ids: list[int] | None = None,
    progress: ProgressState | None = None,
) -> ExportReport:
    """Write the project as a REFI-QDA project archive (``.qdpx``)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise TematikError(f"Cannot write {path.name}: the folder {path.parent} does not exist.")
    xml, files, report = project_xml(
        session, coder_ids=coder_ids, document_ids=document_ids, progress=progress
    )

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("project.qde", xml)
            for guid, text in files:
                z.writestr(f"sources/{guid}.txt", text.encode("utf-8"))

    try:
        _atomic_write(path, write)
    except OSError as exc:
        raise TematikError(f"Cannot write {path.name}: {exc.strerror or exc}.") from exc
    report.path = str(path)
    return report


def export_qdc(session: Session, path: str | Path) -> ExportReport:
    """Write the code tree as a REFI-QDA codebook (``.qdc``)."""
    path = Path(path)
    data = codebook_xml(session)
    try:
        _atomic_write(path, lambda tmp: tmp.write_bytes(data))
    except OSError as exc:
        raise TematikError(f"Cannot write {path.name}: {exc.strerror or exc}.") from exc
    report = ExportReport(path=str(path))
    report.codes = len(list(session.scalars(select(Code.id))))
    return report
