"""Operations: database work on one worker thread, results and change notices on the GUI thread.

Anki-style. Every user action is ``fn(session) -> result``, a plain function calling
``coding/`` services. :class:`OpRunner` runs it on its one database worker thread (which owns
the project's one Session) inside one transaction: committed when ``fn`` returns, rolled
back when it raises. Then, on the GUI thread, ``success(result)`` runs and
:attr:`OpRunner.changed` is emitted with a :class:`ChangeSet`, so views refresh only what
changed.

Errors: a :class:`coding.errors.TematikError` is shown as a clear message box (or passed to
the ``failure`` callback); any other exception opens the report dialog
(``app/error_dialog.py`` when present) — the transaction was rolled back, so the project is
intact.

Example::

    window.ops.run(
        lambda s: add_coding(s, doc_id, code_id, coder_id, 10, 42).id,
        success=lambda coding_id: ...,
        changes={"codings"}, document_ids={doc_id},
    )
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from coding.errors import TematikError
from models.db import Database
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)
T = TypeVar("T")


Session = Any  # a sqlalchemy.orm.Session; app/ does not import sqlalchemy

CHANGE_KINDS = frozenset(
    {"codings", "codes", "documents", "memos", "coders", "suggestions", "attributes", "project"}
)


@dataclass(frozen=True)
class ChangeSet:
    """What an operation changed.

    Attributes:
        kinds: subset of :data:`CHANGE_KINDS`.
        document_ids: documents whose codings/text changed (empty: unknown or all).
        origin: the op id, so the view that made a change can skip reloading.
    """

    kinds: frozenset[str] = frozenset()
    document_ids: frozenset[int] = frozenset()
    origin: object = None

    def touches(self, kind: str, document_id: int | None = None) -> bool:
        """True when ``kind`` changed (for ``document_id`` when given and known)."""
        if kind not in self.kinds:
            return False
        return document_id is None or not self.document_ids or document_id in self.document_ids


@dataclass
class _Op(Generic[T]):
    id: int
    fn: Callable[[Session], T]
    success: Callable[[T], None] | None
    failure: Callable[[BaseException], None] | None
    changes: ChangeSet
    result: Any = None
    error: BaseException | None = None
    trace: str = ""
    done: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class _Worker(QObject):
    """Lives in the database thread; owns the Session."""

    finished = Signal(object)

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db
        self._session: Session | None = None

    @Slot(object)
    def execute(self, op: _Op) -> None:
        if self._session is None:
            self._session = self._db.session()
        s = self._session
        try:
            op.result = op.fn(s)
            s.commit()
        except BaseException as exc:
            op.error = exc
            op.trace = traceback.format_exc()
            try:
                s.rollback()
            except Exception:  # pragma: no cover - the connection is gone
                log.exception("rollback failed")
                s.close()
                self._session = None
        self.finished.emit(op)

    @Slot()
    def close_session(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


class OpRunner(QObject):
    """Runs operations on one database worker thread.

    Signals:
        changed(ChangeSet): after each successful operation's ``success`` callback.
        busyChanged(bool): True while operations are pending.
    """

    changed = Signal(object)
    busyChanged = Signal(bool)
    _submit = Signal(object)
    _close = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._parent_widget = parent
        self._ids = itertools.count(1)
        self._pending: dict[int, _Op] = {}
        self._thread = QThread()
        self._thread.setObjectName("tematik-db")
        self._worker = _Worker(db)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._close.connect(self._worker.close_session)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()
        self._stopped = False

    # --- public ---------------------------------------------------------------------------

    def run(
        self,
        fn: Callable[[Session], T],
        *,
        success: Callable[[T], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        changes: Iterable[str] = (),
        document_ids: Iterable[int] = (),
    ) -> int:
        """Queue ``fn(session)`` on the database thread; returns the op id (its ChangeSet origin).

        Args:
            fn: the work, calling ``coding/`` services; runs inside one transaction.
            success: called on the GUI thread with fn's result.
            failure: called on the GUI thread with the exception instead of the default dialog.
            changes: change kinds to announce through :attr:`changed` (nothing when empty).
            document_ids: the documents touched, when known.
        """
        if self._stopped:
            raise RuntimeError("The project is closed.")
        kinds = frozenset(changes)
        unknown = kinds - CHANGE_KINDS
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")
        op_id = next(self._ids)
        op: _Op[T] = _Op(
            op_id, fn, success, failure, ChangeSet(kinds, frozenset(document_ids), op_id)
        )
        self._pending[op_id] = op
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        self._submit.emit(op)
        return op_id

    def run_and_wait(self, fn: Callable[[Session], T], *, changes: Iterable[str] = ()) -> T:
        """Run ``fn`` and wait for it (tests and start-up only; the GUI keeps processing
        events meanwhile). Raises what ``fn`` raised."""
        box: dict[str, Any] = {}
        loop = QEventLoop()

        def ok(result: T) -> None:
            box["result"] = result
            loop.quit()

        def bad(exc: BaseException) -> None:
            box["error"] = exc
            loop.quit()

        op_id = self.run(fn, success=ok, failure=bad, changes=changes)
        if op_id in self._pending:
            loop.exec()
        if "error" in box:
            raise box["error"]
        return box["result"]

    def is_busy(self) -> bool:
        """True while operations are queued or running."""
        return bool(self._pending)

    def announce(self, changes: Iterable[str], document_ids: Iterable[int] = ()) -> None:
        """Emit :attr:`changed` for work done elsewhere (e.g. a finished background job)."""
        self.changed.emit(ChangeSet(frozenset(changes), frozenset(document_ids)))

    def stop(self) -> None:
        """Finish queued work, close the session and stop the thread (before closing the db)."""
        if self._stopped:
            return
        if self._pending:
            loop = QEventLoop()
            self.busyChanged.connect(lambda busy: None if busy else loop.quit())
            if self._pending:
                loop.exec()
        self._stopped = True
        self._close.emit()
        self._thread.quit()
        self._thread.wait()

    # --- internals ------------------------------------------------------------------------

    @Slot(object)
    def _on_finished(self, op: _Op) -> None:
        self._pending.pop(op.id, None)
        try:
            if op.error is None:
                if op.success is not None:
                    op.success(op.result)
                if op.changes.kinds:
                    self.changed.emit(op.changes)
            elif op.failure is not None:
                op.failure(op.error)
            else:
                report_error(op.error, op.trace, self._parent_widget)
        finally:
            if not self._pending:
                self.busyChanged.emit(False)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Ops", text)


def report_error(exc: BaseException, trace: str = "", parent: QWidget | None = None) -> None:
    """Show an error without blocking: a clear message for a TematikError, the report dialog
    (``app/error_dialog.py``) for anything unexpected."""
    if not isinstance(exc, TematikError):
        log.error("Unexpected error: %s\n%s", exc, trace)
    try:
        from app import error_dialog  # the report dialog (another engineer's module)
    except ImportError:
        error_dialog = None  # type: ignore[assignment]
    show = getattr(error_dialog, "show_exception", None) if error_dialog else None
    if show is not None:
        show(exc, trace, parent)
        return
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if isinstance(exc, TematikError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Tematik"))
        box.setText(str(exc))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_tr("Unexpected error"))
        box.setText(
            _tr("Something went wrong. Your project is intact; the last action was not saved.")
        )
        box.setDetailedText(trace or repr(exc))
    box.open()
