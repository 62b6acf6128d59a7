"""The rubric as data: the 19 criteria and 8 moments of the playbook.

The ids are a contract shared by the scorer, scenarios, store, exports and tests. Everything a
rep reads about a criterion (label, explanation, what to say instead) lives in
``data/rubric.json`` so it can be reviewed without reading code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

Polarity = Literal["do", "avoid"]

MOMENT_IDS: tuple[str, ...] = (
    "prospecting",
    "discovery",
    "demo",
    "proposal",
    "objection",
    "negotiation",
    "closing",
    "renewal",
)

DO_IDS: tuple[str, ...] = (
    "discovery_question",
    "tie_to_outcome",
    "quantify_risk",
    "options_tradeoffs",
    "proof_with_limits",
    "mutual_plan",
    "stop_rule",
    "engage_stakeholders",
    "autonomy_language",
    "acknowledge_objection",
    "confirm_consent",
    "step_up_trigger",
)

AVOID_IDS: tuple[str, ...] = (
    "premature_upsell",
    "overclaiming",
    "confirmshaming",
    "pressure_tactics",
    "hidden_terms",
    "unexplained_idiom",
    "dismiss_concern",
)

CRITERION_IDS: tuple[str, ...] = DO_IDS + AVOID_IDS

#: Any of these in a session fails it on ethics, whatever its points.
ETHICS_IDS: frozenset[str] = frozenset({"confirmshaming", "pressure_tactics", "hidden_terms"})


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    polarity: Polarity
    label: str
    explanation: str
    weight: int
    moments: tuple[str, ...]
    playbook: str
    instead: str | None = None

    def fits(self, moment: str | None) -> bool:
        """True when ``moment`` is one where this criterion matters most."""
        return moment is None or moment in self.moments


@dataclass(frozen=True, slots=True)
class Moment:
    id: str
    label: str
    explanation: str


@dataclass(frozen=True, slots=True)
class StageExitCheck:
    id: str
    label: str
    criterion: str


@dataclass(frozen=True, slots=True)
class Rubric:
    version: str
    known_versions: tuple[str, ...]
    criteria: dict[str, Criterion]
    moments: dict[str, Moment]
    stage_exit_checks: tuple[StageExitCheck, ...]
    call_review_prompts: tuple[str, ...]

    def __getitem__(self, criterion_id: str) -> Criterion:
        return self.criteria[criterion_id]

    def do_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria.values() if c.polarity == "do")

    def avoid_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria.values() if c.polarity == "avoid")


class RubricError(ValueError):
    """The rubric data file does not match the contract."""


def _parse(raw: dict[str, Any]) -> Rubric:
    criteria: dict[str, Criterion] = {}
    for item in raw["criteria"]:
        moments = tuple(item["moments"])
        unknown = [m for m in moments if m not in MOMENT_IDS]
        if unknown:
            raise RubricError(f"criterion {item['id']!r}: unknown moments {unknown}")
        criteria[item["id"]] = Criterion(
            id=item["id"],
            polarity=item["polarity"],
            label=item["label"],
            explanation=item["explanation"],
            weight=int(item["weight"]),
            moments=moments,
            playbook=item["playbook"],
            instead=item.get("instead"),
        )
    if tuple(criteria) != CRITERION_IDS:
        diff = sorted(set(criteria) ^ set(CRITERION_IDS))
        raise RubricError(f"rubric ids differ from the contract: {diff}")
    for cid in AVOID_IDS:
        if not criteria[cid].instead:
            raise RubricError(f"avoid criterion {cid!r} needs an 'instead' line")
    moments_list = [Moment(m["id"], m["label"], m["explanation"]) for m in raw["moments"]]
    if tuple(m.id for m in moments_list) != MOMENT_IDS:
        raise RubricError("rubric moments differ from the contract")
    version = str(raw["rubric_version"])
    known = tuple(str(v) for v in raw.get("known_versions", [version]))
    if version not in known:
        raise RubricError("rubric_version must be listed in known_versions")
    return Rubric(
        version=version,
        known_versions=known,
        criteria=criteria,
        moments={m.id: m for m in moments_list},
        stage_exit_checks=tuple(
            StageExitCheck(s["id"], s["label"], s["criterion"])
            for s in raw["stage_exit_checks"]
        ),
        call_review_prompts=tuple(raw["call_review_prompts"]),
    )


@lru_cache(maxsize=1)
def load_rubric() -> Rubric:
    """The packaged rubric (parsed once per process)."""
    text = resources.files("trainer.core").joinpath("data/rubric.json").read_text(encoding="utf-8")
    return _parse(json.loads(text))


def rubric_version() -> str:
    """The version stored with every score; it changes whenever the rubric or the rules change."""
    return load_rubric().version
