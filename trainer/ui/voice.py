"""Plays the buyer's WAV files with a stoppable external player (aplay, paplay or pw-play).

No player installed → the app stays silent and says so once. Volume is applied when a line is
synthesised (see :mod:`trainer.core.speech`), so the player only plays, stops and replays.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

logger = logging.getLogger(__name__)

#: Players tried in order; each gets the file path appended.
PLAYER_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("aplay", "-q"),
    ("paplay",),
    ("pw-play",),
)


def find_player_command() -> list[str] | None:
    """The first installed player command, or None."""
    for cmd in PLAYER_COMMANDS:
        exe = shutil.which(cmd[0])
        if exe:
            return [exe, *cmd[1:]]
    return None


class VoicePlayer(QObject):
    """Plays one file at a time; a new ``play`` stops the previous one."""

    started = Signal(str)
    #: Playback ended (finished, stopped or failed).
    stopped = Signal()
    #: Emitted once when there is no way to play sound; the text says why.
    unavailable = Signal(str)
    muted_changed = Signal(bool)

    def __init__(
        self,
        command: Sequence[str] | None = None,
        *,
        autodetect: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if command is None and autodetect:
            found = find_player_command()
            self._command: list[str] | None = found
        else:
            self._command = list(command) if command else None
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self._process.finished.connect(self._on_finished)
        self._process.errorOccurred.connect(self._on_error)
        self._last: Path | None = None
        self._muted = False
        self._notified = False
        self._stopping = False

    @property
    def available(self) -> bool:
        return self._command is not None

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def last_file(self) -> Path | None:
        return self._last

    @property
    def playing(self) -> bool:
        return self._process.state() != QProcess.ProcessState.NotRunning

    def set_muted(self, muted: bool) -> None:
        if muted == self._muted:
            return
        self._muted = muted
        if muted:
            self.stop()
        self.muted_changed.emit(muted)

    def toggle_muted(self) -> bool:
        self.set_muted(not self._muted)
        return self._muted

    def play(self, path: str | Path) -> bool:
        """Play ``path`` (remembered for :meth:`replay`); False when muted or no player."""
        self._last = Path(path)
        if self._muted:
            return False
        if self._command is None:
            self._say_unavailable("No audio player found (aplay, paplay or pw-play); buyers stay silent.")
            return False
        self.stop()
        self._process.setProgram(self._command[0])
        self._process.setArguments([*self._command[1:], str(self._last)])
        self._process.start()
        self.started.emit(str(self._last))
        return True

    def replay(self) -> bool:
        """Play the last file again from the start."""
        if self._last is None:
            return False
        return self.play(self._last)

    def stop(self) -> None:
        """Stop the line being played (no-op when nothing plays)."""
        if self._process.state() == QProcess.ProcessState.NotRunning:
            return
        self._stopping = True
        try:
            self._process.kill()
            self._process.waitForFinished(1000)
        finally:
            self._stopping = False
        self.stopped.emit()

    def _on_finished(self, *_args: object) -> None:
        if not self._stopping:
            self.stopped.emit()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            logger.warning("audio player failed to start: %s", self._command)
            self._command = None
            self._say_unavailable("The audio player could not start; buyers stay silent.")
            self.stopped.emit()

    def _say_unavailable(self, text: str) -> None:
        if not self._notified:
            self._notified = True
            self.unavailable.emit(text)
