"""Every `trainer` subcommand is documented in the README, so the README never falls behind."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert actions, "the trainer parser has no subcommands"
    return sorted(actions[0].choices)


def test_every_subcommand_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in _subcommands() if f"trainer {name}" not in text]
    assert not missing, f"README.md does not show: {', '.join(missing)}"


def test_readme_names_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "./run-app.sh" in text and "./run-tests.sh" in text
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "./run-tests.sh" in ci
