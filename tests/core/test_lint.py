from __future__ import annotations

from pathlib import Path

import pytest

from trainer.core.scenario.lint import (
    expand_paths,
    has_errors,
    lint_file,
    lint_paths,
    lint_scenario,
    live_edges,
    reachable_from,
    strongly_connected,
)
from trainer.core.scenario.loader import Problem, load_text_with_map

DATA = Path(__file__).resolve().parent.parent / "data" / "scenarios"
BROKEN = DATA / "broken"
CLEAN = DATA / "lint_clean.yaml"
CLEAN_TEXT = CLEAN.read_text(encoding="utf-8")


def line_of(path_or_text: Path | str, needle: str, nth: int = 1) -> int:
    text = path_or_text.read_text("utf-8") if isinstance(path_or_text, Path) else path_or_text
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth - 1]


def found(problems: list[Problem]) -> set[tuple[str, int]]:
    return {(p.code, p.line) for p in problems}


def lint_text(text: str) -> list[Problem]:
    scenario, smap, problems = load_text_with_map(text, "t.yaml")
    assert scenario is not None, problems
    return sorted(problems + lint_scenario(scenario, smap, "t.yaml"))


def test_clean_fixture_has_no_problems() -> None:
    assert lint_file(CLEAN) == []


def test_problem_format_is_the_contract() -> None:
    p = Problem("a/b.yaml", 3, 7, "E101", "error", "unknown goto target 'x'")
    assert p.format() == "a/b.yaml:3:7: E101 error unknown goto target 'x'"


def test_closed_loop_and_dead_end() -> None:
    path = BROKEN / "closed_loop.yaml"
    problems = lint_file(path)
    assert found(problems) == {
        ("E203", line_of(path, "  circle_a:")),
        ("E202", line_of(path, "  stall:")),
    }
    loop = next(p for p in problems if p.code == "E203")
    assert "circle_a -> circle_b -> circle_a" in loop.message
    assert has_errors(problems)


def test_self_loop_is_a_loop_without_exit() -> None:
    text = CLEAN_TEXT.replace(
        "      - add: {trust: -5}\n        goto: offer",
        "      - add: {trust: -5}\n        goto: open",
    ).replace("goto: pushback", "goto: open")
    text = text.replace(
        "      - when: {any_found: [discovery_question]}\n        add: {trust: 10}\n        goto: offer",
        "      - when: {any_found: [discovery_question]}\n        add: {trust: 10}\n        goto: open",
    )
    codes = {p.code for p in lint_text(text)}
    assert "E203" in codes
    assert "W201" in codes  # pushback and offer are now unreachable


def test_missing_fallback_and_branches_after_fallback() -> None:
    path = BROKEN / "no_fallback.yaml"
    problems = lint_file(path)
    got = found(problems)
    assert ("E401", line_of(path, "when: {not_found: [pressure_tactics]}")) in got
    e401 = sorted(p for p in problems if p.code == "E401")
    assert len(e401) == 2
    assert "branch 0 has no 'when'" in e401[1].message
    w402 = [p for p in problems if p.code == "W402"]
    assert [p.severity for p in w402] == ["warning", "warning"]
    assert {p.message.split(":")[0] for p in w402} == {"node 'offer'"}
    # Endings only reachable through dead branches are reported as never reached.
    assert {p.message.split("'")[1] for p in problems if p.code == "W203"} == {"renewed", "lost"}


def test_variables_read_undeclared_unused_and_constant() -> None:
    path = BROKEN / "variables.yaml"
    problems = lint_file(path)
    by_code: dict[str, list[Problem]] = {}
    for p in problems:
        by_code.setdefault(p.code, []).append(p)
    assert sorted(by_code) == ["E204", "W205", "W206"]
    assert {p.message.split("'")[1] for p in by_code["E204"]} == {"mood", "tmp"}
    assert by_code["W205"][0].line == line_of(path, "  unused:")
    assert "'patience'" in by_code["W206"][0].message
    read_line = line_of(path, "var: mood")
    mood = next(p for p in by_code["E204"] if "mood" in p.message)
    # The column points at the 'var' key inside the flow mapping.
    text_line = path.read_text("utf-8").splitlines()[read_line - 1]
    assert (mood.line, mood.col) == (read_line, text_line.index("var: mood") + 1)


