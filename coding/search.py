"""Text search in transcripts, and coding every hit at once ("code all hits").

Plain searches are matched literally; regular expressions use Python's :mod:`re` syntax.
Both are case-insensitive unless asked otherwise, and both work on the Unicode text as
stored, so ``æ``, ``ø`` and ``å`` match their capitals and positions are code points
(the same positions codings use).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.codings import add_coding
from coding.errors import TematikError
from models.entities import Code, Coding, Document

CONTEXT = 50  # characters of context shown on each side of a hit
MAX_HITS = 20_000  # a runaway pattern (e.g. ``.``) stops here


@dataclass(frozen=True)
class Hit:
    """One match: ``[start, end)`` in a document's text, with some context."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    before: str
    after: str


def compile_pattern(
    pattern: str, *, regex: bool = False, case_sensitive: bool = False
) -> re.Pattern:
    """The compiled search pattern; a bad regular expression raises a clear TematikError."""
    if not pattern:
        raise TematikError("Type something to search for.")
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        return re.compile(pattern if regex else re.escape(pattern), flags)
    except re.error as exc:
        raise TematikError(f"The regular expression {pattern!r} is not valid: {exc}.") from exc


def search_text(text: str, compiled: re.Pattern, *, limit: int = MAX_HITS) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of non-empty matches in ``text``."""
    spans: list[tuple[int, int]] = []
    for m in compiled.finditer(text):
        if m.end() > m.start():
            spans.append((m.start(), m.end()))
            if len(spans) >= limit:
                break
    return spans


def search_documents(
    session: Session,
    pattern: str,
    regex: bool = False,
    document_ids: Iterable[int] | None = None,
    case_sensitive: bool = False,
    *,
    context: int = CONTEXT,
    limit: int = MAX_HITS,
) -> list[Hit]:
    """Find ``pattern`` in all documents (or the given ones), in document order.

    Args:
        pattern: the text or regular expression to find.
        regex: treat ``pattern`` as a regular expression.
        document_ids: search only these documents (None: all).
        case_sensitive: match capitals exactly.
        context: characters of context kept on each side of a hit.
        limit: stop after this many hits in total.

    Returns:
        The hits, ordered by document position and offset.
    """
    compiled = compile_pattern(pattern, regex=regex, case_sensitive=case_sensitive)
    q = select(Document.id, Document.name, Document.text).order_by(Document.position, Document.id)
    if document_ids is not None:
        q = q.where(Document.id.in_(list(document_ids)))
    hits: list[Hit] = []
    for doc_id, name, text in session.execute(q):
        for start, end in search_text(text, compiled, limit=limit - len(hits)):
            hits.append(
                Hit(
                    document_id=doc_id,
                    document=name,
                    start=start,
                    end=end,
                    text=text[start:end],
                    before=text[max(0, start - context) : start],
                    after=text[end : end + context],
                )
            )
        if len(hits) >= limit:
            break
    return hits


def code_hits(session: Session, hits: Iterable[Hit], code_id: int, coder_id: int) -> list[int]:
    """Code every hit with ``code_id`` for ``coder_id`` in the caller's transaction.

    Hits this coder has already coded with this code (the identical span) are skipped, as
    are repeated hits. Returns the ids of the new codings (remove them to undo).
    """
    code = session.get(Code, code_id)
    if code is None:
        raise TematikError("That code no longer exists.")
    if not code.codable:
        raise TematikError(f"{code.name!r} is a category; choose a code below it.")
    hits = list(hits)
    doc_ids = {h.document_id for h in hits}
    existing: set[tuple[int, int, int]] = set()
    if doc_ids:
        existing = {
            (d, s, e)
            for d, s, e in session.execute(
                select(Coding.document_id, Coding.start, Coding.end).where(
                    Coding.code_id == code_id,
                    Coding.coder_id == coder_id,
                    Coding.document_id.in_(doc_ids),
                )
            )
        }
    new_ids: list[int] = []
    for hit in hits:
        key = (hit.document_id, hit.start, hit.end)
        if key in existing:
            continue
        existing.add(key)
        new_ids.append(
            add_coding(session, hit.document_id, code_id, coder_id, hit.start, hit.end).id
        )
    return new_ids
