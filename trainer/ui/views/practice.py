"""Practice: the transcript, the moment stepper, the reply box, voice controls and coach hints.

Also :class:`SessionSummaryView`, the plain end-of-session page shown until a full scorecard
page is registered under the same key.

A view only: the controller feeds it plain values and listens to its signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.theme import TitleLabel, avatar_pixmap, current_colors, persona_color


@dataclass(frozen=True, slots=True)
class BuyerInfo:
    persona_id: str
    name: str
    role: str
    company: str
    #: Position in the scenario: picks the avatar colour.
    index: int


@dataclass(frozen=True, slots=True)
class HintItem:
    """One coach hint: a finding on the rep's last reply."""

    polarity: str  # "do" | "avoid"
    label: str
    evidence: str
    explanation: str
    instead: str | None = None


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReplyEdit(QTextEdit):
    """Plain-text reply box: Ctrl+Enter sends, Enter makes a new line, Tab moves focus."""

    submit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            e.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit.emit()
            e.accept()
            return
        super().keyPressEvent(e)


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One line of the transcript as shown: who spoke (a persona id or "rep"), what they said,
    and the label shown above the bubble."""

    speaker: str
    text: str
    label: str


def _html_text(text: str) -> str:
    return _esc(text).replace("\n", "<br>")


class Transcript(QTextBrowser):
    """The conversation as one read-only rich-text document: buyers on the left with their
    avatar, name and role above each bubble; the rep's bubbles on the right.

    Each line is appended as a block at the end of the document, so adding one costs the same
    however long the conversation is (a widget per bubble would re-lay out them all).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.colors = current_colors()
        self._avatars: set[str] = set()

    def clear_lines(self) -> None:
        self.clear()
        self._avatars.clear()
        self.colors = current_colors()

    def append_line(self, line: TranscriptLine, buyer: BuyerInfo | None) -> None:
        c = self.colors
        if buyer is not None:
            key = f"avatar-{buyer.index}-{buyer.persona_id}"
            if key not in self._avatars:
                image = avatar_pixmap(buyer.name, persona_color(buyer.index), 36).toImage()
                self.document().addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(key), image
                )
                self._avatars.add(key)
            html = (
                f"<table width='82%' cellspacing='0' cellpadding='0' style='margin-top:6px'>"
                f"<tr><td width='44' valign='top'><img src='{key}' width='36' height='36'></td>"
                f"<td valign='top'><span style='color:{c.muted}'>{_esc(line.label)}</span>"
                f"<table width='100%' cellspacing='0' cellpadding='8' "
                f"style='background-color:{c.buyer_bubble}; border:1px solid {c.border}'>"
                f"<tr><td>{_html_text(line.text)}</td></tr></table></td></tr></table>"
            )
        else:
            html = (
                f"<table width='78%' align='right' cellspacing='0' cellpadding='0' "
                f"style='margin-top:6px'><tr><td align='right'><b>{_esc(line.label)}</b></td></tr>"
                f"<tr><td><table width='100%' cellspacing='0' cellpadding='8' "
                f"style='background-color:{c.rep_bubble}; border:1px solid {c.border}'>"
                f"<tr><td>{_html_text(line.text)}</td></tr></table></td></tr></table>"
            )
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.document().isEmpty():
            cursor.insertBlock()
        cursor.insertHtml(html)
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())


