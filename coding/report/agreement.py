"""The report's agreement figures, taken from the project-level comparison of coders.

The report computes nothing of its own: :func:`report_agreement` calls
:func:`coding.compare.compare.compare_coders` (the function behind the supervisor view and
``tematik agreement``) for the report's coders and keeps the rows of its codes x statistics
summary (:meth:`~coding.compare.compare.AgreementReport.summary`). A supervisor therefore sees
the same figures in the report, in the supervisor view and in the CLI.

Compared: the character unit (percent agreement, Cohen's kappa, the share of text coded and
agreement on coded text), the speaker-turn unit (Krippendorff's alpha with its bootstrap 95%
interval) and Krippendorff's unitizing alpha per code and pooled. The verdict of a row follows
the CLI and the supervisor view: from uα, else character α, else turn α
(:data:`coding.compare.cli.ALPHAS`), in Krippendorff's bands (α ≥ 0.800 reliable, ≥ 0.667
tentative, below unreliable).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.codebook import code_tree
from coding.compare.cli import ALPHAS
from coding.compare.compare import RELIABLE, TENTATIVE, compare_coders, verdict
from coding.report.model import AgreementRow, AgreementSummary
from coding.tree import CodeNode
from models.entities import Coder, Coding

REPORT_UNITS = ("character", "turn")


def main_alpha(values: dict[str, float]) -> float:
    """The alpha a row's verdict is taken from: uα, else character α, else turn α (as in the
    CLI and the supervisor view); nan when none is defined."""
    return next((values[a] for a in ALPHAS if a in values and math.isfinite(values[a])), math.nan)


def _theme(node: CodeNode, nodes: dict[int, CodeNode]) -> str:
    while node.parent_id is not None:
        node = nodes[node.parent_id]
    return node.name


def report_agreement(
    session: Session,
    coders: Sequence[Coder],
    documents: Sequence[int] | None = None,
    codes: Sequence[int] | None = None,
) -> AgreementSummary:
    """Agreement of ``coders`` from :func:`~coding.compare.compare.compare_coders`.

    ``documents``: document ids (None: every document any of the coders coded, as the CLI
    does). ``codes``: code ids the report is limited to (None: every code the coders used);
    only those the coders used are compared. Raises
    :class:`~coding.errors.TematikError` when there is nothing to compare."""
    code_list: list[int] | None = None
    if codes is not None:
        wanted = set(codes)
        query = select(Coding.code_id).where(
            Coding.coder_id.in_([c.id for c in coders]), Coding.code_id.in_(wanted)
        )
        if documents is not None:
            query = query.where(Coding.document_id.in_(list(documents)))
        used = set(session.scalars(query.distinct()))
        code_list = [n.id for n in code_tree(session) if n.id in used]
    report = compare_coders(
        session,
        [c.id for c in coders],
        documents=list(documents) if documents is not None else None,
        codes=code_list,
        unit=list(REPORT_UNITS),
        unitizing=True,
    )
    nodes = {n.id: n for n in code_tree(session)}
    _cols, summary = report.summary()
    rows: list[AgreementRow] = []
    for cid, path, values in summary:
        node = nodes.get(cid) if cid is not None else None
        alpha = main_alpha(values)
        rows.append(
            AgreementRow(
                code_id=cid,
                path=path,
                name=node.name if node else path,
                theme=_theme(node, nodes) if node else "",
                depth=node.depth if node else 0,
                values=dict(values),
                alpha=alpha,
                verdict=verdict(alpha),
            )
        )
    return AgreementSummary(
        coders=list(report.coders),
        documents=len(report.documents),
        codes=len(report.codes),
        rows=rows,
        turns=report.turn is not None,
        min_overlap=report.min_overlap,
        reliable=RELIABLE,
        tentative=TENTATIVE,
    )
