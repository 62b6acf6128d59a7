"""History: a rep's past sessions, the transcript of the one selected, and their skills over time.

A view only: the controller gives it :class:`SessionRow` lines, a transcript as
:class:`~trainer.ui.views.scorecard.ReviewTurn` values, and chart data; the view reports what the
user picks through signals. Enter (or double-click) on a session opens its scorecard.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.theme import TitleLabel, current_colors
from trainer.ui.views.scorecard import HighlightBrowser, ReviewTurn, doc_css
from trainer.ui.widgets.skill_chart import ChartSeries, SkillChart

_ID_ROLE = Qt.ItemDataRole.UserRole

#: Chart modes: key -> label.
CHART_MODES: dict[str, str] = {
    "share": "Share of the last 5 sessions showing each skill",
    "count": "Times each skill was shown, per session",
}


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One line of the session list (plain values)."""

    session_id: str
    when: str
    scenario: str
    outcome: str
    score: str
    ethics: str
    finished: bool


class _SessionTable(QTableWidget):
    """Enter opens the selected session's scorecard."""

    activated_row = Signal(int)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            return
        super().keyPressEvent(e)


class HistoryView(QWidget):
    rep_changed = Signal(str)
    #: The selected session changed (session id).
    session_selected = Signal(str)
    #: Open the scorecard of a session (session id).
    open_requested = Signal(str)
    refresh_requested = Signal()
    #: The chart mode or the chosen skills changed.
    chart_changed = Signal()

    COLUMNS = ("Finished", "Scenario", "Outcome", "Score", "Ethics")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("History")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 12)
        outer.setSpacing(8)
        outer.addWidget(TitleLabel("History"))

        top = QHBoxLayout()
        rep_label = QLabel("R&ep:")
        self.rep_combo = QComboBox()
        self.rep_combo.setAccessibleName("Rep")
        self.rep_combo.setMinimumContentsLength(14)
        rep_label.setBuddy(self.rep_combo)
        self.rep_combo.currentTextChanged.connect(self._on_rep)
        self.status = QLabel("")
        self.status.setObjectName("muted")
        self.refresh_button = QPushButton("Re&fresh")
        self.refresh_button.setAccessibleName("Refresh the history")
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.open_button = QPushButton("&Open scorecard")
        self.open_button.setAccessibleName("Open the scorecard of the selected session")
        self.open_button.clicked.connect(self._open_current)
        self.open_button.setEnabled(False)
        top.addWidget(rep_label)
        top.addWidget(self.rep_combo)
        top.addWidget(self.status, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)
        outer.addLayout(top)

        self.table = _SessionTable(0, len(self.COLUMNS))
        self.table.setAccessibleName("Past sessions")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._on_row(row))
        self.table.activated_row.connect(self._open_row)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))

        self.transcript = HighlightBrowser()
        self.transcript.setAccessibleName("Transcript of the selected session")

        chart_page = QWidget()
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(0, 6, 0, 0)
        mode_row = QHBoxLayout()
        mode_label = QLabel("&Show:")
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName("Chart shows")
        for key, label in CHART_MODES.items():
            self.mode_combo.addItem(label, key)
        mode_label.setBuddy(self.mode_combo)
        self.mode_combo.currentIndexChanged.connect(lambda _i: self.chart_changed.emit())
        mode_row.addWidget(mode_label)
        mode_row.addWidget(self.mode_combo, 1)
        chart_layout.addLayout(mode_row)
        chart_row = QSplitter(Qt.Orientation.Horizontal)
        self.chart = SkillChart()
        self.skill_list = QListWidget()
        self.skill_list.setAccessibleName("Skills drawn on the chart (Space toggles)")
        self.skill_list.itemChanged.connect(lambda _item: self.chart_changed.emit())
        chart_row.addWidget(self.chart)
        chart_row.addWidget(self.skill_list)
        chart_row.setStretchFactor(0, 3)
        chart_row.setStretchFactor(1, 1)
        chart_row.setChildrenCollapsible(False)
        self.chart_row = chart_row
        chart_layout.addWidget(chart_row, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Session details")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.transcript, "&Transcript")
        self.tabs.addTab(chart_page, "S&kills over time")

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.table)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([440, 760])
        outer.addWidget(self.split, 1)
        self._rows: list[SessionRow] = []
        self._turns: list[ReviewTurn] = []
        self._apply_css()
        self.transcript.setHtml("<p class='muted'>Select a session to read its transcript.</p>")

    # ----------------------------------------------------------------- filling in
    def set_reps(self, reps: Sequence[str], current: str) -> None:
        self.rep_combo.blockSignals(True)
        self.rep_combo.clear()
        self.rep_combo.addItems(list(reps))
        if current in reps:
            self.rep_combo.setCurrentText(current)
        self.rep_combo.blockSignals(False)

    def current_rep(self) -> str:
        return self.rep_combo.currentText()

    def set_loading(self, loading: bool) -> None:
        self.status.setText("Loading…" if loading else self.status.text().replace("Loading…", ""))
        self.refresh_button.setEnabled(not loading)

    def set_sessions(self, rows: Sequence[SessionRow]) -> None:
        self._rows = list(rows)
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row.when, row.scenario, row.outcome, row.score, row.ethics)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text, never rich text
                item.setToolTip(value)
                item.setData(_ID_ROLE, row.session_id)
                if c in (3,):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        n = len(rows)
        self.status.setText(f"{n} session{'s' if n != 1 else ''}" if n else "No sessions yet.")
        self.open_button.setEnabled(False)
        if rows:
            self.table.setCurrentCell(0, 0)
            self._on_row(0)
        else:
            self.transcript.setHtml(
                "<p class='muted'>No sessions yet: practise a scenario first.</p>"
            )

    def session_ids(self) -> list[str]:
        return [r.session_id for r in self._rows]

    def select_session(self, session_id: str) -> None:
        for r, row in enumerate(self._rows):
            if row.session_id == session_id:
                self.table.setCurrentCell(r, 0)
                return

    def show_transcript(self, turns: Sequence[ReviewTurn]) -> None:
        self._turns = list(turns)
        self._apply_css()
        self.transcript.setHtml(self.transcript_html())

    def transcript_html(self) -> str:
        from trainer.core.review import highlight_html

        parts = []
        for t in self._turns:
            moment = f" · {html.escape(t.moment)}" if t.moment else ""
            body = (
                highlight_html(t.text, t.findings, tag="span")
                if t.speaker == "rep"
                else html.escape(t.text)
            )
            indent = "margin-left:24px;" if t.speaker == "rep" else "margin-right:24px;"
            parts.append(
                f"<p style='{indent}'><span class='who'>{html.escape(t.who)}</span>"
                f"<span class='muted'>{moment}</span><br>{body}</p>"
            )
        return "".join(parts) or "<p class='muted'>This session has no turns.</p>"

    def set_skills(self, skills: Sequence[tuple[str, str, bool]]) -> None:
        """(id, label, checked) per skill the chart can draw."""
        self.skill_list.blockSignals(True)
        self.skill_list.clear()
        for sid, label, checked in skills:
            item = QListWidgetItem(label)
            item.setData(_ID_ROLE, sid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.skill_list.addItem(item)
        self.skill_list.blockSignals(False)
        fm = self.skill_list.fontMetrics()
        widest = max((fm.horizontalAdvance(label) for _sid, label, _c in skills), default=120)
        self.skill_list.setMinimumWidth(min(widest + fm.height() * 3, 420))

    def chosen_skills(self) -> list[str]:
        out = []
        for i in range(self.skill_list.count()):
            item = self.skill_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(_ID_ROLE)))
        return out

    def chart_mode(self) -> str:
        return str(self.mode_combo.currentData())

    def set_chart(
        self, labels: Sequence[str], series: Sequence[ChartSeries], *, percent: bool, title: str
    ) -> None:
        self.chart.set_data(
            labels, series, y_max=1.0 if percent else None, percent=percent, title=title
        )

    # ----------------------------------------------------------------- events
    def _on_rep(self, rep: str) -> None:
        if rep:
            self.rep_changed.emit(rep)

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.open_button.setEnabled(self._rows[row].finished)
            self.session_selected.emit(self._rows[row].session_id)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._rows) and self._rows[row].finished:
            self.open_requested.emit(self._rows[row].session_id)

    def _open_current(self) -> None:
        self._open_row(self.table.currentRow())

    def _apply_css(self) -> None:
        self.transcript.document().setDefaultStyleSheet(doc_css(current_colors()))

    def changeEvent(self, e: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(e)
        if (
            e.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
            and self._turns
        ):
            self.show_transcript(self._turns)
