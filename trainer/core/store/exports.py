"""Boards rendered as CSV, JSON, Markdown or one self-contained HTML page.

Every value a person typed (rep and team names) is treated as hostile: HTML output escapes
everything, Markdown escapes table syntax and angle brackets, and CSV cells that a spreadsheet
would run as a formula are prefixed with ``'`` (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from trainer.core.store.boards import BoardRow

FORMATS: tuple[str, ...] = ("csv", "json", "md", "html")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_RATE_COLUMNS = frozenset({"ethics_pass_rate"})


def render_board(
    rows: Sequence[BoardRow],
    fmt: str,
    *,
    columns: Sequence[str] | None = None,
    title: str = "Leaderboard",
    trends: Mapping[str, Sequence[float]] | None = None,
) -> str:
    """Render board rows. ``columns`` defaults to the row type's columns (needed when empty).

    ``trends`` (rep -> clean scores, oldest first) adds a sparkline column to the HTML page.
    """
    if columns is None:
        columns = type(rows[0]).COLUMNS if rows else ()
    dicts = [r.as_dict() for r in rows]
    if fmt == "csv":
        return _csv(dicts, columns)
    if fmt == "json":
        return json.dumps(dicts, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _markdown(dicts, columns)
    if fmt == "html":
        return _html(dicts, columns, title, trends)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


# ---------------------------------------------------------------------- CSV
def csv_cell(value: Any) -> str:
    """One CSV cell: empty for None, numbers as-is, text neutralised against formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _csv(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return buf.getvalue()


# ---------------------------------------------------------------------- display text
def display(column: str, value: Any) -> str:
    """A value as people read it: 2 decimals (3 for rates), empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}" if column in _RATE_COLUMNS else f"{value:.2f}"
    return str(value)


def _md_cell(text: str) -> str:
    text = " ".join(text.split())
    for ch in "\\|`*_[]":
        text = text.replace(ch, "\\" + ch)
    return html.escape(text, quote=False)


def _markdown(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    lines = [
        "| " + " | ".join(_md_cell(c) for c in columns) + " |",
        "|" + "|".join("---:" if _numeric(rows, c) else "---" for c in columns) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(_md_cell(display(c, row.get(c))) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def _numeric(rows: list[dict[str, Any]], column: str) -> bool:
    values = [r.get(column) for r in rows if r.get(column) is not None]
    return bool(values) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in values
    )


# ---------------------------------------------------------------------- HTML
def sparkline(scores: Sequence[float], width: int = 100, height: int = 24) -> str:
    """An inline SVG line of scores (0..100 scale); empty text when there are none."""
    if not scores:
        return ""
    n = len(scores)
    pad = 3.0  # room for the end marker's radius at both edges
    step = (width - 2 * pad) / (n - 1) if n > 1 else 0.0
    points = " ".join(
        f"{(pad + i * step if n > 1 else width / 2):.1f},"
        f"{height - 2 - (max(0.0, min(100.0, s)) / 100) * (height - 4):.1f}"
        for i, s in enumerate(scores)
    )
    label = html.escape("clean scores, oldest first: " + ", ".join(f"{s:g}" for s in scores))
    last_x, last_y = points.split(" ")[-1].split(",")
    return (
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{label}"><title>{label}</title>'
        f'<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="{points}"/>'
        f'<circle cx="{last_x}" cy="{last_y}" r="2" fill="currentColor"/></svg>'
    )


_CSS = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #5b6470;
  --line: #d6dae0; --head: #f2f4f7; --accent: #1f6feb; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #15181d; --fg: #e6e9ee; --muted: #9aa4b1; --line: #343a43; --head: #1f242b;
    --accent: #6ea8ff; }
}
body { background: var(--bg); color: var(--fg); margin: 2rem;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
p.note { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; min-width: 40rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .6rem; text-align: left; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: var(--head); position: sticky; top: 0; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
svg.spark { color: var(--accent); vertical-align: middle; }
"""

_JS = """
(function () {
  var table = document.getElementById("board");
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(cell) {
    var v = cell.getAttribute("data-value");
    if (v === null || v === "") return null;
    var n = Number(v);
    return isNaN(n) ? v.toLowerCase() : n;
  }
  function sortBy(index, button) {
    var th = heads[index];
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir);
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index]), y = key(b.cells[index]);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      var c = x < y ? -1 : x > y ? 1 : 0;
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(table.querySelectorAll("th button"), function (b) {
    b.addEventListener("click", function () { sortBy(Number(b.getAttribute("data-col")), b); });
  });
})();
"""


def _html(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    title: str,
    trends: Mapping[str, Sequence[float]] | None,
) -> str:
    esc = html.escape
    with_trend = trends is not None and "rep" in columns
    head = "".join(
        f'<th scope="col"><button type="button" data-col="{i}">{esc(c)}</button></th>'
        for i, c in enumerate(columns)
    )
    if with_trend:
        head += '<th scope="col">trend</th>'
    body_rows = []
    for row in rows:
        cells = []
        for c in columns:
            value = row.get(c)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            sort_value = "" if value is None else str(value)
            cls = ' class="num"' if numeric else ""
            cells.append(f'<td{cls} data-value="{esc(sort_value)}">{esc(display(c, value))}</td>')
        if with_trend:
            assert trends is not None
            cells.append(f"<td>{sparkline(list(trends.get(str(row.get('rep')), ())))}</td>")
        body_rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n"
        '<p class="note">Select a column heading to sort; select it again to reverse.</p>\n'
        f'<table id="board">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(body_rows)
        + f"\n</tbody>\n</table>\n<script>{_JS}</script>\n</body>\n</html>\n"
    )
