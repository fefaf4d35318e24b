"""Adjudication: a supervisor settles disagreements, building a consensus coder's codings.

For each :class:`~coding.compare.compare.Disagreement` the supervisor accepts A, accepts B,
accepts both, accepts neither, or edits the span. The consensus coder (role ``consensus``,
by default named "Konsensus") gets the resulting codings, and an ``Adjudication`` row records
the decision for the place (document, code, start, end). Each function does one decision's
work inside the caller's transaction and returns a :class:`DecisionUndo` that
:func:`undo_decision` applies to restore the state before (the app wraps it in an undo
command). Deciding a place again replaces the earlier decision.

What each decision adds to the consensus coder:

``a`` / ``b``
    that coder's segments (with that coder's code; for a *different code* place B's code).
``both``
    for one code: the union of both coders' spans (one consensus coding per joined stretch);
    for a *different code* place: A's segments with A's code and B's with B's code.
``neither``
    nothing.
``edited``
    one coding on the span given (with the code given, default the place's code).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coding.codings import add_coding, remove_coding, restore_coding
from coding.compare.compare import Disagreement
from coding.errors import TematikError
from coding.project import find_coder
from models.entities import Adjudication, Coder, Coding, Document

DECISIONS = ("a", "b", "both", "neither", "edited")
DECISION_LABELS = {
    "a": "accept A",
    "b": "accept B",
    "both": "accept both",
    "neither": "accept neither",
    "edited": "edited span",
}
CONSENSUS_NAME = "Konsensus"


@dataclass
class DecisionUndo:
    """What :func:`undo_decision` needs to restore the state before a decision."""

    added_coding_ids: list[int] = field(default_factory=list)
    removed_codings: list[dict[str, Any]] = field(default_factory=list)
    added_adjudication_ids: list[int] = field(default_factory=list)
    removed_adjudications: list[dict[str, Any]] = field(default_factory=list)


def consensus_coder(session: Session, name: str = CONSENSUS_NAME) -> Coder:
    """The consensus coder (created with role ``consensus`` when new).

    Refuses a name that belongs to an analyst or supervisor, so nobody's own codings are
    overwritten by adjudication.
    """
    coder = find_coder(session, name)
    if coder is None:
        coder = Coder(name=name.strip() or CONSENSUS_NAME, role="consensus")
        session.add(coder)
        session.flush()
    elif coder.role != "consensus":
        raise TematikError(
            f"{coder.name!r} is an {coder.role}, not a consensus coder; choose another name "
            "for the consensus codings."
        )
    return coder


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _targets(
    item: Disagreement, decision: str, span: tuple[int, int] | None, code_id: int | None
) -> list[tuple[int, int, int]]:
    """The consensus codings (code id, start, end) a decision asks for."""
    b_code = item.other_code_id if item.kind == "code" else item.code_id
    if decision == "a":
        return [(item.code_id, s, e) for s, e in item.a_spans]
    if decision == "b":
        return [(b_code or item.code_id, s, e) for s, e in item.b_spans]
    if decision == "both":
        if item.kind == "code":
            return [(item.code_id, s, e) for s, e in item.a_spans] + [
                (b_code or item.code_id, s, e) for s, e in item.b_spans
            ]
        return [(item.code_id, s, e) for s, e in _union(item.a_spans + item.b_spans)]
    if decision == "neither":
        return []
    if span is None:
        raise TematikError("Give the edited span (start and end) for this decision.")
    s, e = span
    if not (s < item.end and e > item.start):
        raise TematikError(
            f"The edited span {s}–{e} does not touch the disputed passage {item.start}–{item.end}."
        )
    allowed = {item.code_id} | ({item.other_code_id} if item.other_code_id else set())
    cid = code_id if code_id is not None else item.code_id
    if cid not in allowed:
        raise TematikError("The edited coding must use one of the disputed codes.")
    return [(cid, s, e)]


def _codes_of(item: Disagreement) -> list[int]:
    return [item.code_id] + ([item.other_code_id] if item.other_code_id else [])


def decide(
    session: Session,
    item: Disagreement,
    decision: str,
    *,
    decided_by_id: int | None = None,
    span: tuple[int, int] | None = None,
    code_id: int | None = None,
    note: str = "",
    consensus_name: str = CONSENSUS_NAME,
) -> DecisionUndo:
    """Record a decision on a disagreement and set the consensus codings for its place.

    ``decision`` is one of :data:`DECISIONS`; ``span`` (and optionally ``code_id``) is needed
    for ``edited``. An earlier decision on the same place is replaced: its consensus codings
    (of the place's codes, overlapping the place) are removed first. Returns the undo data.
    """
    if decision not in DECISIONS:
        raise TematikError(f"Unknown decision {decision!r}; choose one of {', '.join(DECISIONS)}.")
    if session.get(Document, item.document_id) is None:
        raise TematikError("The document of this disagreement no longer exists.")
    targets = _targets(item, decision, span, code_id)
    consensus = consensus_coder(session, consensus_name)
    undo = DecisionUndo()

    lo = min([item.start, *[t[1] for t in targets]])
    hi = max([item.end, *[t[2] for t in targets]])
    old = session.scalars(
        select(Coding).where(
            Coding.document_id == item.document_id,
            Coding.coder_id == consensus.id,
            Coding.code_id.in_(_codes_of(item)),
            Coding.start < hi,
            Coding.end > lo,
        )
    ).all()
    previous = session.scalars(
        select(Adjudication).where(
            Adjudication.document_id == item.document_id,
            Adjudication.code_id == item.code_id,
            Adjudication.start == item.start,
            Adjudication.end == item.end,
        )
    ).all()
    keep = set(targets)
    present: set[tuple[int, int, int]] = set()
    for cid, key in [(c.id, (c.code_id, c.start, c.end)) for c in old]:
        if previous and key not in keep:
            undo.removed_codings.append(remove_coding(session, cid))
        else:
            present.add(key)
    for cid, s, e in targets:
        if (cid, s, e) in present:
            continue
        coding = add_coding(session, item.document_id, cid, consensus.id, s, e)
        undo.added_coding_ids.append(coding.id)
        present.add((cid, s, e))
    for row in previous:
        undo.removed_adjudications.append(
            {
                c: getattr(row, c)
                for c in (
                    "id",
                    "guid",
                    "document_id",
                    "code_id",
                    "start",
                    "end",
                    "decision",
                    "decided_by_id",
                    "note",
                    "created_at",
                )
            }  # fmt: skip
        )
        session.delete(row)
    adj = Adjudication(
        document_id=item.document_id,
        code_id=item.code_id,
        start=item.start,
        end=item.end,
        decision=decision,
        decided_by_id=decided_by_id,
        note=note,
    )
    session.add(adj)
    session.flush()
    undo.added_adjudication_ids.append(adj.id)
    item.decision = decision
    return undo


def undo_decision(session: Session, undo: DecisionUndo) -> None:
    """Restore the state before :func:`decide` (in the caller's transaction)."""
    for cid in undo.added_coding_ids:
        if session.get(Coding, cid) is not None:
            remove_coding(session, cid)
    for snap in undo.removed_codings:
        restore_coding(session, snap)
    if undo.added_adjudication_ids:
        session.execute(
            delete(Adjudication).where(Adjudication.id.in_(undo.added_adjudication_ids))
        )
    for row in undo.removed_adjudications:
        session.add(Adjudication(**row))
    session.flush()


def adopt_agreements(
    session: Session,
    coder_a: int,
    coder_b: int,
    *,
    document_ids: list[int] | None = None,
    code_ids: list[int] | None = None,
    consensus_name: str = CONSENSUS_NAME,
) -> DecisionUndo:
    """Copy every coding A and B made identically (same document, code and span) to the
    consensus coder, so the consensus holds agreements as well as adjudicated places."""
    consensus = consensus_coder(session, consensus_name)
    a = Coding.__table__.alias("a")
    b = Coding.__table__.alias("b")
    q = select(a.c.document_id, a.c.code_id, a.c.start, a.c.end).join(
        b,
        (b.c.document_id == a.c.document_id)
        & (b.c.code_id == a.c.code_id)
        & (b.c.start == a.c.start)
        & (b.c.end == a.c.end)
        & (b.c.coder_id == coder_b),
    )
    q = q.where(a.c.coder_id == coder_a)
    if document_ids is not None:
        q = q.where(a.c.document_id.in_(document_ids))
    if code_ids is not None:
        q = q.where(a.c.code_id.in_(code_ids))
    existing = set(
        session.execute(
            select(Coding.document_id, Coding.code_id, Coding.start, Coding.end).where(
                Coding.coder_id == consensus.id
            )
        ).all()
    )
    undo = DecisionUndo()
    for row in session.execute(q.distinct()).all():
        if tuple(row) in existing:
            continue
        coding = add_coding(session, row[0], row[1], consensus.id, row[2], row[3])
        undo.added_coding_ids.append(coding.id)
    return undo


def adjudication_progress(session: Session, items: list[Disagreement]) -> tuple[int, int]:
    """(decided, total) for these disagreements, from the stored Adjudication rows."""
    if not items:
        return 0, 0
    docs = list({i.document_id for i in items})
    done = {
        (r.document_id, r.code_id, r.start, r.end)
        for r in session.execute(
            select(
                Adjudication.document_id, Adjudication.code_id, Adjudication.start, Adjudication.end
            ).where(Adjudication.document_id.in_(docs))
        )
    }
    return sum(1 for i in items if i.key in done), len(items)


def count_adjudications(session: Session) -> int:
    """How many decisions are stored in the project."""
    return int(session.scalar(select(func.count(Adjudication.id))) or 0)
