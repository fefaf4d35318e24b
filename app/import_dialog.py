"""Importing transcripts: choose files, import them in the background, show what happened.

``Importer(db, jobs, parent=None)`` runs ``coding.documents.import_files`` as a background job
(``app.jobs.JobRunner``: a progress dialog with Cancel; each file is stored in its own
transaction, so cancelling keeps the files already imported and never half a file).

- ``importer.choose_and_import()`` — the file picker (txt, docx, odt, rtf, pdf, vtt, srt, md),
  then the import.
- ``importer.start(paths) -> Job`` — import the given files.
- When the job ends, :class:`ImportReportDialog` shows the report (shown without blocking): the
  files imported, those skipped (already in the project) and, clearly, each file that failed
  with the reason. Signal ``finished(ImportReport)``; the ``documents`` change is announced
  through the job runner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coding.documents import ImportReport, import_files
from coding.progress import ProgressState
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.jobs import Job, JobRunner

FILE_PATTERNS = "*.txt *.md *.docx *.odt *.rtf *.pdf *.vtt *.srt"


def ask_import_files(parent: QWidget | None = None, directory: str = "") -> list[Path]:
    """The file picker for transcripts; an empty list when cancelled."""
    filters = ";;".join(
        [
            QCoreApplication.translate("Importer", "Transcripts (%1)").replace("%1", FILE_PATTERNS),
            QCoreApplication.translate("Importer", "Word documents (*.docx)"),
            QCoreApplication.translate("Importer", "Subtitles (*.vtt *.srt)"),
            QCoreApplication.translate("Importer", "All files (*)"),
        ]
    )
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Importer", "Import transcripts"),
        directory or str(Path.home()),
        filters,
    )
    return [Path(p) for p in paths]


class ImportReportDialog(QDialog):
    """The outcome of an import, file by file.

    Attributes:
        report: the :class:`ImportReport`.
        failed_list, imported_list, skipped_list, warnings_list: the lists shown.
    """

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReportDialog")
        self.report = report
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.failed_label, self.imported_label = QLabel(), QLabel()
        self.skipped_label, self.warnings_label = QLabel(), QLabel()
        self.failed_list = self._list(report.failed, "failedList")
        self.imported_list = self._list(report.imported, "importedList")
        self.skipped_list = self._list(report.skipped, "skippedList")
        self.warnings_list = self._list(report.warnings, "warningsList")
        style = self.style()
        for lst, icon in (
            (self.failed_list, QStyle.StandardPixmap.SP_MessageBoxCritical),
            (self.warnings_list, QStyle.StandardPixmap.SP_MessageBoxInformation),
        ):
            for i in range(lst.count()):
                lst.item(i).setIcon(style.standardIcon(icon))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        for label, lst in (
            (self.failed_label, self.failed_list),
            (self.imported_label, self.imported_list),
            (self.skipped_label, self.skipped_list),
            (self.warnings_label, self.warnings_list),
        ):
            label.setBuddy(lst)
            label.setVisible(lst.count() > 0)
            lst.setVisible(lst.count() > 0)
            layout.addWidget(label)
            layout.addWidget(lst)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self.retranslate()

    @staticmethod
    def _list(lines: list[str], name: str) -> QListWidget:
        lst = QListWidget()
        lst.setObjectName(name)
        lst.setWordWrap(True)
        for line in lines:
            item = QListWidgetItem(line)
            item.setToolTip(line)
            lst.addItem(item)
        return lst

    def retranslate(self) -> None:
        """Set the translated texts."""
        r = self.report
        if r.failed:
            self.setWindowTitle(self.tr("Some files could not be imported"))
        elif r.cancelled:
            self.setWindowTitle(self.tr("Import cancelled"))
        else:
            self.setWindowTitle(self.tr("Import finished"))
        parts = [self.tr("%n file(s) imported.", "", len(r.imported))]
        if r.skipped:
            parts.append(self.tr("%n file(s) already in the project.", "", len(r.skipped)))
        if r.failed:
            parts.append(self.tr("%n file(s) could not be imported.", "", len(r.failed)))
        if r.cancelled:
            parts.append(self.tr("The import was cancelled; the files above were kept."))
        self.summary.setText(" ".join(parts))
        self.failed_label.setText(self.tr("&Problems:"))
        self.imported_label.setText(self.tr("&Imported:"))
        self.skipped_label.setText(self.tr("&Skipped:"))
        self.warnings_label.setText(self.tr("&Notes:"))
        self.failed_list.setAccessibleName(self.tr("Files that could not be imported"))
        self.imported_list.setAccessibleName(self.tr("Imported documents"))
        self.skipped_list.setAccessibleName(self.tr("Skipped files"))
        self.warnings_list.setAccessibleName(self.tr("Notes on the imported files"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Importer(QObject):
    """Starts imports and shows their reports.

    Attributes:
        report_dialog: the last report shown (None before the first).

    Signals:
        finished(object): the :class:`ImportReport` of a finished (or cancelled) import.
    """

    finished = Signal(object)

    def __init__(self, db: Any, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.jobs, self._parent = db, jobs, parent
        self.report_dialog: ImportReportDialog | None = None

    def choose_and_import(self, directory: str = "") -> Job | None:
        """Ask for files, then import them; None when the user cancelled the picker."""
        paths = ask_import_files(self._parent, directory)
        return self.start(paths) if paths else None

    def start(self, paths: list[Path]) -> Job:
        """Import ``paths`` in the background."""
        db = self.db
        paths = [Path(p) for p in paths]

        def job(state: ProgressState) -> ImportReport:
            return import_files(db, paths, state)

        return self.jobs.start(
            job,
            title=QCoreApplication.translate("Importer", "Importing transcripts"),
            success=self._done,
            changes={"documents"},
        )

    def _done(self, report: ImportReport) -> None:
        dialog = ImportReportDialog(report, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "report_dialog", None))
        self.report_dialog = dialog
        dialog.open()
        self.finished.emit(report)
