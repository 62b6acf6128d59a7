"""Load scenario files: YAML 1.2 text -> validated :class:`Scenario`, with file:line:col errors.

The loader never raises a traceback at a trainer for bad input. Whatever the text holds (syntax
errors, duplicate keys, tabs, binary junk, alias bombs, wrong types, misspelt rubric ids) it
returns :class:`Problem` records naming the file, line and column of the offending key.

- ``load_scenario(path)`` -> :class:`Scenario`, raising :class:`ScenarioError` (with
  ``.problems``) when the file has any error.
- ``load_text(text, path="<string>")`` -> :class:`Scenario`, same rules, for text in memory.
- ``load_with_map(path)`` -> ``(Scenario | None, SourceMap, problems)``: never raises; the
  scenario is ``None`` when the file does not match the model. Lint builds on this.
- ``load_dir(folder)`` -> ``(scenarios, problems)``: every ``*.yaml`` scenario in the folder
  (golden transcripts ``*.golden.yaml`` are skipped); a broken file never stops the others.

YAML is read with ruamel.yaml's round-trip loader in YAML 1.2 mode, so ``No``/``yes``/``on``
stay strings and every key keeps its position. Besides the model's own checks, the loader
checks the cross references the engine relies on (``goto`` targets, persona ids, ``start`` and
``timeout_ending``); those use the lint codes E101-E104.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import logging
import os
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from trainer.core.rubric import CRITERION_IDS, MOMENT_IDS
from trainer.core.scenario.models import Scenario

logger = logging.getLogger(__name__)

Severity = Literal["error", "warning"]
KeyPath = tuple[str | int, ...]

#: Files larger than this are refused before parsing (a scenario is a few tens of kB).
MAX_BYTES = 2 * 1024 * 1024
#: Plain values built from one document (after aliases are followed); guards alias bombs.
MAX_NODES = 200_000
#: Deepest nesting accepted (a scenario needs fewer than 15 levels).
MAX_DEPTH = 64

SCHEMA_COMMENT = "# yaml-language-server: $schema=./scenario.schema.json"

#: Condition keys (and golden expectation keys) whose list items are rubric criterion ids.
CRITERION_LIST_KEYS = frozenset(
    {"found", "any_found", "not_found", "found_before", "not_found_before", "findings", "absent"}
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding about a file: ``path:line:col: CODE severity message`` (1-based line/col)."""

    path: str
    line: int
    col: int
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.severity} {self.message}"

    def __str__(self) -> str:
        return self.format()


