"""Application settings: one typed registry over QSettings.

Every setting is declared once in :data:`REGISTRY` with its type and default; read and write
through :func:`get` / :func:`put` (or the :class:`Settings` object). Values stored by an older
version with the wrong type fall back to the default instead of breaking the app.

Per-project choices (the current coder of a project) are keyed by the project URL.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Tematik"
APPLICATION = "Tematik"


@dataclass(frozen=True)
class Setting:
    """One declared setting."""

    key: str
    type: type
    default: Any
    doc: str


_DECLARED = [
    Setting("ui/language", str, "", "UI language: '' (system locale), 'da' or 'en'."),
    Setting("ui/font_size", int, 0, "Transcript font size in points (0: system default)."),
    Setting("ui/show_line_numbers", bool, True, "Paragraph numbers beside the transcript."),
    Setting("ui/show_stripes", bool, True, "Coding stripes beside the transcript."),
    Setting("coding/snap", str, "word", "Selection snapping: 'none', 'word', 'sentence', 'turn'."),
    Setting("coding/quick_codes", list, [], "Code GUIDs on the number keys 1-9."),
    Setting("coding/coder_view", str, "all", "Codings shown: 'mine', 'all' or 'chosen'."),
    Setting("coding/chosen_coders", list, [], "Coder names shown in the 'chosen' view."),
    Setting("project/last", str, "", "The project opened last (path or URL)."),
    Setting("project/recent", list, [], "Recently opened projects, newest first."),
    Setting("window/geometry", QByteArray, QByteArray(), "Main window geometry."),
    Setting("window/state", QByteArray, QByteArray(), "Main window docks and toolbars."),
    Setting("window/splitter", QByteArray, QByteArray(), "Central splitter sizes."),
]
REGISTRY: dict[str, Setting] = {s.key: s for s in _DECLARED}
RECENT_MAX = 8


def qsettings() -> QSettings:
    """The QSettings store (INI format in the user's config folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def _coerce(setting: Setting, value: Any) -> Any:
    if value is None:
        return setting.default
    t = setting.type
    try:
        if t is bool:
            if isinstance(value, str):
                return value.lower() in ("1", "true", "yes", "on")
            return bool(value)
        if t is int:
            return int(value)
        if t is list:
            if isinstance(value, str):
                return [value] if value else []
            return list(value)
        if t is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)
        if t is str:
            return str(value)
    except (TypeError, ValueError):
        return setting.default
    return value


def get(key: str, store: QSettings | None = None) -> Any:
    """The value of a declared setting (its default when unset or unreadable)."""
    setting = REGISTRY[key]
    s = store or qsettings()
    return _coerce(setting, s.value(key, None))


def put(key: str, value: Any, store: QSettings | None = None) -> None:
    """Store a declared setting (type-checked)."""
    setting = REGISTRY[key]
    if setting.type is not Any and not isinstance(value, setting.type):
        raise TypeError(f"setting {key} wants {setting.type.__name__}, got {type(value).__name__}")
    s = store or qsettings()
    s.setValue(key, value)


def project_key(project_url: str) -> str:
    """A stable short key for per-project settings."""
    return hashlib.sha1(project_url.encode("utf-8")).hexdigest()[:16]


def project_coder(project_url: str, store: QSettings | None = None) -> str:
    """The coder name last chosen for a project ('' when none yet)."""
    s = store or qsettings()
    return str(s.value(f"projects/{project_key(project_url)}/coder", "") or "")


def set_project_coder(project_url: str, name: str, store: QSettings | None = None) -> None:
    """Remember the coder chosen for a project."""
    s = store or qsettings()
    s.setValue(f"projects/{project_key(project_url)}/coder", name)


def add_recent(project: str, store: QSettings | None = None) -> list[str]:
    """Put a project first in the recent list (and as the last opened); returns the list."""
    recent = [p for p in get("project/recent", store) if p != project]
    recent.insert(0, project)
    recent = recent[:RECENT_MAX]
    put("project/recent", recent, store)
    put("project/last", project, store)
    return recent


class Settings:
    """Attribute-free convenience wrapper: ``Settings()["coding/snap"]``."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or qsettings()

    def __getitem__(self, key: str) -> Any:
        return get(key, self.store)

    def __setitem__(self, key: str, value: Any) -> None:
        put(key, value, self.store)
