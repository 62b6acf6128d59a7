"""Wires the Leaderboard page: boards and filter choices come from the store on the core worker
thread; exports render the board as filtered now and write it (write-then-rename) on a pool
thread, with a busy indicator meanwhile."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog

from trainer.ui.controllers.scorecard_controller import ask_save_path, run_in_pool
from trainer.ui.views.leaderboard import BOARDS, LeaderboardView

if TYPE_CHECKING:
    from trainer.core.store.boards import BoardRow
    from trainer.ui.controllers.app_controller import AppContext

logger = logging.getLogger(__name__)

HEADINGS: dict[str, str] = {
    "rank": "Rank",
    "rep": "Rep",
    "team": "Team",
    "sessions": "Sessions",
    "clean_sessions": "Clean sessions",
    "best_score": "Best clean score",
    "recent_avg": "Recent average",
    "ethics_pass_rate": "Ethics pass rate",
    "first_avg": "First 3 average",
    "last_avg": "Last 3 average",
    "improvement": "Improvement",
    "days_practised": "Days practised",
    "current_streak": "Current streak",
    "longest_streak": "Longest streak",
    "last_day": "Last day",
}

NOTES: dict[str, str] = {
    "default": "Ranked by best clean score, then the average of the last 5 clean sessions. "
    "Sessions that failed on ethics never rank; reps without a clean session are listed last.",
    "improved": "Reps with at least 6 clean sessions: the average of the last 3 minus the first 3.",
    "skills": "Per finished session: how often each playbook step was shown where it fits, "
    "and how often each thing to avoid came up.",
    "streaks": "Days in a row with at least one finished session.",
}

FILE_FILTERS: dict[str, tuple[str, str]] = {
    "csv": ("CSV (*.csv)", ".csv"),
    "json": ("JSON (*.json)", ".json"),
    "md": ("Markdown (*.md)", ".md"),
    "html": ("HTML page (*.html)", ".html"),
}


def board_columns(board: str) -> tuple[str, ...]:
    from trainer.core.store.boards import ImprovedRow, LeaderRow, SkillsRow, StreakRow

    return {
        "default": LeaderRow.COLUMNS,
        "improved": ImprovedRow.COLUMNS,
        "skills": SkillsRow.COLUMNS,
        "streaks": StreakRow.COLUMNS,
    }[board]


@dataclass(frozen=True, slots=True)
class BoardData:
    board: str
    team: str | None
    scenario: str | None
    columns: tuple[str, ...]
    rows: list[Any]
    teams: list[str]
    scenarios: list[tuple[str, str]]


class LeaderboardController(QObject):
    """Loads boards for the Leaderboard page and exports them."""

    loaded = Signal()
    exported = Signal(str)
    #: An import finished: (imported, skipped).
    imported = Signal(int, int)

    def __init__(
        self, ctx: AppContext, view: LeaderboardView, *, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self._pool = pool
        self.data: BoardData | None = None
        self._request = 0
        view.filters_changed.connect(self.refresh)
        view.refresh_requested.connect(self.refresh)
        view.export_requested.connect(self.export)
        view.import_requested.connect(self.import_files)

    # ----------------------------------------------------------------- loading
    def refresh(self) -> None:
        ctx = self.ctx
        board, team, scenario = self.view.board(), self.view.team(), self.view.scenario()
        titles = {sid: sc.title for sid, sc in ctx.scenarios.items()}
        self._request += 1
        request = self._request

        def job() -> tuple[int, BoardData | None]:
            store = ctx.store
            if store is None:
                return request, None
            rows = list(store.board(board, team=team, scenario=scenario))
            sessions = store.list_sessions()
            teams = sorted({s.team for s in sessions}, key=str.casefold)
            played = sorted({s.scenario for s in sessions})
            scenarios = [(sid, titles.get(sid, sid)) for sid in played]
            return request, BoardData(
                board, team, scenario, board_columns(board), rows, teams, scenarios
            )

        self.view.set_loading(True)
        ctx.set_status_busy(True, "Loading the board…")
        ctx.worker.submit(job, self._loaded, self._failed, what="Loading the board")

    def _loaded(self, result: tuple[int, BoardData | None]) -> None:
        self.view.set_loading(False)
        self.ctx.set_status_busy(False)
        request, data = result
        if request != self._request:
            return  # a newer filter choice is on its way
        if data is None:
            self.view.set_rows([], [], note="No data file is open, so there is no board to show.")
            return
        self.data = data
        self.view.set_filter_choices(data.teams, data.scenarios)
        headings, cells, numeric, tips = _table(data.columns, data.rows)
        self.view.set_rows(headings, cells, numeric=numeric, tooltips=tips, note=_note(data))
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.view.set_loading(False)
        self.ctx.set_status_busy(False)
        logger.warning("leaderboard: %s", error)
        self.ctx.notify(f"Could not load the board: {error}")

    # ----------------------------------------------------------------- export
    def export(self, fmt: str) -> None:
        if fmt not in FILE_FILTERS:
            return
        board, team, scenario = self.view.board(), self.view.team(), self.view.scenario()
        filter_text, suffix = FILE_FILTERS[fmt]
        suggested = f"leaderboard-{board}{'-' + _slug(team) if team else ''}{suffix}"
        path = ask_save_path(self.view, "Export the board", suggested, filter_text, suffix)
        if path is None:
            return
        ctx = self.ctx
        title = BOARDS[board] + (f" - {team}" if team else "")

        def fetch() -> tuple[list[BoardRow], dict[str, list[float]] | None]:
            store = ctx.store
            if store is None:
                raise RuntimeError("no data file is open")
            rows = list(store.board(board, team=team, scenario=scenario))
            trends = None
            if fmt == "html" and board in ("default", "improved"):
                reps = [str(r.as_dict()["rep"]) for r in rows]
                trends = store.trends(reps, team=team, scenario=scenario)
            return rows, trends

        def write(fetched: tuple[list[BoardRow], dict[str, list[float]] | None]) -> None:
            rows, trends = fetched

            def job() -> str:
                from trainer.core.review import write_text_atomic
                from trainer.core.store import render_board

                text = render_board(
                    rows, fmt, columns=board_columns(board), title=title, trends=trends
                )
                write_text_atomic(path, text)
                return str(path)

            run_in_pool(job, self._exported, self._export_failed, self._pool)

        self.view.set_exporting(True)
        ctx.set_status_busy(True, "Exporting the board…")
        ctx.worker.submit(fetch, write, self._export_failed, what="Exporting the board")

    # ----------------------------------------------------------------- import
    def import_files(self) -> None:
        """Merge session packs or trainer data files the user picks (one transaction)."""
        names, _chosen = QFileDialog.getOpenFileNames(
            self.view,
            "Import session packs or trainer data files",
            "",
            "Session packs and data files (*.jsonl *.json *.db *.sqlite);;All files (*)",
        )
        if not names:
            return
        ctx = self.ctx
        paths = [Path(n) for n in names]

        def job() -> tuple[int, int]:
            store = ctx.store
            if store is None:
                raise RuntimeError("no data file is open")
            report = store.import_paths(paths)
            return report.imported, report.skipped

        self.view.set_importing(True)
        ctx.set_status_busy(True, "Importing sessions…")
        ctx.worker.submit(job, self._imported, self._import_failed, what="Importing sessions")

    def _imported(self, counts: tuple[int, int]) -> None:
        self.view.set_importing(False)
        self.ctx.set_status_busy(False)
        imported, skipped = counts
        self.ctx.notify(
            f"Imported {imported} session{'s' if imported != 1 else ''}"
            + (f"; {skipped} were already here" if skipped else "")
            + "."
        )
        self.imported.emit(imported, skipped)
        self.ctx.library_changed()  # the library's scores, History and this board

    def _import_failed(self, error: BaseException) -> None:
        self.view.set_importing(False)
        self.ctx.set_status_busy(False)
        logger.warning("import: %s", error)
        self.ctx.notify(f"Nothing was imported: {error}")

    def _exported(self, path: str) -> None:
        self.view.set_exporting(False)
        self.ctx.set_status_busy(False)
        self.ctx.notify(f"Board saved to {path}")
        self.exported.emit(path)

    def _export_failed(self, error: BaseException) -> None:
        self.view.set_exporting(False)
        self.ctx.set_status_busy(False)
        logger.warning("board export: %s", error)
        self.ctx.notify(f"Could not export the board: {error}")


def _table(
    columns: Sequence[str], rows: Sequence[Any]
) -> tuple[list[str], list[list[str]], list[bool], list[str]]:
    from trainer.core.rubric import load_rubric
    from trainer.core.store.exports import display

    rubric = load_rubric()
    headings, tips = [], []
    for c in columns:
        crit = rubric.criteria.get(c)
        if crit is not None:
            headings.append(("✓ " if crit.polarity == "do" else "✗ ") + crit.label)
            tips.append(f"{'Do' if crit.polarity == 'do' else 'Avoid'}: {crit.explanation}")
        else:
            headings.append(HEADINGS.get(c, c))
            tips.append("")
    dicts = [r.as_dict() for r in rows]
    cells = [[display(c, d.get(c)) for c in columns] for d in dicts]
    numeric = [
        any(isinstance(d.get(c), (int, float)) and not isinstance(d.get(c), bool) for d in dicts)
        for c in columns
    ]
    return headings, cells, numeric, tips


def _note(data: BoardData) -> str:
    n = len(data.rows)
    base = NOTES.get(data.board, "")
    if n == 0:
        return "No finished sessions match these filters yet. " + base
    return f"{n} rep{'s' if n != 1 else ''}. {base}"


def _slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(p for p in out.split("-") if p) or "team"
