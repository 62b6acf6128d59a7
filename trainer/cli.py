"""The `trainer` command line: the same core as the desktop app, from a terminal.

Each subcommand lives in its own module under :mod:`trainer.cli_commands` and exposes
``register(subparsers)``; the module imports heavy dependencies only when its command runs,
so ``trainer --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from trainer import __version__

# Order here is the order shown by --help.
COMMAND_MODULES: tuple[str, ...] = (
    "score",
    "eval_scorer",
    "rubric",
    "practice",
    "lint",
    "schema",
    "scenario_test",
    "store",
    "leaderboard",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trainer",
        description=(
            "Upsell Trainer: rehearse ethical upselling against scripted buyers, "
            "score replies against the playbook, and export team boards - all offline."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log progress and diagnostics to stderr"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"trainer.cli_commands.{name}")
        except ModuleNotFoundError as exc:  # a command not built in this installation
            if exc.name != f"trainer.cli_commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    try:
        return int(func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); exit quietly like other Unix tools.
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
