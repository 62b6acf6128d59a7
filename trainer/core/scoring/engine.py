"""score_reply: every rule over one reply, at most one finding per criterion, sorted by span."""

from __future__ import annotations

import hashlib
import logging
import math
import re

from trainer.core.findings import Finding, ScoreContext
from trainer.core.rubric import AVOID_IDS, CRITERION_IDS, load_rubric
from trainer.core.scoring import features
from trainer.core.scoring import lexicon as lx
from trainer.core.scoring.cues import CueModel, load_cue_model
from trainer.core.scoring.detectors import DETECTORS, PROPOSING_RE, Hit
from trainer.core.scoring.lexicon import PhraseRule
from trainer.core.scoring.patterns import Lexicon, cue_patterns
from trainer.core.scoring.text import Normalised

log = logging.getLogger(__name__)


def _rule(
    name: str,
    criterion: str,
    lex: Lexicon,
    explanation: str,
    instead: str | None = None,
    *,
    negatable: bool = True,
    companion: Lexicon | None = None,
    requires: frozenset[str] | None = None,
    negation_window: int = 4,
) -> PhraseRule:
    return PhraseRule(
        name, criterion, lex, explanation, instead, negatable, companion, False, requires, negation_window
    )


#: Phrase rules in priority order (the first that fires gives a criterion its evidence).
PHRASE_RULES: tuple[PhraseRule, ...] = (
    _rule(
        "pressure.deadline", "pressure_tactics", lx.PRESSURE_DEADLINE,
        "A deadline the buyer did not set pushes them to decide before they are ready.",
        "Drop the deadline; offer a dated review the buyer controls.",
    ),
    _rule(
        "pressure.scarcity", "pressure_tactics", lx.PRESSURE_SCARCITY,
        "Claiming slots or stock are running out rushes the buyer instead of informing them.",
        "Leave scarcity out; say what each option gives and let them pick a date to decide.",
    ),
    _rule(
        "pressure.bandwagon", "pressure_tactics", lx.PRESSURE_BANDWAGON,
        "Saying everyone else already moved leans on the crowd, not on the buyer's own goals.",
        "Share specific, comparable evidence with its limits instead of what 'everyone' did.",
    ),
    _rule(
        "overclaiming.absolute_promise", "overclaiming", lx.OVERCLAIM_GUARANTEE,
        "An absolute promise (guaranteed, never fails, 100%) is more than any honest proof supports.",
        "Say what was measured, for whom, and its limits, e.g. 'most teams we measured saw fewer outages'.",
    ),
    _rule(
        "overclaiming.absolute_promise", "overclaiming", lx.OVERCLAIM_SLOTS,
        "An absolute promise (always, every time, nothing slips through) is more than any honest proof supports.",
        "Say what was measured, for whom, and its limits, e.g. 'most teams we measured saw fewer outages'.",
    ),
    _rule(
        "confirmshaming.guilt", "confirmshaming", lx.CONFIRMSHAME,
        "Making the smaller choice sound careless or shameful guilt-trips the buyer into spending.",
        "Say the smaller option is a legitimate choice and what it covers.",
        negation_window=1,
    ),
    _rule(
        "hidden_terms.undisclosed", "hidden_terms", lx.HIDDEN_TERMS_STRONG,
        "Keeping a renewal, fee or clause quiet takes away the buyer's informed choice.",
        "Name the term plainly and show how to leave, e.g. 'it renews yearly; here is the clause and how to cancel'.",
    ),
    _rule(
        "hidden_terms.downplayed", "hidden_terms", lx.HIDDEN_DOWNPLAY,
        "Brushing past a renewal, fee or cancellation rule hides a term the buyer needs to weigh.",
        "Walk through the term in plain words: what renews, what it costs, how to cancel.",
        companion=lx.CONTRACT_TERMS,
    ),
    _rule(
        "dismiss.brush_off", "dismiss_concern", lx.DISMISS,
        "Waving the concern away tells the buyer their worry does not count.",
        "Name the concern as fair and check it, e.g. 'compliance matters; let's review it with your team'.",
    ),
    _rule(
        "idiom.unexplained", "unexplained_idiom", lx.IDIOMS,
        "An idiom or bit of jargon can lose or exclude a buyer who does not share it.",
        "Say it plainly, e.g. 'this fits your need well' instead of 'this is a home run'.",
        negatable=False,
    ),
    _rule(
        "autonomy.free_to_choose", "autonomy_language", lx.AUTONOMY,
        "You made it clear the buyer can choose the smaller option or say no.",
        negatable=False,
    ),
    _rule(
        "autonomy.free_to_choose", "autonomy_language", lx.AUTONOMY_SLOTS,
        "You made it clear the buyer can choose the smaller option, wait, or say no.",
        negatable=False,
    ),
    _rule(
        "acknowledge.fair_concern", "acknowledge_objection", lx.ACKNOWLEDGE,
        "You treated the buyer's concern as legitimate before answering it.",
    ),
    _rule(
        "acknowledge.fair_concern", "acknowledge_objection", lx.ACKNOWLEDGE_SLOTS,
        "You treated the buyer's concern as legitimate before answering it.",
    ),
    _rule(
        "stakeholders.bring_in_early", "engage_stakeholders", lx.ENGAGE,
        "You offered to bring the people who will sign off or be affected in early.",
        requires=lx.STAKEHOLDER_WORDS,
    ),
    _rule(
        "stakeholders.who_else", "engage_stakeholders", lx.ENGAGE_OTHERS,
        "You asked who else should be involved before the decision.",
    ),
    _rule(
        "pressure.crowd_or_clock", "pressure_tactics", lx.PRESSURE_SLOTS,
        "A crowd of peers or a short clock is used to push the decision, not the buyer's own goals.",
        "Give the facts and dates plainly and let the buyer set when they decide.",
    ),
    _rule(
        "confirmshaming.judgement", "confirmshaming", lx.CONFIRMSHAME_SLOTS,
        "Judging the buyer, or their care for their people, for choosing less is a guilt trip.",
        "Say the smaller option is a legitimate choice and what it covers.",
        negatable=False,
    ),
    _rule(
        "hidden_terms.kept_quiet", "hidden_terms", lx.HIDDEN_SLOTS,
        "Steering the buyer away from reading or sharing a contract term hides what they are agreeing to.",
        "Put the term in writing and walk through it: what renews, what it costs, how to leave.",
        negatable=False,
        companion=lx.CONTRACT_TERMS,
    ),
    _rule(
        "dismiss.waved_away", "dismiss_concern", lx.DISMISS_SLOTS,
        "Telling the buyer their concern does not matter brushes it off instead of answering it.",
        "Name the concern as fair and check it, e.g. 'compliance matters; let's review it with your team'.",
    ),
    _rule(
        "proof.with_limits", "proof_with_limits", lx.PROOF,
        "You gave evidence and said where it applies and where it may not.",
        negatable=False,
        companion=lx.PROOF_LIMIT,
    ),
)

