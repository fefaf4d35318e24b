"""Paths the tests use. ../shared/ sits beside the repository (absent on some machines)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TRANSCRIPTS = SHARED / "transcripts"
REFI = SHARED / "refi-qda"


def shared_file(*parts: str) -> Path:
    """A file under ../shared/, or skip the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared test material not present: {path}")
    return path
