"""Undoable actions: thin QUndoCommands around ``coding/`` services that return their inverse.

:class:`OpCommand` runs its ``redo(session, state)`` and ``undo(session, state)`` functions
through the window's :class:`app.ops.OpRunner`; both run on the one database thread in
order, so the inverse data a redo stores in ``state`` (a coding's snapshot, a move's old
place, a merge result) is there when undo runs. If a redo fails (say, the passage is already
coded with that code), the command is stepped back so it never sits in the stack as done.

The factories below build the commands of the workbench; other widgets (codebook editor,
memo dialog, suggestions) can push them too: ``window.undo_stack.push(cmd)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coding import codebook, codings
from coding.workbench import CodingSpan, coding_span, span_of
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.ops import OpRunner, Session, report_error

State = dict[str, Any]
Fn = Callable[[Session, State], Any]
Callback = Callable[[Any], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("UndoCommands", text)


class OpCommand(QUndoCommand):
    """An undoable database action.

    Args:
        ops: the runner.
        text: shown in the Edit menu ("Undo Code passage").
        redo / undo: functions of (session, state) run on the database thread.
        changes / document_ids: announced after each run.
        on_redo / on_undo: GUI-thread callbacks with the function's result.
    """

    def __init__(
        self,
        ops: OpRunner,
        text: str,
        redo: Fn,
        undo: Fn,
        *,
        changes: set[str],
        document_ids: set[int] | None = None,
        on_redo: Callback | None = None,
        on_undo: Callback | None = None,
        stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(text)
        self.ops = ops
        self.state: State = {}
        self._redo, self._undo = redo, undo
        self.changes = changes
        self.document_ids = document_ids or set()
        self.on_redo, self.on_undo = on_redo, on_undo
        self.stack = stack
        self.failed = False
        #: op ids of this command's runs go here; the window applies those changes in place
        self.local_ops: set[object] | None = None

    def redo(self) -> None:
        self.failed = False
        op_id = self.ops.run(
            lambda s: self._redo(s, self.state),
            success=self.on_redo,
            failure=self._redo_failed,
            changes=self.changes,
            document_ids=self.document_ids,
        )
        if self.local_ops is not None:
            self.local_ops.add(op_id)

    def undo(self) -> None:
        if self.failed:
            return
        op_id = self.ops.run(
            lambda s: self._undo(s, self.state),
            success=self.on_undo,
            changes=self.changes,
            document_ids=self.document_ids,
        )
        if self.local_ops is not None:
            self.local_ops.add(op_id)

    def _redo_failed(self, exc: BaseException) -> None:
        self.failed = True
        stack = self.stack
        if stack is not None and stack.index() > 0 and stack.command(stack.index() - 1) is self:
            stack.setIndex(stack.index() - 1)  # step back; the next push drops this command
        report_error(exc, "", None)


def push(stack: QUndoStack, cmd: OpCommand) -> OpCommand:
    """Push a command (which runs its redo)."""
    cmd.stack = stack
    stack.push(cmd)
    return cmd


# --- codings -----------------------------------------------------------------------------------


def add_coding_command(
    ops: OpRunner,
    document_id: int,
    code_id: int,
    coder_id: int,
    start: int,
    end: int,
    *,
    on_added: Callable[[CodingSpan], None] | None = None,
    on_removed: Callable[[int], None] | None = None,
    text: str | None = None,
) -> OpCommand:
    """Code [start, end); undo uncodes it, redo restores the same coding (same id)."""

    def redo(s: Session, st: State) -> CodingSpan:
        if "snapshot" in st:
            c = codings.restore_coding(s, st.pop("snapshot"))
        else:
            c = codings.add_coding(s, document_id, code_id, coder_id, start, end)
        st["id"] = c.id
        return span_of(c)

    def undo(s: Session, st: State) -> int:
        st["snapshot"] = codings.remove_coding(s, st["id"])
        return st["id"]

    return OpCommand(
        ops, text or _tr("Code passage"), redo, undo, changes={"codings"},
        document_ids={document_id}, on_redo=on_added, on_undo=on_removed,
    )  # fmt: skip


def remove_coding_command(
    ops: OpRunner,
    coding_id: int,
    document_id: int,
    *,
    on_removed: Callable[[int], None] | None = None,
    on_restored: Callable[[CodingSpan], None] | None = None,
) -> OpCommand:
    """Uncode; undo puts the coding back with its memos."""

    def redo(s: Session, st: State) -> int:
        st["snapshot"] = codings.remove_coding(s, coding_id)
        return coding_id

    def undo(s: Session, st: State) -> CodingSpan:
        return span_of(codings.restore_coding(s, st["snapshot"]))

    return OpCommand(
        ops, _tr("Uncode"), redo, undo, changes={"codings"}, document_ids={document_id},
        on_redo=on_removed, on_undo=on_restored,
    )  # fmt: skip


def resize_coding_command(
    ops: OpRunner,
    coding_id: int,
    document_id: int,
    start: int,
    end: int,
    *,
    on_done: Callable[[CodingSpan], None] | None = None,
) -> OpCommand:
    """Move a coding's ends; undo moves them back."""

    def redo(s: Session, st: State) -> CodingSpan:
        st["old"] = codings.resize_coding(s, coding_id, start, end)
        return coding_span(s, coding_id)  # type: ignore[return-value]

    def undo(s: Session, st: State) -> CodingSpan:
        codings.resize_coding(s, coding_id, *st["old"])
        return coding_span(s, coding_id)  # type: ignore[return-value]

    return OpCommand(
        ops, _tr("Resize coding"), redo, undo, changes={"codings"}, document_ids={document_id},
        on_redo=on_done, on_undo=on_done,
    )  # fmt: skip


