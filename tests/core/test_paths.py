"""Where the database lives (trainer.core.paths)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.core.paths import DB_ENV_VAR, default_db_path, resolve_db_path


def test_cli_value_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "env.db"))
    assert resolve_db_path(str(tmp_path / "cli.db")) == tmp_path / "cli.db"


def test_env_var_next(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    assert resolve_db_path("") == tmp_path / "env.db"


def test_user_data_folder_last(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(DB_ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = resolve_db_path(None)
    assert path == default_db_path()
    assert path.name == "trainer.db" and path.parent.name == "upsell-trainer"
    assert path.is_relative_to(tmp_path / "data")
    monkeypatch.setenv(DB_ENV_VAR, "   ")
    assert resolve_db_path(None) == path


def test_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_db_path("~/t.db") == tmp_path / "t.db"
    monkeypatch.setenv(DB_ENV_VAR, "~/e.db")
    assert resolve_db_path(None) == tmp_path / "e.db"
