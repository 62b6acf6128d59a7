"""The rep's profile: name and team, asked once on first start and editable from Home."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class ProfileDialog(QDialog):
    """Asks for the rep's name (required) and team (optional)."""

    def __init__(self, rep: str = "", team: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your profile")
        self.setAccessibleName("Your profile")
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Your name and team label your practice sessions on this computer and on the "
            "team leaderboard if you share them. Nothing is sent anywhere."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.rep_edit = QLineEdit(rep)
        self.rep_edit.setAccessibleName("Your name")
        self.rep_edit.setMaxLength(80)
        self.rep_edit.setPlaceholderText("e.g. Sam Okafor")
        self.team_edit = QLineEdit(team)
        self.team_edit.setAccessibleName("Your team")
        self.team_edit.setMaxLength(80)
        self.team_edit.setPlaceholderText("e.g. Mid-market East (optional)")
        form.addRow("&Name:", self.rep_edit)
        form.addRow("&Team:", self.team_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.rep_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.rep_edit.text().strip()))

    def values(self) -> tuple[str, str]:
        """(name, team), trimmed."""
        return self.rep_edit.text().strip(), self.team_edit.text().strip()
