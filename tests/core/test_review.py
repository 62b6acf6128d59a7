"""Call reviews: highlights split at every finding boundary, Markdown and HTML stay inert,
and the files are written whole or not at all."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from trainer.core.records import SessionRecord
from trainer.core.review import (
    finding_span,
    finding_tooltip,
    highlight_html,
    highlight_segments,
    md_escape,
    render_review_html,
    render_review_markdown,
    write_text_atomic,
)
from trainer.core.scenario.loader import load_scenario
from trainer.core.session import PracticeSession

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _clock() -> Any:
    ticks = iter(range(10_000))
    return lambda: T0 + timedelta(seconds=next(ticks))


def _play(scenario_id: str, transcript: str, rep: str = "Sam Okafor") -> PracticeSession:
    scenario = load_scenario(ROOT / "scenarios" / f"{scenario_id}.yaml")
    golden = YAML(typ="safe").load((ROOT / "scenarios" / f"{scenario_id}.golden.yaml").read_text())
    replies = next(t["replies"] for t in golden["transcripts"] if t["name"] == transcript)
    session = PracticeSession(scenario, rep=rep, team="East", clock=_clock(), seed=1)
    session.start()
    for reply in replies:
        if session.ended:
            break
        session.reply(reply)
    if not session.ended:
        session.abandon()
    return session


@pytest.fixture(scope="module")
def pushy() -> tuple[SessionRecord, dict[str, Any]]:
    s = _play("smb-inbound", "pushy")
    assert s.scorecard is not None
    return s.record(), s.scorecard.to_dict()


@pytest.fixture(scope="module")
def ideal() -> tuple[SessionRecord, dict[str, Any]]:
    s = _play("smb-inbound", "ideal")
    assert s.scorecard is not None
    return s.record(), s.scorecard.to_dict()


def _f(start: int, end: int, text: str, polarity: str = "do", **kw: Any) -> dict[str, Any]:
    return {
        "criterion": kw.get(
            "criterion", "discovery_question" if polarity == "do" else "pressure_tactics"
        ),
        "label": kw.get("label", "Label"),
        "polarity": polarity,
        "start": start,
        "end": end,
        "evidence": text[start:end],
        "explanation": kw.get("explanation", "Why."),
        "instead": kw.get("instead"),
    }


# ----------------------------------------------------------------------------- segments
def test_segments_split_overlapping_spans_and_keep_every_character() -> None:
    text = "What matters most, and sign today please"
    a = _f(0, 17, text)  # "What matters most"
    b = _f(5, 26, text, "avoid")  # "matters most, and sig"
    segs = highlight_segments(text, [a, b])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, len(s.findings)) for s in segs] == [
        ("What ", 1),
        ("matters most", 2),
        (", and sig", 1),
        ("n today please", 0),
    ]
    assert [s.polarity for s in segs] == ["do", "avoid", "avoid", None]


def test_nested_span_and_bad_offsets_fall_back_to_the_evidence() -> None:
    text = "We could start small and review in March."
    outer = _f(0, len(text) - 1, text)
    inner = _f(9, 20, text, "avoid")
    at = text.index("review")
    moved = dict(_f(at, at + 6, text), start=0, end=6)  # offsets wrong, evidence "review"
    lost = dict(_f(0, 2, text), evidence="not in the text", start=50, end=60)
    assert finding_span(text, moved) == (at, at + 6)
    assert finding_span(text, lost) is None
    segs = highlight_segments(text, [outer, inner, moved, lost])
    assert "".join(s.text for s in segs) == text
    covered = {s.text: len(s.findings) for s in segs}
    assert covered["start small"] == 2 and covered["review"] == 2 and covered["."] == 0


def test_highlight_html_escapes_text_and_tooltip() -> None:
    text = "<script>alert(1)</script> sign today"
    f = _f(26, 36, text, "avoid", explanation='Pushes "now" & <b>', instead="Offer time.")
    out = highlight_html(text, [f])
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert '<mark class="avoid" title="Avoid: Label&#10;' not in out  # newline stays a newline
    assert (
        'title="Avoid: Label\nPushes &quot;now&quot; &amp; &lt;b&gt;\nInstead: Offer time."' in out
    )
    assert ">sign today</mark>" in out
    assert finding_tooltip(_f(0, 4, text)) == "Do: Label\nWhy."


def test_md_escape_neutralises_markdown_and_html() -> None:
    assert (
        md_escape("*bold* [x](y) <img src=x> `c`|")
        == r"\*bold\* \[x\](y) &lt;img src=x&gt; \`c\`\|"
    )


# ----------------------------------------------------------------------------- documents
def test_html_review_of_a_pushy_session(pushy: tuple[SessionRecord, dict[str, Any]]) -> None:
    record, card = pushy
    page = render_review_html(
        record, card, title="SMB inbound", personas={"maeve": "Maeve Donnelly"}
    )
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "http" not in page  # self-contained and inert
    assert "✗ Failed" in page
    assert "Maeve Donnelly" in page
    # Every Avoid finding of the scorecard is highlighted inside the reply, with its instead.
    avoid = [f for t in card["turns"] for f in t["findings"] if f["polarity"] == "avoid"]
    assert avoid
    for t in card["turns"]:
        reply = highlight_html(t["text"], t["findings"])
        assert reply in page
        marked = "".join(
            re.findall(r'<mark class="(?:avoid|both)" title="[^"]*">([^<]*)</mark>', reply)
        )
        for f in t["findings"]:
            if f["polarity"] == "avoid":
                assert html.escape(f["evidence"]) in marked
                assert html.escape(f["instead"], quote=True) in page
    assert "legend" in page
    # The 8 answers, in order.
    prompts = [a["prompt"] for a in card["call_review"]]
    assert len(prompts) == 8
    positions = [page.index(html.escape(p, quote=True)) for p in prompts]
    assert positions == sorted(positions)
    # The checklist says what was not shown.
    assert "Options presented" in page and "not shown" in page


def test_markdown_review_lists_findings_and_answers(
    ideal: tuple[SessionRecord, dict[str, Any]],
) -> None:
    record, card = ideal
    md = render_review_markdown(record, card, title="SMB inbound")
    assert md.startswith("# Call review: SMB inbound")
    assert f"**Score:** {card['score']} / 100" in md
    assert "✓ Passed" in md
    assert md.count("**?") == 0
    for n, a in enumerate(card["call_review"], start=1):
        assert f"{n}. **{md_escape(a['prompt'])}**" in md
    first = next(f for t in card["turns"] for f in t["findings"])
    assert f"**{md_escape(first['evidence'])}**<sup>" in md
    for tip in card["tips"]:
        assert md_escape(tip) in md


def test_hostile_names_stay_inert(pushy: tuple[SessionRecord, dict[str, Any]]) -> None:
    record, card = pushy
    evil = record.model_copy(update={"rep": "<script>alert(1)</script>", "team": '=HYPERLINK("x")'})
    page = render_review_html(evil, card)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    md = render_review_markdown(evil, card)
    assert "<script>" not in md and "&lt;script&gt;" in md


# ----------------------------------------------------------------------------- files
def test_write_text_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    target.write_text("old")
    write_text_atomic(target, "new ✓\n")
    assert target.read_text(encoding="utf-8") == "new ✓\n"
    assert [p.name for p in tmp_path.iterdir()] == ["review.md"]


def test_write_text_atomic_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    target.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(target, "caf\u00e9 \udcff", encoding="ascii")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["review.md"]
