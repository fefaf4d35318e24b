"""Search the transcripts (plain text or regular expression) and code every hit at once.

``SearchDialog(ops, parent=None, *, undo_stack=None, coder_id=None, document_id=None)`` is a
non-modal dialog. The search runs ``coding.search.search_documents`` through the ops runner,
in the current document (``document_id``, when given) or in all documents; the hits are listed
with their context. Double-click (or Enter on) a hit: ``jumpRequested(document_id, start,
end)``. "Code all hits" codes every hit with the chosen code for ``coder_id``
(``coding.search.code_hits``: the identical coding is skipped) as one transaction and — with an
``undo_stack`` — as one undoable step (:class:`CodeHitsCommand`).

Signals: ``searched(int)`` — a search finished with this many hits; ``coded(list)`` — the
ids of the codings added by "Code all hits"; ``jumpRequested(int, int, int)``.
"""

from __future__ import annotations

import re
from typing import Any

from coding.codebook import code_tree
from coding.codings import remove_coding, restore_coding
from coding.search import Hit, code_hits, search_documents
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPixmap, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.ops import OpRunner, report_error

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def _squeeze(text: str) -> str:
    """Runs of white space (line breaks too) as one space; a space at either end is kept,
    so a hit stays a separate word ("jo [løn]" rather than "jo[løn]")."""
    return re.sub(r"\s+", " ", text)


class HitsModel(QAbstractListModel):
    """Search hits, one per row: "document: …before[hit]after…"."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        """Replace the hits."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{hit.document}:  …{_squeeze(hit.before)[-35:]}[{hit.text}]{_squeeze(hit.after)}…"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.document} ({hit.start}–{hit.end})\n…{_squeeze(hit.before)}[{hit.text}]{_squeeze(hit.after)}…"
        if role == Qt.ItemDataRole.UserRole:
            return (hit.document_id, hit.start, hit.end)
        if role == HIT_ROLE:
            return hit
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def remove_codings(ids: list[int]) -> Any:
    """An op removing codings; returns their snapshots (for :func:`restore_codings`)."""
    return lambda s: [remove_coding(s, i) for i in ids]


def restore_codings(snapshots: list[dict[str, Any]]) -> Any:
    """An op putting removed codings back (same ids and GUIDs)."""
    return lambda s: [restore_coding(s, snap).id for snap in snapshots]


class CodeHitsCommand(QUndoCommand):
    """ "Code all hits" as one undoable step (the first redo has already been done).

    Undo removes the new codings in one transaction (keeping snapshots); redo restores them.
    """

    def __init__(
        self, ops: OpRunner, coding_ids: list[int], document_ids: set[int], label: str
    ) -> None:
        super().__init__(label)
        self.ops = ops
        self.coding_ids = list(coding_ids)
        self.document_ids = set(document_ids)
        self._snapshots: list[dict[str, Any]] = []
        self._first = True

    def undo(self) -> None:
        self.ops.run(
            remove_codings(self.coding_ids),
            success=self._removed,
            changes={"codings"},
            document_ids=self.document_ids,
        )

    def _removed(self, snapshots: list[dict[str, Any]]) -> None:
        self._snapshots = snapshots

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        snapshots = self._snapshots
        self.ops.run(
            lambda s: restore_codings(snapshots)(s),
            changes={"codings"},
            document_ids=self.document_ids,
        )


def load_codes(s: Any) -> list[tuple[int, str, int, str, bool]]:
    """An op: (id, name, depth, colour, codable) of every code, in tree order."""
    return [(n.id, n.name, n.depth, n.color, n.codable) for n in code_tree(s)]


