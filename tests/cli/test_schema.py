"""`trainer schema`: prints the scenario JSON Schema, writes it atomically, detects staleness."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.core.scenario.models import json_schema

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_SCHEMA = ROOT / "scenarios" / "scenario.schema.json"


def test_prints_the_model_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == json_schema()
    assert out.endswith("}\n")


def test_out_writes_file_and_check_detects_stale(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "scenario.schema.json"
    assert main(["schema", "--out", str(target)]) == 0
    assert json.loads(target.read_text("utf-8")) == json_schema()
    assert list(target.parent.iterdir()) == [target]  # no temp file left behind
    assert main(["schema", "--check", str(target)]) == 0
    target.write_text("{}\n", encoding="utf-8")
    assert main(["schema", "--check", str(target)]) == 1
    assert main(["schema", "--check", str(tmp_path / "missing.json")]) == 1


def test_committed_schema_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    """Fails when the model changed without `python -m trainer schema --out scenarios/...`."""
    assert SHIPPED_SCHEMA.exists()
    code = main(["schema", "--check", str(SHIPPED_SCHEMA)])
    assert code == 0, capsys.readouterr().err


def test_schema_describes_the_scenario_keys() -> None:
    schema = json.loads(SHIPPED_SCHEMA.read_text("utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"id", "nodes", "endings", "start", "$schema"} <= set(schema["properties"])
    assert "nodes" in schema["required"]


def test_runs_as_a_module() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "trainer", "schema"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"] == "Upsell Trainer scenario"
