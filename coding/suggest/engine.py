"""Project-level suggestion work: analyse once, run the sources, train, load the model.

These are plain functions taking a :class:`~coding.progress.ProgressState`, so the app runs
them in background workers and the CLI calls them directly.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.codebook import code_paths, terms_of
from coding.errors import TematikError
from coding.progress import NullProgress, ProgressState, check_cancel
from coding.project import get_setting, project_info, set_setting, transaction
from coding.suggest import SOURCES
from coding.suggest.units import AnalysedUnit, Unit, analyse, content_lemmas, truth
from models.db import Database
from models.entities import Code, Coding, Suggestion, SuggestionDecision

if TYPE_CHECKING:
    from spacy.language import Language

    from coding.suggest.model import SuggestModel
    from coding.suggest.similar import Seed

MODEL_SETTING = "suggest.model"
# Scores at or above these are shown by default (the app's slider and --threshold change it).
DEFAULT_THRESHOLDS = {"terms": 0.3, "model": 0.3, "similar": 0.2}
# Candidates below these are not stored at all.
STORE_FLOORS = {"terms": 0.0, "model": 0.15, "similar": 0.12}
CHUNK = 2000


@dataclass
class Candidate:
    """A proposed code for [start, end) of a document, with its explanation."""

    document_id: int
    code_id: int
    start: int
    end: int
    source: str
    score: float
    evidence: dict[str, Any]


@dataclass
class SuggestRun:
    """What :func:`generate` produced."""

    candidates: list[Candidate] = field(default_factory=list)
    units: int = 0
    tokens: int = 0
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def project_nlp(session: Session) -> Language:
    """The cached pipeline for the project's language."""
    from coding.suggest.pipeline import get_nlp

    return get_nlp(project_info(session).language or "da")


def code_terms(session: Session) -> dict[int, list[str]]:
    """Codable code id → its indicator terms (codes without terms are absent)."""
    out = {}
    for code in session.scalars(select(Code).where(Code.codable.is_(True))):
        terms = terms_of(code)
        if terms:
            out[code.id] = terms
    return out


def _chunks(items: Iterator[AnalysedUnit], size: int) -> Iterator[list[AnalysedUnit]]:
    chunk: list[AnalysedUnit] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- sources -----------------------------------------------------------------------------------


def annotate_terms(
    matcher: Any, analysed: Sequence[AnalysedUnit], guid_of: dict[int, str]
) -> list[dict[int, list[Any]]]:
    """Match the indicator terms in every unit once; the hits are returned (per unit: code id
    → hits) and recorded on the docs as classifier features."""
    from coding.suggest.pipeline import set_term_features
    from coding.suggest.terms import term_score

    out = []
    for a in analysed:
        hits = matcher.match(a.doc)
        set_term_features(
            a.doc,
            {guid_of[c]: [h.text for h in hs] for c, hs in hits.items() if c in guid_of},
            {guid_of[c]: term_score(hs) for c, hs in hits.items() if c in guid_of},
        )
        out.append(hits)
    return out


def unit_features(doc: Any, stop: frozenset[str]) -> set[str]:
    """Content lemmas plus the indicator-term features of a unit (for the evidence table)."""
    from coding.suggest.pipeline import TERMS_KEY, term_feature

    feats = set(content_lemmas(doc, stop))
    feats.update(term_feature(g) for g in doc.user_data.get(TERMS_KEY, {}))
    return feats


def term_candidates(
    analysed: Sequence[AnalysedUnit], unit_hits: Sequence[dict[int, list[Any]]]
) -> list[Candidate]:
    """Indicator-term candidates for analysed units (hits from :func:`annotate_terms`)."""
    from coding.suggest.terms import term_score

    out = []
    for a, unit_hits_ in zip(analysed, unit_hits, strict=True):
        u = a.unit
        for code_id, hits in unit_hits_.items():
            terms: dict[str, dict[str, Any]] = {}
            for h in hits:
                terms.setdefault(
                    h.term,
                    {
                        "term": h.term,
                        "text": h.text,
                        "start": u.start + h.start,
                        "end": u.start + h.end,
                        "match": h.match,
                    },
                )
            out.append(
                Candidate(
                    u.document_id,
                    code_id,
                    u.start,
                    u.end,
                    "terms",
                    term_score(hits),
                    {"terms": list(terms.values())},
                )
            )
    return out


