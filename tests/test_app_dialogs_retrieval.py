"""The retrieval view on the demo project: filters, search, jump, CSV export, lazy model."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.ops import OpRunner
from app.retrieval_view import CSV_FIELDS, RetrievalView
from app.segments_table_model import COL_CODE, COL_DOCUMENT, SegmentsTableModel
from coding.codebook import descendant_ids, find_code
from coding.documents import find_document
from coding.project import get_coder, transaction
from coding.queries import SegmentFilter, segments
from models.db import Database

# The offscreen platform warns about every shown window; that is no fault of ours.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def ops(demo_db: Database, qtbot) -> Iterator[OpRunner]:
    runner = OpRunner(demo_db)
    yield runner
    runner.stop()


@pytest.fixture
def view(ops: OpRunner, qtbot) -> RetrievalView:
    w = RetrievalView(ops)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=5000):
        pass
    w.show()
    return w


def double_click(widget: QWidget, pos: QPoint) -> None:
    """Press, release, double-click, release: what a real double-click delivers.

    (QTest.mouseDClick does not make item views see a double-click in Qt 6.)"""
    local = QPointF(pos)
    glob = QPointF(widget.mapToGlobal(pos))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(kind, local, glob, left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


def _expected(db: Database, **kw) -> list[tuple[int, int, int]]:
    with transaction(db) as s:
        flt = SegmentFilter(attribute=kw.pop("attribute", None), text=kw.pop("text", None))
        return [(x.document_id, x.start, x.end) for x in segments(s, flt, **kw)]


def _shown(view: RetrievalView) -> list[tuple[int, int, int]]:
    return [(x.document_id, x.start, x.end) for x in view.model.segments()]


def test_shows_all_segments_then_filters_by_code_coder_document_attribute_text(
    view: RetrievalView, demo_db: Database, qtbot
) -> None:
    everything = _expected(demo_db)
    assert len(everything) > 50 and _shown(view) == everything
    assert view.model.rowCount() == min(SegmentsTableModel.BATCH, len(everything))

    with transaction(demo_db) as s:
        pay = find_code(s, "Løn og pension").id
        barriers = find_code(s, "Barrierer").id
        barrier_ids = descendant_ids(s, barriers)
        bo = get_coder(s, "Bo").id
        doc = find_document(s, "01_kommune_til_privat").id

    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_filters(code_id=pay)
    assert _shown(view) == _expected(demo_db, code_ids=[pay]) and _shown(view)

    # a category with its sub-codes, then without them (a category has no codings itself)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_filters(code_id=barriers)
    assert _shown(view) == _expected(demo_db, code_ids=barrier_ids) and _shown(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.subcodes_box.setChecked(False)
    assert _shown(view) == []

    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_filters(coder_id=bo, document_id=doc)
    expected = _expected(demo_db, coder_ids=[bo], document_ids=[doc])
    assert _shown(view) == expected and expected
    assert {view.model.segment(r).coder for r in range(view.model.rowCount())} == {"Bo"}

    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_filters(attribute=("sektor_fra", "kommune"))
    expected = _expected(demo_db, attribute=("sektor_fra", "kommune"))
    assert _shown(view) == expected and 0 < len(expected) < len(everything)

    # typing in the search box queries after a pause (no sleeping: wait for the signal)
    view.set_filters()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        pass
    with qtbot.waitSignal(view.loaded, timeout=5000):
        QTest.keyClicks(view.search_edit, "løn")
    expected = _expected(demo_db, text="løn")
    assert _shown(view) == expected and 0 < len(expected) < len(everything)
    assert all("løn" in x.text.lower() for x in view.model.segments())
    assert view.count_label.text().startswith(str(len(expected)))


def test_double_click_emits_jump_with_the_passage(view: RetrievalView, qtbot) -> None:
    view.table.resizeRowsToContents()
    index = view.model.index(2, COL_DOCUMENT)
    seg = view.model.segment(2)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.jumpRequested, timeout=2000) as blocker:
        double_click(view.table.viewport(), rect.center())
    assert blocker.args == [seg.document_id, seg.start, seg.end]
    # Enter on the current row jumps too (keyboard only)
    view.table.setCurrentIndex(view.model.index(3, 0))
    seg3 = view.model.segment(3)
    with qtbot.waitSignal(view.jumpRequested, timeout=2000) as blocker:
        QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [seg3.document_id, seg3.start, seg3.end]


def test_export_csv_reads_back_with_danish_text(
    view: RetrievalView, demo_db: Database, qtbot, tmp_path: Path
) -> None:
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_filters(attribute=("sektor_til", "privat"))
    out = tmp_path / "udtræk.csv"
    n = view.export_csv(out, delimiter=";")
    assert n == view.model.total() > 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM so Excel reads æøå
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert tuple(rows[0].keys()) == CSV_FIELDS
    assert len(rows) == n
    segs = view.model.segments()
    for row, seg in zip(rows, segs, strict=True):
        assert row["document"] == seg.document
        assert row["code_path"] == seg.code_path
        assert (int(row["start"]), int(row["end"])) == (seg.start, seg.end)
        assert row["text"] == seg.text  # newlines and æøå survive
    with transaction(demo_db) as s:
        texts = {d.text for d in [find_document(s, rows[0]["document"])]}
    text = texts.pop()
    assert text[int(rows[0]["start"]) : int(rows[0]["end"])] == rows[0]["text"]


def test_refreshes_after_a_change_through_the_ops_runner(
    view: RetrievalView, ops: OpRunner, demo_db: Database, qtbot
) -> None:
    from coding.codings import add_coding

    before = view.model.total()
    with transaction(demo_db) as s:
        doc = find_document(s, "02_privat_til_stat").id
        code = find_code(s, "Løn og pension").id
        coder = get_coder(s, "Anne").id
    with qtbot.waitSignal(view.loaded, timeout=5000):
        ops.run(lambda s: add_coding(s, doc, code, coder, 0, 5).id, changes={"codings"})
    assert view.model.total() == before + 1


def test_model_is_lazy_sortable_and_passes_the_model_tester(
    view: RetrievalView, qtmodeltester
) -> None:
    model = view.model
    total = model.total()
    assert total > model.BATCH or model.rowCount() == total
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    model.sort(COL_CODE, Qt.SortOrder.DescendingOrder)
    paths = [model.segment(r).code_path.casefold() for r in range(total)]
    assert paths == sorted(paths, reverse=True)
    assert model.data(model.index(0, COL_CODE)) == model.segment(0).code_path
    assert model.data(model.index(0, COL_CODE), Qt.ItemDataRole.DecorationRole) is not None
    qtmodeltester.check(model)


def test_small_model_passes_the_model_tester_with_fetching(
    demo_db: Database, qtmodeltester
) -> None:
    with transaction(demo_db) as s:
        segs = segments(s)
    model = SegmentsTableModel()
    model.BATCH = 7
    model.set_segments(segs[:20])
    assert model.rowCount() == 7 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    model.set_segments([])
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_export_button_writes_on_the_worker_thread(
    view: RetrievalView, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "alle.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "CSV (*.csv)"))
    )
    with qtbot.waitSignal(view.exported, timeout=5000) as blocker:
        QTest.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [view.model.total(), str(out)]
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=","))  # the English UI: commas
    assert rows[0] == list(CSV_FIELDS) and len(rows) == view.model.total() + 1
    assert view.export_button.isEnabled()
