"""What the scorer returns: findings with evidence spans, and the context a reply is scored in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from trainer.core.rubric import Polarity

#: The keys of a finding in every external format (score --jsonl, session records, packs).
FINDING_KEYS: tuple[str, ...] = ("criterion", "polarity", "start", "end", "evidence", "rule")


@dataclass(frozen=True, slots=True)
class Finding:
    """One rubric criterion observed in a reply.

    ``start``/``end`` are character offsets into the reply (``text[start:end] == evidence``).
    ``rule`` names the rule that fired; ``explanation`` says why in a rep's words, and
    ``instead`` (Avoid findings only) says what to say instead.
    """

    criterion: str
    polarity: Polarity
    start: int
    end: int
    evidence: str
    rule: str
    explanation: str = ""
    instead: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract form: exactly :data:`FINDING_KEYS`."""
        return {
            "criterion": self.criterion,
            "polarity": self.polarity,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class ScoreContext:
    """What the conversation knows when a reply is scored (all optional)."""

    moment: str | None = None
    #: Outcomes the buyer stated, in the buyer's words.
    buyer_outcomes: Sequence[str] = ()
    #: Earlier turns as (speaker, text) pairs, speaker being "buyer" or "rep".
    history: Sequence[tuple[str, str]] = field(default_factory=tuple)
    #: True once the buyer's outcome has been stated/confirmed in this conversation.
    outcome_known: bool | None = None
