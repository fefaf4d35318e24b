"""The codebook editor: a code's name, kind, colour, definition, criteria, example and terms.

``CodebookEditor(ops, code_id, parent=None, undo_stack=None)`` is a dialog. It loads the code
through the ops runner; Save (Ctrl+S, or OK) writes only the fields that changed with
``coding.codebook.update_code`` in one transaction, which returns the old values: with an
``undo_stack`` the edit is pushed as one undoable step (:class:`CodeEditCommand`).

Fields: name, kind (barrier / motivation / condition / other — top-level codes only; a
sub-code shows the kind it inherits), colour (a colour picker), codable (a category that only
groups codes is not codable), definition, inclusion and exclusion criteria, an example, and
indicator terms (one per line; the suggestion engine searches for them).

Signals: ``loaded(dict)`` when the code was read, ``saved(dict, dict)`` with the old and new
values of the changed fields after the save was committed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coding.codebook import code_tree, find_code, terms_of, update_code
from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ops import OpRunner

KINDS = ("barrier", "motivation", "condition", "other")
TEXT_FIELDS = ("definition", "inclusion", "exclusion", "example")


def kind_label(kind: str | None) -> str:
    """The translated name of a code kind."""
    labels = {
        "barrier": QCoreApplication.translate("CodebookEditor", "Barrier"),
        "motivation": QCoreApplication.translate("CodebookEditor", "Motivation"),
        "condition": QCoreApplication.translate("CodebookEditor", "Condition"),
        "other": QCoreApplication.translate("CodebookEditor", "Other"),
    }
    return labels.get(kind or "", QCoreApplication.translate("CodebookEditor", "(none)"))


def load_code(code_id: int) -> Callable[[Any], dict[str, Any]]:
    """An op returning a code's editable fields as a plain dict."""

    def op(s: Any) -> dict[str, Any]:
        node = next((n for n in code_tree(s) if n.id == code_id), None)
        if node is None:
            from coding.errors import TematikError

            raise TematikError("That code no longer exists.")
        code = find_code(s, node.guid)
        return {
            "id": code.id,
            "path": node.path,
            "name": code.name,
            "top_level": node.parent_id is None,
            "kind": code.kind if node.parent_id is None else node.kind,
            "color": code.color,
            "codable": bool(code.codable),
            "indicator_terms": terms_of(code),
            **{f: getattr(code, f) or "" for f in TEXT_FIELDS},
        }

    return op


def save_code(code_id: int, changes: dict[str, Any]) -> Callable[[Any], dict[str, Any]]:
    """An op applying ``changes`` with ``update_code``; returns the old values."""
    return lambda s: update_code(s, code_id, **changes)


class CodeEditCommand(QUndoCommand):
    """A code edit as an undoable step (the first redo has already been done)."""

    def __init__(
        self, ops: OpRunner, code_id: int, old: dict[str, Any], new: dict[str, Any], name: str
    ) -> None:
        super().__init__(
            QCoreApplication.translate("CodebookEditor", "Edit code %1").replace("%1", name)
        )
        self.ops, self.code_id, self.old, self.new = ops, code_id, old, new
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.ops.run(save_code(self.code_id, self.new), changes={"codes"})

    def undo(self) -> None:
        self.ops.run(save_code(self.code_id, self.old), changes={"codes"})


