"""Import with a report, the error dialog and excepthook, project/URL dialogs, settings."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMenu

from app import error_dialog, i18n
from app import settings as app_settings
from app.error_dialog import ErrorDialog, install_excepthook, show_exception, uninstall_excepthook
from app.import_dialog import Importer, ImportReportDialog
from app.jobs import JobRunner
from app.project_dialogs import (
    DatabaseUrlDialog,
    NewProjectDialog,
    RecentProjectsMenu,
    add_recent,
    recent_projects,
    validate_database_url,
)
from app.settings_dialog import SettingsDialog
from coding.documents import list_documents
from coding.errors import TematikError
from coding.project import create_project, project_info, transaction
from models.db import Database

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    """A QSettings file of the test's own (never the user's settings)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


# --- import ----------------------------------------------------------------------------------


@pytest.fixture
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The English translation (its plural forms), compiled by the project's build script."""
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_translations", root / "scripts" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path_factory.mktemp("qm")
    build.release(root / "resources" / "translations", out)
    i18n.install_language("en", directory=out)
    yield
    i18n.remove_translators()


def test_bad_import_shows_the_file_and_reason_while_good_files_are_imported(
    db: Database, tmp_path: Path, qtbot, english: None
) -> None:
    good1 = tmp_path / "Interview med Søren.txt"
    good1.write_text("I: Hvorfor skiftede du?\nR: Lønnen og mere indflydelse.\n", encoding="utf-8")
    good2 = tmp_path / "noter.md"
    good2.write_text("# Noter\n\nLederen nævnte pensionen som en barriere.\n", encoding="utf-8")
    bad = tmp_path / "optagelse.txt"
    bad.write_bytes(bytes(range(256)) * 40)
    jobs = JobRunner()
    importer = Importer(db, jobs)
    with qtbot.waitSignal(importer.finished, timeout=20000) as blocker:
        importer.start([good1, bad, good2])
    report = blocker.args[0]
    assert report.imported == ["Interview med Søren", "noter"]
    assert len(report.failed) == 1
    dialog = importer.report_dialog
    assert isinstance(dialog, ImportReportDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Some files could not be imported"
    failed = [dialog.failed_list.item(i).text() for i in range(dialog.failed_list.count())]
    assert len(failed) == 1 and "optagelse.txt" in failed[0] and "binary" in failed[0]
    assert dialog.failed_list.isVisibleTo(dialog)
    imported = [dialog.imported_list.item(i).text() for i in range(dialog.imported_list.count())]
    assert imported == ["Interview med Søren", "noter"]
    assert "2 files imported" in dialog.summary.text()
    assert "1 file could not be imported" in dialog.summary.text()
    with transaction(db) as s:
        assert [d.name for d in list_documents(s)] == ["Interview med Søren", "noter"]

    # importing the same good file again: skipped, not failed
    with qtbot.waitSignal(importer.finished, timeout=20000) as blocker:
        importer.start([good1])
    again = blocker.args[0]
    assert again.imported == [] and len(again.skipped) == 1 and again.ok
    assert importer.report_dialog is not None
    qtbot.addWidget(importer.report_dialog)
    assert importer.report_dialog.windowTitle() == "Import finished"


# --- error dialog ----------------------------------------------------------------------------


def _boom() -> None:
    raise ValueError("kunne ikke læse kodebogen")


def test_error_dialog_shows_the_traceback_and_copies_it(qtbot) -> None:
    try:
        _boom()
    except ValueError as exc:
        dialog = show_exception(exc)  # deletes itself when closed
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    assert not dialog.details_view.isVisible()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details_view.isVisible()
    details = dialog.details_view.toPlainText()
    assert "Traceback" in details and "_boom" in details and "kunne ikke læse kodebogen" in details
    assert dialog.details_button.text() == "Hide &details"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "ValueError: kunne ikke læse kodebogen" in copied and "_boom" in copied
    dialog.close()


def test_user_errors_are_a_plain_warning(qtbot) -> None:
    box = show_exception(TematikError("No document 'x' in the project."))
    assert not isinstance(box, ErrorDialog)
    assert box.text() == "No document 'x' in the project."  # type: ignore[attr-defined]
    box.close()


def test_excepthook_shows_uncaught_slot_exceptions_instead_of_crashing(qtbot) -> None:
    install_excepthook()
    try:
        before = len(error_dialog.open_dialogs())

        def slot() -> None:
            raise RuntimeError("uventet fejl i en slot")

        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda: len(error_dialog.open_dialogs()) > before, timeout=3000)
    finally:
        uninstall_excepthook()
    dialog = error_dialog.open_dialogs()[-1]
    assert isinstance(dialog, ErrorDialog)
    assert "uventet fejl i en slot" in dialog.details and "Traceback" in dialog.details
    dialog.close()
    assert QApplication.instance() is not None  # still running


