"""The learned suggester: a spaCy ``textcat_multilabel`` on lemma bag-of-words features.

Labels are code GUIDs (stable across renames). The classifier is spaCy's bag-of-words
architecture reading the presence of content-word lemmas (:data:`pipeline.BOW_ARCHITECTURE`). Missing
labels are supported: a unit whose only information is a rejected suggestion is a negative for
that one code and says nothing about the others.

Prior knowledge: each code's definition, example quote and list of indicator terms from the
codebook are added as labelled examples (see ``engine.codebook_examples``), and the unit's
indicator-term hits are one feature per code, so the model starts from the codebook and
learns from the analysts' codings which words and terms really mark each code. The score of
a suggestion is the mean of the classifier's probability and the code's indicator-term score
(:meth:`SuggestModel.predict`), so the terms carry the model while little is coded.

Evidence: at training time a per-code table of smoothed lemma log-odds (lemmas in units coded
with the code against all other units) is computed; the evidence for a suggestion is the
lemmas of the unit with the largest positive log-odds for the code, i.e. the words that made
the model think of it. The model and the table serialise to JSON (weights as base64 of
zlib-compressed bytes) and live in the project's settings, so they survive reopening.
"""

from __future__ import annotations

import base64
import math
import random
import time
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coding.errors import TematikError
from coding.progress import NullProgress, ProgressState, check_cancel

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language
    from spacy.tokens import Doc

FORMAT = 1
NGRAM_SIZE = 1
HASH_LENGTH = 2**14
CONTENT_ONLY = True
L2 = 1e-6
EPOCHS = 12
LEARN_RATE = 0.03
BATCH_SIZE = 16
MAX_UPDATES = 60  # per pass
MIN_POSITIVES = 2  # a code needs this many coded units to get a label
LOG_ODDS_TOP = 80  # lemmas kept per code for evidence
SMOOTHING = 0.5


