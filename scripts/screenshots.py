"""Render the main window on the demo project into docs/ (run under Xvfb: make screenshots).

Falls back to a small generated project when the demo project cannot be built.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import app.ops  # noqa: E402,F401  (PySide6 6.12 refcount guard)


def _project(tmp: Path):  # type: ignore[no-untyped-def]
    try:
        from coding.demo import build_demo

        return build_demo(tmp / "demo.tematik")
    except Exception as exc:
        print(f"demo project unavailable ({exc}); using a generated project", file=sys.stderr)
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_workbench import build

        from coding.project import open_project

        build(tmp / "gen.tematik", [(12_000, 40), (9_000, 30), (15_000, 50)])
        return open_project(tmp / "gen.tematik")


def _shoot(qapp, db, tmp: Path, shots: dict[str, str | None], language: str) -> None:  # type: ignore[no-untyped-def]
    """Render one window in ``language``: {file name: coder view mode (None: as opened)}."""
    from PySide6.QtCore import QSettings

    from app import i18n
    from app.main_window import MainWindow

    i18n.install_language(language)
    store = QSettings(str(tmp / f"s-{language}.ini"), QSettings.Format.IniFormat)
    w = MainWindow(db, coder="Anne", ask_coder=False, store=store)
    w.resize(1440, 900)
    w.show()
    for _ in range(20):
        qapp.processEvents()
    tv = w.transcript_view
    codings = tv.visible_codings()
    if codings:
        tv.set_current_coding(codings[0].id)
        tv.select_span(codings[0].start, codings[0].end)
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    for name, mode in shots.items():
        if mode is not None:
            w.set_view_mode(mode)
        for _ in range(20):
            qapp.processEvents()
        w.grab().save(str(out / name))
        print(f"wrote docs/{name}")
    w.shutdown()
    w.close()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    qapp = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db = _project(tmp)
        _shoot(qapp, db, tmp, {"screenshot-main.png": "all", "screenshot-mine.png": "mine"}, "en")
        _shoot(qapp, db, tmp, {"screenshot-da.png": "all"}, "da")
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