#: Explanations (and advice, for Avoid rules) of the rules that are small parsers.
DETECTOR_TEXT: dict[str, tuple[str, str, str | None]] = {
    "discovery.open_question": (
        "discovery_question",
        "You asked an open question about growth, risk, impact, success or who else is affected.",
        None,
    ),
    "tie.explicit_reference": (
        "tie_to_outcome",
        "You linked the option to what the buyer said they want.",
        None,
    ),
    "tie.buyer_words": (
        "tie_to_outcome",
        "You used the buyer's own words for their outcome when proposing the option.",
        None,
    ),
    "quantify.number_with_cost": (
        "quantify_risk",
        "You put a number and a unit on what under-scoping would cost.",
        None,
    ),
    "options.with_tradeoffs": (
        "options_tradeoffs",
        "You laid out more than one option and what each gives up or costs.",
        None,
    ),
    "plan.owners_and_dates": (
        "mutual_plan",
        "You proposed next steps with who does what and by when.",
        None,
    ),
    "stop.explicit_exit": (
        "stop_rule",
        "You offered a no-penalty exit or rollback the buyer can rely on.",
        None,
    ),
    "stop.conditional_exit": (
        "stop_rule",
        "You tied a way back out to a condition, so the buyer is not stuck if it does not work.",
        None,
    ),
    "stepup.start_small_with_trigger": (
        "step_up_trigger",
        "You proposed starting smaller and named the trigger for stepping up later.",
        None,
    ),
    "premature.before_outcome": (
        "premature_upsell",
        "Pitching the bigger tier before hearing the buyer's outcome puts your sale ahead of their need.",
        "Ask what outcome they need first; recommend a tier only once they have said it in their words.",
    ),
    "premature.early_moment": (
        "premature_upsell",
        "It is too early in the conversation to push a bigger tier: the buyer's outcome is not known yet.",
        "Ask what outcome they need first; recommend a tier only once they have said it in their words.",
    ),
    "premature.outcome_unknown": (
        "premature_upsell",
        "The buyer has not stated an outcome yet, so a bigger tier has nothing to be tied to.",
        "Confirm the outcome in the buyer's words before recommending a tier.",
    ),
    "confirmshaming.choice_in_bad_light": (
        "confirmshaming",
        "Casting the buyer in a bad light for choosing less or declining is a guilt trip.",
        "Say the smaller option is a legitimate choice and what it covers.",
    ),
    "confirmshaming.harm_to_their_people": (
        "confirmshaming",
        "Setting the smaller choice next to harm to the buyer's own people makes declining feel like neglect.",
        "Say the smaller option is a legitimate choice and what it covers; describe risks as facts, not blame.",
    ),
    "consent.confirm_and_record": (
        "confirm_consent",
        "You checked the buyer's choice and reason and offered to record them.",
        None,
    ),
    "stakeholders.role_and_involvement": (
        "engage_stakeholders",
        "You proposed involving the people who will review, fund or run it (finance, legal, security, IT, operations).",
        None,
    ),
    "stakeholders.named_people": (
        "engage_stakeholders",
        "You proposed bringing the buyer's named colleagues in before the decision.",
        None,
    ),
    "hidden_terms.kept_out_of_view": (
        "hidden_terms",
        "Keeping a fee, renewal or clause out of view takes away the buyer's informed choice.",
        "Name the term plainly and show how to leave, e.g. 'it renews yearly; here is the clause and how to cancel'.",
    ),
    "pressure.offer_on_a_clock": (
        "pressure_tactics",
        "Tying the offer to a short clock with something to lose pushes the buyer to decide before they are ready.",
        "Give the date as a fact and leave room to decide, e.g. 'prices change on 1 July; I'm telling you early so you can plan'.",
    ),
    "pressure.crowd_already_moved": (
        "pressure_tactics",
        "Saying everyone like them already moved leans on the crowd, not on the buyer's own goals.",
        "Share specific, comparable evidence with its limits instead of what 'everyone' did.",
    ),
    "proof.evidence_and_limits": (
        "proof_with_limits",
        "You gave evidence and said where it applies and where it may not.",
        None,
    ),
    "stakeholders.bring_in_it": (
        "engage_stakeholders",
        "You offered to bring the IT team in early.",
        None,
    ),
}


