"""Long jobs (import, training, export, agreement) in background threads, with progress and Cancel.

A job is a plain function ``fn(state: ProgressState) -> result`` (Orange3 style) that opens its
own database session when it needs one (``transaction(db)``), reports
``state.progress(done, total, message)`` and checks ``state.cancelled()`` (or calls
``coding.progress.check_cancel(state)``). :class:`JobRunner` runs it in its own QThread and
shows a progress dialog (modal to the window, with Cancel) or a progress bar in the status bar;
``success(result)`` / ``failure(exc)`` run on the GUI thread. A :class:`coding.errors.Cancelled`
ends the job quietly (``cancelled`` callback); other errors go to :func:`app.ops.report_error`.

Example::

    window.jobs.start(
        lambda state: import_files(window.db, paths, state),
        title="Importing transcripts",
        success=show_report,
        changes={"documents"},
    )
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from coding.errors import Cancelled
from coding.progress import ProgressState
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QStatusBar, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Jobs", text)


class ThreadProgress(QObject):
    """A :class:`ProgressState` for a worker thread: reports become a queued signal, cancel is a
    thread-safe flag.

    Signals:
        reported(int, int, str): done, total, message (delivered on the GUI thread).
    """

    reported = Signal(int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Report progress (any thread)."""
        self.reported.emit(int(done), int(total), str(message))

    def cancelled(self) -> bool:
        """True once the user pressed Cancel."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancel.set()


class _JobThread(QThread):
    def __init__(self, fn: Callable[[ProgressState], Any], state: ThreadProgress) -> None:
        super().__init__()
        self.fn = fn
        self.state = state
        self.result: Any = None
        self.error: BaseException | None = None
        self.trace = ""

    def run(self) -> None:
        try:
            self.result = self.fn(self.state)
        except BaseException as exc:
            self.error = exc
            self.trace = traceback.format_exc()


@dataclass
class Job:
    """A running job. ``cancel()`` asks it to stop; ``done`` is set when it has finished."""

    id: int
    title: str
    state: ThreadProgress
    thread: _JobThread
    success: Callable[[Any], None] | None
    failure: Callable[[BaseException], None] | None
    cancelled_cb: Callable[[], None] | None
    changes: frozenset[str]
    dialog: QProgressDialog | None = None
    last: tuple[int, int, str] = (0, 0, "")
    done: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def cancel(self) -> None:
        """Ask the job to stop."""
        self.state.cancel()


class JobRunner(QObject):
    """Starts long jobs and tracks them.

    Signals:
        started(object): a :class:`Job` started.
        finished(object): a :class:`Job` ended (success, failure or cancel).
    """

    started = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        status_bar: QStatusBar | None = None,
        announce: Callable[[Iterable[str]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._status_bar = status_bar
        self._announce = announce
        self._jobs: dict[int, Job] = {}
        self._next = 1
        self._bar: QProgressBar | None = None
        self._cancel_button: QPushButton | None = None

    def start(
        self,
        fn: Callable[[ProgressState], Any],
        *,
        title: str,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        changes: Iterable[str] = (),
        dialog: bool = True,
    ) -> Job:
        """Run ``fn(state)`` in a new thread.

        Args:
            fn: the job; opens its own session, reports progress, checks cancel.
            title: shown in the progress dialog / status bar.
            success: GUI-thread callback with the result.
            failure: GUI-thread callback with the exception (default: error dialog).
            cancelled: GUI-thread callback when the job stopped on Cancel.
            changes: change kinds announced after success (through the window's ops).
            dialog: a window-modal progress dialog (True) or a status-bar progress bar.
        """
        state = ThreadProgress()
        thread = _JobThread(fn, state)
        job = Job(self._next, title, state, thread, success, failure, cancelled, frozenset(changes))
        self._next += 1
        self._jobs[job.id] = job
        state.reported.connect(lambda d, t, m, j=job: self._on_progress(j, d, t, m))
        thread.finished.connect(lambda j=job: self._on_finished(j))
        if dialog:
            dlg = QProgressDialog(title, _tr("Cancel"), 0, 0, self._parent_widget)
            dlg.setWindowTitle(title)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(300)
            dlg.setAutoClose(False)
            dlg.setAutoReset(False)
            dlg.canceled.connect(job.cancel)
            job.dialog = dlg
        else:
            self._show_status_bar(job)
        thread.start()
        self.started.emit(job)
        return job

    def running(self) -> list[Job]:
        """Jobs not finished yet."""
        return [j for j in self._jobs.values() if not j.done]

    def cancel_all(self) -> None:
        """Ask every running job to stop."""
        for job in self.running():
            job.cancel()

    def wait(self, job: Job) -> None:
        """Process events until ``job`` has finished and its callbacks ran (tests, closing)."""
        if job.done:
            return
        loop = QEventLoop()
        self.finished.connect(lambda j: loop.quit() if j is job else None)
        if not job.done:
            loop.exec()

    # --- internals ------------------------------------------------------------------------

    def _show_status_bar(self, job: Job) -> None:
        if self._status_bar is None:
            return
        if self._bar is None:
            self._bar = QProgressBar()
            self._bar.setMaximumWidth(220)
            self._bar.setTextVisible(True)
            self._cancel_button = QPushButton(_tr("Cancel"))
            self._cancel_button.setFlat(True)
            self._status_bar.addPermanentWidget(self._bar)
            self._status_bar.addPermanentWidget(self._cancel_button)
        assert self._cancel_button is not None
        self._cancel_button.clicked.connect(job.cancel)
        self._bar.setRange(0, 0)
        self._bar.setFormat(job.title)
        self._bar.show()
        self._cancel_button.show()

    def _on_progress(self, job: Job, done: int, total: int, message: str) -> None:
        job.last = (done, total, message)
        if job.done:
            return  # a late report queued before the job finished
        dlg = job.dialog
        if dlg is not None:
            if message:
                dlg.setLabelText(f"{job.title}\n{message}")
            dlg.setMaximum(max(total, 0))
            # a modal progress dialog processes events in setValue: the job may finish there
            dlg.setValue(min(done, total) if total > 0 else 0)
        elif self._bar is not None:
            self._bar.setRange(0, max(total, 0))
            self._bar.setValue(min(done, total) if total > 0 else 0)
            self._bar.setFormat(f"{job.title}: %p%")

    def _on_finished(self, job: Job) -> None:
        job.done = True
        if job.dialog is not None:
            job.dialog.reset()
            job.dialog.hide()
            job.dialog.deleteLater()
            job.dialog = None
        elif self._bar is not None and not any(
            j.dialog is None for j in self.running() if j is not job
        ):
            self._bar.hide()
            if self._cancel_button is not None:
                self._cancel_button.hide()
                with contextlib.suppress(RuntimeError, TypeError):
                    self._cancel_button.clicked.disconnect()
        thread = job.thread
        try:
            if thread.error is None:
                if job.success is not None:
                    job.success(thread.result)
                if job.changes and self._announce is not None:
                    self._announce(job.changes)
            elif isinstance(thread.error, Cancelled) or job.state.cancelled():
                if job.cancelled_cb is not None:
                    job.cancelled_cb()
                elif job.failure is not None and not isinstance(thread.error, Cancelled):
                    job.failure(thread.error)
            elif job.failure is not None:
                job.failure(thread.error)
            else:
                from app.ops import report_error

                report_error(thread.error, thread.trace, self._parent_widget)
        finally:
            self._jobs.pop(job.id, None)
            thread.deleteLater()
            self.finished.emit(job)

    @Slot()
    def shutdown(self) -> None:
        """Cancel running jobs and wait for their threads (on closing the project)."""
        self.cancel_all()
        for job in list(self._jobs.values()):
            job.thread.wait()
