"""Plain values the store returns (frozen dataclasses; the UI and CLI only read them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.core.records import TurnRecord


@dataclass(frozen=True, slots=True)
class InterruptedSession:
    """A session that was started but never finished (the program stopped mid-session)."""

    session_id: str
    rep: str
    team: str
    scenario: str
    scenario_version: str
    started_at: datetime
    seed: int
    turns: list[TurnRecord]


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the session list (no turns)."""

    session_id: str
    rep: str
    team: str
    scenario: str
    scenario_version: str
    scenario_title: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str | None
    score: float | None
    ethics_pass: bool | None
    turn_count: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A turn whose text matched a search; ``snippet`` marks each match with ``[`` ``]``."""

    session_id: str
    rep: str
    scenario: str
    turn_index: int
    speaker: str
    snippet: str


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """One finished session of a rep, for the skill chart (oldest first).

    ``shown`` counts each Do id shown at a moment where it fits; ``slips`` counts every
    Avoid id found. Ids that never occurred are absent.
    """

    session_id: str
    scenario: str
    finished_at: datetime
    score: float
    ethics_pass: bool
    shown: dict[str, int] = field(default_factory=dict)
    slips: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: int
    skipped: int
    files: tuple[Path, ...] = ()
    #: Seconds spent per phase: "read" (parse + validate), "write" (rows), "indexes", "search".
    seconds: dict[str, float] = field(default_factory=dict)
