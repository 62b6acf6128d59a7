"""Writing files so that nothing already saved is ever left half-written.

Every file the program writes for a user (exports, packs, settings, the schema) goes through a
temporary file in the same folder, is flushed to disk, and is renamed over the target: either the
whole new file is there afterwards, or the old one is untouched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _create_temp(folder: Path, name: str) -> tuple[int, str]:
    """A new, empty temporary file beside the target, created with the permissions an ordinary
    new file gets (0666 less the umask), not mkstemp's owner-only 0600: an export is meant to be
    shared like any other file the user saves."""
    for _attempt in range(100):
        tmp_name = str(folder / f".{name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp_name
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file in {folder}")


@contextlib.contextmanager
def atomic_writer(
    path: str | Path, *, encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[IO[str]]:
    """Open a text stream whose content replaces ``path`` only when the block succeeds."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = _create_temp(folder, target.name)
    try:
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, stat.S_IMODE(os.stat(target).st_mode))  # a replaced file keeps its mode
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def write_text_atomic(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    with atomic_writer(path, encoding=encoding) as fh:
        fh.write(text)
