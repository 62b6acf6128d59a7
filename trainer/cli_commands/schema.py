"""`trainer schema`: print (or write) the JSON Schema of scenario files for editors."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of scenario files (for editor completion)",
        description=(
            "Print the JSON Schema that scenario files follow. Scenario files point editors at it "
            "with a first-line comment: "
            "'# yaml-language-server: $schema=./scenario.schema.json'."
        ),
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write the schema to FILE (e.g. scenarios/scenario.schema.json) instead of stdout",
    )
    parser.add_argument(
        "--check",
        metavar="FILE",
        help="exit 1 when FILE differs from the current schema (it is stale)",
    )
    parser.set_defaults(func=run)


def render() -> str:
    """The schema as stable, indented JSON text ending in a newline."""
    import json

    from trainer.core.scenario.models import json_schema

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from trainer.core.files import write_text_atomic

    text = render()
    if args.check:
        target = Path(args.check)
        try:
            current = target.read_text(encoding="utf-8")
        except OSError as exc:
            print(f"{target}: cannot read: {exc.strerror or exc}", file=sys.stderr)
            return 1
        if current != text:
            print(
                f"{target}: stale; regenerate with: python -m trainer schema --out {target}",
                file=sys.stderr,
            )
            return 1
        print(f"{target}: up to date", file=sys.stderr)
        return 0
    if args.out:
        target = Path(args.out)
        write_text_atomic(target, text)
        print(f"wrote {target}", file=sys.stderr)
        return 0
    sys.stdout.write(text)
    return 0
