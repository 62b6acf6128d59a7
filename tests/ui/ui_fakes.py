"""Fakes for the app's tests: a keyword scorer, a speech engine that writes tiny WAV files
(never speaks), and a player that only records what it was asked to play."""

from __future__ import annotations

import re
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from trainer.core.findings import Finding, ScoreContext

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "scenarios" / "mini.yaml"


def fake_scorer(text: str, context: ScoreContext) -> list[Finding]:
    """A tiny deterministic stand-in for the rubric scorer: a few keyword rules with spans."""
    rules = [
        (r"\bwhat\b[^?]*\?", "discovery_question", "do", "Asks an open question.", None),
        (r"\bfair\b", "acknowledge_objection", "do", "Treats the concern as fair.", None),
        (
            r"\bsign today\b",
            "pressure_tactics",
            "avoid",
            "Pushes a deadline on the buyer.",
            "Say there is no deadline and offer time to decide.",
        ),
    ]
    out = []
    for pattern, criterion, polarity, why, instead in rules:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            out.append(
                Finding(criterion, polarity, m.start(), m.end(), m.group(0), f"fake.{criterion}", why, instead)  # type: ignore[arg-type]
            )
    return out


class FakeEngine:
    """Behaves like a pyttsx3 engine for SpeechSynth: save_to_file + runAndWait write a WAV."""

    def __init__(self) -> None:
        self.props: dict[str, Any] = {"voices": [FakeVoice("en-gb", "English (GB)", ["en-gb"]), FakeVoice("en-us", "English (US)", ["en-us"])]}
        self.saved: list[tuple[str, str, dict[str, Any]]] = []
        self._queued: list[tuple[str, str]] = []
        self.said: list[str] = []

    def getProperty(self, name: str) -> Any:  # noqa: N802 - pyttsx3 API
        return self.props.get(name)

    def setProperty(self, name: str, value: Any) -> None:  # noqa: N802 - pyttsx3 API
        self.props[name] = value

    def save_to_file(self, text: str, path: str) -> None:
        self._queued.append((text, path))

    def say(self, text: str) -> None:  # pragma: no cover - must never be called
        self.said.append(text)

    def runAndWait(self) -> None:  # noqa: N802 - pyttsx3 API
        # Like pyttsx3 2.99: only the last queued file is written.
        if not self._queued:
            return
        text, path = self._queued[-1]
        self._queued.clear()
        write_wav(Path(path))
        self.saved.append((text, path, {k: v for k, v in self.props.items() if k != "voices"}))

    def stop(self) -> None:
        pass


@dataclass
class FakeVoice:
    id: str
    name: str
    languages: list[str]
    gender: str | None = None


def write_wav(path: Path, frames: int = 800) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * frames)


class FakePlayer(QObject):
    """Records what would be played; the app's player interface without a process."""

    unavailable = Signal(str)
    started = Signal(str)
    stopped = Signal()
    muted_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.played: list[str] = []
        self.stops = 0
        self.replays = 0
        self.muted = False

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def play(self, path: str | Path) -> bool:
        if self.muted:
            return False
        self.played.append(str(path))
        return True

    def replay(self) -> bool:
        self.replays += 1
        return bool(self.played) and self.play(self.played[-1])

    def stop(self) -> None:
        self.stops += 1


