"""The Store: every practice session, turn by turn, in one local SQLite file.

Opening a file checks that it is an Upsell Trainer database of a version this program
understands BEFORE anything is written to it; a file that fails the check is never modified.
The file runs in WAL mode with a busy timeout so the desktop app and the command line can use it
at the same time, and each turn is committed as soon as it is added, so a crash loses at most
the reply being typed.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from sqlite_utils import Database

from trainer.core.rubric import ETHICS_IDS, load_rubric
from trainer.core.store import boards, schema
from trainer.core.store.boards import (
    BoardFilter,
    BoardRow,
    ImprovedRow,
    LeaderRow,
    SkillsRow,
    StreakRow,
)
from trainer.core.store.errors import (
    DatabaseTooNew,
    NotATrainerDatabase,
    SessionNotFound,
    SessionStateError,
    StoreError,
)
from trainer.core.store.models import (
    HistoryPoint,
    ImportReport,
    InterruptedSession,
    SearchHit,
    SessionSummary,
)

if TYPE_CHECKING:  # the record models load pydantic: only paths that build records import them
    from trainer.core.records import FindingRecord, SessionRecord, TurnRecord

log = logging.getLogger(__name__)

#: How long a writer waits for another program holding the file (milliseconds).
BUSY_TIMEOUT_MS = 10_000
ABANDONED = "abandoned"
UNFINISHED = "unfinished"


def utc_key(value: datetime) -> str:
    """A fixed-width UTC text form that sorts in time order (``2026-11-28T08:30:00.000000Z``)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _aware(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} needs a timezone (an aware datetime)")
    return value


