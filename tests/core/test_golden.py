from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from trainer.core.findings import Finding, ScoreContext
from trainer.core.scenario.golden import (
    ConversationLike,
    GoldenFile,
    find_goldens,
    golden_path_for,
    lint_golden_file,
    load_golden,
    load_golden_with_map,
    load_pair,
    play,
    record_golden,
    run_golden,
    run_golden_file,
    scenario_path_for,
)
from trainer.core.scenario.loader import ScenarioError, load_scenario, parse_yaml
from trainer.core.scenario.models import Scenario

DATA = Path(__file__).resolve().parent.parent / "data" / "scenarios"
CLEAN = DATA / "lint_clean.yaml"

KEYWORDS = {
    "?": "discovery_question",
    "option": "options_tradeoffs",
    "now or never": "pressure_tactics",
    "understand": "acknowledge_objection",
}


def keyword_scorer(text: str, context: ScoreContext) -> list[Finding]:
    """A tiny deterministic scorer so these tests do not depend on the real rules."""
    out = []
    for word, criterion in KEYWORDS.items():
        at = text.lower().find(word)
        if at >= 0:
            polarity = "avoid" if criterion == "pressure_tactics" else "do"
            out.append(Finding(criterion, polarity, at, at + len(word), word, "keyword"))
    return out


