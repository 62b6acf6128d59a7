"""The conversation engine: plays a scenario as a ``transitions`` state machine.

States are the scenario's node ids and ending ids. Every branch of a node is one named trigger
(``f"{node_id}__{i}"``) whose condition comes from :mod:`trainer.core.conditions` (no ``eval``);
its ``before`` callback applies the branch's variable effects (``set`` then ``add``, clamped to
each variable's min/max) and its ``after`` callback records the arrival at the new state. A
``timeout`` trigger leads from every node to ``scenario.timeout_ending`` and fires once the rep
has used ``scenario.max_turns`` turns without reaching an ending.

One reply::

    score the reply (the scorer sees the moment, the buyer's outcomes once revealed, the history)
    → try the node's triggers in order; the first whose condition holds is taken
      (the last branch is the fallback and is taken whatever its condition says)
    → effects apply, the machine moves, a line variant of the new state is picked.

The engine is deterministic for a given seed: ``random.Random(seed)`` picks line variants and
nothing else is random; it never reads the clock.
"""

from __future__ import annotations

import importlib
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from transitions import EventData, Machine

from trainer.core.conditions import ConditionContext, evaluate
from trainer.core.findings import Finding, ScoreContext
from trainer.core.records import FindingRecord, TurnRecord
from trainer.core.scenario.models import Branch, Ending, Persona, Scenario, Variable
from trainer.core.scorecard import Scorecard, TranscriptTurn, build_scorecard

logger = logging.getLogger(__name__)

Scorer = Callable[[str, ScoreContext], list[Finding]]

#: Outcome of a session closed before it reached an ending.
ABANDONED = "abandoned"
_TIMEOUT_TRIGGER = "timeout__"


class ConversationError(RuntimeError):
    """The conversation cannot do that now (e.g. reply after the end)."""


class ScenarioStructureError(ValueError):
    """The scenario cannot be played: an unknown target, a clashing id, a missing persona."""


@dataclass(frozen=True, slots=True)
class BuyerLine:
    """What the buyer says now: a node's line, or an ending's closing line."""

    node_id: str
    persona: Persona
    text: str
    moment: str
    is_ending: bool


@dataclass(frozen=True, slots=True)
class TurnResult:
    """What one rep reply led to."""

    findings: list[Finding]
    #: Index of the branch taken in the node's ``branches``.
    branch: int
    next: BuyerLine
    ended: bool
    #: True when the turn cap ended the session on ``timeout_ending``.
    timed_out: bool = False


class _Model:
    """The object the state machine drives; it gets ``state`` and the trigger methods."""

    state: str


def _default_scorer() -> Scorer:
    """The rubric scorer, imported only when a conversation needs it."""
    module = importlib.import_module("trainer.core.scoring")
    scorer: Scorer = module.score_reply
    return scorer


