"""`trainer practice`: play a scenario in the terminal, one reply per line (it can be piped).

    trainer practice --list
    trainer practice smb-inbound --rep ana --team north
    printf 'first reply\\nsecond reply\\n' | trainer practice smb-inbound --json --no-save
    trainer practice --resume            # the rep's most recent interrupted session

Buyer lines print as ``Name (Role, Company): line`` under a ``== Moment ==`` header whenever the
moment changes. The end of input before an ending closes the session as abandoned. After the end
the scorecard is printed; with ``--json`` the session record is the last line of stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from trainer.core.engine import BuyerLine
    from trainer.core.scenario.models import Scenario
    from trainer.core.scorecard import Scorecard
    from trainer.core.session import PracticeSession

SCENARIOS_ENV = "TRAINER_SCENARIOS"
LATEST = "latest"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "practice",
        help="play a scenario in the terminal (replies from stdin, one per line)",
        description=(
            "Play a buyer scenario in the terminal. Each line on stdin is one reply; the end of "
            "input before the conversation ends closes the session as abandoned. Sessions are "
            "saved to the local database unless --no-save."
        ),
    )
    parser.add_argument("scenario_id", nargs="?", metavar="ID", help="the scenario to play")
    parser.add_argument("--list", action="store_true", help="list the scenarios (ID<TAB>TITLE)")
    parser.add_argument(
        "--scenarios",
        metavar="DIR",
        help=f"scenario folder (default: ${SCENARIOS_ENV}, else the shipped scenarios/)",
    )
    parser.add_argument("--rep", metavar="NAME", help="the rep's name (default: your user name)")
    parser.add_argument("--team", metavar="TEAM", default="", help="the rep's team")
    parser.add_argument(
        "--db", metavar="PATH", help="the database (default: $TRAINER_DB, else per user)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the session record as the last line of stdout"
    )
    parser.add_argument(
        "--seed", type=int, metavar="N", help="seed for the buyer's line variants (default: random)"
    )
    parser.add_argument("--no-save", action="store_true", help="do not save the session")
    parser.add_argument(
        "--resume",
        nargs="?",
        const=LATEST,
        metavar="SESSION_ID",
        help="continue an interrupted session (default: the rep's most recent one)",
    )
    parser.set_defaults(func=run)


# --------------------------------------------------------------------------------- helpers
def scenarios_dir(cli_value: str | None) -> Path:
    """``--scenarios``, else ``$TRAINER_SCENARIOS``, else the shipped folder beside the package."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(SCENARIOS_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import trainer

    return Path(trainer.__file__).resolve().parent.parent / "scenarios"


def default_rep() -> str:
    import getpass

    try:
        return getpass.getuser() or "rep"
    except (KeyError, OSError):  # no user name in this environment
        return "rep"


class _Fail(Exception):
    """An error to report on stderr with exit status 1."""


def find_scenario(folder: Path, scenario_id: str) -> Scenario:
    """The scenario with this id; an invalid file raises with the loader's file:line message."""
    from trainer.core.scenario.loader import ScenarioError, load_dir, load_scenario

    if not folder.is_dir():
        raise _Fail(f"scenario folder not found: {folder}")
    direct = folder / f"{scenario_id}.yaml"
    if direct.is_file():
        try:
            scenario = load_scenario(direct)
        except ScenarioError as exc:
            raise _Fail(str(exc)) from None
        if scenario.id == scenario_id:
            return scenario
    scenarios, problems = load_dir(folder)
    for scenario in scenarios:
        if scenario.id == scenario_id:
            return scenario
    known = ", ".join(sorted(s.id for s in scenarios)) or "(none)"
    message = f"unknown scenario {scenario_id!r}; known scenarios: {known}"
    broken = sorted({p.path for p in problems if p.severity == "error"})
    if broken:
        message += f"\n(files with errors, not loaded: {', '.join(broken)})"
    raise _Fail(message)


def speaker_line(line: BuyerLine) -> str:
    p = line.persona
    return f"{p.name} ({p.role}, {p.company}): {line.text}"


def moment_label(moment: str) -> str:
    from trainer.core.rubric import load_rubric

    found = load_rubric().moments.get(moment)
    return found.label if found else moment.title()


