"""Dialogs to create and open projects: a project file, a database URL, the recent list.

These dialogs only ask; the caller (the main window) creates or opens the project with
``coding.project.create_project`` / ``open_project``.

Public API:

- ``NewProjectDialog(parent=None)`` — file, name, language (da/en) and codebook
  (Ledermobilitet in the project language, none, or a codebook file). After ``exec()``,
  ``spec()`` gives a :class:`NewProjectSpec` (``path``, ``name``, ``language``, ``codebook``:
  the value for ``create_project(codebook=...)``).
- ``ask_open_project(parent=None, directory="") -> str | None`` — a file dialog for
  ``*.tematik`` files.
- ``DatabaseUrlDialog(parent=None, url="")`` — a PostgreSQL / SQLite database URL with a masked
  password field; OK is enabled only for a valid URL; ``url()`` is the full URL (password
  included, URL-encoded) and ``display_url()`` the same without the password (for the recent
  list and window titles).
- ``validate_database_url(text) -> str`` — '' when valid, else the reason (translated).
- ``RecentProjectsMenu(menu, store=None)`` — fills a QMenu with the recent projects (QSettings
  ``project/recent``); signal ``projectChosen(str)``. ``add_recent`` remembers one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import settings as app_settings

PROJECT_SUFFIX = ".tematik"
URL_SCHEMES = ("postgresql+psycopg", "postgresql", "sqlite")


@dataclass(frozen=True)
class NewProjectSpec:
    """What the user chose for a new project."""

    path: Path
    name: str
    language: str  # "da" or "en"
    codebook: str  # "default", "none" or a codebook file path


class NewProjectDialog(QDialog):
    """Asks for a new project's file, name, language and codebook.

    Attributes:
        path_edit, name_edit, language_box, codebook_box, codebook_file_edit: the fields.
    """

    def __init__(self, parent: QWidget | None = None, directory: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("newProjectDialog")
        self._directory = directory or str(Path.home())
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("projectPath")
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("projectName")
        self.language_box = QComboBox()
        self.language_box.addItem("Dansk", "da")
        self.language_box.addItem("English", "en")
        self.codebook_box = QComboBox()
        self.codebook_box.addItem("", "default")
        self.codebook_box.addItem("", "none")
        self.codebook_box.addItem("", "file")
        self.codebook_file_edit = QLineEdit()
        self.codebook_browse = QPushButton()
        self.codebook_browse.clicked.connect(self._browse_codebook)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        book_row = QHBoxLayout()
        book_row.addWidget(self.codebook_file_edit, 1)
        book_row.addWidget(self.codebook_browse)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(5)]
        for label, buddy in zip(
            self._labels,
            (self.path_edit, self.name_edit, self.language_box, self.codebook_box,
             self.codebook_file_edit),
            strict=True,
        ):  # fmt: skip
            label.setBuddy(buddy)
        self.form.addRow(self._labels[0], path_row)
        self.form.addRow(self._labels[1], self.name_edit)
        self.form.addRow(self._labels[2], self.language_box)
        self.form.addRow(self._labels[3], self.codebook_box)
        self.form.addRow(self._labels[4], book_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.path_edit.textChanged.connect(self._changed)
        self.codebook_box.currentIndexChanged.connect(self._changed)
        self.codebook_file_edit.textChanged.connect(self._changed)
        self.retranslate()
        self._changed()

    def retranslate(self) -> None:
        """Set the translated texts."""
        self.setWindowTitle(self.tr("New project"))
        for label, text in zip(
            self._labels,
            (self.tr("Project &file:"), self.tr("&Name:"), self.tr("&Language:"),
             self.tr("&Codebook:"), self.tr("Codebook fi&le:")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self.browse_button.setText(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose the project file"))
        self.codebook_browse.setText(self.tr("B&rowse…"))
        self.codebook_browse.setAccessibleName(self.tr("Choose a codebook file"))
        self.codebook_box.setItemText(0, self.tr("Ledermobilitet (the taskforce's codebook)"))
        self.codebook_box.setItemText(1, self.tr("Empty codebook"))
        self.codebook_box.setItemText(2, self.tr("From a codebook file…"))
        self.name_edit.setPlaceholderText(self.tr("The file name when empty"))
        self._changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New project"),
            self._directory,
            self.tr("Tematik projects (*.tematik)"),
        )
        if path:
            self.path_edit.setText(path)

    def _browse_codebook(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Codebook file"), self._directory, self.tr("Codebooks (*.json)")
        )
        if path:
            self.codebook_file_edit.setText(path)
            self.codebook_box.setCurrentIndex(2)

    def project_path(self) -> Path | None:
        """The chosen project file, with the .tematik suffix added when missing."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix == PROJECT_SUFFIX else path.with_name(path.name + PROJECT_SUFFIX)

    def problem(self) -> str:
        """Why the dialog cannot be accepted yet ('' when it can)."""
        path = self.project_path()
        if path is None:
            return self.tr("Choose where to save the project file.")
        if path.exists():
            return self.tr("%1 already exists; choose another name.").replace("%1", path.name)
        if not path.parent.is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(path.parent))
        if self.codebook_box.currentData() == "file":
            book = Path(self.codebook_file_edit.text().strip()).expanduser()
            if not book.is_file():
                return self.tr("Choose an existing codebook file.")
        return ""

    def _changed(self) -> None:
        is_file = self.codebook_box.currentData() == "file"
        self.codebook_file_edit.setEnabled(is_file)
        problem = self.problem()
        # An empty path is not an error yet: just keep OK disabled.
        self.error_label.setText(problem if self.path_edit.text().strip() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        """Accept only a complete, valid choice."""
        if self.problem():
            self._changed()
            return
        super().accept()

    def spec(self) -> NewProjectSpec:
        """The choice (call after the dialog was accepted)."""
        path = self.project_path()
        assert path is not None
        choice = self.codebook_box.currentData()
        codebook = self.codebook_file_edit.text().strip() if choice == "file" else str(choice)
        return NewProjectSpec(
            path=path,
            name=self.name_edit.text().strip() or path.stem,
            language=str(self.language_box.currentData()),
            codebook=codebook,
        )


def ask_open_project(parent: QWidget | None = None, directory: str = "") -> str | None:
    """Ask for a project file to open; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ProjectDialogs", "Open project"),
        directory or str(Path.home()),
        QCoreApplication.translate("ProjectDialogs", "Tematik projects (*.tematik);;All files (*)"),
    )
    return path or None


# --- database URL ------------------------------------------------------------------------------


def validate_database_url(text: str) -> str:
    """'' when ``text`` is a usable database URL, else the reason (translated)."""
    text = text.strip()
    if not text:
        return QCoreApplication.translate("ProjectDialogs", "Type the address of the database.")
    if "://" not in text:
        return QCoreApplication.translate(
            "ProjectDialogs", "The address must start with postgresql+psycopg:// (or sqlite:///)."
        )
    scheme = text.split("://", 1)[0].lower()
    if scheme not in URL_SCHEMES:
        return QCoreApplication.translate(
            "ProjectDialogs", "Unsupported database type %1: use postgresql+psycopg or sqlite."
        ).replace("%1", scheme)
    parts = urlsplit(text)
    if scheme == "sqlite":
        if not parts.path.strip("/"):
            return QCoreApplication.translate(
                "ProjectDialogs", "Give the path of the SQLite file after sqlite:///."
            )
        return ""
    try:
        port = parts.port
    except ValueError:
        return QCoreApplication.translate(
            "ProjectDialogs", "The port must be a number between 1 and 65535."
        )
    if port is not None and not 0 < port < 65536:
        return QCoreApplication.translate(
            "ProjectDialogs", "The port must be a number between 1 and 65535."
        )
    if not parts.hostname:
        return QCoreApplication.translate(
            "ProjectDialogs", "The address has no server name (host)."
        )
    if not parts.path.strip("/"):
        return QCoreApplication.translate(
            "ProjectDialogs", "The address has no database name (…/database)."
        )
    if not parts.username:
        return QCoreApplication.translate(
            "ProjectDialogs", "The address has no user name (user@host)."
        )
    return ""


class DatabaseUrlDialog(QDialog):
    """Asks for a team database: its URL and the password (masked, never stored).

    Attributes:
        url_edit: the URL without password, e.g. ``postgresql+psycopg://anne@server/tematik``.
        password_edit: the password (echo mode Password).
    """

    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("databaseUrlDialog")
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("databaseUrl")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("databasePassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self._url_label, self._password_label = QLabel(), QLabel()
        self._url_label.setBuddy(self.url_edit)
        self._password_label.setBuddy(self.password_edit)
        form = QFormLayout()
        form.addRow(self._url_label, self.url_edit)
        form.addRow(self._password_label, self.password_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(self._validate)
        self.set_url(url)
        self.retranslate()
        self.resize(520, self.sizeHint().height())

    def retranslate(self) -> None:
        """Set the translated texts."""
        self.setWindowTitle(self.tr("Open team database"))
        self.help_label.setText(
            self.tr(
                "The address of the team's PostgreSQL database, for example "
                "postgresql+psycopg://anne@server.example/tematik. "
                "The password is not saved."
            )
        )
        self._url_label.setText(self.tr("&Address:"))
        self._password_label.setText(self.tr("&Password:"))
        self.url_edit.setAccessibleName(self.tr("Database address"))
        self.password_edit.setAccessibleName(self.tr("Database password"))
        self.url_edit.setPlaceholderText("postgresql+psycopg://user@host:5432/database")
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_url(self, url: str) -> None:
        """Fill in a URL; a password inside it moves to the masked field."""
        parts = urlsplit(url.strip()) if "://" in url else None
        if parts is not None and parts.password is not None:
            self.password_edit.setText(unquote(parts.password))
            url = urlunsplit(parts._replace(netloc=_netloc(parts, with_password=None)))
        self.url_edit.setText(url.strip())

    def problem(self) -> str:
        """Why the URL cannot be used ('' when it can)."""
        return validate_database_url(self.url_edit.text())

    def _validate(self) -> None:
        problem = self.problem()
        self.error_label.setText(problem if self.url_edit.text().strip() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        """Accept only a valid URL."""
        if self.problem():
            self._validate()
            return
        super().accept()

    def display_url(self) -> str:
        """The URL without any password."""
        text = self.url_edit.text().strip()
        parts = urlsplit(text)
        return urlunsplit(parts._replace(netloc=_netloc(parts, with_password=None)))

    def url(self) -> str:
        """The full URL to connect with, the password URL-encoded into it."""
        parts = urlsplit(self.display_url())
        password = self.password_edit.text()
        if not password or parts.scheme == "sqlite":
            return urlunsplit(parts)
        return urlunsplit(parts._replace(netloc=_netloc(parts, with_password=password)))


def _netloc(parts, with_password: str | None) -> str:  # type: ignore[no-untyped-def]
    if not parts.netloc:
        return parts.netloc
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = ""
    try:
        port = f":{parts.port}" if parts.port is not None else ""
    except ValueError:
        port = ":" + parts.netloc.rsplit(":", 1)[-1]
    user = ""
    if parts.username:
        user = quote(unquote(parts.username), safe="")
        if with_password is not None:
            user += ":" + quote(with_password, safe="")
        user += "@"
    return f"{user}{host}{port}"


# --- recent projects ---------------------------------------------------------------------------


def recent_projects(store: QSettings | None = None) -> list[str]:
    """The recent projects, newest first (paths, or URLs without passwords)."""
    return list(app_settings.get("project/recent", store))


def without_password(target: str) -> str:
    """A project path unchanged, or a database URL without its password."""
    if "://" not in target:
        return target
    parts = urlsplit(target)
    return urlunsplit(parts._replace(netloc=_netloc(parts, with_password=None)))


def add_recent(project: str, store: QSettings | None = None) -> list[str]:
    """Remember a project as the most recent (a URL's password is dropped)."""
    return app_settings.add_recent(without_password(project), store)


def remove_recent(project: str, store: QSettings | None = None) -> list[str]:
    """Forget a project in the recent list (e.g. its file is gone)."""
    recent = [p for p in recent_projects(store) if p != project]
    app_settings.put("project/recent", recent, store)
    return recent


class RecentProjectsMenu(QObject):
    """Keeps a "Recent projects" menu filled from QSettings.

    Signals:
        projectChosen(str): the path or URL the user picked.
    """

    projectChosen = Signal(str)

    def __init__(self, menu: QMenu, store: QSettings | None = None) -> None:
        super().__init__(menu)
        self.menu = menu
        self.store = store
        menu.aboutToShow.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the menu entries (numbered &1…&9 for the keyboard)."""
        self.menu.clear()
        self.menu.setTitle(QCoreApplication.translate("ProjectDialogs", "&Recent projects"))
        projects = recent_projects(self.store)
        for i, project in enumerate(projects):
            label = Path(project).name if "://" not in project else without_password(project)
            prefix = f"&{i + 1} " if i < 9 else ""
            action = QAction(prefix + label.replace("&", "&&"), self.menu)
            action.setToolTip(without_password(project))
            action.setStatusTip(without_password(project))
            action.triggered.connect(lambda _=False, p=project: self.projectChosen.emit(p))
            self.menu.addAction(action)
        if not projects:
            empty = QAction(
                QCoreApplication.translate("ProjectDialogs", "No recent projects"), self.menu
            )
            empty.setEnabled(False)
            self.menu.addAction(empty)
        else:
            self.menu.addSeparator()
            clear = QAction(
                QCoreApplication.translate("ProjectDialogs", "&Clear the list"), self.menu
            )
            clear.triggered.connect(self._clear)
            self.menu.addAction(clear)

    def _clear(self) -> None:
        app_settings.put("project/recent", [], self.store)
        self.refresh()
