"""The Qt item model of the code tree (colours, kinds, counts; drag to move; drop text to code)."""

from __future__ import annotations

from collections.abc import Sequence

from coding.codebook import CodeNode
from coding.workbench import CodebookSnapshot
from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.transcript_view import SPAN_MIME

CODE_MIME = "application/x-tematik-code"
COL_NAME, COL_KIND, COL_COUNT = range(3)
CodeIdRole = Qt.ItemDataRole.UserRole + 1
PathRole = Qt.ItemDataRole.UserRole + 2
_R = Qt.ItemDataRole
# the roles data() answers; views ask for about ten per cell on every repaint
_ROLES = frozenset(int(r) for r in (_R.DisplayRole, _R.DecorationRole, _R.ToolTipRole,
                                    _R.FontRole, _R.ForegroundRole, _R.TextAlignmentRole,
                                    CodeIdRole, PathRole))  # fmt: skip
KIND_LABELS = {"barrier": "Barriere", "motivation": "Motivation", "condition": "Betingelse",
               "other": "Andet"}  # fmt: skip
KIND_COLORS = {"barrier": "#b03a2e", "motivation": "#1e8449", "condition": "#2471a3",
               "other": "#7f8c8d"}  # fmt: skip

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("CodebookModel", text)


def kind_label(kind: str | None) -> str:
    """The display name of a code kind."""
    labels = {
        "barrier": _tr("Barrier"),
        "motivation": _tr("Motivation"),
        "condition": _tr("Condition"),
        "other": _tr("Other"),
    }
    return labels.get(kind or "", "")