class Conversation:
    """One playthrough of a scenario.

    ``scorer`` defaults to :func:`trainer.core.scoring.score_reply` (imported when first needed).
    """

    def __init__(self, scenario: Scenario, *, seed: int, scorer: Scorer | None = None) -> None:
        self.scenario = scenario
        self.seed = seed
        self._scorer = scorer
        self._rng = random.Random(seed)
        self._bounds: dict[str, Variable] = dict(scenario.variables)
        self._vars: dict[str, int] = {k: v.initial for k, v in scenario.variables.items()}
        self._visited: list[str] = []
        self._found_so_far: set[str] = set()
        self._transcript: list[TranscriptTurn] = []
        self._records: list[TurnRecord] = []
        self._outcome_revealed = False
        self._abandoned = False
        self._last_moment = (
            scenario.nodes[scenario.start].moment
            if scenario.start in scenario.nodes
            else "discovery"
        )
        self._check_structure()
        self._model = _Model()
        self._machine = self._build_machine()
        self._current: BuyerLine = self._arrive(scenario.start)

    # ----------------------------------------------------------------- building the machine
    def _check_structure(self) -> None:
        sc = self.scenario
        clash = set(sc.nodes) & set(sc.endings)
        if clash:
            raise ScenarioStructureError(f"ids used for both a node and an ending: {sorted(clash)}")
        if sc.start not in sc.nodes:
            raise ScenarioStructureError(f"start {sc.start!r} is not a node")
        if sc.timeout_ending not in sc.endings:
            raise ScenarioStructureError(f"timeout_ending {sc.timeout_ending!r} is not an ending")
        personas = {p.id for p in sc.personas}
        for node_id, node in sc.nodes.items():
            if node.speaker not in personas:
                raise ScenarioStructureError(f"node {node_id!r}: unknown speaker {node.speaker!r}")
            for i, br in enumerate(node.branches):
                if br.goto not in sc.nodes and br.goto not in sc.endings:
                    raise ScenarioStructureError(
                        f"node {node_id!r} branch {i}: unknown target {br.goto!r}"
                    )
                for var in (*br.set, *br.add):
                    if var not in self._bounds:
                        logger.warning("node %s: effect on undeclared variable %r", node_id, var)
                        self._bounds[var] = Variable(initial=0)
                        self._vars[var] = 0
        for ending_id, ending in sc.endings.items():
            if ending.speaker not in personas:
                raise ScenarioStructureError(
                    f"ending {ending_id!r}: unknown speaker {ending.speaker!r}"
                )

    def _build_machine(self) -> Machine:
        sc = self.scenario
        machine = Machine(
            model=self._model,
            states=[*sc.nodes, *sc.endings],
            initial=sc.start,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=False,
        )
        for node_id, node in sc.nodes.items():
            last = len(node.branches) - 1
            for i, branch in enumerate(node.branches):
                conditions: list[str | Callable[..., bool | None]] = []
                if branch.when is not None and i != last:
                    conditions.append(partial(self._holds, branch))
                machine.add_transition(
                    trigger=self.trigger_name(node_id, i),
                    source=node_id,
                    dest=branch.goto,
                    conditions=conditions or None,
                    before=partial(self._apply_effects, branch),
                    after=self._after_move,
                )
        machine.add_transition(
            trigger=_TIMEOUT_TRIGGER,
            source=list(sc.nodes),
            dest=sc.timeout_ending,
            after=self._after_move,
        )
        return machine

    @staticmethod
    def trigger_name(node_id: str, branch_index: int) -> str:
        """The machine trigger of a node's branch."""
        return f"{node_id}__{branch_index}"

    # ----------------------------------------------------------------- machine callbacks
    def _holds(self, branch: Branch, event: EventData) -> bool:
        ctx: ConditionContext = event.kwargs["ctx"]
        return evaluate(branch.when, ctx)

    def _apply_effects(self, branch: Branch, event: EventData) -> None:
        for name, value in branch.set.items():
            self._vars[name] = self._clamp(name, value)
        for name, delta in branch.add.items():
            self._vars[name] = self._clamp(name, self._vars.get(name, 0) + delta)

    def _after_move(self, event: EventData) -> None:
        logger.debug("%s: now at %s", self.scenario.id, self._model.state)

    def _clamp(self, name: str, value: int) -> int:
        bounds = self._bounds[name]
        return max(bounds.min, min(bounds.max, value))

    # ----------------------------------------------------------------- state bookkeeping
    def _arrive(self, state: str) -> BuyerLine:
        sc = self.scenario
        if state in sc.nodes:
            node = sc.nodes[state]
            self._visited.append(state)
            if node.reveals_outcomes:
                self._outcome_revealed = True
            self._last_moment = node.moment
            line = BuyerLine(
                node_id=state,
                persona=sc.persona(node.speaker),
                text=self._rng.choice(node.says),
                moment=node.moment,
                is_ending=False,
            )
        else:
            ending = sc.endings[state]
            self._visited.append(state)
            line = BuyerLine(
                node_id=state,
                persona=sc.persona(ending.speaker),
                text=self._rng.choice(ending.says),
                moment=ending.moment or self._last_moment,
                is_ending=True,
            )
        self._add_turn(
            TranscriptTurn(
                index=len(self._transcript),
                speaker="buyer",
                node_id=state,
                moment=line.moment,
                persona=line.persona.id,
                text=line.text,
            )
        )
        return line

    def _add_turn(self, turn: TranscriptTurn) -> None:
        self._transcript.append(turn)
        self._records.append(
            TurnRecord(
                index=turn.index,
                moment=turn.moment,
                speaker=turn.speaker,
                persona=turn.persona,
                text=turn.text,
                findings=[FindingRecord.from_finding(f) for f in turn.findings],
            )
        )

    def _score_context(self, moment: str) -> ScoreContext:
        outcomes = tuple(self.scenario.context.outcomes) if self._outcome_revealed else ()
        return ScoreContext(
            moment=moment,
            buyer_outcomes=outcomes,
            history=tuple((t.speaker, t.text) for t in self._transcript),
            outcome_known=self._outcome_revealed,
        )

    # ----------------------------------------------------------------- public API
    @property
    def current(self) -> BuyerLine:
        return self._current

    @property
    def moment(self) -> str:
        return self._current.moment

    @property
    def variables(self) -> dict[str, int]:
        return dict(self._vars)

    @property
    def visited(self) -> list[str]:
        """Node ids (and the ending id, once reached) in the order they were entered."""
        return list(self._visited)

    @property
    def ended(self) -> bool:
        return self._abandoned or self._current.is_ending

    @property
    def ending(self) -> Ending | None:
        if self._abandoned or not self._current.is_ending:
            return None
        return self.scenario.endings[self._current.node_id]

    @property
    def ending_id(self) -> str | None:
        return None if self.ending is None else self._current.node_id

    @property
    def outcome(self) -> str | None:
        if self._abandoned:
            return ABANDONED
        ending = self.ending
        return None if ending is None else ending.outcome

    @property
    def rep_turns(self) -> int:
        return sum(1 for t in self._transcript if t.speaker == "rep")

    @property
    def turns(self) -> list[TurnRecord]:
        """Buyer and rep turns in order (``index`` from 0), in the session record's form."""
        return list(self._records)

    @property
    def transcript(self) -> list[TranscriptTurn]:
        """The same turns with full findings (explanations, ``instead``) and node ids."""
        return list(self._transcript)

    @property
    def rep_replies(self) -> list[str]:
        """The rep's replies so far (what :meth:`resume` replays)."""
        return [t.text for t in self._transcript if t.speaker == "rep"]

    def score_context(self) -> ScoreContext:
        """The context the next reply will be scored in."""
        return self._score_context(self._current.moment)

    def reply(self, text: str) -> TurnResult:
        """Score the rep's reply, take the first branch that holds, and move on."""
        if self.ended:
            raise ConversationError("the conversation has ended")
        if not text or not text.strip():
            raise ValueError("a reply cannot be empty")
        node_id = self._current.node_id
        node = self.scenario.nodes[node_id]
        scorer = self._scorer if self._scorer is not None else _default_scorer()
        findings = list(scorer(text, self._score_context(node.moment)))
        found = frozenset(f.criterion for f in findings)
        self._found_so_far |= found
        ctx = ConditionContext(
            found=found,
            found_so_far=frozenset(self._found_so_far),
            variables=dict(self._vars),
            visited=frozenset(self._visited),
        )
        before = dict(self._vars)
        taken = -1
        for i in range(len(node.branches)):
            if self._machine.events[self.trigger_name(node_id, i)].trigger(self._model, ctx=ctx):
                taken = i
                break
        if taken < 0:  # pragma: no cover - the last branch has no condition in the machine
            raise ConversationError(f"node {node_id!r}: no branch could be taken")
        deltas = {
            k: self._vars[k] - before.get(k, 0)
            for k in self._vars
            if self._vars[k] != before.get(k, 0)
        }
        self._add_turn(
            TranscriptTurn(
                index=len(self._transcript),
                speaker="rep",
                node_id=node_id,
                moment=node.moment,
                persona=None,
                text=text,
                findings=tuple(findings),
                branch=taken,
                deltas=deltas,
            )
        )
        state = self._model.state
        timed_out = False
        if state in self.scenario.nodes and self.rep_turns >= self.scenario.max_turns:
            logger.info("turn cap %d reached; ending on %s", self.scenario.max_turns, state)
            self._machine.events[_TIMEOUT_TRIGGER].trigger(self._model)
            state = self._model.state
            timed_out = True
        self._current = self._arrive(state)
        return TurnResult(
            findings=findings,
            branch=taken,
            next=self._current,
            ended=self.ended,
            timed_out=timed_out,
        )

    def abandon(self) -> None:
        """Close the conversation before an ending; the outcome becomes ``"abandoned"``."""
        if self.ended:
            logger.info("abandon() after the end is ignored")
            return
        self._abandoned = True

    def scorecard(self) -> Scorecard:
        """The session scorecard (only once the conversation has ended)."""
        if not self.ended:
            raise ConversationError("the scorecard is available once the conversation has ended")
        outcome = self.outcome
        assert outcome is not None
        return build_scorecard(
            self.scenario,
            self._transcript,
            outcome=outcome,
            ending=self.ending,
        )

    @classmethod
    def resume(
        cls,
        scenario: Scenario,
        *,
        seed: int,
        replies: Sequence[str],
        scorer: Scorer | None = None,
    ) -> Conversation:
        """Replay the rep's stored replies; the same seed gives the same state."""
        conv = cls(scenario, seed=seed, scorer=scorer)
        for n, text in enumerate(replies):
            if conv.ended:
                raise ConversationError(
                    f"the conversation ended after {n} replies but {len(replies)} were stored"
                )
            conv.reply(text)
        return conv

    def __repr__(self) -> str:
        return (
            f"Conversation({self.scenario.id!r}, seed={self.seed}, at={self._current.node_id!r}, "
            f"rep_turns={self.rep_turns}, ended={self.ended})"
        )


def describe_state(conv: Conversation) -> dict[str, Any]:
    """A small JSON-safe snapshot of where a conversation is (for logs and debugging)."""
    return {
        "scenario": conv.scenario.id,
        "seed": conv.seed,
        "node": conv.current.node_id,
        "moment": conv.moment,
        "variables": conv.variables,
        "rep_turns": conv.rep_turns,
        "ended": conv.ended,
        "outcome": conv.outcome,
    }