class CodebookEditor(QDialog):
    """Edits one code.

    Attributes:
        name_edit, kind_box, color_button, codable_box, text_edits (field → QPlainTextEdit),
        terms_edit: the fields.

    Signals:
        loaded(dict): the code's values were read.
        saved(dict, dict): old and new values of the changed fields, after the commit.
    """

    loaded = Signal(dict)
    saved = Signal(dict, dict)

    def __init__(
        self,
        ops: OpRunner,
        code_id: int,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("codebookEditor")
        self.ops, self.code_id, self.undo_stack = ops, code_id, undo_stack
        self.values: dict[str, Any] = {}
        self._color = "#000000"

        self.path_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("codeName")
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("codeKind")
        for kind in KINDS:
            self.kind_box.addItem("", kind)
        self.color_button = QPushButton()
        self.color_button.setObjectName("codeColor")
        self.color_button.clicked.connect(self.choose_color)
        self.codable_box = QCheckBox()
        self.text_edits: dict[str, QPlainTextEdit] = {}
        for f in TEXT_FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"code_{f}")
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(90 if f != "definition" else 120)
            self.text_edits[f] = edit
        self.terms_edit = QPlainTextEdit()
        self.terms_edit.setObjectName("codeTerms")
        self.terms_edit.setTabChangesFocus(True)
        self.terms_edit.setMaximumHeight(90)

        widgets: list[QWidget] = [
            self.name_edit, self.kind_box, self.color_button, self.codable_box,
            *self.text_edits.values(), self.terms_edit,
        ]  # fmt: skip
        self._labels = [QLabel() for _ in widgets]
        form = QFormLayout()
        for label, widget in zip(self._labels, widgets, strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._set_enabled(False)
        self.resize(560, 640)
        self.retranslate()
        ops.run(load_code(code_id), success=self._loaded, failure=self._failed)

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the translated texts."""
        self.setWindowTitle(self.tr("Edit code"))
        texts = [
            self.tr("&Name:"), self.tr("&Kind:"), self.tr("C&olour:"), self.tr("Codable:"),
            self.tr("&Definition:"), self.tr("&Include when:"), self.tr("E&xclude when:"),
            self.tr("&Example:"), self.tr("Indicator &terms:"),
        ]  # fmt: skip
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        for i, kind in enumerate(KINDS):
            self.kind_box.setItemText(i, kind_label(kind))
        self.codable_box.setText(self.tr("&Can be applied to text (not just a category)"))
        self.terms_edit.setPlaceholderText(self.tr("One word or phrase per line"))
        self.text_edits["inclusion"].setPlaceholderText(self.tr("When to use this code"))
        self.text_edits["exclusion"].setPlaceholderText(
            self.tr("When not to use it (and which code to use instead)")
        )
        self.text_edits["example"].setPlaceholderText(self.tr("A typical quote"))
        self.color_button.setAccessibleName(self.tr("Code colour"))
        self.kind_box.setToolTip(self.tr("Only top-level codes have a kind; sub-codes inherit it."))
        self._show_color()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- loading --------------------------------------------------------------------------

    def _set_enabled(self, on: bool) -> None:
        for w in (self.name_edit, self.color_button, self.codable_box, self.terms_edit,
                  *self.text_edits.values()):  # fmt: skip
            w.setEnabled(on)
        self.kind_box.setEnabled(on and bool(self.values.get("top_level")))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(on)

    def _loaded(self, values: dict[str, Any]) -> None:
        self.values = values
        self.path_label.setText(values["path"])
        self.name_edit.setText(values["name"])
        index = self.kind_box.findData(values["kind"])
        self.kind_box.setCurrentIndex(index)
        self.set_color(values["color"])
        self.codable_box.setChecked(values["codable"])
        for f, edit in self.text_edits.items():
            edit.setPlainText(values[f])
        self.terms_edit.setPlainText("\n".join(values["indicator_terms"]))
        self._set_enabled(True)
        self.name_edit.setFocus()
        self.loaded.emit(values)

    def _failed(self, exc: BaseException) -> None:
        from app.ops import report_error

        report_error(exc, parent=self)
        self.reject()

    # --- colour ---------------------------------------------------------------------------

    def set_color(self, color: str) -> None:
        """Set the colour (``#rrggbb``)."""
        self._color = QColor(color).name()
        self._show_color()

    def color(self) -> str:
        return self._color

    def _show_color(self) -> None:
        fg = "#000000" if QColor(self._color).lightness() > 140 else "#ffffff"
        self.color_button.setText(self._color)
        self.color_button.setStyleSheet(f"background-color: {self._color}; color: {fg}")

    def choose_color(self) -> None:
        """Open the colour picker."""
        color = QColorDialog.getColor(QColor(self._color), self, self.tr("Code colour"))
        if color.isValid():
            self.set_color(color.name())

    # --- saving ---------------------------------------------------------------------------

    def edited_values(self) -> dict[str, Any]:
        """The values now in the form."""
        terms = [t.strip() for t in self.terms_edit.toPlainText().splitlines() if t.strip()]
        out: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "color": self._color,
            "codable": self.codable_box.isChecked(),
            "indicator_terms": terms,
            **{f: e.toPlainText().strip() for f, e in self.text_edits.items()},
        }
        if self.values.get("top_level"):
            out["kind"] = self.kind_box.currentData()
        return out

    def changes(self) -> dict[str, Any]:
        """The fields whose values differ from the stored ones."""
        return {k: v for k, v in self.edited_values().items() if self.values.get(k) != v}

    def accept(self) -> None:
        """Save the changed fields in one transaction, then close."""
        if not self.values:
            return
        changes = self.changes()
        if not changes:
            super().accept()
            return
        self._set_enabled(False)
        self.ops.run(
            save_code(self.code_id, changes),
            success=lambda old: self._saved(old, changes),
            failure=self._save_failed,
            changes={"codes"},
        )

    def _saved(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        if self.undo_stack is not None:
            name = str(new.get("name", self.values["name"]))
            self.undo_stack.push(CodeEditCommand(self.ops, self.code_id, old, new, name))
        self.values.update(new)
        self.saved.emit(old, new)
        super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        from app.ops import report_error

        self._set_enabled(True)
        report_error(exc, parent=self)
