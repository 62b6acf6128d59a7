"""`trainer rubric`: the criteria a reply is scored on, as a table (or JSON)."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "rubric",
        help="print the rubric criteria (ids, polarity, weight, what each means)",
        description="Print the 19 rubric criteria the scorer reports, with the rubric version.",
    )
    p.add_argument("--json", action="store_true", help="print the criteria as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from trainer.core.rubric import load_rubric

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
