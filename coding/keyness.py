"""Key terms: lemma keyness of coded text against the rest of the corpus.

Every document is tokenised once with a blank spaCy pipeline (``spacy.blank(lang)``) and
lemmatised with the lookup lemmatizer's table from ``spacy-lookups-data`` (offline; the same
word form → lemma rule as spaCy's ``lemmatizer`` pipe in ``lookup`` mode). Content lemmas are kept: alphabetic tokens of
at least three letters that are not stop words (spaCy's list plus interview fillers).

For a set of text spans (a theme's coded passages, overlapping spans merged), each lemma's
frequency inside the spans (``a``, of ``c`` tokens) is compared with its frequency in the rest
of the corpus (``b``, of ``d`` tokens):

* log-likelihood G² (Dunning 1993; Rayson & Garside 2000):
  ``2 * (a ln(a/E1) + b ln(b/E2))`` with ``E1 = c (a+b)/(c+d)``, ``E2 = d (a+b)/(c+d)``;
* log ratio (Hardie 2014): ``log2((a/c) / (b/d))``, with 0.5 added to a zero frequency.

Key terms are the lemmas used *more* in the spans than elsewhere (log ratio > 0), occurring at
least ``min_freq`` times in the spans, ranked by G² (ties: by frequency, then alphabetically).
G² ≥ 3.84 corresponds to p < 0.05 (one degree of freedom).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

FILLERS = {
    "da": {
        "altså", "jamen", "nå", "øh", "øhm", "hm", "hmm", "mm", "mmm", "ja", "nej", "okay", "ok",
        "sådan", "lidt", "noget", "nogle", "rigtig", "faktisk", "godt", "helt", "bare", "sige",
        "tror", "synes", "få", "gøre", "komme", "måtte", "kunne", "ville", "skulle", "også",
        "ting", "lige", "egentlig", "griner", "ret", "mere", "meget", "selv", "sin", "sit",
        "sine", "hinanden", "række", "gang", "måde", "del", "lave", "tage", "give", "blive",
    },
    "en": {
        "yeah", "yes", "okay", "um", "uh", "hmm", "mm", "like", "really", "actually", "just",
        "thing", "things", "sort", "kind", "lot", "think", "say", "get", "laughs", "well",
        "quite", "bit",
    },
}  # fmt: skip
SIGNIFICANT_G2 = 3.84


@dataclass
class KeyTerm:
    """A lemma used more in the target text than in the reference text."""

    lemma: str
    freq: int  # in the target spans
    ref_freq: int  # in the rest of the corpus
    log_likelihood: float
    log_ratio: float


@lru_cache(maxsize=4)
def _nlp(language: str) -> Any:
    """A blank spaCy pipeline (tokenizer and the language's stop words)."""
    import spacy

    return spacy.blank(language if language in ("da", "en") else "en")


@lru_cache(maxsize=4)
def _lemma_table(language: str) -> dict[str, str]:
    """spaCy's lookup-lemmatizer table for the language (``spacy-lookups-data``).

    Read straight from the package as a plain dict: the same data and the same rule as
    ``nlp.add_pipe("lemmatizer", config={"mode": "lookup"})`` (word form → lemma, else the
    form itself), without building spaCy's hashed table (seconds per report)."""
    try:
        from importlib.resources import files

        import srsly

        path = files("spacy_lookups_data") / "data" / f"{language}_lemma_lookup.json.gz"
        return dict(srsly.read_gzip_json(str(path)))
    except Exception:  # package missing: fall back to the word forms
        return {}


def stop_words(language: str) -> set[str]:
    """spaCy's stop words for the language plus common interview fillers."""
    return {w.lower() for w in _nlp(language).Defaults.stop_words} | FILLERS.get(language, set())


class LemmaIndex:
    """Content lemmas with their character offsets, per document (built once per report)."""

    def __init__(self, texts: Mapping[int, str], language: str = "da") -> None:
        nlp = _nlp(language)
        table = _lemma_table(language)
        stops = stop_words(language)
        self.vocab: dict[str, int] = {}
        self.lemmas: list[str] = []
        self.offsets: dict[int, np.ndarray] = {}
        self.ids: dict[int, np.ndarray] = {}
        doc_ids = list(texts)
        sources = []
        for d in doc_ids:
            t = texts[d]
            low = t.lower()
            sources.append(low if len(low) == len(t) else t)
        from spacy.attrs import IDX, IS_ALPHA, LENGTH, ORTH

        tokenizer = nlp.tokenizer
        strings = nlp.vocab.strings
        # Token hash → lemma id (-1: not a content word), decided once per distinct form.
        by_hash: dict[int, int] = {}
        for d, source in zip(doc_ids, sources, strict=True):
            arr = tokenizer(source).to_array([ORTH, IDX, IS_ALPHA, LENGTH]).astype(np.int64)
            if arr.size == 0:
                self.offsets[d] = np.zeros(0, dtype=np.int64)
                self.ids[d] = np.zeros(0, dtype=np.int64)
                continue
            arr = arr[(arr[:, 2] == 1) & (arr[:, 3] >= 3)]
            ids = np.empty(len(arr), dtype=np.int64)
            for i, h in enumerate(arr[:, 0].tolist()):
                lid = by_hash.get(h)
                if lid is None:
                    form = strings[h & 0xFFFFFFFFFFFFFFFF]
                    lemma = table.get(form, form).lower()
                    if form.lower() in stops or lemma in stops or len(lemma) < 3:
                        lid = -1
                    else:
                        lid = self.vocab.get(lemma, -1)
                        if lid < 0:
                            lid = self.vocab[lemma] = len(self.lemmas)
                            self.lemmas.append(lemma)
                    by_hash[h] = lid
                ids[i] = lid
            keep = ids >= 0
            self.offsets[d] = arr[keep, 1]
            self.ids[d] = ids[keep]
        n = len(self.lemmas)
        self.total = np.zeros(n, dtype=np.int64)
        for d in doc_ids:
            self.total += np.bincount(self.ids[d], minlength=n)

    def counts_in(self, spans: Mapping[int, Iterable[tuple[int, int]]]) -> np.ndarray:
        """Lemma counts of tokens starting inside the spans (document id → (start, end))."""
        n = len(self.lemmas)
        out = np.zeros(n, dtype=np.int64)
        for d, segs in spans.items():
            offs = self.offsets.get(d)
            if offs is None or offs.size == 0:
                continue
            merged = merge_spans(segs)
            if not merged:
                continue
            starts = np.asarray([s for s, _ in merged], dtype=np.int64)
            ends = np.asarray([e for _, e in merged], dtype=np.int64)
            k = np.searchsorted(starts, offs, side="right") - 1
            inside = (k >= 0) & (offs < ends[np.clip(k, 0, None)])
            out += np.bincount(self.ids[d][inside], minlength=n)
        return out

    def key_terms(
        self,
        spans: Mapping[int, Iterable[tuple[int, int]]],
        *,
        top: int = 10,
        min_freq: int = 3,
    ) -> list[KeyTerm]:
        """The ``top`` key lemmas of the spans against the rest of the corpus."""
        target = self.counts_in(spans)
        return keyness(target, self.total - target, self.lemmas, top=top, min_freq=min_freq)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans covering the same characters."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Dunning's G² for frequency ``a`` of ``c`` tokens against ``b`` of ``d`` tokens."""
    if c <= 0 or d <= 0 or a + b == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g = 0.0
    if a > 0:
        g += a * math.log(a / e1)
    if b > 0:
        g += b * math.log(b / e2)
    return 2.0 * g


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Hardie's log ratio (binary log of the ratio of relative frequencies; 0 → 0.5)."""
    if c <= 0 or d <= 0:
        return 0.0
    return math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))