class _Printer:
    """Prints buyer lines with a header whenever the moment changes."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.moment: str | None = None

    def buyer(self, line: BuyerLine) -> None:
        if line.moment != self.moment:
            self.moment = line.moment
            print(f"\n== {moment_label(line.moment)} ==", file=self.out)
        print(speaker_line(line), file=self.out, flush=True)


def render_scorecard(card: Scorecard) -> str:
    """The scorecard as plain text for the terminal."""
    lines = ["", "== Scorecard ==", f"Score: {card.score}/100"]
    if card.ethics_pass:
        lines.append("Ethics: PASS")
    else:
        lines.append("Ethics: FAIL - this session does not count, whatever its points")
        for b in card.ethics_breaches:
            lines.append(f"  - {b.label} at turn {b.turn}: \u201c{b.evidence}\u201d")
    o = card.outcome
    lines.append(f"Outcome: {o.label} ({o.id}, {'good' if o.good else 'not a good outcome'})")
    lines.append(f"  {o.debrief}")
    lines.append("Stage exit checks:")
    for c in card.stage_exit_checks:
        where = f" - turn {c.turn}: \u201c{c.evidence}\u201d" if c.passed else ""
        lines.append(f"  [{'x' if c.passed else ' '}] {c.label}{where}")
    lines.append("Your replies:")
    if not card.turns:
        lines.append("  (no replies)")
    for t in card.turns:
        lines.append(f"  Turn {t.index} ({moment_label(t.moment)}): \u201c{t.text}\u201d")
        if not t.findings:
            lines.append("    (nothing from the rubric found)")
        for f in t.findings:
            mark = "+" if f.polarity == "do" else "-"
            fit = "" if f.fits_moment or f.polarity == "avoid" else " (outside its best moment)"
            lines.append(f"    {mark} {f.label}{fit}: \u201c{f.evidence}\u201d")
            lines.append(f"      {f.explanation}")
            if f.instead:
                lines.append(f"      Instead: {f.instead}")
    lines.append("Call review:")
    for i, a in enumerate(card.call_review, start=1):
        lines.append(f"  {i}. {a.prompt}")
        lines.append(f"     {a.answer}")
    lines.append("Tips:")
    for i, tip in enumerate(card.tips, start=1):
        lines.append(f"  {i}. {tip}")
    return "\n".join(lines)


def _read_reply(stdin: TextIO, stdout: TextIO, interactive: bool) -> str | None:
    """The next non-blank line, or None at the end of input."""
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        raw = stdin.readline()
        if raw == "":
            return None
        text = raw.strip()
        if text:
            return text


# --------------------------------------------------------------------------------- run
def run(args: argparse.Namespace) -> int:
    import logging

    # The state machine library reports every callback at INFO; keep -v readable.
    logging.getLogger("transitions").setLevel(logging.WARNING)
    try:
        return _run(args)
    except _Fail as exc:
        print(f"trainer practice: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    folder = scenarios_dir(args.scenarios)
    if args.list:
        return _list(folder)
    if not args.scenario_id and not args.resume:
        raise _Fail("give a scenario ID (see --list) or --resume")
    if args.resume and args.no_save:
        raise _Fail("--resume needs the database; drop --no-save")

    store = _open_store(args)
    try:
        session, replayed = _prepare(args, folder, store)
        return _play(args, session, replayed)
    finally:
        if store is not None:
            store.close()


def _list(folder: Path) -> int:
    from trainer.core.scenario.loader import load_dir

    if not folder.is_dir():
        raise _Fail(f"scenario folder not found: {folder}")
    scenarios, problems = load_dir(folder)
    for p in problems:
        if p.severity == "error":
            print(p.format(), file=sys.stderr)
    for s in sorted(scenarios, key=lambda s: s.id):
        print(f"{s.id}\t{s.title}")
    return 0


def _open_store(args: argparse.Namespace) -> Any:
    if args.no_save:
        return None
    try:
        from trainer.core.store import Store, StoreError
    except ImportError:  # a build without the store: play without saving
        if args.resume:
            raise _Fail("this installation cannot save sessions, so it cannot resume") from None
        return None
    from trainer.core.paths import resolve_db_path

    path = resolve_db_path(args.db)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return Store.open(path)
    except (StoreError, OSError) as exc:
        raise _Fail(str(exc)) from None


def _prepare(args: argparse.Namespace, folder: Path, store: Any) -> tuple[PracticeSession, bool]:
    from trainer.core.session import PracticeSession, ResumeError

    rep = args.rep or default_rep()
    if not args.resume:
        scenario = find_scenario(folder, args.scenario_id)
        session = PracticeSession(scenario, rep=rep, team=args.team, store=store, seed=args.seed)
        return session, False

    pending = (
        store.interrupted_sessions() if args.resume != LATEST else store.interrupted_sessions(rep)
    )
    if args.resume != LATEST:
        pending = [p for p in pending if p.session_id == args.resume]
        if not pending:
            raise _Fail(f"no interrupted session with id {args.resume}")
    elif args.scenario_id:
        pending = [p for p in pending if p.scenario == args.scenario_id]
    if not pending:
        which = f" of scenario {args.scenario_id!r}" if args.scenario_id else ""
        raise _Fail(f"no interrupted session{which} for rep {rep!r}")
    chosen = max(pending, key=lambda p: (p.started_at, p.session_id))
    scenario = find_scenario(folder, chosen.scenario)
    try:
        session = PracticeSession.resume(scenario, chosen, store=store)
    except ResumeError as exc:
        raise _Fail(str(exc)) from None
    return session, True


def _play(args: argparse.Namespace, session: PracticeSession, replayed: bool) -> int:
    out = sys.stdout
    printer = _Printer(out)
    scenario = session.scenario
    if replayed:
        n = session.conversation.rep_turns
        print(
            f"Resuming {scenario.title} (session {session.session_id}, {n} replies so far).",
            file=out,
        )
        printer.buyer(session.current)
    else:
        print(f"{scenario.title} - {scenario.summary}", file=out)
        printer.buyer(session.start())
    interactive = sys.stdin.isatty()
    while not session.ended:
        text = _read_reply(sys.stdin, out, interactive)
        if text is None:
            session.abandon()
            print("\n(end of input: the session was closed as abandoned)", file=out)
            break
        if not interactive:
            # Piped replies are not echoed by a terminal; show them so the output reads as a call.
            print(f"You: {text}", file=out)
        result = session.reply(text)
        printer.buyer(result.next)
    card = session.scorecard
    if card is not None:
        print(render_scorecard(card), file=out)
    if session.store is not None:
        print(f"\nSaved as session {session.session_id}.", file=out)
    if args.json:
        print(session.record().to_json(), file=out)
    out.flush()
    return 0
