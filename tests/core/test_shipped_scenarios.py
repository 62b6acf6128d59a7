"""Every shipped scenario (scenarios/*.yaml) is playable and well shaped.

- lints with no errors, matches the model behind the committed JSON schema, and its golden
  transcripts (ideal, pushy, weak at least) pass with the real engine and scorer;
- has >= 12 buyer nodes, >= 5 moments, >= 3 distinct outcomes and a good ending;
- every rep turn reacts to a strong, a pushy/unethical and a weak reply: at least 3 branches,
  one of which reads an ethics/Avoid id;
- any sequence of replies ends in 6-20 rep turns (seeded random walks drawn from a bank of
  strong, pushy, weak and off-topic lines).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from trainer.core.rubric import AVOID_IDS
from trainer.core.scenario.golden import golden_path_for, load_golden, run_golden_file
from trainer.core.scenario.lint import STANDARD_TRANSCRIPTS, lint_file
from trainer.core.scenario.loader import load_scenario, parse_yaml, walk_condition
from trainer.core.scenario.models import Condition, Scenario, json_schema

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "scenarios"
FILES = sorted(p for p in FOLDER.glob("*.yaml") if not p.name.endswith(".golden.yaml"))
GOLDENS = sorted(FOLDER.glob("*.golden.yaml"))
WALKS = 30

STRONG = [
    "Before I suggest anything, what would have to change for you to call this a success?",
    "You said the main goal is fewer manual hours; here are two options with their trade-offs.",
    "If the numbers have not moved by day 60, we stop and you drop back at no cost.",
    "Would it help to bring your finance lead into the next call so they can check the figures?",
    "Here is a plan: I send the summary today, we review it together on Thursday, and you decide.",
    "That is a fair concern. What would you need to see to feel comfortable?",
    "It is entirely your call; the smaller plan is a perfectly good choice if the budget is tight.",
]
PUSHY = [
    "This price disappears tonight, so you need to sign right now.",
    "Honestly, any serious company would have upgraded already.",
    "Just sign today; the extra fees are in the small print, nothing to worry about.",
    "You really can't afford to miss this, decide now or lose the discount forever.",
]
WEAK = ["Okay.", "Sure, sounds good.", "Yeah, I can send something over.", "Right."]
OFF_TOPIC = [
    "Did you catch the match at the weekend?",
    "Sorry, my train is delayed again, where were we?",
    "I like your office plants.",
]
BANK = STRONG + PUSHY + WEAK + OFF_TOPIC


def ids(files: list[Path]) -> list[str]:
    return [p.name for p in files]


def test_there_are_shipped_scenarios() -> None:
    assert len(FILES) >= 1


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_lints_without_errors(path: Path) -> None:
    errors = [p.format() for p in lint_file(path) if p.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_matches_the_committed_schema(path: Path) -> None:
    # The `jsonschema` package is not a dependency: validate with the model the schema is
    # generated from, and check the committed schema is exactly that model's schema.
    schema = json.loads((FOLDER / "scenario.schema.json").read_text("utf-8"))
    assert schema == json_schema()
    text = path.read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./scenario.schema.json"
    data, _smap, problems = parse_yaml(text, str(path))
    assert problems == []
    assert set(data) <= set(schema["properties"])
    assert set(schema["required"]) <= set(data)
    Scenario.model_validate(data)


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_has_goldens_with_the_standard_transcripts(path: Path) -> None:
    golden_file = golden_path_for(path)
    assert golden_file.exists(), f"{path.name} has no {golden_file.name}"
    names = [t.name for t in load_golden(golden_file).transcripts]
    assert set(STANDARD_TRANSCRIPTS) <= set(names)


@pytest.mark.parametrize("path", GOLDENS, ids=ids(GOLDENS))
def test_golden_transcripts_pass(path: Path) -> None:
    result = run_golden_file(path)
    failures = [
        f"{t.name}: {'; '.join(t.mismatches)}\n{t.diff}" for t in result.transcripts if not t.passed
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_shape(path: Path) -> None:
    scenario = load_scenario(path)
    assert len(scenario.nodes) >= 12, "needs at least 12 buyer nodes"
    assert len(scenario.moments()) >= 5, f"covers only {scenario.moments()}"
    outcomes = {e.outcome for e in scenario.endings.values()}
    assert len(outcomes) >= 3, f"only outcomes {sorted(outcomes)}"
    assert any(e.good for e in scenario.endings.values())


def reads_ethics(cond: Condition) -> bool:
    avoid = set(AVOID_IDS)
    for _loc, key, item in walk_condition(cond, ()):
        if key == "ethics_breach" and item is True:
            return True
        if key in ("found", "any_found") and item in avoid:
            return True
    return False


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_every_rep_turn_reacts_to_strong_pushy_and_weak(path: Path) -> None:
    scenario = load_scenario(path)
    thin = []
    for node_id, node in scenario.nodes.items():
        ok = len(node.branches) >= 3 and any(
            b.when is not None and reads_ethics(b.when) for b in node.branches
        )
        if not ok:
            thin.append(node_id)
    assert thin == [], "nodes without strong/pushy/weak branches (3+, one reading an Avoid id)"


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_any_replies_end_in_6_to_20_rep_turns(path: Path) -> None:
    from trainer.core.engine import Conversation

    scenario = load_scenario(path)
    lengths = []
    for walk in range(WALKS):
        rng = random.Random(walk)
        conv = Conversation(scenario, seed=walk)
        while not conv.ended and conv.rep_turns < 40:
            conv.reply(rng.choice(BANK))
        assert conv.ended and conv.outcome != "abandoned"
        lengths.append(conv.rep_turns)
    bad = [(walk, n) for walk, n in enumerate(lengths) if not 6 <= n <= 20]
    assert bad == [], f"walks (seed, rep turns) outside 6-20: {bad}"
