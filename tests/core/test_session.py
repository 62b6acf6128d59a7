"""PracticeSession: every turn reaches the store as it happens; finish, abandon, resume, record."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from trainer.core.engine import Conversation
from trainer.core.findings import Finding, ScoreContext
from trainer.core.records import SessionRecord, TurnRecord
from trainer.core.rubric import load_rubric, rubric_version
from trainer.core.scenario.models import Scenario
from trainer.core.session import (
    UNFINISHED,
    PracticeSession,
    ResumeError,
    SessionError,
    close_interrupted,
)
from trainer.core.store import Store

MINI = Path(__file__).resolve().parents[1] / "data" / "scenarios" / "mini.yaml"
TZ = timezone(timedelta(hours=1))
_RULES = [
    (r"\bwhat\b[^?]*\?", "discovery_question"),
    (r"\boptions?\b", "options_tradeoffs"),
    (r"\bstop\b", "stop_rule"),
    (r"\bby friday\b", "mutual_plan"),
    (r"\btonight\b", "pressure_tactics"),
]
GOOD = ["What would a good month look like?", "Two options for you.", "We stop if it fails."]


def fake_scorer(text: str, context: ScoreContext) -> list[Finding]:
    rubric = load_rubric()
    out = []
    for pattern, cid in _RULES:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            out.append(Finding(cid, rubric[cid].polarity, m.start(), m.end(), m.group(0), "fake"))
    return out


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 9, 0, tzinfo=TZ)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@dataclass
class FakeStore:
    started: dict[str, dict[str, Any]] = field(default_factory=dict)
    turns: dict[str, list[TurnRecord]] = field(default_factory=dict)
    finished: dict[str, dict[str, Any]] = field(default_factory=dict)

    def start_session(self, *, session_id: str, **kw: Any) -> None:
        assert session_id not in self.started
        self.started[session_id] = kw
        self.turns[session_id] = []

    def add_turn(self, session_id: str, turn: TurnRecord) -> None:
        assert session_id not in self.finished
        assert turn.index == len(self.turns[session_id])
        self.turns[session_id].append(turn)

    def finish_session(self, session_id: str, **kw: Any) -> None:
        assert session_id not in self.finished
        self.finished[session_id] = kw


@dataclass(frozen=True)
class Stored:
    session_id: str
    rep: str
    team: str
    scenario: str
    scenario_version: str
    started_at: datetime
    seed: int
    turns: list[TurnRecord]


@pytest.fixture
def mini() -> Scenario:
    return Scenario.model_validate(YAML(typ="safe").load(MINI.read_text(encoding="utf-8")))


def make(mini: Scenario, store: Any = None, **kw: Any) -> PracticeSession:
    return PracticeSession(
        mini, rep="ana", team="north", store=store, clock=Clock(), seed=5, scorer=fake_scorer, **kw
    )


def test_start_records_the_session_and_first_line(mini: Scenario) -> None:
    store = FakeStore()
    s = make(mini, store)
    line = s.start()
    assert line.node_id == "opening"
    meta = store.started[s.session_id]
    assert meta["rep"] == "ana" and meta["team"] == "north" and meta["seed"] == 5
    assert meta["scenario"] == "mini" and meta["scenario_version"] == "1.0"
    assert meta["scenario_title"] == mini.title
    assert meta["rubric_version"] == rubric_version()
    assert meta["started_at"] == datetime(2026, 11, 28, 9, 1, tzinfo=TZ)
    assert [t.speaker for t in store.turns[s.session_id]] == ["buyer"]


def test_each_reply_is_committed_at_once(mini: Scenario) -> None:
    store = FakeStore()
    s = make(mini, store)
    s.start()
    s.reply(GOOD[0])
    saved = store.turns[s.session_id]
    assert [t.speaker for t in saved] == ["buyer", "rep", "buyer"]
    assert saved[1].text == GOOD[0]
    assert [f.criterion for f in saved[1].findings] == ["discovery_question"]
    assert s.session_id not in store.finished


def test_finish_on_ending(mini: Scenario) -> None:
    store = FakeStore()
    s = make(mini, store)
    s.start()
    for r in GOOD:
        result = s.reply(r)
    assert result.ended and s.ended
    fin = store.finished[s.session_id]
    assert fin["outcome"] == "signed_base_with_trigger"
    assert fin["ethics_pass"] is True
    assert s.scorecard is not None
    assert fin["score"] == s.scorecard.score and 0 < fin["score"] <= 100
    assert fin["scorecard"] == s.scorecard.to_dict()
    assert fin["finished_at"] > store.started[s.session_id]["started_at"]
    assert len(store.turns[s.session_id]) == 7
    with pytest.raises(SessionError):
        s.reply("more")


def test_abandon_closes_with_a_scorecard(mini: Scenario) -> None:
    store = FakeStore()
    s = make(mini, store)
    s.start()
    s.reply("Decide tonight.")
    s.abandon()
    fin = store.finished[s.session_id]
    assert fin["outcome"] == "abandoned"
    assert fin["ethics_pass"] is False
    assert fin["scorecard"]["outcome"]["id"] == "abandoned"
    s.abandon()  # idempotent
    assert len(store.finished) == 1


def test_record_matches_the_contract(mini: Scenario) -> None:
    s = make(mini)
    s.start()
    unfinished = s.record()
    assert unfinished.outcome == UNFINISHED and unfinished.finished_at is None
    for r in GOOD:
        s.reply(r)
    rec = s.record()
    again = SessionRecord.from_json(rec.to_json())
    assert again == rec
    data = rec.to_dict()
    assert data["started_at"] == "2026-11-28T09:01:00+01:00"
    assert data["finished_at"] == "2026-11-28T09:02:00+01:00"
    assert data["outcome"] == "signed_base_with_trigger" and data["ethics_pass"] is True
    assert data["rep"] == "ana" and data["scenario"] == "mini"
    assert [t["speaker"] for t in data["turns"]] == ["buyer", "rep"] * 3 + ["buyer"]


def test_without_a_store_nothing_is_saved_but_it_plays(mini: Scenario) -> None:
    s = make(mini)
    s.start()
    for r in GOOD:
        s.reply(r)
    assert s.ended and s.outcome == "signed_base_with_trigger"


def test_lifecycle_errors(mini: Scenario) -> None:
    s = make(mini)
    with pytest.raises(SessionError):
        s.reply("hi")
    with pytest.raises(SessionError):
        s.record()
    s.start()
    with pytest.raises(SessionError):
        s.start()
    with pytest.raises(ValueError):
        s.reply("   ")
    with pytest.raises(ValueError):
        PracticeSession(mini, rep="  ")


def test_naive_clock_is_refused(mini: Scenario) -> None:
    s = PracticeSession(mini, rep="ana", clock=lambda: datetime(2026, 1, 1), scorer=fake_scorer)
    with pytest.raises(ValueError, match="timezone"):
        s.start()


def test_random_seed_when_not_given(mini: Scenario) -> None:
    seeds = {PracticeSession(mini, rep="a", scorer=fake_scorer).seed for _ in range(5)}
    assert len(seeds) > 1


def _interrupted(store: FakeStore, s: PracticeSession, turns: int | None = None) -> Stored:
    saved = store.turns[s.session_id]
    return Stored(
        session_id=s.session_id,
        rep="ana",
        team="north",
        scenario="mini",
        scenario_version="1.0",
        started_at=store.started[s.session_id]["started_at"],
        seed=5,
        turns=list(saved if turns is None else saved[:turns]),
    )


def test_resume_continues_where_it_stopped(mini: Scenario) -> None:
    store = FakeStore()
    s = make(mini, store)
    s.start()
    s.reply(GOOD[0])
    s.reply(GOOD[1])
    line_before = s.current
    again = PracticeSession.resume(
        mini, _interrupted(store, s), store=store, clock=Clock(), scorer=fake_scorer
    )
    assert again.session_id == s.session_id
    assert again.current == line_before
    assert again.conversation.rep_turns == 2
    assert len(store.turns[s.session_id]) == 5  # nothing written twice
    again.reply(GOOD[2])
    assert store.finished[s.session_id]["outcome"] == "signed_base_with_trigger"
    assert [t.index for t in store.turns[s.session_id]] == list(range(7))


def test_resume_writes_the_turn_that_never_reached_the_store(mini: Scenario) -> None:
    store = FakeStore()
    s = make(mini, store)
    s.start()
    s.reply(GOOD[0])  # buyer, rep, buyer saved
    crashed = _interrupted(store, s, turns=2)  # the buyer's answer was lost
    store.turns[s.session_id] = store.turns[s.session_id][:2]
    again = PracticeSession.resume(mini, crashed, store=store, clock=Clock(), scorer=fake_scorer)
    assert [t.speaker for t in store.turns[s.session_id]] == ["buyer", "rep", "buyer"]
    assert again.current.node_id == "goals"


def test_resume_refuses_another_version_or_a_diverging_replay(mini: Scenario) -> None:
    store = FakeStore()
    s = make(mini, store)
    s.start()
    s.reply(GOOD[0])
    stored = _interrupted(store, s)
    newer = mini.model_copy(update={"version": "2.0"})
    with pytest.raises(ResumeError, match="version"):
        PracticeSession.resume(newer, stored, scorer=fake_scorer)
    # a seed whose opening line differs from the stored one cannot replay the stored turns
    other = next(
        n
        for n in range(6, 100)
        if Conversation(mini, seed=n, scorer=fake_scorer).current.text != stored.turns[0].text
    )
    with pytest.raises(ResumeError, match="turn 0"):
        PracticeSession.resume(
            mini, Stored(**{**stored.__dict__, "seed": other}), scorer=fake_scorer
        )
    other_scenario = mini.model_copy(update={"id": "other"})
    with pytest.raises(ResumeError, match="scenario"):
        PracticeSession.resume(other_scenario, stored, scorer=fake_scorer)


@pytest.fixture
def real_store() -> Iterator[Store]:
    with Store.open(":memory:") as store:
        yield store


def test_with_the_real_store(mini: Scenario, real_store: Store) -> None:
    s = make(mini, real_store)
    s.start()
    s.reply(GOOD[0])
    pending = real_store.interrupted_sessions("ana")
    assert [p.session_id for p in pending] == [s.session_id]
    assert len(pending[0].turns) == 3
    again = PracticeSession.resume(
        mini, pending[0], store=real_store, clock=Clock(), scorer=fake_scorer
    )
    again.reply(GOOD[1])
    again.reply(GOOD[2])
    assert real_store.interrupted_sessions("ana") == []
    saved = real_store.get_session(s.session_id)
    assert saved.outcome == "signed_base_with_trigger"
    assert saved.score == again.record().score
    assert [t.text for t in saved.turns] == [t.text for t in again.record().turns]
    card = real_store.get_scorecard(s.session_id)
    assert card is not None and card["outcome"]["id"] == "signed_base_with_trigger"


def test_closing_an_interrupted_session_scores_it_like_a_live_abandon(
    mini: Scenario, real_store: Store
) -> None:
    live = make(mini)
    live.start()
    live.reply(GOOD[0])
    live.abandon()

    s = make(mini, real_store)
    s.start()
    s.reply(GOOD[0])
    (pending,) = real_store.interrupted_sessions("ana")
    card = close_interrupted(
        pending, store=real_store, scenarios={mini.id: mini}, clock=Clock(), scorer=fake_scorer
    )
    assert card is not None and card.outcome.id == "abandoned"
    saved = real_store.get_session(s.session_id)
    assert saved.outcome == "abandoned"
    assert saved.score == live.record().score == card.score
    assert real_store.get_scorecard(s.session_id) == card.to_dict()
    assert real_store.interrupted_sessions("ana") == []


def test_closing_without_the_scenario_falls_back_to_a_plain_close(
    mini: Scenario, real_store: Store
) -> None:
    s = make(mini, real_store)
    s.start()
    s.reply(GOOD[0])
    (pending,) = real_store.interrupted_sessions("ana")
    assert close_interrupted(pending, store=real_store, scenarios={}, clock=Clock()) is None
    saved = real_store.get_session(s.session_id)
    assert saved.outcome == "abandoned" and saved.score == 0
    assert real_store.get_scorecard(s.session_id) is None
