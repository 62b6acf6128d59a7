"""The conversation engine: branching, effects, clamping, the turn cap, seeds and resume."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from trainer.core.engine import (
    ABANDONED,
    Conversation,
    ConversationError,
    ScenarioStructureError,
    TurnResult,
)
from trainer.core.findings import Finding, ScoreContext
from trainer.core.rubric import load_rubric
from trainer.core.scenario.models import Scenario

MINI = Path(__file__).resolve().parents[1] / "data" / "scenarios" / "mini.yaml"

# A tiny keyword scorer so these tests do not depend on the real one.
_RULES = [
    (r"\bwhat\b[^?]*\?", "discovery_question"),
    (r"\boptions?\b", "options_tradeoffs"),
    (r"\byou said\b", "tie_to_outcome"),
    (r"\bstop\b", "stop_rule"),
    (r"\bfair\b", "acknowledge_objection"),
    (r"\bby friday\b", "mutual_plan"),
    (r"\btonight\b", "pressure_tactics"),
    (r"\bpremium\b", "premature_upsell"),
]


def fake_scorer(text: str, context: ScoreContext) -> list[Finding]:
    rubric = load_rubric()
    out = []
    for pattern, cid in _RULES:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            out.append(
                Finding(cid, rubric[cid].polarity, m.start(), m.end(), m.group(0), f"fake.{cid}")
            )
    return out


def load_mini(**update: object) -> Scenario:
    data = YAML(typ="safe").load(MINI.read_text(encoding="utf-8"))
    data.update(update)
    return Scenario.model_validate(data)


@pytest.fixture
def mini() -> Scenario:
    return load_mini()


def test_starts_at_the_start_node(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    line = conv.current
    assert line.node_id == "opening"
    assert line.persona.id == "dana"
    assert line.text in mini.nodes["opening"].says
    assert line.moment == "discovery" and not line.is_ending
    assert conv.visited == ["opening"]
    assert conv.variables == {"trust": 50, "patience": 3, "strikes": 0, "plan_agreed": 0}
    assert not conv.ended and conv.outcome is None and conv.ending is None
    assert [t.speaker for t in conv.turns] == ["buyer"]


def test_strong_path_reaches_the_good_ending(mini: Scenario) -> None:
    conv = Conversation(mini, seed=3, scorer=fake_scorer)
    r1 = conv.reply("What would a good month look like for the front desk?")
    assert isinstance(r1, TurnResult)
    assert r1.branch == 1 and r1.next.node_id == "goals" and not r1.ended
    assert [f.criterion for f in r1.findings] == ["discovery_question"]
    assert conv.variables["trust"] == 60
    assert conv.moment == "proposal"
    assert conv.current.persona.id == "omar"
    conv.reply("You said the backlog matters: two options, base or premium-free add-on.")
    assert conv.current.node_id == "close"
    assert conv.variables["trust"] == 100  # 60 + 60 clamped at the max
    r3 = conv.reply("If it does not help in 30 days we stop, and Ana sends the plan by Friday.")
    assert r3.ended and r3.next.is_ending
    assert conv.ended
    assert conv.outcome == "signed_base_with_trigger"
    assert conv.ending is not None and conv.ending.good
    assert conv.variables["plan_agreed"] == 1  # set 5, clamped to max 1
    assert conv.visited == ["opening", "goals", "close", "signed_base"]
    assert conv.rep_turns == 3
    speakers = [t.speaker for t in conv.turns]
    assert speakers == ["buyer", "rep", "buyer", "rep", "buyer", "rep", "buyer"]
    assert [t.index for t in conv.turns] == list(range(7))
    assert conv.turns[-1].text in mini.endings["signed_base"].says
    assert conv.turns[-1].moment == "closing"  # ending without a moment keeps the last one


def test_fallback_branch_and_effects(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    r = conv.reply("Hello there.")
    assert r.branch == 2 and r.findings == []
    assert conv.current.node_id == "probe"
    assert conv.variables["trust"] == 45 and conv.variables["patience"] == 2


def test_ethics_breach_branch_clamps_at_min(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    r = conv.reply("Sign tonight or lose the price.")
    assert r.branch == 0
    assert conv.current.node_id == "pushback"
    assert conv.moment == "objection"
    assert conv.variables["trust"] == 0  # 50 - 60 clamped at 0
    assert conv.variables["strikes"] == 1


def test_repeated_breaches_walk_away(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    conv.reply("Decide tonight.")
    conv.reply("That is fair, sorry.")  # back to goals
    assert conv.current.node_id == "goals"
    conv.reply("Tonight only.")  # strikes 2 → pushback
    assert conv.variables["strikes"] == 2
    r = conv.reply("Anyway.")
    assert r.ended and conv.outcome == "walked_away_pressure"
    assert conv.current.moment == "objection"  # the ending's own moment


def test_conditions_see_variables_before_the_branch_effects(mini: Scenario) -> None:
    # probe's first branch needs patience <= 1; one fallback at opening leaves it at 2.
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    conv.reply("Hi.")
    conv.reply("Hmm.")
    assert conv.current.node_id == "goals"


def test_turn_cap_ends_on_timeout_ending() -> None:
    scenario = load_mini(max_turns=2)
    conv = Conversation(scenario, seed=1, scorer=fake_scorer)
    assert not conv.reply("Hi.").ended
    r = conv.reply("Hmm.")
    assert r.ended and r.timed_out
    assert conv.outcome == "no_decision"
    assert conv.current.node_id == "no_decision"
    assert conv.current.persona.id == "omar"
    assert conv.rep_turns == 2


def test_turn_cap_does_not_override_a_real_ending() -> None:
    scenario = load_mini(max_turns=3)
    conv = Conversation(scenario, seed=1, scorer=fake_scorer)
    conv.reply("What matters most this quarter?")
    conv.reply("Two options for you.")
    r = conv.reply("We stop if it fails, plan by Friday.")
    assert r.ended and not r.timed_out
    assert conv.outcome == "signed_base_with_trigger"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_reply_is_rejected_and_does_not_advance(mini: Scenario, text: str) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    with pytest.raises(ValueError):
        conv.reply(text)
    assert conv.current.node_id == "opening" and conv.rep_turns == 0
    assert len(conv.turns) == 1


def test_reply_after_the_end_is_refused(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    conv.abandon()
    with pytest.raises(ConversationError):
        conv.reply("hello")


def test_abandon(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    conv.reply("What is slowing the desk down?")
    conv.abandon()
    assert conv.ended and conv.outcome == ABANDONED and conv.ending is None
    card = conv.scorecard()
    assert card.outcome.id == "abandoned" and not card.outcome.good
    conv.abandon()  # a second call changes nothing
    assert conv.outcome == ABANDONED


def test_scorecard_only_when_ended(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    with pytest.raises(ConversationError):
        conv.scorecard()


def test_score_context_passed_to_the_scorer(mini: Scenario) -> None:
    seen: list[ScoreContext] = []

    def spy(text: str, ctx: ScoreContext) -> list[Finding]:
        seen.append(ctx)
        return fake_scorer(text, ctx)

    conv = Conversation(mini, seed=2, scorer=spy)
    first_line = conv.current.text
    conv.reply("What would success look like?")
    conv.reply("Two options.")
    assert seen[0].moment == "discovery"
    assert seen[0].buyer_outcomes == () and seen[0].outcome_known is False
    assert seen[0].history == (("buyer", first_line),)
    assert seen[1].moment == "proposal"
    assert tuple(seen[1].buyer_outcomes) == tuple(mini.context.outcomes)
    assert seen[1].outcome_known is True
    assert [s for s, _ in seen[1].history] == ["buyer", "rep", "buyer"]
    assert seen[1].history[1] == ("rep", "What would success look like?")


def test_same_seed_same_lines_different_seed_can_differ(mini: Scenario) -> None:
    def lines(seed: int) -> list[str]:
        conv = Conversation(mini, seed=seed, scorer=fake_scorer)
        conv.reply("What matters?")
        return [t.text for t in conv.turns if t.speaker == "buyer"]

    assert lines(7) == lines(7)
    variants = {tuple(lines(s)) for s in range(30)}
    assert len(variants) > 1


def test_resume_replays_to_the_same_state(mini: Scenario) -> None:
    replies = ["Hi.", "What would success look like?", "Two options, you said backlog."]
    a = Conversation(mini, seed=11, scorer=fake_scorer)
    for r in replies[:2]:
        a.reply(r)
    b = Conversation.resume(mini, seed=11, replies=replies[:2], scorer=fake_scorer)
    assert b.current == a.current
    assert b.variables == a.variables
    assert b.visited == a.visited
    assert b.turns == a.turns
    assert b.rep_replies == replies[:2]
    # both go on identically
    assert a.reply(replies[2]).next == b.reply(replies[2]).next


def test_resume_with_too_many_replies_fails(mini: Scenario) -> None:
    replies = ["What now?", "Options.", "Stop rule, by Friday.", "one more"]
    with pytest.raises(ConversationError, match="ended after 3"):
        Conversation.resume(mini, seed=1, replies=replies, scorer=fake_scorer)


def test_machine_has_one_trigger_per_branch(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    events = set(conv._machine.events)
    expected = {
        Conversation.trigger_name(nid, i)
        for nid, node in mini.nodes.items()
        for i in range(len(node.branches))
    }
    assert expected <= events
    assert not any(e.startswith("to_") for e in events)  # no auto transitions


def test_unknown_target_is_reported() -> None:
    data = YAML(typ="safe").load(MINI.read_text(encoding="utf-8"))
    data["nodes"]["probe"]["branches"][1]["goto"] = "nowhere"
    with pytest.raises(ScenarioStructureError, match="nowhere"):
        Conversation(Scenario.model_validate(data), seed=1, scorer=fake_scorer)


def test_last_branch_is_a_fallback_even_with_a_condition() -> None:
    data = YAML(typ="safe").load(MINI.read_text(encoding="utf-8"))
    data["nodes"]["probe"]["branches"][1]["when"] = {"found": ["stop_rule"]}
    conv = Conversation(Scenario.model_validate(data), seed=1, scorer=fake_scorer)
    conv.reply("Hi.")
    r = conv.reply("Nothing useful.")
    assert r.branch == 1 and conv.current.node_id == "goals"


def test_undeclared_variable_in_an_effect_is_created() -> None:
    data = YAML(typ="safe").load(MINI.read_text(encoding="utf-8"))
    data["nodes"]["opening"]["branches"][2]["add"] = {"mood": -3}
    conv = Conversation(Scenario.model_validate(data), seed=1, scorer=fake_scorer)
    conv.reply("Hi.")
    assert conv.variables["mood"] == 0  # declared 0..100 by default; -3 clamps to 0


def test_rep_turn_records_carry_findings(mini: Scenario) -> None:
    conv = Conversation(mini, seed=1, scorer=fake_scorer)
    conv.reply("What would good look like?")
    rep = conv.turns[1]
    assert rep.speaker == "rep" and rep.persona is None and rep.moment == "discovery"
    assert [f.criterion for f in rep.findings] == ["discovery_question"]
    t = conv.transcript[1]
    assert t.branch == 1 and t.deltas == {"trust": 10}
