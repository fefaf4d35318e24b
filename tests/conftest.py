"""Shared fixtures: real SQLite project files in tmp_path, and the demo project."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coding.project import create_project, open_project, transaction
from models.db import Database


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "test.tematik"


@pytest.fixture
def db(project_path: Path) -> Iterator[Database]:
    """A new project with the default Danish codebook."""
    database = create_project(project_path, language="da")
    yield database
    database.close()


@pytest.fixture
def empty_db(project_path: Path) -> Iterator[Database]:
    database = create_project(project_path, codebook="none")
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project, built once per test session (tests copy it)."""
    from coding.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.tematik"
    build_demo(path).close()
    return path


@pytest.fixture
def demo_path(demo_master: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "demo.tematik"
    shutil.copy(demo_master, dest)
    return dest


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    database = open_project(demo_path)
    yield database
    database.close()


__all__ = ["transaction"]
