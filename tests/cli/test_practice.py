"""`trainer practice`: piped replies, headers, abandon on EOF, --json, --list, saving, resume."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.core.records import SessionRecord
from trainer.core.scenario.loader import load_scenario
from trainer.core.session import PracticeSession
from trainer.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "scenarios" / "mini.yaml"
SHIPPED = ROOT / "scenarios"

REPLIES = [
    "What would a good month look like for your front desk?",
    "You said the evening backlog matters most. Option one is the base plan at 700 a month; "
    "option two adds the call-centre module for 1,100 but needs an admin.",
    "If the backlog has not dropped by day 30, we stop and you pay nothing more; "
    "Ana sends the order form on the 4th and I confirm the setup call on the 6th.",
]


def play(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    stdin: str,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["practice", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_DB", str(tmp_path / "env.db"))
    monkeypatch.delenv("TRAINER_SCENARIOS", raising=False)


@pytest.fixture
def scen(tmp_path: Path) -> Path:
    """A scenario folder holding only the mini scenario (whatever else lives in tests/data)."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    return folder


def test_list_format(scen: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "--list", "--scenarios", str(scen)]) == 0
    assert capsys.readouterr().out == "mini\tMini renewal check-in\n"


def test_list_shipped_scenarios_sorted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines, "the shipped scenarios folder should not be empty"
    ids = [line.split("\t")[0] for line in lines]
    assert ids == sorted(ids)
    assert all(len(line.split("\t")) == 2 and line.split("\t")[1] for line in lines)


