"""Golden transcripts: scripted rep replies with the path, outcome and findings they must give.

Beside each scenario ``scenarios/<id>.yaml`` lives ``scenarios/<id>.golden.yaml``::

    scenario: <id>
    transcripts:
      - name: ideal              # at least ideal, pushy and weak per scenario
        seed: 1
        replies: ["...", "..."]
        expect:
          path: [open, offer, renewed]    # optional: node ids in visit order, ending id last
          outcome: signed_base_with_trigger
          ethics_pass: true                # optional
          score_min: 60                    # optional; score_max too
          findings: {0: [discovery_question]}   # optional: rep turn (from 0) -> ids present
          absent: {2: [pressure_tactics]}       # optional: rep turn -> ids that must be absent

:func:`run_golden` plays every transcript with the conversation engine and compares; a failed
transcript carries a unified diff of expected against actual. :func:`record_golden` plays the
replies and renders what actually happened in this same format, for trainers writing
expectations. Replies that run out before an ending close the conversation as ``abandoned``.
"""

from __future__ import annotations

import difflib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trainer.core.findings import Finding, ScoreContext
from trainer.core.scenario.lint import STANDARD_TRANSCRIPTS
from trainer.core.scenario.loader import (
    Problem,
    ScenarioError,
    SourceMap,
    is_golden,
    load_model_text,
    load_with_map,
    read_text,
    suggest,
)
from trainer.core.scenario.models import RESERVED_OUTCOMES, CriterionId, Identifier, Scenario

logger = logging.getLogger(__name__)

