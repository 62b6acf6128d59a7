"""Phrase rules: each names a criterion, the phrases that show it, and what to tell the rep.

A rule fires when one of its phrases occurs in the reply (and, when it has a companion lexicon,
a companion phrase occurs in the same sentence). Avoid rules are negation-aware: "I won't rush
you" does not fire the urgency rule because "won't" stands a few words before the trigger.
Phrases use the shorthand of :mod:`trainer.core.scoring.patterns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.core.scoring.patterns import Lexicon, lexicon


@dataclass(frozen=True, slots=True)
class PhraseRule:
    name: str
    criterion: str
    lex: Lexicon
    explanation: str
    instead: str | None = None
    #: Skip a trigger preceded by a negator in its clause ("no pressure", "isn't guaranteed").
    negatable: bool = True
    #: When set, a phrase of this lexicon must occur in the same sentence as the trigger.
    companion: Lexicon | None = None
    companion_negatable: bool = False
    #: When set, one of these tokens must occur in the reply (a cheap necessary condition).
    requires: frozenset[str] | None = None
    #: How many words before a trigger are searched for a negator.
    negation_window: int = 4


# --- shared vocabularies ---------------------------------------------------------------------

TERM_WORDS = lexicon(
    "(?:bill|billed|billing|invoice|invoiced|invoicing|in advance|upfront|up front|payment|payments|rolls over|roll over|auto renewal|annually|annual)",
    "(?:notice|limit|limits|cap|caps|expire|expires|expiry|expiring|converts|convert|conversion|egress|credits|minimum|term|charges|charge|exit|costs|cost|price|pricing|discount|year|years|after|trial|support)",
    "(?:renew|renews|renewal|renewals|renewed|renewing)",
    "auto renew",
    "(?:fee|fees|charge|charges|surcharge|surcharges|overage|overages)",
    "(?:cancellation|cancel|cancelling|canceling|cancelation)",
    "(?:terms|contract|clause|clauses|conditions|t's|t&cs|ts)",
    "(?:fine|small) print",
    "(?:bundle|bundled|bundles|bundling)",
    "(?:lock|locked) in",
    "(?:minimum|notice) (?:term|period|commitment)",
    "(?:penalty|penalties|uplift|uplifts|escalator|escalators)",
    "price (?:increase|increases|rise|rises|goes up)",
    "(?:exit|termination|early termination)",
    "(?:commitment|commitments)",
    "(?:opt out|opt outs)",
)

# --- Avoid: pressure_tactics -----------------------------------------------------------------

PRESSURE_DEADLINE = lexicon(
    "(?:sign|signing|decide|deciding|commit|committing|agree|agreeing|order|ordering|confirm|confirming)<3>before (?:the weekend|friday|monday|end of|the end|tomorrow|tonight|close|the close)",
    "after that,? (?:i|we) (?:can't|cannot|won't be able to|can no longer)",
    "now or (?:you wait|never|later|not at all)",
    "(?:won't|will not|never) be (?:offered|available|repeated|seen) again",
    "first (?:to|who) (?:signs?|commits?|books?|orders?|decides?)",
    "if you (?:don't|do not|haven't|have not|fail to|can't)<4>(?:by|before) (?:midnight|tonight|today|end of day|eod|friday|the end of|close of|5|five|noon)",
    "(?:jump|pounce) on (?:it|this|that)",
    "(?:grab|get|take|snap up) (?:it|this|one|them) while (?:you can|it lasts|they last|stocks last)",
    "before the (?:new year |january |next |upcoming |annual |big )?(?:price rise|price increase|price hike|price change|rise|increase|hike|uplift)",
    "or (?:you'll|you will|you'd) (?:pay|lose|miss|forfeit) (?:double|more|full price|list|twice|extra|the|your|out)",
    "(?:need|get me|give me|want)<2>(?:a yes|an answer|a decision|the signature|your signature|sign off|a commitment|the go ahead)<3>(?:before|by|today|this afternoon|this morning|tonight|now|asap)",
    "(?:bonus|incentive|extra|freebie|credit|credits|free months|free month|perk|perks|rebate) (?:disappears|vanishes|goes away|expires|lapses|ends|is gone|will be gone|won't be there|runs out)",
    "(?:clock's|the clock's|clock is|the clock is) (?:ticking|running)",
    "ticking clock",
    "(?:can't|cannot|can not) afford to (?:wait|delay|hesitate|sit on)",
    "(?:rivals|competitors|competition|peers) (?:are|is) (?:moving|acting|signing|switching|upgrading|getting ahead|pulling ahead|already)",
    "first come,? first served",
    "(?:there's|there is) a (?:waiting list|waitlist|queue)",
    "if (?:we|you) (?:don't|do not|can't) (?:close|sign|finish|do|agree|confirm|commit to|get) (?:this|it|the deal)<2>(?:today|now|tonight|this week|by)",
    "last (?:week|month|day|time|chance) (?:we're|we are|i'm|i am|i can|to|that we)<2>(?:offering|offer|able|get|lock|sign|hold)",
    "(?:decide|act|move|sign|commit|choose|answer|respond) (?:quickly|fast|soon|promptly|asap|right away|straight away|immediately)",
    "(?:these|they|those|slots|spots|it) (?:go|goes|are going|will go) (?:fast|quickly)",
    "before the (?:quarter|month|year|promotion|promo|offer|window|sale) (?:closes|ends|is out|runs out|expires|is over)",
    "once (?:this|the) (?:week|month|offer|promo|promotion|quarter|window|sale) (?:is over|ends|closes|expires|passes)",
    "(?:can't|cannot|won't be able to|not able to) (?:promise|guarantee|hold|keep|honour|honor) (?:this|the|that|these|your) (?:rate|price|pricing|discount|deal|offer|slot|spot|terms)<3>(?:next|after|beyond|past|tomorrow|much longer|for long|forever|indefinitely)",
    "or (?:lose|you'll lose|you lose|miss|forfeit|you miss|you forfeit) (?:the|your|this|that) (?:slot|spot|price|discount|deal|offer|place|rate|chance|seat)",
    "(?:one time|once in a lifetime|one off|never to be repeated) (?:offer|deal|price|discount|opportunity)",
    "won't see (?:this|that|a) (?:price|deal|offer|discount|rate) again",
    "(?:time's|times) running out",
    "waiting (?:will|would|is going to|only) cost",
    "(?:my|our) (?:manager|boss|director|finance team|vp|ceo) (?:needs|wants|says|insists)<3>(?:signed|closed|today|tonight|now|this week|by friday|by end of)",
    "(?:sign|commit|buy|order|upgrade|decide|agree|book) (?:now|today|this week) and (?:i'll|we'll|you'll|you get|get|i can|we can)",
    "snooze,? you lose",
    "(?:book|booked|sign|signed|get you booked|get you signed|lock you|locked|sign you up|get it signed)<3>(?:today|tonight|right now|this afternoon)",
    "(?:on|before the end of|by the end of) this call",
    "(?:renew|sign|decide|order|commit|pay|confirm|reply|answer|raised|signed|approved)<3>(?:by|before|until) (?:midnight|tonight|end of day|eod|5 ?pm|5pm|noon|close of business|the end of today)",
    "(?:until|till|by) (?:5|five|6|six) ?(?:pm|p m|o'clock|today|tonight)",
    "(?:prices|price|pricing|rates|fees) (?:go up|goes up|jump|jumps|rise|rises|increase|increases|double|doubles|are going up|will go up|will rise|will increase)<3>(?:next|tomorrow|soon|tonight|from|after|on (?:monday|tuesday|wednesday|thursday|friday|the \\d+)|in (?:january|february|march|april|may|june|july|august|september|october|november|december|a week|two weeks|\\d+ days)|at midnight|this (?:week|month|quarter|friday)|any day)",
    "(?:deal|offer|discount|price|quote|pricing) (?:is|will be|gets|would be) (?:cancelled|canceled|withdrawn|pulled|gone|off the table|void|lost)",
    "(?:closing|close|closes) <3>(?:offer|deal|discount|promotion)",
    "closing (?:our|the) books on",
    "after that,? (?:it's|it is|it'll be|the price) (?:gone|over|off|back|higher)",
    "(?:renew|sign|buy|upgrade|decide|commit|order|act|confirm) (?:now|today|right away|immediately|this minute)",
    "(?:offer|deal|discount|price|pricing|promo|promotion|rate|quote|special|bundle|saving|savings)"
    " (?:ends|expires|expire|runs out|run out|goes away|disappears|lapses|is gone|won't last|vanishes)",
    "(?:offer|deal|discount|price|pricing|promo|rate|quote)<2>(?:only|just) (?:good|valid|available|stands|holds)",
    "(?:ends|expires|expiring|closes|ending) (?:tonight|today|tomorrow|at midnight|at 5|this week|this friday|friday|end of day|eod|end of (?:the )?(?:day|week|month|quarter))",
    "(?:sign|decide|commit|act|buy|order|purchase|book|confirm|lock it in|lock in|say yes|move|get it done|upgrade|pull the trigger)"
    "<2>(?:today|tonight|right now|immediately|this afternoon|before (?:midnight|5|five|close|the weekend|friday|end of day|eod|the end of (?:the )?(?:day|week|month|quarter)|it's gone|it goes|the price))",
    "(?:need|want|must have|have to have|require)<2>(?:answer|decision|signature|yes|commitment|go ahead|sign off)<2>(?:today|tonight|now|by (?:end of day|eod|tonight|tomorrow|5|five|noon|midnight))",
    "(?:decide|decision|act|sign) now",
    "(?:now or never|today only|this week only|tonight only|one day only|24 hours only|for today only|only today|only this week|only until friday|only until)",
    "(?:limited time|limited period|time limited|limited window|closing window|window closes|window is closing)",
    "(?:last|final) (?:chance|call|opportunity|day)",
    "(?:clock is ticking|time is running out|running out of time|hurry|hurry up|act fast|act quickly|move fast|be quick|quickly before|don't wait|do not wait|don't delay|no time to waste|before it's too late|before it is too late)",
    "(?:prices|price|pricing|rates|cost) (?:go|goes|will go|are going|is going|jump|jumps|rise|rises|will rise|increase|increases|will increase|double|doubles) (?:up )?(?:on|after|next|tomorrow|from|at|in|on monday|soon)",
    "(?:before|ahead of) (?:the )?(?:price|prices|pricing) (?:rise|rises|go up|goes up|increase|increases|change|changes|jump|hike)",
    "(?:expires|expiring|ends|runs out) (?:at|on|by|in) (?:midnight|friday|monday|the end|\\d+)",
    "(?:sign|signing|signed)<3>(?:by|before) (?:tonight|today|tomorrow|friday|end of day|eod|midnight|5|five)",
    "exploding offer",
    "(?:this|the) (?:price|discount|offer|deal) (?:won't|will not) (?:be around|last|come back|be here|be available)",
    "(?:won't|will not|may not|might not) (?:last|be available|come back|be around) (?:long|much longer|past|after|beyond|for long)",
    "(?:if you wait|if you delay|wait any longer|waiting costs|every day you wait)",
    "(?:today|tonight) (?:is|'s) the (?:last|final) day",
    "(?:by|before) (?:end of day|eod|close of business|cob) (?:today|tonight)",
)

PRESSURE_SCARCITY = lexicon(
    "(?:almost|nearly|practically) out of (?:capacity|slots|stock|seats|room|licences|licenses|places|spots)",
    "(?:capacity|room|space|bandwidth|availability) for (?:\\w+ )?(?:one more|two more|three more|a few more|\\d+ more|only|just)",
    "(?:almost|nearly|virtually|practically) (?:fully )?(?:booked|sold out|full|gone|at capacity|taken)",
    "(?:snapping|snapped) (?:these|them|it|those|this|the slots|the spots)? ?up",
    "(?:flying off|selling like)",
    "(?:slot|slots|spot|spots|places|openings|licences|licenses) (?:left|remaining)",
    "only<3>(?:slot|slots|spot|spots|places|openings)",
    "(?:only|just) for the first",
    "(?:already|have|has) (?:gone|been taken|been snapped up)",
    "(?:hold|keep|honour|honor|guarantee) (?:this|the|that|these) (?:price|pricing|rate|discount|offer|deal|quote|terms)<2>(?:until|till|through|past|beyond|for)",
    "(?:gone for good|off the table|won't come back|never be offered again|won't be repeated|never again at this price)",
    "(?:last|final) (?:\\d+ |few |two |three |couple of )?(?:slot|slots|spot|spots|seat|seats|place|places|licence|licences|license|licenses|one|ones|units|openings|onboarding slots)",
    "only (?:\\d+|one|two|three|four|five|a few|a couple|a handful) (?:\\w+ )?(?:slot|slots|spot|spots|seats|places|licenses|licences|left|remaining|available|openings|units)",
    "(?:\\d+|one|two|three|four|five|a few|a couple of|a handful of) (?:slot|slots|spot|spots|seats|places|licenses|licences|openings) (?:left|remaining)",
    "(?:slots|spots|seats|places|stock|capacity|availability) (?:are|is) (?:filling|going|running out|limited|nearly gone|almost gone|scarce)",
    "(?:filling up fast|going fast|selling fast|selling out|almost sold out|nearly sold out|sold out soon|while stocks last|while supplies last|while it lasts|while they last|first come first served)",
    "(?:limited|scarce) (?:availability|capacity|supply|spots|slots|seats|stock|places)",
    "(?:can't|cannot|won't be able to) (?:hold|keep|reserve|guarantee) (?:this|the|your) (?:slot|spot|price|rate|discount|offer|place|seat)",
    "(?:someone|somebody|another (?:customer|company|client|buyer)) (?:else )?(?:might|may|will|could|is about to) (?:take|grab|snap up|get) (?:it|the slot|the spot|your slot|your spot)",
    "(?:miss out|missing out|fomo|left behind|get left behind|be left behind|be the last)",
)

PRESSURE_BANDWAGON = lexicon(
    "already (?:booking|signing|buying|switching|upgrading|moving|locking|snapping|grabbing|taking)",
    "(?:half|most|all|much|a lot|the rest) (?:of )?your (?:industry|sector|market|peers|competitors|rivals|neighbours|neighbors)<2>(?:has|have|already|switched|moved|signed|upgraded|is|are)",
    "everyone's (?:signing|switching|moving|upgrading|buying|joining|doing)",
    "(?:\\d+|two|three|four|five|six|several|many|most|half|some|lots) of your (?:competitors|peers|rivals|neighbours|neighbors|industry|sector|colleagues)<3>(?:signed|have|already|moved|switched|upgraded|are|joined|bought|renewed)",
    "(?:everyone|everybody|all|most|every business|every company|every team) in your (?:sector|industry|area|field|market|space|street|region|network|town|city)<2>(?:is|are|has|have|already)",
    "(?:lots|many|most|loads|plenty|half|all|dozens|hundreds) of (?:your )?(?:neighbours|neighbors|peers|competitors|customers|clients|rivals|colleagues|the other|other)<3>(?:signed|upgraded|moved|switched|renewed|already|have|are|joined|bought)",
    "(?:everyone|everybody|all our (?:other )?customers|all our (?:other )?clients|all the others|every other \\w+)<4>(?:already|signed|upgraded|moved|switched|renewed|locked in|on board|joined|bought)",
    "(?:odd one out|one left out|ones left out|the only one left|the last one|left out in the cold)",
    "(?:don't|do not|wouldn't|won't) want to be the (?:last|only)",
    "the last (?:\\w+ )?(?:still|left) (?:on|using|with|doing|running)",
    "(?:everyone|everybody|all your (?:peers|competitors|rivals)|all of your (?:peers|competitors)|most of your (?:peers|competitors)|your (?:peers|competitors|rivals)|every other (?:team|company|customer|clinic|firm)|all the other (?:teams|companies|customers|clinics|firms)|the rest of (?:the|your) (?:industry|market|sector)|all the big players|all the smart (?:teams|companies))"
    "<2>(?:already|has|have|is|are|'ve|'s)<2>(?:signed|upgraded|moved|switched|bought|on board|onboard|using|gone|jumped|adopted|made the (?:switch|move|jump))",
    "(?:don't|do not) (?:be|get) (?:the last|left behind|the only one)",
    "(?:you'll|you will|you'd|you would) be the (?:only|last) (?:one|team|company|clinic|firm)",
    "(?:everyone|everybody) (?:is doing it|is upgrading|is switching|else is|else has|else did)",
    "(?:join|joining) (?:the )?(?:\\d+|hundreds|thousands|rest)<2>(?:who|that) (?:already )?(?:upgraded|signed|switched)",
)

# --- Avoid: overclaiming ---------------------------------------------------------------------

OVERCLAIM_GUARANTEE = lexicon(
    "(?:every|each|all) (?:client|customer|team|user|company|business|clinic|school|one|site|practice)s? (?:who|that)<5>(?:has|have|saw|sees|got|gets|cut|doubled|halved|saved)",
    "(?:the most|the best|the fastest|the safest|the easiest|the only|the most reliable)<3>(?:available|on the market|in the world|in the industry|out there|anywhere|full stop|period)",
    "full stop",
    "nothing else<3>(?:comes close|compares|matches|beats)",
    "(?:runs itself|run itself|no maintenance|maintenance free|zero maintenance|set and forget)",
    "no question(?=\\W*(?:$|[.!;]))",
    "no doubt about it",
    "(?:customers|clients|users|teams|companies|businesses) all (?:double|see|get|save|cut|hit|achieve|triple|love|succeed)",
    "(?:will|is going to|are going to|is gonna|you'll|it'll|this'll|that'll|we'll) (?:definitely|certainly|absolutely|surely|undoubtedly|always)",
    "(?:you'll|you will|it'll|it will|this will|this'll|that will) (?:double|triple|halve|10x|transform|revolutionise|revolutionize|skyrocket|explode)",
    "no other (?:tool|product|vendor|platform|solution|company|provider|system) (?:can|does|comes close|offers|matches|will)",
    "impossible (?:for|to) (?:\\w+ )?(?:leak|fail|break|hack|lose|go wrong|miss|crash|go down)",
    "without (?:exception|fail)",
    "(?:run|runs|running|work|works|working) (?:perfectly|flawlessly|seamlessly) (?:every time|from day one|out of the box|always|for everyone|forever)?",
    "(?:always|invariably) (?:see|sees|get|gets|achieve|achieves|hit|hits|save|saves|improve|improves|recoup|recoups|succeed|double)",
    "never<2>(?:again|mistake|mistakes|error|errors|wrong|fail|fails|down|break|breaks|crash|crashes|outage|outages|downtime|problem|problems|issue|issues)",
    "never (?:lets|let|allows|allow|misses|miss) (?:a|an|any|one|another|you)",
    "(?:eliminates|eliminate|removes|remove|prevents|prevent|stops|stop|ends|end|fixes|fix|solves|solve|cuts|cut|kills|wipes out)<3>(?:completely|entirely|totally|forever|for good|once and for all|altogether|100%)",
    "zero (?:\\w+ )?(?:impact|risk|downtime|errors|issues|problems|effort|overhead|chance|maintenance|failures|bugs|outages|mistakes)",
    "(?:unhackable|unbreakable|bug free|error free|hack proof|impossible to hack|can't be hacked|cannot be hacked|can't be breached|cannot be breached|can't break|impossible to break|never wrong|always right|perfect accuracy|perfectly accurate|perfect security|totally secure|completely secure|fully secure|100 secure)",
    "(?:no|none|nothing) <3>whatsoever",
    "(?:catch|catches|caught|block|blocks|stop|stops|detect|detects|prevent|prevents|fix|fixes|handle|handles|match|matches|eliminate|eliminates|find|finds) (?:every|all|each and every|any) (?:single )?(?:\\w+ )?(?:attack|attacks|threat|threats|error|errors|issue|issues|problem|problems|bug|bugs|outage|outages|incident|incidents|transaction|transactions|case|cases|fraud|mistake|mistakes|breach|breaches|one)",
    "(?:works|work|worked|delivers|succeeds|catches|matches|every) <3>every (?:single )?time",
    "(?:only|the only) (?:one|plan|tier|option|product|thing) (?:that )?(?:really |actually |truly )?(?:works|work)",
    "(?:guarantee|guaranteed|guarantees|guaranteeing)",
    "(?:100|hundred|one hundred) ?(?:%|percent|per cent) (?:guaranteed|certain|sure|reliable|uptime|secure|safe|accurate|effective|success|successful|of (?:the time|teams|customers|clients|cases|users))",
    "(?:100|hundred|one hundred) ?(?:%|percent|per cent)",
    "(?:zero|no) (?:risk|risks|chance of failure|downtime ever|errors ever|failures)",
    "(?:risk free|riskless|foolproof|fool proof|bulletproof|bullet proof|failsafe|fail safe|infallible|flawless|flawlessly)",
    "(?:never|won't ever|will never|can never|cannot|can't) (?:fail|fails|break|breaks|goes down|go down|crash|crashes|lets you down|let you down|miss|misses|lose|loses|have another|see another|get another)",
    "never (?:again|ever)",
    "you'll never (?:have|need|see|worry|lose|miss|deal)",
    "(?:fixes|fix|solves|solve|solve all|eliminates|eliminate|removes|remove|ends|end|stops|stop|cures|cure|prevents|prevent|kills|wipes out|wipe out)"
    " (?:everything|every|all|any|anything|all of|each and every|forever|for good|once and for all|entirely|completely)",
    "(?:completely|totally|entirely|fully|permanently) (?:eliminates|eliminate|removes|remove|solves|solve|fixes|fix|prevents|prevent|ends|end|stops|stop|gone)",
    "(?:always|definitely|certainly|absolutely|without fail|without a doubt|without question|undoubtedly|surely) (?:works|work|deliver|delivers|pays off|pay off|succeed|succeeds|will work|will pay|will save|will cut|will fix|will double|will solve|will stop|pays for itself|saves|cuts|doubles|fixes|solves)",
    "(?:works|work) (?:for everyone|for every|every time|each time|without fail|perfectly|no matter what)",
    "(?:nothing|nothing at all) (?:can|will|could) go wrong",
    "(?:can't|cannot|won't) go wrong",
    "(?:every|all) (?:single )?(?:customer|customers|client|clients|team|teams|user|users) (?:sees|see|saw|gets|get|got|loves|love|doubles|doubled|succeeds|succeed|has seen)",
    "(?:instant|instantly|immediate|immediately|overnight) (?:roi|results|payback|savings|success|fix|fixes|doubles|double|transforms|transform)",
    "(?:pays for itself|paid for itself) (?:immediately|instantly|overnight|in days|in a week|right away|from day one|straight away)",
    "(?:best|only) (?:solution|product|tool|option|platform) (?:on|in) the (?:market|world|planet)",
    "(?:no one|nobody|none) (?:else )?(?:comes close|can match|can compete|beats)",
    "(?:every|all) (?:outage|outages|problem|problems|issue|issues|error|errors|incident|incidents|bug|bugs|failure|failures) (?:gone|disappears|disappear|eliminated|solved|fixed|vanishes|vanish|is gone|are gone|will be gone|will disappear)",
    "(?:outages|problems|issues|errors|incidents|bugs|failures|downtime|churn|rework) (?:will|would) (?:be )?(?:disappear|vanish|be gone|stop completely|drop to zero|go to zero|be a thing of the past|be eliminated)",
    "(?:drop|drops|fall|falls|go|goes|cut|cuts) to zero",
    "(?:promise|promises|promised|i promise|we promise) (?:you )?(?:it|this|that|you'll|you will|the|zero|no|results|a)",
    "(?:certain|sure) (?:to|it'll|it will) (?:work|succeed|pay|fix|double|cut|save)",
    "(?:no|zero) (?:way|chance) (?:it|this|that) (?:fails|will fail|breaks|goes wrong|could fail)",
)

# --- Avoid: confirmshaming -------------------------------------------------------------------

CONFIRMSHAME = lexicon(
    "(?:are you sure|do you really|would you really|can you really|are you really|is it really worth)<4>(?:leave|leaving|without|risk|risking|lose|losing|let|letting|suffer|behind|stuck|miss|not to|struggle|gamble)",
    "(?:most|any|every) (?:people|person|manager|owner|leader|team|company|business|buyer|director) in your (?:position|shoes|place|role|situation) (?:wouldn't|would|would not|would never) (?:hesitate|think twice|blink|wait|question|pause)",
    "(?:hate|sad|sorry|painful) to see (?:your|you|them)",
    "think about how your (?:staff|team|people|customers|patients|users|engineers|nurses|clients) (?:will|would|are going to) feel",
    "(?:you don't|you do not|you wouldn't) want to be (?:that|the) (?:manager|person|one|leader|owner|company|team|buyer|director)",
    "(?:risk|risking|gamble|gambling|jeopardise|jeopardize|jeopardising|jeopardizing) your (?:reputation|business|patients|customers|team|data|career|clinic|school|name)<3>(?:to save|for|over|just to|to keep)",
    "can you (?:really )?afford not to",
    "(?:i thought|i assumed|i had the impression) you (?:wanted|were serious|were ambitious|cared|valued|said you wanted)",
    "what kind of (?:manager|leader|owner|company|business|team|person|clinic|school|director|boss|organisation|organization)",
    "(?:that|who)(?:'ll| will| would) (?:suffer|pay the price|pay for it|struggle|lose out|bear the cost)",
    "giving up on your (?:customers|team|staff|patients|growth|business|people|clients|students)",
    "(?:forward looking|forward thinking|modern|progressive|ambitious|serious|smart|savvy|successful|sensible|responsible|growing) (?:company|business|team|clinic|firm|leader|manager|organisation|organization|school|practice|owner|director) (?:wouldn't|would not|would never|doesn't|won't|does not|would|knows|always)",
    "(?:that's|that is|it's|it is) (?:on you|your problem|your funeral|your loss)",
    "(?:your|their) loss",
    "(?:stay|staying|remain|remaining|settle for being) (?:mediocre|average|behind|stuck|small time|second rate)",
    "(?:mediocre|mediocrity|second rate|second best|also ran|amateur hour|small time|small timer|mom and pop|two bit|hobby shop|tin pot|tinpot)",
    "look (?:pretty |really |a bit |rather |very |quite )?(?:silly|foolish|bad|stupid|careless|unprofessional|naive|cheap|amateurish) (?:in front of|to|when|if)",
    "if (?:you|your|the)<5>(?:don't|doesn't|isn't|aren't|won't|do not|does not|is not|are not)<3>(?:care|matter|matters|important|value|priority|worth|serious|bother|count|mean)",
    "(?:isn't|is not|aren't|are not|not) (?:really |much of |exactly )?(?:a priority|important|a concern|worth much|worth it) (?:for|to) (?:you|your)",
    "(?:you|you're|you are|your team|your business) (?:don't|doesn't|do not|does not|aren't|isn't|are not|is not) (?:really |actually |truly )?(?:care|value|prioriti[sz]e|serious|ready to take|ready to grow|committed|bothered)",
    "(?:owners|teams|managers|leaders|people|companies|businesses|clinics|schools|firms|directors|admins|buyers) (?:who|that) (?:actually |really |truly |genuinely )?(?:care|value|are serious|take|want the best|invest|respect)",
    "your (?:nurses|team|staff|people|customers|patients|engineers|agents|users|students|employees|colleagues|clients) (?:will|would|are going to|'ll) (?:pay the price|pay for it|suffer|struggle|hate|burn out|be stuck|be the ones|thank you|resent|bear the cost)",
    "(?:the hard way|don't complain|don't come crying|do not complain|don't blame|no complaining)",
    "(?:embarrass|embarrassed|embarrassing|ashamed|shame on|guilty|selfish|short sighted|shortsighted|reckless|careless|lazy|stingy|cheapskate|miserly)",
    "(?:saying no|declining|passing|choosing basic|choosing the basic|going basic|staying on basic|skipping this|saying no to this)<4>(?:means|is saying|says|shows|would mean|tells)",
    "(?:rather|prefer to) (?:save|keep|spend|pocket|hold on to)<6>than (?:protect|look after|support|help|invest|take care)",
    "(?:if you think|if you believe|if you feel) (?:your )?(?:\\w+ )?(?:are|is) worth it",
    "(?:people|teams|owners|customers|clients|those) who (?:choose|pick|go with|stay on|stick with|buy) (?:basic|the basic|starter|the starter|the cheap|the cheapest|the smaller|less)<4>(?:regret|struggle|fail|come back|end up|lose|suffer)",
    "(?:not|never) (?:ready|willing|brave enough|bold enough|serious enough) to (?:take|invest|commit|grow|step up)",
    "(?:i guess|i suppose|i take it|clearly|apparently) you're (?:fine|ok|okay|happy|comfortable|content|alright) (?:with|to|letting|having|being|watching|losing|wasting)",
    "not everyone is (?:ready|willing|brave|serious|committed|able|bold|ambitious|grown up|smart) enough",
    "not everyone (?:cares|is serious|wants to grow|takes)",
    "(?:prefer|like|want|choose|chooses|happy) to cut corners",
    "(?:matters|matter|is|are) more (?:important )?(?:to you )?than (?:your|the) (?:team|staff|people|customers|patients|clients|users|students|engineers|business|growth|safety|security)",
    "(?:care|cares) more about (?:saving|the price|a few|pennies|cost) than",
    "(?:hope|hoping|pray|praying) (?:nothing|it doesn't|that nothing|for the best|you don't)",
    "fingers crossed",
    "hate for you to (?:be|have|explain|look|lose|miss|find)",
    "(?:explain|explaining) to (?:your|the) (?:boss|board|ceo|manager|team|customers|patients|staff|cfo|director|owners|investors|parents)",
    "(?:only a fool|foolish|silly|naive|a mistake|a false economy|penny wise) (?:would|to|choice|move|decision)?",
    "(?:false economy|penny wise|pound foolish)",
    "(?:don't|doesn't|do not) strike me as (?:someone|the kind|the type|a person|a team|a business)",
    "someone who settles",
    "(?:are|were) you (?:really|seriously|honestly) (?:going to|gonna|willing to|ok with|okay with|fine with|happy to|prepared to|that)",
    "(?:do|would) you (?:really|honestly|seriously) want to (?:be|risk|lose|let|keep|tell|explain|stay|fall|leave|have)",
    "the (?:manager|leader|person|one|team|owner|clinic|school|director|buyer|company|business) (?:who|that) (?:let|lets|lost|missed|chose|skimped|didn't|failed|said no|held back|cut corners|blew|dropped)",
    "if you're not (?:bothered|fussed|worried|concerned|interested|serious) about (?:your|the|losing|wasting|growth|growing|quality|security|safety)",
    "(?:says|tells me|speaks) (?:a lot|volumes|something) about",
    "(?:keep|enjoy|carry on) (?:struggling|suffering|firefighting|drowning|losing|wasting|guessing|juggling|doing it by hand|working weekends)",
    "enjoy (?:the|your) (?:spreadsheets|overtime|firefighting|late nights|outages|manual|chaos|downtime|weekends|paperwork|headaches)",
    "good luck with (?:that|those|the|your|explaining)",
    "(?:stuck in the past|living in the past|behind the times|stone age|dark ages|stuck in 20\\d\\d|stay stuck|dinosaur)",
    "(?:don't|do not) say i didn't warn you",
    "(?:i'm|i am) (?:disappointed|surprised|shocked) (?:you|that you|in you)",
    "(?:i|we) expected (?:more|better) (?:of|from) you",
    "owe it to (?:your|them|the)",
    "too (?:cheap|stingy|tight|tight fisted|scared|timid|small minded) to",
    "smart money",
    "(?:real|true|proper|serious) (?:professionals|leaders|owners|businesses|teams|managers|operators) (?:don't|do not|never|wouldn't|invest|choose|pick|go|know)",
    "(?:if|unless) you(?:'re| are) (?:happy|content|ok|okay|fine) (?:to )?(?:lose|losing|waste|wasting|fall|falling|stay|staying|watch|watching|let|letting)",
    "if you're (?:happy|comfortable|fine|ok|okay|content|alright|cool) (?:doing|being|to keep|keeping|to stay|staying|to do|spending|losing|wasting|working|paying|running|living with|sticking|falling|leaving|letting|having|burning)",
    "(?:don't|do not) let me stop you",
    "(?:is|are|seems) too (?:much|expensive|rich|steep) for you",
    "(?:isn't|is not|wasn't|might not be|may not be) the (?:business|job|industry|line of work|role|sector|game|product|place) for you",
    "(?:you'd|you would|you) rather (?:keep|have|let|make) (?:your )?(?:team|staff|people|them|employees|engineers|agents|nurses)",
    "(?:isn't|aren't|is not|are not|isn't really|aren't really) worth (?:anything|much|something|a thing|more|it) to you",
    "(?:doesn't|don't|does not|do not) (?:matter|count|mean much|mean anything) (?:much )?to you",
    "(?:embarrassing|ungrateful|disloyal|shameful|a shame|a pity|disappointing|irresponsible|negligent)",
    "(?:let|letting) (?:our|my|the) (?:team|people|staff|engineers|developers) down",
    "(?:let|letting) (?:us|me) down",
    "after (?:everything|all|all the help|all the work|all the time) (?:we've|we have|we|i've|i have|i) (?:done|did|given|put in|invested)",
    "after all the (?:help|work|time|effort|support)",
    "(?:fine|ok|okay|good|only) for (?:hobbyists|amateurs|beginners|small timers|people who aren't serious|teams that aren't serious|tiny|a side project)",
    "only (?:a|an|the)? ?(?:\\w+ )?(?:business|businesses|team|teams|company|companies|owner|owners|people|clinic|clinics|shop|shops|firm|firms|manager|managers|leader|leaders|practice|practices) (?:that|who|which) (?:isn't|aren't|don't|doesn't|is not|are not|do not|does not|can't|cannot|won't)",
    "(?:who|that) (?:cares|care|cared|really cares) about (?:their|your|its|his|her) <3>(?:would|wouldn't|will|keeps|keep|choose|chooses|pick|picks|upgrade|upgrades)",
    "(?:ambitious|serious|brave|committed|smart|bold|forward thinking|grown up|professional) enough to",
    "(?:don't|doesn't|do not|does not) take <3>seriously",
    "if (?:your|you|the)<4>(?:doesn't|don't|does not|do not|didn't) (?:matter|count|mean anything)",
    "if (?:you|your team|your staff|your people|your customers) (?:don't|do not|doesn't|does not) (?:care|mind|value|matter)",
    "if you (?:don't|do not) (?:mind|care about) (?:losing|wasting|falling|being|looking|leaving|burning|disappointing|letting)",
    "if you're (?:ok|okay|fine|happy|comfortable|content|alright|cool|good) (?:with|to|about) (?:falling|lose|losing|wasting|waste|settle|settling|being left|stay behind|staying behind|burn|burning|disappoint|disappointing|letting|let|looking|mediocre|second best|second rate|lagging|more outages|more errors|more rework|less|your team|your staff|losing)",
    "(?:only|just) (?:if|for|when) (?:you're|you are|teams that are|people who are|companies that are|someone who is) (?:ok|okay|fine|happy|content|comfortable) (?:with|to) ",
    "(?:serious|smart|successful|forward thinking|ambitious|responsible|professional|real|good|savvy|competent|modern|growing|leading|top) (?:teams|companies|leaders|managers|buyers|people|clinics|firms|businesses|directors|operators|professionals|organisations|organizations)"
    " (?:choose|pick|go with|go for|don't settle|never settle|invest|upgrade|opt for|take|wouldn't|would never|don't skimp|know better|want)",
    "(?:a|any) (?:responsible|serious|smart|good|caring|competent|sensible|savvy|real) (?:manager|leader|director|buyer|team|owner|professional|person|ceo|cto|cfo|head|practice) (?:would|wouldn't|would never|knows|understands|always|invests)",
    "(?:settle|settling|settled) for (?:less|second best|second rate|mediocre|mediocrity|the basics|the cheap|the bare|the minimum|basic|a worse|half)",
    "(?:i guess|i suppose|apparently|clearly|so) (?:you|your team) (?:don't|do not|doesn't) (?:care|value|mind|want)",
    "(?:don't|do not) you (?:care|value|want the best)",
    "(?:i thought|i assumed) you (?:cared|were serious|wanted the best|valued)",
    "(?:your|the) (?:team|staff|people|customers|patients|users|clients|employees) deserve (?:better|more|the best)",
    "(?:shortchange|shortchanging|short change|short changing|sell your team short|selling your team short|selling them short|sell them short|cheap out|cheaping out|skimp|skimping|penny pinching|penny pincher|cheapskate|being cheap|go cheap|going cheap|the cheap option|the cheap route|cutting corners on your)",
    "(?:you'll|you will|you'd|you would|you're going to|you are going to) (?:regret|be sorry|kick yourself|look foolish|look silly|look bad|feel silly|be embarrassed|be the one)",
    "(?:it's|it is|that's|that is) (?:your|on your) (?:funeral|head|neck)",
    "(?:if|unless) you (?:want|prefer|like|enjoy) (?:to )?(?:fall behind|falling behind|lose|losing|waste|wasting|more outages|more rework|firefighting|to keep firefighting|to stay behind|to be left behind|mediocrity|being left behind|your team burning out)",
    "(?:no thanks|no thank you)<1>i (?:prefer|like|enjoy|don't|would rather|'d rather)",
    "(?:you'd|you would|you) rather (?:risk|lose|waste|keep losing|keep wasting|let|have your team|burn|fall)",
    "(?:not|hardly) (?:a|the) (?:smart|wise|serious|responsible|grown up|professional|sensible|brave|bold) (?:choice|move|decision|call|option|way to run)",
    "(?:that's|that is|it's|it is) (?:a bit|rather|pretty|quite|kind of|a little)? ?(?:short sighted|shortsighted|naive|irresponsible|reckless|careless|lazy|amateur|amateurish|negligent|unprofessional|timid)",
    "(?:leave|leaving|let|letting) (?:your|the) (?:team|staff|people|customers|patients|users|engineers|agents|nurses) (?:down|stuck|behind|hanging|to suffer|suffer|struggle|to struggle|drown|to drown|burn out|out to dry|exposed)",
    "(?:what|how) (?:will|would) (?:your|the) (?:boss|board|ceo|team|cfo|manager|staff|customers|patients) (?:say|think)",
    "(?:afraid|scared|too timid|too cautious|too small) to (?:invest|commit|grow|upgrade|decide|take)",
    "(?:only|just) (?:amateurs|beginners|small timers|hobbyists|laggards|dinosaurs)",
)

# --- Avoid: hidden_terms ---------------------------------------------------------------------

HIDDEN_DOWNPLAY = lexicon(
    "(?:not worth|no need|no point) (?:getting|to get|in getting) (?:hung up|stuck|bogged down)",
    "(?:not|don't|do not|wouldn't|won't|never) (?:mention|tell|show|flag|share|raise)<4>(?:to|with) (?:your|the) (?:finance|procurement|legal|boss|board|cfo|team|accountant|manager|director)",
    "(?:never|won't|don't|do not|will never|you'll never|we'll never) (?:need|have) to (?:think|worry) about (?:it|that|this)",
    "(?:don't|do not|no need to|needn't|won't) (?:need to )?(?:put|include|write|add|mention)<3>(?:in|into|on) (?:the|your) (?:proposal|quote|contract|summary|email|memo|paperwork|order form)",
    "(?:didn't|did not|haven't|have not|won't|will not|not) (?:put|include|mention|list|show|add|itemise|itemize)<3>(?:in|on|into) (?:the|your|my|our) (?:quote|summary|proposal|contract|deck|email|order|invoice|pricing)",
    "(?:details|terms|rest|fine print|small print|paperwork|contract|clauses) (?:are|is) (?:just )?(?:standard|boilerplate|the usual|normal|routine|nothing special|all standard)",
    "(?:rarely|hardly ever|almost never|seldom|basically never) (?:matters|matter|applies|apply|comes up|come up|happens|kicks in|an issue|relevant)",
    "(?:no big deal|not a big deal|nothing major|no biggie|not a worry|nothing to it)",
    "(?:rather not|prefer not to|won't|not going to|don't want to|wouldn't) (?:get into|go into|discuss|talk about|mention|bring up|dwell on|get bogged down in) (?:the )?(?:pricing|price|fees|fee|terms|renewal|cancellation|contract|details|small print|fine print|charges|costs|exit)",
    "(?:don't|do not|no need to|you needn't) tell (?:procurement|finance|legal|your boss|anyone|them|your cfo|your team)",
    "somewhere in the (?:small|fine) print",
    "(?:don't|do not|no need to|won't|needn't|you don't need to|you won't need to)<2>(?:read|check|look at|go through|review) (?:the )?(?:terms|contract|small print|fine print|clauses|agreement|t&cs)",
    "(?:isn't|is not|not|aren't|are not) (?:really )?worth (?:getting into|going into|discussing|worrying about|mentioning|reading|a conversation|talking about)",
    "details? for (?:later|another day|another time)",
    "(?:sort|deal with|cover|talk about|figure|work|iron|hash|get to|handle|discuss|look at)<4>(?:later|after you sign|after signing|once you've signed|down the line|another time|after the contract)",
    "(?:wouldn't|would not|don't|do not|no need to|not going to|won't|shouldn't) (?:draw|call|bring) attention",
    "let's not (?:complicate|dwell|talk|get into|go into|spend time|worry|bring up|mention|focus|get bogged|muddy|overload)",
    "(?:that's|it's|that is|it is|which is) (?:trivial|minor|negligible|tiny|nothing|peanuts|a rounding error|small potatoes)",
    "(?:left|leave|leaving|keep|kept|keeping|take|took|taking|drop|dropped) <4>(?:out of|off) (?:the|your|my|our) (?:quote|summary|proposal|memo|contract|email|deck|doc|document|write up|order|approval|paperwork|slides|notes|invoice|pricing page|business case)",
    "(?:don't|do not|never) (?:really )?(?:publicise|publicize|advertise|publish|highlight|put in writing|spell out)",
    "(?:most|many) (?:people|customers|clients|users|buyers) (?:don't|never|won't|do not) (?:notice|read|check|realise|realize|see|spot)",
    "(?:quietly|silently|automatically|sneakily) (?:converts|convert|switches|moves|turns|rolls|becomes)",
    "(?:don't|do not|no need to|needn't|won't|no reason to|not going to|wouldn't|would not|i wouldn't|you don't have to|you needn't)<1>(?:mention|mentioning|bring up|bringing up|flag|flagging|raise|tell|point out|read|reading|look at|worry about|bother with|bother about|dig into|get into|dwell on|focus on|sweat|care about|fuss about|trouble yourself)",
    "(?:skip|skim|gloss over|glossing over|skipping|skimming|ignore|ignoring|brush past|breeze past|leave out|leaving out|keep quiet|keep it quiet|keep that quiet|hush|bury|buried|burying|hidden|hide|hiding|tucked away|tucked|squirrel)",
    "(?:between us|between you and me|off the record|our little secret|nobody reads|no one reads|nobody ever reads|no one ever reads|nobody notices|no one notices|no one checks|nobody checks)",
    "(?:just|only|purely) (?:boilerplate|standard stuff|legalese|formalities|a formality|small print|fine print|admin)",
    "(?:standard|usual|normal) (?:boilerplate|legalese|stuff|formalities)",
    "(?:we'll|we will|we can|let's|lets|i'll) (?:sort|deal with|talk about|cover|get to|figure out|handle|worry about|discuss) (?:\\w+ )?(?:later|after you sign|after signing|once you've signed|once signed|down the line|another time|after the contract|after)",
    "(?:sign|signing|signed) (?:first|now)<3>(?:details|terms|fees|questions|fine print|small print|later)",
    "(?:i'll|let me|i will|we'll) spare you the (?:details|fine print|small print|legalese|terms|clauses)",
    "(?:kicks|kick|comes|come) in (?:later|quietly|automatically|after|down the line)",
    "(?:nothing|not much) (?:to see|worth reading|worth mentioning|to worry about) (?:in|there|here)?",
    "(?:isn't|is not|not|aren't|are not) (?:worth|really worth) (?:mentioning|reading|looking at|bringing up|worrying about|a look)",
    "(?:quietly|silently|automatically|sneakily) (?:renews|renew|added|adds|charged|charges|bills|billed|rolls over|rolls on|goes up)",
    "(?:we|they|i) (?:don't|do not|never) (?:usually )?(?:mention|bring up|point out|advertise|highlight|talk about) (?:that|it|this|the)",
    "(?:it's|it is|that's|that is) (?:all )?(?:in|on) (?:page|section|clause|schedule|appendix) \\d+<3>(?:no one|nobody|don't|won't|you won't)",
    "(?:hard|difficult|tricky|complicated|a pain|painful|impossible|nearly impossible) to (?:cancel|get out|exit|leave|opt out|terminate|back out|unsubscribe)",
    "(?:cancellation|cancelling|exiting|opting out|leaving) (?:is|can be|gets) (?:hard|difficult|tricky|complicated|a pain|painful|impossible|a hassle|a headache)",
)

HIDDEN_TERMS_STRONG = lexicon(
    "(?:you don't|you do not|no need to|don't|do not|won't|we won't|we don't)<1>(?:need to|have to)? ?(?:mention|tell|bring up|flag|point out) (?:that|this|it)<2>(?:renew|renewal|fee|fees|charge|charges|cancellation|clause|contract|terms|bundle|auto)",
    "(?:hidden|buried|surprise|undisclosed|sneaky) (?:fee|fees|charge|charges|cost|costs|terms|clause|clauses|renewal|renewals)",
    "(?:auto renew|auto renews|auto renewal|renews automatically|automatically renews|rolls over automatically)<4>(?:don't worry|no need|you don't need|won't notice|nobody|no one|skip|ignore|never mind|not important|doesn't matter|forget)",
)

# --- Avoid: dismiss_concern ------------------------------------------------------------------

DISMISS = lexicon(
    "(?:non event|nonevent|overrated|over rated|overreaction|over reaction|a myth|a distraction|edge case|corner case|nothing to be concerned about|nothing to be worried about|nothing to worry about|overkill)",
    "(?:won't|will not|shouldn't|should not|wouldn't) be (?:a|an|any)? ?(?:issue|problem|concern|worry|factor|blocker|headache|big deal)",
    "forget (?:the|about|your)",
    "put<4>(?:to one side|aside|on the back burner|on hold)",
    "(?:don't|do not|no) need to spend (?:time|any time|long) on",
    "not worth spending (?:time|any time) on",
    "(?:red herring|mountain out of a molehill|mountains out of molehills|least of your worries|old chestnut|storm in a teacup|tempest in a teapot)",
    "(?:getting|get|going|gone) (?:off track|off topic|sidetracked|off course)",
    "(?:that's|that is|it's|it is) (?:their|not your|not our) (?:problem|issue|concern|headache)",
    "(?:don't|do not|can't|cannot) see why (?:that|it|this) (?:matters|would matter|is relevant|is a problem|is an issue)",
    "waste of (?:time|effort|money)",
    "(?:worrying|worry|worried|fretting) (?:about|over) nothing",
    "they always say that",
    "(?:don't|do not) let (?:\\w+ )?(?:scare|worry|put off|spook|frighten) you",
    "no need to (?:plan|prepare|check|test|think|worry|budget|account) for (?:it|that|this|those)",
    "(?:never|won't|will never|doesn't|does not) (?:happen|happens) in practice",
    "(?:whatever|meh),",
    "(?:we|you) (?:don't|do not) need to (?:talk about|discuss|cover|get into|worry about|think about|go into)",
    "(?:not|isn't|never|nothing) (?:something|anything)? ?(?:to|you need to|worth|you should) (?:lose sleep|worry|fret|think twice|stress)",
    "lose sleep",
    "(?:worries|worry|concerns|concern|fears|fear|issue|issues|question|questions|problem|problems|objection|objections) (?:are|is) (?:a bit |rather |pretty |quite |really |honestly |a little |just )?(?:overblown|minor|exaggerated|overstated|misplaced|nothing|irrelevant|unimportant|silly|trivial|no big deal|not important|not a big deal|a non issue)",
    "(?:get|getting|be|being|got) (?:sidetracked|distracted|bogged down|hung up|derailed)",
    "(?:let's|lets|we can|we should|so let's) (?:move on|keep going|press on|get back to|skip ahead|crack on)",
    "anyway,",
    "as i was saying",
    "(?:the price|it|that|this|the contract|the timeline) is what it is",
    "(?:wouldn't|would not|don't|do not|no need to|needn't) bother (?:with|about)",
    "(?:problem|issue|question|worry|concern) for (?:later|another day|another time)",
    "(?:they|you|your team|people|staff|users|everyone|your staff|your people)(?:'ll| will) (?:adapt|adjust|get used to it|cope|manage|figure it out|pick it up|get over it|live|be fine|sort it out)",
    "(?:isn't|is not|not) really a (?:thing|factor|worry|concern|problem)",
    "(?:don't sweat|no sweat|don't stress)",
    "(?:everyone|everybody|all our customers|most people|all buyers) (?:feels|feel|says|say|thinks|think|worries|worry|asks|ask)<3>(?:at first|initially|in the beginning|before they start|every time)",
    "(?:not going to|won't|not gonna|i won't|i'm not going to) (?:get into|go into|talk about|discuss|dwell on|rehash|revisit)",
    "(?:that's|it's|that is|it is|those are|that was) (?:in the past|ancient history|old news|history)",
    "(?:yeah|sure|yes|ok|okay|right),? (?:yeah|sure|yes|ok|okay|right)\\b",
    "(?:don't|do not|won't) need (?:your|the|their|any)<3>(?:sign off|signoff|approval|input|permission|buy in|blessing|review|go ahead)",
    "(?:doesn't|does not|won't|will not|shouldn't) (?:really )?apply (?:here|to you|in your case|to your)",
    "ignore (?:the|those|these|any|all)",
    "(?:trust the process|just trust|trust us on this|trust me on this)",
    "(?:that|it|this|they|those)(?:'ll| will)? (?:won't|will not|wouldn't|shouldn't|never) be (?:a|an)? ?(?:problem|issue|concern|worry|big deal|factor|blocker|headache)",
    "(?:wouldn't|don't|shouldn't|won't|do not) let (?:that|this|it|those) (?:hold you back|stop you|get in the way|worry you|slow you down|put you off|bother you)",
    "(?:let's|lets) (?:just )?(?:focus|concentrate) on (?:the )?(?:positives|exciting|good stuff|fun part|upside|benefits|fun stuff|good news)",
    "shouldn't be (?:the|a) (?:deciding factor|issue|concern|priority|focus|sticking point)",
    "(?:minor|small|tiny|trivial) (?:detail|details|point|thing|issue|matter|hiccup)",
    "that's just how (?:it is|it works|things are|it goes)",
    "i'm sure (?:it'll|it will|that'll|they'll|that will|everything will) be (?:fine|ok|okay|alright)",
    "(?:worries|worry|fret|frets) too much",
    "(?:too cautious|overly cautious|over cautious|overcautious|too careful|overly careful|too paranoid)",
    "let's not go (?:there|down that road|down that path)",
    "never been (?:a|an)? ?(?:problem|issue|concern|worry|factor|blocker)",
    "(?:just relax|relax|calm down|chill out)",
    "forget about (?:compliance|security|the|that|it|budget|your|those|this)",
    "skip (?:the )?(?:security|legal|compliance|it|procurement|privacy) (?:review|check|questionnaire|process|sign off|step)",
    "(?:concern|concerns|worry|worries|fear|fears|objection|objections) (?:is|are) (?:unfounded|overblown|exaggerated|misplaced|baseless|overstated|not warranted|unnecessary|outdated|irrelevant)",
    "(?:we can|we'll|let's) (?:deal with|worry about|sort|handle|cover|look at|think about) (?:that|it|this|those) later",
    "(?:that|it) (?:really )?doesn't (?:really )?matter",
    "(?:non issue|nonissue|non problem|non factor|non starter)",
    "(?:let's|lets|we shouldn't|no need to|let's not|don't) (?:get bogged down|get hung up|get stuck|get distracted|waste time on|spend time on|dwell on|go down that road)",
    "(?:bogged down|hung up on|sidetracked by)",
    "don't worry,? you (?:won't|will not|wouldn't|will never|'ll never|never)",
    "(?:just ignore|ignore) (?:them|it|that|those|this|him|her)",
    "(?:it's|that's|it is|that is)(?: honestly| really| basically| just)? nothing(?: really)?[,.]",
    "you'll pick it up in",
    "(?:just|only|mostly|basically) noise",
    "complain about everything",
    "(?:only|just) (?:slow|slows) (?:things|us|it|you|everything) down",
    "(?:doesn't|does not|don't|do not) need to (?:see|know|be involved|be in|be looped|review|sign off|weigh in)",
    "not worth (?:dwelling on|worrying about|discussing|a conversation|the time|your time|thinking about)",
    "(?:box ticking|tick box|box checking|check box) (?:exercise|thing)?",
    "(?:i|we) (?:wouldn't|would not) worry",
    "(?:isn't|aren't|is not|are not|not) (?:really |actually |even )?relevant",
    "(?:just have to|have to) (?:get on with it|live with it|deal with it|cope|suck it up|get used to it|put up with it)",
    "next question",
    "(?:it|that|they|everything|those|it all)'ll be (?:fine|ok|okay|alright)",
    "(?:outdated|old fashioned|overblown|exaggerated|overstated|silly|unfounded|baseless|misplaced|irrational) (?:concern|concerns|worry|worries|fear|fears|view|idea|objection|point)",
    "(?:don't|do not|dont) (?:you )?worry (?:about|over) (?:it|that|this|those|compliance|security|budget|the|your|any|a thing|them|integration|migration|implementation|timing|the timeline|training|adoption|cost|price|legal|procurement|it for now|that now)",
    "(?:don't|do not) worry,? (?:it's|it is|that's|that is|it'll|it will|we've|we have|it never|that never|everything|all)",
    "(?:it's|it is|that's|that is|this is|that isn't|it isn't|it's not|that's not|this isn't)(?: really| honestly| actually| just| even)? (?:not )?(?:a|an)? ?(?:non issue|nonissue|non problem|non factor)",
    "(?:it's|it is|that's|that is|this is|that'll|it'll|that will|it will)(?: really| honestly| actually| just| frankly)? (?:not|never|hardly) (?:really |honestly |actually |going to be |gonna be |be )?(?:a|an)? ?(?:problem|issue|concern|big deal|thing|worry|factor|real concern|real issue|real problem)",
    "(?:never|rarely|hardly ever|not ever) (?:a|an) (?:problem|issue|concern|worry)",
    "(?:nothing|not something|nothing at all) (?:to|you need to|you have to|worth) (?:worry|worrying|fret|fuss|stress)",
    "(?:no|zero) (?:need|reason) to (?:worry|fret|stress|be concerned|be worried|think about that|overthink)",
    "(?:you're|you are|you're just|you are just|you might be|you may be) (?:overthinking|over thinking|overcomplicating|over complicating|worrying too much|being paranoid|paranoid|being dramatic|overreacting|over reacting)",
    "(?:overthinking|over thinking|overthink|over think) (?:it|this|that|things)",
    "(?:that|it|this) (?:doesn't|does not|won't|will not|shouldn't|should not) (?:really )?(?:matter|apply to you|affect you|be an issue|be a problem|come up)",
    "(?:let's|lets|we can|we'll|we should|i'd) (?:skip|ignore|set aside|put aside|park|move past|move on from|not worry about|not get hung up on|not dwell on|gloss over|leave) (?:that|the|this|those|your|compliance|security|budget|it)",
    "(?:no|not a) big deal",
    "(?:i|we) (?:wouldn't|would not|don't|do not) (?:worry|stress|fret) (?:about|over)",
    "(?:everyone|everybody|they all|people always|customers always|buyers always) (?:says|say|worries|worry|asks|ask|frets|fret) (?:about )?(?:that|this)",
    "(?:that's|that is|it's|it is) (?:just|only|merely) (?:a )?(?:detail|details|noise|small stuff|a small thing|semantics|paperwork|a formality|red tape|nitpicking)",
    "(?:not|isn't|is not|aren't|are not) (?:really )?(?:relevant|important|an issue|a priority) (?:here|for you|right now|to this|at all)",
    "(?:irrelevant|beside the point|besides the point|neither here nor there)",
    "(?:nobody|no one|no customer|none of our customers|no team) (?:ever )?(?:has|had|hits|runs into|complains|complained|worries|asks) (?:about )?(?:that|this|a|any)",
    "(?:you|your team) (?:won't|will not|shouldn't|should not|don't|do not) (?:even )?(?:need|have) to (?:worry|think) about",
    "(?:it'll|it will|that'll|that will|things will|everything will) (?:be|work out|sort itself out) (?:fine|ok|okay|alright|itself out)",
    "(?:budget|compliance|security|legal|timing|the timeline|procurement|integration|migration)<2>(?:is|isn't|is not|are|aren't) (?:never|not|rarely|hardly) (?:really )?(?:an issue|a problem|a concern|a factor|important|relevant|a blocker)",
)

# --- Avoid: unexplained_idiom ----------------------------------------------------------------

IDIOMS = lexicon(
    "(?:at the end of the day|pie in the sky|can of worms|a leg up|back of the envelope|back of a napkin|elbow grease|the long and short of it|in a pickle|a drop in the ocean|drop in the bucket|break the ice|on the ball|get the hang of|piece of the pie|slice of the pie|go the distance|cover all the bases|cover all bases|play it by ear|zero in on|bang on|spot on|top notch|cross that bridge|penny wise|same wavelength|hit the sweet spot|the whole kit and caboodle|kit and caboodle|bells on|thinking cap|in the loop|keep you posted|run with it|take a rain check|rain check|raincheck|a win win|right up your alley|up your street|a no brainer|easy as pie|apple pie|cup of tea|not my cup of tea|the real McCoy|cut the mustard|pass muster|above board|beat around the bush|bite the bullet|the bee's knees|dog's dinner|pear shaped|gone pear shaped|the full nine yards|blue chip|white glove|low hanging|double edged sword|catch 22|catch twenty two|a tough nut|tough nut to crack|the whole ball of wax|ballpark|snooze you lose|snooze,? you lose|mileage may vary|ymmv)",
    "(?:tco|arr|mrr|nrr|cac|ltv|ebitda|qbr|mau|dau|poc|sow|msa)(?! \\()",
    "marathon,? not a sprint",
    "reinvent the wheel",
    "(?:cowboy|cowboys)",
    "meet in the middle",
    "call it a day",
    "home stretch",
    "over the line",
    "whole enchilada",
    "set and forget",
    "(?:gone|go|went|going) to the mat",
    "best and final",
    "dry powder",
    "on the sidelines",
    "(?:bottom line|ballpark figure|game plan|back burner|put a pin in|pin in it|nail it|nailed it|crush it|crushing it|sweeten the deal|shoo in|long shot|by the book|touch and go|ace in the hole|ahead of the game|whole hog|go the extra mile|the extra mile|out of the water|cherry on top|icing on the cake|hands down|two birds with one stone|kill two birds|heavy hitter|big guns|green light|in the pipeline|on your radar|on the radar|pick your brain|take it to the next level|next level|punch above|punching above|out of the woods|tip of the iceberg|lion's share|stone's throw|jump ship|sign on the dotted line|dotted line|pull the trigger|raise the bar|up in the air|in the same boat|bird in the hand|ride the wave|cash cow|no brainer|low hanging|easy peasy|bread and butter|bob's your uncle|the full monty|spanner in the works|a doddle|cost a bomb|on the cards|in the bag|the ball rolling|from the get go|get go|knock on wood|touch wood|when push comes to shove|nuts and bolts|belt and braces|belt and suspenders|ballpark it|ramp up|spin up|dog and pony show|eat your lunch|drink the kool aid|kool aid|move the dial|needle mover|open the floodgates|a home run)",
    "home run",
    "slam dunk",
    "no brainer",
    "ballpark",
    "touch base",
    "move the needle",
    "moves the needle",
    "low hanging fruit",
    "circle back",
    "game changer",
    "game changing",
    "(?:hit|hits|knock|knocks|hitting|knocking|knocked) it out of the (?:park|ballpark)",
    "out of the park",
    "ducks in a row",
    "boil the ocean",
    "boiling the ocean",
    "bang for (?:your|the|our) buck",
    "silver bullet",
    "hit the ground running",
    "drink from the (?:fire hose|firehose)",
    "drinking from the (?:fire hose|firehose)",
    "(?:eat|eating) our own dog food",
    "dogfooding",
    "level the playing field",
    "run it up the flagpole",
    "push the envelope",
    "pushing the envelope",
    "paradigm shift",
    "think outside the box",
    "outside the box",
    "close the loop",
    "(?:30|thirty) ?(?:000|thousand) (?:foot|feet) view",
    "helicopter view",
    "ticks all the boxes",
    "tick all the boxes",
    "checks all the boxes",
    "piece of cake",
    "cream of the crop",
    "bells and whistles",
    "throw in the towel",
    "par for the course",
    "whole nine yards",
    "bite the bullet",
    "back to the drawing board",
    "over the moon",
    "break the bank",
    "breaks the bank",
    "arm and a leg",
    "hockey stick",
    "hail mary",
    "step up to the plate",
    "curveball",
    "curve ball",
    "full court press",
    "moonshot",
    "secret sauce",
    "table stakes",
    "bleeding edge",
    "kick the tyres",
    "kick the tires",
    "apples to apples",
    "apples and oranges",
    "boots on the ground",
    "blue sky thinking",
    "open the kimono",
    "herding cats",
    "a no go",
    "netnet",
    "net net",
    "in the weeds",
    "heavy lifting",
    "deep dive",
    "synergy",
    "synergies",
    "win win",
    "quick and dirty",
    "on the same page",
    "the ball is in your court",
    "ball's in your court",
    "ball in your court",
    "hit a home run",
    "knock your socks off",
    "knocks your socks off",
    "a steal",
    "sweet spot",
    "wheelhouse",
    "a whole new ball game",
    "ballgame",
    "cut to the chase",
    "jump the gun",
    "learn the ropes",
    "the elephant in the room",
    "elephant in the room",
    "pull out all the stops",
    "get the ball rolling",
    "keep the lights on",
    "low lift",
    "heavy lift",
    "lift and shift",
    "drop the ball",
    "dropped the ball",
    "bring to the table",
    "brings to the table",
    "hit the nail on the head",
    "the real deal",
    "a slam dunk",
    "moving the goalposts",
    "move the goalposts",
    "shift the goalposts",
    "throw under the bus",
    "thrown under the bus",
    "no skin off",
    "skin in the game",
    "bite off more than",
    "rule of thumb",
    "best of breed",
    "in a nutshell",
    "take it for a spin",
    "take it for a test drive",
    "up to speed",
    "a walk in the park",
    "walk in the park",
    "plain sailing",
    "smooth sailing",
    "rocket science",
    "dead in the water",
    "the whole shebang",
    "soup to nuts",
    "apples for apples",
    "a tall order",
    "tall order",
    "ahead of the curve",
    "behind the eight ball",
    "on the fence",
    "ping me",
    "ping you",
    "pinging you",
    "offline about",
    "take this offline",
    "take it offline",
    "double click on",
    "double click into",
    "drill down",
    # sports, animals, money, start-up and sales-floor jargon, and the idioms of many Englishes
    "(?:out of left field|swing for the fences|play hardball|right off the bat|inside baseball|monday morning quarterback|punt on it|an end run around|call an audible|take your eye off the ball)",
    "(?:dark horse|tee it up|not up to par|take a mulligan|a gimme|on the ropes|hit below the belt|roll with the punches|take it on the chin|sticky wicket)",
    "(?:bowled over|bowl a googly|hit for six|knocked for six|play a straight bat|off my own bat|close of play|on the back foot|own goal|score an own goal)",
    "(?:a game of two halves|early doors|park the bus|kick into touch|kick it into the long grass|into the long grass|squeaky bum time|hat trick|hospital pass|the hard yards)",
    "(?:hold your horses|change horses midstream|straight from the horse's mouth|put the cart before the horse|stalking horse|horses for courses|flog a dead horse|beat a dead horse|the horse has bolted|batten down the hatches)",
    "(?:take the wind out of our sails|that ship has sailed|rock the boat|miss the boat|push the boat out|a rising tide lifts all boats|test the waters|rearrange the deckchairs on the titanic|like turning an oil tanker|blue ocean strategy)",
    "(?:drink from a firehose|800 pound gorilla|eat your own dog food|let the cat out of the bag|put the cat among the pigeons|take the bull by the horns|when pigs fly|lipstick on a pig|sitting duck|early bird pricing)",
    "(?:a chicken and egg problem|don't count your chickens|dead cat bounce|black swan event|canary in the coal mine|a fly in the ointment|snake oil|not my circus not my monkeys|fish or cut bait|like shooting fish in a barrel)",
    "(?:bait and switch|under the bus|have your cake and eat it|cherry pick|bean counter|if you pay peanuts you get monkeys|take it with a pinch of salt|put all your eggs in one basket|baked in|already priced in)",
    "(?:bake off|eat our lunch|there's no such thing as a free lunch|a second bite at the cherry|sweeten the pot|the proof is in the pudding|over egg the pudding|the juice is worth the squeeze|take a haircut|take a bath on it)",
    "(?:put your money where your mouth is|use it or lose it|leave money on the table|back of a fag packet|guesstimate|nickel and dime|in for a penny in for a pound|pay through the nose|cheap as chips|fire sale)",
    "(?:race to the bottom|sticker shock|a nice little earner|caveat emptor|flying off the shelves|sell like hot cakes|sell ice to eskimos|sold a pup|bet the farm|a hard sell)",
    "(?:move fast and break things|north star metric|product market fit|blitzscaling|decacorn|ramen profitable|the valley of death|cross the chasm|flywheel effect|competitive moat)",
    "(?:land grab|greenfield|rip and replace|vaporware|yak shaving|eat the frog|the long pole in the tent|single pane of glass|one throat to choke|single source of truth)",
    "(?:skunkworks|fail fast|build the plane while flying it|it's a feature not a bug|up and to the right|synergise|ideate|solutioning|operationalise|don't have the bandwidth)",
    "(?:throw spaghetti at the wall|singing from the same hymn sheet|preaching to the choir|peel back the onion|give me a bell|let's park that|put it in the parking lot|stay in your lane|fly under the radar|end of play)",
    "(?:pipeline hygiene|land and expand|always be closing|abc always be closing|sandbagging|happy ears|spiff|bluebird deal|the deal slipped|top of the funnel)",
    "(?:bant|meddic|above my pay grade|smile and dial|spray and pray|qualify out|batna|closed lost|pound the pavement|coin operated)",
    "(?:compelling event|burning platform|verbal commit|gone dark|ghosted|column fodder|nobody ever got fired for buying ibm|whale hunting|land a whale|a foot in the door)",
    "(?:tyre kicker|what keeps you up at night|hair on fire problem|sell the sizzle not the steak|everything but the kitchen sink|strike while the iron is hot|make hay while the sun shines|fortune favours the bold|get off the fence|take the plunge)",
    "(?:a leap of faith|what have you got to lose|no time like the present|speculate to accumulate|burn your bridges|if push comes to shove|draw a line in the sand|over a barrel|straight to the pool room|fair dinkum)",
    "(?:she'll be right|flat out like a lizard drinking|give it a burl|have a crack|in like flynn|spit the dummy|hard yakka|beyond the black stump|tall poppy syndrome|fair suck of the sav)",
    "(?:no wuckas|pull your head in|don't come the raw prawn|yeah nah|sweet as|down the track|a load of codswallop|bottle it|done and dusted|job's a good un)",
    "(?:take the mickey|a damp squib|a curate's egg|a jobsworth|throw your toys out of the pram|carry the can|bog standard|third time lucky|third time's the charm|dead cert)",
    "(?:six and two threes|fair play to you|streets ahead|it'll be grand|what's the craic|giving out about|acting the maggot|away with the fairies|banjaxed|on the pig's back)",
    "(?:up to ninety|timepass|jugaad|chalta hai|the short end of the stick|talk turkey|spitballing|when the chips are down|up the ante|double down)",
    "(?:go all in|play the long game|a numbers game|kick the can down the road|in the driving seat|spinning our wheels|kick it up a notch|pump the brakes|where the rubber meets the road|off the rails)",
    "(?:jump on the bandwagon|on the bandwagon|a smoking gun|don't shoot the messenger|shoot ourselves in the foot|call the shots|circle the wagons|dead on arrival|a charm offensive|the nuclear option)",
    "(?:establish a beachhead|twist my arm|get cold feet|the shoe is on the other foot|bootstrapped|eye watering|keep your cards close to your chest|our hands are tied|pull your finger out|nailed on)",
    "(?:throw us a bone|sweat the assets|by the seat of our pants|an empty suit|cost the earth|rainmaker|put it on ice|steal a march on|at the eleventh hour|ripe for disruption)",
    "(?:circling the drain|seal the deal|it ain't over till the fat lady sings|grasp the nettle|plucked out of thin air|pull the plug|the emperor has no clothes|crack on|go out on a limb|can't see the wood for the trees)",
    "(?:go down a rabbit hole|on the qt|in the offing|get in on the ground floor|meet you halfway|you scratch my back and i'll scratch yours|drive a hard bargain|an ace up our sleeve|put our cards on the table|call their bluff)",
    "(?:down to the wire|it's not cricket|back of the net|a one horse race|all hands on deck|muddy the waters|a red herring|wild goose chase|a storm in a teacup|flash in the pan)",
    "(?:cook the books|the buck stops here|daylight robbery|money for old rope|a licence to print money|nothing ventured nothing gained|make or break|she'll be apples|a fair go|chuffed to bits)",
    "(?:the wrong end of the stick|the real mccoy|a fork in the road|smoke and mirrors|pick your battles|back to square one|the writing is on the wall|signed sealed and delivered|under wraps|a safe pair of hands)",
    "(?:quid pro quo)",
)

IDIOM_EXPLAINED = lexicon(
    "(?:i e|ie|i\\.e|meaning|that is|in other words|which means|which is to say|by which i mean|put simply|simply put|in plain terms|in plain english|plainly|to put it plainly|so to speak|i\\.e\\.|that's to say|that is to say)",
)

# --- Do: autonomy_language -------------------------------------------------------------------

AUTONOMY = lexicon(
    "you know your (?:business|team|needs|situation|clinic|school|company|practice|people|organisation|organization) best",
    "go with what (?:feels|works|seems|looks) (?:right|best)",
    "(?:is|that's|it's|that is|it is) (?:a )?(?:fair|reasonable|sound|legitimate|valid) (?:call|decision|choice)",
    "(?:whichever|whatever) (?:way )?you (?:go|go with|decide|choose|pick|land)",
    "(?:feel free|you're welcome|you are welcome|by all means|do) (?:to )?(?:shop around|compare|look elsewhere|talk to others|get other quotes|think it over|sleep on it|compare us)",
    "shop around",
    "no wrong (?:answer|choice|decision|option)",
    "if you(?:'d| would)? (?:rather|prefer|decide|choose|want to|wish to)<8>(?:that's|that is|it's|it is|totally|perfectly|completely) (?:fine|ok|okay|no problem|alright|understandable|great|good|your call)",
    "(?:don't|do not|never) feel (?:like )?(?:you have to|obliged|obligated|pressured|any pressure|rushed|bad|guilty)",
    "nothing (?:has|needs) to be (?:decided|signed|agreed|settled|committed)",
    "(?:not|never) locked into",
    "(?:that's|that is|it's|it is|would be|is)(?: a| an)?(?: completely| perfectly| totally| absolutely| entirely)? (?:fine|good|reasonable|legitimate|valid|ok|okay|acceptable|respectable) (?:outcome|answer|result|decision|choice|call|too)",
    "just say (?:so|no|the word)",
    "(?:take|have) as long as you (?:need|like|want)",
    "(?:choose|pick|go with) (?:them|another supplier|someone else|a competitor|the other supplier|another vendor|whoever)",
    "(?:sign|decide|come back|get back to me) (?:when|whenever|once|after) (?:you|your)",
    "(?:is|are|that's|it's|would be|remains) (?:a |an )?(?:perfectly|totally|completely|entirely|absolutely|equally) (?:fine|good|valid|reasonable|legitimate|sensible|solid|acceptable|respectable|okay|ok)",
    "(?:change your mind|decide against|decide not to|pull out|back out|walk away|say no|not go ahead|don't go ahead)<4>(?:that's|that is|it's|it is) (?:fine|ok|okay|no problem|completely fine|perfectly fine|totally fine|alright|understandable)",
    "(?:downgrading|cancelling|canceling|pausing|stopping|leaving|switching|waiting|staying|declining|not renewing|not going ahead|going elsewhere|walking away|holding off|passing|renewing or not|upgrading or not) (?:is|would be|'s) (?:completely |perfectly |totally |absolutely |entirely |also )?(?:fine|ok|okay|reasonable|legitimate|valid|acceptable|your call|your decision|your choice|up to you)",
    "(?:is|would be|that's|it's) a (?:legitimate|valid|perfectly reasonable|reasonable|respectable|perfectly legitimate|perfectly valid) (?:decision|choice|option|outcome|answer|call)",
    "if (?:now|today|this|the timing|it) (?:isn't|is not|'s not) (?:right|good|the right time|a good time|a fit)",
    "(?:either|any|both) (?:is|are|would be|works) (?:fine|ok|okay|good) (?:by|with|for) (?:me|us)",
    "(?:you decide|you choose|you pick)(?=\\W*$|[.,;!?])",
    "(?:you're|you are|you'd be|you remain|you stay|you're always|you are always|you're still|you are still|you're completely|you're entirely|you're totally|you're absolutely|you are completely|you are entirely|you are totally|you are absolutely) (?:free|welcome|entitled|within your rights) (?:to|not to)",
    "but you are free",
    "(?:it's|it is|that's|that is|the decision is|the choice is|this is|the call is|it remains|that remains|whether to upgrade is|whether you upgrade is)(?: entirely| completely| totally| absolutely| fully| always| still)? (?:your (?:call|choice|decision|pick)|up to you|yours|in your hands)(?!\\s+(?:when|what|which|where|how))",
    "(?:your|you make the|entirely your|completely your|totally your|all your|always your) (?:call|choice|decision|pick)(?=[^\\w]*(?:$|[.,;!?)]|and\\b|but\\b|too\\b|either\\b|entirely\\b|completely\\b))",
    "(?:you get to decide|you get to choose|you're in charge|you are in charge|you're in control|you are in control|you set the pace|you call the shots|you have the final say|final say is yours|you're the one who decides|whatever you decide|whatever you choose|whichever you choose|whichever you pick|whichever you prefer|whatever works for you|whatever suits you)",
    "(?:no|zero|without any|without) (?:pressure|obligation|obligations|rush|hurry|commitment|strings attached|strings|hard feelings)",
    "(?:take|taking|have) (?:all )?(?:the|your) time (?:you need|you want|you like)",
    "take your time",
    "(?:there's|there is|there's really|there is really) no (?:rush|hurry|deadline|pressure|time limit|clock|expiry|catch)",
    "(?:i|we) (?:won't|will not|don't|do not|wouldn't|would never|will never|never|don't want to|do not want to|won't ever) (?:pressure|push|rush|hurry|force|pressure you|push you|rush you|hurry you|force you|pressurise|pressurize|hassle|chase|talk you into|sell you)",
    "(?:fine|ok|okay|perfectly fine|completely fine|totally fine|absolutely fine|alright|acceptable|reasonable|legitimate|valid|sensible|good|great|smart|a good call) (?:to|if you) (?:say no|decline|pass|walk away|stay|keep|stick|wait|hold off|not upgrade|not to upgrade|skip|stay put|do nothing|leave it|choose|pick|go with|start small|say not yet|think it over|take it slow)",
    "(?:staying|sticking|keeping|remaining|stay|stick|keep|continuing|carrying on|doing nothing|waiting|holding off|not upgrading|saying no|declining|passing)<5>(?:is|would be|remains|'s|is still|is also|would also be|is a|is an)<2>(?:perfectly |totally |completely |entirely |absolutely |really |also |equally |very )?(?:fine|good|valid|reasonable|legitimate|sensible|okay|ok|acceptable|respectable|solid|smart|great|wise|fair|a good|a fine|a valid|a reasonable|a legitimate|a sensible|a perfectly|a smart|a great|an option|a real option|on the table|always an option|an answer|an acceptable)",
    "(?:current|existing|basic|base|smaller|starter|standard|core|lite|entry|cheaper|lower|small|essentials|essential) (?:plan|tier|package|option|edition|version|setup|set up|scope|licence|license|bundle)<2>(?:is|remains|would be|stays|is still|'s)<2>(?:a |an )?(?:perfectly |totally |completely |really |very |entirely |absolutely |also |equally )?(?:fine|good|valid|reasonable|legitimate|sensible|solid|great|smart|acceptable|respectable|right|strong|real|okay|ok) (?:choice|option|fit|call|decision|answer|place|path|route|plan|way)",
    "(?:you can|you could|you may|feel free to|you're welcome to) (?:always )?(?:say no|decline|pass|walk away|stay|stick|keep the|keep your|change your mind|back out|pull out|skip it|skip this|hold off|wait|turn it down|turn this down|go elsewhere|choose either|choose whichever|choose not|choose the smaller|pick either|pick whichever|pick neither|pick none)",
    "(?:no|not a) (?:problem|worries|issue) (?:at all )?if (?:you|it|the|that|this) (?:decide|decline|say|choose|prefer|pass|want|isn't|is not|doesn't|don't|stay|stick|wait)",
    "(?:if|should) (?:it's|it is|this is|that's|this isn't|it isn't|that isn't) (?:not )?(?:the )?(?:right|a fit|a good fit|for you|not for you|not right|not the right)<3>(?:that's|that is|it's|it is|no problem|totally|perfectly|completely|fine|ok|okay|we'll|i'll|no hard)",
    "(?:either|both|any|each|all) (?:way|option|options|choice|choices|path|paths|route|routes|plan|plans) (?:is|are|would be|work|works)<2>(?:fine|good|valid|reasonable|legitimate|sensible|okay|ok|great|by me|for us|acceptable|with me|on the table)",
    "(?:not|no|never) (?:an )?(?:obligation|obliged|obligated|committed|locked in|bound)",
    "(?:you don't have to|you do not have to|you needn't|no need to|you don't need to|you do not need to) (?:decide|commit|choose|sign|upgrade|buy|answer|agree|say yes|do anything|change|move|take)",
    "(?:only if|only when|only once|if and when) (?:you|it|your team) (?:want|wants|decide|choose|feel|see|are ready|is ready|makes sense|think)",
    "(?:whenever|when) you(?:'re| are) ready",
    "(?:in|at) your own (?:time|pace)",
    "(?:happy|glad|fine|okay|ok|content) (?:either way|whichever|whatever you decide|with whatever|to leave it|if you stay|if you pass|if you decline|if you say no)",
    "(?:i respect|we respect|i'll respect|we'll respect|i'd respect|i'll support|we'll support|i support|we support) (?:that|your|whatever|either|any)",
    "(?:no hard feelings|no harm done|won't be offended|wouldn't be offended|no offence taken)",
)

# --- Do: acknowledge_objection ---------------------------------------------------------------

ACKNOWLEDGE = lexicon(
    "(?:i|we) can (?:totally |completely |fully |really )?(?:see|understand|appreciate|imagine) (?:why|how|that)",
    "makes (?:complete|total|perfect|a lot of|good) sense",
    "(?:totally|completely|very|entirely) fair(?=\\W*(?:$|[.,;!])|\\s{2,})",
    "(?:i|we) (?:totally |completely |really |fully )?(?:get|see|understand|appreciate) why",
    "makes sense to (?:be|worry|ask|want|check|question|hesitate|pause|hold|wait|think|push|look)",
    "(?:totally|completely|entirely|perfectly|very) (?:valid|fair|reasonable|understandable|legitimate)(?=\\W*(?:$|[.,;!]))",
    "(?:it's|that's|that is|it is|which is) (?:a )?(?:legitimate|valid|fair|reasonable|understandable|real)(?=\\W*(?:$|[.,;!]|and\\b|but\\b))",
    "every right to",
    "(?:totally|completely|fully) (?:get|understand|hear) (?:it|that|you|why)",
    "(?:fair|reasonable|valid|legitimate|understandable|real|good|important|sensible|natural|genuine|serious|great|smart|common|sound|wise|healthy|right|justified|reasonable and common) (?:worry|worries|concern|concerns|point|points|question|questions|objection|objections|challenge|flag|callout|call out|thing to ask|thing to worry about|hesitation|hesitations|reservation|reservations|fear|fears|ask|caution|pushback|push back|issue|issues|consideration|considerations|constraint|constraints|instinct|reaction|thing to raise|thing to check|thing to flag|to raise|to ask|to flag|to check)",
    "(?:fair|good|valid|great|reasonable|understandable|totally fair|very fair|completely fair|perfectly fair) (?:point|question|concern|challenge|flag|call|catch|callout|worry|objection|ask|enough)",
    "(?:it's|it is|that's|that is|totally|completely|entirely|perfectly)(?: totally| completely| entirely| perfectly| very| really)? (?:fair|reasonable|understandable|natural|sensible|legitimate|valid|right|wise|prudent|smart|normal|healthy) (?:to|that you|you'd|you would|you'd want|you want|you're|for you to|if you|given|when)",
    "(?:i|we) (?:completely |totally |really |fully |absolutely |do |definitely |genuinely |certainly )?(?:understand|hear you|hear that|get that|get it|see why|see where|appreciate|take the point|take your point|hear the concern|hear your concern|see your point|respect that|respect the|share that|share the|understand the|understand your|recognise|recognize|acknowledge|take that seriously|take it seriously)",
    "(?:understandable|that makes sense|fair enough|point taken|good catch|good flag|great flag|good call out)",
    "(?:fair|reasonable|understandable|natural|right|smart|wise|sensible|healthy|normal) to (?:doubt|question|worry|ask|be|want|push|check|wonder|hesitate|pause|challenge|keep|raise|flag|feel)",
    "(?:is|are|it's|that's) (?:worth|well worth) (?:looking at|looking into|checking|digging into|a closer look|understanding|exploring|taking seriously|unpacking|discussing)",
    "(?:you're|you are) (?:right|not wrong|absolutely right|completely right|totally right|right to|wise to|smart to|fair to|reasonable to|sensible to)",
    "(?:you're|you are) (?:not the only one|not alone|in good company)",
    "(?:i'd|i would|anyone would|most people would|i'd be|i would be|we'd|we would) (?:worry|be worried|be concerned|feel the same|ask the same|want to know|be cautious|hesitate|want that too|think the same)",
    "(?:that|this|budget|timing|the timeline|security|compliance|cost|price|the price|risk|your concern|the concern|your worry|the worry|change|adoption|disruption|workload)<2>(?:is|are|'s) (?:a )?(?:real|legitimate|valid|fair|genuine|serious|big|understandable|important) (?:concern|worry|issue|constraint|risk|factor|point|question|consideration|cost|challenge)",
    "(?:concern|worry|hesitation|caution|question|point) (?:is|makes|seems) (?:fair|valid|legitimate|reasonable|understandable|sense)",
    "(?:thanks|thank you) for (?:raising|flagging|being honest|being upfront|being candid|being frank|bringing|pointing|the honesty)",
    "(?:good|great|important|fair) (?:to raise|that you raised|that you flagged|you mentioned|you said|you asked|you brought)",
)

# --- Do: engage_stakeholders -----------------------------------------------------------------

#: Every engage phrase names a stakeholder: no stakeholder word, no need to search.

STAKEHOLDER = (
    r"(?:security|infosec|info sec|it security|cyber|cybersecurity|finance|financial|procurement|purchasing|legal|lawyers?|counsel|compliance|"
    r"privacy|data protection|dpo|ciso|cio|cfo|cto|coo|ceo|controller|comptroller|accounting|accounts|treasury|audit|auditors?|"
    r"ops|operations|devops|dev ops|sre|architecture|architects?|infrastructure|infra|engineering|hr|payroll|budget holders?|"
    r"sourcing|vendor management|vendor risk|governance|board|executives?|leadership|clinical lead|medical director|admins?|administrators?|"
    r"head of \w+|vp of \w+|stakeholders?|decision makers?|approvers?|signatories|signatory|risk team|risk officer|accounts payable|"
    r"accountants?|bookkeepers?|solicitors?|governors|trustees|union|works council|site managers?|store managers?|practice managers?|"
    r"head teachers?|headteachers?|clinical leads?|finance directors?|data protection officer|security architects?|security leads?|"
    r"legal team)"
)


def _stakeholder_words() -> frozenset[str]:
    words = set(re.findall(r"[a-z]+", STAKEHOLDER.replace("\\w+", "")))
    words |= {w[:-1] for w in words if w.endswith("s")}
    # "it security" also names "security", so the pronoun "it" is never needed here
    return frozenset(words - {"w", "of", "s", "it"})


STAKEHOLDER_WORDS = _stakeholder_words()

ENGAGE = lexicon(
    "(?:questionnaire|questionnaires|security review|vendor assessment|due diligence|infosec review|dpia|risk assessment|legal review|procurement process)<4>(?:early|now|first|upfront|up front|before|this week|in parallel)",
    "(?:someone|anyone|somebody|people|anybody) (?:in|from|on) (?:your |the )?(?:security|finance|legal|procurement|it|ops|operations|compliance|leadership|hr|accounts|audit|risk|the board)<4>(?:should|needs|need|would|to|who)",
    "(?:session|call|meeting|chat|workshop|demo|walkthrough|walk through|review) with (?:your|the)<2>(?:security|finance|legal|procurement|ops|operations|compliance|leadership|hr|accounts|audit|cfo|ciso|cio|cto|it|data protection|privacy|architect|architects|board)",
    "who (?:in|from|on) (?:your |the )?(?:security|finance|legal|procurement|it|ops|operations|compliance|leadership|the board|your board)",
    "(?:your|the|their)<2>" + STAKEHOLDER + "(?: team| lead| director| partner| architect| people| colleague| colleagues| officer| manager| contact| folks| side| group| department)?"
    " (?:reviews|review|reviewing|reviewed|checks|check|checking|checked|signs off|sign off|signed off|signs|looks at|look at|looked at|approves|approve|approved|validates|validate|vets|vet|sees|see|seen|joins|join|weighs in|weigh in|gives a view|give a view|give their view|runs its own|run its own|run their own|tests|test|is welcome|are welcome|had a look|been involved|been looped|been in|should see|should review|should check|should join|should look|should give|should weigh|should sign|could join|could review|would want|will want|may want|might want|needs to see|need to see|needs to sign|need to sign|to review|to see|to check|to join|to look|to sign)",
    "(?:with|by|past|to|for) (?:your|the)<2>" + STAKEHOLDER + "(?: team| lead| director| partner| architect| people| colleague| colleagues| officer| manager| contact| folks| side| group| department)?<4>(?:before|by|early|first|ahead|this week|next week|on (?:monday|tuesday|wednesday|thursday|friday))",
    "(?:bring|bringing|brought|loop|looping|looped|pull|pulling|get|getting|have|having|invite|inviting|involve|involving|include|including|rope|roping|walk|walked|walking|take|taking)"
    "<3>" + STAKEHOLDER + "<3>(?:in|into|on|onto|along|early|now|upfront|up front|first|at the start|before|to the|to review|to look|to see|to check|to join|to weigh|to sign|to sit|to vet|to validate|in early|in now|involved|on board|on the call|on the next call|in the loop|in the room|at the table|aboard)",
    "(?:bring|bringing|loop|looping|pull|pulling|get|getting|invite|inviting|involve|involving|include|including|rope|roping)"
    "<2>(?:in|into|on) (?:your|the|our)<2>" + STAKEHOLDER,
    "(?:involve|involving|involved|include|including|invite|inviting|consult|consulting|engage|engaging|align|aligning|check|checking|run it|run this|run that|walk|walking|share|sharing|review|reviewing|validate|validating|brief|briefing|meet|meeting|loop|sync|syncing)"
    " (?:with |in |by |it with |this with |that with |it past |this past |it by |this by |through with |the model with |the numbers with |it to |this to )?(?:your|the|our|a|their)<2>" + STAKEHOLDER,
    "(?:should|shall|could|would|can|will|do you want|would you like|does it make sense for|it may help for|it might help for|worth having|worth getting|it'd help to have|it would help to have|let's have|let's get|i'd suggest|i suggest|might be worth)"
    "<2>(?:your|the|our)<2>" + STAKEHOLDER + "<4>(?:see|review|join|look|check|vet|weigh|sit|be|get|sign|validate|have a look|take a look|read|hear|approve|be involved|be in|be on|get involved|come|attend|read through|go over|walk through|be looped|be part)",
    "(?:early|earlier|upfront|up front|now|first|at the start|before) (?:sign off|signoff|review|input|buy in|involvement|alignment|approval|check) (?:from|with|by) (?:your|the|our)<2>" + STAKEHOLDER,
    STAKEHOLDER + " (?:sign off|signoff|review|approval|buy in|input|questionnaire|walkthrough|walk through|check|vetting|assessment)<4>(?:early|earlier|upfront|up front|first|now|before|at the start|in parallel|this week|next week|by)",
)

ENGAGE_OTHERS = lexicon(
    "(?:who else|anyone else|who from|someone from|somebody from|anyone from)<3>(?:should|needs|need|would|ought|must|has)<3>(?:be|join|see|sign|review|weigh|involved|in the room|on the call|at the table|have a say|approve)",
)

# --- Do: proof_with_limits -------------------------------------------------------------------

PROOF = lexicon(
    "(?:customers|clients|teams|companies|clinics|firms|practices|hospitals|schools|stores|shops|agencies|labs|sites|groups|users|organisations|organizations|retailers|businesses|warehouses|offices|departments|accounts|cohorts|pilots|banks|charities|studios|restaurants|hotels|fleets|plants|factories|insurers|carriers)"
    "<4>(?:saw|see|seen|reported|report|measured|got|gained|cut|reduced|lowered|improved|raised|doubled|halved|recorded|achieved|noticed|observed|experienced|had|averaged|dropped|fell|recovered|saved|shaved|went|moved|reached|hit|found)",
    "(?:median|average|on average|mean|in our data|our data|the data|data from|study|studies|case study|case studies|benchmark|benchmarks|survey|surveys|sample|samples|measured|we measured|we tracked|we saw|we've seen|we have seen|we found|evidence|stats|statistics|analysis|reference customers|references|referenceable)",
    "(?:in|from|during|at) (?:our|the|a|an|their|its|last year's|last) (?:pilot|pilots|trial|trials|study|test|tests|independent test|pilot customers|beta|rollout|rollouts|exercise|exercises|audit|pen test|benchmark)",
    "(?:test|tests|audit|audits|assessment|pen test|report|review|study|pilot|trial) (?:found|showed|shows|show|measured|recorded|saw)",
    "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|several|a few|a handful of)"
    "<2>(?:teams|customers|clients|companies|clinics|firms|practices|hospitals|sites|accounts|organisations|organizations|businesses|stores|deployments|rollouts|installs|pilots|warehouses|schools|salons|shops|retailers|depots|offices|trusts|laptops|devices|team|customer|client|company|clinic|firm|practice|hospital|site|school|salon|shop|retailer|warehouse|depot)",
    "(?:by|of|saw|see|fell|dropped|cut|reduced|improved|rose|grew|down|up|lower|higher|fewer|less|more|drop|fall|gain|gains|reduction|increase|median|average|mean|were|was) (?:about |around |roughly |nearly |over |almost |up to |an average of |a median of )?(?:\\d+ ?(?:%|percent|per cent)|a (?:fifth|quarter|third|half)|half)",
    "\\d+ ?(?:%|percent|per cent) (?:fewer|less|more|lower|higher|faster|slower|reduction|increase|drop|fall|improvement|gain|cut|of (?:the )?(?:teams|customers|clients|users|cases|transactions|tickets|sites|practices|clinics|stores))",
)

PROOF_LIMIT = lexicon(
    "(?:may|might|could|will|would) (?:tell a different story|differ|vary|not hold|not apply|not match|be different|look different|not transfer|not carry over|not be the same)",
    "(?:its|their|your|his|her) own (?:test|tests|testing|check|checks|numbers|figures|data|pilot|trial|review|ledger|floor|site|devices|laptops|machines|environment)",
    "(?:the rest|the remainder|the others|the remaining) (?:\\w+ )?(?:needed|need|required|still|didn't|did not|saw|had|were|was)",
    "(?:can't|cannot|can not|couldn't) (?:say|tell|claim|prove|promise|guarantee)",
    "(?:doesn't|does not|didn't|did not|won't|will not|may not|might not) (?:include|cover|apply|reflect|account|prove|mean)",
    "(?:includes|included|including|reflects) (?:the|your|their|other|new)",
    "(?:try|test|check|validate|verify|run|measure|prove) it (?:on|with|in|against|for|first|yourself)",
    "(?:on|with|for) (?:your|the) (?:oldest|own|real|actual)",
    "(?:though|although|but|however|yet|except|whereas|while|while the|while some|still)",
    "(?:results|numbers|figures|outcomes|gains|mileage|savings|impact|effect|effects)<2>(?:vary|varied|varies|differ|differed|will differ|may differ|might differ|could differ|ranged|range|depend|depends|depended|spread)",
    "(?:not|no|wasn't|weren't|isn't|aren't|didn't|won't|doesn't|don't) (?:all|every|everyone|everybody|each|guaranteed|a guarantee|promised|universal|typical|representative|the same|see|saw|apply|transfer|carry over|get)",
    "(?:smallest|largest|weakest|slowest|worst|lowest|biggest|least|one|two|a few|some|several|a couple|others|other|one of them|none)<4>(?:saw|see|had|got|showed|reported|recorded)<2>(?:no|little|less|smaller|zero|nothing|none|only|minimal|modest|much less|barely|no real|no measurable|no change|no gain|no difference|the opposite|worse)",
    "(?:only|just) (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a handful|a small|small|some|half)",
    "(?:small|limited|narrow|tiny|modest|early|short) (?:sample|study|pilot|dataset|data set|group|trial|window|set|number|base)",
    "(?:sample|n) (?:of|was|is|size|=)",
    "(?:validate|validated|validating|verify|verified|verifying|test|tested|testing|check|checked|checking|prove|proven|proving|confirm|confirming|measure|measuring|trial|pilot|piloting) (?:it|this|that|them|these|those|the|on|with|in|against|before|for|first|yourself|your own|on your|with your|in your|it on|it with|it in|before)",
    "(?:before you rely|before relying|don't rely|do not rely|before you commit|before committing|before you count|before counting|before you bank|before banking|before you take|take it with|treat it as|treat these|treat that|treat this|not a promise|no promise|can't promise|cannot promise|won't promise|isn't a promise|not a guarantee|no guarantee|can't guarantee|cannot guarantee|won't guarantee|isn't a guarantee|isn't guaranteed|not guaranteed)",
    "(?:like yours|similar to yours|similar to you|your size|of your size|in your sector|in your industry|comparable|similar teams|similar size|similar setup|similar volume|with similar|with your profile|like you)",
    "(?:over|across|during|within|in|after) (?:\\d+|one|two|three|six|nine|twelve|a few|several) (?:days|weeks|months|quarters|years|sites|teams|clinics|customers|companies|accounts)",
    "(?:ranged|ranging|range|anywhere) (?:from|between)",
    "(?:your|their|those|these|the) (?:results|numbers|mileage|context|situation|setup|baseline|case|data) (?:may|might|could|will|can|are|is|was|were)",
    "(?:depending|depends|depend|depended|dependent) on",
    "(?:assumption|assumptions|assuming|caveat|caveats|limit|limits|limitation|limitations|caveated|context|outlier|outliers|self reported|anecdotal|small n|n =|n=)",
)

# --- Do: stop_rule ---------------------------------------------------------------------------

STOP_EXPLICIT = lexicon(
    "(?:roll back|revert|drop back|switch back|go back|downgrade|cancel|walk away|back out|get a full refund|get a refund|opt out)<5>(?:in the first|within the first|within|during the first|before day|by day|until day|at any point in the first|any time in the first) (?:\\d+|thirty|sixty|ninety|two|three|six|fourteen|one)",
    "(?:stop rule|stop rules|stopping rule|stop clause|rollback clause|roll back clause|rollback plan|roll back plan|rollback option|exit clause|exit ramp|out clause|escape clause|kill switch|kill criteria|go no go|go/no go|break clause|break option|opt out clause|opt out at|walk away clause|termination for convenience|cancel for convenience|money back|refund guarantee|full refund|pro rata refund|prorated refund)",
    "(?:no|without|zero|free of|free from|with no|without any|without a) (?:penalty|penalties|exit fee|exit fees|cancellation fee|cancellation fees|early termination fee|early termination fees|break fee|charge to leave|lock in|lockin|cost to leave|cost to switch back|questions asked|fee|fees|exit charge)",
    "(?:penalty free|fee free|no penalty|no cost|at no cost|at no charge|for free|free of charge|no charge|no questions asked)",
)


STOP_ACTION = lexicon(
    "(?:we|we'll|we will|we can|you can|you'll) (?:stop|end it|call it off|pull out|walk away)(?=\\W*(?:$|[.;,!]))",
    "(?:we|you|i|we'll|you'll|i'll|you can|we can|you could|we could|it can be|they can be|can be|you're free to|you are free to|we will|you will|we'd|you'd|we simply|you simply|we just|you just)"
    "<2>(?:drop back|drop down|step back|step down|roll back|rollback|rolled back|revert|reverted|downgrade|downgraded|go back|move back|move you back|put you back|switch back|switch you back|fall back|scale back|cut back|back out|walk away|cancel|cancelled|canceled|end the|stop the|stop paying|stop billing|pause the|pull the plug|exit|unwind|undo|refund|refunded|return|returned|remove|removed|uninstall|uninstalled|terminate|terminated|opt out|drop the|drop it|drop to|drop them|take it off|turn it off|switch it off|part ways|leave|credit|credited|owe nothing|pay nothing|keep the basic|stay on|stay with|stick with|sign a|sign the smaller)",
    "(?:back (?:on|to) (?:the )?(?:basic|base|starter|standard|core|smaller|current|previous|old|team|essentials|lite|original|free|\\w+ plan|\\w+ tier))",
    "(?:no longer pay|stop paying|owe nothing|owe us nothing|pay nothing|nothing to pay|credit the difference|refund the difference|money back|full refund)",
)

STOP_FAILURE = lexicon(
    "(?:doesn't|does not|don't|do not|didn't|did not|isn't|is not|aren't|are not|won't|will not|can't|cannot|haven't|hasn't|hadn't|wasn't|weren't|not|no|fails|fail|failed|fails to|miss|misses|missed|slip|slips|slipped|stall|stalls|stalled|drop|drops|falls short|fall short|goes badly|go badly|go wrong|goes wrong|still|worse|unhappy|disappointed|below|under|above|over|fewer than|less than|more than|at least|short of|no better|flat)",
)

# --- Do: options_tradeoffs -------------------------------------------------------------------

OPTION_ENUM = lexicon(
    "(?:option|options|plan|plans|tier|tiers|path|paths|package|packages|route|routes|choice|choices|scenario|scenarios|version|versions|level|levels|scope|scopes|bundle|bundles|edition|editions)"
    " (?:a|b|c|1|2|3|one|two|three|i|ii|iii)",
    "(?:two|three|2|3|couple of|a couple of|a few) (?:\\w+ )?(?:options|plans|tiers|paths|packages|routes|choices|scenarios|versions|levels|scopes|ways|approaches|configurations|setups|set ups|alternatives|flavours|flavors|models|bundles|editions|possibilities|directions|shapes|sizes)",
    "(?:first|second|third|1st|2nd|3rd|other|alternative|smaller|larger|bigger|cheaper|basic|base|lighter|fuller|full|minimal|lean|starter|standard|premium|top|higher|lower|middle|mid)"
    " (?:option|path|plan|route|approach|choice|tier|package|scope|way|setup|version|scenario|level|bundle|edition|alternative)",
    "(?:either|whether)<8>(?:or|vs|versus)",
    "(?:on the one hand|on the other hand|alternatively|alternately|or else|the alternative|the other way|the other route|the other path|or you could|or we could|or you can|or we can|versus|vs)",
    "(?:base|basic|current|starter|standard|core|essentials|lite|pro|team|business|premium|enterprise|growth|plus|advanced|ultimate|professional|scale|starter|smaller|bigger|larger|full)"
    " (?:plan|tier|package|edition|option|licence|license|bundle|version)",
)

OPTION_TRADEOFF = lexicon(
    "(?:cheaper|less expensive|lower cost|costs less|cost less|pricier|more expensive|costs more|cost more|higher cost|extra cost|adds cost|adds|add|saves|save|cheapest|priciest|dearer)<3>(?:but|though|while|yet|and|whereas|however|if)",
    "(?:but|though|while|yet|whereas|however|except|although)<6>(?:caps|capped|limits|limited|limit|lacks|lack|lacking|leaves out|leaves|misses|miss|excludes|exclude|doesn't include|does not include|without|no|won't|can't|cannot|gives up|give up|costs|cost|needs|need|requires|require|takes|take|adds|add|means|mean|slower|longer|higher|lower|more|less|fewer|only|must|still|drops|drop|loses|lose|skips|skip|excludes|trades|trade|risk|risks|exposes)",
    "(?:trade off|tradeoff|trade offs|tradeoffs|in exchange|in return|the catch|the downside|the down side|downside|downsides|the upside|the cost is|the cost of that|the price is|the price of that|you give up|gives up|give up|giving up|you lose|you'd lose|you would lose|you gain|you get|you'd get|you would get|at the cost of|at the expense of|comes at|pros and cons|pro and con|pros|cons|on the flip side|flip side|the risk is|the risk there|what you lose|what you give up|what it costs|what each costs|what each gives|what each one|each one costs|each one gives|each has|each comes|costs you|cost you|caps you|caps|capped at|limited to|limits you|tops out|maxes out|max of|up to \\d+|no more than)",
    "(?:cheaper|cheapest|lower|less|more|higher|faster|slower|quicker|bigger|smaller|simpler|heavier|lighter|longer|shorter|fewer)<2>(?:but|though|yet|while|whereas|and)<4>(?:cheaper|cheapest|lower|less|more|higher|faster|slower|quicker|bigger|smaller|simpler|heavier|lighter|longer|shorter|fewer|needs|requires|costs|caps|lacks|misses|takes|adds|means)",
)

# --- Avoid: premature_upsell (cue phrases that work without context) -------------------------

UPSELL_TARGET = lexicon(
    "(?:on|to|onto|with|for|into|at) (?:the |our )?(?:\\w+ )?(?:pro|enterprise|premium|platinum|ultimate|business plus|business|plus|max|unlimited|elite)(?! plan| tier)",
    "(?:enterprise|platinum|premium|ultimate|top tier|top plan|top package|multi site|multisite|full platform|full suite|whole platform|whole suite|every module|all modules)",
    "(?:\\d+|hundred) seat (?:licence|license|plan|package|deal|bundle)",
    "(?:quote|proposal|order|contract) for (?:the )?(?:top|full|premium|enterprise|biggest|largest|\\d+ seat)",
    "(?:upgrade|upgrades|upgrading|upgraded|upsell|upsize|upsizing|upscale|go bigger|going bigger|bigger plan|bigger package|bigger tier|bigger bundle|larger plan|larger tier|larger package|step up)",
    "(?:premium|enterprise|ultimate|platinum|gold|pro|professional|elite|max|plus|advanced|business|unlimited|top|highest|biggest|full|complete|deluxe|growth|scale|everything|all in|all inclusive|flagship|premier|top tier|top end|high end|higher|bigger|larger|full suite|whole|entire|maximum|best|most complete)"
    " (?:plan|plans|tier|tiers|package|packages|edition|editions|bundle|bundles|version|licence|license|licences|licenses|suite|level|option|setup|offering|product|subscription|add on|add ons|addon|addons|module|modules|seat|seats|support|package)",
    "(?:the|our|this|that) (?:premium|enterprise|ultimate|platinum|pro|elite|max|plus|advanced|unlimited|deluxe|flagship)",
    "(?:add on|add ons|addon|addons|extra module|extra modules|extra seats|more seats|more licences|more licenses|additional seats|additional modules)",
    "(?:everything|the works|all the bells|whole package|full package|full stack|full platform|all modules|every module|all the modules|all features|every feature)",
)

UPSELL_PUSH = lexicon(
    "(?:put together|prepare|prepared|draw up|drawn up|send over|send you|quote you)",
    "(?:skip|don't bother with|do not bother with|forget|go|go for|go with|jump|take|just take|put you on|i'd put you|i'll put you|put you|budget for|start there|start you|lock in|sign up for|you should really be|you should be|should really be|i've prepared|i have prepared|prepared a quote|shall i send|moved to|moving to|switched to|upgraded to|the only one|is the only|only one that)",
    "(?:you'll|you will|you'd|you would|you're going to|you are going to|you'll definitely|you'll obviously|you obviously|you'll really|you really|you definitely|you clearly|you)"
    " (?:want|need|need to|want to|should|must|have to|ought to|'ll want|'ll need|absolutely need|really need|definitely need|definitely want|obviously want|obviously need)",
    "(?:i'd|i would|i'll|i will|we'd|we would|let me|let's|lets|i|we|my) (?:recommend|suggest|put you|sign you|get you|set you|move you|upgrade you|bump you|push you|push for|go with|go for|start you|lead with|advise|propose|pitch)",
    "(?:go|going|jump|jumping|skip|skipping|move|moving|head|heading|straight|go straight|jump straight|start|starting|begin|beginning|sign up|signing up)<2>(?:for|with|to|on|up to|into|straight to)",
    "(?:upgrade|upgrading|add|adding|take|taking|buy|buying|get|getting|grab|choose|choosing|pick|picking|opt for|sign up for|sign on for|lock in)",
    "(?:best|smartest|safest|right|only sensible|obvious|natural|clear) (?:choice|move|option|bet|pick|call|path|route|fit|answer)",
    "(?:before anything else|before we (?:even )?(?:start|begin|talk|get into|go further|dig in|discuss)|right off the bat|off the bat|first thing|first things first|first off|straight away|straightaway|right away|from day one|right from the start|from the start|out of the gate|up front|upfront|to begin with|to start with|before we get going|right now|immediately)",
)

PREMATURE_CUE = lexicon(
    "(?:before anything else|before we (?:even )?(?:start|begin|talk|get into|go further|dig in|discuss|know|look|understand|hear|learn|get going)|before (?:i|we) (?:even )?(?:ask|know|understand|hear|learn|look)|before you (?:even )?(?:tell me|explain|say|describe)|right off the bat|off the bat|first thing|first things first|first off|out of the gate|from the get go|from the outset|without even|no need to (?:talk|discuss|get into|go into|look at) (?:your|the|what)|whatever your|whatever you need|whatever the problem|whatever it is|whatever the need|regardless of (?:your|what|the)|no matter (?:what|your))",
    "(?:skip|skipping|let's skip|we can skip) (?:the )?(?:basics|questions|discovery|small talk|details|the small stuff|the chit chat|the intro|the introductions|straight)",
    "(?:straight|jump straight|go straight|skip straight|head straight) (?:to|into|for) (?:the )?(?:premium|enterprise|ultimate|top|full|biggest|pro|platinum|best|highest|upgrade)",
    "(?:everyone|everybody|all our (?:customers|clients)|most (?:customers|clients|teams)) (?:ends up|end up|eventually|always|starts on|start on|needs|need|goes for|go for|upgrades|upgrade)<3>(?:premium|enterprise|ultimate|top|full|biggest|pro|platinum|upgrade|bigger|higher)",
)


# --- Do: tie_to_outcome ----------------------------------------------------------------------


OFFER_NOUN = lexicon(
    "(?:option|options|plan|plans|tier|tiers|package|packages|add on|add ons|addon|addons|module|modules|feature|features|edition|bundle|upgrade|seat|seats|licence|license|licences|licenses|pilot|setup|configuration|scope|path|route|integration|connector|service|services|support|sync|workflow|automation|dashboard|report|reports|reporting|alerts|alerting|sso|api|product|version|level|extension|a|b|c|1|2|3|it|this|that|which)",
)

# --- Do: discovery_question ------------------------------------------------------------------

QUESTION_OPEN = lexicon(
    "(?:what|what's|whats|how|who|who's|whom|which|where|why|when|walk me through|tell me about|tell me more|help me understand|talk me through|take me through|describe|explain|share|paint me|give me a sense|i'm curious|i am curious|i'd love to hear|i'd love to understand|i'd like to understand|i'd like to hear|could you tell|could you walk|can you walk|can you tell|can you describe|could you describe|can you share|could you share|would you walk|would you tell|would you describe|can you talk|could you talk|if this goes|if it goes|if we|if you|imagine|picture|suppose)",
)

DISCOVERY_TOPIC = lexicon(
    "(?:grow|grows|growth|growing|grew|scale|scales|scaling|double|doubles|doubled|doubling|triple|expand|expansion|adoption|adopt|headcount|volume|volumes|load|demand|hire|hiring|seats|users|usage)",
    "(?:risk|risks|risky|break|breaks|broke|breaking|fail|fails|failure|failures|failing|outage|outages|downtime|incident|incidents|go wrong|goes wrong|went wrong|keep you up|worry|worries|worried|concern|concerns|blocker|blockers|bottleneck|bottlenecks|pain|painful|hurts|hurt|problem|problems|issue|issues|challenge|challenges|struggle|struggles|friction|error|errors|mistake|mistakes|rework|re work|delay|delays|late|backlog|churn|complaint|complaints|frustrat|frustrating|frustration|cost|costs|costing|expensive|lose|losing|lost|loss|waste|wasted|slow)",
    "(?:impact|impacts|affect|affects|affected|effect|effects|consequence|consequences|happen|happens|happened|happening|change|changes|changed|different|difference|matter|matters|mean for|means for|ripple|knock on|downstream|upstream|depend|depends|dependent|rely|relies)",
    "(?:success|succeed|successful|win|wins|winning|look like|looks like|good look like|great look like|measure|measures|measured|metric|metrics|kpi|kpis|target|targets|goal|goals|outcome|outcomes|objective|objectives|criteria|criterion|would have to be true|has to be true|needs to be true|must be true|done look like|prove|proven|proof|judge|know it worked|know it's working|call this a win|call it a win|save|saves|saved|saving|savings|time|hours|budget|roi|return|payback|value|priority|priorities|important|improve|improvement|better|fix|achieve|hoping|hope|want|need|needs|trying)",
    "(?:who else|anyone else|who would|who will|who's affected|who is affected|who gets|who owns|who signs|who decides|who approves|who needs|who uses|who's involved|who is involved|stakeholder|stakeholders|team|teams|department|departments|finance|security|it|ops|operations|legal|procurement|leadership|boss|manager|sign off|signs off|approve|decide|decision|decision maker|involved|buy in|champion|customers|patients|staff|people|users)",
)

QUESTION_CLOSED_PHATIC = lexicon(
    "(?:can|could) you (?:hear|see) me",
    "(?:is|does) (?:this|now|that|the) (?:time|a good time|still a good time|ok|okay|work for you|still work)",
    "how are you",
    "how's it going",
    "how is it going",
    "how was your",
    "how have you been",
    "how's your (?:day|week|morning|weekend)",
    "what's the weather",
    "what time (?:works|suits|is good|is best|should we|shall we|do you)",
    "when (?:works|suits|is good|is best|are you free|is a good time|would suit|would work|can we meet|should we meet|shall we)",
    "(?:did|have) you (?:get|receive|see) (?:my|the|our)",
    "(?:any|got any) questions",
    "which (?:day|time|slot|date)",
    "where (?:should|shall|do) (?:i|we) (?:send|email|meet)",
    "who should i (?:send|address|email|invoice)",
    "how do you spell",
    "what's your email",
    "what is your email",
    "shall we",
    "should we",
)

# --- Do: confirm_consent needs a check of the choice (and reason) and an offer to record it ---

CONSENT_CHECK = lexicon(
    "(?:to confirm|just to confirm|just to check|can i check|let me check|may i check|to be clear|to recap|to sum up|so to confirm|quick check|let me confirm|can i confirm|to double check)",
    "(?:you're|you are|you've|you have|you'd|you would) (?:choosing|going with|picking|opting|deciding|selecting|chosen|picked|opted|decided|selected|agreed|agreeing|going ahead|signing|dropping|renewing|keeping|starting|staying|taking|moving|switching|sticking|happy|comfortable|like to go|rather)",
    "(?:your|the) (?:reason|reasons|rationale|main reason|decision|choice)",
    "(?:because|since|so that|as) (?:you|your|that|the|it|this)",
    "(?:is|was) that (?:right|correct|accurate|fair|the reason|your reason|the main reason|a fair summary)",
    "(?:is|does) (?:that|this) (?:sound|capture|reflect|match)",
    "(?:have|did|do) i (?:got|get|have|understood|understand|capture|captured)<2>(?:right|correctly|that)",
    "(?:are|you're|you are) (?:you )?(?:happy|comfortable|ok|okay|content|agreed) (?:for me|with me|that i|to go ahead|to proceed|with that|with this|with the)",
    "the (?:decision|plan|agreement) is",
    "(?:we're|we are|so we're) (?:agreed|aligned|in agreement)",
    "(?:do|does) (?:that|this|everyone|you) (?:agree|sound right|sound fair|feel right)",
    "(?:you're|you are|you've|you have) (?:agreeing|consenting|signing off|saying yes|opting in|giving the go ahead|told me)",
    "(?:confirm|confirming|confirmed) (?:your|that you|the choice|the decision|you're|you want|you'd)",
    "(?:you've|you have) (?:decided|chosen|picked|opted|agreed)",
)

CONSENT_RECORD = lexicon(
    "(?:note|notes|noted|noting|record|recorded|recording|records|log|logged|logging|jot|document|documented|documenting|capture|captured|minute|minuted)",
    "write (?:that|this|it|your|the) (?:down|up|in|into)",
    "write down",
    "put (?:that|this|it|your|the reason) (?:down|in|on|into)",
    "(?:add|adding|added) (?:it|that|this|the reason|your reason) (?:to|in|into) (?:the|our|your|my) (?:record|records|notes|file|crm|account|system|summary|order notes|deal notes)",
    "(?:in|on|into|to) (?:the|our|your|my) (?:crm|notes|record|records|file|account notes|account|system|deal notes|call notes|summary)",
    "on (?:file|record)",
    "crm",
)

PREMATURE_STRONG = lexicon(
    "(?:straight|jump straight|go straight|skip straight|head straight|right) (?:to|into|for|on) (?:the |our )?(?:premium|enterprise|ultimate|top|full|biggest|pro|platinum|best|highest|upgrade|business|largest|max|unlimited|complete)",
    "(?:skip|skipping|forget|ignore|don't bother with|do not bother with|no point in|no point starting with|never mind) the (?:starter|basic|base|free|smaller|small|single|entry|lite|essentials|standard|cheaper|cheap|team|core|trial)",
    "(?:before|without) (?:we |you |i )?(?:even )?(?:know|knowing|hear|hearing|ask|asking|understand|understanding|learn|learning|discuss|discussing|get into|getting into|talk about|talking about) (?:what|your|how|whether|if)<6>(?:premium|enterprise|ultimate|top tier|pro|platinum|upgrade|full|business|bigger|largest)",
)

# --- Structural slots ------------------------------------------------------------------------
# The lexicons below are word classes combined by shape, not remembered sentences: a slot of
# people or things the buyer is responsible for, a judgement, a push, a concealment verb. Each
# phrase carries its own negator where the negator is part of the meaning ("you don't need to
# mention"), so they are matched without the generic negation check.

_PEOPLE = (
    "(?:people|staff|team|teams|nurses|engineers|agents|analysts|volunteers|users|customers|patients|clients|students|"
    "employees|colleagues|crew|crews|drivers|pickers|technicians|techs|developers|devs|admins|accountants|teachers|"
    "pupils|members|residents|guests|operators|workers|reps|managers|folks|on call people|on call staff|frontline)"
)
_ROLE = (
    "(?:lead|leads|leader|leaders|director|directors|manager|managers|owner|owners|head|heads|buyer|buyers|team|teams|"
    "firm|firms|company|companies|business|businesses|clinic|clinics|school|schools|practice|practices|shop|shops|"
    "department|departments|organisation|organization|organisations|organizations|operator|operators|professional|"
    "professionals|ciso|cfo|cto|ceo|officer|person|people|one|outfit|depot|depots|warehouse|warehouses|charity|charities)"
)
_JUDGED = "(?:serious|real|proper|competent|responsible|good|sensible|smart|savvy|professional|ambitious|grown up|caring|decent|modern|forward thinking)"
_LESS = (
    "(?:basic|base|starter|free|essentials|essential|standard|cheap|cheaper|cheapest|small|smaller|old|current|lite|light|"
    "entry|core|team|legacy|bare|minimum|spreadsheet|paper)"
)

CONFIRMSHAME_SLOTS = lexicon(
    # a judgement of the buyer's competence or character for choosing less
    f"(?:a|any|the|no|every) {_JUDGED}<2>{_ROLE} (?:who|that|would|wouldn't|would never|never|doesn't|does not|knows|takes|actually)",
    f"(?:only|just) (?:a|an|the)?<2>{_ROLE} (?:that|who) (?:has|have|had|is|are|isn't|aren't|doesn't|don't|can't|gave|given|wants) ",
    f"(?:real|serious|proper) {_ROLE}",
    f"what (?:hobby|amateur|small time|tiny|little|corner)<2>{_ROLE} do",
    "(?:you'd|you would|you'll|you will|you'd have to|you) be (?:mad|daft|crazy|nuts|insane|foolish|silly|bonkers|out of your mind|a fool|mental) (?:to|not to|if)",
    "(?:mad|daft|crazy|foolish|silly|naive|reckless) (?:to|not to) (?:stay|stick|keep|trust|pass|skip|say no|decline|go without|stay on|carry on|hold out|risk)",
    f"(?:your|their|the|those) (?:\\w+ )?{_PEOPLE} deserve (?:better|more|the best|a|an|proper)",
    "(?:someone|anyone|a person|somebody) in your (?:role|position|shoes|seat|job) (?:would|should|ought to|must) (?:see|know|understand|realise|realize|get|want)",
    "(?:expected|hoped for|expect) (?:more|better) (?:ambition |courage |sense )?(?:from|of) (?:a|you|your|someone|somebody)",
    "(?:braver|bolder|smarter|more ambitious|more serious|more sensible|more grown up) than (?:this|that|you|your)",
    "(?:bold|brave|interesting|curious|brave) (?:choice|move|call|decision|strategy)(?=\\W*(?:$|[.!?;]))",
    "(?:just|simply|really) (?:like|enjoy|love|prefer) (?:coming|being|finishing) (?:second|last|behind)",
    "(?:take|takes|taking) (?:their|its|his|her) (?:\\w+ ){0,2}seriously",
    "(?:not|aren't|isn't|never) (?:real|serious|proper|grown up) (?:businesses|business|firms|firm|companies|company|teams|team|leaders|clinics)",
    "(?:basically|mostly|really|only|just) for (?:people|teams|firms|companies|businesses|shops|those) (?:who|that) (?:don't|do not|aren't|are not|can't|won't|never|have no)",
    "(?:put|mark|note|have|write) you down as (?:\"|')?(?:not|someone|a|happy|fine)",
    "(?:will|would|they'll|they'd|people'll|auditors'll) laugh (?:at|about)",
    "(?:auditors|board|regulator|inspectors|customers|competitors|they) (?:will|would) laugh",
    "(?:given up|giving up|give up) on (?:its|their|your|his|her|the)",
    "(?:happy|content|fine|okay|ok|comfortable|willing) (?:to be|being) the (?:\\w+ )?(?:one|firm|company|team|clinic|business|school|practice|shop|depot|only one|last one) (?:that|who|which)",
    "if you (?:enjoy|like|love|prefer) (?:explaining|apologising|apologizing|manual|paper|typing|retyping|working|spending|doing|firefighting|chasing|losing|being|weekends|overtime|spreadsheets|late)",
    "(?:enjoy|enjoys|love) (?:manual|explaining|apologising|apologizing|data entry|firefighting|retyping|paperwork|spreadsheets|chasing)",
    "(?:i|i'd|we) (?:just )?hope (?:your|the) (?:\\w+ )?(?:board|boss|auditors?|auditor|cfo|ceo|customers|patients|regulator|investors|manager|owners|insurer) (?:never|don't|doesn't|won't)",
    "(?:i'd|i would) hate to be (?:you|in your shoes|your)",
    "(?:is|are) (?:worth|worth very) (?:nothing|little|zero|so little)",
    f"(?:tells|telling|tell) your (?:\\w+ )?{_PEOPLE} (?:their|that their|they|that they|that you)",
    "message you want to send",
    "you (?:don't|do not|really don't|just don't) (?:care|value|mind about|think about) (?:about )?(?:your|their|the|them|what|how)",
    "(?:guess|suppose|take it|assume) (?:you're|you are|your team is|you'd be) (?:fine|ok|okay|happy|comfortable|content|alright|cool) (?:with|to|about|watching|having|letting)",
    f"you'd rather (?:your|the|have your|keep your) (?:\\w+ )?{_PEOPLE}",
    "(?:false|fake) (?:saving|savings|economy)",
    "(?:not|hardly|isn't|is not) (?:bothered|fussed) (?:about|with)",
    "(?:some|other|most) (?:firms|people|teams|companies|businesses|clinics|shops|buyers|owners|leaders) (?:just |simply )?(?:like|enjoy|prefer|love) (?:coming|being|losing|wasting|falling|struggling)",
    "(?:stays|stay|staying|keeps|keep|keeping|sticks|stick|sticking) (?:on|with) (?:the )?(?:\\w+ )?(?:free|cheap|basic|starter) (?:tier|plan|option|version)",
    f"(?:keeping|choosing|picking|staying on|sticking with|going with|stay on|keep) (?:the |your )?{_LESS}<2>(?:plan|tier|option|package|contract|version|setup|system)<2>(?:is what|is for|says|tells|means you|is basically|is like)",
    "(?:if|when) you (?:pick|choose|go with|keep|stay on|stick with|take|decline|skip|pass on)<3>you (?:don't|do not|clearly don't) (?:care|value|respect)",
    "(?:if|when|since) (?:your|you) (?:\\w+ ){0,3}(?:isn't|aren't|is not|are not|doesn't|don't) (?:a priority|important|worth|matter|count)",
    "(?:their|your) time (?:isn't|is not|doesn't|does not) (?:a priority|matter|important|count|worth)",
    "(?:doesn't|does not|don't|do not) (?:matter|count|mean anything|mean much) to you",
    "(?:you'll|you will|you'd|you'll) (?:catch up|get there) (?:eventually|one day|someday|in the end)",
    "(?:i'm|i am) sure you'll catch up",
    "(?:who|that) (?:\\w+ ){0,2}(?:takes|take|took|treats|treat) (?:\\w+ ){0,3}(?:seriously|properly|to heart)",
    f"{_ROLE} (?:who|that) (?:really |truly |genuinely |actually )?(?:love|loves|care about|cares about|value|values|respect|respects|are serious|is serious|want the best|wants the best|are proud|is proud|believe in|believes in)",
    "(?:is|are|it's|they're) (?:really |basically |mostly |just |only )?for (?:people|teams|firms|owners|those|companies|businesses|shops|clinics|anyone|someone) (?:who|that) (?:are happy|are content|is happy|is content|want to stay|like|don't mind|doesn't mind|don't care|doesn't care|aren't|isn't|never|can't|cannot|are fine|is fine)",
    "(?:all|the only thing|only thing|everything) you (?:really )?care about",
    "(?:don't|doesn't|do not|does not|never) (?:really |just )?(?:value|care about|respect|think about) (?:their|your|his|her) (?:own )?(?:time|team|staff|people|customers|business|patients|clients|data|engineers|users|future)",
    "not everyone can (?:afford|manage|be bothered|handle|stomach)",
    "(?:think|thinks|know|knows|see|sees|say|says) (?:that )?you (?:\\w+ )?(?:cut|cutting|cutting) corners",
    f"if (?:your|the) (?:\\w+ ){{0,2}}{_PEOPLE} (?:don't|do not|doesn't|does not|won't|will not) mind",
    "(?:don't|do not) come (?:back )?(?:to me|crying|running|complaining)",
    "(?:if you think|if you believe|if you feel|if you reckon) (?:your|you|they|the) (?:\\w+ ){0,3}(?:worth|deserve)",
    "what (?:it|that|this|skipping|declining|saying no) (?:says|said|would say|shows|tells) about (?:your|you|the kind)",
    "hate for (?:your (?:\\w+ )?\\w+|them|people) to (?:think|see|find out|know|feel|hear)",
    "(?:competitors|rivals|competition) (?:will|would|'ll) (?:thank|love) you",
    "(?:chose|choose|chosen|choosing|picked|pick|put) (?:the )?(?:\\w+ ){0,3}over (?:them|your (?:\\w+ )?(?:team|staff|people|patients|customers|clients|users|engineers|nurses|drivers|volunteers)|their)",
    "(?:it's|it is) your money,? but",
    "(?:thoughtful|discerning|clever|wise|switched on|astute|savvy|forward looking|good|best|successful|serious|smart) (?:buyers|owners|managers|leaders|teams|firms|clinics|directors|people|customers|operators|schools|practices|companies) (?:go with|go for|pick|choose|take|opt for|buy|get|upgrade|invest|end up)",
    "(?:surprised|shocked|amazed|puzzled|disappointed) (?:that )?you(?:'re| are| would|'d| even)? (?:hesitating|hesitate|unsure|wavering|holding back|considering|thinking twice|asking|doubting|on the fence)",
    "remember (?:who|that you|you) (?:said no|turned|declined|chose|passed|skipped|picked)",
    "(?:when|if) (?:they're|they are|you're|you are|people are|a firm is|a team is) not (?:planning|serious|ready|trying|bothered|going|looking) to (?:grow|grow up|succeed|stay|last|scale|invest|be around)",
    "(?:strange|odd|curious|funny|interesting|bold|brave|risky) (?:choice|decision|call|move|thing) for (?:someone|a team|a firm|a company|a business|somebody|a leader|a manager|a practice|anyone|a person)",
    "(?:not|hardly|isn't|aren't) (?:that |very |really |all that )?(?:invested|committed|serious|bothered|ambitious|interested) in (?:the|your|this|their|growth|growing|quality|security|your people)",
)

PRESSURE_SLOTS = lexicon(
    # bandwagon: a crowd of peers "like you" already doing it
    "(?:every|most|all|half|many|lots of|plenty of|the rest of|nearly every|nearly all|almost every|almost all) (?:the )?(?:other )?(?:\\w+ ){0,2}(?:your size|like yours|like you|in your (?:\\w+ )?(?:region|area|network|trust|street|town|city|sector|industry|space|market|field|group|segment|patch)|in the (?:network|trust|region|group|area|sector|industry)|we work with|i talk to|i speak to|i meet)<3>"
    "(?:already|pick|picks|picked|choose|chooses|chose|go for|goes for|went for|switched|switch|signed|sign|moved|move|use|uses|using|run|runs|are on|is on|grab|grabs|skip|skips|start|starts|upgraded|upgrade|bought|buy|opt|opts|are following|have|has|jumped|made the)",
    "(?:everyone|everybody) (?:does|did|has|is|'s|else does|else has|else did)(?=\\W*(?:$|[.!?;]))",
    "(?:everyone|everybody) (?:\\w+ ){0,2}(?:your size|like you|like yours|in your \\w+) (?:goes|go|picks|pick|takes|take|signs|uses|has|is|'s|already|moved|switched)",
    "(?:you're|you are|you'd be|you'll be|you would be) (?:now )?the (?:holdout|hold out|last|only|odd one|one left)",
    "(?:don't|do not) be the (?:only|last|odd)",
    "(?:whoever|the first (?:one|customer|firm|company|team|depot) to|first to) (?:signs?|commits?|books?|orders?|says yes|confirms?) (?:first )?(?:gets|wins|takes|secures)",
    "(?:other|three|two|four|several|a few|many|\\d+) (?:other )?(?:\\w+ ){0,2}(?:are|is) (?:asking about|waiting for|looking at|interested in|after|queuing for|queueing for|lined up for|in line for)",
    # urgency: a short clock on the buyer's decision
    "(?:can't|cannot|won't|can not) (?:keep|hold) (?:this|it|that|the \\w+|these) (?:open|available|for you|reserved|aside)? ?(?:past|beyond|after|for more than|longer than|until after|much longer)",
    "(?:within|in) (?:the|an|one|a|\\d+|two|twenty four|48|24) (?:hour|hours|minutes|mins)\\b",
    "(?:after that|otherwise|or else),? (?:no promises|i release|it goes|they go|it's gone|the price|all bets)",
    "(?:once|when) (?:it's|it is|they're|they are) gone,? (?:it's|it is|they're|they are) gone",
    "(?:final|last) (?:week|days|hours|day) of (?:the|this|our) (?:promotion|promo|offer|deal|discount|sale|pricing)",
    "(?:tonight|today|this week|now) or never",
    "(?:only|just) (?:approves|holds|honours|honors|gives|offers|allows|signs off|valid|good|available) (?:\\w+ ){0,3}(?:today|tonight|this week|until|till|for today|this afternoon)",
    "(?:commit|decide|sign|confirm|book|order|agree|say yes|get the paperwork done|lock it in|lock in|tick the box|ring me back|call me back|get back to me)<4>(?:before then|by then|on the call|on this call|now|today|tonight|this afternoon|within the hour|in the next hour|before (?:monday|tuesday|wednesday|thursday|friday|the weekend|close|it closes|the page closes|this page closes))",
    "(?:book|sign|order|commit|buy|decide|act|get in) (?:now|today|quickly|fast)(?=\\W*(?:$|[.!?;]))",
    "(?:if you don't|if you do not|unless you)<4>(?:this week|today|tonight|by friday|by monday|this month|in time|before (?:friday|monday|then|the end))<4>(?:price|prices|rate|rates|discount|offer|slot|slots|stock|it|they)<2>(?:goes up|go up|rises|rise|jumps|jump|increase|increases|goes|go|disappears|disappear|is gone|are gone|lapses|expires|ends|elsewhere)",
    "(?:if|unless) (?:your|the) (?:po|order|signature|contract|paperwork|form)<3>(?:isn't|is not|aren't|hasn't|has not) (?:in|back|signed|here|through)",
    "(?:disappears|vanishes|goes away|expires|lapses|is gone) (?:when|once|if|as soon as) (?:this|the|you) (?:page|call|meeting|window|tab)",
    "(?:our|my|the) (?:quarter|month|year|books) (?:closes|close|ends|end) (?:on |this |next )?(?:\\w+)<6>(?:need|needs|want|wants|commit|sign|decide|before)",
    "(?:firms|companies|teams|clinics|people|those|ones) (?:that|who) (?:waited|wait|held off|delayed|hesitated) (?:are|were|will be|end up) (?:scrambling|struggling|paying|stuck|sorry|left)",
    "(?:i'll|i will|we'll|we will) (?:release|give|offer|hand) (?:it|the slot|the slots|the price|them|your slot) (?:to|elsewhere)",
    "(?:go|goes|will go|get|gets) (?:elsewhere|to someone else|to another (?:customer|client|buyer))",
    "(?:your|the) (?:\\w+ )?(?:neighbours|neighbors|peers|competitors|rivals|counterparts|competition)<3>(?:switched|moved|signed|made the move|upgraded|adopted|joined|on board|are on it|already|have all|all)",
    "(?:\\d+|two|three|four|five|six|several|many|a dozen|dozens of) (?:other )?(?:\\w+ )?(?:firms|companies|clinics|practices|teams|schools|shops|businesses|depots|charities|insurers|salons|stores|agencies|hospitals|councils|customers|clients) (?:in|near|around|across|like|from) (?:your|the|you)<5>(?:signed|switched|moved|joined|bought|upgraded|renewed|went|made)",
    "every other \\w+ (?:in|near|around|across|on|like)<5>(?:is|are|has|have|already|on it|signed|switched|uses|runs)",
    "(?:time to|need to|have to|better|want to) catch up",
    "(?:let's|lets|let us) not (?:wait|hang about|hang around|delay|drag this out|sit on)",
    "(?:code|promo|offer|deal|discount|price|rate|pricing|voucher|coupon) (?:dies|die|lapses|is dead|goes away|vanishes)",
    "(?:be|being|feel) left out",
    "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|most|half) (?:of them |of those |of the \\w+ )?(?:are|have been|already|is) (?:already )?(?:taken|gone|spoken for|booked|claimed|reserved)",
    "(?:last|final) (?:batch|few|lot|units|run|shipment|allocation|intake|cohort)",
    "(?:only|just) (?:there|available|valid|open|on offer) (?:for|to) (?:customers|people|those|anyone|teams|firms|buyers) (?:who|that) (?:commit|sign|order|buy|book|decide|confirm)",
    "(?:capping|capped|limiting|limited) (?:this|the|our) (?:cohort|offer|intake|programme|program|deal|group|batch)",
    "every (?:day|week|month|hour) (?:you|we) (?:wait|hold off|delay|put it off|leave it)",
)

HIDDEN_SLOTS = lexicon(
    # a term the buyer should weigh, kept out of sight: "no need to mention", "keep it out of"
    "(?:don't|do not|doesn't|does not|won't|will not|wouldn't) (?:really )?(?:need|have) to (?:mention|see|read|know|look at|worry about|hear about|bring up|flag|raise|show|tell|note|check|bother)",
    "(?:no need|not worth|no point|there's no need|there is no need) (?:to |in )?(?:mention|mentioning|put|putting|bring|bringing|make|making|flag|flagging|show|showing|tell|telling|note|noting|read|reading|raise|raising|worry|worrying|include|including|highlight|get|getting)",
    "(?:keep|leave|keeping|leaving) (?:the |that |this |it |those )?(?:\\w+ ){0,3}(?:out of|off) (?:the |your |our )?(?:board|proposal|quote|pack|deck|summary|paperwork|email|writing|notes|contract|conversation|minutes|discussion)",
    "(?:wouldn't|would not|won't|will not|don't|do not|i'd not|i would not|never) put (?:that|this|it|those) (?:in writing|in the (?:proposal|quote|email|contract|pack))",
    "(?:skip|skipping|ignore|ignoring|gloss over|glossing over) (?:that|this|the) (?:\\w+ )?(?:detail|bit|part|line|clause|section|page|fee|fees|term|terms)",
    "(?:a|that's a|is a|it's a) (?:conversation|discussion|topic|question|worry) for (?:another|a later|later|some other) (?:day|time|date|call)",
    "(?:let's|let us|lets|we can|we'll) (?:not get into|not go into|not dwell on|focus on the|leave it there|leave that there|worry about that|talk about that then|deal with that later|cross that bridge)",
    "(?:rather not|prefer not to|won't|don't want to) (?:get into|go into|discuss|talk about|dwell on) (?:year two|that|the|those|it)",
    "(?:nobody|no one|noone|hardly anyone) (?:ever )?(?:reads|enforces|checks|notices|looks at|reads them|reads it|bothers)",
    "(?:just|only|mere|merely) (?:legalese|boilerplate|a detail|a formality|small print|fine print|paperwork|standard wording)",
    "(?:is|it's|that's) (?:a )?(?:detail|details|fine print|small print|standard)(?:[;,.]|\\s+(?:don't|do not|no need|nothing))",
    "(?:doesn't|does not|don't|do not) need to (?:see|know|read|hear|be told)",
    "(?:don't|do not) (?:bother )?(?:ask|asking|read|reading|look|looking) (?:about|at|into)? ?(?:it|that|them|the|section|appendix|page|clause)",
    "(?:don't|do not) ask (?:legal|your lawyer|procurement|finance|your accountant|the cfo|them) to (?:read|look|check|review)",
    "(?:not|isn't|is not|wasn't) (?:anywhere obvious|on the quote|in the quote|in the proposal|on the invoice|on the order|in writing|in the summary|mentioned)",
    "(?:quietly|silently|discreetly) (?:bump|bumps|raise|raises|add|adds|increase|increases|renew|renews|switch|switches|convert|converts|charge|charges|change|changes)",
    "(?:online|in there|on the website|in the appendix|in an appendix) somewhere",
    "as long as you (?:ignore|don't read|don't look|skip|overlook)",
    "(?:nothing|none of it) (?:in it |in there )?(?:needs|worth) (?:reading|checking|a look)",
    "(?:we'll|we will|i'll|i will) (?:switch|turn|start|flip) (?:\\w+ ){0,2}on (?:after|once|from)<6>(?:no need|don't|without)",
    "(?:make|making) a (?:fuss|note|big deal|song and dance) (?:about|of)",
    "(?:let's|let us|lets) just say",
    "(?:leave|leaving|keep|keeping|drop|dropping) (?:that|it|this|those|them) (?:bit |part |detail )?out",
    "(?:make|making) a (?:thing|fuss|big deal|song and dance|point) (?:of|about|out of)",
    "(?:not|isn't|is not|wasn't|won't be) (?:on|in) (?:this|the|your|our) (?:quote|proposal|order|invoice|summary|order form|price sheet|estimate)",
    "between (?:us|you and me|ourselves)",
    "(?:gets|get|is|are|will be|be) (?:added|applied|charged|billed|tacked on|switched on) (?:on )?(?:later|afterwards|after|down the line|quietly)",
    "(?:buried|tucked away|tucked|hidden) (?:in|away|at the back)",
    "(?:most|many) (?:people|customers|clients|buyers|firms) (?:never|don't|do not|won't) (?:spot|notice|see|catch|realise|realize|read)",
    "(?:we can|we'll|let's) (?:talk|worry|think) about (?:that|it|year two|the rest) (?:then|later|another time|when|if|down the line)",
)

DISMISS_SLOTS = lexicon(
    # the concern named, then waved away
    "(?:isn't|is not|aren't|are not|won't be|will not be|wasn't|is never|never) (?:really |actually |even |honestly |exactly )?(?:an issue|a problem|a concern|a real constraint|a constraint|a real issue|a real problem|a big deal|relevant|a worry|an obstacle|worth worrying|worth worrying about|something (?:small |you |firms |teams |most )?(?:\\w+ )?(?:need|needs) to (?:think|worry)|something to worry about)",
    "(?:won't|will not|doesn't|does not|don't|do not) (?:really |even |actually )?(?:matter|notice|mind|care)(?=\\W*(?:$|[.!?;]|here|to them|anyway|at all|much))",
    "(?:doesn't|does not|don't|do not) really matter",
    "(?:just|only|mostly|all) (?:nerves|noise|jitters|cold feet|teething|theatre|theater|box ticking|a tick box|a tick box exercise|red tape|bureaucracy|a formality|legalese|paperwork|politics)",
    "(?:is|are|it's|they're) (?:a )?(?:formality|formalities|theatre|theater|box ticking|a tick box exercise)",
    "(?:sort|sorts|work|works|iron|irons|settle|settles|fix|fixes|take care of|resolve|resolves) (?:themselves|itself) out",
    "(?:sort|fix|resolve|take care of) (?:themselves|itself)",
    "(?:always|usually|generally) (?:work|works) (?:out|itself out)",
    "(?:quit|stop|don't|do not) (?:worrying|fretting|stressing|overthinking|fussing)",
    "(?:don't|do not|no need to|there's no need to) (?:worry|fret|stress|lose sleep) (?:about|over)",
    "(?:lose|losing) sleep over",
    "(?:there to be|made to be|meant to be) (?:bent|broken|ignored|worked around)",
    "(?:we'll|we will|we can|let's) (?:work|get) (?:around|round) (?:them|it|that|those|the rules|procurement)",
    "(?:a bit|rather|a little|pretty|quite|being|so) (?:dramatic|paranoid|precious|overcautious|over cautious|much)",
    "(?:their|that's their|that's not your|not your) (?:problem|concern|headache|issue)",
    "(?:skip|skipping|bypass|ignore|just skip) (?:it|the|that|this|those)(?=\\W*(?:$|[.!?;]|questionnaire|review|check|step|vendor))",
    "(?:just|simply) find the (?:budget|money|cash|funds)",
    "(?:budget|freeze|cap|limit|policy|rule|rules|constraint|concern|worry)<3>or not",
    "(?:overthinking|overthink|over thinking|making too much of|reading too much into|making a mountain)",
    "(?:not|isn't|is not|never) (?:a|an) (?:real|actual|genuine) (?:constraint|issue|problem|concern|risk)",
    "(?:let's|let us|we can|we'll) (?:worry|think) about (?:that|it|those) (?:if|when|later)",
    "(?:let's|let us|we can) (?:park|leave|skip|shelve|table) (?:that|it|this|those)(?: for now| for later| till later| aside)",
    "(?:not|isn't|isn't really|is not) (?:something|anything) (?:small |most |you |firms |teams )?(?:\\w+ )?(?:need|needs|have|has) to (?:think|worry) about",
    "(?:false economy|storm in a teacup|non issue|nonissue|a non starter of a worry)",
    "price is the price",
    "(?:don't|do not) (?:get )?(?:hung up|bogged down) (?:on|about)",
    "(?:overblown|overstated|exaggerated|overrated|irrelevant|a non issue|the least of your worries|a thing of the past|nothing to worry about|not worth a thought|worrying about nothing)",
    "(?:lose|losing) (?:any |much )?sleep (?:over|about)",
    "(?:put|putting|place|placing) (?:too much|much|any) (?:weight|stock) (?:on|in)",
    "(?:they'll|they will|he'll|she'll|people will|staff will|everyone will|they) (?:come round|come around|get over it|get used to it|always do)",
    "(?:money|budget|funding|cash|the budget|the money) (?:always|usually|will) (?:turns up|turn up|appears|appear|comes|finds a way|shows up)",
    "(?:don't|do not) let (?:the|that|a|your|this) (?:\\w+ ){0,2}(?:hold you back|stop you|get in the way|put you off)",
    "(?:that's|it's|that is|it is) just how (?:\\w+ ){0,2}(?:are|is|work|works|operate)",
    "(?:nobody|no one) (?:\\w+ )?(?:gets|ever gets|is|ever is|will be|gets ever) (?:audited|checked|fined|caught|inspected|sued|chased)",
    "(?:skip|ignore|bypass|sidestep) (?:their|the|your|that|this) (?:\\w+ )?(?:checklist|questionnaire|review|process|form|policy|step|sign off|approval)",
    "(?:ignore|ignoring) (?:them|him|her|it|that)(?=\\W*(?:$|[.!?;]))",
    "(?:shouldn't|won't|doesn't|don't|needn't|need not|should not|will not) (?:really |even )?(?:worry|bother|concern|trouble) you",
    "(?:not|isn't|is not|never|hardly) (?:really )?worth (?:\\w+ing|a thought|the worry|the fuss|your time|losing)",
    "(?:overcomplicate|over complicate|overcomplicating|overthink|overthinking|overanalyse|overanalyze|over analyse|read too much into|reading too much into|make too much of|making too much of|rabbit hole)",
    "(?:nah|relax|chill|calm down)(?=\\W)",
    "(?:always|constantly|forever) (?:finds?|find|has|have) (?:something|a reason|an excuse)",
    "(?:complain|complaining|moan|moaning|grumble|grumbling) about",
    "problem for (?:next year|later|another day|another time|future you|the future|down the line|someone else)",
    "(?:nice to have|nice to haves)<2>(?:at best|really|only)",
    "(?:just|only|merely) (?:a )?nice to have",
    "at best(?=\\W*(?:$|[.!?;]))",
    "not (?:nearly )?as (?:complicated|hard|bad|risky|big|difficult|scary|serious|tricky|painful) as (?:you|your|they|people|it sounds|it looks)",
    "(?:fades?|fade|passes|pass|blows over|blow over|dies down|die down|settles down|settle down|goes away|go away|wears off|wear off) (?:after|in|within|once|by|on its own|eventually|quickly)",
    "(?:overly|too|a bit too|being|far too) (?:cautious|careful|worried|nervous|conservative|paranoid|sensitive|fussy|picky|pessimistic|negative)",
    "(?:non factor|non issue|non event|nothing burger|red herring)",
    "(?:moot|academic) (?:point|question)",
    "(?:doesn't|does not|don't|do not) (?:really )?apply (?:anymore|any more|here|to you|now)",
    "(?:misplaced|unfounded|overblown|baseless|groundless|a myth|an old objection|old news)",
    "(?:isn't|is not|not|aren't|are not) (?:really )?(?:a )?real (?:thing|issue|problem|risk|concern|worry|constraint)",
    "(?:basically|practically|virtually|essentially|effectively|pretty much) (?:zero|nothing|nil|non existent|irrelevant|a non issue)",
    "(?:barely|hardly|scarcely) (?:worth|an issue|a problem|matters|registers|noticeable)",
    "(?:don't|do not|no need to|never) give (?:it|that|this|them) (?:a|another|any) second thought",
    "(?:don't|do not|no need to|needn't|wouldn't|would not|won't) (?:need to )?(?:overcomplicate|over complicate|overthink|overanalyse|overanalyze|read too much into|make too much of)",
    "(?:let's not|lets not|don't|do not|no need to) go down (?:the|that|this|a) rabbit hole",
    "(?:don't|do not) (?:fret|sweat it|sweat|stress)",
    "(?:box|tick box|checkbox|check box) (?:we|you|they) can (?:tick|check)",
    "(?:skip|move|get|brush) past (?:the|that|this|it|your)",
    "(?:skip|gloss) over (?:the|that|this|it|your)",
    "(?:worry|think|deal) about (?:\\w+ ){0,3}(?:after go live|after launch|after you sign|after signing|once you've signed|later|down the line|another time|next year)",
    "(?:wouldn't|would not|don't|do not|never|shouldn't) let (?:\\w+ ){0,4}put you off",
    "sign whatever",
    "(?:will|they'll|they will|people'll|staff will|team will|always) (?:adapt|adjust|get used to it|come around|come round|fall in line)",
    "(?:never|not|isn't|is not) (?:really )?the (?:real )?(?:issue|problem|point)",
    "(?:don't|do not|no need to|won't|shouldn't) (?:need to )?(?:revisit|reopen|dwell on|rehash)",
    "(?:tiny|negligible|trivial|minor|small),? (?:barely|hardly|not)",
)

PREMATURE_SLOTS = lexicon(
    # pushing the bigger tier while skipping or outrunning the buyer's need
    "(?:interest you in|tempt you with|show you the pricing for|send you the pricing for|put you on|put you in|book you in for|book you on|sign you up for|set you up on|set you up with) (?:our |the |a )?(?:\\w+ ){0,2}(?:top|premium|enterprise|pro|max|advanced|full|unlimited|biggest|largest|best|complete|ultimate|platinum|plus)",
    "(?:already|just) (?:drafted|prepared|put together|built|written|priced) (?:a|the|you a|your) (?:quote|proposal|order|contract)",
    "(?:start|starting|begin|beginning) (?:at|with|on) the (?:top|full|biggest|largest|premium|enterprise|max)",
    "(?:save|skip|saves|skipping) (?:ourselves |you |us )?(?:the )?(?:discovery|questions|the questions|a conversation|the conversation|the call|the demo)",
    "(?:rather than|instead of|before|without) (?:a |the |any )?(?:demo|questions|discovery|any questions|you tell me|telling me|knowing|hearing)<6>(?:premium|enterprise|top|pro|max|full|suite|unlimited|advanced|plan|package|licence|license|pricing|tier|bundle)",
    "(?:don't|do not) need to know (?:much|anything|a lot|more)",
    "(?:you'll|you will|you're going to) outgrow",
    "(?:safe|smart|only|obvious|right|best) (?:bet|choice|move|pick|call)",
    "(?:by default|as standard|as a default)",
    "(?:standard|usual|normal|default|typical) (?:starting point|start|package|bundle|order) for (?:a |companies |firms |teams |businesses |people )?(?:\\w+ )?like yours",
    "(?:first|initial) (?:order|purchase|step|move) should be",
    "no question(?=\\W*(?:$|[.!?;]))",
    "(?:have you|did you|has your \\w+) (?:budgeted|set aside|planned|allocated) (?:for|budget for)",
    "then we can (?:talk|get to|look at|discuss|hear) (?:about )?(?:your|what you)",
    "(?:trim|scale back|drop|cut) (?:later|down later|back later|it later)",
    "(?:before|ahead of) (?:we dig into|digging into|we get into|getting into|we talk about|talking about|we look at|looking at) your (?:needs|goals|process|requirements|situation|setup)",
    "(?:skip|skips) straight to",
    "(?:best value|best deal|most popular) (?:deal|option|plan|package)? ?is (?:the|our)",
)

#: Contract terms a buyer must be able to weigh (narrower than TERM_WORDS: no caps or budgets).
CONTRACT_TERMS = lexicon(
    "(?:renew|renews|renewal|renewals|renewed|auto renew|auto renews|auto renewal|auto extends|auto extend|rolls over|roll over|rollover)",
    "(?:fee|fees|surcharge|surcharges|overage|overages|charge|charges|charged|penalty|penalties|escalator|escalators|uplift|uplifts|cpi|bump the rate)",
    "(?:cancellation|cancel|cancelling|canceling|termination|exit|early exit|notice period|notice)",
    "(?:terms|term|contract|clause|clauses|conditions|small print|fine print|appendix|appendices|section \\d+|section|page \\d+|order form|t&cs)",
    "(?:minimum|commitment|commitments|lock in|locked in|converts|convert|conversion|billing|billed|invoice|bundled|intro price|introductory|year two|after that|professional services|setup fee|set up fee|hardware)",
    "(?:limit|limits|credits|expire|expires|expiry|extra|rolls into|roll into|paid|annual plan|annual|data export|export costs|discount|rate|price|priced|separately|licence|license|include|includes|included|complimentary|upfront|up front|years)",
)

#: The buyer choosing less, declining or being "allowed" to (slot A of a guilt trip).
CHOOSE_LESS = lexicon(
    "(?:your|the) (?:choice|call|decision|funeral)",
    "(?:stay where you are|stay as you are|as is|stay put|keep things as they are|turn this down|turning this down|turn it down)",
    "(?:up to you|if you like|if you must|if you want|if you insist|if you'd rather|if you prefer|go ahead|feel free|be my guest|suit yourself|fair enough|fine by me|sure|fine|of course|by all means)",
    "(?:go without|going without|do without|doing without|manual|staying manual|basic|starter|lite|essentials|free plan|free tier|the old|old system|spreadsheets?|paper)",
    "(?:decline|declining|declined|skip|skipping|pass|passing|say no|saying no|said no|walk away|opt out|turn it down|turning it down|not upgrading|don't upgrade|stay|staying|stick|sticking|keep|keeping|remain|go with|going with|choose|choosing|pick|picking|settle|settling|stay small|hold off|holding off|wait|waiting)",
    "(?:cheaper|cheapest|basic|base|starter|free|essentials|lite|light|standard|smaller|entry|core|current|old) (?:tier|plan|option|package|version|licence|license|setup|contract|bundle)",
    "(?:if|when) (?:you're|you are|you'd be|you're happy|you're fine) (?:ok|okay|fine|happy|comfortable|content|alright|cool) (?:with|to|about|letting|having)",
    "(?:if|when) you (?:don't|do not) mind",
    "(?:if|when) you (?:like|enjoy|love|prefer|want)",
)

#: Harm to the people the buyer is responsible for, laid at the buyer's door (slot B).
PEOPLE_HARMED = lexicon(
    f"(?:your|their|the|his|her) (?:\\w+ ){{0,2}}{_PEOPLE}<4>"
    "(?:pay for it|pay the price|foot the bill|suffer|suffering|struggle|struggling|burn out|burning out|burnt out|burned out|quit|quitting|leave|"
    "drown|drowning|overtime|stress|stressed|unsupported|exhausted|miserable|waiting longer|wait longer|live with|put up with|cope|coping|"
    "pick up the pieces|clean up the mess|working weekends|weekends|late nights|keep doing|keep suffering|stuck|exposed|at risk|take the hit|carry the can|bear the brunt|"
    "hate|resent|blame|thank you|deserve|pay|pays|paying|the ones who|carry|bear)",
    f"(?:let|letting|leave|leaving|keep|keeping) (?:your|their|the) (?:\\w+ ){{0,2}}{_PEOPLE}",
    f"(?:risk|harm|danger|cost|pain) to (?:your|their) (?:\\w+ ){{0,2}}{_PEOPLE}",
)

#: A judgement of the buyer's character or competence (fires on its own).
BUYER_JUDGED = lexicon(
    "not how (?:winners|leaders|grown ups|professionals|serious|successful|good|smart|real|ambitious|growing) (?:\\w+ )?(?:think|operate|work|run|behave|do it|play)",
    f"(?:a|any|an|the) {_ROLE} (?:who|that) (?:really |truly |actually )?(?:valued|values|cared|cares|respected|respects|took|takes|wanted|wants)<5>(?:wouldn't|would|would never|never|won't|doesn't)",
    "(?:penny pinch|penny pinching|penny pincher|pinch pennies|pinching pennies)",
    "(?:don't|do not) be surprised (?:when|if)",
    "(?:comfortable|happy|fine|content|okay|ok) (?:letting|watching|seeing) (?:their|your|the)",
)

#: The buyer left free to take less, later or nothing, said in many shapes.
AUTONOMY_SLOTS = lexicon(
    "(?:your|the) (?:judgement|judgment|decision|call|choice) to make",
    "(?:none|neither|either|any|both) of (?:them|these|those|the \\w+) (?:is|are) (?:the )?wrong",
    "(?:either|both|any|each|whichever) (?:one |option |plan )?(?:is|are|would be|'s) (?:a )?(?:sensible|fine|good|reasonable|valid|legitimate|perfectly good|perfectly fine) (?:choice|pick|option|path|answer|call)?",
    "(?:a|that's a|is a|it's a|that is a) (?:sensible|fine|reasonable|legitimate|valid|perfectly good|perfectly fine|perfectly sensible|good|solid) (?:path|pick|choice|option|route|answer|plan|call|way to go|decision)",
    "no (?:reason|need|pressure) to (?:change|switch|upgrade|move|rush|decide|commit|buy)",
    "(?:stick|stay|keep going) (?:with|on) (?:what you've got|what you have|it|that|the current|your current|basic|the free|essentials)",
    "(?:choose|pick|decide|sign|come back|go ahead|reply|order) (?:whenever|when ever|if and when) (?:it )?(?:suits|works|you're ready|you are ready|your)",
    "whenever (?:it )?(?:suits you|your board|you're ready|you are ready|works for you|the time is right|you like)",
    "(?:stands|stay open|stays open|holds|remains open|remains valid|is valid|stays valid) (?:whenever|for as long as|as long as|until (?:then|you)|beyond)",
    "(?:not|never) so (?:that )?you (?:rush|hurry|feel rushed|feel pressured)",
    "(?:no|there's no|there is no) (?:cut off|cutoff|deadline|expiry|rush|time limit)",
    "nothing (?:is )?lost by (?:waiting|pausing|holding off)",
    "(?:i'd|i would|i will|i'll) (?:understand|respect) (?:completely |entirely |fully |totally )?(?:if|whatever|whichever|either)",
    "(?:i'd|i would) rather you(?:'re| are| be) happy than",
    "you know (?:your|the) (?:\\w+ ){0,2}better than (?:i do|me|we do|us)",
    "(?:may|might|could) (?:well |easily |very well )?be (?:enough|plenty|all you need|sufficient)",
    "(?:totally|perfectly|completely|absolutely|entirely|quite) (?:fine|ok|okay|reasonable|sensible) to (?:wait|sit tight|stay|keep|hold|pause|stop|say no|skip|decline|not|stick)",
    "(?:if|when) (?:\\w+ ){0,4}(?:works|does the job|suits|is enough|meets|covers|is working)(?: for you)?,? (?:stick|stay|keep|please stay|carry on|there's no)",
    "(?:take|pick|choose|go with) (?:the smaller|whichever|the one|what) (?:\\w+ )?(?:if it suits|that fits|fits|suits|works)",
    "(?:including|even) not (?:buying|upgrading|signing|going ahead|changing)",
    "(?:no hard feelings|no obligation|without obligation|no strings)",
)

#: A concern named, then called legitimate (acknowledgement by shape).
ACKNOWLEDGE_SLOTS = lexicon(
    "(?:concern|concerns|worry|worries|worrying|caution|scepticism|skepticism|frustration|frustrations|hesitation|doubt|doubts|fear|fears|objection|unease|pushback|reluctance|wariness|nervousness)"
    "<6>(?:is|are|'s|seems|sounds|feels|feel|seem|sound) (?:\\w+ )?(?:fair|real|reasonable|legit|legitimate|earned|valid|understandable|justified|sensible|well founded|warranted|right|natural|normal)",
    "(?:that's|that is|it's|it is|a|an|totally|completely|entirely|very|really|perfectly) (?:\\w+ )?(?:fair|legit|legitimate|valid|reasonable|understandable|real|natural|sensible|justified) (?:concern|worry|frustration|point|question|objection|challenge|ask|fear|doubt|hesitation|reaction)",
    "(?:compliance|security|privacy|safety|the budget|budget|the cap|cost|price|timing|the timing|your team's time|the union's view|their view|your view|uptime|data residency|lock in|downtime|quality|accuracy|training|workload|cash flow|cashflow)<2>(?:matters|matter|is important|is a real|counts)",
    "(?:in your (?:position|shoes|seat)|if i were you|in your place)<6>(?:same|ask|asking|worried|wonder|wondering|want|cautious|careful|sceptical|skeptical)",
    "(?:i'd|i would) (?:be asking|ask|want to know|wonder|be wondering|worry about) the same",
    "(?:i'm|i am|we're|we are) (?:really |truly |so )?sorry (?:the|that|about|to hear|it)",
    "(?:you're|you are) right to (?:ask|worry|question|push|be cautious|be careful|be wary|be sceptical|be skeptical|check|raise)",
    "(?:makes|make) (?:complete |total |perfect )?sense (?:to|that you|you're|you are|given)",
)

#: Words that cast the buyer, or their choice, in a bad light (slot B of a guilt trip).
BUYER_BAD_LIGHT = lexicon(
    "(?:foolish|fool|fools|mad|daft|crazy|naive|reckless|careless|lazy|cheapskate|stingy|tight fisted|timid|scared|afraid|cowardly|"
    "amateur|amateurs|amateurish|hobby|hobbyist|hobbyists|small time|mediocre|second rate|second best|sloppy|irresponsible|negligent|"
    "unprofessional|short sighted|shortsighted|gamble|gambling|regret|blame|fault|shame|ashamed|embarrassing|embarrassed|embarrass|"
    "laugh|laughing|pity|disappointing|disappointed|surprised|settle|settling|skimp|skimping|penny|gave up|give up|giving up|"
    "can't be bothered|unserious|dinosaur|dinosaurs|stone age|old fashioned|backward|left behind|falling behind|fall behind|"
    "your funeral|your problem|on your head|explain to|answer to|explaining to|face your|good luck|luck|brave|bold|cut corners|"
    "cutting corners|cheap out|don't care|doesn't care|not serious|not that serious|not bothered|happy to lose|happy to waste|"
    "rather lose|rather waste|hope nothing|fingers crossed|sleep at night|conscience|deserve|deserves|neglect|neglecting|let down|letting down|"
    "agenda|come second|comes second|coming second|reputation|hope you never|hope they never|hope it never|you do you|i'm sure your|i'm sure they|"
    "not you|little outfit|slowest|worst|the last|on hold|time is cheap|time's cheap|watching|complain|complaining|suffer|struggle|"
    "working late|work late|care about|ambition|ambitious|serious|grown up|professional|proper|real business)",
    "if you (?:like|enjoy|love|fancy|don't mind) \\w+ing",
)

#: Absolute quantifiers and certainty words that turn a claim into a promise.
OVERCLAIM_SLOTS = lexicon(
    "(?:every single|each and every|every last) (?:one|time|customer|client|team|user|case)",
    "every (?:single )?time(?=\\W*(?:$|[.!?;]))",
    "(?:always|every time|without fail|guaranteed|no matter what)(?=\\W*(?:$|[.!?;]))",
    "(?:no|zero) (?:way|chance) (?:it|this|that|anything) (?:can|could|will|would)",
    "(?:catches|catch|fixes|fix|solves|solve|handles|handle|covers|cover|stops|stop|prevents|prevent) (?:absolutely )?(?:everything|all of it|every \\w+)",
    "(?:nothing|no \\w+) (?:ever )?(?:slips|gets|falls|goes) (?:through|wrong|missing)",
    "no matter (?:how|what|which|who)",
    "(?:everyone|everybody|all our customers|all our clients|every customer|every client) (?:loves|love|adores|raves about|swears by)",
    "(?:the only|only) (?:sensible|real|smart|logical|right) (?:choice|option|answer|way|solution)",
    "(?:hands down|bar none|no contest|second to none|the best,? period)",
    "(?:pays|pay) for itself (?:in|within|by) (?:\\w+ ){0,3}(?:always|every time|guaranteed|for everyone|for every)",
    "(?:always|invariably|without exception|guaranteed to) (?:pays?|works?|delivers?|succeeds?|saves?|cuts?|fixes|halves|doubles)",
    "(?:never|no) (?:customer|client|user|team|one) (?:has )?(?:ever )?(?:had|has|seen|lost|complained|left|failed)",
    "(?:literally|absolutely|completely|totally|100) (?:no|zero|nothing|impossible|guaranteed|flawless|perfect|risk free)",
    "automatically,? every time",
)
