"""The retrieval view: every coded segment, filtered by code, coder, document and attribute.

``RetrievalView(ops, parent=None)`` is a self-contained widget (the main window puts it in a
dock or a tab). Filters: a code (with or without its sub-codes), a coder, a document, a case
attribute and value, and a full-text search in the coded passages (applied as you type,
after a short pause). The query runs through the ops runner (``coding.queries.segments``);
the table is a lazy :class:`app.segments_table_model.SegmentsTableModel`, sortable by column.

- Double-click (or Enter on) a row: ``jumpRequested(document_id, start, end)``; the window
  opens the document with the passage selected.
- "Export CSV…" (``export_csv(path)``): all rows of the result with document, speaker, code,
  coder, start, end, passage, context and memo; UTF-8 with BOM (Excel reads æøå), ``;``
  between fields in the Danish UI (Danish Excel) and ``,`` in English.
- It refreshes itself after operations that change codings, codes, documents, coders or
  attributes (``ops.changed``).

Signals: ``jumpRequested(int, int, int)``; ``loaded(int)`` with the number of segments after
each query (tests wait on it); ``exported(int, str)`` after the export button wrote a file
(written on the worker thread, so a large result never blocks the window).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from coding.attributes import attribute_values, list_attributes
from coding.codebook import code_tree, descendant_ids
from coding.documents import list_documents
from coding.project import list_coders
from coding.queries import Segment, SegmentFilter, segments
from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.ops import ChangeSet, OpRunner
from app.segments_table_model import (
    COL_CODE,
    COL_CODER,
    COL_DOCUMENT,
    COL_END,
    COL_MEMO,
    COL_SPEAKER,
    COL_START,
    COL_TEXT,
    SegmentsTableModel,
)
from app.widgets import row_table

CSV_FIELDS = (
    "document", "speaker", "code_path", "coder", "start", "end", "text", "before", "after",
    "memo", "pinned", "created_at", "guid",
)  # fmt: skip
COLUMN_WIDTHS = {
    COL_DOCUMENT: 170, COL_SPEAKER: 70, COL_CODE: 240, COL_CODER: 80, COL_START: 60,
    COL_END: 60, COL_MEMO: 160,
}  # fmt: skip
REFRESH_KINDS = {"codings", "codes", "documents", "coders", "attributes", "memos", "project"}
OPTION_KINDS = {"codes", "documents", "coders", "attributes", "project"}


def load_options(s: Any) -> dict[str, Any]:
    """An op: what the filter boxes offer (plain data)."""
    attrs = [a.name for a in list_attributes(s)]
    return {
        "codes": [(n.id, n.path, n.name, n.depth, n.color) for n in code_tree(s)],
        "coders": [(c.id, c.name) for c in list_coders(s)],
        "documents": [(d.id, d.name) for d in list_documents(s)],
        "attributes": {name: attribute_values(s, name) for name in attrs},
    }


def query_segments(
    code_id: int | None,
    subcodes: bool,
    coder_id: int | None,
    document_id: int | None,
    attribute: tuple[str, str] | None,
    text: str,
) -> Any:
    """An op returning the segments for these filter values."""

    def op(s: Any) -> list[Segment]:
        code_ids = None
        if code_id is not None:
            code_ids = descendant_ids(s, code_id) if subcodes else [code_id]
        return segments(
            s,
            SegmentFilter(attribute=attribute, text=text or None),
            code_ids=code_ids,
            coder_ids=None if coder_id is None else [coder_id],
            document_ids=None if document_id is None else [document_id],
        )

    return op


class RetrievalView(QWidget):
    """Coded segments with filters, search, jump and CSV export.

    Attributes:
        model: the :class:`SegmentsTableModel`.
        table: the QTableView.
        code_box, subcodes_box, coder_box, document_box, attribute_box, value_box,
        search_edit, export_button: the filter and action widgets.

    Signals:
        jumpRequested(int, int, int): document id, start, end of the activated segment.
        loaded(int): a query finished with this many segments.
        exported(int, str): rows written and the CSV path, after "Export CSV…".
    """

    jumpRequested = Signal(int, int, int)
    loaded = Signal(int)
    exported = Signal(int, str)

    def __init__(self, ops: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrievalView")
        self.ops = ops
        self._serial = 0
        self._options: dict[str, Any] = {}
        self._loading_options = False

        self.code_box = self._combo("codeFilter")
        self.subcodes_box = QCheckBox()
        self.subcodes_box.setChecked(True)
        self.coder_box = self._combo("coderFilter")
        self.document_box = self._combo("documentFilter")
        self.attribute_box = self._combo("attributeFilter")
        self.value_box = self._combo("valueFilter")
        self.value_box.setEnabled(False)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("segmentSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._ask_export)
        self.count_label = QLabel()
        self.count_label.setObjectName("segmentCount")

        self.model = SegmentsTableModel(self)
        self.table = row_table("segmentsTable", self.model, multi_select=True)
        self.table.setShowGrid(True)  # many columns of free text read better with a grid
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._sort_clicked)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in COLUMN_WIDTHS.items():
            header.resizeSection(col, width)
        self.table.activated.connect(self._activated)

        self._labels = {
            name: QLabel() for name in ("code", "coder", "document", "attribute", "search")
        }
        for name, buddy in (
            ("code", self.code_box),
            ("coder", self.coder_box),
            ("document", self.document_box),
            ("attribute", self.attribute_box),
            ("search", self.search_edit),
        ):
            self._labels[name].setBuddy(buddy)
        grid = QGridLayout()
        grid.addWidget(self._labels["code"], 0, 0)
        grid.addWidget(self.code_box, 0, 1)
        grid.addWidget(self.subcodes_box, 0, 2)
        grid.addWidget(self._labels["coder"], 0, 3)
        grid.addWidget(self.coder_box, 0, 4)
        grid.addWidget(self._labels["document"], 1, 0)
        grid.addWidget(self.document_box, 1, 1)
        grid.addWidget(self._labels["attribute"], 1, 3)
        attr_row = QHBoxLayout()
        attr_row.addWidget(self.attribute_box, 1)
        attr_row.addWidget(self.value_box, 1)
        grid.addLayout(attr_row, 1, 4)
        grid.addWidget(self._labels["search"], 2, 0)
        grid.addWidget(self.search_edit, 2, 1, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.code_box, self.subcodes_box)
        self.setTabOrder(self.subcodes_box, self.coder_box)
        self.setTabOrder(self.coder_box, self.document_box)
        self.setTabOrder(self.document_box, self.attribute_box)
        self.setTabOrder(self.attribute_box, self.value_box)
        self.setTabOrder(self.value_box, self.search_edit)
        self.setTabOrder(self.search_edit, self.table)
        self.setTabOrder(self.table, self.export_button)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        for box in (self.code_box, self.coder_box, self.document_box, self.value_box):
            box.currentIndexChanged.connect(self._filter_changed)
        self.attribute_box.currentIndexChanged.connect(self._attribute_changed)
        self.subcodes_box.toggled.connect(self._filter_changed)
        ops.changed.connect(self._on_changed)
        self.retranslate()
        self.reload_options()

    @staticmethod
    def _combo(name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(12)
        return box

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the translated texts."""
        self._labels["code"].setText(self.tr("&Code:"))
        self._labels["coder"].setText(self.tr("Code&r:"))
        self._labels["document"].setText(self.tr("&Document:"))
        self._labels["attribute"].setText(self.tr("&Attribute:"))
        self._labels["search"].setText(self.tr("&Find in passages:"))
        self.subcodes_box.setText(self.tr("Include s&ub-codes"))
        self.search_edit.setPlaceholderText(self.tr("Words in the coded passages"))
        self.export_button.setText(self.tr("E&xport CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the rows to a CSV file"))
        self.table.setAccessibleName(self.tr("Coded segments"))
        for box, text in (
            (self.code_box, self.tr("All codes")),
            (self.coder_box, self.tr("All coders")),
            (self.document_box, self.tr("All documents")),
            (self.attribute_box, self.tr("Any attribute")),
            (self.value_box, self.tr("Any value")),
        ):
            if box.count():
                box.setItemText(0, text)
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_count(self) -> None:
        total = self.model.total()
        self.count_label.setText(self.tr("%n segment(s)", "", total))

    # --- filter options -------------------------------------------------------------------

    def reload_options(self) -> None:
        """Read codes, coders, documents and attributes for the filter boxes, then query."""
        self.ops.run(load_options, success=self._options_loaded)

    def _options_loaded(self, options: dict[str, Any]) -> None:
        self._options = options
        self._loading_options = True
        try:
            self._fill(
                self.code_box,
                [
                    ("    " * depth + name, cid, color)
                    for cid, _p, name, depth, color in options["codes"]
                ],
            )
            self.model.set_code_colors({cid: color for cid, _p, _n, _d, color in options["codes"]})
            self._fill(self.coder_box, [(name, cid, None) for cid, name in options["coders"]])
            self._fill(self.document_box, [(name, did, None) for did, name in options["documents"]])
            self._fill(self.attribute_box, [(name, name, None) for name in options["attributes"]])
            self._fill_values()
            self.retranslate()
        finally:
            self._loading_options = False
        self.refresh()

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, Any, str | None]]) -> None:
        from PySide6.QtGui import QColor, QIcon, QPixmap

        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem("", None)
        for text, data, color in items:
            if color:
                pix = QPixmap(12, 12)
                pix.fill(QColor(color))
                box.addItem(QIcon(pix), text, data)
            else:
                box.addItem(text, data)
        index = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def _fill_values(self) -> None:
        name = self.attribute_box.currentData()
        values = self._options.get("attributes", {}).get(name, []) if name else []
        self._fill(self.value_box, [(v, v, None) for v in values])
        self.value_box.setEnabled(bool(name))

    def _attribute_changed(self) -> None:
        self._fill_values()
        self.value_box.setItemText(0, self.tr("Any value"))
        self._filter_changed()

    def _filter_changed(self) -> None:
        if not self._loading_options:
            self.refresh()

    # --- filters as values (also for tests and the main window) ---------------------------

    def set_filters(
        self,
        *,
        code_id: int | None = None,
        coder_id: int | None = None,
        document_id: int | None = None,
        attribute: tuple[str, str] | None = None,
        text: str = "",
        subcodes: bool = True,
    ) -> None:
        """Choose filter values (None / '' = any) and query once."""
        self._loading_options = True
        try:
            self.code_box.setCurrentIndex(max(self.code_box.findData(code_id), 0))
            self.subcodes_box.setChecked(subcodes)
            self.coder_box.setCurrentIndex(max(self.coder_box.findData(coder_id), 0))
            self.document_box.setCurrentIndex(max(self.document_box.findData(document_id), 0))
            name, value = attribute if attribute else (None, None)
            self.attribute_box.setCurrentIndex(max(self.attribute_box.findData(name), 0))
            self._fill_values()
            self.value_box.setCurrentIndex(max(self.value_box.findData(value), 0))
            self.search_edit.blockSignals(True)
            self.search_edit.setText(text)
            self.search_edit.blockSignals(False)
        finally:
            self._loading_options = False
        self.refresh()

    def filters(self) -> dict[str, Any]:
        """The filter values now chosen."""
        attr, value = self.attribute_box.currentData(), self.value_box.currentData()
        return {
            "code_id": self.code_box.currentData(),
            "subcodes": self.subcodes_box.isChecked(),
            "coder_id": self.coder_box.currentData(),
            "document_id": self.document_box.currentData(),
            "attribute": (attr, value) if attr and value is not None else None,
            "text": self.search_edit.text().strip(),
        }

    # --- querying -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Query the segments for the current filters (results of older queries are dropped)."""
        self._search_timer.stop()
        self._serial += 1
        serial = self._serial
        f = self.filters()
        self.ops.run(
            query_segments(
                f["code_id"], f["subcodes"], f["coder_id"], f["document_id"], f["attribute"],
                f["text"],
            ),
            success=lambda rows: self._loaded(serial, rows),
        )  # fmt: skip

    def _loaded(self, serial: int, rows: list[Segment]) -> None:
        if serial != self._serial:
            return
        header = self.table.horizontalHeader()
        self.model.set_segments(rows)
        if header.sortIndicatorSection() >= 0 and self._sorted:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._show_count()
        self.export_button.setEnabled(bool(rows))
        self.loaded.emit(len(rows))

    _sorted = False

    def _sort_clicked(self, section: int) -> None:
        self._sorted = True
        header = self.table.horizontalHeader()
        self.model.sort(section, header.sortIndicatorOrder())

    def _on_changed(self, change: ChangeSet) -> None:
        if change.kinds & OPTION_KINDS:
            self.reload_options()
        elif change.kinds & REFRESH_KINDS:
            self.refresh()

    # --- jump -----------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        seg = self.model.segment(index.row())
        self.jumpRequested.emit(seg.document_id, seg.start, seg.end)

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- export ---------------------------------------------------------------------------

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export segments"), "segments.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        rows, delimiter = self.model.segments(), _delimiter()
        self.export_button.setEnabled(False)
        # Written on the worker thread: a big result never blocks the window.
        self.ops.run(
            lambda _s: write_segments_csv(Path(path), rows, delimiter),
            success=lambda n: self._exported(n, path),
            failure=self._export_failed,
        )

    def _exported(self, n: int, path: str) -> None:
        self.export_button.setEnabled(True)
        self.exported.emit(n, path)

    def _export_failed(self, exc: BaseException) -> None:
        from app.ops import report_error

        self.export_button.setEnabled(True)
        if isinstance(exc, OSError):
            from coding.errors import TematikError

            exc = TematikError(
                self.tr("Cannot write %1: %2")
                .replace("%1", str(exc.filename or ""))
                .replace("%2", exc.strerror or str(exc))
            )
        report_error(exc, parent=self)

    def export_csv(self, path: Path, delimiter: str | None = None) -> int:
        """Write every segment of the result to ``path`` now; returns the number of rows.

        Args:
            path: the CSV file to write.
            delimiter: the field separator (default ``;`` in the Danish UI, else ``,``).
        """
        return write_segments_csv(Path(path), self.model.segments(), delimiter or _delimiter())


def _delimiter() -> str:
    return ";" if i18n.current_language() == "da" else ","


def write_segments_csv(path: Path, rows: list[Segment], delimiter: str = ",") -> int:
    """Write segments as CSV (UTF-8 with BOM, the :data:`CSV_FIELDS` columns); returns the count."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(CSV_FIELDS)
        for seg in rows:
            data = seg.as_json()
            writer.writerow(["" if data[f] is None else data[f] for f in CSV_FIELDS])
    return len(rows)
