"""Exchange benchmarks: 50,000 coded segments to CSV and XLSX, and a REFI-QDA round trip.

Targets (issue 7): CSV ≤ 1 s, XLSX ≤ 5 s for 50,000 segments (Taguette: 13 s and 18 s).
The project is built here with bulk inserts: 50 interviews with speaker turns, the default
codebook, two coders, 50,000 codings.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import BASE_WORDS, join_turns

N_CODINGS = 50_000
N_DOCUMENTS = 50
WORDS = [
    *BASE_WORDS,
    "ledelse", "løn", "pension", "karriere", "skifte", "sektor", "erfaring", "netværk", "politisk",
    "direktør", "chef", "motivation", "barriere", "mulighed", "udfordring", "æblegrød", "søø",
    "😀",
]  # fmt: skip


def build_project(path: Path, n_codings: int = N_CODINGS, seed: int = 7) -> Path:
    """A project file with ``n_codings`` codings over ``N_DOCUMENTS`` interviews."""
    from sqlalchemy import select

    from coding.documents import store_document
    from coding.importing import ParsedDocument
    from coding.project import create_project, ensure_coder, transaction
    from models.db import bulk_insert
    from models.entities import Code, Coding

    rng = random.Random(seed)
    db = create_project(path, language="da")
    try:
        with transaction(db) as s:
            anne = ensure_coder(s, "Anne").id
            bo = ensure_coder(s, "Bo").id
            codes = list(s.scalars(select(Code.id).where(Code.codable.is_(True))))
            doc_ids: list[tuple[int, int]] = []
            for d in range(N_DOCUMENTS):
                speakers = ["Interviewer" if t % 2 == 0 else "Leder" for t in range(120)]
                text, turns = join_turns(
                    (sp, f"{sp}: " + " ".join(rng.choices(WORDS, k=rng.randint(20, 80))))
                    for sp in speakers
                )
                doc = store_document(
                    s, f"Interview {d + 1:02d}", ParsedDocument(text, "txt", turns)
                )
                doc_ids.append((doc.id, len(text)))
            from models.base import utcnow

            now = utcnow()
            rows = []
            seen = set()
            while len(rows) < n_codings:
                doc_id, length = rng.choice(doc_ids)
                start = rng.randrange(0, length - 400)
                end = start + rng.randint(20, 400)
                key = (doc_id, start, end)
                if key in seen:
                    continue
                seen.add(key)
                rows.append(
                    (str(uuid.uuid4()), doc_id, rng.choice(codes), rng.choice((anne, bo)),
                     start, end, "", False, now)
                )  # fmt: skip
            cols = ("guid", "document_id", "code_id", "coder_id", "start", "end", "memo", "pinned",
                    "created_at")  # fmt: skip
            bulk_insert(s.connection(), Coding.__table__, cols, rows)
    finally:
        db.close()
    return path


def _time(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _time_cpu(fn) -> str:  # type: ignore[no-untyped-def]
    """Wall time, with the process's CPU time beside it (the machine may be busy)."""
    c0 = time.process_time()
    wall = _time(fn)
    return f"{wall:.2f} s (CPU {time.process_time() - c0:.2f} s)"


def run() -> list[tuple[str, str, str]]:
    from coding.exchange.refi_export import export_qdpx
    from coding.exchange.refi_import import import_refi
    from coding.exchange.tabular import export_matrix, export_segments
    from coding.project import create_project, open_project, transaction

    out: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        t_build = _time(lambda: build_project(d / "big.tematik"))
        out.append(("build 50,000-coding project (bulk)", f"{t_build:.2f} s", "-"))
        db = open_project(d / "big.tematik")
        try:
            with transaction(db) as s:
                t_csv = _time_cpu(lambda: export_segments(s, d / "seg.csv"))
                t_xlsx = _time_cpu(lambda: export_segments(s, d / "seg.xlsx"))
                t_mx = _time(lambda: export_matrix(s, d / "matrix.xlsx"))
                t_qdpx = _time(lambda: export_qdpx(s, d / "big.qdpx"))
        finally:
            db.close()
        out.append(("segments CSV, 50,000", t_csv, "≤ 1 s"))
        out.append(("segments XLSX, 50,000", t_xlsx, "≤ 5 s"))
        out.append(("frequency matrix XLSX", f"{t_mx:.2f} s", "-"))
        out.append(("REFI .qdpx export, 50,000 codings", f"{t_qdpx:.2f} s", "-"))
        new = create_project(d / "copy.tematik", codebook="none")
        try:
            t_imp = _time(lambda: import_refi(new, d / "big.qdpx"))
        finally:
            new.close()
        out.append(("REFI .qdpx import, 50,000 codings", f"{t_imp:.2f} s", "-"))
    return out


if __name__ == "__main__":
    for row in run():
        print("  ".join(row))
