"""Boards (trainer.core.store.boards), checked against a plain-Python computation and the views."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.core.records import FindingRecord, SessionRecord, TurnRecord
from trainer.core.rubric import rubric_version
from trainer.core.store import Store
from trainer.core.store.boards import VIEWS

REPS = ["Ana", "ana", "Bo", "Émile", "Zoë", "<script>x</script>"]
TEAMS = ["", "North", "South"]
SCENARIOS = ["smb-inbound", "renewal-expansion"]
SCORES = [0, 12.5, 50, 62.25, 70, 80, 80, 99.99, 100]
ZONES = [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-7))]
BASE = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@st.composite
def session_records(draw: st.DrawFn) -> SessionRecord:
    # Few distinct instants so ties in finish time happen; offsets vary, instants may coincide.
    finished = BASE + timedelta(hours=draw(st.integers(0, 12)))
    finished = finished.astimezone(draw(st.sampled_from(ZONES)))
    return SessionRecord(
        session_id=str(draw(st.uuids(version=4))),
        rep=draw(st.sampled_from(REPS)),
        team=draw(st.sampled_from(TEAMS)),
        scenario=draw(st.sampled_from(SCENARIOS)),
        scenario_version="1",
        rubric_version=rubric_version(),
        started_at=finished - timedelta(minutes=10),
        finished_at=finished,
        outcome=draw(st.sampled_from(["won", "lost", "abandoned"])),
        score=draw(st.sampled_from(SCORES)),
        ethics_pass=draw(st.booleans()),
        turns=[],
    )


def save(store: Store, records: list[SessionRecord]) -> None:
    for r in records:
        assert r.finished_at is not None
        store.start_session(
            session_id=r.session_id,
            rep=r.rep,
            team=r.team,
            scenario=r.scenario,
            scenario_version=r.scenario_version,
            scenario_title=r.scenario,
            rubric_version=r.rubric_version,
            started_at=r.started_at,
            seed=0,
        )
        for t in r.turns:
            store.add_turn(r.session_id, t)
        store.finish_session(
            r.session_id,
            outcome=r.outcome,
            score=r.score,
            ethics_pass=r.ethics_pass,
            finished_at=r.finished_at,
        )


@dataclass
class Expected:
    rank: int | None
    rep: str
    team: str
    sessions: int
    clean_sessions: int
    best_score: Fraction | None
    recent_avg: Fraction | None
    ethics_pass_rate: float


def expected_board(
    records: list[SessionRecord],
    team: str | None = None,
    scenario: str | None = None,
    since: datetime | None = None,
) -> list[Expected]:
    """The default board's definition, written out directly (exact fractions, no SQL)."""
    kept = [
        r
        for r in records
        if r.finished_at is not None
        and (team is None or r.team == team)
        and (scenario is None or r.scenario == scenario)
        and (since is None or r.finished_at >= since)
    ]
    by_rep: dict[str, list[SessionRecord]] = defaultdict(list)
    for r in kept:
        by_rep[r.rep].append(r)

    def when(r: SessionRecord) -> tuple[datetime, str]:
        assert r.finished_at is not None
        return (r.finished_at, r.session_id)

    rows = []
    for rep, mine in by_rep.items():
        clean = [r for r in mine if r.ethics_pass]
        recent = sorted(clean, key=when, reverse=True)[:5]
        rows.append(
            Expected(
                rank=None,
                rep=rep,
                team=max(mine, key=when).team,
                sessions=len(mine),
                clean_sessions=len(clean),
                best_score=max(Fraction(str(r.score)) for r in clean) if clean else None,
                recent_avg=(
                    sum((Fraction(str(r.score)) for r in recent), Fraction(0)) / len(recent)
                    if recent
                    else None
                ),
                ethics_pass_rate=round(len(clean) / len(mine), 3),
            )
        )
    ranked = sorted(
        (r for r in rows if r.best_score is not None),
        key=lambda r: (-(r.best_score or 0), -(r.recent_avg or 0), r.rep),
    )
    for n, r in enumerate(ranked, start=1):
        r.rank = n
    return ranked + sorted((r for r in rows if r.best_score is None), key=lambda r: r.rep)


