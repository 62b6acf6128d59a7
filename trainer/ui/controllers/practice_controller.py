"""Wires the practice page to a :class:`trainer.core.session.PracticeSession`.

The session (engine, scorer, store writes) lives on the core worker thread: the controller
submits each reply there and renders what comes back, so the window never waits on scoring or
the database. Widgets only ever see plain values (:class:`LineView`, :class:`ReplyView`).
Buyer lines are spoken through :class:`Speaker` (synthesis on the speech thread, playback by
the player); the lines that may come next are synthesised ahead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from trainer.ui.views.practice import BuyerInfo, HintItem, PracticeView, SessionSummaryView

if TYPE_CHECKING:
    from trainer.core.scenario.models import Scenario
    from trainer.core.session import PracticeSession
    from trainer.ui.controllers.app_controller import AppContext

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LineView:
    persona_id: str
    text: str
    moment: str
    is_ending: bool


@dataclass(frozen=True, slots=True)
class StartView:
    """A session just started or resumed, as plain values."""

    session_id: str
    scenario_id: str
    title: str
    buyers: list[BuyerInfo]
    moments: list[tuple[str, str]]
    #: Earlier turns when resuming: ("rep", text) or (persona id, text).
    history: list[tuple[str, str]]
    current: LineView
    done_moments: list[str]
    upcoming: list[tuple[str, str]]
    ended: bool = False
    scorecard: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class ReplyView:
    """What one reply led to."""

    hints: list[HintItem]
    next: LineView
    done_moments: list[str]
    ended: bool
    upcoming: list[tuple[str, str]] = field(default_factory=list)
    scorecard: dict[str, Any] | None = None


def _line(session: PracticeSession) -> LineView:
    cur = session.current
    return LineView(cur.persona.id, cur.text, cur.moment, cur.is_ending)


def _done_moments(session: PracticeSession) -> list[str]:
    conv = session.conversation
    scenario = conv.scenario
    moments: list[str] = []
    for node_id in conv.visited:
        node = scenario.nodes.get(node_id)
        if node is not None and node.moment not in moments:
            moments.append(node.moment)
    if not conv.ended:
        current = conv.current.moment
        moments = [m for m in moments if m != current]
    return moments


def _upcoming(session: PracticeSession) -> list[tuple[str, str]]:
    """Lines the buyer may say next: every variant of each branch target (or the ending)."""
    conv = session.conversation
    if conv.ended:
        return []
    scenario = conv.scenario
    node = scenario.nodes.get(conv.current.node_id)
    if node is None:
        return []
    out: list[tuple[str, str]] = []
    targets = [b.goto for b in node.branches] + [scenario.timeout_ending]
    for target in dict.fromkeys(targets):
        item = scenario.nodes.get(target) or scenario.endings.get(target)
        if item is None:
            continue
        out.extend((item.speaker, text) for text in item.says)
    return out[:24]


def _hints(findings: Sequence[Any]) -> list[HintItem]:
    from trainer.core.rubric import load_rubric

    rubric = load_rubric()
    hints = []
    for f in findings:
        criterion = rubric.criteria.get(f.criterion)
        label = criterion.label if criterion else f.criterion
        explanation = f.explanation or (criterion.explanation if criterion else "")
        instead = f.instead or (criterion.instead if criterion and f.polarity == "avoid" else None)
        hints.append(HintItem(f.polarity, label, f.evidence, explanation, instead))
    return hints


def _start_view(session: PracticeSession) -> StartView:
    from trainer.core.rubric import load_rubric

    scenario = session.scenario
    rubric = load_rubric()
    buyers = [
        BuyerInfo(p.id, p.name, p.role, p.company, i) for i, p in enumerate(scenario.personas)
    ]
    moments = [(m, rubric.moments[m].label) for m in scenario.moments()]
    history: list[tuple[str, str]] = []
    for turn in session.conversation.transcript[:-1]:  # the last turn is the current line
        history.append(("rep" if turn.speaker == "rep" else (turn.persona or ""), turn.text))
    card = session.scorecard
    return StartView(
        session_id=session.session_id,
        scenario_id=scenario.id,
        title=scenario.title,
        buyers=buyers,
        moments=moments,
        history=history,
        current=_line(session),
        done_moments=_done_moments(session),
        upcoming=_upcoming(session),
        ended=session.ended,
        scorecard=None if card is None else card.to_dict(),
    )


class PracticeController(QObject):
    """Runs one practice session at a time for the practice page."""

    #: (session id, scorecard dict) when a session reaches its ending or is abandoned.
    session_finished = Signal(str, object)
    #: A session started or resumed (session id).
    session_started = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        view: PracticeView,
        summary: SessionSummaryView,
        speaker: Speaker,
        *,
        show_page: Callable[[str], None],
    ) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self.summary = summary
        self.speaker = speaker
        self._show_page = show_page
        # Touched only on the worker thread:
        self._session: PracticeSession | None = None
        # GUI-side bookkeeping (plain values only):
        self.session_id: str | None = None
        self.scenario_id: str | None = None
        self.title = ""
        self.ended = False
        self.last_scorecard: dict[str, Any] | None = None
        self._pending_reply: str | None = None

        view.reply_submitted.connect(self.send_reply)
        view.replay_requested.connect(self.speaker.replay)
        view.stop_requested.connect(self.speaker.stop)
        view.mute_toggled.connect(self.speaker.set_muted)
        view.mode_changed.connect(self._on_mode)
        view.end_requested.connect(self.end_session)
        view.scorecard_requested.connect(lambda: self._show_page("scorecard"))
        summary.again_requested.connect(self._again)
        summary.home_requested.connect(lambda: self._show_page("home"))
        view.set_mode(ctx.settings.mode)
        view.set_muted(ctx.settings.muted)

    # -- starting ----------------------------------------------------------------------------

    def start(self, scenario_id: str, *, seed: int | None = None) -> None:
        scenario = self.ctx.scenarios.get(scenario_id)
        if scenario is None:
            self.ctx.notify(f"Unknown scenario {scenario_id!r}")
            return
        rep, team, clock = self.ctx.settings.rep or "Rep", self.ctx.settings.team, self.ctx.clock
        scorer = self.ctx.scorer

        def job() -> StartView:
            from trainer.core.session import PracticeSession

            session = PracticeSession(
                scenario, rep=rep, team=team, store=self.ctx.store, clock=clock, seed=seed, scorer=scorer
            )
            session.start()
            self._session = session
            return _start_view(session)

        self.ctx.set_status_busy(True, "Starting the session…")
        self.ctx.worker.submit(job, self._started, self._failed, what="Starting the session")

    def resume(self, session_id: str) -> None:
        scorer = self.ctx.scorer
        scenarios = dict(self.ctx.scenarios)

        def job() -> StartView:
            from trainer.core.session import PracticeSession

            store = self.ctx.store
            if store is None:
                raise RuntimeError("no data file is open")
            found = [s for s in store.interrupted_sessions() if s.session_id == session_id]
            if not found:
                raise RuntimeError("that session is no longer unfinished")
            interrupted = found[0]
            scenario = scenarios.get(interrupted.scenario)
            if scenario is None:
                raise RuntimeError(f"scenario {interrupted.scenario!r} is not in the library")
            session = PracticeSession.resume(
                scenario, interrupted, store=store, clock=self.ctx.clock, scorer=scorer
            )
            self._session = session
            return _start_view(session)

        self.ctx.set_status_busy(True, "Resuming the session…")
        self.ctx.worker.submit(job, self._started, self._failed, what="Resuming the session")

    def _started(self, sv: StartView) -> None:
        self.ctx.set_status_busy(False)
        self.session_id = sv.session_id
        self.scenario_id = sv.scenario_id
        self.title = sv.title
        self.ended = sv.ended
        self.speaker.begin(self.ctx.scenarios[sv.scenario_id])
        self.view.begin(sv.title, sv.buyers, sv.moments)
        for who, text in sv.history:
            if who == "rep":
                self.view.add_rep_line(text)
            else:
                self.view.add_buyer_line(who, text)
        self.view.add_buyer_line(sv.current.persona_id, sv.current.text)
        self.view.set_moment(None if sv.ended else sv.current.moment, sv.done_moments)
        self._show_page("practice")
        self.view.reply_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.speaker.say(sv.current.persona_id, sv.current.text)
        self.speaker.prefetch(sv.upcoming)
        self.session_started.emit(sv.session_id)
        if sv.ended:
            self._finish(sv.scorecard)

    def _failed(self, error: BaseException) -> None:
        self.ctx.set_status_busy(False)
        logger.warning("practice: %s", error)
        self.ctx.notify(f"Could not continue: {error}")

    # -- replying ----------------------------------------------------------------------------

    def send_reply(self, text: str) -> None:
        text = text.strip()
        if not text or self.ended or self.session_id is None or self._pending_reply is not None:
            return
        self._pending_reply = text
        self.view.set_waiting(True)
        self.view.add_rep_line(text)
        self.view.clear_reply()
        self.speaker.stop()

        def job() -> ReplyView:
            session = self._session
            if session is None:
                raise RuntimeError("no session is running")
            result = session.reply(text)
            card = session.scorecard if result.ended else None
            return ReplyView(
                hints=_hints(result.findings),
                next=_line(session),
                done_moments=_done_moments(session),
                ended=result.ended,
                upcoming=_upcoming(session),
                scorecard=None if card is None else card.to_dict(),
            )

        self.ctx.worker.submit(job, self._replied, self._reply_failed, what="Scoring your reply")

    def _replied(self, rv: ReplyView) -> None:
        self._pending_reply = None
        self.view.set_waiting(False)
        self.view.show_hints(rv.hints)
        self.view.add_buyer_line(rv.next.persona_id, rv.next.text)
        self.view.set_moment(None if rv.ended else rv.next.moment, rv.done_moments)
        self.speaker.say(rv.next.persona_id, rv.next.text)
        self.speaker.prefetch(rv.upcoming)
        if rv.ended:
            self._finish(rv.scorecard)
        else:
            self.view.reply_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reply_failed(self, error: BaseException) -> None:
        text = self._pending_reply or ""
        self._pending_reply = None
        self.view.set_waiting(False)
        self.view.remove_last_rep_line()
        self.view.reply_edit.setPlainText(text)
        self._failed(error)

    # -- ending ------------------------------------------------------------------------------

    def end_session(self) -> None:
        """Stop now: the session is saved as abandoned and its scorecard shown."""
        if self.session_id is None or self.ended:
            return

        def job() -> dict[str, Any] | None:
            session = self._session
            if session is None:
                return None
            session.abandon()
            card = session.scorecard
            return None if card is None else card.to_dict()

        self.ctx.worker.submit(job, self._abandoned, self._failed, what="Ending the session")

    def _abandoned(self, scorecard: dict[str, Any] | None) -> None:
        self.view.set_moment(None, [])
        self._finish(scorecard, abandoned=True)

    def _finish(self, scorecard: dict[str, Any] | None, *, abandoned: bool = False) -> None:
        self.ended = True
        self.last_scorecard = scorecard
        card = scorecard or {}
        outcome = card.get("outcome") or {}
        label = outcome.get("label") or ("Abandoned" if abandoned else "Ended")
        self.view.set_ended(
            f"The conversation has ended: {label}."
            + (" Score " + str(card["score"]) + "/100." if "score" in card else "")
        )
        self.summary.set_summary(
            title=self.title,
            score=card.get("score"),
            ethics_pass=card.get("ethics_pass"),
            outcome=label,
            debrief=outcome.get("debrief", ""),
            checks=[(c.get("label", c.get("id", "")), bool(c.get("passed"))) for c in card.get("stage_exit_checks", [])],
            tips=list(card.get("tips", [])),
        )
        if self.session_id is not None:
            self.session_finished.emit(self.session_id, scorecard or {})
        self.ctx.library_changed()

    def _again(self) -> None:
        if self.scenario_id:
            self.start(self.scenario_id)

    def _on_mode(self, mode: str) -> None:
        self.ctx.update_settings(mode=mode)


class _SpeechBridge(QObject):
    ready = Signal(int, str, str)


class Speaker(QObject):
    """Speaks buyer lines: synthesis on the speech thread, playback with the player.

    Works without speech (``synth`` None or unavailable): then it does nothing, and the app has
    already said once that it runs silently.
    """

    def __init__(self, ctx: AppContext, player: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.player = player
        self._bridge = _SpeechBridge()
        self._bridge.ready.connect(self._on_ready)
        self._token = 0
        self._auto: dict[str, str | None] = {}
        self._base_rates: dict[str, int] = {}
        self.last_error: str | None = None

    def begin(self, scenario: Scenario) -> None:
        """Pick an automatic voice for each of the scenario's buyers (distinct where possible)."""
        from trainer.core.speech import VoiceHint, assign_voices

        synth = self.ctx.synth
        installed = synth.voices() if synth is not None else []
        self._auto = assign_voices(
            [VoiceHint(p.id, p.voice.gender, p.voice.accent) for p in scenario.personas], installed
        )
        self._base_rates = {p.id: p.voice.rate for p in scenario.personas}

    def voice_and_rate(self, persona_id: str) -> tuple[str | None, int]:
        """The voice and words-per-minute for a buyer under the current settings."""
        settings = self.ctx.settings
        chosen = settings.voice_for(persona_id)
        voice = self._auto.get(persona_id) if chosen == "automatic" else chosen
        rate = max(60, round(self._base_rates.get(persona_id, 175) * settings.rate_percent / 100))
        return voice, rate

    def _ready_synth(self) -> Any:
        synth = self.ctx.synth
        if synth is None or synth.available is False:
            return None
        return synth

    def say(self, persona_id: str, text: str) -> None:
        self._token += 1
        synth = self._ready_synth()
        if synth is None or self.player.muted:
            return
        token = self._token
        voice, rate = self.voice_and_rate(persona_id)
        synth.request(
            text,
            voice,
            rate,
            lambda path, err, token=token: self._bridge.ready.emit(
                token, str(path) if path else "", str(err) if err else ""
            ),
            volume=self.ctx.settings.volume,
        )

    def prefetch(self, lines: Sequence[tuple[str, str]]) -> None:
        synth = self._ready_synth()
        if synth is None or self.player.muted:
            return
        synth.set_volume(self.ctx.settings.volume)
        synth.prefetch((text, *self.voice_and_rate(pid)) for pid, text in lines)

    def _on_ready(self, token: int, path: str, error: str) -> None:
        if error:
            self.last_error = error
            logger.info("speech: %s", error)
            return
        if token == self._token and path:
            self.player.play(path)

    def replay(self) -> None:
        self.player.replay()

    def stop(self) -> None:
        self._token += 1  # a line still being synthesised will not start playing
        self.player.stop()

    def set_muted(self, muted: bool) -> None:
        self.player.set_muted(muted)
        self.ctx.update_settings(muted=muted)
