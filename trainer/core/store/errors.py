"""Named errors of the store. Every message says which file and what to do about it."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class of everything the store raises on purpose."""


class NotATrainerDatabase(StoreError):
    """The file is not an Upsell Trainer database (another file, another app's, or damaged)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(
            f"{path}: not an Upsell Trainer database ({reason}); the file was left untouched. "
            "Check the --db path or TRAINER_DB, or restore the file from a backup."
        )


class DatabaseTooNew(StoreError):
    """The database was written by a newer version of the program."""

    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"{path}: this database has schema version {found}, newer than the {supported} this "
            "program understands; the file was left untouched. Update Upsell Trainer to open it."
        )


class SessionNotFound(StoreError, KeyError):
    """No session with that id in the database."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        super().__init__(f"no session {session_id!r} in the database")

    def __str__(self) -> str:
        return str(self.args[0])


class SessionStateError(StoreError):
    """A session was used out of order (e.g. a turn added after it finished)."""


class ImportFileError(StoreError):
    """A file given to import is bad; nothing was imported. The message is ``file:line: what``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {message}")
