"""Report benchmark: the theme summary .docx for 50 codes and 2,000 quotes ≤ 10 s.

Builds a project with 5 themes × 10 codes, 40 interviews of ~4,000 words grouped by sector
from → to, and 2,000 codings by two coders (so agreement is computed too, through
``compare_coders`` as in the supervisor view); then times
``export_report`` end to end (collect, quotes, key terms, agreement, charts, writing).
Runnable alone: ``python -m bench.bench_report``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import interview_line, join_turns

SECTORS = ("stat", "region", "kommune", "privat")


def build(path: Path, n_docs: int = 40, n_codings: int = 2000, seed: int = 11):
    from coding.attributes import case_for_document, ensure_attribute, set_value
    from coding.codebook import add_code
    from coding.codings import set_memo
    from coding.documents import store_document
    from coding.importing.base import ParsedDocument
    from coding.project import create_project, ensure_coder, transaction
    from models.entities import Coding

    rng = random.Random(seed)
    db = create_project(path, codebook="none", language="da")
    with transaction(db) as s:
        coders = [ensure_coder(s, "Anne"), ensure_coder(s, "Bo")]
        codes = []
        kinds = ("barrier", "motivation", "condition", "other", "barrier")
        for t in range(5):
            root = add_code(s, f"Tema {t + 1}", kind=kinds[t])
            for c in range(10):
                code = add_code(s, f"Kode {t + 1}.{c + 1}", parent_id=root.id)
                code.definition = f"Definition af kode {t + 1}.{c + 1}. " * 3
                codes.append(code)
        fra, til = ensure_attribute(s, "sektor_fra"), ensure_attribute(s, "sektor_til")
        docs = []
        for i in range(n_docs):
            labels = ["R" if k % 2 else "I" for k in range(60)]
            text, turns = join_turns(
                (label, interview_line(rng, label, rng.randint(20, 110))) for label in labels
            )
            doc = store_document(
                s, f"interview_{i:02}", ParsedDocument(text=text, format="txt", turns=turns)
            )
            case = case_for_document(s, doc)
            set_value(s, case, fra, SECTORS[i % 4])
            set_value(s, case, til, SECTORS[(i // 4 + i) % 4])
            docs.append(doc)
        rows = []
        seen = set()
        while len(rows) < n_codings:
            doc = rng.choice(docs)
            code = rng.choice(codes)
            start = rng.randrange(0, len(doc.text) - 700)
            end = start + rng.randint(30, 700)
            coder = coders[len(rows) % 2]
            key = (doc.id, code.id, coder.id, start, end)
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                Coding(document_id=doc.id, code_id=code.id, coder_id=coder.id, start=start,
                       end=end, pinned=rng.random() < 0.02)
            )  # fmt: skip
        s.add_all(rows)
        for code in codes[::3]:
            set_memo(s, "Et analytisk memo om koden. " * 20, coder_id=coders[0].id, code_id=code.id)
    return db


def _agreement_time(db) -> tuple[float, int]:
    """Seconds for the report's agreement figures (compare_coders for Anne and Bo) alone."""
    from coding.project import transaction
    from coding.report.agreement import report_agreement
    from models.entities import Coder

    with transaction(db) as s:
        coders = [s.query(Coder).filter_by(name=n).one() for n in ("Anne", "Bo")]
        t0 = time.perf_counter()
        summary = report_agreement(s, coders)
        return time.perf_counter() - t0, len(summary.code_rows)


def run() -> list[tuple[str, str, str]]:
    from coding.report import ReportOptions, export_report

    with tempfile.TemporaryDirectory() as tmp:
        db = build(Path(tmp) / "bench.tematik")
        try:
            t0 = time.perf_counter()
            result = export_report(db, Path(tmp) / "report.docx", ReportOptions())
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            export_report(db, Path(tmp) / "report2.docx", ReportOptions(pseudonymize=True))
            warm = time.perf_counter() - t0
            size = (Path(tmp) / "report.docx").stat().st_size
            agreement, rows = _agreement_time(db)
        finally:
            db.close()
    return [
        (
            f"report: {result.codes} codes, 2,000 codings, {result.documents} interviews (cold)",
            f"{first:.2f} s",
            "≤ 10 s",
        ),
        ("report again, pseudonymised (warm caches)", f"{warm:.2f} s", "≤ 10 s"),
        (
            f"report agreement figures alone (compare_coders, {rows} codes + overall)",
            f"{agreement:.3f} s",
            "",
        ),
        (
            f"report size ({result.quotes} quotes, {result.figures} charts)",
            f"{size / 1e6:.1f} MB",
            "",
        ),
    ]


if __name__ == "__main__":
    for row in run():
        print(" | ".join(row))