def _probe(path: Path) -> tuple[int, int, int, int, int]:
    """(application_id, user_version, schema objects, page size, page count), read through a
    read-only SQLite connection.

    Never read the file with a plain ``open()``: closing such a descriptor drops every POSIX
    lock this process holds on the file, including those of an open Store (SQLite's own
    connections coordinate with each other and are safe).
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page_count = conn.execute("PRAGMA page_count").fetchone()[0]
        return int(app_id), int(version), int(objects), int(page_size), int(page_count)
    finally:
        conn.close()


def verify_trainer_file(path: Path) -> bool:
    """Check an existing file is a trainer database this program can open; write nothing.

    Returns True when the file is empty or an empty SQLite database (fine to initialise).
    Raises :class:`NotATrainerDatabase` or :class:`DatabaseTooNew`. The file itself is only
    read; for a database in WAL mode, SQLite may leave an empty ``-wal``/``-shm`` beside it.
    """
    size = path.stat().st_size
    if size == 0:
        return True
    wal = Path(f"{path}-wal")
    wal_content = wal.exists() and wal.stat().st_size > 0
    try:
        app_id, version, objects, page_size, pages = _probe(path)
    except sqlite3.DatabaseError as exc:
        reason = (
            "not an SQLite file" if "not a database" in str(exc) else f"damaged or truncated: {exc}"
        )
        raise NotATrainerDatabase(path, reason) from None
    if not wal_content and (size % page_size or size < pages * page_size):
        raise NotATrainerDatabase(
            path, f"truncated: {size} bytes where the header promises {pages * page_size}"
        )
    if app_id != schema.APPLICATION_ID:
        if app_id == 0 and objects == 0 and version == 0:
            return True
        raise NotATrainerDatabase(
            path, "it belongs to another program" if app_id else "no Upsell Trainer marker"
        )
    if version > schema.schema_version():
        raise DatabaseTooNew(path, version, schema.schema_version())
    return False


class Store:
    """A trainer database. Open with :meth:`Store.open`; use as a context manager or close()."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self._db = db
        self.path = path

    # ----------------------------------------------------------------- opening and closing
    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        """Open (and, if needed, create or upgrade) the database at ``path``.

        ``":memory:"`` gives a private in-memory database (tests). Raises
        :class:`NotATrainerDatabase`, :class:`DatabaseTooNew`, or :class:`StoreError` when the
        file does not exist and ``create`` is False.
        """
        if str(path) == ":memory:":
            db = Database(memory=True)
            cls._configure(db, wal=False)
            return cls._ready(db, None)
        file = Path(path)
        if file.exists():
            if file.is_dir():
                raise StoreError(f"{file}: is a folder; give the path of a database file")
            verify_trainer_file(file)
        elif not create:
            raise StoreError(f"{file}: no such database; check the path, or run a practice first")
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = Database(file)
        except sqlite3.Error as exc:
            raise StoreError(f"{file}: cannot open: {exc}") from None
        try:
            cls._configure(db, wal=True)
            return cls._ready(db, file)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise StoreError(f"{file}: cannot use the database: {exc}") from None
        except BaseException:
            db.close()
            raise

    @staticmethod
    def _configure(db: Database, *, wal: bool) -> None:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if wal:
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")

    @classmethod
    def _ready(cls, db: Database, path: Path | None) -> Store:
        current = schema.schema_version()
        if db.execute("PRAGMA user_version").fetchone()[0] != current or boards.views_stale(db):
            # Another program may be creating or upgrading the same file right now: take the
            # write lock first, then look again.
            with write_transaction(db):
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > current:
                    raise DatabaseTooNew(path or ":memory:", version, current)
                if version < current:
                    schema.migrate(db)
                boards.ensure_views(db)
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def db(self) -> Database:
        """The underlying sqlite-utils database (store package and tests only)."""
        return self._db

    # ----------------------------------------------------------------- sessions, live
    def start_session(
        self,
        *,
        session_id: str,
        rep: str,
        team: str,
        scenario: str,
        scenario_version: str,
        scenario_title: str,
        rubric_version: str,
        started_at: datetime,
        seed: int,
    ) -> None:
        """Record that a session began (committed at once)."""
        _aware(started_at, "started_at")
        if not rep:
            raise ValueError("rep must not be empty")
        with write_transaction(self._db):
            if self._db.table("sessions").count_where("id = ?", [session_id]):
                raise SessionStateError(f"session {session_id!r} already exists")
            self._db.table("sessions").insert(
                {
                    "id": session_id,
                    "rep_id": self._rep_id(rep),
                    "team_id": self._team_id(team),
                    "scenario_key": self._scenario_key(scenario, scenario_version, scenario_title),
                    "rubric_version": rubric_version,
                    "seed": seed,
                    "started_at": started_at.isoformat(),
                    "started_utc": utc_key(started_at),
                }
            )

    def add_turn(self, session_id: str, turn: TurnRecord) -> None:
        """Append one turn with its findings; committed before this returns."""
        with write_transaction(self._db):
            self._require_open(session_id)
            try:
                insert_turns(self._db, session_id, [turn])
            except sqlite3.IntegrityError:
                raise SessionStateError(
                    f"session {session_id!r} already has a turn {turn.index}"
                ) from None

    def finish_session(
        self,
        session_id: str,
        *,
        outcome: str,
        score: float,
        ethics_pass: bool,
        finished_at: datetime,
        scorecard: dict[str, Any] | None = None,
    ) -> None:
        """Close a session with its outcome and score (committed at once)."""
        _aware(finished_at, "finished_at")
        if not 0 <= score <= 100:
            raise ValueError(f"score must be within 0..100, not {score}")
        card = None if scorecard is None else json.dumps(scorecard, ensure_ascii=False)
        with write_transaction(self._db):
            self._require_open(session_id)
            self._db.execute(
                """UPDATE sessions SET finished_at = ?, finished_utc = ?, outcome = ?, score = ?,
                   ethics_pass = ?, scorecard = ? WHERE id = ?""",
                [
                    finished_at.isoformat(),
                    utc_key(finished_at),
                    outcome,
                    float(score),
                    int(bool(ethics_pass)),
                    card,
                    session_id,
                ],
            )
            self._db.execute(
                """INSERT INTO session_results
                     (session_id, rep_id, team_id, scenario_id, finished_utc, day, score_c,
                      ethics_pass)
                   SELECT s.id, s.rep_id, s.team_id, sc.id, s.finished_utc,
                          substr(s.finished_at, 1, 10), ?, s.ethics_pass
                   FROM sessions s JOIN scenarios sc ON sc.key = s.scenario_key
                   WHERE s.id = ?""",
                [round(float(score) * 100), session_id],
            )

    def interrupted_sessions(self, rep: str | None = None) -> list[InterruptedSession]:
        """Sessions started but never finished, oldest first, with the turns saved so far."""
        where = "s.finished_utc IS NULL" + (" AND r.name = ?" if rep is not None else "")
        rows = list(
            self._db.query(
                f"""SELECT s.id, r.name AS rep, t.name AS team, sc.id AS scenario,
                           sc.version, s.started_at, s.seed
                    FROM sessions s JOIN reps r ON r.id = s.rep_id
                    JOIN teams t ON t.id = s.team_id JOIN scenarios sc ON sc.key = s.scenario_key
                    WHERE {where} ORDER BY s.started_utc, s.id""",
                [rep] if rep is not None else [],
            )
        )
        turns = load_turns(self._db, [r["id"] for r in rows])
        return [
            InterruptedSession(
                session_id=r["id"],
                rep=r["rep"],
                team=r["team"],
                scenario=r["scenario"],
                scenario_version=r["version"],
                started_at=datetime.fromisoformat(r["started_at"]),
                seed=int(r["seed"] or 0),
                turns=turns.get(r["id"], []),
            )
            for r in rows
        ]

    def abandon_session(self, session_id: str, finished_at: datetime) -> None:
        """Close an interrupted session with outcome ``"abandoned"``.

        It scores 0; it passes ethics unless an ethics finding was already recorded.
        """
        failed = self._db.execute(
            f"""SELECT count(*) FROM findings WHERE session_id = ?
                AND criterion IN ({", ".join("?" for _ in ETHICS_IDS)})""",
            [session_id, *sorted(ETHICS_IDS)],
        ).fetchone()[0]
        self.finish_session(
            session_id,
            outcome=ABANDONED,
            score=0.0,
            ethics_pass=not failed,
            finished_at=finished_at,
            scorecard=None,
        )

    # ----------------------------------------------------------------- sessions, read
    def get_session(self, session_id: str) -> SessionRecord:
        """The session as a session record. An unfinished one has outcome ``"unfinished"``,
        no finish time, score 0 and ethics_pass False."""
        records = session_records(self._db, [session_id])
        if not records:
            raise SessionNotFound(session_id)
        return records[0]

    def get_scorecard(self, session_id: str) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT scorecard FROM sessions WHERE id = ?", [session_id]))
        if not rows:
            raise SessionNotFound(session_id)
        card = rows[0]["scorecard"]
        if card is None:
            return None
        value = json.loads(card)
        return value if isinstance(value, dict) else {"value": value}

    def list_sessions(
        self,
        *,
        rep: str | None = None,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | None = None,
        limit: int | None = None,
    ) -> list[SessionSummary]:
        """Sessions (finished or not), most recently started first."""
        where, params = ["1"], []  # type: tuple[list[str], list[Any]]
        if rep is not None:
            where.append("r.name = ?")
            params.append(rep)
        if team is not None:
            where.append("t.name = ?")
            params.append(team)
        if scenario is not None:
            where.append("sc.id = ?")
            params.append(scenario)
        if since is not None:
            where.append("s.started_utc >= ?")
            params.append(utc_key(_aware(since, "since")))
        sql = f"""SELECT s.id, r.name AS rep, t.name AS team, sc.id AS scenario,
                         sc.version, sc.title, s.started_at, s.finished_at, s.outcome, s.score,
                         s.ethics_pass,
                         (SELECT count(*) FROM turns WHERE session_id = s.id) AS turn_count
                  FROM sessions s JOIN reps r ON r.id = s.rep_id JOIN teams t ON t.id = s.team_id
                  JOIN scenarios sc ON sc.key = s.scenario_key
                  WHERE {" AND ".join(where)}
                  ORDER BY s.started_utc DESC, s.id DESC"""
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [
            SessionSummary(
                session_id=r["id"],
                rep=r["rep"],
                team=r["team"],
                scenario=r["scenario"],
                scenario_version=r["version"],
                scenario_title=r["title"],
                started_at=datetime.fromisoformat(r["started_at"]),
                finished_at=(
                    datetime.fromisoformat(r["finished_at"]) if r["finished_at"] else None
                ),
                outcome=r["outcome"],
                score=r["score"],
                ethics_pass=None if r["ethics_pass"] is None else bool(r["ethics_pass"]),
                turn_count=r["turn_count"],
            )
            for r in self._db.query(sql, params)
        ]

    def rep_history(self, rep: str) -> list[HistoryPoint]:
        """The rep's finished sessions, oldest first, with per-criterion counts (skill chart)."""
        rows = list(
            self._db.query(
                """SELECT s.id, sc.id AS scenario, s.finished_at, s.score, s.ethics_pass
                   FROM sessions s JOIN reps r ON r.id = s.rep_id
                   JOIN scenarios sc ON sc.key = s.scenario_key
                   WHERE r.name = ? AND s.finished_utc IS NOT NULL
                   ORDER BY s.finished_utc, s.id""",
                [rep],
            )
        )
        shown: dict[str, dict[str, int]] = {}
        slips: dict[str, dict[str, int]] = {}
        for f in self._db.query(
            """SELECT f.session_id, f.criterion, f.polarity, count(*) AS n
               FROM findings f JOIN sessions s ON s.id = f.session_id
               JOIN reps r ON r.id = s.rep_id
               WHERE r.name = ? AND s.finished_utc IS NOT NULL
                 AND (f.polarity = 'avoid' OR f.fits)
               GROUP BY f.session_id, f.criterion, f.polarity""",
            [rep],
        ):
            target = shown if f["polarity"] == "do" else slips
            target.setdefault(f["session_id"], {})[f["criterion"]] = f["n"]
        return [
            HistoryPoint(
                session_id=r["id"],
                scenario=r["scenario"],
                finished_at=datetime.fromisoformat(r["finished_at"]),
                score=float(r["score"]),
                ethics_pass=bool(r["ethics_pass"]),
                shown=shown.get(r["id"], {}),
                slips=slips.get(r["id"], {}),
            )
            for r in rows
        ]

    def search(self, words: str, limit: int = 50, *, rep: str | None = None) -> list[SearchHit]:
        """Turns whose text contains all the given words (best matches first).

        Words are matched as whole tokens, case-insensitively; FTS syntax in ``words`` is
        treated as plain text. ``rep`` keeps only that rep's sessions.
        """
        query = fts_query(words)
        if not query:
            return []
        rep_clause = "AND r.name = ?" if rep is not None else ""
        sql = f"""SELECT t.session_id, r.name AS rep, sc.id AS scenario, t.idx, t.speaker,
                        snippet(turns_fts, 0, '[', ']', '…', 12) AS snippet
                 FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid
                 JOIN sessions s ON s.id = t.session_id JOIN reps r ON r.id = s.rep_id
                 JOIN scenarios sc ON sc.key = s.scenario_key
                 WHERE turns_fts MATCH ? {rep_clause}
                 ORDER BY turns_fts.rank, t.session_id, t.idx LIMIT ?"""
        return [
            SearchHit(
                session_id=r["session_id"],
                rep=r["rep"],
                scenario=r["scenario"],
                turn_index=r["idx"],
                speaker=r["speaker"],
                snippet=r["snippet"],
            )
            for r in self._db.query(sql, [query, *([rep] if rep is not None else []), int(limit)])
        ]

    # ----------------------------------------------------------------- boards
    def leaderboard(
        self,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
    ) -> list[LeaderRow]:
        """The default board (see :mod:`trainer.core.store.boards` for the definition)."""
        return boards.default_board(self._db, BoardFilter(team, scenario, since))

    def most_improved(
        self,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
    ) -> list[ImprovedRow]:
        return boards.improved_board(self._db, BoardFilter(team, scenario, since))

    def skills(
        self,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
    ) -> list[SkillsRow]:
        return boards.skills_board(self._db, BoardFilter(team, scenario, since))

    def streaks(
        self,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
        *,
        today: date | None = None,
    ) -> list[StreakRow]:
        return boards.streaks_board(self._db, BoardFilter(team, scenario, since), today=today)

    def board(
        self,
        name: str,
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
    ) -> Sequence[BoardRow]:
        """A board by name: one of :data:`boards.BOARD_NAMES`."""
        flt = BoardFilter(team, scenario, since)
        if name == "default":
            return boards.default_board(self._db, flt)
        if name == "improved":
            return boards.improved_board(self._db, flt)
        if name == "skills":
            return boards.skills_board(self._db, flt)
        if name == "streaks":
            return boards.streaks_board(self._db, flt)
        raise ValueError(f"unknown board {name!r}; choose from {', '.join(boards.BOARD_NAMES)}")

    def trends(
        self,
        reps: list[str],
        team: str | None = None,
        scenario: str | None = None,
        since: datetime | date | None = None,
    ) -> dict[str, list[float]]:
        """Each rep's recent clean scores, oldest first (the sparklines of the HTML board)."""
        return boards.clean_trends(self._db, reps, BoardFilter(team, scenario, since))

    # ----------------------------------------------------------------- packs and merging
    def export_sessions(self, out: IO[str] | Path) -> int:
        """Write every finished session (abandoned included) as a session pack; returns the count."""
        from trainer.core.store import io

        return io.export_sessions(self._db, out)

    def import_paths(self, paths: Sequence[str | Path]) -> ImportReport:
        """Import session packs and/or other trainer databases in ONE transaction."""
        from trainer.core.store import io

        return io.import_paths(self._db, [Path(p) for p in paths])

    # ----------------------------------------------------------------- helpers
    def _require_open(self, session_id: str) -> None:
        rows = list(self._db.query("SELECT finished_utc FROM sessions WHERE id = ?", [session_id]))
        if not rows:
            raise SessionNotFound(session_id)
        if rows[0]["finished_utc"] is not None:
            raise SessionStateError(f"session {session_id!r} is already finished")

    def _rep_id(self, name: str) -> int:
        return int(self._db.table("reps").lookup({"name": name}))

    def _team_id(self, name: str) -> int:
        return int(self._db.table("teams").lookup({"name": name}))

    def _scenario_key(self, scenario: str, version: str, title: str) -> int:
        return int(
            self._db.table("scenarios").lookup(
                {"id": scenario, "version": version}, {"title": title or scenario}, pk="key"
            )
        )


