"""Cue features of a reply for the weighted cue model, each with where it occurs.

A feature is a short string naming one cue the reply shows:

* ``w:stem`` — a word (crudely stemmed), ``p:abcde`` — the first five letters of a longer word,
  ``b:stem_stem`` — two words in a row, inside one clause; ``s:stem_stem`` — two words with one
  word between them, so "read the small print" and "read that small print" share ``s:read_small``;
* ``k:CLASS`` — a word of a cue class (a list of words that mean much the same in a sales
  conversation, such as ``URGENT`` for "tonight", "midnight", "soon"), ``k:CLASS_`` — a phrase of
  one ("this week", "before the price goes up");
* a leading ``n`` (``nw:``, ``nk:``) when the cue is one of the three words after a negator in
  its clause (small words such as "you", "with" and "a" are not counted), so "no rush" and "rush"
  are different cues, and "won't pressure you with a deadline" negates the deadline too;
* ``r:criterion`` and ``rn:rule`` — a phrase rule or small parser fired; ``rneg:criterion`` — a
  rule's trigger phrase occurred but negated;
* ``m:moment``, ``out`` (the buyer has stated outcomes), ``ov:N`` (words shared with them), ``q``.

Every feature carries the span (normalised offsets) of its first occurrence, so a finding the cue
model makes can quote the words that tipped it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping

from trainer.core.findings import ScoreContext
from trainer.core.scoring.patterns import Lexicon, _split_top, lexicon
from trainer.core.scoring.text import NEGATORS, Normalised, fold

Spans = dict[str, tuple[int, int]]

_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[£$€%]")
_SUFFIXES = ("ing", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """A crude, stable stem: numbers become ``#``, common endings are cut from long words."""
    if word[0].isdigit():
        return "#"
    if "'" in word:
        head, _, tail = word.partition("'")
        if tail in ("s", "ll", "re", "ve", "d", "m"):
            return head if tail == "s" else word.replace("'", "")
        return word.replace("'", "")
    if len(word) > 4:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
    return word


