"""The coding workbench on a real project file: open, code, undo/redo, uncode, resize,
per-coder views, drag-reorganise the codebook, item models under qtmodeltester."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QObject, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

import app.ops  # noqa: F401  (PySide6 6.12 refcount guard before any widget)
from app.codebook_table_model import CODE_MIME
from app.document_browser import progress_scale
from app.main_window import MainWindow, fuzzy_score
from app.transcript_view import SPAN_MIME
from coding.codebook import code_tree, find_code
from coding.codings import add_coding
from coding.documents import store_document
from coding.errors import TematikError
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.project import create_project, ensure_coder, transaction
from coding.workbench import document_codings
from models.db import Database

# The offscreen platform cannot resize a real window to the dock size hints; not a bug.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TEXT = (
    "Interviewer: Hvorfor skiftede du fra kommunen til det private?\n\n"
    "Leder: Lønnen var bedre 😀, og jeg savnede frihed. Pensionen var dog dårligere.\n\n"
    "Interviewer: Ville du skifte tilbage?\n\n"
    "Leder: Måske, hvis opgaverne var meningsfulde. Æøå er vigtige bogstaver.\n"
)


def _turns(text: str) -> list[ParsedTurn]:
    out, pos = [], 0
    for para in text.split("\n\n"):
        name, _, _rest = para.partition(": ")
        start = pos + len(name) + 2
        out.append(ParsedTurn(start, pos + len(para.rstrip("\n")), name))
        pos += len(para) + 2
    return out


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Database]:
    db = create_project(tmp_path / "w.tematik", language="da")
    with transaction(db) as s:
        doc = store_document(s, "Interview 1", ParsedDocument(TEXT, "txt", _turns(TEXT)))
        anne = ensure_coder(s, "Anne")
        ensure_coder(s, "Bo")
        code = next(n for n in code_tree(s) if n.codable)
        add_coding(s, doc.id, code.id, anne.id, TEXT.index("Lønnen"), TEXT.index("bedre") + 5)
    yield db
    db.close()


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, project: Database, store: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(project, coder="Bo", ask_coder=False, store=store, install_plugins=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.current_document_id() is not None)
    yield w
    w.shutdown()


def _db_codings(w: MainWindow) -> list:
    doc = w.current_document_id()
    return w.ops.run_and_wait(lambda s: document_codings(s, doc))


def _first_code(w: MainWindow, n: int = 0) -> int:
    return [x.id for x in w.codebook.model.nodes() if x.codable][n]


def test_opens_with_text_codings_and_coder(window: MainWindow) -> None:
    tv = window.transcript_view
    assert tv.text == TEXT
    assert len(tv.codings()) == 1
    assert window.current_coder().name == "Bo"
    assert "Bo" in window._coder_button.text()
    assert window.browser.model.rowCount() == 1


def test_code_by_selection_and_double_click_undo_redo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    start = TEXT.index("frihed")
    tv.select_span(start, start + len("frihed"))
    code = _first_code(window, 1)
    idx = window.codebook.proxy.mapFromSource(window.codebook.model.index_of(code))
    window.codebook.tree.doubleClicked.emit(idx)
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    rows = _db_codings(window)
    new = [c for c in rows if c.code_id == code and c.coder_id == window.current_coder_id()]
    assert [(c.start, c.end) for c in new] == [(start, start + 6)]
    assert window.codebook.model.count(code) == 1
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: len(tv.codings()) == 1)
    assert len(_db_codings(window)) == 1
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    assert [c.id for c in _db_codings(window) if c.code_id == code] == [new[0].id]


def test_number_key_codes_selection_with_emoji_positions(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    start = TEXT.index("Pensionen")  # after the emoji: UTF-16 and code points differ
    tv.select_span(start, start + len("Pensionen"))
    assert tv.selection_span() == (start, start + 9)
    tv.setFocus()
    qtbot.keyClick(tv, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    added = [c for c in _db_codings(window) if c.start == start]
    assert added and added[0].end == start + 9
    assert added[0].code_id == window.quick_codes()[0]
    assert TEXT[added[0].start : added[0].end] == "Pensionen"


def test_ctrl_shortcuts_undo_redo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    start = TEXT.index("opgaverne")
    tv.select_span(start, start + 9)
    window.code_selection(_first_code(window))
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    tv.setFocus()
    qtbot.keyClick(tv, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(tv.codings()) == 1)
    qtbot.keyClick(tv, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)


def test_uncode_and_undo_restores_same_coding(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    start = TEXT.index("Ville")
    tv.select_span(start, start + 5)
    window.code_selection(_first_code(window))
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    mine = [c for c in _db_codings(window) if c.start == start][0]
    tv.select_span(start + 1, start + 2)
    window.uncode()
    qtbot.waitUntil(lambda: len(tv.codings()) == 1)
    assert all(c.id != mine.id for c in _db_codings(window))
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    assert any(c.id == mine.id for c in _db_codings(window))


def test_resize_with_keys_and_by_signal(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    start = TEXT.index("Måske")
    tv.select_span(start, start + 5)
    window.code_selection(_first_code(window))
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    cid = [c for c in _db_codings(window) if c.start == start][0].id
    tv.set_current_coding(cid)
    window.nudge("end", 1)  # Ctrl+Alt+Right: one more word
    qtbot.waitUntil(lambda: [c.end for c in tv.codings() if c.id == cid] == [TEXT.index(", hvis") + 6])  # fmt: skip
    end = TEXT.index("opgaverne") + len("opgaverne")
    tv.resizeRequested.emit(cid, start, end)
    qtbot.waitUntil(lambda: [c.end for c in _db_codings(window) if c.id == cid] == [end])
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: [c.end for c in _db_codings(window) if c.id == cid] == [TEXT.index(", hvis") + 6])  # fmt: skip


def test_duplicate_coding_error_leaves_stack_clean(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[BaseException] = []
    monkeypatch.setattr("app.undo_commands.report_error", lambda exc, *_a: shown.append(exc))
    tv = window.transcript_view
    first = tv.codings()[0]
    window._coder_id = first.coder_id  # Anne's existing coding, again by Anne
    window.code_selection(first.code_id, (first.start, first.end))
    qtbot.waitUntil(lambda: bool(shown))
    assert "already coded" in str(shown[0])
    qtbot.waitUntil(lambda: window.undo_stack.index() == 0)
    assert len(_db_codings(window)) == 1


def test_filter_by_coder_views(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    start = TEXT.index("frihed")
    tv.select_span(start, start + 6)
    window.code_selection(_first_code(window))
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    window.set_view_mode("mine")
    assert [c.coder_id for c in tv.visible_codings()] == [window.current_coder_id()]
    window.set_view_mode("all")
    assert len(tv.visible_codings()) == 2
    window.set_view_mode("chosen", {"Anne"})
    anne = [c.id for c in window._coders if c.name == "Anne"][0]
    assert [c.coder_id for c in tv.visible_codings()] == [anne]
    code = tv.visible_codings()[0].code_id
    assert window.codebook.model.count(code) == 1


def test_drag_code_to_new_parent_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.codebook.model
    roots = [n for n in model.nodes() if n.parent_id is None]
    child = next(n for n in model.nodes() if n.parent_id == roots[0].id)
    target = roots[1]
    mime = QMimeData()
    mime.setData(CODE_MIME, str(child.id).encode())
    proxy = window.codebook.proxy
    parent = proxy.mapFromSource(model.index_of(target.id))
    assert proxy.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, parent)
    proxy.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, parent)
    qtbot.waitUntil(lambda: model.node(child.id) is not None and model.node(child.id).parent_id == target.id)  # fmt: skip
    assert model.index_of(child.id).row() == 0
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: model.node(child.id).parent_id == roots[0].id)
    assert model.index_of(child.id).row() == model.index_of(child.id).row()


def test_drop_text_on_code_codes_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    start = TEXT.index("skifte tilbage")
    tv.select_span(start, start + 6)
    mime = tv.createMimeDataFromSelection()
    assert mime.hasFormat(SPAN_MIME)
    code = _first_code(window, 2)
    model = window.codebook.model
    model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, model.index_of(code))
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    assert any(c.code_id == code and c.start == start for c in _db_codings(window))


def test_in_vivo_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    start = TEXT.index("savnede frihed")
    tv.select_span(start, start + len("savnede frihed"))
    window.in_vivo()
    qtbot.waitUntil(lambda: any(n.name == "savnede frihed" for n in window.codebook.model.nodes()))
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: all(n.name != "savnede frihed" for n in window.codebook.model.nodes()))
    qtbot.waitUntil(lambda: len(tv.codings()) == 1)
    with transaction(window.db) as s, pytest.raises(TematikError):
        find_code(s, "savnede frihed")


def test_codebook_filter_keeps_parents(window: MainWindow) -> None:
    leaf = next(n for n in window.codebook.model.nodes() if n.codable and n.parent_id)
    window.codebook.filter.setText(leaf.name)
    proxy = window.codebook.proxy
    assert proxy.rowCount() >= 1
    idx = proxy.mapFromSource(window.codebook.model.index_of(leaf.id))
    assert idx.isValid()


def test_models_pass_modeltester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.codebook.model)
    qtmodeltester.check(window.codebook.proxy)
    qtmodeltester.check(window.browser.model)
    window.transcript_view.select_span(TEXT.index("Lønnen"), TEXT.index("Lønnen") + 3)
    qtmodeltester.check(window.codings_panel.model)
    assert window.codings_panel.model.rowCount() == 1


def test_fuzzy_palette_score() -> None:
    assert fuzzy_score("løn", "Barrierer/Løn og pension") is not None
    assert fuzzy_score("lp", "Barrierer/Løn og pension") is not None
    assert fuzzy_score("xyz", "Barrierer/Løn og pension") is None
    assert fuzzy_score("løn", "Barrierer/Løn") > fuzzy_score("løn", "Motivation/Bedre lønforhold i det private")  # fmt: skip


class _PaintLog(QObject):
    """Records the paint rectangles of some widgets."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.rects: dict[QWidget, list[QRect]] = {w: [] for w in widgets}
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and obj in self.rects:
            self.rects[obj].append(QRect(event.rect()))  # type: ignore[attr-defined]
        return False


