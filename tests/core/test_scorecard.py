"""The session scorecard: score formula, ethics, exit checks, call review, tips, round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from trainer.core.findings import Finding
from trainer.core.rubric import load_rubric
from trainer.core.scenario.models import Scenario
from trainer.core.scorecard import (
    Scorecard,
    ScorecardError,
    TranscriptTurn,
    achievable_points,
    build_scorecard,
    shortest_good_path,
    weight,
)

MINI = Path(__file__).resolve().parents[1] / "data" / "scenarios" / "mini.yaml"
RUBRIC = load_rubric()


@pytest.fixture(scope="module")
def mini() -> Scenario:
    return Scenario.model_validate(YAML(typ="safe").load(MINI.read_text(encoding="utf-8")))


def f(criterion: str, text: str, phrase: str) -> Finding:
    start = text.index(phrase)
    return Finding(
        criterion, RUBRIC[criterion].polarity, start, start + len(phrase), phrase, "test"
    )


class Script:
    """Builds a transcript: buyer(node) / rep(text, findings) alternately."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.turns: list[TranscriptTurn] = []
        self.moment = "discovery"

    def buyer(self, node_id: str, text: str = "(buyer line)") -> Script:
        if node_id in self.scenario.nodes:
            node = self.scenario.nodes[node_id]
            self.moment, persona = node.moment, node.speaker
        else:
            ending = self.scenario.endings[node_id]
            self.moment, persona = ending.moment or self.moment, ending.speaker
        self.turns.append(
            TranscriptTurn(len(self.turns), "buyer", node_id, self.moment, persona, text)
        )
        return self

    def rep(
        self, text: str, *found: tuple[str, str], deltas: dict[str, int] | None = None
    ) -> Script:
        node_id = self.turns[-1].node_id
        self.turns.append(
            TranscriptTurn(
                len(self.turns),
                "rep",
                node_id,
                self.moment,
                None,
                text,
                tuple(f(c, text, p) for c, p in found),
                branch=0,
                deltas=deltas or {},
            )
        )
        return self


def good_session(mini: Scenario) -> Script:
    return (
        Script(mini)
        .buyer("opening")
        .rep(
            "What would a good month look like?",
            ("discovery_question", "What would a good month look like?"),
        )
        .buyer("goals", "Cut the backlog and stay in budget.")
        .rep("Two options: base or premium.", ("options_tradeoffs", "Two options: base or premium"))
        .buyer("close")
        .rep("If it fails by day 30 we stop at no cost.", ("stop_rule", "we stop at no cost"))
        .buyer("signed_base")
    )


def test_shortest_good_path_and_achievable(mini: Scenario) -> None:
    assert shortest_good_path(mini) == 3
    # 12 relevant Do ids; top 9 weights with step_up_trigger x1.5 in a base-scope scenario:
    # 6 + 5 + 5 + 5 + 4 * 5
    assert achievable_points(mini, RUBRIC) == 41
    assert weight(RUBRIC, mini, "premature_upsell") == 10
    assert weight(RUBRIC, mini, "step_up_trigger") == 6


def test_score_formula_on_a_good_session(mini: Scenario) -> None:
    s = good_session(mini)
    card = build_scorecard(
        mini, s.turns, outcome="signed_base_with_trigger", ending=mini.endings["signed_base"]
    )
    # earned 4 + 5 + 5 = 14 at fitting moments; 85 * 14/41 + 15 = 44.02
    assert card.breakdown.earned == 14 and card.breakdown.penalty == 0
    assert card.breakdown.bonus == 15
    assert card.score == 44
    assert card.ethics_pass and card.ethics_breaches == ()
    assert card.outcome.id == "signed_base_with_trigger" and card.outcome.good
    assert card.outcome.debrief == mini.endings["signed_base"].debrief


def test_no_bonus_for_a_bad_ending_or_abandon(mini: Scenario) -> None:
    s = good_session(mini)
    lost = build_scorecard(mini, s.turns, outcome="deal_lost", ending=mini.endings["deal_lost"])
    gone = build_scorecard(mini, s.turns, outcome="abandoned", ending=None)
    assert lost.score == 29 and gone.score == 29  # round(85 * 14 / 41)
    assert gone.outcome.id == "abandoned" and not gone.outcome.good and gone.outcome.label


