"""A practice session: a conversation, the clock, and (optionally) the store, kept in step.

:class:`PracticeSession` is what the desktop app and ``trainer practice`` drive. It records the
start of a session, commits every turn (buyer lines and rep replies) to the store as soon as it
happens, and closes the session with its outcome, score, ethics verdict and scorecard when the
conversation ends or is abandoned. Without a store nothing is saved and everything else works.

A session interrupted by a crash is rebuilt with :meth:`PracticeSession.resume` from the rep
replies the store kept: the engine is deterministic for a seed, so replaying them restores the
same state, and any turn that had not reached the file yet is written then.
"""

from __future__ import annotations

import logging
import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from trainer.core.engine import BuyerLine, Conversation, Scorer, TurnResult
from trainer.core.records import SessionRecord, TurnRecord
from trainer.core.rubric import rubric_version
from trainer.core.scenario.models import Scenario
from trainer.core.scorecard import Scorecard

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: ``outcome`` of a session record that has not finished yet.
UNFINISHED = "unfinished"


class SessionStore(Protocol):
    """The part of :class:`trainer.core.store.Store` a practice session writes to."""

    def start_session(
        self,
        *,
        session_id: str,
        rep: str,
        team: str,
        scenario: str,
        scenario_version: str,
        scenario_title: str,
        rubric_version: str,
        started_at: datetime,
        seed: int,
    ) -> None: ...

    def add_turn(self, session_id: str, turn: TurnRecord) -> None: ...

    def finish_session(
        self,
        session_id: str,
        *,
        outcome: str,
        score: float,
        ethics_pass: bool,
        finished_at: datetime,
        scorecard: dict[str, Any] | None = None,
    ) -> None: ...


class Interrupted(Protocol):
    """What a stored, unfinished session offers for resuming (``store.InterruptedSession``)."""

    @property
    def session_id(self) -> str: ...
    @property
    def rep(self) -> str: ...
    @property
    def team(self) -> str: ...
    @property
    def scenario(self) -> str: ...
    @property
    def scenario_version(self) -> str: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def seed(self) -> int: ...
    @property
    def turns(self) -> Sequence[TurnRecord]: ...


class SessionError(RuntimeError):
    """The session cannot do that now (not started, already finished)."""


class ResumeError(ValueError):
    """A stored session cannot be replayed with this scenario (another id, version or path)."""


def utc_now() -> datetime:
    """The default clock: an aware UTC timestamp."""
    return datetime.now(UTC)


def new_seed() -> int:
    """A fresh random seed for a session (recorded with it so the session can be replayed)."""
    return random.SystemRandom().randrange(1, 2**31)


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("the clock must return timezone-aware datetimes")
    return value


