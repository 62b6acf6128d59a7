"""The practice page driven like a rep would: type into the real reply box, press Ctrl+Enter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from trainer.core.scenario.loader import load_scenario
from trainer.core.settings import Settings
from trainer.core.store import Store

MINI = Path(__file__).resolve().parents[1] / "data" / "scenarios" / "mini.yaml"

# Replies that walk the mini scenario towards an ending with the fake scorer.
REPLIES = [
    "What would a good month look like for your evening bookings?",
    "That's a fair point. What would make the base plan enough for you?",
    "What else should we check before you decide?",
    "What date works to review it together?",
    "What would you like me to send over?",
    "What questions do you still have?",
    "What else matters to you here?",
    "What should we do next?",
]


def _start(h: Any) -> None:
    card = h.views.home.card("mini")
    h.qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    h.settle()
    assert h.window.current_page() == "practice"


def test_play_to_an_ending_with_ctrl_enter(make_app: Any) -> None:
    h = make_app()
    finished: list[tuple[str, object]] = []
    h.controller.practice.session_finished.connect(lambda sid, card: finished.append((sid, card)))
    _start(h)
    view = h.views.practice
    assert view.bubbles[0].speaker == "dana"
    assert "Dana Reyes" in view.bubbles[0].label
    assert view.bubbles[0].text in view.transcript.toPlainText()
    for reply in REPLIES:
        if h.controller.practice.ended:
            break
        before = len(view.bubbles)
        h.type_and_send(reply)
        assert view.bubbles[before].speaker == "rep"
        assert view.bubbles[before].text == reply
        assert view.reply_edit.toPlainText() == ""
    assert h.controller.practice.ended
    assert finished and finished[0][0] == h.controller.practice.session_id
    card = finished[0][1]
    assert isinstance(card, dict) and 0 <= card["score"] <= 100
    assert not view.reply_edit.isEnabled() and not view.send_button.isEnabled()
    assert view.ended_box.isVisible()
    # The summary page is filled in and one click away.
    h.qtbot.mouseClick(view.scorecard_button, Qt.MouseButton.LeftButton)
    assert h.window.current_page() == "scorecard"
    assert f"Score: {card['score']} / 100" in h.views.summary.body.text()
    # Every turn reached the data file, and the session is closed there.
    h.controller.shutdown()
    with Store.open(h.db_path) as store:
        sessions = store.list_sessions(rep="Sam Okafor")
        assert len(sessions) == 1 and sessions[0].finished_at is not None
        assert sessions[0].outcome == card["outcome"]["id"]
        record = store.get_session(sessions[0].session_id)
        rep_texts = [t.text for t in record.turns if t.speaker == "rep"]
        assert rep_texts == REPLIES[: len(rep_texts)]


def test_enter_makes_a_newline_and_empty_reply_cannot_be_sent(make_app: Any) -> None:
    h = make_app()
    _start(h)
    view = h.views.practice
    assert not view.send_button.isEnabled()
    h.qtbot.keyClicks(view.reply_edit, "   ")
    assert not view.send_button.isEnabled()
    h.qtbot.keyClick(view.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    h.settle()
    assert len(view.bubbles) == 1  # nothing sent
    view.reply_edit.clear()
    h.qtbot.keyClicks(view.reply_edit, "First line")
    h.qtbot.keyClick(view.reply_edit, Qt.Key.Key_Return)
    h.qtbot.keyClicks(view.reply_edit, "second line")
    assert view.reply_edit.toPlainText() == "First line\nsecond line"
    assert view.send_button.isEnabled()
    assert len(view.bubbles) == 1
    h.qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    h.settle()
    assert view.bubbles[1].text == "First line\nsecond line"


def test_coach_shows_hints_and_exam_hides_them(make_app: Any) -> None:
    h = make_app()
    _start(h)
    view = h.views.practice
    assert view.coach_radio.isChecked()
    h.type_and_send("What would a good month look like? Sign today and it's yours.")
    assert len(view.hint_widgets) == 2
    kinds = sorted(w.objectName() for w in view.hint_widgets)
    assert kinds == ["hintAvoid", "hintDo"]
    avoid = next(w for w in view.hint_widgets if w.objectName() == "hintAvoid")
    text = " ".join(lbl.text() for lbl in avoid.findChildren(type(view.hint_note)))
    assert "Sign today" in text and "Instead:" in text and "no deadline" in text
    # Exam: nothing shown, and the choice is saved.
    h.qtbot.mouseClick(view.exam_radio, Qt.MouseButton.LeftButton)
    assert view.hint_widgets == []
    assert "Exam mode" in view.hint_note.text()
    assert h.controller.ctx.settings.mode == "exam"
    h.type_and_send("What else matters to you?")
    assert view.hint_widgets == []
    # Back to coach: the last reply's hints come back.
    h.qtbot.mouseClick(view.coach_radio, Qt.MouseButton.LeftButton)
    assert [w.objectName() for w in view.hint_widgets] == ["hintDo"]


def test_exam_mode_from_settings_shows_nothing_until_the_end(make_app: Any) -> None:
    h = make_app(Settings(rep="Sam", mode="exam"))
    _start(h)
    view = h.views.practice
    assert view.exam_radio.isChecked()
    h.type_and_send("What would a good month look like?")
    assert view.hint_widgets == []


def test_who_speaks_is_always_clear(make_app: Any) -> None:
    h = make_app()
    _start(h)
    view = h.views.practice
    seen = set()
    for reply in REPLIES:
        if h.controller.practice.ended:
            break
        h.type_and_send(reply)
        last = view.bubbles[-1]
        assert last.speaker in ("dana", "omar")
        name = {"dana": "Dana Reyes", "omar": "Omar Haddad"}[last.speaker]
        role = {"dana": "Clinic Manager", "omar": "Finance Lead"}[last.speaker]
        assert name in last.label and role in last.label
        # The label is shown above the bubble in the transcript itself.
        assert f"{last.label}\n{last.text}" in view.transcript.toPlainText()
        assert view.now_speaking.text().startswith(f"Now speaking: {name}")
        seen.add(last.speaker)
    assert seen == {"dana", "omar"}  # the mini scenario hands over to its finance lead


def test_moment_stepper_marks_current_and_done(make_app: Any) -> None:
    h = make_app()
    _start(h)
    view = h.views.practice
    assert list(view.steps) == load_scenario(MINI).moments()  # playbook order
    assert view.steps["discovery"].objectName() == "stepCurrent"
    h.type_and_send(REPLIES[0])
    current = [m for m, s in view.steps.items() if s.objectName() == "stepCurrent"]
    assert current and current[0] != "discovery"
    assert view.steps["discovery"].objectName() == "stepDone"
    assert view.steps["discovery"].text().startswith("✓")


def test_voice_speaks_each_buyer_line_and_shortcuts_work(make_app: Any) -> None:
    h = make_app()
    _start(h)
    h.qtbot.waitUntil(lambda: len(h.player.played) == 1, timeout=5000)
    first_line = h.views.practice.bubbles[0].text
    assert h.engine is not None
    assert first_line in [t for t, _p, _props in h.engine.saved]
    assert h.engine.said == []
    h.type_and_send(REPLIES[0])
    h.qtbot.waitUntil(lambda: len(h.player.played) == 2, timeout=5000)
    assert h.player.played[1] != h.player.played[0]
    # The next node's possible lines were synthesised ahead of time.
    assert len(h.engine.saved) > 2
    view = h.views.practice
    view.reply_edit.setFocus()
    h.qtbot.keyClick(view.reply_edit, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert h.player.replays == 1 and h.player.played[-1] == h.player.played[1]
    stops = h.player.stops
    h.qtbot.keyClick(view.reply_edit, Qt.Key.Key_Escape)
    assert h.player.stops == stops + 1
    h.qtbot.keyClick(view.reply_edit, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert h.player.muted and view.mute_button.isChecked()
    assert h.controller.ctx.settings.muted
    count = len(h.player.played)
    h.type_and_send(REPLIES[1])
    h.qtbot.wait(200)
    assert len(h.player.played) == count  # muted: nothing played


def test_failed_reply_is_given_back(make_app: Any) -> None:
    def broken_scorer(text: str, context: object) -> list[Any]:
        raise RuntimeError("scorer exploded")

    h = make_app(scorer=broken_scorer)
    _start(h)
    view = h.views.practice
    h.type_and_send("What now?")
    assert view.reply_edit.toPlainText() == "What now?"
    assert len(view.bubbles) == 1
    assert "What now?" not in view.transcript.toPlainText()
    assert "scorer exploded" in h.window.statusBar().currentMessage()
    assert view.reply_edit.isEnabled() and not view.reply_edit.isReadOnly()


def test_end_session_saves_it_as_abandoned(make_app: Any) -> None:
    h = make_app()
    _start(h)
    h.type_and_send(REPLIES[0])
    h.qtbot.mouseClick(h.views.practice.end_button, Qt.MouseButton.LeftButton)
    h.settle()
    assert h.controller.practice.ended
    card = h.controller.practice.last_scorecard
    assert card["outcome"]["id"] == "abandoned"
    assert card["outcome"]["label"] in h.views.summary.body.text()
    h.controller.shutdown()
    with Store.open(h.db_path) as store:
        [s] = store.list_sessions()
        assert s.outcome == "abandoned"
        assert store.interrupted_sessions() == []


def test_tab_reaches_the_reply_box(make_app: Any) -> None:
    h = make_app()
    _start(h)
    view = h.views.practice
    view.coach_radio.setFocus()
    h.qtbot.keyClick(view.coach_radio, Qt.Key.Key_Tab)
    assert view.reply_edit.hasFocus()
    h.qtbot.keyClicks(view.reply_edit, "Hi")
    h.qtbot.keyClick(view.reply_edit, Qt.Key.Key_Tab)
    assert view.send_button.hasFocus()
    assert view.reply_edit.toPlainText() == "Hi"  # Tab moved focus, it typed nothing
    seen = []
    for _ in range(5):
        h.qtbot.keyClick(h.app_focus(), Qt.Key.Key_Tab)
        seen.append(h.app_focus())
    assert seen[:5] == [view.replay_button, view.stop_button, view.mute_button, view.end_button, view.transcript]
