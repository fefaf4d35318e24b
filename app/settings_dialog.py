"""The Settings dialog: UI language, selection snapping, and which coders' codings to show.

``SettingsDialog(store=None, parent=None)`` edits the declared settings ``ui/language``
(``''`` = the system's, ``da``, ``en``), ``coding/snap`` (``none``, ``word``, ``sentence``,
``turn``) and ``coding/coder_view`` (``mine``, ``all``, ``chosen``) in QSettings (``store``;
the user's settings when None). On OK (or Apply) the values are saved, a changed language is
installed at once (every window retranslates through ``QEvent.LanguageChange``), and
``settingsChanged(list[str])`` gives the keys that changed so the main window can apply them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app import settings as app_settings

LANGUAGE_VALUES = ("", "da", "en")
SNAP_VALUES = ("none", "word", "sentence", "turn")
CODER_VIEW_VALUES = ("mine", "all", "chosen")


class SettingsDialog(QDialog):
    """Edits the user's settings.

    Signals:
        settingsChanged(list): the setting keys whose values changed on OK / Apply.
    """

    settingsChanged = Signal(list)

    def __init__(self, store: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.store = store
        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        self.snap_box = QComboBox()
        self.snap_box.setObjectName("snapBox")
        self.coder_view_box = QComboBox()
        self.coder_view_box.setObjectName("coderViewBox")
        for box, values in (
            (self.language_box, LANGUAGE_VALUES),
            (self.snap_box, SNAP_VALUES),
            (self.coder_view_box, CODER_VIEW_VALUES),
        ):
            for value in values:
                box.addItem("", value)
        self._labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        for label, box in zip(
            self._labels, (self.language_box, self.snap_box, self.coder_view_box), strict=True
        ):
            label.setBuddy(box)
            form.addRow(label, box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.load()
        self.retranslate()

    def retranslate(self) -> None:
        """Set the translated texts."""
        self.setWindowTitle(self.tr("Settings"))
        self._labels[0].setText(self.tr("&Language:"))
        self._labels[1].setText(self.tr("&Selection snaps to:"))
        self._labels[2].setText(self.tr("&Show codings of:"))
        names = {
            self.language_box: (
                self.tr("System language"),
                "Dansk",
                "English",
            ),
            self.snap_box: (
                self.tr("Characters (no snapping)"),
                self.tr("Whole words"),
                self.tr("Whole sentences"),
                self.tr("Whole speaker turns"),
            ),
            self.coder_view_box: (
                self.tr("Me only"),
                self.tr("All coders"),
                self.tr("Chosen coders"),
            ),
        }
        for box, texts in names.items():
            for i, text in enumerate(texts):
                box.setItemText(i, text)
        self.language_box.setAccessibleName(self.tr("User interface language"))
        self.snap_box.setAccessibleName(self.tr("Selection snapping"))
        self.coder_view_box.setAccessibleName(self.tr("Default coder view"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fields(self) -> dict[str, QComboBox]:
        return {
            "ui/language": self.language_box,
            "coding/snap": self.snap_box,
            "coding/coder_view": self.coder_view_box,
        }

    def load(self) -> None:
        """Show the stored values."""
        for key, box in self._fields().items():
            index = box.findData(app_settings.get(key, self.store))
            box.setCurrentIndex(max(index, 0))

    def values(self) -> dict[str, str]:
        """The values chosen in the dialog."""
        return {key: str(box.currentData()) for key, box in self._fields().items()}

    def apply(self) -> list[str]:
        """Save the values; install a changed language. Returns the keys that changed."""
        changed = []
        for key, value in self.values().items():
            if app_settings.get(key, self.store) != value:
                app_settings.put(key, value, self.store)
                changed.append(key)
        if "ui/language" in changed:
            i18n.install_language(self.values()["ui/language"] or "system")
        if changed:
            self.settingsChanged.emit(changed)
        return changed

    def accept(self) -> None:
        """Save, then close."""
        self.apply()
        super().accept()
