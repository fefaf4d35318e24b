"""Code point ↔ UTF-16 conversion, selection snapping, interval index, ops and jobs."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.ops  # noqa: F401  (PySide6 6.12 refcount guard)
from app.jobs import JobRunner
from app.ops import OpRunner
from app.transcript_view import Highlight, IntervalIndex, OffsetMap, lane_layout, snap_span
from coding.documents import TurnInfo
from coding.errors import Cancelled, TematikError
from coding.project import create_project, list_coders
from coding.workbench import CodingSpan


def test_offset_map_identity_for_danish() -> None:
    text = "Æble, øl og å — blåbær"
    m = OffsetMap(text)
    assert m.identity
    assert [m.to_utf16(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert len(text.encode("utf-16-le")) // 2 == m.utf16_length


@pytest.mark.parametrize("text", ["a😀b", "😀😀æ😀", "x" * 5 + "👩‍💻" + "ø" * 3, "🇩🇰 Danmark 😀"])
def test_offset_map_round_trip_with_emoji(text: str) -> None:
    m = OffsetMap(text)
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        u = m.to_utf16(cp)
        assert len(text[:cp].encode("utf-16-le")) // 2 == u
        assert m.to_cp(u) == cp


def test_offset_map_inside_surrogate_pair_maps_to_the_character() -> None:
    m = OffsetMap("a😀b")
    assert m.to_utf16(2) == 3
    assert m.to_cp(2) == 1  # the low surrogate belongs to 😀 at code point 1


def test_snap_word_sentence_turn() -> None:
    text = "Leder: Lønnen var bedre. Men pensionen, den var dårlig!\n\nI: Okay."
    s = text.index("ønnen")
    assert snap_span(text, s, s + 3, "word") == (text.index("Lønnen"), text.index("Lønnen") + 6)
    assert snap_span(text, s, s + 3, "none") == (s, s + 3)
    p = text.index("pensionen")
    sent = snap_span(text, p + 2, p + 4, "sentence")
    assert text[sent[0] : sent[1]] == "Men pensionen, den var dårlig!"
    turns = [TurnInfo(7, 55, "Leder", None), TurnInfo(60, 65, "I", None)]
    assert snap_span(text, p, p + 2, "turn", turns) == (7, 55)
    assert snap_span(text, 6, 9, "word") == (7, 13)  # leading space trimmed, then widened


def _h(i: int, a: int, b: int) -> Highlight:
    return Highlight(CodingSpan(i, 1, 1, a, b), a, b)


def test_interval_index_queries_and_updates() -> None:
    idx = IntervalIndex([_h(1, 0, 100), _h(2, 10, 20), _h(3, 50, 60)])
    assert {h.span.id for h in idx.overlapping(15, 16)} == {1, 2}
    assert {h.span.id for h in idx.at(55)} == {1, 3}
    assert idx.at(100) == []
    idx.add(_h(4, 95, 130))
    assert {h.span.id for h in idx.overlapping(99, 101)} == {1, 4}
    idx.remove(1)
    assert {h.span.id for h in idx.overlapping(0, 200)} == {2, 3, 4}
    lanes = lane_layout([_h(1, 0, 100), _h(2, 10, 20), _h(3, 20, 30), _h(4, 15, 25)])
    assert lanes[0] != lanes[1] and lanes[1] != lanes[3] and lanes[2] != lanes[3]


def test_ops_commit_rollback_and_errors(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = create_project(tmp_path / "o.tematik", codebook="none")
    ops = OpRunner(db)
    try:
        from coding.project import ensure_coder

        with qtbot.waitSignal(ops.changed) as sig:
            ops.run(lambda s: ensure_coder(s, "Anne").id, changes={"coders"})
        assert sig.args[0].kinds == frozenset({"coders"})

        def half_then_fail(s):  # type: ignore[no-untyped-def]
            ensure_coder(s, "Bo")
            raise TematikError("nej")

        with pytest.raises(TematikError):
            ops.run_and_wait(half_then_fail)
        names = ops.run_and_wait(lambda s: [c.name for c in list_coders(s)])
        assert names == ["Anne"]  # Bo was rolled back
        failures: list[BaseException] = []
        ops.run(lambda s: 1 / 0, failure=failures.append)
        qtbot.waitUntil(lambda: bool(failures))
        assert isinstance(failures[0], ZeroDivisionError)
        with pytest.raises(ValueError):
            ops.run(lambda s: None, changes={"nonsense"})
    finally:
        ops.stop()
        db.close()


def test_job_progress_cancel_and_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    results: list[int] = []

    def work(state):  # type: ignore[no-untyped-def]
        for i in range(5):
            state.progress(i, 5, f"step {i}")
        return 42

    job = runner.start(work, title="Test", success=results.append, dialog=False)
    runner.wait(job)
    assert results == [42]
    assert job.last[1] == 5

    cancelled: list[bool] = []
    started = []

    def endless(state):  # type: ignore[no-untyped-def]
        started.append(1)
        while not state.cancelled():
            state.progress(0, 0)
        raise Cancelled()

    job = runner.start(
        endless, title="Endless", cancelled=lambda: cancelled.append(True), dialog=False
    )
    qtbot.waitUntil(lambda: bool(started))
    job.cancel()
    runner.wait(job)
    assert cancelled == [True]
