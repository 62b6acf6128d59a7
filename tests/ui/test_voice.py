"""The voice player with a fake player command (a Python process that sleeps, never sound)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from trainer.ui import voice as voice_mod
from trainer.ui.voice import VoicePlayer, find_player_command

# Records its argument in a file next to it, then "plays" for a while.
FAKE_PLAYER = """
import sys, time, pathlib
pathlib.Path(sys.argv[1] + '.played').write_text('yes')
time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 5)
"""


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    p = tmp_path / "line.wav"
    p.write_bytes(b"RIFF....WAVE")
    return p


def _player(tmp_path: Path, seconds: float = 5) -> VoicePlayer:
    script = tmp_path / "fake_player.py"
    script.write_text(FAKE_PLAYER)
    # The file path is appended after these arguments; the sleep time comes from argv[2].
    return VoicePlayer([sys.executable, "-c", f"import runpy,sys; sys.argv=[sys.argv[0], sys.argv[-1], '{seconds}']; runpy.run_path({str(script)!r})"])


def test_play_stop_and_replay(qtbot: Any, tmp_path: Path, wav: Path) -> None:
    player = _player(tmp_path)
    with qtbot.waitSignal(player.started, timeout=3000) as started:
        assert player.play(wav)
    assert started.args == [str(wav)]
    qtbot.waitUntil(lambda: (tmp_path / "line.wav.played").exists(), timeout=5000)
    assert player.playing
    with qtbot.waitSignal(player.stopped, timeout=3000):
        player.stop()
    assert not player.playing
    (tmp_path / "line.wav.played").unlink()
    assert player.replay()
    qtbot.waitUntil(lambda: (tmp_path / "line.wav.played").exists(), timeout=5000)
    assert player.last_file == wav
    player.stop()


def test_a_new_line_stops_the_previous_one(qtbot: Any, tmp_path: Path, wav: Path) -> None:
    player = _player(tmp_path)
    player.play(wav)
    qtbot.waitUntil(lambda: player.playing, timeout=3000)
    first_pid = player._process.processId()
    other = tmp_path / "other.wav"
    other.write_bytes(b"RIFF")
    with qtbot.waitSignal(player.stopped, timeout=3000):
        player.play(other)
    assert player._process.processId() != first_pid
    qtbot.waitUntil(lambda: (tmp_path / "other.wav.played").exists(), timeout=5000)
    player.stop()


def test_finishing_on_its_own_emits_stopped(qtbot: Any, tmp_path: Path, wav: Path) -> None:
    player = _player(tmp_path, seconds=0)
    with qtbot.waitSignal(player.stopped, timeout=5000):
        player.play(wav)
    assert not player.playing


def test_mute(qtbot: Any, tmp_path: Path, wav: Path) -> None:
    player = _player(tmp_path)
    player.play(wav)
    qtbot.waitUntil(lambda: player.playing, timeout=3000)
    with qtbot.waitSignal(player.muted_changed) as sig:
        assert player.toggle_muted() is True
    assert sig.args == [True]
    assert not player.playing  # muting stops the line
    assert player.play(wav) is False
    assert player.last_file == wav  # still remembered for when sound comes back
    player.set_muted(False)
    assert player.replay()
    player.stop()


def test_no_player_is_silent_and_says_so_once(qtbot: Any, wav: Path) -> None:
    player = VoicePlayer(None, autodetect=False)
    assert not player.available
    notices: list[str] = []
    player.unavailable.connect(notices.append)
    assert player.play(wav) is False
    assert player.play(wav) is False
    assert len(notices) == 1 and "No audio player" in notices[0]


def test_a_player_that_cannot_start_turns_silent(qtbot: Any, tmp_path: Path, wav: Path) -> None:
    player = VoicePlayer([str(tmp_path / "no-such-player")])
    notices: list[str] = []
    player.unavailable.connect(notices.append)
    player.play(wav)
    qtbot.waitUntil(lambda: bool(notices), timeout=5000)
    assert not player.available
    assert player.play(wav) is False
    assert len(notices) == 1


def test_find_player_command_prefers_aplay(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay"}
    monkeypatch.setattr(voice_mod.shutil, "which", lambda name: installed.get(name))
    assert find_player_command() == ["/usr/bin/aplay", "-q"]
    del installed["aplay"]
    assert find_player_command() == ["/usr/bin/paplay"]
    installed.clear()
    assert find_player_command() is None
