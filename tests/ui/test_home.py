"""Home: profile, scenario cards with the rep's scores, and the resume banner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_fakes import MINI, fake_scorer

from trainer.core.scenario.loader import load_scenario
from trainer.core.session import PracticeSession
from trainer.core.settings import Settings, load_settings
from trainer.core.store import Store

REP = "Sam Okafor"


def _interrupted_session(db: Path, replies: list[str], rep: str = REP) -> str:
    db.parent.mkdir(parents=True, exist_ok=True)
    with Store.open(db) as store:
        session = PracticeSession(
            load_scenario(MINI), rep=rep, team="East", store=store, seed=11, scorer=fake_scorer
        )
        session.start()
        for r in replies:
            session.reply(r)
        return session.session_id


def _finished_session(db: Path, seed: int) -> float:
    db.parent.mkdir(parents=True, exist_ok=True)
    with Store.open(db) as store:
        session = PracticeSession(load_scenario(MINI), rep=REP, store=store, seed=seed, scorer=fake_scorer)
        session.start()
        n = 0
        while not session.ended:
            session.reply("What would a good month look like?" if n % 2 == 0 else "Sign today.")
            n += 1
        card = session.scorecard
        assert card is not None
        return card.score


def test_cards_show_the_library(make_app: Any) -> None:
    h = make_app()
    home = h.views.home
    assert not home.loading.isVisible()
    [card] = home.cards
    assert card.scenario_id == "mini"
    labels = " ".join(lbl.text() for lbl in card.findChildren(type(home.profile_label)))
    assert "Mini renewal check-in" in labels
    assert "Dana Reyes" in labels and "Omar Haddad" in labels and "Finance Lead" in labels
    assert "Beginner" in labels
    assert "Discovery" in labels  # moments covered
    assert "Not practised yet" in card.score_label.text()
    assert card.start_button.accessibleName() == "Practice Mini renewal check-in"
    assert f"<b>{REP}</b>" in home.profile_label.text() and "East" in home.profile_label.text()
    assert not home.banner.isVisible()


def test_cards_show_best_and_last_scores(make_app: Any, tmp_path: Path) -> None:
    db = tmp_path / "data" / "trainer.db"
    first = _finished_session(db, seed=1)
    second = _finished_session(db, seed=2)
    h = make_app()
    text = h.views.home.card("mini").score_label.text()
    assert f"Last {round(second)}" in text
    assert "2 sessions" in text
    assert "Best" in text
    assert first >= 0


def test_scores_refresh_after_a_session(make_app: Any) -> None:
    h = make_app()
    h.controller.practice.start("mini", seed=5)
    h.settle()
    h.controller.practice.end_session()
    h.settle()
    h.settle()
    assert "1 session" in h.views.home.card("mini").score_label.text()


def test_resume_from_the_banner(make_app: Any, tmp_path: Path) -> None:
    db = tmp_path / "data" / "trainer.db"
    reply = "What would a good month look like for you?"
    session_id = _interrupted_session(db, [reply])
    h = make_app()
    home = h.views.home
    assert home.banner.isVisible()
    assert "Mini renewal check-in" in home.banner_label.text()
    assert "1 reply" in home.banner_label.text()
    h.qtbot.mouseClick(home.resume_button, Qt.MouseButton.LeftButton)
    h.settle()
    assert h.window.current_page() == "practice"
    practice = h.controller.practice
    assert practice.session_id == session_id
    bubbles = h.views.practice.bubbles
    assert [b.speaker for b in bubbles][:3] == ["dana", "rep", bubbles[2].speaker]
    assert bubbles[1].text == reply
    assert len(bubbles) == 3
    # Carry on to the end; the same session is finished in the file.
    for _ in range(8):
        if practice.ended:
            break
        h.type_and_send("What else matters to you here?")
    assert practice.ended
    h.settle()
    assert not home.banner.isVisible()
    h.controller.shutdown()
    with Store.open(db) as store:
        assert store.interrupted_sessions() == []
        record = store.get_session(session_id)
        assert [t.text for t in record.turns if t.speaker == "rep"][0] == reply


def test_close_as_abandoned_from_the_banner(make_app: Any, tmp_path: Path) -> None:
    db = tmp_path / "data" / "trainer.db"
    session_id = _interrupted_session(db, ["What matters most?"])
    h = make_app()
    home = h.views.home
    assert home.banner.isVisible()
    h.qtbot.mouseClick(home.abandon_button, Qt.MouseButton.LeftButton)
    h.settle()
    h.qtbot.waitUntil(lambda: not home.banner.isVisible(), timeout=5000)
    h.controller.shutdown()
    with Store.open(db) as store:
        assert store.interrupted_sessions() == []
        [summary] = store.list_sessions()
        assert summary.session_id == session_id and summary.outcome == "abandoned"


def test_other_reps_sessions_are_not_offered(make_app: Any, tmp_path: Path) -> None:
    _interrupted_session(tmp_path / "data" / "trainer.db", [], rep="Someone Else")
    h = make_app()
    assert not h.views.home.banner.isVisible()


def test_profile_is_asked_once_on_first_start(make_app: Any) -> None:
    h = make_app(Settings(), ask_profile=True)
    h.qtbot.waitUntil(lambda: h.controller.profile_dialog is not None, timeout=5000)
    dialog = h.controller.profile_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a name is required
    h.qtbot.keyClicks(dialog.rep_edit, "Ana Lima")
    h.qtbot.keyClicks(dialog.team_edit, "SMB")
    assert ok.isEnabled()
    h.qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    h.settle()
    saved = load_settings(h.settings_path)
    assert (saved.rep, saved.team) == ("Ana Lima", "SMB")
    assert "Ana Lima" in h.views.home.profile_label.text()


def test_profile_not_asked_when_known_and_editable(make_app: Any) -> None:
    h = make_app(ask_profile=True)
    h.qtbot.wait(50)
    assert h.controller.profile_dialog is None
    h.qtbot.mouseClick(h.views.home.edit_profile_button, Qt.MouseButton.LeftButton)
    dialog = h.controller.profile_dialog
    assert dialog is not None and dialog.rep_edit.text() == REP
    dialog.team_edit.setText("West")
    dialog.accept()
    h.settle()
    assert load_settings(h.settings_path).team == "West"


def test_broken_scenario_files_are_named(make_app: Any, scenarios_dir: Path) -> None:
    (scenarios_dir / "broken.yaml").write_text("id: broken\nversion: 1\ntitle: [unclosed\n")
    h = make_app()
    home = h.views.home
    assert home.problems_label.isVisible()
    assert "broken.yaml:" in home.problems_label.text()
    assert [c.scenario_id for c in home.cards] == ["mini"]


def test_keyboard_reaches_the_practice_buttons(make_app: Any) -> None:
    h = make_app()
    home = h.views.home
    button = home.card("mini").start_button
    button.setFocus()
    h.qtbot.keyClick(button, Qt.Key.Key_Space)
    h.settle()
    assert h.window.current_page() == "practice"
