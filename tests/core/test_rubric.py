from __future__ import annotations

import json
from importlib import resources

import pytest

from trainer.core import rubric as rubric_mod
from trainer.core.rubric import (
    AVOID_IDS,
    CRITERION_IDS,
    DO_IDS,
    ETHICS_IDS,
    MOMENT_IDS,
    RubricError,
    load_rubric,
)


def test_contract_ids() -> None:
    r = load_rubric()
    assert len(CRITERION_IDS) == 19
    assert len(DO_IDS) == 12 and len(AVOID_IDS) == 7
    assert tuple(r.criteria) == CRITERION_IDS
    assert tuple(r.moments) == MOMENT_IDS
    assert set(AVOID_IDS) >= ETHICS_IDS


def test_every_criterion_is_explained() -> None:
    r = load_rubric()
    for c in r.criteria.values():
        assert c.label and c.explanation and c.playbook
        assert c.weight > 0
        assert c.moments and set(c.moments) <= set(MOMENT_IDS)
        assert (c.polarity == "avoid") == (c.id in AVOID_IDS)
        if c.polarity == "avoid":
            assert c.instead


def test_version_is_known_and_prompts_are_eight() -> None:
    r = load_rubric()
    assert r.version in r.known_versions
    assert len(r.call_review_prompts) == 8
    assert {s.criterion for s in r.stage_exit_checks} == {
        "options_tradeoffs",
        "confirm_consent",
        "mutual_plan",
        "stop_rule",
    }


def test_a_broken_rubric_is_rejected() -> None:
    raw = json.loads(
        resources.files("trainer.core").joinpath("data/rubric.json").read_text(encoding="utf-8")
    )
    raw["criteria"][0]["moments"] = ["lunch"]
    with pytest.raises(RubricError, match="unknown moments"):
        rubric_mod._parse(raw)
    raw = json.loads(
        resources.files("trainer.core").joinpath("data/rubric.json").read_text(encoding="utf-8")
    )
    raw["criteria"].pop()
    with pytest.raises(RubricError, match="contract"):
        rubric_mod._parse(raw)
