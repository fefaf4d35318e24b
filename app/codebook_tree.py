"""The codebook panel: a filter box over the code tree (colours, kinds, counts).

Double-click a code to code the selection; drag a code to reorganise the tree (undoable);
drop selected transcript text on a code to code it.
"""

from __future__ import annotations

from coding.workbench import CodebookSnapshot
from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.codebook_table_model import COL_COUNT, COL_KIND, COL_NAME, CodebookModel, kind_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("CodebookPanel", text)


class CodebookPanel(QWidget):
    """Filter box + tree.

    Signals:
        codeActivated(int): a code double-clicked (or Enter).
        currentCodeChanged(int): the selected code (-1: none).
    """

    codeActivated = Signal(int)
    currentCodeChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CodebookModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(COL_NAME)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(_tr("Filter codes…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(_tr("Filter codes"))
        self.filter.textChanged.connect(self._on_filter)
        self.tree = QTreeView(self)
        self.tree.setObjectName("codebookTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(_tr("Codebook"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # fixed widths: ResizeToContents would measure every row on each count change
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.Fixed)
        fm = self.tree.fontMetrics()
        bold = QFont(self.tree.font())
        bold.setBold(True)  # the kinds stand on the bold top-level rows
        kinds = [kind_label(k) for k in ("barrier", "motivation", "condition", "other")]
        header.resizeSection(
            COL_KIND, max(QFontMetrics(bold).horizontalAdvance(k) for k in kinds) + 14
        )
        count_header = str(self.model.headerData(COL_COUNT, Qt.Orientation.Horizontal))
        header.resizeSection(
            COL_COUNT, max(fm.horizontalAdvance(count_header), fm.horizontalAdvance("99999")) + 14
        )
        self.tree.setIndentation(max(14, fm.horizontalAdvance("M") + 4))
        self.tree.doubleClicked.connect(self._on_double_click)
        self.tree.activated.connect(self._on_double_click)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)

    def set_snapshot(self, snap: CodebookSnapshot) -> None:
        """Show a new tree, keeping expansion, selection and filter."""
        expanded = {cid for cid in self._all_ids() if self.tree.isExpanded(self._view_index(cid))}
        first = not self.model.nodes()
        current = self.current_code_id()
        self.model.set_snapshot(snap)
        if first:
            self.tree.expandAll()
        else:
            for cid in expanded:
                self.tree.expand(self._view_index(cid))
        if current is not None:
            self.select_code(current)

    def _all_ids(self) -> list[int]:
        return [n.id for n in self.model.nodes()]

    def _view_index(self, code_id: int) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(code_id))

    def current_code_id(self) -> int | None:
        """The selected code."""
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return None
        return self.model.code_id(self.proxy.mapToSource(idx))

    def select_code(self, code_id: int) -> None:
        idx = self._view_index(code_id)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.scrollTo(idx)

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def _on_double_click(self, idx: QModelIndex) -> None:
        cid = self.model.code_id(self.proxy.mapToSource(idx))
        if cid is not None:
            self.codeActivated.emit(cid)

    def _on_current(self, idx: QModelIndex, _prev: QModelIndex) -> None:
        cid = self.model.code_id(self.proxy.mapToSource(idx)) if idx.isValid() else None
        self.currentCodeChanged.emit(-1 if cid is None else cid)
