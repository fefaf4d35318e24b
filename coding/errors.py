"""Errors that carry a message meant for the user (no traceback shown)."""

from __future__ import annotations


class TematikError(Exception):
    """A user-facing error: the message says what went wrong and what to do."""


class ImportFailure(TematikError):
    """A file could not be imported. The message names the file and the reason."""

    def __init__(self, filename: str, reason: str) -> None:
        self.filename = filename
        self.reason = reason
        super().__init__(f"Cannot import {filename}: {reason}")


class ProjectError(TematikError):
    """A project cannot be opened, created or migrated."""


class Cancelled(TematikError):
    """Long work was cancelled by the user; nothing was stored."""

    def __init__(self, message: str = "Cancelled") -> None:
        super().__init__(message)
