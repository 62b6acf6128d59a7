"""The main window: pages, shortcuts, accessibility, layout limits, lazy start, silent mode."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTextEdit,
    QWidget,
)

from trainer.core.settings import Settings
from trainer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_window_title_and_pages(make_app: Any) -> None:
    h = make_app()
    assert h.window.windowTitle() == "Upsell Trainer"
    assert h.window.page_keys() == ["home", "practice", "scorecard", "history", "leaderboard", "settings"]
    assert h.window.current_page() == "home"


def test_ctrl_number_shortcuts_switch_pages(make_app: Any) -> None:
    h = make_app()
    w = h.window
    w.activateWindow()
    for n, key in [(2, "practice"), (6, "settings"), (3, "scorecard"), (4, "history"), (5, "leaderboard"), (1, "home")]:
        h.qtbot.keyClick(w.sidebar, Qt.Key(Qt.Key.Key_0.value + n), Qt.KeyboardModifier.ControlModifier)
        assert w.current_page() == key
    h.qtbot.keyClick(w.sidebar, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert w.current_page() == "home"  # no 8th page: nothing happens


def test_add_page_inserts_and_replaces(qtbot: Any) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    a, b, c = QLabel("a"), QLabel("b"), QLabel("c")
    w.add_page("home", "Home", a)
    w.add_page("settings", "Settings", b)
    w.add_page("history", "History", c, position=1)
    assert w.page_keys() == ["home", "history", "settings"]
    assert w.sidebar.item(1).toolTip() == "History (Ctrl+2)"
    seen: list[str] = []
    w.page_changed.connect(seen.append)
    w.show_page("history")
    assert w.stack.currentWidget() is c and seen == ["history"]
    new = QLabel("new history")
    w.add_page("history", "History", new)
    assert w.page("history") is new
    assert w.stack.currentWidget() is new
    assert w.page_keys() == ["home", "history", "settings"]


def test_busy_indicator_nests_and_waits_before_showing(qtbot: Any) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.set_busy(True, "Loading")
    w.set_busy(False)
    qtbot.wait(w.BUSY_DELAY_MS + 100)
    assert not w._busy.isVisible()  # quick work: no flicker
    w.set_busy(True, "Loading")
    w.set_busy(True)
    qtbot.waitUntil(lambda: w._busy.isVisible(), timeout=2000)
    assert w._busy_label.text() == "Loading"
    w.set_busy(False)
    assert w.busy and w._busy.isVisible()
    w.set_busy(False)
    assert not w.busy and not w._busy.isVisible()


def _interactive(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractSlider, QListWidget)
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.objectName().startswith("qt_")
        and type(w).__name__ not in ("QScrollBar",)
    ]


def test_every_interactive_widget_has_an_accessible_name(make_app: Any) -> None:
    h = make_app()
    h.controller.practice.start("mini", seed=1)
    h.settle()
    h.type_and_send("What would a good month look like? Sign today.")
    h.qtbot.waitUntil(lambda: bool(h.views.settings.voice_combos), timeout=5000)
    missing = [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        for w in _interactive(h.window)
        if not w.accessibleName()
    ]
    assert missing == []


def _inside(window: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return QRect(0, 0, window.width(), window.height()).contains(QRect(top_left, widget.size()))


def test_practice_fits_1280x720_at_200_percent_text(make_app: Any) -> None:
    h = make_app(Settings(rep="Sam", text_scale=200))
    h.window.resize(1280, 720)
    h.controller.practice.start("mini", seed=1)
    h.settle()
    h.type_and_send("What would a good month look like? Sign today.")
    view = h.views.practice
    h.qtbot.wait(50)
    for w in (view.reply_edit, view.send_button, view.replay_button, view.end_button, view.coach_radio, view.exam_radio):
        assert w.isVisible() and _inside(h.window, w), type(w).__name__
    assert view.reply_edit.height() >= view.reply_edit.fontMetrics().lineSpacing() * 3
    assert view.send_button.width() >= view.send_button.fontMetrics().horizontalAdvance("Send")


def test_no_speech_engine_is_said_once(make_app: Any) -> None:
    h = make_app(speech=False)
    assert "Speech is off" in h.window.statusBar().currentMessage()
    assert h.views.practice.voice_note.text() == "Silent"
    assert "no speech engine" in h.views.practice.voice_note.toolTip()
    h.window.statusBar().clearMessage()
    h.controller.practice.start("mini", seed=1)
    h.settle()
    h.type_and_send("What would a good month look like?")
    assert h.window.statusBar().currentMessage() == ""
    assert h.player.played == []


def test_engine_failing_at_start_runs_silently(make_app: Any, tmp_path: Path) -> None:
    from trainer.core.speech import SpeechSynth

    def broken() -> Any:
        raise RuntimeError("eSpeak is not installed")

    synth = SpeechSynth(tmp_path / "c", engine_factory=broken)
    h = make_app(speech=False, start=False)
    h.controller._synth_factory = lambda: synth
    h.controller.start()
    h.qtbot.waitUntil(lambda: "Speech is off" in h.window.statusBar().currentMessage(), timeout=5000)
    h.settle()
    h.controller.practice.start("mini", seed=1)
    h.settle()
    h.qtbot.wait(100)
    assert h.player.played == []
    assert "no speech engine" in h.views.settings.voice_status.text().lower()


def test_window_shows_before_the_core_is_imported(tmp_path: Path) -> None:
    # The window is built and shown with nothing heavy imported; the library loads after.
    code = f"""
import os, sys, json
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from trainer.ui.app import build_app
window, views, controller = build_app(app, settings_path=None, db_path={str(tmp_path / 'x.db')!r},
                                      synth_factory=lambda: None, ask_profile=False)
window.show()
heavy = ["pydantic", "sqlite_utils", "sqlite3", "transitions", "pyttsx3", "ruamel",
         "trainer.core.store", "trainer.core.engine", "trainer.core.scoring", "trainer.core.speech",
         "trainer.core.scenario.loader", "trainer.ui.views.practice", "trainer.ui.views.settings",
         "trainer.ui.views.scorecard", "trainer.ui.views.history", "trainer.ui.views.leaderboard"]
before = [m for m in heavy if m in sys.modules]
controller.start()
from PySide6.QtCore import QTimer
app.processEvents()
import time
deadline = time.monotonic() + 20
while not controller.loaded and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print(json.dumps({{"before": before, "loaded": controller.loaded, "cards": len(views.home.cards)}}))
controller.shutdown()
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["before"] == []
    assert result["loaded"] and result["cards"] >= 1


def test_main_py_starts_the_app() -> None:
    text = (ROOT / "main.py").read_text()
    assert "from trainer.ui.app import main" in text and "raise SystemExit(main())" in text


def test_signals_keep_reference_counts(qtbot: Any) -> None:
    # PySide6 6.12.0 on Python 3.11 lost a reference to True on every Python-side emit() and
    # one to None on every slot call from Qt, so the app aborted after a few thousand signals.
    from PySide6.QtCore import QObject, QTimer, Signal

    class Emitter(QObject):
        fired = Signal(int)

    calls: list[int] = []
    e = Emitter()
    e.fired.connect(calls.append)
    timer = QTimer()
    timer.setInterval(0)
    ticks: list[int] = []
    timer.timeout.connect(lambda: ticks.append(1))
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(500):
        e.fired.emit(i)
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 500, timeout=10000)
    timer.stop()
    assert len(calls) == 500
    assert abs(sys.getrefcount(True) - before_true) < 50
    assert abs(sys.getrefcount(None) - before_none) < 50
