"""History: sessions played with PracticeSession on a data file are listed, their transcripts
open, Enter opens the scorecard, and the skill chart follows the sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from ui_fakes import MINI, fake_scorer

from trainer.core.scenario.loader import load_scenario
from trainer.core.session import PracticeSession
from trainer.core.store import HistoryPoint, Store
from trainer.ui.controllers.history_controller import default_skills, skill_series

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _seed(db_path: Path, plays: list[tuple[str, list[str]]]) -> list[str]:
    """Play the mini scenario once per (rep, replies) into the data file; returns session ids."""
    scenario = load_scenario(MINI)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    ids = []
    with Store.open(db_path) as store:
        for n, (rep, replies) in enumerate(plays):
            ticks = iter(range(1000))
            day = T0 + timedelta(days=n)
            session = PracticeSession(
                scenario,
                rep=rep,
                team="East",
                store=store,
                clock=lambda day=day, ticks=ticks: day + timedelta(seconds=next(ticks)),
                seed=3,
                scorer=fake_scorer,
            )
            session.start()
            for reply in replies:
                if session.ended:
                    break
                session.reply(reply)
            if not session.ended:
                session.abandon()
            ids.append(session.session_id)
    return ids


GOOD = [
    "What would a good month look like?",
    "That's fair. What else matters?",
    "What next?",
    "What now?",
]
WEAK = ["Just take the premium plan.", "Sign today please.", "OK.", "Fine."]


def _history(h: Any) -> Any:
    pages = h.controller.review_pages
    with h.qtbot.waitSignal(pages.history_controller.loaded, timeout=10000):
        h.window.show_page("history")
    h.settle()
    return pages


def test_lists_sessions_and_opens_a_transcript(make_app: Any, tmp_path: Path) -> None:
    ids = _seed(
        tmp_path / "data" / "trainer.db",
        [("Sam Okafor", GOOD), ("Sam Okafor", WEAK), ("Lee Park", GOOD)],
    )
    h = make_app()
    pages = _history(h)
    view = pages.history
    assert view.current_rep() == "Sam Okafor"
    assert [view.rep_combo.itemText(i) for i in range(view.rep_combo.count())] == [
        "Lee Park",
        "Sam Okafor",
    ]
    # Most recent first; Lee's session is not in Sam's list.
    assert view.session_ids() == [ids[1], ids[0]]
    assert view.table.item(0, 1).text() == "Mini renewal check-in"
    assert view.table.item(0, 4).text() in ("✓ passed", "✗ failed")
    # Selecting the older session shows its transcript with the rep's words highlighted.
    with h.qtbot.waitSignal(pages.history_controller.transcript_shown, timeout=10000) as got:
        view.table.setFocus()
        view.table.setCurrentCell(1, 0)
    assert got.args == [ids[0]]
    page = view.transcript_html()
    assert "What would a good month look like?" in page
    assert '<span class="do" title="Do: Discovery question' in page
    assert "Dana Reyes" in page
    assert "What would a good month look like?" in view.transcript.toPlainText()
    # Enter opens its scorecard.
    with h.qtbot.waitSignal(pages.scorecard_controller.loaded, timeout=10000) as opened:
        h.qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [ids[0]]
    assert h.window.current_page() == "scorecard"
    assert pages.scorecard.data.session_id == ids[0]


def test_switching_rep_and_the_skill_chart(make_app: Any, tmp_path: Path) -> None:
    ids = _seed(
        tmp_path / "data" / "trainer.db",
        [("Sam Okafor", GOOD), ("Lee Park", WEAK), ("Lee Park", GOOD)],
    )
    h = make_app()
    pages = _history(h)
    view = pages.history
    assert len(view.chart.labels) == 1  # Sam has one finished session
    with h.qtbot.waitSignal(pages.history_controller.loaded, timeout=10000):
        view.rep_combo.setCurrentText("Lee Park")
    h.settle()
    assert view.session_ids() == [ids[2], ids[1]]
    assert len(view.chart.labels) == 2
    assert "Discovery question" in [s.name for s in view.chart.series]
    disc = next(s for s in view.chart.series if s.name == "Discovery question")
    assert disc.values == [0.0, 0.5]  # share of the sessions so far that showed it
    # Keyboard: choose the count mode and untick a skill with Space.
    view.mode_combo.setCurrentIndex(view.mode_combo.findData("count"))
    disc = next(s for s in view.chart.series if s.name == "Discovery question")
    assert disc.values[0] == 0.0 and disc.values[1] >= 1.0
    assert not view.chart.percent
    before = len(view.chart.series)
    view.skill_list.setFocus()
    view.skill_list.setCurrentRow(0)
    h.qtbot.keyClick(view.skill_list, Qt.Key.Key_Space)
    assert len(view.chart.series) != before


def test_new_session_appears_after_practice(make_app: Any) -> None:
    h = make_app()
    pages = _history(h)
    assert pages.history.session_ids() == []
    h.qtbot.mouseClick(h.views.home.card("mini").start_button, Qt.MouseButton.LeftButton)
    h.settle()
    h.controller.practice.end_session()
    h.settle()
    with h.qtbot.waitSignal(pages.history_controller.loaded, timeout=10000):
        h.window.show_page("history")
    assert pages.history.session_ids() == [h.controller.practice.session_id]
    assert pages.history.table.item(0, 2).text() == "Ended early"


def _point(n: int, shown: dict[str, int]) -> HistoryPoint:
    return HistoryPoint(f"s{n}", "mini", T0 + timedelta(days=n), 50.0, True, shown, {})


def test_skill_series_share_uses_a_moving_window() -> None:
    points = [_point(i, {"stop_rule": 1} if i in (0, 5) else {}) for i in range(7)]
    labels, series = skill_series(points, ["stop_rule"], "share", window=5)
    assert len(labels) == 7 and series[0].name == "Stop rule or rollback"
    assert series[0].values == [1.0, 0.5, 1 / 3, 0.25, 0.2, 0.2, 0.2]
    _, counts = skill_series([_point(0, {"stop_rule": 3})], ["stop_rule"], "count")
    assert counts[0].values == [3.0]
    assert default_skills(points, 2)[0] == "stop_rule"


def test_pages_are_reachable_from_the_keyboard(make_app: Any) -> None:
    h = make_app()
    assert h.window.page_keys() == [
        "home",
        "practice",
        "scorecard",
        "history",
        "leaderboard",
        "settings",
    ]
    pages = h.controller.review_pages
    with h.qtbot.waitSignal(pages.history_controller.loaded, timeout=10000):
        h.qtbot.keyClick(h.window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert h.window.current_page() == "history"
    with h.qtbot.waitSignal(pages.leaderboard_controller.loaded, timeout=10000):
        h.qtbot.keyClick(h.window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert h.window.current_page() == "leaderboard"
    for widget in (
        pages.history.table,
        pages.history.chart,
        pages.leaderboard.table,
        pages.scorecard.transcript,
    ):
        assert widget.accessibleName()