class _Hint(QFrame):
    def __init__(self, hint: HintItem) -> None:
        super().__init__()
        good = hint.polarity == "do"
        self.setObjectName("hintDo" if good else "hintAvoid")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(3)
        title = QLabel(("✓ Do: " if good else "✗ Avoid: ") + hint.label)
        title.setObjectName("hintDoTitle" if good else "hintAvoidTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        quote = QLabel(f"“{hint.evidence}”")
        quote.setWordWrap(True)
        layout.addWidget(quote)
        why = QLabel(hint.explanation)
        why.setWordWrap(True)
        layout.addWidget(why)
        if hint.instead:
            instead = QLabel(f"<b>Instead:</b> {_esc(hint.instead)}")
            instead.setWordWrap(True)
            layout.addWidget(instead)
        self.setAccessibleName(f"{'Do' if good else 'Avoid'}: {hint.label}")


class PracticeView(QWidget):
    reply_submitted = Signal(str)
    mode_changed = Signal(str)
    replay_requested = Signal()
    stop_requested = Signal()
    mute_toggled = Signal(bool)
    end_requested = Signal()
    scorecard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Practice")
        self._buyers: dict[str, BuyerInfo] = {}
        self._hints: list[HintItem] = []
        self._mode = "coach"
        self._waiting = False
        self._ended = False
        self.bubbles: list[TranscriptLine] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 10)
        outer.setSpacing(8)

        header = QHBoxLayout()
        self.title_label = TitleLabel("No session yet", scale=1.3)
        header.addWidget(self.title_label, 1)
        self.coach_radio = QRadioButton("Coach")
        self.coach_radio.setAccessibleName("Coach mode: hints after each reply")
        self.coach_radio.setToolTip("Show hints after each reply")
        self.exam_radio = QRadioButton("Exam")
        self.exam_radio.setAccessibleName("Exam mode: feedback only at the end")
        self.exam_radio.setToolTip("No hints until the end")
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.coach_radio)
        self._mode_group.addButton(self.exam_radio)
        self.coach_radio.setChecked(True)
        self.coach_radio.toggled.connect(self._on_mode)
        header.addWidget(QLabel("Mode:"))
        header.addWidget(self.coach_radio)
        header.addWidget(self.exam_radio)
        outer.addLayout(header)

        self.stepper = QWidget()
        self.stepper.setAccessibleName("Conversation moments")
        self._stepper_layout = QHBoxLayout(self.stepper)
        self._stepper_layout.setContentsMargins(0, 0, 0, 0)
        self._stepper_layout.setSpacing(14)
        self.steps: dict[str, QLabel] = {}
        self._step_labels: dict[str, str] = {}
        outer.addWidget(self.stepper)

        body = QHBoxLayout()
        body.setSpacing(12)
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        left.setSpacing(6)
        body.addLayout(left, 3)

        self.now_speaking = QLabel("")
        self.now_speaking.setObjectName("nowSpeaking")
        self.now_speaking.setAccessibleName("Now speaking")
        self.now_speaking.setWordWrap(True)  # long roles must not widen the column
        left.addWidget(self.now_speaking)

        self.transcript = Transcript()
        self.transcript.setAccessibleName("Transcript")
        self.transcript.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # readable from the keyboard
        self.transcript.setTabChangesFocus(True)
        left.addWidget(self.transcript, 1)

        self.ended_box = QFrame()
        self.ended_box.setObjectName("banner")
        ended_layout = QHBoxLayout(self.ended_box)
        ended_layout.setContentsMargins(10, 6, 10, 6)
        self.ended_label = QLabel()
        self.ended_label.setWordWrap(True)
        ended_layout.addWidget(self.ended_label, 1)
        self.scorecard_button = QPushButton("See scorecard")
        self.scorecard_button.setAccessibleName("See the scorecard")
        self.scorecard_button.clicked.connect(self.scorecard_requested)
        ended_layout.addWidget(self.scorecard_button)
        self.ended_box.hide()
        left.addWidget(self.ended_box)

        self.reply_edit = ReplyEdit()
        self.reply_edit.setAccessibleName("Your reply")
        self.reply_edit.setPlaceholderText("Type your reply. Ctrl+Enter sends; Enter starts a new line.")
        self.reply_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.reply_edit.submit.connect(self._submit)
        self.reply_edit.textChanged.connect(self._update_send)
        left.addWidget(self.reply_edit)

        controls = QHBoxLayout()
        self.replay_button = QPushButton("Replay")
        self.replay_button.setAccessibleName("Replay the buyer's line (Ctrl+R)")
        self.replay_button.setToolTip("Replay the buyer's last line (Ctrl+R)")
        self.replay_button.clicked.connect(self.replay_requested)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setAccessibleName("Stop the voice (Esc)")
        self.stop_button.setToolTip("Stop speaking (Esc)")
        self.stop_button.clicked.connect(self.stop_requested)
        self.mute_button = QPushButton("Mute")
        self.mute_button.setCheckable(True)
        self.mute_button.setAccessibleName("Mute the buyer's voice (Ctrl+M)")
        self.mute_button.setToolTip("Mute or unmute the voice (Ctrl+M)")
        self.mute_button.toggled.connect(self._on_mute)
        self.end_button = QPushButton("End session")
        self.end_button.setAccessibleName("End the session now (counts as abandoned)")
        self.end_button.setToolTip("Stop here; the session is saved as abandoned")
        self.end_button.clicked.connect(self.end_requested)
        self.send_button = QPushButton("Send")
        self.send_button.setAccessibleName("Send your reply (Ctrl+Enter)")
        self.send_button.setToolTip("Send your reply (Ctrl+Enter)")
        self.send_button.setDefault(True)
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self._submit)
        for b in (self.replay_button, self.stop_button, self.mute_button):
            controls.addWidget(b)
        self.voice_note = QLabel("")
        self.voice_note.setObjectName("muted")
        controls.addWidget(self.voice_note)
        controls.addStretch(1)
        controls.addWidget(self.end_button)
        controls.addWidget(self.send_button)
        left.addLayout(controls)

        right = QVBoxLayout()
        body.addLayout(right, 2)
        right.addWidget(TitleLabel("Coach", scale=1.1))
        self.hint_note = QLabel()
        self.hint_note.setWordWrap(True)
        self.hint_note.setObjectName("muted")
        right.addWidget(self.hint_note)
        self.hints_scroll = QScrollArea()
        self.hints_scroll.setWidgetResizable(True)
        self.hints_scroll.setAccessibleName("Coach hints")
        self.hints_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_hints_width()
        hints_host = QWidget()
        self._hints_layout = QVBoxLayout(hints_host)
        self._hints_layout.setContentsMargins(0, 0, 6, 0)
        self._hints_layout.setSpacing(6)
        self._hints_layout.addStretch(1)
        self.hints_scroll.setWidget(hints_host)
        right.addWidget(self.hints_scroll, 1)
        self.hint_widgets: list[_Hint] = []

        for keys, slot in (
            ("Ctrl+R", self.replay_requested.emit),
            ("Esc", self.stop_requested.emit),
            ("Ctrl+M", self.mute_button.toggle),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        QWidget.setTabOrder(self.coach_radio, self.reply_edit)
        QWidget.setTabOrder(self.reply_edit, self.send_button)
        QWidget.setTabOrder(self.send_button, self.replay_button)
        QWidget.setTabOrder(self.replay_button, self.stop_button)
        QWidget.setTabOrder(self.stop_button, self.mute_button)
        QWidget.setTabOrder(self.mute_button, self.end_button)
        QWidget.setTabOrder(self.end_button, self.transcript)
        self.setFocusProxy(self.reply_edit)
        self._fit_reply_height()
        self._refresh_hint_note()

    # -- setters ---------------------------------------------------------------------------

    def begin(
        self, title: str, buyers: Sequence[BuyerInfo], moments: Sequence[tuple[str, str]]
    ) -> None:
        """Reset the page for a new conversation."""
        self.title_label.setText(title)
        self._buyers = {b.persona_id: b for b in buyers}
        self.bubbles = []
        self.transcript.clear_lines()
        while self._stepper_layout.count():
            item = self._stepper_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.steps = {}
        self._step_labels = dict(moments)
        for moment_id, label in moments:
            step = QLabel(label)
            step.setAccessibleName(f"Moment {label}")
            self.steps[moment_id] = step
            self._stepper_layout.addWidget(step)
        self._stepper_layout.addStretch(1)
        self.set_moment(None, ())
        self._ended = False
        self.ended_box.hide()
        self.reply_edit.setEnabled(True)
        self.reply_edit.clear()
        self.end_button.setEnabled(True)
        self.now_speaking.setText("")
        self.show_hints([])
        self.set_waiting(False)

    def add_buyer_line(self, persona_id: str, text: str) -> None:
        buyer = self._buyers.get(persona_id) or BuyerInfo(persona_id, persona_id, "", "", 0)
        label = f"{buyer.name} · {buyer.role}, {buyer.company}" if buyer.role else buyer.name
        self._add(TranscriptLine(persona_id, text, label), buyer)
        self.set_now_speaking(persona_id)

    def add_rep_line(self, text: str) -> None:
        self._add(TranscriptLine("rep", text, "You"), None)

    def remove_last_rep_line(self) -> bool:
        """Take back the rep's last line (when sending it failed); True when there was one."""
        if not self.bubbles or self.bubbles[-1].speaker != "rep":
            return False
        self.bubbles.pop()
        self._rerender()
        return True

    def set_now_speaking(self, persona_id: str | None) -> None:
        buyer = self._buyers.get(persona_id or "")
        if buyer is None:
            self.now_speaking.setText("")
            return
        self.now_speaking.setText(f"Now speaking: {buyer.name} ({buyer.role}, {buyer.company})")

    def set_moment(self, current: str | None, done: Iterable[str]) -> None:
        done = set(done)
        for moment_id, step in self.steps.items():
            label = self._step_labels[moment_id]
            if moment_id == current:
                name, text, desc = "stepCurrent", f"● {label}", "current moment"
            elif moment_id in done:
                name, text, desc = "stepDone", f"✓ {label}", "done"
            else:
                name, text, desc = "stepTodo", f"○ {label}", "not reached yet"
            if step.objectName() == name and step.text() == text:
                continue  # unchanged: no restyle, no repaint
            step.setObjectName(name)
            step.setText(text)
            step.setAccessibleDescription(desc)
            step.style().unpolish(step)
            step.style().polish(step)

    def show_hints(self, hints: Sequence[HintItem]) -> None:
        """The findings on the rep's last reply; shown only in Coach mode."""
        self._hints = list(hints)
        self._render_hints()

    def set_mode(self, mode: str) -> None:
        (self.exam_radio if mode == "exam" else self.coach_radio).setChecked(True)

    @property
    def mode(self) -> str:
        return self._mode

    def set_waiting(self, waiting: bool) -> None:
        """While a reply is being scored: the send button is off and the box is read-only."""
        self._waiting = waiting
        self.reply_edit.setReadOnly(waiting)
        self._update_send()

    def set_ended(self, text: str) -> None:
        self._ended = True
        self.ended_label.setText(text)
        self.ended_box.show()
        self.reply_edit.setEnabled(False)
        self.end_button.setEnabled(False)
        self._update_send()
        self.scorecard_button.setFocus()

    def set_muted(self, muted: bool) -> None:
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(muted)
        self.mute_button.setText("Unmute" if muted else "Mute")
        self.mute_button.blockSignals(False)

    def set_voice_note(self, text: str, detail: str = "") -> None:
        """A short note beside the voice buttons (e.g. "Silent"); ``detail`` is its tooltip."""
        self.voice_note.setText(text)
        self.voice_note.setToolTip(detail)
        self.voice_note.setAccessibleDescription(detail)

    def clear_reply(self) -> None:
        self.reply_edit.clear()

    # -- internals -------------------------------------------------------------------------

    def _add(self, line: TranscriptLine, buyer: BuyerInfo | None) -> None:
        self.bubbles.append(line)
        self.transcript.append_line(line, buyer)

    def _rerender(self) -> None:
        """Draw the whole transcript again (after a theme change or a removed line)."""
        self.transcript.clear_lines()
        for line in self.bubbles:
            self.transcript.append_line(line, None if line.speaker == "rep" else self._buyers.get(line.speaker))

    def _submit(self) -> None:
        text = self.reply_edit.toPlainText().strip()
        if not text or self._waiting or self._ended:
            return
        self.reply_submitted.emit(text)

    def _update_send(self) -> None:
        has_text = bool(self.reply_edit.toPlainText().strip())
        self.send_button.setEnabled(has_text and not self._waiting and not self._ended)

    def _on_mode(self, coach: bool) -> None:
        self._mode = "coach" if coach else "exam"
        self._render_hints()
        self.mode_changed.emit(self._mode)

    def _on_mute(self, muted: bool) -> None:
        self.mute_button.setText("Unmute" if muted else "Mute")
        self.mute_toggled.emit(muted)

    def _refresh_hint_note(self) -> None:
        if self._mode == "exam":
            self.hint_note.setText("Exam mode: no hints now; the scorecard shows everything at the end.")
        elif not self._hints:
            self.hint_note.setText("After each reply, what worked shows in green and what to avoid in red.")
        else:
            self.hint_note.setText("On your last reply:")

    def _render_hints(self) -> None:
        for w in self.hint_widgets:
            self._hints_layout.removeWidget(w)
            w.deleteLater()
        self.hint_widgets = []
        if self._mode == "coach":
            ordered = sorted(self._hints, key=lambda h: h.polarity != "avoid")
            for hint in ordered:
                w = _Hint(hint)
                self.hint_widgets.append(w)
                self._hints_layout.insertWidget(self._hints_layout.count() - 1, w)
        self._refresh_hint_note()

    def _fit_hints_width(self) -> None:
        # Room for a long criterion name ("Acknowledged the concern") at any text size.
        self.hints_scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)

    def _fit_reply_height(self) -> None:
        lines = 4
        self.reply_edit.setFixedHeight(self.reply_edit.fontMetrics().lineSpacing() * lines + 14)

    def changeEvent(self, e: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self._fit_reply_height()
            self._fit_hints_width()
        elif (
            e.type() == QEvent.Type.PaletteChange
            and self.bubbles
            and self.transcript.colors != current_colors()
        ):
            self._rerender()


class SessionSummaryView(QWidget):
    """A plain end-of-session summary (the full scorecard page can replace it)."""

    again_requested = Signal()
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Session summary")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(10)
        self.title_label = TitleLabel("Scorecard")
        outer.addWidget(self.title_label)
        self.body = QLabel("Finish a practice session to see its scorecard here.")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.again_button = QPushButton("Practise this scenario again")
        self.again_button.setAccessibleName("Practise this scenario again")
        self.again_button.clicked.connect(self.again_requested)
        self.home_button = QPushButton("Back to the library")
        self.home_button.setAccessibleName("Back to the scenario library")
        self.home_button.clicked.connect(self.home_requested)
        row.addStretch(1)
        row.addWidget(self.again_button)
        row.addWidget(self.home_button)
        outer.addLayout(row)
        self.again_button.setEnabled(False)

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
        self.title_label.setText(f"Scorecard — {title}")
        parts = []
        score_text = "—" if score is None else f"{round(score)}"
        parts.append(f"<p style='font-size:large'><b>Score: {score_text} / 100</b></p>")
        if ethics_pass is not None:
            verdict = (
                "✓ Ethics: passed"
                if ethics_pass
                else "✗ Ethics: failed — confirmshaming, pressure or hidden terms were used"
            )
            parts.append(f"<p><b>{_esc(verdict)}</b></p>")
        parts.append(f"<p><b>Outcome:</b> {_esc(outcome)}</p>")
        if debrief:
            parts.append(f"<p>{_esc(debrief)}</p>")
        if checks:
            items = "".join(
                f"<li>{'✓' if ok else '✗'} {_esc(label)}</li>" for label, ok in checks
            )
            parts.append(f"<p><b>Playbook checklist</b></p><ul>{items}</ul>")
        if tips:
            items = "".join(f"<li>{_esc(t)}</li>" for t in tips)
            parts.append(f"<p><b>Tips for next time</b></p><ol>{items}</ol>")
        self.body.setText("".join(parts))
        self.again_button.setEnabled(True)
