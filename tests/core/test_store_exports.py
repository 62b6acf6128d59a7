"""Board rendering (trainer.core.store.exports): CSV, JSON, Markdown and HTML, hostile names."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from trainer.core.store import render_board
from trainer.core.store.boards import ImprovedRow, LeaderRow, SkillsRow
from trainer.core.store.exports import csv_cell, sparkline

SCRIPT = "<script>alert(1)</script>"
FORMULAS = ["=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tlead", "\rcarriage"]


def rows() -> list[LeaderRow]:
    names = [SCRIPT, 'Quote "Q", Comma', "line\nbreak", "Pipe | name", *FORMULAS]
    out = [
        LeaderRow(
            rank=n + 1,
            rep=name,
            team='=HYPERLINK("x")' if n == 0 else "North",
            sessions=4,
            clean_sessions=3,
            best_score=90.5 - n,
            recent_avg=(8123 / 3) / 100,
            ethics_pass_rate=0.75,
        )
        for n, name in enumerate(names)
    ]
    out.append(LeaderRow(None, "Zed", "", 2, 0, None, None, 0.0))
    return out


def test_csv_has_exact_columns_quotes_properly_and_defuses_formulas() -> None:
    text = render_board(rows(), "csv")
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[0] == list(LeaderRow.COLUMNS)
    reps = [r[1] for r in parsed[1:]]
    assert reps[:4] == [SCRIPT, 'Quote "Q", Comma', "line\nbreak", "Pipe | name"]
    assert reps[4:10] == ["'" + f for f in FORMULAS]
    assert parsed[1][2] == '\'=HYPERLINK("x")'
    assert parsed[1][0] == "1" and parsed[1][5] == "90.5"
    assert float(parsed[1][6]) == (8123 / 3) / 100  # full precision for tools
    assert parsed[-1] == ["", "Zed", "", "2", "0", "", "", "0.0"]
    for row in parsed[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell


def test_csv_cell_leaves_numbers_alone() -> None:
    assert csv_cell(-3.5) == "-3.5" and csv_cell(7) == "7" and csv_cell(None) == ""
    assert csv_cell("-3.5") == "'-3.5"


def test_json_round_trips_values() -> None:
    data = json.loads(render_board(rows(), "json"))
    assert data[0]["rep"] == SCRIPT and data[0]["rank"] == 1
    assert list(data[0]) == list(LeaderRow.COLUMNS)
    assert data[-1]["rank"] is None and data[-1]["best_score"] is None


def test_markdown_escapes_table_syntax_and_html() -> None:
    text = render_board(rows(), "md")
    lines = text.splitlines()
    assert lines[0] == "| " + " | ".join(c.replace("_", "\\_") for c in LeaderRow.COLUMNS) + " |"
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "Pipe \\| name" in text
    assert len(lines) == 2 + len(rows())  # the line break stayed inside its cell
    assert "| 90.50 |" in text and "| 27.08 |" in text and "| 0.750 |" in text


def test_html_is_self_contained_sortable_and_escapes_everything() -> None:
    trends = {SCRIPT: [40.0, 55.5, 70.0], "Zed": []}
    page = render_board(rows(), "html", title=f"Board {SCRIPT}", trends=trends)
    assert page.startswith("<!DOCTYPE html>")
    # Exactly one script element: ours. The hostile name is text.
    assert page.count("<script>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Board &lt;script&gt;" in page
    assert not re.search(r"(src|href)\s*=", page) and "http" not in page and "@import" not in page
    assert "prefers-color-scheme: dark" in page
    headers = re.findall(
        r'<th scope="col"><button type="button" data-col="(\d+)">([^<]*)</button>', page
    )
    assert [h[1] for h in headers] == list(LeaderRow.COLUMNS)
    assert "aria-sort" in page and 'addEventListener("click"' in page
    assert page.count("<svg") == 1 and "<polyline" in page
    assert 'aria-label="clean scores, oldest first: 40, 55.5, 70"' in page
    assert ">=1+2</td>" in page  # HTML shows names as typed; only CSV needs the prefix
    assert 'data-value="Quote &quot;Q&quot;, Comma"' in page


def test_sparkline_scale_and_empty() -> None:
    assert sparkline([]) == ""
    svg = sparkline([0, 100], width=100, height=24)
    # The line keeps 3 px clear at both ends so the end marker (r=2) is never clipped.
    assert 'points="3.0,22.0 97.0,2.0"' in svg
    assert 'cx="97.0"' in svg
    assert 'cx="50.0"' in sparkline([70])


def test_other_boards_and_empty_boards_render() -> None:
    improved = [ImprovedRow(1, "Ana", "North", 6, 20.0, 50.0, 30.0)]
    assert render_board(improved, "csv").splitlines()[1] == "1,Ana,North,6,20.0,50.0,30.0"
    skills = [SkillsRow("Ana", "", 2, {"discovery_question": 0.5})]
    header = render_board(skills, "csv").splitlines()[0].split(",")
    assert header[:4] == ["rep", "team", "sessions", "discovery_question"] and len(header) == 22
    empty = render_board([], "csv", columns=LeaderRow.COLUMNS)
    assert empty == ",".join(LeaderRow.COLUMNS) + "\r\n"
    assert "<tbody>\n\n</tbody>" in render_board([], "html", columns=LeaderRow.COLUMNS)
    with pytest.raises(ValueError, match="unknown format"):
        render_board(improved, "xlsx")
