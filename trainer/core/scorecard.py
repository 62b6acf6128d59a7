"""The session scorecard: what a finished (or abandoned) practice session earned, and why.

Pure functions over a transcript; no I/O, no clock. :func:`build_scorecard` takes the scenario,
the turns (rep turns carry their findings) and the outcome, and returns a frozen
:class:`Scorecard` that serialises to JSON-safe dicts (:meth:`Scorecard.to_dict`) and back.

Score (an integer 0..100)
-------------------------
Let ``w(id)`` be a criterion's rubric weight times the scenario's *fit multiplier* for it
(:data:`FIT_MULTIPLIERS`: when the right scope is the base option or value first, a
``premature_upsell`` costs 2x and ``step_up_trigger`` earns 1.5x; for a pilot ``stop_rule`` earns
1.5x; for a genuine upsell ``tie_to_outcome`` earns 1.25x).

- **Earned**: each Do id counts once per session: ``w(id)`` when it was shown at a moment where
  it fits (:meth:`Criterion.fits`), half of it when it was only shown elsewhere.
- **Penalty**: every Avoid finding subtracts ``w(id)``, each time it occurs.
- **Achievable** ``A``: the Do ids that fit at least one moment the scenario covers, best weights
  first, at most ``3 x L`` of them, where ``L`` is the number of rep turns on the shortest path to
  a good ending (the scenario's length; ``min(nodes, max_turns)`` when it has no good ending).

``score = clamp(round(85 x min(1, earned / A) + 15 x good_ending - 100 x penalty / A), 0, 100)``

The good-ending bonus (15) is only paid when the session reached an ending marked ``good``; an
abandoned session never gets it. The score is shown even when ethics fail, but such a session
fails (``ethics_pass`` is false) whatever its points.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from trainer.core.findings import Finding
from trainer.core.rubric import DO_IDS, ETHICS_IDS, Rubric, load_rubric
from trainer.core.scenario.models import Ending, Scenario

Speaker = Literal["buyer", "rep"]

#: scenario.fit.right_scope → criterion id → multiplier on its weight.
FIT_MULTIPLIERS: dict[str, dict[str, float]] = {
    "base": {"premature_upsell": 2.0, "step_up_trigger": 1.5},
    "value_first": {"premature_upsell": 2.0, "step_up_trigger": 1.5},
    "pilot": {"stop_rule": 1.5},
    "upsell": {"tie_to_outcome": 1.25},
}
DO_SHARE = 85.0
GOOD_ENDING_BONUS = 15.0
DO_IDS_PER_TURN = 3
_QUOTE_MAX = 140

#: A short, forward-looking hint for each Do id (the rubric's ``instead`` covers Avoid ids).
DO_HINTS: dict[str, str] = {
    "discovery_question": "ask an open question about what success looks like, what breaks at scale, or who else is affected",
    "tie_to_outcome": "link the option you recommend to the outcome the buyer named, in their words",
    "quantify_risk": "put a number with a unit on what under-scoping would cost, using the buyer's own figures where you can",
    "options_tradeoffs": "lay out two or three concrete options and say what each one gives up or costs",
    "proof_with_limits": "back a claim with evidence and say where it applies and where it may not",
    "mutual_plan": "propose next steps that each have an owner and a date",
    "stop_rule": "offer a stop rule or a no-penalty way back tied to a date or a measurable condition",
    "engage_stakeholders": "suggest bringing finance, security, IT or operations in early",
    "autonomy_language": "say plainly that the smaller option or saying no is a fair choice",
    "acknowledge_objection": "treat the buyer's concern as fair before you probe or reframe it",
    "confirm_consent": "check the buyer's explicit agreement and their reason, and offer to write it down",
    "step_up_trigger": "start with the smaller scope and name a dated or usage-based trigger for revisiting the bigger one",
}


class ScorecardError(ValueError):
    """A scorecard dict that does not match :meth:`Scorecard.to_dict`; names the field."""


# --------------------------------------------------------------------------------- transcript
@dataclass(frozen=True, slots=True)
class TranscriptTurn:
    """One turn of a conversation as the engine saw it (buyer line or rep reply)."""

    index: int
    speaker: Speaker
    node_id: str
    moment: str
    persona: str | None
    text: str
    findings: tuple[Finding, ...] = ()
    #: Rep turns: the index of the branch the reply took.
    branch: int | None = None
    #: Rep turns: how each buyer variable changed because of the reply.
    deltas: Mapping[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------------- results
@dataclass(frozen=True, slots=True)
class FindingNote:
    """A finding as a rep reads it on the scorecard."""

    criterion: str
    label: str
    polarity: str
    start: int
    end: int
    evidence: str
    explanation: str
    instead: str | None
    fits_moment: bool


@dataclass(frozen=True, slots=True)
class TurnReview:
    index: int
    moment: str
    text: str
    findings: tuple[FindingNote, ...]


@dataclass(frozen=True, slots=True)
class EthicsBreach:
    criterion: str
    label: str
    turn: int
    evidence: str


@dataclass(frozen=True, slots=True)
class ExitCheck:
    id: str
    label: str
    criterion: str
    passed: bool
    turn: int | None = None
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class OutcomeSummary:
    id: str
    label: str
    good: bool
    debrief: str


@dataclass(frozen=True, slots=True)
class ReviewAnswer:
    prompt: str
    answer: str


@dataclass(frozen=True, slots=True)
class ScoreBreakdown:
    earned: float
    achievable: float
    penalty: float
    bonus: float


@dataclass(frozen=True, slots=True)
class Scorecard:
    scenario: str
    scenario_version: str
    rubric_version: str
    score: int
    ethics_pass: bool
    ethics_breaches: tuple[EthicsBreach, ...]
    stage_exit_checks: tuple[ExitCheck, ...]
    outcome: OutcomeSummary
    call_review: tuple[ReviewAnswer, ...]
    tips: tuple[str, ...]
    turns: tuple[TurnReview, ...]
    breakdown: ScoreBreakdown

    @property
    def rep_turns(self) -> int:
        return len(self.turns)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (lists, strings, numbers, booleans, None only)."""
        return {
            "scenario": self.scenario,
            "scenario_version": self.scenario_version,
            "rubric_version": self.rubric_version,
            "score": self.score,
            "ethics_pass": self.ethics_pass,
            "ethics_breaches": [_plain(b) for b in self.ethics_breaches],
            "stage_exit_checks": [_plain(c) for c in self.stage_exit_checks],
            "outcome": _plain(self.outcome),
            "call_review": [_plain(a) for a in self.call_review],
            "tips": list(self.tips),
            "turns": [
                {
                    "index": t.index,
                    "moment": t.moment,
                    "text": t.text,
                    "findings": [_plain(f) for f in t.findings],
                }
                for t in self.turns
            ],
            "breakdown": _plain(self.breakdown),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Scorecard:
        """Rebuild from :meth:`to_dict`; raises :class:`ScorecardError` naming the bad field."""
        d = _obj(data, "scorecard")
        turns = []
        for i, raw in enumerate(_list(d, "turns")):
            t = _obj(raw, f"turns.{i}")
            turns.append(
                TurnReview(
                    index=_int(t, "index", f"turns.{i}"),
                    moment=_str(t, "moment", f"turns.{i}"),
                    text=_str(t, "text", f"turns.{i}"),
                    findings=tuple(
                        _build(FindingNote, f, f"turns.{i}.findings.{j}")
                        for j, f in enumerate(_list(t, "findings", f"turns.{i}"))
                    ),
                )
            )
        tips = _list(d, "tips")
        for i, tip in enumerate(tips):
            if not isinstance(tip, str):
                raise ScorecardError(f"tips.{i}: expected a string")
        return cls(
            scenario=_str(d, "scenario"),
            scenario_version=_str(d, "scenario_version"),
            rubric_version=_str(d, "rubric_version"),
            score=_int(d, "score"),
            ethics_pass=_bool(d, "ethics_pass"),
            ethics_breaches=tuple(
                _build(EthicsBreach, b, f"ethics_breaches.{i}")
                for i, b in enumerate(_list(d, "ethics_breaches"))
            ),
            stage_exit_checks=tuple(
                _build(ExitCheck, c, f"stage_exit_checks.{i}")
                for i, c in enumerate(_list(d, "stage_exit_checks"))
            ),
            outcome=_build(OutcomeSummary, d.get("outcome"), "outcome"),
            call_review=tuple(
                _build(ReviewAnswer, a, f"call_review.{i}")
                for i, a in enumerate(_list(d, "call_review"))
            ),
            tips=tuple(tips),
            turns=tuple(turns),
            breakdown=_build(ScoreBreakdown, d.get("breakdown"), "breakdown"),
        )


# --------------------------------------------------------------------------------- (de)serialising
def _plain(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "bool": (bool,),
    "str | None": (str, type(None)),
    "int | None": (int, type(None)),
}


def _build(cls: Any, raw: Any, where: str) -> Any:
    obj = _obj(raw, where)
    values: dict[str, Any] = {}
    for name, f in cls.__dataclass_fields__.items():
        if name not in obj:
            raise ScorecardError(f"{where}.{name}: missing")
        value = obj[name]
        allowed = _FIELD_TYPES[str(f.type)]
        bad_bool = isinstance(value, bool) and bool not in allowed
        if not isinstance(value, allowed) or bad_bool:
            raise ScorecardError(f"{where}.{name}: expected {f.type}, got {type(value).__name__}")
        values[name] = float(obj[name]) if str(f.type) == "float" else value
    return cls(**values)


def _obj(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ScorecardError(f"{where}: expected an object")
    return raw


def _list(d: dict[str, Any], key: str, where: str = "") -> list[Any]:
    value = d.get(key)
    if not isinstance(value, list):
        raise ScorecardError(f"{where + '.' if where else ''}{key}: expected a list")
    return value


def _str(d: dict[str, Any], key: str, where: str = "") -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise ScorecardError(f"{where + '.' if where else ''}{key}: expected a string")
    return value


def _int(d: dict[str, Any], key: str, where: str = "") -> int:
    value = d.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ScorecardError(f"{where + '.' if where else ''}{key}: expected an integer")
    return value


def _bool(d: dict[str, Any], key: str) -> bool:
    value = d.get(key)
    if not isinstance(value, bool):
        raise ScorecardError(f"{key}: expected true or false")
    return value


# --------------------------------------------------------------------------------- building
def quote(text: str, limit: int = _QUOTE_MAX) -> str:
    """``text`` in double quotes, shortened with an ellipsis when long."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"\u201c{text}\u201d"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def weight(rubric: Rubric, scenario: Scenario, criterion: str) -> float:
    """A criterion's weight with the scenario's fit multiplier applied."""
    mult = FIT_MULTIPLIERS.get(scenario.fit.right_scope, {}).get(criterion, 1.0)
    return rubric[criterion].weight * mult


def shortest_good_path(scenario: Scenario) -> int | None:
    """Rep turns on the shortest path from the start to an ending marked good (None if none)."""
    good = {eid for eid, e in scenario.endings.items() if e.good}
    if not good or scenario.start not in scenario.nodes:
        return None
    seen = {scenario.start}
    queue: deque[tuple[str, int]] = deque([(scenario.start, 0)])
    while queue:
        node_id, depth = queue.popleft()
        for br in scenario.nodes[node_id].branches:
            if br.goto in good:
                return depth + 1
            if br.goto in scenario.nodes and br.goto not in seen:
                seen.add(br.goto)
                queue.append((br.goto, depth + 1))
    return None


def achievable_points(scenario: Scenario, rubric: Rubric) -> float:
    """What a strong rep can earn in this scenario (see the module docstring)."""
    moments = set(scenario.moments())
    relevant = [c for c in DO_IDS if moments & set(rubric[c].moments)] or list(DO_IDS)
    length = shortest_good_path(scenario)
    if length is None:
        length = min(len(scenario.nodes), scenario.max_turns)
    length = min(length, scenario.max_turns)
    weights = sorted((weight(rubric, scenario, c) for c in relevant), reverse=True)
    total = sum(weights[: max(1, DO_IDS_PER_TURN * length)])
    return max(total, 1.0)


def _abandoned_summary(outcome: str) -> OutcomeSummary:
    return OutcomeSummary(
        id=outcome,
        label="Session ended early",
        good=False,
        debrief="The conversation stopped before the buyer reached a decision.",
    )


def build_scorecard(
    scenario: Scenario,
    transcript: Sequence[TranscriptTurn],
    *,
    outcome: str,
    ending: Ending | None,
    rubric: Rubric | None = None,
) -> Scorecard:
    """The scorecard of one session (see the module docstring for the formula)."""
    rubric = rubric or load_rubric()
    rep = [t for t in transcript if t.speaker == "rep"]

    # ---- per-turn notes
    reviews: list[TurnReview] = []
    for t in rep:
        notes = []
        for f in t.findings:
            crit = rubric.criteria.get(f.criterion)
            notes.append(
                FindingNote(
                    criterion=f.criterion,
                    label=crit.label if crit else f.criterion,
                    polarity=f.polarity,
                    start=f.start,
                    end=f.end,
                    evidence=f.evidence,
                    explanation=f.explanation or (crit.explanation if crit else ""),
                    instead=f.instead or (crit.instead if crit else None),
                    fits_moment=crit.fits(t.moment) if crit else False,
                )
            )
        reviews.append(
            TurnReview(index=t.index, moment=t.moment, text=t.text, findings=tuple(notes))
        )

    # ---- score
    best_do: dict[str, float] = {}
    penalty = 0.0
    for t in rep:
        for f in t.findings:
            if f.criterion not in rubric.criteria:
                continue
            w = weight(rubric, scenario, f.criterion)
            if f.polarity == "do":
                credit = w if rubric[f.criterion].fits(t.moment) else w / 2
                best_do[f.criterion] = max(best_do.get(f.criterion, 0.0), credit)
            else:
                penalty += w
    earned = sum(best_do.values())
    achievable = achievable_points(scenario, rubric)
    good_end = ending is not None and ending.good
    bonus = GOOD_ENDING_BONUS if good_end else 0.0
    raw = DO_SHARE * min(1.0, earned / achievable) + bonus - 100.0 * penalty / achievable
    score = max(0, min(100, round(raw)))

    # ---- ethics
    breaches = tuple(
        EthicsBreach(f.criterion, rubric[f.criterion].label, t.index, f.evidence)
        for t in rep
        for f in t.findings
        if f.criterion in ETHICS_IDS
    )

    # ---- stage exit checks
    checks = []
    for check in rubric.stage_exit_checks:
        hit = _first(rep, check.criterion)
        checks.append(
            ExitCheck(
                id=check.id,
                label=check.label,
                criterion=check.criterion,
                passed=hit is not None,
                turn=hit[0].index if hit else None,
                evidence=hit[1].evidence if hit else None,
            )
        )

    if ending is not None:
        summary = OutcomeSummary(outcome, ending.label, ending.good, ending.debrief)
    else:
        summary = _abandoned_summary(outcome)

    return Scorecard(
        scenario=scenario.id,
        scenario_version=scenario.version,
        rubric_version=rubric.version,
        score=score,
        ethics_pass=not breaches,
        ethics_breaches=breaches,
        stage_exit_checks=tuple(checks),
        outcome=summary,
        call_review=_call_review(scenario, transcript, rubric, summary),
        tips=_tips(scenario, transcript, rubric, breaches, checks),
        turns=tuple(reviews),
        breakdown=ScoreBreakdown(
            earned=round(earned, 2),
            achievable=round(achievable, 2),
            penalty=round(penalty, 2),
            bonus=bonus,
        ),
    )


def _first(rep: Sequence[TranscriptTurn], criterion: str) -> tuple[TranscriptTurn, Finding] | None:
    for t in rep:
        for f in t.findings:
            if f.criterion == criterion:
                return t, f
    return None


def _all(rep: Sequence[TranscriptTurn], criterion: str) -> list[tuple[TranscriptTurn, Finding]]:
    return [(t, f) for t in rep for f in t.findings if f.criterion == criterion]


def _evidence(hits: list[tuple[TranscriptTurn, Finding]], limit: int = 2) -> str:
    return "; ".join(f"turn {t.index}: {quote(f.evidence)}" for t, f in hits[:limit])


# --------------------------------------------------------------------------------- call review
def _call_review(
    scenario: Scenario,
    transcript: Sequence[TranscriptTurn],
    rubric: Rubric,
    summary: OutcomeSummary,
) -> tuple[ReviewAnswer, ...]:
    rep = [t for t in transcript if t.speaker == "rep"]
    buyer = [t for t in transcript if t.speaker == "buyer"]
    revealed = [
        t
        for t in buyer
        if t.node_id in scenario.nodes and scenario.nodes[t.node_id].reveals_outcomes
    ]
    answers: list[str] = []

    # 1. outcome in the buyer's words
    ties = _all(rep, "tie_to_outcome")
    if revealed:
        words = "; ".join(quote(o) for o in scenario.context.outcomes)
        a1 = f"The buyer stated (turn {revealed[0].index}): {words}."
    else:
        a1 = "The buyer's outcome never came out in this conversation."
    if ties:
        a1 += f" The rep tied the recommendation to it at {_evidence(ties)}."
    else:
        a1 += " The rep never tied an option to the buyer's outcome."
    if summary.good:
        a1 += f" It ended with: {summary.label}."
    answers.append(a1)

    # 2. quantified risk
    hits = _all(rep, "quantify_risk")
    answers.append(
        f"Quantified at {_evidence(hits)}." if hits else "No risk of under-scoping was quantified."
    )

    # 3. options with trade-offs
    hits = _all(rep, "options_tradeoffs")
    answers.append(
        f"Options with trade-offs at {_evidence(hits)}."
        if hits
        else "No options with trade-offs were presented."
    )

    # 4. proof and its limits
    hits = _all(rep, "proof_with_limits")
    over = _all(rep, "overclaiming")
    a4 = (
        f"Proof with limits at {_evidence(hits)}."
        if hits
        else "No proof with its limits was offered."
    )
    if over:
        a4 += f" Over-claims to correct: {_evidence(over)}."
    answers.append(a4)

    # 5. stop rule
    hits = _all(rep, "stop_rule")
    answers.append(f"Stop rule at {_evidence(hits)}." if hits else "No stop rule was offered.")

    # 6. owners and dates
    hits = _all(rep, "mutual_plan")
    answers.append(
        f"Mutual plan at {_evidence(hits)}."
        if hits
        else "No mutual plan with owners and dates was proposed."
    )

    # 7. signals to delay
    signals: list[str] = []
    fit = scenario.fit
    if fit.right_scope != "upsell":
        scope = {
            "base": "the base option is the right fit",
            "pilot": "a pilot with a stop rule is the right first step",
            "value_first": "value should be realised before any expansion",
        }[fit.right_scope]
        signals.append(f"Fit: {scope}. {_sentence(fit.explanation)}")
    for c in scenario.context.constraints:
        label = c.kind.replace("_", " ").capitalize()
        signals.append(f"{label}: {_sentence(c.text)}")
    for t in rep:
        drops = [f"{k} fell by {-v}" for k, v in sorted(t.deltas.items()) if v < 0]
        if drops:
            signals.append(f"After turn {t.index} {' and '.join(drops)}.")
    objections = [t for t in buyer if t.moment == "objection" and t.node_id in scenario.nodes]
    if objections:
        n = len(objections)
        signals.append(f"The buyer objected {n} time{'s' if n != 1 else ''}.")
    answers.append(
        " ".join(signals)
        if signals
        else "No signal to delay showed up: no constraint, trust drop or objection."
    )

    # 8. pushback and handling
    if objections:
        said = "; ".join(f"turn {t.index}: {quote(t.text, 100)}" for t in objections[:2])
        ack = _all(rep, "acknowledge_objection")
        dismiss = _all(rep, "dismiss_concern")
        a8 = f"The buyer pushed back at {said}."
        a8 += (
            f" The rep acknowledged it at {_evidence(ack)}."
            if ack
            else " The rep never acknowledged the concern as fair."
        )
        if dismiss:
            a8 += f" Concerns were brushed off at {_evidence(dismiss)}."
    else:
        a8 = "The buyer raised no objection in this conversation."
        dismiss = _all(rep, "dismiss_concern")
        if dismiss:
            a8 += f" Still, concerns were brushed off at {_evidence(dismiss)}."
    answers.append(a8)

    prompts = rubric.call_review_prompts
    return tuple(ReviewAnswer(prompt=p, answer=a) for p, a in zip(prompts, answers, strict=False))


# --------------------------------------------------------------------------------- tips
def _tips(
    scenario: Scenario,
    transcript: Sequence[TranscriptTurn],
    rubric: Rubric,
    breaches: Sequence[EthicsBreach],
    checks: Sequence[ExitCheck],
) -> tuple[str, ...]:
    rep = [t for t in transcript if t.speaker == "rep"]
    tips: list[str] = []
    used: set[str] = set()

    def add(criterion: str, text: str) -> None:
        if criterion not in used:
            used.add(criterion)
            tips.append(text)

    for b in breaches:
        crit = rubric[b.criterion]
        add(
            b.criterion,
            f"Turn {b.turn}: {quote(b.evidence)} is {crit.label.lower()}. {crit.instead}",
        )
    for check in checks:
        if not check.passed:
            add(check.criterion, f"{check.label} was missing: {DO_HINTS[check.criterion]}.")
    avoid = sorted(
        (
            (t, f)
            for t in rep
            for f in t.findings
            if f.polarity == "avoid" and f.criterion in rubric.criteria
        ),
        key=lambda tf: (-weight(rubric, scenario, tf[1].criterion), tf[0].index),
    )
    for t, f in avoid:
        crit = rubric[f.criterion]
        add(
            f.criterion,
            f"Turn {t.index}: {quote(f.evidence)} reads as {crit.label.lower()}. {crit.instead}",
        )
    played = {t.moment for t in rep}
    shown_fitting = {
        f.criterion
        for t in rep
        for f in t.findings
        if f.polarity == "do" and rubric[f.criterion].fits(t.moment)
    }
    missing = sorted(
        (c for c in DO_IDS if c not in shown_fitting and played & set(rubric[c].moments)),
        key=lambda c: (-weight(rubric, scenario, c), DO_IDS.index(c)),
    )
    for c in missing:
        add(c, f"{rubric[c].label} did not come up where it fits: {DO_HINTS[c]}.")
    if len(tips) < 3:
        for t in rep:
            for f in t.findings:
                if f.polarity == "do" and len(tips) < 3:
                    add(
                        f.criterion,
                        f"Keep it up: turn {t.index}, {quote(f.evidence)}, showed {rubric[f.criterion].label.lower()}.",
                    )
    return tuple(tips[:3])