Scorer = Callable[[str, ScoreContext], list[Finding]]
TurnIndex = Annotated[int, Field(ge=0, le=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expect(_Strict):
    path: list[Identifier] | None = Field(
        default=None, description="Node ids in visit order, the ending id last."
    )
    outcome: Identifier = Field(description="The outcome id the transcript must end on.")
    ethics_pass: bool | None = None
    score_min: Annotated[int, Field(ge=0, le=100)] | None = None
    score_max: Annotated[int, Field(ge=0, le=100)] | None = None
    findings: dict[TurnIndex, list[CriterionId]] = Field(
        default_factory=dict, description="Rep turn (from 0) -> ids that must be found."
    )
    absent: dict[TurnIndex, list[CriterionId]] = Field(
        default_factory=dict, description="Rep turn (from 0) -> ids that must not be found."
    )

    @model_validator(mode="after")
    def _range(self) -> Expect:
        if (
            self.score_min is not None
            and self.score_max is not None
            and self.score_min > self.score_max
        ):
            raise ValueError(f"score_min {self.score_min} is above score_max {self.score_max}")
        return self


class Transcript(_Strict):
    name: Identifier
    seed: int = 1
    replies: Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]
    expect: Expect | None = Field(
        default=None, description="Omit while writing; `trainer test --record` prints it."
    )
    note: str | None = None


class GoldenFile(_Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    scenario: Identifier
    transcripts: Annotated[list[Transcript], Field(min_length=1)]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --------------------------------------------------------------------------- loading


def golden_path_for(scenario_path: str | Path) -> Path:
    p = Path(scenario_path)
    return p.with_name(p.name.removesuffix(".yaml") + ".golden.yaml")


def scenario_path_for(golden_path: str | Path) -> Path:
    p = Path(golden_path)
    return p.with_name(p.name.removesuffix(".golden.yaml") + ".yaml")


def load_golden_with_map(path: str | Path) -> tuple[GoldenFile | None, SourceMap, list[Problem]]:
    """Load a golden file without raising: ``(golden or None, source map, problems)``."""
    text, problems = read_text(Path(path))
    if text is None:
        return None, SourceMap(), problems
    return load_model_text(GoldenFile, text, str(path))


def load_golden(path: str | Path) -> GoldenFile:
    """Load a golden file; raises :class:`ScenarioError` with file:line:col problems."""
    golden, _smap, problems = load_golden_with_map(path)
    if golden is None or problems:
        raise ScenarioError(problems)
    return golden


def check_golden(
    golden: GoldenFile, scenario: Scenario | None, smap: SourceMap, path: str, scenario_file: Path
) -> list[Problem]:
    """Cross checks between a golden and its scenario (G101, G102, W103)."""
    out: list[Problem] = []

    def add(loc: tuple[str | int, ...], code: str, message: str, severity: str = "error") -> None:
        line, col = smap.pos(loc)
        out.append(
            Problem(path, line, col, code, "error" if severity == "error" else "warning", message)
        )

    names = [t.name for t in golden.transcripts]
    for wanted in STANDARD_TRANSCRIPTS:
        if wanted not in names:
            add(
                ("transcripts",),
                "W103",
                f"no '{wanted}' transcript (expected: ideal, pushy, weak)",
                "warning",
            )
    seen: set[str] = set()
    for i, t in enumerate(golden.transcripts):
        if t.name in seen:
            add(("transcripts", i, "name"), "G101", f"transcript name '{t.name}' is used twice")
        seen.add(t.name)
    if scenario is None:
        if not scenario_file.exists():
            add(("scenario",), "G102", f"no scenario file {scenario_file.name} beside this golden")
        return out
    if golden.scenario != scenario.id:
        add(
            ("scenario",),
            "G102",
            f"golden names scenario '{golden.scenario}' but {scenario_file.name} has id '{scenario.id}'",
        )
    states = [*scenario.nodes, *scenario.endings]
    outcomes = sorted({e.outcome for e in scenario.endings.values()} | RESERVED_OUTCOMES)
    for i, t in enumerate(golden.transcripts):
        if t.expect is None:
            add(("transcripts", i), "W103", f"transcript '{t.name}' has no expect yet", "warning")
            continue
        base = ("transcripts", i, "expect")
        for j, step in enumerate(t.expect.path or []):
            if step not in states:
                add(
                    (*base, "path", j),
                    "G101",
                    f"unknown node or ending '{step}' in path{suggest(step, states)}",
                )
        if t.expect.outcome not in outcomes:
            add(
                (*base, "outcome"),
                "G101",
                f"unknown outcome '{t.expect.outcome}'{suggest(t.expect.outcome, outcomes)}",
            )
        if t.expect.path and t.expect.path[-1] in scenario.endings:
            ending = scenario.endings[t.expect.path[-1]]
            if ending.outcome != t.expect.outcome:
                add(
                    (*base, "outcome"),
                    "G101",
                    f"path ends on '{t.expect.path[-1]}' (outcome '{ending.outcome}') "
                    f"but outcome says '{t.expect.outcome}'",
                )
    return out


def lint_golden_file(path: str | Path) -> list[Problem]:
    """Problems of a golden file: model errors, then cross checks with its scenario."""
    golden, smap, problems = load_golden_with_map(path)
    if golden is None:
        return problems
    scenario_file = scenario_path_for(path)
    scenario = None
    if scenario_file.exists():
        scenario, _m, _p = load_with_map(scenario_file)
    return problems + check_golden(golden, scenario, smap, str(path), scenario_file)


# --------------------------------------------------------------------------- running


class ConversationLike(Protocol):
    """What the runner needs from :class:`trainer.core.engine.Conversation`."""

    @property
    def ended(self) -> bool: ...

    @property
    def outcome(self) -> str | None: ...

    @property
    def visited(self) -> list[str]: ...

    def reply(self, text: str) -> Any: ...

    def abandon(self) -> None: ...

    def scorecard(self) -> Any: ...


ConversationFactory = Callable[[Scenario, int, Scorer | None], ConversationLike]


def engine_factory(scenario: Scenario, seed: int, scorer: Scorer | None) -> ConversationLike:
    """Builds the real engine's conversation (imported only when a golden runs)."""
    from trainer.core.engine import Conversation

    conv: ConversationLike = Conversation(scenario, seed=seed, scorer=scorer)
    return conv


@dataclass(frozen=True, slots=True)
class Actual:
    """What a transcript actually did."""

    path: list[str]
    outcome: str | None
    ethics_pass: bool | None
    score: int | None
    findings: list[list[str]]  # per rep turn, ids in the order found
    replies_used: int
    error: str | None = None


@dataclass(frozen=True, slots=True)
class TranscriptResult:
    name: str
    passed: bool
    actual: Actual
    mismatches: list[str] = field(default_factory=list)
    diff: str = ""


@dataclass(frozen=True, slots=True)
class GoldenResult:
    path: str
    scenario: str
    transcripts: list[TranscriptResult]

    @property
    def passed(self) -> bool:
        return all(t.passed for t in self.transcripts)


def play(
    scenario: Scenario,
    transcript: Transcript,
    *,
    scorer: Scorer | None = None,
    factory: ConversationFactory = engine_factory,
) -> Actual:
    """Play a transcript's replies; extra replies after an ending are an error.

    An engine or scorer failure does not stop the run: it is reported in ``Actual.error``
    with whatever was played up to then.
    """
    per_turn: list[list[str]] = []
    error = None
    used = 0
    try:
        conv = factory(scenario, transcript.seed, scorer)
    except Exception as exc:
        logger.info("cannot start scenario %s", scenario.id, exc_info=True)
        return Actual([], None, None, None, [], 0, f"the engine could not start: {exc!r}")
    try:
        for text in transcript.replies:
            if conv.ended:
                error = (
                    f"the conversation ended after {used} replies but the transcript has "
                    f"{len(transcript.replies)}"
                )
                break
            result = conv.reply(text)
            used += 1
            ids: list[str] = []
            for f in result.findings:
                if f.criterion not in ids:
                    ids.append(f.criterion)
            per_turn.append(ids)
        if not conv.ended:
            conv.abandon()
        card = conv.scorecard()
        score: int | None = int(card.score)
        ethics: bool | None = bool(card.ethics_pass)
    except Exception as exc:
        logger.info("transcript %s failed in the engine", transcript.name, exc_info=True)
        error = f"the engine failed at reply {used}: {exc!r}"
        score = ethics = None
    return Actual(
        path=list(conv.visited),
        outcome=conv.outcome,
        ethics_pass=ethics,
        score=score,
        findings=per_turn,
        replies_used=used,
        error=error,
    )


def _path_lines(path: Sequence[str]) -> list[str]:
    return ["path:", *[f"  - {step}" for step in path]]


def _score_text(expect: Expect) -> str:
    if expect.score_min is not None and expect.score_max is not None:
        return f"{expect.score_min}..{expect.score_max}"
    if expect.score_min is not None:
        return f">= {expect.score_min}"
    return f"<= {expect.score_max}"


def compare(expect: Expect, actual: Actual) -> tuple[list[str], list[str], list[str]]:
    """(expected lines, actual lines, mismatch messages); lines that agree are identical."""
    exp: list[str] = []
    act: list[str] = []
    bad: list[str] = []
    if actual.error:
        exp.append("replies: all played")
        act.append(f"replies: {actual.error}")
        bad.append(actual.error)
    if expect.path is not None:
        exp += _path_lines(expect.path)
        act += _path_lines(actual.path)
        if list(expect.path) != actual.path:
            bad.append("path differs")
    exp.append(f"outcome: {expect.outcome}")
    act.append(f"outcome: {actual.outcome}")
    if expect.outcome != actual.outcome:
        bad.append(f"outcome {actual.outcome!r}, expected {expect.outcome!r}")
    if expect.ethics_pass is not None:
        exp.append(f"ethics_pass: {json.dumps(expect.ethics_pass)}")
        act.append(f"ethics_pass: {json.dumps(actual.ethics_pass)}")
        if expect.ethics_pass != actual.ethics_pass:
            bad.append(f"ethics_pass {actual.ethics_pass}, expected {expect.ethics_pass}")
    if expect.score_min is not None or expect.score_max is not None:
        want = _score_text(expect)
        score = actual.score
        ok = (
            score is not None
            and (expect.score_min is None or score >= expect.score_min)
            and (expect.score_max is None or score <= expect.score_max)
        )
        exp.append(f"score: {want}")
        act.append(f"score: {want}" if ok else f"score: {score}")
        if not ok:
            bad.append(f"score {score}, expected {want}")
    turns = sorted(set(expect.findings) | set(expect.absent))
    for turn in turns:
        got = actual.findings[turn] if turn < len(actual.findings) else None
        must = list(expect.findings.get(turn, []))
        never = list(expect.absent.get(turn, []))
        if must:
            exp.append(f"turn {turn} findings include: {', '.join(must)}")
        if never:
            exp.append(f"turn {turn} findings exclude: {', '.join(never)}")
        if got is None:
            act.append(f"turn {turn}: not played (only {len(actual.findings)} rep turns)")
            bad.append(f"turn {turn} was not played")
            continue
        missing = [i for i in must if i not in got]
        present = [i for i in never if i in got]
        if must:
            act.append(
                f"turn {turn} findings include: {', '.join(must)}"
                if not missing
                else f"turn {turn} findings: [{', '.join(got)}] (missing {', '.join(missing)})"
            )
        if never:
            act.append(
                f"turn {turn} findings exclude: {', '.join(never)}"
                if not present
                else f"turn {turn} findings: [{', '.join(got)}] (has {', '.join(present)})"
            )
        if missing:
            bad.append(f"turn {turn}: missing {', '.join(missing)}")
        if present:
            bad.append(f"turn {turn}: unexpected {', '.join(present)}")
    return exp, act, bad


def run_transcript(
    scenario: Scenario,
    transcript: Transcript,
    *,
    label: str = "",
    scorer: Scorer | None = None,
    factory: ConversationFactory = engine_factory,
) -> TranscriptResult:
    actual = play(scenario, transcript, scorer=scorer, factory=factory)
    if transcript.expect is None:
        msg = "no expect: run `trainer test --record` and paste what you agree with"
        return TranscriptResult(transcript.name, False, actual, [msg], msg)
    exp, act, bad = compare(transcript.expect, actual)
    diff = ""
    if bad:
        where = f"{label}: {transcript.name}" if label else transcript.name
        diff = "\n".join(
            difflib.unified_diff(
                exp, act, fromfile=f"expected ({where})", tofile="actual", lineterm="", n=2
            )
        )
    return TranscriptResult(transcript.name, not bad, actual, bad, diff)


def run_golden(
    golden: GoldenFile,
    scenario: Scenario,
    *,
    path: str = "",
    scorer: Scorer | None = None,
    factory: ConversationFactory = engine_factory,
) -> GoldenResult:
    """Play every transcript of ``golden`` against ``scenario``."""
    results = [
        run_transcript(scenario, t, label=path, scorer=scorer, factory=factory)
        for t in golden.transcripts
    ]
    return GoldenResult(path, scenario.id, results)


def load_pair(golden_path: str | Path) -> tuple[GoldenFile, Scenario]:
    """Load a golden file and the scenario beside it; raises :class:`ScenarioError`."""
    golden, smap, problems = load_golden_with_map(golden_path)
    if golden is None or any(p.severity == "error" for p in problems):
        raise ScenarioError(problems)
    scenario_file = scenario_path_for(golden_path)
    scenario, _sm, s_problems = load_with_map(scenario_file)
    errors = [p for p in s_problems if p.severity == "error"]
    if scenario is None or errors:
        raise ScenarioError(errors or s_problems)
    cross = [
        p
        for p in check_golden(golden, scenario, smap, str(golden_path), scenario_file)
        if p.severity == "error"
    ]
    if cross:
        raise ScenarioError(cross)
    return golden, scenario


def run_golden_file(
    golden_path: str | Path,
    *,
    scorer: Scorer | None = None,
    factory: ConversationFactory = engine_factory,
) -> GoldenResult:
    """Load a golden file and its scenario, then run it; raises :class:`ScenarioError`."""
    golden, scenario = load_pair(golden_path)
    return run_golden(golden, scenario, path=str(golden_path), scorer=scorer, factory=factory)


def find_goldens(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path]]:
    """(golden files to run, scenario files that have none) for files and folders given.

    A scenario file maps to the golden beside it; a folder to every golden in it.
    """
    goldens: list[Path] = []
    lacking: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.glob("*.yaml")):
                if is_golden(f):
                    goldens.append(f)
                elif not golden_path_for(f).exists():
                    lacking.append(f)
        elif is_golden(p):
            goldens.append(p)
        else:
            g = golden_path_for(p)
            if g.exists():
                goldens.append(g)
            else:
                lacking.append(p)
    return goldens, lacking