IDEAL = ["What matters most for the audit?", "Two options: renew as is, or add analytics later."]
GOLDEN = """\
scenario: lint_clean
transcripts:
  - name: ideal
    seed: 1
    replies: ["What matters most for the audit?", "Two options: renew as is, or add analytics later."]
    expect:
      path: [open, offer, renewed]
      outcome: signed_base_with_trigger
      ethics_pass: true
      findings:
        0: [discovery_question]
        1: [options_tradeoffs]
      absent:
        1: [pressure_tactics]
  - name: pushy
    replies: ["Sign now or never.", "I understand your worry.", "It is now or never, sign today."]
    expect:
      path: [open, pushback, offer, walked_away]
      outcome: walked_away_pressure
      ethics_pass: false
      findings: {0: [pressure_tactics]}
  - name: weak
    replies: ["We have a plan.", "It is good."]
    expect:
      path: [open, offer, lost]
      outcome: deal_lost
      ethics_pass: true
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copy(CLEAN, tmp_path / "lint_clean.yaml")
    (tmp_path / "lint_clean.golden.yaml").write_text(GOLDEN, encoding="utf-8")
    return tmp_path


def test_golden_model_loads_with_int_turn_keys(folder: Path) -> None:
    golden = load_golden(folder / "lint_clean.golden.yaml")
    assert isinstance(golden, GoldenFile)
    assert [t.name for t in golden.transcripts] == ["ideal", "pushy", "weak"]
    ideal = golden.transcripts[0].expect
    assert ideal is not None and ideal.findings == {
        0: ["discovery_question"],
        1: ["options_tradeoffs"],
    }
    assert golden.transcripts[1].seed == 1  # the default


def test_correct_golden_passes_with_the_real_engine(folder: Path) -> None:
    result = run_golden_file(folder / "lint_clean.golden.yaml", scorer=keyword_scorer)
    assert result.passed, [t.diff for t in result.transcripts]
    assert [t.actual.outcome for t in result.transcripts] == [
        "signed_base_with_trigger",
        "walked_away_pressure",
        "deal_lost",
    ]
    assert result.transcripts[0].diff == ""


def test_wrong_golden_fails_with_a_readable_diff(folder: Path) -> None:
    wrong = GOLDEN.replace("path: [open, offer, renewed]", "path: [open, pushback, lost]")
    wrong = wrong.replace("outcome: signed_base_with_trigger", "outcome: deal_lost", 1)
    wrong = wrong.replace("0: [discovery_question]", "0: [discovery_question, tie_to_outcome]")
    (folder / "lint_clean.golden.yaml").write_text(wrong, encoding="utf-8")
    result = run_golden_file(folder / "lint_clean.golden.yaml", scorer=keyword_scorer)
    ideal = result.transcripts[0]
    assert not result.passed and not ideal.passed
    assert result.transcripts[1].passed and result.transcripts[2].passed
    diff = ideal.diff.splitlines()
    assert diff[0].startswith("--- expected (") and diff[0].endswith(": ideal)")
    assert diff[1] == "+++ actual"
    assert "-  - pushback" in diff and "+  - offer" in diff
    assert "-outcome: deal_lost" in diff and "+outcome: signed_base_with_trigger" in diff
    assert "-turn 0 findings include: discovery_question, tie_to_outcome" in diff
    assert "+turn 0 findings: [discovery_question] (missing tie_to_outcome)" in diff
    # What agrees is shown as context, not as a change.
    assert " ethics_pass: true" in diff
    assert any("missing tie_to_outcome" in m for m in ideal.mismatches)


def test_absent_and_score_range_and_unplayed_turn(folder: Path) -> None:
    golden = load_golden(folder / "lint_clean.golden.yaml")
    scenario = load_scenario(folder / "lint_clean.yaml")
    data = golden.model_dump(by_alias=True, exclude_none=True)
    expect = data["transcripts"][1]["expect"]
    expect["absent"] = {0: ["pressure_tactics"]}
    expect["findings"] = {5: ["mutual_plan"]}
    expect["score_min"] = 90
    bad = GoldenFile.model_validate(data)
    result = run_golden(bad, scenario, scorer=keyword_scorer).transcripts[1]
    assert not result.passed
    assert "turn 0: unexpected pressure_tactics" in result.mismatches
    assert "turn 5 was not played" in result.mismatches
    assert any(m.startswith("score ") and "expected >= 90" in m for m in result.mismatches)
    assert "+score: " in result.diff and "-score: >= 90" in result.diff


def test_extra_replies_after_the_end_and_replies_that_run_out(folder: Path) -> None:
    scenario = load_scenario(folder / "lint_clean.yaml")
    golden = load_golden(folder / "lint_clean.golden.yaml")
    longer = golden.transcripts[0].model_copy(update={"replies": [*IDEAL, "One more thing?"]})
    actual = play(scenario, longer, scorer=keyword_scorer)
    assert actual.error == "the conversation ended after 2 replies but the transcript has 3"
    assert actual.outcome == "signed_base_with_trigger"
    shorter = golden.transcripts[0].model_copy(update={"replies": IDEAL[:1]})
    actual = play(scenario, shorter, scorer=keyword_scorer)
    assert actual.error is None and actual.outcome == "abandoned"
    assert actual.path == ["open", "offer"]


@dataclass
class FakeConversation:
    """Stands in for the engine: walks a fixed path, one node per reply."""

    script: list[str]
    outcome_at_end: str
    visited: list[str] = field(default_factory=list)
    abandoned: bool = False

    def __post_init__(self) -> None:
        self.visited = [self.script[0]]

    @property
    def ended(self) -> bool:
        return self.abandoned or len(self.visited) == len(self.script)

    @property
    def outcome(self) -> str | None:
        if self.abandoned:
            return "abandoned"
        return self.outcome_at_end if self.ended else None

    def reply(self, text: str) -> Any:
        if text == "boom":
            raise RuntimeError("scorer exploded")
        self.visited.append(self.script[len(self.visited)])
        return type("R", (), {"findings": [Finding("mutual_plan", "do", 0, 1, text[:1], "f")]})()

    def abandon(self) -> None:
        self.abandoned = True

    def scorecard(self) -> Any:
        return type("C", (), {"score": 77, "ethics_pass": True})()


def test_runner_works_against_any_conversation_like(folder: Path) -> None:
    scenario = load_scenario(folder / "lint_clean.yaml")
    golden = load_golden(folder / "lint_clean.golden.yaml")

    def factory(sc: Scenario, seed: int, scorer: Any) -> ConversationLike:
        assert sc is scenario and seed == 1
        return FakeConversation(["open", "offer", "renewed"], "signed_base_with_trigger")

    actual = play(scenario, golden.transcripts[0], factory=factory)
    assert actual.path == ["open", "offer", "renewed"]
    assert actual.findings == [["mutual_plan"], ["mutual_plan"]]
    assert actual.score == 77 and actual.ethics_pass is True
    boom = golden.transcripts[0].model_copy(update={"replies": ["hi", "boom"]})
    actual = play(scenario, boom, factory=factory)
    assert actual.error is not None and "scorer exploded" in actual.error
    assert actual.replies_used == 1 and actual.score is None


def test_record_prints_a_golden_that_then_passes(folder: Path) -> None:
    golden, scenario = load_pair(folder / "lint_clean.golden.yaml")
    text = record_golden(golden, scenario, scorer=keyword_scorer)
    data, _smap, problems = parse_yaml(text)
    assert problems == []
    recorded = GoldenFile.model_validate(data)
    ideal = recorded.transcripts[0]
    assert ideal.replies == IDEAL
    assert ideal.expect is not None
    assert ideal.expect.path == ["open", "offer", "renewed"]
    assert ideal.expect.findings == {0: ["discovery_question"], 1: ["options_tradeoffs"]}
    assert "# actual score" in text
    result = run_golden(recorded, scenario, scorer=keyword_scorer)
    assert result.passed, [t.diff for t in result.transcripts]


def test_transcript_without_expect_fails_with_a_hint(folder: Path) -> None:
    text = GOLDEN.split("    expect:")[0] + "\n"
    (folder / "lint_clean.golden.yaml").write_text(text, encoding="utf-8")
    result = run_golden_file(folder / "lint_clean.golden.yaml", scorer=keyword_scorer)
    assert not result.passed and "--record" in result.transcripts[0].mismatches[0]


def test_bad_golden_file_gives_file_line_problems() -> None:
    path = DATA / "broken" / "golden_bad.golden.yaml"
    golden, _smap, problems = load_golden_with_map(path)
    assert golden is None
    text = path.read_text("utf-8").splitlines()
    by_code = {p.code: p for p in problems}
    e301 = by_code["E301"]
    assert "did you mean 'discovery_question'" in e301.message
    assert text[e301.line - 1].strip().startswith("0: [discovery_qestion]")
    messages = [p.message for p in problems]
    assert any("unknown key 'score_mn' (did you mean 'score_min'?)" in m for m in messages)
    assert any(text[p.line - 1].strip().startswith("-1:") for p in problems if p.code == "S002")
    with pytest.raises(ScenarioError):
        load_golden(path)


def test_golden_cross_checks(folder: Path) -> None:
    text = GOLDEN.replace("scenario: lint_clean", "scenario: other").replace(
        "path: [open, offer, lost]", "path: [open, ofer, lost]"
    )
    text = text.replace("outcome: walked_away_pressure", "outcome: walked_off").replace(
        "name: weak", "name: mild"
    )
    golden_file = folder / "lint_clean.golden.yaml"
    golden_file.write_text(text, encoding="utf-8")
    problems = lint_golden_file(golden_file)
    lines = text.splitlines()
    got = {(p.code, lines[p.line - 1].strip().split(":")[0]) for p in problems}
    assert ("G102", "scenario") in got
    assert ("G101", "path") in got
    assert ("G101", "outcome") in got
    assert ("W103", "transcripts") in got
    assert any("did you mean 'offer'" in p.message for p in problems)
    with pytest.raises(ScenarioError):
        load_pair(golden_file)


def test_paths_and_discovery(folder: Path) -> None:
    assert golden_path_for(folder / "x.yaml") == folder / "x.golden.yaml"
    assert scenario_path_for(folder / "x.golden.yaml") == folder / "x.yaml"
    shutil.copy(CLEAN, folder / "lonely.yaml")
    goldens, lacking = find_goldens([folder])
    assert goldens == [folder / "lint_clean.golden.yaml"]
    assert lacking == [folder / "lonely.yaml"]
    goldens, lacking = find_goldens([folder / "lint_clean.yaml", folder / "lonely.yaml"])
    assert goldens == [folder / "lint_clean.golden.yaml"] and lacking == [folder / "lonely.yaml"]
