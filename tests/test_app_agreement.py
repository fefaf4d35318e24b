"""The supervisor's agreement view on the demo project (pytest-qt, offscreen)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from app.agreement_view import BAND_COLOURS, AgreementView
from app.jobs import JobRunner
from app.ops import OpRunner
from coding.compare import compare_coders, disagreements, verdict
from coding.project import get_coder, transaction
from coding.queries import segments
from models.db import Database

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def ops(demo_db: Database, qtbot) -> Iterator[OpRunner]:
    runner = OpRunner(demo_db)
    yield runner
    runner.stop()


@pytest.fixture
def view(demo_db: Database, ops: OpRunner, qtbot) -> Iterator[AgreementView]:
    parent = QWidget()
    qtbot.addWidget(parent)
    jobs = JobRunner(parent)
    stack = QUndoStack(parent)
    w = AgreementView(demo_db, ops, jobs, undo_stack=stack, parent=parent)
    with qtbot.waitSignal(w.choicesLoaded, timeout=5000):
        pass
    yield w
    jobs.shutdown()


def run(view: AgreementView, qtbot) -> None:
    with qtbot.waitSignal(view.reportShown, timeout=20000):
        view.run()


def consensus_count(db: Database) -> int:
    with transaction(db) as s:
        try:
            cid = get_coder(s, "Konsensus").id
        except Exception:
            return 0
        return len(segments(s, coder_ids=[cid]))


def test_defaults_compare_the_two_analysts(view: AgreementView, demo_db: Database, qtbot) -> None:
    checked = [view.coders.item(i).text() for i in range(view.coders.count())
               if view.coders.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
    assert checked == ["Anne", "Bo"]
    run(view, qtbot)
    with transaction(demo_db) as s:
        expected = compare_coders(s, ["Anne", "Bo"])
    m = view.model
    assert m.rowCount() == len(expected.codes) + 1
    cols = m.columns()
    col_u = cols.index("u_alpha") + 1
    col_v = cols.index("verdict") + 1
    for row, (cid, path) in enumerate(expected.codes.items()):
        assert m.data(m.index(row, 0)) == path
        u = expected.unitizing.per_code[cid]  # type: ignore[union-attr]
        assert m.data(m.index(row, col_u), Qt.ItemDataRole.UserRole) == pytest.approx(u)
        if math.isfinite(u):
            brush = m.data(m.index(row, col_u), Qt.ItemDataRole.BackgroundRole)
            assert brush.color() == BAND_COLOURS[verdict(u)]
            assert m.data(m.index(row, col_v), Qt.ItemDataRole.UserRole) == verdict(u)
    assert m.data(m.index(m.rowCount() - 1, 0)) == "Overall"
    assert "inflated by long uncoded stretches" in view.notes.text()


def test_models_pass_qtmodeltester(view: AgreementView, qtbot, qtmodeltester) -> None:
    run(view, qtbot)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.items_model)


def test_drill_down_lists_disagreements_of_a_code(
    view: AgreementView, demo_db: Database, qtbot
) -> None:
    run(view, qtbot)
    with transaction(demo_db) as s:
        items = disagreements(s, "Anne", "Bo")
    assert [i.key for i in view.items_model.all_items()] == [i.key for i in items]
    row = next(r for r in range(view.model.rowCount() - 1) if any(
        view.model.code_id(r) in (i.code_id, i.other_code_id) for i in items))  # fmt: skip
    code_id = view.model.code_id(row)
    view.table.clicked.emit(view.model.index(row, 0))
    shown = view.items_model.items()
    assert shown and all(code_id in (i.code_id, i.other_code_id) for i in shown)
    assert len(shown) == sum(1 for i in items if code_id in (i.code_id, i.other_code_id))
    # side by side: coder A's and coder B's text in their own columns
    first = shown[0]
    assert view.items_model.data(view.items_model.index(0, 3)) == (
        " ".join(first.a_text.split()) or "—"
    )
    assert view.items_model.headerData(3, Qt.Orientation.Horizontal) == "Anne"
    view.table.clicked.emit(view.model.index(view.model.rowCount() - 1, 0))  # Overall: all
    assert len(view.items_model.items()) == len(items)


def test_adjudication_buttons_progress_and_undo(
    view: AgreementView, demo_db: Database, qtbot
) -> None:
    run(view, qtbot)
    total = len(view.items_model.all_items())
    assert total > 0 and view.decided == (0, total)
    view.items_view.selectRow(0)
    item = view.current_item()
    assert item is not None and view.buttons["a"].isEnabled()
    with qtbot.waitSignal(view.itemsLoaded, timeout=5000):
        view.buttons["both"].click()
    assert view.decided == (1, total)
    assert view.progress.value() == 1 and view.progress.maximum() == total
    assert consensus_count(demo_db) >= 1
    assert view.items_model.all_items()[0].decision == "both"
    with qtbot.waitSignal(view.itemsLoaded, timeout=5000):
        view.undo_stack.undo()
    assert view.decided == (0, total)
    assert consensus_count(demo_db) == 0
    view.items_view.selectRow(0)
    item = view.current_item()
    assert item is not None
    with qtbot.waitSignal(view.itemsLoaded, timeout=5000):
        view.decide_current("edited", span=(item.start, item.end))
    assert view.decided == (1, total)
    with qtbot.waitSignal(view.itemsLoaded, timeout=5000):
        view.adopt_button.click()
    assert consensus_count(demo_db) > 1


def test_install_adds_dock_and_menu(demo_db: Database, qtbot, tmp_path: Path) -> None:
    from app import agreement_view
    from app.main_window import MainWindow

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_db, coder="Mette", ask_coder=False, store=store, install_plugins=False)
    qtbot.addWidget(window)
    try:
        view = agreement_view.install(window)
        assert window.agreement_view is view
        titles = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
        assert any("agreement" in t.lower() for t in titles)
        with qtbot.waitSignal(view.choicesLoaded, timeout=5000):
            pass
        assert view.coders.count() >= 3
    finally:
        window.ops.stop()


def test_choices_survive_a_reload(view: AgreementView, qtbot) -> None:
    first_doc = view.documents.item(0).data(Qt.ItemDataRole.UserRole)
    all_docs = {view.documents.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(view.documents.count())}  # fmt: skip
    view.set_checked("documents", all_docs - {first_doc})
    with qtbot.waitSignal(view.choicesLoaded, timeout=5000):
        view.reload_choices()
    assert view.documents.item(0).checkState() == Qt.CheckState.Unchecked
    assert set(view._selection_ids(view.documents) or []) == all_docs - {first_doc}
