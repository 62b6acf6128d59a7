"""`trainer lint [PATH...]`: check scenario and golden files, one problem a line."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="check scenario files for broken links, dead ends, unknown ids and more",
        description=(
            "Check scenario files (and their golden transcripts). Prints one problem a line as "
            "'path:line:col: CODE severity message', sorted by path, line and column; exits 1 "
            "when any problem is an error. Codes are listed in docs/scenario-format.md."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="scenario files or folders (default: every scenarios/*.yaml)",
    )
    parser.add_argument(
        "--errors-only", action="store_true", help="leave warnings out of the output"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from trainer.core.scenario.lint import expand_paths, has_errors, lint_paths
    from trainer.core.scenario.loader import default_scenarios_dir

    paths = args.paths or [default_scenarios_dir()]
    files = expand_paths(paths)
    problems = lint_paths(files)
    shown = [p for p in problems if p.severity == "error"] if args.errors_only else problems
    for problem in shown:
        print(problem.format())
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    print(
        f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)",
        file=sys.stderr,
    )
    return 1 if has_errors(problems) else 0
