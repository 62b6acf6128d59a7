"""Wires the settings page to the settings model: validate, save (write-then-rename), apply."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from trainer.core.settings import Settings, SettingsError
from trainer.ui.theme import apply_theme
from trainer.ui.views.settings import SettingsView

if TYPE_CHECKING:
    from trainer.core.scenario.models import Scenario
    from trainer.core.speech import VoiceInfo
    from trainer.ui.controllers.app_controller import AppContext

logger = logging.getLogger(__name__)


class SettingsController(QObject):
    #: The data file changed: the app reopens the store and reloads the library.
    db_path_changed = Signal()

    def __init__(self, ctx: AppContext, view: SettingsView, app: QApplication | None = None) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self.app = app
        self._voices: list[tuple[str, str]] = []
        self._voices_known = False
        self._speech_ok: bool | None = None
        self._personas: list[tuple[str, str]] = []
        view.changed.connect(self._on_changed)
        view.voice_changed.connect(self._on_voice)
        view.db_path_chosen.connect(self._on_db_path)
        self._show(ctx.settings)
        self._show_db()
        view.set_voice_status("Looking for installed voices…")

    def _show(self, s: Settings) -> None:
        self.view.set_values(
            rate_percent=s.rate_percent,
            volume=s.volume,
            muted=s.muted,
            text_scale=s.text_scale,
            theme=s.theme,
        )

    def _show_db(self, note: str = "") -> None:
        ctx = self.ctx
        path = ctx.effective_db_path()
        self.view.set_db_path(path, is_default=not ctx.settings.db_path and not ctx.db_override, note=note)
        if ctx.db_override:
            self.view.choose_db_button.setEnabled(False)
            self.view.db_note.setText(
                " ".join(
                    t for t in (note, "This file was given on the command line (--db).") if t
                )
            )

    # -- from the core ---------------------------------------------------------------------

    def voices_ready(self, voices: Sequence[VoiceInfo], available: bool) -> None:
        english = [v for v in voices if v.is_english]
        others = [v for v in voices if not v.is_english]
        self._voices = [(v.id, v.name) for v in english + others]
        self._voices_known = True
        self._speech_ok = available
        if available:
            self.view.set_voice_status(f"{len(voices)} voices installed.")
        else:
            self.view.set_voice_status("No speech engine found: the app runs silently.")
        self._show_personas()

    def library_ready(self, scenarios: Sequence[Scenario], db_error: str | None = None) -> None:
        seen: dict[str, str] = {}
        for sc in scenarios:
            for p in sc.personas:
                seen.setdefault(p.id, f"{p.name} ({p.role}, {p.company})")
        self._personas = sorted(seen.items(), key=lambda kv: kv[1])
        self._show_personas()
        if db_error:
            self._show_db(note=f"Cannot use this file: {db_error}")
        else:
            self._show_db()

    def _show_personas(self) -> None:
        self.view.set_personas(self._personas, self._voices, dict(self.ctx.settings.voices))

    # -- from the view ---------------------------------------------------------------------

    def _on_changed(self, name: str, value: Any) -> None:
        try:
            new = self.ctx.update_settings(**{name: value})
        except SettingsError as exc:
            self.ctx.notify(str(exc))
            self._show(self.ctx.settings)
            return
        if name in ("theme", "text_scale"):
            app = self.app or QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, new.theme, new.text_scale)
        if name == "volume" and self.ctx.synth is not None:
            self.ctx.synth.set_volume(new.volume)

    def _on_voice(self, persona_id: str, voice_id: str) -> None:
        voices = dict(self.ctx.settings.voices)
        if voice_id == "automatic":
            voices.pop(persona_id, None)
        else:
            voices[persona_id] = voice_id
        self.ctx.update_settings(voices=voices)

    def _on_db_path(self, path: str) -> None:
        self.ctx.update_settings(db_path=path or None)
        self._show_db()
        self.db_path_changed.emit()
