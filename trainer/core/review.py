"""The call review of one session as a Markdown document or a self-contained HTML page.

A manager reads it to coach a rep: the score, the outcome and the ethics verdict, the playbook
checklist (what was shown and what was not), the whole conversation with every finding
highlighted inside the rep's own words, the eight call-review answers and the tips.

Everything here is plain Python over a :class:`~trainer.core.records.SessionRecord` and the
scorecard dict the store keeps (:meth:`trainer.core.scorecard.Scorecard.to_dict`). Every value a
person typed (rep and team names, replies) is treated as hostile: the HTML page escapes all of
it, the Markdown escapes its syntax characters and angle brackets.

:func:`highlight_segments` splits a reply at every finding boundary, so overlapping findings
each keep their exact span; the desktop app's scorecard page uses it too.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from trainer.core.files import write_text_atomic
from trainer.core.records import SessionRecord
from trainer.core.rubric import DO_IDS, load_rubric

logger = logging.getLogger(__name__)

__all__ = ["render_review_html", "render_review_markdown", "write_text_atomic"]

Finding = Mapping[str, Any]




# ----------------------------------------------------------------------------- highlights
@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a reply's text covered by the same findings (none for plain text)."""

    start: int
    end: int
    text: str
    findings: tuple[Finding, ...]

    @property
    def polarity(self) -> str | None:
        """``"avoid"`` when any covering finding is an Avoid one, else ``"do"``, else None."""
        if not self.findings:
            return None
        if any(f.get("polarity") == "avoid" for f in self.findings):
            return "avoid"
        return "do"


def finding_span(text: str, finding: Finding) -> tuple[int, int] | None:
    """The finding's ``[start:end]`` inside ``text``, or None when it does not fit.

    When the offsets do not match the evidence (a reply edited by hand in a pack), the first
    occurrence of the evidence is used instead.
    """
    start, end = finding.get("start"), finding.get("end")
    evidence = str(finding.get("evidence") or "")
    if (
        isinstance(start, int)
        and isinstance(end, int)
        and 0 <= start < end <= len(text)
        and (not evidence or text[start:end] == evidence)
    ):
        return start, end
    if evidence:
        at = text.find(evidence)
        if at >= 0:
            return at, at + len(evidence)
    return None


def highlight_segments(text: str, findings: Sequence[Finding]) -> list[Segment]:
    """Split ``text`` at every finding boundary; each segment lists the findings covering it.

    Overlapping findings are handled: the overlap is its own segment carrying both. Findings
    whose span does not fit the text are left out (they are still listed beside the reply).
    """
    spans = []
    for f in findings:
        span = finding_span(text, f)
        if span is not None:
            spans.append((span[0], span[1], f))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        covering = tuple(f for s, e, f in spans if s <= a and b <= e)
        segments.append(Segment(a, b, text[a:b], covering))
    return segments


def finding_tooltip(finding: Finding) -> str:
    """What the highlight says when pointed at: label, explanation and (Avoid) what to say instead."""
    label = str(finding.get("label") or finding.get("criterion") or "")
    kind = "Avoid" if finding.get("polarity") == "avoid" else "Do"
    parts = [f"{kind}: {label}"]
    if finding.get("explanation"):
        parts.append(str(finding["explanation"]))
    if finding.get("polarity") == "avoid" and finding.get("instead"):
        parts.append(f"Instead: {finding['instead']}")
    return "\n".join(parts)


# ----------------------------------------------------------------------------- the content
@dataclass(frozen=True, slots=True)
class _Turn:
    index: int
    speaker: str
    who: str
    moment: str
    text: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class _DoItem:
    label: str
    turns: tuple[int, ...]
    evidence: str


