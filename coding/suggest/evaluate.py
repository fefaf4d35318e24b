"""How far to trust suggestions: precision, recall and F1 against the human codings.

Unit: the speaker turn (sentences in documents without turns), as suggestions are made.
A unit is positive for a code when any human coding of that code overlaps it. Several coders
are combined by **union** (a turn counts as coded when any of them coded it), or only the
coders asked for. Only documents with at least one such coding take part.

Leave one document out: for each coded document the model is trained on the other coded
documents (plus the codebook's definitions, examples and indicator terms, as in training) and "more like this" uses their codings as seeds; the indicator terms need no
training. Counts are pooled over all folds (micro-averaged over codes). A source proposes a
code when its score reaches the default threshold of that source.

Learning curve: for every training size *k* from 1 to N−1 (or the sizes asked for), each
coded document is held out in turn and the model is trained on the first *k* documents of a
random order of the others (``curve_orders`` orders per held-out document, from a fixed seed,
so the figure is stable and does not depend on the project's document order). F1 is pooled
over all these folds; the indicator terms are scored on the same held-out units. At
*k* = N−1 the training set is the leave-one-out one, so those models are reused.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from coding.codebook import code_paths
from coding.errors import TematikError
from coding.progress import NullProgress, ProgressState, check_cancel
from coding.project import transaction
from coding.suggest import SOURCES
from coding.suggest.units import AnalysedUnit, analyse, content_lemmas, truth
from models.db import Database
from models.entities import Code, Coder, Coding, Document


@dataclass
class Scores:
    """True positives, false positives and false negatives, with P / R / F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[int], actual: set[int]) -> None:
        self.tp += len(predicted & actual)
        self.fp += len(predicted - actual)
        self.fn += len(actual - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Evaluation:
    """Everything :func:`evaluate` measured (see the module docstring)."""

    documents: list[str]
    units: int
    coders: list[str]
    thresholds: dict[str, float]
    sources: dict[str, Scores] = field(default_factory=dict)
    per_code: dict[str, dict[str, Scores]] = field(default_factory=dict)  # source → path → …
    learning_curve: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": "speaker turn (sentence when a document has no turns)",
            "combination": "union of coders",
            "coders": self.coders,
            "documents": self.documents,
            "units": self.units,
            "thresholds": self.thresholds,
            "sources": {s: v.to_dict() for s, v in self.sources.items()},
            "per_code": {
                s: {path: v.to_dict() for path, v in sorted(codes.items())}
                for s, codes in self.per_code.items()
            },
            "learning_curve": self.learning_curve,
            "seconds": round(self.seconds, 2),
        }


def _predict_model(
    language: str,
    train_items: Sequence[tuple[AnalysedUnit, set[int], set[str]]],
    test_items: Sequence[AnalysedUnit],
    guid_of: dict[int, str],
    threshold: float,
    prior: tuple[list[Any], list[dict[str, float]], list[set[str]]] = ([], [], []),
) -> list[set[int]]:
    """Train on ``train_items`` (unit, true codes, lemmas) and predict codes for the tests."""
    from coding.suggest.model import fit

    if not train_items or not test_items:
        return [set() for _ in test_items]
    cats = [
        {g: (1.0 if cid in codes else 0.0) for cid, g in guid_of.items()}
        for _, codes, _ in train_items
    ]
    try:
        model = fit(
            language,
            [a.doc for a, _, _ in train_items] + prior[0],
            cats + prior[1],
            [lem for _, _, lem in train_items] + prior[2],
        )
    except TematikError:  # too little coding to learn anything
        return [set() for _ in test_items]
    id_of = {g: cid for cid, g in guid_of.items()}
    scores = model.predict([a.doc for a in test_items])
    out = []
    for row in scores:
        out.append({id_of[model.labels[j]] for j, v in enumerate(row.tolist()) if v >= threshold})
    return out


