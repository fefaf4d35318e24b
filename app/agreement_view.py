"""The supervisor view: inter-coder agreement, disagreements in context, and adjudication.

Choose coders, documents, codes and unit; the comparison runs as a background job with
progress (``window.jobs``). The result is a codes x statistics table with Krippendorff's colour
bands on the alpha columns (green reliable α ≥ 0.800, amber tentative ≥ 0.667, red below).
Clicking a code drills down to the side-by-side list of disagreements between coders A and B
(all codes when the Overall row is chosen); selecting one opens the document at the place.
The buttons accept A / accept B / both / neither / edit the span, building the consensus
coder's codings; each decision is one undoable command on the window's undo stack (when
there is one) and the progress (decided / total) is shown.

``install(window)`` adds the view as a dock with a Tools menu entry (see ``app/plugins.py``).
All database work runs through ``coding/`` services on the ops thread or in a job.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from coding.compare.adjudicate import (
    adjudication_progress,
    adopt_agreements,
    decide,
    undo_decision,
)
from coding.compare.compare import (
    RELIABLE,
    TENTATIVE,
    AgreementReport,
    Choices,
    Disagreement,
    compare_coders,
    comparison_choices,
    disagreements,
    verdict,
)
from coding.project import transaction
from models.db import Database
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ops import OpRunner

Index = QModelIndex | QPersistentModelIndex
BAND_COLOURS = {
    "reliable": QColor("#b9e4bd"),
    "tentative": QColor("#ffe2a8"),
    "unreliable": QColor("#f7b9b9"),
}
ALPHA_COLUMNS = ("char_alpha", "turn_alpha", "u_alpha", "cu_alpha")
PERCENT_COLUMNS = ("char_percent", "coded_share", "coded_agreement", "seg_percent", "turn_percent")
UNITS = ("all", "character", "segment", "turn")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementView", text)


def stat_label(key: str) -> str:
    """Column header of a statistic."""
    return {
        "char_percent": _tr("Char. %"),
        "char_kappa": _tr("Char. κ"),
        "char_alpha": _tr("Char. α"),
        "coded_share": _tr("Coded %"),
        "coded_agreement": _tr("Agree on coded %"),
        "seg_percent": _tr("Segment %"),
        "turn_percent": _tr("Turn %"),
        "turn_kappa": _tr("Turn κ"),
        "turn_alpha": _tr("Turn α"),
        "turn_alpha_low": _tr("Turn α low"),
        "turn_alpha_high": _tr("Turn α high"),
        "u_alpha": _tr("uα"),
        "cu_alpha": _tr("cuα"),
        "verdict": _tr("Verdict"),
    }.get(key, key)


def verdict_label(v: str) -> str:
    return {
        "reliable": _tr("reliable"),
        "tentative": _tr("tentative"),
        "unreliable": _tr("unreliable"),
        "undefined": _tr("undefined"),
    }[v]


def unit_label(unit: str) -> str:
    """The name of a unit of comparison, as in the Unit box."""
    return {
        "character": _tr("Character"),
        "segment": _tr("Segment"),
        "turn": _tr("Speaker turn"),
    }.get(unit, unit)


def treatment_text(unit: str, min_overlap: float, fallback: str = "") -> str:
    """How a unit treats uncoded text, in the UI language (``fallback``: the report's text)."""
    texts = {
        "character": _tr(
            "Every character of a compared document is a unit for every code. Characters that "
            "no coder coded with a code count as agreement: percent agreement is inflated by "
            "long uncoded stretches; kappa and alpha correct for chance agreement. 'Coded %' is "
            "the share of text coded by anyone, 'Agree on coded %' the agreement restricted to "
            "text coded by at least one coder."
        ),
        "segment": _tr(
            "Only coded segments are units; uncoded text plays no part. A segment agrees when "
            "another coder applied the same code to one segment overlapping at least {p} % of it."
        ).format(p=round(100 * min_overlap)),
        "turn": _tr(
            "Every speaker turn is a unit for every code (code present or absent). Turns no "
            "coder coded with a code count as agreement on absence; kappa and alpha correct for "
            "chance. Documents without speaker turns are left out."
        ),
    }
    return texts.get(unit, fallback)


def _fmt(key: str, value: float) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return f"{100 * value:.1f}" if key in PERCENT_COLUMNS else f"{value:.3f}"


class AgreementTableModel(QAbstractTableModel):
    """Codes x statistics; the last row is Overall, the last column the verdict in words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cols: list[str] = []
        self._rows: list[tuple[int | None, str, dict[str, float]]] = []

    def set_report(self, report: AgreementReport | None) -> None:
        self.beginResetModel()
        if report is None:
            self._cols, self._rows = [], []
        else:
            cols, self._rows = report.summary()
            self._cols = [c for c in cols if c not in ("turn_alpha_low", "turn_alpha_high")]
            self._cols.append("verdict")
        self.endResetModel()

    def columns(self) -> list[str]:
        return list(self._cols)

    def code_id(self, row: int) -> int | None:
        """The code of a row (None for Overall)."""
        return self._rows[row][0]

    def main_alpha(self, row: int) -> float:
        """The alpha the verdict is taken from: uα, else char α, else turn α."""
        values = self._rows[row][2]
        for key in ("u_alpha", "char_alpha", "turn_alpha", "cu_alpha"):
            v = values.get(key, math.nan)
            if math.isfinite(v):
                return v
        return math.nan

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else (1 + len(self._cols) if self._cols else 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        cid, label, values = self._rows[index.row()]
        col = index.column()
        key = "code" if col == 0 else self._cols[col - 1]
        if key == "code":
            if role == Qt.ItemDataRole.DisplayRole:
                return label if cid is not None else _tr("Overall")
            if role == Qt.ItemDataRole.UserRole:
                return cid
            return None
        if key == "verdict":
            v = verdict(self.main_alpha(index.row()))
            if role == Qt.ItemDataRole.DisplayRole:
                return verdict_label(v)
            if role == Qt.ItemDataRole.BackgroundRole and v in BAND_COLOURS:
                return QBrush(BAND_COLOURS[v])
            if role == Qt.ItemDataRole.UserRole:
                return v
            return None
        value = values.get(key, math.nan)
        if role == Qt.ItemDataRole.DisplayRole:
            text = _fmt(key, value)
            if key == "turn_alpha" and math.isfinite(values.get("turn_alpha_low", math.nan)):
                text += f" [{values['turn_alpha_low']:.2f}, {values['turn_alpha_high']:.2f}]"
            return text
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if key in ALPHA_COLUMNS and math.isfinite(value):
            v = verdict(value)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(BAND_COLOURS[v])
            if role == Qt.ItemDataRole.ToolTipRole:
                return verdict_label(v)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        if section == 0:
            return _tr("Code")
        if 0 < section <= len(self._cols):
            return stat_label(self._cols[section - 1])
        return None


class DisagreementModel(QAbstractTableModel):
    """Disagreements side by side: document, code, kind, coder A's text, coder B's text,
    decision. ``set_code_filter`` shows only one code's places."""

    COLUMNS = ("document", "code", "kind", "a", "b", "decision")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Disagreement] = []
        self._shown: list[Disagreement] = []
        self._code: int | None = None
        self.names = ("A", "B")

    def set_items(self, items: list[Disagreement], names: tuple[str, str]) -> None:
        self.beginResetModel()
        self._all = list(items)
        self.names = names
        self._apply()
        self.endResetModel()

    def set_code_filter(self, code_id: int | None) -> None:
        self.beginResetModel()
        self._code = code_id
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        c = self._code
        self._shown = [i for i in self._all if c is None or c in (i.code_id, i.other_code_id)]

    def items(self) -> list[Disagreement]:
        return list(self._shown)

    def all_items(self) -> list[Disagreement]:
        return list(self._all)

    def item(self, row: int) -> Disagreement:
        return self._shown[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        it = self._shown[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "document":
                return it.document
            if key == "code":
                return it.code_path + (f" / {it.other_code_path}" if it.other_code_path else "")
            if key == "kind":
                return {
                    "only_a": _tr("only {a}").format(a=self.names[0]),
                    "only_b": _tr("only {b}").format(b=self.names[1]),
                    "boundaries": _tr("different boundaries"),
                    "code": _tr("different code"),
                }[it.kind]
            if key == "a":
                return " ".join(it.a_text.split()) or "—"
            if key == "b":
                return " ".join(it.b_text.split()) or "—"
            return {
                None: "",
                "a": _tr("accept {a}").format(a=self.names[0]),
                "b": _tr("accept {b}").format(b=self.names[1]),
                "both": _tr("both"),
                "neither": _tr("neither"),
                "edited": _tr("edited"),
            }.get(it.decision, it.decision or "")
        if role == Qt.ItemDataRole.ToolTipRole and key in ("a", "b"):
            return f"…{it.before}[{it.a_text if key == 'a' else it.b_text}]{it.after}…"
        if role == Qt.ItemDataRole.BackgroundRole and key == "decision" and it.decision:
            return QBrush(BAND_COLOURS["reliable"])
        if role == Qt.ItemDataRole.UserRole:
            return it.key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        if 0 <= section < len(self.COLUMNS):
            return {
                "document": _tr("Document"),
                "code": _tr("Code"),
                "kind": _tr("Kind"),
                "a": self.names[0],
                "b": self.names[1],
                "decision": _tr("Decision"),
            }[self.COLUMNS[section]]
        return None


class SpanDialog(QDialog):
    """Edit the consensus span (code points) of a disagreement."""

    def __init__(self, item: Disagreement, length_hint: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("Edit the span"))
        form = QFormLayout(self)
        self.start = QSpinBox(self)
        self.end = QSpinBox(self)
        for box in (self.start, self.end):
            box.setRange(0, max(length_hint, item.end + 10_000))
        self.start.setValue(item.start)
        self.end.setValue(item.end)
        form.addRow(_tr("Start"), self.start)
        form.addRow(_tr("End"), self.end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def span(self) -> tuple[int, int]:
        return self.start.value(), self.end.value()


class AgreementView(QWidget):
    """The supervisor's agreement and adjudication panel.

    Signals:
        reportShown(object): a comparison finished and is shown (the AgreementReport).
        itemsLoaded(): the disagreements list was (re)loaded.
    """

    reportShown = Signal(object)
    itemsLoaded = Signal()
    choicesLoaded = Signal()

    def __init__(
        self,
        db: Database,
        ops: OpRunner,
        jobs: Any,
        *,
        undo_stack: Any = None,
        current_coder_id: Callable[[], int | None] | None = None,
        open_document: Callable[..., None] | None = None,
        selection: Callable[[], tuple[int, int] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ops = ops
        self.jobs = jobs
        self.undo_stack = undo_stack
        self._current_coder_id = current_coder_id or (lambda: None)
        self._open_document = open_document
        self._selection = selection
        self.report: AgreementReport | None = None
        self.choices: Choices | None = None
        self.decided = (0, 0)
        self._pair: tuple[int, int] | None = None
        self._filters: tuple[list[int] | None, list[int] | None] = (None, None)
        self._overlap = 0.9
        self._build()
        self.retranslate()
        self.reload_choices()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.coders = QListWidget(self)
        self.documents = QListWidget(self)
        self.codes = QListWidget(self)
        for w in (self.coders, self.documents, self.codes):
            w.setMaximumHeight(90)
        self.unit = QComboBox(self)
        self.unit.addItems(["", "", "", ""])
        self.min_overlap = QDoubleSpinBox(self)
        self.min_overlap.setRange(0.05, 1.0)
        self.min_overlap.setSingleStep(0.05)
        self.min_overlap.setValue(0.9)
        self.run_button = QPushButton(self)
        self.run_button.clicked.connect(self.run)
        self.choose_label = [QLabel(self) for _ in range(5)]

        pick = QHBoxLayout()
        for label, w in zip(
            self.choose_label[:3], (self.coders, self.documents, self.codes), strict=True
        ):
            col = QVBoxLayout()
            col.addWidget(label)
            col.addWidget(w)
            pick.addLayout(col)
        opts = QHBoxLayout()
        opts.addWidget(self.choose_label[3])
        opts.addWidget(self.unit)
        opts.addWidget(self.choose_label[4])
        opts.addWidget(self.min_overlap)
        opts.addStretch(1)
        opts.addWidget(self.run_button)

        self.model = AgreementTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.clicked.connect(self._on_stat_clicked)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # the explanation may run to several lines: it scrolls, so the table keeps its height
        self.notes_area = QScrollArea(self)
        self.notes_area.setWidget(self.notes)
        self.notes_area.setWidgetResizable(True)
        self.notes_area.setFrameShape(QFrame.Shape.NoFrame)
        self.notes_area.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 8)

        self.items_model = DisagreementModel(self)
        self.items_view = QTableView(self)
        self.items_view.setModel(self.items_model)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setWordWrap(True)
        head = self.items_view.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(False)
        # the two coders' texts get the room; document, code and kind stay readable
        for col, width in enumerate((150, 220, 140, 0, 0, 110)):
            if width:
                head.resizeSection(col, width)
            else:
                head.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.items_view.selectionModel().currentRowChanged.connect(self._on_item_changed)
        self.context = QTextBrowser(self)
        self.context.setMaximumHeight(120)
        self.context.setOpenLinks(False)

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for decision in ("a", "b", "both", "neither", "edited"):
            b = QPushButton(self)
            b.clicked.connect(lambda _=False, d=decision: self.decide_current(d))
            self.buttons[decision] = b
            row.addWidget(b)
        for key, decision in (("A", "a"), ("B", "b"), ("O", "both"), ("N", "neither"), ("E", "edited")):  # fmt: skip
            sc = QShortcut(QKeySequence(key), self.items_view)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(lambda d=decision: self.decide_current(d))
        self.adopt_button = QPushButton(self)
        self.adopt_button.clicked.connect(self.adopt)
        row.addWidget(self.adopt_button)
        self.progress = QProgressBar(self)
        self.progress.setFormat("%v / %m")
        row.addWidget(self.progress, 1)

        top = QWidget(self)
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(pick)
        tl.addLayout(opts)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.notes_area)
        bottom = QWidget(self)
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        self.items_label = QLabel(self)
        bl.addWidget(self.items_label)
        bl.addWidget(self.items_view, 1)
        bl.addWidget(self.context)
        bl.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)  # the figures table gets the larger share
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._set_buttons_enabled(False)

    def retranslate(self) -> None:
        texts = (_tr("Coders"), _tr("Documents"), _tr("Codes"), _tr("Unit"), _tr("Min. overlap"))
        for label, text in zip(self.choose_label, texts, strict=True):
            label.setText(text)
        for i, text in enumerate(
            (_tr("All units"), _tr("Character"), _tr("Segment"), _tr("Speaker turn"))
        ):
            self.unit.setItemText(i, text)
        a, b = self.items_model.names if hasattr(self, "items_model") else ("A", "B")
        # the keys (as in the suggestions queue) work while the disagreements list has focus
        self.buttons["a"].setText(_tr("Accept {a} (A)").format(a=a))
        self.buttons["b"].setText(_tr("Accept {b} (B)").format(b=b))
        self.buttons["both"].setText(_tr("Both (O)"))
        self.buttons["neither"].setText(_tr("Neither (N)"))
        self.buttons["edited"].setText(_tr("Edit span… (E)"))
        self.adopt_button.setText(_tr("Copy agreements to consensus"))
        self.run_button.setText(_tr("Co&mpare"))
        self.context.setPlaceholderText(
            _tr("Choose a disagreement above to see both coders' text in context.")
        )
        if self.report is None:
            self.notes.setText(
                _tr("Choose the coders (at least two), the documents and the codes, then "
                    "press Compare. Click a code's row to see only its disagreements.")
            )  # fmt: skip
        else:
            self._show_notes()
        self._update_items_label()
        self.notes.setToolTip(
            _tr("Colour bands: α ≥ {r} reliable (green), ≥ {t} tentative (amber), below "
                "unreliable (red) — Krippendorff's guidance.").format(r=RELIABLE, t=TENTATIVE)
        )  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- choices ---------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Load coders, documents and codes (ops thread)."""
        self.ops.run(comparison_choices, success=self._set_choices)

    def _set_choices(self, choices: Choices) -> None:
        self.choices = choices
        checked = {i.data(Qt.ItemDataRole.UserRole) for i in self._checked(self.coders)}
        analysts = [c for c in choices.coders if c[2] == "analyst"]
        if not checked:
            checked = {c[0] for c in (analysts or choices.coders)[:2]}
        self._fill(self.coders, [(c[0], c[1]) for c in choices.coders], checked)
        # keep the supervisor's choice of documents and codes; new ones come checked
        self._fill(self.documents, choices.documents, unchecked=self._unchecked(self.documents))
        self._fill(self.codes, choices.codes, unchecked=self._unchecked(self.codes))
        self.choicesLoaded.emit()

    @staticmethod
    def _unchecked(w: QListWidget) -> set[int]:
        return {
            w.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(w.count())
            if w.item(i).checkState() != Qt.CheckState.Checked
        }

    @staticmethod
    def _fill(
        w: QListWidget,
        rows: list[tuple[int, str]],
        checked: set[int] | None = None,
        unchecked: set[int] | None = None,
    ) -> None:
        """Fill a checkable list: ``checked`` ids on (others off), or all on except
        ``unchecked``."""
        w.clear()
        for ident, name in rows:
            item = QListWidgetItem(name, w)
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = ident in checked if checked is not None else ident not in (unchecked or set())
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(w: QListWidget) -> list[QListWidgetItem]:
        return [
            w.item(i) for i in range(w.count()) if w.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, which: str, ids: set[int]) -> None:
        """Check exactly these ids in "coders", "documents" or "codes" (tests, scripting)."""
        w = {"coders": self.coders, "documents": self.documents, "codes": self.codes}[which]
        for i in range(w.count()):
            it = w.item(i)
            on = it.data(Qt.ItemDataRole.UserRole) in ids
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _selection_ids(self, w: QListWidget) -> list[int] | None:
        """Checked ids, or None when all are checked (the default choice)."""
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self._checked(w)]
        return None if len(ids) == w.count() else ids

    # --- running ---------------------------------------------------------------------------

    def run(self) -> Any:
        """Start the comparison as a background job; returns the job."""
        coder_ids = [i.data(Qt.ItemDataRole.UserRole) for i in self._checked(self.coders)]
        if len(coder_ids) < 2:
            self.notes.setText(_tr("Choose at least two coders."))
            return None
        docs = self._selection_ids(self.documents)
        codes = self._selection_ids(self.codes)
        unit = UNITS[self.unit.currentIndex()]
        unit_arg = None if unit == "all" else unit
        overlap = self.min_overlap.value()
        pair = (coder_ids[0], coder_ids[1])
        db = self.db

        def job(state: Any) -> tuple[AgreementReport, list[Disagreement], tuple[int, int]]:
            with transaction(db) as s:
                report = compare_coders(
                    s, coder_ids, docs, codes, unit=unit_arg, min_overlap=overlap, progress=state
                )
                items = disagreements(s, pair[0], pair[1], docs, codes)
                return report, items, adjudication_progress(s, items)

        self.run_button.setEnabled(False)
        self._pair = pair
        self._filters = (docs, codes)
        self._overlap = overlap
        return self.jobs.start(
            job,
            title=_tr("Comparing coders"),
            success=self._show,
            failure=self._failed,
            cancelled=lambda: self.run_button.setEnabled(True),
        )

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.notes.setText(str(exc))

    def _show(self, result: tuple[AgreementReport, list[Disagreement], tuple[int, int]]) -> None:
        report, items, decided = result
        self.run_button.setEnabled(True)
        self.report = report
        self.model.set_report(report)
        self._show_notes()
        self._set_items(items, decided)
        self.retranslate()  # the buttons name the two coders
        self.reportShown.emit(report)

    def _show_notes(self) -> None:
        report = self.report
        if report is None:
            return
        notes = [
            _tr("How uncoded text is treated:"),
            *[
                f"• {unit_label(u)}: {treatment_text(u, self._overlap, r.treatment)}"
                for u in report.units
                if (r := report.result(u)) is not None
            ],
            *[f"• {n}" for n in report.notes],
        ]
        self.notes.setText("\n".join(notes))

    def _set_items(self, items: list[Disagreement], decided: tuple[int, int]) -> None:
        names = self.report.coders[:2] if self.report else ["A", "B"]
        row = self.items_view.currentIndex().row()
        self.items_model.set_items(items, (names[0], names[1]))
        self.decided = decided
        self.progress.setMaximum(max(decided[1], 1))
        self.progress.setValue(decided[0])
        self._update_items_label()
        if self.items_model.rowCount() and row >= 0:
            self.items_view.selectRow(min(row, self.items_model.rowCount() - 1))
        self._set_buttons_enabled(self.items_view.currentIndex().isValid())
        self.itemsLoaded.emit()

    def _update_items_label(self) -> None:
        if not hasattr(self, "items_label"):
            return
        done, total = self.decided
        self.items_label.setText(
            _tr("Disagreements: {n} shown, {d} of {t} decided").format(
                n=self.items_model.rowCount(), d=done, t=total
            )
        )

    def refresh_items(self) -> None:
        """Reload the disagreements and the adjudication progress (ops thread)."""
        if self._pair is None:
            return
        pair, (docs, codes) = self._pair, self._filters

        def work(s: Any) -> tuple[list[Disagreement], tuple[int, int]]:
            items = disagreements(s, pair[0], pair[1], docs, codes)
            return items, adjudication_progress(s, items)

        self.ops.run(work, success=lambda r: self._set_items(*r))

    # --- drill-down and adjudication ---------------------------------------------------------

    def _on_stat_clicked(self, index: QModelIndex) -> None:
        self.items_model.set_code_filter(self.model.code_id(index.row()))
        self._update_items_label()
        self._set_buttons_enabled(False)

    def _on_item_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ok = current.isValid()
        self._set_buttons_enabled(ok)
        if not ok:
            self.context.clear()
            return
        it = self.items_model.item(current.row())
        a, b = self.items_model.names

        def esc(t: str) -> str:
            return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        self.context.setHtml(
            f"<p><b>{esc(it.document)}</b> — {esc(it.code_path)}"
            + (f" / {esc(it.other_code_path)}" if it.other_code_path else "")
            + f"</p><p>…{esc(it.before)}<span style='background:#ffe2a8'>"
            f"{esc(it.a_text or it.b_text)}</span>{esc(it.after)}…</p>"
            f"<p><b>{esc(a)}:</b> {esc(it.a_text) or '—'}<br><b>{esc(b)}:</b> "
            f"{esc(it.b_text) or '—'}</p>"
        )
        if self._open_document is not None:
            self._open_document(it.document_id, select=(it.start, it.end))

    def _set_buttons_enabled(self, on: bool) -> None:
        for b in self.buttons.values():
            b.setEnabled(on)

    def current_item(self) -> Disagreement | None:
        idx = self.items_view.currentIndex()
        return self.items_model.item(idx.row()) if idx.isValid() else None

    def decide_current(self, decision: str, span: tuple[int, int] | None = None) -> None:
        """Apply a decision to the selected disagreement (asks for the span when editing)."""
        item = self.current_item()
        if item is None:
            return
        if decision == "edited" and span is None:
            sel = self._selection() if self._selection else None
            if sel is not None and sel[0] < item.end and sel[1] > item.start:
                span = sel
            else:
                dlg = SpanDialog(item, item.end + 10_000, self)
                if dlg.exec() != QDialog.DialogCode.Accepted:
                    return
                span = dlg.span()
        self.decide(item, decision, span)

    def decide(
        self, item: Disagreement, decision: str, span: tuple[int, int] | None = None
    ) -> None:
        """Record a decision as one undoable command (or one op without an undo stack)."""
        by = self._current_coder_id()
        text = _tr("Adjudicate: {d}").format(d=decision)

        def redo(s: Any, st: dict[str, Any]) -> None:
            st["undo"] = decide(s, item, decision, decided_by_id=by, span=span)

        def undo(s: Any, st: dict[str, Any]) -> None:
            undo_decision(s, st["undo"])

        self._push(text, redo, undo, {item.document_id})

    def adopt(self) -> None:
        """Copy the codings A and B made identically to the consensus coder (undoable)."""
        if self._pair is None:
            return
        a, b = self._pair
        docs, codes = self._filters

        def redo(s: Any, st: dict[str, Any]) -> None:
            st["undo"] = adopt_agreements(s, a, b, document_ids=docs, code_ids=codes)

        def undo(s: Any, st: dict[str, Any]) -> None:
            undo_decision(s, st["undo"])

        self._push(_tr("Copy agreements to consensus"), redo, undo, set())

    def _push(self, text: str, redo: Callable, undo: Callable, docs: set[int]) -> None:
        changes = {"codings", "coders"}
        done = lambda _r=None: self.refresh_items()  # noqa: E731
        if self.undo_stack is not None:
            try:
                from app.undo_commands import OpCommand, push
            except ImportError:  # pragma: no cover - the workbench's module is missing
                OpCommand = None
            if OpCommand is not None:
                cmd = OpCommand(
                    self.ops, text, redo, undo, changes=changes, document_ids=docs,
                    on_redo=done, on_undo=done,
                )  # fmt: skip
                push(self.undo_stack, cmd)
                return
        state: dict[str, Any] = {}
        self.ops.run(lambda s: redo(s, state), success=done, changes=changes, document_ids=docs)


# --- plugin entry point -------------------------------------------------------------------------


def install(window: Any) -> AgreementView:
    """Add the agreement view as a dock (hidden until chosen) with a Tools menu entry."""
    view = AgreementView(
        window.db,
        window.ops,
        window.jobs,
        undo_stack=getattr(window, "undo_stack", None),
        current_coder_id=window.current_coder_id,
        open_document=window.open_document,
        selection=window.selection,
        parent=window,
    )
    dock = window.add_dock(
        view, _tr("Inter-coder agreement"), Qt.DockWidgetArea.BottomDockWidgetArea
    )
    dock.hide()
    action = QAction(_tr("Inter-coder agreement…"), window)

    def show() -> None:
        dock.show()
        dock.raise_()
        view.reload_choices()

    action.triggered.connect(show)
    window.add_menu_action("tools", action)
    window.changed.connect(
        lambda cs: view.reload_choices() if cs.kinds & {"coders", "documents", "codes"} else None
    )
    window.agreement_view = view
    return view