class ScenarioError(ValueError):
    """A scenario (or golden) file has errors; ``problems`` lists each with file:line:col."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems) or "invalid scenario")


class SourceMap:
    """Where each key of a YAML document sits: key path -> (line, col), both 1-based.

    A key path is the chain of mapping keys and list indexes from the document root, e.g.
    ``("nodes", "greet", "branches", 0, "goto")``. :meth:`pos` falls back to the nearest
    enclosing key that is known, so a missing key is reported where its parent starts.
    """

    def __init__(self, positions: Mapping[KeyPath, tuple[int, int]] | None = None) -> None:
        self._pos: dict[KeyPath, tuple[int, int]] = dict(positions or {})

    def __contains__(self, path: object) -> bool:
        return path in self._pos

    def __len__(self) -> int:
        return len(self._pos)

    def set(self, path: KeyPath, line: int, col: int) -> None:
        self._pos.setdefault(path, (line, col))

    def pos(self, path: Iterable[str | int]) -> tuple[int, int]:
        key = tuple(path)
        while key:
            found = self._pos.get(key)
            if found is not None:
                return found
            key = key[:-1]
        return self._pos.get((), (1, 1))

    def items(self) -> Iterable[tuple[KeyPath, tuple[int, int]]]:
        return self._pos.items()


class _TooBig(Exception):
    pass


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.version = (1, 2)
    yaml.allow_duplicate_keys = False
    return yaml


def _mark(exc: Exception) -> tuple[int, int]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return (1, 1)
    return (int(getattr(mark, "line", 0)) + 1, int(getattr(mark, "column", 0)) + 1)


def _yaml_message(exc: Exception) -> str:
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    parts = [str(p) for p in (context, problem) if p]
    text = (
        ": ".join(parts) if parts else str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    )
    return " ".join(text.split())


def parse_yaml(text: str, path: str = "<string>") -> tuple[Any, SourceMap, list[Problem]]:
    """Parse YAML 1.2 text into plain Python values (dict/list/str/int/float/bool/None).

    Returns ``(data, source_map, problems)``; ``data`` is ``None`` when the text could not be
    parsed (``problems`` then says why: S001 syntax, S003 duplicate key).
    """
    smap = SourceMap()
    if len(text) > MAX_BYTES:
        return (
            None,
            smap,
            [_p(path, 1, 1, "S001", f"file is larger than {MAX_BYTES // 1024 // 1024} MB")],
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        from ruamel.yaml.constructor import DuplicateKeyError
    except ImportError:  # pragma: no cover - ruamel always has it
        DuplicateKeyError = ()  # type: ignore[assignment,misc]  # noqa: N806
    try:
        raw = _yaml().load(text)
    except DuplicateKeyError as exc:
        line, col = _mark(exc)
        name = _duplicate_name(exc)
        return (
            None,
            smap,
            [
                _p(
                    path,
                    line,
                    col,
                    "S003",
                    f"duplicate key {name}: each key may appear only once in a mapping",
                )
            ],
        )
    except RecursionError:
        return (
            None,
            smap,
            [_p(path, 1, 1, "S001", f"nesting is too deep (more than {MAX_DEPTH} levels)")],
        )
    except ValueError as exc:
        if "digits" not in str(exc):
            line, col = _mark(exc)
            return None, smap, [_p(path, line, col, "S001", f"YAML syntax: {_yaml_message(exc)}")]
        return None, smap, [_p(path, 1, 1, "S001", "a number has far too many digits")]
    except Exception as exc:  # ruamel raises many error types for junk; all are syntax problems
        line, col = _mark(exc)
        return None, smap, [_p(path, line, col, "S001", f"YAML syntax: {_yaml_message(exc)}")]
    try:
        data = _Plain(smap).convert(raw, (), 0)
    except _TooBig as exc:
        return None, SourceMap(), [_p(path, 1, 1, "S001", str(exc))]
    except _KeyProblem as exc:
        return None, SourceMap(), [_p(path, exc.line, exc.col, "S002", exc.message)]
    return data, smap, []


def _duplicate_name(exc: Exception) -> str:
    problem = str(getattr(exc, "problem", "") or "")
    # 'found duplicate key "a" with value "2" (original value: "1")'
    if 'key "' in problem:
        return '"' + problem.split('key "', 1)[1].split('"', 1)[0] + '"'
    return "(unnamed)"


class _KeyProblem(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


class _Plain:
    """Converts ruamel's round-trip nodes to plain values, recording positions as it goes."""

    def __init__(self, smap: SourceMap) -> None:
        self.smap = smap
        self.count = 0
        self.active: set[int] = set()

    def _tick(self) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(
                f"document expands to more than {MAX_NODES} values "
                "(too many aliases, or a far too large file)"
            )

    def convert(self, value: Any, path: KeyPath, depth: int) -> Any:
        self._tick()
        if depth > MAX_DEPTH:
            raise _TooBig(f"nesting is too deep (more than {MAX_DEPTH} levels)")
        if isinstance(value, Mapping):
            return self._mapping(value, path, depth)
        if isinstance(value, list | tuple):
            return self._sequence(value, path, depth)
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return float(value)
        if isinstance(value, str):
            return str(value)
        if isinstance(value, _dt.datetime | _dt.date):
            # Unquoted dates such as 2027-01-31 are kept as the text the trainer wrote.
            return value.isoformat()
        if value is None:
            return None
        return str(value)

    def _enter(self, value: Any, path: KeyPath) -> None:
        if id(value) in self.active:
            line, col = self.smap.pos(path)
            raise _KeyProblem(line, col, "an alias refers to the mapping or list that contains it")
        self.active.add(id(value))

    def _mapping(self, value: Mapping[Any, Any], path: KeyPath, depth: int) -> dict[Any, Any]:
        self._enter(value, path)
        lc = getattr(value, "lc", None)
        out: dict[Any, Any] = {}
        try:
            for key in list(value.keys()):
                line, col = _key_pos(lc, key)
                if isinstance(key, bool) or not isinstance(key, str | int):
                    raise _KeyProblem(
                        line, col, f"a key must be text or a whole number, not {_kind(key)}"
                    )
                plain_key: str | int = str(key) if isinstance(key, str) else int(key)
                sub = (*path, plain_key)
                if line:
                    self.smap.set(sub, line, col)
                elif path in self.smap:
                    self.smap.set(sub, *self.smap.pos(path))
                out[plain_key] = self.convert(value[key], sub, depth + 1)
        finally:
            self.active.discard(id(value))
        return out

    def _sequence(self, value: Sequence[Any], path: KeyPath, depth: int) -> list[Any]:
        self._enter(value, path)
        lc = getattr(value, "lc", None)
        out: list[Any] = []
        try:
            for i, item in enumerate(value):
                sub = (*path, i)
                line, col = _item_pos(lc, i)
                if line:
                    self.smap.set(sub, line, col)
                elif path in self.smap:
                    self.smap.set(sub, *self.smap.pos(path))
                out.append(self.convert(item, sub, depth + 1))
        finally:
            self.active.discard(id(value))
        return out


