"""The suggestions dock in a real main window (offscreen): queue, keys, underlines, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPlainTextEdit

import app.ops  # noqa: F401  (PySide6 refcount guard before any widget)
from app.main_window import MainWindow
from app.suggestions_panel import (
    DEFAULT_RETRAIN_AFTER,
    RETRAIN_SETTING,
    SuggestionsPanel,
    install,
)
from coding.project import get_coder
from coding.suggest.store import state_of
from coding.suggest.synthetic import build_project, generate_documents
from models.db import Database
from models.entities import Coding

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Database]:
    db = build_project(tmp_path / "p.tematik", generate_documents(4, seed=9, turns=10), coded=3)
    yield db
    db.close()


@pytest.fixture
def window(qtbot, project: Database, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(project, coder="Bo", ask_coder=False, store=store, install_plugins=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.current_document_id() is not None)
    yield w
    w.shutdown()


def _bo_codings(w: MainWindow) -> list[tuple[int, int, int]]:
    coder = w.current_coder_id()
    return w.ops.run_and_wait(
        lambda s: [
            (c.code_id, c.start, c.end)
            for c in s.query(Coding).filter(Coding.coder_id == coder).all()
        ]
    )


def test_queue_accept_reject_by_keyboard_with_underlines(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = install(window)
    assert isinstance(panel, SuggestionsPanel)
    panel.scope.setCurrentIndex(panel.scope.findData("project"))
    panel.source.setCurrentIndex(panel.source.findData("terms"))
    window.jobs.wait(panel.run_suggest())
    qtbot.waitUntil(lambda: panel.list.count() > 1)
    assert all("Indicator terms" in panel.list.item(i).toolTip() for i in range(panel.list.count()))

    # The shown document's suggestions are dashed underlines with the evidence as tooltip.
    doc = window.current_document_id()
    qtbot.waitUntil(lambda: any(it.document_id == doc for it in panel.items))
    marks = window.transcript_view.extra_underlines()
    assert marks and {(s, e) for s, e, _, _ in marks} == {
        (it.start, it.end) for it in panel.items if it.document_id == doc
    }

    # A accepts: a coding by the current coder (Bo) on exactly the passage.
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    first = panel.current()
    assert first is not None
    assert _bo_codings(window) == []
    qtbot.keyClick(panel.list, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: _bo_codings(window) == [(first.code_id, first.start, first.end)])
    qtbot.waitUntil(lambda: all(it.suggestion_ids != first.suggestion_ids for it in panel.items))

    # R rejects: remembered for Bo only, gone from his queue.
    panel.list.setCurrentRow(0)
    second = panel.current()
    assert second is not None
    qtbot.keyClick(panel.list, Qt.Key.Key_R)
    sid = second.suggestion_ids[0]
    bo = window.current_coder_id()
    qtbot.waitUntil(lambda: window.ops.run_and_wait(lambda s: state_of(s, sid, bo)) == "rejected")
    anne = window.ops.run_and_wait(lambda s: get_coder(s, "Anne").id)
    assert window.ops.run_and_wait(lambda s: state_of(s, sid, anne)) == "pending"
    assert len(_bo_codings(window)) == 1

    # Undo twice: the rejection, then the accepted coding.
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.ops.run_and_wait(lambda s: state_of(s, sid, bo)) == "pending")
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: _bo_codings(window) == [])


def test_threshold_slider_filters_and_evaluation_dialog(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = install(window)
    panel.scope.setCurrentIndex(panel.scope.findData("project"))
    window.jobs.wait(panel.run_suggest())
    qtbot.waitUntil(lambda: panel.list.count() > 0)
    panel.slider.setValue(0)
    qtbot.waitUntil(lambda: all(it.score >= 0.0 for it in panel.items) and panel.items != [])
    low = len(panel.items)
    panel.slider.setValue(60)
    qtbot.waitUntil(lambda: all(it.score >= 0.6 for it in panel.items))
    assert len(panel.items) < low

    from coding.suggest.evaluate import evaluate

    ev = evaluate(window.db, learning_curve=False)
    dialog = panel.show_evaluation(ev)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QPlainTextEdit)
    assert text is not None and "terms" in text.toPlainText() and "model" in text.toPlainText()


def _add_coding(w: MainWindow, start: int, end: int) -> None:
    from coding.codebook import find_code
    from coding.codings import add_coding

    doc, coder = w.current_document_id(), w.current_coder_id()
    assert doc is not None and coder is not None
    w.ops.run(
        lambda s: add_coding(
            s, doc, find_code(s, "Barrierer/Løn og pension").id, coder, start, end
        ),
        changes={"codings"},
        document_ids={doc},
    )


def test_model_retrained_in_background_after_new_codings(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from coding.project import get_setting
    from coding.suggest.engine import load_model
    from coding.suggest.store import queue

    panel = install(window)
    qtbot.waitUntil(lambda: panel._baseline is not None)
    assert panel.retrain_after == DEFAULT_RETRAIN_AFTER
    panel.retrain_spin.setValue(2)  # the setting, stored in the project
    assert window.ops.run_and_wait(lambda s: get_setting(s, RETRAIN_SETTING)) == 2
    assert window.ops.run_and_wait(load_model) is None

    # One new coding: below the setting, nothing is trained.
    _add_coding(window, 0, 30)
    window.ops.run_and_wait(lambda s: None)  # the change and its count have been handled
    assert panel._retrain_job is None

    # The second starts a background job (no dialog) that trains and suggests.
    with qtbot.waitSignal(panel.retrained, timeout=120_000) as blocker:
        _add_coding(window, 40, 80)
    report = blocker.args[0]
    assert report is not None and report.units > 0 and report.documents >= 3
    model = window.ops.run_and_wait(load_model)
    assert model is not None
    bo = window.current_coder_id()
    assert bo is not None
    items = window.ops.run_and_wait(lambda s: queue(s, bo, threshold=0.0, sources=["model"]))
    assert items and all(it.sources == ["model"] for it in items)
    # The queue refreshed with the new model's suggestions.
    panel.scope.setCurrentIndex(panel.scope.findData("project"))
    panel.source.setCurrentIndex(panel.source.findData("model"))
    qtbot.waitUntil(lambda: panel.items != [] and all("model" in it.sources for it in panel.items))

    # Off: 0 never retrains.
    panel.retrain_spin.setValue(0)
    _add_coding(window, 90, 120)
    _add_coding(window, 130, 160)
    window.ops.run_and_wait(lambda s: None)
    assert panel._retrain_job is None


def test_more_like_this_from_the_coding_at_the_cursor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from coding.suggest.store import queue

    panel = install(window)
    anne = window.ops.run_and_wait(lambda s: get_coder(s, "Anne").id)
    seed = window.ops.run_and_wait(
        lambda s: next(
            (c.id, c.guid, c.document_id, c.start, c.end)
            for c in s.query(Coding).filter(Coding.coder_id == anne).order_by(Coding.id)
        )
    )
    cid, guid, doc, start, end = seed
    window.open_document(doc, select=(start, end))
    qtbot.waitUntil(lambda: window.current_document_id() == doc)
    qtbot.waitUntil(lambda: cid in panel.seed_codings())

    with qtbot.waitSignal(panel.likeFound, timeout=60_000) as blocker:
        panel.like_button.click()
    run = blocker.args[0]
    assert run.candidates and {c.source for c in run.candidates} == {"similar"}
    assert {c.evidence["like"]["coding"] for c in run.candidates} == {guid}
    qtbot.waitUntil(lambda: panel.items != [])
    for it in panel.items:
        assert it.evidence["similar"]["like"]["coding"] == guid
    assert "More like this" in panel.status.text()
    # Similar passages in other documents are among them; none is the seed passage itself.
    assert any(it.document_id != doc for it in panel.items)
    assert all((it.document_id, it.start, it.end) != (doc, start, end) for it in panel.items)
    # Changing the source shows the whole queue again.
    n_like = len(panel.items)
    panel.source.setCurrentIndex(panel.source.findData("similar"))
    assert panel.like_filter is None
    bo = window.current_coder_id()
    assert bo is not None
    assert len(window.ops.run_and_wait(lambda s: queue(s, bo, sources=["similar"]))) >= n_like