def _turns(
    record: SessionRecord, scorecard: Mapping[str, Any], personas: Mapping[str, str]
) -> list[_Turn]:
    """The conversation; rep turns carry the scorecard's findings (with explanations)."""
    rubric = load_rubric()
    by_index: dict[int, list[Finding]] = {}
    for t in scorecard.get("turns") or []:
        if isinstance(t, Mapping) and isinstance(t.get("index"), int):
            by_index[t["index"]] = [f for f in t.get("findings") or [] if isinstance(f, Mapping)]
    out = []
    for turn in record.turns:
        if turn.speaker == "rep":
            findings: list[Finding] = list(by_index.get(turn.index, []))
            if not findings and turn.findings:
                for f in turn.findings:
                    crit = rubric.criteria.get(f.criterion)
                    findings.append(
                        {
                            **f.model_dump(),
                            "label": crit.label if crit else f.criterion,
                            "explanation": crit.explanation if crit else "",
                            "instead": crit.instead if crit else None,
                        }
                    )
            who = record.rep
        else:
            findings = []
            who = personas.get(turn.persona or "", turn.persona or "Buyer")
        out.append(
            _Turn(turn.index, turn.speaker, who, turn.moment or "", turn.text, tuple(findings))
        )
    return out


def _do_checklist(turns: Sequence[_Turn]) -> list[_DoItem]:
    rubric = load_rubric()
    items = []
    for cid in DO_IDS:
        hits = [(t, f) for t in turns for f in t.findings if f.get("criterion") == cid]
        items.append(
            _DoItem(
                label=rubric[cid].label,
                turns=tuple(dict.fromkeys(t.index for t, _ in hits)),
                evidence=str(hits[0][1].get("evidence") or "") if hits else "",
            )
        )
    return items


def _moment_label(moment: str) -> str:
    m = load_rubric().moments.get(moment)
    return m.label if m else moment


def _verdict(scorecard: Mapping[str, Any], record: SessionRecord) -> tuple[bool, str]:
    ethics = bool(scorecard.get("ethics_pass", record.ethics_pass))
    if ethics:
        return True, "Passed: no confirmshaming, pressure or hidden terms."
    return False, "Failed: this session fails whatever its points."


def _score(scorecard: Mapping[str, Any], record: SessionRecord) -> str:
    value = scorecard.get("score", record.score)
    if isinstance(value, (int, float)):
        return f"{round(value)}"
    return "—"


def _when(record: SessionRecord) -> str:
    stamp = record.finished_at or record.started_at
    return stamp.strftime("%d %b %Y %H:%M %z")


def _outcome(scorecard: Mapping[str, Any], record: SessionRecord) -> tuple[str, str]:
    outcome = scorecard.get("outcome")
    if isinstance(outcome, Mapping):
        return str(outcome.get("label") or record.outcome), str(outcome.get("debrief") or "")
    return record.outcome, ""


