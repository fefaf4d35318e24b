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


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.main_window import MainWindow

    qapp = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db = _project(tmp)
        store = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
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
        for _ in range(20):
            qapp.processEvents()
        out = ROOT / "docs"
        out.mkdir(exist_ok=True)
        w.grab().save(str(out / "screenshot-main.png"))
        w.set_view_mode("mine")
        for _ in range(10):
            qapp.processEvents()
        w.grab().save(str(out / "screenshot-mine.png"))
        w.shutdown()
        w.close()
        db.close()
    print("wrote docs/screenshot-main.png, docs/screenshot-mine.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
