"""The document browser: documents with their attributes and each coder's coding progress."""

from __future__ import annotations

from coding.workbench import CoderInfo, DocumentRow
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.widgets import row_table

_Index = QModelIndex | QPersistentModelIndex
DocIdRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2  # 0..1 of the busiest document, for coder columns


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentBrowser", text)


def progress_scale(busiest: int) -> int:
    """The count a full progress bar stands for: the busiest document's count, rounded up
    to two significant digits above 20 (so one more coding rarely rescales every bar)."""
    if busiest <= 20:
        return max(busiest, 1)
    step = 10 ** (len(str(busiest)) - 2)
    return -(-busiest // step) * step


class DocumentTableModel(QAbstractTableModel):
    """Columns: document, one per coder (codings), then one per attribute."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[DocumentRow] = []
        self._coders: list[CoderInfo] = []
        self._attrs: list[str] = []
        self._max = 1
        self._scale = 1
        self._row_of: dict[int, int] = {}

    def set_data(self, rows: list[DocumentRow], coders: list[CoderInfo]) -> None:
        """Replace everything."""
        self.beginResetModel()
        self._rows = list(rows)
        # analysts always; supervisors and consensus only once they have coded something
        self._coders = [c for c in coders if c.role == "analyst" or any(c.id in r.codings_by_coder for r in rows)]  # fmt: skip
        attrs: list[str] = []
        for r in rows:
            for a in r.attributes:
                if a not in attrs:
                    attrs.append(a)
        self._attrs = attrs
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._recompute_max()
        self.endResetModel()

    def _recompute_max(self) -> None:
        self._max = max([n for r in self._rows for n in r.codings_by_coder.values()] + [1])
        self._scale = progress_scale(self._max)

    def bump(self, document_id: int, coder_id: int, delta: int) -> bool:
        """Adjust a count after a coding was added or removed: repaints that one cell (all
        coder cells only when the bars' scale steps, about every 5% of growth).

        Returns False when the coder has no column yet (the caller reloads the rows)."""
        i = self._row_of.get(document_id)
        if i is None:
            return False
        r = self._rows[i]
        r.codings_by_coder[coder_id] = max(r.codings_by_coder.get(coder_id, 0) + delta, 0)
        old = self._scale
        self._recompute_max()
        cols = self.coder_columns()
        col = next((c for c in cols if self._coders[c - 1].id == coder_id), None)
        if old != self._scale and len(cols):
            self.dataChanged.emit(self.index(0, cols[0]), self.index(len(self._rows) - 1, cols[-1]))  # fmt: skip
        elif col is not None:
            self.dataChanged.emit(self.index(i, col), self.index(i, col))
        return col is not None

    def coder_columns(self) -> range:
        return range(1, 1 + len(self._coders))

    def attribute_columns(self) -> range:
        start = 1 + len(self._coders)
        return range(start, start + len(self._attrs))

    def row_of(self, document_id: int) -> int:
        """The row of a document (-1: not listed)."""
        return self._row_of.get(document_id, -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(self._coders) + len(self._attrs)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # fmt: skip
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return _tr("Document")
            if section - 1 < len(self._coders):
                return self._coders[section - 1].name
            k = section - 1 - len(self._coders)
            return self._attrs[k] if 0 <= k < len(self._attrs) else None
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section <= len(self._coders):
            return _tr("Codings by {name}").format(name=self._coders[section - 1].name)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        ncoders = len(self._coders)
        if role == DocIdRole:
            return r.id
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return r.name
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [f"<b>{r.name}</b>", f"{r.format} · {r.char_count:,} " + _tr("characters")]
                lines += [f"{k}: {v}" for k, v in r.attributes.items()]
                return "<br>".join(lines)
            return None
        if col <= ncoders:
            n = r.codings_by_coder.get(self._coders[col - 1].id, 0)
            if role == Qt.ItemDataRole.DisplayRole:
                return str(n)
            if role == Qt.ItemDataRole.EditRole:
                return n
            if role == ProgressRole:
                return min(n / self._scale, 1.0)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        k = col - 1 - ncoders
        if role == Qt.ItemDataRole.DisplayRole and 0 <= k < len(self._attrs):
            return r.attributes.get(self._attrs[k], "")
        return None


class ProgressDelegate(QStyledItemDelegate):
    """Draws a coder's count over a thin bar (share of the busiest document)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        frac = index.data(ProgressRole)
        if isinstance(frac, float):
            r: QRect = option.rect.adjusted(4, option.rect.height() - 6, -4, -3)
            painter.save()
            painter.fillRect(r, QColor("#e6e9ee"))
            painter.fillRect(
                QRect(r.left(), r.top(), int(r.width() * frac), r.height()), QColor("#4a90c2")
            )
            painter.restore()
        super().paint(painter, option, index)


class DocumentBrowser(QWidget):
    """Filterable table of documents.

    Signals:
        documentActivated(int): a document chosen (click or Enter).
    """

    documentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(_tr("Filter documents…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = row_table("documentTable", self.proxy, _tr("Documents"), parent=self)
        self.table.setSortingEnabled(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps "…_kommunen", "… 12"
        self._delegate = ProgressDelegate(self.table)
        self.table.clicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)

    def set_data(self, rows: list[DocumentRow], coders: list[CoderInfo]) -> None:
        current = self.current_document_id()
        self.model.set_data(rows, coders)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in self.model.coder_columns():
            self.table.setItemDelegateForColumn(c, self._delegate)
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            fm = self.table.fontMetrics()
            name = str(self.model.headerData(c, Qt.Orientation.Horizontal))
            h.resizeSection(c, max(fm.horizontalAdvance("9999"), fm.horizontalAdvance(name)) + 16)
        for c in self.model.attribute_columns():
            self.table.setColumnHidden(c, True)  # in the tooltip; shown on demand
        if current is not None:
            self.select_document(current)

    def show_attribute_columns(self, on: bool) -> None:
        for c in self.model.attribute_columns():
            self.table.setColumnHidden(c, not on)

    def current_document_id(self) -> int | None:
        idx = self.table.currentIndex()
        return idx.data(DocIdRole) if idx.isValid() else None

    def select_document(self, document_id: int) -> None:
        row = self.model.row_of(document_id)
        if row >= 0:
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.setCurrentIndex(idx)

    def _activated(self, idx: QModelIndex) -> None:
        doc_id = idx.data(DocIdRole)
        if doc_id is not None:
            self.documentActivated.emit(int(doc_id))
