"""The scorecard page of a finished session: highlighted evidence, ethics verdict, checklist,
the 8 answers, tooltips, and the call review exported through the real buttons."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from trainer.core.store import Store
from trainer.ui.views.scorecard import ReviewData, ReviewTurn, ScorecardView

# With the fake scorer: a discovery question (Do) and "sign today" (Avoid, ethics).
PUSHY = [
    "What would a good month look like? Honestly you should sign today.",
    "What else? Sign today and it's done.",
    "What should we do next?",
    "What else matters to you here?",
    "What questions do you still have?",
    "What now?",
]


def _play(h: Any, replies: list[str]) -> None:
    h.qtbot.mouseClick(h.views.home.card("mini").start_button, Qt.MouseButton.LeftButton)
    h.settle()
    for reply in replies:
        if h.controller.practice.ended:
            break
        h.type_and_send(reply)
    if not h.controller.practice.ended:
        h.controller.practice.end_session()
    h.settle()


@pytest.fixture
def finished(make_app: Any) -> Any:
    h = make_app()
    _play(h, PUSHY)
    pages = h.controller.review_pages
    h.qtbot.waitUntil(lambda: pages.scorecard.data is not None, timeout=10000)
    return h


def test_scorecard_highlights_evidence_and_shows_ethics_verdict(finished: Any) -> None:
    h = finished
    view: ScorecardView = h.controller.review_pages.scorecard
    assert h.views.summary is view
    data = view.data
    assert data is not None and data.session_id == h.controller.practice.session_id
    card = data.scorecard
    assert card["ethics_pass"] is False
    assert "✗ Ethics: failed" in view.body.text()
    assert f"Score: {card['score']} / 100" in view.body.text()
    page = view.transcript_html()
    # The evidence sits inside a highlight span of the rep's own reply, Avoid in red class.
    assert '<span class="avoid" title="Avoid: Pressure tactics' in page
    assert ">sign today</span>" in page
    assert '<span class="do" title="Do: Discovery question' in page
    # Buyer lines are there with the persona's name, and every rep reply.
    assert "Dana Reyes" in page
    # The findings list repeats each finding with its evidence, explanation and instead.
    findings = view.findings_html()
    assert "“sign today”" in findings
    assert "Pushes a deadline on the buyer." in findings
    assert "Instead:</i> Say there is no deadline" in findings
    # Checklist and the 8 call-review answers.
    assert "not shown" in view.checklist_html()
    answers = view.answers_html()
    assert answers.count("<p><b>") == 8
    assert "What did the buyer push back on" in answers
    # Tabs are reachable, and the rendered document keeps the highlight's explanation as a tooltip.
    doc = view.transcript.document()
    cursor = doc.find("sign today")
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    assert "Pushes a deadline" in cursor.charFormat().toolTip()


def test_tooltip_shows_over_a_highlight(finished: Any) -> None:
    view = finished.controller.review_pages.scorecard
    finished.window.show_page("scorecard")
    browser = view.transcript
    found = browser.document().find("sign today")
    inside = QTextCursor(found)
    inside.setPosition(found.selectionStart() + 2)
    assert "Pushes a deadline" in browser.tooltip_at(browser.cursorRect(inside).center())
    legend = browser.document().find("Legend")
    plain = QTextCursor(legend)
    plain.setPosition(legend.selectionStart() + 2)
    assert browser.tooltip_at(browser.cursorRect(plain).center()) == ""


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_export_review_writes_the_file_in_the_background(
    finished: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    h = finished
    view = h.controller.review_pages.scorecard
    target = tmp_path / "out" / "review"  # no suffix: the format's is added
    target.parent.mkdir()
    asked: list[tuple[Any, ...]] = []

    def fake_dialog(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    ctl = h.controller.review_pages.scorecard_controller
    button = view.export_html_button if fmt == "html" else view.export_md_button
    assert button.isEnabled()
    with h.qtbot.waitSignal(ctl.exported, timeout=10000) as blocker:
        h.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    written = Path(blocker.args[0])
    assert written == target.with_name("review." + fmt) and asked
    text = written.read_text(encoding="utf-8")
    assert [p.name for p in written.parent.iterdir()] == [written.name]  # no temp file left
    assert button.isEnabled() and not view.busy.isVisible()
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        assert '<mark class="avoid"' in text and ">sign today</mark>" in text
        assert html.escape("Sam Okafor") in text
    else:
        assert text.startswith("# Call review: Mini renewal check-in")
        assert "**sign today**<sup>" in text
    assert "What did the buyer push back on" in text


def test_cancelled_export_writes_nothing(
    finished: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    view = finished.controller.review_pages.scorecard
    finished.qtbot.mouseClick(view.export_md_button, Qt.MouseButton.LeftButton)
    finished.settle()
    assert not view.busy.isVisible() and view.export_md_button.isEnabled()


def test_scorecard_from_the_store_matches_what_was_saved(finished: Any) -> None:
    h = finished
    session_id = h.controller.practice.session_id
    h.controller.shutdown()
    with Store.open(h.db_path) as store:
        saved = store.get_scorecard(session_id)
    assert saved == h.controller.review_pages.scorecard.data.scorecard


def test_hostile_text_is_shown_not_run(qtbot: Any) -> None:
    view = ScorecardView()
    qtbot.addWidget(view)
    text = '<script>alert(1)</script> =HYPERLINK("http://x") sign today'
    start = text.index("sign today")
    finding = {
        "criterion": "pressure_tactics",
        "label": "Pressure tactics",
        "polarity": "avoid",
        "start": start,
        "end": start + 10,
        "evidence": "sign today",
        "explanation": "<b>bold?</b>",
        "instead": "Offer time.",
    }
    card = {
        "score": 0,
        "ethics_pass": False,
        "outcome": {"label": "<i>Walked</i>", "debrief": ""},
        "stage_exit_checks": [],
        "call_review": [],
        "tips": ["<img src=x>"],
    }
    view.show_review(
        ReviewData(
            "00000000-0000-4000-8000-000000000000",
            "T",
            "<script>rep</script>",
            "",
            "today",
            card,
            (ReviewTurn(1, "rep", "<script>rep</script>", "Discovery", text, (finding,)),),
        )
    )
    assert "<script>" not in view.transcript_html() and "&lt;script&gt;" in view.transcript_html()
    assert "<b>bold?</b>" not in view.findings_html()
    assert "<i>Walked</i>" not in view.body.text()
    plain = view.transcript.toPlainText()
    assert "<script>alert(1)</script>" in plain  # shown as typed
    assert "=HYPERLINK" in plain
