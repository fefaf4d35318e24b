"""The main window: document browser, transcript, codebook, codings at the cursor.

Every database action goes through ``self.ops`` (one worker thread, one transaction per
action) and every coding/codebook edit is an undoable command on ``self.undo_stack``. Views
refresh from :class:`app.ops.ChangeSet` notices; coding a passage updates the transcript,
the codebook counts and the browser counts in place (no reload, no re-highlighting).
The API offered to dock-panel plugins is described in :mod:`app.plugins`.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from typing import Any

from coding.codebook import CodeNode
from coding.project import ensure_coder
from coding.workbench import (
    CodebookSnapshot,
    CoderInfo,
    CodingSpan,
    DocumentRow,
    DocumentSnapshot,
    codebook_snapshot,
    document_rows,
    document_snapshot,
    list_coder_infos,
)
from models.db import Database
from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import settings as cfg
from app.codebook_tree import CodebookPanel
from app.coder_dialog import CoderDialog
from app.codings_panel import CodingsPanel
from app.document_browser import DocumentBrowser
from app.jobs import JobRunner
from app.ops import ChangeSet, OpRunner, Session
from app.plugins import install_panels
from app.transcript_view import CodeStyle, TranscriptView, word_step
from app.undo_commands import (
    OpCommand,
    add_coding_command,
    in_vivo_command,
    move_code_command,
    push,
    remove_coding_command,
    resize_coding_command,
)

log = logging.getLogger(__name__)
MENUS = ("file", "edit", "code", "view", "tools", "help")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _optional(module: str) -> Any | None:
    """Import one of the dialogs written alongside this window, if it is there."""
    try:
        if importlib.util.find_spec(module) is None:
            return None
        return importlib.import_module(module)
    except Exception:
        log.exception("Cannot load %s", module)
        return None


def fuzzy_score(query: str, text: str) -> int | None:
    """Subsequence match score (higher is better); None when ``query`` does not match."""
    q, t = query.lower().strip(), text.lower()
    if not q:
        return 0
    if q in t:
        return 1000 - t.index(q) - len(t) // 10 + (200 if t.rsplit("/", 1)[-1].startswith(q) else 0)
    score, pos, last = 0, 0, -2
    for ch in q:
        if ch == " ":
            continue
        i = t.find(ch, pos)
        if i < 0:
            return None
        score += 10 if i == last + 1 else (5 if i == 0 or t[i - 1] in " /-" else 1)
        last, pos = i, i + 1
    return score - len(t) // 10


class CodePalette(QDialog):
    """Ctrl+K: type a few letters of a code, Enter codes the selection with it."""

    def __init__(self, nodes: list[CodeNode], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Code with…"))
        self.setObjectName("codePalette")
        self.nodes = [n for n in nodes if n.codable]
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(_tr("Type to find a code"))
        self.list = QListWidget(self)
        self.chosen: int | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(self.edit)
        lay.addWidget(self.list)
        self.edit.textChanged.connect(self.refilter)
        self.edit.returnPressed.connect(self._accept_current)
        self.list.itemActivated.connect(lambda _i: self._accept_current())
        self.resize(460, 360)
        self.refilter("")

    def refilter(self, text: str) -> None:
        scored = [(fuzzy_score(text, n.path), n) for n in self.nodes]
        hits = sorted(((s, n) for s, n in scored if s is not None), key=lambda x: -x[0])
        self.list.clear()
        for _s, n in hits:
            item = QListWidgetItem(n.path)
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            row = self.list.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
            return
        super().keyPressEvent(event)

    def _accept_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
            self.accept()


class MainWindow(QMainWindow):
    """The workbench window for one open project.

    Signals:
        changed(ChangeSet): after every operation (see :mod:`app.ops`).
        documentChanged(int): the document shown (-1: none).
        coderChanged(int): the current coder.
        projectRequested(str): the user asked to open another project (path or URL).
    """

    changed = Signal(object)
    documentChanged = Signal(int)
    coderChanged = Signal(int)
    projectRequested = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        coder: str | None = None,
        ask_coder: bool = True,
        store: QSettings | None = None,
        install_plugins: bool = True,
    ) -> None:
        super().__init__()
        self.db = db
        self.store = store or cfg.qsettings()
        self.setObjectName("tematikMainWindow")
        self.ops = OpRunner(db, self)
        self.ops.changed.connect(self._on_changed)
        self.ops.changed.connect(self.changed.emit)
        self.jobs = JobRunner(self, status_bar=self.statusBar(), announce=self.ops.announce)
        self.undo_stack = QUndoStack(self)
        self._coders: list[CoderInfo] = []
        self._coder_id: int | None = None
        self._codebook: CodebookSnapshot | None = None
        self._doc_rows: list[DocumentRow] = []
        self._menus: dict[str, QMenu] = {}
        self._view_mode = cfg.get("coding/coder_view", self.store)
        self._chosen_coders: set[str] = set(cfg.get("coding/chosen_coders", self.store))
        self._pending_select: tuple[int, int] | None = None
        self._local_ops: set[object] = set()

        self.transcript_view = TranscriptView(self)
        self.transcript_view.snap_mode = cfg.get("coding/snap", self.store)
        self.setCentralWidget(self.transcript_view)
        self.browser = DocumentBrowser(self)
        self.codebook = CodebookPanel(self)
        self.codings_panel = CodingsPanel(self._code_info, self._coder_name, self)
        self.browser_dock = self.add_dock(self.browser, _tr("Documents"), Qt.DockWidgetArea.LeftDockWidgetArea)  # fmt: skip
        self.codebook_dock = self.add_dock(self.codebook, _tr("Codebook"), Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.codings_dock = self.add_dock(self.codings_panel, _tr("Codings at cursor"), Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self._build_status_bar()
        self._build_actions()
        self._connect()
        self._load_initial(coder, ask_coder)
        self.setWindowTitle(f"{self.db.display_name} — Tematik")
        self.resize(1400, 860)
        if install_plugins:
            install_panels(self)
        self._restore_layout()  # after the plugin docks exist, so their places come back too

    # --- plugin API --------------------------------------------------------------------------

    def current_coder_id(self) -> int | None:
        """The coder working now."""
        return self._coder_id

    def current_coder(self) -> CoderInfo | None:
        return next((c for c in self._coders if c.id == self._coder_id), None)

    def visible_coder_ids(self) -> set[int] | None:
        """The coders whose codings are shown (None: all)."""
        if self._view_mode == "mine":
            return {self._coder_id} if self._coder_id is not None else set()
        if self._view_mode == "chosen":
            ids = {c.id for c in self._coders if c.name in self._chosen_coders}
            return ids or ({self._coder_id} if self._coder_id is not None else set())
        return None

    def current_document_id(self) -> int | None:
        """The document shown."""
        return self.transcript_view.document_id

    def selected_code_id(self) -> int | None:
        return self.codebook.current_code_id()

    def selection(self) -> tuple[int, int] | None:
        return self.transcript_view.selection_span()

    def open_document(
        self,
        document_id: int,
        select: tuple[int, int] | None = None,
        done: Callable[[], None] | None = None,
    ) -> None:
        """Show a document (loaded on the database thread), optionally selecting a span."""
        if document_id == self.current_document_id():
            if select is not None:
                self.transcript_view.select_span(*select)
            if done:
                done()
            return

        def shown(snap: DocumentSnapshot) -> None:
            self._show_snapshot(snap, select)
            if done:
                done()

        self.ops.run(lambda s: document_snapshot(s, document_id), success=shown)

    def add_dock(
        self,
        widget: QWidget,
        title: str,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """Put a widget in a dock; its toggle goes to the View menu."""
        dock = QDockWidget(title, self)
        dock.setObjectName("dock_" + "".join(ch for ch in title.lower() if ch.isalnum()))
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        codings_dock = getattr(self, "codings_dock", None)
        if area == Qt.DockWidgetArea.RightDockWidgetArea and codings_dock is not None:
            # plugin panels share the place of the codings panel (as tabs), so the codebook
            # keeps its height
            self.tabifyDockWidget(codings_dock, dock)
            codings_dock.raise_()
        if "view" in self._menus:
            self._menus["view"].addAction(dock.toggleViewAction())
        else:
            self._late_docks = [*getattr(self, "_late_docks", []), dock]
        return dock

    def add_menu_action(self, menu_name: str, action: QAction) -> None:
        """Add an action to a menu ("file", "edit", "code", "view", "tools", "help")."""
        menu = self._menus.get(menu_name)
        if menu is None:
            menu = self.menuBar().addMenu(menu_name.capitalize())
            self._menus[menu_name] = menu
        anchor = getattr(self, "_file_plugin_anchor", None) if menu_name == "file" else None
        if anchor is not None:
            menu.insertAction(anchor, action)
        else:
            menu.addAction(action)

    # --- loading -----------------------------------------------------------------------------

    def _load_initial(self, coder: str | None, ask: bool) -> None:
        self._coders = self.ops.run_and_wait(list_coder_infos)
        name = coder or cfg.project_coder(self.db.url, self.store)
        role = "analyst"
        if not name and ask:
            dlg = CoderDialog(self._coders, "", self)
            if dlg.exec() == QDialog.DialogCode.Accepted:
                name, role = dlg.choice()
        if not name:
            name = self._coders[0].name if self._coders else _tr("Analyst")
        self._set_coder(name, role, announce=False)
        snap = self.ops.run_and_wait(codebook_snapshot)
        self._apply_codebook(snap)
        rows = self.ops.run_and_wait(document_rows)
        self._apply_documents(rows)
        self._sync_view_mode()
        if rows:
            snap_doc = self.ops.run_and_wait(lambda s: document_snapshot(s, rows[0].id))
            self._show_snapshot(snap_doc, None)

    def _set_coder(self, name: str, role: str = "analyst", *, announce: bool = True) -> None:
        def work(s: Session) -> tuple[int, list[CoderInfo]]:
            c = ensure_coder(s, name, role)
            if c.role != role and role == "supervisor":
                c.role = role
            return c.id, list_coder_infos(s)

        cid, coders = self.ops.run_and_wait(work, changes={"coders"} if announce else ())
        self._coder_id, self._coders = cid, coders
        cfg.set_project_coder(self.db.url, name, self.store)
        self._update_coder_label()
        self.transcript_view.set_coder_names({c.id: c.name for c in coders})
        self.coderChanged.emit(cid)

    def _apply_codebook(self, snap: CodebookSnapshot) -> None:
        self._codebook = snap
        self.codebook.set_snapshot(snap)
        self.transcript_view.set_code_styles(
            {n.id: CodeStyle(n.name, n.path, n.color, n.kind) for n in snap.nodes}
        )
        self.codebook.model.set_quick_codes(self.quick_codes())

    def _apply_documents(self, rows: list[DocumentRow]) -> None:
        self._doc_rows = rows
        self.browser.set_data(rows, self._coders)
        cur = self.current_document_id()
        if cur is not None:
            self.browser.select_document(cur)

    def _show_snapshot(self, snap: DocumentSnapshot, select: tuple[int, int] | None) -> None:
        tv = self.transcript_view
        tv.set_visible_coders(self.visible_coder_ids())
        tv.show_document(snap.id, snap.text, snap.turns, snap.codings)
        self.browser.select_document(snap.id)
        if select is not None:
            tv.select_span(*select)
        self._doc_label.setText(snap.name)
        self.documentChanged.emit(snap.id)

    def reload_codebook(self) -> None:
        self.ops.run(codebook_snapshot, success=self._apply_codebook)

    def reload_documents(self) -> None:
        self.ops.run(document_rows, success=self._apply_documents)

    def reload_document(self) -> None:
        doc = self.current_document_id()
        if doc is None:
            return

        def shown(snap: DocumentSnapshot) -> None:
            if snap.id == self.current_document_id():
                self.transcript_view.set_codings(snap.codings)

        self.ops.run(lambda s: document_snapshot(s, doc), success=shown)

    def _on_changed(self, change: ChangeSet) -> None:
        if change.origin in self._local_ops:
            self._local_ops.discard(change.origin)
            return
        if change.kinds & {"codes"}:
            self.reload_codebook()
        if change.kinds & {"documents", "attributes", "coders"}:
            self.reload_documents()
        if change.touches("codings", self.current_document_id()) or "codes" in change.kinds:
            self.reload_document()
        if "codings" in change.kinds and not change.kinds & {"codes", "documents"}:
            self.reload_codebook()
            self.reload_documents()

    # --- UI ----------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self._coder_button = QToolButton(self)
        self._coder_button.setAutoRaise(True)
        self._coder_button.setObjectName("coderButton")
        self._coder_button.setToolTip(_tr("Change who is coding"))
        self._coder_button.clicked.connect(self.choose_coder)
        self._doc_label = QLabel(self)
        self._sel_label = QLabel(self)
        self._view_combo = QComboBox(self)
        self._view_combo.setObjectName("coderViewCombo")
        self._view_combo.addItem(_tr("My codings"), "mine")
        self._view_combo.addItem(_tr("All coders"), "all")
        self._view_combo.addItem(_tr("Chosen coders…"), "chosen")
        self._view_combo.setToolTip(_tr("Whose codings are shown"))
        self._snap_combo = QComboBox(self)
        self._snap_combo.setObjectName("snapCombo")
        for label, mode in ((_tr("Snap: none"), "none"), (_tr("Snap: words"), "word"),
                            (_tr("Snap: sentences"), "sentence"), (_tr("Snap: turns"), "turn")):  # fmt: skip
            self._snap_combo.addItem(label, mode)
        self._snap_combo.setCurrentIndex(max(self._snap_combo.findData(self.transcript_view.snap_mode), 0))  # fmt: skip
        sb.addWidget(self._coder_button)
        sb.addWidget(self._doc_label, 1)
        sb.addWidget(self._sel_label)
        sb.addPermanentWidget(self._view_combo)
        sb.addPermanentWidget(self._snap_combo)

    def _update_coder_label(self) -> None:
        c = self.current_coder()
        if c is None:
            self._coder_button.setText(_tr("No coder"))
            return
        role = _tr("supervisor") if c.role == "supervisor" else _tr("analyst")
        self._coder_button.setText(_tr("Coder: {name} ({role})").format(name=c.name, role=role))

    def _action(self, menu: str, text: str, slot: Callable[[], Any], shortcut: Any = None, *, enabled: bool = True) -> QAction:  # fmt: skip
        act = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                act.setShortcuts(shortcut)
            else:
                act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot())
        act.setEnabled(enabled)
        self.add_menu_action(menu, act)
        return act

    def _build_actions(self) -> None:
        mb = self.menuBar()
        titles = {"file": _tr("&File"), "edit": _tr("&Edit"), "code": _tr("&Code"),
                  "view": _tr("&View"), "tools": _tr("&Tools"), "help": _tr("&Help")}  # fmt: skip
        for key in MENUS:
            self._menus[key] = mb.addMenu(titles[key])
        for dock in getattr(self, "_late_docks", []):
            self._menus["view"].addAction(dock.toggleViewAction())
        pd = _optional("app.project_dialogs")
        K = QKeySequence.StandardKey
        self._action("file", _tr("&New project…"), self.new_project, K.New, enabled=pd is not None)
        self._action("file", _tr("&Open project…"), self.open_project_dialog, K.Open, enabled=pd is not None)  # fmt: skip
        self._action("file", _tr("Open &database URL…"), self.open_url_dialog, enabled=pd is not None)  # fmt: skip
        recent = self._menus["file"].addMenu(_tr("Open &recent"))
        if pd is not None:
            self._recent = pd.RecentProjectsMenu(recent, self.store)
            self._recent.projectChosen.connect(self.projectRequested.emit)
        else:
            recent.setEnabled(False)
        self._menus["file"].addSeparator()
        imp = _optional("app.import_dialog")
        self._importer = imp.Importer(self.db, self.jobs, self) if imp else None
        self._action("file", _tr("&Import transcripts…"), self.import_files, "Ctrl+Shift+I", enabled=imp is not None)  # fmt: skip
        # plugins' File actions (exchange, theme summary) go here, above Settings and Quit
        file_anchor = self._menus["file"].addSeparator()
        self._action("file", _tr("&Settings…"), self.open_settings, K.Preferences, enabled=_optional("app.settings_dialog") is not None)  # fmt: skip
        self._action("file", _tr("&Quit"), self.close, K.Quit)
        undo = self.undo_stack.createUndoAction(self, _tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, _tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action, self.redo_action = undo, redo
        self._menus["edit"].addAction(undo)
        self._menus["edit"].addAction(redo)
        self._menus["edit"].addSeparator()
        self._action("edit", _tr("&Search…"), self.open_search, K.Find, enabled=_optional("app.search_dialog") is not None)  # fmt: skip
        self._action("code", _tr("&Code selection with the selected code"), self.code_with_selected, "Ctrl+Return")  # fmt: skip
        self._action("code", _tr("Code &palette…"), self.code_palette, "Ctrl+K")
        self._action("code", _tr("&In-vivo code"), self.in_vivo, "Ctrl+I")
        self._action("code", _tr("&Uncode"), self.uncode, [QKeySequence(Qt.Key.Key_Delete), QKeySequence("Ctrl+U")])  # fmt: skip
        self._menus["code"].addSeparator()
        self._action("code", _tr("Extend coding end"), lambda: self.nudge("end", 1), "Ctrl+Alt+Right")  # fmt: skip
        self._action("code", _tr("Shrink coding end"), lambda: self.nudge("end", -1), "Ctrl+Alt+Left")  # fmt: skip
        self._action("code", _tr("Extend coding start"), lambda: self.nudge("start", -1), "Ctrl+Alt+Shift+Left")  # fmt: skip
        self._action("code", _tr("Shrink coding start"), lambda: self.nudge("start", 1), "Ctrl+Alt+Shift+Right")  # fmt: skip
        self._menus["code"].addSeparator()
        memo = _optional("app.memo_dialog") is not None
        self._action("code", _tr("&Memo on coding…"), self.memo_on_coding, "Ctrl+M")
        self._action("code", _tr("Memo on &document…"), lambda: self.open_memo("document"), enabled=memo)  # fmt: skip
        self._action("code", _tr("Memo on c&ode…"), lambda: self.open_memo("code"), enabled=memo)
        self._action("code", _tr("Memo on the &project…"), lambda: self.open_memo("project"), enabled=memo)  # fmt: skip
        self._action("code", _tr("&Edit code…"), self.edit_code, "F2", enabled=_optional("app.codebook_editor") is not None)  # fmt: skip
        self._action("view", _tr("&Retrieval"), self.show_retrieval, "Ctrl+R", enabled=_optional("app.retrieval_view") is not None)  # fmt: skip
        self._action("view", _tr("Show &my codings"), lambda: self.set_view_mode("mine"))
        self._action("view", _tr("Show &all coders"), lambda: self.set_view_mode("all"))
        self._action("view", _tr("Show &chosen coders…"), lambda: self.set_view_mode("chosen"))
        self._menus["view"].addSeparator()
        stripes = self._action("view", _tr("Coding &stripes"), lambda: None)
        stripes.setCheckable(True)
        stripes.setChecked(True)
        stripes.toggled.connect(self.transcript_view.set_show_stripes)
        numbers = self._action("view", _tr("Paragraph &numbers"), lambda: None)
        numbers.setCheckable(True)
        numbers.setChecked(True)
        numbers.toggled.connect(self.transcript_view.set_show_numbers)
        attrs = self._action("view", _tr("Document &attributes"), lambda: None)
        attrs.setCheckable(True)
        attrs.toggled.connect(self.browser.show_attribute_columns)
        self._menus["view"].addSeparator()
        for dock in (self.browser_dock, self.codebook_dock, self.codings_dock):
            self._menus["view"].addAction(dock.toggleViewAction())
        self._action("help", _tr("&About Tematik"), self.about)
        self._file_plugin_anchor = file_anchor
        # number keys 1-9: quick codes, while the transcript has focus
        self._quick_shortcuts = []
        for i in range(9):
            sc = QShortcut(QKeySequence(str(i + 1)), self.transcript_view)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda i=i: self.quick_code(i))
            self._quick_shortcuts.append(sc)

    def _connect(self) -> None:
        tv = self.transcript_view
        tv.cursorCodingsChanged.connect(self.codings_panel.set_codings)
        tv.selectionSpanChanged.connect(self._on_selection)
        tv.resizeRequested.connect(self.resize_coding)
        tv.codingClicked.connect(self._select_coding)
        self.codings_panel.codingChosen.connect(self._select_coding)
        self.codings_panel.uncodeRequested.connect(self.uncode_coding)
        self.codebook.codeActivated.connect(self.code_selection)
        self.codebook.model.spanDropped.connect(self._on_span_dropped)
        self.codebook.model.moveRequested.connect(self.move_code)
        self.browser.documentActivated.connect(lambda d: self.open_document(d))
        self._view_combo.activated.connect(lambda i: self.set_view_mode(self._view_combo.itemData(i)))  # fmt: skip
        self._snap_combo.currentIndexChanged.connect(self._on_snap)

    def _on_selection(self, start: int, end: int) -> None:
        self._sel_label.setText("" if start < 0 else _tr("{n} characters selected").format(n=end - start))  # fmt: skip

    def _on_snap(self, _i: int) -> None:
        mode = self._snap_combo.currentData()
        self.transcript_view.snap_mode = mode
        cfg.put("coding/snap", mode, self.store)

    def _select_coding(self, coding_id: int) -> None:
        self.transcript_view.set_current_coding(coding_id)

    # --- coders and views --------------------------------------------------------------------

    def choose_coder(self) -> None:
        """Ask who is coding (status-bar button)."""
        c = self.current_coder()
        dlg = CoderDialog(self._coders, c.name if c else "", self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            name, role = dlg.choice()
            if name:
                self.set_coder(name, role)

    def set_coder(self, name: str, role: str = "analyst") -> None:
        """Make ``name`` the current coder (created when new)."""
        self._set_coder(name, role)
        self._sync_view_mode()

    def set_view_mode(self, mode: str, chosen: set[str] | None = None) -> None:
        """Show 'mine', 'all' or 'chosen' coders' codings."""
        if mode == "chosen" and chosen is None:
            names = [c.name for c in self._coders]
            picked = self._ask_coders(names)
            if picked is None:
                self._sync_view_mode()
                return
            chosen = picked
        if chosen is not None:
            self._chosen_coders = set(chosen)
            cfg.put("coding/chosen_coders", sorted(self._chosen_coders), self.store)
        self._view_mode = mode
        cfg.put("coding/coder_view", mode, self.store)
        self._sync_view_mode()

    def _ask_coders(self, names: list[str]) -> set[str] | None:
        menu = QMenu(self)
        acts = []
        for n in names:
            a = menu.addAction(n)
            a.setCheckable(True)
            a.setChecked(n in self._chosen_coders)
            acts.append(a)
        menu.addSeparator()
        ok = menu.addAction(_tr("Show these coders"))
        for a in acts:  # keep the menu open while ticking
            a.triggered.connect(lambda _c=False: menu.popup(menu.pos()))
        chosen = menu.exec(self._view_combo.mapToGlobal(self._view_combo.rect().topLeft()))
        if chosen is not ok and chosen not in acts:
            return None
        return {a.text() for a in acts if a.isChecked()}

    def _sync_view_mode(self) -> None:
        i = self._view_combo.findData(self._view_mode)
        self._view_combo.setCurrentIndex(max(i, 0))
        visible = self.visible_coder_ids()
        self.transcript_view.set_visible_coders(visible)
        self.codebook.model.set_count_coders(visible)

    # --- coding ------------------------------------------------------------------------------

    def quick_codes(self) -> list[int]:
        """Code ids on the number keys 1-9 (the setting, else the first codable codes)."""
        nodes = self._codebook.nodes if self._codebook else []
        by_guid = {n.guid: n.id for n in nodes}
        chosen = [by_guid[g] for g in cfg.get("coding/quick_codes", self.store) if g in by_guid]
        if chosen:
            return chosen[:9]
        return [n.id for n in nodes if n.codable][:9]

    def quick_code(self, i: int) -> None:
        codes = self.quick_codes()
        if i < len(codes):
            self.code_selection(codes[i])

    def code_with_selected(self) -> None:
        cid = self.selected_code_id()
        if cid is None:
            self.statusBar().showMessage(_tr("Select a code in the codebook first."), 4000)
            return
        self.code_selection(cid)

    def code_selection(self, code_id: int, span: tuple[int, int] | None = None) -> OpCommand | None:
        """Code the selection (or ``span``) with a code, as the current coder (undoable)."""
        doc = self.current_document_id()
        span = span or self.transcript_view.selection_span()
        if doc is None or span is None or span[0] >= span[1]:
            self.statusBar().showMessage(_tr("Select a passage to code first."), 4000)
            return None
        if self._coder_id is None:
            return None
        cmd = add_coding_command(
            self.ops, doc, code_id, self._coder_id, span[0], span[1],
            on_added=self._coding_added, on_removed=self._coding_removed,
            text=_tr("Code with {code}").format(code=self._code_info(code_id)[0]),
        )  # fmt: skip
        return push(self.undo_stack, self._local(cmd))

    def _local(self, cmd: OpCommand) -> OpCommand:
        """The change notices of this command are applied in place by its callbacks."""
        cmd.local_ops = self._local_ops
        return cmd

    def _coding_added(self, span: CodingSpan) -> None:
        if self.transcript_view.document_id is not None:
            self.transcript_view.add_coding(span)
        self.codebook.model.bump(span.code_id, span.coder_id, +1)
        doc = self.current_document_id()
        if doc is not None and not self.browser.model.bump(doc, span.coder_id, +1):
            self.reload_documents()  # a supervisor's first coding: their column appears

    def _coding_removed(self, coding_id: int) -> None:
        span = next((c for c in self.transcript_view.codings() if c.id == coding_id), None)
        self.transcript_view.remove_coding(coding_id)
        if span is not None:
            self.codebook.model.bump(span.code_id, span.coder_id, -1)
            doc = self.current_document_id()
            if doc is not None:
                self.browser.model.bump(doc, span.coder_id, -1)

    def _on_span_dropped(self, code_id: int, doc_id: int, start: int, end: int) -> None:
        if doc_id == self.current_document_id():
            self.code_selection(code_id, (start, end))

    def code_palette(self) -> None:
        """Ctrl+K: choose a code by fuzzy search and code the selection with it."""
        nodes = self._codebook.nodes if self._codebook else []
        dlg = CodePalette(nodes, self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.chosen is not None:
            self.code_selection(dlg.chosen)

    def in_vivo(self) -> None:
        """Make a code named by the selected words and code the selection with it."""
        doc, span = self.current_document_id(), self.transcript_view.selection_span()
        if doc is None or span is None or self._coder_id is None:
            self.statusBar().showMessage(_tr("Select the words to make a code of."), 4000)
            return
        sel = self.selected_code_id()
        node = self.codebook.model.node(sel) if sel is not None else None
        parent = None
        if node is not None:
            parent = node.id if not node.codable else node.parent_id
        cmd = in_vivo_command(self.ops, doc, self._coder_id, span[0], span[1], parent)
        push(self.undo_stack, cmd)

    def _my_coding_at_cursor(self) -> CodingSpan | None:
        cur = self.transcript_view.current_coding()
        if cur is not None:
            return cur
        tv = self.transcript_view
        span = tv.selection_span()
        here = tv.codings_in(*span) if span else tv.codings_at(tv.cursor_position())
        mine = [c for c in here if c.coder_id == self._coder_id]
        sel = self.selected_code_id()
        pick = [c for c in mine if c.code_id == sel] or mine
        return pick[-1] if pick else None

    def uncode(self) -> None:
        """Remove the current coding (or my coding at the cursor)."""
        c = self._my_coding_at_cursor()
        if c is None:
            self.statusBar().showMessage(_tr("No coding of yours here to remove."), 4000)
            return
        self.uncode_coding(c.id)

    def uncode_coding(self, coding_id: int) -> None:
        doc = self.current_document_id()
        if doc is None:
            return
        cmd = remove_coding_command(
            self.ops,
            coding_id,
            doc,
            on_removed=self._coding_removed,
            on_restored=self._coding_added,
        )
        push(self.undo_stack, self._local(cmd))

    def resize_coding(self, coding_id: int, start: int, end: int) -> None:
        """Move a coding's ends (undoable)."""
        doc = self.current_document_id()
        if doc is None:
            return
        cmd = resize_coding_command(
            self.ops, coding_id, doc, start, end, on_done=self.transcript_view.add_coding
        )
        push(self.undo_stack, self._local(cmd))

    def nudge(self, edge: str, direction: int) -> None:
        """Move one end of the current coding by a word (keyboard resize)."""
        c = self._my_coding_at_cursor()
        if c is None:
            return
        self.transcript_view.set_current_coding(c.id)
        text = self.transcript_view.text
        s, e = c.start, c.end
        if edge == "end":
            e = word_step(text, e, direction)
        else:
            s = word_step(text, s, direction)
        if s < e and (s, e) != (c.start, c.end):
            self.resize_coding(c.id, s, e)

    def move_code(self, code_id: int, parent_id: int | None, position: int | None) -> None:
        """Reorganise the codebook (undoable)."""
        push(self.undo_stack, move_code_command(self.ops, code_id, parent_id, position))

    # --- other dialogs (written alongside; each optional) ------------------------------------

    def memo_on_coding(self) -> None:
        c = self._my_coding_at_cursor() or self.transcript_view.current_coding()
        if c is None:
            self.statusBar().showMessage(_tr("Put the cursor in a coding first."), 4000)
            return
        md = _optional("app.memo_dialog")
        if md is not None:
            label = self._code_info(c.code_id)[0]
            dlg = md.MemoDialog(self.ops, md.MemoTarget.coding(c.id, label), self._coder_id, self, self.undo_stack)  # fmt: skip
            dlg.open()
            return
        text, ok = QInputDialog.getMultiLineText(self, _tr("Memo"), _tr("Memo on this coding:"), c.memo)  # fmt: skip
        if ok:
            from app.undo_commands import coding_memo_command

            doc = self.current_document_id() or 0
            push(self.undo_stack, coding_memo_command(self.ops, c.id, doc, text))

    def open_memo(self, kind: str) -> None:
        md = _optional("app.memo_dialog")
        if md is None:
            return
        doc_id, code_id = self.current_document_id(), self.selected_code_id()
        if kind == "document" and doc_id is not None:
            name = next((r.name for r in self._doc_rows if r.id == doc_id), "")
            target = md.MemoTarget.document(doc_id, name)
        elif kind == "code" and code_id is not None:
            target = md.MemoTarget.code(code_id, self._code_info(code_id)[0])
        elif kind == "project":
            target = md.MemoTarget.project(self.db.display_name)
        else:
            return
        md.MemoDialog(self.ops, target, self._coder_id, self, self.undo_stack).open()

    def edit_code(self) -> None:
        ce = _optional("app.codebook_editor")
        cid = self.selected_code_id()
        if ce is not None and cid is not None:
            ce.CodebookEditor(self.ops, cid, self, self.undo_stack).open()

    def open_search(self) -> None:
        sd = _optional("app.search_dialog")
        if sd is None:
            return
        dlg = sd.SearchDialog(self.ops, self, undo_stack=self.undo_stack, coder_id=self._coder_id, document_id=self.current_document_id())  # fmt: skip
        dlg.jumpRequested.connect(lambda d, s, e: self.open_document(d, select=(s, e)))
        dlg.show()

    def show_retrieval(self) -> None:
        if getattr(self, "_retrieval_dock", None) is not None:
            self._retrieval_dock.show()
            self._retrieval_dock.raise_()
            return
        rv = _optional("app.retrieval_view")
        if rv is None:
            return
        view = rv.RetrievalView(self.ops, self)
        view.jumpRequested.connect(lambda d, s, e: self.open_document(d, select=(s, e)))
        self._retrieval_dock = self.add_dock(view, _tr("Retrieval"), Qt.DockWidgetArea.BottomDockWidgetArea)  # fmt: skip

    def import_files(self) -> None:
        if self._importer is not None:
            self._importer.choose_and_import()

    def open_settings(self) -> None:
        sd = _optional("app.settings_dialog")
        if sd is None:
            return
        dlg = sd.SettingsDialog(self.store, self)
        dlg.settingsChanged.connect(self._settings_changed)
        dlg.open()

    def _settings_changed(self, keys: list[str]) -> None:
        if "coding/snap" in keys:
            mode = cfg.get("coding/snap", self.store)
            self._snap_combo.setCurrentIndex(max(self._snap_combo.findData(mode), 0))
        if "coding/coder_view" in keys:
            self._view_mode = cfg.get("coding/coder_view", self.store)
            self._sync_view_mode()

    def new_project(self) -> None:
        pd = _optional("app.project_dialogs")
        if pd is None:
            return
        dlg = pd.NewProjectDialog(self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        spec = dlg.spec()
        from coding.errors import TematikError
        from coding.project import create_project

        try:
            create_project(spec.path, name=spec.name, language=spec.language, codebook=spec.codebook).close()  # fmt: skip
        except TematikError as exc:
            QMessageBox.warning(self, "Tematik", str(exc))
            return
        self.projectRequested.emit(str(spec.path))

    def open_project_dialog(self) -> None:
        pd = _optional("app.project_dialogs")
        path = pd.ask_open_project(self) if pd else None
        if path:
            self.projectRequested.emit(path)

    def open_url_dialog(self) -> None:
        pd = _optional("app.project_dialogs")
        if pd is None:
            return
        dlg = pd.DatabaseUrlDialog(self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.projectRequested.emit(dlg.url())

    def about(self) -> None:
        QMessageBox.about(
            self,
            _tr("About Tematik"),
            _tr("<b>Tematik</b><br>Qualitative coding of interview transcripts.<br>"
                "Works fully offline; your project stays on this computer."),
        )  # fmt: skip

    # --- helpers -----------------------------------------------------------------------------

    def _code_info(self, code_id: int) -> tuple[str, str]:
        style = self.transcript_view.code_style(code_id)
        return style.path, style.color

    def _coder_name(self, coder_id: int) -> str:
        return self.transcript_view.coder_name(coder_id)

    def _restore_layout(self) -> None:
        geo = cfg.get("window/geometry", self.store)
        state = cfg.get("window/state", self.store)
        if not geo.isEmpty():
            self.restoreGeometry(geo)
        if not state.isEmpty():
            self.restoreState(state)
        else:
            # at 1440 px: documents 290, codebook 380, the transcript the rest (~540 px of text)
            self.resizeDocks([self.browser_dock, self.codebook_dock], [290, 380], Qt.Orientation.Horizontal)  # fmt: skip
            self.resizeDocks([self.codebook_dock, self.codings_dock], [560, 200], Qt.Orientation.Vertical)  # fmt: skip

    def save_layout(self) -> None:
        cfg.put("window/geometry", self.saveGeometry(), self.store)
        cfg.put("window/state", self.saveState(), self.store)

    def shutdown(self) -> None:
        """Stop background work and the database thread (the caller closes the database)."""
        self.jobs.shutdown()
        self.ops.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.shutdown()
        super().closeEvent(event)