def _rules_fingerprint() -> str:
    h = hashlib.sha256()
    for r in PHRASE_RULES:
        h.update(r.name.encode())
        h.update(r.lex.pattern.pattern.encode())
        if r.companion is not None:
            h.update(r.companion.pattern.pattern.encode())
    for name, (crit, expl, inst) in sorted(DETECTOR_TEXT.items()):
        h.update(f"{name}|{crit}|{expl}|{inst}".encode())
    return h.hexdigest()[:16]


#: Changes whenever a rule's phrases or wording change (stored beside rubric_version if useful).
RULES_FINGERPRINT: str = _rules_fingerprint()
#: What the cue weights were fitted against: the rules and the cue classes. A shipped weight table
#: with another fingerprint is stale and must be refitted (``scripts/train_scorer.py``).
CUE_INPUTS_FINGERPRINT: str = hashlib.sha256(f"{RULES_FINGERPRINT}|{features.FEATURES_FINGERPRINT}".encode()).hexdigest()[:16]


#: The rep's own next step ("I'll send the order form today") carries a date, not a push.
_OWN_STEP_RE = re.compile(
    r"\b(?:i'll|i will|i'm|i am|i|we'll|we will|we're|we)\s+(?:\w+\s+){0,2}?(?:send|sending|email|emailing|get|post|drop|share|sharing|draft|prepare|book|set|call|ring)\b[^.;!?]*$"
    r"|\b(?:wary|careful|right to worry|right to ask|fair to ask)\s+(?:of|about)\b[^.;!?]*$"
)
#: A sentence holding these is a plan with owners, so "you sign today" is a step, not a push.
_PLAN_STEP_RE = re.compile(r",\s*(?:and\s+)?(?:[a-z]+|i|we)\s+(?:sets?|runs?|sends?|books?|checks?|does|starts?|joins?)\b[^.;!?]*\b(?:on|by)\s+the\s+\d")


