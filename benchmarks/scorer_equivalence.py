"""Check that the scorer's findings stay byte-identical across a change that should not alter them.

    .venv/bin/python benchmarks/scorer_equivalence.py record FILE   # with the reference code
    .venv/bin/python benchmarks/scorer_equivalence.py check FILE    # with the changed code

Scores a fixed, deterministic set of inputs and stores every finding's (criterion, start, end,
rule) per input: every reply of the corpus files (dev, dev_extra, test) with its own context
(moment and buyer outcomes) and also with no context and with an unknown outcome; the replies of
``benchmarks/scorer_speed.py``; and seeded random and adversarial strings (phrase-word salad,
unicode that changes length when casefolded, emoji, control characters, long runs, text without
spaces, 100 KB pastes). ``check`` re-scores the same inputs and exits 1 naming the first inputs
whose findings differ (by kind and index, never quoting the reply). Run ``record`` on the code
before the change (e.g. ``PYTHONPATH=<old checkout>``) and ``check`` on the code after it.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # PYTHONPATH, when set, picks which scorer is measured

from trainer.core.findings import ScoreContext  # noqa: E402
from trainer.core.rubric import MOMENT_IDS  # noqa: E402
from trainer.core.scoring import score_reply  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
CORPUS_FILES = ("dev.jsonl", "dev_extra.jsonl", "test.jsonl")
SPEED_REPLIES = 20_000
RANDOM_STRINGS = 4_000

Case = tuple[str, str, ScoreContext | None]


def _speed_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("scorer_speed", ROOT / "benchmarks" / "scorer_speed.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _corpus_cases() -> Iterator[Case]:
    for name in CORPUS_FILES:
        path = CORPUS / name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["text"]
            outcomes = tuple(row.get("buyer_outcomes") or ())
            moment = row.get("moment")
            yield f"{name}:{n}", text, ScoreContext(moment=moment, buyer_outcomes=outcomes)
            yield f"{name}:{n}:none", text, None
            yield f"{name}:{n}:unknown", text, ScoreContext(moment=moment, outcome_known=False)


def _vocabulary(speed) -> list[str]:  # type: ignore[no-untyped-def]
    """Words and short phrases the rules look for, read from the lexicons' phrase text."""
    import re

    from trainer.core.scoring import detectors, lexicon
    from trainer.core.scoring.patterns import Lexicon

    words: set[str] = set()
    for mod in (lexicon, detectors):
        for value in vars(mod).values():
            if isinstance(value, Lexicon):
                for phrase in value.phrases:
                    for alt in re.split(r"[|()?:<>\\]+", phrase):
                        alt = alt.strip(" ,")
                        if alt and re.fullmatch(r"[a-z0-9' &%]+", alt):
                            words.add(alt)
    for body in speed.BODIES + speed.OPENERS + speed.CLOSERS:
        words.update(w for w in body.replace("{", " ").replace("}", " ").split() if w)
    return sorted(words)


_ODD = [
    "İ", "ß", "ﬁ", "ŉ", "ǰ", "ΐ", "Σ", "ς", "K", "Å", "ẞ", "\u0130stanbul", "\u00c5ngstr\u00f6m",
    "😀", "👍🏽", "🇬🇧", "\u200d", "\u200b", "\ufeff", "\u00ad", "\u0301", "e\u0301",
    "\x00", "\x07", "\x1b[31m", "\r\n", "\r", "\t", "\x0b", "\x0c", "\u2028", "\u2029", "\x85",
    "\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026", "\u00a0", "\u202f", "-", "--", "'", "`", "\u00b4",
    "?", "!", ";", ":", ",", ".", "...", "?!", "(", ")", '"', "$", "£", "€", "%", "#", "/", "&",
    "١٢٣", "٣", "²", "½", "Ⅻ", "１２", "ＡＢＣ", "日本語", "Ελληνικά", "кириллица",
]


