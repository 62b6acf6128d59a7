"""`trainer leaderboard` (trainer.cli_commands.leaderboard)."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.core.records import SessionRecord
from trainer.core.rubric import rubric_version
from trainer.core.store import Store

SCRIPT = "<script>alert(1)</script>"


def rec(rep: str, score: float, day: int, *, team: str = "North", clean: bool = True,
        scenario: str = "smb-inbound") -> SessionRecord:  # fmt: skip
    finished = datetime(2026, 11, day, 10, 0, tzinfo=UTC)
    return SessionRecord(
        session_id=str(uuid.uuid4()),
        rep=rep,
        team=team,
        scenario=scenario,
        scenario_version="1",
        rubric_version=rubric_version(),
        started_at=finished - timedelta(minutes=6),
        finished_at=finished,
        outcome="won",
        score=score,
        ethics_pass=clean,
        turns=[],
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    records = [
        rec("Ana", 80, 1),
        rec("Ana", 70, 2),
        rec("Bo", 90, 3, team="South"),
        rec("Bo", 95, 4, team="South", clean=False),
        rec("Cy", 99, 5, clean=False, scenario="renewal-expansion"),
        rec(SCRIPT, 60, 6),
        rec("=cmd|' /C calc'!A0", 50, 7),
    ]
    pack = tmp_path / "p.jsonl"
    pack.write_text("".join(r.to_json() + "\n" for r in records))
    path = tmp_path / "team.db"
    with Store.open(path) as store:
        store.import_paths([pack])
    return path


def board_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_default_board_as_csv(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["leaderboard", "--db", str(db)]) == 0
    rows = board_csv(capsys.readouterr().out)
    assert rows[0] == [
        "rank", "rep", "team", "sessions", "clean_sessions", "best_score", "recent_avg",
        "ethics_pass_rate",
    ]  # fmt: skip
    assert rows[1] == ["1", "Bo", "South", "2", "1", "90.0", "90.0", "0.5"]
    assert rows[2] == ["2", "Ana", "North", "2", "2", "80.0", "75.0", "1.0"]
    assert rows[3][1] == SCRIPT
    assert rows[4][1] == "'=cmd|' /C calc'!A0"  # neutralised for spreadsheets
    assert rows[-1] == ["", "Cy", "North", "1", "0", "", "", "0.0"]  # ethics fail: unranked


def test_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["leaderboard", "--db", str(db), "--team", "South", "--format", "json"]) == 0
    assert [r["rep"] for r in json.loads(capsys.readouterr().out)] == ["Bo"]
    assert main(["leaderboard", "--db", str(db), "--scenario", "renewal-expansion",
                 "--format", "json"]) == 0  # fmt: skip
    assert [r["rep"] for r in json.loads(capsys.readouterr().out)] == ["Cy"]
    assert main(["leaderboard", "--db", str(db), "--since", "2026-11-04", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["rep"] for r in data] == [SCRIPT, "=cmd|' /C calc'!A0", "Bo", "Cy"]
    assert data[2]["rank"] is None  # Bo's only session since then failed ethics


def test_html_page_to_file(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reports" / "board.html"
    assert main(["leaderboard", "--db", str(db), "--format", "html", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<script>") == 1 and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<svg") == 4  # one sparkline per rep with a clean session
    assert "wrote 5 rows" in capsys.readouterr().err
    assert [p.name for p in out.parent.iterdir()] == ["board.html"]


@pytest.mark.parametrize(
    ("board", "header"),
    [
        ("improved", "rank,rep,team,clean_sessions,first_avg,last_avg,improvement"),
        ("skills", "rep,team,sessions,discovery_question"),
        ("streaks", "rank,rep,team,days_practised,current_streak,longest_streak,last_day"),
    ],
)
def test_other_boards(
    db: Path, board: str, header: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["leaderboard", "--db", str(db), "--board", board]) == 0
    text = capsys.readouterr().out
    assert text.startswith(header)
    if board == "streaks":
        rows = board_csv(text)
        assert {r[1]: r[3] for r in rows[1:]}["Ana"] == "2"
    assert main(["leaderboard", "--db", str(db), "--board", board, "--format", "json"]) == 0
    reps = [r["rep"] for r in json.loads(capsys.readouterr().out)]
    # Nobody has the 6 clean sessions "improved" needs; elsewhere the name is data, as typed.
    assert reps == [] if board == "improved" else SCRIPT in reps
    for fmt in ("md", "html"):
        assert main(["leaderboard", "--db", str(db), "--board", board, "--format", fmt]) == 0
        assert "<script>alert" not in capsys.readouterr().out


def test_markdown(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["leaderboard", "--db", str(db), "--format", "md"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "| 1 | Bo | South | 2 | 1 | 90.00 | 90.00 | 0.500 |"


def test_errors(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["leaderboard", "--db", str(db), "--since", "last tuesday"]) == 2
    assert "--since" in capsys.readouterr().err
    assert main(["leaderboard", "--db", str(tmp_path / "none.db")]) == 1
    assert "no such database" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["leaderboard", "--db", str(db), "--format", "xlsx"])
