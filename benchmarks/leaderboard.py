"""Benchmark: import a big session pack, then time every board and export.

Builds (deterministically) a session pack of 100,000 sessions with 1,000,000 turns, imports it
into a fresh database, times each board in-process next to the default board's aggregate as
one plain SQL statement on the same file, times each export format, the `leaderboard` command
end to end, and prints the database size.

    .venv/bin/python benchmarks/leaderboard.py                 # full size
    .venv/bin/python benchmarks/leaderboard.py --sessions 10000  # quicker look

Floors: import <= 60 s; default board <= 0.5 s and <= 1.5x the raw query; CLI board <= 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trainer.core.rubric import CRITERION_IDS, DO_IDS, MOMENT_IDS, load_rubric  # noqa: E402
from trainer.core.store import Store, render_board  # noqa: E402
from trainer.core.store.boards import default_board_sql  # noqa: E402

WORDS = [
    "renewal",
    "seats",
    "adoption",
    "export",
    "sync",
    "outage",
    "budget",
    "pilot",
    "finance",
    "security",
    "rollout",
    "trigger",
    "clinic",
    "team",
    "plan",
    "usage",
    "weekly",
    "risk",
    "hours",
    "cost",
    "review",
    "contract",
    "admin",
    "onboarding",
    "goal",
]


def build_pack(path: Path, sessions: int, turns_per_session: int, reps: int, seed: int) -> None:
    """Write a deterministic session pack (same arguments, same bytes)."""
    rng = random.Random(seed)
    rubric_version = load_rubric().version
    rep_names = [f"rep{n:04d}" for n in range(reps)]
    rep_team = {name: f"team{rng.randrange(40):02d}" for name in rep_names}
    scenarios = [f"scenario-{n:02d}" for n in range(12)]
    polarity = {cid: ("do" if cid in DO_IDS else "avoid") for cid in CRITERION_IDS}
    zones = [timezone(timedelta(hours=h)) for h in (-5, 0, 1, 2, 9)]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(sessions):
            rep = rng.choice(rep_names)
            tz = zones[int(rep[3:]) % len(zones)]
            began = start + timedelta(seconds=rng.randrange(0, 700 * 86400))
            turns = []
            ethics_fail = False
            for i in range(turns_per_session):
                speaker = "buyer" if i % 2 == 0 else "rep"
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12)))
                findings = []
                if speaker == "rep":
                    for _ in range(rng.choice((0, 1, 1, 2))):
                        cid = rng.choice(CRITERION_IDS)
                        if cid in ("confirmshaming", "pressure_tactics", "hidden_terms"):
                            if rng.random() < 0.7:
                                cid = "tie_to_outcome"
                            else:
                                ethics_fail = True
                        findings.append(
                            {
                                "criterion": cid,
                                "polarity": polarity[cid],
                                "start": 0,
                                "end": 5,
                                "evidence": text[:5],
                                "rule": f"{cid}.r1",
                            }
                        )
                turns.append(
                    {
                        "index": i,
                        "moment": MOMENT_IDS[min(i // 2, len(MOMENT_IDS) - 1)],
                        "speaker": speaker,
                        "persona": "buyer" if speaker == "buyer" else None,
                        "text": text,
                        "findings": findings,
                    }
                )
            record = {
                "session_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "rep": rep,
                "team": rep_team[rep],
                "scenario": rng.choice(scenarios),
                "scenario_version": "1",
                "rubric_version": rubric_version,
                "started_at": began.astimezone(tz).isoformat(),
                "finished_at": (began + timedelta(minutes=rng.randint(5, 40)))
                .astimezone(tz)
                .isoformat(),
                "outcome": rng.choice(("won", "lost", "no_decision", "abandoned")),
                "score": round(rng.uniform(20, 100), 2),
                "ethics_pass": not ethics_fail,
                "turns": turns,
            }
            fh.write(json.dumps(record, separators=(",", ":")) + "\n")


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best = float("inf")
    result: Any = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=100_000)
    ap.add_argument("--turns", type=int, default=10, help="turns per session (10)")
    ap.add_argument("--reps", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--workdir", help="keep files here (default: a temporary folder)")
    args = ap.parse_args()

    tmp = None
    if args.workdir:
        work = Path(args.workdir)
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="trainer-bench-")
        work = Path(tmp.name)
    pack = work / "bench.jsonl"
    db_path = work / "bench.db"
    for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        p.unlink(missing_ok=True)

    figures: list[tuple[str, float, str]] = []

    def report(name: str, seconds: float, note: str = "") -> None:
        figures.append((name, seconds, note))
        print(f"{name:<34} {seconds:8.3f} s  {note}", flush=True)

    t, _ = timed(lambda: build_pack(pack, args.sessions, args.turns, args.reps, args.seed))
    size_mb = pack.stat().st_size / 1e6
    report(
        "build pack (not a floor)",
        t,
        f"{args.sessions} sessions, {args.sessions * args.turns} turns, {size_mb:.0f} MB",
    )

    store = Store.open(db_path)
    t_import, rep = timed(lambda: store.import_paths([pack]))
    phases = ", ".join(f"{k} {v:.1f} s" for k, v in rep.seconds.items())
    report("import", t_import, f"imported {rep.imported} ({phases}); floor 60 s")
    store.close()
    store = Store.open(db_path, create=False)

    raw_sql = default_board_sql()
    t_raw, raw_rows = timed(lambda: store.db.execute(raw_sql).fetchall(), repeat=5)
    report("raw default-board SQL", t_raw, f"{len(raw_rows)} rows")
    t_default, rows = timed(lambda: store.leaderboard(), repeat=5)
    report(
        "board default (in-process)",
        t_default,
        f"{len(rows)} rows, {t_default / t_raw:.2f}x raw; floors 0.5 s and 1.5x",
    )
    for name in ("improved", "skills", "streaks"):
        t, board_rows = timed(lambda name=name: store.board(name), repeat=3)
        report(f"board {name}", t, f"{len(board_rows)} rows")
    t, _ = timed(lambda: store.board("default", team="team07"), repeat=3)
    report("board default --team", t)
    for fmt in ("csv", "json", "md", "html"):

        def export(fmt: str = fmt) -> str:
            board = store.leaderboard()
            trends = store.trends([r.rep for r in board]) if fmt == "html" else None
            return render_board(board, fmt, trends=trends)

        t, text = timed(export, repeat=3)
        report(f"export default as {fmt}", t, f"{len(text) / 1e3:.0f} kB")
    out = work / "export.jsonl"
    t, n = timed(lambda: store.export_sessions(out))
    report("export-sessions (pack)", t, f"{n} sessions")
    t, hits = timed(lambda: store.search("pilot security", limit=50), repeat=3)
    report("search 2 words", t, f"{len(hits)} hits")
    store.close()

    cmd = [
        sys.executable,
        "-m",
        "trainer",
        "leaderboard",
        "--db",
        str(db_path),
        "--format",
        "csv",
        "--out",
        str(work / "board.csv"),
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t_cli, proc = timed(lambda: subprocess.run(cmd, env=env, capture_output=True), repeat=3)
    if proc.returncode:
        print(proc.stderr.decode(), file=sys.stderr)
    report("CLI leaderboard (end to end)", t_cli, "floor 1 s")

    size = sum(p.stat().st_size for p in work.glob("bench.db*"))
    print(f"{'database size':<34} {size / 1e6:8.1f} MB")
    ok = t_import <= 60 and t_default <= 0.5 and t_default <= 1.5 * t_raw and t_cli <= 1.0
    print("floors:", "all met" if ok else "NOT all met")
    if tmp is not None:
        tmp.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
