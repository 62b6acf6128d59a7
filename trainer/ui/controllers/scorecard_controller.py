"""Wires the scorecard page: loads a session's record and scorecard from the store (on the core
worker), turns them into plain :class:`ReviewData`, and exports the call review.

Exports ask for a file with :class:`QFileDialog`, then render and write it (write-then-rename)
on a :class:`QThreadPool` thread while the page and the status bar show that work is going on.
:func:`run_in_pool` is that small helper; the leaderboard page uses it too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog

from trainer.ui.views.scorecard import ReviewData, ReviewTurn, ScorecardView

if TYPE_CHECKING:
    from trainer.core.records import SessionRecord
    from trainer.core.scenario.models import Scenario
    from trainer.ui.controllers.app_controller import AppContext, AppController
    from trainer.ui.controllers.history_controller import HistoryController
    from trainer.ui.controllers.leaderboard_controller import LeaderboardController
    from trainer.ui.views.history import HistoryView
    from trainer.ui.views.leaderboard import LeaderboardView

logger = logging.getLogger(__name__)

REVIEW_FORMATS: dict[str, tuple[str, str]] = {
    "html": ("HTML page (*.html)", ".html"),
    "md": ("Markdown (*.md)", ".md"),
}


# ----------------------------------------------------------------------------- pool helper
class _Relay(QObject):
    """Lives on the GUI thread; the pool thread emits, the callbacks run here."""

    finished = Signal(object, object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        try:
            if error is not None:
                self._on_error(error)
            else:
                self._on_done(result)
        finally:
            _LIVE.discard(self)


_LIVE: set[_Relay] = set()


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


def run_in_pool(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> None:
    """Run ``fn()`` on a pool thread; ``on_done(result)`` or ``on_error(exc)`` on this thread."""
    relay = _Relay(on_done, on_error)
    _LIVE.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))


def ask_save_path(
    parent: Any, caption: str, suggested: str, filter_text: str, suffix: str
) -> Path | None:
    """The file the user picked (with ``suffix`` added when missing), or None when cancelled."""
    name, _chosen = QFileDialog.getSaveFileName(parent, caption, suggested, filter_text)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return path


# ----------------------------------------------------------------------------- building data
def review_data(
    record: SessionRecord,
    scorecard: Mapping[str, Any] | None,
    scenario: Scenario | None,
    *,
    can_export: bool = True,
) -> ReviewData:
    """Plain values for the page from a stored session (runs on the worker thread)."""
    from trainer.core.rubric import DO_IDS, load_rubric

    rubric = load_rubric()
    card: Mapping[str, Any] = scorecard or {
        "score": record.score,
        "ethics_pass": record.ethics_pass,
        "outcome": {"label": record.outcome, "debrief": ""},
    }
    names = {p.id: p.name for p in scenario.personas} if scenario is not None else {}
    by_index = {
        t["index"]: tuple(t.get("findings") or [])
        for t in card.get("turns") or []
        if isinstance(t, Mapping) and isinstance(t.get("index"), int)
    }
    turns = []
    for t in record.turns:
        moment = rubric.moments[t.moment].label if t.moment in rubric.moments else ""
        if t.speaker == "rep":
            findings = by_index.get(t.index)
            if findings is None:
                findings = tuple(
                    {
                        **f.model_dump(),
                        "label": rubric.criteria[f.criterion].label,
                        "explanation": rubric.criteria[f.criterion].explanation,
                        "instead": rubric.criteria[f.criterion].instead,
                    }
                    for f in t.findings
                )
            turns.append(ReviewTurn(t.index, "rep", record.rep, moment, t.text, findings))
        else:
            who = names.get(t.persona or "", t.persona or "Buyer")
            turns.append(ReviewTurn(t.index, "buyer", who, moment, t.text))
    checklist = []
    for cid in DO_IDS:
        hits = [(t.index, f) for t in turns for f in t.findings if f.get("criterion") == cid]
        checklist.append(
            (
                rubric[cid].label,
                tuple(dict.fromkeys(i for i, _ in hits)),
                str(hits[0][1].get("evidence", "")) if hits else "",
            )
        )
    stamp = record.finished_at or record.started_at
    return ReviewData(
        session_id=record.session_id,
        title=scenario.title if scenario is not None else record.scenario,
        rep=record.rep,
        team=record.team,
        when=stamp.astimezone().strftime("%d %b %Y %H:%M"),
        scorecard=dict(card),
        turns=tuple(turns),
        do_checklist=tuple(checklist),
        can_export=can_export and scorecard is not None,
    )


# ----------------------------------------------------------------------------- controller
class ScorecardController(QObject):
    """Shows a session's scorecard and exports its call review."""

    #: A review was loaded into the page (session id).
    loaded = Signal(str)
    #: An export finished (path).
    exported = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        view: ScorecardView,
        *,
        show_page: Callable[[str], None],
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self._show_page = show_page
        self._pool = pool
        self.record: SessionRecord | None = None
        self.scorecard: dict[str, Any] | None = None
        self.session_id: str | None = None
        view.export_requested.connect(self.export)

    # ----------------------------------------------------------------- loading
    def session_finished(self, session_id: str, scorecard: object) -> None:
        """A practice session just ended: load its full review into the page.

        Deferred to the next turn of the event loop: this runs inside a worker callback, and a
        job submitted from there would leave the status bar's busy count one too high."""
        fallback = scorecard if isinstance(scorecard, dict) and scorecard else None
        QTimer.singleShot(0, lambda: self.load(session_id, fallback=fallback))

    def open(self, session_id: str) -> None:
        """Show the scorecard of a stored session (from History)."""
        self.load(session_id)
        self._show_page("scorecard")

    def load(self, session_id: str, *, fallback: dict[str, Any] | None = None) -> None:
        ctx = self.ctx
        scenarios = dict(ctx.scenarios)

        def job() -> tuple[SessionRecord, dict[str, Any] | None, ReviewData] | None:
            store = ctx.store
            if store is None:
                return None
            record = store.get_session(session_id)
            card = store.get_scorecard(session_id) or fallback
            return record, card, review_data(record, card, scenarios.get(record.scenario))

        self.session_id = session_id
        ctx.set_status_busy(True, "Loading the scorecard…")
        ctx.worker.submit(job, self._loaded, self._failed, what="Loading the scorecard")

    def _loaded(
        self, result: tuple[SessionRecord, dict[str, Any] | None, ReviewData] | None
    ) -> None:
        self.ctx.set_status_busy(False)
        if result is None:
            return  # no data file: the headline from the practice page stays
        record, card, data = result
        if record.session_id != self.session_id:
            return  # a later request superseded this one
        self.record, self.scorecard = record, card
        self.view.show_review(data)
        self.loaded.emit(record.session_id)

    def _failed(self, error: BaseException) -> None:
        self.ctx.set_status_busy(False)
        logger.warning("scorecard: %s", error)
        self.ctx.notify(f"Could not load the scorecard: {error}")

    # ----------------------------------------------------------------- export
    def export(self, fmt: str) -> None:
        record, card = self.record, self.scorecard
        if record is None or card is None or fmt not in REVIEW_FORMATS:
            return
        filter_text, suffix = REVIEW_FORMATS[fmt]
        data = self.view.data
        title = data.title if data is not None else record.scenario
        suggested = f"review-{_slug(record.rep)}-{record.scenario}-{record.session_id[:8]}{suffix}"
        path = ask_save_path(self.view, "Export the call review", suggested, filter_text, suffix)
        if path is None:
            return
        scenario = self.ctx.scenarios.get(record.scenario)
        personas = {p.id: p.name for p in scenario.personas} if scenario is not None else {}

        def job() -> str:
            from trainer.core.review import (
                render_review_html,
                render_review_markdown,
                write_text_atomic,
            )

            render = render_review_html if fmt == "html" else render_review_markdown
            write_text_atomic(path, render(record, card, title=title, personas=personas))
            return str(path)

        self.view.set_exporting(True)
        self.ctx.set_status_busy(True, "Exporting the review…")
        run_in_pool(job, self._exported, self._export_failed, self._pool)

    def _exported(self, path: str) -> None:
        self.view.set_exporting(False)
        self.ctx.set_status_busy(False)
        self.ctx.notify(f"Review saved to {path}")
        self.exported.emit(path)

    def _export_failed(self, error: BaseException) -> None:
        self.view.set_exporting(False)
        self.ctx.set_status_busy(False)
        logger.warning("review export: %s", error)
        self.ctx.notify(f"Could not export the review: {error}")


