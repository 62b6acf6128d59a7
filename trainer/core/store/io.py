"""Session packs (JSON lines of session records) out, and packs or other databases in.

An import is ONE transaction: every record of every file is validated as it is read, and the
first bad one rolls everything back, with an error naming ``file:line: field: problem``.
Sessions already present (same ``session_id``) are skipped, so importing twice is harmless.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError
from sqlite_utils import Database

from trainer.core.files import atomic_writer
from trainer.core.records import RecordError, SessionRecord
from trainer.core.rubric import load_rubric
from trainer.core.store.api import (
    Store,
    finished_session_records,
    utc_key,
    verify_trainer_file,
    write_transaction,
)
from trainer.core.store.errors import ImportFileError, StoreError
from trainer.core.store.models import ImportReport

log = logging.getLogger(__name__)

#: Sessions written per insert batch during an import.
BATCH = 2000


# ---------------------------------------------------------------------- export
def export_sessions(db: Database, out: IO[str] | Path) -> int:
    """Write finished sessions (abandoned included), ordered by start time then id.

    A path is written through a temporary file in the same folder and renamed into place,
    so an existing pack is never left half-written.
    """
    if not isinstance(out, Path):
        return _write_pack(db, out)
    with atomic_writer(out, newline="\n") as fh:
        return _write_pack(db, fh)


def _write_pack(db: Database, fh: IO[str]) -> int:
    count = 0
    for record in finished_session_records(db):
        fh.write(record.to_json())
        fh.write("\n")
        count += 1
    return count


# ---------------------------------------------------------------------- import
def import_paths(db: Database, paths: Sequence[Path]) -> ImportReport:
    """Import every file in ONE transaction; nothing is written if any file is bad."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="trainer-import-") as tmpdir:
        sources: list[tuple[Path, str, Path | None]] = []
        for n, path in enumerate(paths):
            kind = _kind(path)
            copy = _snapshot(path, Path(tmpdir) / f"{n}.db") if kind == "db" else None
            sources.append((path, kind, copy))
        writer = _Writer(db)
        # The writer hands out every id it references (sessions before their turns, turns
        # before their findings), so per-row foreign key checks only cost time (~10 %).
        # The setting is per connection and cannot change inside a transaction.
        fk_on = db.execute("PRAGMA foreign_keys").fetchone()[0]
        db.execute("PRAGMA foreign_keys = OFF")
        try:
            with write_transaction(db):
                for path, kind, copy in sources:
                    if kind == "pack":
                        writer.add_all(path, _pack_records(path))
                    else:
                        assert copy is not None
                        writer.add_all(path, _db_records(path, copy))
                writer.flush()
                writer.finish()
        finally:
            db.execute(f"PRAGMA foreign_keys = {'ON' if fk_on else 'OFF'}")
    total = time.perf_counter() - started
    seconds = dict(writer.seconds)
    seconds["read"] = total - sum(seconds.values())
    log.info(
        "imported %d sessions, skipped %d in %.1f s (%s)",
        writer.imported,
        writer.skipped,
        total,
        ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items()),
    )
    return ImportReport(writer.imported, writer.skipped, tuple(paths), seconds)