_CONSENT_CHECK_RE = re.compile(r"\b(?:to confirm|just to confirm|to recap|so you're choosing|you're choosing|shall i note|shall i record)\b")
_AGREE_THAT_RE = re.compile(r"\b(?:let's|let us|we can|can we)\s+agree\s+(?:now\s+)?that\b")


def _own_step(doc: Normalised, start: int) -> bool:
    s = doc.sentence_at(start)
    if _OWN_STEP_RE.search(doc.text, s.start, start + 1) is not None:
        return True
    if _AGREE_THAT_RE.search(doc.text, s.start, s.end) is not None:
        return True
    if _CONSENT_CHECK_RE.search(doc.text, s.start, s.end) is not None:
        return True  # "to confirm, you're choosing Team now" records a choice; it does not rush one
    return _PLAN_STEP_RE.search(doc.text, start, s.end) is not None


def _phrase_hit(rule: PhraseRule, doc: Normalised, negated: set[str] | None = None) -> Hit | None:
    if not doc.can_match(rule.lex):
        return None
    if rule.requires is not None and rule.requires.isdisjoint(doc.tokens):
        return None
    if rule.companion is not None and not doc.can_match(rule.companion):
        return None
    for m in rule.lex.finditer(doc):
        if m.end() <= m.start():
            continue
        if rule.negatable and doc.negated(m.start(), rule.negation_window):
            if negated is not None:
                negated.add(rule.criterion)  # "I won't rush you": a trigger the rep negated
            continue
        if rule.criterion == "pressure_tactics" and _own_step(doc, m.start()):
            continue
        if rule.criterion == "acknowledge_objection" and doc.text[max(0, m.start() - 10) : m.start()].endswith(
            ("until i ", "before i ", "once i ", "until we ", "once we ")
        ):
            continue  # "until I understand your process" is timing, not acknowledgement
        if rule.criterion == "proof_with_limits":
            s = doc.sentence_at(m.start())
            if PROPOSING_RE.search(doc.text, s.start, m.end()):
                continue  # a pilot or option being proposed is not evidence yet
        if rule.companion is None:
            return Hit(rule.criterion, m.start(), m.end(), rule.name)
        s = doc.neighbourhood(m.start())
        c = rule.companion.search(doc, s.start, s.end)
        if c is None:
            continue
        return Hit(rule.criterion, min(m.start(), c.start()), max(m.end(), c.end()), rule.name)
    return None


_IDIOM_EXPLAINED_WINDOW = 60


def _idiom_explained(doc: Normalised, hit: Hit) -> bool:
    after = doc.text[hit.end : hit.end + _IDIOM_EXPLAINED_WINDOW]
    if after.lstrip().startswith(("(", ":", '"')):
        return True
    return lx.IDIOM_EXPLAINED.pattern.search(after) is not None


def _collect(doc: Normalised, context: ScoreContext | None, negated: set[str] | None = None) -> dict[str, Hit]:
    best: dict[str, Hit] = {}
    for rule in PHRASE_RULES:
        if rule.criterion in best:
            continue
        hit = _phrase_hit(rule, doc, negated)
        if hit is None:
            continue
        if rule.criterion == "unexplained_idiom" and _idiom_explained(doc, hit):
            continue
        best[rule.criterion] = hit
    for criterion, detect in DETECTORS:
        if criterion in best:
            continue
        hit = detect(doc, context)
        if hit is not None and hit.end > hit.start:
            best[criterion] = hit
    return _resolve(doc, best)