def _slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(p for p in out.split("-") if p) or "rep"


# ----------------------------------------------------------------------------- installing
@dataclass
class ReviewPages:
    """The Scorecard, History and Leaderboard pages and their controllers."""

    scorecard: ScorecardView
    history: HistoryView
    leaderboard: LeaderboardView
    scorecard_controller: ScorecardController
    history_controller: HistoryController
    leaderboard_controller: LeaderboardController


def install_review_pages(app: AppController) -> ReviewPages:
    """Add the full Scorecard page (in place of the plain summary), History (Ctrl+4) and
    Leaderboard (Ctrl+5) to the app's window and wire them. Call before ``app.start()``, so
    the practice page reports to the new scorecard page."""
    from trainer.ui.controllers.history_controller import HistoryController
    from trainer.ui.controllers.leaderboard_controller import LeaderboardController
    from trainer.ui.views.history import HistoryView
    from trainer.ui.views.leaderboard import LeaderboardView

    window, ctx = app.window, app.ctx
    scorecard, history, leaderboard = ScorecardView(), HistoryView(), LeaderboardView()
    app.views.summary = scorecard  # type: ignore[assignment]
    window.add_page("scorecard", "Scorecard", scorecard)
    window.add_page("history", "History", history, position=3)
    window.add_page("leaderboard", "Leaderboard", leaderboard, position=4)
    scorecard_ctl = ScorecardController(ctx, scorecard, show_page=window.show_page)
    history_ctl = HistoryController(ctx, history, open_scorecard=scorecard_ctl.open)
    board_ctl = LeaderboardController(ctx, leaderboard)
    app.session_finished.connect(scorecard_ctl.session_finished)

    stale = {"history": True, "leaderboard": True}

    def refresh(key: str) -> None:
        if ctx.worker.stopped:
            return  # a refresh queued just before the window closed: nothing left to load into
        stale[key] = False
        if key == "history":
            history_ctl.refresh()
        else:
            board_ctl.refresh()

    def on_page(key: str) -> None:
        if key in stale and (stale[key] or ctx.store is not None):
            refresh(key)

    def on_data_changed() -> None:
        for key in stale:
            stale[key] = True
        current = window.current_page()
        if current in stale:
            # Called from worker callbacks: submit on the next turn of the event loop.
            QTimer.singleShot(0, lambda: refresh(current))

    window.page_changed.connect(on_page)
    ctx.on_library.append(on_data_changed)
    app.library_loaded.connect(on_data_changed)
    pages = ReviewPages(scorecard, history, leaderboard, scorecard_ctl, history_ctl, board_ctl)
    app.review_pages = pages  # type: ignore[attr-defined]
    return pages
