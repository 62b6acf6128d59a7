"""`trainer score`: score one reply, or a stream of JSON lines, against the rubric."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

MOMENTS = (
    "prospecting",
    "discovery",
    "demo",
    "proposal",
    "objection",
    "negotiation",
    "closing",
    "renewal",
)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "score",
        help="score a reply (or JSON lines on stdin) against the rubric",
        description=(
            "Score a rep reply against the rubric. With --jsonl, read "
            '{"id", "text", "moment"?, "buyer_outcomes"?} lines from stdin and write one '
            '{"id", "findings": [...]} line per input, in order; a bad line gets '
            '{"line": N, "error": ...} and the exit status is 2.'
        ),
    )
    p.add_argument("text", nargs="?", help="the reply to score (omit with --jsonl)")
    p.add_argument("--jsonl", action="store_true", help="read JSON lines from stdin")
    p.add_argument("--moment", choices=MOMENTS, help="the moment of the conversation")
    p.add_argument(
        "--outcome",
        action="append",
        default=[],
        metavar="TEXT",
        help="an outcome the buyer stated, in their words (repeatable)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="also give each finding's explanation and, for Avoid findings, what to say instead",
    )
    p.set_defaults(func=run)


class LineError(ValueError):
    """One input line does not match the contract."""


def parse_line(raw: str) -> tuple[Any, str, str | None, list[str]]:
    """(id, text, moment, buyer_outcomes) of one JSON line, or LineError naming the field."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise LineError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if "text" not in obj:
        raise LineError("missing field 'text'")
    if not isinstance(text, str):
        raise LineError(f"field 'text' must be a string, got {type(text).__name__}")
    moment = obj.get("moment")
    if moment is not None and moment not in MOMENTS:
        raise LineError(f"field 'moment': unknown moment {moment!r} (expected one of {', '.join(MOMENTS)})")
    outcomes = obj.get("buyer_outcomes", [])
    if outcomes is None:
        outcomes = []
    if not isinstance(outcomes, list) or not all(isinstance(o, str) for o in outcomes):
        raise LineError("field 'buyer_outcomes' must be a list of strings")
    return obj.get("id"), text, moment, outcomes


def _finding_dict(f: Any, explain: bool) -> dict[str, Any]:
    d: dict[str, Any] = f.to_dict()
    if explain:
        d["explanation"] = f.explanation
        d["instead"] = f.instead
    return d


def run_jsonl(stdin: TextIO, stdout: TextIO, explain: bool = False) -> int:
    """Score every line of ``stdin`` onto ``stdout``; 2 when any line was bad, else 0."""
    from trainer.core.findings import ScoreContext
    from trainer.core.scoring import score_reply

    failed = False
    for number, raw in enumerate(stdin, start=1):
        if not raw.strip():
            continue
        try:
            ident, text, moment, outcomes = parse_line(raw)
        except LineError as exc:
            failed = True
            stdout.write(json.dumps({"line": number, "error": str(exc)}) + "\n")
            continue
        ctx = ScoreContext(moment=moment, buyer_outcomes=tuple(outcomes))
        findings = score_reply(text, ctx)
        out = {"id": ident, "findings": [_finding_dict(f, explain) for f in findings]}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 2 if failed else 0


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.text is not None:
            print("trainer score: give either a reply or --jsonl, not both", file=sys.stderr)
            return 2
        return run_jsonl(sys.stdin, sys.stdout, explain=args.explain)
    if args.text is None:
        print("trainer score: give a reply to score, or --jsonl to read JSON lines", file=sys.stderr)
        return 2
    from trainer.core.findings import ScoreContext
    from trainer.core.scoring import score_reply

    ctx = ScoreContext(moment=args.moment, buyer_outcomes=tuple(args.outcome))
    findings = score_reply(args.text, ctx)
    if not findings:
        print("No rubric criteria found in this reply.")
        return 0
    for f in findings:
        mark = "+" if f.polarity == "do" else "-"
        print(f'{mark} {f.criterion} [{f.rule}] {f.start}-{f.end}: "{f.evidence}"')
        if args.explain or f.polarity == "avoid":
            print(f"    why: {f.explanation}")
            if f.instead:
                print(f"    instead: {f.instead}")
    return 0
