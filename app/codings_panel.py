"""The panel listing the codings at the cursor (or in the selection): code, coder, span, memo."""

from __future__ import annotations

from collections.abc import Callable

from coding.workbench import CodingSpan
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from app.widgets import row_table

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Code", "Coder", "Characters", "Memo")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CodingsPanel", text)


# the roles data() answers; views ask for about ten per cell on every repaint
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.UserRole,
    )
)


class CodingsModel(QAbstractTableModel):
    """Rows of CodingSpans, described through lookup functions for code and coder names."""

    def __init__(
        self,
        code_info: Callable[[int], tuple[str, str]],
        coder_name: Callable[[int], str],
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[CodingSpan] = []
        self._code_info = code_info  # code id -> (path, colour)
        self._coder_name = coder_name

    def set_codings(self, rows: list[CodingSpan]) -> None:
        """Replace the rows (by start, then code); nothing happens when they are the same."""
        new = sorted(rows, key=lambda c: (c.start, c.end, c.id))
        if new == self._rows:
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def coding(self, row: int) -> CodingSpan | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            # literal _tr() calls, so scripts/build_translations.py --update finds them
            titles = (_tr("Code"), _tr("Coder"), _tr("Characters"), _tr("Memo"))
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if int(role) not in _ROLES:
            return None
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:  # the code's name; its whole path on hover
                path = self._code_info(c.code_id)[0]
                return path if role == Qt.ItemDataRole.ToolTipRole else path.rsplit("/", 1)[-1]
            if col == 1:
                return self._coder_name(c.coder_id)
            if col == 2:
                return f"{c.start}–{c.end}"
            return c.memo if role == Qt.ItemDataRole.ToolTipRole else c.memo.replace("\n", " ")
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(self._code_info(c.code_id)[1])
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        return None


class CodingsPanel(QWidget):
    """A table of the codings under the cursor.

    Signals:
        codingChosen(int): a coding clicked (it becomes the current coding).
        uncodeRequested(int): Delete pressed on a coding.
    """

    codingChosen = Signal(int)
    uncodeRequested = Signal(int)

    def __init__(
        self,
        code_info: Callable[[int], tuple[str, str]],
        coder_name: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = CodingsModel(code_info, coder_name, self)
        self.table = row_table(
            "codingsAtCursor", self.model, _tr("Codings at the cursor"), parent=self
        )
        h = self.table.horizontalHeader()
        # fixed widths: ResizeToContents would measure every row each time the cursor moves
        fm = self.table.fontMetrics()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(False)
        h.resizeSection(1, fm.horizontalAdvance("Mette M.") + 16)
        h.resizeSection(2, fm.horizontalAdvance("00000–00000") + 16)
        h.resizeSection(3, fm.horizontalAdvance("Memo memo") + 16)
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 8)
        self.table.clicked.connect(self._chosen)
        self.table.activated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)

    def set_codings(self, rows: list[CodingSpan]) -> None:
        self.model.set_codings(rows)

    def _chosen(self, idx: QModelIndex) -> None:
        c = self.model.coding(idx.row())
        if c is not None:
            self.codingChosen.emit(c.id)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            c = self.model.coding(self.table.currentIndex().row())
            if c is not None:
                self.uncodeRequested.emit(c.id)
                return
        super().keyPressEvent(event)