def _classes(spec: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name, words in spec.items():
        for w in words.split():
            table.setdefault(stem(w), []).append(name)
    return {k: tuple(v) for k, v in table.items()}


#: Single-word cue classes (words are stemmed the same way as the reply).
WORD_CLASSES: dict[str, str] = {
    "SMALL": "basic starter lite essentials essential free cheapest cheaper cheap budget minimal smaller "
    "lower base entry downgrade skip skipping without decline declining trim trimmed leave stay stick "
    "standard core bare stripped less fewer single",
    "BIG": "premium pro plus enterprise ultimate full complete upgrade add addon module bundle tier "
    "higher bigger everything advanced professional suite growth scale business extra expansion",
    "PEOPLE": "staff team nurses patients customers members drivers lads kids students donors engineers "
    "people employees clients parents trustees family colleagues users agents crew volunteers pupils",
    "JUDGE": "careless bothered fussed serious seriously care deserve ambitious sensible awful hate blame "
    "fault shame ashamed embarrassing embarrassed amateur negligent gamble responsible irresponsible "
    "proper hobby hobbyist small-time lazy afford settle settling mediocre disappointed disappoint "
    "professional smart wise grown-up real guilty comfortable happy mind matter matters sad surprised "
    "calibre caliber reputation grasp successful growing struggling behind odd backward outdated "
    "dinosaur laggard naive unprofessional reckless cheapskate penny-pinching stingy timid brave bold "
    "warned warn minuted blames blamed exposed regret regrets sorry pity shame suppose guess "
    "expect expected thought imagine",
    "CONSEQUENCE": "wrong breaks broke falls fall regulator outage outages breach breached hits lawsuit "
    "fine fined audit auditors board trustees explain explaining answer blame exposed disaster "
    "incident incidents fails failure late chaos",
    "SCORN": "mickey amateur toy hobby joke cute quaint sad cheap budget bargain basement "
    "small-time half-hearted corner-cutting dinosaur stone-age",
    "URGENT": "today tonight midnight now tomorrow friday deadline expire expires expiring disappear "
    "disappears ends end last left remaining slot slots spot spots soon quickly quick fast hurry "
    "before lock locking jump jumps rise rises window closing close closes limited only week "
    "weekend asap immediately gone waiting",
    "CROWD": "everyone everybody most others competitors competitor rivals peers already moved switched "
    "practices firms businesses shops companies neighbours sensible anyone neighbour franchise branches "
    "yesterday signed standardised standardized pace catching behind left typically all every "
    "clinics salons schools universities councils group street town",
    "DAY": "monday tuesday wednesday thursday friday saturday sunday tomorrow tonight midnight eod "
    "5pm 6pm noon quarter weekend month-end year-end deadline cut-off cutoff",
    "HOLD": "hold holding held release released reserve reserved cap capping capped full gone lose "
    "expire expires lapse lapses vanish disappear reapprove honour honor withdraw withdrawn "
    "pulled allocated waiting list queue remaining sign-ups signups cohort",
    "TERM": "renew renews renewal roll rolls rollover automatically auto term minimum contract lock-in "
    "cancellation cancel fee fees charge charged charges extra extras vat bundle bundled opt "
    "refund price prices inflation uplift band resets reset clause print terms portal notice "
    "penalty commitment converts convert annual upfront invoice billing billed true-up overage "
    "itemised itemized rate card msa opt-out rolls resets expire expiry co-term co-terming egress "
    "pass-through t&cs no-refund refund surcharge escalator indexation automatic auto-renewal "
    "auto-renews auto-renew minimum-spend licence license",
    "MINIMISE": "just only tiny little small nothing barely notice nobody rarely standard normal "
    "technically sort legal wording worry stress need worth focus later somewhere fine honestly "
    "basically formality boilerplate usual routine trivial minor whatever administrative purely "
    "anyway eh typically remember twice stuff negligible complicated pennies peanuts rounding "
    "housekeeping paperwork admin",
    "CONCERN": "concern concerns worry worried question questions issue issues problem problems gdpr "
    "security compliance budget price cost costs downtime risk risks fear nervous hesitant "
    "objection doubt doubts",
    "DISMISS": "overthinking overthink worked fuss fussing important matter relax paranoid nerves "
    "silly overblown exaggerated irrelevant noise drama bother bothering technicality negligible "
    "ignore ignoring noted later complicate complicating waste fuss cautious paranoia "
    "one-off grumbling panic panicking nervous adapt moving trust focused distraction detail "
    "details sideshow formality rubber-stamp fine chill calm overreacting fretting stressing",
    "ABSOLUTE": "always never every all everything guaranteed guarantee guarantees completely totally "
    "entirely exceptions whatever any eliminate eliminates zero nobody perfect perfectly forever "
    "instantly overnight fully certainly definitely impossible nothing 100 seamless seamlessly "
    "effortless flawless bulletproof unhackable foolproof promise promised transform transforms "
    "sorted whatsoever single literally easily automatically disappear disappears vanish",
    "HEDGE": "most many some typically usually often around roughly may might not varies depends "
    "vary median average range between about approximately",
    "EVIDENCE": "study measured data survey sample pilot case results saw cut reduced average median "
    "audit report benchmark test tested trial customers clients sites found showed figures numbers "
    "analysis",
    "LIMIT": "although though however except caveat caveats small didn't varies depends validate "
    "confound confounded smaller differ different only self-reported seasonal limited can't "
    "cannot unclear unsure exception",
    "FREE": "choice decision decide call fine ok okay reasonable perfectly legitimate pressure rush "
    "time wait whenever obligation optional wrong sensible valid good",
    "ACK": "fair understand understandable sense get hear right valid reasonable real matters "
    "legitimate concern worry point appreciate",
    "ROLE": "finance cfo controller accountant bookkeeper treasurer it security legal dpo procurement "
    "ops operations manager director board committee contractor whoever lawyer counsel "
    "compliance ciso cto head partner admin administrator privacy",
    "INVOLVE": "bring join loop include invite room call see review sit involve copy cc meet spend "
    "attend walk talk hear chat involved",
    "EXIT": "exit cancel drop back roll rollback walk away refund penalty scale revert downgrade "
    "return release terminate out",
    "STEP": "start begin pilot trial smaller first initially phase step later revisit review "
    "trigger once when pass passes hit hits reach reaches threshold expand",
    "PLAN": "send sends book books schedule set sets run runs check checks draft confirm share "
    "owner owns by on",
    "NUMBER": "# £ $ € % hundred thousand million dozen twenty thirty forty fifty half",
    "UNIT": "hour hours day days week weeks month months year years minute minutes seat seats user "
    "users order orders incident incidents ticket tickets error errors shift shifts call calls "
    "invoice invoices pound pounds dollar dollars k percent",
    "LOSS": "lost lose losing cost costs wasted waste miss missed late overtime fines fine penalty "
    "churn refund refunds rework outage outages downtime",
    "QWORD": "what how why which who where",
    "OPTION": "option options plan plans tier tiers either or alternatively choice path route "
    "version package",
    "IDIOM": "slam dunk no-brainer needle table stakes cowboys pane glass home run ballpark "
    "circle synergy low-hanging fruit bandwidth deep dive touch base moving parts game changer "
    "silver bullet",
}
_WORD_TABLE = _classes(WORD_CLASSES)

#: Multi-word cues, one alternation per class (matched on the normalised text).
PHRASE_CLASSES: dict[str, str] = {
    "FREE": r"you know (?:your|the|this) \w+ (?:best|better)|what feels right|whatever (?:feels|works|suits)|(?:if|when) it suits|suits you|"
    r"your call|up to you|your decision|no pressure|no rush|take your time|in your own time|"
    r"either fine|either's fine|either is fine|either one is fine|both (?:are|options are) (?:fine|reasonable|sensible|good)|(?:doesn't|won't|does not|will not) expire|"
    r"(?:not going to|won't|will not|not here to) (?:push|rush|pressure|chase)|when (?:it's|you're) (?:right|ready)|"
    r"(?:we'll|we will|i'll) support (?:it|that|you|whichever)|(?:is|are) optional|go with that|rather you (?:were|be) happy|"
    r"(?:can|could) (?:still )?say no|legitimate (?:way|choice|option)|(?:sound|good|fine|reasonable|sensible) (?:call|choice|decision)|"
    r"plenty (?:don't|do not|stay)|your timeline|nothing to gain|including doing nothing|doing nothing|the price holds|"
    r"whichever you (?:prefer|choose|pick)|no obligation|no commitment|think it over|take (?:a|the) (?:few|couple)|"
    r"nothing wrong with|perfectly (?:fine|good|reasonable)|totally fine|completely fine|your choice|"
    r"whatever you decide|either way|if you'd rather|if you prefer|happy either way|fine too",
    "ACK": r"fair (?:point|enough|question|concern|worry)|that's fair|i (?:completely |totally )?(?:understand|get it|get that|hear you)|"
    r"makes sense|good question|you're right|reasonable to|right to (?:ask|worry|be)|i'd (?:worry|ask) too",
    "DISMISS": r"will be (?:legal|lawyers|finance|procurement)|(?:legal|lawyers|finance|procurement|they)'ll be (?:legal|lawyers|finance|procurement)|later problem|problem for later|come back to (?:\w+ )?(?:\w+ )?after|deal with (?:that|it) (?:if|when|later)|let's not (?:wait|hold|go down|complicate|waste|bother)|(?:move|get) on to|give it a (?:week|fortnight|month)|(?:get|got) used to|detail rather than|rather than (?:spend|spending)|isn't worth|not worth (?:a|the|it)|his problem|her problem|their problem|not a reason to|don't actually care|waste (?:time|the call)|(?:every|all) \w+ (?:says|say|ask|asks) that|will look (?:very )?different|their call to make|(?:not|wouldn't) bother|only complicate|not for today|shall we (?:look at|move)|too closely|nobody worries|same as everyone|wouldn't fuss|duly noted|be positive|isn't something we need|next slide|the wrong way|paid to be|what ifs|what-ifs|more of an internal|if you ask me|justifying their|they'll have got used|"
    r"i wouldn't (?:give|plan|let|bother|worry|factor|read|put|dwell|get)|hardly (?:count|counts|matters|anyone|ever|anything)|not really|nice (?:problem|thought|to have)|set (?:\w+ )?(?:\w+ )?aside|rather than (?:dwelling|worrying|getting|focusing)|being (?:lawyers|legal|cautious|difficult)|for show|(?:always|all) (?:say|says|said)|overthink|overthinking|fixate|fixating|nothing to discuss|doubt anyone|(?:need|have) to think about|one for your|separate (?:from|issue|thing)|keep (?:the|this|our) (?:conversation|renewal|call|focus) on|never as (?:tricky|hard|bad|difficult)|won't affect|can't possibly|after you sign|least interesting|pretty standard|skip (?:that|the|those|it)|don't let (?:that|it|them|the \w+) (?:slow|hold|stop|put)|(?:slow|hold) (?:things|us|it|this) (?:down|up)|full stop|nothing, really|nothing really|people (?:adapt|get used)|they always|turn out to be flexible|on value instead|"
    r"not (?:a|an) (?:big deal|issue|problem)|won't (?:matter|notice|mind)|doesn't matter|"
    r"cross that bridge|moving on|let's (?:move on|stay focused|park that|skip|not get|not spend)|trust me|you'll see|"
    r"(?:doesn't|don't) (?:really )?need to (?:be|see|know|involve|check|read)|no (?:real )?(?:need|reason) to|"
    r"(?:always|just) (?:nervous|worried|panic|grumble|complain)|nothing (?:in it|to worry)|"
    r"(?:don't|doesn't) understand|one way to look at it|they'll (?:be fine|come round|get over)|you'll be fine|"
    r"don't worry|don't stress|no need to|not worth|let's not (?:worry|fuss|get)|come back to (?:it|that)|"
    r"for now|leave (?:that|it|the \w+)(?: \w+)? for|it's fine|never an issue|nobody (?:ever )?(?:asks|notices|reads|checks|cares)|"
    r"worked up|hung up|overthinking|don't need to (?:see|know|worry|think)",
    "URGENT": r"this week|end of (?:the )?(?:day|week|month|quarter|year)|while (?:it|they|you can)|"
    r"(?:can't|cannot|won't|not able to) (?:hold|keep|guarantee|promise)|use it or lose it|strike while|"
    r"(?:release|released|give|offer|go) (?:it |them |the \w+ )?to (?:another|the next|someone)|before someone else|"
    r"(?:only|just) (?:\w+ )?(?:for|to) the (?:first|next) (?:\w+ )?(?:sign|customers|buyers)|out of my hands|"
    r"(?:by|before) (?:\d+ ?(?:pm|am)|end of day|close of play|(?:this |next )?(?:monday|tuesday|wednesday|thursday|friday))|"
    r"(?:after|past|beyond) (?:monday|tuesday|wednesday|thursday|friday|the \d+|today|tomorrow)|"
    r"before (?:it|they|the price|prices)|only \w+ left|last (?:chance|few|one|two|three)|"
    r"going up|goes up|lock (?:it|this|that|in)|won't last|miss out",
    "ABSOLUTE": r"a thing of the past|simple as that|full stop|risk is gone|risk's gone|(?:stop|stops) happening|fall to (?:nothing|zero)|is certain|certain to|permanent (?:end|fix)|in every (?:possible )?way|fixes them all|(?:it|they) hasn't,? and (?:it|they) won't|never (?:failed|been|held|gets|lost|had|missed)|covered\.? completely|what risk|several times over|that's what it delivers|(?:can't|cannot|won't) (?:possibly )?go wrong|won't be an issue|lifts every|you won't find another|"
    r"it just works|does it all|(?:will|would|it'll|that'll|this'll) (?:cover|fix|solve|sort) (?:it|that|everything|all)|no question|"
    r"nobody (?:ever|once|has ever)|nobody's (?:ever|once)|(?:never|not) (?:once|a single)|pays? for itself|it always does|always does|you'll pass|"
    r"every single|no scenario|no way you'll|no catch|(?:stake|bet) my|won't need any|"
    r"(?:never|won't|will not) (?:\w+ )?again|out of the box|plug and play|(?:you'll|you will) never|"
    r"(?:cut|drop|reduce)s? (?:it |them )?to zero|100 ?(?:%|per ?cent|percent)|no exceptions|without fail|"
    r"i promise|guaranteed|guarantee",
    "CROWD": r"every (?:\w+ )?(?:practice|clinic|firm|team|business|shop|school|company|customer|client)|"
    r"(?:all|most|many) (?:of )?(?:the )?(?:other|our|your) (?:\w+ )?(?:clinics|practices|branches|firms|clients|customers|peers)|"
    r"(?:everyone|everybody) (?:your size|like you|in your|on your|picks|does|ends up)|keep (?:pace|up)|"
    r"(?:last|first|only) (?:\w+ )?(?:one|to|on the|in the|still)|(?:sign|signed|signing) (?:up )?(?:yesterday|last week|this week)|"
    r"all (?:the|your) (?:\w+ )?(?:peers|competitors|others)|most (?:of )?(?:our|your|teams|companies|firms)|"
    r"everyone (?:else|your size)|already (?:moved|switched|signed|on)",
    "JUDGE": r"(?:explain|explaining) (?:that|this|it|the decision|why)|(?:wonder|wondering|asks?|asking) (?:you )?why|counting on you|no judgement|(?:declined|cut|dropped|skipped) at your level|between us|(?:aim|aimed) so low|grown up|odd one out|(?:isn't|aren't|wasn't) (?:for everyone|worth \S+ to)|(?:prefer|preferred) the saving|hopefully nobody|sort of (?:manager|person|owner|firm|team|leader|business)|(?:isn't|not) that fussed|by all means|(?:sharp|serious|smart|savvy|proper|good|responsible|ambitious) (?:\w+ )?(?:owners|hoteliers|leaders|managers|teams|firms|cfos|directors|ones)|isn't ready to invest|aren't ready to invest|playing around|the impression|what will (?:your|the) \w+ think|we both know|says something about|strange place|timid|before someone senior|anyone serious|only a \w+ (?:firm|team|business|owner)|"
    r"if (?:you're|you are) happy (?:to|for|with)|if (?:\w+ )?(?:doesn't|don't) matter|"
    r"don't come (?:to us|crying|back)|(?:that's|it's) on you|your (?:problem|funeral|risk)|"
    r"(?:when|if|the next time) (?:it|the \w+|something|things) (?:all )?(?:goes|go|falls|breaks|hits)|"
    r"(?:a|the) (?:choice|decision) you made|i did warn|i warned|just saying|i suppose|i guess|"
    r"only (?:\w+ )?(?:one|ones|team|firm|school|practice|clinic|authority|business|campus) (?:still|that|who|left)|"
    r"(?:a|an) (?:\w+ )?(?:like yours|your size)|what (?:the|your) (?:board|trustees|team|boss|ceo|cfo) (?:might|will|would) think|"
    r"take (?:\w+ )?seriously|(?:weren't|aren't|wasn't|isn't) (?:our|the|really) best|"
    r"matters more than|for people who|the ones (?:who|that|still)|owners who|teams that don't|"
    r"who (?:don't|aren't|isn't|doesn't) (?:care|take|bother)|i'd (?:hate|feel)|on you|"
    r"doesn't look|side thing|given up|not that (?:fussed|bothered)",
    "HIDE": r"small print|fine print|don't need to (?:mention|tell|bring|read|worry)|no need to (?:mention|tell|read|bring)|"
    r"(?:isn't|not) (?:itemised|itemized|listed|on the quote|worth (?:listing|flagging|mentioning))|(?:in|on) the (?:rate card|msa|appendix|portal|terms) (?:somewhere|if)|"
    r"somewhere|unless (?:you|someone) (?:opt|remember|cancel)|(?:most|nobody|no one) (?:people )?(?:cancel|uses?|reads?|notices?)|"
    r"think twice|purely administrative|just (?:the|a) (?:legal|standard|usual) (?:wording|stuff|thing|formality)|rolls? (?:into|over)|"
    r"(?:only|just) matters if|comes back|resets? (?:the|to|at)|won't need to|let's focus on|"
    r"won't (?:need|notice)|nobody (?:reads|checks|notices)|let's not (?:mention|spell|bring)|"
    r"we'll (?:sort|deal with|talk about) (?:that|it|the)|when we get there|technically|legal wording|"
    r"not worth (?:raising|mentioning|reading)|in the terms|on top",
    "EXIT": r"walk away|drop back|roll back|scale (?:back|down)|no penalty|without penalty|money back|"
    r"cancel (?:at|with|without)|get out",
    "INVOLVE": r"in the room|on the (?:next )?call|loop (?:in|them)|bring (?:in|them|your|her|him)|"
    r"sit in|be part of|join (?:us|the)|worth (?:your|having|bringing)",
    "IDIOM": r"bend over backwards|strike while|gold standard|whole (?:enchilada|nine yards|shebang)|kick (?:themselves|yourself)|"
    r"better safe than sorry|dog's breakfast|(?:same|one) hymn sheet|(?:money|it) on the table|rubber meets the road|"
    r"land and expand|go big or go home|(?:800|eight hundred) pound gorilla|(?:earn|earns|earning) (?:its|their) keep|bulletproof|"
    r"low hanging fruit|circle back|boil the ocean|move the needle|game changer|no brainer|slam dunk|home run|win win|"
    r"heavy lifting|same page|hit the ground running|ducks in a row|bang for (?:your|the) buck|belt and braces|"
    r"bells and whistles|piece of cake|cash cow|deep dive|elephant in the room|on the fence|pull the trigger|"
    r"ball in your court|ball's in your court|ball is in your court|skin in the game|secret sauce|sweet spot|tip of the iceberg|apples to apples|"
    r"bite the bullet|back to the drawing board|raise the bar|level (?:the )?playing field|touch base|paradigm shift|"
    r"bleeding edge|wheelhouse|flagpole|outside the box|icing on the cake|cherry on top|in the weeds|out of the park|"
    r"full monty|dog and pony|kick the tyres|kick the tires|rock solid|safe pair of hands|weight in gold|hands down|"
    r"mickey mouse|cowboys?|single pane|table stakes|ballpark|no-go|the whole hog|in spades|a steal|over the moon|"
    r"on the money|spot on|cut corners|penny wise|pound foolish|ahead of the curve|behind the curve|front of mind|"
    r"top of mind|quick win|lots of moving parts|moving parts|greenfield|north star|double click|drill down|"
    r"open the kimono|eat (?:our|your) own dog ?food|best of breed|run it up|take it offline|put a pin in|"
    r"hot potato|low lift|heavy lift|right up your street|right up your alley|(?:tick|ticks|ticked) (?:all )?the boxes?|box is ticked|"
    r"cherry pick|level set|lean in|learnings|synergy|synergies|gamechanger|silver bullet|walk in the park|"
    r"shoo in|no brainer|dead cert|bread and butter|nuts and bolts|belt and suspenders|the full package",
    "STEP": r"start (?:with|small|on)|once (?:you|we|it|usage|the)|when (?:you|usage|it) (?:hit|pass|reach)|"
    r"revisit|step up|move up|if (?:usage|adoption|volume)",
}
#: Each phrase class as an anchored lexicon: only tried where one of its first words occurs.
_PHRASE_LEXICONS: tuple[tuple[str, Lexicon], ...] = tuple(
    (name, lexicon(*_split_top(body))) for name, body in PHRASE_CLASSES.items()
)

_STOP_WORDS = (
    "a an the and or to of in on for with at by is are was were be it this that i you we they my your our "
    "so if but as from do does did have has had will would can could should just about"
)
_STOP = frozenset(_STOP_WORDS.split())
#: One scan: a word (group-less) or a clause boundary (group 1).
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[£$€%]|([.!?;:,\n()\"])")
_STEMS: dict[str, str] = {}
_STEM_CACHE_LIMIT = 50_000


def _stem_of(word: str) -> str:
    found = _STEMS.get(word)
    if found is None:
        found = stem(word)
        if len(_STEMS) < _STEM_CACHE_LIMIT:
            _STEMS[word] = found
    return found


def extract(
    doc: Normalised,
    context: ScoreContext | None,
    rule_hits: Mapping[str, tuple[str, int, int]],
    negated: Collection[str] = (),
) -> Spans:
    """Every cue feature of the reply with the normalised span of its first occurrence.

    ``rule_hits`` maps a criterion to (rule name, start, end) for the rules that fired;
    ``negated`` names the criteria whose trigger phrase the rep negated ("I won't rush you").
    """
    text = doc.text
    feats: Spans = {}
    setdefault = feats.setdefault
    words = _WORD_TABLE
    stop = _STOP
    negators = NEGATORS
    prev = "^"
    prev_start = 0
    before = "^"  # the word before ``prev``, for the word pairs with one word between
    before_start = 0
    neg = 0
    for m in _TOKEN_RE.finditer(text):
        if m.lastindex:  # a clause boundary: negation scope and bigrams stop here
            prev = before = "^"
            neg = 0
            continue
        word = m.group()
        start = m.start()
        span = (start, m.end())
        if word in negators:
            setdefault("w:" + word, span)
            setdefault("b:" + prev + "_neg", (start if prev == "^" else prev_start, span[1]))
            before, before_start = prev, prev_start
            prev = "neg"
            prev_start = start
            neg = 3
            continue
        s = _stem_of(word)
        if neg:
            if s not in stop:
                setdefault("nw:" + s, span)
            setdefault("nb:" + prev + "_" + s, (prev_start, span[1]))
            for cls in words.get(s, ()):
                setdefault("nk:" + cls, span)
            if s not in stop:
                neg -= 1  # "won't pressure you with a deadline": small words don't end the scope
        else:
            if s not in stop:
                setdefault("w:" + s, span)
                if len(s) > 5:
                    setdefault("p:" + s[:5], span)  # "negotiate" and "negotiation" share a cue
            setdefault("b:" + prev + "_" + s, (start if prev == "^" else prev_start, span[1]))
            if before != "^":
                setdefault("s:" + before + "_" + s, (before_start, span[1]))  # "read the print" ~ "read that print"
            for cls in words.get(s, ()):
                setdefault("k:" + cls, span)
        before, before_start = prev, prev_start
        prev = s
        prev_start = start
    for cls, lex in _PHRASE_LEXICONS:
        if doc.can_match(lex):
            for m in lex.finditer(doc):
                start = m.start()
                setdefault(("nk:" if doc.negated(start, 2) else "k:") + cls + "_", (start, m.end()))
    q = text.find("?")
    if q >= 0:
        setdefault("q", (q, q + 1))
    whole = (0, len(text))
    if context is not None:
        feats["m:" + (context.moment or "none")] = whole
        if context.buyer_outcomes:
            feats["out"] = whole
            wanted = {_stem_of(w) for o in context.buyer_outcomes for w in _WORD_RE.findall(fold(o))} - stop
            shared = sum(1 for w in wanted if "w:" + w in feats)
            feats["ov:" + str(min(shared, 3))] = whole
    for criterion in sorted(negated):
        feats["rneg:" + criterion] = whole
    for criterion, (rule, start, end) in rule_hits.items():
        feats["r:" + criterion] = (start, end)
        feats["rn:" + rule] = (start, end)
    return feats


#: The cue classes a criterion's own words belong to. The cue model reports a criterion that no
#: rule found only when the reply shows one of these (not negated), and quotes it as evidence.
GATES: dict[str, tuple[str, ...]] = {
    "discovery_question": ("QWORD",),
    "tie_to_outcome": ("BIG", "OPTION", "SMALL", "STEP"),
    "quantify_risk": ("NUMBER",),
    "options_tradeoffs": ("OPTION", "SMALL", "BIG", "NUMBER"),
    "proof_with_limits": ("EVIDENCE", "HEDGE", "LIMIT", "NUMBER"),
    "mutual_plan": ("PLAN", "DAY"),
    "stop_rule": ("EXIT", "STEP", "SMALL"),
    "engage_stakeholders": ("ROLE", "INVOLVE"),
    "autonomy_language": ("FREE",),
    "acknowledge_objection": ("ACK", "CONCERN"),
    "confirm_consent": ("PLAN", "FREE", "ACK"),
    "step_up_trigger": ("STEP",),
    "premature_upsell": ("BIG", "OPTION"),
    "overclaiming": ("ABSOLUTE",),
    "confirmshaming": ("JUDGE", "SCORN", "CONSEQUENCE", "PEOPLE", "SMALL"),
    "pressure_tactics": ("URGENT", "CROWD", "DAY", "HOLD"),
    "hidden_terms": ("TERM", "HIDE"),
    "unexplained_idiom": ("IDIOM",),
    "dismiss_concern": ("DISMISS", "CONCERN", "MINIMISE"),
}


def gate_cues(criterion: str, cues: Mapping[str, object], prefix: str = "k:") -> list[str]:
    """The reply's (non-negated) cues of ``criterion``'s own classes, in class order; with
    ``prefix="nk:"``, those that sit just after a negator ("no deadline")."""
    return [key for cls in GATES[criterion] for key in (prefix + cls, prefix + cls + "_") if key in cues]


#: Criteria the cue model reports without a rule only when the reply shows a word of their own
#: kind, which the evidence then quotes: an idiom finding must quote an idiom, options and a tie
#: to the buyer's outcome must name an option, bringing people in must name who, and an
#: acknowledgement must say it ("fair", "I understand", "that worry"). Any other criterion may
#: rest on whichever quotable cues its weights point to ("Price protection ends when this call
#: ends" is a deadline with no clock word). Requiring the own kind for every criterion cost more
#: true findings than it saved false ones on writers the weights never saw
#: (``scripts/train_scorer.py --estimate``), most of all for guilt trips, brush-offs and freedom
#: to choose.
OWN_KIND_REQUIRED: frozenset[str] = frozenset(
    {"unexplained_idiom", "options_tradeoffs", "engage_stakeholders", "tie_to_outcome", "acknowledge_objection"}
)


def finding_cues(criterion: str, cues: Mapping[str, object]) -> list[str] | None:
    """What a cue-only finding of ``criterion`` quotes first: its cues of the criterion's own kind
    (an empty list: it may rest on whichever quotable cues its weights point to), or None when it
    may not be reported.

    None when the rep negated the very trigger a rule looks for ("I don't want to brush past the
    budget question"), or the reply shows no cue of the criterion's own kind and either the
    criterion is one of :data:`OWN_KIND_REQUIRED` or its words of that kind are all negated ("I
    won't pressure you with a deadline": then its other words do not carry it either).
    """
    if "rneg:" + criterion in cues:
        return None
    own = gate_cues(criterion, cues)
    if own or (criterion not in OWN_KIND_REQUIRED and not gate_cues(criterion, cues, "nk:")):
        return own
    return None


def _fingerprint() -> str:
    h = hashlib.sha256()
    for table in (WORD_CLASSES, PHRASE_CLASSES):
        for name, body in table.items():
            h.update(f"{name}={body};".encode())
    for name, classes in GATES.items():
        h.update(f"{name}:{','.join(classes)};".encode())
    h.update(_STOP_WORDS.encode())
    h.update(b"skip-pairs;neg-content-words")
    return h.hexdigest()[:16]


#: Changes whenever a cue class, a gate or the stop words change (the cue weights must be refitted).
FEATURES_FINGERPRINT: str = _fingerprint()
