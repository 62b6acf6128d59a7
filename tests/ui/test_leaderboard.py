"""Leaderboard: boards from the store, team and scenario filters, exports in the background
that match the store's boards, and hostile names kept inert in the table and the files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from test_history import GOOD, WEAK, _seed

from trainer.core.store import Store, render_board
from trainer.core.store.boards import LeaderRow

EVIL = '=HYPERLINK("http://evil.example","x")'
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def board_app(make_app: Any, tmp_path: Path) -> Any:
    db = tmp_path / "data" / "trainer.db"
    _seed(db, [("Sam Okafor", GOOD), (EVIL, GOOD), (SCRIPT, WEAK)])
    # A second team, written straight through the store API.
    _seed_team(db, "West", [("Ana Silva", GOOD), ("Ana Silva", WEAK)])
    h = make_app()
    pages = h.controller.review_pages
    with h.qtbot.waitSignal(pages.leaderboard_controller.loaded, timeout=10000):
        h.window.show_page("leaderboard")
    h.settle()
    return h


def _seed_team(db: Path, team: str, plays: list[tuple[str, list[str]]]) -> None:
    from datetime import UTC, datetime, timedelta

    from ui_fakes import MINI, fake_scorer

    from trainer.core.scenario.loader import load_scenario
    from trainer.core.session import PracticeSession

    scenario = load_scenario(MINI)
    with Store.open(db) as store:
        for n, (rep, replies) in enumerate(plays):
            ticks = iter(range(1000))
            day = datetime(2026, 11, 10, tzinfo=UTC) + timedelta(days=n)
            s = PracticeSession(
                scenario,
                rep=rep,
                team=team,
                store=store,
                clock=lambda day=day, ticks=ticks: day + timedelta(seconds=next(ticks)),
                seed=3,
                scorer=fake_scorer,
            )
            s.start()
            for r in replies:
                if s.ended:
                    break
                s.reply(r)
            if not s.ended:
                s.abandon()


def _export(h: Any, fmt: str, target: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    pages = h.controller.review_pages
    view = pages.leaderboard
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    view.format_combo.setCurrentIndex(view.format_combo.findData(fmt))
    with h.qtbot.waitSignal(pages.leaderboard_controller.exported, timeout=10000) as done:
        view.export_button.click()
    assert done.args == [str(target)]
    assert view.export_button.isEnabled() and not view.busy.isVisible()
    return target.read_bytes().decode("utf-8")  # as written: CSV keeps its CRLF


def test_default_board_and_team_filter(
    board_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = board_app
    pages = h.controller.review_pages
    view = pages.leaderboard
    teams = [view.team_combo.itemText(i) for i in range(view.team_combo.count())]
    assert teams == ["All teams", "East", "West"]
    reps = {row[1] for row in view.cell_texts()}
    assert reps == {"Sam Okafor", EVIL, SCRIPT, "Ana Silva"}
    with h.qtbot.waitSignal(pages.leaderboard_controller.loaded, timeout=10000):
        view.team_combo.setCurrentIndex(view.team_combo.findData("West"))
    h.settle()
    assert {row[1] for row in view.cell_texts()} == {"Ana Silva"}
    assert view.team() == "West"

    text = _export(h, "csv", tmp_path / "west.csv", monkeypatch)
    h.controller.shutdown()
    with Store.open(h.db_path) as store:
        expected = store.leaderboard(team="West")
    assert text == render_board(expected, "csv", columns=LeaderRow.COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["rep"] for r in rows] == [r.rep for r in expected]
    assert [r["sessions"] for r in rows] == [str(r.sessions) for r in expected]


def test_hostile_names_stay_inert(
    board_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = board_app
    view = h.controller.review_pages.leaderboard
    # Table cells are plain text, shown exactly as typed.
    cells = [row[1] for row in view.cell_texts()]
    assert EVIL in cells and SCRIPT in cells
    for r in range(view.table.rowCount()):
        assert view.table.cellWidget(r, 1) is None  # no rich-text label widgets
    csv_text = _export(h, "csv", tmp_path / "all.csv", monkeypatch)
    reps = [r["rep"] for r in csv.DictReader(io.StringIO(csv_text))]
    assert "'" + EVIL in reps and EVIL not in reps  # a spreadsheet will not run it
    html_text = _export(h, "html", tmp_path / "all.html", monkeypatch)
    assert SCRIPT not in html_text and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    md_text = _export(h, "md", tmp_path / "all.md", monkeypatch)
    assert SCRIPT not in md_text
    data = json.loads(_export(h, "json", tmp_path / "all.json", monkeypatch))
    assert SCRIPT in [r["rep"] for r in data]  # JSON keeps the value; it is data, not markup


def test_other_boards_and_scenario_filter(board_app: Any) -> None:
    h = board_app
    pages = h.controller.review_pages
    view = pages.leaderboard
    for key, first in (("skills", "Rep"), ("streaks", "Rank"), ("improved", "Rank")):
        with h.qtbot.waitSignal(pages.leaderboard_controller.loaded, timeout=10000):
            view.board_combo.setCurrentIndex(view.board_combo.findData(key))
        h.settle()
        assert view.table.horizontalHeaderItem(0).text() == first
    assert view.table.rowCount() == 0  # nobody has 6 clean sessions yet
    assert "No finished sessions match" in view.note.text()
    with h.qtbot.waitSignal(pages.leaderboard_controller.loaded, timeout=10000):
        view.board_combo.setCurrentIndex(view.board_combo.findData("skills"))
    headings = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert "✓ Discovery question" in headings and "✗ Pressure tactics" in headings
    assert [view.scenario_combo.itemData(i) for i in range(view.scenario_combo.count())] == [
        "",
        "mini",
    ]
    with h.qtbot.waitSignal(pages.leaderboard_controller.loaded, timeout=10000):
        view.scenario_combo.setCurrentIndex(1)
    assert view.scenario() == "mini" and view.table.rowCount() == 4


def test_import_a_team_pack_merges_it_into_the_board(
    board_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = board_app
    pages = h.controller.review_pages
    other = tmp_path / "other" / "trainer.db"
    _seed(other, [("Remote Rep", GOOD)])
    pack = tmp_path / "team.jsonl"
    with Store.open(other) as store:
        assert store.export_sessions(pack) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"session_id": "nope"}\n')
    picked: list[list[str]] = [[str(bad)], [str(pack)], [str(pack)]]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a: (picked.pop(0), ""))
    )
    view = pages.leaderboard
    # A bad file changes nothing and says why.
    view.import_button.click()
    h.settle()
    assert "Nothing was imported" in h.window.statusBar().currentMessage()
    assert "Remote Rep" not in {row[1] for row in view.cell_texts()}
    # The pack is merged, and the board refreshes to show it.
    with (
        h.qtbot.waitSignal(pages.leaderboard_controller.loaded, timeout=10000),
        h.qtbot.waitSignal(pages.leaderboard_controller.imported, timeout=10000) as got,
    ):
        view.import_button.click()
    assert got.args == [1, 0]
    assert "Remote Rep" in {row[1] for row in view.cell_texts()}
    # Importing it again skips what is already there.
    with h.qtbot.waitSignal(pages.leaderboard_controller.imported, timeout=10000) as again:
        view.import_button.click()
    assert again.args == [0, 1]
    assert view.import_button.isEnabled()


def test_a_board_refresh_queued_as_the_app_closes_is_dropped(board_app: Any) -> None:
    h = board_app
    h.window.show_page("leaderboard")
    h.settle()
    ctx = h.controller.ctx
    ctx.library_changed()  # queues a refresh of the visible board for the next event-loop turn
    ctx.worker.stop()  # ...and the app quits before that turn comes
    h.qtbot.wait(50)  # the queued refresh runs now: it must not submit to the stopped worker
    assert ctx.worker.stopped
