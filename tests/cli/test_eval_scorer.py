"""`trainer eval-scorer`: the per-id table, and --errors kept to the dev half."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.cli import main


def _corpus(tmp_path: Path) -> Path:
    rows = [
        {"id": "d1", "text": "The offer ends tonight.", "moment": "closing", "persona": "p",
         "buyer_outcomes": [], "labels": ["pressure_tactics"], "near_miss": []},
        {"id": "d2", "text": "Thanks, talk soon.", "moment": "closing", "persona": "p",
         "buyer_outcomes": [], "labels": ["mutual_plan"], "near_miss": []},
    ]
    (tmp_path / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "test.jsonl").write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    return tmp_path


def test_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-scorer", "--corpus", str(_corpus(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "split: dev (2 replies)" in out
    row = next(line for line in out.splitlines() if line.startswith("pressure_tactics"))
    assert row.split()[1:] == ["1.000", "1.000", "1.000", "1"]
    row = next(line for line in out.splitlines() if line.startswith("mutual_plan"))
    assert row.split()[1:] == ["0.000", "0.000", "0.000", "1"]
    assert "macro-F1" in out


def test_errors_lists_misses_on_dev(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-scorer", "--corpus", str(_corpus(tmp_path)), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "FN mutual_plan d2" in out
    assert "Thanks, talk soon." in out


@pytest.mark.parametrize("split", ["test", "all"])
def test_errors_refused_off_dev(tmp_path: Path, split: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-scorer", "--corpus", str(_corpus(tmp_path)), "--split", split, "--errors"]) == 2
    assert "only allowed on the dev split" in capsys.readouterr().err


def test_missing_or_bad_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-scorer", "--corpus", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err
    (tmp_path / "dev.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    assert main(["eval-scorer", "--corpus", str(tmp_path)]) == 2
    assert "dev.jsonl:1" in capsys.readouterr().err


def test_dev_includes_dev_extra_and_dev_core_leaves_it_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path)
    extra = {"id": "x0001", "text": "Prices go up on Monday, so sign now.", "moment": "closing", "persona": "p",
             "buyer_outcomes": [], "labels": ["pressure_tactics"], "near_miss": []}
    (corpus / "dev_extra.jsonl").write_text(json.dumps(extra) + "\n", encoding="utf-8")
    assert main(["eval-scorer", "--corpus", str(corpus)]) == 0
    assert "split: dev (3 replies)" in capsys.readouterr().out
    assert main(["eval-scorer", "--corpus", str(corpus), "--split", "dev-core", "--errors"]) == 0
    out = capsys.readouterr().out
    assert "split: dev-core (2 replies)" in out
    assert "x0001" not in out
