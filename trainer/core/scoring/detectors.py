"""Detectors for the criteria that need more than one phrase: small parsers over a reply.

Each detector looks at a :class:`~trainer.core.scoring.text.Normalised` reply (and the
conversation context when a criterion needs it) and returns at most one :class:`Hit`: the best
evidence span in normalised offsets and the name of the rule that fired.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from trainer.core.findings import ScoreContext
from trainer.core.scoring import lexicon as lx
from trainer.core.scoring.patterns import Lexicon, cue_patterns, lexicon
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
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a dozen|dozens of|half a|a couple of|a few|several)"
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
    r"appointments?|no shows?|visits?|records?|invoices?|claims?|jobs?|loads?|runs?|pages?|alerts?|bookings?|double bookings?|people|consultant fees)"
)
NUMBER_UNIT_RE = re.compile(
    rf"(?<![\w.]){_NUM}(?:\s?|\s(?:more |extra |additional |lost |wasted |fewer |manual |failed |of |late |unhappy |missed |analyst |staff |engineer |admin |[a-z]+ )?){_UNIT}(?!\w)"
    rf"|[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn))?(?!\w)"
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
    r"load|loads|upload|uploads|import|imports|clean|cleans|set\s+out|ship|ships|return|returns|countersign|countersigns|issue|issues|"
    r"answer|answers|speak|speaks|respond|responds|reply|replies|meet|meets|go\s+live|goes\s+live|regroup|reconvene|catch\s+up|"
    r"decide|decides|submit|submits|raise|raises|release|releases|order|orders|pay|pays|reconvene|sync|syncs)"
)
_OWNER_AUX = r"(?:\s+(?:will|'?ll|can|could|to|is\s+going\s+to|are\s+going\s+to|would|should|then|also|and|please|shall|needs\s+to|need\s+to|has\s+to|have\s+to|owns|handles))*"
OWNER_PRONOUN_RE = re.compile(
    r"(?<!\w)(?:i|i'll|i'?m|we|we'll|we'?re|you|you'll|you'?re|you\s+and\s+i|"
    r"(?:your|the|our)\s+(?:\w+\s+)?(?:lead|team|manager|admin|partner|person|contact|director|owner|head|champion|colleague|side|folks|people|panel|committee|board|engineer|specialist|architect|officer|accountant)|"
    r"legal|finance|procurement|security|ops|operations|hr|payroll|the\s+board)"
    rf"{_OWNER_AUX}\s+{_OWNER_VERBS}(?!\w)"
)
OWNER_NAME_RE = re.compile(
    rf"(?<![\w.])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:'ll|\s+from\s+\w+)?{_OWNER_AUX}\s+{_OWNER_VERBS}(?!\w)"
)
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


def _first(lex: Lexicon, doc: Normalised, span: Span | None = None) -> re.Match[str] | None:
    if span is None:
        return lex.search(doc)
    return lex.search(doc, span.start, span.end)


# --- discovery_question ---------------------------------------------------------------------

_LEAD_FILLER = r"^(?:(?:so|and|ok|okay|right|also|then|now|first|next|great|thanks|sure|honestly|quick question|one more thing|out of interest|just curious|curious|no pressure at all|but|and so)\W+)*"
_QUESTION_LEAD_RE = re.compile(
    _LEAD_FILLER
    + r"(?:what|what's|whats|how|who|who's|which|where|why|walk me through|talk me through|take me through|tell me about|tell me more|"
    r"help me understand|(?:could|can|may) i ask (?:you )?(?:what|how|who|which|where|why|when)|"
    r"can you (?:walk|talk|tell|describe|share|explain)|could you (?:walk|talk|tell|describe|share|explain)|would you (?:walk|tell|describe|share)|"
    r"if this goes|if it goes|imagine|picture|describe|explain)\b"
)
_CLOSED_LEAD_RE = re.compile(
    _LEAD_FILLER
    + r"(?:is|are|do|does|did|can|could|would|will|shall|should|have|has|was|were|may|might|any|am)\b"
)
_OPEN_INSIDE_RE = re.compile(
    r"\b(?:what|how|who|which|where|why|walk me through|tell me about|anyone else|who else|talk me through)\b"
)
_OTHERS_RE = re.compile(r"\b(?:anyone else|who else|someone else|anybody else|other teams?|other people)\b")
_LOGISTICS_RE = re.compile(
    r"\b(?:what time|which time|which day|what day|when (?:works|suits|is good|are you free|can we|shall we|should we|would suit)|"
    r"your email|email address|hear me|see my screen|see me|how are you|how's your|how was your|how have you been|"
    r"which (?:format|colour|color)|where should i send|how do you spell|what's the best number|how would you like to pay|"
    r"how does \w+ sound|how does that sound|what do you think|what would you like to do|when can you|when could you|"
    r"when would you like|which (?:option|plan|tier|package|one) (?:would|do|will|shall|should) you|which (?:would|do) you prefer|"
    r"which suits you|any questions|what else can i|how about|what if (?:we|i)|why don't we|why not|shall i|should i|you do reali[sz]e|"
    r"how many \w+ (?:\w+ )?(?:shall|should|do you want|would you like)|"
    r"what (?:tools?|software|systems?|platforms?|vendors?|crm|versions?|stack|apps?) (?:are|do|does|is) (?:you|your team) (?:use|using|on|have|run|running))\b"
)


def _is_question(doc: Normalised, s: Span) -> tuple[bool, bool]:
    """(is a question, is an open question) for one sentence."""
    sent = doc.text[s.start : s.end]
    ends_q = sent.rstrip(" \"')").endswith("?")
    lead_open = _QUESTION_LEAD_RE.match(sent) is not None
    if not (ends_q or lead_open):
        return False, False
    if lead_open:
        return True, True
    if _CLOSED_LEAD_RE.match(sent) and not _OTHERS_RE.search(sent):
        return True, False
    # "..., what would change?" / "If this goes right, who saves time?"
    return True, _OPEN_INSIDE_RE.search(sent) is not None or _OTHERS_RE.search(sent) is not None


def discovery_question(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if "?" not in text and not doc.may_match(lx.QUESTION_OPEN):
        return None
    for s in doc.sentences:
        is_q, is_open = _is_question(doc, s)
        if not is_open:
            continue
        sent = text[s.start : s.end]
        if _LOGISTICS_RE.search(sent):
            continue
        has_topic = lx.DISCOVERY_TOPIC.search(doc, s.start, s.end) is not None
        about_buyer = re.search(r"\b(?:you|your|you'd|you're|you've|yours)\b", sent) is not None
        if not (has_topic or about_buyer):
            continue
        return Hit("discovery_question", s.start, s.end, "discovery.open_question")
    return None


# --- quantify_risk --------------------------------------------------------------------------

_DIGIT_RE = re.compile(r"\d")
_NUMBER_WORDS = lexicon(
    "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    "|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|dozens|half|couple|few|several)"
)
#: Words saying what the number costs the buyer (loss, waste, exposure), not what a plan costs.
LOSS_WORDS = lexicon(
    "(?:lose|loses|losing|lost|loss|losses|waste|wastes|wasted|wasting|burn|burns|burned|burnt|"
    "rework|re work|redo|redoing|re do|clean up|cleanup|cleaning up|firefighting|fire fighting|overtime|"
    "outage|outages|downtime|down time|incidents|failures|failed|"
    "fines|penalty|penalties|breach|breaches|churn|churned|refunds|chargebacks|escalations|"
    "exposure|liability|late|delayed|missed|backlog|by hand|manually|"
    "write off|writes off|written off|leakage|slippage|no shows|double booked|double bookings|double booking|"
    "under scoped|underscoped|outgrow|outgrows|overage|overages|bottleneck|tied up|idle|claw back|clawed back|"
    "lost revenue|revenue at risk|at risk|on call|callouts|call outs|paged|oversells|oversell|apologies|detention|"
    "costs you|cost you|costing you|cost your|costs your|cost the team|costs the team|would cost|will cost|could cost|is costing|are costing|"
    "adds up|add up|adding up|break even|breaks even|breakeven|payback|pays back|pay back|"
    "manual|of staff time|of office time|of admin time|of analyst time|of engineering time|analyst hours|staff hours|office time|"
    "hours of|days of|real money|incident|incidents|wait|waiting|re typed|retyped|re keyed|rekeyed|re entered|re enter|typed up|chasing|"
    "that's|that is|which is|which means|that means|works out|comes to|roughly|"
    "re keying|rekeying|re keyed|spreadsheets|unhappy|walking out|ran at|running at|hit the|uploads stop|never pays back|by my maths|consultant fees|on your own numbers)"
)
#: Sentences that state a price, a stop-rule threshold or a proof figure rather than a risk.
_NOT_RISK = lexicon(
    "(?:no penalty|without penalty|with no penalty|at no cost|no charge|exit|drop the|drop back|move you back|put you back|cancel|"
    "median|on average|customers saw|teams saw|we measured|measured over|in our pilot|reduced|dropped by|fell by|rose|grew|"
    "uptime|service credits|within \\d+|fell|dropped|study|stat|similar|like yours|takes about|switch over|fine print|small print|"
    "but that's|waste|unused|two ways|either|is that right|clinics cut|depots|firms|was measured)"
)
_PRICE_BEFORE_RE = re.compile(r"\b(?:at|costs?|for|only|just|is|plan is)\s+(?:about\s+|around\s+)?$")
_THRESHOLD_RE = re.compile(r"\b(?:if|unless|once|when)\b[^.;!?]{0,60}\b(?:under|below|above|over|less than|more than|fewer than|exceeds?|passes?|reach(?:es)?|hits?)\b")


def quantify_risk(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if _DIGIT_RE.search(text) is None and not doc.may_match(_NUMBER_WORDS):
        return None
    if not doc.may_match(LOSS_WORDS):
        return None
    for m in NUMBER_UNIT_RE.finditer(text):
        if _PRICE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "at £12 a month" is a price, not a cost of under-scoping
        s = doc.sentence_at(m.start())
        loss = LOSS_WORDS.search(doc, s.start, s.end)
        if loss is None:
            continue
        if _NOT_RISK.search(doc, s.start, s.end) is not None or _THRESHOLD_RE.search(text, s.start, s.end):
            continue
        nb = doc.neighbourhood(m.start())
        if len(DATE_RE.findall(text, nb.start, nb.end)) >= 2 and OWNER_PRONOUN_RE.search(text, nb.start, nb.end):
            continue  # a dated plan that mentions a figure is a plan, not a cost of staying small
        start, end = min(m.start(), loss.start()), max(m.end(), loss.end())
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


_DATE_TOKENS = _wordset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec st nd rd th tomorrow tonight today week month quarter sprint year day
    eod cob eow eom noon midday q1 q2 q3 q4 trial pilot days weeks months # end"""
)


