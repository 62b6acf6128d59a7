"""Where the trainer's database lives: ``--db PATH``, else ``TRAINER_DB``, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: The environment variable that names the database when ``--db`` is not given.
DB_ENV_VAR = "TRAINER_DB"
#: The folder name under the per-user data directory.
APP_NAME = "upsell-trainer"
DB_FILENAME = "trainer.db"


def default_db_path() -> Path:
    """The per-user database file (e.g. ``~/.local/share/upsell-trainer/trainer.db`` on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | None) -> Path:
    """The database to use: the ``--db`` value, else ``$TRAINER_DB``, else :func:`default_db_path`.

    ``~`` is expanded in both explicit forms; an empty value counts as not given.
    """
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return default_db_path()
