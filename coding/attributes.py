"""Cases and attributes: import from CSV / XLSX keyed by document, read and set values."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.errors import TematikError
from models.entities import Attribute, AttributeValue, Case, Document

MAX_TABLE_BYTES = 20 * 1024 * 1024
KEY_COLUMNS = (
    "document",
    "dokument",
    "file",
    "fil",
    "filename",
    "name",
    "navn",
    "case",
    "interview",
)


@dataclass
class AttributeReport:
    attributes: list[str] = field(default_factory=list)
    documents: int = 0
    unknown_documents: list[str] = field(default_factory=list)


def _read_rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise TematikError(f"Cannot read attributes from {path.name}: no such file.")
    if path.stat().st_size > MAX_TABLE_BYTES:
        raise TematikError(f"Cannot read attributes from {path.name}: the file is too large.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        import zipfile

        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise TematikError(
                f"Cannot read attributes from {path.name}: not a valid Excel file ({exc})."
            ) from exc
        ws = wb.worksheets[0]
        rows = [
            ["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
             for v in row]
            for row in ws.iter_rows(values_only=True)
        ]  # fmt: skip
        wb.close()
        return rows
    if suffix not in (".csv", ".tsv", ".txt"):
        raise TematikError(f"Cannot read attributes from {path.name}: use a .csv or .xlsx file.")
    from coding.importing.textnorm import ReadError, decode_plain_text

    try:
        text, _encoding = decode_plain_text(path.read_bytes())
    except ReadError as exc:
        raise TematikError(f"Cannot read attributes from {path.name}: {exc}") from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def guess_type(values: list[str]) -> str:
    vals = [v for v in values if v != ""]
    if not vals:
        return "text"
    try:
        for v in vals:
            int(v)
        return "integer"
    except ValueError:
        pass
    try:
        for v in vals:
            float(v.replace(",", "."))
        return "float"
    except ValueError:
        return "text"


def case_for_document(session: Session, doc: Document) -> Case:
    """The document's case, created (named after the document) when it has none."""
    if doc.case is None:
        case = session.scalars(select(Case).where(Case.name == doc.name)).first()
        if case is None:
            case = Case(name=doc.name)
            session.add(case)
        doc.case = case
        session.flush()
    assert doc.case is not None
    return doc.case


def ensure_attribute(session: Session, name: str, type_: str = "text") -> Attribute:
    attr = session.scalars(
        select(Attribute).where(func.lower(Attribute.name) == name.lower())
    ).first()
    if attr is None:
        pos = (session.scalar(select(func.max(Attribute.position))) or 0) + 1
        attr = Attribute(name=name, type=type_, position=pos)
        session.add(attr)
        session.flush()
    return attr


def set_value(session: Session, case: Case, attribute: Attribute, value: str) -> str:
    """Set a case's attribute value; returns the old value ('' if none)."""
    row = session.scalars(
        select(AttributeValue).where(
            AttributeValue.case_id == case.id, AttributeValue.attribute_id == attribute.id
        )
    ).first()
    old = row.value if row else ""
    if row is None:
        session.add(AttributeValue(case_id=case.id, attribute_id=attribute.id, value=value))
    else:
        row.value = value
    session.flush()
    return old


def import_attributes(session: Session, path: Path) -> AttributeReport:
    """Read a table whose first (or 'document') column names documents and whose other
    columns are attributes. Documents not in the project are reported, not stored."""
    path = Path(path)
    rows = [r for r in _read_rows(path) if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise TematikError(f"{path.name} has no data rows under a header row.")
    header = [h.strip() for h in rows[0]]
    key = next((i for i, h in enumerate(header) if h.lower() in KEY_COLUMNS), 0)
    columns = [(i, h) for i, h in enumerate(header) if i != key and h]
    if not columns:
        raise TematikError(f"{path.name} has no attribute columns besides the document column.")
    docs = {d.name.lower(): d for d in session.scalars(select(Document))}
    for d in list(docs.values()):
        if d.original_filename:
            docs.setdefault(d.original_filename.lower(), d)
            docs.setdefault(Path(d.original_filename).stem.lower(), d)
    report = AttributeReport()
    matched: list[tuple[Document, list[str]]] = []
    for r in rows[1:]:
        r = r + [""] * (len(header) - len(r))
        name = r[key].strip()
        doc = docs.get(name.lower())
        if doc is None:
            report.unknown_documents.append(name)
        else:
            matched.append((doc, r))
    if not matched:
        raise TematikError(
            f"None of the documents named in {path.name} is in the project "
            f"(first column: {', '.join(report.unknown_documents[:5])})."
        )
    for i, h in columns:
        attr = ensure_attribute(session, h, guess_type([r[i].strip() for _, r in matched]))
        report.attributes.append(attr.name)
        for doc, r in matched:
            set_value(session, case_for_document(session, doc), attr, r[i].strip())
    report.documents = len(matched)
    return report


def list_attributes(session: Session) -> list[Attribute]:
    return list(session.scalars(select(Attribute).order_by(Attribute.position, Attribute.id)))


def document_attributes(session: Session) -> dict[int, dict[str, str]]:
    """Document id → {attribute name: value} (one query)."""
    rows = session.execute(
        select(Document.id, Attribute.name, AttributeValue.value)
        .join(AttributeValue, AttributeValue.case_id == Document.case_id)
        .join(Attribute, Attribute.id == AttributeValue.attribute_id)
    ).all()
    out: dict[int, dict[str, str]] = {}
    for doc_id, name, value in rows:
        out.setdefault(doc_id, {})[name] = value
    return out


def attribute_values(session: Session, attribute: str) -> list[str]:
    attr = session.scalars(
        select(Attribute).where(func.lower(Attribute.name) == attribute.lower())
    ).first()
    if attr is None:
        raise TematikError(f"No attribute {attribute!r} in the project.")
    return sorted(
        set(
            session.scalars(
                select(AttributeValue.value).where(AttributeValue.attribute_id == attr.id)
            )
        )
    )
