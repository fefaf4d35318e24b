"""The File-menu exchange actions run their work as background jobs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox  # noqa: TID251

from app import exchange_actions
from app.jobs import JobRunner
from coding.project import create_project, transaction
from models.entities import Coding
from tests.test_exchange_refi import build_synthetic


class FakeWindow(QMainWindow):
    def __init__(self, db: object) -> None:
        super().__init__()
        self.db = db
        self.jobs = JobRunner(self)
        self.actions_by_menu: dict[str, list] = {}

    def add_menu_action(self, menu: str, action: object) -> None:
        self.actions_by_menu.setdefault(menu, []).append(action)


def _run(window: FakeWindow, action: object) -> None:
    jobs: list = []
    window.jobs.started.connect(jobs.append)
    action.trigger()  # type: ignore[attr-defined]
    assert len(jobs) == 1
    window.jobs.wait(jobs[0])


def test_export_and_import_actions(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    db = build_synthetic(tmp_path / "syn.tematik")
    window = FakeWindow(db)
    qtbot.addWidget(window)
    exchange_actions.install(window)
    acts = window.actions_by_menu["file"]
    assert len(acts) == 5
    out = tmp_path / "x.qdpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _run(window, acts[1])
    with zipfile.ZipFile(out) as z:
        assert "project.qde" in z.namelist()
    seg = tmp_path / "seg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(seg), "CSV (*.csv)"))
    _run(window, acts[3])
    assert (tmp_path / "seg.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    db.close()

    new = create_project(tmp_path / "new.tematik", codebook="none")
    window2 = FakeWindow(new)
    qtbot.addWidget(window2)
    exchange_actions.install(window2)
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    _run(window2, window2.actions_by_menu["file"][0])
    assert shown and shown[0].startswith("Imported x.qdpx")
    with transaction(new) as s:
        assert s.scalar(select(func.count()).select_from(Coding)) == 4
    new.close()
