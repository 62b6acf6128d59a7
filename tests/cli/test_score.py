"""`trainer score`: one reply for people, JSON lines for tools (DESIGN.md contract)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from trainer.cli import main
from trainer.cli_commands.score import run_jsonl
from trainer.core.findings import FINDING_KEYS


def _run(lines: str, explain: bool = False) -> tuple[int, list[dict[str, object]]]:
    out = io.StringIO()
    code = run_jsonl(io.StringIO(lines), out, explain=explain)
    return code, [json.loads(x) for x in out.getvalue().splitlines()]


def test_jsonl_contract_keys_and_order() -> None:
    lines = "\n".join(
        json.dumps(x)
        for x in [
            {"id": "a", "text": "The offer ends tonight, so decide now."},
            {"id": 7, "text": "Before anything else, upgrade to Enterprise.", "moment": "discovery"},
            {"id": "c", "text": "hello", "buyer_outcomes": ["fewer exports"]},
        ]
    )
    code, rows = _run(lines + "\n")
    assert code == 0
    assert [r["id"] for r in rows] == ["a", 7, "c"]
    assert all(set(r) == {"id", "findings"} for r in rows)
    f = rows[0]["findings"][0]  # type: ignore[index]
    assert tuple(f) == FINDING_KEYS
    assert f["criterion"] == "pressure_tactics"
    assert "The offer ends tonight, so decide now."[f["start"] : f["end"]] == f["evidence"]
    assert rows[2]["findings"] == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "invalid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"id": 1}', "missing field 'text'"),
        ('{"id": 1, "text": 5}', "'text' must be a string"),
        ('{"id": 1, "text": "x", "moment": "lunch"}', "unknown moment"),
        ('{"id": 1, "text": "x", "buyer_outcomes": "fast"}', "buyer_outcomes"),
        ('{"id": 1, "text": "x", "buyer_outcomes": [1]}', "buyer_outcomes"),
    ],
)
def test_bad_line_gets_an_error_and_the_rest_still_run(line: str, message: str) -> None:
    good = json.dumps({"id": "ok", "text": "It's guaranteed."})
    code, rows = _run(f"{good}\n\n{line}\n{good}\n")
    assert code == 2
    assert rows[0]["id"] == "ok" and rows[2]["id"] == "ok"
    assert set(rows[1]) == {"line", "error"}
    assert rows[1]["line"] == 3  # blank line 2 is skipped but still counted
    assert message in str(rows[1]["error"])


def test_explain_adds_reasons() -> None:
    code, rows = _run(json.dumps({"id": 1, "text": "Decide now, the price goes up tomorrow."}) + "\n", explain=True)
    assert code == 0
    f = rows[0]["findings"][0]  # type: ignore[index]
    assert set(f) == set(FINDING_KEYS) | {"explanation", "instead"}
    assert f["explanation"] and f["instead"]


def test_output_is_deterministic() -> None:
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(
        ["That's a fair worry.", "You're free to say no.", "Ana sends it by Friday; I call on the 4th."]))
    assert _run(lines) == _run(lines)


def test_human_readable_mode(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "Keep the basic plan if your staff's time doesn't matter to you."]) == 0
    out = capsys.readouterr().out
    assert "confirmshaming" in out and '"' in out and "instead:" in out
    assert main(["score", "hello there"]) == 0
    assert "No rubric criteria" in capsys.readouterr().out


def test_needs_text_or_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score"]) == 2
    assert "--jsonl" in capsys.readouterr().err


def test_module_entry_point_streams_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "trainer", "score", "--jsonl"],
        input='{"id": "x", "text": "No pressure, take your time."}\n{bad\n',
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    first, second = proc.stdout.splitlines()
    assert json.loads(first)["findings"][0]["criterion"] == "autonomy_language"
    assert json.loads(second)["line"] == 2

