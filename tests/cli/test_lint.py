"""`trainer lint`: one problem a line in the contract format, sorted, exit 1 on errors."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "scenarios"
CLEAN = DATA / "lint_clean.yaml"
BROKEN = DATA / "broken"
LINE_RE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) (?P<sev>error|warning) .+$"
)


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["lint", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_clean_file_exits_zero_and_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = lint(capsys, str(CLEAN))
    assert (code, lines) == (0, [])
    assert "1 file(s) checked: 0 error(s), 0 warning(s)" in err


def test_folder_lines_follow_the_contract_and_are_sorted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, lines, _err = lint(capsys, str(BROKEN))
    assert code == 1
    assert lines, "broken fixtures must produce findings"
    keys = []
    for line in lines:
        m = LINE_RE.match(line)
        assert m, line
        keys.append((m["path"], int(m["line"]), int(m["col"])))
    assert keys == sorted(keys)
    files = {Path(k[0]).name for k in keys}
    assert {
        "syntax_error.yaml",
        "duplicate_key.yaml",
        "closed_loop.yaml",
        "golden_bad.golden.yaml",
    } <= files


def test_warnings_only_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = CLEAN.read_text("utf-8").replace("goto: walked_away", "goto: lost")
    (tmp_path / "w.yaml").write_text(text, encoding="utf-8")
    code, lines, _err = lint(capsys, str(tmp_path / "w.yaml"))
    assert code == 0
    assert len(lines) == 1 and " W203 warning " in lines[0]
    code, lines, _err = lint(capsys, "--errors-only", str(tmp_path / "w.yaml"))
    assert (code, lines) == (0, [])


def test_broken_file_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.yaml").write_text("id: [\n", encoding="utf-8")
    shutil.copy(CLEAN, tmp_path / "b.yaml")
    (tmp_path / "c.yaml").write_text(
        CLEAN.read_text("utf-8").replace("[discovery_question]", "[discovery_qestion]"),
        encoding="utf-8",
    )
    code, lines, _err = lint(capsys, str(tmp_path))
    assert code == 1
    assert [Path(line.split(":")[0]).name for line in lines] == ["a.yaml", "c.yaml"]
    assert lines[1].endswith(
        "E301 error unknown rubric id 'discovery_qestion' (did you mean 'discovery_question'?)"
    )


def test_missing_path_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _err = lint(capsys, str(tmp_path / "nope.yaml"))
    assert code == 1 and " S001 error cannot read file" in lines[0]


def test_default_is_the_scenarios_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.yaml").write_text("id: [\n", encoding="utf-8")
    monkeypatch.setenv("TRAINER_SCENARIOS", str(tmp_path))
    code, lines, _err = lint(capsys)
    assert code == 1 and lines[0].startswith(f"{tmp_path / 'x.yaml'}:")


def test_subprocess_exit_status_and_output() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "trainer", "lint", str(BROKEN / "duplicate_key.yaml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout.strip().endswith(
        'duplicate_key.yaml:4:1: S003 error duplicate key "title": each key may appear only once in a mapping'
    )