@contextmanager
def write_transaction(db: Database) -> Iterator[None]:
    """A transaction that takes the write lock up front (``BEGIN IMMEDIATE``).

    With the app and the command line on one file, a transaction that reads first and writes
    later can find another program committed in between and fail at once with "database is
    locked"; taking the lock first makes it wait (busy timeout) instead. Nested use becomes a
    savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def fts_query(words: str) -> str:
    """Each word quoted (so user text is never FTS syntax); all must match."""
    parts = [w.replace('"', "") for w in words.split()]
    return " ".join(f'"{p}"' for p in parts if p)


def finding_row(
    session_id: str, turn_id: int, moment: str | None, f: FindingRecord
) -> dict[str, Any]:
    return {
        "turn_id": turn_id,
        "session_id": session_id,
        "criterion": f.criterion,
        "polarity": f.polarity,
        "start": f.start,
        "end": f.end,
        "evidence": f.evidence,
        "rule": f.rule,
        "fits": int(load_rubric()[f.criterion].fits(moment)),
    }


def insert_turns(db: Database, session_id: str, turns: Iterable[TurnRecord]) -> None:
    """Insert turns and their findings (inside the caller's transaction)."""
    for turn in turns:
        cur = db.execute(
            "INSERT INTO turns (session_id, idx, moment, speaker, persona, text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [session_id, turn.index, turn.moment, turn.speaker, turn.persona, turn.text],
        )
        turn_id = int(cur.lastrowid or 0)
        if turn.findings:
            db.table("findings").insert_all(
                [finding_row(session_id, turn_id, turn.moment, f) for f in turn.findings]
            )


def load_turns(db: Database, session_ids: Sequence[str]) -> dict[str, list[TurnRecord]]:
    """Turns (with findings) of the given sessions, in turn order, keyed by session id."""
    from trainer.core.records import FindingRecord, TurnRecord

    out: dict[str, list[TurnRecord]] = {}
    for start in range(0, len(session_ids), 500):
        chunk = list(session_ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        findings: dict[int, list[FindingRecord]] = {}
        for f in db.query(
            f"""SELECT turn_id, criterion, polarity, start, "end", evidence, rule FROM findings
                WHERE session_id IN ({marks}) ORDER BY turn_id, id""",
            chunk,
        ):
            findings.setdefault(f["turn_id"], []).append(
                FindingRecord.model_construct(
                    criterion=f["criterion"],
                    polarity=f["polarity"],
                    start=f["start"],
                    end=f["end"],
                    evidence=f["evidence"] or "",
                    rule=f["rule"] or "",
                )
            )
        for t in db.query(
            f"""SELECT id, session_id, idx, moment, speaker, persona, text FROM turns
                WHERE session_id IN ({marks}) ORDER BY session_id, idx""",
            chunk,
        ):
            out.setdefault(t["session_id"], []).append(
                TurnRecord.model_construct(
                    index=t["idx"],
                    moment=t["moment"],
                    speaker=t["speaker"],
                    persona=t["persona"],
                    text=t["text"],
                    findings=findings.get(t["id"], []),
                )
            )
    return out


_SESSION_SELECT = """SELECT s.id, r.name AS rep, t.name AS team, sc.id AS scenario,
       sc.version AS scenario_version, s.rubric_version, s.started_at, s.finished_at,
       s.outcome, s.score, s.ethics_pass
FROM sessions s JOIN reps r ON r.id = s.rep_id JOIN teams t ON t.id = s.team_id
JOIN scenarios sc ON sc.key = s.scenario_key"""


def _record(row: dict[str, Any], turns: list[TurnRecord]) -> SessionRecord:
    from trainer.core.records import SessionRecord

    finished = row["finished_at"]
    return SessionRecord.model_construct(
        session_id=row["id"],
        rep=row["rep"],
        team=row["team"],
        scenario=row["scenario"],
        scenario_version=row["scenario_version"],
        rubric_version=row["rubric_version"],
        started_at=datetime.fromisoformat(row["started_at"]),
        finished_at=datetime.fromisoformat(finished) if finished else None,
        outcome=row["outcome"] if finished else UNFINISHED,
        score=float(row["score"]) if finished else 0.0,
        ethics_pass=bool(row["ethics_pass"]) if finished else False,
        turns=turns,
    )


def session_records(db: Database, session_ids: Sequence[str]) -> list[SessionRecord]:
    """Session records for the ids given (missing ids are left out), in the order given."""
    rows: dict[str, dict[str, Any]] = {}
    for start in range(0, len(session_ids), 500):
        chunk = list(session_ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        for r in db.query(f"{_SESSION_SELECT} WHERE s.id IN ({marks})", chunk):
            rows[r["id"]] = r
    turns = load_turns(db, [i for i in session_ids if i in rows])
    return [_record(rows[i], turns.get(i, [])) for i in session_ids if i in rows]


def finished_session_records(db: Database, batch: int = 500) -> Iterable[SessionRecord]:
    """Every finished session, ordered by start time then id, streamed in batches."""
    ids = [
        r["id"]
        for r in db.query(
            "SELECT id FROM sessions WHERE finished_utc IS NOT NULL ORDER BY started_utc, id"
        )
    ]
    for start in range(0, len(ids), batch):
        yield from session_records(db, ids[start : start + batch])
