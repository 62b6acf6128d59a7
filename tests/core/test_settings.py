"""The app's settings model: validation, JSON round trip, atomic save, damaged files kept aside."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from trainer.core import settings as settings_mod
from trainer.core.settings import (
    AUTOMATIC,
    Settings,
    SettingsError,
    default_settings_path,
    load_settings,
    save_settings,
)


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    s = load_settings(tmp_path / "nope.json")
    assert s == Settings()
    assert s.theme == "system" and s.text_scale == 100 and not s.has_profile


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    s = Settings(
        rep="Sam Okafor",
        team="East",
        voices={"dana": "gmw/en-us"},
        rate_percent=120,
        volume=0.5,
        muted=True,
        db_path="/tmp/team.db",
        text_scale=150,
        theme="dark",
        mode="exam",
    )
    save_settings(s, path)
    assert load_settings(path) == s
    data = json.loads(path.read_text())
    assert data["voices"] == {"dana": "gmw/en-us"} and data["theme"] == "dark"
    assert s.voice_for("dana") == "gmw/en-us"
    assert s.voice_for("omar") == AUTOMATIC


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"text_scale": 250}, "text_scale"),
        ({"text_scale": 90}, "text_scale"),
        ({"rate_percent": 10}, "rate_percent"),
        ({"volume": 1.5}, "volume"),
        ({"theme": "pink"}, "theme"),
        ({"mode": "quiz"}, "mode"),
        ({"muted": "yes"}, "muted"),
        ({"text_scale": True}, "text_scale"),
    ],
)
def test_invalid_values_name_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(SettingsError, match=field):
        Settings().with_changes(**changes)


def test_unknown_setting_names_are_rejected_on_change() -> None:
    with pytest.raises(SettingsError, match="colour"):
        Settings().with_changes(colour="red")


def test_voices_cannot_be_changed_in_place() -> None:
    s = Settings().with_changes(voices={"dana": "en-us"})
    with pytest.raises(TypeError):
        s.voices["dana"] = "x"  # type: ignore[index]
    assert s.voices == {"dana": "en-us"}


def test_unknown_keys_are_ignored_and_missing_keys_default() -> None:
    s = Settings.from_dict({"rep": "Ana", "future_option": 3})
    assert s.rep == "Ana" and s.text_scale == 100


def test_bad_voices_map_is_rejected() -> None:
    with pytest.raises(SettingsError, match="voices"):
        Settings.from_dict({"voices": ["en"]})


def test_damaged_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"rep": "Ana", "text_scale": 900}')
    assert load_settings(path) == Settings()
    bad = tmp_path / "settings.json.bad"
    assert bad.read_text() == '{"rep": "Ana", "text_scale": 900}'
    assert not path.exists()


def test_not_json_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert load_settings(path) == Settings()
    assert (tmp_path / "settings.json.bad").exists()


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(rep="A"), path)
    save_settings(Settings(rep="B"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]
    assert load_settings(path).rep == "B"


def test_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(rep="Old"), path)
    before = path.read_bytes()

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(settings_mod.os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        save_settings(Settings(rep="New"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_invalid_settings_are_never_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings(rep="Ana")._replace(text_scale=999)  # bypasses with_changes' validation
    with pytest.raises(SettingsError):
        save_settings(s, path)
    assert not path.exists()


def test_default_path_is_in_the_user_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path = default_settings_path()
    assert path.name == "settings.json"
    assert "upsell-trainer" in path.parts
    assert os.path.commonpath([path, tmp_path]) == str(tmp_path)