_CALM_RE = re.compile(
    r"\b(?:so (?:that )?you can (?:budget|plan|prepare)|not so (?:that )?you (?:rush|hurry)|no rush|take your time|no deadline|"
    r"not (?:trying|here) to rush|don't want to rush|won't rush)\b"
)
#: Saying why a date is mentioned ("so you can budget, not so you rush") scopes over the next clause too.
_WHY_TOLD_RE = re.compile(r"\b(?:so (?:that )?you can (?:budget|plan|prepare)|not so (?:that )?you (?:rush|hurry))\b")
_UNDERCUT_RE = re.compile(r"\b(?:as long as|so long as|provided|providing|only if|but it says|but (?:you'd|you would) be|but honestly)\b")
_RAISED_RE = re.compile(r"\b(?:you (?:mentioned|asked|raised|flagged)|your (?:lawyer|legal team|counsel|accountant|cfo) (?:flagged|raised|asked|mentioned))\b")

_PUSHY_RE = re.compile(
    r"\b(?:obviously|clearly|of course you'll|the right choice is|the only sensible|you'll want|you will want|i suppose|i guess)\b"
)


def _resolve(doc: Normalised, best: dict[str, Hit]) -> dict[str, Hit]:
    """Drop Do findings that the rest of the reply takes back.

    "I understand, but that concern isn't relevant" acknowledges nothing; "it's your decision"
    next to a guilt trip or a deadline is not a real choice.
    """
    if "hidden_terms" in best and "dismiss_concern" in best:
        h, d = best["hidden_terms"], best["dismiss_concern"]
        hn = doc.neighbourhood(h.start)
        # waving a term past the buyer is hiding it; it is also a brush-off when they raised it
        raised = "?" in doc.text[: d.start] or _RAISED_RE.search(doc.text) is not None
        if hn.start <= d.start < hn.end and not raised:
            del best["dismiss_concern"]
    if (
        "premature_upsell" in best
        and "hidden_terms" in best
        and doc.text[best["hidden_terms"].start : best["hidden_terms"].end].startswith("skip straight")
    ):
        del best["hidden_terms"]  # "skip straight to the Ultimate licence" skips discovery, not a term
    if "premature_upsell" in best and "dismiss_concern" in best:
        d = best["dismiss_concern"]
        if doc.text[d.start : d.end].startswith(("forget", "don't bother", "dont bother", "do not bother", "don't need to know")):
            del best["dismiss_concern"]  # "forget the free tier" waves off a plan, not a concern
    if "pressure_tactics" in best:
        w = doc.sentence_at(best["pressure_tactics"].start)
        n = doc.neighbourhood(best["pressure_tactics"].start)
        if _CALM_RE.search(doc.text, w.start, w.end) or _WHY_TOLD_RE.search(doc.text, n.start, n.end):
            del best["pressure_tactics"]  # "telling you early so you can budget, not so you rush" scopes over the date
    if "autonomy_language" in best:
        a = best["autonomy_language"]
        s = doc.sentence_at(a.start)
        evidence = doc.text[a.start : a.end]
        after = doc.text[a.end : s.end]
        if _UNDERCUT_RE.search(doc.text, a.end, s.end):
            del best["autonomy_language"]  # "the choice is yours, as long as you renew by Friday"
        elif evidence.endswith("ready") and lx.UPSELL_TARGET.search(doc, s.start, s.end) is not None:
            del best["autonomy_language"]  # "there's a Pro tier when you're ready" is an upsell, not a free choice
        elif "stop_rule" in best and re.match(r"\s*(?:if|should|unless)\b", after):
            del best["autonomy_language"]  # "you can walk away if we miss go-live" is the stop rule
        elif evidence.endswith("respect that") and re.match(r"\s+(?:the|your|their|you|it's|its)\b", after):
            del best["autonomy_language"]  # "I respect that the board is wary" acknowledges a concern
    if "acknowledge_objection" in best and "dismiss_concern" in best:
        del best["acknowledge_objection"]
    if "tie_to_outcome" in best and "premature_upsell" in best:
        del best["tie_to_outcome"]  # pushing a tier before the outcome is known ties to nothing
    if "autonomy_language" in best:
        start = best["autonomy_language"].start
        if doc.text[max(0, start - 8) : start].endswith(("before ", "until ", "once ", "when ", "after ")):
            del best["autonomy_language"]  # "before you decide" is timing, not freedom
    if "autonomy_language" in best:
        hit = best["autonomy_language"]
        s = doc.sentence_at(hit.start)
        if "confirmshaming" in best or _PUSHY_RE.search(doc.text, s.start, s.end):
            del best["autonomy_language"]
        elif "pressure_tactics" in best and not doc.negated(best["pressure_tactics"].start):
            p = best["pressure_tactics"]
            if p.start < hit.start or not (hit.start <= p.start < hit.end):
                del best["autonomy_language"]
    return best


