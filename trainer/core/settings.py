"""The rep's settings for the desktop app: profile, voices, text size, theme, data location.

Saved as one JSON file in the per-user config folder (platformdirs). Saving writes a temporary
file beside the target and renames it over the old one, so a crash never leaves half a file.
A damaged settings file is moved aside (``settings.json.bad``) and defaults are used, so the app
always starts and the rep's old file is kept for inspection.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

logger = logging.getLogger(__name__)

APP_NAME = "upsell-trainer"
SETTINGS_FILE = "settings.json"
#: Stored per persona when the app picks a voice itself.
AUTOMATIC = "automatic"

Theme = Literal["system", "light", "dark"]
Mode = Literal["coach", "exam"]
THEMES: tuple[str, ...] = ("system", "light", "dark")
MODES: tuple[str, ...] = ("coach", "exam")
TEXT_SCALE_MIN = 100
TEXT_SCALE_MAX = 200
RATE_MIN = 50
RATE_MAX = 200


class SettingsError(ValueError):
    """A settings value that is out of range or of the wrong type; the message names the field."""


class Settings(NamedTuple):
    """Everything the rep can change in the app. Immutable: use :meth:`with_changes`.

    A NamedTuple rather than a dataclass: the app reads its settings before the first paint,
    and importing ``dataclasses`` (with ``inspect``) costs milliseconds there.
    """

    rep: str = ""
    team: str = ""
    #: persona id -> installed voice id, or :data:`AUTOMATIC`.
    voices: Mapping[str, str] = MappingProxyType({})
    #: Speaking rate as a percentage of each persona's own rate.
    rate_percent: int = 100
    #: 0.0 .. 1.0, applied when a line is synthesised.
    volume: float = 1.0
    muted: bool = False
    #: Database file chosen in the app; None means the default location.
    db_path: str | None = None
    #: Text size as a percentage of the system font.
    text_scale: int = 100
    theme: Theme = "system"
    mode: Mode = "coach"

    @property
    def has_profile(self) -> bool:
        return bool(self.rep.strip())

    def voice_for(self, persona_id: str) -> str:
        return self.voices.get(persona_id, AUTOMATIC)

    def with_changes(self, **changes: Any) -> Settings:
        """A validated copy with ``changes`` applied."""
        unknown = sorted(set(changes) - set(self._fields))
        if unknown:
            raise SettingsError(f"{unknown[0]}: not a setting")
        if "voices" in changes:
            changes["voices"] = _voices(changes["voices"])
        return validate(self._replace(**changes))

    def to_dict(self) -> dict[str, Any]:
        data = self._asdict()
        data["voices"] = dict(sorted(self.voices.items()))
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build from saved JSON; unknown keys are ignored, missing keys take defaults."""
        if not isinstance(data, dict):
            raise SettingsError("settings: expected a JSON object")
        values = {k: v for k, v in data.items() if k in cls._fields}
        if "voices" in values:
            values["voices"] = _voices(values["voices"])
        return validate(cls(**values))


def _voices(value: object) -> Mapping[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise SettingsError("voices: expected an object of persona id -> voice id")
    return MappingProxyType(dict(value))


def _check_type(name: str, value: object, kind: type | tuple[type, ...]) -> None:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    wrong_bool = isinstance(value, bool) and bool not in kinds
    if wrong_bool or not isinstance(value, kinds):
        expected = " or ".join(k.__name__ for k in kinds)
        raise SettingsError(f"{name}: expected {expected}, got {value!r}")


def validate(settings: Settings) -> Settings:
    """Return ``settings`` unchanged when every field is valid, else raise :class:`SettingsError`."""
    _check_type("rep", settings.rep, str)
    _check_type("team", settings.team, str)
    _check_type("rate_percent", settings.rate_percent, int)
    _check_type("volume", settings.volume, (int, float))
    _check_type("muted", settings.muted, bool)
    _check_type("text_scale", settings.text_scale, int)
    if settings.db_path is not None:
        _check_type("db_path", settings.db_path, str)
    if not RATE_MIN <= settings.rate_percent <= RATE_MAX:
        raise SettingsError(f"rate_percent: {settings.rate_percent} is outside {RATE_MIN}..{RATE_MAX}")
    if not 0.0 <= float(settings.volume) <= 1.0:
        raise SettingsError(f"volume: {settings.volume} is outside 0.0..1.0")
    if not TEXT_SCALE_MIN <= settings.text_scale <= TEXT_SCALE_MAX:
        raise SettingsError(
            f"text_scale: {settings.text_scale} is outside {TEXT_SCALE_MIN}..{TEXT_SCALE_MAX}"
        )
    if settings.theme not in THEMES:
        raise SettingsError(f"theme: {settings.theme!r} is not one of {', '.join(THEMES)}")
    if settings.mode not in MODES:
        raise SettingsError(f"mode: {settings.mode!r} is not one of {', '.join(MODES)}")
    return settings


def default_settings_path() -> Path:
    """``settings.json`` in the per-user config folder."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE


def load_settings(path: Path) -> Settings:
    """Read the settings at ``path``; defaults when the file is missing.

    A file that is not valid settings JSON is renamed to ``<name>.bad`` (never deleted) and the
    defaults are returned, with a warning in the log naming the file and the problem.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        logger.warning("cannot read settings %s: %s; using defaults", path, exc)
        return Settings()
    try:
        return Settings.from_dict(json.loads(text))
    except (json.JSONDecodeError, SettingsError, TypeError) as exc:
        bad = path.with_name(path.name + ".bad")
        logger.warning("%s: %s; kept as %s, using defaults", path, exc, bad)
        try:
            os.replace(path, bad)
        except OSError:
            logger.warning("could not move %s aside", path)
        return Settings()


def save_settings(settings: Settings, path: Path) -> None:
    """Write ``settings`` to ``path`` atomically (temporary file, then rename)."""
    from trainer.core.files import write_text_atomic

    validate(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(settings.to_dict(), indent=2, sort_keys=True) + "\n"
    write_text_atomic(path, payload)
