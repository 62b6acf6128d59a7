"""The cue model's weight table: parsing, scoring, explanations and the shipped table."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from trainer.core.rubric import CRITERION_IDS
from trainer.core.scoring import engine
from trainer.core.scoring.cues import CueModelError, load_cue_model, parse_model


def _raw(**over: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "threshold": 0.0,
        "rules_fingerprint": "x",
        "thresholds": {"b": 1.0},
        "criteria": {
            "a": {"bias": -1.0, "weights": {"w:x": 2.0, "m:demo": 5.0, "w:y": -3.0}},
            "b": {"bias": 0.5, "weights": {"w:x": 0.25}},
        },
    }
    raw.update(over)
    return raw


def test_scores_sum_bias_and_present_weights_and_thresholds_apply_per_criterion() -> None:
    model = parse_model(_raw())
    assert model.score("a", {"w:x": (0, 1)}) == pytest.approx(1.0)
    assert model.score("a", {"w:x": (0, 1), "w:y": (2, 3)}) == pytest.approx(-2.0)
    assert model.above({"w:x": (0, 1)}) == {"a"}  # b: 0.75 is under its own threshold 1.0
    assert model.above({"w:x": (0, 1), "m:demo": (0, 9)}) == {"a"}
    assert model.above({}) == set()
    assert model.threshold_of("a") == 0.0 and model.threshold_of("b") == 1.0


def test_strongest_cues_leave_out_context_and_negative_ones() -> None:
    model = parse_model(_raw())
    got = model.strongest("a", {"m:demo": (0, 4), "w:x": (0, 1), "w:y": (2, 3)})
    assert got == [("w:x", 2.0)]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "expected a JSON object"),
        ({"criteria": {}}, "missing or bad field"),
        (_raw(criteria=[]), "field 'criteria' must be an object"),
        (_raw(criteria={"a": {"bias": 1}}), "criteria.a needs 'bias' and 'weights'"),
        (_raw(criteria={"a": {"bias": "x", "weights": {}}}), "criteria.a has a non-numeric bias or weight"),
        (_raw(thresholds=[1]), "field 'thresholds' must be an object"),
    ],
)
def test_a_malformed_table_is_refused_naming_the_field(raw: object, message: str) -> None:
    with pytest.raises(CueModelError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_model(raw)


def test_the_shipped_table_matches_the_rules_and_cue_classes_it_was_fitted_with() -> None:
    model = load_cue_model()
    assert set(model.criteria) == set(CRITERION_IDS)
    assert model.rules_fingerprint == engine.CUE_INPUTS_FINGERPRINT, (
        "rules or cue classes changed since the cue weights were fitted: run scripts/train_scorer.py"
    )
    raw = json.loads(resources.files("trainer.core").joinpath("data/cue_weights.json").read_text(encoding="utf-8"))
    assert raw["trained_on"]["replies"] >= 2000


def test_the_shipped_table_weighs_rule_hits_towards_their_own_criterion() -> None:
    model = load_cue_model()
    for criterion in CRITERION_IDS:
        assert model.criteria[criterion].weights.get(f"r:{criterion}", 0.0) > 0, criterion
