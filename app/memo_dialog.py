"""Memos: the analyst's notes on a coding, a code, a document or the whole project.

``MemoDialog(ops, target, coder_id=None, parent=None, undo_stack=None)`` loads the memo through
the ops runner, lets the user edit it, and on OK (Ctrl+Return) saves it in one transaction.
``target`` is a :class:`MemoTarget`: ``MemoTarget.coding(id)``, ``.code(id)``,
``.document(id)`` or ``.project()``, with a label shown in the title (e.g. the code name).

A coding's memo is the coding's own memo field (shown when hovering the coding); the others
are the coder's :class:`models.entities.Memo` rows. Saving an empty text removes the memo.
With an ``undo_stack`` the save is one undoable step. Signal ``saved(str, str)`` gives the
old and new text after the save has been committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coding.codings import get_coding, get_memo, set_coding_memo, set_memo
from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ops import OpRunner

MEMO_KINDS = ("project", "document", "code", "coding")


@dataclass(frozen=True)
class MemoTarget:
    """What a memo is about."""

    kind: str  # one of MEMO_KINDS
    id: int | None = None
    label: str = ""

    @classmethod
    def project(cls, label: str = "") -> MemoTarget:
        return cls("project", None, label)

    @classmethod
    def document(cls, document_id: int, label: str = "") -> MemoTarget:
        return cls("document", document_id, label)

    @classmethod
    def code(cls, code_id: int, label: str = "") -> MemoTarget:
        return cls("code", code_id, label)

    @classmethod
    def coding(cls, coding_id: int, label: str = "") -> MemoTarget:
        return cls("coding", coding_id, label)

    def _keys(self) -> dict[str, int | None]:
        return {f"{self.kind}_id": self.id} if self.kind in ("document", "code") else {}


def read_memo(target: MemoTarget, coder_id: int | None) -> Callable[[Any], str]:
    """An op reading the memo text of ``target`` ('' when none)."""

    def op(s: Any) -> str:
        if target.kind == "coding":
            assert target.id is not None
            return get_coding(s, target.id).memo or ""
        memo = get_memo(s, coder_id=coder_id, **target._keys())
        return memo.text if memo is not None else ""

    return op


def write_memo(target: MemoTarget, coder_id: int | None, text: str) -> Callable[[Any], str]:
    """An op writing the memo text of ``target``; returns the old text."""

    def op(s: Any) -> str:
        if target.kind == "coding":
            assert target.id is not None
            return set_coding_memo(s, target.id, text)
        return set_memo(s, text, coder_id=coder_id, **target._keys())

    return op


class MemoCommand(QUndoCommand):
    """One memo save as an undoable step (the first redo has already been done)."""

    def __init__(
        self, ops: OpRunner, target: MemoTarget, coder_id: int | None, old: str, new: str
    ) -> None:
        super().__init__()
        self.ops, self.target, self.coder_id = ops, target, coder_id
        self.old, self.new = old, new
        self._first = True
        self.setText(
            QCoreApplication.translate("MemoDialog", "Edit memo")
            + (f" – {target.label}" if target.label else "")
        )

    def _apply(self, text: str) -> None:
        kind = "codings" if self.target.kind == "coding" else "memos"
        self.ops.run(write_memo(self.target, self.coder_id, text), changes={kind})

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class MemoDialog(QDialog):
    """Edits one memo.

    Attributes:
        editor: the text field.
        target: the :class:`MemoTarget`.

    Signals:
        loaded(str): the memo text was read.
        saved(str, str): old and new text, after the save was committed.
    """

    loaded = Signal(str)
    saved = Signal(str, str)

    def __init__(
        self,
        ops: OpRunner,
        target: MemoTarget,
        coder_id: int | None = None,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memoDialog")
        self.ops, self.target, self.coder_id = ops, target, coder_id
        self.undo_stack = undo_stack
        self._original = ""
        self._heading = QLabel()
        self._heading.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("memoEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setEnabled(False)
        self._heading.setBuddy(self.editor)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(480, 320)
        self.retranslate()
        ops.run(read_memo(target, coder_id), success=self._loaded, failure=self._failed)

    def retranslate(self) -> None:
        """Set the translated texts."""
        titles = {
            "project": self.tr("Project memo"),
            "document": self.tr("Document memo"),
            "code": self.tr("Code memo"),
            "coding": self.tr("Coding memo"),
        }
        title = titles[self.target.kind]
        self.setWindowTitle(f"{title} – {self.target.label}" if self.target.label else title)
        if self.target.label:
            self._heading.setText(self.tr("&Memo on %1:").replace("%1", self.target.label))
        else:  # "&Coding memo:", not "Memo on Coding memo:"
            self._heading.setText(f"&{title}:")
        self.editor.setAccessibleName(self.tr("Memo text"))
        self.editor.setPlaceholderText(self.tr("Write your notes here. An empty memo is removed."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _loaded(self, text: str) -> None:
        self._original = text
        self.editor.setPlainText(text)
        self.editor.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.editor.setFocus()
        self.loaded.emit(text)

    def _failed(self, exc: BaseException) -> None:
        from app.ops import report_error

        report_error(exc, parent=self)
        self.reject()

    def text(self) -> str:
        """The text in the editor (trailing whitespace removed)."""
        return self.editor.toPlainText().rstrip()

    def accept(self) -> None:
        """Save (when changed) in one transaction, then close."""
        if not self.editor.isEnabled():
            return
        new = self.text()
        if new == self._original.rstrip():
            super().accept()
            return
        self.editor.setEnabled(False)
        kind = "codings" if self.target.kind == "coding" else "memos"
        self.ops.run(
            write_memo(self.target, self.coder_id, new),
            success=lambda old: self._saved(old, new),
            failure=self._save_failed,
            changes={kind},
        )

    def _saved(self, old: str, new: str) -> None:
        if self.undo_stack is not None:
            self.undo_stack.push(MemoCommand(self.ops, self.target, self.coder_id, old, new))
        self.saved.emit(old, new)
        super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        from app.ops import report_error

        self.editor.setEnabled(True)
        report_error(exc, parent=self)
