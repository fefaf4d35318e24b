"""CLI commands: ``suggest``, ``train`` and ``evaluate-suggestions`` (see ``main.py``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sqlalchemy import select

from coding.errors import TematikError
from coding.project import find_coder, get_coder, open_project, transaction
from coding.suggest import SOURCES
from models.db import Database
from models.entities import Coder, Coding


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def default_coder(db: Database, name: str | None) -> int | None:
    """The coder whose decisions apply: ``name``, else the first analyst (by name), else
    None (no coders yet: nothing is filtered)."""
    with transaction(db) as s:
        if name:
            return get_coder(s, name).id
        coder = (
            s.scalars(select(Coder).where(Coder.role == "analyst").order_by(Coder.name)).first()
            or s.scalars(select(Coder).order_by(Coder.name)).first()
        )
        return coder.id if coder is not None else None


def suggestion_rows(
    db: Database,
    *,
    coder_id: int | None,
    document_ids: list[int] | None,
    sources: list[str],
    threshold: float | None,
) -> list[dict[str, Any]]:
    """One row per shown (passage, code, source): the CLI's output."""
    from coding.suggest.store import queue
    from models.entities import Document

    rows: list[dict[str, Any]] = []
    with transaction(db) as s:
        items = []
        for doc_id in document_ids or [None]:
            items.extend(
                queue(
                    s,
                    coder_id if coder_id is not None else -1,
                    document_id=doc_id,
                    threshold=threshold,
                    sources=sources,
                )
            )
        texts: dict[int, str] = {}
        for it in items:
            if it.document_id not in texts:
                doc = s.get(Document, it.document_id)
                texts[it.document_id] = doc.text if doc else ""
            for src in it.sources:
                rows.append(
                    {
                        "document": it.document,
                        "start": it.start,
                        "end": it.end,
                        "code": it.code_path,
                        "score": it.scores[src],
                        "source": src,
                        "evidence": it.evidence.get(src, {}),
                        "text": texts[it.document_id][it.start : it.end],
                        "suggestion_ids": it.suggestion_ids,
                    }
                )
    return rows


def _short_evidence(source: str, ev: dict[str, Any]) -> str:
    if source == "terms":
        return ", ".join(t["text"] for t in ev.get("terms", []))
    if source == "model":
        return ", ".join(f["text"] for f in ev.get("features", []))
    like = ev.get("like", {})
    return f"like “{like.get('text', '')[:40]}…”"


def cmd_suggest(args: argparse.Namespace) -> int:
    """Compute and store suggestions, then list the coder's pending ones."""
    from coding.documents import find_document
    from coding.suggest.engine import generate

    sources = list(SOURCES) if args.source == "all" else [args.source]
    like = getattr(args, "like", None)  # CODING_GUID(s): "more like this" (main.py option)
    db = open_project(args.project)
    try:
        with transaction(db) as s:
            doc_ids = [find_document(s, n).id for n in args.document] if args.document else None
            seed_ids = None
            if like:
                sources = ["similar"]
                seed_ids = []
                for guid in [like] if isinstance(like, str) else list(like):
                    found = s.scalar(select(Coding.id).where(Coding.guid == guid.strip().lower()))
                    if found is None:
                        raise TematikError(f"No coding with GUID {guid!r} in {args.project}.")
                    seed_ids.append(found)
        coder_id = default_coder(db, getattr(args, "coder", None))
        run = generate(db, sources=sources, document_ids=doc_ids, seed_coding_ids=seed_ids)
        rows = suggestion_rows(
            db, coder_id=coder_id, document_ids=doc_ids, sources=sources, threshold=args.threshold
        )
        if like:  # only the passages found like the given codings
            wanted = {g.strip().lower() for g in ([like] if isinstance(like, str) else like)}
            rows = [r for r in rows if r["evidence"].get("like", {}).get("coding") in wanted]
        with transaction(db) as s:
            coder = s.get(Coder, coder_id) if coder_id is not None else None
            coder_name = coder.name if coder else None
    finally:
        db.close()
    if args.json:
        _print_json(rows)
    else:
        for note in run.notes:
            print(f"note: {note}", file=sys.stderr)
        for r in rows:
            excerpt = " ".join(r["text"].split())[:70]
            print(
                f"{r['document']}\t{r['start']}-{r['end']}\t{r['code']}\t{r['score']:.2f}\t"
                f"{r['source']}\t{_short_evidence(r['source'], r['evidence'])}\t{excerpt}"
            )
        who = f" for {coder_name}" if coder_name else ""
        print(
            f"{len(rows)} suggestion(s){who} from {run.units} passages ({run.seconds:.1f} s).",
            file=sys.stderr,
        )
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """Train the suggestion model on the project's codings and store it in the project."""
    from coding.suggest.engine import train

    db = open_project(args.project)
    try:
        report = train(db)
    finally:
        db.close()
    print(
        f"Trained on {report.units} passages from {report.documents} coded document(s)"
        f" ({report.rejections} rejected suggestion(s) as negatives) in {report.seconds:.1f} s."
    )
    print(f"Codes learnt ({len(report.labels)}):")
    for label in report.labels:
        print(f"  {label}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Precision / recall / F1 per source and code, leave-one-document-out."""
    from coding.suggest.evaluate import evaluate

    db = open_project(args.project)
    try:
        coders = getattr(args, "coders", None)
        if coders:
            with transaction(db) as s:
                for name in coders:
                    if find_coder(s, name) is None:
                        raise TematikError(f"No coder named {name!r} in {args.project}.")
        ev = evaluate(db, coder_names=coders)
    finally:
        db.close()
    data = ev.to_json()
    if args.json:
        _print_json(data)
        return 0
    print(
        f"{len(ev.documents)} coded documents, {ev.units} passages (speaker turns), "
        f"codings of {', '.join(ev.coders)} combined by union; leave one document out."
    )
    print(f"{'source':10} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
    for src, sc in ev.sources.items():
        print(
            f"{src:10} {sc.precision:9.3f} {sc.recall:7.3f} {sc.f1:6.3f} "
            f"{sc.tp:5d} {sc.fp:5d} {sc.fn:5d}"
        )
    print("\nPer code (F1 by source):")
    codes = sorted({c for per in ev.per_code.values() for c in per})
    print(f"{'code':55} " + " ".join(f"{s:>8}" for s in ev.per_code))
    for c in codes:
        vals = " ".join(
            f"{ev.per_code[s][c].f1:8.3f}" if c in ev.per_code[s] else f"{'-':>8}"
            for s in ev.per_code
        )
        print(f"{c[:55]:55} {vals}")
    if ev.learning_curve:
        print("\nLearning curve (F1 on held-out documents):")
        for row in ev.learning_curve:
            extra = f"   terms {row['terms_f1']:.3f}" if "terms_f1" in row else ""
            print(f"  {row['documents']:3d} coded document(s): model {row['model_f1']:.3f}{extra}")
    return 0
