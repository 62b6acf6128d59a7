"""Settings page: every change is saved (write-then-rename), applied, and shown again on restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFileDialog

from trainer.core.settings import Settings, load_settings
from trainer.core.store import Store
from trainer.ui.theme import DARK, LIGHT


def test_settings_round_trip(make_app: Any) -> None:
    h = make_app()
    view = h.views.settings
    h.window.show_page("settings")
    view.theme_combo.setCurrentIndex(view.theme_combo.findData("dark"))
    view.text_scale_spin.setValue(150)
    view.rate_spin.setValue(120)
    view.volume_slider.setValue(40)
    view.mute_check.setChecked(True)
    saved = load_settings(h.settings_path)
    assert (saved.theme, saved.text_scale, saved.rate_percent, saved.volume, saved.muted) == (
        "dark",
        150,
        120,
        0.4,
        True,
    )
    assert sorted(p.name for p in h.settings_path.parent.iterdir()) == ["settings.json"]
    h.controller.shutdown()
    h.window.close()

    # A fresh start shows what was saved.
    h2 = make_app(saved)
    v2 = h2.views.settings
    assert v2.theme_combo.currentData() == "dark"
    assert v2.text_scale_spin.value() == 150
    assert v2.rate_spin.value() == 120
    assert v2.volume_slider.value() == 40
    assert v2.mute_check.isChecked()
    assert h2.views.practice.mute_button.isChecked()


def test_theme_and_text_size_apply_at_once(make_app: Any) -> None:
    h = make_app(Settings(rep="Sam", theme="light"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    view = h.views.settings
    assert app.palette().color(QPalette.ColorRole.Window).name() == LIGHT.window
    view.theme_combo.setCurrentIndex(view.theme_combo.findData("dark"))
    assert app.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert app.palette().color(QPalette.ColorRole.Text).name() == DARK.text
    base = app.font().pointSizeF()
    view.text_scale_spin.setValue(200)
    assert app.font().pointSizeF() == pytest.approx(base * 2, rel=0.01)
    view.text_scale_spin.setValue(100)
    assert app.font().pointSizeF() == pytest.approx(base, rel=0.01)
    view.theme_combo.setCurrentIndex(view.theme_combo.findData("light"))


def test_voice_per_persona(make_app: Any) -> None:
    h = make_app()
    view = h.views.settings
    h.qtbot.waitUntil(lambda: "dana" in view.voice_combos and view.voice_combos["dana"].count() > 1, timeout=5000)
    combo = view.voice_combos["dana"]
    assert combo.itemData(0) == "automatic"
    assert [combo.itemData(i) for i in range(1, combo.count())] == ["en-gb", "en-us"]
    assert "omar" in view.voice_combos
    combo.setCurrentIndex(combo.findData("en-us"))
    assert load_settings(h.settings_path).voices == {"dana": "en-us"}
    # The next line Dana speaks uses that voice.
    h.controller.practice.start("mini", seed=3)
    h.settle()
    assert h.engine is not None
    h.qtbot.waitUntil(lambda: any(props.get("voice") == "en-us" for _t, _p, props in h.engine.saved), timeout=5000)
    first = h.views.practice.bubbles[0].text
    assert any(t == first and props["voice"] == "en-us" for t, _p, props in h.engine.saved)
    combo.setCurrentIndex(0)
    assert load_settings(h.settings_path).voices == {}


def test_rate_and_volume_reach_the_engine(make_app: Any) -> None:
    h = make_app(Settings(rep="Sam", rate_percent=150, volume=0.5))
    h.controller.practice.start("mini", seed=3)
    h.settle()
    assert h.engine is not None
    first = h.views.practice.bubbles[0].text
    h.qtbot.waitUntil(lambda: any(t == first for t, _p, _props in h.engine.saved), timeout=5000)
    props = next(p for t, _p, p in h.engine.saved if t == first)
    assert props["rate"] == round(175 * 1.5)  # Dana has the default rate of 175
    assert props["volume"] == 0.5


def test_data_location_shows_and_can_change(make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    h = make_app(db_path=None)
    view = h.views.settings
    # No --db: the app resolves the location like the CLI (TRAINER_DB or the user data folder).
    monkeypatch.setenv("TRAINER_DB", str(tmp_path / "env.db"))
    assert h.controller.ctx.effective_db_path() == str(tmp_path / "env.db")
    other = tmp_path / "team" / "other.db"
    other.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    h.qtbot.mouseClick(view.choose_db_button, Qt.MouseButton.LeftButton)
    h.settle()
    h.settle()
    assert load_settings(h.settings_path).db_path == str(other)
    assert h.controller.ctx.db_path == str(other)
    assert str(other) in view.db_path_label.text()
    assert view.default_db_button.isEnabled()
    # Sessions now go to the new file.
    h.controller.practice.start("mini", seed=1)
    h.settle()
    h.controller.shutdown()
    with Store.open(other) as store:
        assert len(store.list_sessions()) == 1


def test_a_bad_data_file_is_reported_and_left_alone(make_app: Any, tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not a database at all" * 10)
    before = bad.read_bytes()
    h = make_app(db_path=str(bad))
    assert "not be saved" in h.window.statusBar().currentMessage()
    assert "Cannot use this file" in h.views.settings.db_note.text()
    assert bad.read_bytes() == before
    # Practice still works without saving.
    h.controller.practice.start("mini", seed=1)
    h.settle()
    assert h.window.current_page() == "practice"


def test_every_setting_has_an_accessible_name(make_app: Any) -> None:
    h = make_app()
    view = h.views.settings
    h.qtbot.waitUntil(lambda: bool(view.voice_combos), timeout=5000)
    widgets = [
        view.mute_check,
        view.rate_spin,
        view.volume_slider,
        view.text_scale_spin,
        view.theme_combo,
        view.choose_db_button,
        view.default_db_button,
        *view.voice_combos.values(),
    ]
    assert all(w.accessibleName() for w in widgets)


def test_rate_and_voice_changes_apply_to_the_next_line(make_app: Any) -> None:
    h = make_app()
    view = h.views.settings
    h.qtbot.waitUntil(lambda: "omar" in view.voice_combos and view.voice_combos["omar"].count() > 1, timeout=5000)
    h.controller.practice.start("mini", seed=1)
    h.settle()
    view.rate_spin.setValue(150)
    for combo in view.voice_combos.values():
        combo.setCurrentIndex(combo.findData("en-gb"))
    h.type_and_send("What would a good month look like?")
    line = h.views.practice.bubbles[-1]
    base = {"dana": 175, "omar": 160}[line.speaker]  # the mini scenario's voice rates
    assert h.engine is not None
    rate = round(base * 1.5)
    # the line may already have been prefetched at the old rate; it must be spoken at the new one
    h.qtbot.waitUntil(lambda: any(t == line.text and p["rate"] == rate for t, _p, p in h.engine.saved), timeout=5000)
    props = [p for t, _p, p in h.engine.saved if t == line.text and p["rate"] == rate][-1]
    assert props["voice"] == "en-gb"
