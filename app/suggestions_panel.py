"""The suggestions dock: a queue of proposed codes with "why", accept / reject by keyboard.

Keys in the queue: A accept, R reject, Up / Down move, Enter shows the passage. Suggesting,
training and evaluating run as background jobs (``window.jobs``); accept / reject run on the
database thread as undoable commands. Suggestions of the shown document are drawn as dashed
underlines in the transcript; hovering one shows its evidence, clicking selects it here.

Retraining: after every ``retrain_after`` new (or removed) codings — a project setting,
:data:`DEFAULT_RETRAIN_AFTER` by default, 0 = never — the model is retrained and its
suggestions recomputed in a background job (status-bar progress, no dialog); changes that
arrive meanwhile start one more round when it ends.

"More like this": the coding at the cursor (or in the selection) of the shown document is
the seed of a "similar" search over the project; the queue then shows only its results
until the source or scope is changed.
"""

from __future__ import annotations

from typing import Any

from coding.suggest.store import QueueItem
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

RETRAIN_SETTING = "suggest.retrain_after"
DEFAULT_RETRAIN_AFTER = 20


def tr(text: str) -> str:
    return QCoreApplication.translate("SuggestionsPanel", text)


def source_names(sources: list[str]) -> str:
    """The suggestion sources in short words ("terms+model"), in the UI language."""
    names = {"terms": tr("terms"), "model": tr("model"), "similar": tr("like this")}
    return "+".join(names.get(src, src) for src in sources)


def _count_codings(session: Any) -> int:
    from coding.suggest.engine import coding_count

    return coding_count(session)


def _retrain_job(db: Any, state: Any) -> Any:
    """Train the model, then recompute the model's suggestions (all documents); returns the
    TrainReport, or None when there is still too little coding to learn from."""
    from coding.errors import TematikError
    from coding.suggest.engine import generate, train

    try:
        report = train(db, state)
    except TematikError:
        return None
    generate(db, sources=["model"], progress=state)
    return report


class _QueueList(QListWidget):
    """The queue; A / R keys accept / reject the current item."""

    def __init__(self, panel: SuggestionsPanel) -> None:
        super().__init__()
        self.panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_A:
            self.panel.accept_current()
        elif key == Qt.Key.Key_R:
            self.panel.reject_current()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.panel.show_current()
        else:
            super().keyPressEvent(event)


