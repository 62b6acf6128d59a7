"""Leaderboard: the store's boards (default, most improved, skills, streaks) with team and
scenario filters, and exports as CSV, JSON, Markdown or HTML.

A view only: the controller gives it column headings and rows of display text; every cell is a
plain-text item, so a name like ``<script>`` or ``=HYPERLINK(...)`` is shown as typed and never
run. The view reports filter changes and export requests through signals.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.theme import TitleLabel

#: Board key -> label, in the order the picker lists them.
BOARDS: dict[str, str] = {
    "default": "Best clean scores",
    "improved": "Most improved",
    "skills": "Skills per session",
    "streaks": "Practice streaks",
}
#: Export format key -> label.
EXPORT_FORMATS: dict[str, str] = {
    "csv": "CSV (spreadsheet)",
    "json": "JSON",
    "md": "Markdown",
    "html": "HTML page",
}
ALL = ""


class LeaderboardView(QWidget):
    #: The board or a filter changed.
    filters_changed = Signal()
    refresh_requested = Signal()
    #: Export the board as it is filtered now, in this format.
    export_requested = Signal(str)
    #: Merge session packs or another trainer data file into this one.
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Leaderboard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 12)
        outer.setSpacing(8)
        outer.addWidget(TitleLabel("Leaderboard"))

        filters = QHBoxLayout()
        self.board_combo = self._combo("&Board:", "Board", filters)
        for key, label in BOARDS.items():
            self.board_combo.addItem(label, key)
        self.team_combo = self._combo("&Team:", "Team filter", filters)
        self.scenario_combo = self._combo("&Scenario:", "Scenario filter", filters)
        self.set_filter_choices([], [])
        filters.addStretch(1)
        self.refresh_button = QPushButton("Re&fresh")
        self.refresh_button.setAccessibleName("Refresh the board")
        self.refresh_button.clicked.connect(self.refresh_requested)
        filters.addWidget(self.refresh_button)
        outer.addLayout(filters)
        for combo in (self.board_combo, self.team_combo, self.scenario_combo):
            combo.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())

        self.note = QLabel("")
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        outer.addWidget(self.note)

        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName("Board rows")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        outer.addWidget(self.table, 1)

        row = QHBoxLayout()
        fmt_label = QLabel("E&xport as:")
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("Export format")
        for key, label in EXPORT_FORMATS.items():
            self.format_combo.addItem(label, key)
        fmt_label.setBuddy(self.format_combo)
        self.export_button = QPushButton("&Export…")
        self.export_button.setAccessibleName("Export the board as shown")
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.export_format()))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        row.addWidget(fmt_label)
        row.addWidget(self.format_combo)
        row.addWidget(self.export_button)
        row.addWidget(self.busy)
        row.addStretch(1)
        self.import_button = QPushButton("&Import results…")
        self.import_button.setAccessibleName("Import session packs or another trainer data file")
        self.import_button.setToolTip(
            "Merge your team's session packs (.jsonl) or data files into this board. "
            "Sessions already here are skipped; a bad file changes nothing."
        )
        self.import_button.clicked.connect(self.import_requested)
        row.addWidget(self.import_button)
        outer.addLayout(row)

    def _combo(self, text: str, name: str, layout: QHBoxLayout) -> QComboBox:
        label = QLabel(text)
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(combo)
        layout.addWidget(label)
        layout.addWidget(combo)
        return combo

    # ----------------------------------------------------------------- filters
    def set_filter_choices(
        self, teams: Sequence[str], scenarios: Sequence[tuple[str, str]]
    ) -> None:
        """Teams by name; scenarios as (id, title). Keeps the current choice when still offered."""
        for combo, items, all_label in (
            (self.team_combo, [(t, t or "(no team)") for t in teams], "All teams"),
            (self.scenario_combo, list(scenarios), "All scenarios"),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_label, ALL)
            for key, label in items:
                combo.addItem(label, key)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def board(self) -> str:
        return str(self.board_combo.currentData())

    def team(self) -> str | None:
        value = self.team_combo.currentData()
        return None if value in (None, ALL) else str(value)

    def scenario(self) -> str | None:
        value = self.scenario_combo.currentData()
        return None if value in (None, ALL) else str(value)

    def export_format(self) -> str:
        return str(self.format_combo.currentData())

    # ----------------------------------------------------------------- rows
    def set_rows(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        numeric: Sequence[bool] = (),
        tooltips: Sequence[str] = (),
        note: str = "",
    ) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headings))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(list(headings))
        for c, tip in enumerate(tooltips):
            header_item = self.table.horizontalHeaderItem(c)
            if header_item is not None and tip:
                header_item.setToolTip(tip)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text, never rich text or a formula
                if c < len(numeric) and numeric[c]:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        if "Rep" in headings and len(headings) <= 8:
            header.setSectionResizeMode(list(headings).index("Rep"), QHeaderView.ResizeMode.Stretch)
        self.note.setText(note)
        self.export_button.setEnabled(True)

    def cell_texts(self) -> list[list[str]]:
        out = []
        for r in range(self.table.rowCount()):
            row = []
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                row.append(item.text() if item is not None else "")
            out.append(row)
        return out

    def set_loading(self, loading: bool) -> None:
        self.busy.setVisible(loading)
        self.refresh_button.setEnabled(not loading)

    def set_exporting(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.export_button.setEnabled(not busy)

    def set_importing(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.import_button.setEnabled(not busy)