def test_half_credit_off_moment_and_each_do_id_once(mini: Scenario) -> None:
    s = (
        Script(mini)
        .buyer("opening")
        .rep("What else?", ("discovery_question", "What else?"))
        .buyer("close")
        .rep("What else?", ("discovery_question", "What else?"))
        .rep("Who else? We stop.", ("stop_rule", "We stop"))
    )
    card = build_scorecard(mini, s.turns, outcome="abandoned", ending=None)
    assert card.breakdown.earned == 4 + 5  # discovery counted once (the fitting one)
    s2 = Script(mini).buyer("close").rep("What matters?", ("discovery_question", "What matters?"))
    card2 = build_scorecard(mini, s2.turns, outcome="abandoned", ending=None)
    assert card2.breakdown.earned == 2  # closing is not a discovery moment: half credit


def test_avoid_ids_cost_each_time_and_fit_matters(mini: Scenario) -> None:
    s = (
        good_session(mini)
        .rep("Go premium now.", ("premature_upsell", "Go premium"))
        .rep("Go premium now.", ("premature_upsell", "Go premium"))
    )
    card = build_scorecard(
        mini, s.turns, outcome="signed_base_with_trigger", ending=mini.endings["signed_base"]
    )
    assert card.breakdown.penalty == 20  # 2 x (5 x 2 in a base-scope scenario)
    assert card.score == 0  # 44.02 - 48.8 clamps at 0
    upsell = mini.model_copy(update={"fit": mini.fit.model_copy(update={"right_scope": "upsell"})})
    card_u = build_scorecard(
        upsell, s.turns, outcome="signed_base_with_trigger", ending=mini.endings["signed_base"]
    )
    assert card_u.breakdown.penalty == 10
    assert card_u.score > card.score


def test_score_tops_out_at_100(mini: Scenario) -> None:
    s = Script(mini).buyer("goals")
    text = "x" * 10
    for cid in RUBRIC.do_ids():
        s.rep(text, (cid, "x"))
    card = build_scorecard(
        mini, s.turns, outcome="signed_base_with_trigger", ending=mini.endings["signed_base"]
    )
    assert card.score == 100


def test_ethics_breach_fails_but_score_is_shown(mini: Scenario) -> None:
    s = good_session(mini).rep(
        "The price ends tonight, and it auto-renews quietly.",
        ("pressure_tactics", "The price ends tonight"),
        ("hidden_terms", "auto-renews quietly"),
    )
    card = build_scorecard(
        mini, s.turns, outcome="signed_base_with_trigger", ending=mini.endings["signed_base"]
    )
    assert not card.ethics_pass
    assert [(b.criterion, b.turn, b.evidence) for b in card.ethics_breaches] == [
        ("pressure_tactics", 7, "The price ends tonight"),
        ("hidden_terms", 7, "auto-renews quietly"),
    ]
    assert isinstance(card.score, int) and 0 <= card.score <= 100
    assert card.tips[0].startswith("Turn 7:") and "The price ends tonight" in card.tips[0]
    assert RUBRIC["pressure_tactics"].instead in card.tips[0]  # type: ignore[operator]


def test_stage_exit_checks(mini: Scenario) -> None:
    card = build_scorecard(mini, good_session(mini).turns, outcome="x", ending=None)
    checks = {c.id: c for c in card.stage_exit_checks}
    assert list(checks) == [c.id for c in RUBRIC.stage_exit_checks]
    assert checks["options_presented"].passed and checks["options_presented"].turn == 3
    assert checks["options_presented"].evidence == "Two options: base or premium"
    assert checks["stop_rule_recorded"].passed and checks["stop_rule_recorded"].turn == 5
    assert not checks["consent_recorded"].passed and checks["consent_recorded"].turn is None
    assert not checks["mutual_plan_in_file"].passed


def test_call_review_answers(mini: Scenario) -> None:
    s = (
        Script(mini)
        .buyer("opening")
        .rep("Hello.", deltas={"trust": -5})
        .buyer("pushback", "That feels like a hard sell.")
        .rep("That is a fair worry.", ("acknowledge_objection", "That is a fair worry"))
        .buyer("goals")
        .rep(
            "You said the backlog matters most.",
            ("tie_to_outcome", "You said the backlog matters most"),
        )
        .buyer("deal_lost")
    )
    card = build_scorecard(mini, s.turns, outcome="deal_lost", ending=mini.endings["deal_lost"])
    answers = [a.answer for a in card.call_review]
    assert [a.prompt for a in card.call_review] == list(RUBRIC.call_review_prompts)
    assert len(answers) == 8
    assert "cut the evening booking backlog" in answers[0]
    assert "You said the backlog matters most" in answers[0]
    assert answers[1] == "No risk of under-scoping was quantified."
    assert answers[2] == "No options with trade-offs were presented."
    assert answers[3] == "No proof with its limits was offered."
    assert answers[4] == "No stop rule was offered."
    assert answers[5] == "No mutual plan with owners and dates was proposed."
    assert "base option is the right fit" in answers[6]
    assert "Budget cap: The budget is capped" in answers[6]
    assert "After turn 1 trust fell by 5." in answers[6]
    assert "objected 1 time." in answers[6]
    assert "That feels like a hard sell" in answers[7]
    assert "That is a fair worry" in answers[7]


