"""Schema migrations (trainer.core.store.schema): the first schema is frozen and upgrades."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from trainer.core.rubric import rubric_version
from trainer.core.store import Store, schema

#: What migration 1 creates. Migration 1 has shipped: if this test fails, undo the edit to
#: m001_initial and put the change in a new migration instead.
V1_TABLES = {
    "reps": ["id INTEGER", "name TEXT"],
    "teams": ["id INTEGER", "name TEXT"],
    "scenarios": ["key INTEGER", "id TEXT", "version TEXT", "title TEXT"],
    "sessions": [
        "id TEXT", "rep_id INTEGER", "team_id INTEGER", "scenario_key INTEGER",
        "rubric_version TEXT", "seed INTEGER", "started_at TEXT", "started_utc TEXT",
        "finished_at TEXT", "finished_utc TEXT", "outcome TEXT", "score REAL",
        "ethics_pass INTEGER", "scorecard TEXT",
    ],
    "turns": [
        "id INTEGER", "session_id TEXT", "idx INTEGER", "moment TEXT", "speaker TEXT",
        "persona TEXT", "text TEXT",
    ],
    "findings": [
        "id INTEGER", "turn_id INTEGER", "session_id TEXT", "criterion TEXT", "polarity TEXT",
        "start INTEGER", "end INTEGER", "evidence TEXT", "rule TEXT",
    ],
}  # fmt: skip
V1_INDEXES = {
    "idx_findings_turn_id",
    "idx_reps_name",
    "idx_scenarios_id_version",
    "idx_sessions_rep_id",
    "idx_sessions_started_utc",
    "idx_teams_name",
    "idx_turns_session_id_idx",
}

SID = "8f9f2d0e-2a47-4d43-9d0c-3b7b1c2f6a11"
STARTED = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


def build_v1(path: Path) -> None:
    """A database as the first release wrote it, with one finished session in it."""
    db = Database(path)
    schema.migrate(db, stop_before="m002_turn_search")
    db.table("reps").insert({"id": 1, "name": "Ana"})
    db.table("teams").insert({"id": 1, "name": "North"})
    db.table("scenarios").insert(
        {"key": 1, "id": "smb-inbound", "version": "3", "title": "SMB inbound"}
    )
    finished = STARTED + timedelta(minutes=12)
    db.table("sessions").insert(
        {
            "id": SID, "rep_id": 1, "team_id": 1, "scenario_key": 1,
            "rubric_version": rubric_version(), "seed": 4,
            "started_at": STARTED.isoformat(), "started_utc": "2026-10-01T09:00:00.000000Z",
            "finished_at": finished.isoformat(), "finished_utc": "2026-10-01T09:12:00.000000Z",
            "outcome": "won", "score": 77.5, "ethics_pass": 1, "scorecard": '{"total": 77.5}',
        }
    )  # fmt: skip
    db.table("turns").insert_all(
        [
            {"id": 1, "session_id": SID, "idx": 0, "moment": "discovery", "speaker": "buyer",
             "persona": "owner", "text": "Our no-shows cost us two afternoons a week."},
            {"id": 2, "session_id": SID, "idx": 1, "moment": "discovery", "speaker": "rep",
             "persona": None, "text": "Which afternoons, and who fills the gaps today?"},
        ]
    )  # fmt: skip
    db.table("findings").insert(
        {"turn_id": 2, "session_id": SID, "criterion": "discovery_question", "polarity": "do",
         "start": 0, "end": 15, "evidence": "Which afternoons", "rule": "dq.open"}
    )  # fmt: skip
    db.close()


def test_migration_one_is_frozen(tmp_path: Path) -> None:
    db = Database(tmp_path / "v1.db")
    assert schema.migrate(db, stop_before="m002_turn_search") == 1
    tables = {
        t.name: [f"{c.name} {c.type}" for c in t.columns]
        for t in db.tables
        if not t.name.startswith("_")
    }
    assert tables == V1_TABLES
    indexes = {
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name NOT LIKE '\\_%' ESCAPE '\\'"
        )
    }
    assert indexes == V1_INDEXES
    fks = {(fk.table, fk.column, fk.other_table) for t in db.tables for fk in t.foreign_keys}
    assert ("turns", "session_id", "sessions") in fks
    assert ("sessions", "rep_id", "reps") in fks
    assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_first_release_database_upgrades_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    build_v1(path)
    with Store.open(path, create=False) as store:
        version = store.db.execute("PRAGMA user_version").fetchone()[0]
        assert version == schema.schema_version() > 1
        applied = [m.name for m in schema.MIGRATIONS.applied(store.db)]
        assert applied == schema.migration_names()
        record = store.get_session(SID)
        assert (record.rep, record.team, record.scenario_version) == ("Ana", "North", "3")
        assert record.score == 77.5 and record.outcome == "won"
        assert [t.text for t in record.turns][0].startswith("Our no-shows")
        assert record.turns[1].findings[0].evidence == "Which afternoons"
        assert store.get_scorecard(SID) == {"total": 77.5}
        # Features added after the first release work on the old data:
        [hit] = store.search("afternoons gaps")
        assert hit.session_id == SID and hit.turn_index == 1
        [row] = store.leaderboard()
        assert (row.rank, row.rep, row.best_score, row.recent_avg) == (1, "Ana", 77.5, 77.5)
        assert list(store.db.query("SELECT rep, best_score FROM leaderboard_default")) == [
            {"rep": "Ana", "best_score": 77.5}
        ]
        [point] = store.rep_history("Ana")
        assert point.shown == {"discovery_question": 1}  # fit flag back-filled
        [streak] = store.streaks(today=STARTED.date())
        assert streak.current_streak == 1
        # ...and new sessions go in next to the old one.
        store.start_session(
            session_id="0b7c8a52-4d8e-4b57-9f0b-1f4f5bba2c3d", rep="Ana", team="North",
            scenario="smb-inbound", scenario_version="3", scenario_title="SMB inbound",
            rubric_version=rubric_version(), started_at=STARTED + timedelta(days=1), seed=1,
        )  # fmt: skip
        store.finish_session(
            "0b7c8a52-4d8e-4b57-9f0b-1f4f5bba2c3d", outcome="won", score=90,
            ethics_pass=True, finished_at=STARTED + timedelta(days=1, minutes=5),
        )  # fmt: skip
        assert store.leaderboard()[0].best_score == 90
    # Opening again is a no-op for the schema.
    with Store.open(path) as again:
        assert len(again.list_sessions()) == 2


def test_migrate_is_idempotent_and_versions_count_migrations() -> None:
    db = Database(memory=True)
    assert schema.migrate(db) == schema.schema_version() == len(schema.migration_names())
    before = list(db.query("SELECT name FROM _sqlite_migrations ORDER BY id"))
    assert schema.migrate(db) == schema.schema_version()
    assert list(db.query("SELECT name FROM _sqlite_migrations ORDER BY id")) == before
    assert schema.migration_names()[0] == "m001_initial"
