"""Detectors for the criteria that need more than one phrase: small parsers over a reply.

Each detector looks at a :class:`~trainer.core.scoring.text.Normalised` reply (and the
conversation context when a criterion needs it) and returns at most one :class:`Hit`: the best
evidence span in normalised offsets and the name of the rule that fired.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from trainer.core.findings import ScoreContext
from trainer.core.scoring import lexicon as lx
from trainer.core.scoring.patterns import Lexicon, lexicon
from trainer.core.scoring.text import Normalised, Span


@dataclass(frozen=True, slots=True)
class Hit:
    """A criterion observed at ``[start, end)`` of the normalised reply by rule ``rule``."""

    criterion: str
    start: int
    end: int
    rule: str


Detector = Callable[[Normalised, ScoreContext | None], Hit | None]


# --- shared small parsers -------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NUM = (
    r"(?:[$€£]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|thousand|grand)?"
    r"|\d[\d,]*(?:\.\d+)?"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a dozen|dozens of|half a|a couple of|a few|several)"
    r"(?:\s(?:hundred|thousand|million))?)"
)
_UNIT = (
    r"(?:hours?|hrs?|h|minutes?|mins?|days?|weeks?|wks?|months?|quarters?|years?|yrs?|"
    r"%|percent|per cent|percentage points?|pts|points|"
    r"k|m|bn|million|thousand|grand|dollars?|euros?|pounds?|usd|eur|gbp|"
    r"seats?|users?|licen[cs]es?|incidents?|tickets?|outages?|errors?|failures?|failed \w+|"
    r"escalations?|complaints?|calls?|cases?|orders?|shipments?|patients?|customers?|clients?|"
    r"people|staff|engineers?|agents?|nurses?|fte|ftes|full time|headcount|"
    r"refunds?|chargebacks?|returns?|defects?|bugs?|rollbacks?|restarts?|exports?|syncs?|"
    r"re ?works?|re ?dos?|redos?|fixes|fines?|penalt(?:y|ies)|breaches?|"
    r"shifts?|times|x|nights?|weekends?|sprints?|releases?|deploys?|deployments?|"
    r"appointments?|no shows?|visits?|records?|invoices?|claims?|jobs?|loads?|runs?|pages?)"
)
NUMBER_UNIT_RE = re.compile(
    rf"(?<![\w.]){_NUM}(?:\s?|\s(?:more |extra |additional |lost |wasted |fewer |manual |failed |of )?){_UNIT}(?!\w)"
    rf"|[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn))?(?!\w)"
)

RISK_WORDS = lexicon(
    "(?:cost|costs|costing|costly|lose|loses|losing|lost|loss|losses|waste|wastes|wasted|wasting|burn|burns|burned|burnt|"
    "rework|re work|redo|redoing|re do|clean up|cleanup|cleaning up|fix|fixing|firefighting|fire fighting|overtime|"
    "outage|outages|downtime|down time|incident|incidents|failure|failures|failed|fails|fail|error|errors|mistake|mistakes|"
    "fine|fines|penalty|penalties|breach|breaches|churn|churned|refund|refunds|chargebacks|escalation|escalations|"
    "risk|risks|exposure|exposed|liability|delay|delays|delayed|late|missed|miss|misses|backlog|"
    "break even|breaks even|breakeven|payback|pay back|pays back|roi|manual|by hand|hours of|spend|spending|spent|"
    "write off|writes off|written off|leak|leaks|leakage|slip|slips|slippage|no shows|no show|complaints|tickets|"
    "under scop|underscop|outgrow|outgrows|hit the cap|over the cap|overage|overages|bottleneck|tied up|stuck|idle|"
    "expense|expensive|price of|bill|billed|surcharge|recover|recovery|re enter|re entering|duplicate|duplicates|"
    "lost revenue|revenue at risk|on call|callouts|call outs|pages|paged)",
)

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri)"
_MONTH = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
DATE_RE = re.compile(
    rf"(?<!\w)(?:"
    rf"(?:by|on|before|until|till|next|this|from|every|each|coming|latest|no later than)\s+{_WEEKDAY}"
    rf"|{_WEEKDAY}(?:'?s)?(?:\s+(?:morning|afternoon|evening|eod|noon|at\s+\d))?"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)(?:\s+of\s+{_MONTH}|\s+{_MONTH})?"
    rf"|\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}\s+{_MONTH}"
    rf"|may\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+may"
    rf"|(?:in|by|early|mid|late|end\s+of|before|after|until|through)\s+{_MONTH}"
    rf"|(?:by|before|at|on|until|after)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:day|week|month|quarter|sprint|year|trial|pilot)|eod|cob|eow|eom|close\s+of\s+business|midday|noon)"
    rf"|end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:day|week|month|quarter|sprint|year)"
    rf"|(?:day|week|month|sprint)\s+\d{{1,3}}"
    rf"|(?:tomorrow|tonight|today|next\s+week|this\s+week|next\s+month|this\s+month|next\s+quarter|this\s+quarter|next\s+sprint|this\s+afternoon|tomorrow\s+morning)"
    rf"|(?:within|in|after)\s+(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty|a|a\s+couple\s+of|a\s+few)\s+(?:business\s+|working\s+)?(?:days|day|weeks|week|months|month)"
    rf"|(?:q[1-4])"
    rf")(?!\w)"
)

_OWNER_VERBS = (
    r"(?:send|sends|sending|check|checks|checking|review|reviews|reviewing|book|books|booking|set\s+up|sets\s+up|confirm|confirms|"
    r"sign|signs|share|shares|sharing|run|runs|running|draft|drafts|drafting|loop|loops|schedule|schedules|scheduling|prepare|prepares|"
    r"test|tests|testing|validate|validates|validating|call|calls|email|emails|circulate|circulates|get|gets|deliver|delivers|"
    r"complete|completes|finish|finishes|walk|walks|host|hosts|present|presents|join|joins|bring|brings|pull|pulls|export|exports|"
    r"migrate|migrates|configure|configures|install|installs|train|trains|approve|approves|meet|demo|demos|follow\s+up|follows\s+up|"
    r"update|updates|write|writes|map|maps|gather|gathers|collect|collects|provide|provides|arrange|arranges|own|owns|lead|leads|"
    r"handle|handles|take|takes|talk|talks|agree|agrees|decide|decides|finali[sz]e|finali[sz]es|sort|sorts|kick\s+off|kicks\s+off|"
    r"start|starts|launch|launches|onboard|onboards|invite|invites|compile|compiles|pick|picks|verify|verifies|hand|hands|"
    r"go\s+through|goes\s+through|look\s+at|looks\s+at|set|sets|send\s+over|sends\s+over|sign\s+off|signs\s+off|come\s+back|comes\s+back|"
    r"report|reports|measure|measures|pilot|pilots|do|does|put|puts|lock|locks|turn\s+on|turns\s+on|enable|enables|connect|connects|"
    r"load|loads|upload|uploads|import|imports|clean|cleans|set\s+out|ship|ships|return|returns|countersign|countersigns|issue|issues)"
)
_OWNER_AUX = r"(?:\s+(?:will|'?ll|can|could|to|is\s+going\s+to|are\s+going\s+to|would|should|then|also|and|please|shall|needs\s+to|need\s+to|has\s+to|have\s+to|owns|handles))*"
OWNER_PRONOUN_RE = re.compile(
    rf"(?<!\w)(?:i|i'll|i'?m|we|we'll|we'?re|you|you'll|you'?re|your\s+(?:\w+\s+)?(?:lead|team|manager|admin|partner|person|contact|director|owner|head|champion|colleague|side|folks|people)|our\s+(?:\w+\s+)?(?:team|lead|engineer|manager|admin|specialist|side|folks|people))"
    rf"{_OWNER_AUX}\s+{_OWNER_VERBS}(?!\w)"
)
OWNER_NAME_RE = re.compile(
    rf"(?<![\w.])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:'ll|\s+from\s+\w+)?{_OWNER_AUX}\s+{_OWNER_VERBS}(?!\w)"
)
OWNER_LABEL_RE = re.compile(r"(?<!\w)(?:owner|owners|owned\s+by|who|responsible)\s*[:=-]?\s*\w+")
_NOT_NAMES = _wordset(
    """I We You They He She It This That These Those Then So And But Or If When Once After Before
    Let Lets Let's Next Also Plus Great Good Okay Ok Sure Yes No Thanks Thank Please Option Plan Tier
    Step Phase Day Week Month Monday Tuesday Wednesday Thursday Friday Saturday Sunday Our Your My
    Their His Her There Here What Who How Why Where Which Just Only Both Either First Second Third
    Finally Meanwhile By On At In From To For With Until Happy Sounds Shall Should Could Would Can Will
    Pilot Base Basic Premium Enterprise Team Pro Starter Standard Growth Ultimate Everyone Nobody"""
)
_PLAN_WORDS = lexicon(
    "(?:mutual plan|mutual action plan|action plan|next steps|next step|success plan|rollout plan|project plan|timeline|schedule|milestones|milestone|owners|owner|who does what|dates)"
)


def _in_sentence(doc: Normalised, a: int, b: int) -> bool:
    return doc.sentence_at(a) == doc.sentence_at(b)


def _first(lex: Lexicon, doc: Normalised, span: Span | None = None) -> re.Match[str] | None:
    if span is None:
        return lex.search(doc)
    return lex.search(doc, span.start, span.end)


def _unnegated(lex: Lexicon, doc: Normalised, span: Span) -> re.Match[str] | None:
    for m in lex.finditer(doc, span.start, span.end):
        if not doc.negated(m.start()):
            return m
    return None


# --- discovery_question ---------------------------------------------------------------------

_QUESTION_LEAD_RE = re.compile(
    r"^(?:(?:so|and|ok|okay|right|also|then|now|first|next|quick question|one more thing|out of interest|just curious|curious)\W+)*"
    r"(?:what|what's|whats|how|who|who's|which|where|why|when|walk me through|talk me through|take me through|tell me about|tell me more|"
    r"help me understand|i'm curious|i am curious|i'd love to (?:hear|understand|know|learn)|i'd like to (?:hear|understand|know|learn)|"
    r"can you (?:walk|talk|tell|describe|share|explain)|could you (?:walk|talk|tell|describe|share|explain)|would you (?:walk|tell|describe|share)|"
    r"if this goes|if it goes|if we|imagine|picture|describe|explain)\b"
)
_CLOSED_LEAD_RE = re.compile(
    r"^(?:(?:so|and|ok|okay|right|also|then|now|quick question|just)\W+)*(?:is|are|do|does|did|can|could|would|will|shall|should|have|has|was|were|may|might|any)\b"
)
_OPEN_INSIDE_RE = re.compile(
    r"\b(?:what|how|who|which|where|why|walk me through|tell me about|anyone else|who else)\b"
)


def discovery_question(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if not lx.DISCOVERY_TOPIC.may_match(doc.tokens):
        return None
    for s in doc.sentences:
        sent = text[s.start : s.end]
        is_q = sent.endswith("?") or sent.rstrip("?!. ").endswith("?")
        lead_open = _QUESTION_LEAD_RE.match(sent) is not None
        if not (is_q or lead_open):
            continue
        if lx.QUESTION_CLOSED_PHATIC.search(doc, s.start, s.end) is not None and not lead_open:
            continue
        if not lead_open:
            if _CLOSED_LEAD_RE.match(sent) and not re.search(r"\b(?:anyone else|who else|who)\b", sent):
                continue
            if not _OPEN_INSIDE_RE.search(sent):
                continue
        if lx.QUESTION_CLOSED_PHATIC.search(doc, s.start, s.end) is not None and not lx.DISCOVERY_TOPIC.search(doc, s.start, s.end):
            continue
        if lx.DISCOVERY_TOPIC.search(doc, s.start, s.end) is None:
            continue
        return Hit("discovery_question", s.start, s.end, "discovery.open_question")
    return None


# --- quantify_risk --------------------------------------------------------------------------

_DIGIT_RE = re.compile(r"\d")
_NUMBER_WORDS = lexicon(
    "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    "|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|dozens|half|couple|few|several)"
)


def quantify_risk(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if _DIGIT_RE.search(text) is None and not _NUMBER_WORDS.may_match(doc.tokens):
        return None
    if not RISK_WORDS.may_match(doc.tokens) and "$" not in text and "€" not in text and "£" not in text:
        return None
    for m in NUMBER_UNIT_RE.finditer(text):
        s = doc.sentence_at(m.start())
        r = RISK_WORDS.search(doc, s.start, s.end)
        if r is None:
            continue
        start, end = min(m.start(), r.start()), max(m.end(), r.end())
        return Hit("quantify_risk", start, end, "quantify.number_with_cost")
    return None


# --- mutual_plan ----------------------------------------------------------------------------


def _owner_spans(doc: Normalised) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in OWNER_PRONOUN_RE.finditer(doc.text)]
    if doc._offsets is None:  # names are found in the original (capitals matter)
        for m in OWNER_NAME_RE.finditer(doc.original):
            first = m.group(0).split()[0].split("'")[0]
            if first in _NOT_NAMES:
                continue
            spans.append((m.start(), m.end()))
    spans.sort()
    return spans


def mutual_plan(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    dates = [(m.start(), m.end()) for m in DATE_RE.finditer(text)]
    if not dates:
        return None
    owners = _owner_spans(doc)
    if not owners:
        return None
    paired: list[tuple[int, int]] = []
    for o in owners:
        so = doc.sentence_at(o[0])
        for d in dates:
            if so.start <= d[0] < so.end:
                paired.append((min(o[0], d[0]), max(o[1], d[1])))
                break
    if not paired:
        return None
    plan_word = _first(_PLAN_WORDS, doc)
    if len(paired) >= 2 or (len(owners) >= 2 and len(dates) >= 1) or plan_word is not None:
        start = paired[0][0]
        end = paired[-1][1] if len(paired) >= 2 else max(paired[0][1], start + 1)
        if len(paired) < 2:
            # one dated owner step; cover the other owner too
            end = max(end, owners[-1][1])
            start = min(start, owners[0][0])
        return Hit("mutual_plan", start, end, "plan.owners_and_dates")
    return None


# --- options_tradeoffs ----------------------------------------------------------------------

_EITHER_OR_RE = re.compile(r"\beither\b[^.!?;\n]{1,120}?\bor\b")
_COUNT_OPTIONS_RE = re.compile(
    r"\b(?:two|three|2|3|couple of|a few)\s+(?:\w+\s+)?(?:options|plans|tiers|paths|packages|routes|choices|scenarios|versions|levels|scopes|ways|approaches|configurations|alternatives|setups)\b"
)


def options_tradeoffs(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    if not lx.OPTION_TRADEOFF.may_match(doc.tokens):
        return None
    text = doc.text
    enums = list(lx.OPTION_ENUM.finditer(doc))
    distinct = {re.sub(r"\s+", " ", m.group(0)) for m in enums}
    counted = _COUNT_OPTIONS_RE.search(text) or _EITHER_OR_RE.search(text)
    if len(distinct) < 2 and counted is None:
        return None
    trade = lx.OPTION_TRADEOFF.search(doc)
    if trade is None:
        return None
    starts = [m.start() for m in enums]
    if counted is not None:
        starts.append(counted.start())
    start = min(starts)
    end = max(trade.end(), max(m.end() for m in enums) if enums else trade.end())
    return Hit("options_tradeoffs", start, end, "options.with_tradeoffs")


# --- stop_rule ------------------------------------------------------------------------------

_STOP_FAIL = lexicon(
    "(?:doesn't|does not|don't|do not|didn't|did not|isn't|is not|aren't|are not|won't|will not|can't|cannot|haven't|hasn't|not|no|fails|fail|failed|miss|misses|missed|below|under|short of|less than|worse|stall|stalls|flat|falls short|fall short|isn't working|not working|unhappy|disappointed|not happy|not convinced|not seeing|don't see|if it|if the|if we|if you)"
)


def stop_rule(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if lx.STOP_EXPLICIT.may_match(doc.tokens):
        for m in lx.STOP_EXPLICIT.finditer(doc):
            if m.group(0).startswith(("no ", "without", "zero", "free", "with no", "penalty", "fee")) or not doc.negated(m.start()):
                s = doc.sentence_at(m.start())
                # "no cost"/"for free" alone is a price, not an exit: need an exit word nearby.
                if m.group(0) in {"no cost", "at no cost", "at no charge", "for free", "free of charge", "no charge"} and lx.STOP_ACTION.search(doc, s.start, s.end) is None:
                    continue
                return Hit("stop_rule", m.start(), m.end(), "stop.explicit_exit")
    if not lx.STOP_ACTION.may_match(doc.tokens):
        return None
    for s in doc.sentences:
        cond = re.search(r"\b(?:if|unless|should|in case|in the event)\b", text[s.start : s.end])
        if cond is None:
            continue
        c0 = s.start + cond.start()
        act = lx.STOP_ACTION.search(doc, c0, s.end)
        if act is None:
            continue
        fail = _STOP_FAIL.search(doc, c0, act.start()) or DATE_RE.search(text, s.start, s.end)
        if fail is None:
            continue
        return Hit("stop_rule", c0, act.end(), "stop.conditional_exit")
    return None


# --- step_up_trigger ------------------------------------------------------------------------


def step_up_trigger(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if not lx.STEP_UP.may_match(doc.tokens):
        return None
    for small in lx.START_SMALL.finditer(doc):
        s = doc.sentence_at(small.start())
        # the trigger may sit in the same sentence or the next one
        end = s.end
        for nxt in doc.sentences:
            if nxt.start >= s.end:
                end = nxt.end
                break
        up = lx.STEP_UP.search(doc, small.end(), end) or lx.STEP_UP.search(doc, s.start, small.start())
        if up is None:
            continue
        trig = lx.STEP_TRIGGER.search(doc, s.start, end)
        if trig is None:
            continue
        has_measure = NUMBER_UNIT_RE.search(text, s.start, end) or DATE_RE.search(text, s.start, end) or re.search(
            r"\b(?:usage|adoption|roi|active users|volume|threshold|trigger|metric|kpi|once|when|if)\b", text[s.start : end]
        )
        if has_measure is None:
            continue
        lo = min(small.start(), up.start(), trig.start())
        hi = max(small.end(), up.end(), trig.end())
        return Hit("step_up_trigger", lo, hi, "stepup.start_small_with_trigger")
    return None


# --- tie_to_outcome -------------------------------------------------------------------------

_STOP = _wordset(
    """a an the and or but if of to in on for with at by from as is are was were be been being it its this that these
    those i we you your our my me us they them their he she his her what which who whom how when where why do does did
    have has had will would can could should shall may might must not no so than too very just also more less most
    least much many some any all each every about into over under up down out off again then once here there get got
    want need needs wants like make makes made able per via our ours yours want wanted"""
)
_WORD_RE = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """A crude stem: enough to match "exports"/"exporting"/"export" and "fewer"/"few"."""
    for suffix in ("ations", "ation", "ingly", "ings", "ing", "edly", "ies", "ied", "ed", "es", "er", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD_RE.findall(text.casefold()) if w not in _STOP and len(w) > 2}


def tie_to_outcome(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if lx.OUTCOME_REF.may_match(doc.tokens):
        for m in lx.OUTCOME_REF.finditer(doc):
            s = doc.sentence_at(m.start())
            if text[s.start : s.end].rstrip().endswith("?"):
                continue
            offer = lx.OFFER_NOUN.search(doc, s.start, s.end)
            if offer is None or lx.UPSELL_SMALL.search(doc, s.start, s.end) is None and not _has_offer(text, s):
                continue
            return Hit("tie_to_outcome", min(m.start(), s.start), s.end, "tie.explicit_reference")
    if ctx is None or not ctx.buyer_outcomes:
        return None
    best: tuple[int, Span] | None = None
    for outcome in ctx.buyer_outcomes:
        wanted = content_stems(outcome)
        if not wanted:
            continue
        need = 1 if len(wanted) == 1 else 2
        for s in doc.sentences:
            got = content_stems(text[s.start : s.end]) & wanted
            if len(got) >= need and _has_offer(text, s) and (best is None or len(got) > best[0]):
                best = (len(got), s)
    if best is None:
        return None
    return Hit("tie_to_outcome", best[1].start, best[1].end, "tie.buyer_words")


_OFFER_RE = re.compile(
    r"\b(?:option|options|plan|plans|tier|tiers|package|packages|add\s?on|add\s?ons|addon|addons|module|modules|feature|features|edition|bundle|upgrade|seats?|licen[cs]es?|pilot|setup|configuration|scope|path|route|integration|connector|service|support|sync|workflow|automation|dashboard|reports?|reporting|alerts?|alerting|sso|api|version|level|extension|team\s+plan|pro|premium|enterprise|basic|starter|a|b|c)\b"
)


def _has_offer(text: str, s: Span) -> bool:
    return _OFFER_RE.search(text, s.start, s.end) is not None


# --- premature_upsell -----------------------------------------------------------------------

_EARLY_MOMENTS = frozenset({"prospecting", "discovery"})


def _push_in(doc: Normalised, s: Span) -> tuple[int, int] | None:
    target = lx.UPSELL_TARGET.search(doc, s.start, s.end)
    if target is None:
        return None
    push = lx.UPSELL_PUSH.search(doc, s.start, s.end)
    if push is None or doc.negated(push.start()) or doc.negated(target.start()):
        return None
    return min(target.start(), push.start()), max(target.end(), push.end())


def premature_upsell(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if not lx.UPSELL_TARGET.may_match(doc.tokens) and not lx.PREMATURE_CUE.may_match(doc.tokens):
        return None
    for cue in lx.PREMATURE_CUE.finditer(doc):
        if doc.negated(cue.start()):
            continue
        s = doc.sentence_at(cue.start())
        nxt_end = s.end
        for nxt in doc.sentences:
            if nxt.start >= s.end:
                nxt_end = nxt.end
                break
        target = lx.UPSELL_TARGET.search(doc, s.start, nxt_end)
        if target is not None and not doc.negated(target.start()):
            return Hit(
                "premature_upsell",
                min(cue.start(), target.start()),
                max(cue.end(), target.end()),
                "premature.before_outcome",
            )
    if ctx is None:
        return None
    early = ctx.moment in _EARLY_MOMENTS
    unknown = ctx.outcome_known is False or (
        ctx.outcome_known is None and not ctx.buyer_outcomes and not ctx.history
    )
    if not (early or unknown):
        return None
    for s in doc.sentences:
        span = _push_in(doc, s)
        if span is None:
            continue
        if text[s.start : s.end].endswith("?"):
            continue
        rule = "premature.early_moment" if early else "premature.outcome_unknown"
        return Hit("premature_upsell", span[0], span[1], rule)
    return None


# --- engage_stakeholders: "IT" is only a team when written in capitals ---------------------

_IT_TEAM_RE = re.compile(
    r"\b(?:bring|loop|pull|get|invite|involve|include|ask|check with|run it by|run this by|share it with|share this with|align with|review it with|walk)\b"
    r"[^.!?;\n]{0,40}?\b(?:your|the|our)\s+IT\b|\b(?:your|the|our)\s+IT\s+(?:team|lead|folks|people|department|admin|manager|director|security|colleagues?)\b"
)


def it_team(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    if doc._offsets is not None or "IT" not in doc.original:
        return None
    m = _IT_TEAM_RE.search(doc.original)
    if m is None:
        return None
    return Hit("engage_stakeholders", m.start(), m.end(), "stakeholders.bring_in_it")


DETECTORS: tuple[tuple[str, Detector], ...] = (
    ("discovery_question", discovery_question),
    ("tie_to_outcome", tie_to_outcome),
    ("quantify_risk", quantify_risk),
    ("options_tradeoffs", options_tradeoffs),
    ("mutual_plan", mutual_plan),
    ("stop_rule", stop_rule),
    ("step_up_trigger", step_up_trigger),
    ("premature_upsell", premature_upsell),
    ("engage_stakeholders", it_team),
)


def iter_detectors() -> Iterable[tuple[str, Detector]]:
    return iter(DETECTORS)
