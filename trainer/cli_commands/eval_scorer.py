"""`trainer eval-scorer`: precision, recall and F1 per rubric id on the labelled reply corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path("tests/data/corpus")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "eval-scorer",
        help="measure the scorer on the labelled reply corpus (per-id precision/recall/F1)",
        description=(
            "Score every reply of the labelled corpus and print precision, recall, F1 and "
            "support per rubric id, then macro-F1 over the 19 ids."
        ),
    )
    p.add_argument(
        "--split",
        choices=("dev", "dev-core", "test", "all"),
        default="dev",
        help="corpus part (default dev = dev.jsonl + dev_extra.jsonl when present; dev-core = dev.jsonl alone)",
    )
    p.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="DIR",
        help=f"folder holding dev.jsonl, test.jsonl and optionally dev_extra.jsonl (default {DEFAULT_CORPUS})",
    )
    p.add_argument(
        "--errors",
        action="store_true",
        help="also list false positives and negatives (dev split only: the test half stays unseen)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from trainer.core.scoring import score_reply
    from trainer.core.scoring.evaluation import CorpusError, evaluate, format_table, load_split

    if args.errors and args.split not in ("dev", "dev-core"):
        print(
            "trainer eval-scorer: --errors is only allowed on the dev split; "
            "the test half is for measuring, not for tuning",
            file=sys.stderr,
        )
        return 2
    try:
        examples = load_split(args.corpus, args.split)
    except FileNotFoundError as exc:
        print(f"trainer eval-scorer: corpus file not found: {exc.filename}", file=sys.stderr)
        return 2
    except CorpusError as exc:
        print(f"trainer eval-scorer: {exc}", file=sys.stderr)
        return 2
    report = evaluate(examples, score_reply)
    print(f"split: {args.split} ({report.examples} replies)")
    print(format_table(report))
    if args.errors:
        for miss in sorted(report.misses, key=lambda m: (m.criterion, m.kind, m.example.id)):
            ex = miss.example
            detail = f' [{miss.rule}] "{miss.evidence}"' if miss.kind == "fp" else ""
            print(f"\n{miss.kind.upper()} {miss.criterion} {ex.id} ({ex.moment}){detail}")
            print(f"    {ex.text}")
            if ex.buyer_outcomes:
                print(f"    outcomes: {list(ex.buyer_outcomes)}")
            print(f"    labels: {sorted(ex.labels)} near_miss: {sorted(ex.near_miss)}")
    return 0
