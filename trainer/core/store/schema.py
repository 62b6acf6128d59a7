"""The database schema, built and upgraded by sqlite-utils migrations.

Every schema change is a new function registered on :data:`MIGRATIONS`, appended at the end.
A migration that has shipped is never edited again (a test builds a database with the first
migration only and upgrades it). ``PRAGMA user_version`` records how many migrations a file has
had, so a program can tell a database made by a newer version of itself and refuse to touch it;
``PRAGMA application_id`` marks the file as an Upsell Trainer database.
"""

from __future__ import annotations

import json
import logging

from sqlite_utils import Database, Migrations

from trainer.core.rubric import load_rubric

log = logging.getLogger(__name__)

#: ``PRAGMA application_id`` of every trainer database ("UpTr").
APPLICATION_ID = int.from_bytes(b"UpTr", "big")

MIGRATIONS = Migrations("upsell-trainer")


@MIGRATIONS(name="m001_initial")
def m001_initial(db: Database) -> None:
    """The first schema. FROZEN: never edit; add a new migration instead."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.table("reps").create({"id": int, "name": str}, pk="id", not_null={"name"})
    db.table("reps").create_index(["name"], unique=True)
    db.table("teams").create({"id": int, "name": str}, pk="id", not_null={"name"})
    db.table("teams").create_index(["name"], unique=True)
    db.table("scenarios").create(
        {"key": int, "id": str, "version": str, "title": str},
        pk="key",
        not_null={"id", "version", "title"},
    )
    db.table("scenarios").create_index(["id", "version"], unique=True)
    db.table("sessions").create(
        {
            "id": str,
            "rep_id": int,
            "team_id": int,
            "scenario_key": int,
            "rubric_version": str,
            "seed": int,
            "started_at": str,
            "started_utc": str,
            "finished_at": str,
            "finished_utc": str,
            "outcome": str,
            "score": float,
            "ethics_pass": int,
            "scorecard": str,
        },
        pk="id",
        not_null={"rep_id", "team_id", "scenario_key", "rubric_version", "started_at"},
        foreign_keys=[
            ("rep_id", "reps", "id"),
            ("team_id", "teams", "id"),
            ("scenario_key", "scenarios", "key"),
        ],
    )
    db.table("sessions").create_index(["rep_id"])
    db.table("sessions").create_index(["started_utc"])
    db.table("turns").create(
        {
            "id": int,
            "session_id": str,
            "idx": int,
            "moment": str,
            "speaker": str,
            "persona": str,
            "text": str,
        },
        pk="id",
        not_null={"session_id", "idx", "speaker", "text"},
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("turns").create_index(["session_id", "idx"], unique=True)
    db.table("findings").create(
        {
            "id": int,
            "turn_id": int,
            "session_id": str,
            "criterion": str,
            "polarity": str,
            "start": int,
            "end": int,
            "evidence": str,
            "rule": str,
        },
        pk="id",
        not_null={"turn_id", "session_id", "criterion", "polarity"},
        foreign_keys=[("turn_id", "turns", "id"), ("session_id", "sessions", "id")],
    )
    db.table("findings").create_index(["turn_id"])


@MIGRATIONS(name="m002_turn_search")
def m002_turn_search(db: Database) -> None:
    """Full-text search over what was said, kept current by triggers."""
    db.table("turns").enable_fts(["text"], create_triggers=True, tokenize="unicode61")


@MIGRATIONS(name="m003_board_tables")
def m003_board_tables(db: Database) -> None:
    """Precomputed per-session results the boards aggregate from, and finding fit flags.

    ``session_results`` has one row per finished session with the score in hundredths
    (exact sums), the rep/team ids and the finish instant (UTC, sortable) and local day.
    ``findings.fits`` says whether the criterion mattered at the turn's moment, under the
    rubric that was current when the row was written.
    """
    db.table("findings").add_column("fits", int)
    db.table("session_results").create(
        {
            "session_id": str,
            "rep_id": int,
            "team_id": int,
            "scenario_id": str,
            "finished_utc": str,
            "day": str,
            "score_c": int,
            "ethics_pass": int,
        },
        pk="session_id",
        not_null={
            "rep_id",
            "team_id",
            "scenario_id",
            "finished_utc",
            "day",
            "score_c",
            "ethics_pass",
        },
        foreign_keys=[
            ("session_id", "sessions", "id"),
            ("rep_id", "reps", "id"),
            ("team_id", "teams", "id"),
        ],
    )
    # Back-fill from the sessions finished before this table existed.
    db.execute(
        """
        INSERT INTO session_results
            (session_id, rep_id, team_id, scenario_id, finished_utc, day, score_c, ethics_pass)
        SELECT s.id, s.rep_id, s.team_id, sc.id, s.finished_utc, substr(s.finished_at, 1, 10),
               CAST(round(s.score * 100) AS INTEGER), s.ethics_pass
        FROM sessions s JOIN scenarios sc ON sc.key = s.scenario_key
        WHERE s.finished_utc IS NOT NULL
        """
    )
    rubric = load_rubric()
    fits = {cid: list(c.moments) for cid, c in rubric.criteria.items()}
    db.execute(
        """
        UPDATE findings SET fits = (
            SELECT t.moment IS NULL
                   OR t.moment IN (SELECT value FROM json_each(json_extract(?, '$.' || findings.criterion)))
            FROM turns t WHERE t.id = findings.turn_id)
        """,
        [json.dumps(fits)],
    )
    results = db.table("session_results")
    results.create_index(["rep_id", "finished_utc"])
    results.create_index(["team_id"])
    results.create_index(["scenario_id"])
    results.create_index(["finished_utc"])
    db.table("findings").create_index(["session_id"])


@MIGRATIONS(name="m004_covering_board_indexes")
def m004_covering_board_indexes(db: Database) -> None:
    """Covering indexes so the default board reads each rep's recent clean scores and latest
    team straight from an index (0.8 s -> well under 0.5 s on 100,000 sessions)."""
    results = db.table("session_results")
    results.create_index(
        ["rep_id", "ethics_pass", "finished_utc", "session_id", "score_c"],
        index_name="idx_results_rep_clean_recent",
    )
    results.create_index(
        ["rep_id", "finished_utc", "session_id", "team_id"], index_name="idx_results_rep_latest"
    )
    db.execute("DROP INDEX IF EXISTS idx_session_results_rep_id_finished_utc")


@MIGRATIONS(name="m005_streak_days_index")
def m005_streak_days_index(db: Database) -> None:
    """Distinct practice days per rep straight from an index (streaks board: 1.1 s -> 0.3 s)."""
    db.table("session_results").create_index(["rep_id", "day"], index_name="idx_results_rep_day")


def schema_version() -> int:
    """The number of migrations this program knows: the ``user_version`` it writes."""
    return len(MIGRATIONS._migrations)


def migration_names() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def migrate(db: Database, *, stop_before: str | None = None) -> int:
    """Apply pending migrations (all, or those before ``stop_before``); returns the new version.

    Each migration runs in its own transaction together with its record of having run.
    """
    MIGRATIONS.apply(db, stop_before=stop_before)
    applied = {m.name for m in MIGRATIONS.applied(db)}
    version = 0
    for name in migration_names():
        if name not in applied:
            break
        version += 1
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current != version:
        db.execute(f"PRAGMA user_version = {version}")
        log.info("database schema now at version %d", version)
    return version