def test_call_review_when_outcome_never_revealed(mini: Scenario) -> None:
    s = Script(mini).buyer("opening").rep("Hi.")
    card = build_scorecard(mini, s.turns, outcome="abandoned", ending=None)
    first = card.call_review[0].answer
    assert "never came out" in first and "never tied" in first
    assert card.call_review[7].answer == "The buyer raised no objection in this conversation."


def test_tips_rank_missing_exit_checks_before_avoid_findings(mini: Scenario) -> None:
    s = (
        Script(mini)
        .buyer("goals")
        .rep("This is a home run, trust me.", ("unexplained_idiom", "home run"))
    )
    card = build_scorecard(mini, s.turns, outcome="abandoned", ending=None)
    assert len(card.tips) == 3
    assert card.tips[0].startswith("Options presented was missing")
    assert card.tips[1].startswith("Consent recorded was missing")
    assert card.tips[2].startswith("Mutual plan in file was missing")
    # with the exit checks covered, the Avoid finding comes next, quoted with its 'instead'
    s2 = (
        Script(mini)
        .buyer("close")
        .rep(
            "Two options; you agree? Ana by Friday; we stop if not; home run.",
            ("options_tradeoffs", "Two options"),
            ("confirm_consent", "you agree?"),
            ("mutual_plan", "Ana by Friday"),
            ("stop_rule", "we stop if not"),
            ("unexplained_idiom", "home run"),
        )
    )
    card2 = build_scorecard(mini, s2.turns, outcome="abandoned", ending=None)
    assert "home run" in card2.tips[0]
    assert RUBRIC["unexplained_idiom"].instead in card2.tips[0]  # type: ignore[operator]
    assert len(card2.tips) == 3 and len(set(card2.tips)) == 3


def test_turn_reviews_carry_explanations(mini: Scenario) -> None:
    card = build_scorecard(mini, good_session(mini).turns, outcome="x", ending=None)
    assert [t.index for t in card.turns] == [1, 3, 5]
    note = card.turns[0].findings[0]
    assert note.criterion == "discovery_question" and note.fits_moment
    assert note.explanation == RUBRIC["discovery_question"].explanation
    assert note.label == RUBRIC["discovery_question"].label


def test_round_trip_is_json_safe(mini: Scenario) -> None:
    s = good_session(mini).rep("Decide tonight.", ("pressure_tactics", "Decide tonight"))
    card = build_scorecard(
        mini, s.turns, outcome="signed_base_with_trigger", ending=mini.endings["signed_base"]
    )
    data = json.loads(json.dumps(card.to_dict()))
    assert data == card.to_dict()
    assert Scorecard.from_dict(data) == card


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.pop("score"), "score"),
        (lambda d: d.__setitem__("ethics_pass", "yes"), "ethics_pass"),
        (lambda d: d["outcome"].pop("label"), "outcome.label"),
        (
            lambda d: d["turns"][0]["findings"][0].__setitem__("start", "0"),
            "turns.0.findings.0.start",
        ),
        (
            lambda d: d["stage_exit_checks"][1].__setitem__("passed", 1),
            "stage_exit_checks.1.passed",
        ),
        (lambda d: d.__setitem__("tips", [3]), "tips.0"),
    ],
)
def test_from_dict_names_the_bad_field(mini: Scenario, mutate: Any, field: str) -> None:
    data = build_scorecard(mini, good_session(mini).turns, outcome="x", ending=None).to_dict()
    mutate(data)
    with pytest.raises(ScorecardError, match=field.replace(".", r"\.")):
        Scorecard.from_dict(data)


def test_from_dict_rejects_a_non_object() -> None:
    with pytest.raises(ScorecardError):
        Scorecard.from_dict([1, 2])
