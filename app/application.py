"""Start the desktop app: QApplication, translations, the project, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from coding.errors import TematikError
from models.db import Database
from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from app import settings as cfg

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Application", text)


def demo_project_path() -> Path:
    """Where the demo project lives: the user's data folder / demo.tematik."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".tematik") / "demo.tematik"


def open_or_build_demo() -> Database:
    """Open the demo project, building it first when it does not exist yet."""
    from coding.demo import build_demo
    from coding.project import open_project

    path = demo_project_path()
    if path.exists():
        return open_project(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return build_demo(path)


def open_target(project: str | None) -> Database:
    """The project to open: the one given, else the last one, else the demo project."""
    from coding.project import open_project

    if project:
        return open_project(project)
    last = cfg.get("project/last")
    if last and ("://" in last or Path(last).exists()):
        try:
            return open_project(last)
        except TematikError as exc:
            log.warning("Cannot reopen %s: %s", last, exc)
    return open_or_build_demo()


class Controller:
    """Owns the open window; opening another project replaces it."""

    def __init__(self) -> None:
        self.window = None  # type: ignore[var-annotated]
        self.db: Database | None = None

    def open(self, db: Database) -> None:
        from app.main_window import MainWindow

        old, old_db = self.window, self.db
        self.db = db
        self.window = MainWindow(db)
        self.window.projectRequested.connect(self.switch)
        cfg.add_recent(db.url if "://" in db.url and not db.url.startswith("sqlite") else str(db.path or db.url))  # fmt: skip
        self.window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        if old_db is not None:
            old_db.close()

    def switch(self, target: str) -> None:
        from coding.project import open_project

        try:
            db = open_project(target)
        except TematikError as exc:
            QMessageBox.warning(self.window, "Tematik", str(exc))
            return
        self.open(db)


def run_app(project: str | None) -> int:
    """Run the desktop app on ``project`` (a path or URL; None: the last or the demo project)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(cfg.ORGANIZATION)
    app.setApplicationName(cfg.APPLICATION)
    app.setApplicationDisplayName("Tematik")
    try:
        from app import i18n

        i18n.install_language(cfg.get("ui/language") or "system")
    except ImportError:
        pass
    except Exception:  # a broken translation file must not stop the app
        log.exception("Cannot install the translation")
    try:
        from app import error_dialog

        error_dialog.install_excepthook()
    except ImportError:
        pass
    try:
        db = open_target(project)
    except TematikError as exc:
        QMessageBox.critical(None, "Tematik", str(exc))
        return 1
    controller = Controller()
    controller.open(db)
    code = app.exec()
    if controller.db is not None:
        controller.db.close()
    return int(code)