def evaluate(
    db: Database,
    *,
    coder_names: Iterable[str] | None = None,
    sources: Sequence[str] = SOURCES,
    thresholds: dict[str, float] | None = None,
    learning_curve: bool = True,
    curve_sizes: Iterable[int] | None = None,
    curve_orders: int = 1,
    curve_folds: int | None = None,
    curve_seed: int = 0,
    progress: ProgressState | None = None,
) -> Evaluation:
    """Leave-one-document-out evaluation of the sources, per code, with a learning curve.

    ``curve_sizes``: the training sizes of the learning curve (default every size from 1 to
    N−1); ``curve_orders``: random document orders per held-out document; ``curve_folds``:
    hold out only the first this many documents in the curve (default all); ``curve_seed``
    fixes the orders.
    """
    from coding.suggest.engine import (
        DEFAULT_THRESHOLDS,
        annotate_terms,
        code_terms,
        codebook_examples,
        coding_seeds,
        project_nlp,
        unit_features,
    )
    from coding.suggest.pipeline import stop_words
    from coding.suggest.similar import LemmaIndex, similar_units
    from coding.suggest.terms import TermMatcher, term_score

    progress = progress or NullProgress()
    started = time.perf_counter()
    thr = dict(DEFAULT_THRESHOLDS)
    thr.update(thresholds or {})
    with transaction(db) as s:
        from coding.project import project_info

        language = project_info(s).language or "da"
        coders = list(s.scalars(select(Coder).order_by(Coder.name)))
        if coder_names is not None:
            wanted = {n.lower() for n in coder_names}
            coders = [c for c in coders if c.name.lower() in wanted]
            if not coders:
                raise TematikError("None of the coders named exists in this project.")
        coder_ids = [c.id for c in coders]
        coded = set(
            s.scalars(select(Coding.document_id).where(Coding.coder_id.in_(coder_ids)).distinct())
        )
        docs = [
            (i, n)
            for i, n in s.execute(
                select(Document.id, Document.name).order_by(Document.position, Document.id)
            ).all()
            if i in coded
        ]
        if len(docs) < 2:
            raise TematikError(
                "Evaluation needs at least two coded documents (one is held out at a time); "
                f"this project has {len(docs)}."
            )
        doc_ids = [i for i, _ in docs]
        nlp = project_nlp(s)
        analysed = list(analyse(s, nlp, doc_ids, progress))
        units = [a.unit for a in analysed]
        actual = truth(s, units, coder_ids)
        guid_of = dict(s.execute(select(Code.id, Code.guid).where(Code.codable.is_(True))).all())
        paths = code_paths(s)
        all_guids = dict(s.execute(select(Code.id, Code.guid)).all())
        matcher = TermMatcher(nlp, code_terms(s))
        unit_hits = annotate_terms(matcher, analysed, all_guids)
        prior = codebook_examples(s, nlp, matcher) if "model" in sources else ([], [], [])
        seeds = coding_seeds(s, nlp, coder_ids=coder_ids) if "similar" in sources else []
    stop = stop_words(nlp)
    lemmas = [content_lemmas(a.doc, stop) for a in analysed]
    lemma_sets = [unit_features(a.doc, stop) for a in analysed]
    by_doc: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        by_doc.setdefault(u.document_id, []).append(i)

    ev = Evaluation([n for _, n in docs], len(units), [c.name for c in coders], thr)
    predicted: dict[str, list[set[int]]] = {src: [set() for _ in units] for src in sources}
    if "terms" in sources:
        for i, hits in enumerate(unit_hits):
            predicted["terms"][i] = {c for c, hs in hits.items() if term_score(hs) >= thr["terms"]}
    index = LemmaIndex(lemmas) if "similar" in sources else None
    spans = [(u.document_id, u.start, u.end) for u in units]
    n = len(doc_ids) - 1
    sizes: list[int] = []
    folds: list[int] = []
    if learning_curve and "model" in sources:
        wanted = range(1, n + 1) if curve_sizes is None else curve_sizes
        sizes = sorted({k for k in wanted if 1 <= k <= n})
        folds = doc_ids[: curve_folds if curve_folds is not None else len(doc_ids)]
    # Every fit: the leave-one-out models, then the curve's (those of size N−1 are reused).
    orders = max(1, curve_orders)
    curve_fits = len(folds) * orders * len([k for k in sizes if k < n])
    total = len(doc_ids) + curve_fits
    loo_model: dict[int, list[set[int]]] = {}
    for k, held in enumerate(doc_ids):
        check_cancel(progress)
        progress.progress(k, total, f"Holding out {docs[k][1]}")
        test = by_doc.get(held, [])
        train = [i for d in doc_ids if d != held for i in by_doc.get(d, [])]
        if "model" in sources:
            items = [(analysed[i], actual[i], lemma_sets[i]) for i in train]
            preds = _predict_model(
                language, items, [analysed[i] for i in test], guid_of, thr["model"], prior
            )
            loo_model[held] = preds
            for i, p in zip(test, preds, strict=True):
                predicted["model"][i] = p
        if index is not None:
            fold_seeds = [sd for sd in seeds if sd.document_id != held]
            test_set = set(test)
            for h in similar_units(index, spans, fold_seeds, floor=thr["similar"]):
                if h.unit_index in test_set:
                    predicted["similar"][h.unit_index].add(h.code_id)
    for src in sources:
        total_scores = Scores()
        per: dict[str, Scores] = {}
        for i in range(len(units)):
            p, a = predicted[src][i], actual[i]
            total_scores.add(p, a)
            for cid in p | a:
                per.setdefault(paths.get(cid, str(cid)), Scores()).add(p & {cid}, a & {cid})
        ev.sources[src] = total_scores
        ev.per_code[src] = per

    if sizes:
        rng = random.Random(curve_seed)
        # (held-out document, training order) pairs, drawn once so every size uses them.
        plans: list[tuple[int, list[int]]] = []
        for held in folds:
            for _ in range(orders):
                others = [d for d in doc_ids if d != held]
                rng.shuffle(others)
                plans.append((held, others))
        step = len(doc_ids)
        for size in sizes:
            model_scores, term_scores = Scores(), Scores()
            for held, others in plans:
                test = by_doc.get(held, [])
                if size == n:
                    preds = loo_model[held]
                else:
                    check_cancel(progress)
                    progress.progress(step, total, f"Learning curve: {size} coded document(s)")
                    step += 1
                    chosen = set(others[:size])
                    train = [i for d in doc_ids if d in chosen for i in by_doc.get(d, [])]
                    items = [(analysed[i], actual[i], lemma_sets[i]) for i in train]
                    preds = _predict_model(
                        language, items, [analysed[i] for i in test], guid_of, thr["model"], prior
                    )
                for i, p in zip(test, preds, strict=True):
                    model_scores.add(p, actual[i])
                    if "terms" in predicted:
                        term_scores.add(predicted["terms"][i], actual[i])
            row: dict[str, Any] = {
                "documents": size,
                "folds": len(plans),
                "model_f1": round(model_scores.f1, 4),
            }
            if "terms" in predicted:
                row["terms_f1"] = round(term_scores.f1, 4)
            ev.learning_curve.append(row)
    progress.progress(total, total, "Evaluated")
    ev.seconds = time.perf_counter() - started
    return ev
