"""How fast the scorer runs: replies per second in-process and through the CLI, and 1 MB.

    .venv/bin/python benchmarks/scorer_speed.py [--replies 20000] [--seed 7]

Builds varied replies deterministically from phrase banks (seeded random), then times
``score_reply`` in this process, ``python -m trainer score --jsonl`` as a subprocess over the
same lines (start-up included), a naive baseline (one big alternation regex over every trigger
word, which finds words but judges nothing), and one 1 MB reply. Floor: 5,000 replies/s
in-process on one core; aim: 20,000.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.core.findings import ScoreContext  # noqa: E402
from trainer.core.rubric import MOMENT_IDS  # noqa: E402
from trainer.core.scoring import detectors, lexicon, score_reply  # noqa: E402
from trainer.core.scoring.patterns import Lexicon  # noqa: E402

OPENERS = [
    "Thanks for the time today.",
    "That's a fair worry about timing.",
    "Good question.",
    "I hear you on the budget.",
    "Honestly,",
    "OK, so",
    "Right —",
    "",
]
BODIES = [
    "What would have to be true for your {team} lead to call this a win?",
    "If this goes right, who saves time and where?",
    "You said you want {outcome}, and the {addon} add-on is built for exactly that.",
    "At {n} failed syncs a week, that is about {h} hours of clean-up a month.",
    "Plan 1 is cheaper but caps you at {n} users; plan 2 lifts the cap and needs an admin.",
    "Four clinics like yours saw wait times fall by a fifth, though the smallest saw no change.",
    "{name} checks the export format by the {d}th; I send the order form on the {d2}th.",
    "If the pilot doesn't cut rework by day {d}, we drop back to the basic plan at no cost.",
    "Should your {team} partner see the cost model before Thursday?",
    "Staying on the current plan is a perfectly good choice too.",
    "So you're choosing the smaller plan to get a quick win; shall I note that?",
    "Start with {n} seats; once weekly active users pass {h} we revisit the team plan.",
    "Before anything else: you'll want our Ultimate plan.",
    "It's guaranteed to stop every outage.",
    "Keep the basic plan if your staff's time doesn't matter to you.",
    "The offer ends tonight, so decide now.",
    "It auto-renews, but you don't need to mention that.",
    "This is a home run for you.",
    "Don't worry about {team}, it's never an issue.",
    "I'll email you the deck.",
    "We have several plans.",
    "Let's keep in touch.",
    "The {addon} add-on is very popular.",
    "There's no deadline on this; take your time.",
    "It reduced outages for most teams we measured.",
]
CLOSERS = ["", "No pressure either way.", "Does that help?", "Talk soon.", "Happy to walk through it."]
TEAMS = ["finance", "security", "ops", "legal", "IT", "procurement"]
OUTCOMES = ["fewer manual exports", "faster month-end close", "no double bookings"]
ADDONS = ["sync", "audit", "SSO", "reporting"]
NAMES = ["Ana", "Tomás", "Priya", "Jonas"]


def build_replies(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for _ in range(count):
        parts = [rng.choice(OPENERS)]
        for _ in range(rng.randint(1, 3)):
            parts.append(
                rng.choice(BODIES).format(
                    team=rng.choice(TEAMS),
                    outcome=rng.choice(OUTCOMES),
                    addon=rng.choice(ADDONS),
                    name=rng.choice(NAMES),
                    n=rng.randint(2, 60),
                    h=rng.randint(5, 90),
                    d=rng.randint(4, 28),
                    d2=rng.randint(4, 28),
                )
            )
        parts.append(rng.choice(CLOSERS))
        out.append((" ".join(p for p in parts if p), rng.choice(MOMENT_IDS)))
    return out


def naive_pattern() -> re.Pattern[str]:
    words: set[str] = set()
    for mod in (lexicon, detectors):
        for value in vars(mod).values():
            if isinstance(value, Lexicon) and value.anchors:
                words |= {w for w in value.anchors if w != "#"}
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replies", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    replies = build_replies(args.replies, args.seed)
    n = len(replies)

    t0 = time.perf_counter()
    found = 0
    for text, moment in replies:
        found += len(score_reply(text, ScoreContext(moment=moment)))
    in_process = time.perf_counter() - t0

    pattern = naive_pattern()
    t0 = time.perf_counter()
    hits = 0
    for text, _moment in replies:
        hits += len(pattern.findall(text))
    naive = time.perf_counter() - t0

    lines = "".join(json.dumps({"id": i, "text": t, "moment": m}) + "\n" for i, (t, m) in enumerate(replies))
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "trainer", "score", "--jsonl"],
        input=lines, capture_output=True, text=True, cwd=ROOT, check=False,
    )
    cli = time.perf_counter() - t0
    if proc.returncode != 0 or len(proc.stdout.splitlines()) != n:
        print(f"CLI run failed (exit {proc.returncode}): {proc.stderr[-500:]}", file=sys.stderr)
        return 1

    block = " ".join(t for t, _m in replies[:200]) + " zzqx \x00 ☃ "
    megabyte = (block * (1_000_000 // len(block) + 1))[:1_000_000]
    t0 = time.perf_counter()
    mb_findings = score_reply(megabyte)
    mb = time.perf_counter() - t0

    print(f"{n} replies (seed {args.seed}), {found} findings, naive baseline {hits} word hits")
    print(f"{'run':<34}{'seconds':>9}{'replies/s':>12}{'vs naive':>10}")
    print(f"{'score_reply in-process':<34}{in_process:>9.3f}{n / in_process:>12,.0f}{naive / in_process:>10.2f}")
    print(f"{'trainer score --jsonl (subprocess)':<34}{cli:>9.3f}{n / cli:>12,.0f}{naive / cli:>10.2f}")
    print(f"{'naive one-regex word scan':<34}{naive:>9.3f}{n / naive:>12,.0f}{1.0:>10.2f}")
    print(f"1 MB reply: {mb:.3f} s, {len(mb_findings)} findings")
    floor = n / in_process >= 5_000
    print(f"floor 5,000 replies/s in-process: {'met' if floor else 'NOT met'}")
    return 0 if floor else 1


if __name__ == "__main__":
    raise SystemExit(main())