# --- project dialogs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "Type the address"),
        ("server/tematik", "must start with"),
        ("mysql://anne@server/tematik", "Unsupported database type mysql"),
        ("postgresql+psycopg://anne@/tematik", "no server name"),
        ("postgresql+psycopg://anne@server", "no database name"),
        ("postgresql+psycopg://server/tematik", "no user name"),
        ("postgresql+psycopg://anne@server:99999/tematik", "port"),
        ("postgresql+psycopg://anne@server:5432/tematik", ""),
        ("postgresql://anne@10.0.0.5/tematik", ""),
        ("sqlite:///", "path of the SQLite file"),
        ("sqlite:////tmp/projekt.tematik", ""),
    ],
)
def test_validate_database_url(url: str, reason: str) -> None:
    problem = validate_database_url(url)
    assert (reason in problem) if reason else problem == ""


def test_database_url_dialog_masks_and_encodes_the_password(qtbot) -> None:
    dialog = DatabaseUrlDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.url_edit, "postgresql+psycopg://anne@db.local/tematik")
    assert ok.isEnabled() and dialog.error_label.text() == ""
    dialog.url_edit.setText("postgresql+psycopg://anne@db.local")
    assert not ok.isEnabled() and "database name" in dialog.error_label.text()
    dialog.url_edit.setText("postgresql+psycopg://anne@db.local:5433/tematik")
    qtbot.keyClicks(dialog.password_edit, "hemm@lig:ø")
    assert dialog.url() == "postgresql+psycopg://anne:hemm%40lig%3A%C3%B8@db.local:5433/tematik"
    assert dialog.display_url() == "postgresql+psycopg://anne@db.local:5433/tematik"
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    inline = DatabaseUrlDialog(url="postgresql+psycopg://bo:s%C3%A6kret@host/db")
    qtbot.addWidget(inline)
    assert inline.url_edit.text() == "postgresql+psycopg://bo@host/db"
    assert inline.password_edit.text() == "sækret"
    assert inline.url() == "postgresql+psycopg://bo:s%C3%A6kret@host/db"


def test_new_project_dialog_gives_a_spec_that_creates_the_project(tmp_path: Path, qtbot) -> None:
    dialog = NewProjectDialog(directory=str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    (tmp_path / "findes.tematik").write_text("x")
    dialog.path_edit.setText(str(tmp_path / "findes"))
    assert not ok.isEnabled() and "already exists" in dialog.error_label.text()
    dialog.path_edit.setText(str(tmp_path / "mangler" / "p.tematik"))
    assert not ok.isEnabled() and "does not exist" in dialog.error_label.text()
    dialog.path_edit.setText(str(tmp_path / "Ledermobilitet 2025"))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.codebook_box.setCurrentIndex(dialog.codebook_box.findData("file"))
    assert not ok.isEnabled() and "codebook file" in dialog.error_label.text()
    dialog.codebook_box.setCurrentIndex(dialog.codebook_box.findData("default"))
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    spec = dialog.spec()
    assert spec.path == tmp_path / "Ledermobilitet 2025.tematik"
    assert (spec.name, spec.language, spec.codebook) == ("Ledermobilitet 2025", "en", "default")
    db = create_project(spec.path, name=spec.name, language=spec.language, codebook=spec.codebook)
    try:
        with transaction(db) as s:
            info = project_info(s)
            assert (info.name, info.language) == ("Ledermobilitet 2025", "en")
    finally:
        db.close()


def test_recent_projects_menu(store: QSettings, tmp_path: Path, qtbot) -> None:
    add_recent(str(tmp_path / "a.tematik"), store)
    add_recent("postgresql+psycopg://anne:hemmelig@db/tematik", store)
    assert recent_projects(store) == [
        "postgresql+psycopg://anne@db/tematik",  # the password is never remembered
        str(tmp_path / "a.tematik"),
    ]
    menu = QMenu()
    recent = RecentProjectsMenu(menu, store)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&1 postgresql+psycopg://anne@db/tematik", "&2 a.tematik"]
    with qtbot.waitSignal(recent.projectChosen, timeout=1000) as blocker:
        menu.actions()[1].trigger()
    assert blocker.args == [str(tmp_path / "a.tematik")]
    # a password stored by an older version is never shown
    app_settings.put("project/recent", ["postgresql+psycopg://bo:pw@db/t"], store)
    recent.refresh()
    assert menu.actions()[0].text() == "&1 postgresql+psycopg://bo@db/t"
    assert "pw" not in menu.actions()[0].toolTip()
    menu.actions()[-1].trigger()  # clear the list
    assert recent_projects(store) == []
    assert [a.text() for a in menu.actions()] == ["No recent projects"]


# --- settings --------------------------------------------------------------------------------


def test_settings_dialog_saves_and_reports_changes(store: QSettings, qtbot) -> None:
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.snap_box.currentData() == "word"  # the declared default
    dialog.snap_box.setCurrentIndex(dialog.snap_box.findData("sentence"))
    dialog.coder_view_box.setCurrentIndex(dialog.coder_view_box.findData("mine"))
    with qtbot.waitSignal(dialog.settingsChanged, timeout=1000) as blocker:
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert sorted(blocker.args[0]) == ["coding/coder_view", "coding/snap"]
    assert app_settings.get("coding/snap", store) == "sentence"
    assert app_settings.get("coding/coder_view", store) == "mine"
    again = SettingsDialog(store)
    qtbot.addWidget(again)
    assert again.snap_box.currentData() == "sentence"
    assert again.apply() == []
