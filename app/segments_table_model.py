"""A lazy table model of coded segments (``coding.queries.Segment``) for the retrieval view.

The segments of a query are handed over whole (the database cut their text and context), but
the view sees them in batches of :attr:`SegmentsTableModel.BATCH` rows through Qt's
``canFetchMore`` / ``fetchMore``: a result of 50,000 codings costs the view only the rows
scrolled to. Sorting is done by the model itself over all rows (so it is right even before
every row has been fetched).

Columns: document, speaker, code, coder, passage, start, end, memo. Roles: ``DisplayRole``
(the passage folded to one line), ``ToolTipRole`` (the passage in its context),
``DecorationRole`` (the code's colour in the code column), :data:`SEGMENT_ROLE` (the
Segment itself) and ``Qt.ItemDataRole.UserRole`` (the coding id).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coding.queries import Segment
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

SEGMENT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
COL_DOCUMENT, COL_SPEAKER, COL_CODE, COL_CODER, COL_TEXT, COL_START, COL_END, COL_MEMO = range(8)
_HEADERS = (
    QT_TRANSLATE_NOOP("SegmentsTableModel", "Document"),
    QT_TRANSLATE_NOOP("SegmentsTableModel", "Speaker"),
    QT_TRANSLATE_NOOP("SegmentsTableModel", "Code"),
    QT_TRANSLATE_NOOP("SegmentsTableModel", "Coder"),
    QT_TRANSLATE_NOOP("SegmentsTableModel", "Passage"),
    QT_TRANSLATE_NOOP("SegmentsTableModel", "Start"),
    QT_TRANSLATE_NOOP("SegmentsTableModel", "End"),
    QT_TRANSLATE_NOOP("SegmentsTableModel", "Memo"),
)
_SORT_KEYS = {
    COL_DOCUMENT: lambda s: (s.document.casefold(), s.start),
    COL_SPEAKER: lambda s: ((s.speaker or "").casefold(), s.document.casefold(), s.start),
    COL_CODE: lambda s: (s.code_path.casefold(), s.document.casefold(), s.start),
    COL_CODER: lambda s: (s.coder.casefold(), s.document.casefold(), s.start),
    COL_TEXT: lambda s: s.text.strip().casefold(),
    COL_START: lambda s: (s.start, s.document.casefold()),
    COL_END: lambda s: (s.end, s.document.casefold()),
    COL_MEMO: lambda s: (s.memo.casefold(), s.document.casefold(), s.start),
}
Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str, limit: int = 300) -> str:
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 1] + "…"


class SegmentsTableModel(QAbstractTableModel):
    """Coded segments, shown lazily in batches.

    Attributes:
        BATCH: rows added per ``fetchMore``.
    """

    BATCH = 256

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Segment] = []
        self._shown = 0
        self._colors: dict[int, QColor] = {}

    # --- data in --------------------------------------------------------------------------

    def set_segments(self, segments: Sequence[Segment]) -> None:
        """Replace the rows; the first batch is shown, the rest fetched on demand."""
        self.beginResetModel()
        self._all = list(segments)
        self._shown = min(self.BATCH, len(self._all))
        self.endResetModel()

    def set_code_colors(self, colors: dict[int, str]) -> None:
        """Code id → ``#rrggbb``, for the colour swatch in the code column."""
        self._colors = {k: QColor(v) for k, v in colors.items()}
        if self._shown:
            self.dataChanged.emit(
                self.index(0, COL_CODE),
                self.index(self._shown - 1, COL_CODE),
                [Qt.ItemDataRole.DecorationRole],
            )

    def segments(self) -> list[Segment]:
        """All segments of the result, fetched or not, in the current order."""
        return list(self._all)

    def segment(self, row: int) -> Segment:
        """The segment shown in ``row``."""
        return self._all[row]

    def total(self) -> int:
        """The number of segments in the result (rows fetched or not)."""
        return len(self._all)

    # --- lazy rows ------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = min(self.BATCH, len(self._all) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # --- the model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(_HEADERS):
                return QCoreApplication.translate("SegmentsTableModel", _HEADERS[section])
            return None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        seg = self._all[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(seg, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TEXT:
                return f"…{seg.before}[{seg.text}]{seg.after}…"
            if col == COL_MEMO:
                return seg.memo or None
            return self._display(seg, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_CODE:
            return self._colors.get(seg.code_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_START, COL_END):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return seg.coding_id
        if role == SEGMENT_ROLE:
            return seg
        return None

    @staticmethod
    def _display(seg: Segment, col: int) -> Any:
        if col == COL_DOCUMENT:
            return seg.document
        if col == COL_SPEAKER:
            return seg.speaker or ""
        if col == COL_CODE:
            return seg.code_path
        if col == COL_CODER:
            return seg.coder
        if col == COL_TEXT:
            return _one_line(seg.text)
        if col == COL_START:
            return seg.start
        if col == COL_END:
            return seg.end
        if col == COL_MEMO:
            return _one_line(seg.memo, 120)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort all rows (not only those fetched) by ``column``."""
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        self.beginResetModel()  # rows move everywhere: a reset keeps views consistent
        self._all.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()