def assert_same(actual: list[Any], expected: list[Expected]) -> None:
    assert [(a.rank, a.rep) for a in actual] == [(e.rank, e.rep) for e in expected]
    for a, e in zip(actual, expected, strict=True):
        assert (a.team, a.sessions, a.clean_sessions) == (e.team, e.sessions, e.clean_sessions)
        assert a.ethics_pass_rate == e.ethics_pass_rate
        if e.best_score is None:
            assert a.best_score is None and a.recent_avg is None
        else:
            assert a.best_score == float(e.best_score)
            assert a.recent_avg == pytest.approx(float(e.recent_avg or 0), abs=1e-9)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(session_records(), max_size=40, unique_by=lambda r: r.session_id),
    team=st.sampled_from([None, *TEAMS]),
    scenario=st.sampled_from([None, *SCENARIOS]),
    since_hours=st.sampled_from([None, 0, 5, 13]),
)
def test_default_board_matches_an_independent_computation(
    records: list[SessionRecord], team: str | None, scenario: str | None, since_hours: int | None
) -> None:
    since = None if since_hours is None else BASE + timedelta(hours=since_hours)
    with Store.open(":memory:") as store:
        save(store, records)
        assert_same(store.leaderboard(), expected_board(records))
        assert_same(
            store.leaderboard(team=team, scenario=scenario, since=since),
            expected_board(records, team, scenario, since),
        )
        # The SQL view gives the same board (unfiltered). SQLite's round() rounds halves away
        # from zero where Python's rounds them to even, so the rate may differ by 0.001.
        view = list(store.db.query("SELECT * FROM leaderboard_default"))
        board = store.leaderboard()
        assert [(v["rank"], v["rep"], v["team"]) for v in view] == [
            (b.rank, b.rep, b.team) for b in board
        ]
        for v, b in zip(view, board, strict=True):
            assert (v["sessions"], v["clean_sessions"]) == (b.sessions, b.clean_sessions)
            assert v["best_score"] == b.best_score
            assert v["recent_avg"] == b.recent_avg
            assert v["ethics_pass_rate"] == pytest.approx(b.ethics_pass_rate, abs=0.0011)


def record(
    rep: str, score: float, day: int, *, clean: bool = True, team: str = "North", hour: int = 9
) -> SessionRecord:
    finished = datetime(2026, 11, day, hour, 0, tzinfo=UTC)
    return SessionRecord(
        session_id=str(uuid.uuid4()),
        rep=rep,
        team=team,
        scenario="smb-inbound",
        scenario_version="1",
        rubric_version=rubric_version(),
        started_at=finished - timedelta(minutes=5),
        finished_at=finished,
        outcome="won",
        score=score,
        ethics_pass=clean,
        turns=[],
    )


def test_ethics_failures_never_rank_and_unranked_come_last() -> None:
    with Store.open(":memory:") as store:
        save(
            store,
            [
                record("Cy", 100, 1, clean=False),
                record("Ana", 40, 2),
                record("Bo", 40, 3),
                record("Bo", 20, 4),
                record("Ana", 60, 5, clean=False, team="South"),
            ],
        )
        board = store.leaderboard()
    assert [(r.rank, r.rep) for r in board] == [(1, "Ana"), (2, "Bo"), (None, "Cy")]
    ana, bo, cy = board
    assert (ana.best_score, ana.recent_avg, ana.sessions, ana.clean_sessions) == (40, 40, 2, 1)
    assert ana.team == "South" and ana.ethics_pass_rate == 0.5
    assert (bo.best_score, bo.recent_avg) == (40, 30)
    assert (cy.best_score, cy.recent_avg, cy.ethics_pass_rate) == (None, None, 0.0)


def test_recent_average_uses_the_five_latest_clean_sessions() -> None:
    scores = [10, 20, 30, 40, 50, 60, 70]
    with Store.open(":memory:") as store:
        save(store, [record("Ana", s, d + 1) for d, s in enumerate(scores)])
        save(store, [record("Ana", 100, 20, clean=False)])
        [row] = store.leaderboard()
    assert row.recent_avg == (30 + 40 + 50 + 60 + 70) / 5 and row.best_score == 70


def test_most_improved_needs_six_clean_sessions() -> None:
    with Store.open(":memory:") as store:
        save(store, [record("Ana", s, d + 1) for d, s in enumerate([10, 20, 30, 40, 50, 60])])
        save(store, [record("Bo", s, d + 1) for d, s in enumerate([50, 50, 50, 60, 60, 61, 90])])
        save(store, [record("Cy", s, d + 1) for d, s in enumerate([10, 90, 90, 90, 90])])
        save(store, [record("Ana", 0, 9, clean=False)])
        rows = store.most_improved()
        view = list(store.db.query("SELECT * FROM leaderboard_improved"))
    assert [(r.rank, r.rep) for r in rows] == [(1, "Ana"), (2, "Bo")]
    assert rows[0].first_avg == 20 and rows[0].last_avg == 50 and rows[0].improvement == 30
    assert rows[1].first_avg == 50 and rows[1].last_avg == pytest.approx(211 / 3)
    assert rows[1].clean_sessions == 7
    assert [(v["rank"], v["rep"], v["improvement"]) for v in view] == [
        (r.rank, r.rep, r.improvement) for r in rows
    ]


