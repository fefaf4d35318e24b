"""Adjudication on a real project: consensus codings, Adjudication rows, undo, progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from coding.compare import disagreements
from coding.compare.adjudicate import (
    adjudication_progress,
    adopt_agreements,
    consensus_coder,
    decide,
    undo_decision,
)
from coding.errors import TematikError
from coding.project import ensure_coder, transaction
from models.entities import Adjudication, Coder, Coding
from tests.test_compare_helpers import Project, make_project

TEXT = "".join(f"Sætning nummer {i:02d} om løn og kultur. " for i in range(20))


@pytest.fixture
def proj(tmp_path: Path):
    p = make_project(tmp_path / "a.tematik", [("D", TEXT, [])], ["Løn", "Kultur"], ["Anne", "Bo"])
    p.code("D", "Løn", "Anne", 0, 30)  # agreement
    p.code("D", "Løn", "Bo", 0, 30)
    p.code("D", "Løn", "Anne", 100, 140)  # boundaries
    p.code("D", "Løn", "Bo", 110, 150)
    p.code("D", "Kultur", "Anne", 200, 230)  # only A
    p.code("D", "Kultur", "Bo", 300, 330)  # only B
    p.code("D", "Løn", "Anne", 400, 440)  # different code
    p.code("D", "Kultur", "Bo", 405, 440)
    yield p
    p.db.close()


def consensus_spans(p: Project) -> set[tuple[str, int, int]]:
    names = {v: k for k, v in p.codes.items()}
    with transaction(p.db) as s:
        cid = s.scalar(select(Coder.id).where(Coder.role == "consensus"))
        rows = s.execute(
            select(Coding.code_id, Coding.start, Coding.end).where(Coding.coder_id == cid)
        ).all()
    return {(names[c], st, en) for c, st, en in rows}


def items(p: Project):
    with transaction(p.db) as s:
        return disagreements(s, "Anne", "Bo")


def test_each_decision_builds_consensus_and_records_adjudication(proj: Project) -> None:
    boundaries, only_a, only_b, code = items(proj)
    with transaction(proj.db) as s:
        sup = ensure_coder(s, "Mette", "supervisor").id
    with transaction(proj.db) as s:
        decide(s, boundaries, "both", decided_by_id=sup)
    assert consensus_spans(proj) == {("Løn", 100, 150)}  # union of both spans
    with transaction(proj.db) as s:
        decide(s, only_a, "neither", decided_by_id=sup)
    with transaction(proj.db) as s:
        decide(s, only_b, "b", decided_by_id=sup, note="klart kultur")
    with transaction(proj.db) as s:
        decide(s, code, "b", decided_by_id=sup)
    assert consensus_spans(proj) == {("Løn", 100, 150), ("Kultur", 300, 330), ("Kultur", 405, 440)}
    with transaction(proj.db) as s:
        rows = s.scalars(select(Adjudication).order_by(Adjudication.start)).all()
        assert [(r.start, r.end, r.decision, r.decided_by_id) for r in rows] == [
            (100, 150, "both", sup),
            (200, 230, "neither", sup),
            (300, 330, "b", sup),
            (400, 440, "b", sup),
        ]
        assert rows[2].note == "klart kultur"
        consensus = s.scalar(select(Coder).where(Coder.role == "consensus"))
        assert consensus is not None and consensus.name == "Konsensus"
    fresh = items(proj)
    assert [i.decision for i in fresh] == ["both", "neither", "b", "b"]
    with transaction(proj.db) as s:
        assert adjudication_progress(s, fresh) == (4, 4)


def test_redeciding_replaces_and_undo_restores(proj: Project) -> None:
    boundaries = items(proj)[0]
    with transaction(proj.db) as s:
        decide(s, boundaries, "a")
    assert consensus_spans(proj) == {("Løn", 100, 140)}
    with transaction(proj.db) as s:
        undo = decide(s, boundaries, "edited", span=(105, 145))
    assert consensus_spans(proj) == {("Løn", 105, 145)}
    with transaction(proj.db) as s:
        assert [r.decision for r in s.scalars(select(Adjudication))] == ["edited"]
    with transaction(proj.db) as s:
        undo_decision(s, undo)
    assert consensus_spans(proj) == {("Løn", 100, 140)}
    with transaction(proj.db) as s:
        assert [r.decision for r in s.scalars(select(Adjudication))] == ["a"]
        assert adjudication_progress(s, items(proj)) == (1, 4)


def test_undo_of_first_decision_leaves_nothing(proj: Project) -> None:
    code_item = items(proj)[3]
    with transaction(proj.db) as s:
        undo = decide(s, code_item, "both")
    assert consensus_spans(proj) == {("Løn", 400, 440), ("Kultur", 405, 440)}
    with transaction(proj.db) as s:
        undo_decision(s, undo)
    assert consensus_spans(proj) == set()
    with transaction(proj.db) as s:
        assert s.scalars(select(Adjudication)).all() == []


def test_invalid_decisions_are_refused(proj: Project) -> None:
    item = items(proj)[0]
    with transaction(proj.db) as s:
        with pytest.raises(TematikError, match="Unknown decision"):
            decide(s, item, "maybe")
        with pytest.raises(TematikError, match="edited span"):
            decide(s, item, "edited")
        with pytest.raises(TematikError, match="does not touch"):
            decide(s, item, "edited", span=(500, 520))
        with pytest.raises(TematikError, match="not a consensus coder"):
            consensus_coder(s, "Anne")


def test_adopt_agreements_copies_identical_codings_once(proj: Project) -> None:
    with transaction(proj.db) as s:
        undo = adopt_agreements(s, proj.coders["Anne"], proj.coders["Bo"])
    assert consensus_spans(proj) == {("Løn", 0, 30)}
    with transaction(proj.db) as s:
        again = adopt_agreements(s, proj.coders["Anne"], proj.coders["Bo"])
    assert again.added_coding_ids == []
    with transaction(proj.db) as s:
        undo_decision(s, undo)
    assert consensus_spans(proj) == set()
