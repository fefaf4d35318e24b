"""The codebook editor and the memo dialog: load, save through the ops runner, undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtTest import QTest

from app.codebook_editor import CodebookEditor
from app.memo_dialog import MemoDialog, MemoTarget
from app.ops import OpRunner
from coding.codebook import find_code, terms_of
from coding.codings import add_coding, get_coding, get_memo
from coding.documents import store_document
from coding.importing.base import ParsedDocument
from coding.project import ensure_coder, transaction
from coding.queries import codes_by_id
from models.db import Database

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TEXT = "I: Hvorfor skiftede du?\nR: Lønnen i det private var bedre, og pensionen følger med.\n"


@pytest.fixture
def ops(db: Database) -> Iterator[OpRunner]:
    runner = OpRunner(db)
    yield runner
    runner.stop()


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with transaction(db) as s:
        doc = store_document(s, "Interview 1", ParsedDocument(TEXT, "txt"))
        anne = ensure_coder(s, "Anne")
        pay = find_code(s, "Løn og pension")
        coding = add_coding(s, doc.id, pay.id, anne.id, 27, 33)
        return {
            "doc": doc.id,
            "anne": anne.id,
            "pay": pay.id,
            "barriers": find_code(s, "Barrierer").id,
            "coding": coding.id,
        }


def _code(db: Database, code_id: int) -> dict:
    with transaction(db) as s:
        code = codes_by_id(s)[code_id]
        return {
            "name": code.name,
            "kind": code.kind,
            "color": code.color,
            "definition": code.definition,
            "inclusion": code.inclusion,
            "exclusion": code.exclusion,
            "example": code.example,
            "terms": terms_of(code),
            "codable": code.codable,
        }


def _open_editor(ops: OpRunner, code_id: int, qtbot, stack: QUndoStack) -> CodebookEditor:
    editor = CodebookEditor(ops, code_id, undo_stack=stack)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        editor.show()
    return editor


def test_codebook_editor_loads_and_saves_changed_fields_with_undo(
    ops: OpRunner, db: Database, ids: dict[str, int], qtbot
) -> None:
    stack = QUndoStack()
    original = _code(db, ids["pay"])
    editor = _open_editor(ops, ids["pay"], qtbot, stack)
    assert editor.name_edit.text() == "Løn og pension"
    assert editor.text_edits["definition"].toPlainText() == original["definition"]
    assert editor.terms_edit.toPlainText().splitlines() == original["terms"]
    assert not editor.kind_box.isEnabled()  # a sub-code inherits its kind
    assert editor.kind_box.currentData() == "barrier"

    editor.text_edits["definition"].setPlainText(
        "Løn, pension og frynsegoder – økonomiske forhold."
    )
    editor.text_edits["exclusion"].setPlainText("Ikke: arbejdstid (brug Arbejdsvilkår).")
    editor.terms_edit.setPlainText("løn\npension\n\n  bonus  \nfratrædelsesgodtgørelse")
    editor.set_color("#123abc")
    assert set(editor.changes()) == {"definition", "exclusion", "indicator_terms", "color"}
    with qtbot.waitSignal(editor.saved, timeout=5000) as blocker:
        QTest.keySequence(editor, QKeySequence(QKeySequence.StandardKey.Save))
    old, new = blocker.args
    assert old["definition"] == original["definition"] and old["color"] == original["color"]
    saved = _code(db, ids["pay"])
    assert saved["definition"] == "Løn, pension og frynsegoder – økonomiske forhold."
    assert saved["exclusion"] == "Ikke: arbejdstid (brug Arbejdsvilkår)."
    assert saved["terms"] == ["løn", "pension", "bonus", "fratrædelsesgodtgørelse"]
    assert saved["color"] == "#123abc"
    assert saved["name"] == original["name"] and saved["example"] == original["example"]
    assert editor.result() == editor.DialogCode.Accepted and stack.count() == 1

    with qtbot.waitSignal(ops.changed, timeout=5000):
        stack.undo()
    assert _code(db, ids["pay"]) == original
    with qtbot.waitSignal(ops.changed, timeout=5000):
        stack.redo()
    assert _code(db, ids["pay"]) == saved


def test_codebook_editor_changes_kind_and_name_of_a_top_level_code(
    ops: OpRunner, db: Database, ids: dict[str, int], qtbot
) -> None:
    editor = _open_editor(ops, ids["barriers"], qtbot, QUndoStack())
    assert editor.kind_box.isEnabled() and editor.kind_box.currentData() == "barrier"
    assert not editor.codable_box.isChecked()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("condition"))
    editor.name_edit.setText("Forhold")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        QTest.mouseClick(editor.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    saved = _code(db, ids["barriers"])
    assert (saved["kind"], saved["name"]) == ("condition", "Forhold")


def test_memo_dialog_saves_memos_on_a_coding_and_a_document(
    ops: OpRunner, db: Database, ids: dict[str, int], qtbot
) -> None:
    stack = QUndoStack()
    dialog = MemoDialog(
        ops, MemoTarget.coding(ids["coding"], "Lønnen"), ids["anne"], undo_stack=stack
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000) as blocker:
        dialog.show()
    assert blocker.args == [""] and "Lønnen" in dialog.windowTitle()
    QTest.keyClicks(dialog.editor, "Lønnen nævnes først: vigtig pointe.")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        QTest.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["", "Lønnen nævnes først: vigtig pointe."]
    with transaction(db) as s:
        assert get_coding(s, ids["coding"]).memo == "Lønnen nævnes først: vigtig pointe."
    with qtbot.waitSignal(ops.changed, timeout=5000):
        stack.undo()
    with transaction(db) as s:
        assert get_coding(s, ids["coding"]).memo == ""

    doc_dialog = MemoDialog(ops, MemoTarget.document(ids["doc"], "Interview 1"), ids["anne"])
    qtbot.addWidget(doc_dialog)
    with qtbot.waitSignal(doc_dialog.loaded, timeout=5000):
        doc_dialog.show()
    doc_dialog.editor.setPlainText("Interviewet blev afbrudt efter 40 min.\n")
    with qtbot.waitSignal(doc_dialog.saved, timeout=5000):
        doc_dialog.accept()
    with transaction(db) as s:
        memo = get_memo(s, coder_id=ids["anne"], document_id=ids["doc"])
        assert memo is not None and memo.text == "Interviewet blev afbrudt efter 40 min."

    # reopening shows the saved text; emptying it removes the memo
    again = MemoDialog(ops, MemoTarget.document(ids["doc"]), ids["anne"])
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=5000) as blocker:
        again.show()
    assert blocker.args == ["Interviewet blev afbrudt efter 40 min."]
    again.editor.clear()
    with qtbot.waitSignal(again.saved, timeout=5000):
        again.accept()
    with transaction(db) as s:
        assert get_memo(s, coder_id=ids["anne"], document_id=ids["doc"]) is None


def test_project_memo(ops: OpRunner, db: Database, ids: dict[str, int], qtbot) -> None:
    dialog = MemoDialog(ops, MemoTarget.project(), ids["anne"])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    dialog.editor.setPlainText("Fokus: barrierer ved skift fra kommune til stat.")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.accept()
    with transaction(db) as s:
        memo = get_memo(s, coder_id=ids["anne"])
        assert memo is not None and memo.text.startswith("Fokus")