def _key_pos(lc: Any, key: Any) -> tuple[int, int]:
    try:
        line, col = lc.key(key)
        return int(line) + 1, int(col) + 1
    except Exception:  # no position recorded (e.g. merged keys)
        return 0, 0


def _item_pos(lc: Any, index: int) -> tuple[int, int]:
    try:
        line, col = lc.item(index)
        return int(line) + 1, int(col) + 1
    except Exception:
        return 0, 0


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return type(value).__name__


def _p(
    path: str, line: int, col: int, code: str, message: str, severity: Severity = "error"
) -> Problem:
    return Problem(path, line, col, code, severity, message)


# --------------------------------------------------------------------------- pydantic errors


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _dotted(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated/Optional wrappers until a model, list or dict type remains."""
    for _ in range(10):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = (
                members[0]
                if len(members) == 1
                else next(
                    (m for m in members if isinstance(m, type) and issubclass(m, BaseModel)),
                    members[0],
                )
            )
            continue
        break
    return annotation


def model_at(root: type[BaseModel], loc: Sequence[Any]) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``loc`` (None when it is not a model)."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(part, str):
                return None
            found = None
            for name, info in current.model_fields.items():
                if part in (name, info.alias):
                    found = info.annotation
                    break
            if found is None:
                return None
            current = found
            continue
        origin = typing.get_origin(current)
        args = typing.get_args(current)
        if origin is dict and len(args) == 2:
            current = args[1]
        elif origin is list and args:
            current = args[0]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def validation_problems(
    exc: ValidationError, smap: SourceMap, path: str, root: type[BaseModel]
) -> list[Problem]:
    """Turn pydantic errors into problems at the line:col of the offending key."""
    problems: list[Problem] = []
    seen: set[tuple[KeyPath, str]] = set()
    for err in exc.errors(include_url=False):
        loc: KeyPath = tuple(p for p in err["loc"] if p != "[key]")
        kind = err["type"]
        value = err.get("input")
        where = _dotted(loc)
        code = "S002"
        if kind == "literal_error" and isinstance(value, str) and _is_criterion_loc(loc):
            code = "E301"
            message = f"unknown rubric id '{value}'{suggest(value, CRITERION_IDS)}"
        elif kind == "literal_error" and isinstance(value, str) and loc and loc[-1] == "moment":
            code = "E302"
            message = f"unknown moment '{value}'{suggest(value, MOMENT_IDS)}"
        elif kind == "missing":
            message = (
                f"{_dotted(loc[:-1])}: missing required key '{loc[-1]}'"
                if loc
                else "missing required key"
            )
        elif kind == "extra_forbidden":
            model = model_at(root, loc[:-1])
            hint = suggest(str(loc[-1]), field_names(model)) if model else ""
            message = f"{_dotted(loc[:-1])}: unknown key '{loc[-1]}'{hint}"
        elif "[key]" in err["loc"]:
            message = f"{where}: key {_short(loc[-1] if loc else value)} {err['msg'][0].lower()}{err['msg'][1:]}"
        else:
            message = f"{where}: {err['msg']}"
            if kind not in ("missing", "value_error") and not isinstance(value, Mapping | list):
                message += f" (got {_short(value)})"
        if (loc, message) in seen:
            continue
        seen.add((loc, message))
        line, col = smap.pos(loc)
        problems.append(_p(path, line, col, code, message))
    return problems


def _is_criterion_loc(loc: KeyPath) -> bool:
    return (
        len(loc) >= 2
        and isinstance(loc[-1], int)
        and any(part in CRITERION_LIST_KEYS for part in loc[-3:-1] if isinstance(part, str))
    )


def validate_model(
    model: type[M], data: Any, smap: SourceMap, path: str
) -> tuple[M | None, list[Problem]]:
    """Validate plain data against ``model``; problems carry file:line:col."""
    if not isinstance(data, Mapping):
        what = "empty" if data is None else f"{_kind(data)}"
        return None, [
            _p(path, 1, 1, "S002", f"the file must hold one mapping of keys, but it is {what}")
        ]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, validation_problems(exc, smap, path, model)
    except (RecursionError, ValueError, TypeError) as exc:  # defensive: never a traceback
        return None, [_p(path, 1, 1, "S002", f"cannot validate: {exc}")]


# --------------------------------------------------------------------------- references


def reference_problems(scenario: Scenario, smap: SourceMap, path: str) -> list[Problem]:
    """Cross references the engine relies on: E101 goto/visited, E102 persona, E103 start and
    timeout_ending, E104 an id used for both a node and an ending."""
    out: list[Problem] = []

    def add(loc: KeyPath, code: str, message: str) -> None:
        line, col = smap.pos(loc)
        out.append(_p(path, line, col, code, message))

    nodes, endings = scenario.nodes, scenario.endings
    targets = [*nodes, *endings]
    personas = [p.id for p in scenario.personas]
    seen_personas: set[str] = set()
    for i, persona in enumerate(scenario.personas):
        if persona.id in seen_personas:
            add(("personas", i, "id"), "E102", f"persona '{persona.id}' is declared twice")
        seen_personas.add(persona.id)
    for both in sorted(set(nodes) & set(endings)):
        add(
            ("endings", both),
            "E104",
            f"'{both}' is both a node and an ending; goto would be ambiguous",
        )
    if scenario.start not in nodes:
        add(
            ("start",),
            "E103",
            f"start node '{scenario.start}' is not a node{suggest(scenario.start, nodes)}",
        )
    if scenario.timeout_ending not in endings:
        add(
            ("timeout_ending",),
            "E103",
            f"timeout_ending '{scenario.timeout_ending}' is not an ending"
            f"{suggest(scenario.timeout_ending, endings)}",
        )
    for j, holder in enumerate(scenario.context.stakeholders):
        if holder.persona is not None and holder.persona not in personas:
            add(
                ("context", "stakeholders", j, "persona"),
                "E102",
                f"unknown persona '{holder.persona}'{suggest(holder.persona, personas)}",
            )
    for node_id, node in nodes.items():
        if node.speaker not in personas:
            add(
                ("nodes", node_id, "speaker"),
                "E102",
                f"unknown persona '{node.speaker}'{suggest(node.speaker, personas)}",
            )
        for b, branch in enumerate(node.branches):
            base: KeyPath = ("nodes", node_id, "branches", b)
            if branch.goto not in nodes and branch.goto not in endings:
                add(
                    (*base, "goto"),
                    "E101",
                    f"unknown goto target '{branch.goto}'{suggest(branch.goto, targets)}",
                )
            if branch.when is not None:
                for loc, key, node_ref in walk_condition(branch.when, (*base, "when")):
                    if key in ("visited", "not_visited") and node_ref not in nodes:
                        add(
                            loc,
                            "E101",
                            f"unknown node '{node_ref}' in {key}{suggest(node_ref, nodes)}",
                        )
    for ending_id, ending in endings.items():
        if ending.speaker not in personas:
            add(
                ("endings", ending_id, "speaker"),
                "E102",
                f"unknown persona '{ending.speaker}'{suggest(ending.speaker, personas)}",
            )
    return out


def walk_condition(cond: Any, loc: KeyPath) -> Iterable[tuple[KeyPath, str, Any]]:
    """Yield ``(key path, condition key, item)`` for every list item and scalar test in a
    condition, nested ``any``/``not`` included. Variable tests yield the :class:`VarTest`."""
    for name, info in type(cond).model_fields.items():
        value = getattr(cond, name)
        if value is None:
            continue
        key = info.alias or name
        if key == "any":
            for i, sub in enumerate(value):
                yield from walk_condition(sub, (*loc, "any", i))
        elif key == "not":
            yield from walk_condition(value, (*loc, "not"))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield (*loc, key, i), key, item
        else:
            yield (*loc, key), key, value


# --------------------------------------------------------------------------- public API


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem saying why it cannot be read."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [
                _p(name, 1, 1, "S001", f"file is larger than {MAX_BYTES // 1024 // 1024} MB")
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_p(name, 1, 1, "S001", f"cannot read file: {exc.strerror or exc}")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [_p(name, line, col, "S001", "the file is not UTF-8 text")]


def load_model_text(
    model: type[M], text: str, path: str = "<string>"
) -> tuple[M | None, SourceMap, list[Problem]]:
    """Parse and validate ``text`` against any model (scenario or golden); never raises."""
    data, smap, problems = parse_yaml(text, path)
    if problems:
        return None, smap, problems
    obj, problems = validate_model(model, data, smap, path)
    return obj, smap, problems


def load_text_with_map(
    text: str, path: str = "<string>"
) -> tuple[Scenario | None, SourceMap, list[Problem]]:
    scenario, smap, problems = load_model_text(Scenario, text, path)
    if scenario is not None:
        problems = problems + reference_problems(scenario, smap, path)
    return scenario, smap, sorted(problems)


def load_with_map(path: str | Path) -> tuple[Scenario | None, SourceMap, list[Problem]]:
    """Load a scenario file without raising: ``(scenario or None, source map, problems)``.

    The scenario is returned whenever it matches the model, even when cross references are
    broken (those problems are in the list), so lint can go on checking it.
    """
    p = Path(path)
    text, problems = read_text(p)
    if text is None:
        return None, SourceMap(), problems
    return load_text_with_map(text, str(path))


def _raise_on_errors(scenario: Scenario | None, problems: list[Problem]) -> Scenario:
    errors = [p for p in problems if p.severity == "error"]
    if errors or scenario is None:
        raise ScenarioError(errors or problems)
    return scenario


def load_text(text: str, path: str = "<string>") -> Scenario:
    """Load a scenario from text; raises :class:`ScenarioError` listing every error."""
    scenario, _smap, problems = load_text_with_map(text, path)
    return _raise_on_errors(scenario, problems)


def load_scenario(path: str | Path) -> Scenario:
    """Load and check one scenario file; raises :class:`ScenarioError` listing every error."""
    scenario, _smap, problems = load_with_map(path)
    return _raise_on_errors(scenario, problems)


def default_scenarios_dir() -> Path:
    """The scenario folder: ``$TRAINER_SCENARIOS`` when set, else the shipped ``scenarios/``
    beside the package."""
    env = os.environ.get("TRAINER_SCENARIOS")
    if env:
        return Path(env)
    import trainer

    shipped = Path(trainer.__file__).resolve().parent.parent / "scenarios"
    try:  # shorter paths in messages when run from the project folder
        return shipped.relative_to(Path.cwd())
    except ValueError:
        return shipped


def is_golden(path: Path) -> bool:
    return path.name.endswith(".golden.yaml")


def scenario_files(folder: str | Path) -> list[Path]:
    """The scenario files of a folder (``*.yaml``, goldens excluded), sorted by name."""
    return sorted(p for p in Path(folder).glob("*.yaml") if p.is_file() and not is_golden(p))


def load_dir(folder: str | Path) -> tuple[list[Scenario], list[Problem]]:
    """Load every scenario in ``folder``; broken files add problems and are left out."""
    scenarios: list[Scenario] = []
    problems: list[Problem] = []
    for file in scenario_files(folder):
        scenario, _smap, found = load_with_map(file)
        problems.extend(found)
        if scenario is not None and not any(p.severity == "error" for p in found):
            scenarios.append(scenario)
        else:
            logger.warning("skipping %s: %d problem(s)", file, len(found))
    return scenarios, sorted(problems)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems)


__all__ = [
    "MAX_BYTES",
    "Problem",
    "ScenarioError",
    "default_scenarios_dir",
    "Severity",
    "SourceMap",
    "is_golden",
    "load_dir",
    "load_model_text",
    "load_scenario",
    "load_text",
    "load_text_with_map",
    "load_with_map",
    "parse_yaml",
    "reference_problems",
    "scenario_files",
    "suggest",
    "validate_model",
    "walk_condition",
]
