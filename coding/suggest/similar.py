""" "More like this": units similar to chosen coded passages (lemma TF-IDF cosine).

Each unit is a TF-IDF vector of its content lemmas (sublinear term frequency, smoothed IDF
over all units of the project), L2-normalised; a seed passage (a coding) is vectorised the
same way and compared with every unit through an inverted index. Evidence: the shared lemmas
that contribute most to the similarity, and the seed passage itself.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Seed:
    """A chosen coded passage: suggest its code for passages like it."""

    code_id: int
    document_id: int
    start: int
    end: int
    lemmas: tuple[str, ...]
    coding_guid: str = ""
    text: str = ""


class LemmaIndex:
    """TF-IDF vectors of units with an inverted index for fast cosine queries."""

    def __init__(self, unit_lemmas: Sequence[Sequence[str]]) -> None:
        n = len(unit_lemmas)
        df: Counter[str] = Counter()
        for lemmas in unit_lemmas:
            df.update(set(lemmas))
        self.n = n
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for i, lemmas in enumerate(unit_lemmas):
            for w, x in self.vector(lemmas).items():
                self.postings.setdefault(w, []).append((i, x))

    def vector(self, lemmas: Sequence[str]) -> dict[str, float]:
        """The normalised TF-IDF vector of a lemma sequence (unknown lemmas get max IDF)."""
        tf = Counter(lemmas)
        default = math.log(1 + self.n) + 1.0
        vec = {w: (1.0 + math.log(c)) * self.idf.get(w, default) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in vec.values()))
        return {w: x / norm for w, x in vec.items()} if norm else {}

    def query(self, lemmas: Sequence[str]) -> dict[int, dict[str, float]]:
        """Unit index → per shared lemma, its contribution to the cosine similarity."""
        out: dict[int, dict[str, float]] = {}
        for w, q in self.vector(lemmas).items():
            for i, x in self.postings.get(w, ()):
                out.setdefault(i, {})[w] = q * x
        return out


@dataclass
class SimilarHit:
    unit_index: int
    code_id: int
    score: float
    seed: Seed
    shared: list[tuple[str, float]]


def similar_units(
    index: LemmaIndex,
    unit_spans: Sequence[tuple[int, int, int]],
    seeds: Sequence[Seed],
    *,
    floor: float = 0.2,
    top_k: int | None = None,
) -> list[SimilarHit]:
    """For each (unit, code), the most similar seed of that code, when at least ``floor``.

    ``unit_spans`` holds (document_id, start, end) per unit; a unit overlapping the seed
    passage itself is skipped. ``top_k`` keeps only the best hits per code.
    """
    best: dict[tuple[int, int], SimilarHit] = {}
    for seed in seeds:
        for i, parts in index.query(seed.lemmas).items():
            score = sum(parts.values())
            if score < floor:
                continue
            doc_id, start, end = unit_spans[i]
            if doc_id == seed.document_id and start < seed.end and seed.start < end:
                continue
            key = (i, seed.code_id)
            old = best.get(key)
            if old is None or score > old.score:
                shared = sorted(parts.items(), key=lambda kv: -kv[1])[:5]
                best[key] = SimilarHit(i, seed.code_id, round(min(score, 1.0), 4), seed, shared)
    hits = sorted(best.values(), key=lambda h: (-h.score, h.unit_index))
    if top_k is not None:
        per_code: Counter[int] = Counter()
        kept = []
        for h in hits:
            if per_code[h.code_id] < top_k:
                per_code[h.code_id] += 1
                kept.append(h)
        hits = kept
    return hits
