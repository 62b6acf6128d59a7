"""Session packs out and packs or databases in (trainer.core.store.io)."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from trainer.core.records import FindingRecord, SessionRecord, TurnRecord
from trainer.core.rubric import rubric_version
from trainer.core.store import ImportFileError, Store
from trainer.core.store import io as store_io

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def make_record(n: int, **changes: Any) -> SessionRecord:
    started = T0 + timedelta(hours=n)
    data: dict[str, Any] = {
        "session_id": str(uuid.UUID(int=n + 1, version=4)),
        "rep": f"rep{n % 3}",
        "team": "North",
        "scenario": "smb-inbound",
        "scenario_version": "2",
        "rubric_version": rubric_version(),
        "started_at": started.isoformat(),
        "finished_at": (started + timedelta(minutes=7)).isoformat(),
        "outcome": "won",
        "score": 50 + n,
        "ethics_pass": n % 4 != 0,
        "turns": [
            {"index": 0, "moment": "discovery", "speaker": "buyer", "persona": "owner",
             "text": f"Buyer line {n}", "findings": []},
            {"index": 1, "moment": "discovery", "speaker": "rep", "persona": None,
             "text": f"What would success look like for you, number {n}?",
             "findings": [{"criterion": "discovery_question", "polarity": "do", "start": 0,
                           "end": 4, "evidence": "What", "rule": "dq.open"}]},
        ],
    }  # fmt: skip
    data.update(changes)
    return SessionRecord.from_dict(data)


def write_pack(path: Path, records: list[SessionRecord]) -> Path:
    path.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        yield s


def count(store: Store, table: str = "sessions") -> int:
    return int(store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_import_then_export_round_trips_exactly(tmp_path: Path, store: Store) -> None:
    records = [make_record(n) for n in range(6)]
    pack = write_pack(tmp_path / "in.jsonl", list(reversed(records)))
    report = store.import_paths([pack])
    assert (report.imported, report.skipped) == (6, 0)
    out = io.StringIO()
    assert store.export_sessions(out) == 6
    lines = out.getvalue().splitlines()
    # Ordered by start time then id, each line exactly SessionRecord.to_json().
    assert lines == [r.to_json() for r in records]
    # Imported rows feed search and boards like live ones.
    assert store.search("success number 3")[0].session_id == records[3].session_id
    assert {r.rep for r in store.leaderboard()} == {"rep0", "rep1", "rep2"}


def test_export_includes_abandoned_but_not_unfinished(tmp_path: Path, store: Store) -> None:
    ids = [str(uuid.uuid4()) for _ in range(3)]
    for n, sid in enumerate(ids):
        store.start_session(
            session_id=sid, rep="Ana", team="", scenario="s", scenario_version="1",
            scenario_title="S", rubric_version=rubric_version(),
            started_at=T0 + timedelta(minutes=n), seed=1,
        )  # fmt: skip
    store.finish_session(ids[0], outcome="won", score=70, ethics_pass=True, finished_at=T0)
    store.abandon_session(ids[1], T0 + timedelta(hours=1))
    out = tmp_path / "pack.jsonl"
    assert store.export_sessions(out) == 2
    exported = [SessionRecord.from_json(line) for line in out.read_text().splitlines()]
    assert [(r.session_id, r.outcome) for r in exported] == [
        (ids[0], "won"),
        (ids[1], "abandoned"),
    ]


def test_export_to_a_file_replaces_it_only_when_complete(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.import_paths([write_pack(tmp_path / "in.jsonl", [make_record(1), make_record(2)])])
    out = tmp_path / "team.jsonl"
    out.write_text("previous pack\n")

    def broken(db: Any, batch: int = 500) -> Iterator[SessionRecord]:
        yield make_record(1)
        raise OSError("disk full")

    monkeypatch.setattr(store_io, "finished_session_records", broken)
    with pytest.raises(OSError, match="disk full"):
        store.export_sessions(out)
    assert out.read_text() == "previous pack\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "team.jsonl"]


def test_import_is_idempotent_and_skips_duplicates(tmp_path: Path, store: Store) -> None:
    pack = write_pack(tmp_path / "p.jsonl", [make_record(n) for n in range(4)])
    assert store.import_paths([pack]).imported == 4
    again = store.import_paths([pack, pack])
    assert (again.imported, again.skipped) == (0, 8)
    assert count(store) == 4 and count(store, "turns") == 8 and count(store, "findings") == 4
    # the same session twice inside one pack is imported once
    twice = write_pack(tmp_path / "twice.jsonl", [make_record(9), make_record(9)])
    assert (store.import_paths([twice]).imported, count(store)) == (1, 5)


def test_import_another_trainer_database_without_touching_it(tmp_path: Path, store: Store) -> None:
    other = tmp_path / "laptop.db"
    with Store.open(other) as laptop:
        laptop.import_paths([write_pack(tmp_path / "p.jsonl", [make_record(n) for n in range(3)])])
        sid = str(uuid.uuid4())
        laptop.start_session(
            session_id=sid, rep="Ana", team="", scenario="s", scenario_version="1",
            scenario_title="S", rubric_version=rubric_version(), started_at=T0, seed=1,
        )  # fmt: skip
    before = other.read_bytes()
    report = store.import_paths([other])
    assert report.imported == 3  # the unfinished session stays on the laptop
    assert other.read_bytes() == before
    wal = tmp_path / "laptop.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # at most an empty log beside it
    assert store.get_session(make_record(2).session_id).turns[1].findings[0].rule == "dq.open"


def _lines(records: list[SessionRecord]) -> list[str]:
    return [r.to_json() for r in records]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["turns"][1].update(speaker="manager"), ":3: turns.1.speaker: Input should be"),
        (lambda d: d.update(score="lots"), ":3: score: "),
        (lambda d: d.update(rubric_version="1999.1"), ":3: rubric_version: unknown rubric version"),
        (lambda d: d.update(session_id="not-a-uuid"), ":3: session_id: "),
        (lambda d: d.update(finished_at=None), ":3: finished_at: missing"),
        (lambda d: d["turns"][1].update(index=0), ":3: turns.1.index: turn 0 appears twice"),
        (
            lambda d: d["turns"][1]["findings"][0].update(criterion="be_nice"),
            ":3: turns.1.findings.0.criterion",
        ),
    ],
)
def test_a_bad_record_names_file_line_and_field_and_writes_nothing(
    tmp_path: Path, store: Store, mutate: Any, expected: str
) -> None:
    good = write_pack(tmp_path / "good.jsonl", [make_record(50)])
    lines = _lines([make_record(n) for n in range(4)])
    data = json.loads(lines[2])
    mutate(data)
    lines[2] = json.dumps(data)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(ImportFileError) as info:
        store.import_paths([good, bad])
    assert str(info.value).startswith(f"{bad}{expected}")
    assert info.value.line == 3
    assert (count(store), count(store, "turns"), count(store, "findings")) == (0, 0, 0)
    assert store.search("success") == []
    # the search trigger is back: a live turn is still found afterwards
    sid = str(uuid.uuid4())
    store.start_session(
        session_id=sid, rep="Ana", team="", scenario="s", scenario_version="1",
        scenario_title="S", rubric_version=rubric_version(), started_at=T0, seed=1,
    )  # fmt: skip
    store.add_turn(sid, TurnRecord(index=0, moment=None, speaker="rep", text="zebra crossing"))
    assert [h.session_id for h in store.search("zebra")] == [sid]


def test_a_truncated_last_line_is_reported(tmp_path: Path, store: Store) -> None:
    text = "".join(line + "\n" for line in _lines([make_record(n) for n in range(3)]))
    pack = tmp_path / "cut.jsonl"
    pack.write_text(text[: len(text) - 40])
    with pytest.raises(ImportFileError, match=r"cut\.jsonl:3: the last line is cut short"):
        store.import_paths([pack])
    assert count(store) == 0


def test_failure_in_a_later_file_rolls_back_earlier_files(tmp_path: Path, store: Store) -> None:
    first = write_pack(tmp_path / "a.jsonl", [make_record(n) for n in range(5)])
    second = tmp_path / "b.jsonl"
    second.write_text(make_record(7).to_json() + "\n{not json\n")
    with pytest.raises(ImportFileError, match=r"b\.jsonl:2: not valid JSON"):
        store.import_paths([first, second])
    assert count(store) == 0 and count(store, "session_results") == 0
    assert store.leaderboard() == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "not an Upsell Trainer database"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
    ],
)
def test_unreadable_inputs(
    tmp_path: Path, store: Store, content: bytes | None, message: str
) -> None:
    path = tmp_path / "thing"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message) as info:
        store.import_paths([path])
    assert str(info.value).startswith(str(path))
    assert count(store) == 0


def test_import_into_a_store_with_data_keeps_everything_searchable(
    tmp_path: Path, store: Store
) -> None:
    store.import_paths([write_pack(tmp_path / "a.jsonl", [make_record(n) for n in range(3)])])
    store.import_paths([write_pack(tmp_path / "b.jsonl", [make_record(n) for n in range(3, 6)])])
    assert count(store) == 6
    assert len(store.search("success")) == 6
    hits = store.search("number 4")
    assert [h.session_id for h in hits] == [make_record(4).session_id]
    record = store.get_session(make_record(5).session_id)
    assert record.turns[1].findings == [
        FindingRecord(
            criterion="discovery_question", polarity="do", start=0, end=4, evidence="What",
            rule="dq.open",
        )
    ]  # fmt: skip
    assert record.finished_at == datetime.fromisoformat(make_record(5).to_dict()["finished_at"])
    assert record.finished_at is not None and record.finished_at.utcoffset() == timedelta(hours=2)
    assert record.started_at.astimezone(UTC) == (T0 + timedelta(hours=5)).astimezone(UTC)


def test_import_a_database_another_program_has_open(tmp_path: Path, store: Store) -> None:
    other = tmp_path / "busy.db"
    with Store.open(other) as busy:
        busy.import_paths([write_pack(tmp_path / "p.jsonl", [make_record(n) for n in range(2)])])
        assert Path(f"{other}-wal").stat().st_size > 0  # recent writes live in the log
        assert store.import_paths([other]).imported == 2
        busy.import_paths([write_pack(tmp_path / "q.jsonl", [make_record(8)])])
    assert store.import_paths([other]).imported == 1
