"""Commands over the local database: export-sessions, import, search and sessions.

Every command takes ``--db PATH``; without it the database is ``$TRAINER_DB``, else the
per-user data folder.
"""

from __future__ import annotations

import argparse
from typing import Any

DB_HELP = "the database file (default: $TRAINER_DB, else the per-user data folder)"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "export-sessions",
        help="write finished sessions as a session pack (JSON lines)",
        description=(
            "Write every finished session (abandoned ones included) as one session record per "
            "line, ordered by start time then id. A file given with --out is replaced only "
            "once the whole pack is written."
        ),
    )
    p.add_argument("--db", metavar="PATH", help=DB_HELP)
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=run_export)

    p = subparsers.add_parser(
        "import",
        help="merge session packs or other trainer databases into the database",
        description=(
            "Import session packs (JSON lines) and/or other trainer databases, detected by "
            "content. Sessions already present (same session_id) are skipped. Everything is "
            "one transaction: if any file is bad, nothing is imported and the error names "
            "file:line and the field. Exit 0 on success, 1 on a bad file."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="session pack or trainer database")
    p.add_argument("--db", metavar="PATH", help=DB_HELP)
    p.set_defaults(func=run_import)

    p = subparsers.add_parser(
        "search",
        help="find turns by the words said in them",
        description=(
            "Full-text search over every turn. Prints session, rep, scenario, turn and a "
            "snippet with each match in [brackets]. Exit 1 when nothing matched."
        ),
    )
    p.add_argument("words", nargs="+", metavar="WORD", help="all words must appear in the turn")
    p.add_argument("--db", metavar="PATH", help=DB_HELP)
    p.add_argument("--rep", metavar="NAME", help="only this rep's sessions")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (50)")
    p.set_defaults(func=run_search)

    p = subparsers.add_parser(
        "sessions",
        help="list sessions, newest first (or the interrupted ones)",
        description=(
            "List sessions, most recently started first: id, start, rep, team, scenario, "
            "outcome, score, ethics and turns. --interrupted lists the sessions that were "
            "never finished (what `practice --resume` can continue)."
        ),
    )
    p.add_argument("--db", metavar="PATH", help=DB_HELP)
    p.add_argument("--rep", metavar="NAME", help="only this rep")
    p.add_argument("--team", metavar="TEAM", help="only this team")
    p.add_argument("--scenario", metavar="ID", help="only this scenario")
    p.add_argument("--limit", type=int, metavar="N", help="at most N sessions")
    p.add_argument(
        "--interrupted", action="store_true", help="only sessions that were never finished"
    )
    p.set_defaults(func=run_sessions)


def _open(args: argparse.Namespace, *, create: bool) -> Any:
    from trainer.core.paths import resolve_db_path
    from trainer.core.store import Store

    return Store.open(resolve_db_path(args.db), create=create)


def _fail(message: object) -> int:
    import sys

    print(f"trainer: {message}", file=sys.stderr)
    return 1


def run_export(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from trainer.core.store import StoreError

    try:
        with _open(args, create=False) as store:
            if args.out:
                count = store.export_sessions(Path(args.out))
                print(f"exported {count} sessions to {args.out}", file=sys.stderr)
            else:
                count = store.export_sessions(sys.stdout)
                sys.stdout.flush()
    except StoreError as exc:
        return _fail(exc)
    except OSError as exc:
        return _fail(f"{exc.filename or args.out}: cannot write: {exc.strerror or exc}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from trainer.core.store import StoreError

    try:
        with _open(args, create=True) as store:
            report = store.import_paths(args.files)
    except StoreError as exc:
        return _fail(exc)
    print(f"imported {report.imported}, skipped {report.skipped}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    from trainer.core.store import StoreError

    try:
        with _open(args, create=False) as store:
            hits = store.search(" ".join(args.words), limit=args.limit, rep=args.rep)
    except StoreError as exc:
        return _fail(exc)
    if not hits:
        return _fail("no turn matched")
    for h in hits:
        snippet = " ".join(h.snippet.split())
        print(
            f"{h.session_id}  {h.rep}  {h.scenario}  turn {h.turn_index} ({h.speaker}): {snippet}"
        )
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    from trainer.core.store import StoreError

    try:
        with _open(args, create=False) as store:
            if args.interrupted:
                for s in store.interrupted_sessions(args.rep)[: args.limit]:
                    print(
                        f"{s.session_id}  {s.started_at.isoformat()}  {s.rep}  {s.team or '-'}  "
                        f"{s.scenario}@{s.scenario_version}  interrupted  turns={len(s.turns)}"
                    )
                return 0
            rows = store.list_sessions(
                rep=args.rep, team=args.team, scenario=args.scenario, limit=args.limit
            )
    except StoreError as exc:
        return _fail(exc)
    for s in rows:
        score = "-" if s.score is None else f"{s.score:g}"
        ethics = {None: "-", True: "clean", False: "ethics-fail"}[s.ethics_pass]
        print(
            f"{s.session_id}  {s.started_at.isoformat()}  {s.rep}  {s.team or '-'}  "
            f"{s.scenario}@{s.scenario_version}  {s.outcome or 'unfinished'}  {score}  {ethics}  "
            f"turns={s.turn_count}"
        )
    return 0