def _texts(rule_name: str) -> tuple[str, str | None]:
    if rule_name in DETECTOR_TEXT:
        return DETECTOR_TEXT[rule_name][1:]
    for r in PHRASE_RULES:
        if r.name == rule_name:
            return r.explanation, r.instead
    raise KeyError(rule_name)


def rule_hits(doc: Normalised, context: ScoreContext | None, negated: set[str] | None = None) -> dict[str, Hit]:
    """What the phrase rules and small parsers found, at most one hit per criterion.

    When ``negated`` is given, it collects the criteria whose trigger phrase occurred negated.
    """
    return _collect(doc, context, negated)


def cues_of(
    doc: Normalised, context: ScoreContext | None, hits: dict[str, Hit], negated: set[str] | None = None
) -> features.Spans:
    """The cue features the weighted cue model reads (see :mod:`trainer.core.scoring.features`)."""
    return features.extract(doc, context, {c: (h.rule, h.start, h.end) for c, h in hits.items()}, negated or ())


def _cue_hit(model: CueModel, criterion: str, doc: Normalised, cues: features.Spans) -> Hit | None:
    """Evidence for a criterion the cue model found without a rule, or None when the finding is
    not reported: :func:`features.finding_cues` bars it, or no word of the reply points to it.

    The evidence is the strongest cue of the criterion's own kind (else the strongest quotable
    cue), widened to the other strong cues of its sentence. An Avoid finding reported although its
    own words are negated (:func:`_sure_despite_negation`) quotes the clause of those words.
    """
    own = features.finding_cues(criterion, cues)
    through_negator = own is None
    if own is None:
        if not _sure_despite_negation(model, criterion, cues):
            return None
        own = features.gate_cues(criterion, cues, "nk:")  # empty when a rule's trigger was negated
    strongest = model.strongest(criterion, cues)
    if own:
        weights = model.criteria[criterion].weights
        anchor = max(own, key=lambda cue: (weights.get(cue, 0.0), -cues[cue][0]))
        if through_negator:  # the clause of the threat's own words: "if it's not signed by Thursday"
            return Hit(criterion, *doc.clause_around(*cues[anchor]), f"cues.{criterion}")
    elif strongest:
        anchor = strongest[0][0]  # then quoted with its clause: a word pair alone reads oddly
    else:
        return None  # only the moment or the buyer's outcomes point to it: nothing to quote
    start, end = cues[anchor]
    sentence = doc.sentence_at(start)
    for cue, _weight in strongest:
        s, e = cues[cue]
        if sentence.start <= s and e <= sentence.end:
            start, end = min(start, s), max(end, e)
    if not own or _too_short(doc, start, end):
        start, end = doc.clause_around(start, end)
    if _too_short(doc, start, end):
        start, end = doc.sentence_around(start, end)  # "of course" alone explains nothing; its sentence does
    return Hit(criterion, start, end, f"cues.{criterion}")


def _too_short(doc: Normalised, start: int, end: int) -> bool:
    return len(_EVIDENCE_WORD_RE.findall(doc.text, start, end)) < _EVIDENCE_MIN_WORDS


