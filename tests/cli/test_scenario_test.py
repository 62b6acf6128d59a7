"""`trainer test`: plays golden transcripts with the real engine and scorer, diffs failures,
and `--record` prints goldens that then pass."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.core.scenario.golden import load_golden

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "tests" / "data" / "scenarios" / "lint_clean.yaml"

DRAFT = """\
scenario: lint_clean
transcripts:
  - name: ideal
    seed: 3
    replies:
      - "Before we talk plans: what would make this audit a success for you?"
      - "Two options: renew as is, or add analytics after the audit if disputes stay high."
  - name: weak
    replies: ["Sure.", "Okay then."]
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["test", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copy(CLEAN, tmp_path / "lint_clean.yaml")
    (tmp_path / "lint_clean.golden.yaml").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_draft_without_expectations_fails(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(folder))
    assert code == 1
    assert "FAIL" in out and "--record" in out
    assert "0 passed, 2 failed" in err


def test_record_then_test_passes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    golden = folder / "lint_clean.golden.yaml"
    code, out, _err = run(capsys, "--record", str(golden))
    assert code == 0
    golden.write_text(out, encoding="utf-8")
    recorded = load_golden(golden)  # what --record prints is a valid golden
    assert [t.name for t in recorded.transcripts] == ["ideal", "weak"]
    assert all(t.expect is not None and t.expect.path for t in recorded.transcripts)
    code, out, err = run(capsys, str(folder / "lint_clean.yaml"))
    assert code == 0, out
    assert out.splitlines() == [f"PASS {golden} ideal", f"PASS {golden} weak"]
    assert "2 passed, 0 failed" in err


def test_wrong_expectation_prints_a_diff(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    golden = folder / "lint_clean.golden.yaml"
    code, out, _err = run(capsys, "--record", str(golden))
    assert code == 0
    actual = re.findall(r"outcome: (\S+)", out)
    wrong_outcome = "no_decision" if actual[1] != "no_decision" else "deal_lost"
    # Drop the weak transcript's path and claim another outcome.
    head, weak = out.split("  - name: weak")
    weak = re.sub(r"      path: \[[^\]]*\]\n", "", weak)
    weak = weak.replace(f"outcome: {actual[1]}", f"outcome: {wrong_outcome}")
    golden.write_text(head + "  - name: weak" + weak, encoding="utf-8")
    code, out, _err = run(capsys, str(golden))
    assert code == 1
    assert f"PASS {golden} ideal" in out
    assert f"FAIL {golden} weak: outcome '{actual[1]}', expected '{wrong_outcome}'" in out
    assert f"-outcome: {wrong_outcome}" in out and f"+outcome: {actual[1]}" in out
    assert "+++ actual" in out


def test_invalid_golden_reports_file_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    golden = folder / "lint_clean.golden.yaml"
    golden.write_text(DRAFT.replace("seed: 3", "seed: three"), encoding="utf-8")
    code, _out, err = run(capsys, str(golden))
    assert code == 1
    assert f"{golden}:4:5: S002 error transcripts[0].seed:" in err


def test_scenario_without_golden(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(CLEAN, tmp_path / "solo.yaml")
    code, _out, err = run(capsys, str(tmp_path / "solo.yaml"))
    assert code == 1
    assert "no golden transcripts beside it" in err


def test_subprocess_runs(folder: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "trainer",
            "test",
            "--record",
            str(folder / "lint_clean.golden.yaml"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(
        "scenario: lint_clean\ntranscripts:\n  - name: ideal\n    seed: 3\n"
    )
