"""The UI language: Danish or English, from the system locale or the user's setting.

Source strings are English and wrapped in ``self.tr("...")`` (QObject subclasses) or
``QCoreApplication.translate("Context", "...")`` (plain functions). Qt Linguist files live in
``resources/translations/tematik_<lang>.ts``; ``scripts/build_translations.py`` compiles them
to ``.qm`` (the set-up script runs it; ``--update`` refreshes the ``.ts`` from the sources).

Use::

    from app.i18n import install_language
    install_language(settings_value)  # "da", "en" or "system"; returns the language used

:func:`install_language` replaces the previously installed translators with ours and Qt's
own (``qtbase_<lang>.qm``, for the standard buttons and dialogs) and can be called again at
any time to switch language while the program runs.

How widgets follow a language switch
------------------------------------
Installing or removing a translator makes Qt send a ``QEvent.LanguageChange`` event to every
widget. A widget that shows translated text sets that text in one method, ``retranslate()``,
called once from ``__init__`` and again from ``changeEvent``::

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

Text built from data (document names, code names) is not translated; text that mixes both
(e.g. "3 hits") is rebuilt in ``retranslate()`` from the data kept on the widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("da", "en")
LANGUAGE_CHOICES = ("system", "da", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

_installed: list[QTranslator] = []
_current = "en"


def system_language(locale: QLocale | None = None) -> str:
    """``"da"`` when the system locale (or ``locale``) is Danish, else ``"en"``."""
    loc = locale if locale is not None else QLocale.system()
    if loc.language() == QLocale.Language.Danish:
        return "da"
    for name in loc.uiLanguages():
        if name.lower().startswith("da"):
            return "da"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def resolve_language(choice: str | None, locale: QLocale | None = None) -> str:
    """The language to use for a setting value: ``"da"``, ``"en"``, or the system's."""
    if choice in LANGUAGES:
        return str(choice)
    return system_language(locale)


def current_language() -> str:
    """The language installed last (``"en"`` before any call)."""
    return _current


def qm_path(language: str, directory: Path | None = None) -> Path:
    """Where the compiled translation for ``language`` is expected."""
    return (directory or TRANSLATIONS_DIR) / f"tematik_{language}.qm"


def install_language(choice: str | None = "system", *, directory: Path | None = None) -> str:
    """Install the translators for ``choice`` (``"da"``, ``"en"``, ``"system"``/None).

    Removes the translators installed by an earlier call first, so this also switches the
    language at run time (every widget receives ``QEvent.LanguageChange``). A missing
    ``.qm`` file is not an error: the English source strings are shown then.

    Args:
        choice: the setting value.
        directory: where our ``.qm`` files are (default ``resources/translations``).

    Returns:
        The language now in use: ``"da"`` or ``"en"``.
    """
    global _current
    app = QCoreApplication.instance()
    language = resolve_language(choice)
    for old in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _installed.clear()
    candidates = [
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"tematik_{language}", str(directory or TRANSLATIONS_DIR)),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder) and app is not None:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    _current = language
    return language


def remove_translators() -> None:
    """Remove the translators installed by :func:`install_language` (source strings shown)."""
    global _current
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    _current = "en"


def installed_files() -> list[str]:
    """The translation files in use (for the About dialog and tests)."""
    return [t.filePath() for t in _installed]
