"""Settings: buyer voices, rate, volume, mute, data location, text size and theme.

A view only: every change is reported through :attr:`SettingsView.changed` (field name, value)
or :attr:`SettingsView.voice_changed`; the controller validates, saves and applies.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.theme import TitleLabel

AUTOMATIC = "automatic"
THEME_CHOICES: tuple[tuple[str, str], ...] = (
    ("system", "Follow the system"),
    ("light", "Light"),
    ("dark", "Dark"),
)


class SettingsView(QWidget):
    #: (field name, new value) — rate_percent, volume, muted, text_scale, theme.
    changed = Signal(str, object)
    #: (persona id, voice id or "automatic").
    voice_changed = Signal(str, str)
    #: A database file the rep picked, or "" for the default location.
    db_path_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Settings")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.addWidget(TitleLabel("Settings"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        host = QWidget()
        body = QVBoxLayout(host)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(12)
        scroll.setWidget(host)
        outer.addWidget(scroll, 1)

        # Voice -------------------------------------------------------------------------------
        voice_box = QGroupBox("Voice")
        voice_form = QFormLayout(voice_box)
        self.mute_check = QCheckBox("Mute the buyers' voices")
        self.mute_check.setAccessibleName("Mute the buyers' voices")
        self.mute_check.toggled.connect(lambda v: self.changed.emit("muted", bool(v)))
        voice_form.addRow(self.mute_check)
        self.rate_spin = QSpinBox()
        self.rate_spin.setRange(50, 200)
        self.rate_spin.setSingleStep(10)
        self.rate_spin.setSuffix(" %")
        self.rate_spin.setAccessibleName("Speaking rate, percent of normal")
        self.rate_spin.setMaximumWidth(self.rate_spin.fontMetrics().horizontalAdvance("0000 %") * 3)
        self.rate_spin.valueChanged.connect(lambda v: self.changed.emit("rate_percent", int(v)))
        voice_form.addRow("Speaking &rate:", self.rate_spin)
        volume_row = QHBoxLayout()
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setSingleStep(5)
        self.volume_slider.setPageStep(10)
        self.volume_slider.setAccessibleName("Volume")
        self.volume_value = QLabel("100 %")
        self.volume_value.setMinimumWidth(self.volume_value.fontMetrics().horizontalAdvance("100 %") + 6)
        self.volume_slider.valueChanged.connect(self._on_volume)
        volume_row.addWidget(self.volume_slider, 1)
        volume_row.addWidget(self.volume_value)
        volume_label = QLabel("&Volume:")
        volume_label.setBuddy(self.volume_slider)
        voice_form.addRow(volume_label, volume_row)
        self.voice_status = QLabel("")
        self.voice_status.setObjectName("muted")
        self.voice_status.setWordWrap(True)
        voice_form.addRow(self.voice_status)
        body.addWidget(voice_box)

        self.personas_box = QGroupBox("Each buyer's voice")
        self._personas_form = QFormLayout(self.personas_box)
        self.voice_combos: dict[str, QComboBox] = {}
        self._personas_empty = QLabel("The buyers appear here once the scenarios are loaded.")
        self._personas_empty.setWordWrap(True)
        self._personas_form.addRow(self._personas_empty)
        body.addWidget(self.personas_box)

        # Display -----------------------------------------------------------------------------
        display_box = QGroupBox("Display")
        display_form = QFormLayout(display_box)
        self.text_scale_spin = QSpinBox()
        self.text_scale_spin.setRange(100, 200)
        self.text_scale_spin.setSingleStep(10)
        self.text_scale_spin.setSuffix(" %")
        self.text_scale_spin.setAccessibleName("Text size, percent")
        self.text_scale_spin.setMaximumWidth(self.rate_spin.maximumWidth())
        self.text_scale_spin.valueChanged.connect(lambda v: self.changed.emit("text_scale", int(v)))
        display_form.addRow("&Text size:", self.text_scale_spin)
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Colour theme")
        self.theme_combo.setMaximumWidth(self.theme_combo.fontMetrics().horizontalAdvance("M") * 22)
        for key, label in THEME_CHOICES:
            self.theme_combo.addItem(label, key)
        self.theme_combo.currentIndexChanged.connect(
            lambda _i: self.changed.emit("theme", self.theme_combo.currentData())
        )
        display_form.addRow("T&heme:", self.theme_combo)
        body.addWidget(display_box)

        # Data --------------------------------------------------------------------------------
        data_box = QGroupBox("Data")
        data_layout = QVBoxLayout(data_box)
        explain = QLabel("Your practice sessions are kept in this file on this computer:")
        explain.setWordWrap(True)
        data_layout.addWidget(explain)
        self.db_path_label = QLabel("")
        self.db_path_label.setWordWrap(True)
        self.db_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_path_label.setAccessibleName("Data file location")
        data_layout.addWidget(self.db_path_label)
        row = QHBoxLayout()
        self.choose_db_button = QPushButton("Choose another file…")
        self.choose_db_button.setAccessibleName("Choose another data file")
        self.choose_db_button.clicked.connect(self._choose_db)
        self.default_db_button = QPushButton("Use the default location")
        self.default_db_button.setAccessibleName("Use the default data file location")
        self.default_db_button.clicked.connect(lambda: self.db_path_chosen.emit(""))
        row.addWidget(self.choose_db_button)
        row.addWidget(self.default_db_button)
        row.addStretch(1)
        data_layout.addLayout(row)
        self.db_note = QLabel("")
        self.db_note.setObjectName("muted")
        self.db_note.setWordWrap(True)
        data_layout.addWidget(self.db_note)
        body.addWidget(data_box)
        body.addStretch(1)
        self._current_db = ""

    # -- setters (never emit change signals) -----------------------------------------------

    def set_values(
        self, *, rate_percent: int, volume: float, muted: bool, text_scale: int, theme: str
    ) -> None:
        widgets = (self.rate_spin, self.volume_slider, self.mute_check, self.text_scale_spin, self.theme_combo)
        for w in widgets:
            w.blockSignals(True)
        self.rate_spin.setValue(rate_percent)
        self.volume_slider.setValue(round(volume * 100))
        self.volume_value.setText(f"{round(volume * 100)} %")
        self.mute_check.setChecked(muted)
        self.text_scale_spin.setValue(text_scale)
        index = self.theme_combo.findData(theme)
        self.theme_combo.setCurrentIndex(max(0, index))
        for w in widgets:
            w.blockSignals(False)

    def set_personas(
        self,
        personas: Sequence[tuple[str, str]],
        voices: Sequence[tuple[str, str]],
        chosen: dict[str, str],
    ) -> None:
        """One voice picker per buyer: ``personas`` = (persona id, label), ``voices`` = (id, name)."""
        while self._personas_form.rowCount():
            self._personas_form.removeRow(0)
        self.voice_combos = {}
        if not personas:
            self._personas_empty = QLabel("No buyers found in the scenario library.")
            self._personas_form.addRow(self._personas_empty)
            return
        for persona_id, label in personas:
            combo = QComboBox()
            combo.setAccessibleName(f"Voice for {label}")
            combo.addItem("Automatic", AUTOMATIC)
            for voice_id, name in voices:
                combo.addItem(name, voice_id)
            want = chosen.get(persona_id, AUTOMATIC)
            index = combo.findData(want)
            if index < 0:  # a saved voice that is not installed here: keep it visible
                combo.addItem(f"{want} (not installed)", want)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.currentIndexChanged.connect(
                lambda _i, pid=persona_id, c=combo: self.voice_changed.emit(pid, str(c.currentData()))
            )
            self.voice_combos[persona_id] = combo
            text = QLabel(label)
            text.setWordWrap(True)
            text.setBuddy(combo)
            self._personas_form.addRow(text, combo)

    def set_voice_status(self, text: str) -> None:
        self.voice_status.setText(text)

    def set_db_path(self, path: str, *, is_default: bool, note: str = "") -> None:
        self._current_db = path
        self.db_path_label.setText(path + ("  (default location)" if is_default else ""))
        self.default_db_button.setEnabled(not is_default)
        self.db_note.setText(note)

    # -- internals -------------------------------------------------------------------------

    def _on_volume(self, value: int) -> None:
        self.volume_value.setText(f"{value} %")
        self.changed.emit("volume", value / 100.0)

    def _choose_db(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            "Choose the data file",
            self._current_db,
            "Trainer data (*.db *.sqlite);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.db_path_chosen.emit(path)
