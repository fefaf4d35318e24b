"""Start-up: which project ``run_app`` opens (given, last, demo), without the event loop; and
the demo project in the main window: code a passage with a number key, undo, redo, checked
in the database through ``coding/`` services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt

import app.ops  # noqa: F401  (PySide6 refcount guard before any widget)
from app import application
from app import settings as cfg
from app.application import Controller, start
from app.main_window import MainWindow
from coding.project import create_project, list_coders, open_project, transaction
from coding.queries import SegmentFilter, segments
from models.db import Database

# The offscreen platform cannot resize a real window to the dock size hints; not a bug.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QStandardPaths in test mode under a temporary home: the demo project goes there."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    QStandardPaths.setTestModeEnabled(True)
    try:
        demo = application.demo_project_path()
        assert home in demo.parents, f"demo project would be written outside the test: {demo}"
        yield home
    finally:
        QStandardPaths.setTestModeEnabled(False)


def _started(qtbot, project: str | None, store: QSettings) -> Controller:  # type: ignore[no-untyped-def]
    controller = start(project, store, ask_coder=False, install_plugins=False)
    assert controller is not None and controller.window is not None
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: controller.window.current_document_id() is not None)  # type: ignore[union-attr]
    return controller


def test_start_opens_the_given_project_and_remembers_it(qtbot, tmp_path: Path, store: QSettings, data_home: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    path = tmp_path / "given.tematik"
    build = create_project(path, name="Given", language="da")
    build.close()
    controller = start(str(path), store, ask_coder=False, install_plugins=False)
    assert controller is not None and controller.window is not None
    qtbot.addWidget(controller.window)
    try:
        assert controller.db is not None and controller.db.path == path
        assert controller.window.isVisible()
        assert cfg.get("project/last", store) == str(path)
        assert cfg.get("project/recent", store) == [str(path)]
        assert not application.demo_project_path().exists()
    finally:
        controller.close()


def test_start_reopens_the_last_project(qtbot, demo_path: Path, store: QSettings, data_home: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    cfg.put("project/last", str(demo_path), store)
    controller = _started(qtbot, None, store)
    try:
        assert controller.db is not None and controller.db.path == demo_path
        assert controller.window is not None and controller.window.browser.model.rowCount() == 10
        assert not application.demo_project_path().exists()
    finally:
        controller.close()


def test_start_builds_the_demo_project_when_there_is_none(qtbot, tmp_path: Path, store: QSettings, data_home: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    cfg.put("project/last", str(tmp_path / "deleted.tematik"), store)  # gone since
    demo = application.demo_project_path()
    assert not demo.exists()
    controller = _started(qtbot, None, store)
    try:
        assert controller.db is not None and controller.db.path == demo
        assert demo.exists()
        assert controller.window is not None and controller.window.browser.model.rowCount() == 10
        assert cfg.get("project/last", store) == str(demo)
    finally:
        controller.close()
    # the second start opens the demo built the first time
    mtime = demo.stat().st_mtime_ns
    again = _started(
        qtbot, None, QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    )
    try:
        assert again.db is not None and again.db.path == demo
        assert demo.stat().st_mtime_ns >= mtime
    finally:
        again.close()


def test_start_reports_a_project_that_cannot_be_opened(qtbot, tmp_path: Path, store: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr(
        application.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text)
    )
    bad = tmp_path / "not-a-project.tematik"
    bad.write_text("this is not a database", encoding="utf-8")
    assert start(str(bad), store, ask_coder=False, install_plugins=False) is None
    assert len(shown) == 1 and bad.name in shown[0]


def test_switch_to_another_project_closes_the_first(qtbot, tmp_path: Path, demo_path: Path, store: QSettings) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    other = tmp_path / "other.tematik"
    create_project(other, name="Other").close()
    controller = _started(qtbot, str(demo_path), store)
    first = controller.window
    try:
        controller.switch(str(other))
        assert controller.window is not first and controller.db is not None
        assert controller.db.path == other
        assert cfg.get("project/recent", store) == [str(other), str(demo_path)]
    finally:
        controller.close()


# --- the demo project in the main window --------------------------------------------------------


@pytest.fixture
def demo_window(qtbot, demo_path: Path, store: QSettings) -> Iterator[tuple[MainWindow, Database]]:  # type: ignore[no-untyped-def]
    db = open_project(demo_path)
    w = MainWindow(db, coder="Anne", ask_coder=False, store=store, install_plugins=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.current_document_id() is not None)
    yield w, db
    w.shutdown()
    db.close()


def _anne_segments(db: Database, code_id: int) -> list[tuple[str, int, int, str]]:
    with transaction(db) as s:
        anne = next(c.id for c in list_coders(s) if c.name == "Anne")
        rows = segments(s, SegmentFilter(), code_ids=[code_id], coder_ids=[anne])
        return [(r.guid, r.start, r.end, r.text) for r in rows]


def test_demo_code_with_number_key_undo_redo(qtbot, demo_window: tuple[MainWindow, Database]) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    w, db = demo_window
    tv = w.transcript_view
    code = w.quick_codes()[0]
    before = _anne_segments(db, code)
    # a passage not coded by Anne with that code: the second sentence of the first answer
    text = tv.text
    start = text.index("selvfølgelig")
    end = start + len("selvfølgelig")
    assert all((s, e) != (start, end) for _g, s, e, _t in before)
    tv.select_span(start, end)
    tv.setFocus()
    shown = len(tv.codings())
    qtbot.keyClick(tv, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(tv.codings()) == shown + 1)
    after = _anne_segments(db, code)
    added = [seg for seg in after if seg not in before]
    assert [(s, e, t) for _g, s, e, t in added] == [(start, end, "selvfølgelig")]
    with transaction(db) as ses:
        assert w.codebook.model.count(code) == len(segments(ses, code_ids=[code]))

    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(tv.codings()) == shown)
    assert _anne_segments(db, code) == before

    qtbot.keyClick(
        w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: len(tv.codings()) == shown + 1)
    assert _anne_segments(db, code) == after  # the same coding again, same GUID
