"""The Store's session API, opening rules and crash safety (trainer.core.store.api)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from trainer.core.records import FindingRecord, TurnRecord
from trainer.core.rubric import rubric_version
from trainer.core.store import (
    DatabaseTooNew,
    NotATrainerDatabase,
    SessionNotFound,
    SessionStateError,
    Store,
    StoreError,
)
from trainer.core.store.api import fts_query, utc_key

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        yield s


def start(store: Store, rep: str = "Ana", team: str = "North", **kw: object) -> str:
    sid = str(uuid.uuid4())
    args: dict[str, object] = {
        "session_id": sid,
        "rep": rep,
        "team": team,
        "scenario": "smb-inbound",
        "scenario_version": "1",
        "scenario_title": "SMB inbound",
        "rubric_version": rubric_version(),
        "started_at": T0,
        "seed": 7,
    }
    args.update(kw)
    store.start_session(**args)  # type: ignore[arg-type]
    return sid


def rep_turn(index: int, text: str, *criteria: str, moment: str = "discovery") -> TurnRecord:
    findings = [
        FindingRecord(
            criterion=c,
            polarity="avoid" if c in ("pressure_tactics", "overclaiming") else "do",
            start=0,
            end=min(4, len(text)),
            evidence=text[:4],
            rule=f"{c}.test",
        )
        for c in criteria
    ]
    return TurnRecord(index=index, moment=moment, speaker="rep", text=text, findings=findings)


def buyer_turn(index: int, text: str) -> TurnRecord:
    return TurnRecord(index=index, moment="discovery", speaker="buyer", persona="owner", text=text)


def test_session_round_trip(store: Store) -> None:
    sid = start(store)
    store.add_turn(sid, buyer_turn(0, "We re-key every booking by hand."))
    store.add_turn(sid, rep_turn(1, "What breaks if bookings double?", "discovery_question"))
    store.finish_session(
        sid,
        outcome="won",
        score=82.25,
        ethics_pass=True,
        finished_at=T0 + timedelta(minutes=9),
        scorecard={"points": [1, 2], "note": "ok"},
    )
    record = store.get_session(sid)
    assert record.session_id == sid
    assert (record.rep, record.team, record.scenario) == ("Ana", "North", "smb-inbound")
    assert record.started_at == T0 and record.started_at.utcoffset() == timedelta(hours=1)
    assert record.finished_at == T0 + timedelta(minutes=9)
    assert (record.outcome, record.score, record.ethics_pass) == ("won", 82.25, True)
    assert [t.index for t in record.turns] == [0, 1]
    assert record.turns[0].persona == "owner"
    assert record.turns[1].findings[0].criterion == "discovery_question"
    assert store.get_scorecard(sid) == {"points": [1, 2], "note": "ok"}
    assert store.interrupted_sessions() == []


def test_turns_are_committed_one_by_one(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store.open(db) as writer:
        sid = start(writer)
        writer.add_turn(sid, buyer_turn(0, "hello"))
        # A second connection (another program) sees the turn without any close or commit call.
        with Store.open(db) as reader:
            [live] = reader.interrupted_sessions()
            assert live.session_id == sid and [t.text for t in live.turns] == ["hello"]


def test_adding_to_a_finished_or_missing_session_is_refused(store: Store) -> None:
    sid = start(store)
    store.finish_session(sid, outcome="lost", score=10, ethics_pass=True, finished_at=T0)
    with pytest.raises(SessionStateError, match="already finished"):
        store.add_turn(sid, buyer_turn(0, "late"))
    with pytest.raises(SessionStateError):
        store.finish_session(sid, outcome="won", score=1, ethics_pass=True, finished_at=T0)
    with pytest.raises(SessionNotFound):
        store.add_turn(str(uuid.uuid4()), buyer_turn(0, "nobody"))
    with pytest.raises(SessionStateError, match="already exists"):
        start(store, session_id=sid)


def test_duplicate_turn_index_is_refused_and_nothing_half_written(store: Store) -> None:
    sid = start(store)
    store.add_turn(sid, buyer_turn(0, "one"))
    with pytest.raises(SessionStateError, match="already has a turn 0"):
        store.add_turn(sid, rep_turn(0, "two", "discovery_question"))
    assert store.db.execute("SELECT count(*) FROM findings").fetchone()[0] == 0


def test_naive_times_and_bad_scores_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="timezone"):
        start(store, started_at=datetime(2026, 1, 1))
    sid = start(store)
    with pytest.raises(ValueError, match="0..100"):
        store.finish_session(sid, outcome="won", score=101, ethics_pass=True, finished_at=T0)


def test_interrupted_then_abandoned(store: Store) -> None:
    sid = start(store, rep="Bo")
    other = start(store, rep="Cy")
    store.add_turn(sid, buyer_turn(0, "Prices went up."))
    store.add_turn(sid, rep_turn(1, "Sign today, the offer ends tonight.", "pressure_tactics"))
    assert {s.session_id for s in store.interrupted_sessions()} == {sid, other}
    [bo] = store.interrupted_sessions("Bo")
    assert (bo.rep, bo.team, bo.scenario, bo.seed) == ("Bo", "North", "smb-inbound", 7)
    assert [t.index for t in bo.turns] == [0, 1]
    store.abandon_session(sid, T0 + timedelta(hours=1))
    record = store.get_session(sid)
    assert record.outcome == "abandoned" and record.score == 0
    assert record.ethics_pass is False  # an ethics finding was already on record
    store.abandon_session(other, T0 + timedelta(hours=1))
    assert store.get_session(other).ethics_pass is True
    assert store.interrupted_sessions() == []


def test_unfinished_session_reads_as_unfinished(store: Store) -> None:
    sid = start(store)
    record = store.get_session(sid)
    assert record.finished_at is None and record.outcome == "unfinished"
    with pytest.raises(SessionNotFound):
        store.get_session(str(uuid.uuid4()))


def test_list_sessions_filters_and_order(store: Store) -> None:
    a = start(store, rep="Ana", team="North", started_at=T0)
    b = start(store, rep="Bo", team="South", started_at=T0 + timedelta(days=1))
    c = start(store, rep="Ana", team="North", scenario="renewal-expansion",
              started_at=T0 + timedelta(days=2))  # fmt: skip
    store.add_turn(c, buyer_turn(0, "x"))
    store.finish_session(
        b, outcome="won", score=50, ethics_pass=True, finished_at=T0 + timedelta(days=1)
    )
    assert [s.session_id for s in store.list_sessions()] == [c, b, a]
    assert [s.session_id for s in store.list_sessions(rep="Ana")] == [c, a]
    assert [s.session_id for s in store.list_sessions(team="South")] == [b]
    assert [s.session_id for s in store.list_sessions(scenario="renewal-expansion")] == [c]
    assert [s.session_id for s in store.list_sessions(since=T0 + timedelta(hours=1))] == [c, b]
    assert [s.session_id for s in store.list_sessions(limit=1)] == [c]
    summary = store.list_sessions(rep="Bo")[0]
    assert summary.score == 50 and summary.ethics_pass is True and summary.turn_count == 0
    assert store.list_sessions(rep="Ana")[0].turn_count == 1
    assert store.list_sessions(rep="Ana")[0].finished_at is None


def test_rep_history_counts_fitting_do_ids_and_every_avoid(store: Store) -> None:
    sid = start(store)
    # discovery_question fits discovery; tie_to_outcome does not (it fits demo, proposal...).
    store.add_turn(sid, rep_turn(0, "What would a win look like?", "discovery_question",
                                 "tie_to_outcome", "overclaiming"))  # fmt: skip
    store.add_turn(sid, rep_turn(1, "And who else is affected?", "discovery_question"))
    store.finish_session(sid, outcome="won", score=70, ethics_pass=True, finished_at=T0)
    [point] = store.rep_history("Ana")
    assert point.shown == {"discovery_question": 2}
    assert point.slips == {"overclaiming": 1}
    assert point.score == 70 and point.finished_at == T0
    assert store.rep_history("Nobody") == []


def test_search_marks_matches_and_ignores_fts_syntax(store: Store) -> None:
    sid = start(store, rep="Ana")
    store.add_turn(sid, rep_turn(0, "Should your finance partner see the cost model?"))
    other = start(store, rep="Bo")
    store.add_turn(other, rep_turn(0, "Finance will ask about renewals."))
    hits = store.search("finance")
    assert {h.session_id for h in hits} == {sid, other}
    [hit] = store.search("finance partner")
    assert hit.session_id == sid and hit.turn_index == 0 and hit.rep == "Ana"
    assert "[finance]" in hit.snippet and "[partner]" in hit.snippet
    assert [h.rep for h in store.search("finance", rep="Bo")] == ["Bo"]
    assert store.search('finance" OR "x') == []  # quotes are text, not syntax
    assert store.search("   ") == []
    assert fts_query('a "b" NEAR(c') == '"a" "b" "NEAR(c"'


def test_utc_key_sorts_in_time_order() -> None:
    early = datetime(2026, 1, 1, 23, 30, tzinfo=timezone(timedelta(hours=-5)))  # 04:30 UTC next day
    late = datetime(2026, 1, 2, 5, 0, tzinfo=UTC)
    assert early < late and utc_key(early) < utc_key(late)


# ---------------------------------------------------------------------- opening files
def _trainer_db(path: Path) -> None:
    with Store.open(path) as s:
        sid = start(s)
        for i in range(40):
            s.add_turn(sid, buyer_turn(i, "padding text " * 50))


def _plain_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")
    conn.commit()
    conn.close()


def _newer_db(path: Path) -> None:
    _trainer_db(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()


def _truncated_db(path: Path) -> None:
    _trainer_db(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(5).randbytes(8192))


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (_random_bytes, NotATrainerDatabase, "not an SQLite file"),
        (_plain_db, NotATrainerDatabase, "no Upsell Trainer marker"),
        (_newer_db, DatabaseTooNew, "newer"),
        (_truncated_db, NotATrainerDatabase, "truncated"),
    ],
)
def test_foreign_files_are_refused_and_never_modified(
    tmp_path: Path, make: object, error: type[StoreError], words: str
) -> None:
    path = tmp_path / "x.db"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()
    for _ in range(2):
        with pytest.raises(error) as info:
            Store.open(path)
        assert str(path) in str(info.value) and words in str(info.value)
        assert "untouched" in str(info.value)
    assert path.read_bytes() == before
    # SQLite may leave an empty write-ahead log beside a WAL-mode file; it holds nothing.
    assert {p.name for p in tmp_path.iterdir()} <= {"x.db", "x.db-wal", "x.db-shm"}
    wal = tmp_path / "x.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_new_file_is_marked_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "t.db"
    with Store.open(path) as s:
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    head = path.read_bytes()[:100]
    assert int.from_bytes(head[68:72], "big") == int.from_bytes(b"UpTr", "big")
    with Store.open(path, create=False):
        pass


# ---------------------------------------------------------------------- kill -9 mid-session
def test_a_killed_practice_loses_nothing_already_said(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRAINER_DB=str(tmp_path / "unused.db"))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "trainer",
            "practice",
            "smb-inbound",
            "--rep",
            "Dee",
            "--team",
            "West",
            "--db",
            str(db),
            "--seed",
            "1",
        ],  # fmt: skip
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        text=True,
    )
    replies = [
        "Thanks for reaching out. What would have to change for this to feel worth it?",
        "How many bookings do you re-key each week, and who does it?",
        "If we start small, what would tell us it is working after a month?",
    ]
    assert proc.stdin is not None
    try:
        for reply in replies:
            proc.stdin.write(reply + "\n")
            proc.stdin.flush()
        deadline = time.monotonic() + 60
        rep_turns: list[str] = []
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            if db.exists():
                try:
                    with Store.open(db, create=False) as peek:
                        live = peek.interrupted_sessions("Dee")
                        rep_turns = [t.text for s in live for t in s.turns if t.speaker == "rep"]
                except StoreError:
                    rep_turns = []
            if len(rep_turns) >= 3:
                break
            time.sleep(0.1)
        assert rep_turns == replies, "the third reply never reached the database"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
    with Store.open(db) as after:
        [session] = after.interrupted_sessions()
        assert session.rep == "Dee" and session.team == "West" and session.scenario == "smb-inbound"
        assert [t.text for t in session.turns if t.speaker == "rep"] == replies
        assert [t.index for t in session.turns] == sorted(t.index for t in session.turns)
        assert any(t.speaker == "buyer" for t in session.turns)
        after.abandon_session(session.session_id, datetime.now(UTC))
        assert after.get_session(session.session_id).outcome == "abandoned"
        assert after.interrupted_sessions() == []


WRITER = """
import sys, uuid
from datetime import datetime, timezone
from trainer.core.records import TurnRecord
from trainer.core.store import Store
path, name = sys.argv[1], sys.argv[2]
with Store.open(path) as store:
    sid = str(uuid.uuid4())
    store.start_session(session_id=sid, rep=name, team="", scenario="s", scenario_version="1",
                        scenario_title="S", rubric_version="x", seed=0,
                        started_at=datetime.now(timezone.utc))
    for i in range(40):
        store.add_turn(sid, TurnRecord(index=i, moment=None, speaker="rep", text=f"{name} {i}"))
        with Store.open(path) as reader:  # a second program reading while others write
            reader.list_sessions(rep=name)
    store.finish_session(sid, outcome="won", score=50, ethics_pass=True,
                         finished_at=datetime.now(timezone.utc))
"""


def test_several_programs_create_and_write_one_file_at_once(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), f"rep{n}"],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Store.open(db) as store:
        board = store.leaderboard()
        assert sorted(r.rep for r in board) == ["rep0", "rep1", "rep2", "rep3"]
        assert all(s.turn_count == 40 for s in store.list_sessions())
