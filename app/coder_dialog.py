"""Who is coding: chosen on first open of a project (and from the status bar)."""

from __future__ import annotations

from coding.workbench import CoderInfo
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoderDialog", text)


class CoderDialog(QDialog):
    """Pick an existing coder or type a new name; choose analyst or supervisor."""

    def __init__(
        self, coders: list[CoderInfo], current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Who is coding?"))
        self.setObjectName("coderDialog")
        self.coders = {c.name: c for c in coders}
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.addItems([c.name for c in coders if c.role != "consensus"])
        self.name.setCurrentText(current)
        self.name.lineEdit().setPlaceholderText(_tr("Your name"))
        self.name.setAccessibleName(_tr("Coder name"))
        self.analyst = QRadioButton(_tr("Analyst"), self)
        self.supervisor = QRadioButton(_tr("Supervisor"), self)
        group = QButtonGroup(self)
        group.addButton(self.analyst)
        group.addButton(self.supervisor)
        self.analyst.setChecked(True)
        roles = QHBoxLayout()
        roles.addWidget(self.analyst)
        roles.addWidget(self.supervisor)
        roles.addStretch()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.currentTextChanged.connect(self._sync)
        form = QFormLayout(self)
        form.addRow(QLabel(_tr("Your codings are saved under this name."), self))
        form.addRow(_tr("Name:"), self.name)
        form.addRow(_tr("Role:"), roles)
        form.addRow(self.buttons)
        self._sync(self.name.currentText())

    def _sync(self, text: str) -> None:
        known = self.coders.get(text.strip())
        if known is not None:
            (self.supervisor if known.role == "supervisor" else self.analyst).setChecked(True)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def choice(self) -> tuple[str, str]:
        """(name, role) chosen."""
        role = "supervisor" if self.supervisor.isChecked() else "analyst"
        return self.name.currentText().strip(), role