def test_unreachable_node_and_no_good_ending() -> None:
    path = BROKEN / "endings.yaml"
    problems = lint_file(path)
    assert ("W201", line_of(path, "  orphan:")) in found(problems)
    assert "W502" in {p.code for p in problems}
    assert not has_errors(problems)


def test_fewer_than_three_endings_and_unreached_ending() -> None:
    text = CLEAN_TEXT.replace("goto: walked_away", "goto: lost").replace(
        "timeout_ending: ran_out", "timeout_ending: lost"
    )
    text = text[: text.index("  walked_away:\n    outcome")]
    problems = lint_text(text)
    assert [p.code for p in problems] == ["W501"]
    assert "only 2 ending(s)" in problems[0].message
    text2 = CLEAN_TEXT.replace("goto: walked_away", "goto: lost")
    problems2 = lint_text(text2)
    assert [(p.code, p.line) for p in problems2] == [("W203", line_of(text2, "  walked_away:"))]


def test_reserved_outcome_is_refused() -> None:
    text = CLEAN_TEXT.replace("outcome: deal_lost", "outcome: abandoned")
    problems = lint_text(text)
    assert [(p.code, p.line) for p in problems] == [("S002", line_of(text, "outcome: abandoned"))]


def test_unknown_visited_node_is_e101() -> None:
    text = CLEAN_TEXT.replace("when: {found: [acknowledge_objection]}", "when: {visited: [opne]}")
    problems = lint_text(text)
    assert [(p.code, p.line) for p in problems] == [("E101", line_of(text, "visited: [opne]"))]
    assert "did you mean 'open'" in problems[0].message


def test_id_used_for_node_and_ending() -> None:
    text = CLEAN_TEXT.replace("  lost:\n    outcome", "  offer:\n    outcome").replace(
        "goto: lost", "goto: offer"
    )
    codes = [p.code for p in lint_text(text)]
    assert "E104" in codes


def test_graph_helpers() -> None:
    edges = {"a": ["b"], "b": ["c", "a"], "c": ["c"], "d": []}
    comps = sorted(sorted(c) for c in strongly_connected(["a", "b", "c", "d"], edges))
    assert comps == [["a", "b"], ["c"], ["d"]]
    assert reachable_from("a", edges) == {"a", "b", "c"}
    chain = {str(i): [str(i + 1)] for i in range(3000)}
    assert len(strongly_connected(list(chain), chain)) == 3000  # no recursion limit
    scenario, _smap, _p = load_text_with_map(CLEAN_TEXT)
    assert scenario is not None
    assert live_edges(scenario)["open"] == ["pushback", "offer"]


def test_lint_paths_sorts_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("id: [", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        CLEAN_TEXT.replace("goto: lost", "goto: lots"), encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("not yaml", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.yaml", "b.yaml"]
    problems = lint_paths([tmp_path / "b.yaml", tmp_path])
    assert [Path(p.path).name for p in problems] == ["a.yaml", "a.yaml", "b.yaml", "b.yaml"]
    assert problems == sorted(problems)
    assert [p.code for p in problems if p.path.endswith("a.yaml")] == ["E101", "W203"]


@pytest.mark.parametrize(
    ("fixture", "codes"),
    [
        ("syntax_error.yaml", {"S001"}),
        ("duplicate_key.yaml", {"S003"}),
        ("tab_indent.yaml", {"S001"}),
        ("wrong_types.yaml", {"S002"}),
        ("unknown_ids.yaml", {"E301", "E302"}),
        ("bad_refs.yaml", {"E101", "E102", "E103", "W203"}),
        ("closed_loop.yaml", {"E202", "E203"}),
        ("no_fallback.yaml", {"E401", "W402", "W203"}),
        ("variables.yaml", {"E204", "W205", "W206"}),
        ("endings.yaml", {"W201", "W502"}),
    ],
)
def test_each_broken_fixture_gives_its_codes(fixture: str, codes: set[str]) -> None:
    assert {p.code for p in lint_file(BROKEN / fixture)} == codes


def test_every_broken_fixture_is_covered() -> None:
    names = {p.name for p in BROKEN.glob("*.yaml")}
    assert names == {
        "syntax_error.yaml",
        "duplicate_key.yaml",
        "tab_indent.yaml",
        "wrong_types.yaml",
        "unknown_ids.yaml",
        "bad_refs.yaml",
        "closed_loop.yaml",
        "no_fallback.yaml",
        "variables.yaml",
        "endings.yaml",
        "golden_bad.golden.yaml",
    }
