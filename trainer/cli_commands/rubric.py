"""`trainer rubric`: the criteria a reply is scored on, as a table (or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "rubric",
        help="print the rubric criteria (ids, polarity, weight, what each means)",
        description="Print the 19 rubric criteria the scorer reports, with the rubric version.",
    )
    p.add_argument("--json", action="store_true", help="print the criteria as JSON")
    p.add_argument(
        "--cues",
        metavar="ID",
        help="print the cue words that weigh most for and against criterion ID in the scorer's cue model",
    )
    p.add_argument("--top", type=int, default=25, metavar="N", help="with --cues: how many cues each way (default 25)")
    p.set_defaults(func=run)


def _print_cues(criterion: str, top: int) -> int:
    from trainer.core.rubric import CRITERION_IDS
    from trainer.core.scoring.cues import load_cue_model

    if criterion not in CRITERION_IDS:
        print(f"trainer rubric: unknown criterion {criterion!r} (one of: {', '.join(CRITERION_IDS)})", file=sys.stderr)
        return 2
    model = load_cue_model()
    table = model.criteria[criterion]
    ranked = sorted(table.weights.items(), key=lambda item: (-item[1], item[0]))
    trained = ", ".join(f"{v} {k}" for k, v in model.trained_on.items())
    print(f"{criterion}: bias {table.bias:+.2f}, found above {model.threshold_of(criterion):+.2f} (fitted on {trained})")
    print("cue kinds: w: word, b: two words, k: cue class, n…: after a negator, r:/rn: a rule fired, m: moment")
    print("for:")
    for cue, w in ranked[:top]:
        print(f"  {w:+7.3f}  {cue}")
    print("against:")
    for cue, w in sorted(ranked[-top:], key=lambda item: (item[1], item[0])):
        if w < 0:
            print(f"  {w:+7.3f}  {cue}")
    return 0


def run(args: argparse.Namespace) -> int:
    from trainer.core.rubric import load_rubric

    if args.cues:
        return _print_cues(args.cues, args.top)
    rubric = load_rubric()
    if args.json:
        rows = [
            {
                "id": c.id,
                "polarity": c.polarity,
                "weight": c.weight,
                "label": c.label,
                "explanation": c.explanation,
                "instead": c.instead,
                "moments": list(c.moments),
            }
            for c in rubric.criteria.values()
        ]
        print(json.dumps({"rubric_version": rubric.version, "criteria": rows}, indent=2))
        return 0
    print(f"rubric {rubric.version}")
    print(f"{'id':<24}{'polarity':<9}{'weight':>6}  label")
    for c in rubric.criteria.values():
        print(f"{c.id:<24}{c.polarity:<9}{c.weight:>6}  {c.label}")
    return 0