#: How sure the cue weights must be of an Avoid criterion to report it although its own words
#: all follow a negator. The negator bar keeps "I won't pressure you with a deadline" from reading
#: as pressure, but a condition negates too: "if it isn't signed by Thursday we lose the engineer"
#: and "if you don't decide today, maybe you're not the decision-maker" are threats. The weights
#: see the negated words as cues of their own, so a score this high despite them is the threat.
#: On writers the weights never saw (``scripts/train_scorer.py --estimate``) the replies above
#: this bar were almost all labelled as the behaviour.
NEGATION_OVERRIDE_PROBABILITY = 0.85
_NEGATION_OVERRIDE_SCORE = math.log(NEGATION_OVERRIDE_PROBABILITY / (1 - NEGATION_OVERRIDE_PROBABILITY))


def _sure_despite_negation(model: CueModel, criterion: str, cues: features.Spans) -> bool:
    """Whether a cue-only Avoid finding the negator bar stops is still reported (see above).
    Criteria that must quote their own kind of word stay barred."""
    if criterion not in AVOID_IDS or criterion in features.OWN_KIND_REQUIRED:
        return False
    return model.score(criterion, cues) >= _NEGATION_OVERRIDE_SCORE


#: Evidence of fewer words than this is widened to its clause: "Growth" alone explains nothing,
#: "I'd go with Growth now" does.
_EVIDENCE_MIN_WORDS = 3
_EVIDENCE_WORD_RE = re.compile(r"[a-z0-9£$€%]+(?:'[a-z]+)?")  # "won't" is one word


#: (criterion, criteria that undo it): "your call" beside a guilt trip or a deadline is no real
#: choice, "I hear you" before a brush-off acknowledges nothing, and a tier pushed before the
#: outcome is known ties to nothing.
UNDONE_BY: tuple[tuple[str, frozenset[str]], ...] = (
    ("autonomy_language", frozenset({"pressure_tactics", "confirmshaming"})),
    ("acknowledge_objection", frozenset({"dismiss_concern"})),
    ("tie_to_outcome", frozenset({"premature_upsell"})),
)


#: How much more strongly (log-odds over each threshold) the cue table must read a Do criterion
#: than an Avoid criterion that undoes it (:data:`UNDONE_BY`) for the Avoid finding, when it rests
#: on cues alone, to give way. Writers never label these pairs together (none of 1,205 replies
#: that leave the buyer free to choose also pressure or shame them, none of 1,096
#: acknowledgements is a brush-off), yet the same words can point both ways: "saying no to the
#: bigger tier is a choice I'll respect" shares its words with "only teams that don't care stay
#: small". Large, because a missed push costs the buyer more than a missed "your call" costs the
#: rep: on writers the table never saw (``scripts/train_scorer.py --estimate``) this drops 52
#: false Avoid findings and 7 true ones, and finds 49 more true Do ones.
CONTRARY_MARGIN = 2.0


def settle(found: set[str]) -> set[str]:
    """``found`` without the Do criteria that an Avoid criterion found beside them undoes."""
    return {c for c in found if not any(c == d and not undo.isdisjoint(found) for d, undo in UNDONE_BY)}


def sentence_cues(doc: Normalised, context: ScoreContext | None, hit: Hit) -> features.Spans:
    """The cues of the sentence holding ``hit`` alone (with the hit), for judging it on its own words."""
    sentence = doc.sentence_at(hit.start)
    part = Normalised(doc.text[sentence.start : sentence.end])
    local = {hit.criterion: (hit.rule, hit.start - sentence.start, hit.end - sentence.start)}
    return features.extract(part, context, local)


#: Longer texts are judged by the rules alone (see :func:`decide`).
CUE_MODEL_MAX_CHARS = 5_000


