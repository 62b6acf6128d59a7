"""Wires the History page: the rep's sessions, the transcript of the selected one and the skill
chart, all read from the store on the core worker thread.

:func:`skill_series` (pure) turns :meth:`Store.rep_history` points into chart lines: for each Do
id either the share of the last few sessions that showed it at a fitting moment, or how many
times each session showed it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from trainer.ui.views.history import HistoryView, SessionRow
from trainer.ui.views.scorecard import ReviewTurn
from trainer.ui.widgets.skill_chart import ChartSeries

if TYPE_CHECKING:
    from trainer.core.store import HistoryPoint, SessionSummary
    from trainer.ui.controllers.app_controller import AppContext

logger = logging.getLogger(__name__)

#: Sessions in the moving window of the "share" chart.
SHARE_WINDOW = 5
#: Skills ticked by default: the most shown ones.
DEFAULT_SKILLS = 4


@dataclass(frozen=True, slots=True)
class HistoryData:
    reps: list[str]
    rep: str
    rows: list[SessionRow]
    points: list[Any]


def skill_series(
    points: Sequence[HistoryPoint], skills: Sequence[str], mode: str, window: int = SHARE_WINDOW
) -> tuple[list[str], list[ChartSeries]]:
    """Chart labels (one per finished session, oldest first) and one line per skill id.

    ``mode`` "share": the share (0..1) of the last ``window`` sessions up to each one that showed
    the skill; "count": how many times each session showed it.
    """
    from trainer.core.rubric import load_rubric

    rubric = load_rubric()
    labels = [p.finished_at.astimezone().strftime("%d %b") for p in points]
    series = []
    for sid in skills:
        counts = [p.shown.get(sid, 0) for p in points]
        if mode == "count":
            values: list[float | None] = [float(c) for c in counts]
        else:
            values = []
            for i in range(len(counts)):
                recent = counts[max(0, i + 1 - window) : i + 1]
                values.append(sum(1 for c in recent if c > 0) / len(recent))
        label = rubric[sid].label if sid in rubric.criteria else sid
        series.append(ChartSeries(label, values))
    return labels, series


def default_skills(points: Sequence[HistoryPoint], n: int = DEFAULT_SKILLS) -> list[str]:
    """The ``n`` Do ids shown in the most sessions (playbook order breaks ties)."""
    from trainer.core.rubric import DO_IDS

    seen = {sid: sum(1 for p in points if p.shown.get(sid)) for sid in DO_IDS}
    ranked = sorted(DO_IDS, key=lambda s: (-seen[s], DO_IDS.index(s)))
    return [s for s in ranked[:n] if seen[s]] or list(DO_IDS[:n])


def session_row(s: SessionSummary) -> SessionRow:
    finished = s.finished_at is not None
    stamp = s.finished_at or s.started_at
    if not finished:
        outcome = "Unfinished"
    elif s.outcome == "abandoned":
        outcome = "Ended early"
    else:
        outcome = (s.outcome or "").replace("_", " ").capitalize()
    return SessionRow(
        session_id=s.session_id,
        when=stamp.astimezone().strftime("%d %b %Y %H:%M"),
        scenario=s.scenario_title or s.scenario,
        outcome=outcome,
        score="" if s.score is None or not finished else f"{round(s.score)}",
        ethics=""
        if s.ethics_pass is None or not finished
        else ("✓ passed" if s.ethics_pass else "✗ failed"),
        finished=finished,
    )


class HistoryController(QObject):
    """Loads the History page and keeps it current."""

    #: The session list was (re)loaded.
    loaded = Signal()
    #: A transcript was shown (session id).
    transcript_shown = Signal(str)

    def __init__(
        self, ctx: AppContext, view: HistoryView, *, open_scorecard: Callable[[str], None]
    ) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self._open_scorecard = open_scorecard
        self.points: list[Any] = []
        self.rep = ""
        self._selected: str | None = None
        view.rep_changed.connect(self.refresh)
        view.refresh_requested.connect(lambda: self.refresh(self.view.current_rep() or None))
        view.session_selected.connect(self.show_transcript)
        view.open_requested.connect(self._open_scorecard)
        view.chart_changed.connect(self.redraw_chart)

    def refresh(self, rep: str | None = None) -> None:
        """Reload the list of reps, the rep's sessions and the chart (``rep``: default the profile)."""
        ctx = self.ctx
        wanted = rep or self.rep or ctx.settings.rep
        scenarios = dict(ctx.scenarios)

        def job() -> HistoryData | None:
            store = ctx.store
            if store is None:
                return None
            everyone = store.list_sessions()
            reps = sorted({s.rep for s in everyone}, key=str.casefold)
            chosen = wanted if wanted in reps else (reps[0] if reps else wanted)
            mine = [s for s in everyone if s.rep == chosen]
            rows = []
            for s in mine:
                row = session_row(s)
                sc = scenarios.get(s.scenario)
                if sc is not None and s.outcome in sc.endings:
                    row = _with_outcome(row, sc.endings[s.outcome].label)
                rows.append(row)
            points = store.rep_history(chosen) if chosen else []
            return HistoryData(reps, chosen, rows, points)

        self.view.set_loading(True)
        ctx.worker.submit(job, self._loaded, self._failed, what="Loading the history")

    def _loaded(self, data: HistoryData | None) -> None:
        self.view.set_loading(False)
        if data is None:
            self.view.set_sessions([])
            return
        self.rep = data.rep
        self.points = data.points
        self.view.set_reps(data.reps, data.rep)
        chosen = set(self.view.chosen_skills()) or set(default_skills(self.points))
        from trainer.core.rubric import DO_IDS, load_rubric

        rubric = load_rubric()
        self.view.set_skills([(sid, rubric[sid].label, sid in chosen) for sid in DO_IDS])
        self.view.set_sessions(data.rows)
        self.redraw_chart()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.view.set_loading(False)
        logger.warning("history: %s", error)
        self.ctx.notify(f"Could not load the history: {error}")

    def redraw_chart(self) -> None:
        mode = self.view.chart_mode()
        labels, series = skill_series(self.points, self.view.chosen_skills(), mode)
        title = (
            f"Share of the last {SHARE_WINDOW} sessions showing each skill"
            if mode == "share"
            else "Times each skill was shown per session"
        )
        self.view.set_chart(labels, series, percent=mode == "share", title=title)

    def show_transcript(self, session_id: str) -> None:
        ctx = self.ctx
        self._selected = session_id
        scenarios = dict(ctx.scenarios)

        def job() -> tuple[str, tuple[ReviewTurn, ...]]:
            from trainer.ui.controllers.scorecard_controller import review_data

            store = ctx.store
            if store is None:
                return session_id, ()
            record = store.get_session(session_id)
            card = store.get_scorecard(session_id)
            return session_id, review_data(record, card, scenarios.get(record.scenario)).turns

        ctx.worker.submit(job, self._transcript, self._failed, what="Loading the transcript")

    def _transcript(self, result: tuple[str, tuple[ReviewTurn, ...]]) -> None:
        session_id, turns = result
        if session_id != self._selected:
            return
        self.view.show_transcript(turns)
        self.transcript_shown.emit(session_id)


def _with_outcome(row: SessionRow, label: str) -> SessionRow:
    return SessionRow(
        row.session_id, row.when, row.scenario, label, row.score, row.ethics, row.finished
    )
