"""Home: the rep's profile, the scenario library as cards, and a banner to resume a session.

A view only: it shows what the controller gives it (:class:`ScenarioCard`, :class:`ResumeOffer`)
and reports what the rep asks for through signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.theme import TitleLabel, avatar_pixmap, persona_color


@dataclass(frozen=True, slots=True)
class ScenarioCard:
    """What one library card shows."""

    scenario_id: str
    title: str
    summary: str
    difficulty: str
    #: (name, role, company) per buyer, in scenario order.
    personas: Sequence[tuple[str, str, str]]
    #: Moment labels in playbook order.
    moments: Sequence[str]
    best: int | None = None
    last: int | None = None
    sessions: int = 0


@dataclass(frozen=True, slots=True)
class ResumeOffer:
    """An interrupted session the rep can resume or close."""

    session_id: str
    title: str
    started: str
    replies: int
    more: int = 0
    extra: dict[str, str] = field(default_factory=dict)


class _Card(QFrame):
    def __init__(self, card: ScenarioCard, on_start: Signal) -> None:
        super().__init__()
        self.setObjectName("card")
        self.scenario_id = card.scenario_id
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)

        layout.addWidget(TitleLabel(card.title, scale=1.15))
        meta = QLabel(f"{card.difficulty.capitalize()} · {len(card.personas)} buyer"
                      f"{'s' if len(card.personas) != 1 else ''}")
        meta.setObjectName("muted")
        layout.addWidget(meta)
        for index, (name, role, company) in enumerate(card.personas):
            row = QHBoxLayout()
            avatar = QLabel()
            avatar.setPixmap(avatar_pixmap(name, persona_color(index), 28))
            avatar.setFixedSize(30, 30)
            row.addWidget(avatar)
            who = QLabel(f"<b>{_esc(name)}</b> — {_esc(role)}, {_esc(company)}")
            who.setWordWrap(True)
            row.addWidget(who, 1)
            layout.addLayout(row)
        summary = QLabel(_shorten(card.summary, 220))
        summary.setToolTip(card.summary)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        moments = QLabel("Moments: " + ", ".join(card.moments))
        moments.setWordWrap(True)
        moments.setObjectName("muted")
        layout.addWidget(moments)

        layout.addStretch(1)  # cards in a row share a height: the slack goes above the buttons
        bottom = QHBoxLayout()
        self.score_label = QLabel(_score_text(card))
        self.score_label.setWordWrap(True)
        bottom.addWidget(self.score_label, 1)
        self.start_button = QPushButton("Practice")
        self.start_button.setAccessibleName(f"Practice {card.title}")
        self.start_button.setToolTip(f"Start a practice session: {card.title}")
        self.start_button.clicked.connect(lambda: on_start.emit(card.scenario_id))
        bottom.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _score_text(card: ScenarioCard) -> str:
    if card.sessions == 0:
        return "Not practised yet"
    best = "—" if card.best is None else str(card.best)
    last = "—" if card.last is None else str(card.last)
    return f"Best {best} · Last {last} · {card.sessions} session{'s' if card.sessions != 1 else ''}"


class HomeView(QWidget):
    start_requested = Signal(str)
    resume_requested = Signal(str)
    abandon_requested = Signal(str)
    edit_profile_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Home")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)

        top = QHBoxLayout()
        top.addWidget(TitleLabel("Scenario library"), 1)
        self.profile_label = QLabel("No profile yet")
        self.profile_label.setAccessibleName("Your profile")
        top.addWidget(self.profile_label)
        self.edit_profile_button = QPushButton("Edit profile…")
        self.edit_profile_button.setAccessibleName("Edit profile")
        self.edit_profile_button.clicked.connect(self.edit_profile_requested)
        top.addWidget(self.edit_profile_button)
        outer.addLayout(top)

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        banner_layout.addWidget(self.banner_label, 1)
        self.resume_button = QPushButton("Resume")
        self.resume_button.setAccessibleName("Resume the unfinished session")
        self.abandon_button = QPushButton("Close as abandoned")
        self.abandon_button.setAccessibleName("Close the unfinished session as abandoned")
        banner_layout.addWidget(self.resume_button)
        banner_layout.addWidget(self.abandon_button)
        self.banner.hide()
        self._offer: ResumeOffer | None = None
        self.resume_button.clicked.connect(self._resume)
        self.abandon_button.clicked.connect(self._abandon)
        outer.addWidget(self.banner)

        self.loading = QWidget()
        loading_layout = QHBoxLayout(self.loading)
        loading_layout.setContentsMargins(0, 0, 0, 0)
        self.loading_label = QLabel("Loading scenarios…")
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setMaximumWidth(160)
        bar.setAccessibleName("Loading")
        loading_layout.addWidget(self.loading_label)
        loading_layout.addWidget(bar)
        loading_layout.addStretch(1)
        outer.addWidget(self.loading)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setObjectName("muted")
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label.hide()
        outer.addWidget(self.problems_label)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._grid_host = QWidget()
        host_layout = QVBoxLayout(self._grid_host)
        host_layout.setContentsMargins(0, 0, 4, 0)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        host_layout.addLayout(self._grid)
        host_layout.addStretch(1)
        self.scroll.setWidget(self._grid_host)
        outer.addWidget(self.scroll, 1)
        self.empty_label = QLabel("No scenarios found.")
        self.empty_label.hide()
        outer.addWidget(self.empty_label)

        self.cards: list[_Card] = []
        self._columns = 0

    # -- setters ---------------------------------------------------------------------------

    def set_profile(self, rep: str, team: str) -> None:
        if rep:
            self.profile_label.setText(f"<b>{_esc(rep)}</b>" + (f" · {_esc(team)}" if team else ""))
        else:
            self.profile_label.setText("No profile yet")

    def set_loading(self, loading: bool, text: str = "Loading scenarios…") -> None:
        self.loading_label.setText(text)
        self.loading.setVisible(loading)

    def set_cards(self, cards: Sequence[ScenarioCard]) -> None:
        """Show ``cards``; when the same scenarios are already shown only their scores change."""
        if [c.scenario_id for c in cards] == [c.scenario_id for c in self.cards]:
            for widget, card in zip(self.cards, cards, strict=True):
                widget.score_label.setText(_score_text(card))
            return
        for card in self.cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        self.cards = [_Card(c, self.start_requested) for c in cards]
        self.empty_label.setVisible(not self.cards)
        self._columns = 0
        self._relayout()

    def set_problems(self, problems: Sequence[str]) -> None:
        if problems:
            shown = "<br>".join(_esc(p) for p in problems[:5])
            more = f"<br>… and {len(problems) - 5} more" if len(problems) > 5 else ""
            self.problems_label.setText(f"Some scenario files could not be loaded:<br>{shown}{more}")
        self.problems_label.setVisible(bool(problems))

    def set_resume_offer(self, offer: ResumeOffer | None) -> None:
        self._offer = offer
        if offer is None:
            self.banner.hide()
            return
        more = f" ({offer.more} more unfinished)" if offer.more else ""
        self.banner_label.setText(
            f"<b>Unfinished session:</b> {_esc(offer.title)}, started {_esc(offer.started)}, "
            f"{offer.replies} repl{'ies' if offer.replies != 1 else 'y'} so far.{more}"
        )
        self.banner.show()

    def card(self, scenario_id: str) -> _Card:
        for card in self.cards:
            if card.scenario_id == scenario_id:
                return card
        raise KeyError(scenario_id)

    # -- internals -------------------------------------------------------------------------

    def _resume(self) -> None:
        if self._offer is not None:
            self.resume_requested.emit(self._offer.session_id)

    def _abandon(self) -> None:
        if self._offer is not None:
            self.abandon_requested.emit(self._offer.session_id)

    def _relayout(self) -> None:
        em = self.fontMetrics().averageCharWidth()
        width = self.scroll.viewport().width() or self.width()
        columns = max(1, min(3, width // max(1, em * 55)))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self._grid.addWidget(card, i // columns, i % columns)
        for c in range(3):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)
        # Tab order follows reading order: left to right, then down.
        buttons = [c.start_button for c in self.cards]
        for a, b in zip(buttons, buttons[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._columns = 0
            self._relayout()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._relayout()