class SuggestionsPanel(QWidget):
    """The dock's widget (see the module docstring).

    Signals:
        retrained(object): an automatic retraining ended (its TrainReport, or None when
            there was too little coding to learn from).
        likeFound(object): a "more like this" search ended (its SuggestRun).
    """

    retrained = Signal(object)
    likeFound = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window = window
        self.items: list[QueueItem] = []
        self.like_filter: set[str] | None = None  # coding GUIDs of a "more like this" search
        self.retrain_after = DEFAULT_RETRAIN_AFTER
        self._baseline: int | None = None  # number of codings when the model was last trained
        self._retrain_job: Any = None
        self._retrain_again = False
        self.scope = QComboBox()
        self.scope.addItem(tr("This document"), "document")
        self.scope.addItem(tr("All documents"), "project")
        self.source = QComboBox()
        for label, value in (
            (tr("All sources"), "all"),
            (tr("Indicator terms"), "terms"),
            (tr("Learned model"), "model"),
            (tr("More like this"), "similar"),
        ):
            self.source.addItem(label, value)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setValue(30)
        self.slider_label = QLabel()
        self.list = _QueueList(self)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.suggest_button = QPushButton(tr("Suggest"))
        self.train_button = QPushButton(tr("Train"))
        self.evaluate_button = QPushButton(tr("How good?"))
        self.like_button = QPushButton(tr("More like this"))
        self.like_button.setToolTip(
            tr("Find passages like the coding at the cursor (or in the selection)")
        )
        self.retrain_spin = QSpinBox()
        self.retrain_spin.setRange(0, 1000)
        self.retrain_spin.setSpecialValueText(tr("never"))
        self.retrain_spin.setValue(self.retrain_after)
        self.retrain_spin.setToolTip(
            tr("Retrain the model in the background after this many new codings")
        )
        self.accept_button = QPushButton(tr("Accept (A)"))
        self.reject_button = QPushButton(tr("Reject (R)"))

        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.source)
        thr = QHBoxLayout()
        thr.addWidget(QLabel(tr("Confidence")))
        thr.addWidget(self.slider)
        thr.addWidget(self.slider_label)
        actions = QHBoxLayout()
        for b in (self.suggest_button, self.train_button, self.evaluate_button, self.like_button):
            actions.addWidget(b)
        retrain = QHBoxLayout()
        retrain.addWidget(QLabel(tr("Retrain after new codings:")))
        retrain.addWidget(self.retrain_spin)
        decide = QHBoxLayout()
        decide.addWidget(self.accept_button)
        decide.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        for part in (top, thr, actions, retrain):
            layout.addLayout(part)
        layout.addWidget(self.list)
        layout.addLayout(decide)
        layout.addWidget(self.status)

        self.scope.currentIndexChanged.connect(self._filters_changed)
        self.source.currentIndexChanged.connect(self._filters_changed)
        self.like_button.clicked.connect(lambda: self.run_more_like_this())
        self.retrain_spin.valueChanged.connect(self.set_retrain_after)
        self.slider.valueChanged.connect(self._threshold_changed)
        self.suggest_button.clicked.connect(self.run_suggest)
        self.train_button.clicked.connect(self.run_train)
        self.evaluate_button.clicked.connect(self.run_evaluate)
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(self.reject_current)
        self.list.itemDoubleClicked.connect(lambda _item: self.show_current())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        window.changed.connect(self._on_changed)
        window.documentChanged.connect(lambda _doc: self.refresh())
        window.coderChanged.connect(lambda _coder: self.refresh())
        window.transcript_view.extraUnderlineClicked.connect(self._underline_clicked)
        self._underlined: list[int] = []
        self._threshold_changed(self.slider.value())

    # --- state -----------------------------------------------------------------------------

    def threshold(self) -> float:
        return self.slider.value() / 100.0

    def _sources(self) -> list[str] | None:
        value = self.source.currentData()
        return None if value == "all" else [value]

    def _threshold_changed(self, value: int) -> None:
        self.slider_label.setText(f"{value / 100:.2f}")
        self.refresh()

    def _filters_changed(self, _index: int = 0) -> None:
        self.like_filter = None
        self.refresh()

    def _on_changed(self, change: Any) -> None:
        kinds = getattr(change, "kinds", set())
        if {"suggestions", "codings", "codes", "documents", "project"} & set(kinds):
            self.refresh()
        if "codings" in kinds and self.retrain_after > 0:
            self.window.ops.run(_count_codings, success=self._maybe_retrain)

    # --- retraining as coding grows --------------------------------------------------------

    def load_settings(self) -> None:
        """Read the retraining setting and the current number of codings (the baseline)."""
        from coding.project import get_setting

        def read(s: Any) -> tuple[int, int]:
            value = get_setting(s, RETRAIN_SETTING, DEFAULT_RETRAIN_AFTER)
            return int(value), _count_codings(s)

        def apply(result: tuple[int, int]) -> None:
            self.retrain_after = result[0]
            self._baseline = result[1]
            self.retrain_spin.blockSignals(True)
            self.retrain_spin.setValue(result[0])
            self.retrain_spin.blockSignals(False)

        self.window.ops.run(read, success=apply)

    def set_retrain_after(self, value: int) -> None:
        """Retrain after ``value`` new codings (0: never); stored in the project."""
        from coding.project import set_setting

        self.retrain_after = int(value)
        self.retrain_spin.blockSignals(True)
        self.retrain_spin.setValue(int(value))
        self.retrain_spin.blockSignals(False)
        self.window.ops.run(lambda s: set_setting(s, RETRAIN_SETTING, int(value)))

    def _maybe_retrain(self, count: int) -> None:
        if self._baseline is None:
            self._baseline = count
            return
        if self.retrain_after <= 0 or abs(count - self._baseline) < self.retrain_after:
            return
        if self._retrain_job is not None:
            self._retrain_again = True
            return
        self.start_retrain(count)

    def start_retrain(self, count: int | None = None) -> Any:
        """Retrain and recompute the model's suggestions in a background job (no dialog)."""
        db = self.window.db
        if count is not None:
            self._baseline = count
        self._retrain_again = False
        self.status.setText(tr("Retraining the suggestion model…"))
        self._retrain_job = self.window.jobs.start(
            lambda state: _retrain_job(db, state),
            title=tr("Retraining the suggestion model"),
            success=self._retrained,
            failure=self._retrain_failed,
            cancelled=lambda: self._retrain_ended(None),
            changes={"suggestions"},
            dialog=False,
        )
        return self._retrain_job

    def _retrained(self, report: Any) -> None:
        if report is None:
            self.status.setText(tr("Too little coding yet to retrain the suggestion model."))
        else:
            self.status.setText(
                tr("Model retrained on %1 passages from %2 documents.")
                .replace("%1", str(report.units))
                .replace("%2", str(report.documents))
            )
        self._retrain_ended(report)

    def _retrain_failed(self, exc: BaseException) -> None:
        self.status.setText(tr("Retraining failed: %1").replace("%1", str(exc)))
        self._retrain_ended(None)

    def _retrain_ended(self, report: Any) -> None:
        self._retrain_job = None
        self.retrained.emit(report)
        if self._retrain_again:  # codings changed while training: catch up
            self._retrain_again = False
            self.window.ops.run(_count_codings, success=self._maybe_retrain)

    def _update_buttons(self) -> None:
        has = self.list.currentRow() >= 0
        self.accept_button.setEnabled(has)
        self.reject_button.setEnabled(has)

    # --- queue -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the queue for the current coder, scope, source and threshold."""
        from coding.suggest.store import queue

        coder = self.window.current_coder_id()
        if coder is None:
            self.set_items([])
            return
        doc = self.window.current_document_id() if self.scope.currentData() == "document" else None
        if self.scope.currentData() == "document" and doc is None:
            self.set_items([])
            return
        threshold, sources = self.threshold(), self._sources()
        if self.like_filter is not None:
            doc, sources = None, ["similar"]
        self.window.ops.run(
            lambda s: queue(s, coder, document_id=doc, threshold=threshold, sources=sources),
            success=self.set_items,
        )

    def set_items(self, items: list[QueueItem]) -> None:
        """Show the queue and underline the current document's suggestions."""
        row = max(0, self.list.currentRow())
        like = self.like_filter
        if like is not None:
            items = [
                it
                for it in items
                if it.evidence.get("similar", {}).get("like", {}).get("coding") in like
            ]
        self.items = list(items)
        self.list.clear()
        for it in self.items:
            # score first (a column that lines up), then the code, the words that triggered
            # it and its sources; the full explanation is in the tooltip
            label = f"{it.score:.2f}  {it.code_path.split('/')[-1]}"
            words = [t.get("text", "") for t in it.evidence.get("terms", {}).get("terms", [])]
            if words := [w for w in dict.fromkeys(words) if w]:
                label += "  «" + ", ".join(words[:3]) + "»"
            label += f"  [{source_names(it.sources)}]"
            if self.scope.currentData() == "project" or like is not None:
                label = f"{it.document}: {label}"
            entry = QListWidgetItem(label)
            entry.setToolTip(f"{it.code_path}\n{it.explain()}")
            self.list.addItem(entry)
        if self.items:
            self.list.setCurrentRow(min(row, len(self.items) - 1))
        text = tr("%n suggestion(s)").replace("%n", str(len(self.items)))
        if like is not None:
            text = tr("More like this: %n passage(s)").replace("%n", str(len(self.items)))
        self.status.setText(text)
        self._update_buttons()
        self._underline()

    def _underline(self) -> None:
        doc = self.window.current_document_id()
        marks = []
        self._underlined = []
        for i, it in enumerate(self.items):
            if it.document_id == doc:
                marks.append((it.start, it.end, "#7f8c8d", f"{it.code_path}\n{it.explain()}"))
                self._underlined.append(i)
        self.window.transcript_view.set_extra_underlines(marks)

    def _underline_clicked(self, index: int) -> None:
        if 0 <= index < len(self._underlined):
            self.list.setCurrentRow(self._underlined[index])
            self.list.setFocus()

    def current(self) -> QueueItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def show_current(self) -> None:
        it = self.current()
        if it is not None:
            self.window.open_document(it.document_id, select=(it.start, it.end))

    # --- decisions ---------------------------------------------------------------------------

    def _decide(self, accept: bool) -> None:
        from coding.suggest import store

        from app.undo_commands import OpCommand, push

        it = self.current()
        coder = self.window.current_coder_id()
        if it is None or coder is None:
            return
        ids = list(it.suggestion_ids)

        def redo(s: Any, state: dict[str, Any]) -> None:
            if accept:
                state["created"] = store.accept(s, ids, coder).created
            else:
                store.reject(s, ids, coder)

        def undo(s: Any, state: dict[str, Any]) -> None:
            store.undo_decision(s, ids, coder, remove_coding=bool(state.get("created")))

        text = tr("Accept suggestion") if accept else tr("Reject suggestion")
        cmd = OpCommand(
            self.window.ops,
            text,
            redo,
            undo,
            changes={"codings", "suggestions"} if accept else {"suggestions"},
            document_ids={it.document_id},
        )
        push(self.window.undo_stack, cmd)

    def accept_current(self) -> None:
        """Code the current suggestion's passage as the current coder."""
        self._decide(True)

    def reject_current(self) -> None:
        """Reject the current suggestion (not proposed to this coder again)."""
        self._decide(False)

    # --- background jobs -------------------------------------------------------------------

    def run_suggest(self) -> Any:
        """Compute suggestions (scope and source as chosen) in a background job."""
        from coding.suggest import SOURCES
        from coding.suggest.engine import generate

        db = self.window.db
        sources = self._sources() or list(SOURCES)
        doc = self.window.current_document_id() if self.scope.currentData() == "document" else None
        docs = [doc] if doc is not None else None
        return self.window.jobs.start(
            lambda state: generate(db, sources=sources, document_ids=docs, progress=state),
            title=tr("Finding suggestions"),
            success=self._suggested,
            changes={"suggestions"},
        )

    def _suggested(self, run: Any) -> None:
        note = " ".join(run.notes)
        self.status.setText(f"{len(run.candidates)} candidates from {run.units} passages. {note}")

    def run_train(self) -> Any:
        """Train the model on the project's codings in a background job."""
        from coding.suggest.engine import train

        db = self.window.db

        def done(r: Any) -> None:
            self.status.setText(
                tr("Trained on %1 passages from %2 documents.")
                .replace("%1", str(r.units))
                .replace("%2", str(r.documents))
            )
            self.window.ops.run(_count_codings, success=self._set_baseline)

        return self.window.jobs.start(
            lambda state: train(db, state),
            title=tr("Training the suggestion model"),
            success=done,
            changes={"suggestions"},
        )

    def _set_baseline(self, count: int) -> None:
        self._baseline = count

    def seed_codings(self) -> list[int]:
        """The codings "more like this" starts from: the current coding, else the codings at
        the cursor or in the selection of the shown document (the current coder's first)."""
        tv = self.window.transcript_view
        cur = tv.current_coding()
        if cur is not None:
            return [cur.id]
        span = tv.selection_span()
        here = tv.codings_in(*span) if span else tv.codings_at(tv.cursor_position())
        coder = self.window.current_coder_id()
        mine = [c.id for c in here if c.coder_id == coder]
        return mine or [c.id for c in here]

    def run_more_like_this(self, coding_ids: list[int] | None = None) -> Any:
        """Find passages like the given codings (default :meth:`seed_codings`) over the whole
        project in a background job and show only those in the queue."""
        from coding.suggest.engine import generate

        ids = list(coding_ids) if coding_ids is not None else self.seed_codings()
        if not ids:
            self.status.setText(tr("Put the cursor in a coded passage first."))
            return None
        db = self.window.db

        def work(state: Any) -> tuple[Any, set[str]]:
            from coding.project import transaction
            from coding.suggest.engine import coding_guids

            run = generate(db, sources=["similar"], seed_coding_ids=ids, progress=state)
            with transaction(db) as s:
                guids = coding_guids(s, ids)
            return run, guids

        def done(result: tuple[Any, set[str]]) -> None:
            run, guids = result
            self.like_filter = guids
            self.refresh()
            self.likeFound.emit(run)

        return self.window.jobs.start(
            work,
            title=tr("Finding passages like this"),
            success=done,
            changes={"suggestions"},
        )

    def run_evaluate(self) -> Any:
        """Measure precision / recall / F1 in a background job and show them."""
        from coding.suggest.evaluate import evaluate

        db = self.window.db
        return self.window.jobs.start(
            lambda state: evaluate(db, progress=state),
            title=tr("Evaluating suggestions"),
            success=self.show_evaluation,
        )

    def show_evaluation(self, ev: Any) -> QDialog:
        """A dialog with the figures of an :class:`coding.suggest.evaluate.Evaluation`."""
        lines = [
            tr("Leave one document out over %1 coded documents (%2 speaker turns).")
            .replace("%1", str(len(ev.documents)))
            .replace("%2", str(ev.units)),
            "",
            f"{'source':10} {'precision':>9} {'recall':>7} {'F1':>6}",
        ]
        for src, sc in ev.sources.items():
            lines.append(f"{src:10} {sc.precision:9.2f} {sc.recall:7.2f} {sc.f1:6.2f}")
        lines += ["", tr("F1 per code:")]
        codes = sorted({c for per in ev.per_code.values() for c in per})
        for c in codes:
            vals = "  ".join(
                f"{s} {ev.per_code[s][c].f1:.2f}" for s in ev.per_code if c in ev.per_code[s]
            )
            lines.append(f"  {c}: {vals}")
        if ev.learning_curve:
            lines += ["", tr("Learning curve (F1 by number of coded documents):")]
            for row in ev.learning_curve:
                lines.append(
                    f"  {row['documents']:3d}: model {row['model_f1']:.2f}"
                    + (f"  terms {row['terms_f1']:.2f}" if "terms_f1" in row else "")
                )
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("How good are the suggestions?"))
        text = QPlainTextEdit("\n".join(lines))
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(640, 480)
        dialog.setObjectName("suggestionEvaluation")
        self.evaluation_dialog = dialog
        dialog.show()
        return dialog


def install(window: Any) -> SuggestionsPanel:
    """Add the Suggestions dock and a Tools menu entry to the main window."""
    panel = SuggestionsPanel(window)
    window.add_dock(panel, tr("Suggestions"))
    action = QAction(tr("Train suggestion model"), window)
    action.triggered.connect(panel.run_train)
    window.add_menu_action("tools", action)
    like = QAction(tr("More like this coding"), window)
    like.triggered.connect(lambda: panel.run_more_like_this())
    window.add_menu_action("code", like)
    window.suggestions_panel = panel
    panel.load_settings()
    panel.refresh()
    return panel