@dataclass
class SuggestModel:
    """A trained classifier with its evidence table."""

    language: str
    labels: list[str]
    textcat: Any
    log_odds: dict[str, dict[str, float]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    _hash_tables: dict[str, dict[int, float]] = field(default_factory=dict, repr=False)

    def classify(self, docs: Sequence[Doc], batch_size: int = 1024) -> np.ndarray:
        """The classifier's own probabilities, one row per doc and one column per label (in
        ``labels`` order)."""
        import numpy as np

        out = [np.zeros((0, len(self.labels)), dtype="f")]
        tc = self.textcat
        for i in range(0, len(docs), batch_size):
            batch = list(docs[i : i + batch_size])
            if batch:
                out.append(np.asarray(tc.model.predict(batch)))
        return np.concatenate(out)

    def predict(self, docs: Sequence[Doc], batch_size: int = 1024) -> np.ndarray:
        """The model's scores: per doc and label the mean of the classifier's probability
        and the code's indicator-term score in the doc (0 without a hit; see
        ``engine.annotate_terms``). Same shape as :meth:`classify`.

        The blend is what makes the learned model useful from the first coded documents:
        with little coding the classifier is unsure and the terms carry the score; a term hit
        alone (0.5) needs some support from the classifier to reach the default threshold
        (0.3), and the classifier alone needs 0.6, so each source corrects the other.
        """
        import numpy as np

        from coding.suggest.pipeline import TERM_SCORES_KEY

        probs = self.classify(docs, batch_size)
        if not len(docs) or not self.labels:
            return probs
        terms = np.zeros_like(probs)
        col = {label: j for j, label in enumerate(self.labels)}
        for i, doc in enumerate(docs):
            for guid, score in doc.user_data.get(TERM_SCORES_KEY, {}).items():
                j = col.get(guid)
                if j is not None:
                    terms[i, j] = score
        return (probs + terms) / 2.0

    def evidence(self, doc: Doc, label: str, k: int = 5) -> list[dict[str, Any]]:
        """The unit's words that point most strongly to ``label`` (lemma log-odds); the
        code's indicator terms count as one feature."""
        from coding.suggest.pipeline import TERMS_KEY, term_feature

        table = self.log_odds.get(label, {})
        seen: dict[str, dict[str, Any]] = {}
        terms = doc.user_data.get(TERMS_KEY, {}).get(label)
        w_terms = table.get(term_feature(label))
        if terms and w_terms is not None:
            seen["#terms"] = {
                "feature": "indicator terms",
                "text": ", ".join(dict.fromkeys(terms)),
                "start": None,
                "end": None,
                "weight": w_terms,
            }
        from spacy.attrs import LEMMA

        by_hash = self._hash_tables.get(label)
        if by_hash is None:
            strings = doc.vocab.strings
            by_hash = {strings.add(k): v for k, v in table.items()}
            self._hash_tables[label] = by_hash
        for i, h in enumerate(doc.to_array(LEMMA).tolist()):
            w = by_hash.get(h)
            if w is None:
                continue
            tok = doc[i]
            if tok.lemma_ not in seen:
                seen[tok.lemma_] = {
                    "feature": tok.lemma_,
                    "text": tok.text,
                    "start": tok.idx,
                    "end": tok.idx + len(tok),
                    "weight": w,
                }
        return sorted(seen.values(), key=lambda e: -e["weight"])[:k]

    # --- serialisation --------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (weights compressed and base64-encoded)."""
        data = zlib.compress(self.textcat.to_bytes(exclude=["vocab"]), 6)
        return {
            "format": FORMAT,
            "language": self.language,
            "labels": self.labels,
            "config": component_config(),
            "weights": base64.b64encode(data).decode("ascii"),
            "log_odds": self.log_odds,
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SuggestModel:
        """Rebuild a model saved by :meth:`to_json`."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise TematikError(
                "The stored suggestion model has an unknown format; train it again "
                "(python main.py train PROJECT)."
            )
        textcat = _new_textcat(data["language"], data.get("config"))
        textcat.from_bytes(zlib.decompress(base64.b64decode(data["weights"])), exclude=["vocab"])
        return cls(
            language=data["language"],
            labels=list(data["labels"]),
            textcat=textcat,
            log_odds={k: dict(v) for k, v in data.get("log_odds", {}).items()},
            meta=dict(data.get("meta", {})),
        )


_blank: dict[str, Language] = {}


def component_config() -> dict[str, Any]:
    """The textcat_multilabel configuration (lemma bag-of-words, unigrams + bigrams)."""
    from coding.suggest.pipeline import BOW_ARCHITECTURE

    return {
        "threshold": 0.5,
        "model": {
            "@architectures": BOW_ARCHITECTURE,
            "exclusive_classes": False,
            "ngram_size": NGRAM_SIZE,
            "no_output_layer": False,
            "length": HASH_LENGTH,
            "content_only": CONTENT_ONLY,
        },
    }


def _new_textcat(language: str, config: dict[str, Any] | None = None) -> Any:
    """A fresh, untrained ``textcat_multilabel`` component (the blank Language that makes
    components is cached: building one costs more than training a small model)."""
    import spacy

    from coding.suggest.pipeline import _register

    _register()
    nlp = _blank.get(language)
    if nlp is None:
        nlp = _blank[language] = spacy.blank(language)
    return nlp.create_pipe("textcat_multilabel", config=config or component_config())


def log_odds_table(
    unit_lemmas: Sequence[set[str]],
    cats: Sequence[dict[str, float]],
    labels: Sequence[str],
    top: int = LOG_ODDS_TOP,
) -> dict[str, dict[str, float]]:
    """Per label, the lemmas most typical of its positive units (smoothed log-odds of unit
    frequency in positive vs. all other labelled units)."""
    table: dict[str, dict[str, float]] = {}
    for label in labels:
        pos: Counter[str] = Counter()
        neg: Counter[str] = Counter()
        n_pos = n_neg = 0
        for lemmas, c in zip(unit_lemmas, cats, strict=True):
            if label not in c:
                continue
            if c[label] >= 0.5:
                pos.update(lemmas)
                n_pos += 1
            else:
                neg.update(lemmas)
                n_neg += 1
        if not n_pos:
            continue
        a = SMOOTHING
        scores: dict[str, float] = {}
        min_count = 2 if n_pos >= 10 else 1
        for lemma, p in pos.items():
            if p < min_count:
                continue
            q = neg.get(lemma, 0)
            lo = math.log((p + a) / (n_pos - p + a)) - math.log((q + a) / (n_neg - q + a))
            if lo > 0:
                scores[lemma] = round(lo, 3)
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        table[label] = dict(best)
    return table


def fit(
    language: str,
    docs: Sequence[Doc],
    cats: Sequence[dict[str, float]],
    unit_lemmas: Sequence[set[str]],
    *,
    min_positives: int = MIN_POSITIVES,
    epochs: int = EPOCHS,
    seed: int = 0,
    progress: ProgressState | None = None,
) -> SuggestModel:
    """Train a classifier on analysed docs and their (partial) labels.

    ``cats[i]`` maps label → 1.0 / 0.0; labels absent from a dict are unknown for that doc.
    Labels with fewer than ``min_positives`` positive docs are left out. Raises TematikError
    when nothing can be learnt.
    """
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch
    from thinc.api import Adam

    progress = progress or NullProgress()
    started = time.perf_counter()
    positives: Counter[str] = Counter()
    for c in cats:
        positives.update(k for k, v in c.items() if v >= 0.5)
    labels = sorted(k for k, n in positives.items() if n >= min_positives)
    if not labels:
        raise TematikError(
            f"Not enough coding to learn from: each code needs at least {min_positives} coded "
            "passages. Code a few more passages (or documents) and train again."
        )
    label_set = set(labels)
    examples = []
    kept_lemmas: list[set[str]] = []
    kept_cats: list[dict[str, float]] = []
    for doc, c, lemmas in zip(docs, cats, unit_lemmas, strict=True):
        c2 = {k: v for k, v in c.items() if k in label_set}
        if not c2 or not len(doc):
            continue
        examples.append(Example.from_dict(doc, {"cats": c2}))
        kept_lemmas.append(lemmas)
        kept_cats.append(c2)
    fix_random_seed(seed)
    textcat = _new_textcat(language)
    for label in labels:
        textcat.add_label(label)
    textcat.initialize(lambda: examples[:200], nlp=_blank[language], labels=labels)
    optimizer = Adam(LEARN_RATE, L2=L2, use_averages=False)
    # Bounded number of updates per pass: each update touches every weight (Adam).
    batch_size = max(BATCH_SIZE, math.ceil(len(examples) / MAX_UPDATES))
    rng = random.Random(seed)
    order = list(range(len(examples)))
    losses: dict[str, float] = {}
    for epoch in range(epochs):
        check_cancel(progress)
        progress.progress(epoch, epochs + 1, f"Training: pass {epoch + 1} of {epochs}")
        rng.shuffle(order)
        losses = {}
        for batch in minibatch([examples[i] for i in order], size=batch_size):
            textcat.update(batch, sgd=optimizer, losses=losses)
    progress.progress(epochs, epochs + 1, "Computing evidence")
    table = log_odds_table(kept_lemmas, kept_cats, labels)
    meta = {
        "scores": "mean of classifier probability and indicator-term score",
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "units": len(examples),
        "positives": {k: positives[k] for k in labels},
        "epochs": epochs,
        "loss": round(float(losses.get("textcat_multilabel", 0.0)), 4),
        "seconds": round(time.perf_counter() - started, 3),
    }
    progress.progress(epochs + 1, epochs + 1, "Trained")
    return SuggestModel(language, labels, textcat, table, meta)