class SearchDialog(QDialog):
    """Search in one or all documents, list the hits, code them all.

    Attributes:
        pattern_edit, regex_box, case_box, current_doc_radio, all_docs_radio, search_button,
        results (QListView), model (:class:`HitsModel`), code_box, code_all_button,
        status_label.

    Signals:
        searched(int): hits found by the last search.
        coded(list): ids of the codings made by "Code all hits".
        jumpRequested(int, int, int): document id, start, end of an activated hit.
    """

    searched = Signal(int)
    coded = Signal(list)
    jumpRequested = Signal(int, int, int)

    def __init__(
        self,
        ops: OpRunner,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        coder_id: int | None = None,
        document_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.ops, self.undo_stack = ops, undo_stack
        self.coder_id, self.document_id = coder_id, document_id
        self._status: tuple[str, int, int] = ("", 0, 0)

        self.pattern_edit = QLineEdit()
        self.pattern_edit.setObjectName("searchPattern")
        self.pattern_edit.setClearButtonEnabled(True)
        self.regex_box = QCheckBox()
        self.case_box = QCheckBox()
        self.current_doc_radio = QRadioButton()
        self.all_docs_radio = QRadioButton()
        self.search_button = QPushButton()
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.pattern_edit.returnPressed.connect(self.search)
        self.model = HitsModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setUniformItemSizes(True)
        self.results.activated.connect(self._activated)
        self.code_box = QComboBox()
        self.code_box.setObjectName("searchCode")
        self.code_all_button = QPushButton()
        self.code_all_button.clicked.connect(self.code_all_hits)
        self.status_label = QLabel()
        self.status_label.setObjectName("searchStatus")
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        self._find_label, self._code_label = QLabel(), QLabel()
        self._find_label.setBuddy(self.pattern_edit)
        self._code_label.setBuddy(self.code_box)
        grid = QGridLayout()
        grid.addWidget(self._find_label, 0, 0)
        grid.addWidget(self.pattern_edit, 0, 1)
        grid.addWidget(self.search_button, 0, 2)
        options = QHBoxLayout()
        for w in (self.regex_box, self.case_box, self.current_doc_radio, self.all_docs_radio):
            options.addWidget(w)
        options.addStretch(1)
        grid.addLayout(options, 1, 1, 1, 2)
        coding_row = QHBoxLayout()
        coding_row.addWidget(self._code_label)
        coding_row.addWidget(self.code_box, 1)
        coding_row.addWidget(self.code_all_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(coding_row)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.pattern_edit, self.search_button)
        self.setTabOrder(self.search_button, self.regex_box)
        self.setTabOrder(self.regex_box, self.case_box)
        self.setTabOrder(self.case_box, self.current_doc_radio)
        self.setTabOrder(self.current_doc_radio, self.all_docs_radio)
        self.setTabOrder(self.all_docs_radio, self.results)
        self.setTabOrder(self.results, self.code_box)
        self.setTabOrder(self.code_box, self.code_all_button)
        self.set_document(document_id)
        self.set_coder(coder_id)
        self.resize(720, 520)
        self.retranslate()
        ops.changed.connect(self._on_changed)
        self.reload_codes()

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the translated texts."""
        self.setWindowTitle(self.tr("Search"))
        self._find_label.setText(self.tr("&Find:"))
        self.search_button.setText(self.tr("&Search"))
        self.regex_box.setText(self.tr("Regular e&xpression"))
        self.case_box.setText(self.tr("Match c&ase"))
        self.current_doc_radio.setText(self.tr("C&urrent document"))
        self.all_docs_radio.setText(self.tr("A&ll documents"))
        self._code_label.setText(self.tr("C&ode:"))
        self.code_all_button.setText(self.tr("Code all &hits"))
        self.results.setAccessibleName(self.tr("Search hits"))
        self.code_box.setAccessibleName(self.tr("Code to apply to all hits"))
        self.pattern_edit.setPlaceholderText(self.tr("Words, or a regular expression"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_status(self) -> None:
        kind, a, b = self._status
        if kind == "hits":
            text = self.tr("%n hit(s).", "", a)
        elif kind == "coded":
            text = self.tr("%n hit(s) coded.", "", a)
            if b:
                text += " " + self.tr("%n already coded, skipped.", "", b)
        else:
            text = self.tr(
                "Type a word and press Enter. Double-click a hit to show it in the transcript; "
                "choose a code to code every hit at once."
            )
        self.status_label.setText(text)

    def _set_status(self, kind: str, a: int = 0, b: int = 0) -> None:
        self._status = (kind, a, b)
        self._show_status()

    # --- context --------------------------------------------------------------------------

    def set_document(self, document_id: int | None) -> None:
        """The document shown in the main window (None: none; only "All documents")."""
        self.document_id = document_id
        self.current_doc_radio.setEnabled(document_id is not None)
        if document_id is None:
            self.all_docs_radio.setChecked(True)
        elif not self.all_docs_radio.isChecked():
            self.current_doc_radio.setChecked(True)

    def set_coder(self, coder_id: int | None) -> None:
        """Who codes the hits (None: coding is disabled)."""
        self.coder_id = coder_id
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.code_all_button.setEnabled(
            self.coder_id is not None
            and self.model.rowCount() > 0
            and self.code_box.currentData() is not None
        )

    def reload_codes(self) -> None:
        """Fill the code chooser (codable codes, indented as in the tree)."""
        self.ops.run(load_codes, success=self._codes_loaded)

    def _codes_loaded(self, codes: list[tuple[int, str, int, str, bool]]) -> None:
        current = self.code_box.currentData()
        self.code_box.clear()
        for cid, name, depth, color, codable in codes:
            pix = QPixmap(12, 12)
            pix.fill(QColor(color))
            self.code_box.addItem(QIcon(pix), "    " * depth + name, cid if codable else None)
            if not codable:  # categories are shown for orientation but cannot be chosen
                item = self.code_box.model().item(self.code_box.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
        index = self.code_box.findData(current) if current is not None else -1
        if index < 0:
            index = next(
                (i for i in range(self.code_box.count()) if self.code_box.itemData(i) is not None),
                -1,
            )
        self.code_box.setCurrentIndex(index)
        self._update_buttons()

    def set_code(self, code_id: int) -> None:
        """Choose the code for "Code all hits"."""
        self.code_box.setCurrentIndex(self.code_box.findData(code_id))
        self._update_buttons()

    def _on_changed(self, change: Any) -> None:
        if "codes" in change.kinds:
            self.reload_codes()

    # --- searching ------------------------------------------------------------------------

    def search(self) -> None:
        """Run the search with the current options."""
        pattern = self.pattern_edit.text()
        regex, case = self.regex_box.isChecked(), self.case_box.isChecked()
        docs = (
            [self.document_id]
            if self.current_doc_radio.isChecked() and self.document_id is not None
            else None
        )
        self.search_button.setEnabled(False)
        self.ops.run(
            lambda s: search_documents(s, pattern, regex, docs, case),
            success=self._found,
            failure=self._failed,
        )

    def _found(self, hits: list[Hit]) -> None:
        self.search_button.setEnabled(True)
        self.model.set_hits(hits)
        self._set_status("hits", len(hits))
        self._update_buttons()
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self.searched.emit(len(hits))

    def _failed(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        from coding.errors import TematikError

        if isinstance(exc, TematikError):  # a bad pattern: say so here, no message box
            self.model.set_hits([])
            self._set_status("")
            self.status_label.setText(str(exc))
            self._update_buttons()
            self.searched.emit(0)
        else:
            report_error(exc, parent=self)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.hit(index.row())
            self.jumpRequested.emit(hit.document_id, hit.start, hit.end)

    # --- coding ---------------------------------------------------------------------------

    def code_all_hits(self) -> None:
        """Code every hit with the chosen code (one transaction, one undo step)."""
        code_id, coder_id = self.code_box.currentData(), self.coder_id
        hits = self.model.hits()
        if code_id is None or coder_id is None or not hits:
            return
        docs = {h.document_id for h in hits}
        code_name = self.code_box.currentText().strip()
        self.code_all_button.setEnabled(False)
        self.ops.run(
            lambda s: code_hits(s, hits, code_id, coder_id),
            success=lambda ids: self._coded(ids, len(hits), docs, code_name),
            failure=self._code_failed,
            changes={"codings"},
            document_ids=docs,
        )

    def _coded(self, ids: list[int], total: int, docs: set[int], code_name: str) -> None:
        if ids and self.undo_stack is not None:
            label = QCoreApplication.translate(
                "SearchDialog", "Code %n hit(s) with %1", "", len(ids)
            )
            self.undo_stack.push(
                CodeHitsCommand(self.ops, ids, docs, label.replace("%1", code_name))
            )
        self._set_status("coded", len(ids), total - len(ids))
        self._update_buttons()
        self.coded.emit(ids)

    def _code_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        report_error(exc, parent=self)
