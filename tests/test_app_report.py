"""File → Export theme summary…: the options dialog and the export as a background job."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as read_docx
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

import app.ops  # noqa: F401  (PySide6 6.12 refcount guard before any widget)
from app import report_dialog
from app.main_window import MainWindow
from app.report_dialog import ReportDialog
from coding.project import transaction
from coding.report.model import report_choices
from models.db import Database

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _item(widget, value: str):  # type: ignore[no-untyped-def]
    return next(
        widget.item(i)
        for i in range(widget.count())
        if widget.item(i).data(Qt.ItemDataRole.UserRole) == value
    )


def test_dialog_defaults_and_options(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    with transaction(demo_db) as s:
        choices = report_choices(s)
    assert choices.sector_pair == "sektor_fra>sektor_til"
    dlg = ReportDialog(choices)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no file yet
    dlg.path.setText(str(Path("rapport")))
    assert ok.isEnabled() and dlg.out_path() == "rapport.docx"
    opts = dlg.options()
    assert opts.language == "da" and opts.codes is None and opts.documents is None
    assert opts.by == "sektor_fra>sektor_til" and opts.group and not opts.pseudonymize
    # Unchecking a theme unchecks its codes; the options then name the remaining themes.
    _item(dlg.codes, "Betingelser for succes").setCheckState(Qt.CheckState.Unchecked)
    assert _item(dlg.codes, "Betingelser for succes/Mentor og sparring").checkState() == (
        Qt.CheckState.Unchecked
    )
    assert dlg.options().codes == ["Barrierer", "Motivationer"]
    dlg.by.setCurrentIndex(dlg.by.count() - 1)
    dlg.language.setCurrentIndex(1)
    dlg.pseudonymize.setChecked(True)
    opts = dlg.options()
    assert not opts.group and opts.by is None and opts.language == "en" and opts.pseudonymize
    # Nothing to report on: Export is disabled.
    for i in range(dlg.documents.count()):
        dlg.documents.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not ok.isEnabled()


def test_menu_action_exports_in_a_job(
    qtbot, demo_db: Database, store: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_db, coder="Mette", ask_coder=False, store=store, install_plugins=False)
    qtbot.addWidget(window)
    try:
        report_dialog.install(window)
        assert window.report_action.text() == "Export theme summary…"
        out = tmp_path / "fra_appen.docx"

        def accept(self: ReportDialog) -> int:
            self.path.setText(str(out))
            self.language.setCurrentIndex(1)
            self.open_after.setChecked(False)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(ReportDialog, "exec", accept)
        jobs: list = []
        window.jobs.started.connect(jobs.append)
        window.report_action.trigger()
        assert len(jobs) == 1
        window.jobs.wait(jobs[0])
        assert out.exists()
        headings = [p.text for p in read_docx(str(out)).paragraphs if p.style.name == "Heading 1"]
        assert "Method and data" in headings and "Barrierer" in headings
        assert "fra_appen.docx" in window.statusBar().currentMessage()
    finally:
        window.shutdown()
