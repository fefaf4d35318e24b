"""Stored suggestions, the per-coder queue, and accept / reject.

Rules: a suggestion is never a coding until a coder accepts it; accepting creates a coding by
that coder (``coding.codings.add_coding``); a rejection is remembered per coder, so the same
code is not proposed again for that passage to that coder (from any source), and the
classifier uses it as a negative example. Agreement figures read the ``coding`` table only,
so suggestions never enter them.

A queue item groups the suggestions of all sources for one (document, code, passage).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from coding.codebook import code_paths
from coding.codings import add_coding
from coding.errors import TematikError
from models.base import new_guids, utcnow
from models.entities import Coding, Document, Suggestion, SuggestionDecision


def store_candidates(
    session: Session,
    candidates: Sequence[Any],
    *,
    sources: Sequence[str],
    document_ids: Iterable[int] | None = None,
    replace_similar: bool = True,
) -> dict[str, int]:
    """Upsert candidates of ``sources`` for the documents (all when None).

    Old suggestions of those sources that were not proposed again are deleted when nobody has
    decided on them, and set to score 0 (hidden) when someone has, so decisions are kept.
    With ``replace_similar=False`` (explicit "more like this" seeds) existing ``similar``
    suggestions are only added to, never removed. Returns counts (added, updated, removed).
    """
    from coding.suggest.engine import STORE_FLOORS

    doc_ids = list(document_ids) if document_ids is not None else None
    replace = [s for s in sources if s != "similar" or replace_similar]
    q = select(
        Suggestion.id,
        Suggestion.document_id,
        Suggestion.code_id,
        Suggestion.start,
        Suggestion.end,
        Suggestion.source,
    ).where(Suggestion.source.in_(list(sources)))
    if doc_ids is not None:
        q = q.where(Suggestion.document_id.in_(doc_ids))
    existing = {(d, c, s, e, src): i for i, d, c, s, e, src in session.execute(q).all()}
    new_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    seen: set[int] = set()
    keys_done: set[tuple[int, int, int, int, str]] = set()
    for c in candidates:
        if c.source not in sources or c.score < STORE_FLOORS.get(c.source, 0.0):
            continue
        key = (c.document_id, c.code_id, c.start, c.end, c.source)
        if key in keys_done:
            continue
        keys_done.add(key)
        evidence = json.dumps(c.evidence, ensure_ascii=False)
        sid = existing.get(key)
        if sid is None:
            new_rows.append(
                {
                    "document_id": c.document_id,
                    "code_id": c.code_id,
                    "start": c.start,
                    "end": c.end,
                    "source": c.source,
                    "score": float(c.score),
                    "evidence": evidence,
                }
            )
        else:
            seen.add(sid)
            updates.append({"id": sid, "score": float(c.score), "evidence": evidence})
    now = utcnow()
    for row, guid in zip(new_rows, new_guids(len(new_rows)), strict=True):
        row["guid"] = guid
        row["created_at"] = now
    if new_rows:
        session.execute(insert(Suggestion), new_rows)
    if updates:
        session.execute(update(Suggestion), updates)
    stale = [i for k, i in existing.items() if k[4] in replace and i not in seen]
    removed = 0
    if stale:
        decided = set(
            session.scalars(
                select(SuggestionDecision.suggestion_id).where(
                    SuggestionDecision.suggestion_id.in_(stale)
                )
            )
        )
        drop = [i for i in stale if i not in decided]
        for i in range(0, len(drop), 500):
            session.execute(delete(Suggestion).where(Suggestion.id.in_(drop[i : i + 500])))
        removed = len(drop)
        keep = [i for i in stale if i in decided]
        if keep:
            session.execute(update(Suggestion).where(Suggestion.id.in_(keep)).values(score=0.0))
    session.flush()
    return {"added": len(new_rows), "updated": len(updates), "removed": removed}


@dataclass
class QueueItem:
    """One proposed coding for a coder: a code for a passage, from one or more sources."""

    suggestion_ids: list[int]
    document_id: int
    document: str
    code_id: int
    code_path: str
    start: int
    end: int
    score: float
    sources: list[str]
    evidence: dict[str, Any] = field(default_factory=dict)  # source → evidence
    scores: dict[str, float] = field(default_factory=dict)  # source → score

    def explain(self) -> str:
        """A short plain-text "why" for tooltips and the CLI."""
        parts = []
        for src in self.sources:
            ev = self.evidence.get(src, {})
            score = self.scores.get(src, 0.0)
            if src == "terms":
                words = ", ".join(
                    f"{t['text']} ({t['term']}{', compound' if t['match'] == 'compound' else ''})"
                    for t in ev.get("terms", [])
                )
                parts.append(f"Indicator terms {score:.2f}: {words}")
            elif src == "model":
                words = ", ".join(
                    f"{f['text']} ({f['weight']:+.1f})" for f in ev.get("features", [])
                )
                parts.append(f"Learned model {score:.2f}: {words or 'overall wording'}")
            elif src == "similar":
                like = ev.get("like", {})
                words = ", ".join(w["lemma"] for w in ev.get("shared", []))
                parts.append(
                    f"Like a coded passage {score:.2f}: “{like.get('text', '')[:80]}” "
                    f"(shared: {words})"
                )
        return "\n".join(parts)


def _threshold_for(source: str, threshold: float | dict[str, float] | None) -> float:
    from coding.suggest.engine import DEFAULT_THRESHOLDS

    if threshold is None:
        return DEFAULT_THRESHOLDS.get(source, 0.5)
    if isinstance(threshold, dict):
        return threshold.get(source, DEFAULT_THRESHOLDS.get(source, 0.5))
    return float(threshold)


def decided_keys(session: Session, coder_id: int) -> set[tuple[int, int, int, int]]:
    """(document, code, start, end) of every suggestion the coder accepted or rejected."""
    rows = session.execute(
        select(Suggestion.document_id, Suggestion.code_id, Suggestion.start, Suggestion.end)
        .join(SuggestionDecision, SuggestionDecision.suggestion_id == Suggestion.id)
        .where(
            SuggestionDecision.coder_id == coder_id,
            SuggestionDecision.state.in_(("accepted", "rejected")),
        )
    ).all()
    return {tuple(r) for r in rows}  # type: ignore[misc]


def queue(
    session: Session,
    coder_id: int,
    *,
    document_id: int | None = None,
    threshold: float | dict[str, float] | None = None,
    sources: Sequence[str] | None = None,
    order: str = "position",
) -> list[QueueItem]:
    """The coder's pending suggestions at or above the threshold (per source defaults when
    None), without passages the coder decided on or already coded with that code.

    ``order`` is ``position`` (document order, then text position) or ``score``.
    """
    q = select(Suggestion).where(Suggestion.score > 0)
    if document_id is not None:
        q = q.where(Suggestion.document_id == document_id)
    if sources is not None:
        q = q.where(Suggestion.source.in_(list(sources)))
    rows = list(session.scalars(q))
    decided = decided_keys(session, coder_id)
    cq = select(Coding.document_id, Coding.code_id, Coding.start, Coding.end).where(
        Coding.coder_id == coder_id
    )
    if document_id is not None:
        cq = cq.where(Coding.document_id == document_id)
    coded: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for d, c, s, e in session.execute(cq).all():
        coded.setdefault((d, c), []).append((s, e))
    paths = code_paths(session)
    docs = dict(session.execute(select(Document.id, Document.name)).all())
    positions = dict(session.execute(select(Document.id, Document.position)).all())
    groups: dict[tuple[int, int, int, int], QueueItem] = {}
    for sg in rows:
        key = (sg.document_id, sg.code_id, sg.start, sg.end)
        if key in decided:
            continue
        if any(s < sg.end and sg.start < e for s, e in coded.get((sg.document_id, sg.code_id), ())):
            continue
        item = groups.get(key)
        if item is None:
            item = QueueItem(
                [],
                sg.document_id,
                docs.get(sg.document_id, ""),
                sg.code_id,
                paths.get(sg.code_id, ""),
                sg.start,
                sg.end,
                0.0,
                [],
            )
            groups[key] = item
        item.suggestion_ids.append(sg.id)
        item.scores[sg.source] = sg.score
        try:
            item.evidence[sg.source] = json.loads(sg.evidence or "{}")
        except json.JSONDecodeError:
            item.evidence[sg.source] = {}
    out = []
    for item in groups.values():
        shown = [s for s, v in item.scores.items() if v >= _threshold_for(s, threshold)]
        if not shown:
            continue
        item.sources = sorted(shown, key=lambda s: ("terms", "model", "similar").index(s))
        item.score = max(item.scores[s] for s in shown)
        out.append(item)
    if order == "score":
        out.sort(key=lambda i: (-i.score, positions.get(i.document_id, 0), i.start, i.code_path))
    else:
        out.sort(key=lambda i: (positions.get(i.document_id, 0), i.start, i.code_path))
    return out


def _group_ids(session: Session, suggestion_ids: Sequence[int]) -> list[Suggestion]:
    """The suggestions given plus every other source's suggestion for the same passage+code."""
    first = [s for s in (session.get(Suggestion, i) for i in suggestion_ids) if s is not None]
    if not first:
        raise TematikError("That suggestion no longer exists (it may have been recomputed).")
    out: dict[int, Suggestion] = {}
    for sg in first:
        for other in session.scalars(
            select(Suggestion).where(
                Suggestion.document_id == sg.document_id,
                Suggestion.code_id == sg.code_id,
                Suggestion.start == sg.start,
                Suggestion.end == sg.end,
            )
        ):
            out[other.id] = other
    return list(out.values())


