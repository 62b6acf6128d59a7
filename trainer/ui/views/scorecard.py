"""Scorecard: score, outcome, ethics verdict, the conversation with every finding highlighted in
the rep's own words, the playbook checklist, the 8 call-review answers, tips, and exports.

A view only: the controller hands it a :class:`ReviewData` of plain values and listens to its
signals. The highlighted conversation is rich text in a :class:`HighlightBrowser`, which shows
each highlight's explanation (and, for Avoid findings, what to say instead) as a tooltip; the
list beside it says the same in words, so nothing is only available by pointing.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.theme import Colors, TitleLabel, current_colors

Finding = Mapping[str, Any]


def _e(value: Any) -> str:
    return html.escape(str(value), quote=False)


@dataclass(frozen=True, slots=True)
class ReviewTurn:
    """One line of the conversation as the scorecard shows it."""

    index: int
    speaker: str  # "buyer" | "rep"
    who: str
    moment: str
    text: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class ReviewData:
    """Everything the scorecard page shows about one session (plain values)."""

    session_id: str
    title: str
    rep: str
    team: str
    when: str
    scorecard: Mapping[str, Any]
    turns: tuple[ReviewTurn, ...]
    #: (label, shown at turns) per Do id of the rubric, in playbook order.
    do_checklist: tuple[tuple[str, tuple[int, ...], str], ...] = ()
    can_export: bool = True
    extra: dict[str, str] = field(default_factory=dict)


class HighlightBrowser(QTextBrowser):
    """A read-only rich-text pane whose highlighted runs show their ``title`` as a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def tooltip_at(self, pos: Any) -> str:
        cursor = self.cursorForPosition(pos)
        return cursor.charFormat().toolTip()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def doc_css(c: Colors) -> str:
    return f"""
span.do {{ background-color: {c.do_bg}; color: {c.do_fg}; font-weight: bold; }}
span.avoid {{ background-color: {c.avoid_bg}; color: {c.avoid_fg}; font-weight: bold; }}
span.both {{ background-color: {c.avoid_bg}; color: {c.avoid_fg}; font-weight: bold;
    text-decoration: underline; }}
.who {{ font-weight: bold; }}
.muted {{ color: {c.muted}; }}
.ok {{ color: {c.do_fg}; font-weight: bold; }}
.no {{ color: {c.avoid_fg}; font-weight: bold; }}
a {{ color: {c.accent}; }}
"""