#: A plan is found among the first dates of a reply; a huge paste is not read to the end.
_MAX_DATES = 200


def mutual_plan(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if _DATE_TOKENS.isdisjoint(doc.tokens):
        return None
    dates = [(m.start(), m.end()) for m, _ in zip(DATE_RE.finditer(text), range(_MAX_DATES), strict=False)]
    if not dates:
        return None
    owners = _owner_spans(doc)
    if not owners:
        return None
    paired: list[tuple[int, int]] = []
    date_starts = [d[0] for d in dates]
    for o in owners:
        so = doc.sentence_at(o[0])
        i = bisect_left(date_starts, so.start)
        while i < len(dates) and dates[i][0] < so.end:
            d = dates[i]
            if d[0] >= o[0] or o[0] - d[1] < 40:
                paired.append((min(o[0], d[0]), max(o[1], d[1])))
                break
            i += 1
        if len(paired) >= 2:
            break
    if not paired:
        return None
    plan_word = _first(_PLAN_WORDS, doc)
    if len(paired) >= 2 or (len(owners) >= 2 and len(dates) >= 2) or plan_word is not None:
        start = min(p[0] for p in paired)
        end = max(p[1] for p in paired)
        return Hit("mutual_plan", start, end, "plan.owners_and_dates")
    return None


# --- options_tradeoffs ----------------------------------------------------------------------

_ALTERNATIVE_RE = re.compile(
    r"\beither\b|[,;:]\s*or\b|\bor\s+(?:you|we|keep|stay|drop|go|move|renew|wait|start|take|pay|buy|add|cut|sign|a|an|the|one|two|three|\d)"
    r"|\boption\s+(?:a|b|c|1|2|3|one|two|three)\b|\b(?:plan|tier|path|route|package)\s+(?:a|b|c|1|2|3|one|two)\b"
    r"|\b(?:two|three|2|3|couple of)\s+(?:\w+\s+)?(?:options|plans|tiers|paths|packages|routes|choices|ways|approaches|scopes|alternatives|scenarios)\b"
    r"|\b(?:first|second|third|other)\s+(?:option|path|route|approach|choice|way)\b|\bthe alternative\b|\balternatively\b|\bversus\b|\bvs\b"
)
_TRADEOFF_WORDS = lexicon(
    "(?:cheaper|cheapest|less expensive|lower cost|lower price|costs less|cost less|pricier|more expensive|costs more|cost more|dearer|"
    "riskier|safer|quicker|quickest|faster|fastest|slower|slowest|simpler|lighter|heavier|longer|shorter|"
    "trade off|tradeoff|trade offs|tradeoffs|in exchange|in return|the catch|downside|downsides|upside|"
    "gives up|give up|giving up|you lose|you'd lose|lose|losing|loses|you gain|at the cost of|at the expense of|"
    "caps|capped|limit|limits|limited to|tops out|locked in|lock in|no exit|without|leaves|leaving|means|instead of|rather than|"
    "removes|adds|includes|doesn't|does not|don't|no|but|save|saves|saving|double the|half the|extra|more|less|fewer|only|requires|needs|"
    "patches|control|at list|at the same|at \\\\d+)"
)
_MONEY_RE = re.compile(r"[$€£]\s?\d|\d\s?(?:k|%)\b|\b\d+\s+(?:seats|users|months|years|devices)\b")


_ALTERNATIVE_TOKENS = _wordset(
    "either or option plan tier path route package two three 2 3 couple first second third other alternative alternatively versus vs"
)


def options_tradeoffs(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if _ALTERNATIVE_TOKENS.isdisjoint(doc.tokens) and not doc.may_match(lx.OPTION_ENUM):
        return None
    alt = _ALTERNATIVE_RE.search(text)
    first_enum = None
    if alt is None:
        seen: set[str] = set()
        for m in lx.OPTION_ENUM.finditer(doc):
            first_enum = first_enum or m
            seen.add(re.sub(r"\s+", " ", m.group(0)))
            if len(seen) >= 2:
                break
        if len(seen) < 2:
            return None
    start = alt.start() if alt is not None else first_enum.start() if first_enum is not None else 0
    # two or more alternatives, and something each one costs or gives up
    strong = lx.OPTION_TRADEOFF.search(doc)
    end = strong.end() if strong is not None else -1
    if strong is None:
        trades = 0
        for m in _TRADEOFF_WORDS.finditer(doc):
            if m.group(0) != "but":
                trades += 1
                end = m.end()
                if trades >= 2:
                    break
        if trades == 0:
            return None
        if trades == 1 and _BUT_RE.search(text) is None and len(_MONEY_RE.findall(text)) < 2:
            return None
    if end <= start:
        end = doc.sentence_at(start).end
    return Hit("options_tradeoffs", start, end, "options.with_tradeoffs")


_BUT_RE = re.compile(r"\bbut\b")


# --- stop_rule ------------------------------------------------------------------------------

_COND_RE = re.compile(r"\b(?:if|unless|should|in case|in the event that|in the event)\b")
_PRICE_ONLY = frozenset({"no cost", "at no cost", "at no charge", "for free", "free of charge", "no charge", "no fee", "no fees"})


def stop_rule(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    hit = _stop_rule_classic(doc)
    if hit is not None and "leave you alone" in doc.text[hit.start : hit.end + 12]:
        hit = None  # "say so and I'll leave you alone" ends a call, it is not an exit from a contract
    return hit or stop_rule_slots(doc)


def _stop_rule_classic(doc: Normalised) -> Hit | None:
    text = doc.text
    if doc.may_match(lx.STOP_EXPLICIT):
        for m in lx.STOP_EXPLICIT.finditer(doc):
            phrase = re.sub(r"\s+", " ", m.group(0))
            if not phrase.startswith(("no ", "without", "zero", "free", "with no", "penalty", "fee")) and doc.negated(m.start()):
                continue
            s = doc.sentence_at(m.start())
            price_only = phrase in _PRICE_ONLY or phrase.startswith(("no fee", "without a fee"))
            # "no cost" alone is a price; with a way back out it is an exit
            if price_only and lx.STOP_ACTION.search(doc, s.start, s.end) is None:
                continue
            return Hit("stop_rule", m.start(), m.end(), "stop.explicit_exit")
    if not doc.may_match(lx.STOP_ACTION):
        return None
    for s in doc.sentences:
        for cond in _COND_RE.finditer(text, s.start, s.end):
            act = lx.STOP_ACTION.search(doc, cond.end(), s.end)
            if act is None:
                # "we move you back to Team if the SSO isn't working by 1 July"
                act = lx.STOP_ACTION.search(doc, s.start, cond.start())
                if act is None:
                    continue
                fail = lx.STOP_FAILURE.search(doc, cond.end(), s.end)
            else:
                fail = lx.STOP_FAILURE.search(doc, cond.end(), act.start())
            if fail is None or re.search(r"\b(?:rather|prefer|want to|wish|like to)\b", text[cond.start() : act.start()] if act.start() > cond.start() else ""):
                continue
            lo, hi = min(cond.start(), act.start()), max(cond.end(), act.end())
            return Hit("stop_rule", lo, hi, "stop.conditional_exit")
    return None


# --- step_up_trigger ------------------------------------------------------------------------

_NOW_SMALL = lexicon(
    "(?:start|starting|begin|beginning|kick off|kicking off|pilot|piloting|trial|trialling|trialing)<3>(?:with|on|at|small|smaller|lean|modest|light|narrow|just|only|the|a|your)",
    "(?:for now|to begin with|to start with|to start|initially|at first|first|for the first|in the first|phase one|phase 1|stage one|stage 1|now|today|this year|this term)",
    "(?:keep|stay on|stick with|renew|licence|license|buy|order|take|get|do|go with|sign for|sign up for|begin with|land) (?:the|your|just|only|a|an|\\\\d+)",
    "(?:smaller|small|lean|lighter|basic|base|starter|entry|core|minimal|reduced|limited|narrower|partial|initial|single|two seat|one site|single site) (?:scope|plan|tier|package|step|footprint|rollout|roll out|phase|pilot|start|setup|set up|version|option|deployment|bundle|licence|license|module|seat count|team|group|cohort)",
    "(?:just|only) (?:\\\\d+|one|two|three|four|five|ten|twenty|a few|a handful of|the) ",
)
_STEP_UP_VERB = lexicon(
    "(?:revisit|re visit|reassess|re assess|re evaluate|reevaluate|step up|stepping up|move up|moving up|scale up|scaling up|upgrade|upgrading|"
    "expand|expanding|grow into|add|adding|extend|extending|switch to|switching to|move to|moving to|move you to|bump up|bump you|graduate|level up|unlock|"
    "talk about|discuss|consider|reconsider|look at|look again|becomes worth|become worth|worth discussing|worth revisiting|worth a look|bring in|roll out|rolling out|roll it out|open up|turn on)",
)
_STEP_WHEN = lexicon(
    "(?:once|when|whenever|if|after|as soon as|the moment|the day|by the time|at the point|should|above|over|beyond|past|at)",
)
_STEP_MEASURE_RE = re.compile(
    r"\d|\b(?:usage|adoption|roi|active|volume|threshold|trigger|metric|kpi|review|hire|hires|opens|open|grows|grow|passes|pass|exceeds|exceed|"
    r"reaches|reach|hits|hit|doubles|double|crosses|cross|tops|top|ramps|spring|summer|autumn|fall|winter|quarter|month|months|week|weeks|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|seen|proves|proven|works)\b"
)
_REVIEW_RE = re.compile(r"\b(?:review|check in|checkpoint|check point)\b")
_NOT_STEP_UP = lexicon(
    "(?:no penalty|without penalty|exit|drop back|roll back|cancel|revert|move you back|put you back|refund|stop the|walk away|maybe someday|someday|one day|at some point|some day)"
)


_SMALL_NOW_RE = re.compile(
    r"\b(?:for now|now|first|to begin with|to start(?: with)?|initially|this term|this year|for a quarter|for the first|for your first|"
    r"start(?:ing)?|begin(?:ning)?|pilot (?:at|with|on|in)|stay(?:ing)? on|keep(?:ing)?|stick(?:ing)? with|renew(?:ing)? (?:at|on)|scope (?:to|it to)|hold(?:ing)? (?:off|back|the|on)|"
    r"lite|lighter|smaller|small|core|standard|basic|essentials|starter|current (?:tier|plan|seats|\d+)|one site|two sites?|a two site|"
    r"\d+ (?:seats|users|licen[cs]es|scanners|devices|wards|sites|clinics)|(?:one|two|three|ten|five|twenty) (?:seats|users|licen[cs]es|sites|wards|clinics|scanners)|is enough)\b"
)
_LATER_RE = re.compile(
    r"\b(?:once|when|whenever|if|after|until|till|the moment|the day|on the day|as soon as|at the point|by the time|pass|passes|passed|above|over|past|beyond|"
    r"review(?:ed)? (?:on|at|in|after)|revisit(?:ed)?|look again|check in|check-in|anniversary|in the diary|that's our cue|cue to)\b"
)
_MEASURE_RE = re.compile(
    r"\d|\b(?:usage|adoption|active|volume|threshold|numbers|queue|backlog|tickets?|orders|invoices|throughput|storage|users|people|hires?|hired|opens|goes live|site|"
    r"paid back|pays back|payback|roi|saved|drop|drops|dropped|fall|falls|improves|grows|grown|doubles|halves|halve|rate|errors?|cross|crosses|logins|"
    r"peak|season|review|renewal|quarter|month|months|weeks|year|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|spring|summer|autumn|winter)\b"
)
_UP_RE = re.compile(
    r"\b(?:revisit(?:ed|ing)?|reassess|re ?evaluate|step up|move up|scale up|upgrade|expand(?:ing)?|add|adds|adding|extend|cue|switch to|move to|bring (?:\w+ ){0,4}in|roll ?out|"
    r"equip|look at (?:plus|growth|premium|pro|the|adding|more|analytics|\w+ (?:tier|plan|module))|talk about|discuss|decide on|consider|"
    r"the next tier|the full|full rollout|full suite|worth adding|pays? (?:back|off)|starts? to pay|go bigger|more seats|the other|second)\b"
)
_HOLD_RE = re.compile(r"hold(?:ing)? (?:off|back|the|on)\b")
_VAGUE_RE = re.compile(r"\b(?:someday|some day|one day|at some point|maybe later|always upgrade|whenever you like|any time you like|anytime)\b")


def _step_up_slots(doc: Normalised) -> Hit | None:
    """Start smaller now, a measurable or dated point later, and the bigger step at that point."""
    text = doc.text
    if _LATER_RE.search(text) is None or _SMALL_NOW_RE.search(text) is None:
        return None
    sentences = doc.sentences
    for i, s in enumerate(sentences):
        small = _SMALL_NOW_RE.search(text, s.start, s.end)
        if small is None:
            continue
        end = sentences[min(i + 2, len(sentences) - 1)].end if i + 1 < len(sentences) else s.end
        later = _LATER_RE.search(text, small.end(), end) or _LATER_RE.search(text, s.start, small.start())
        if later is None:
            continue
        up = _UP_RE.search(text, later.start(), end) or _UP_RE.search(text, small.end(), end)
        if up is None and _HOLD_RE.match(text, small.start()) and later.group(0) in ("until", "till", "once", "when"):
            up = later  # "hold the add-on until you cross 1,000 orders" names the step up by deferring it
        if up is None or _MEASURE_RE.search(text, later.start(), end) is None:
            continue
        if _VAGUE_RE.search(text, s.start, end):
            continue
        lo = min(small.start(), later.start(), up.start())
        hi = max(small.end(), later.end(), up.end())
        return Hit("step_up_trigger", lo, hi, "stepup.start_small_with_trigger")
    return None


def step_up_trigger(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    return _step_up_classic(doc) or _step_up_slots(doc)


def _step_up_classic(doc: Normalised) -> Hit | None:
    text = doc.text
    if not doc.may_match(_STEP_UP_VERB) and "review" not in doc.tokens:
        return None
    sentences = doc.sentences
    for i, s in enumerate(sentences):
        end = sentences[i + 1].end if i + 1 < len(sentences) else s.end
        small = _NOW_SMALL.search(doc, s.start, s.end)
        if small is None:
            continue
        when = _STEP_WHEN.search(doc, small.end(), end)
        if when is None:
            # "... and revisit in three months" / "revisit at the 90-day review"
            up = _STEP_UP_VERB.search(doc, small.end(), end) or _REVIEW_RE.search(text, small.end(), end)
            if up is None:
                continue
            dated = DATE_RE.search(text, up.end(), end) or _REVIEW_RE.search(text, up.end(), end)
            if dated is None or _NOT_STEP_UP.search(doc, s.start, end) is not None:
                continue
            return Hit("step_up_trigger", small.start(), dated.end(), "stepup.start_small_with_trigger")
        up = _STEP_UP_VERB.search(doc, when.end(), end) or _STEP_UP_VERB.search(doc, small.end(), when.start())
        if up is None:
            continue
        window = text[s.start : end]
        if _STEP_MEASURE_RE.search(text, when.start(), end) is None or _NOT_STEP_UP.search(doc, s.start, end) is not None:
            continue
        if window.rstrip().endswith("?") and "we" not in window:
            continue
        lo = min(small.start(), when.start(), up.start())
        hi = max(small.end(), when.end(), up.end())
        return Hit("step_up_trigger", lo, hi, "stepup.start_small_with_trigger")
    return None


# --- tie_to_outcome -------------------------------------------------------------------------

_STOP = _wordset(
    """a an the and or but if of to in on for with at by from as is are was were be been being it its this that these
    those i we you your our my me us they them their he she his her what which who whom how when where why do does did
    have has had will would can could should shall may might must not no so than too very just also more less most
    least much many some any all each every about into over under up down out off again then once here there get got
    want need needs wants like make makes made able per via ours yours wanted"""
)
_WORD_RE = re.compile(r"[a-z0-9]+")
_EXPLICIT_REF = lexicon(
    "(?:you said|you've said|you have said|you told me|you've told me|you mentioned|you've mentioned|you raised|you described|you explained|"
    "you flagged|you put it|as you put it|in your words|your words|you were clear|you stressed|you asked for|you asked about|what you asked|"
    "you're after|you are after|what you're after|you're aiming|you are aiming|you're hoping|you are hoping|you care about|you're trying to|you wanted|"
    "your goal|your goals|your aim|your target|your targets|your objective|your priority|your priorities|your success criteria|your kpi|your requirement|"
    "your stated|your main goal|your top priority|your own words|for your goal|for your aim|given your goal|given your aim|since your|since you need|since you want|"
    "for cutting|for reducing|for fewer|for less|for more|for getting|to hit your|to meet your|to reach your|to get you to|to deliver your)",
)
_LINK = lexicon(
    "(?:that's|that is|which is|this is|is|are) (?:exactly|precisely|just|directly|specifically) (?:what|the|where|why|how)",
    "(?:built for|designed for|made for|aimed at|targets|target|addresses|address|covers|cover|would cover|handles|handle|removes|remove|fixes|fix|solves|solve|stops|stop|prevents|prevent|"
    "cuts|cut|reduces|reduce|gives you|give you|lets you|let you|helps|help|fits|fit|serves|serve|supports|support|maps to|ties to|speaks to|is the piece|is the part|is the relevant|"
    "does that|does this|does exactly|gets you|get you|would get|takes care|deals with|deal with|is aimed|is where|matches|match|meets|meet)",
    "(?:option|options|plan|plans|tier|tiers|package|add on|add ons|addon|module|modules|feature|features|edition|bundle|upgrade|pilot|setup|sync|workflow|"
    "automation|dashboard|report|reports|reporting|alerts|integration|connector|service|support|view|rules|tool|portal|reader|step|lock|reminders|pro|premium|"
    "enterprise|business|basic|starter|team plan|option a|option b|plan a|plan b|recommendation|recommend)",
)


def stem(word: str) -> str:
    """A crude stem: enough to match "exports"/"exporting"/"export" and "cutting"/"cut"."""
    for suffix in ("ations", "ation", "ingly", "ings", "ing", "edly", "ies", "ied", "ed", "es", "er", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: len(word) - len(suffix)]
            if len(root) >= 4 and root[-1] == root[-2] and root[-1] not in "aeiouls":
                root = root[:-1]  # cutting -> cutt -> cut
            return root
    return word


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD_RE.findall(text.casefold()) if w not in _STOP and len(w) > 2}


def _span_window(doc: Normalised, s: Span) -> Span:
    """The sentence and the one after it (a link often follows a semicolon)."""
    for nxt in doc.sentences:
        if nxt.start >= s.end:
            return Span(s.start, nxt.end)
    return s


_WANT_REF = lexicon("(?:you want|you need|you'd like|you would like|you're looking for|you are looking for) (?:fewer|less|more|to|a|an|the|faster|better|your|every|each|no|one)")
_SENTENCE_LEAD_RE = re.compile(r"(?:so|and|ok|okay|right|now|because|since|as|if)?\W*")


def _references(doc: Normalised) -> list[re.Match[str]]:
    """Explicit references to what the buyer said, plus "you want ..." opening a sentence."""
    refs = list(_EXPLICIT_REF.finditer(doc))
    for m in _WANT_REF.finditer(doc):
        s = doc.sentence_at(m.start())
        lead = _SENTENCE_LEAD_RE.match(doc.text, s.start, m.start())
        if lead is not None and lead.end() == m.start():
            refs.append(m)
    return sorted(refs, key=lambda m: m.start())


def tie_to_outcome(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    for m in _references(doc):
        s = doc.sentence_at(m.start())
        if text[s.start : s.end].rstrip().endswith("?"):
            continue
        w = _span_window(doc, s)
        if NUMBER_UNIT_RE.search(text, s.start, s.end) and LOSS_WORDS.search(doc, s.start, s.end):
            continue  # "you said it costs you 6 hours a week" quantifies, it does not tie
        if _LINK.search(doc, w.start, w.end) is None:
            continue
        return Hit("tie_to_outcome", m.start(), s.end, "tie.explicit_reference")
    if ctx is None or not ctx.buyer_outcomes:
        return None
    best: tuple[int, Span] | None = None
    for outcome in ctx.buyer_outcomes:
        wanted = content_stems(outcome)
        if not wanted:
            continue
        need = min(4, max(2, -(-len(wanted) // 2))) if len(wanted) >= 2 else 1
        for s in doc.sentences:
            sent = text[s.start : s.end]
            if sent.rstrip().endswith("?"):
                continue
            got = content_stems(sent) & wanted
            if len(got) >= need and lx.OFFER_NOUN.search(doc, s.start, s.end) is not None and (best is None or len(got) > best[0]):
                best = (len(got), s)
    if best is None:
        return None
    return Hit("tie_to_outcome", best[1].start, best[1].end, "tie.buyer_words")


# --- premature_upsell -----------------------------------------------------------------------

_EARLY_MOMENTS = frozenset({"prospecting", "discovery"})
_BIG_SCOPE_RE = re.compile(
    r"\b(?:\d{2,}|fifty|hundred)\s+(?:seats?|users?|licen[cs]es?)\b|\b\d{2,}\s+user\s+(?:pack|plan|bundle|licen[cs]e)\b"
    r"|\b(?:top|max|full|biggest|largest|advanced|premium|enterprise|unlimited)\s+(?:tier|plan|suite|package|bundle|licen[cs]e|pack)\b|\bthe top\b"
)
_EXPLORATORY_Q = re.compile(r"^(?:would|does|do|is|are|could|might|have|has)\b[^?]*\b(?:matter|interest|help|be useful|relevant|worth|curious|heard)\b")


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
    for strong in lx.PREMATURE_STRONG.finditer(doc):
        if not doc.negated(strong.start()):
            return Hit("premature_upsell", strong.start(), strong.end(), "premature.before_outcome")
    for cue in lx.PREMATURE_CUE.finditer(doc):
        if doc.negated(cue.start()):
            continue
        w = _span_window(doc, doc.sentence_at(cue.start()))
        target = lx.UPSELL_TARGET.search(doc, w.start, w.end)
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
    unknown = ctx.outcome_known is False
    if not (early or unknown):
        return None
    if not ctx.buyer_outcomes:
        # a push that skips or outruns the buyer's need, next to a bigger tier or scope
        for cue in lx.PREMATURE_SLOTS.finditer(doc):
            if doc.negated(cue.start()):
                continue
            w = doc.neighbourhood(cue.start())
            target = lx.UPSELL_TARGET.search(doc, w.start, w.end) or _BIG_SCOPE_RE.search(text, w.start, w.end)
            if target is None:
                continue
            rule = "premature.early_moment" if early else "premature.outcome_unknown"
            return Hit("premature_upsell", min(cue.start(), target.start()), max(cue.end(), target.end()), rule)
    for s in doc.sentences:
        span = _push_in(doc, s)
        if span is None:
            continue
        sent = text[s.start : s.end]
        if sent.endswith("?") and _EXPLORATORY_Q.match(sent):
            continue
        rule = "premature.early_moment" if early else "premature.outcome_unknown"
        return Hit("premature_upsell", span[0], span[1], rule)
    if early and not ctx.buyer_outcomes:
        # early on, naming the bigger tier as the answer is already the push
        for s in doc.sentences:
            target = lx.UPSELL_TARGET.search(doc, s.start, s.end) or _BIG_SCOPE_RE.search(text, s.start, s.end)
            if target is None or doc.negated(target.start()):
                continue
            sent = text[s.start : s.end]
            if _DEFER_RE.search(sent) or (sent.rstrip().endswith("?") and _EXPLORATORY_Q.match(sent)):
                continue
            return Hit("premature_upsell", target.start(), target.end(), "premature.early_moment")
    return None


_DEFER_RE = re.compile(
    r"\b(?:once|after|later|until|unless|depends|depending|whether|if (?:it|you|your)|before (?:we|i) (?:pick|choose|recommend|suggest|talk)|"
    r"understand|learn|hear|know more|no point|not yet|too early|first i|first,? i|let's first|what|how|who|which|why|some customers|some teams|"
    r"exists|there's also|there is also|we also have|also offer|no need)\b"
)


# --- confirmshaming -------------------------------------------------------------------------


def confirmshaming(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    """A guilt trip: choosing less set next to harm to the buyer's people, or a judgement of them."""
    for m in lx.BUYER_JUDGED.finditer(doc):
        if not doc.negated(m.start()):
            return Hit("confirmshaming", m.start(), m.end(), "confirmshaming.judgement")
    if not doc.may_match(lx.CHOOSE_LESS):
        return None
    for bad in lx.BUYER_BAD_LIGHT.finditer(doc):
        if doc.negated(bad.start(), 2):  # "isn't foolish" is cleared; "isn't really on your agenda" is the jab
            continue
        s = doc.sentence_at(bad.start())
        w = doc.neighbourhood(bad.start())
        choice = lx.CHOOSE_LESS.search(doc, w.start, w.end)
        if choice is None or doc.text[s.start : s.end].rstrip().endswith("?") and doc.text[s.start : s.end].startswith(("would", "could", "how", "what")):
            continue
        lo, hi = min(choice.start(), bad.start()), max(choice.end(), bad.end())
        return Hit("confirmshaming", lo, hi, "confirmshaming.choice_in_bad_light")
    for harm in lx.PEOPLE_HARMED.finditer(doc):
        w = doc.neighbourhood(harm.start())
        choice = lx.CHOOSE_LESS.search(doc, w.start, w.end)
        if choice is None:
            continue
        s = doc.sentence_at(harm.start())
        if doc.text[s.start : s.end].rstrip().endswith("?") and choice.start() >= s.start:
            continue  # "would your team cope if you kept the basic plan?" asks, it does not shame
        lo, hi = min(choice.start(), harm.start()), max(choice.end(), harm.end())
        return Hit("confirmshaming", lo, hi, "confirmshaming.harm_to_their_people")
    return None


# --- confirm_consent ------------------------------------------------------------------------


_AGREE_QUESTION = lexicon(
    "(?:you're|you are|are you) (?:happy|comfortable|ok|okay|good|set|ready|still happy) to (?:go ahead|proceed|move forward|sign|go with)",
    "(?:shall|should|can|may) i (?:put|mark|book|sign) you (?:down|in|up)",
)


def confirm_consent(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    agree = _AGREE_QUESTION.search(doc)
    if agree is not None and doc.text[doc.sentence_at(agree.start()).start : doc.sentence_at(agree.start()).end].endswith("?"):
        return Hit("confirm_consent", agree.start(), doc.sentence_at(agree.start()).end, "consent.confirm_and_record")
    if not doc.may_match(lx.CONSENT_RECORD):
        return None
    check = lx.CONSENT_CHECK.search(doc)
    if check is None:
        return None
    for rec in lx.CONSENT_RECORD.finditer(doc):
        if doc.negated(rec.start()):
            continue
        # "I'll note down the PO number when it arrives" records a fact, not a choice
        return Hit("confirm_consent", min(check.start(), rec.start()), max(check.end(), rec.end()), "consent.confirm_and_record")
    return None


# --- engage_stakeholders: "IT" is only a team when written in capitals ---------------------

_IT_TEAM_RE = re.compile(
    r"\b(?:bring|loop|pull|get|invite|involve|include|check with|run it by|run this by|share it with|share this with|align with|review it with|walk)\b"
    r"[^.!?;\n]{0,40}?\b(?:your|the|our)\s+IT\b"
    r"|\b(?:someone|somebody|anyone|a person|people|colleagues?)\s+from\s+(?:your\s+|the\s+)?IT\b"
    r"|\b(?:your|the)\s+IT\s+(?:team|lead|folks|people|department|admin|manager|director|colleagues?)?\s*(?:should|could|would|can|will|to|may|might|needs? to)\s+(?:review|see|join|check|look|weigh|sign|be|validate|test|vet)"
)


def it_team(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    if doc._offsets is not None or "IT" not in doc.original:
        return None
    m = _IT_TEAM_RE.search(doc.original)
    if m is None:
        return None
    return Hit("engage_stakeholders", m.start(), m.end(), "stakeholders.bring_in_it")


# --- engage_stakeholders: a stakeholder role and an involvement verb in one sentence ---------

_ROLE_RE = re.compile(
    r"\b(?:(?:your|the|our|their|a|an|one of your|someone from|somebody from|anyone from|someone in)\s+)?"
    r"(?:(?:site|shift|store|practice|warehouse|plant|depot|clinic|office|area|regional|branch)\s+(?:ops\s+)?(?:managers?|leads?|supervisors?)"
    r"|(?:finance|financial|legal|security|infosec|cyber|procurement|purchasing|compliance|privacy|data protection|network|networking|ops|operations|"
    r"it|hr|payroll|audit|risk|soc|accounts|accounting|treasury|governance|vendor risk|vendor management|infrastructure|infra|clinical|medical)"
    r"(?:\s+(?:ops|operations))?\s+(?:team|teams|lead|leads|director|directors|manager|managers|partner|partners|people|side|sides|folks|officer|officers|"
    r"architect|architects|engineer|engineers|head|colleagues?|department|dept|group|contact|counsel|reviewers?|admin|admins|specialist)"
    r"|cfo|ciso|cio|cto|coo|dpo|controller|comptroller|bookkeeper|accountant|solicitor|lawyer|lawyers|legal counsel|counsel|legal|procurement|finance|security|compliance"
    r"|head of \w+|board|governors|trustees|works council|union reps?)\b"
)
_INVOLVE_STRONG_RE = re.compile(
    r"\b(?:loop(?:ing|ed)?\s+(?:\w+\s+){0,4}in|bring(?:ing)?\s+(?:\w+\s+){0,5}(?:in|into|along|on board)|brought in|involve[sd]?|involving|invite[sd]?|inviting|"
    r"include[sd]?\s+(?:\w+\s+){0,3}(?:early|now|in|from)|join(?:s|ing)?|sit(?:s|ting)?\s+in|weigh(?:s|ing)?\s+in|sign(?:s|ing)?\s+off|vet(?:s|ting)?|"
    r"walk(?:ed|ing|s)?\s+(?:\w+\s+){1,5}through|share[sd]?\s+(?:\w+\s+){0,4}with|sharing\s+(?:\w+\s+){0,4}with|run\s+(?:\w+\s+){0,3}(?:by|past)|"
    r"(?:time|minutes|an hour|half an hour|a call|a session|a meeting|a chat|a workshop|fifteen minutes|thirty minutes)\s+with|"
    r"(?:get|getting|have|having|pull|pulling)\s+(?:\w+\s+){0,5}(?:in|into|on|involved|on board|along)\b|"
    r"on\s+(?:the|one|our|this|that|a|the next|next|\w+'s)\s+(?:\w+\s+)?(?:call|meeting|session)|in(?:to)?\s+the\s+room|"
    r"at\s+(?:the|our|\w+'s|next)\s+(?:\w+\s+)?(?:demo|call|meeting|session|walkthrough|workshop)|talk(?:s|ing)?\s+(?:to|with)|speak(?:s|ing)?\s+(?:to|with)|meet(?:s|ing)?\s+with)\b"
)
_INVOLVE_WEAK_RE = re.compile(
    r"\b(?:see|sees|saw|read|reads|review|reviews|check|checks|look at|looks at|look over|go over|approve|approves|validate|"
    r"go through|be part of|have a look|take a look|in front of|eyes on)\b"
)
_SUGGEST_RE = re.compile(r"\b(?:should|could|can|would|might|let's|let me|let us|i'd like|i would like|worth|before|please|wise|perhaps|maybe|how about|why not)\b|\?")
_NAME_INVOLVE_RE = re.compile(
    r"\b(?:bring|loop|get|invite|involve|include|have)\s+([A-Z][a-z]+)(?:\s+and\s+([A-Z][a-z]+))?\s+(?:in|into|on|along|involved)\b"
    r"|\b(?:[Ss]hould|[Cc]ould|[Cc]an|[Ww]ould)\s+([A-Z][a-z]+)\s+(?:see|review|join|check|look at|read|sit in|weigh in|sign off)\b"
)


_SKIP_RE = re.compile(r"\b(?:skip|skipping|no need|don't need|doesn't need|without|bypass|leave out)\b")
_PLAN_STEP_RE = re.compile(r"\b(?:signs?|sign off|signs off|circulates?|sends?|go live|goes live)\b[^.;!?]*,")


def engage_stakeholders(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    for role in _ROLE_RE.finditer(text):
        s = doc.sentence_at(role.start())
        if doc.negated(role.start()):
            continue
        strong = _INVOLVE_STRONG_RE.search(text, s.start, s.end)
        cue = strong
        if cue is None:
            weak = _INVOLVE_WEAK_RE.search(text, s.start, s.end)
            if weak is None or _SUGGEST_RE.search(text, s.start, s.end) is None:
                continue
            cue = weak
        if doc.negated(cue.start()) or _SKIP_RE.search(text, s.start, s.end):
            continue
        if DATE_RE.search(text, s.start, s.end) and _PLAN_STEP_RE.search(text, s.start, s.end):
            continue  # "legal signs the DPA by 1 May, we go live on 15 May" is a plan step, not an invitation
        lo, hi = min(role.start(), cue.start()), max(role.end(), cue.end())
        return Hit("engage_stakeholders", lo, hi, "stakeholders.role_and_involvement")
    if doc._offsets is None:
        for m in _NAME_INVOLVE_RE.finditer(doc.original):
            names = [g for g in m.groups() if g]
            if any(n in _NOT_NAMES for n in names):
                continue
            return Hit("engage_stakeholders", m.start(), m.end(), "stakeholders.named_people")
    return None


# --- proof_with_limits: evidence that happened, and where it may not carry over ---------------

_EVIDENCE_RE = re.compile(
    r"\b(?:study|studies|survey|surveyed|lab test|pen test|penetration test|tested|testing showed|report|review scored|independent review|audit|logs|"
    r"measured|benchmark(?:ed)?|case study|reference customers?|according to|our data|stat|statistic|"
    r"saw|cut|fell|dropped|halved|doubled|reduced|improved|scored|found|loved|reported|worked for|went from|shortened|rose|grew|was \d|were \d|"
    r"uptime was|rate was|respondents|customers|clinics|firms|schools|warehouses|sites|teams|salons|practices|depots|peers|admins)\b"
)
_RESULT_RE = re.compile(
    r"\d|\b(?:saw|cut|fell|dropped|halved|doubled|reduced|improved|scored|found|loved|reported|worked|went|shorter|fewer|faster|lower|higher|"
    r"covers|covered|tested|measured|had|was|were|rated|study|survey|report|review|lab|logs)\b"
)
_LIMIT_RE = re.compile(
    r"\b(?:though|although|but|however|except|only|mostly|all (?:urban|large|small|uk|us|eu)|not (?:the|purely|all|every|a)|one region|"
    r"one trial|one site|lab|real world|may be|could be|might be|smaller|bigger|larger|different|wouldn't assume|don't assume|"
    r"before you (?:count|rely|bank|assume)|cautiously|with caution|validate|verify|try it|run it alongside|ring one|call one|had problems|the other|"
    r"sample|respondents|caveat|confound|cause and effect|your own numbers|your own data|your numbers|varied|variance|range|spread|no change|"
    r"results vary|won't be the same|isn't the same|not the same|doesn't cover|didn't cover|excludes?|early|small)\b"
)
PROPOSING_RE = re.compile(
    r"\b(?:could we|how about|shall we|we could|let's|your choice is|choice is|plan a|plan b|option a|option b|either|or one|i'll (?:still )?send|if we|"
    r"two paths|which should|would|will|already switched|have already|you'd be the last|live across)\b|\?\s*$"
)


def proof_with_limits(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if _LIMIT_RE.search(text) is None:
        return None
    for s in doc.sentences:
        ev = _EVIDENCE_RE.search(text, s.start, s.end)
        if ev is None or _RESULT_RE.search(text, s.start, s.end) is None:
            continue
        if PROPOSING_RE.search(text, s.start, ev.end()):
            continue  # "could we pilot..." proposes; "..., so let's check it on your rota" is the limit
        w = doc.neighbourhood(ev.start())
        lim = _LIMIT_RE.search(text, ev.end(), w.end)
        if lim is None:
            continue
        if not (_QUALIFIED_SUBJECT_RE.search(text, s.start, s.end) or _DIGIT_RE.search(text, s.start, s.end)):
            continue
        return Hit("proof_with_limits", ev.start(), lim.end(), "proof.evidence_and_limits")
    return None


_QUALIFIED_SUBJECT_RE = re.compile(
    r"\b(?:study|survey|lab|pen test|report|review|audit|logs|benchmark|reference|customers?|clinics|firms|schools|warehouses|sites|"
    r"teams|salons|practices|depots|peers|admins|a bank|pilot|trial|our|we)\b"
)


# --- stop_rule by slots: a failure condition and a penalty-free way back -------------------------

_FAIL_COND_RE = re.compile(
    r"\b(?:if|should|unless|in case|when|once)\b[^.;!?]{0,80}?\b(?:fail|fails|failed|isn't|aren't|doesn't|don't|didn't|haven't|hasn't|won't|not|never|"
    r"slip|slips|slipped|stall|stalls|stalled|stays? (?:above|below|under|over)|falls? (?:short|below|under)|drop|drops|miss|misses|missed|reject|rejects|"
    r"disappoint|disappoints|under|below|fewer|less than|above|worse|no better|short of|breaks?|goes wrong)\b"
)
_WAY_BACK_RE = re.compile(
    r"\b(?:void|nothing (?:is )?owed|owe nothing|exit|walk away|revers(?:e|es|ed)|drop(?:s|ping)? back|step(?:s|ping)? (?:back|down)|move (?:you )?back|"
    r"roll(?:s|ing)? (?:you )?back|rollback|downgrade|move (?:you )?down|send (?:them|it) back|return (?:them|it)|credit (?:the|you)|refund|"
    r"cancel|switch (?:it )?off|turn (?:it )?off|unwind|back out|release you|let you go|go back to|revert|reverts)\b"
)
_NO_PENALTY_RE = re.compile(
    r"\b(?:at no cost|no cost|free|no fees?|without (?:a )?(?:fee|penalty|charge|cost)|no penalty|no charge|costs? you nothing|nothing (?:is )?owed|"
    r"owe nothing|no quibble|no questions asked|clean|credit|refund|void|last year's price|at the same price|penalty free)\b"
)


def stop_rule_slots(doc: Normalised) -> Hit | None:
    text = doc.text
    if _WAY_BACK_RE.search(text) is None:
        return None
    for s in doc.sentences:
        if text[s.start : s.end].rstrip().endswith("?"):
            continue  # "what does a rollback cost you?" asks about the past; it offers no exit
        back = _WAY_BACK_RE.search(text, s.start, s.end)
        if back is None or doc.negated(back.start()):
            continue
        if re.search(r"\bleave you alone\b|\bfee\b[^.;!?]*\bterminat|terminat[^.;!?]*\bfee\b", text[s.start : s.end]):
            continue
        cond = _FAIL_COND_RE.search(text, s.start, s.end)
        w = doc.neighbourhood(back.start())
        free = _NO_PENALTY_RE.search(text, w.start, w.end)
        explicit = re.match(r"drop|downgrade|rollback|roll|revers|void|step|move", back.group(0)) is not None
        if cond is None or (free is None and not explicit):
            continue
        lo, hi = min(cond.start(), back.start()), max(cond.end(), back.end())
        return Hit("stop_rule", lo, hi, "stop.conditional_exit")
    return None


# --- pressure_tactics by slots: an offer, a short clock and a loss; or a crowd that already moved ---

_OFFER_RE = re.compile(
    r"\b(?:price|prices|pricing|rate|rates|discount|offer|deal|slot|slots|spot|spots|space|spaces|place|places|cohort|setup|set up|quote|promo|promotion|"
    r"terms|bonus|approval|saving|savings|credit|credits|free \w+|allocation|capacity|onboarding|seats?|stock|order|signature|sign|commit|decide|confirm)\b"
)
_CLOCK_RE = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:week|month|quarter|friday|monday|afternoon|morning|evening)|next (?:monday|tuesday|wednesday|thursday|friday|week)|"
    r"(?:by|until|till|before|past|after) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon|midday|midnight|\d|the end|month end|quarter end|"
    r"year end|i go|we close|then)|(?:fiscal |financial )?(?:year|month|quarter) end|end of (?:the )?(?:day|week|month|quarter|year)|noon|midnight|"
    r"\d+ ?(?:pm|am)|the sooner|won't wait|any day now|going fast|are going|rush of|within (?:the|an|\d+) (?:hour|hours|days))\b"
)
_LOSS_RE = re.compile(
    r"\b(?:off|gone|lose|lost|won't wait|expires?|expiring|ends|lapses?|only|tied to|after that|then it's|then i have to|next (?:firm|customer|company|client|one)|"
    r"offer it to|give it to|goes to|squeeze|can't hold|cannot hold|sooner|forfeit|miss|back to (?:list|full)|goes up|go up|rises?|higher|no longer|"
    r"disappears?|won't be|can't promise|get it in|are going|is going|filling|booked|better|keep|keeps|you keep|lock|locks|locked|secure)\b"
)
_CALM_RE = re.compile(
    r"\b(?:so you can (?:budget|plan)|not so you rush|no rush|take your time|no deadline|valid for|whenever|no cut ?off|stands until|"
    r"if you need|if that helps|your call|up to you)\b"
)
_WHY_TOLD_RE = re.compile(r"\b(?:so (?:that )?you can (?:budget|plan|prepare)|not so (?:that )?you (?:rush|hurry))\b")
_CROWD_RE = re.compile(
    r"\b(?:everyone|everybody|anyone serious|all the (?:\w+ )?(?:firms|clinics|companies|teams|schools|shops)|(?:nine|eight|seven|\d+) out of (?:ten|\d+)|"
    r"most of (?:your|the) (?:\w+ )?(?:peers|competitors|rivals|neighbours|neighbors|industry|sector)|your (?:\w+ )?(?:competitors|rivals|peers|neighbours|neighbors)|"
    r"(?:firms|clinics|companies|teams|schools|shops|practices|businesses|depots|salons|charities|insurers|hospitals|councils|stores|agencies) (?:in|near|around|across|like) (?:your|yours)\s?(?:area|region|sector|street|town|city|industry|network|trust|group|county|patch|field|space|market|segment|position|shoes|situation)?|"
    r"other (?:\w+ )?(?:hospitals|clinics|firms|companies|schools|teams|customers|practices|depots|charities|insurers|salons|shops|councils|trusts)|"
    r"(?:lots|plenty|loads|many|most) of (?:firms|companies|teams|people|owners|schools|clinics|businesses) (?:in|like) your (?:position|shoes|situation|size)|"
    r"(?:half|most) (?:the|of the) (?:\w+ )?(?:in|near) your)\b"
)
_ADOPT_RE = re.compile(
    r"\b(?:went live|gone live|moved over|moved|signed up|signed|switched|joined|already|upgraded|bought|made the (?:switch|move|jump)|on board|onboard|"
    r"are on|is on|adopted|renewed|said yes|jumped|are moving|aren't waiting|are not waiting|not waiting|snapped|grabbed)\b"
)
_EVIDENCE_WORDS_RE = re.compile(r"\b(?:saw|cut|fell|dropped|measured|study|survey|though|although|but|however|reduced|results?)\b")


def pressure_slots(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    if _CLOCK_RE.search(text) is None and _CROWD_RE.search(text) is None:
        return None  # one scan each: no clock and no crowd, nothing to check sentence by sentence
    for s in doc.sentences:
        nb = doc.neighbourhood(s.start)
        if _CALM_RE.search(text, s.start, s.end) or _WHY_TOLD_RE.search(text, nb.start, nb.end):
            continue  # "valid for 60 days", "so you can budget": the date is information here
        clock = _CLOCK_RE.search(text, s.start, s.end)
        if clock is not None and not doc.negated(clock.start()):
            offer = _OFFER_RE.search(text, s.start, s.end)
            loss = _LOSS_RE.search(text, s.start, s.end)
            if offer is not None and loss is not None and not doc.negated(loss.start()):
                spans = (clock, offer, loss)
                lo, hi = min(m.start() for m in spans), max(m.end() for m in spans)
                plan = len(DATE_RE.findall(text, s.start, s.end)) >= 2 and OWNER_PRONOUN_RE.search(text, s.start, s.end) is not None
                if not plan and (_OWN_STEP_RE.search(text, s.start, s.end) is None or _LOSS_RE.search(text, clock.end(), s.end) is not None):
                    return Hit("pressure_tactics", lo, hi, "pressure.offer_on_a_clock")
        crowd = _CROWD_RE.search(text, s.start, s.end)
        if crowd is not None and not doc.negated(crowd.start()):
            adopt = _ADOPT_RE.search(text, crowd.end(), s.end)
            if adopt is not None and _EVIDENCE_WORDS_RE.search(text, s.start, s.end) is None:
                return Hit("pressure_tactics", crowd.start(), adopt.end(), "pressure.crowd_already_moved")
    return None


_OWN_STEP_RE = re.compile(r"\b(?:i'll|i will|we'll|we will)\s+(?:\w+\s+){0,2}?(?:send|email|post|share|draft|prepare|book|call|ring)\b")


# --- hidden_terms by slots: a contract term beside words that keep it out of view ---------------

_DOWNPLAY_RE = re.compile(
    r"\b(?:not something (?:we|i|you) (?:\w+ )?(?:lead with|mention|advertise|talk about|put|bring up|shout about|flag)|"
    r"nothing (?:you|they|anyone) (?:need|needs|have|has) to|(?:on its own|separately|by itself) to (?:your|the)|"
    r"easier (?:not to|to leave|to skip)|left (?:it|that|them) (?:off|out)|leave (?:it|that|them) (?:off|out)|"
    r"(?:not|never|don't|won't|wouldn't|didn't) (?:raise|mention|flag|bring up|lead with|highlight|spell out|point out)|"
    r"(?:we|i|they) (?:don't|do not|never|rarely) (?:advertise|mention|publicise|publicize|lead with|shout about|talk about)|"
    r"(?:most|many) (?:customers|clients|people|teams|buyers) (?:never|don't|won't|rarely) (?:get there|hit|reach|notice|see|use|need)|"
    r"(?:don't|do not|no need to|needn't) (?:worry|fret|think) about (?:it|that|this|those)|usual (?:legal )?stuff|boilerplate|"
    r"(?:won't|never|rarely|hardly ever) (?:comes?|come) up|doesn't matter|not important|small print|fine print|another day|"
    r"(?:present|show|quote|give) (?:\w+ ){0,3}(?:on its own|without|separately|excluding)|"
    r"no point (?:in )?(?:going through|reading|looking at|getting into|discussing|mentioning)|"
    r"(?:we|i) (?:usually |normally |just )+(?:call it|describe it|present it|round it|leave it)|"
    r"keep (?:the )?(?:headline|top line|number|quote|price|summary|figure)(?: number| figure)? (?:clean|simple|tidy|low|short)|"
    r"(?:let's|lets|let us) not (?:bring|raise|mention|flag|get into|go into|dwell)|"
    r"(?:don't|do not|won't|wouldn't) want to go (?:looking|digging|reading)|cross that bridge|"
    r"(?:isn't|is not|not|wasn't|aren't) in the (?:summary|proposal|quote|headline|deck|one pager|pack|email)|"
    r"until after (?:the pilot|you sign|you've signed|signing|signature|go live|the contract|the deal))\b"
)


def hidden_slots(doc: Normalised, ctx: ScoreContext | None) -> Hit | None:
    text = doc.text
    for m in _DOWNPLAY_RE.finditer(text):
        w = doc.neighbourhood(m.start())
        term = lx.CONTRACT_TERMS.search(doc, w.start, w.end)
        if term is None:
            continue
        if re.search(r"\b(?:here is|here's|i've put|i have put|top of the summary|in writing|how to cancel|to be clear|clearly)\b", text[w.start : w.end]):
            continue
        lo, hi = min(m.start(), term.start()), max(m.end(), term.end())
        return Hit("hidden_terms", lo, hi, "hidden_terms.kept_out_of_view")
    return None


DETECTORS: tuple[tuple[str, Detector], ...] = (
    ("discovery_question", discovery_question),
    ("tie_to_outcome", tie_to_outcome),
    ("quantify_risk", quantify_risk),
    ("options_tradeoffs", options_tradeoffs),
    ("mutual_plan", mutual_plan),
    ("stop_rule", stop_rule),
    ("step_up_trigger", step_up_trigger),
    ("premature_upsell", premature_upsell),
    ("confirm_consent", confirm_consent),
    ("confirmshaming", confirmshaming),
    ("engage_stakeholders", it_team),
    ("engage_stakeholders", engage_stakeholders),
    ("proof_with_limits", proof_with_limits),
    ("pressure_tactics", pressure_slots),
    ("hidden_terms", hidden_slots),
)


# Each regex above answers "no match" at once when the reply lacks a word all its matches need
# (read from the regex itself); results are unchanged, the scan is skipped.
cue_patterns(globals())
