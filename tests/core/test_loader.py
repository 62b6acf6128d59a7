from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.core.scenario.loader import (
    MAX_BYTES,
    Problem,
    ScenarioError,
    SourceMap,
    load_dir,
    load_scenario,
    load_text,
    load_with_map,
    parse_yaml,
)
from trainer.core.scenario.models import Scenario

DATA = Path(__file__).resolve().parent.parent / "data" / "scenarios"
CLEAN = DATA / "lint_clean.yaml"
CLEAN_TEXT = CLEAN.read_text(encoding="utf-8")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing ``needle``."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth - 1]


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def test_loads_valid_file_and_keeps_yaml_12_strings() -> None:
    scenario = load_scenario(CLEAN)
    assert isinstance(scenario, Scenario)
    assert scenario.id == "lint_clean"
    # "No" inside text stays text, and an unquoted date stays the date the trainer wrote.
    assert "says No when rushed" in scenario.personas[0].temperament
    assert scenario.context.constraints[0].value == "2027-01-31"
    assert scenario.nodes["open"].says[0].startswith("No surprises")


def test_yaml_12_no_yes_on_stay_strings() -> None:
    data, _smap, problems = parse_yaml("a: No\nb: yes\nc: on\nd: true\n")
    assert problems == []
    assert data == {"a": "No", "b": "yes", "c": "on", "d": True}


def test_schema_key_is_accepted() -> None:
    text = CLEAN_TEXT.replace(
        "id: lint_clean", '"$schema": ./scenario.schema.json\nid: lint_clean', 1
    )
    assert load_text(text).schema_ == "./scenario.schema.json"


def test_source_map_positions_are_one_based_lines_and_columns() -> None:
    _scenario, smap, problems = load_with_map(CLEAN)
    assert problems == []
    assert smap.pos(("id",)) == (line_of(CLEAN_TEXT, "id: lint_clean"), 1)
    goto_line = line_of(CLEAN_TEXT, "goto: pushback")
    assert smap.pos(("nodes", "open", "branches", 0, "goto")) == (goto_line, 9)
    # An unknown deeper path falls back to its nearest known parent.
    assert smap.pos(("nodes", "open", "nope", 3)) == smap.pos(("nodes", "open"))
    assert SourceMap().pos(("x",)) == (1, 1)


def test_pydantic_errors_map_to_the_offending_key() -> None:
    text = CLEAN_TEXT.replace("goto: lost", "goto: 12")
    with pytest.raises(ScenarioError) as info:
        load_text(text, "s.yaml")
    (problem,) = info.value.problems
    assert problem.code == "S002" and problem.severity == "error"
    assert (problem.line, problem.col) == (line_of(text, "goto: 12"), 9)
    assert "nodes.offer.branches[2].goto" in problem.message
    assert str(info.value).startswith(f"s.yaml:{problem.line}:9: S002 error ")


def test_unknown_rubric_id_and_moment_get_friendly_messages() -> None:
    text = CLEAN_TEXT.replace("[discovery_question]", "[discovery_qestion]").replace(
        "moment: proposal", "moment: proposl"
    )
    with pytest.raises(ScenarioError) as info:
        load_text(text, "s.yaml")
    by_code = {p.code: p for p in info.value.problems}
    assert set(by_code) == {"E301", "E302"}
    assert by_code["E301"].message == (
        "unknown rubric id 'discovery_qestion' (did you mean 'discovery_question'?)"
    )
    assert by_code["E301"].line == line_of(text, "discovery_qestion")
    assert by_code["E302"].message == "unknown moment 'proposl' (did you mean 'proposal'?)"
    assert by_code["E302"].line == line_of(text, "proposl")


def test_unknown_key_suggests_the_right_one_and_missing_key_points_at_parent() -> None:
    text = CLEAN_TEXT.replace("      - So what do you", "      - So what do you", 1).replace(
        "    says:\n      - So what", "    sayz:\n      - So what"
    )
    with pytest.raises(ScenarioError) as info:
        load_text(text, "s.yaml")
    messages = {p.message: p for p in info.value.problems}
    unknown = messages["nodes.offer: unknown key 'sayz' (did you mean 'says'?)"]
    assert unknown.line == line_of(text, "sayz:")
    missing = messages["nodes.offer: missing required key 'says'"]
    assert missing.line == line_of(text, "  offer:")


def test_nested_not_condition_uses_the_yaml_key_in_errors() -> None:
    text = CLEAN_TEXT.replace(
        "when: {any_found: [discovery_question]}", "when: {not: {found: [nonsense]}}"
    )
    with pytest.raises(ScenarioError) as info:
        load_text(text)
    (problem,) = info.value.problems
    assert problem.code == "E301" and "'nonsense'" in problem.message
    assert problem.line == line_of(text, "nonsense")


def test_duplicate_key_is_s003_with_its_line() -> None:
    text = CLEAN_TEXT.replace("title: Clean", "title: First\ntitle: Clean")
    with pytest.raises(ScenarioError) as info:
        load_text(text, "d.yaml")
    (problem,) = info.value.problems
    assert problem.code == "S003"
    assert problem.line == line_of(text, "title: Clean")
    assert '"title"' in problem.message


def test_syntax_error_is_s001_with_position() -> None:
    text = CLEAN_TEXT.replace("start: open", "start: [open")
    _s, _m, problems = load_with_map_text(text)
    assert codes(problems) == ["S001"]
    assert problems[0].line >= line_of(text, "start: [open")


def load_with_map_text(text: str) -> tuple[object, SourceMap, list[Problem]]:
    from trainer.core.scenario.loader import load_text_with_map

    return load_text_with_map(text, "t.yaml")


