"""The report dialog for unexpected errors, and the hook that shows it for uncaught exceptions.

An unexpected exception (a bug, not a :class:`coding.errors.TematikError`) never closes the
program: :func:`install_excepthook` makes exceptions raised in Qt slots and event handlers
open :class:`ErrorDialog` instead. Database work runs through ``app.ops.OpRunner`` in one
transaction per action, rolled back on error, so the project stays intact.

Public API:

- ``ErrorDialog(message, details="", parent=None)`` — a message, the technical details
  (traceback) behind a "Show details" button, and "Copy to clipboard".
- ``show_exception(exc, trace="", parent=None) -> QDialog`` — the dialog for ``exc``
  (a clear warning box for a ``TematikError``); shown without blocking.
- ``install_excepthook() -> callable`` / ``uninstall_excepthook()``.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from coding.errors import TematikError
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

_previous_hook: ExceptHook | None = None
_open_dialogs: list[QDialog] = []


class ErrorDialog(QDialog):
    """Reports an unexpected error: what happened, that the project is intact, and details.

    Attributes:
        details: the technical text (traceback) shown under "Show details".
    """

    def __init__(self, message: str = "", details: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self._message = message
        self.details = details
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._heading = QLabel()
        self._heading.setWordWrap(True)
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        self._reassure = QLabel()
        self._reassure.setWordWrap(True)
        self._message_label = QLabel(message)
        self._message_label.setWordWrap(True)
        self._message_label.setTextFormat(Qt.TextFormat.PlainText)
        self._message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message_label.setVisible(bool(message))

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_view.setMinimumHeight(200)
        self.details_view.setVisible(False)

        self.details_button = QPushButton()
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.details_button.setEnabled(bool(details))
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(icon)
        texts = QVBoxLayout()
        texts.addWidget(self._heading)
        texts.addWidget(self._message_label)
        texts.addWidget(self._reassure)
        top.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 200)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the translated texts (again after a language switch)."""
        self.setWindowTitle(self.tr("Unexpected error"))
        self._heading.setText(self.tr("Something went wrong in Tematik."))
        self._reassure.setText(
            self.tr(
                "Your project is intact: the last action was not saved. You can go on working; "
                "if this happens again, copy the details and send them to your IT support."
            )
        )
        self.details_button.setText(
            self.tr("Hide &details")
            if self.details_button.isChecked()
            else self.tr("Show &details")
        )
        self.details_button.setAccessibleName(self.tr("Show or hide the technical details"))
        self.copy_button.setText(self.tr("&Copy to clipboard"))
        self.details_view.setAccessibleName(self.tr("Technical details"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.retranslate()
        self.adjustSize()

    def report_text(self) -> str:
        """The full report: message, versions and details."""
        from PySide6 import __version__ as pyside_version

        lines = [
            self._message or self.tr("Unexpected error"),
            "",
            f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
            "",
            self.details,
        ]
        return "\n".join(lines).rstrip() + "\n"

    def copy_to_clipboard(self) -> None:
        """Put the full report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report_text())


def _keep(dialog: QDialog) -> None:
    _open_dialogs.append(dialog)
    dialog.finished.connect(
        lambda _=0, d=dialog: _open_dialogs.remove(d) if d in _open_dialogs else None
    )


def show_exception(exc: BaseException, trace: str = "", parent: QWidget | None = None) -> QDialog:
    """Show ``exc`` without blocking: a warning for a TematikError, else the report dialog.

    Args:
        exc: the exception.
        trace: its formatted traceback (formatted from ``exc`` when empty).
        parent: the window to centre on (the active window when None).

    Returns:
        The dialog shown.
    """
    parent = parent or QApplication.activeWindow()
    if isinstance(exc, TematikError):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ErrorDialog", "Tematik"),
            str(exc),
            parent=parent,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _keep(box)
        box.open()
        return box
    if not trace:
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    dialog = ErrorDialog(message, trace, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _keep(dialog)
    dialog.open()
    return dialog


def open_dialogs() -> list[QDialog]:
    """The error dialogs shown by :func:`show_exception` and not closed yet."""
    return list(_open_dialogs)


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
        if _previous_hook is not None:
            _previous_hook(exc_type, exc, tb)
        return
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Uncaught exception:\n%s", trace)
    try:
        show_exception(exc, trace)
    except Exception:  # pragma: no cover - never let the hook itself crash the program
        log.exception("Could not show the error dialog")


def install_excepthook() -> ExceptHook:
    """Show uncaught exceptions (e.g. in slots) in :class:`ErrorDialog` instead of crashing.

    Returns:
        The hook that was installed before (restored by :func:`uninstall_excepthook`).
    """
    global _previous_hook
    if sys.excepthook is not _hook:
        _previous_hook = sys.excepthook
        sys.excepthook = _hook
    return _previous_hook or sys.__excepthook__


def uninstall_excepthook() -> None:
    """Put back the hook that was installed before :func:`install_excepthook`."""
    global _previous_hook
    if sys.excepthook is _hook:
        sys.excepthook = _previous_hook or sys.__excepthook__
    _previous_hook = None
