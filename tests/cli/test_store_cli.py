"""`trainer export-sessions`, `import`, `search` and `sessions` (trainer.cli_commands.store)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from trainer.cli import main
from trainer.core.records import SessionRecord, TurnRecord
from trainer.core.rubric import rubric_version
from trainer.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 3, 14, 0, tzinfo=timezone(timedelta(hours=1)))


def record(n: int, rep: str = "Ana", **changes: Any) -> SessionRecord:
    data: dict[str, Any] = {
        "session_id": str(uuid.UUID(int=1000 + n, version=4)),
        "rep": rep,
        "team": "North",
        "scenario": "renewal-expansion",
        "scenario_version": "1",
        "rubric_version": rubric_version(),
        "started_at": (T0 + timedelta(days=n)).isoformat(),
        "finished_at": (T0 + timedelta(days=n, minutes=8)).isoformat(),
        "outcome": "won",
        "score": 60 + n,
        "ethics_pass": True,
        "turns": [
            {"index": 0, "moment": "renewal", "speaker": "buyer", "text": "Usage dropped in May."},
            {"index": 1, "moment": "renewal", "speaker": "rep",
             "text": f"Which teams stopped logging in, and what changed for them? ({n})"},
        ],
    }  # fmt: skip
    data.update(changes)
    return SessionRecord.from_dict(data)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "pack.jsonl"
    recs = [record(0), record(1, rep="Bo"), record(2)]
    path.write_text("".join(r.to_json() + "\n" for r in recs))
    return path


@pytest.fixture
def db(tmp_path: Path, pack: Path) -> Path:
    path = tmp_path / "team.db"
    with Store.open(path) as store:
        store.import_paths([pack])
    return path


def test_import_reports_counts_and_is_idempotent(
    tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new.db"
    assert main(["import", str(pack), "--db", str(target)]) == 0
    assert capsys.readouterr().out == "imported 3, skipped 0\n"
    assert main(["import", str(pack), "--db", str(target)]) == 0
    assert capsys.readouterr().out == "imported 0, skipped 3\n"


def test_import_bad_file_exits_1_naming_file_line_field(
    tmp_path: Path, pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    lines = [record(5).to_dict(), record(6).to_dict()]
    lines[1]["turns"][1]["speaker"] = "coach"
    bad.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    target = tmp_path / "t.db"
    assert main(["import", str(pack), str(bad), "--db", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: turns.1.speaker:" in err
    with Store.open(target) as store:
        assert store.list_sessions() == []


def test_import_accepts_another_database(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "merged.db"
    assert main(["import", str(db), "--db", str(target)]) == 0
    assert capsys.readouterr().out == "imported 3, skipped 0\n"


def test_export_to_stdout_and_file(
    tmp_path: Path, db: Path, pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export-sessions", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out == pack.read_text()
    dest = tmp_path / "out" / "pack.jsonl"
    assert main(["export-sessions", "--db", str(db), "--out", str(dest)]) == 0
    assert dest.read_text() == pack.read_text()
    assert "exported 3 sessions" in capsys.readouterr().err


def test_database_from_environment(
    db: Path, pack: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRAINER_DB", str(db))
    assert main(["export-sessions"]) == 0
    assert capsys.readouterr().out == pack.read_text()


def test_search_prints_session_rep_scenario_turn_snippet(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "stopped", "logging", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    first = lines[0]
    assert "renewal-expansion" in first and "turn 1 (rep)" in first
    assert "[stopped] [logging]" in first
    assert main(["search", "logging", "--rep", "Bo", "--db", str(db)]) == 0
    [only] = capsys.readouterr().out.splitlines()
    assert only.startswith(f"{record(1).session_id}  Bo  renewal-expansion  turn 1")
    assert main(["search", "logging", "--limit", "2", "--db", str(db)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["search", "zeppelin", "--db", str(db)]) == 1
    assert "no turn matched" in capsys.readouterr().err


def test_sessions_and_interrupted(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [record(n).session_id for n in (2, 1, 0)]
    assert "won  62  clean  turns=2" in lines[0]
    sid = str(uuid.uuid4())
    with Store.open(db) as store:
        store.start_session(
            session_id=sid, rep="Cy", team="", scenario="smb-inbound", scenario_version="1",
            scenario_title="SMB", rubric_version=rubric_version(), started_at=T0, seed=3,
        )  # fmt: skip
        store.add_turn(sid, TurnRecord(index=0, moment=None, speaker="buyer", text="Hi"))
    assert main(["sessions", "--interrupted", "--db", str(db)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(sid) and "Cy" in line and "turns=1" in line
    assert main(["sessions", "--rep", "Bo", "--db", str(db)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_missing_or_foreign_database_is_an_error_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.db"
    for argv in (["search", "x"], ["export-sessions"], ["sessions"]):
        assert main([*argv, "--db", str(missing)]) == 1
        assert "no such database" in capsys.readouterr().err
    assert not missing.exists()
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n" * 20)
    before = notes.read_bytes()
    assert main(["import", str(tmp_path / "x.jsonl"), "--db", str(notes)]) == 1
    assert "not an Upsell Trainer database" in capsys.readouterr().err
    assert notes.read_bytes() == before


def test_commands_run_as_a_module(db: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "trainer", "search", "usage", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "[Usage]" in proc.stdout


def test_every_store_command_is_documented() -> None:
    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for command in ("export-sessions", "import", "search", "sessions", "leaderboard"):
        assert f"trainer {command}" in doc, f"docs/store.md does not describe `{command}`"
    for view in ("leaderboard_default", "leaderboard_improved", "leaderboard_skills",
                 "leaderboard_streaks"):  # fmt: skip
        assert view in doc