def _kind(path: Path) -> str:
    """ "db" for an SQLite file, else "pack" - decided by SQLite reading the header, not by
    opening the file ourselves (see :func:`trainer.core.store.api._probe` for why)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFileError(path, None, "no such file") from None
    except OSError as exc:
        raise ImportFileError(path, None, f"cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise ImportFileError(path, None, "is a folder, not a session pack or database")
    if size == 0:
        return "pack"
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # SQLite holds no lock on a file it cannot read, so looking at the bytes is safe now.
        with path.open("rb") as fh:
            if fh.read(16) == b"SQLite format 3\x00":
                raise ImportFileError(
                    path, None, f"a damaged SQLite file, not an Upsell Trainer database ({exc})"
                ) from None
        return "pack"
    return "db"


def _snapshot(path: Path, dest: Path) -> Path:
    """A consistent private copy of another trainer database, made with SQLite's backup
    through a read-only connection (it reads through a write-ahead log, and never drops
    locks that this process may hold on the file, as a plain file copy could)."""
    try:
        verify_trainer_file(path)
    except StoreError as exc:
        raise ImportFileError(path, None, str(exc).split(": ", 1)[-1]) from None
    try:
        src = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(dest)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise ImportFileError(path, None, f"cannot read the database: {exc}") from None
    return dest


def _pack_records(path: Path) -> Iterator[tuple[int | None, SessionRecord]]:
    known = load_rubric().known_versions
    try:
        with path.open("r", encoding="utf-8", newline=None) as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                if not line.endswith("\n") and _looks_truncated(line):
                    raise ImportFileError(path, lineno, "the last line is cut short")
                try:
                    record = SessionRecord.model_validate_json(line)
                except ValidationError:
                    try:  # again, the slow way, for the message that names the field
                        record = SessionRecord.from_json(line)
                    except RecordError as exc:
                        raise ImportFileError(path, lineno, str(exc)) from None
                _check_record(path, lineno, record, known)
                yield lineno, record
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, None, f"not UTF-8 text ({exc.reason})") from None


def _looks_truncated(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return True
    return False


def _db_records(path: Path, copy: Path) -> Iterator[tuple[int | None, SessionRecord]]:
    known = load_rubric().known_versions
    try:
        store = Store.open(copy, create=False)
    except StoreError as exc:
        raise ImportFileError(path, None, str(exc).split(": ", 1)[-1]) from None
    with store:
        for record in finished_session_records(store.db):
            _check_record(path, None, record, known)
            yield None, record


def _check_record(
    path: Path, lineno: int | None, record: SessionRecord, known: Sequence[str]
) -> None:
    where = lineno
    if record.rubric_version not in known:
        raise ImportFileError(
            path,
            where,
            f"rubric_version: unknown rubric version {record.rubric_version!r} "
            f"(this program knows {', '.join(known)})",
        )
    if record.finished_at is None:
        raise ImportFileError(
            path, where, "finished_at: missing; only finished sessions can be imported"
        )
    seen: set[int] = set()
    for n, turn in enumerate(record.turns):
        if turn.index in seen:
            raise ImportFileError(path, where, f"turns.{n}.index: turn {turn.index} appears twice")
        seen.add(turn.index)


class _Writer:
    """Buffers validated records and writes them in batches (inside the caller's transaction).

    Bulk loading: while the import runs, the full-text trigger is dropped and the new turns
    are indexed with one statement at the end (per-row trigger inserts were about 25x slower),
    and when the database starts out empty its secondary indexes are rebuilt after the load.
    Both are schema changes inside the import's transaction, so a failed import restores them.
    Rows go in with ``executemany``: ``insert_all`` spent more time preparing rows in Python
    than SQLite spent storing them.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.imported = 0
        self.skipped = 0
        self._pending: dict[str, SessionRecord] = {}
        self._reps: dict[str, int] = {}
        self._teams: dict[str, int] = {}
        self._scenarios: dict[tuple[str, str], int] = {}
        rubric = load_rubric()
        self._fit_moments = {cid: frozenset(c.moments) for cid, c in rubric.criteria.items()}
        self._first_turn = 0
        self._next_turn = 0
        self._fts_trigger: str | None = None
        self._indexes: list[str] = []
        self._started = False
        self.seconds: dict[str, float] = {"write": 0.0, "indexes": 0.0, "search": 0.0}

    def _begin(self) -> None:
        """Prepare the bulk load (first write of the transaction: from here the lock is ours)."""
        self._started = True
        conn = self.db.conn
        conn.execute("PRAGMA cache_size = -131072")
        self._first_turn = (conn.execute("SELECT max(id) FROM turns").fetchone()[0] or 0) + 1
        self._next_turn = self._first_turn
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'turns_ai'"
        ).fetchone()
        if row:
            self._fts_trigger = row[0]
            conn.execute("DROP TRIGGER turns_ai")
        if conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0:
            for name, sql in conn.execute(
                """SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                   AND tbl_name IN ('sessions', 'turns', 'findings', 'session_results')"""
            ).fetchall():
                conn.execute(f'DROP INDEX "{name}"')
                self._indexes.append(sql)

    def add_all(self, path: Path, records: Iterator[tuple[int | None, SessionRecord]]) -> None:
        for _lineno, record in records:
            if record.session_id in self._pending:
                self.skipped += 1
                continue
            self._pending[record.session_id] = record
            if len(self._pending) >= BATCH:
                self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        t0 = time.perf_counter()
        try:
            self._flush()
        finally:
            self.seconds["write"] += time.perf_counter() - t0

    def _flush(self) -> None:
        if not self._started:
            self._begin()
        conn = self.db.conn
        ids = list(self._pending)
        existing: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            existing.update(
                r[0] for r in conn.execute(f"SELECT id FROM sessions WHERE id IN ({marks})", chunk)
            )
        new = [r for i, r in self._pending.items() if i not in existing]
        self.skipped += len(existing)
        self._pending = {}
        if not new:
            return
        sessions: list[tuple[Any, ...]] = []
        results: list[tuple[Any, ...]] = []
        turns: list[tuple[Any, ...]] = []
        findings: list[tuple[Any, ...]] = []
        for rec in new:
            assert rec.finished_at is not None
            rep_id = self._id(self._reps, "reps", rec.rep)
            team_id = self._id(self._teams, "teams", rec.team)
            key = self._scenario(rec.scenario, rec.scenario_version)
            finished = rec.finished_at.isoformat()
            finished_utc = utc_key(rec.finished_at)
            score = float(rec.score)
            sessions.append(
                (rec.session_id, rep_id, team_id, key, rec.rubric_version,
                 rec.started_at.isoformat(), utc_key(rec.started_at), finished, finished_utc,
                 rec.outcome, score, int(rec.ethics_pass))
            )  # fmt: skip
            results.append(
                (rec.session_id, rep_id, team_id, rec.scenario, finished_utc, finished[:10],
                 round(score * 100), int(rec.ethics_pass))
            )  # fmt: skip
            for turn in rec.turns:
                turn_id = self._next_turn
                self._next_turn += 1
                turns.append(
                    (turn_id, rec.session_id, turn.index, turn.moment, turn.speaker,
                     turn.persona, turn.text)
                )  # fmt: skip
                for f in turn.findings:
                    fits = turn.moment is None or turn.moment in self._fit_moments[f.criterion]
                    findings.append(
                        (turn_id, rec.session_id, f.criterion, f.polarity, f.start, f.end,
                         f.evidence, f.rule, int(fits))
                    )  # fmt: skip
        conn.executemany(
            "INSERT INTO sessions (id, rep_id, team_id, scenario_key, rubric_version, started_at,"
            " started_utc, finished_at, finished_utc, outcome, score, ethics_pass)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            sessions,
        )
        conn.executemany(
            "INSERT INTO turns (id, session_id, idx, moment, speaker, persona, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            turns,
        )
        conn.executemany(
            'INSERT INTO findings (turn_id, session_id, criterion, polarity, start, "end", '
            "evidence, rule, fits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            findings,
        )
        conn.executemany(
            "INSERT INTO session_results (session_id, rep_id, team_id, scenario_id,"
            " finished_utc, day, score_c, ethics_pass) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            results,
        )
        self.imported += len(new)

    def finish(self) -> None:
        """Index the new turns for search and restore the trigger and indexes."""
        if not self._started:
            return
        conn = self.db.conn
        t0 = time.perf_counter()
        try:
            for sql in self._indexes:
                conn.execute(sql)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"the imported sessions break a database rule: {exc}") from None
        t1 = time.perf_counter()
        if self._fts_trigger is not None:
            conn.execute(
                "INSERT INTO turns_fts (rowid, text) SELECT id, text FROM turns WHERE id >= ?",
                [self._first_turn],
            )
            conn.execute(self._fts_trigger)
        t2 = time.perf_counter()
        self.seconds["indexes"] += t1 - t0
        self.seconds["search"] += t2 - t1

    def _id(self, cache: dict[str, int], table: str, name: str) -> int:
        if name not in cache:
            cache[name] = int(self.db.table(table).lookup({"name": name}))
        return cache[name]

    def _scenario(self, scenario: str, version: str) -> int:
        key = (scenario, version)
        if key not in self._scenarios:
            self._scenarios[key] = int(
                self.db.table("scenarios").lookup(
                    {"id": scenario, "version": version}, {"title": scenario}, pk="key"
                )
            )
        return self._scenarios[key]