def test_list_honours_the_environment(
    scen: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRAINER_SCENARIOS", str(scen))
    assert main(["practice", "--list"]) == 0
    assert capsys.readouterr().out.startswith("mini\t")


def test_piped_session_in_process(
    scen: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["mini", "--scenarios", str(scen), "--no-save", "--json", "--seed", "1", "--rep", "ana"]
    code, out, err = play(monkeypatch, capsys, args, "\n".join(REPLIES) + "\n")
    assert code == 0, err
    assert "== Discovery ==" in out and "== Proposal ==" in out
    assert "Dana Reyes (Clinic Manager, Northgate Clinics): " in out
    assert "Omar Haddad (Finance Lead, Northgate Clinics): " in out
    assert "== Scorecard ==" in out and "Call review:" in out and "Tips:" in out
    assert out.index("== Discovery ==") < out.index("== Proposal ==")
    # Piped replies are echoed in order, each before the buyer's answer to it.
    echoed = [out.index(f"You: {r}") for r in REPLIES[:2]]
    assert echoed == sorted(echoed) and echoed[0] > out.index("== Discovery ==")
    record = SessionRecord.from_json(out.rstrip("\n").splitlines()[-1])
    assert record.rep == "ana" and record.scenario == "mini"
    rep_texts = [t.text for t in record.turns if t.speaker == "rep"]
    assert rep_texts == REPLIES[: len(rep_texts)]
    assert record.outcome != "abandoned"
    assert record.turns[-1].speaker == "buyer"
    assert "Saved as session" not in out


def test_end_of_input_abandons(
    scen: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["mini", "--scenarios", str(scen), "--no-save", "--json", "--seed", "2"]
    code, out, _ = play(monkeypatch, capsys, args, "\n   \n" + REPLIES[0] + "\n")
    assert code == 0
    assert "abandoned" in out
    record = SessionRecord.from_json(out.splitlines()[-1])
    assert record.outcome == "abandoned"
    assert [t.text for t in record.turns if t.speaker == "rep"] == [
        REPLIES[0]
    ]  # blank lines skipped
    assert "== Scorecard ==" in out


def test_saves_to_the_db_turn_by_turn(
    scen: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "team.db"
    args = [
        "mini",
        "--scenarios",
        str(scen),
        "--db",
        str(db),
        "--json",
        "--rep",
        "bo",
        "--team",
        "t1",
    ]
    code, out, err = play(monkeypatch, capsys, args, "\n".join(REPLIES) + "\n")
    assert code == 0, err
    record = SessionRecord.from_json(out.splitlines()[-1])
    assert f"Saved as session {record.session_id}." in out
    with Store.open(db) as store:
        saved = store.get_session(record.session_id)
        card = store.get_scorecard(record.session_id)
    assert saved.rep == "bo" and saved.team == "t1"
    assert saved.outcome == record.outcome and saved.score == record.score
    assert [(t.speaker, t.text) for t in saved.turns] == [(t.speaker, t.text) for t in record.turns]
    assert card is not None and card["score"] == record.score
    assert not (tmp_path / "env.db").exists()  # --db wins over TRAINER_DB


def test_default_db_from_the_environment(
    scen: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = play(monkeypatch, capsys, ["mini", "--scenarios", str(scen), "--json"], "")
    assert code == 0
    record = SessionRecord.from_json(out.splitlines()[-1])
    with Store.open(tmp_path / "env.db") as store:
        assert store.get_session(record.session_id).outcome == "abandoned"


def test_resume_the_latest_interrupted_session(
    scen: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.db"
    scenario = load_scenario(MINI)
    with Store.open(db) as store:  # a session that stopped after one reply (e.g. a crash)
        s = PracticeSession(scenario, rep="cy", store=store, seed=4)
        s.start()
        s.reply(REPLIES[0])
        last_line = s.current.text
    args = ["--resume", "--rep", "cy", "--scenarios", str(scen), "--db", str(db), "--json"]
    code, out, err = play(monkeypatch, capsys, args, "\n".join(REPLIES[1:]) + "\n")
    assert code == 0, err
    assert f"session {s.session_id}, 1 replies so far" in out
    first_buyer = out.index(last_line)
    assert REPLIES[0] not in out[:first_buyer]  # stored replies are replayed silently
    record = SessionRecord.from_json(out.splitlines()[-1])
    assert record.session_id == s.session_id
    assert [t.text for t in record.turns if t.speaker == "rep"][:1] == [REPLIES[0]]
    with Store.open(db) as store:
        assert store.interrupted_sessions("cy") == []
        assert store.get_session(s.session_id).outcome == record.outcome


def test_resume_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "e.db")
    code, _, err = play(monkeypatch, capsys, ["--resume", "--rep", "zed", "--db", db], "")
    assert code == 1 and "no interrupted session" in err
    code, _, err = play(monkeypatch, capsys, ["--resume", "--no-save"], "")
    assert code == 1 and "--no-save" in err
    code, _, err = play(monkeypatch, capsys, ["--resume", "0000", "--db", db], "")
    assert code == 1 and "0000" in err


def test_unknown_scenario_lists_known_ones(
    scen: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = play(monkeypatch, capsys, ["nope", "--scenarios", str(scen), "--no-save"], "")
    assert code == 1 and out == ""
    assert "unknown scenario 'nope'" in err and "mini" in err


def test_invalid_scenario_file_reports_file_and_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = MINI.read_text(encoding="utf-8").replace("max_turns: 6", "max_turns: many")
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    code, _, err = play(
        monkeypatch, capsys, ["mini", "--scenarios", str(tmp_path), "--no-save"], ""
    )
    assert code == 1
    line = text.splitlines().index("max_turns: many") + 1
    assert f"mini.yaml:{line}:" in err


def test_no_scenario_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = play(monkeypatch, capsys, ["--no-save"], "")
    assert code == 1 and "--list" in err


def test_piped_through_a_subprocess(scen: Path, tmp_path: Path) -> None:
    env = {**os.environ, "TRAINER_SCENARIOS": str(scen), "TRAINER_DB": str(tmp_path / "s.db")}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "trainer",
            "practice",
            "mini",
            "--json",
            "--seed",
            "3",
            "--rep",
            "di",
        ],
        input="\n".join(REPLIES) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "> " not in proc.stdout  # no prompt when stdin is a pipe
    assert "== Discovery ==" in proc.stdout
    record = SessionRecord.from_json(proc.stdout.splitlines()[-1])
    assert record.rep == "di"
    with Store.open(tmp_path / "s.db") as store:
        assert store.get_session(record.session_id).turns == record.turns
