"""Documents: storing imported transcripts (atomic per file), batch import, renaming, deleting."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coding.errors import Cancelled, ImportFailure, TematikError
from coding.importing.base import ParsedDocument
from coding.progress import NullProgress, ProgressState
from models.base import new_guid, new_guids
from models.db import Database, bulk_insert
from models.entities import Case, Coding, Document, Speaker, Turn

INTERVIEWER_HINTS = ("interviewer", "intervieweren", "i", "int", "q", "moderator", "spørger")


def speaker_role(name: str) -> str:
    """'interviewer' for the usual interviewer labels, else '' (unknown)."""
    low = name.strip().lower()
    return "interviewer" if low in INTERVIEWER_HINTS or low.startswith("interviewer") else ""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def list_documents(session: Session) -> list[Document]:
    return list(session.scalars(select(Document).order_by(Document.position, Document.id)))


def find_document(session: Session, ref: str) -> Document:
    """A document by name (case-insensitive), file name, or GUID."""
    low = ref.strip().lower()
    for q in (
        select(Document).where(func.lower(Document.name) == low),
        select(Document).where(func.lower(Document.original_filename) == low),
        select(Document).where(Document.guid == low),
    ):
        doc = session.scalars(q).first()
        if doc is not None:
            return doc
    names = ", ".join(d.name for d in list_documents(session)[:20])
    raise TematikError(f"No document {ref!r} in the project (documents: {names or 'none'}).")


def unique_document_name(session: Session, name: str) -> str:
    base, n, candidate = name, 1, name
    while session.scalar(select(Document.id).where(Document.name == candidate)) is not None:
        n += 1
        candidate = f"{base} ({n})"
    return candidate


def store_document(
    session: Session,
    name: str,
    parsed: ParsedDocument,
    *,
    original_filename: str = "",
    guid: str | None = None,
    case: Case | None = None,
) -> Document:
    """Store a parsed transcript with its speakers and turns (bulk inserts)."""
    position = (session.scalar(select(func.max(Document.position))) or 0) + 1
    doc = Document(
        guid=guid or new_guid(),
        name=unique_document_name(session, name),
        text=parsed.text,
        original_filename=original_filename,
        format=parsed.format,
        source_sha256=parsed.source_sha256,
        text_sha256=text_hash(parsed.text),
        language=parsed.language,
        char_count=len(parsed.text),
        position=position,
        case=case,
    )
    session.add(doc)
    session.flush()
    conn = session.connection()
    names = sorted({t.speaker for t in parsed.turns if t.speaker})
    speaker_ids: dict[str, int] = {}
    if names:
        guids = new_guids(len(names))
        conn.execute(
            Speaker.__table__.insert(),
            [
                {"guid": g, "document_id": doc.id, "name": n, "role": speaker_role(n)}
                for g, n in zip(guids, names, strict=True)
            ],
        )
        speaker_ids = dict(
            conn.execute(
                select(Speaker.name, Speaker.id).where(Speaker.document_id == doc.id)
            ).all()
        )
    if parsed.turns:
        doc_id = doc.id
        bulk_insert(
            conn,
            Turn.__table__,
            ("document_id", "speaker_id", "start", "end", "timestamp"),
            [
                (
                    doc_id,
                    speaker_ids.get(t.speaker) if t.speaker else None,
                    t.start,
                    t.end,
                    t.timestamp,
                )
                for t in parsed.turns
            ],
        )
    return doc


@dataclass
class ImportReport:
    """What a batch import did, file by file."""

    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # duplicates, with the reason
    failed: list[str] = field(default_factory=list)  # clear error messages
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed


def import_file(db: Database, path: Path, *, name: str | None = None) -> Document | None:
    """Parse and store one file in its own transaction. Returns None for a duplicate.

    Raises ImportFailure: nothing is stored then."""
    from coding.importing import parse_file
    from coding.project import transaction

    parsed = parse_file(path)
    with transaction(db) as s:
        dup = s.scalar(select(Document.name).where(Document.text_sha256 == text_hash(parsed.text)))
        if dup is not None:
            return None
        return store_document(s, name or path.stem, parsed, original_filename=path.name)


def import_files(
    db: Database, paths: list[Path], progress: ProgressState | None = None
) -> ImportReport:
    """Import files one by one (each atomic), reporting progress; cancel stops between files."""
    progress = progress or NullProgress()
    report = ImportReport()
    total = len(paths)
    for i, path in enumerate(paths):
        if progress.cancelled():
            report.cancelled = True
            break
        progress.progress(i, total, path.name)
        try:
            doc = import_file(db, Path(path))
        except ImportFailure as exc:
            report.failed.append(str(exc))
            continue
        except Cancelled:
            report.cancelled = True
            break
        if doc is None:
            report.skipped.append(f"{Path(path).name}: the same text is already in the project")
        else:
            report.imported.append(doc.name)
    else:
        progress.progress(total, total, "")
    return report


def rename_document(session: Session, document_id: int, name: str) -> str:
    doc = session.get(Document, document_id)
    if doc is None:
        raise TematikError("That document no longer exists.")
    name = name.strip()
    if not name:
        raise TematikError("A document needs a name.")
    clash = session.scalar(select(Document.id).where(Document.name == name, Document.id != doc.id))
    if clash is not None:
        raise TematikError(f"There is already a document named {name!r}.")
    old, doc.name = doc.name, name
    session.flush()
    return old


def delete_document(session: Session, document_id: int) -> None:
    """Delete a document with its turns and codings."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise TematikError("That document no longer exists.")
    session.execute(delete(Coding).where(Coding.document_id == document_id))
    session.delete(doc)
    session.flush()


@dataclass
class TurnInfo:
    start: int
    end: int
    speaker: str | None
    timestamp: float | None


def document_turns(session: Session, document_id: int) -> list[TurnInfo]:
    rows = session.execute(
        select(Turn.start, Turn.end, Speaker.name, Turn.timestamp)
        .outerjoin(Speaker, Speaker.id == Turn.speaker_id)
        .where(Turn.document_id == document_id)
        .order_by(Turn.start)
    ).all()
    return [TurnInfo(*r) for r in rows]