def test_reference_errors_are_reported_but_scenario_still_returned() -> None:
    text = (
        CLEAN_TEXT.replace("goto: lost", "goto: lots")
        .replace("speaker: dana\n    says:\n      - So", "speaker: dan\n    says:\n      - So")
        .replace("start: open", "start: opne")
        .replace("timeout_ending: ran_out", "timeout_ending: nowhere")
    )
    scenario, _smap, problems = load_with_map_text(text)
    assert scenario is not None
    found = {(p.code, p.line) for p in problems}
    assert ("E101", line_of(text, "goto: lots")) in found
    assert ("E102", line_of(text, "speaker: dan", 3)) in found
    assert ("E103", line_of(text, "start: opne")) in found
    assert ("E103", line_of(text, "timeout_ending: nowhere")) in found
    assert any("did you mean 'lost'" in p.message for p in problems)
    with pytest.raises(ScenarioError):
        load_text(text)


def test_non_mapping_and_empty_documents() -> None:
    for text in ("", "- a\n- b\n", "just words\n"):
        with pytest.raises(ScenarioError) as info:
            load_text(text)
        assert codes(info.value.problems) == ["S002"]
        assert "one mapping" in info.value.problems[0].message


def test_bom_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + CLEAN_TEXT.encode("utf-8"))
    assert load_scenario(path).id == "lint_clean"


def test_not_utf8_and_too_big_files(tmp_path: Path) -> None:
    bad = tmp_path / "latin.yaml"
    bad.write_bytes(b"id: caf\xe9\n")
    _s, _m, problems = load_with_map(bad)
    assert [(p.code, p.line, p.col) for p in problems] == [("S001", 1, 8)]
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    _s, _m, problems = load_with_map(big)
    assert codes(problems) == ["S001"] and "larger than" in problems[0].message
    _s, _m, problems = load_with_map(tmp_path / "missing.yaml")
    assert codes(problems) == ["S001"] and "cannot read" in problems[0].message


def test_alias_bomb_and_recursive_alias_are_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for name in "bcdefgh":
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]\n"
        prev = name
    _data, _smap, problems = parse_yaml(bomb)
    assert codes(problems) == ["S001"] and "more than" in problems[0].message
    _data, _smap, problems = parse_yaml("&a [*a]")
    assert codes(problems) == ["S002"] and "alias" in problems[0].message


def test_ordinary_aliases_still_work() -> None:
    data, _smap, problems = parse_yaml("base: &b {x: 1}\ncopy: *b\n")
    assert problems == []
    assert data == {"base": {"x": 1}, "copy": {"x": 1}}


def test_deep_nesting_and_huge_numbers_and_tabs() -> None:
    for text in ("[" * 3000 + "]" * 3000, "a: " + "9" * 6000, "a:\n\t- b\n", "{[1]: 2}"):
        data, _smap, problems = parse_yaml(text)
        assert data is None
        assert len(problems) == 1 and problems[0].code in {"S001", "S002"}


def test_load_dir_keeps_going_past_broken_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(CLEAN_TEXT, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("id: [", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        CLEAN_TEXT.replace("id: lint_clean", "id: other"), encoding="utf-8"
    )
    (tmp_path / "c.golden.yaml").write_text("scenario: other\n", encoding="utf-8")
    scenarios, problems = load_dir(tmp_path)
    assert [s.id for s in scenarios] == ["lint_clean", "other"]
    assert [Path(p.path).name for p in problems] == ["b.yaml"]


def test_broken_fixtures_each_give_problems_not_tracebacks() -> None:
    files = sorted((DATA / "broken").glob("*.yaml"))
    assert files, "the broken fixtures are missing"
    for path in files:
        scenario, _smap, problems = load_with_map(path)
        errors = [p for p in problems if p.severity == "error"]
        # Some fixtures are valid YAML and model but break a lint rule; those load.
        if scenario is None:
            assert errors, path
        for p in problems:
            assert p.path == str(path) and p.line >= 1 and p.col >= 1


def _check_never_raises(text: str) -> None:
    try:
        scenario, _smap, problems = load_with_map_text(text)
    except Exception as exc:  # pragma: no cover - the failure message is the point
        raise AssertionError(f"loader raised {exc!r} for {text[:200]!r}") from exc
    assert scenario is not None or problems
    for p in problems:
        assert p.line >= 1 and p.col >= 1 and p.code[0] in "SE"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_fuzz_arbitrary_text_never_raises(text: str) -> None:
    _check_never_raises(text)


_JUNK = st.sampled_from(
    [
        "\x00",
        "\t",
        "\ufeff",
        "&a ",
        "*a",
        "*zz ",
        "<<: *a\n",
        "[[[[[[[[",
        "{",
        "}",
        "- ",
        ": ",
        "9" * 5000,
        "1e999",
        "\n  ",
        '"',
        "'",
        "%YAML 1.1\n---\n",
        "---\n",
        "? ",
        "!!binary ",
        "!!python/object:os.system ",
        "\udcff".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(CLEAN_TEXT)), st.integers(0, 40), _JUNK), max_size=4))
def test_fuzz_mutated_valid_file_never_raises(edits: list[tuple[int, int, str]]) -> None:
    text = CLEAN_TEXT
    for at, cut, junk in edits:
        at = min(at, len(text))
        text = text[:at] + junk + text[at + cut :]
    _check_never_raises(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_binary_files_never_raise(blob: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "junk.yaml"
        path.write_bytes(blob)
        scenario, _smap, problems = load_with_map(path)
    assert scenario is None and problems