def in_vivo_command(
    ops: OpRunner,
    document_id: int,
    coder_id: int,
    start: int,
    end: int,
    parent_id: int | None,
    *,
    on_done: Callable[[Any], None] | None = None,
) -> OpCommand:
    """Make a code named by the selected words and code the selection with it."""

    def redo(s: Session, st: State) -> CodingSpan:
        if "snapshot" in st:
            codebook.restore_snapshot(s, st.pop("snapshot"))
            span = coding_span(s, st["coding_id"])
        else:
            code, coding = codings.in_vivo(s, document_id, coder_id, start, end, parent_id)
            st["code_id"], st["coding_id"] = code.id, coding.id
            span = coding_span(s, coding.id)
        assert span is not None
        return span

    def undo(s: Session, st: State) -> int:
        st["snapshot"] = codebook.delete_code(s, st["code_id"])
        return st["coding_id"]

    return OpCommand(
        ops, _tr("In-vivo code"), redo, undo, changes={"codings", "codes"},
        document_ids={document_id}, on_redo=on_done, on_undo=on_done,
    )  # fmt: skip


def coding_memo_command(ops: OpRunner, coding_id: int, document_id: int, memo: str) -> OpCommand:
    """Set the memo on a coding."""

    def redo(s: Session, st: State) -> CodingSpan | None:
        st["old"] = codings.set_coding_memo(s, coding_id, memo)
        return coding_span(s, coding_id)

    def undo(s: Session, st: State) -> CodingSpan | None:
        codings.set_coding_memo(s, coding_id, st["old"])
        return coding_span(s, coding_id)

    return OpCommand(
        ops, _tr("Edit coding memo"), redo, undo, changes={"codings", "memos"},
        document_ids={document_id},
    )  # fmt: skip


# --- codebook ----------------------------------------------------------------------------------


def move_code_command(
    ops: OpRunner, code_id: int, new_parent_id: int | None, position: int | None
) -> OpCommand:
    """Move a code in the tree; undo puts it back where it was."""

    def redo(s: Session, st: State) -> None:
        st["old"] = codebook.move_code(s, code_id, new_parent_id, position)

    def undo(s: Session, st: State) -> None:
        old_parent, old_pos = st["old"]
        codebook.move_code(s, code_id, old_parent, old_pos)

    return OpCommand(ops, _tr("Move code"), redo, undo, changes={"codes"})


def update_code_command(ops: OpRunner, code_id: int, **changes: Any) -> OpCommand:
    """Rename / recolour / edit a code's fields; undo restores the old values."""

    def redo(s: Session, st: State) -> None:
        st["old"] = codebook.update_code(s, code_id, **changes)

    def undo(s: Session, st: State) -> None:
        codebook.update_code(s, code_id, **st["old"])

    return OpCommand(ops, _tr("Edit code"), redo, undo, changes={"codes"})


def add_code_command(
    ops: OpRunner, name: str, parent_id: int | None = None, **fields: Any
) -> OpCommand:
    """Add a code; undo deletes it, redo restores it with the same id."""

    def redo(s: Session, st: State) -> int:
        if "snapshot" in st:
            codebook.restore_snapshot(s, st.pop("snapshot"))
        else:
            st["id"] = codebook.add_code(s, name, parent_id, **fields).id
        return st["id"]

    def undo(s: Session, st: State) -> None:
        st["snapshot"] = codebook.delete_code(s, st["id"])

    return OpCommand(ops, _tr("Add code"), redo, undo, changes={"codes"})


def delete_code_command(ops: OpRunner, code_id: int) -> OpCommand:
    """Delete a code with its sub-codes and codings; undo restores all of it."""

    def redo(s: Session, st: State) -> None:
        st["snapshot"] = codebook.delete_code(s, code_id)

    def undo(s: Session, st: State) -> None:
        codebook.restore_snapshot(s, st["snapshot"])

    return OpCommand(ops, _tr("Delete code"), redo, undo, changes={"codes", "codings"})


def merge_codes_command(ops: OpRunner, source_id: int, target_id: int) -> OpCommand:
    """Merge a code into another; undo brings the source back with its codings."""

    def redo(s: Session, st: State) -> None:
        st["result"] = codebook.merge_codes(s, source_id, target_id)

    def undo(s: Session, st: State) -> None:
        codebook.undo_merge(s, st["result"])

    return OpCommand(ops, _tr("Merge codes"), redo, undo, changes={"codes", "codings"})