def model_candidates(
    model: SuggestModel,
    analysed: Sequence[AnalysedUnit],
    guid_to_id: dict[str, int],
    floor: float = STORE_FLOORS["model"],
) -> list[Candidate]:
    """Classifier candidates (score ≥ ``floor``) with their strongest features."""
    import numpy as np

    if not analysed:
        return []
    scores = model.predict([a.doc for a in analysed])
    out = []
    rows, cols = np.nonzero(scores >= floor)
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        label = model.labels[c]
        code_id = guid_to_id.get(label)
        if code_id is None:  # the code was deleted since training
            continue
        a = analysed[r]
        ev = model.evidence(a.doc, label)
        for e in ev:
            if e["start"] is not None:
                e["start"] += a.unit.start
                e["end"] += a.unit.start
        out.append(
            Candidate(
                a.unit.document_id,
                code_id,
                a.unit.start,
                a.unit.end,
                "model",
                round(float(scores[r, c]), 4),
                {"features": ev, "trained_at": model.meta.get("trained_at", "")},
            )
        )
    return out


def coding_seeds(
    session: Session,
    nlp: Language,
    coding_ids: Iterable[int] | None = None,
    *,
    document_ids: Iterable[int] | None = None,
    coder_ids: Iterable[int] | None = None,
) -> list[Seed]:
    """Seeds for "more like this": the given codings, or all codings (of the documents /
    coders given)."""
    from coding.suggest.pipeline import stop_words
    from coding.suggest.similar import Seed

    q = select(Coding)
    if coding_ids is not None:
        q = q.where(Coding.id.in_(list(coding_ids)))
    if document_ids is not None:
        q = q.where(Coding.document_id.in_(list(document_ids)))
    if coder_ids is not None:
        q = q.where(Coding.coder_id.in_(list(coder_ids)))
    codings = list(session.scalars(q.order_by(Coding.id)))
    texts = [c.document.text[c.start : c.end] for c in codings]
    stop = stop_words(nlp)
    disable = [p for p in ("sentencizer", "senter") if p in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        docs = list(nlp.pipe(texts, batch_size=256))
    return [
        Seed(c.code_id, c.document_id, c.start, c.end, tuple(content_lemmas(d, stop)), c.guid, t)
        for c, d, t in zip(codings, docs, texts, strict=True)
    ]


def similar_candidates(
    units: Sequence[Unit],
    unit_lemmas: Sequence[Sequence[str]],
    seeds: Sequence[Seed],
    *,
    floor: float = STORE_FLOORS["similar"],
    top_k: int | None = None,
) -> list[Candidate]:
    """ "More like this" candidates: units similar to the seeds, for the seeds' codes."""
    from coding.suggest.similar import LemmaIndex, similar_units

    if not seeds or not units:
        return []
    index = LemmaIndex(unit_lemmas)
    spans = [(u.document_id, u.start, u.end) for u in units]
    out = []
    for h in similar_units(index, spans, seeds, floor=floor, top_k=top_k):
        u = units[h.unit_index]
        out.append(
            Candidate(
                u.document_id,
                h.code_id,
                u.start,
                u.end,
                "similar",
                h.score,
                {
                    "like": {
                        "coding": h.seed.coding_guid,
                        "document_id": h.seed.document_id,
                        "start": h.seed.start,
                        "end": h.seed.end,
                        "text": h.seed.text[:200],
                    },
                    "shared": [{"lemma": w, "weight": round(x, 4)} for w, x in h.shared],
                },
            )
        )
    return out


def coding_count(session: Session) -> int:
    """The number of codings in the project (the app retrains as this grows)."""
    from sqlalchemy import func

    return int(session.scalar(select(func.count(Coding.id))) or 0)


def coding_guids(session: Session, coding_ids: Iterable[int]) -> set[str]:
    """The GUIDs of the codings (what "more like this" evidence names as its seed)."""
    return set(session.scalars(select(Coding.guid).where(Coding.id.in_(list(coding_ids)))))


# --- the model in the project --------------------------------------------------------------------

_model_cache: dict[tuple[str, str], SuggestModel] = {}


def load_model(session: Session) -> SuggestModel | None:
    """The project's trained model, or None when none has been trained."""
    from coding.suggest.model import SuggestModel

    data = get_setting(session, MODEL_SETTING)
    if not data:
        return None
    key = (
        str(session.get_bind().url),
        str(data.get("meta", {}).get("trained_at", "")) + str(len(data.get("weights", ""))),
    )
    model = _model_cache.get(key)
    if model is None:
        model = SuggestModel.from_json(data)
        _model_cache.clear()
        _model_cache[key] = model
    return model


def model_info(session: Session) -> dict[str, Any] | None:
    """The stored model's meta data (labels as code paths), without loading the weights."""
    data = get_setting(session, MODEL_SETTING)
    if not data:
        return None
    paths = code_paths(session)
    by_guid = {c.guid: c.id for c in session.scalars(select(Code))}
    meta = dict(data.get("meta", {}))
    meta["codes"] = [paths.get(by_guid.get(g, -1), "(deleted code)") for g in data["labels"]]
    return meta


def _suggestion_codings(session: Session) -> set[int]:
    """Codings created by accepting a suggestion."""
    return {
        cid
        for cid in session.scalars(
            select(SuggestionDecision.coding_id).where(SuggestionDecision.coding_id.is_not(None))
        )
        if cid is not None
    }


@dataclass
class TrainingSet:
    docs: list[Any]
    cats: list[dict[str, float]]
    lemmas: list[set[str]]
    documents: int
    rejections: int


def training_set(
    session: Session,
    analysed: Sequence[AnalysedUnit],
    nlp: Language,
    *,
    coder_ids: Iterable[int] | None = None,
    document_ids: Iterable[int] | None = None,
    use_decisions: bool = True,
) -> TrainingSet:
    """Labelled units for training.

    A document counts as coded when it has a human coding that did not come from an accepted
    suggestion; all its units are labelled (positive for every code whose coding overlaps the
    unit, negative for the others). In other documents only decided units are used: an
    accepted suggestion is a positive, a rejected one a negative, for that code only. A
    rejection inside a coded document never overrides a human coding of the code.
    """
    from coding.suggest.pipeline import stop_words

    stop = stop_words(nlp)
    guid_of = dict(session.execute(select(Code.id, Code.guid).where(Code.codable.is_(True))).all())
    units = [a.unit for a in analysed]
    allowed = set(document_ids) if document_ids is not None else None
    from_suggestions = _suggestion_codings(session) if use_decisions else set()
    q = select(Coding.document_id, Coding.id)
    if coder_ids is not None:
        q = q.where(Coding.coder_id.in_(list(coder_ids)))
    coded_docs = {d for d, cid in session.execute(q).all() if cid not in from_suggestions}
    if allowed is not None:
        coded_docs &= allowed
    positives = truth(session, units, coder_ids)
    decided: dict[int, dict[str, float]] = {}
    n_rejections = 0
    if use_decisions:
        rows = session.execute(
            select(
                Suggestion.document_id,
                Suggestion.code_id,
                Suggestion.start,
                Suggestion.end,
                SuggestionDecision.state,
            ).join(SuggestionDecision, SuggestionDecision.suggestion_id == Suggestion.id)
        ).all()
        by_doc: dict[int, list[int]] = {}
        for i, u in enumerate(units):
            by_doc.setdefault(u.document_id, []).append(i)
        for doc_id, code_id, start, end, state in rows:
            if state not in ("accepted", "rejected") or code_id not in guid_of:
                continue
            if allowed is not None and doc_id not in allowed:
                continue
            for i in by_doc.get(doc_id, ()):
                u = units[i]
                if u.start < end and start < u.end:
                    value = 1.0 if state == "accepted" else 0.0
                    if value == 0.0 and code_id in positives[i] and doc_id in coded_docs:
                        continue
                    decided.setdefault(i, {})[guid_of[code_id]] = value
                    n_rejections += state == "rejected"
    docs, cats, lemmas = [], [], []
    for i, a in enumerate(analysed):
        doc_id = a.unit.document_id
        if doc_id in coded_docs:
            c = {g: (1.0 if cid in positives[i] else 0.0) for cid, g in guid_of.items()}
            c.update(decided.get(i, {}))
        elif i in decided:
            c = decided[i]
        else:
            continue
        docs.append(a.doc)
        cats.append(c)
        lemmas.append(unit_features(a.doc, stop))
    return TrainingSet(docs, cats, lemmas, len(coded_docs), n_rejections)


def codebook_examples(
    session: Session, nlp: Language, matcher: Any
) -> tuple[list[Any], list[dict[str, float]], list[set[str]]]:
    """Labelled pseudo-units from the codebook: per codable code its definition, example
    quote, indicator-term list and each indicator term alone, positive for the code and negative for the others."""
    from coding.suggest.pipeline import stop_words

    codes = list(session.scalars(select(Code).where(Code.codable.is_(True))))
    guid_of = {c.id: c.guid for c in codes}
    pairs = []
    for c in codes:
        terms = terms_of(c)
        for text in (c.definition, c.example, ", ".join(terms), *terms):
            if text and text.strip():
                pairs.append((c.id, text))
    disable = [p for p in ("sentencizer", "senter") if p in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        docs = list(nlp.pipe((t for _, t in pairs), batch_size=64))
    analysed = [AnalysedUnit(Unit(-1, 0, len(d.text), "codebook"), d) for d in docs]
    annotate_terms(matcher, analysed, guid_of)
    stop = stop_words(nlp)
    cats = [
        {g: (1.0 if cid == code_id else 0.0) for cid, g in guid_of.items()} for code_id, _ in pairs
    ]
    return docs, cats, [unit_features(d, stop) for d in docs]


@dataclass
class TrainReport:
    units: int
    documents: int
    rejections: int
    labels: list[str]
    seconds: float


def train(db: Database, progress: ProgressState | None = None) -> TrainReport:
    """Train the classifier on the project's codings and decisions, and store it."""
    from coding.suggest.model import fit
    from coding.suggest.terms import TermMatcher

    progress = progress or NullProgress()
    started = time.perf_counter()
    with transaction(db) as s:
        nlp = project_nlp(s)
        language = project_info(s).language or "da"
        analysed = list(analyse(s, nlp, progress=progress))
        guid_of = dict(s.execute(select(Code.id, Code.guid)).all())
        matcher = TermMatcher(nlp, code_terms(s))
        annotate_terms(matcher, analysed, guid_of)
        data = training_set(s, analysed, nlp)
        prior = codebook_examples(s, nlp, matcher)
    if not data.docs:
        raise TematikError(
            "Nothing to learn from yet: code some passages (or accept / reject suggestions) first."
        )
    model = fit(
        language,
        data.docs + prior[0],
        data.cats + prior[1],
        data.lemmas + prior[2],
        progress=progress,
    )
    model.meta["documents"] = data.documents
    model.meta["rejections"] = data.rejections
    check_cancel(progress)
    with transaction(db) as s:
        set_setting(s, MODEL_SETTING, model.to_json())
        paths = code_paths(s)
        by_guid = {c.guid: c.id for c in s.scalars(select(Code))}
        labels = [paths.get(by_guid.get(g, -1), g) for g in model.labels]
    return TrainReport(
        len(data.docs), data.documents, data.rejections, labels, time.perf_counter() - started
    )


# --- generating ----------------------------------------------------------------------------------


def generate(
    db: Database,
    *,
    sources: Sequence[str] = SOURCES,
    document_ids: Iterable[int] | None = None,
    seed_coding_ids: Iterable[int] | None = None,
    progress: ProgressState | None = None,
    store: bool = True,
) -> SuggestRun:
    """Run the sources over the documents (all when None) and store the candidates.

    ``similar`` uses the codings ``seed_coding_ids`` as seeds ("more like this"), or every
    coding in the project when None. ``model`` is skipped with a note when no model has been
    trained yet (an error when it is the only source asked for).
    """
    from coding.suggest.pipeline import stop_words
    from coding.suggest.terms import TermMatcher

    for src in sources:
        if src not in SOURCES:
            raise TematikError(f"Unknown suggestion source {src!r}; use {', '.join(SOURCES)}.")
    progress = progress or NullProgress()
    started = time.perf_counter()
    run = SuggestRun()
    doc_ids = list(document_ids) if document_ids is not None else None
    with transaction(db) as s:
        nlp = project_nlp(s)
        matcher = TermMatcher(nlp, code_terms(s)) if {"terms", "model"} & set(sources) else None
        model = load_model(s) if "model" in sources else None
        if "model" in sources and model is None:
            if list(sources) == ["model"]:
                raise TematikError(
                    "No suggestion model has been trained for this project yet: run "
                    "'python main.py train PROJECT' (or Train in the app) first."
                )
            run.notes.append("No model trained yet: model suggestions skipped.")
        guid_to_id = dict(s.execute(select(Code.guid, Code.id)).all())
        guid_of = {i: g for g, i in guid_to_id.items()}
        want_similar = "similar" in sources
        stop = stop_words(nlp)
        all_units: list[Unit] = []
        all_lemmas: list[list[str]] = []
        for chunk in _chunks(analyse(s, nlp, doc_ids, progress), CHUNK):
            check_cancel(progress)
            run.units += len(chunk)
            run.tokens += sum(len(a.doc) for a in chunk)
            if matcher is not None:
                hits = annotate_terms(matcher, chunk, guid_of)
                if "terms" in sources:
                    run.candidates.extend(term_candidates(chunk, hits))
            if model is not None:
                run.candidates.extend(model_candidates(model, chunk, guid_to_id))
            if want_similar:
                for a in chunk:
                    all_units.append(a.unit)
                    all_lemmas.append(content_lemmas(a.doc, stop))
        if want_similar:
            progress.progress(0, 1, "Finding similar passages")
            seeds = coding_seeds(s, nlp, seed_coding_ids)
            run.candidates.extend(similar_candidates(all_units, all_lemmas, seeds))
            if not seeds:
                run.notes.append("No coded passages yet: no 'more like this' suggestions.")
        if store:
            from coding.suggest.store import store_candidates

            store_candidates(
                s,
                run.candidates,
                sources=list(sources),
                document_ids=doc_ids,
                replace_similar=seed_coding_ids is None,
            )
    run.seconds = time.perf_counter() - started
    return run
