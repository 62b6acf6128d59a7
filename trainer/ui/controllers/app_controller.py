"""The app's wiring: settings, the core worker, the library, speech, and the page controllers.

Nothing heavy is imported before the window is shown: :meth:`AppController.start` runs right
after the first paint and loads the scenario library and the store on the core worker thread.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from trainer.core.settings import Settings, save_settings
from trainer.ui.controllers.worker import CoreWorker
from trainer.ui.main_window import MainWindow
from trainer.ui.pages import PLACEHOLDER_PAGES, Views, build_pages, build_window  # noqa: F401

if TYPE_CHECKING:
    from trainer.core.scenario.models import Scenario
    from trainer.core.speech import SpeechSynth
    from trainer.core.store import Store
    from trainer.ui.controllers.practice_controller import PracticeController, Speaker
    from trainer.ui.controllers.settings_controller import SettingsController
    from trainer.ui.views.home import ResumeOffer, ScenarioCard
    from trainer.ui.views.profile_dialog import ProfileDialog

logger = logging.getLogger(__name__)

SCENARIOS_ENV_VAR = "TRAINER_SCENARIOS"


def default_scenarios_dir() -> Path:
    """``$TRAINER_SCENARIOS``, else the ``scenarios/`` folder shipped beside the package."""
    env = os.environ.get(SCENARIOS_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    import trainer

    return Path(trainer.__file__).resolve().parent.parent / "scenarios"


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("upsell-trainer", appauthor=False)) / "voices"


def _open_store(path: Path) -> Store:
    from trainer.core.store import Store

    return Store.open(path)


def _make_synth(cache_dir: Path, volume: float) -> SpeechSynth:
    from trainer.core.speech import SpeechSynth

    return SpeechSynth(cache_dir, volume=volume)


@dataclass(frozen=True, slots=True)
class LibraryData:
    scenarios: dict[str, Scenario]
    problems: list[str]
    cards: list[ScenarioCard]
    offers: list[ResumeOffer]
    db_path: str
    db_error: str | None = None
    reloaded: bool = True


@dataclass
class AppContext:
    """What the controllers share. ``store`` and sessions are only used on the worker thread."""

    window: MainWindow
    worker: CoreWorker
    settings: Settings
    settings_path: Path | None
    scenarios_dir: Path
    db_override: str | None = None
    clock: Callable[[], datetime] | None = None
    scorer: Callable[..., Any] | None = None
    store: Store | None = None
    db_path: str = ""
    synth: SpeechSynth | None = None
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    on_settings: list[Callable[[Settings], None]] = field(default_factory=list)
    on_library: list[Callable[[], None]] = field(default_factory=list)

    def notify(self, text: str) -> None:
        self.window.notify(text)

    def set_status_busy(self, busy: bool, text: str = "") -> None:
        self.window.set_busy(busy, text)

    def update_settings(self, **changes: Any) -> Settings:
        """Apply, save (write-then-rename) and broadcast a settings change."""
        new = self.settings.with_changes(**changes)
        if new == self.settings:
            return new
        self.settings = new
        if self.settings_path is not None:
            try:
                save_settings(new, self.settings_path)
            except OSError as exc:
                self.notify(f"Could not save settings: {exc}")
        for cb in list(self.on_settings):
            cb(new)
        return new

    def library_changed(self) -> None:
        for cb in list(self.on_library):
            cb()

    def effective_db_path(self) -> str:
        if self.db_override:
            return self.db_override
        from trainer.core.paths import resolve_db_path

        return str(resolve_db_path(self.settings.db_path))


class AppController(QObject):
    """Creates the controllers, loads the library after the first paint, and shuts down cleanly."""

    library_loaded = Signal()
    #: (session id, scorecard dict) — re-emitted from the practice controller.
    session_finished = Signal(str, object)

    def __init__(
        self,
        window: MainWindow,
        views: Views,
        *,
        settings: Settings,
        settings_path: Path | None,
        scenarios_dir: Path | None = None,
        db_path: str | None = None,
        store_opener: Callable[[Path], Store] | None = None,
        synth_factory: Callable[[], SpeechSynth | None] | None = None,
        player: Any = None,
        clock: Callable[[], datetime] | None = None,
        scorer: Callable[..., Any] | None = None,
        ask_profile: bool = True,
        app: QApplication | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.views = views
        self.app = app
        self.worker = CoreWorker(self)
        self.worker.busy_changed.connect(lambda b: window.set_busy(b))
        self.worker.failed.connect(window.notify)
        self.ctx = AppContext(
            window=window,
            worker=self.worker,
            settings=settings,
            settings_path=settings_path,
            scenarios_dir=scenarios_dir or default_scenarios_dir(),
            db_override=db_path,
            clock=clock,
            scorer=scorer,
        )
        self._store_opener = store_opener or _open_store
        self._synth_factory = synth_factory
        self._player = player
        self._ask_profile = ask_profile
        self._speech_noted = False
        self.practice: PracticeController | None = None
        self.settings_controller: SettingsController | None = None
        self.speaker: Speaker | None = None
        self._started = False
        self.loaded = False
        self.profile_dialog: ProfileDialog | None = None
        self._deferred: list[Callable[[AppController], Any]] = []
        self._problems: list[str] = []

        window.closing.connect(self.shutdown)
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.aboutToQuit.connect(self.shutdown)

    # -- startup (after the first paint) -----------------------------------------------------

    def defer(self, install: Callable[[AppController], Any]) -> None:
        """Run ``install(controller)`` in :meth:`start`, after the first paint and before the
        page controllers are made: the place to build more pages (``window.add_page`` with a
        placeholder's key replaces it) and to connect to ``session_finished``/``library_loaded``.
        """
        self._deferred.append(install)

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self.window.finish_setup()
        for install in self._deferred:
            install(self)
        build_pages(self.window, self.views)
        self.views.home.set_profile(self.ctx.settings.rep, self.ctx.settings.team)
        self.views.home.set_loading(True)
        from trainer.ui.controllers.practice_controller import PracticeController, Speaker
        from trainer.ui.controllers.settings_controller import SettingsController
        from trainer.ui.voice import VoicePlayer

        ctx = self.ctx
        player = self._player if self._player is not None else VoicePlayer(parent=self)
        player.set_muted(ctx.settings.muted)
        player.unavailable.connect(self._speech_unavailable)
        self.speaker = Speaker(ctx, player, self)
        self.practice = PracticeController(
            ctx, self.views.practice, self.views.summary, self.speaker, show_page=self.window.show_page
        )
        self.practice.session_finished.connect(self.session_finished)
        self.settings_controller = SettingsController(ctx, self.views.settings, self.app)
        self.settings_controller.db_path_changed.connect(self.reload_store)
        ctx.on_library.append(self.refresh_library)
        ctx.on_settings.append(self._settings_changed)

        home = self.views.home
        home.start_requested.connect(self.practice.start)
        home.resume_requested.connect(self.practice.resume)
        home.abandon_requested.connect(self.abandon_interrupted)
        home.edit_profile_requested.connect(self.edit_profile)

        self._start_speech()
        self.load_library(open_store=True)
        if self._ask_profile and not ctx.settings.has_profile:
            QTimer.singleShot(0, self.edit_profile)

    def _start_speech(self) -> None:
        factory = self._synth_factory
        if factory is None:
            settings = self.ctx.settings

            def factory() -> SpeechSynth | None:
                return _make_synth(default_cache_dir(), settings.volume)

        try:
            synth = factory()
        except Exception as exc:  # noqa: BLE001 - the app runs silently instead
            logger.warning("speech disabled: %s", exc)
            synth = None
        self.ctx.synth = synth
        if synth is None:
            self._speech_unavailable("Speech is off: no speech engine was found. Buyers stay silent.")
            if self.settings_controller is not None:
                self.settings_controller.voices_ready([], False)
            return
        synth.start()
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._check_speech)
        self._poll.start()

    def _check_speech(self) -> None:
        synth = self.ctx.synth
        if synth is None or synth.available is None:
            return
        self._poll.stop()
        if synth.available is False:
            self._speech_unavailable("Speech is off: no speech engine was found. Buyers stay silent.")
        if self.settings_controller is not None:
            self.settings_controller.voices_ready(synth.voices(), bool(synth.available))

    def _speech_unavailable(self, text: str) -> None:
        if self._speech_noted:
            return
        self._speech_noted = True
        self.window.notify(text, 15000)
        self.views.practice.set_voice_note("Silent", text)

    # -- library -------------------------------------------------------------------------------

    def load_library(self, *, open_store: bool = False, reload: bool = True) -> None:
        ctx = self.ctx
        known = None if reload or not ctx.scenarios else list(ctx.scenarios.values())
        problems_before = list(self._problems)
        rep = ctx.settings.rep
        scenarios_dir = ctx.scenarios_dir
        db_path = ctx.effective_db_path()
        opener = self._store_opener

        def job() -> LibraryData:
            db_error = None
            if open_store and ctx.store is None:
                try:
                    ctx.store = opener(Path(db_path))
                    ctx.db_path = db_path
                except Exception as exc:  # noqa: BLE001 - shown to the rep; practice still works
                    logger.warning("cannot open %s: %s", db_path, exc)
                    db_error = str(exc)
            data = _library(scenarios_dir, ctx.store, rep, db_path, db_error, known)
            if known is not None:  # keep showing the problems found when the files were read
                data = dataclasses.replace(data, problems=problems_before, reloaded=False)
            return data

        self.views.home.set_loading(True)
        self.worker.submit(job, self._library_loaded, self._library_failed, what="Loading the library")

    def refresh_library(self) -> None:
        """New scores or sessions: recompute the cards from the store (files are not re-read)."""
        self.load_library(open_store=False, reload=False)

    def _library_loaded(self, data: LibraryData) -> None:
        self.ctx.scenarios = data.scenarios
        self._problems = list(data.problems)
        home = self.views.home
        home.set_loading(False)
        home.set_cards(data.cards)
        home.set_problems(data.problems)
        home.set_resume_offer(data.offers[0] if data.offers else None)
        if data.db_error:
            self.window.notify(f"Sessions will not be saved: {data.db_error}", 20000)
        if self.settings_controller is not None and (not self.loaded or data.reloaded):
            self.settings_controller.library_ready(list(data.scenarios.values()), data.db_error)
        first = not self.loaded
        self.loaded = True
        self.library_loaded.emit()
        if first:
            self._warm_up(list(data.scenarios.values()))

    def _warm_up(self, scenarios: list[Scenario]) -> None:
        """Score sample texts in small jobs so the scorer's first real replies are fast.

        The scorer compiles its patterns on first use, which takes up to a few hundred ms per
        reply early on and holds the interpreter lock (so the window would stall). Each chunk
        is queued only when the previous one is done, so a rep's request never waits long.
        """
        texts = warm_up_texts(scenarios)
        scorer = self.ctx.scorer
        chunks = [texts[i : i + 25] for i in range(0, len(texts), 25)]

        def run(chunk: list[str]) -> None:
            from trainer.core.findings import ScoreContext

            score = scorer
            if score is None:
                from trainer.core.scoring import score_reply as score
            for text in chunk:
                score(text, ScoreContext(moment="proposal"))

        def next_chunk(_result: object = None) -> None:
            if chunks and not self.worker.stopped:
                chunk = chunks.pop(0)
                self.worker.submit(
                    lambda: run(chunk), next_chunk, lambda _e: None, what="", quiet=True
                )

        next_chunk()

    def _library_failed(self, error: BaseException) -> None:
        self.views.home.set_loading(False)
        self.views.home.set_problems([f"Could not load the scenario library: {error}"])
        self.window.notify(f"Could not load the scenario library: {error}")

    def reload_store(self) -> None:
        """Close the open data file and open the one the settings now point to."""
        ctx = self.ctx

        def close() -> None:
            if ctx.store is not None:
                ctx.store.close()
                ctx.store = None

        self.worker.submit(close, what="Closing the data file")
        self.load_library(open_store=True, reload=False)

    def abandon_interrupted(self, session_id: str) -> None:
        ctx = self.ctx
        clock = ctx.clock

        def job() -> None:
            from trainer.core.session import close_interrupted

            if ctx.store is None:
                return
            for interrupted in ctx.store.interrupted_sessions():
                if interrupted.session_id == session_id:
                    close_interrupted(
                        interrupted, store=ctx.store, scenarios=ctx.scenarios, clock=clock
                    )

        self.worker.submit(job, lambda _r: self.refresh_library(), what="Closing the session")

    # -- profile -------------------------------------------------------------------------------

    def edit_profile(self) -> None:
        from trainer.ui.views.profile_dialog import ProfileDialog

        s = self.ctx.settings
        dialog = ProfileDialog(s.rep, s.team, self.window)
        self.profile_dialog = dialog
        dialog.finished.connect(lambda result: self._profile_done(dialog, result))
        dialog.open()

    def _profile_done(self, dialog: ProfileDialog, result: int) -> None:
        self.profile_dialog = None
        if result == QDialog.DialogCode.Accepted:
            rep, team = dialog.values()
            self.ctx.update_settings(rep=rep, team=team)
            self.refresh_library()
        dialog.deleteLater()

    def _settings_changed(self, settings: Settings) -> None:
        self.views.home.set_profile(settings.rep, settings.team)
        if self.views.practice is not None:
            self.views.practice.set_muted(settings.muted)
        if self.speaker is not None:
            self.speaker.player.set_muted(settings.muted)

    # -- shutdown ------------------------------------------------------------------------------

    def shutdown(self) -> None:
        synth = self.ctx.synth
        if self.speaker is not None:
            self.speaker.stop()
        ctx = self.ctx

        def close_store() -> None:
            if ctx.store is not None:
                ctx.store.close()
                ctx.store = None

        self.worker.stop(close_store)
        if synth is not None:
            synth.close(timeout=2.0)


def _library(
    scenarios_dir: Path,
    store: Store | None,
    rep: str,
    db_path: str,
    db_error: str | None,
    known: list[Scenario] | None = None,
) -> LibraryData:
    """Load the scenarios (unless ``known`` are given) and the rep's scores, on the worker.

    Parsing the YAML files takes a second and holds the interpreter lock, so refreshing the
    scores after a session reuses the scenarios already loaded.
    """
    # Import what the first reply needs now, while the rep reads the library: imports hold
    # the interpreter lock, so doing them mid-conversation would stall the window.
    import trainer.core.scoring  # noqa: F401
    import trainer.core.session  # noqa: F401
    from trainer.core.rubric import load_rubric
    from trainer.core.scenario.loader import load_dir
    from trainer.ui.views.home import ResumeOffer, ScenarioCard

    rubric = load_rubric()
    problem_texts: list[str] = []
    if known is not None:
        scenarios = list(known)
    elif scenarios_dir.is_dir():
        scenarios, problems = load_dir(scenarios_dir)
        problem_texts = [p.format() for p in problems if p.severity == "error"]
    else:
        scenarios, problem_texts = [], [f"{scenarios_dir}: no such folder"]
    scenarios = sorted(scenarios, key=lambda s: (_DIFFICULTY.get(s.difficulty, 9), s.title))
    sessions = store.list_sessions(rep=rep) if (store is not None and rep) else []
    by_scenario: dict[str, list[Any]] = {}
    for s in sessions:  # most recent first
        by_scenario.setdefault(s.scenario, []).append(s)
    cards = []
    for sc in scenarios:
        done = [s for s in by_scenario.get(sc.id, []) if s.finished_at is not None]
        scored = [s for s in done if s.score is not None and s.outcome != "abandoned"]
        clean = [s for s in scored if s.ethics_pass]
        cards.append(
            ScenarioCard(
                scenario_id=sc.id,
                title=sc.title,
                summary=sc.summary,
                difficulty=sc.difficulty,
                personas=[(p.name, p.role, p.company) for p in sc.personas],
                moments=[rubric.moments[m].label for m in sc.moments()],
                best=round(max(s.score for s in clean)) if clean else None,
                last=round(scored[0].score) if scored else None,
                sessions=len(done),
            )
        )
    offers: list[ResumeOffer] = []
    if store is not None and rep:
        titles = {s.id: s.title for s in scenarios}
        interrupted = sorted(store.interrupted_sessions(rep), key=lambda i: i.started_at, reverse=True)
        for i, item in enumerate(interrupted):
            offers.append(
                ResumeOffer(
                    session_id=item.session_id,
                    title=titles.get(item.scenario, item.scenario),
                    started=item.started_at.astimezone().strftime("%d %b %Y %H:%M"),
                    replies=sum(1 for t in item.turns if t.speaker == "rep"),
                    more=len(interrupted) - 1 if i == 0 else 0,
                )
            )
    return LibraryData(
        scenarios={s.id: s for s in scenarios},
        problems=problem_texts,
        cards=cards,
        offers=offers,
        db_path=db_path,
        db_error=db_error,
    )


_DIFFICULTY = {"beginner": 0, "intermediate": 1, "advanced": 2}


def warm_up_texts(scenarios: list[Scenario]) -> list[str]:
    """Sentences in a rep's register to prime the scorer with: the rubric's own wording and
    what the scenarios' buyers say (runs on the worker thread)."""
    from trainer.core.rubric import load_rubric

    texts: list[str] = []
    for c in load_rubric().criteria.values():
        texts += [c.label, c.explanation, c.playbook] + ([c.instead] if c.instead else [])
    for sc in scenarios:
        texts += [sc.summary, sc.fit.base_option, sc.fit.bigger_option, sc.fit.explanation]
        texts += list(sc.context.outcomes)
        for node in sc.nodes.values():
            texts += list(node.says)
        for ending in sc.endings.values():
            texts += [*ending.says, ending.debrief]
    return list(dict.fromkeys(t for t in texts if t))