def _decide(
    session: Session,
    suggestions: Sequence[Suggestion],
    coder_id: int,
    state: str,
    coding_id: int | None,
) -> None:
    for sg in suggestions:
        row = session.scalars(
            select(SuggestionDecision).where(
                SuggestionDecision.suggestion_id == sg.id, SuggestionDecision.coder_id == coder_id
            )
        ).first()
        if row is None:
            row = SuggestionDecision(suggestion_id=sg.id, coder_id=coder_id)
            session.add(row)
        row.state = state
        row.coding_id = coding_id
        row.decided_at = utcnow()
    session.flush()


@dataclass
class Accepted:
    """The coding an accept produced; ``created`` is False when it already existed."""

    coding: Coding
    created: bool


def accept(session: Session, suggestion_ids: Sequence[int], coder_id: int) -> Accepted:
    """Accept: code the passage with the suggested code as ``coder_id`` (an identical
    existing coding by the coder is reused)."""
    group = _group_ids(session, suggestion_ids)
    sg = group[0]
    existing = session.scalars(
        select(Coding).where(
            Coding.document_id == sg.document_id,
            Coding.code_id == sg.code_id,
            Coding.coder_id == coder_id,
            Coding.start == sg.start,
            Coding.end == sg.end,
        )
    ).first()
    coding = existing or add_coding(session, sg.document_id, sg.code_id, coder_id, sg.start, sg.end)
    _decide(session, group, coder_id, "accepted", coding.id)
    return Accepted(coding, existing is None)