def test_coding_repaints_only_the_affected_region(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tv = window.transcript_view
    qtbot.waitExposed(window)
    start = TEXT.index("opgaverne")
    tv.select_span(start, start + len("opgaverne"))
    QApplication.processEvents()
    log = _PaintLog(tv.viewport(), tv.stripe_area)
    cells: list[tuple[int, int, int, int]] = []
    window.browser.model.dataChanged.connect(
        lambda a, b, _roles=(): cells.append((a.row(), a.column(), b.row(), b.column()))
    )
    window.code_selection(_first_code(window, 2))
    qtbot.waitUntil(lambda: len(tv.codings()) == 2)
    QApplication.processEvents()
    vp, stripes = log.rects[tv.viewport()], log.rects[tv.stripe_area]
    assert vp and stripes  # the passage and its new stripe were painted ...
    assert all(r.height() < tv.viewport().height() // 2 for r in vp)  # ... not the whole view
    assert all(r.height() < tv.stripe_area.height() // 2 for r in stripes)
    assert any(s.coding_id != tv.codings()[0].id for s in tv.stripe_area.stripes)
    bo = window.browser.model.coder_columns()[1]  # columns: Anne, Bo
    assert cells == [(0, bo, 0, bo)]  # only Bo's count cell of this document
    assert window.browser.model.index(0, bo).data() == "1"


def test_progress_scale_steps_rarely() -> None:
    assert [progress_scale(n) for n in (0, 1, 14, 20)] == [1, 1, 14, 20]
    assert progress_scale(21) == 21 and progress_scale(99) == 99
    assert progress_scale(1250) == 1300 and progress_scale(1300) == 1300
    assert progress_scale(1301) == 1400
    assert len({progress_scale(n) for n in range(1000, 2000)}) == 11  # 1000, 1100 … 2000


def test_codings_panel_keeps_rows_when_unchanged(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.codings_panel.model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    rows = window.transcript_view.codings()
    model.set_codings(rows)
    model.set_codings(list(reversed(rows)))
    assert len(resets) == 1 and model.rowCount() == 1
    path = window._code_info(rows[0].code_id)[0]
    assert model.index(0, 0).data() == path.rsplit("/", 1)[-1]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == path
