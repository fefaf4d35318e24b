"""CLI commands ``agreement`` and ``merge`` (options in ``main.py``).

``agreement``: human output is a readable table with Krippendorff's verdicts in words;
``--json`` gives every statistic computed (see
:meth:`coding.compare.compare.AgreementReport.as_json`).

``merge``: human output has one line per kind of thing merged (documents added or matched,
codings, memos, cases, attributes and attribute values), the new coders and codes, then every
conflict; ``--json`` gives the same as lists and counts (see
:meth:`coding.compare.merge.MergeReport.as_json`).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from coding.compare.compare import RELIABLE, TENTATIVE, AgreementReport, compare_coders, verdict
from coding.project import open_project, transaction

LABELS = {
    "char_percent": "char %",
    "char_kappa": "char κ",
    "char_alpha": "char α",
    "coded_share": "coded %",
    "coded_agreement": "agree on coded %",
    "seg_percent": "segment %",
    "turn_percent": "turn %",
    "turn_kappa": "turn κ",
    "turn_alpha": "turn α",
    "u_alpha": "uα",
    "cu_alpha": "cuα",
}
PERCENT = {"char_percent", "coded_share", "coded_agreement", "seg_percent", "turn_percent"}
ALPHAS = ("u_alpha", "char_alpha", "turn_alpha", "cu_alpha")


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _fmt(key: str, value: float) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return f"{100 * value:.1f}" if key in PERCENT else f"{value:.3f}"


def format_report(report: AgreementReport) -> str:
    """The codes x statistics table, verdicts in words, and how uncoded text is treated."""
    cols, rows = report.summary()
    shown = [c for c in cols if c not in ("turn_alpha_low", "turn_alpha_high")]
    headers = ["Code", *[LABELS[c] for c in shown], "verdict"]
    table: list[list[str]] = []
    for _cid, label, values in rows:
        cells = [label]
        for c in shown:
            cell = _fmt(c, values.get(c, math.nan))
            if c == "turn_alpha" and math.isfinite(values.get("turn_alpha_low", math.nan)):
                cell += f" [{values['turn_alpha_low']:.2f}, {values['turn_alpha_high']:.2f}]"
            cells.append(cell)
        main = next(
            (values[a] for a in ALPHAS if a in values and math.isfinite(values[a])), math.nan
        )
        cells.append(verdict(main))
        table.append(cells)
    widths = [max(len(r[i]) for r in [headers, *table]) for i in range(len(headers))]
    lines = [
        f"Agreement between {', '.join(report.coders)} — {len(report.documents)} document(s), "
        f"{len(report.codes)} code(s)",
        "",
        "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    for r in table:
        if r[0] == "Overall":
            lines.append("  ".join("-" * w for w in widths))
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    lines += [
        "",
        f"Verdict (Krippendorff): α ≥ {RELIABLE:.3f} reliable, ≥ {TENTATIVE:.3f} tentative, "
        "below unreliable; from uα (else char α, turn α).",
        "Percentages are percent agreement; κ is Cohen's kappa (mean pairwise for 3+ coders).",
    ]
    if report.segment is not None:
        k = report.segment.overall.get("kappa_brennan_prediger", math.nan)
        lines.append(
            f"Segment agreement overall {_fmt('seg_percent', report.segment.overall['percent'])} %"
            f", MAXQDA kappa (Brennan & Prediger, chance 1/codes) {_fmt('k', k)}."
        )
    if report.unitizing is not None and report.unitizing.family_valid:
        u = report.unitizing
        lines.append(
            f"Unitizing family: uα {_fmt('u', u.u_alpha)}, |uα {_fmt('u', u.binary_alpha)}, "
            f"cuα {_fmt('u', u.cu_alpha)} ({verdict(u.cu_alpha)})."
        )
    lines += ["", "How uncoded text is treated:"]
    for unit in report.units:
        res = report.result(unit)
        if res is not None:
            lines.append(f"- {unit}: {res.treatment}")
    if report.unitizing is not None:
        from coding.compare.compare import TREATMENT

        lines.append(f"- unitizing α: {TREATMENT['unitizing']}")
    if report.notes:
        lines += ["", "Notes:", *[f"- {n}" for n in report.notes]]
    return "\n".join(lines)


def cmd_agreement(args: argparse.Namespace) -> int:
    """``tematik agreement PROJECT --coders A,B[,C] [--unit U] [--documents ...] [--codes ...]``."""
    db = open_project(args.project)
    try:
        with transaction(db) as s:
            report = compare_coders(
                s,
                args.coders,
                documents=args.documents,
                codes=args.codes,
                unit=args.unit,
                min_overlap=args.min_overlap,
            )
    finally:
        db.close()
    if args.json:
        _print_json(report.as_json())
    else:
        print(format_report(report))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """``tematik merge PROJECT OTHER.tematik [--coder NAME] [--json]``.

    Documents only in OTHER (new interviews) are added with their turns, case and attribute
    values, whichever coder is chosen; ``--coder`` limits the codings and memos merged. The
    JSON lists ``documents_added``, ``cases_added``, ``attributes_added`` and the counts of
    attribute values added and already present next to the codings and memos.
    """
    from coding.compare.merge import merge_project

    db = open_project(args.project)
    try:
        report = merge_project(db, args.other, coder=args.coder)
    finally:
        db.close()
    if args.json:
        _print_json(report.as_json())
    else:
        print(report.summary())
    return 0
