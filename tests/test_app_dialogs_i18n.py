"""Languages: .ts → .qm build, system-locale choice, and switching a visible widget da ↔ en."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app import i18n
from app.error_dialog import ErrorDialog
from app.segments_table_model import SegmentsTableModel
from app.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "scripts" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts files compiled by the project's build script into a fresh folder."""
    out = tmp_path_factory.mktemp("qm")
    built = _build_module().release(TS_DIR, out)
    assert sorted(p.name for p in built) == ["tematik_da.qm", "tematik_en.qm"]
    return out


@pytest.fixture
def restore_language() -> Iterator[None]:
    yield
    i18n.remove_translators()


def test_every_danish_string_is_translated() -> None:
    root = ET.parse(TS_DIR / "tematik_da.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    untranslated = []
    for m in messages:
        tr = m.find("translation")
        assert tr is not None
        forms = (
            [f.text for f in tr.findall("numerusform")] if m.get("numerus") == "yes" else [tr.text]
        )
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            untranslated.append(m.findtext("source"))
    assert untranslated == []


def test_system_locale_chooses_the_language() -> None:
    assert i18n.system_language(QLocale("da_DK")) == "da"
    assert i18n.system_language(QLocale("en_GB")) == "en"
    assert i18n.system_language(QLocale("de_DE")) == "en"  # neither: English
    assert i18n.resolve_language("", QLocale("da_DK")) == "da"
    assert i18n.resolve_language("system", QLocale("en_US")) == "en"
    assert i18n.resolve_language("en", QLocale("da_DK")) == "en"


def test_switching_language_retranslates_visible_widgets(
    qm_dir: Path, tmp_path: Path, qtbot, restore_language: None
) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    error = ErrorDialog("ValueError: x", "Traceback ...")
    qtbot.addWidget(error)
    error.show()
    model = SegmentsTableModel()
    assert dialog.windowTitle() == "Settings"
    assert i18n.install_language("da", directory=qm_dir) == "da"
    assert i18n.current_language() == "da"
    assert str(qm_dir / "tematik_da.qm") in i18n.installed_files()
    # LanguageChange is delivered through the event loop
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Indstillinger", timeout=2000)
    assert dialog.snap_box.itemText(dialog.snap_box.findData("sentence")) == "Hele sætninger"
    assert error.windowTitle() == "Uventet fejl"
    assert error.details_button.text() == "Vis &detaljer"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Dokument"
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Annuller"  # Qt's own buttons come from qtbase_da.qm

    assert i18n.install_language("en", directory=qm_dir) == "en"
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Settings", timeout=2000)
    assert error.details_button.text() == "Show &details"
    assert cancel.text().replace("&", "") == "Cancel"


def test_settings_dialog_switches_language_when_applied(
    qm_dir: Path, tmp_path: Path, qtbot, restore_language: None, monkeypatch
) -> None:
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", qm_dir)
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("da"))
    assert dialog.apply() == ["ui/language"]
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Indstillinger", timeout=2000)
    assert store.value("ui/language") == "da"
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Settings", timeout=2000)
