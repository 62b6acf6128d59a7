"""The session record: one finished (or abandoned) practice session, as the contract defines it.

A "session pack" is a JSON-lines file of these records. The same model validates imports, so a
record with a wrong type or an unknown id is rejected with the field that failed.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_serializer,
    field_validator,
    model_validator,
)

from trainer.core.findings import Finding
from trainer.core.rubric import CRITERION_IDS, MOMENT_IDS

Speaker = Literal["buyer", "rep"]


class RecordError(ValueError):
    """A session record that does not match the contract; the message names the field."""


class FindingRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    criterion: str
    polarity: Literal["do", "avoid"]
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    evidence: str
    rule: str

    @field_validator("criterion")
    @classmethod
    def _known_criterion(cls, value: str) -> str:
        if value not in CRITERION_IDS:
            raise ValueError(f"unknown rubric id {value!r}")
        return value

    @model_validator(mode="after")
    def _span_order(self) -> FindingRecord:
        if self.end < self.start:
            raise ValueError("end is before start")
        return self

    @classmethod
    def from_finding(cls, finding: Finding) -> FindingRecord:
        return cls(**finding.to_dict())


class TurnRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    index: Annotated[int, Field(ge=0)]
    moment: str | None
    speaker: Speaker
    persona: str | None = None
    text: str
    findings: list[FindingRecord] = Field(default_factory=list)

    @field_validator("moment")
    @classmethod
    def _known_moment(cls, value: str | None) -> str | None:
        if value is not None and value not in MOMENT_IDS:
            raise ValueError(f"unknown moment {value!r}")
        return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamp needs a UTC offset (ISO 8601, e.g. 2026-11-28T09:30:00+01:00)")
    return value


class SessionRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    session_id: str
    rep: Annotated[str, Field(min_length=1)]
    team: str = ""
    scenario: Annotated[str, Field(min_length=1)]
    scenario_version: str
    rubric_version: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str
    score: Annotated[float, Field(ge=0, le=100)]
    ethics_pass: bool
    turns: list[TurnRecord] = Field(default_factory=list)

    @field_validator("session_id")
    @classmethod
    def _uuid(cls, value: str) -> str:
        try:
            return str(uuid.UUID(value))
        except (ValueError, AttributeError, TypeError):
            raise ValueError(f"not a UUID: {value!r}") from None

    @field_validator("started_at")
    @classmethod
    def _started_aware(cls, value: datetime) -> datetime:
        return _aware(value)

    @field_validator("finished_at")
    @classmethod
    def _finished_aware(cls, value: datetime | None) -> datetime | None:
        return None if value is None else _aware(value)

    @field_serializer("started_at", "finished_at")
    def _iso(self, value: datetime | None) -> str | None:
        return None if value is None else value.isoformat()

    @field_serializer("score")
    def _score(self, value: float) -> float | int:
        return int(value) if float(value).is_integer() else round(value, 2)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Any) -> SessionRecord:
        """Validate a decoded JSON object; raises :class:`RecordError` naming the bad field."""
        if not isinstance(data, dict):
            raise RecordError(f"a session record must be a JSON object, not {type(data).__name__}")
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise RecordError(describe_validation_error(exc)) from None

    @classmethod
    def from_json(cls, line: str) -> SessionRecord:
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RecordError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
        return cls.from_dict(data)


def describe_validation_error(exc: ValidationError) -> str:
    """One readable line per problem: ``turns.3.speaker: Input should be 'buyer' or 'rep'``."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(record)"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)
