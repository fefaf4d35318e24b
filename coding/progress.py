"""Progress and cancel state for long jobs (Orange3 style: plain functions take a state).

A job calls ``state.progress(done, total, message)`` and checks ``state.cancelled()``.
The GUI passes an implementation backed by a worker thread; tests and the CLI use
:class:`NullProgress` or :class:`RecordingProgress`.
"""

from __future__ import annotations

from typing import Protocol

from coding.errors import Cancelled


class ProgressState(Protocol):
    def progress(self, done: int, total: int, message: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class NullProgress:
    """Reports nothing and is never cancelled."""

    def progress(self, done: int, total: int, message: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


class RecordingProgress:
    """Records every report; can cancel after ``cancel_after`` reports (for tests)."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.cancel_after = cancel_after

    def progress(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total, message))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def check_cancel(state: ProgressState) -> None:
    """Raise :class:`Cancelled` when the user asked to stop."""
    if state.cancelled():
        raise Cancelled()
