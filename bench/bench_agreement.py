"""Benchmark: the supervisor's agreement report end to end through ``compare_coders``.

Workload (issue 5): 100 documents x 50 codes over 1,000,000 characters (10,000 per document,
100 speaker turns each), each coder with ~10 codings per code per document (random positions,
20-400 characters), stored in a real SQLite project with bulk inserts. Measured: every
statistic (character, segment and turn units, unitizing alpha, bootstrap interval) for 2
coders (target 0.2 s) and 3 coders (target 0.5 s), with the time of each phase (query,
character, segment, turn, unitizing) of the best of 5 runs.

Run alone: ``.venv/bin/python bench/bench_agreement.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from coding.codebook import add_code
from coding.compare import compare_coders
from coding.documents import store_document
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.project import create_project, ensure_coder, transaction
from models.base import new_guid
from models.db import Database
from models.entities import Coding

N_DOCS = 100
N_CODES = 50
DOC_LEN = 10_000
TURN_LEN = 100
PER_CELL = 10
CODERS = ("Anne", "Bo", "Carl")


def build_project(path: Path, n_coders: int = 3, seed: int = 0) -> Database:
    """A project with the benchmark workload (bulk inserts)."""
    rng = np.random.default_rng(seed)
    db = create_project(path, codebook="none")
    words = np.array(["leder", "staten", "kommune", "løn", "kultur", "skifte", "region", "og"])
    with transaction(db) as s:
        codes = [add_code(s, f"Kode {i:02d}").id for i in range(N_CODES)]
        coders = [ensure_coder(s, name).id for name in CODERS[:n_coders]]
        docs = []
        for d in range(N_DOCS):
            text = " ".join(rng.choice(words, DOC_LEN // 4).tolist())
            text = (text + " " * DOC_LEN)[:DOC_LEN]
            turns = [
                ParsedTurn(t, min(t + TURN_LEN, DOC_LEN), "I" if (t // TURN_LEN) % 2 else "R")
                for t in range(0, DOC_LEN, TURN_LEN)
            ]
            docs.append(
                store_document(s, f"Interview {d:03d}", ParsedDocument(text, "txt", turns)).id
            )
        rows = []
        for coder in coders:
            counts = rng.poisson(PER_CELL, N_DOCS * N_CODES)
            cell = np.repeat(np.arange(N_DOCS * N_CODES), counts)
            start = rng.integers(0, DOC_LEN - 1, cell.size)
            end = np.minimum(DOC_LEN, start + rng.integers(20, 400, cell.size))
            seen: set[tuple[int, int, int, int]] = set()
            for g, st, en in zip(cell.tolist(), start.tolist(), end.tolist(), strict=True):
                key = (g, st, en, coder)
                if key in seen:
                    continue
                seen.add(key)
                rows.append(
                    {
                        "guid": new_guid(),
                        "document_id": docs[g // N_CODES],
                        "code_id": codes[g % N_CODES],
                        "coder_id": coder,
                        "start": st,
                        "end": en,
                    }
                )
        s.execute(insert(Coding), rows)
    return db


def measure(
    db: Database, n_coders: int, repeats: int = 5
) -> tuple[float, dict[str, float], float, int]:
    """Best end-to-end wall seconds, the phase timings of that run (query, character,
    segment, turn, unitizing), the best CPU seconds of this process (less disturbed by other
    work on a shared machine), and the number of codings compared."""
    best, phases, cpu, n = float("inf"), {}, float("inf"), 0
    for _ in range(repeats):
        with transaction(db) as s:
            t0, c0 = time.perf_counter(), time.process_time()
            report = compare_coders(s, list(CODERS[:n_coders]))
            took, used = time.perf_counter() - t0, time.process_time() - c0
        cpu = min(cpu, used)
        if took < best:
            best, phases = took, dict(report.timings)
            n = sum(
                f["a_segments"] + f["b_segments"]
                for f in report.segment.pairs[0].per_code.values()  # type: ignore[union-attr]
            )
    return best, phases, cpu, n


def run() -> list[tuple[str, str, str]]:
    """Rows (measure, value, target) for ``make bench``."""
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        db = build_project(Path(tmp) / "bench.tematik")
        build = time.perf_counter() - t0
        try:
            for n_coders, target in ((2, 0.2), (3, 0.5)):
                best, phases, cpu, n = measure(db, n_coders)
                split = ", ".join(f"{k} {v:.3f}" for k, v in phases.items() if k != "total")
                rows.append(
                    (
                        f"compare_coders, {n_coders} coders, {N_DOCS} docs x {N_CODES} codes, "
                        f"{N_DOCS * DOC_LEN:,} chars (all units + unitizing α)",
                        f"{best:.3f} s wall ({split} s), {cpu:.3f} s CPU; {n:,} codings of A+B",
                        f"<= {target} s",
                    )
                )
        finally:
            db.close()
    rows.append(("building the benchmark project (bulk inserts)", f"{build:.1f} s", "-"))
    return rows


if __name__ == "__main__":
    for row in run():
        print(" | ".join(row))
