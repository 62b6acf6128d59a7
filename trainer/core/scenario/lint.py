"""Lint scenario files: the checks Ink, Yarn Spinner and Ren'Py run on their scripts.

Every problem is reported as ``path:line:col: CODE severity message`` at the key that causes
it (see ``docs/scenario-format.md`` for the full list of codes):

- S001 YAML syntax, S002 schema/type, S003 duplicate key (from the loader)
- E101 unknown goto target (or unknown node in ``visited``), E102 unknown persona,
  E103 unknown ``start``/``timeout_ending``, E104 an id that is both a node and an ending
- W201 unreachable node or ending, W203 ending nothing leads to
- E202 node from which no ending can be reached, E203 loop with no way out
- E204 variable used but not declared, W205 declared but never read, W206 read but never changed
- E301 unknown rubric id, E302 unknown moment (with did-you-mean hints)
- E401 rep turn without a fallback branch, W402 branch after the fallback (never taken)
- W501 fewer than 3 endings, W502 no good ending
- golden transcripts (``*.golden.yaml``): G101 unknown node, ending or outcome in an
  expectation, G102 the golden names a scenario that is not beside it, W103 one of the
  standard transcripts (ideal, pushy, weak) is missing

Branches are "live" up to and including the first fallback; reachability, dead ends and loops
are computed over live branches only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from trainer.core.scenario.loader import (
    KeyPath,
    Problem,
    Severity,
    SourceMap,
    is_golden,
    load_with_map,
    walk_condition,
)
from trainer.core.scenario.models import RESERVED_OUTCOMES, Scenario, VarTest

logger = logging.getLogger(__name__)

#: Transcripts every golden file should have.
STANDARD_TRANSCRIPTS: tuple[str, ...] = ("ideal", "pushy", "weak")


class _Report:
    def __init__(self, smap: SourceMap, path: str) -> None:
        self.smap, self.path = smap, path
        self.problems: list[Problem] = []

    def add(self, loc: KeyPath, code: str, message: str, severity: Severity = "error") -> None:
        line, col = self.smap.pos(loc)
        self.problems.append(Problem(self.path, line, col, code, severity, message))

    def warn(self, loc: KeyPath, code: str, message: str) -> None:
        self.add(loc, code, message, "warning")


def live_edges(scenario: Scenario) -> dict[str, list[str]]:
    """node id -> targets of its live branches (up to the first fallback), known ids only."""
    known = set(scenario.nodes) | set(scenario.endings)
    edges: dict[str, list[str]] = {}
    for node_id, node in scenario.nodes.items():
        targets: list[str] = []
        for branch in node.branches:
            if branch.goto in known and branch.goto not in targets:
                targets.append(branch.goto)
            if branch.when is None:
                break
        edges[node_id] = targets
    return edges


def reachable_from(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen = {start}
    todo = [start]
    while todo:
        for nxt in edges.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def strongly_connected(nodes: Sequence[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative): the strongly connected components among ``nodes``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    allowed = set(nodes)
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack.add(v)
            succ = [w for w in edges.get(v, []) if w in allowed]
            recursed = False
            for j in range(i, len(succ)):
                w = succ[j]
                if w not in index:
                    work.append((v, j + 1))
                    work.append((w, 0))
                    recursed = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if recursed:
                continue
            if low[v] == index[v]:
                comp: list[str] = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return out


def _branches(r: _Report, scenario: Scenario) -> None:
    for node_id, node in scenario.nodes.items():
        base: KeyPath = ("nodes", node_id, "branches")
        last = len(node.branches) - 1
        fallback = next((i for i, b in enumerate(node.branches) if b.when is None), None)
        if fallback is None:
            r.add(
                (*base, last, "when"),
                "E401",
                f"node '{node_id}' has no fallback branch: the last branch must have no 'when' "
                "so every reply leads somewhere",
            )
        elif fallback < last:
            r.add(
                (*base, fallback),
                "E401",
                f"node '{node_id}': branch {fallback} has no 'when' but is not the last branch; "
                "only the last branch may be the fallback",
            )
            for i in range(fallback + 1, last + 1):
                r.warn(
                    (*base, i),
                    "W402",
                    f"node '{node_id}': branch {i} can never be taken "
                    f"(it comes after the fallback branch {fallback})",
                )


def _graph(r: _Report, scenario: Scenario) -> None:
    edges = live_edges(scenario)
    nodes, endings = scenario.nodes, scenario.endings
    incoming: dict[str, list[str]] = {}
    for src, targets in edges.items():
        for t in targets:
            incoming.setdefault(t, []).append(src)

    if scenario.start in nodes:
        reached = reachable_from(scenario.start, edges)
        reached.add(scenario.timeout_ending)  # the turn cap can end any session
        for node_id in nodes:
            if node_id not in reached:
                r.warn(
                    ("nodes", node_id),
                    "W201",
                    f"node '{node_id}' is unreachable: no path from start '{scenario.start}' leads to it",
                )
        for ending_id in endings:
            if ending_id not in reached and ending_id in incoming:
                r.warn(
                    ("endings", ending_id),
                    "W201",
                    f"ending '{ending_id}' is unreachable: only unreachable nodes lead to it",
                )
    for ending_id in endings:
        if ending_id not in incoming and ending_id != scenario.timeout_ending:
            r.warn(
                ("endings", ending_id),
                "W203",
                f"ending '{ending_id}' is never reached: no branch that can be taken goes to it",
            )

    # Which nodes can still reach an ending (reverse search from the endings)?
    reverse: dict[str, list[str]] = {}
    for src, targets in edges.items():
        for t in targets:
            reverse.setdefault(t, []).append(src)
    can_end: set[str] = set()
    todo = [e for e in endings]
    while todo:
        for src in reverse.get(todo.pop(), []):
            if src not in can_end:
                can_end.add(src)
                todo.append(src)
    stuck = [n for n in nodes if n not in can_end]
    if not stuck:
        return
    order = list(nodes)
    closed: set[str] = set()
    for comp in strongly_connected(stuck, edges):
        members = set(comp)
        is_cycle = len(comp) > 1 or comp[0] in edges.get(comp[0], [])
        leaves = any(t not in members for n in comp for t in edges.get(n, []))
        if is_cycle and not leaves:
            ordered = sorted(comp, key=order.index)
            closed |= members
            r.add(
                ("nodes", ordered[0]),
                "E203",
                f"loop without an exit: {' -> '.join([*ordered, ordered[0]])} "
                "(no branch leaves these nodes, so no ending can follow)",
            )
    for node_id in stuck:
        if node_id in closed:
            continue
        if not edges.get(node_id):
            why = "none of its branches leads to a known node or ending"
        else:
            why = "every branch leads into a loop that never reaches an ending"
        r.add(("nodes", node_id), "E202", f"dead end at node '{node_id}': {why}")


def _variables(r: _Report, scenario: Scenario) -> None:
    declared = scenario.variables
    reads: dict[str, list[KeyPath]] = {}
    writes: dict[str, list[KeyPath]] = {}
    for node_id, node in scenario.nodes.items():
        for b, branch in enumerate(node.branches):
            base: KeyPath = ("nodes", node_id, "branches", b)
            for effect in ("add", "set"):
                for name in getattr(branch, effect):
                    writes.setdefault(name, []).append((*base, effect, name))
            if branch.when is not None:
                for loc, key, item in walk_condition(branch.when, (*base, "when")):
                    if key == "vars" and isinstance(item, VarTest):
                        reads.setdefault(item.var, []).append((*loc, "var"))
    for name, locs in reads.items():
        if name not in declared:
            for loc in locs:
                r.add(
                    loc,
                    "E204",
                    f"variable '{name}' is read but not declared under 'variables'",
                )
        elif name not in writes:
            r.warn(
                locs[0],
                "W206",
                f"variable '{name}' is read but no branch ever changes it, "
                f"so this test always sees {declared[name].initial}",
            )
    for name, locs in writes.items():
        if name not in declared:
            for loc in locs:
                r.add(
                    loc,
                    "E204",
                    f"variable '{name}' is changed but not declared under 'variables'",
                )
    for name in declared:
        if name not in reads:
            r.warn(
                ("variables", name),
                "W205",
                f"variable '{name}' is declared but no condition ever reads it",
            )


def _endings(r: _Report, scenario: Scenario) -> None:
    count = len(scenario.endings)
    if count < 3:
        r.warn(
            ("endings",),
            "W501",
            f"only {count} ending(s): give the rep at least 3 distinct outcomes",
        )
    if not any(e.good for e in scenario.endings.values()):
        r.warn(("endings",), "W502", "no ending has 'good: true': reps have nothing to aim for")
    for ending_id, ending in scenario.endings.items():
        if ending.outcome in RESERVED_OUTCOMES:
            r.add(
                ("endings", ending_id, "outcome"),
                "S002",
                f"outcome '{ending.outcome}' is reserved for sessions the rep leaves early",
            )


def lint_scenario(scenario: Scenario, smap: SourceMap, path: str) -> list[Problem]:
    """Structural checks on a scenario that already matches the model.

    Cross references (E101-E104) come from the loader; this adds branches, graph, variables
    and endings checks.
    """
    r = _Report(smap, path)
    _branches(r, scenario)
    _graph(r, scenario)
    _variables(r, scenario)
    _endings(r, scenario)
    return r.problems


def lint_file(path: str | Path) -> list[Problem]:
    """Every problem of one file (scenario or golden); never raises for bad input."""
    p = Path(path)
    if is_golden(p):
        from trainer.core.scenario.golden import lint_golden_file

        return sorted(lint_golden_file(p))
    scenario, smap, problems = load_with_map(p)
    if scenario is not None:
        problems = problems + lint_scenario(scenario, smap, str(path))
    return sorted(problems)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to lint: files as given, folders expanded to their ``*.yaml`` files."""
    out: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            out.extend(sorted(f for f in p.glob("*.yaml") if f.is_file()))
        else:
            out.append(p)
    return out


def lint_paths(paths: Iterable[str | Path]) -> list[Problem]:
    """Lint every file (folders expanded); one broken file never stops the others."""
    problems: list[Problem] = []
    for file in expand_paths(paths):
        try:
            problems.extend(lint_file(file))
        except Exception as exc:  # a lint bug must not hide the other files' problems
            logger.exception("lint failed on %s", file)
            problems.append(Problem(str(file), 1, 1, "S000", "error", f"lint crashed: {exc!r}"))
    return sorted(problems)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


__all__ = [
    "STANDARD_TRANSCRIPTS",
    "expand_paths",
    "has_errors",
    "lint_file",
    "lint_paths",
    "lint_scenario",
    "live_edges",
    "reachable_from",
    "strongly_connected",
]