def reject(session: Session, suggestion_ids: Sequence[int], coder_id: int) -> None:
    """Reject: remembered for this coder, never proposed to them again for this passage."""
    _decide(session, _group_ids(session, suggestion_ids), coder_id, "rejected", None)


def undo_decision(
    session: Session, suggestion_ids: Sequence[int], coder_id: int, *, remove_coding: bool = True
) -> None:
    """Forget the coder's decision on these suggestions, so they are pending again; with
    ``remove_coding`` the coding an accept created is removed too (pass
    ``Accepted.created``)."""
    from coding.codings import remove_coding as _remove

    group = _group_ids(session, suggestion_ids)
    rows = list(
        session.scalars(
            select(SuggestionDecision).where(
                SuggestionDecision.suggestion_id.in_([g.id for g in group]),
                SuggestionDecision.coder_id == coder_id,
            )
        )
    )
    coding_ids = {r.coding_id for r in rows if r.coding_id is not None}
    for r in rows:
        session.delete(r)
    session.flush()
    if remove_coding:
        for cid in coding_ids:
            if session.get(Coding, cid) is not None:
                _remove(session, cid)
    session.flush()


def state_of(session: Session, suggestion_id: int, coder_id: int) -> str:
    """``pending``, ``accepted`` or ``rejected`` for this coder."""
    state = session.scalar(
        select(SuggestionDecision.state).where(
            SuggestionDecision.suggestion_id == suggestion_id,
            SuggestionDecision.coder_id == coder_id,
        )
    )
    return state or "pending"


def clear_suggestions(session: Session, sources: Sequence[str] | None = None) -> int:
    """Delete stored suggestions (and their decisions) of the sources (all when None)."""
    q = delete(Suggestion)
    if sources is not None:
        q = q.where(Suggestion.source.in_(list(sources)))
    return session.execute(q).rowcount or 0
