"""Fixtures for the app's tests: the real window and controllers on a temporary data file,
with the fakes of ``ui_fakes`` (no speech, no sound, no display)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_fakes import MINI, FakeEngine, FakePlayer, fake_scorer

from trainer.core.settings import Settings
from trainer.core.speech import SpeechSynth


@dataclass
class AppHarness:
    qtbot: Any
    window: Any
    views: Any
    controller: Any
    player: FakePlayer
    synth: SpeechSynth | None
    settings_path: Path
    db_path: Path
    engine: FakeEngine | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def settle(self, timeout: int = 10000) -> None:
        self.qtbot.waitUntil(lambda: self.controller.worker.pending == 0, timeout=timeout)

    def app_focus(self) -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget()

    def type_and_send(self, text: str) -> None:
        edit = self.views.practice.reply_edit
        edit.setFocus()
        self.qtbot.keyClicks(edit, text)
        self.qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        self.settle()


@pytest.fixture
def scenarios_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    return folder


@pytest.fixture
def make_app(
    qtbot: Any, tmp_path: Path, scenarios_dir: Path
) -> Iterator[Callable[..., AppHarness]]:
    harnesses: list[AppHarness] = []

    def build(
        settings: Settings | None = None, *, speech: bool = True, start: bool = True, **kwargs: Any
    ) -> AppHarness:
        from PySide6.QtWidgets import QApplication

        from trainer.ui.app import build_app

        app = QApplication.instance()
        settings_path = tmp_path / "config" / "settings.json"
        db_path = tmp_path / "data" / "trainer.db"
        db_arg = kwargs.pop("db_path", str(db_path))
        player = FakePlayer()
        engine = FakeEngine() if speech else None
        synth = SpeechSynth(tmp_path / "cache", engine_factory=lambda: engine) if speech else None
        window, views, controller = build_app(
            app,  # type: ignore[arg-type]
            settings_path=settings_path,
            settings=settings or Settings(rep="Sam Okafor", team="East"),
            db_path=db_arg,
            scenarios_dir=kwargs.pop("scenarios_dir", scenarios_dir),
            synth_factory=lambda: synth,
            player=player,
            scorer=kwargs.pop("scorer", fake_scorer),
            ask_profile=kwargs.pop("ask_profile", False),
            **kwargs,
        )
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        h = AppHarness(qtbot, window, views, controller, player, synth, settings_path, db_path, engine)
        harnesses.append(h)
        if start:
            controller.start()
            qtbot.waitUntil(lambda: controller.loaded, timeout=10000)
            h.settle()
        return h

    yield build
    for h in harnesses:
        h.controller.shutdown()
