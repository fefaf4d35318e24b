"""Start the desktop app: QApplication, translations, the project, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coding.errors import TematikError
from models.db import Database
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from app import settings as cfg

if TYPE_CHECKING:
    from app.main_window import MainWindow

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Application", text)


def demo_project_path() -> Path:
    """Where the demo project lives: the user's data folder / demo.tematik."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".tematik") / "demo.tematik"


def open_or_build_demo(path: Path | None = None) -> Database:
    """Open the demo project, building it first when it does not exist yet."""
    from coding.demo import build_demo
    from coding.project import open_project

    path = path or demo_project_path()
    if path.exists():
        return open_project(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return build_demo(path)


def open_target(project: str | None, store: QSettings | None = None) -> Database:
    """The project to open: the one given, else the last one, else the demo project.

    A last project that cannot be opened any more is skipped (logged) for the demo project;
    a project given explicitly that cannot be opened raises its TematikError.
    """
    from coding.project import open_project

    if project:
        return open_project(project)
    last = cfg.get("project/last", store)
    if last and ("://" in last or Path(last).exists()):
        try:
            return open_project(last)
        except TematikError as exc:
            log.warning("Cannot reopen %s: %s", last, exc)
    return open_or_build_demo()


def project_label(db: Database) -> str:
    """How a project is remembered in the recent list: its file, or its URL (no password)."""
    if db.path is None:
        return str(db.engine.url.set(password=None).render_as_string(hide_password=False))
    return str(db.path)


class Controller:
    """Owns the open window; opening another project replaces it.

    Args:
        store: the settings (default: the user's QSettings).
        ask_coder: ask who is coding when a project has no remembered coder.
        install_plugins: add the plugin panels (suggestions, agreement...).
    """

    def __init__(
        self,
        store: QSettings | None = None,
        *,
        ask_coder: bool = True,
        install_plugins: bool = True,
    ) -> None:
        self.window: MainWindow | None = None
        self.db: Database | None = None
        self.store = store
        self.ask_coder = ask_coder
        self.install_plugins = install_plugins

    def open(self, db: Database) -> MainWindow:
        """Show ``db`` in a new main window (closing the previous window and project)."""
        from app.main_window import MainWindow

        old, old_db = self.window, self.db
        self.db = db
        self.window = MainWindow(
            db,
            ask_coder=self.ask_coder,
            store=self.store,
            install_plugins=self.install_plugins,
        )
        self.window.projectRequested.connect(self.switch)
        cfg.add_recent(project_label(db), self.store)
        self.window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        if old_db is not None:
            old_db.close()
        return self.window

    def switch(self, target: str) -> None:
        """Open another project (path or URL); a clear message when it cannot be opened."""
        from coding.project import open_project

        try:
            db = open_project(target)
        except TematikError as exc:
            QMessageBox.warning(self.window, "Tematik", str(exc))
            return
        self.open(db)

    def close(self) -> None:
        """Close the window (saving its layout) and the project."""
        if self.window is not None:
            self.window.close()
            self.window = None
        if self.db is not None:
            self.db.close()
            self.db = None


def prepare_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Tematik's names, translation and error hook installed."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
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
    return app  # type: ignore[return-value]


def start(
    project: str | None,
    store: QSettings | None = None,
    *,
    ask_coder: bool = True,
    install_plugins: bool = True,
) -> Controller | None:
    """Open the project (given, last or demo) in a shown main window, without running the
    event loop. Returns None after telling the user why the project cannot be opened."""
    try:
        db = open_target(project, store)
    except TematikError as exc:
        QMessageBox.critical(None, "Tematik", str(exc))
        return None
    controller = Controller(store, ask_coder=ask_coder, install_plugins=install_plugins)
    controller.open(db)
    return controller


def run_app(project: str | None) -> int:
    """Run the desktop app on ``project`` (a path or URL; None: the last or the demo project)."""
    app = prepare_application()
    controller = start(project)
    if controller is None:
        return 1
    code = app.exec()
    if controller.db is not None:
        controller.db.close()
    return int(code)
