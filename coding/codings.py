"""Coding operations: add, remove, resize, in-vivo, memos and pins.

Each function does one user action's work inside the caller's transaction and returns what
its inverse needs (the app wraps them in undo commands).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, make_transient_to_detached

from coding.codebook import add_code
from coding.errors import TematikError
from models.base import new_guid, utcnow
from models.entities import Code, Coding, Document, Memo

_SNAP_COLS = ("id", "guid", "document_id", "code_id", "coder_id", "start", "end", "memo",
              "pinned", "created_at")  # fmt: skip


def _document_length(session: Session, document_id: int) -> int:
    n = session.scalar(select(Document.char_count).where(Document.id == document_id))
    if n is None:
        raise TematikError("That document no longer exists.")
    return n


def _check_span(session: Session, document_id: int, start: int, end: int) -> None:
    length = _document_length(session, document_id)
    if not (0 <= start < end <= length):
        raise TematikError(
            f"The span {start}–{end} is not inside the document (0–{length}) or is empty."
        )


def _duplicate(
    session: Session, document_id: int, code_id: int, coder_id: int, start: int, end: int
) -> int | None:
    return session.scalar(
        select(Coding.id).where(
            Coding.document_id == document_id,
            Coding.code_id == code_id,
            Coding.coder_id == coder_id,
            Coding.start == start,
            Coding.end == end,
        )
    )


# The four checks of add_coding in one round trip (document length, the code's kind and name,
# the coder, an identical coding); all are primary-key or unique-index lookups.
_ADD_CHECKS = (
    "SELECT (SELECT char_count FROM document WHERE id = :doc),"
    " (SELECT codable FROM code WHERE id = :code),"
    " (SELECT name FROM code WHERE id = :code),"
    " (SELECT 1 FROM coder WHERE id = :coder),"
    " (SELECT id FROM coding WHERE document_id = :doc AND code_id = :code"
    ' AND coder_id = :coder AND start = :start AND "end" = :end)'
)
_ADD_CHECKS_STMT = text(_ADD_CHECKS)
_CODING_INSERT = Coding.__table__.insert()


def add_coding(
    session: Session,
    document_id: int,
    code_id: int,
    coder_id: int,
    start: int,
    end: int,
    memo: str = "",
    *,
    guid: str | None = None,
) -> Coding:
    """Code [start, end) of a document. Overlaps are allowed; the identical span with the
    same code by the same coder is refused.

    One query checks the document, the span, the code, the coder and duplicates; one Core
    insert stores the row. The returned Coding is persistent in ``session`` (no reload)."""
    session.flush()  # pending changes (say, a code just made) must be seen by the checks
    params = {"doc": document_id, "code": code_id, "coder": coder_id, "start": start, "end": end}
    length, codable, name, coder, dup = session.execute(_ADD_CHECKS_STMT, params).one()
    if length is None:
        raise TematikError("That document no longer exists.")
    if not (0 <= start < end <= length):
        raise TematikError(
            f"The span {start}–{end} is not inside the document (0–{length}) or is empty."
        )
    if codable is None:
        raise TematikError("That code no longer exists.")
    if not codable:
        raise TematikError(f"{name!r} is a category; choose a code below it.")
    if coder is None:
        raise TematikError("That coder no longer exists.")
    if dup is not None:
        raise TematikError(f"You have already coded exactly this passage with {name!r}.")
    values: dict[str, Any] = {
        "guid": guid or new_guid(),
        "created_at": utcnow(),
        "document_id": document_id,
        "code_id": code_id,
        "coder_id": coder_id,
        "start": start,
        "end": end,
        "memo": memo,
        "pinned": False,
    }
    result = session.execute(_CODING_INSERT, values)
    coding = Coding(id=result.inserted_primary_key[0], **values)
    make_transient_to_detached(coding)
    session.add(coding)
    return coding


def get_coding(session: Session, coding_id: int) -> Coding:
    coding = session.get(Coding, coding_id)
    if coding is None:
        raise TematikError("That coding no longer exists.")
    return coding


def remove_coding(session: Session, coding_id: int) -> dict[str, Any]:
    """Uncode. Returns a snapshot that :func:`restore_coding` puts back (same id and GUID)."""
    coding = get_coding(session, coding_id)
    snap = {c: getattr(coding, c) for c in _SNAP_COLS}
    snap["memos"] = [
        {"guid": m.guid, "coder_id": m.coder_id, "text": m.text, "title": m.title}
        for m in session.scalars(select(Memo).where(Memo.coding_id == coding_id))
    ]
    session.delete(coding)
    session.flush()
    return snap


def restore_coding(session: Session, snap: dict[str, Any]) -> Coding:
    data = {k: v for k, v in snap.items() if k != "memos"}
    coding = Coding(**data)
    session.add(coding)
    session.flush()
    for m in snap.get("memos", []):
        session.add(Memo(coding_id=coding.id, **m))
    session.flush()
    return coding


def resize_coding(session: Session, coding_id: int, start: int, end: int) -> tuple[int, int]:
    """Move a coding's ends; returns the old (start, end)."""
    coding = get_coding(session, coding_id)
    _check_span(session, coding.document_id, start, end)
    dup = _duplicate(session, coding.document_id, coding.code_id, coding.coder_id, start, end)
    if dup is not None and dup != coding_id:
        raise TematikError("That would make the coding identical to another one.")
    old = (coding.start, coding.end)
    coding.start, coding.end = start, end
    session.flush()
    return old


