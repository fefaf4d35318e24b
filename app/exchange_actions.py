"""File-menu actions for REFI-QDA import/export and table exports, run as background jobs.

``install(window)`` adds to the File menu:

* Import REFI-QDA project or codebook… (.qdpx, .qdc, .qde) — one transaction; the summary of
  what could not be mapped is shown afterwards;
* Export REFI-QDA project… (.qdpx) and Export REFI-QDA codebook… (.qdc);
* Export coded segments… and Export code frequency matrix… (.xlsx or .csv).

The work itself is done by :mod:`coding.exchange` in a job thread with its own session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from coding.progress import ProgressState
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

IMPORT_CHANGES = ("codes", "documents", "codings", "memos", "coders", "attributes", "project")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExchangeActions", text)


def run_import(db: Any, path: str, state: ProgressState) -> list[str]:
    """Job body: import a REFI-QDA file; returns the summary lines."""
    from coding.exchange.refi_import import import_plan, read_refi

    plan = read_refi(Path(path), state)
    return import_plan(db, plan, state).lines()


def run_export(db: Any, path: str, kind: str, state: ProgressState) -> str:
    """Job body: ``kind`` is qdpx, qdc, segments or matrix; returns a one-line result."""
    from coding.exchange.refi_export import export_qdc, export_qdpx
    from coding.exchange.tabular import export_matrix, export_segments
    from coding.project import project_info, transaction

    with transaction(db) as s:
        language = project_info(s).language or "da"
        if kind == "qdpx":
            r = export_qdpx(s, path, progress=state)
            return _tr("Exported {0} documents, {1} codes and {2} codings to {3}.").format(
                r.documents, r.codes, r.codings, Path(path).name
            )
        if kind == "qdc":
            r = export_qdc(s, path)
            return _tr("Exported {0} codes to {1}.").format(r.codes, Path(path).name)
        if kind == "segments":
            t = export_segments(s, path, language=language)
            return _tr("Exported {0} coded segments to {1}.").format(t.rows, Path(path).name)
        t = export_matrix(s, path, language=language)
        return _tr("Exported the frequency matrix ({0} codes) to {1}.").format(
            t.rows, Path(path).name
        )


def install(window: Any) -> None:
    """Add the exchange actions to the window's File menu."""

    def action(text: str, slot: Callable[[], None]) -> QAction:
        act = QAction(text, window)
        act.triggered.connect(slot)
        window.add_menu_action("file", act)
        return act

    def import_refi() -> None:
        path, _ = QFileDialog.getOpenFileName(
            window,
            _tr("Import REFI-QDA project or codebook"),
            "",
            _tr("REFI-QDA files (*.qdpx *.qdc *.qde);;All files (*)"),
        )
        if not path:
            return

        def done(lines: list[str]) -> None:
            box = QMessageBox(window)
            box.setWindowTitle(_tr("REFI-QDA import"))
            box.setText(lines[0] if lines else _tr("Imported."))
            box.setDetailedText("\n".join(lines[1:]))
            box.setInformativeText("\n".join(lines[1:3]))
            box.exec()

        window.jobs.start(
            lambda state: run_import(window.db, path, state),
            title=_tr("Importing {0}").format(Path(path).name),
            success=done,
            changes=IMPORT_CHANGES,
        )

    def export(kind: str, title: str, filters: str, suffix: str) -> Callable[[], None]:
        def slot() -> None:
            path, chosen = QFileDialog.getSaveFileName(window, title, "", filters)
            if not path:
                return
            if not Path(path).suffix:
                path += ".csv" if "csv" in (chosen or "").lower() else suffix
            window.jobs.start(
                lambda state: run_export(window.db, path, kind, state),
                title=title,
                success=lambda msg: (
                    window.statusBar().showMessage(msg, 8000)
                    if hasattr(window, "statusBar")
                    else None
                ),
            )

        return slot

    tables = _tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)")
    action(_tr("Import REFI-QDA project or codebook…"), import_refi)
    action(
        _tr("Export REFI-QDA project (.qdpx)…"),
        export("qdpx", _tr("Export REFI-QDA project"), _tr("REFI-QDA project (*.qdpx)"), ".qdpx"),
    )
    action(
        _tr("Export REFI-QDA codebook (.qdc)…"),
        export("qdc", _tr("Export REFI-QDA codebook"), _tr("REFI-QDA codebook (*.qdc)"), ".qdc"),
    )
    action(
        _tr("Export coded segments (table)…"),
        export("segments", _tr("Export coded segments"), tables, ".xlsx"),
    )
    action(
        _tr("Export code frequency matrix (table)…"),
        export("matrix", _tr("Export code frequency matrix"), tables, ".xlsx"),
    )