def test_streaks_current_and_longest() -> None:
    days = {"Ana": [1, 2, 3, 7, 8], "Bo": [2, 3, 4, 5], "Cy": [9]}
    with Store.open(":memory:") as store:
        for rep, ds in days.items():
            save(store, [record(rep, 50, d) for d in ds])
        save(store, [record("Ana", 50, 8, hour=15)])  # two sessions on one day count once
        rows = store.streaks(today=date(2026, 11, 9))
    got = {r.rep: (r.days_practised, r.current_streak, r.longest_streak, r.last_day) for r in rows}
    assert got == {
        "Ana": (5, 2, 3, "2026-11-08"),  # yesterday's run is still current
        "Bo": (4, 0, 4, "2026-11-05"),
        "Cy": (1, 1, 1, "2026-11-09"),
    }
    assert [r.rep for r in rows] == ["Ana", "Cy", "Bo"]


def test_streak_days_are_the_reps_local_calendar_days() -> None:
    late = SessionRecord.from_dict(
        {
            **record("Ana", 50, 1).to_dict(),
            "finished_at": "2026-11-01T23:30:00-07:00",  # 06:30 UTC on the 2nd
        }
    )
    with Store.open(":memory:") as store:
        save(store, [late, record("Ana", 50, 2, hour=20)])
        [row] = store.streaks(today=date(2026, 11, 2))
    assert (row.days_practised, row.current_streak) == (2, 2)


def test_skills_board_counts_fitting_do_ids_and_avoids_per_session() -> None:
    def turn(i: int, moment: str, *ids: str) -> TurnRecord:
        return TurnRecord(
            index=i,
            moment=moment,
            speaker="rep",
            text="words",
            findings=[
                FindingRecord(
                    criterion=c,
                    polarity="avoid" if c == "overclaiming" else "do",
                    start=0,
                    end=1,
                    evidence="w",
                    rule="t",
                )
                for c in ids
            ],
        )

    a = record("Ana", 50, 1).model_copy(
        update={
            "turns": [
                turn(0, "discovery", "discovery_question", "mutual_plan"),  # plan: not fitting
                turn(1, "closing", "mutual_plan", "overclaiming"),
            ]
        }
    )
    b = record("Ana", 60, 2).model_copy(update={"turns": [turn(0, "discovery", "overclaiming")]})
    with Store.open(":memory:") as store:
        save(store, [a, b])
        [row] = store.skills()
        view = list(store.db.query("SELECT * FROM leaderboard_skills"))
    assert row.sessions == 2
    assert row.rates["discovery_question"] == 0.5
    assert row.rates["mutual_plan"] == 0.5
    assert row.rates["overclaiming"] == 1.0
    assert row.rates["stop_rule"] == 0.0
    assert view[0]["rep"] == "Ana" and view[0]["mutual_plan"] == 0.5
    assert {k: view[0][k] for k in row.rates} == row.rates


@settings(max_examples=25, deadline=None)
@given(records=st.lists(session_records(), max_size=30, unique_by=lambda r: r.session_id))
def test_every_view_agrees_with_its_python_board(records: list[SessionRecord]) -> None:
    with Store.open(":memory:") as store:
        save(store, records)
        assert set(VIEWS) <= set(store.db.view_names())
        improved = list(store.db.query("SELECT * FROM leaderboard_improved"))
        assert [(v["rep"], v["improvement"]) for v in improved] == [
            (r.rep, r.improvement) for r in store.most_improved()
        ]
        streaks = list(store.db.query("SELECT * FROM leaderboard_streaks"))
        assert streaks == [r.as_dict() for r in store.streaks(today=date.today())]
        skills = list(store.db.query("SELECT * FROM leaderboard_skills"))
        assert skills == [r.as_dict() for r in store.skills()]


def test_filters_apply_before_aggregation() -> None:
    with Store.open(":memory:") as store:
        save(
            store,
            [
                record("Ana", 90, 1, team="North"),
                record("Ana", 30, 5, team="South"),
                record("Bo", 50, 2, team="South"),
            ],
        )
        south = store.leaderboard(team="South")
        assert [(r.rep, r.best_score, r.team) for r in south] == [
            ("Bo", 50, "South"),
            ("Ana", 30, "South"),
        ]
        since = store.leaderboard(since=date(2026, 11, 2))
        assert [(r.rep, r.sessions) for r in since] == [("Bo", 1), ("Ana", 1)]
        assert store.leaderboard(scenario="nothing-like-it") == []
        assert store.board("default") == store.leaderboard()
        with pytest.raises(ValueError, match="unknown board"):
            store.board("fastest")