# --------------------------------------------------------------------------- recording


def _q(text: str) -> str:
    """A YAML 1.2 double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render_actual(transcript: Transcript, actual: Actual) -> list[str]:
    """One transcript in golden YAML form, with what actually happened as its expectation."""
    lines = [f"  - name: {transcript.name}", f"    seed: {transcript.seed}", "    replies:"]
    lines += [f"      - {_q(r)}" for r in transcript.replies]
    lines.append("    expect:")
    lines.append(f"      path: [{', '.join(actual.path)}]")
    lines.append(f"      outcome: {actual.outcome}")
    lines.append(f"      ethics_pass: {json.dumps(actual.ethics_pass)}")
    if actual.score is not None:
        lines.append(f"      score_min: {max(0, actual.score - 10)}  # actual score {actual.score}")
        lines.append(f"      score_max: {min(100, actual.score + 10)}")
    found = {i: ids for i, ids in enumerate(actual.findings) if ids}
    if found:
        lines.append("      findings:")
        lines += [f"        {i}: [{', '.join(ids)}]" for i, ids in found.items()]
    if actual.error:
        lines.append(f"    # {actual.error}")
    return lines


def record_golden(
    golden: GoldenFile,
    scenario: Scenario,
    *,
    scorer: Scorer | None = None,
    factory: ConversationFactory = engine_factory,
) -> str:
    """Play the golden's replies and render a complete golden file of what actually happened."""
    out = [f"scenario: {golden.scenario}", "transcripts:"]
    for t in golden.transcripts:
        actual = play(scenario, t, scorer=scorer, factory=factory)
        out += render_actual(t, actual)
    return "\n".join(out) + "\n"


__all__ = [
    "Actual",
    "ConversationFactory",
    "ConversationLike",
    "Expect",
    "GoldenFile",
    "GoldenResult",
    "Transcript",
    "TranscriptResult",
    "check_golden",
    "compare",
    "engine_factory",
    "find_goldens",
    "golden_path_for",
    "lint_golden_file",
    "load_golden",
    "load_golden_with_map",
    "load_pair",
    "play",
    "record_golden",
    "render_actual",
    "run_golden",
    "run_golden_file",
    "scenario_path_for",
]
