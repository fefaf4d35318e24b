"""File → "Export theme summary…": the report options dialog and the background export.

``install(window)`` adds the action. The dialog's choices (coders, codes, documents, case
attributes) come from :func:`coding.report.model.report_choices` through the window's database
worker; the export itself (:func:`coding.report.export_report`) runs as a job with progress and
Cancel and writes the file only when it is complete.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coding.report.model import ReportChoices, ReportOptions
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NO_GROUPING = ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportDialog", text)


def _checklist(items: list[tuple[str, str, bool]], parent: QWidget) -> QListWidget:
    """A list of (label, value, checked) with check boxes."""
    w = QListWidget(parent)
    for label, value, checked in items:
        it = QListWidgetItem(label, w)
        it.setData(Qt.ItemDataRole.UserRole, value)
        it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        it.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    w.setMaximumHeight(120)
    return w


def _checked(w: QListWidget) -> list[str]:
    return [
        w.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(w.count())
        if w.item(i).checkState() == Qt.CheckState.Checked
    ]


class ReportDialog(QDialog):
    """The report's options: file, language, coders, codes, documents, grouping, pseudonyms."""

    def __init__(self, choices: ReportChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.setWindowTitle(_tr("Export theme summary"))
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(_tr("Choose where to save the Word document"))
        browse = QPushButton(_tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.language = QComboBox(self)
        self.language.addItem("Dansk", "da")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if choices.language == "da" else 1)
        self.coders = _checklist(
            [
                (f"{name} ({n})", name, name in choices.default_coders)
                for name, _role, n in choices.coders
                if n
            ],
            self,
        )
        self.codes = _checklist(
            [("    " * depth + path.split("/")[-1], path, True) for path, depth in choices.codes],
            self,
        )
        self.codes.itemChanged.connect(self._cascade)
        self.documents = _checklist([(d, d, True) for d in choices.documents], self)
        self.by = QComboBox(self)
        if choices.sector_pair:
            self.by.addItem(_tr("Sector moved from → to"), choices.sector_pair)
        for a in choices.attributes:
            self.by.addItem(a, a)
        self.by.addItem(_tr("(no grouping)"), NO_GROUPING)
        self.pseudonymize = QCheckBox(_tr("Replace names by &pseudonyms"), self)
        self.open_after = QCheckBox(_tr("Open the document when it is &ready"), self)
        self.open_after.setChecked(True)
        form = QFormLayout()
        file_label = QLabel(_tr("&File:"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        form.addRow(_tr("&Language:"), self.language)  # a text label's buddy is its field
        form.addRow(_tr("C&oders:"), self.coders)
        form.addRow(_tr("Co&des:"), self.codes)
        form.addRow(_tr("&Interviews:"), self.documents)
        form.addRow(_tr("&Group by:"), self.by)
        # a short coder list keeps to its rows, so the codes and interviews get the room
        rows = max(self.coders.count(), 2)
        self.coders.setMaximumHeight(self.coders.sizeHintForRow(0) * rows + 8)
        form.addRow("", self.pseudonymize)
        form.addRow("", self.open_after)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(self._validate)
        for w in (self.coders, self.codes, self.documents):
            w.itemChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(620, 680)
        self._validate()

    def _browse(self) -> None:
        start = self.path.text() or f"{self.choices.project}.docx"
        path, _ = QFileDialog.getSaveFileName(
            self, _tr("Save theme summary"), start, _tr("Word document (*.docx)")
        )
        if path:
            self.path.setText(path if path.lower().endswith(".docx") else path + ".docx")

    def _cascade(self, item: QListWidgetItem) -> None:
        """Checking or unchecking a code does the same to the codes below it."""
        path = item.data(Qt.ItemDataRole.UserRole)
        state = item.checkState()
        self.codes.blockSignals(True)
        for i in range(self.codes.count()):
            other = self.codes.item(i)
            if other.data(Qt.ItemDataRole.UserRole).startswith(path + "/"):
                other.setCheckState(state)
        self.codes.blockSignals(False)
        self._validate()

    def _validate(self, *_args: object) -> None:
        ok = (
            bool(self.path.text().strip())
            and bool(_checked(self.coders) or not self.coders.count())
            and bool(_checked(self.codes))
            and bool(_checked(self.documents))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def out_path(self) -> str:
        """The chosen file (``.docx`` added when missing)."""
        path = self.path.text().strip()
        return path if path.lower().endswith(".docx") else path + ".docx"

    def options(self) -> ReportOptions:
        """The report options chosen (None where everything is chosen)."""
        coders = _checked(self.coders)
        codes = _checked(self.codes)
        docs = _checked(self.documents)
        all_codes = [p for p, _ in self.choices.codes]
        # Only the top-most checked codes (sub-codes are included with their parent).
        top = [c for c in codes if not any(c.startswith(o + "/") for o in codes if o != c)]
        by = self.by.currentData()
        return ReportOptions(
            language=self.language.currentData(),
            coders=coders if coders and coders != self.choices.default_coders else None,
            codes=None if len(codes) == len(all_codes) else top,
            documents=None if len(docs) == len(self.choices.documents) else docs,
            pseudonymize=self.pseudonymize.isChecked(),
            by=by or None,
            group=bool(by),
        )


def run_report(db: Any, path: str, options: ReportOptions, state: Any) -> Any:
    """Job body: write the report; returns the :class:`~coding.report.ExportResult`."""
    from coding.report import export_report

    return export_report(db, path, options, state)


def install(window: Any) -> None:
    """Add File → "Export theme summary…" to the window."""
    from coding.report.model import report_choices

    action = QAction(_tr("Export theme summary…"), window)

    def start() -> None:
        choices = window.ops.run_and_wait(report_choices)
        dlg = ReportDialog(choices, window)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        path, options, open_after = dlg.out_path(), dlg.options(), dlg.open_after.isChecked()

        def done(result: Any) -> None:
            msg = _tr("Wrote {0}: {1} themes, {2} quotes.").format(
                Path(path).name, result.themes, result.quotes
            )
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(msg, 10000)
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))

        window.jobs.start(
            lambda state: run_report(window.db, path, options, state),
            title=_tr("Writing the theme summary"),
            success=done,
        )

    action.triggered.connect(start)
    window.add_menu_action("file", action)
    window.report_action = action
