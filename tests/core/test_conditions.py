"""The condition registry: every vocabulary key has a test, and each test means what it says."""

from __future__ import annotations

from typing import Any

import pytest

from trainer.core.conditions import (
    REGISTRY,
    ConditionContext,
    ConditionError,
    evaluate,
    read_variables,
    var_test_holds,
)
from trainer.core.scenario.models import Condition, VarTest


def cond(**data: Any) -> Condition:
    return Condition.model_validate(data)


CTX = ConditionContext(
    found=frozenset({"discovery_question", "tie_to_outcome"}),
    found_so_far=frozenset({"discovery_question", "tie_to_outcome", "stop_rule"}),
    variables={"trust": 60, "patience": 2},
    visited=frozenset({"opening", "goals"}),
)


def test_every_condition_field_has_a_registered_test() -> None:
    assert set(REGISTRY) == set(Condition.model_fields)


def test_none_is_the_fallback() -> None:
    assert evaluate(None, CTX) is True


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"found": ["discovery_question"]}, True),
        ({"found": ["discovery_question", "stop_rule"]}, False),  # stop_rule only earlier
        ({"any_found": ["stop_rule", "tie_to_outcome"]}, True),
        ({"any_found": ["stop_rule", "mutual_plan"]}, False),
        ({"not_found": ["pressure_tactics"]}, True),
        ({"not_found": ["pressure_tactics", "tie_to_outcome"]}, False),
        ({"found_before": ["stop_rule", "discovery_question"]}, True),
        ({"found_before": ["mutual_plan"]}, False),
        ({"not_found_before": ["mutual_plan"]}, True),
        ({"not_found_before": ["stop_rule"]}, False),
        ({"min_do": 2}, True),
        ({"min_do": 3}, False),
        ({"ethics_breach": False}, True),
        ({"ethics_breach": True}, False),
        ({"vars": [{"var": "trust", "op": ">=", "value": 60}]}, True),
        ({"vars": [{"var": "trust", "op": ">", "value": 60}]}, False),
        (
            {
                "vars": [
                    {"var": "trust", "op": "==", "value": 60},
                    {"var": "patience", "op": "<", "value": 2},
                ]
            },
            False,
        ),
        ({"visited": ["opening"]}, True),
        ({"visited": ["opening", "close"]}, False),
        ({"not_visited": ["close"]}, True),
        ({"not_visited": ["goals"]}, False),
        ({"any": [{"found": ["stop_rule"]}, {"min_do": 2}]}, True),
        ({"any": [{"found": ["stop_rule"]}, {"min_do": 3}]}, False),
        ({"not": {"found": ["stop_rule"]}}, True),
        ({"not": {"min_do": 1}}, False),
        # all keys must hold
        ({"found": ["tie_to_outcome"], "not_visited": ["goals"]}, False),
        ({"found": ["tie_to_outcome"], "visited": ["goals"]}, True),
    ],
)
def test_vocabulary(data: dict[str, Any], expected: bool) -> None:
    assert evaluate(cond(**data), CTX) is expected


def test_ethics_breach_true_when_any_ethics_id_found() -> None:
    for cid in ("confirmshaming", "pressure_tactics", "hidden_terms"):
        ctx = ConditionContext(found=frozenset({cid}))
        assert evaluate(cond(ethics_breach=True), ctx)
    ctx = ConditionContext(found=frozenset({"overclaiming"}))
    assert not evaluate(cond(ethics_breach=True), ctx)


def test_min_do_ignores_avoid_ids() -> None:
    ctx = ConditionContext(found=frozenset({"discovery_question", "overclaiming", "hidden_terms"}))
    assert not evaluate(cond(min_do=2), ctx)


@pytest.mark.parametrize(
    ("op", "value", "expected"),
    [
        ("<", 5, True),
        ("<=", 4, True),
        ("==", 4, True),
        ("!=", 4, False),
        (">=", 5, False),
        (">", 3, True),
    ],
)
def test_var_operators(op: str, value: int, expected: bool) -> None:
    test = VarTest.model_validate({"var": "x", "op": op, "value": value})
    assert var_test_holds(test, {"x": 4}) is expected


def test_unknown_variable_reads_as_zero() -> None:
    assert evaluate(cond(vars=[{"var": "missing", "op": "==", "value": 0}]), CTX)


def test_nested_not_inside_any() -> None:
    c = cond(any=[{"not": {"visited": ["opening"]}}, {"not": {"found": ["tie_to_outcome"]}}])
    assert evaluate(c, CTX) is False


def test_unregistered_key_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(REGISTRY, "min_do")
    with pytest.raises(ConditionError, match="min_do"):
        evaluate(cond(min_do=1), CTX)


def test_read_variables_walks_nested_conditions() -> None:
    c = cond(
        vars=[{"var": "trust", "op": ">", "value": 1}],
        any=[{"vars": [{"var": "patience", "op": "<", "value": 3}]}],
        **{"not": {"vars": [{"var": "strikes", "op": ">=", "value": 2}]}},
    )
    assert read_variables(c) == {"trust", "patience", "strikes"}
    assert read_variables(None) == set()