class PracticeSession:
    """One rep practising one scenario: engine + clock + optional store."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        rep: str,
        team: str = "",
        store: SessionStore | None = None,
        clock: Clock | None = None,
        seed: int | None = None,
        scorer: Scorer | None = None,
        session_id: str | None = None,
    ) -> None:
        if not rep.strip():
            raise ValueError("rep must not be empty")
        self.scenario = scenario
        self.rep = rep
        self.team = team
        self.store = store
        self.clock: Clock = clock or utc_now
        self.seed = new_seed() if seed is None else seed
        self.session_id = str(uuid.UUID(session_id)) if session_id else str(uuid.uuid4())
        self.rubric_version = rubric_version()
        self.conversation = Conversation(scenario, seed=self.seed, scorer=scorer)
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None
        self._saved = 0
        self._scorecard: Scorecard | None = None

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> BuyerLine:
        """Record the start (and the buyer's first line); returns that line."""
        if self.started_at is not None:
            raise SessionError("the session has already started")
        self.started_at = _aware(self.clock())
        if self.store is not None:
            self.store.start_session(
                session_id=self.session_id,
                rep=self.rep,
                team=self.team,
                scenario=self.scenario.id,
                scenario_version=self.scenario.version,
                scenario_title=self.scenario.title,
                rubric_version=self.rubric_version,
                started_at=self.started_at,
                seed=self.seed,
            )
        self._commit_turns()
        return self.conversation.current

    def reply(self, text: str) -> TurnResult:
        """Score and play one rep reply; its turns are saved before this returns."""
        if self.started_at is None:
            raise SessionError("start() the session first")
        if self.finished_at is not None:
            raise SessionError("the session has finished")
        result = self.conversation.reply(text)
        self._commit_turns()
        if result.ended:
            self._finish()
        return result

    def abandon(self) -> None:
        """Close the session before an ending (outcome ``"abandoned"``), scored as it stands."""
        if self.started_at is None:
            raise SessionError("start() the session first")
        if self.finished_at is not None:
            return
        self.conversation.abandon()
        self._finish()

    @classmethod
    def resume(
        cls,
        scenario: Scenario,
        interrupted: Interrupted,
        *,
        store: SessionStore | None = None,
        clock: Clock | None = None,
        scorer: Scorer | None = None,
    ) -> PracticeSession:
        """Rebuild a stored, unfinished session and carry on where it stopped.

        Raises :class:`ResumeError` when the scenario is not the one the session was played
        with, or when replaying the stored replies does not reproduce the stored turns.
        """
        if interrupted.scenario != scenario.id:
            raise ResumeError(
                f"session {interrupted.session_id} is for scenario {interrupted.scenario!r}, "
                f"not {scenario.id!r}"
            )
        if interrupted.scenario_version != scenario.version:
            raise ResumeError(
                f"session {interrupted.session_id} was played on version "
                f"{interrupted.scenario_version} of {scenario.id!r}; this is version "
                f"{scenario.version}, so it cannot be replayed"
            )
        session = cls(
            scenario,
            rep=interrupted.rep,
            team=interrupted.team,
            store=store,
            clock=clock,
            seed=interrupted.seed,
            scorer=scorer,
            session_id=interrupted.session_id,
        )
        stored = sorted(interrupted.turns, key=lambda t: t.index)
        replies = [t.text for t in stored if t.speaker == "rep"]
        try:
            conv = Conversation.resume(
                scenario, seed=interrupted.seed, replies=replies, scorer=scorer
            )
        except Exception as exc:
            raise ResumeError(
                f"session {interrupted.session_id} cannot be replayed: {exc}"
            ) from exc
        replayed = conv.turns
        for old in stored:
            new = replayed[old.index] if old.index < len(replayed) else None
            if new is None or (new.speaker, new.text) != (old.speaker, old.text):
                raise ResumeError(
                    f"session {interrupted.session_id}: turn {old.index} does not replay the same"
                )
        session.conversation = conv
        session.started_at = _aware(interrupted.started_at)
        session._saved = len(stored)
        session._commit_turns()  # turns that never reached the store before it stopped
        if conv.ended:
            session._finish()
        return session

    # ----------------------------------------------------------------- state
    @property
    def current(self) -> BuyerLine:
        return self.conversation.current

    @property
    def ended(self) -> bool:
        return self.finished_at is not None

    @property
    def outcome(self) -> str | None:
        return self.conversation.outcome

    @property
    def scorecard(self) -> Scorecard | None:
        """The scorecard once the session has finished."""
        return self._scorecard

    def record(self) -> SessionRecord:
        """The session record (the contract form); an unfinished session reads ``unfinished``."""
        if self.started_at is None:
            raise SessionError("start() the session first")
        card = self._scorecard
        outcome = UNFINISHED if card is None else card.outcome.id
        return SessionRecord(
            session_id=self.session_id,
            rep=self.rep,
            team=self.team,
            scenario=self.scenario.id,
            scenario_version=self.scenario.version,
            rubric_version=self.rubric_version,
            started_at=self.started_at,
            finished_at=self.finished_at,
            outcome=outcome,
            score=0 if card is None else card.score,
            ethics_pass=False if card is None else card.ethics_pass,
            turns=self.conversation.turns,
        )

    # ----------------------------------------------------------------- internals
    def _commit_turns(self) -> None:
        turns = self.conversation.turns
        for turn in turns[self._saved :]:
            if self.store is not None:
                self.store.add_turn(self.session_id, turn)
            self._saved += 1

    def _finish(self) -> None:
        card = self.conversation.scorecard()
        finished = _aware(self.clock())
        if self.store is not None:
            self.store.finish_session(
                self.session_id,
                outcome=card.outcome.id,
                score=card.score,
                ethics_pass=card.ethics_pass,
                finished_at=finished,
                scorecard=card.to_dict(),
            )
        self._scorecard = card
        self.finished_at = finished
        logger.info(
            "session %s finished: %s, score %d, ethics %s",
            self.session_id,
            card.outcome.id,
            card.score,
            "pass" if card.ethics_pass else "fail",
        )


class ClosingStore(SessionStore, Protocol):
    """A session store that can also close an unfinished session without replaying it."""

    def abandon_session(self, session_id: str, finished_at: datetime) -> None: ...


def close_interrupted(
    interrupted: Interrupted,
    *,
    store: ClosingStore,
    scenarios: Mapping[str, Scenario],
    clock: Clock | None = None,
    scorer: Scorer | None = None,
) -> Scorecard | None:
    """Close an interrupted session as abandoned, scored exactly as abandoning it live would be.

    The stored replies are replayed so the session gets its scorecard (partial score, ethics
    verdict, tips). When the scenario is no longer installed, or has changed since the session
    was played, the store closes it plainly instead (score 0, no scorecard) and this returns None.
    """
    scenario = scenarios.get(interrupted.scenario)
    if scenario is not None:
        try:
            session = PracticeSession.resume(
                scenario, interrupted, store=store, clock=clock, scorer=scorer
            )
        except ResumeError as exc:
            logger.warning("closing session %s without a replay: %s", interrupted.session_id, exc)
        else:
            session.abandon()
            return session.scorecard
    store.abandon_session(interrupted.session_id, _aware((clock or utc_now)()))
    return None
