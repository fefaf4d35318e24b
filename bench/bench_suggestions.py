"""Benchmark: code suggestions (speed targets and quality on the demo project).

Run alone: ``.venv/bin/python -m bench.bench_suggestions``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from coding.project import transaction
from coding.suggest import engine
from coding.suggest.synthetic import build_project, generate_documents
from models.entities import Coding


def _speed_rows(tmp: Path) -> list[tuple[str, str, str]]:
    rows = []
    # Training on about 2,000 coded passages.
    docs = generate_documents(135, seed=21, turns=20, prefix="train")
    db = build_project(tmp / "train.tematik", docs)
    with transaction(db) as s:
        n_coded = s.scalar(select(func.count(Coding.id)))
    started = time.perf_counter()
    report = engine.train(db)
    seconds = time.perf_counter() - started
    db.close()
    rows.append(
        (
            f"suggestions: train on {n_coded} coded passages ({report.units} turns)",
            f"{seconds:.1f} s",
            "≤ 30 s",
        )
    )
    # Terms + model over about 1,000,000 words (60 coded documents to train on first).
    docs = generate_documents(1800, seed=22, turns=20, prefix="big")
    words = sum(d.words for d in docs)
    db = build_project(tmp / "big.tematik", docs, coded=60)
    engine.train(db)
    started = time.perf_counter()
    run = engine.generate(db, sources=["terms", "model"])
    seconds = time.perf_counter() - started
    db.close()
    rows.append(
        (
            f"suggestions: terms + model over {words:,} words ({run.units} turns, stored)",
            f"{seconds:.1f} s ({len(run.candidates)} candidates)",
            "≤ 10 s",
        )
    )
    return rows


def _demo_rows(tmp: Path) -> list[tuple[str, str, str]]:
    from coding.demo import build_demo
    from coding.suggest.evaluate import evaluate

    db = build_demo(tmp / "demo.tematik")
    try:
        ev = evaluate(db)
    finally:
        db.close()
    rows = []
    for src, sc in ev.sources.items():
        rows.append(
            (
                f"suggestions (demo, leave-one-document-out): {src} P / R / F1",
                f"{sc.precision:.2f} / {sc.recall:.2f} / {sc.f1:.2f}",
                "model F1 > terms F1" if src == "model" else "",
            )
        )
    for row in ev.learning_curve:
        rows.append(
            (
                f"suggestions (demo): F1 trained on {row['documents']} coded document(s)"
                f" ({row['folds']} random orders)",
                f"model {row['model_f1']:.2f} vs terms {row.get('terms_f1', 0):.2f}",
                "model > terms" if row["documents"] >= 5 else "",
            )
        )
    rows.append(("suggestions (demo): full evaluation time", f"{ev.seconds:.1f} s", ""))
    return rows


def run() -> list[tuple[str, str, str]]:
    """Rows (measure, value, target)."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        return _speed_rows(tmp) + _demo_rows(tmp)


if __name__ == "__main__":
    for measure, value, target in run():
        print(f"{measure:75} {value:30} {target}")
