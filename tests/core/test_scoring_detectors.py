"""trainer.core.scoring.detectors: the small parsers behind the multi-part criteria."""

from __future__ import annotations

import pytest

from trainer.core.findings import ScoreContext
from trainer.core.scoring import detectors as d
from trainer.core.scoring.text import Normalised


def hit(detector: d.Detector, text: str, ctx: ScoreContext | None = None) -> str | None:
    found = detector(Normalised(text), ctx)
    return None if found is None else Normalised(text).text[found.start : found.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That costs you about 12 hours of rework a month.", True),
        ("Premium support costs £2,000 a year.", False),  # a price, not a risk
        ("If usage is under 60% by June, you can drop the seats with no penalty.", False),
    ],
)
def test_quantify_needs_a_cost_of_under_scoping(text: str, expected: bool) -> None:
    assert (hit(d.quantify_risk, text) is not None) is expected


def test_number_unit_parser() -> None:
    found = [m.group(0) for m in d.NUMBER_UNIT_RE.finditer("five failed syncs, £1,440 and 12 hours")]
    assert found == ["five failed syncs", "£1,440", "12 hours"]


def test_dates_cover_the_usual_forms() -> None:
    text = "by friday, the 4th, 12/03, next tuesday, 1 may, day 30, end of the month, march 7"
    found = [m.group(0) for m in d.DATE_RE.finditer(text)]
    assert found == ["by friday", "the 4th", "12/03", "next tuesday", "1 may", "day 30", "end of the month", "march 7"]


def test_mutual_plan_needs_owners_and_dates() -> None:
    assert hit(d.mutual_plan, "Ana checks the export by the 4th; I send the order form on the 6th.")
    assert hit(d.mutual_plan, "Let's keep in touch next week.") is None
    assert hit(d.mutual_plan, "I'll email you the deck.") is None


def test_options_need_alternatives_and_what_they_cost() -> None:
    assert hit(d.options_tradeoffs, "Either stay on Basic, which is cheaper but capped, or move to Pro for £20 more.")
    assert hit(d.options_tradeoffs, "We have several plans.") is None


def test_stop_rule_needs_a_failure_condition_and_a_way_back() -> None:
    assert hit(d.stop_rule, "If the pilot doesn't cut rework by day 30, we drop back to Basic.")
    assert hit(d.stop_rule, "If you'd rather stay on the smaller plan, that's fine.") is None
    assert hit(d.stop_rule, "You can leave with no exit fee.")


def test_step_up_needs_a_smaller_start_and_a_trigger() -> None:
    assert hit(d.step_up_trigger, "Start with ten seats; once active users pass 50 we revisit the team plan.")
    assert hit(d.step_up_trigger, "Maybe upgrade someday.") is None


def test_discovery_question_is_open_and_about_the_buyer() -> None:
    assert hit(d.discovery_question, "Could I ask what a bad release weekend looks like for your team?")
    assert hit(d.discovery_question, "Can you hear me OK?") is None
    assert hit(d.discovery_question, "What tools are you using at the moment?") is None
    assert hit(d.discovery_question, "What time works for you on Friday?") is None


def test_tie_to_outcome_by_reference_or_buyer_words() -> None:
    assert hit(d.tie_to_outcome, "You said late trucks hurt most; the dock module is built for that.")
    ctx = ScoreContext(moment="proposal", buyer_outcomes=("fewer late trucks at the dock",))
    assert hit(d.tie_to_outcome, "The dock scheduling add-on means fewer late trucks.", ctx)
    assert hit(d.tie_to_outcome, "The dock scheduling add-on is popular.", ctx) is None


def test_premature_upsell_depends_on_moment_unless_cued() -> None:
    text = "I'd recommend the Enterprise plan."
    assert hit(d.premature_upsell, text, ScoreContext(moment="discovery"))
    assert hit(d.premature_upsell, text, ScoreContext(moment="proposal", outcome_known=True)) is None
    assert hit(d.premature_upsell, "Before anything else, you'll want our Ultimate plan.")


def test_consent_needs_a_check_and_a_record() -> None:
    assert hit(d.confirm_consent, "To confirm, you're choosing Basic because of cost; shall I note that?")
    assert hit(d.confirm_consent, "I'll note down the PO number when it arrives.") is None


def test_it_team_only_in_capitals() -> None:
    assert hit(d.it_team, "Could we get someone from IT on the next call?")
    assert hit(d.it_team, "Could we get it on the next call?") is None


def test_stem_folds_common_endings() -> None:
    assert {d.stem(w) for w in ("exports", "exporting", "exported")} == {"export"}
    assert d.stem("cutting") == "cut"