class CodebookModel(QAbstractItemModel):
    """Codes as a tree. Internal ids are code ids.

    Signals:
        moveRequested(int, object, object): code id, new parent id (None: top), position.
        spanDropped(int, int, int, int): code id, document id, start, end (text dropped).
    """

    moveRequested = Signal(int, object, object)
    spanDropped = Signal(int, int, int, int)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._nodes: dict[int, CodeNode] = {}
        self._roots: list[int] = []
        self._children: dict[int, list[int]] = {}
        self._row: dict[int, int] = {}
        self._counts: dict[int, int] = {}
        self._by_coder: dict[int, dict[int, int]] = {}
        self._coders: set[int] | None = None
        self._quick: dict[int, int] = {}

    # --- content -----------------------------------------------------------------------------

    def set_snapshot(self, snap: CodebookSnapshot) -> None:
        """Replace the whole tree."""
        self.beginResetModel()
        self._nodes = {n.id: n for n in snap.nodes}
        self._roots = [n.id for n in snap.nodes if n.parent_id is None]
        self._children = {n.id: [c.id for c in n.children] for n in snap.nodes}
        self._row = {}
        for ids in [self._roots, *self._children.values()]:
            for i, cid in enumerate(ids):
                self._row[cid] = i
        self._counts = dict(snap.counts)
        self._by_coder = {k: dict(v) for k, v in snap.counts_by_coder.items()}
        self.endResetModel()

    def set_count_coders(self, coder_ids: set[int] | None) -> None:
        """Count the codings of these coders only (None: all)."""
        self._coders = None if coder_ids is None else set(coder_ids)
        self._counts_changed()

    def set_quick_codes(self, code_ids: Sequence[int]) -> None:
        """The codes on the number keys 1-9 (shown beside their names)."""
        old = set(self._quick)
        self._quick = {cid: i + 1 for i, cid in enumerate(code_ids[:9])}
        for cid in old | set(self._quick):
            idx = self.index_of(cid)
            if idx.isValid():
                self.dataChanged.emit(idx, idx)

    def bump(self, code_id: int, coder_id: int, delta: int) -> None:
        """Adjust a count after a coding was added (+1) or removed (-1)."""
        per = self._by_coder.setdefault(code_id, {})
        per[coder_id] = max(per.get(coder_id, 0) + delta, 0)
        idx = self.index_of(code_id, COL_COUNT)
        while idx.isValid():
            self.dataChanged.emit(idx, idx)
            idx = (
                idx.parent().siblingAtColumn(COL_COUNT) if idx.parent().isValid() else QModelIndex()
            )

    def _counts_changed(self) -> None:
        for cid in self._nodes:
            idx = self.index_of(cid, COL_COUNT)
            if idx.isValid():
                self.dataChanged.emit(idx, idx)

    def count(self, code_id: int, *, subtree: bool = False) -> int:
        """Codings of a code by the counted coders (with sub-codes when ``subtree``)."""
        per = self._by_coder.get(code_id, {})
        n = sum(v for k, v in per.items() if self._coders is None or k in self._coders)
        if subtree:
            n += sum(self.count(c, subtree=True) for c in self._children.get(code_id, []))
        return n

    def node(self, code_id: int) -> CodeNode | None:
        return self._nodes.get(code_id)

    def nodes(self) -> list[CodeNode]:
        """All codes in tree order."""
        return list(self._nodes.values())

    def index_of(self, code_id: int, column: int = COL_NAME) -> QModelIndex:
        """The index of a code."""
        node = self._nodes.get(code_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(self._row[code_id], column, code_id)

    def code_id(self, index: _Index) -> int | None:
        return index.internalId() if index.isValid() else None  # type: ignore[return-value]

    # --- structure ----------------------------------------------------------------------------

    def _kids(self, parent: _Index) -> list[int]:
        if not parent.isValid():
            return self._roots
        return self._children.get(parent.internalId(), [])

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= 3 or row < 0:
            return QModelIndex()
        kids = self._kids(parent)
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._nodes.get(index.internalId())
        if node is None or node.parent_id is None:
            return QModelIndex()
        return self.createIndex(self._row[node.parent_id], 0, node.parent_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._kids(parent))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_tr("Code"), _tr("Kind"), _tr("Codings"))[section] if 0 <= section < 3 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if int(role) not in _ROLES or not index.isValid():
            return None
        node = self._nodes.get(index.internalId())
        if node is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                q = self._quick.get(node.id)
                return f"{node.name}  [{q}]" if q else node.name
            if col == COL_KIND:
                return kind_label(node.kind) if node.parent_id is None else ""
            n = self.count(node.id, subtree=not node.codable)
            return str(n) if n else ""
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME:
            return QColor(node.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = node.path
            if node.kind:
                tip += f"\n{kind_label(node.kind)}"
            if not node.codable:
                tip += "\n" + _tr("Category (code the codes below it)")
            return tip
        if role == Qt.ItemDataRole.FontRole and node.parent_id is None:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_KIND and node.kind:
                return QBrush(QColor(KIND_COLORS.get(node.kind, "#555555")))
            if col == COL_COUNT:
                return QBrush(QColor("#5b6370"))
            if not node.codable and col == COL_NAME and node.parent_id is not None:
                return QBrush(QColor("#5b6370"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CodeIdRole:
            return node.id
        if role == PathRole:
            return node.path
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    # --- drag and drop ------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, SPAN_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = [i.internalId() for i in indexes if i.isValid() and i.column() == 0]
        if ids:
            mime.setData(CODE_MIME, QByteArray(str(ids[0]).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:  # fmt: skip
        if data.hasFormat(SPAN_MIME):
            return parent.isValid()
        return data.hasFormat(CODE_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:  # fmt: skip
        """A code dropped here asks to move it (the window runs the undoable command); text
        dropped on a code asks to code it. Returns False: the tree is reloaded afterwards."""
        if data.hasFormat(SPAN_MIME):
            if not parent.isValid():
                return False
            doc, start, end = (
                int(x) for x in bytes(data.data(SPAN_MIME).data()).decode().split(":")
            )
            self.spanDropped.emit(parent.internalId(), doc, start, end)
            return False
        if not data.hasFormat(CODE_MIME):
            return False
        code_id = int(bytes(data.data(CODE_MIME).data()).decode())
        new_parent = parent.internalId() if parent.isValid() else None
        position = row if row >= 0 else None
        node = self._nodes.get(code_id)
        if node is None or new_parent == code_id:
            return False
        if position is not None and node.parent_id == new_parent and self._row[code_id] < position:
            position -= 1  # the code leaves its old place above the drop row
        self.moveRequested.emit(code_id, new_parent, position)
        return False