def _random_cases(vocab: list[str], speed) -> Iterator[Case]:  # type: ignore[no-untyped-def]
    rng = random.Random(20261128)
    moments = list(MOMENT_IDS) + [None]
    for i in range(RANDOM_STRINGS):
        kind = i % 8
        parts: list[str] = []
        if kind in (0, 1, 2):  # phrase salad with punctuation and case changes
            for _ in range(rng.randint(1, 40)):
                w = rng.choice(vocab)
                r = rng.random()
                if r < 0.15:
                    w = w.upper()
                elif r < 0.3:
                    w = w.capitalize()
                parts.append(w)
                if rng.random() < 0.25:
                    parts.append(rng.choice([".", ",", "?", "!", ";", ":", " -", "\n", " (", ")", '"', str(rng.randint(0, 2000))]))
            text = " ".join(parts)
        elif kind == 3:  # salad with odd unicode mixed in
            for _ in range(rng.randint(1, 30)):
                parts.append(rng.choice(vocab) if rng.random() < 0.6 else rng.choice(_ODD))
            text = rng.choice(["", " "]).join(parts)
        elif kind == 4:  # a benchmark reply with characters mutated
            base = list(speed.build_replies(1, i)[0][0])
            for _ in range(rng.randint(1, 8)):
                if not base:
                    break
                p = rng.randrange(len(base))
                op = rng.random()
                if op < 0.4:
                    base[p] = rng.choice(_ODD)
                elif op < 0.7:
                    del base[p]
                else:
                    base.insert(p, rng.choice(_ODD + [" ", "  ", "\n"]))
            text = "".join(base)
        elif kind == 5:  # no spaces, or long runs
            w = rng.choice(vocab)
            text = rng.choice(
                [
                    "".join(rng.choice(vocab) for _ in range(rng.randint(1, 30))),
                    w * rng.randint(1, 200),
                    rng.choice(_ODD) * rng.randint(1, 500),
                    " " * rng.randint(1, 300) + w,
                    (w + " ") * rng.randint(50, 400),
                    "?" * rng.randint(1, 100) + w,
                    "9" * rng.randint(1, 300),
                ]
            )
        elif kind == 6:  # random code points
            text = "".join(chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0x1F300, 0x1FAFF)])) for _ in range(rng.randint(0, 120)))
        else:  # several benchmark replies glued with odd separators
            reps = speed.build_replies(rng.randint(1, 6), i)
            text = rng.choice(["", " ", "\n", "; ", " — ", "…", "\u2028"]).join(t for t, _m in reps)
        moment = rng.choice(moments)
        outcomes = tuple(rng.sample(speed.OUTCOMES, rng.randint(0, 2)))
        known = rng.choice([None, False, True])
        ctx = None if rng.random() < 0.2 else ScoreContext(moment=moment, buyer_outcomes=outcomes, outcome_known=known)
        yield f"random:{i}", text, ctx
    # 100 KB pastes
    for i in range(6):
        reps = speed.build_replies(400, 1000 + i)
        block = " ".join(t for t, _m in reps)
        if i % 2:
            block = block.upper()
        if i == 4:
            block = block.replace(" ", "\u2014")
        if i == 5:
            block = " ".join(rng.choice(vocab) for _ in range(20_000))
        yield f"big:{i}", (block * (100_000 // max(1, len(block)) + 1))[:100_000], ScoreContext(moment=rng.choice(MOMENT_IDS))


def cases() -> Iterator[Case]:
    speed = _speed_module()
    yield from _corpus_cases()
    for i, (text, moment) in enumerate(speed.build_replies(SPEED_REPLIES, 7)):
        yield f"speed:{i}", text, ScoreContext(moment=moment)
    yield from _random_cases(_vocabulary(speed), speed)


def _findings(text: str, ctx: ScoreContext | None) -> str:
    return json.dumps([[f.criterion, f.start, f.end, f.rule] for f in score_reply(text, ctx)], separators=(",", ":"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("record", "check"))
    ap.add_argument("file", type=Path, help="where the reference findings are (JSON lines)")
    args = ap.parse_args()
    import trainer

    print(f"scorer from {Path(trainer.__file__).resolve().parent}")
    t0 = time.perf_counter()
    rows = [(key, _findings(text, ctx)) for key, text, ctx in cases()]
    elapsed = time.perf_counter() - t0
    digest = hashlib.sha256("\n".join(f"{k}\t{v}" for k, v in rows).encode()).hexdigest()
    print(f"{len(rows)} inputs scored in {elapsed:.1f} s, {sum(v != '[]' for _k, v in rows)} with findings, digest {digest[:16]}")
    if args.mode == "record":
        tmp = args.file.with_suffix(args.file.suffix + ".tmp")
        tmp.write_text("".join(f"{k}\t{v}\n" for k, v in rows), encoding="utf-8")
        tmp.replace(args.file)
        print(f"recorded {args.file}")
        return 0
    ref = [tuple(line.split("\t", 1)) for line in args.file.read_text(encoding="utf-8").splitlines()]
    if len(ref) != len(rows):
        print(f"DIFFERENT: {len(ref)} recorded inputs, {len(rows)} now")
        return 1
    bad = [(k, old, new) for (k, old), (_k, new) in zip(ref, rows, strict=True) if old != new]
    for k, old, new in bad[:20]:
        print(f"DIFFERENT {k}: was {old} now {new}")
    print("identical" if not bad else f"{len(bad)} inputs differ")
    return 0 if not bad else 1


if __name__ == "__main__":
    raise SystemExit(main())
