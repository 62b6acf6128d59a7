"""`trainer leaderboard`: the team boards as CSV, JSON, Markdown or a self-contained HTML page."""

from __future__ import annotations

import argparse
from typing import Any

BOARDS = ("default", "improved", "skills", "streaks")
FORMATS = ("csv", "json", "md", "html")
TITLES = {
    "default": "Leaderboard",
    "improved": "Most improved",
    "skills": "Skills",
    "streaks": "Practice streaks",
}


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "leaderboard",
        help="export a team board (default, improved, skills, streaks)",
        description=(
            "Print or write a board built from the finished sessions in the database. The "
            "default board has one row per rep: rank, rep, team, sessions, clean_sessions, "
            "best_score, recent_avg, ethics_pass_rate; ethics-failed sessions never rank. "
            "Filters apply to sessions before anything is counted. See docs/store.md."
        ),
    )
    p.add_argument("--board", choices=BOARDS, default="default", help="which board (default)")
    p.add_argument("--team", metavar="T", help="only sessions played for team T")
    p.add_argument("--scenario", metavar="S", help="only sessions of scenario S")
    p.add_argument(
        "--since",
        metavar="DATE",
        help="only sessions finished on or after DATE (YYYY-MM-DD, midnight UTC, or an ISO time)",
    )
    p.add_argument("--format", choices=FORMATS, default="csv", help="output format (csv)")
    p.add_argument("--out", metavar="F", help="write to file F instead of standard output")
    p.add_argument(
        "--db",
        metavar="PATH",
        help="the database file (default: $TRAINER_DB, else the per-user data folder)",
    )
    p.set_defaults(func=run)


def parse_since(text: str) -> Any:
    """A DATE (``2026-11-01``) or an ISO time; a time without an offset is taken as UTC."""
    from datetime import UTC, date, datetime

    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--since: {text!r} is not a date like 2026-11-01 or an ISO time"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from trainer.core.files import write_text_atomic
    from trainer.core.paths import resolve_db_path
    from trainer.core.store import Store, StoreError, render_board

    try:
        since = parse_since(args.since) if args.since else None
    except argparse.ArgumentTypeError as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return 2
    try:
        with Store.open(resolve_db_path(args.db), create=False) as store:
            rows = store.board(args.board, team=args.team, scenario=args.scenario, since=since)
            trends = None
            if args.format == "html" and args.board in ("default", "improved"):
                trends = store.trends(
                    [r.as_dict()["rep"] for r in rows],
                    team=args.team,
                    scenario=args.scenario,
                    since=since,
                )
    except StoreError as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return 1
    from trainer.core.store.boards import (
        ImprovedRow,
        LeaderRow,
        SkillsRow,
        StreakRow,
    )

    columns = {
        "default": LeaderRow.COLUMNS,
        "improved": ImprovedRow.COLUMNS,
        "skills": SkillsRow.COLUMNS,
        "streaks": StreakRow.COLUMNS,
    }[args.board]
    title = TITLES[args.board]
    if args.team:
        title += f" - {args.team}"
    text = render_board(rows, args.format, columns=columns, title=title, trends=trends)
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    try:
        write_text_atomic(out, text)
    except OSError as exc:
        print(f"trainer: {out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(rows)} rows to {out}", file=sys.stderr)
    return 0
