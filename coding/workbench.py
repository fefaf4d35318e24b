"""Read models for the desktop workbench: plain snapshots built with few, narrow queries.

The workbench must open a 300,000-character transcript with 5,000 codings in a fraction of a
second, so these queries select only the columns the views draw (no text cut per coding, no
per-row subqueries). Everything returned is plain data, safe to hand to another thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.attributes import document_attributes
from coding.codebook import CodeNode, code_tree
from coding.documents import TurnInfo, document_turns
from coding.errors import TematikError
from models.entities import Coder, Coding, Document, Memo


@dataclass(frozen=True)
class CodingSpan:
    """One coding as the transcript view draws it (positions in code points)."""

    id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str = ""
    pinned: bool = False


@dataclass(frozen=True)
class CoderInfo:
    id: int
    name: str
    role: str


@dataclass
class DocumentRow:
    """A document in the browser: no text, counts per coder."""

    id: int
    name: str
    format: str
    char_count: int
    attributes: dict[str, str] = field(default_factory=dict)
    codings_by_coder: dict[int, int] = field(default_factory=dict)
    has_memo: bool = False


@dataclass
class DocumentSnapshot:
    """Everything the transcript view needs to show one document."""

    id: int
    name: str
    text: str
    turns: list[TurnInfo]
    codings: list[CodingSpan]


@dataclass
class CodebookSnapshot:
    """The code tree with coding counts (all coders and per coder)."""

    nodes: list[CodeNode]
    counts: dict[int, int]
    counts_by_coder: dict[int, dict[int, int]]  # code id -> coder id -> count


_SPAN_COLS = (Coding.id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end, Coding.memo,
              Coding.pinned)  # fmt: skip


def _span(row: tuple) -> CodingSpan:
    return CodingSpan(row[0], row[1], row[2], row[3], row[4], row[5] or "", bool(row[6]))


def list_coder_infos(session: Session) -> list[CoderInfo]:
    """All coders, by name."""
    rows = session.execute(select(Coder.id, Coder.name, Coder.role).order_by(Coder.name)).all()
    return [CoderInfo(*r) for r in rows]


def document_rows(session: Session) -> list[DocumentRow]:
    """Every document with its attributes and coding counts per coder (three queries)."""
    docs = session.execute(
        select(Document.id, Document.name, Document.format, Document.char_count).order_by(
            Document.position, Document.id
        )
    ).all()
    attrs = document_attributes(session)
    counts: dict[int, dict[int, int]] = {}
    for doc_id, coder_id, n in session.execute(
        select(Coding.document_id, Coding.coder_id, func.count()).group_by(
            Coding.document_id, Coding.coder_id
        )
    ):
        counts.setdefault(doc_id, {})[coder_id] = n
    memo_docs = set(session.scalars(select(Memo.document_id).where(Memo.document_id.is_not(None))))
    return [
        DocumentRow(d[0], d[1], d[2], d[3], attrs.get(d[0], {}), counts.get(d[0], {}), d[0] in memo_docs)
        for d in docs
    ]  # fmt: skip


def document_codings(
    session: Session, document_id: int, coder_ids: list[int] | None = None
) -> list[CodingSpan]:
    """The codings of one document (optionally of some coders), by start."""
    q = select(*_SPAN_COLS).where(Coding.document_id == document_id)
    if coder_ids is not None:
        q = q.where(Coding.coder_id.in_(coder_ids))
    return [_span(r) for r in session.execute(q.order_by(Coding.start, Coding.end, Coding.id))]


def document_snapshot(session: Session, document_id: int) -> DocumentSnapshot:
    """Text, turns and all codings of a document."""
    row = session.execute(
        select(Document.id, Document.name, Document.text).where(Document.id == document_id)
    ).first()
    if row is None:
        raise TematikError("That document no longer exists.")
    return DocumentSnapshot(
        row[0],
        row[1],
        row[2],
        document_turns(session, document_id),
        document_codings(session, document_id),
    )


def span_of(coding: Coding) -> CodingSpan:
    """The span of a coding just added or restored in this session (no query)."""
    return CodingSpan(
        coding.id,
        coding.code_id,
        coding.coder_id,
        coding.start,
        coding.end,
        coding.memo or "",
        bool(coding.pinned),
    )


def coding_span(session: Session, coding_id: int) -> CodingSpan | None:
    """One coding (None when it no longer exists)."""
    row = session.execute(select(*_SPAN_COLS).where(Coding.id == coding_id)).first()
    return None if row is None else _span(row)


def codebook_snapshot(session: Session) -> CodebookSnapshot:
    """The code tree and coding counts per code and per coder."""
    by_coder: dict[int, dict[int, int]] = {}
    total: dict[int, int] = {}
    for code_id, coder_id, n in session.execute(
        select(Coding.code_id, Coding.coder_id, func.count()).group_by(
            Coding.code_id, Coding.coder_id
        )
    ):
        by_coder.setdefault(code_id, {})[coder_id] = n
        total[code_id] = total.get(code_id, 0) + n
    return CodebookSnapshot(code_tree(session), total, by_coder)
