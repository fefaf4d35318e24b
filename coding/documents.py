"""Documents: storing imported transcripts (atomic per file), batch import, renaming, deleting."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from coding.errors import ImportFailure, TematikError
from coding.importing.base import ParsedDocument
from coding.progress import NullProgress, ProgressState
from models.base import new_guid, utcnow
from models.db import Database, bulk_insert, insert_returning_id
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


class _Batch:
    """What storing needs to know about the project, read once per batch."""

    def __init__(self, conn: Connection) -> None:
        self.names = set(conn.scalars(select(Document.name)))
        self.hashes = set(conn.scalars(select(Document.text_sha256)))
        self.position = conn.scalar(select(func.max(Document.position))) or 0

    def unique_name(self, name: str) -> str:
        candidate, n = name, 1
        while candidate in self.names:
            n += 1
            candidate = f"{name} ({n})"
        return candidate


def _insert_document(
    conn: Connection,
    batch: _Batch,
    name: str,
    parsed: ParsedDocument,
    original_filename: str,
    guid: str | None,
    case_id: int | None,
    digest: str | None = None,
) -> tuple[int, str]:
    """Insert a document with its speakers and turns with Core statements (fast)."""
    name = batch.unique_name(name)
    batch.position += 1
    digest = digest or text_hash(parsed.text)
    doc_id = insert_returning_id(
        conn,
        Document.__table__,
        {
            "guid": guid or new_guid(),
            "name": name,
            "text": parsed.text,
            "original_filename": original_filename,
            "format": parsed.format,
            "source_sha256": parsed.source_sha256,
            "text_sha256": digest,
            "imported_at": utcnow(),
            "language": parsed.language,
            "char_count": len(parsed.text),
            "position": batch.position,
            "case_id": case_id,
        },
    )
    speaker_ids: dict[str, int] = {}
    table = Speaker.__table__
    for sname in sorted({t.speaker for t in parsed.turns if t.speaker}):
        speaker_ids[sname] = insert_returning_id(
            conn,
            table,
            {"guid": new_guid(), "document_id": doc_id, "name": sname, "role": speaker_role(sname)},
        )
    bulk_insert(
        conn,
        Turn.__table__,
        ("document_id", "speaker_id", "start", "end", "timestamp"),
        [
            (doc_id, speaker_ids.get(t.speaker) if t.speaker else None, t.start, t.end, t.timestamp)
            for t in parsed.turns
        ],
    )
    batch.names.add(name)
    batch.hashes.add(digest)
    return doc_id, name


def store_document(
    session: Session,
    name: str,
    parsed: ParsedDocument,
    *,
    original_filename: str = "",
    guid: str | None = None,
    case: Case | None = None,
) -> Document:
    """Store a parsed transcript with its speakers and turns (in the caller's transaction)."""
    session.flush()
    conn = session.connection()
    doc_id, _ = _insert_document(
        conn, _Batch(conn), name, parsed, original_filename, guid, case.id if case else None
    )
    doc = session.get(Document, doc_id)
    assert doc is not None
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


@contextmanager
def _bulk_connection(db: Database) -> Iterator[Connection]:
    """A transaction for rows built together (a document, its speakers, its turns). On
    SQLite the per-row foreign-key checks are switched off for it: every parent row is one
    this transaction has just inserted. They are switched on again before the connection
    goes back to the pool."""
    with db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                yield conn
        finally:
            if sqlite:
                try:
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                    conn.commit()
                except BaseException:
                    conn.invalidate()  # never hand a connection without checks back
                    raise


def import_file(db: Database, path: Path, *, name: str | None = None) -> Document | None:
    """Parse and store one file in its own transaction. Returns None for a duplicate.

    Raises ImportFailure: nothing is stored then."""
    from coding.importing import parse_file
    from coding.project import transaction

    parsed = parse_file(path)
    with transaction(db) as s:
        if s.scalar(select(Document.id).where(Document.text_sha256 == text_hash(parsed.text))):
            return None
        return store_document(s, name or path.stem, parsed, original_filename=path.name)


def import_files(
    db: Database,
    paths: list[Path],
    progress: ProgressState | None = None,
    *,
    commit_seconds: float = 0.25,
) -> ImportReport:
    """Import files, each atomically: a file that cannot be read stores nothing, the others
    are stored. Reports progress; cancel stops between files (what was stored stays).

    Files are committed in groups at least every ``commit_seconds`` (a crash loses at most
    that much import work); should the database refuse a group, its files are retried one
    transaction each, so only the file at fault fails."""
    from coding.importing import parse_file

    progress = progress or NullProgress()
    report = ImportReport()
    total = len(paths)
    pending: list[tuple[Path, ParsedDocument, str]] = []

    def flush() -> None:
        if not pending:
            return
        try:
            with _bulk_connection(db) as conn:
                batch = _Batch(conn)
                names = [
                    _insert_document(conn, batch, p.stem, d, p.name, None, None, h)[1]
                    for p, d, h in pending
                ]
            report.imported.extend(names)
        except SQLAlchemyError:
            for p, d, h in pending:  # one transaction each: only the file at fault fails
                try:
                    with db.engine.begin() as conn:
                        one = _insert_document(conn, _Batch(conn), p.stem, d, p.name, None, None, h)
                    report.imported.append(one[1])
                except SQLAlchemyError as exc:
                    reason = f"the database refused it ({getattr(exc, 'orig', None) or exc})"
                    report.failed.append(str(ImportFailure(p.name, reason)))
        pending.clear()

    with db.engine.connect() as conn:
        seen = set(conn.scalars(select(Document.text_sha256)))
    last_commit = time.perf_counter()
    for i, path in enumerate(paths):
        if progress.cancelled():
            report.cancelled = True
            break
        progress.progress(i, total, Path(path).name)
        path = Path(path)
        try:
            parsed = parse_file(path)
        except ImportFailure as exc:
            report.failed.append(str(exc))
            continue
        digest = text_hash(parsed.text)
        if digest in seen:
            report.skipped.append(f"{path.name}: the same text is already in the project")
            continue
        seen.add(digest)
        report.warnings.extend(f"{path.name}: {w}" for w in parsed.warnings)
        pending.append((path, parsed, digest))
        if time.perf_counter() - last_commit >= commit_seconds:
            flush()
            last_commit = time.perf_counter()
    flush()
    if not report.cancelled:
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
