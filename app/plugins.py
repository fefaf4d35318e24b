"""Dock panels added to the main window by other features (suggestions, agreement).

The main window imports every module named in :data:`PANELS` that exists and calls its
``install(window)`` function once, after the window is built and a project is open. A module
that is missing is skipped; a module whose ``install`` raises is reported in the log and
skipped, so one broken panel never stops the workbench.

The API the window offers plugins (``window`` is :class:`app.main_window.MainWindow`)
---------------------------------------------------------------------------------------

Database work (never run SQL in the GUI thread; call ``coding/`` services through these):

- ``window.db`` — the open :class:`models.db.Database` (for jobs that need their own session).
- ``window.ops`` — :class:`app.ops.OpRunner`. ``window.ops.run(fn, success=..., failure=...,
  changes={"codings"})`` runs ``fn(session)`` on the one database worker thread inside one
  transaction; ``success(result)`` runs on the GUI thread; then ``window.changed`` is emitted.
  Return plain data (dataclasses, tuples), not ORM objects, from ``fn``.
- ``window.jobs`` — :class:`app.jobs.JobRunner`. ``window.jobs.start(fn, title=...,
  success=..., failure=..., changes=...)`` runs a long ``fn(state: ProgressState)`` in its own
  thread with a progress dialog and Cancel (training, agreement, export...). The job opens its
  own session (``window.db.session()`` or ``coding.project.transaction(window.db)``).
- ``window.undo_stack`` — the :class:`PySide6.QtGui.QUndoStack`; push an
  :class:`app.undo_commands.OpCommand` to make an action undoable (see that module).

What the user is looking at:

- ``window.current_coder_id() -> int | None`` — the coder working now (chosen on first open).
- ``window.visible_coder_ids() -> set[int] | None`` — the coders shown (None: all coders).
- ``window.current_document_id() -> int | None``.
- ``window.selected_code_id() -> int | None`` — the code selected in the codebook tree.
- ``window.selection() -> tuple[int, int] | None`` — the selected text span in code points.
- ``window.open_document(doc_id, select=(start, end))`` — show a document, optionally
  selecting and scrolling to a span (code points, end exclusive).
- ``window.transcript_view`` — :class:`app.transcript_view.TranscriptView`; call
  ``set_extra_underlines([(start, end, "#rrggbb", tooltip), ...])`` to draw dashed underlines
  (e.g. suggestions) over the text; positions are code points of the current document; an
  empty list removes them. Its signal ``extraUnderlineClicked(int)`` gives the index (in
  that list) of an underline the user clicked; hovering shows its tooltip.

Adding UI:

- ``window.add_dock(widget, title, area=Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget``
  — a dock (its objectName is derived from the title so the layout is saved and restored);
  the dock's toggle action is added to the View menu.
- ``window.add_menu_action(menu_name, action)`` — ``menu_name`` is one of "file", "edit",
  "view", "code", "tools", "help" (created when missing).

Signals:

- ``window.changed(ChangeSet)`` — after every operation: ``ChangeSet.kinds`` is a set of
  "codings", "codes", "documents", "memos", "coders", "suggestions", "attributes", "project";
  ``ChangeSet.document_ids`` the documents touched (empty: unknown / all). Refresh only what
  changed.
- ``window.documentChanged(int)`` — a different document is shown (-1: none).
- ``window.coderChanged(int)`` — a different current coder.

Translations: wrap user-visible strings in ``QCoreApplication.translate("Context", "...")``.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import Any

log = logging.getLogger(__name__)

#: Modules that may add dock panels; each that exists is imported and ``install(window)`` called.
PANELS: list[str] = [
    "app.suggestions_panel",
    "app.agreement_view",
    "app.exchange_actions",
    "app.report_dialog",
]


def install_panels(window: Any, panels: list[str] | None = None) -> list[str]:
    """Install every available panel into ``window``; returns the names installed."""
    installed: list[str] = []
    for name in PANELS if panels is None else panels:
        try:
            if importlib.util.find_spec(name) is None:
                continue
        except (ImportError, ValueError):
            continue
        try:
            module = importlib.import_module(name)
            install = getattr(module, "install", None)
            if install is None:
                log.warning("Panel module %s has no install(window) function", name)
                continue
            install(window)
        except Exception:
            log.exception("Panel %s could not be installed", name)
            continue
        installed.append(name)
    return installed