def _list_of_maps(scorecard: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    return [x for x in scorecard.get(key) or [] if isinstance(x, Mapping)]


# ----------------------------------------------------------------------------- Markdown
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")


def md_escape(text: str) -> str:
    """Plain text safe inside Markdown: syntax characters escaped, angle brackets as entities."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_inline(text: str) -> str:
    """Like :func:`md_escape` but keeps the spaces at both ends (line breaks become spaces)."""
    text = re.sub(r"\s", " ", str(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_highlight(text: str, findings: Sequence[Finding]) -> str:
    """The reply with each highlighted run in bold, followed by the numbers of its findings."""
    numbers = {id(f): n for n, f in enumerate(findings, start=1)}
    out = []
    for seg in highlight_segments(text, findings):
        core = seg.text.strip()
        if not seg.findings or not core:
            out.append(_md_inline(seg.text))
            continue
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        trail = seg.text[len(seg.text.rstrip()) :]
        marks = ",".join(str(numbers[id(f)]) for f in seg.findings)
        out.append(f"{_md_inline(lead)}**{_md_inline(core)}**<sup>{marks}</sup>{_md_inline(trail)}")
    return " ".join("".join(out).split())


def render_review_markdown(
    record: SessionRecord,
    scorecard: Mapping[str, Any],
    *,
    title: str | None = None,
    personas: Mapping[str, str] | None = None,
) -> str:
    """The call review as Markdown. ``title`` is the scenario's title (default: its id);
    ``personas`` maps persona ids to display names."""
    personas = personas or {}
    turns = _turns(record, scorecard, personas)
    name = title or record.scenario
    ok, verdict = _verdict(scorecard, record)
    outcome, debrief = _outcome(scorecard, record)
    lines = [
        f"# Call review: {md_escape(name)}",
        "",
        f"- **Rep:** {md_escape(record.rep)}"
        + (f" ({md_escape(record.team)})" if record.team else ""),
        f"- **When:** {md_escape(_when(record))}",
        f"- **Score:** {_score(scorecard, record)} / 100",
        f"- **Outcome:** {md_escape(outcome)}",
        f"- **Ethics:** {'✓' if ok else '✗'} {md_escape(verdict)}",
        f"- **Scenario:** {md_escape(record.scenario)} v{md_escape(record.scenario_version)}, "
        f"rubric {md_escape(record.rubric_version)}",
        "",
    ]
    if debrief:
        lines += [f"> {md_escape(debrief)}", ""]
    breaches = _list_of_maps(scorecard, "ethics_breaches")
    if breaches:
        lines += ["## Ethics breaches", ""]
        for b in breaches:
            lines.append(
                f"- Turn {b.get('turn')}: **{md_escape(str(b.get('label', '')))}**: "
                f"“{md_escape(str(b.get('evidence', '')))}”"
            )
        lines.append("")

    lines += ["## Playbook checklist", ""]
    for c in _list_of_maps(scorecard, "stage_exit_checks"):
        mark = "✓" if c.get("passed") else "✗"
        where = (
            f" (turn {c.get('turn')}: “{md_escape(str(c.get('evidence') or ''))}”)"
            if c.get("passed") and c.get("turn") is not None
            else " (not shown)"
            if not c.get("passed")
            else ""
        )
        lines.append(f"- {mark} {md_escape(str(c.get('label', '')))}{where}")
    lines += ["", "What the rep showed, by playbook step:", ""]
    for item in _do_checklist(turns):
        if item.turns:
            at = ", ".join(str(i) for i in item.turns)
            lines.append(f"- ✓ {md_escape(item.label)}: turn {at}, “{md_escape(item.evidence)}”")
        else:
            lines.append(f"- ✗ {md_escape(item.label)}: not shown")
    lines.append("")

    lines += [
        "## Conversation",
        "",
        "Highlighted words are findings: the number points to the list under the reply.",
        "",
    ]
    for t in turns:
        moment = md_escape(_moment_label(t.moment)) if t.moment else ""
        head = f"**{md_escape(t.who)}**" + (f" · {moment}" if moment else "") + f" · turn {t.index}"
        if t.speaker != "rep":
            lines += [head, "", f"> {md_escape(t.text)}", ""]
            continue
        lines += [head, "", f"> {_md_highlight(t.text, t.findings)}", ""]
        for n, f in enumerate(t.findings, start=1):
            kind = "Avoid" if f.get("polarity") == "avoid" else "Do"
            entry = (
                f"{n}. {kind}: **{md_escape(str(f.get('label') or f.get('criterion')))}**, "
                f"“{md_escape(str(f.get('evidence', '')))}”. {md_escape(str(f.get('explanation') or ''))}"
            )
            if f.get("polarity") == "avoid" and f.get("instead"):
                entry += f" *Instead:* {md_escape(str(f['instead']))}"
            lines.append(entry.rstrip())
        if t.findings:
            lines.append("")

    lines += ["## Call review", ""]
    for n, a in enumerate(_list_of_maps(scorecard, "call_review"), start=1):
        lines += [
            f"{n}. **{md_escape(str(a.get('prompt', '')))}**",
            f"   {md_escape(str(a.get('answer', '')))}",
        ]
    lines.append("")
    tips = [str(t) for t in scorecard.get("tips") or []]
    if tips:
        lines += ["## Tips for next time", ""]
        lines += [f"{n}. {md_escape(t)}" for n, t in enumerate(tips, start=1)]
        lines.append("")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- HTML
def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def highlight_html(text: str, findings: Sequence[Finding], *, tag: str = "mark") -> str:
    """The reply as escaped HTML, each finding's run wrapped in ``<tag class="do|avoid|both">``
    with the explanation as its ``title`` (the tooltip)."""
    out = []
    for seg in highlight_segments(text, findings):
        body = _e(seg.text)
        if not seg.findings:
            out.append(body)
            continue
        kinds = {f.get("polarity") for f in seg.findings}
        cls = "both" if kinds == {"do", "avoid"} else seg.polarity
        tip = "\n\n".join(finding_tooltip(f) for f in seg.findings)
        out.append(f'<{tag} class="{cls}" title="{_e(tip)}">{body}</{tag}>')
    return "".join(out)


_CSS = """
:root { color-scheme: light dark; --fg:#1b1d21; --bg:#ffffff; --muted:#4f5661; --line:#c9cdd3;
  --do-bg:#d8f0db; --do-fg:#1b5e20; --avoid-bg:#fbdcdc; --avoid-fg:#a4161a; --buyer:#f4f5f7;
  --rep:#e8f1fb; }
@media (prefers-color-scheme: dark) { :root { --fg:#eceff3; --bg:#1e2126; --muted:#b3bac4;
  --line:#49505a; --do-bg:#1f3b24; --do-fg:#a5e0ad; --avoid-bg:#4a2325; --avoid-fg:#ffb3b3;
  --buyer:#272b31; --rep:#23405f; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); } .muted { color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.summary div { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; }
.big { font-size: 1.5rem; font-weight: bold; }
.pass { color: var(--do-fg); font-weight: bold; } .fail { color: var(--avoid-fg); font-weight: bold; }
mark { color: inherit; border-radius: 3px; padding: 0 2px; }
mark.do { background: var(--do-bg); border-bottom: 2px solid var(--do-fg); }
mark.avoid { background: var(--avoid-bg); border-bottom: 2px solid var(--avoid-fg); }
mark.both { background: var(--avoid-bg); border-bottom: 2px dashed var(--do-fg); }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; }
.turn { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem; margin: .6rem 0; }
.turn.buyer { background: var(--buyer); } .turn.rep { background: var(--rep); }
.who { font-weight: bold; } .findings { margin: .4rem 0 0; }
.findings li.do::marker { color: var(--do-fg); } .findings li.avoid::marker { color: var(--avoid-fg); }
.instead { font-style: italic; }
ul.check { list-style: none; padding-left: 0; } ul.check li { margin: .2rem 0; }
.ok { color: var(--do-fg); font-weight: bold; } .no { color: var(--avoid-fg); font-weight: bold; }
dt { font-weight: bold; margin-top: .8rem; } dd { margin-left: 1.5rem; }
"""


def _finding_item(f: Finding) -> str:
    kind = "avoid" if f.get("polarity") == "avoid" else "do"
    label = _e(f.get("label") or f.get("criterion") or "")
    parts = [
        f'<li class="{kind}"><b>{"Avoid" if kind == "avoid" else "Do"}: {label}</b> ',
        f"“{_e(f.get('evidence', ''))}”. ",
        _e(f.get("explanation") or ""),
    ]
    if kind == "avoid" and f.get("instead"):
        parts.append(f' <span class="instead">Instead: {_e(f["instead"])}</span>')
    parts.append("</li>")
    return "".join(parts)


def render_review_html(
    record: SessionRecord,
    scorecard: Mapping[str, Any],
    *,
    title: str | None = None,
    personas: Mapping[str, str] | None = None,
) -> str:
    """The call review as one self-contained HTML page (inline style, no scripts, no links)."""
    personas = personas or {}
    turns = _turns(record, scorecard, personas)
    name = title or record.scenario
    ok, verdict = _verdict(scorecard, record)
    outcome, debrief = _outcome(scorecard, record)
    team = f" ({_e(record.team)})" if record.team else ""
    p: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Call review: {_e(name)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Call review: {_e(name)}</h1>",
        f'<p class="meta">{_e(record.rep)}{team} · {_e(_when(record))} · scenario '
        f"{_e(record.scenario)} v{_e(record.scenario_version)} · rubric {_e(record.rubric_version)}</p>",
        '<div class="summary">',
        f'<div>Score<br><span class="big">{_e(_score(scorecard, record))} / 100</span></div>',
        f"<div>Outcome<br><b>{_e(outcome)}</b></div>",
        f'<div>Ethics<br><span class="{"pass" if ok else "fail"}">{"✓" if ok else "✗"} '
        f"{_e(verdict)}</span></div>",
        "</div>",
    ]
    if debrief:
        p.append(f"<p>{_e(debrief)}</p>")
    breaches = _list_of_maps(scorecard, "ethics_breaches")
    if breaches:
        p.append("<h2>Ethics breaches</h2><ul>")
        for b in breaches:
            p.append(
                f"<li>Turn {_e(b.get('turn'))}: <b>{_e(b.get('label', ''))}</b>: "
                f"“{_e(b.get('evidence', ''))}”</li>"
            )
        p.append("</ul>")

    p.append('<h2>Playbook checklist</h2><ul class="check">')
    for c in _list_of_maps(scorecard, "stage_exit_checks"):
        if c.get("passed"):
            where = (
                f' <span class="muted">turn {_e(c.get("turn"))}: “{_e(c.get("evidence") or "")}”</span>'
                if c.get("turn") is not None
                else ""
            )
            p.append(f'<li><span class="ok">✓</span> {_e(c.get("label", ""))}{where}</li>')
        else:
            p.append(
                f'<li><span class="no">✗</span> {_e(c.get("label", ""))} '
                '<span class="muted">not shown</span></li>'
            )
    p.append('</ul><h3>By playbook step</h3><ul class="check">')
    for item in _do_checklist(turns):
        if item.turns:
            at = ", ".join(str(i) for i in item.turns)
            p.append(
                f'<li><span class="ok">✓</span> {_e(item.label)} '
                f'<span class="muted">turn {_e(at)}: “{_e(item.evidence)}”</span></li>'
            )
        else:
            p.append(
                f'<li><span class="no">✗</span> {_e(item.label)} <span class="muted">not shown</span></li>'
            )
    p.append("</ul>")

    p += [
        "<h2>Conversation</h2>",
        '<p class="legend"><span><mark class="do">green</mark>: playbook step shown</span>'
        '<span><mark class="avoid">red</mark>: something to avoid</span>'
        '<span><mark class="both">both</mark>: findings overlap</span>'
        '<span class="muted">Point at a highlight for why.</span></p>',
    ]
    for t in turns:
        moment = f" · {_e(_moment_label(t.moment))}" if t.moment else ""
        head = f'<div class="who">{_e(t.who)}<span class="muted">{moment} · turn {t.index}</span></div>'
        if t.speaker != "rep":
            p.append(f'<div class="turn buyer">{head}<div>{_e(t.text)}</div></div>')
            continue
        body = highlight_html(t.text, t.findings)
        items = "".join(_finding_item(f) for f in t.findings)
        listing = f'<ul class="findings">{items}</ul>' if items else ""
        p.append(f'<div class="turn rep">{head}<div>{body}</div>{listing}</div>')

    p.append("<h2>Call review</h2><dl>")
    for n, a in enumerate(_list_of_maps(scorecard, "call_review"), start=1):
        p.append(f"<dt>{n}. {_e(a.get('prompt', ''))}</dt><dd>{_e(a.get('answer', ''))}</dd>")
    p.append("</dl>")
    tips = [str(t) for t in scorecard.get("tips") or []]
    if tips:
        p.append("<h2>Tips for next time</h2><ol>")
        p += [f"<li>{_e(t)}</li>" for t in tips]
        p.append("</ol>")
    p.append("</body></html>")
    return "\n".join(p) + "\n"