def keyness(
    target: Sequence[int] | np.ndarray,
    reference: Sequence[int] | np.ndarray,
    lemmas: Sequence[str],
    *,
    top: int = 10,
    min_freq: int = 3,
) -> list[KeyTerm]:
    """Rank lemmas over-used in ``target`` compared with ``reference`` (aligned count arrays)."""
    a = np.asarray(target, dtype=np.float64)
    b = np.asarray(reference, dtype=np.float64)
    c, d = float(a.sum()), float(b.sum())
    if c <= 0 or d <= 0:
        return []
    cand = np.nonzero((a >= min_freq) & (a / c > b / d))[0]
    if cand.size == 0:
        return []
    aa, bb = a[cand], b[cand]
    e1 = c * (aa + bb) / (c + d)
    e2 = d * (aa + bb) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(aa > 0, aa * np.log(aa / e1), 0.0)
        t2 = np.where(bb > 0, bb * np.log(bb / e2), 0.0)
    g2 = 2.0 * (t1 + t2)
    lr = np.log2((np.maximum(aa, 0.5) / c) / (np.maximum(bb, 0.5) / d))
    order = sorted(range(cand.size), key=lambda i: (-g2[i], -aa[i], lemmas[cand[i]]))[:top]
    return [
        KeyTerm(
            lemma=lemmas[cand[i]],
            freq=int(aa[i]),
            ref_freq=int(bb[i]),
            log_likelihood=float(g2[i]),
            log_ratio=float(lr[i]),
        )
        for i in order
    ]
