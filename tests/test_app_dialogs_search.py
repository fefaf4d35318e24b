"""The search dialog: plain and regex search over Danish text, jump, code all hits + undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from app.ops import OpRunner
from app.search_dialog import SearchDialog
from coding.codebook import find_code
from coding.documents import find_document
from coding.project import get_coder, transaction
from coding.search import search_documents
from models.db import Database

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def ops(demo_db: Database) -> Iterator[OpRunner]:
    runner = OpRunner(demo_db)
    yield runner
    runner.stop()


@pytest.fixture
def ids(demo_db: Database) -> dict[str, int]:
    with transaction(demo_db) as s:
        return {
            "anne": get_coder(s, "Anne").id,
            "doc1": find_document(s, "01_kommune_til_privat").id,
            "pay": find_code(s, "Løn og pension").id,
        }


@pytest.fixture
def dialog(ops: OpRunner, ids: dict[str, int], qtbot) -> SearchDialog:
    d = SearchDialog(ops, undo_stack=QUndoStack(), coder_id=ids["anne"], document_id=ids["doc1"])
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.code_box.count() > 0)
    return d


def _count_codings(db: Database, code_id: int, coder_id: int) -> int:
    from coding.queries import segments

    with transaction(db) as s:
        return len(segments(s, code_ids=[code_id], coder_ids=[coder_id]))


def test_plain_search_in_all_documents_over_danish_text(
    dialog: SearchDialog, demo_db: Database, qtbot
) -> None:
    dialog.all_docs_radio.setChecked(True)
    QTest.keyClicks(dialog.pattern_edit, "ØKONOMI")
    with qtbot.waitSignal(dialog.searched, timeout=5000) as blocker:
        QTest.keyClick(dialog.pattern_edit, Qt.Key.Key_Return)
    with transaction(demo_db) as s:
        expected = search_documents(s, "økonomi")
    assert blocker.args == [len(expected)] and len(expected) > 1
    assert dialog.model.hits() == expected
    assert len({h.document_id for h in expected}) > 1
    assert all(h.text.lower() == "økonomi" for h in dialog.model.hits())
    assert dialog.status_label.text().startswith(str(len(expected)))


def test_regex_search_in_the_current_document_and_jump(
    dialog: SearchDialog, demo_db: Database, ids: dict[str, int], qtbot, qtmodeltester
) -> None:
    assert dialog.current_doc_radio.isChecked()
    dialog.regex_box.setChecked(True)
    dialog.pattern_edit.setText(r"\bl[øo]n\w*")
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.search()
    hits = dialog.model.hits()
    assert hits and {h.document_id for h in hits} == {ids["doc1"]}
    with transaction(demo_db) as s:
        text = find_document(s, "01_kommune_til_privat").text
    assert all(text[h.start : h.end] == h.text for h in hits)
    assert all(h.text.lower().startswith(("løn", "lon")) for h in hits)
    qtmodeltester.check(dialog.model)
    dialog.results.setFocus()
    dialog.results.setCurrentIndex(dialog.model.index(1 if len(hits) > 1 else 0, 0))
    hit = dialog.model.hit(dialog.results.currentIndex().row())
    with qtbot.waitSignal(dialog.jumpRequested, timeout=2000) as blocker:
        QTest.keyClick(dialog.results, Qt.Key.Key_Return)
    assert blocker.args == [hit.document_id, hit.start, hit.end]


def test_bad_regex_is_shown_in_the_dialog(dialog: SearchDialog, qtbot) -> None:
    dialog.regex_box.setChecked(True)
    dialog.pattern_edit.setText("løn(")
    with qtbot.waitSignal(dialog.searched, timeout=5000) as blocker:
        dialog.search()
    assert blocker.args == [0]
    assert "not valid" in dialog.status_label.text()
    assert not dialog.code_all_button.isEnabled()


def test_code_all_hits_is_one_undoable_step(
    dialog: SearchDialog, demo_db: Database, ids: dict[str, int], qtbot
) -> None:
    dialog.all_docs_radio.setChecked(True)
    dialog.pattern_edit.setText("pension")
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.search()
    hits = dialog.model.hits()
    assert len(hits) >= 2
    dialog.set_code(ids["pay"])
    before = _count_codings(demo_db, ids["pay"], ids["anne"])
    assert dialog.code_all_button.isEnabled()
    with qtbot.waitSignal(dialog.coded, timeout=5000) as blocker:
        QTest.mouseClick(dialog.code_all_button, Qt.MouseButton.LeftButton)
    new_ids = blocker.args[0]
    assert 0 < len(new_ids) <= len(hits)
    assert _count_codings(demo_db, ids["pay"], ids["anne"]) == before + len(new_ids)
    stack = dialog.undo_stack
    assert stack is not None and stack.count() == 1

    # a second time: every hit is already coded, nothing new, no undo step
    with qtbot.waitSignal(dialog.coded, timeout=5000) as blocker:
        dialog.code_all_hits()
    assert blocker.args == [[]] and stack.count() == 1
    assert "already coded" in dialog.status_label.text()

    with qtbot.waitSignal(dialog.ops.changed, timeout=5000):
        stack.undo()
    assert _count_codings(demo_db, ids["pay"], ids["anne"]) == before
    with qtbot.waitSignal(dialog.ops.changed, timeout=5000):
        stack.redo()
    assert _count_codings(demo_db, ids["pay"], ids["anne"]) == before + len(new_ids)
    with transaction(demo_db) as s:
        from coding.queries import segments

        restored = {x.coding_id for x in segments(s, code_ids=[ids["pay"]])}
    assert set(new_ids) <= restored  # the same codings (ids) came back