def decide(doc: Normalised, context: ScoreContext | None, model: CueModel | None = None) -> dict[str, Hit]:
    """The criteria the reply shows, each with its evidence.

    The rules read exact shapes; the cue model weighs every cue, the rules' hits included (a rule
    hit is its strongest cue). A Do rule hit the rest of the reply outweighs is dropped. An Avoid
    rule hit is judged on the whole reply and on its own sentence, and stands if either reads as
    the behaviour: an apology or a fair question elsewhere never excuses "the offer ends tonight",
    while "nobody is asking you to commit today" is no deadline. A criterion the cues carry
    without any rule is reported with its strongest cue words as evidence.

    A text longer than :data:`CUE_MODEL_MAX_CHARS` (a pasted document, not a reply) is judged by
    the rules alone: the cue weights were fitted on replies of a few sentences.
    """
    negated: set[str] = set()
    hits = _collect(doc, context, negated)
    if len(doc.text) > CUE_MODEL_MAX_CHARS:
        return hits
    model = model or load_cue_model()
    cues = cues_of(doc, context, hits, negated)
    found: dict[str, Hit] = {}
    above = model.above(cues)
    for criterion in CRITERION_IDS:
        if criterion not in above:
            hit = hits.get(criterion)
            if hit is None or criterion not in AVOID_IDS:
                continue
            if criterion not in model.above(sentence_cues(doc, context, hit)):
                continue  # the rule's own sentence does not read as pressure, shame or hiding either
        hit = hits.get(criterion)
        if hit is None:
            hit = _cue_hit(model, criterion, doc, cues)
        if hit is not None and hit.end > hit.start:
            found[criterion] = hit
    hidden = found.get("hidden_terms")
    if (
        hidden is not None
        and hidden.rule.startswith("cues.")
        and "dismiss_concern" in found
        and not features.gate_cues("hidden_terms", cues)
    ):
        del found["hidden_terms"]  # "don't worry about security, we'll sort it later" names no term: the brush-off
    for do, undo in UNDONE_BY:  # before settle(): a cue-only Avoid finding may give way instead
        if do not in found:
            continue
        for avoid in undo.intersection(found):
            if found[avoid].rule.startswith("cues.") and model.margin(do, cues) > model.margin(avoid, cues) + CONTRARY_MARGIN:
                del found[avoid]  # "saying no to the bigger tier is a choice I'll respect" is no guilt trip
    kept = settle(set(found))
    return {c: h for c, h in found.items() if c in kept}


def _cue_explanation(criterion: str, evidence: str) -> str:
    rubric = load_rubric()
    return f"{rubric[criterion].explanation} These words point to it: \u201c{evidence.strip()}\u201d."


def score_reply(text: str, context: ScoreContext | None = None) -> list[Finding]:
    """The rubric findings of one reply, sorted by (start, end, criterion).

    Deterministic and pure: the same text and context always give the same findings.
    ``text[f.start:f.end] == f.evidence`` for every finding, and the span is never empty.
    """
    if not isinstance(text, str):
        raise TypeError(f"score_reply expects a str, got {type(text).__name__}")
    if not text:
        return []
    doc = Normalised(text)
    rubric = load_rubric()
    findings: list[Finding] = []
    for criterion, hit in decide(doc, context).items():
        start, end = doc.span(hit.start, hit.end)
        if end <= start:
            continue
        evidence = text[start:end]
        if hit.rule.startswith("cues."):
            explanation, instead = _cue_explanation(criterion, evidence), None
        else:
            explanation, instead = _texts(hit.rule)
        polarity = rubric[criterion].polarity
        findings.append(
            Finding(
                criterion=criterion,
                polarity=polarity,
                start=start,
                end=end,
                evidence=evidence,
                rule=hit.rule,
                explanation=explanation,
                instead=(instead or rubric[criterion].instead) if polarity == "avoid" else None,
            )
        )
    findings.sort(key=lambda f: (f.start, f.end, f.criterion))
    return findings


def rule_names() -> dict[str, str]:
    """Every rule name and the criterion it reports (for documentation and tests)."""
    names = {r.name: r.criterion for r in PHRASE_RULES}
    names.update({name: crit for name, (crit, _e, _i) in DETECTOR_TEXT.items()})
    names.update({f"cues.{crit}": crit for crit in CRITERION_IDS})
    return names


# Each regex above answers "no match" at once when the reply lacks a word all its matches need
# (read from the regex itself); results are unchanged, the scan is skipped.
cue_patterns(globals())
