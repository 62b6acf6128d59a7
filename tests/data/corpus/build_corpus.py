"""Split and validate the labelled reply corpus (dev.jsonl / test.jsonl).

Usage (from the repository root):
    .venv/bin/python tests/data/corpus/build_corpus.py check
    .venv/bin/python tests/data/corpus/build_corpus.py table
    .venv/bin/python tests/data/corpus/build_corpus.py split ALL.jsonl

`check` validates both halves (schema, unique ids, known criterion and moment ids, the
per-half and overall floors) and the extra tuning file dev_extra.jsonl (same schema, ids
"x" + 4 or 5 digits, unique across all three files, texts not repeated from the halves, its own
floors), and exits 1 with file:line messages on any problem.
`table` prints the per-id counts as Markdown tables (used in README.md).
`split` takes one JSONL file holding every reply and writes dev.jsonl and test.jsonl with the
deterministic split rule described in README.md, each written to a temp file then os.replace'd.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from trainer.core.rubric import CRITERION_IDS, MOMENT_IDS  # noqa: E402

PERSONAS = (
    "smb_owner",
    "enterprise_ciso",
    "finance",
    "procurement",
    "ops_lead",
    "it_admin",
    "champion",
)
HALVES = ("dev", "test")
KEYS = ("id", "text", "moment", "persona", "buyer_outcomes", "labels", "near_miss")

# Floors a half must meet, and floors the whole corpus must meet.
HALF_MIN_POS = 10
HALF_MIN_NEAR = 5
HALF_MIN_CLEAN = 40
ALL_MIN_POS = 20
ALL_MIN_NEAR = 10
ALL_MIN_CLEAN = 80
ALL_MIN_TOTAL = 500

# dev_extra.jsonl: extra tuning replies, never split, never part of the test half.
EXTRA = "dev_extra"
EXTRA_ID = re.compile(r"x\d{4,5}")
# Ids the scorer found hardest on unseen replies get more positives and near misses.
EXTRA_FOCUS_IDS = (
    "confirmshaming",
    "pressure_tactics",
    "dismiss_concern",
    "hidden_terms",
    "step_up_trigger",
    "proof_with_limits",
    "quantify_risk",
    "engage_stakeholders",
    "autonomy_language",
    "acknowledge_objection",
    "stop_rule",
    "premature_upsell",
)
EXTRA_MIN_FOCUS_POS = 25
EXTRA_MIN_FOCUS_NEAR = 10
EXTRA_MIN_POS = 10
EXTRA_MIN_CLEAN = 60
EXTRA_MIN_TOTAL = 450


class CorpusError(ValueError):
    """A corpus file breaks the schema or a floor; the message names file:line or the id."""


def half_path(half: str, folder: Path = HERE) -> Path:
    return folder / f"{half}.jsonl"


def check_record(rec: Any, where: str) -> list[str]:
    """Return the schema problems of one parsed line (empty list when it is valid)."""
    if not isinstance(rec, dict):
        return [f"{where}: a line must be a JSON object"]
    errs: list[str] = []
    missing = [k for k in KEYS if k not in rec]
    extra = [k for k in rec if k not in KEYS]
    if missing:
        errs.append(f"{where}: missing field(s) {', '.join(missing)}")
    if extra:
        errs.append(f"{where}: unknown field(s) {', '.join(extra)}")
    if missing:
        return errs
    if not isinstance(rec["id"], str) or not rec["id"]:
        errs.append(f"{where}: field 'id' must be a non-empty string")
    text = rec["text"]
    if not isinstance(text, str) or not text.strip():
        errs.append(f"{where}: field 'text' must be a non-empty string")
    if rec["moment"] not in MOMENT_IDS:
        errs.append(f"{where}: field 'moment' has unknown value {rec['moment']!r}")
    if rec["persona"] not in PERSONAS:
        errs.append(f"{where}: field 'persona' has unknown value {rec['persona']!r}")
    outs = rec["buyer_outcomes"]
    if not isinstance(outs, list) or len(outs) > 3 or not all(
        isinstance(o, str) and o.strip() for o in outs
    ):
        errs.append(f"{where}: field 'buyer_outcomes' must be a list of 0-3 non-empty strings")
    for field in ("labels", "near_miss"):
        ids = rec[field]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            errs.append(f"{where}: field '{field}' must be a list of criterion ids")
            continue
        unknown = [i for i in ids if i not in CRITERION_IDS]
        if unknown:
            errs.append(f"{where}: field '{field}' has unknown id(s) {', '.join(unknown)}")
        if len(set(ids)) != len(ids):
            errs.append(f"{where}: field '{field}' repeats an id")
    if isinstance(rec["labels"], list) and isinstance(rec["near_miss"], list):
        both = sorted(set(rec["labels"]) & set(rec["near_miss"]))
        if both:
            errs.append(f"{where}: id(s) {', '.join(both)} in both 'labels' and 'near_miss'")
    return errs


def read_jsonl(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse and schema-check one file; returns (records, problems)."""
    recs: list[dict[str, Any]] = []
    errs: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            where = f"{path.name}:{n}"
            if not line.strip():
                errs.append(f"{where}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                errs.append(f"{where}: not valid JSON ({exc.msg})")
                continue
            problems = check_record(rec, where)
            errs.extend(problems)
            if not problems:
                recs.append(rec)
    return recs, errs


def counts(recs: Iterable[dict[str, Any]]) -> tuple[Counter[str], Counter[str], int, int]:
    """(positives per id, near misses per id, clean replies, total replies)."""
    pos: Counter[str] = Counter()
    near: Counter[str] = Counter()
    clean = total = 0
    for r in recs:
        total += 1
        pos.update(r["labels"])
        near.update(r["near_miss"])
        clean += not r["labels"]
    return pos, near, clean, total


def floor_problems(name: str, recs: list[dict[str, Any]], min_pos: int, min_near: int,
                   min_clean: int, min_total: int = 0) -> list[str]:
    pos, near, clean, total = counts(recs)
    errs = []
    for cid in CRITERION_IDS:
        if pos[cid] < min_pos:
            errs.append(f"{name}: {cid} has {pos[cid]} positives, needs {min_pos}")
        if near[cid] < min_near:
            errs.append(f"{name}: {cid} has {near[cid]} near misses, needs {min_near}")
    if clean < min_clean:
        errs.append(f"{name}: {clean} clean replies, needs {min_clean}")
    if total < min_total:
        errs.append(f"{name}: {total} replies, needs {min_total}")
    return errs


def validate(folder: Path = HERE) -> list[str]:
    """All problems of the two halves in `folder` (empty list when the corpus is valid)."""
    errs: list[str] = []
    halves: dict[str, list[dict[str, Any]]] = {}
    for half in HALVES:
        path = half_path(half, folder)
        if not path.exists():
            errs.append(f"{path.name}: file is missing")
            halves[half] = []
            continue
        recs, problems = read_jsonl(path)
        errs.extend(problems)
        halves[half] = recs
    seen: dict[str, str] = {}
    for half, recs in halves.items():
        for r in recs:
            if r["id"] in seen:
                errs.append(f"{half}.jsonl: id {r['id']} already used in {seen[r['id']]}.jsonl")
            seen.setdefault(r["id"], half)
    for half, recs in halves.items():
        errs.extend(floor_problems(f"{half}.jsonl", recs, HALF_MIN_POS, HALF_MIN_NEAR,
                                   HALF_MIN_CLEAN))
    everything = halves["dev"] + halves["test"]
    errs.extend(floor_problems("corpus", everything, ALL_MIN_POS, ALL_MIN_NEAR, ALL_MIN_CLEAN,
                               ALL_MIN_TOTAL))
    errs.extend(validate_extra(folder, halves, seen))
    return errs


def validate_extra(folder: Path, halves: dict[str, list[dict[str, Any]]],
                   seen: dict[str, str]) -> list[str]:
    """Problems of dev_extra.jsonl: schema, "x" ids unique across all files, its floors.

    Duplicate texts are reported by id only, so a check never prints a test-half reply.
    """
    path = half_path(EXTRA, folder)
    name = path.name
    if not path.exists():
        return [f"{name}: file is missing"]
    recs, errs = read_jsonl(path)
    texts = {r["text"].strip().lower(): r["id"] for recs_ in halves.values() for r in recs_}
    mine: dict[str, str] = {}
    for n, r in zip(_valid_line_numbers(path), recs, strict=True):
        where = f"{name}:{n}"
        if not EXTRA_ID.fullmatch(r["id"]):
            errs.append(f"{where}: id {r['id']!r} must be 'x' followed by 4 digits")
        if r["id"] in seen:
            errs.append(f"{where}: id {r['id']} already used in {seen[r['id']]}.jsonl")
        seen.setdefault(r["id"], EXTRA)
        key = r["text"].strip().lower()
        if key in texts:
            errs.append(f"{where}: text repeats reply {texts[key]}")
        elif key in mine:
            errs.append(f"{where}: text repeats reply {mine[key]}")
        mine.setdefault(key, r["id"])
    pos, near, clean, total = counts(recs)
    for cid in CRITERION_IDS:
        min_pos = EXTRA_MIN_FOCUS_POS if cid in EXTRA_FOCUS_IDS else EXTRA_MIN_POS
        if pos[cid] < min_pos:
            errs.append(f"{name}: {cid} has {pos[cid]} positives, needs {min_pos}")
        if cid in EXTRA_FOCUS_IDS and near[cid] < EXTRA_MIN_FOCUS_NEAR:
            errs.append(f"{name}: {cid} has {near[cid]} near misses, needs "
                        f"{EXTRA_MIN_FOCUS_NEAR}")
    if clean < EXTRA_MIN_CLEAN:
        errs.append(f"{name}: {clean} clean replies, needs {EXTRA_MIN_CLEAN}")
    if total < EXTRA_MIN_TOTAL:
        errs.append(f"{name}: {total} replies, needs {EXTRA_MIN_TOTAL}")
    return errs


def _valid_line_numbers(path: Path) -> list[int]:
    """Line numbers of the records read_jsonl keeps, in the same order."""
    numbers = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                rec = json.loads(line) if line.strip() else None
            except json.JSONDecodeError:
                continue
            if rec is not None and not check_record(rec, ""):
                numbers.append(n)
    return numbers


def split(recs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Deterministic, label-balanced split into two halves.

    Replies are visited in order of sha256(id). Each goes to the half where the labels and
    near misses it carries (plus "clean" when it has no label) have been seen fewer times so
    far; ties go to the smaller half, then to dev. Output keeps the visiting order.
    """
    out: dict[str, list[dict[str, Any]]] = {h: [] for h in HALVES}
    seen: dict[str, Counter[str]] = {h: Counter() for h in HALVES}
    order = sorted(recs, key=lambda r: hashlib.sha256(r["id"].encode("utf-8")).hexdigest())
    for r in order:
        keys = [f"L:{x}" for x in r["labels"]] + [f"N:{x}" for x in r["near_miss"]]
        if not r["labels"]:
            keys.append("clean")
        best = min(HALVES, key=lambda h: (sum(seen[h][k] for k in keys), len(out[h]),
                                          HALVES.index(h)))
        out[best].append(r)
        seen[best].update(keys)
    return out


def write_jsonl(path: Path, recs: list[dict[str, Any]]) -> None:
    """Write atomically: temp file in the same folder, then os.replace."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def table(folder: Path = HERE) -> str:
    per = {h: counts(read_jsonl(half_path(h, folder))[0]) for h in HALVES}
    lines = ["| id | dev pos | dev near | test pos | test near | total pos | total near |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for cid in CRITERION_IDS:
        dp, dn = per["dev"][0][cid], per["dev"][1][cid]
        tp, tn = per["test"][0][cid], per["test"][1][cid]
        lines.append(f"| `{cid}` | {dp} | {dn} | {tp} | {tn} | {dp + tp} | {dn + tn} |")
    dc, dt = per["dev"][2], per["dev"][3]
    tc, tt = per["test"][2], per["test"][3]
    lines.append(f"| clean (no label) | {dc} | | {tc} | | {dc + tc} | |")
    lines.append(f"| replies | {dt} | | {tt} | | {dt + tt} | |")
    return "\n".join(lines)


def table_extra(folder: Path = HERE) -> str:
    pos, near, clean, total = counts(read_jsonl(half_path(EXTRA, folder))[0])
    lines = [f"| id | {EXTRA} pos | {EXTRA} near |", "|---|---:|---:|"]
    lines += [f"| `{cid}` | {pos[cid]} | {near[cid]} |" for cid in CRITERION_IDS]
    lines.append(f"| clean (no label) | {clean} | |")
    lines.append(f"| replies | {total} | |")
    return "\n".join(lines)


def tables(folder: Path = HERE) -> str:
    out = table(folder)
    if half_path(EXTRA, folder).exists():
        out += "\n\n" + table_extra(folder)
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("check", "table", "split"):
        sys.stderr.write(__doc__ or "")
        return 2
    if argv[0] == "split":
        if len(argv) != 2:
            sys.stderr.write("split needs one input file\n")
            return 2
        recs, errs = read_jsonl(Path(argv[1]))
        if errs:
            sys.stderr.write("\n".join(errs) + "\n")
            return 1
        for half, part in split(recs).items():
            write_jsonl(half_path(half), part)
        argv = ["check"]
    if argv[0] == "table":
        sys.stdout.write(tables() + "\n")
        return 0
    errs = validate()
    if errs:
        sys.stderr.write("\n".join(errs) + "\n")
        return 1
    sys.stdout.write(tables() + "\ncorpus OK\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
