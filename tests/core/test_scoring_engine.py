"""trainer.core.scoring.engine: score_reply, the public API of the scorer."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.findings import FINDING_KEYS, Finding, ScoreContext
from trainer.core.rubric import AVOID_IDS, CRITERION_IDS, load_rubric
from trainer.core.scoring import RULES_FINGERPRINT, rule_names, score_reply


def ids(text: str, context: ScoreContext | None = None) -> set[str]:
    return {f.criterion for f in score_reply(text, context)}


# The "counts" column of rubric.md: each must fire its id.
RUBRIC_COUNTS = [
    (
        "discovery_question",
        "What would have to be true for your ops lead to call this a win?",
        None,
    ),
    (
        "tie_to_outcome",
        "You want fewer manual exports, and that is exactly what the sync add-on removes.",
        None,
    ),
    (
        "quantify_risk",
        "At five failed syncs a week, that is about 10 hours of clean-up a month.",
        None,
    ),
    (
        "options_tradeoffs",
        "Plan 1 is cheaper but caps you at 20 users; plan 2 lifts the cap and needs an admin.",
        None,
    ),
    (
        "proof_with_limits",
        "Four clinics like yours saw wait times fall by a fifth, though the smallest saw no change.",
        None,
    ),
    (
        "mutual_plan",
        "Ana checks the export format by the 4th; I send the order form on the 6th.",
        None,
    ),
    (
        "stop_rule",
        "If the pilot doesn't cut re-work by day 30, we drop back to the basic plan at no cost.",
        None,
    ),
    (
        "engage_stakeholders",
        "Should your finance partner see the cost model before Thursday?",
        None,
    ),
    ("autonomy_language", "Staying on the current plan is a perfectly good choice too.", None),
    ("acknowledge_objection", "That's a fair worry about timing.", None),
    (
        "confirm_consent",
        "So you're choosing the smaller plan to get a quick win; shall I note that?",
        None,
    ),
    (
        "step_up_trigger",
        "Start with ten seats; once weekly active users pass 50 we revisit the team plan.",
        None,
    ),
    ("premature_upsell", "Before anything else: you'll want our Ultimate plan.", None),
    ("overclaiming", "It's guaranteed to stop every outage.", None),
    ("confirmshaming", "Keep the basic plan if your staff's time doesn't matter to you.", None),
    ("pressure_tactics", "The offer ends tonight, so decide now.", None),
    ("hidden_terms", "It auto-renews, but you don't need to mention that.", None),
    ("unexplained_idiom", "This is a home run for you.", None),
    ("dismiss_concern", "Don't worry about compliance, it's never an issue.", None),
]

# The "near miss" column: the reply must not fire that id.
RUBRIC_NEAR_MISSES = [
    ("discovery_question", "Can you hear me OK?", None),
    ("tie_to_outcome", "The sync add-on is very popular.", None),
    ("quantify_risk", "It could get expensive.", None),
    ("options_tradeoffs", "We have several plans.", None),
    ("proof_with_limits", "Customers love it.", None),
    ("mutual_plan", "Let's keep in touch.", None),
    ("stop_rule", "You'll love it, no need to go back.", None),
    ("engage_stakeholders", "I'll email you the deck.", None),
    ("autonomy_language", "You'll obviously want the upgrade.", None),
    ("acknowledge_objection", "That's not really a problem.", None),
    ("confirm_consent", "Great, sending the contract.", None),
    ("step_up_trigger", "Maybe upgrade someday.", None),
    (
        "premature_upsell",
        "Given your goal, plan 2 fits.",
        ScoreContext(
            moment="proposal", buyer_outcomes=("fewer manual exports",), outcome_known=True
        ),
    ),
    ("overclaiming", "It reduced outages for most teams we measured.", None),
    ("confirmshaming", "The basic plan is a fine choice if it meets your goals.", None),
    ("pressure_tactics", "There's no deadline on this; take your time.", None),
    ("hidden_terms", "It renews yearly; here is the clause and how to cancel.", None),
    ("unexplained_idiom", "This fits your need well.", None),
    ("dismiss_concern", "Compliance matters; let's check it with your team.", None),
]


@pytest.mark.parametrize(
    ("criterion", "text", "ctx"), RUBRIC_COUNTS, ids=[c for c, _t, _x in RUBRIC_COUNTS]
)
def test_rubric_examples_that_count_fire(
    criterion: str, text: str, ctx: ScoreContext | None
) -> None:
    assert criterion in ids(text, ctx)


@pytest.mark.parametrize(
    ("criterion", "text", "ctx"), RUBRIC_NEAR_MISSES, ids=[c for c, _t, _x in RUBRIC_NEAR_MISSES]
)
def test_rubric_near_misses_do_not_fire(
    criterion: str, text: str, ctx: ScoreContext | None
) -> None:
    assert criterion not in ids(text, ctx)


def test_every_criterion_has_a_rubric_example() -> None:
    assert {c for c, _t, _x in RUBRIC_COUNTS} == set(CRITERION_IDS)


@pytest.mark.parametrize(
    "text",
    [
        "I won't rush you.",
        "No pressure.",
        "There's no deadline.",
        "It isn't guaranteed, but it helped most teams.",
    ],
)
def test_negated_triggers_do_not_fire_avoid_ids(text: str) -> None:
    assert not ids(text) & {"pressure_tactics", "overclaiming"}


def test_negated_pressure_is_autonomy() -> None:
    assert ids("I won't pressure you with a deadline.") == {"autonomy_language"}


def test_premature_upsell_uses_the_moment() -> None:
    text = "You should go for the Enterprise plan."
    assert "premature_upsell" in ids(text, ScoreContext(moment="discovery"))
    assert "premature_upsell" not in ids(
        text,
        ScoreContext(
            moment="proposal", buyer_outcomes=("audit trail for every change",), outcome_known=True
        ),
    )
    assert "premature_upsell" in ids(text, ScoreContext(moment="proposal", outcome_known=False))


def test_tie_to_outcome_uses_the_buyers_words() -> None:
    ctx = ScoreContext(moment="proposal", buyer_outcomes=("stop double-booking patients",))
    text = "The booking lock plan stops double-booking of patients at the front desk."
    assert "tie_to_outcome" in ids(text, ctx)
    assert "tie_to_outcome" not in ids(text, ScoreContext(moment="proposal"))


def test_findings_are_well_formed_and_sorted() -> None:
    text = (
        "That's a fair worry. The offer ends tonight, and it's guaranteed to fix everything. "
        "What would success look like for your finance team?"
    )
    findings = score_reply(text)
    assert [(f.start, f.end, f.criterion) for f in findings] == sorted(
        (f.start, f.end, f.criterion) for f in findings
    )
    rubric = load_rubric()
    names = rule_names()
    for f in findings:
        assert text[f.start : f.end] == f.evidence and f.evidence
        assert f.polarity == rubric[f.criterion].polarity
        assert names[f.rule] == f.criterion
        assert f.explanation
        assert (f.instead is not None) == (f.criterion in AVOID_IDS)
        assert tuple(f.to_dict()) == FINDING_KEYS
    assert {"acknowledge_objection", "pressure_tactics", "overclaiming", "discovery_question"} <= {
        f.criterion for f in findings
    }


def test_rule_names_tell_what_fired() -> None:
    f = {x.criterion: x for x in score_reply("Only two slots left, so sign today.")}
    assert f["pressure_tactics"].rule.startswith("pressure.")
    assert "instead" not in f["pressure_tactics"].to_dict()
    assert f["pressure_tactics"].instead


def test_evidence_quotes_the_original_characters() -> None:
    text = "Straße team: it’s GUARANTEED to work."
    (finding,) = [f for f in score_reply(text) if f.criterion == "overclaiming"]
    assert finding.evidence == text[finding.start : finding.end]
    assert "GUARANTEED" in finding.evidence


def test_empty_and_non_string_input() -> None:
    assert score_reply("") == []
    with pytest.raises(TypeError):
        score_reply(None)  # type: ignore[arg-type]


def test_fingerprint_is_stable_text() -> None:
    assert len(RULES_FINGERPRINT) == 16
    int(RULES_FINGERPRINT, 16)


def _check(text: str, findings: list[Finding]) -> None:
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.evidence


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_any_text_gives_valid_spans_deterministically(text: str) -> None:
    first = score_reply(text)
    _check(text, first)
    assert score_reply(text) == first


_PHRASES = st.sampled_from(
    [
        "The offer ends tonight",
        "it's guaranteed",
        "don't worry about it",
        "you're free to say no",
        "What breaks if adoption doubles?",
        "if it doesn't work by day 30 we drop back at no cost",
        "Ana sends the form by Friday; I book the call on the 4th",
        "ẞtraße ﬁx İstanbul",
        "\x00\x1f\u200b",
        "😀",
        "’“”—",
        "home run",
        "\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PHRASES, max_size=12), st.text(max_size=20))
def test_realistic_mixtures_give_valid_spans(parts: list[str], junk: str) -> None:
    text = " ".join(parts) + junk
    _check(
        text,
        score_reply(text, ScoreContext(moment="discovery", buyer_outcomes=("fix the exports",))),
    )


def test_a_megabyte_reply_is_scored_in_linear_time() -> None:
    # Not a speed test (benchmarks/scorer_speed.py measures that): a guard against regexes
    # that backtrack catastrophically, which would take minutes, not seconds.
    base = (
        "That's a fair point. If this goes right, who saves time? The offer ends tonight. "
        "aaaa bbbb if if if if if if but but or or " * 3
    )
    text = (base * (1_000_000 // len(base) + 1))[:1_000_000]
    t0 = time.perf_counter()
    findings = score_reply(text)
    elapsed = time.perf_counter() - t0
    _check(text, findings)
    assert elapsed < 30


# Replies written for these tests, away from the corpus: the rules must generalise to the
# shapes of each behaviour, not to stock phrases.
PARAPHRASES = [
    ("confirmshaming", "If your customers' data isn't important to you, then sure, skip the security pack."),
    ("confirmshaming", "Most owners who actually care about their staff go for Pro."),
    ("confirmshaming", "Your nurses will pay the price if you say no."),
    ("confirmshaming", "What kind of manager leaves their team without proper tools?"),
    ("pressure_tactics", "Only a handful of licences remain at this rate."),
    ("pressure_tactics", "Half your industry has already switched."),
    ("pressure_tactics", "I need the signature by 5pm or the deal's off."),
    ("pressure_tactics", "This introductory price won't be offered again."),
    ("dismiss_concern", "You're worrying about nothing."),
    ("dismiss_concern", "Security is overrated for a team your size."),
    ("dismiss_concern", "Let's put the GDPR stuff to one side."),
    ("hidden_terms", "Ignore the section about auto-renewal, it's standard legal stuff."),
    ("hidden_terms", "I'll just leave the minimum term off the summary to keep it simple."),
    ("overclaiming", "It simply cannot fail."),
    ("overclaiming", "Nothing else on the market comes close."),
    ("unexplained_idiom", "Let's take this offline and circle back next week."),
    ("autonomy_language", "You know your business best, so go with what feels right."),
    ("acknowledge_objection", "I can see why the price gives you pause."),
    ("engage_stakeholders", "Is there someone in finance who should see the numbers first?"),
    ("stop_rule", "If adoption is below 50% at the 60-day mark, you can cancel with no fees."),
]
CLEAN = [
    "Thanks for your time today.",
    "The Pro plan includes SSO and audit logs.",
    "The renewal date is 1 March and the price stays the same; here's the clause.",
    "The add-on costs £15 per user per month.",
    "Sure, I can do Tuesday at 10.",
]


@pytest.mark.parametrize(("criterion", "text"), PARAPHRASES)
def test_paraphrases_fire(criterion: str, text: str) -> None:
    assert criterion in ids(text, ScoreContext(moment="objection"))


@pytest.mark.parametrize("text", CLEAN)
def test_plain_replies_stay_clean(text: str) -> None:
    assert ids(text, ScoreContext(moment="proposal")) == set()


# --- structural slots: phrasings no rule lists literally, and the near misses that must stay quiet ---

SLOT_POSITIVES = [
    ("confirmshaming", "Your choice, but your drivers will pay for it.", None),
    ("confirmshaming", "Going basic is fine if growth isn't really on your agenda.", None),
    ("confirmshaming", "If you pick Team, frankly you don't care about your engineers' weekends.", None),
    ("pressure_tactics", "If you don't lock it in this week, the price goes up.", None),
    ("pressure_tactics", "Every insurer your size is already on it.", None),
    ("pressure_tactics", "I can hold the slot until noon, then I have to offer it to the next firm on the list.", None),
    ("hidden_terms", "There's an exit fee, though I'd leave that out when you brief your CFO.", None),
    ("hidden_terms", "The pilot auto-renews into a three-year order; you don't need to mention that to the CFO.", None),
    ("dismiss_concern", "The sync errors? They'll sort themselves out after the first week.", None),
    ("dismiss_concern", "I wouldn't read too much into one bad review.", None),
    ("premature_upsell", "Let's get you on Plus today.", ScoreContext(moment="discovery")),
    ("engage_stakeholders", "Should Grace see the cost model before Thursday?", None),
    ("engage_stakeholders", "It might be worth pulling in someone from security early on.", None),
    ("step_up_trigger", "Let's hold the premium add-on until you cross 1,000 orders a week.", None),
    ("autonomy_language", "Essentials is a perfectly good choice too.", None),
    ("acknowledge_objection", "That's a fair frustration; the last rollout cost your team two weekends.", None),
    ("stop_rule", "If the numbers disappoint at the 90-day review, we step back to Standard, and that costs you nothing.", None),
    ("proof_with_limits", "Our last pen test was run by an external firm and found two medium issues; it covered the web app, not the mobile client.", None),
]


@pytest.mark.parametrize(("criterion", "text", "context"), SLOT_POSITIVES)
def test_slot_detectors_find_unlisted_phrasings(criterion: str, text: str, context: ScoreContext | None) -> None:
    assert criterion in ids(text, context)


SLOT_NEAR_MISSES = [
    ("pressure_tactics", "Prices rise on 1 July; I'm telling you early so you can budget, not so you rush."),
    ("pressure_tactics", "I'll send the Essentials order form this afternoon so it's in your inbox."),
    ("pressure_tactics", "You don't have to decide anything today, or at all."),
    ("confirmshaming", "The basic plan is a fine choice if it meets your goals."),
    ("hidden_terms", "It renews yearly; here is the clause and how to cancel."),
    ("hidden_terms", "Don't worry about the cap."),
    ("dismiss_concern", "Cost is a genuine issue for a practice your size, and I don't want to brush past it."),
    ("engage_stakeholders", "Let me know if your team has questions."),
    ("autonomy_language", "The choice is yours, as long as you renew by Friday."),
    ("autonomy_language", "There's a Pro tier when you're ready."),
    ("step_up_trigger", "You can always upgrade later."),
    ("stop_rule", "If this isn't relevant to you, just say so and I'll leave you alone."),
    ("proof_with_limits", "How about a two-site trial first, then the full rollout if dispatch improves?"),
]


@pytest.mark.parametrize(("criterion", "text"), SLOT_NEAR_MISSES)
def test_slot_detectors_leave_near_misses_alone(criterion: str, text: str) -> None:
    assert criterion not in ids(text)


def test_a_negator_scoping_over_the_trigger_cancels_only_that_trigger() -> None:
    assert "dismiss_concern" not in ids("I don't want to brush past the budget question.")
    found = ids("No pressure at all. The offer ends tonight, so decide now.")
    assert "pressure_tactics" in found  # "no pressure" elsewhere does not cancel the deadline


def test_why_dont_we_is_a_suggestion_not_a_negation() -> None:
    found = ids("Why don't we just go with Enterprise now and skip the discovery call?", ScoreContext(moment="prospecting"))
    assert "premature_upsell" in found


def _model(bias: float, **weights: float) -> object:
    from trainer.core.scoring.cues import parse_model

    return parse_model(
        {
            "threshold": 0.0,
            "rules_fingerprint": "test",
            "criteria": {c: {"bias": bias, "weights": weights} for c in CRITERION_IDS},
        }
    )


def test_an_avoid_rule_hit_is_judged_on_its_own_sentence_too() -> None:
    from trainer.core.scoring.cues import parse_model
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.text import Normalised

    tables = {c: {"bias": -50.0, "weights": {}} for c in CRITERION_IDS}
    # the acknowledgement weighs hard against pressure across the whole reply...
    tables["pressure_tactics"] = {"bias": -1.0, "weights": {"r:pressure_tactics": 3.0, "k:ACK_": -10.0}}
    model = parse_model({"threshold": 0.0, "rules_fingerprint": "test", "criteria": tables})
    doc = Normalised("That's a fair worry. The offer ends tonight, so decide now.")
    # ...but the deadline's own sentence still reads as pressure, so the finding stands
    assert set(decide(doc, None, model)) == {"pressure_tactics"}
    tables["pressure_tactics"]["weights"]["w:tonight"] = -10.0  # type: ignore[index]
    model = parse_model({"threshold": 0.0, "rules_fingerprint": "test", "criteria": tables})
    assert decide(doc, None, model) == {}  # outweighed in its own sentence as well


def test_a_cue_only_finding_quotes_a_cue_of_its_own_kind_first() -> None:
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.text import Normalised

    text = "Most of the other branches in your group already moved across."
    doc = Normalised(text)
    found = decide(doc, None, _model(-1.0, **{"k:CROWD": 5.0, "w:branch": 5.0}))  # type: ignore[arg-type]
    assert "pressure_tactics" in found
    hit = found["pressure_tactics"]
    assert hit.rule == "cues.pressure_tactics" or hit.rule.startswith("pressure.")
    assert doc.text[hit.start : hit.end].strip()


def test_a_cue_only_finding_without_its_own_kind_of_word_quotes_the_strongest_cue() -> None:
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.text import Normalised

    # a clock with no clock word the cue classes know
    doc = Normalised("The figure stays as long as we are talking.")
    found = decide(doc, None, _only("pressure_tactics", -1.0, **{"w:talk": 5.0}))  # type: ignore[arg-type]
    assert set(found) == {"pressure_tactics"}
    hit = found["pressure_tactics"]
    assert hit.rule == "cues.pressure_tactics"
    assert doc.text[hit.start : hit.end] == "the figure stays as long as we are talking"  # its clause


def test_some_cue_only_findings_still_need_their_own_kind_of_word() -> None:
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.features import OWN_KIND_REQUIRED
    from trainer.core.scoring.text import Normalised

    doc = Normalised("Happy to walk the team through the report.")
    assert "unexplained_idiom" in OWN_KIND_REQUIRED
    assert decide(doc, None, _only("unexplained_idiom", -1.0, **{"w:team": 5.0})) == {}  # type: ignore[arg-type]
    # the same weights for a criterion that may rest on any quotable word report it
    assert set(decide(doc, None, _only("dismiss_concern", -1.0, **{"w:team": 5.0}))) == {"dismiss_concern"}  # type: ignore[arg-type]


def test_a_cue_only_hidden_term_beside_a_brush_off_needs_a_word_about_terms() -> None:
    from trainer.core.scoring.cues import parse_model
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.text import Normalised

    tables = {c: {"bias": -50.0, "weights": {}} for c in CRITERION_IDS}
    tables["hidden_terms"] = {"bias": 5.0, "weights": {"w:pilot": 1.0}}  # a word it could quote
    tables["dismiss_concern"] = {"bias": 5.0, "weights": {}}
    model = parse_model({"threshold": 0.0, "rules_fingerprint": "test", "criteria": tables})
    # waving the security review off names no term: it is the brush-off alone
    found = decide(Normalised("Don't worry about security; we can sort it out after the pilot."), None, model)
    assert set(found) == {"dismiss_concern"}
    # waving a renewal clause off is also a hidden term
    found = decide(Normalised("Don't worry about the renewal clause; we can sort it out after the pilot."), None, model)
    assert set(found) == {"dismiss_concern", "hidden_terms"}


def test_a_cue_only_avoid_finding_with_only_negated_words_needs_the_weights_to_be_sure() -> None:
    from trainer.core.scoring.engine import (
        NEGATION_OVERRIDE_PROBABILITY,
        _sure_despite_negation,
        decide,
    )
    from trainer.core.scoring.features import extract, gate_cues
    from trainer.core.scoring.text import Normalised

    # every clock word of this threat sits after "isn't": the negator bar stops a cue-only finding
    doc = Normalised("If the order isn't placed by Thursday, the engineer starts on a different project.")
    assert gate_cues("pressure_tactics", extract(doc, None, {}), "nk:") and not gate_cues("pressure_tactics", extract(doc, None, {}))
    just_above = _only("pressure_tactics", -1.0, **{"w:engineer": 1.5})  # passes, but is not sure
    assert decide(doc, None, just_above) == {}  # type: ignore[arg-type]
    sure = _only("pressure_tactics", -1.0, **{"w:engineer": 4.0})  # p = 0.95 > NEGATION_OVERRIDE_PROBABILITY
    assert NEGATION_OVERRIDE_PROBABILITY < 0.95
    found = decide(doc, None, sure)  # type: ignore[arg-type]
    assert set(found) == {"pressure_tactics"}
    assert found["pressure_tactics"].rule == "cues.pressure_tactics"
    # quoted by the clause of the negated words that weigh most for it: the condition itself
    assert doc.text[found["pressure_tactics"].start : found["pressure_tactics"].end] == "if the order isn't placed by thursday"
    # a criterion that must quote its own kind of word stays barred however sure the weights are
    assert decide(doc, None, _only("unexplained_idiom", -1.0, **{"w:engineer": 9.0})) == {}  # type: ignore[arg-type]
    # and only Avoid criteria are reported on negated words: a Do finding is never this override
    assert not _sure_despite_negation(_only("mutual_plan", -1.0, **{"w:engineer": 9.0}), "mutual_plan", extract(doc, None, {}))  # type: ignore[arg-type]
    assert _sure_despite_negation(sure, "pressure_tactics", extract(doc, None, {}))  # type: ignore[arg-type]


def test_a_cue_only_avoid_finding_gives_way_to_a_much_stronger_opposite_reading() -> None:
    from trainer.core.scoring.cues import parse_model
    from trainer.core.scoring.engine import CONTRARY_MARGIN, decide
    from trainer.core.scoring.text import Normalised

    def model(free: float, shame: float) -> object:
        tables = {c: {"bias": -50.0, "weights": {}} for c in CRITERION_IDS}
        tables["autonomy_language"] = {"bias": free - 1.0, "weights": {"w:stay": 1.0}}
        tables["confirmshaming"] = {"bias": shame - 1.0, "weights": {"w:stay": 1.0}}
        tables["pressure_tactics"] = {"bias": -1.0, "weights": {"r:pressure_tactics": 2.0}}
        return parse_model({"threshold": 0.0, "rules_fingerprint": "test", "criteria": tables})

    doc = Normalised("If you're happy with your current provider, stay with them.")
    # both readings pass; freedom to choose is read far more strongly, so it is no guilt trip
    assert set(decide(doc, None, model(1.0 + CONTRARY_MARGIN + 3.0, 1.0))) == {"autonomy_language"}  # type: ignore[arg-type]
    # only somewhat more strongly: the guilt trip stands and takes the "your call" back
    assert set(decide(doc, None, model(1.0 + CONTRARY_MARGIN - 0.5, 1.0))) == {"confirmshaming"}  # type: ignore[arg-type]
    # a rule's hit is never dropped this way, however strongly the reply also reads as free choice
    doc = Normalised("The offer ends tonight; stay with them if you like.")
    assert "pressure_tactics" in decide(doc, None, model(50.0, -50.0))  # type: ignore[arg-type]


def test_a_cue_only_finding_too_short_to_explain_is_quoted_with_its_sentence() -> None:
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.text import Normalised

    doc = Normalised("Pen test results? They're, uh, somewhere.")
    found = decide(doc, None, _only("dismiss_concern", -1.0, **{"w:somewhere": 5.0}))  # type: ignore[arg-type]
    hit = found["dismiss_concern"]
    # "somewhere" alone, or its one-word clause, tells the rep nothing; the sentence does
    assert doc.text[hit.start : hit.end] == "they're, uh, somewhere"


def test_a_cue_only_finding_needs_words_to_quote() -> None:
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.text import Normalised

    # only the moment points to it: there is nothing in the reply to show the rep
    doc = Normalised("Happy to walk the team through the report.")
    context = ScoreContext(moment="closing")
    assert decide(doc, context, _only("pressure_tactics", -1.0, **{"m:closing": 5.0})) == {}  # type: ignore[arg-type]


def test_settle_drops_a_do_finding_its_avoid_neighbour_undoes() -> None:
    from trainer.core.scoring.engine import settle

    assert settle({"autonomy_language", "pressure_tactics"}) == {"pressure_tactics"}
    assert settle({"acknowledge_objection", "dismiss_concern"}) == {"dismiss_concern"}
    assert settle({"tie_to_outcome", "premature_upsell"}) == {"premature_upsell"}
    assert settle({"autonomy_language", "acknowledge_objection"}) == {"autonomy_language", "acknowledge_objection"}


def test_cue_findings_explain_themselves_with_the_quoted_words() -> None:
    findings = [f for f in score_reply("Sure, go with the free tier, if the shop's more of a side thing for you.") if f.rule.startswith("cues.")]
    for f in findings:
        assert f.evidence.strip() in f.explanation
        assert f.rule in rule_names()


def test_a_pasted_document_is_judged_by_the_rules_alone() -> None:
    from trainer.core.scoring.engine import CUE_MODEL_MAX_CHARS, decide, rule_hits
    from trainer.core.scoring.text import Normalised

    text = ("We have several plans. " * 400) + "The offer ends tonight, so decide now."
    assert len(text) > CUE_MODEL_MAX_CHARS
    doc = Normalised(text)
    assert decide(doc, None) == rule_hits(Normalised(text), None)
    assert "pressure_tactics" in {f.criterion for f in score_reply(text)}


def _only(criterion: str, bias: float, **weights: float) -> object:
    """A cue table where only ``criterion`` can pass (every other id sits far below)."""
    from trainer.core.scoring.cues import parse_model

    tables = {c: {"bias": -50.0, "weights": {}} for c in CRITERION_IDS}
    tables[criterion] = {"bias": bias, "weights": weights}
    return parse_model({"threshold": 0.0, "rules_fingerprint": "test", "criteria": tables})


def test_a_cue_only_avoid_finding_is_judged_on_the_whole_reply() -> None:
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.text import Normalised

    # the buyer's people in one sentence and the smaller plan in the next: neither sentence alone
    # passes (-1.5 + 1.0 each), the reply does (-1.5 + 2.0), so the guilt trip is reported
    model = _only("confirmshaming", -1.5, **{"k:PEOPLE": 1.0, "k:SMALL": 1.0})
    doc = Normalised("Your nurses stay late every night. Basic it is, then.")
    found = decide(doc, None, model)  # type: ignore[arg-type]
    assert set(found) == {"confirmshaming"}
    assert found["confirmshaming"].rule == "cues.confirmshaming"
    # one of the two cues alone does not pass
    assert decide(Normalised("Basic it is, then."), None, model) == {}  # type: ignore[arg-type]


def test_one_word_cue_evidence_is_widened_to_its_clause() -> None:
    from trainer.core.scoring.engine import decide
    from trainer.core.scoring.text import Normalised

    model = _only("premature_upsell", -1.0, **{"k:BIG": 3.0})
    text = "Thanks for the call. In that case, I'd go with Enterprise right away; it has everything."
    doc = Normalised(text)
    hit = decide(doc, None, model)["premature_upsell"]  # type: ignore[arg-type]
    assert doc.text[hit.start : hit.end] == "i'd go with enterprise right away"
    findings = [f for f in score_reply(text) if f.rule == "cues.premature_upsell"]
    for f in findings:
        assert text[f.start : f.end] == f.evidence and len(f.evidence.split()) >= 3
