"""The report's agreement summary: character-level agreement per code for coder pairs.

Uses :mod:`coding.agreement` (imported lazily; when it is missing the report says that
agreement was not computed). For each pair of coders, the documents both coded (at least one
coding each) are laid end to end; for every code the characters coded by both, one or neither
give the percentage agreement and Cohen's kappa (NVivo's coding comparison, pooled over the
documents). Codes neither coder used are left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import combinations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.codebook import code_tree
from coding.report.model import AgreementPair, AgreementRow
from models.entities import Coder, Coding, Document


def coder_agreement(
    session: Session, coders: Sequence[Coder], document_ids: Sequence[int], code_ids: Sequence[int]
) -> list[AgreementPair]:
    """Agreement per code for every pair of ``coders`` (raises ImportError without
    :mod:`coding.agreement`)."""
    from coding.agreement import character_agreement_batch

    wanted_codes = set(code_ids)
    nodes = [n for n in code_tree(session) if n.id in wanted_codes]
    lengths = dict(
        session.execute(
            select(Document.id, Document.char_count).where(Document.id.in_(document_ids))
        ).all()
    )
    rows = session.execute(
        select(Coding.coder_id, Coding.document_id, Coding.code_id, Coding.start, Coding.end).where(
            Coding.document_id.in_(document_ids),
            Coding.coder_id.in_([c.id for c in coders]),
            Coding.code_id.in_(wanted_codes),
        )
    ).all()
    by_coder: dict[int, list[tuple[int, int, int, int]]] = {}
    for coder_id, doc_id, code_id, start, end in rows:
        by_coder.setdefault(coder_id, []).append((doc_id, code_id, start, end))
    out: list[AgreementPair] = []
    for ca, cb in combinations(coders, 2):
        sa, sb = by_coder.get(ca.id, []), by_coder.get(cb.id, [])
        common = sorted({r[0] for r in sa} & {r[0] for r in sb})
        if not common:
            continue
        offset, pos = {}, 0
        for d in common:
            offset[d] = pos
            pos += lengths[d] or 0
        total = pos
        used_ids = {r[1] for r in sa + sb if r[0] in offset}
        used = [n for n in nodes if n.id in used_ids]
        if not used:
            continue
        gindex = {n.id: i for i, n in enumerate(used)}

        def arrays(
            segs: list[tuple[int, int, int, int]],
            offset: dict[int, int] = offset,
            gindex: dict[int, int] = gindex,
        ) -> tuple[list[int], list[int], list[int]]:
            g, s, e = [], [], []
            for doc_id, code_id, start, end in segs:
                if doc_id in offset and code_id in gindex:
                    g.append(gindex[code_id])
                    s.append(offset[doc_id] + start)
                    e.append(offset[doc_id] + end)
            return g, s, e

        ag, as_, ae = arrays(sa)
        bg, bs, be = arrays(sb)
        res = character_agreement_batch([total] * len(used), ag, as_, ae, bg, bs, be)
        n_a = [ag.count(i) for i in range(len(used))]
        n_b = [bg.count(i) for i in range(len(used))]
        table = [
            AgreementRow(
                path=n.path,
                name=n.name,
                depth=n.depth,
                percent=float(res["percent_agreement"][i]),
                kappa=float(res["kappa"][i]),
                codings_a=n_a[i],
                codings_b=n_b[i],
            )
            for i, n in enumerate(used)
        ]
        kappas = [r.kappa for r in table if not math.isnan(r.kappa)]
        percents = [r.percent for r in table if not math.isnan(r.percent)]
        out.append(
            AgreementPair(
                a=ca.name,
                b=cb.name,
                documents=len(common),
                rows=table,
                mean_kappa=sum(kappas) / len(kappas) if kappas else math.nan,
                mean_percent=sum(percents) / len(percents) if percents else math.nan,
            )
        )
    return out