def set_coding_memo(session: Session, coding_id: int, memo: str) -> str:
    """Set the memo on a coding; returns the old memo."""
    coding = get_coding(session, coding_id)
    old, coding.memo = coding.memo, memo
    session.flush()
    return old


def set_pinned(session: Session, coding_id: int, pinned: bool) -> bool:
    """Pin a coding as a representative quote for reports; returns the old state."""
    coding = get_coding(session, coding_id)
    old, coding.pinned = coding.pinned, pinned
    session.flush()
    return old


def in_vivo_name(text: str, limit: int = 60) -> str:
    """A code name from the selected words (whitespace folded, cut at a word boundary)."""
    words = " ".join(text.replace("/", " ").split()).strip(" .,;:!?\"'«»“”„")
    if len(words) > limit:
        words = words[:limit].rsplit(" ", 1)[0] + "…"
    return words


def in_vivo(
    session: Session,
    document_id: int,
    coder_id: int,
    start: int,
    end: int,
    parent_id: int | None = None,
) -> tuple[Code, Coding]:
    """Create a code named by the selected text itself and code the selection with it."""
    _check_span(session, document_id, start, end)
    text = session.scalar(
        select(func.substr(Document.text, start + 1, end - start)).where(Document.id == document_id)
    )
    name = in_vivo_name(text or "")
    if not name:
        raise TematikError("Select some words to make an in-vivo code.")
    code = add_code(session, name, parent_id)
    return code, add_coding(session, document_id, code.id, coder_id, start, end)


# --- memos -------------------------------------------------------------------------------------


def _memo_filter(document_id: int | None, code_id: int | None, coding_id: int | None) -> list:
    return [
        Memo.document_id.is_(None) if document_id is None else Memo.document_id == document_id,
        Memo.code_id.is_(None) if code_id is None else Memo.code_id == code_id,
        Memo.coding_id.is_(None) if coding_id is None else Memo.coding_id == coding_id,
    ]


def get_memo(
    session: Session,
    *,
    coder_id: int | None = None,
    document_id: int | None = None,
    code_id: int | None = None,
    coding_id: int | None = None,
) -> Memo | None:
    """The memo on a target (no target = the project memo); by one coder when given."""
    q = select(Memo).where(*_memo_filter(document_id, code_id, coding_id))
    if coder_id is not None:
        q = q.where(Memo.coder_id == coder_id)
    return session.scalars(q.order_by(Memo.id)).first()


def list_memos(
    session: Session, *, document_id: int | None = None, code_id: int | None = None
) -> list[Memo]:
    q = select(Memo)
    if document_id is not None:
        q = q.where(Memo.document_id == document_id)
    if code_id is not None:
        q = q.where(Memo.code_id == code_id)
    return list(session.scalars(q.order_by(Memo.created_at)))


def set_memo(
    session: Session,
    text: str,
    *,
    coder_id: int | None,
    document_id: int | None = None,
    code_id: int | None = None,
    coding_id: int | None = None,
    title: str = "",
) -> str:
    """Write a coder's memo on a target (creating it); returns the old text ('' if new).
    An empty text deletes the memo."""
    memo = get_memo(
        session, coder_id=coder_id, document_id=document_id, code_id=code_id, coding_id=coding_id
    )
    old = memo.text if memo else ""
    if memo is None and text:
        session.add(
            Memo(
                coder_id=coder_id,
                document_id=document_id,
                code_id=code_id,
                coding_id=coding_id,
                title=title,
                text=text,
            )
        )
    elif memo is not None and not text:
        session.delete(memo)
    elif memo is not None:
        memo.text = text
        if title:
            memo.title = title
    session.flush()
    return old