class ScorecardView(QWidget):
    """The scorecard page. ``set_summary`` gives the headline as soon as a session ends;
    ``show_review`` fills in everything else."""

    again_requested = Signal()
    home_requested = Signal()
    #: "html" or "md".
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Scorecard")
        self.data: ReviewData | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 12)
        outer.setSpacing(8)
        self.title_label = TitleLabel("Scorecard")
        outer.addWidget(self.title_label)

        self.body = QLabel(
            "Finish a practice session, or open one from History, to see its scorecard here."
        )
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAccessibleName("Score, outcome and ethics verdict")
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(self.body)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Scorecard sections")
        self.tabs.setDocumentMode(True)

        # Conversation: highlighted replies | findings in words
        self.transcript = HighlightBrowser()
        self.transcript.setAccessibleName("Conversation with highlighted findings")
        self.findings = HighlightBrowser()
        self.findings.setAccessibleName(
            "Findings, with evidence, explanation and what to say instead"
        )
        self.findings.anchorClicked.connect(self._go_to_turn)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.transcript)
        self.split.addWidget(self.findings)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        self.tabs.addTab(self.split, "&Conversation")

        self.checklist = HighlightBrowser()
        self.checklist.setAccessibleName("Playbook checklist")
        self.tabs.addTab(self.checklist, "C&hecklist")
        self.answers = HighlightBrowser()
        self.answers.setAccessibleName("Call review answers")
        self.tabs.addTab(self.answers, "Call &review")
        self.tips = HighlightBrowser()
        self.tips.setAccessibleName("Tips for next time")
        self.tabs.addTab(self.tips, "&Debrief and tips")
        outer.addWidget(self.tabs, 1)

        row = QHBoxLayout()
        self.export_html_button = QPushButton("Export review as &HTML…")
        self.export_html_button.setAccessibleName("Export the call review as an HTML page")
        self.export_html_button.clicked.connect(lambda: self.export_requested.emit("html"))
        self.export_md_button = QPushButton("Export as &Markdown…")
        self.export_md_button.setAccessibleName("Export the call review as Markdown")
        self.export_md_button.clicked.connect(lambda: self.export_requested.emit("md"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Exporting")
        self.busy.hide()
        self.again_button = QPushButton("&Practise again")
        self.again_button.setAccessibleName("Practise this scenario again")
        self.again_button.clicked.connect(self.again_requested)
        self.home_button = QPushButton("&Library")
        self.home_button.setAccessibleName("Back to the scenario library")
        self.home_button.clicked.connect(self.home_requested)
        row.addWidget(self.export_html_button)
        row.addWidget(self.export_md_button)
        row.addWidget(self.busy)
        row.addStretch(1)
        row.addWidget(self.again_button)
        row.addWidget(self.home_button)
        outer.addLayout(row)
        self.again_button.setEnabled(False)
        self._set_export_enabled(False)
        self._apply_css()
        self._show_placeholders()

    # ----------------------------------------------------------------- filling in
    def set_summary(
        self,
        *,
        title: str,
        score: int | float | None,
        ethics_pass: bool | None,
        outcome: str,
        debrief: str,
        checks: Sequence[tuple[str, bool]] = (),
        tips: Sequence[str] = (),
    ) -> None:
        """The headline of a session that just ended (the full review follows)."""
        self.title_label.setText(f"Scorecard: {title}")
        self.body.setText(_headline(score, ethics_pass, outcome))
        self.again_button.setEnabled(True)
        self.tips.setHtml(_tips_html(tips, debrief))

    def show_review(self, data: ReviewData) -> None:
        self.data = data
        card = data.scorecard
        outcome = card.get("outcome") or {}
        self.title_label.setText(f"Scorecard: {data.title}")
        who = f"{data.rep} ({data.team})" if data.team else data.rep
        self.body.setText(
            _headline(card.get("score"), card.get("ethics_pass"), outcome.get("label", ""))
            + f" <span style='color:{current_colors().muted}'>· {_e(who)} · {_e(data.when)}</span>"
        )
        self._render()
        self.again_button.setEnabled(True)
        self._set_export_enabled(data.can_export)
        self.split.setSizes([600, 400])

    def set_exporting(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self._set_export_enabled(not busy and self.data is not None and self.data.can_export)

    def _set_export_enabled(self, on: bool) -> None:
        self.export_html_button.setEnabled(on)
        self.export_md_button.setEnabled(on)

    # ----------------------------------------------------------------- rendering
    def _apply_css(self) -> None:
        css = doc_css(current_colors())
        for pane in (self.transcript, self.findings, self.checklist, self.answers, self.tips):
            pane.document().setDefaultStyleSheet(css)

    def _show_placeholders(self) -> None:
        self.transcript.setHtml("<p class='muted'>The conversation appears here.</p>")
        self.findings.setHtml("<p class='muted'>Each finding is explained here.</p>")
        self.checklist.setHtml("<p class='muted'>The playbook checklist appears here.</p>")
        self.answers.setHtml("<p class='muted'>The call-review answers appear here.</p>")
        self.tips.setHtml("<p class='muted'>Tips for next time appear here.</p>")

    def _render(self) -> None:
        data = self.data
        if data is None:
            return
        self._apply_css()
        self.transcript.setHtml(self.transcript_html())
        self.findings.setHtml(self.findings_html())
        self.checklist.setHtml(self.checklist_html())
        self.answers.setHtml(self.answers_html())
        outcome = data.scorecard.get("outcome") or {}
        tips = [str(t) for t in data.scorecard.get("tips") or []]
        self.tips.setHtml(_tips_html(tips, str(outcome.get("debrief") or "")))

    def transcript_html(self) -> str:
        from trainer.core.review import highlight_html

        data = self.data
        if data is None:
            return ""
        parts = [
            "<p class='muted'>Legend: <span class='do'>&nbsp;green&nbsp;</span> a playbook step shown · "
            "<span class='avoid'>&nbsp;red&nbsp;</span> something to avoid. Point at a highlight, "
            "or read the list beside, for why.</p>"
        ]
        for t in data.turns:
            moment = f" · {_e(t.moment)}" if t.moment else ""
            head = f"<a name='turn{t.index}'></a><span class='who'>{_e(t.who)}</span><span class='muted'>{moment} · turn {t.index}</span>"
            body = (
                highlight_html(t.text, t.findings, tag="span") if t.speaker == "rep" else _e(t.text)
            )
            indent = "margin-left:24px;" if t.speaker == "rep" else "margin-right:24px;"
            parts.append(f"<p style='{indent}'>{head}<br>{body}</p>")
        return "".join(parts)

    def findings_html(self) -> str:
        data = self.data
        if data is None:
            return ""
        items = []
        for t in data.turns:
            for f in t.findings:
                avoid = f.get("polarity") == "avoid"
                kind = (
                    "<span class='no'>✗ Avoid</span>" if avoid else "<span class='ok'>✓ Do</span>"
                )
                text = (
                    f"<p>{kind}: <b>{_e(f.get('label') or f.get('criterion'))}</b> "
                    f"<a href='#turn{t.index}'>turn {t.index}</a><br>"
                    f"<span class='{'avoid' if avoid else 'do'}'>“{_e(f.get('evidence', ''))}”</span><br>"
                    f"{_e(f.get('explanation') or '')}"
                )
                if avoid and f.get("instead"):
                    text += f"<br><i>Instead:</i> {_e(f['instead'])}"
                items.append(text + "</p>")
        if not items:
            return "<p class='muted'>No findings: none of the replies matched the rubric.</p>"
        return "".join(items)

    def checklist_html(self) -> str:
        data = self.data
        if data is None:
            return ""
        card = data.scorecard
        parts = ["<h3>Stage exit checks</h3><ul>"]
        for c in card.get("stage_exit_checks") or []:
            if c.get("passed"):
                ev = f" <span class='muted'>turn {_e(c.get('turn'))}: “{_e(c.get('evidence') or '')}”</span>"
                parts.append(f"<li><span class='ok'>✓</span> {_e(c.get('label', ''))}{ev}</li>")
            else:
                parts.append(
                    f"<li><span class='no'>✗</span> {_e(c.get('label', ''))} <span class='muted'>not shown</span></li>"
                )
        parts.append("</ul><h3>Playbook steps</h3><ul>")
        for label, turns, evidence in data.do_checklist:
            if turns:
                at = ", ".join(str(i) for i in turns)
                parts.append(
                    f"<li><span class='ok'>✓</span> {_e(label)} <span class='muted'>turn {_e(at)}: “{_e(evidence)}”</span></li>"
                )
            else:
                parts.append(
                    f"<li><span class='no'>✗</span> {_e(label)} <span class='muted'>not shown</span></li>"
                )
        parts.append("</ul>")
        breaches = card.get("ethics_breaches") or []
        if breaches:
            parts.append("<h3>Ethics breaches</h3><ul>")
            for b in breaches:
                parts.append(
                    f"<li><span class='no'>✗</span> turn {_e(b.get('turn'))}: <b>{_e(b.get('label', ''))}</b> “{_e(b.get('evidence', ''))}”</li>"
                )
            parts.append("</ul>")
        return "".join(parts)

    def answers_html(self) -> str:
        data = self.data
        if data is None:
            return ""
        parts = []
        for n, a in enumerate(data.scorecard.get("call_review") or [], start=1):
            parts.append(
                f"<p><b>{n}. {_e(a.get('prompt', ''))}</b><br>{_e(a.get('answer', ''))}</p>"
            )
        return "".join(parts) or "<p class='muted'>No call review for this session.</p>"

    def _go_to_turn(self, url: QUrl) -> None:
        anchor = url.fragment() or url.toString().lstrip("#")
        if anchor:
            self.tabs.setCurrentWidget(self.split)
            self.transcript.scrollToAnchor(anchor)

    def changeEvent(self, e: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(e)
        if e.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_css()
            if self.data is not None:
                self._render()


def _headline(score: Any, ethics_pass: bool | None, outcome: str) -> str:
    c = current_colors()
    score_text = "—" if not isinstance(score, (int, float)) else f"{round(score)}"
    parts = [f"<span style='font-size:x-large'><b>Score: {score_text} / 100</b></span>"]
    if ethics_pass is not None:
        if ethics_pass:
            parts.append(f"&nbsp;&nbsp;<b style='color:{c.do_fg}'>✓ Ethics: passed</b>")
        else:
            parts.append(
                f"&nbsp;&nbsp;<b style='color:{c.avoid_fg}'>✗ Ethics: failed</b> "
                "(confirmshaming, pressure or hidden terms fail a session whatever its points)"
            )
    text = "".join(parts)
    text += f"<br><b>Outcome:</b> {_e(outcome)}"
    return text


def _tips_html(tips: Sequence[str], debrief: str = "") -> str:
    text = f"<h3>Debrief</h3><p>{_e(debrief)}</p>" if debrief else ""
    if not tips:
        return text + "<p class='muted'>No tips for this session.</p>"
    return (
        text
        + "<h3>Tips for next time</h3><ol>"
        + "".join(f"<li>{_e(t)}</li>" for t in tips)
        + "</ol>"
    )
