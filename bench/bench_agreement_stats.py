"""Micro-benchmark: all agreement statistics for a project-sized synthetic workload.

Workload (the design target): 100 documents x 50 codes over 1,000,000 characters, each
coder making ~10 codings per code per document (random positions and lengths). For every
pair of coders: NVivo character agreement and MAXQDA segment agreement for all 5,000
(document, code) cells; then Krippendorff's per-code unitizing alpha across all documents
for all coders together. Targets: 2 coders <= 0.2 s, 3 coders <= 0.5 s.

Run: ``.venv/bin/python bench/bench_agreement_stats.py``
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coding.agreement import (
    Continuum,
    character_agreement_batch,
    segment_agreement_batch,
    unitizing_alpha,
)

N_DOCS = 100
N_CODES = 50
DOC_LEN = 10_000
PER_CELL = 10


def make_coder(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Segments of one coder as arrays: group (= doc * N_CODES + code), start, end."""
    n_cells = N_DOCS * N_CODES
    counts = rng.poisson(PER_CELL, n_cells)
    group = np.repeat(np.arange(n_cells), counts)
    start = rng.integers(0, DOC_LEN - 1, group.size)
    end = np.minimum(DOC_LEN, start + rng.integers(20, 400, group.size))
    return group, start, end


def to_continua(coders: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> list[Continuum]:
    """The same codings as Continuum objects (what a caller builds from the database)."""
    per_doc: list[dict[int, list[tuple[int, int, int]]]] = [{} for _ in range(N_DOCS)]
    for ci, (group, start, end) in enumerate(coders):
        docs, codes = np.divmod(group, N_CODES)
        for d, c, s, e in zip(
            docs.tolist(), codes.tolist(), start.tolist(), end.tolist(), strict=True
        ):
            per_doc[d].setdefault(ci, []).append((s, e, c))
    return [Continuum(DOC_LEN, segs, name=f"doc{d}") for d, segs in enumerate(per_doc)]


def time_statistics(n_coders: int, seed: int = 0) -> tuple[float, float]:
    """Seconds for all statistics (and separately for building Continuum objects)."""
    rng = np.random.default_rng(seed)
    coders = [make_coder(rng) for _ in range(n_coders)]
    lengths = np.full(N_DOCS * N_CODES, DOC_LEN)
    t_build = time.perf_counter()
    continua = to_continua(coders)
    build = time.perf_counter() - t_build

    t0 = time.perf_counter()
    for a, b in itertools.combinations(coders, 2):
        character_agreement_batch(lengths, *a, *b)
        segment_agreement_batch(N_DOCS * N_CODES, *a, *b, min_overlap=0.9)
    unitizing_alpha(continua, codes=list(range(N_CODES)), family=False)
    return time.perf_counter() - t0, build


def run() -> list[tuple[str, str, str]]:
    """Rows for ``make bench``: the statistics alone, on arrays (best of 3 seeds)."""
    rows = []
    for n_coders, target in ((2, 0.2), (3, 0.5)):
        best = min(time_statistics(n_coders, seed)[0] for seed in range(3))
        rows.append(
            (f"statistics only, {n_coders} coders × {N_DOCS} docs × {N_CODES} codes",
             f"{best:.3f} s (best of 3)", f"≤ {target} s")
        )  # fmt: skip
    return rows


def main() -> None:
    for n_coders, target in ((2, 0.2), (3, 0.5)):
        runs = [time_statistics(n_coders, seed) for seed in range(3)]
        best = min(r[0] for r in runs)
        build = min(r[1] for r in runs)
        verdict = "OK" if best <= target else "SLOW"
        print(
            f"{n_coders} coders, {N_DOCS} docs x {N_CODES} codes, {N_DOCS * DOC_LEN:,} chars: "
            f"{best:.3f} s (target {target} s) {verdict}; "
            f"building Continuum objects {build:.3f} s"
        )


if __name__ == "__main__":
    main()
