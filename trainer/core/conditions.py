"""Branch conditions: the scenario vocabulary, evaluated without ``eval``.

A scenario branch says *when* it is taken with a :class:`~trainer.core.scenario.models.Condition`.
Every key given in a condition must hold (logical AND). Each key maps to one small, named test
in :data:`REGISTRY`; :func:`evaluate` walks the condition and calls those tests, so a condition
can never run arbitrary code. A key the registry does not know is an error, not silently true.

The tests see a :class:`ConditionContext`: the ids found in the current reply, the ids found in
this or any earlier rep reply, the buyer variables *before* the branch's own effects, and the
nodes visited so far (the current node included).
"""

from __future__ import annotations

import logging
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from trainer.core.rubric import DO_IDS, ETHICS_IDS
from trainer.core.scenario.models import Condition, VarTest

logger = logging.getLogger(__name__)

_DO = frozenset(DO_IDS)

_OPS: dict[str, Callable[[int, int], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    ">": operator.gt,
}


class ConditionError(ValueError):
    """A condition uses a key or operator that has no registered test."""


@dataclass(frozen=True, slots=True)
class ConditionContext:
    """What a branch condition can look at when a reply has been scored."""

    #: Criterion ids found in the reply being handled.
    found: frozenset[str] = frozenset()
    #: Criterion ids found in this reply or any earlier rep reply of the session.
    found_so_far: frozenset[str] = frozenset()
    #: Buyer variables (before this branch's effects are applied).
    variables: Mapping[str, int] = field(default_factory=dict)
    #: Node ids played so far, the current node included.
    visited: frozenset[str] = frozenset()


Test = Callable[[Any, ConditionContext], bool]


def _found(ids: list[str], ctx: ConditionContext) -> bool:
    return all(i in ctx.found for i in ids)


def _any_found(ids: list[str], ctx: ConditionContext) -> bool:
    return any(i in ctx.found for i in ids)


def _not_found(ids: list[str], ctx: ConditionContext) -> bool:
    return not any(i in ctx.found for i in ids)


def _found_before(ids: list[str], ctx: ConditionContext) -> bool:
    return all(i in ctx.found_so_far for i in ids)


def _not_found_before(ids: list[str], ctx: ConditionContext) -> bool:
    return not any(i in ctx.found_so_far for i in ids)


def _min_do(count: int, ctx: ConditionContext) -> bool:
    return len(ctx.found & _DO) >= count


def _ethics_breach(expected: bool, ctx: ConditionContext) -> bool:
    return bool(ctx.found & ETHICS_IDS) == expected


def var_test_holds(test: VarTest, variables: Mapping[str, int]) -> bool:
    """One ``{var, op, value}`` comparison; an unknown variable reads as 0."""
    try:
        compare = _OPS[test.op]
    except KeyError:
        raise ConditionError(f"unknown comparison operator {test.op!r}") from None
    return compare(variables.get(test.var, 0), test.value)


def _vars(tests: list[VarTest], ctx: ConditionContext) -> bool:
    return all(var_test_holds(t, ctx.variables) for t in tests)


def _visited(nodes: list[str], ctx: ConditionContext) -> bool:
    return all(n in ctx.visited for n in nodes)


def _not_visited(nodes: list[str], ctx: ConditionContext) -> bool:
    return not any(n in ctx.visited for n in nodes)


def _any(conditions: list[Condition], ctx: ConditionContext) -> bool:
    return any(evaluate(c, ctx) for c in conditions)


def _not(condition: Condition, ctx: ConditionContext) -> bool:
    return not evaluate(condition, ctx)


#: Condition field name (as in the model; ``not_`` is written ``not`` in files) → its test.
REGISTRY: dict[str, Test] = {
    "found": _found,
    "any_found": _any_found,
    "not_found": _not_found,
    "found_before": _found_before,
    "not_found_before": _not_found_before,
    "min_do": _min_do,
    "ethics_breach": _ethics_breach,
    "vars": _vars,
    "visited": _visited,
    "not_visited": _not_visited,
    "any": _any,
    "not_": _not,
}


def evaluate(condition: Condition | None, ctx: ConditionContext) -> bool:
    """True when every test given in ``condition`` holds; ``None`` (a fallback) always holds."""
    if condition is None:
        return True
    for name in type(condition).model_fields:
        value = getattr(condition, name)
        if value is None:
            continue
        try:
            test = REGISTRY[name]
        except KeyError:
            raise ConditionError(f"condition key {name!r} has no registered test") from None
        if not test(value, ctx):
            return False
    return True


def read_variables(condition: Condition | None) -> set[str]:
    """Variable names a condition reads (for checks that want to know)."""
    if condition is None:
        return set()
    names = {t.var for t in condition.vars or ()}
    for nested in condition.any or ():
        names |= read_variables(nested)
    names |= read_variables(condition.not_)
    return names
