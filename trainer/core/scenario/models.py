"""The scenario model: what a trainer writes in a YAML file under ``scenarios/``.

These models are the single source of truth: the loader validates files against them and
``trainer schema`` exports their JSON Schema for editors.

Shape of a file (keys in this order by convention)::

    id, version, title, summary, difficulty
    personas:   [{id, name, role, company, industry, temperament, voice}]
    context:    {outcomes, constraints, stakeholders}
    fit:        {right_scope, base_option, bigger_option, explanation}
    variables:  {trust: {initial: 50}, patience: {initial: 6, min: 0, max: 10}, ...}
    start:      first node id
    max_turns:  hard cap on rep turns (the session then ends on ``timeout_ending``)
    timeout_ending: ending id used when the cap is reached
    nodes:      {node_id: {moment, speaker, says: [...], reveals_outcomes?, branches: [...]}}
    endings:    {ending_id: {outcome, label, speaker, says: [...], debrief, good}}

Every node is one buyer line followed by one rep turn; the rep's reply is scored and the first
branch whose ``when`` holds is taken (the last branch has no ``when``: the fallback).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trainer.core.rubric import CRITERION_IDS, MOMENT_IDS

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
CriterionId = Literal[CRITERION_IDS]  # type: ignore[valid-type]
MomentId = Literal[MOMENT_IDS]  # type: ignore[valid-type]
Line = Annotated[str, Field(min_length=1, max_length=1200)]

#: Outcome ids the engine itself may produce (not declared by scenarios).
RESERVED_OUTCOMES = frozenset({"abandoned"})

_ID_RE = re.compile(r"^[a-z][a-z0-9_-]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Voice(_Strict):
    """A hint for the speech engine; the app maps it to an installed voice."""

    gender: Literal["female", "male", "any"] = "any"
    rate: Annotated[int, Field(ge=80, le=400)] = 175
    accent: str | None = Field(default=None, description="e.g. 'en-gb', 'en-us'")


class Persona(_Strict):
    id: Identifier
    name: Line
    role: Line
    company: Line
    industry: Line
    temperament: Line = Field(description="How this buyer behaves, for the rep's briefing.")
    voice: Voice = Voice()


class Constraint(_Strict):
    kind: Literal["budget_cap", "deadline", "procurement", "compliance", "capacity", "other"]
    text: Line
    value: str | None = Field(default=None, description="e.g. '£12,000/yr', '2027-01-31'")


class Stakeholder(_Strict):
    name: Line
    role: Line
    persona: Identifier | None = Field(
        default=None, description="The persona id when this stakeholder speaks in the scenario."
    )
    concern: Line | None = None


class Context(_Strict):
    outcomes: Annotated[list[Line], Field(min_length=1)] = Field(
        description="Outcomes the buyer states, in the buyer's own words."
    )
    constraints: list[Constraint] = []
    stakeholders: list[Stakeholder] = []


class Fit(_Strict):
    right_scope: Literal["upsell", "base", "pilot", "value_first"] = Field(
        description=(
            "What the right recommendation is: the bigger option, the base option (with a "
            "step-up trigger), a pilot with a stop rule, or value realisation before expansion."
        )
    )
    base_option: Line
    bigger_option: Line
    explanation: Line


class Variable(_Strict):
    initial: int
    min: int = 0
    max: int = 100
    description: str | None = None

    @model_validator(mode="after")
    def _bounds(self) -> Variable:
        if not self.min <= self.initial <= self.max:
            raise ValueError(f"initial {self.initial} is outside {self.min}..{self.max}")
        return self


class VarTest(_Strict):
    """Compare a buyer variable with a number: ``{var: trust, op: ">=", value: 60}``."""

    var: Identifier
    op: Literal["<", "<=", "==", "!=", ">=", ">"]
    value: int


class Condition(_Strict):
    """The declared condition vocabulary; every key given must hold (logical AND).

    - ``found``: all these ids were found in this reply
    - ``any_found``: at least one of these ids was found in this reply
    - ``not_found``: none of these ids was found in this reply
    - ``found_before``: each id was found in this reply or an earlier rep reply
    - ``not_found_before``: none of these ids was found in this or any earlier rep reply
    - ``min_do``: at least this many distinct Do ids in this reply
    - ``ethics_breach``: true when the reply has confirmshaming, pressure or hidden terms
    - ``vars``: every variable test holds
    - ``visited`` / ``not_visited``: nodes already played (or not)
    - ``any``: at least one of the nested conditions holds
    - ``not``: the nested condition does not hold
    """

    found: list[CriterionId] | None = None
    any_found: list[CriterionId] | None = None
    not_found: list[CriterionId] | None = None
    found_before: list[CriterionId] | None = None
    not_found_before: list[CriterionId] | None = None
    min_do: Annotated[int, Field(ge=1, le=12)] | None = None
    ethics_breach: bool | None = None
    vars: list[VarTest] | None = None
    visited: list[Identifier] | None = None
    not_visited: list[Identifier] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _not_empty(self) -> Condition:
        if not self.model_dump(exclude_none=True):
            raise ValueError("a condition needs at least one test")
        return self


class Branch(_Strict):
    when: Condition | None = Field(
        default=None, description="Omit on the last branch: it is the fallback."
    )
    add: dict[Identifier, int] = Field(default_factory=dict, description="Add to variables.")
    set: dict[Identifier, int] = Field(default_factory=dict, description="Set variables.")
    goto: Identifier = Field(description="The next node id or an ending id.")
    note: str | None = Field(default=None, description="Why this branch exists (for trainers).")


class Node(_Strict):
    moment: MomentId
    speaker: Identifier = Field(description="The persona id who says this line.")
    says: Annotated[list[Line], Field(min_length=1)] = Field(
        description="The buyer's line; several variants are picked from by the session seed."
    )
    reveals_outcomes: bool = Field(
        default=False,
        description="True when this line states the buyer's outcomes (later replies can tie to them).",
    )
    branches: Annotated[list[Branch], Field(min_length=1)]


class Ending(_Strict):
    outcome: Identifier = Field(description="Named outcome, e.g. signed_bigger, deal_lost.")
    label: Line
    speaker: Identifier
    says: Annotated[list[Line], Field(min_length=1)]
    debrief: Line
    good: bool = Field(description="True when this is an outcome a trainer wants reps to reach.")
    moment: MomentId | None = None


class Scenario(_Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    id: Identifier
    version: Annotated[str, Field(min_length=1, max_length=32)]
    title: Line
    summary: Line
    difficulty: Literal["beginner", "intermediate", "advanced"]
    kind: Literal["smb_inbound", "mid_market_outbound", "enterprise_multi_thread", "renewal", "other"]
    personas: Annotated[list[Persona], Field(min_length=1)]
    context: Context
    fit: Fit
    variables: dict[Identifier, Variable] = Field(default_factory=dict)
    start: Identifier
    max_turns: Annotated[int, Field(ge=1, le=40)] = 20
    timeout_ending: Identifier
    nodes: Annotated[dict[Identifier, Node], Field(min_length=1)]
    endings: Annotated[dict[Identifier, Ending], Field(min_length=1)]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def persona(self, persona_id: str) -> Persona:
        for p in self.personas:
            if p.id == persona_id:
                return p
        raise KeyError(persona_id)

    def moments(self) -> list[str]:
        """The moments this scenario covers, in playbook order."""
        used = {n.moment for n in self.nodes.values()}
        return [m for m in MOMENT_IDS if m in used]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file, for editors and external validators."""
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://upsell-trainer.local/scenario.schema.json"
    schema["title"] = "Upsell Trainer scenario"
    return schema
