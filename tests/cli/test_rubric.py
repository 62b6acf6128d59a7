"""`trainer rubric`: the criteria table the scorer reports against."""

from __future__ import annotations

import json

import pytest

from trainer.cli import main


def test_rubric_command_lists_every_criterion(capsys: pytest.CaptureFixture[str]) -> None:
    from trainer.core.rubric import CRITERION_IDS, rubric_version

    assert main(["rubric"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"rubric {rubric_version()}"
    assert all(c in out for c in CRITERION_IDS)
    assert main(["rubric", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in data["criteria"]] == list(CRITERION_IDS)
