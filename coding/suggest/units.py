"""The unit of suggestion: a speaker turn, or a sentence when a document has no turns.

Interviewer turns (a speaker whose role is ``interviewer``) are left out: the codebook codes
what the interviewed leaders say. A turn's leading speaker label ("R: ") is trimmed off, so an
accepted suggestion codes exactly what was said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.progress import NullProgress, ProgressState, check_cancel
from models.entities import Coding, Document, Speaker, Turn

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_WORD = re.compile(r"\w", re.UNICODE)
_LABEL = re.compile(r"\s*([^\n:]{1,40}):[ \t]*")


@dataclass(frozen=True)
class Unit:
    """[start, end) of a document: one respondent turn or one sentence."""

    document_id: int
    start: int
    end: int
    kind: str = "turn"  # turn | sentence
    speaker: str | None = None


@dataclass
class AnalysedUnit:
    """A unit with its spaCy doc (token offsets are relative to ``unit.start``)."""

    unit: Unit
    doc: Doc
    lemmas: list[str] = field(default_factory=list)  # content lemmas, filled on demand


def _trim(text: str, start: int, end: int, speaker: str | None) -> tuple[int, int]:
    """Trim surrounding blanks and a leading "Speaker:" label off [start, end)."""
    piece = text[start:end]
    m = _LABEL.match(piece)
    if m and (speaker is None or m.group(1).strip().lower() == speaker.strip().lower()):
        start += m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def load_documents(
    session: Session, document_ids: Iterable[int] | None = None
) -> list[tuple[int, str]]:
    """(id, text) of the documents, in project order."""
    q = select(Document.id, Document.text).order_by(Document.position, Document.id)
    if document_ids is not None:
        q = q.where(Document.id.in_(list(document_ids)))
    return [(i, t) for i, t in session.execute(q).all()]


def turn_units(session: Session, documents: list[tuple[int, str]]) -> dict[int, list[Unit]]:
    """Respondent turns per document id (documents without turns are absent)."""
    ids = [d for d, _ in documents]
    texts = dict(documents)
    rows = session.execute(
        select(Turn.document_id, Turn.start, Turn.end, Speaker.name, Speaker.role)
        .outerjoin(Speaker, Speaker.id == Turn.speaker_id)
        .where(Turn.document_id.in_(ids))
        .order_by(Turn.document_id, Turn.start)
    ).all()
    out: dict[int, list[Unit]] = {}
    for doc_id, start, end, speaker, role in rows:
        out.setdefault(doc_id, [])
        if (role or "").lower() == "interviewer":
            continue
        text = texts[doc_id]
        s, e = _trim(text, start, min(end, len(text)), speaker)
        if e > s and _WORD.search(text, s, e):
            out[doc_id].append(Unit(doc_id, s, e, "turn", speaker))
    return out


def analyse(
    session: Session,
    nlp: Language,
    document_ids: Iterable[int] | None = None,
    progress: ProgressState | None = None,
    *,
    batch_size: int = 256,
) -> Iterator[AnalysedUnit]:
    """Run the pipeline once over every unit of the documents (streaming, in batches).

    Documents with speaker turns are analysed turn by turn; the others are analysed whole
    and split into sentences.
    """
    progress = progress or NullProgress()
    documents = load_documents(session, document_ids)
    turns = turn_units(session, documents)
    total = len(documents)
    for i, (doc_id, text) in enumerate(documents):
        check_cancel(progress)
        progress.progress(i, total, "Analysing transcripts")
        units = turns.get(doc_id)
        if units is None:
            yield from _sentence_units(nlp, doc_id, text)
            continue
        with nlp.select_pipes(
            disable=[p for p in ("sentencizer", "senter") if p in nlp.pipe_names]
        ):
            docs = nlp.pipe((text[u.start : u.end] for u in units), batch_size=batch_size)
            for unit, doc in zip(units, docs, strict=True):
                yield AnalysedUnit(unit, doc)
    progress.progress(total, total, "Analysed")


def _sentence_units(nlp: Language, doc_id: int, text: str) -> Iterator[AnalysedUnit]:
    if not text.strip():
        return
    doc = nlp(text)
    for sent in doc.sents:
        start, end = _trim(text, sent.start_char, sent.end_char, "")
        if end <= start or not _WORD.search(text, start, end):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        yield AnalysedUnit(Unit(doc_id, start, end, "sentence"), span.as_doc())


def content_lemmas(doc: Doc, stop: frozenset[str]) -> list[str]:
    """The lemmas of word tokens that are not stop words (lower case)."""
    return [
        t.lemma_
        for t in doc
        if t.is_alpha and len(t.text) > 1 and t.lemma_ not in stop and t.lower_ not in stop
    ]


def truth(
    session: Session,
    units: list[Unit],
    coder_ids: Iterable[int] | None = None,
) -> list[set[int]]:
    """Per unit, the codes that a human coding overlaps (union over the given coders,
    or all coders when None)."""
    by_doc: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        by_doc.setdefault(u.document_id, []).append(i)
    q = select(Coding.document_id, Coding.code_id, Coding.start, Coding.end).where(
        Coding.document_id.in_(list(by_doc))
    )
    if coder_ids is not None:
        q = q.where(Coding.coder_id.in_(list(coder_ids)))
    out: list[set[int]] = [set() for _ in units]
    for doc_id, code_id, start, end in session.execute(q).all():
        for i in by_doc.get(doc_id, ()):
            u = units[i]
            if start < u.end and u.start < end:
                out[i].add(code_id)
    return out


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when [a_start, a_end) and [b_start, b_end) share at least one character."""
    return a_start < b_end and b_start < a_end


__all__: list[Any] = [
    "AnalysedUnit",
    "Unit",
    "analyse",
    "content_lemmas",
    "load_documents",
    "overlaps",
    "truth",
    "turn_units",
]
