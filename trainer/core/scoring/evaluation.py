"""Measuring the scorer against a labelled corpus: precision, recall and F1 per rubric id.

A corpus file is JSON lines of ``{"id", "text", "moment", "persona", "buyer_outcomes",
"labels", "near_miss"}``; ``labels`` are the ids that should fire on the reply. Each reply is
judged as a set: predicted ids against labelled ids (``near_miss`` is informational).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trainer.core.findings import Finding, ScoreContext
from trainer.core.rubric import AVOID_IDS, CRITERION_IDS, MOMENT_IDS

SPLITS: tuple[str, ...] = ("dev", "test")
#: Every split name ``load_split`` accepts: the two halves, "dev-core" (dev.jsonl alone) and "all".
SPLIT_CHOICES: tuple[str, ...] = ("dev", "dev-core", "test", "all")
#: Extra tuning replies that belong to the dev split whenever the file is present.
DEV_EXTRA = "dev_extra.jsonl"


class CorpusError(ValueError):
    """A corpus file does not match its schema (the message names file:line and field)."""


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    moment: str | None
    persona: str | None
    buyer_outcomes: tuple[str, ...]
    labels: frozenset[str]
    near_miss: frozenset[str]
    source: str = ""

    def context(self) -> ScoreContext:
        return ScoreContext(moment=self.moment, buyer_outcomes=self.buyer_outcomes)


def _ids(value: object, where: str, name: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusError(f"{where}: field '{name}' must be a list of rubric ids")
    unknown = sorted(set(value) - set(CRITERION_IDS))
    if unknown:
        raise CorpusError(f"{where}: field '{name}' has unknown ids {unknown}")
    return frozenset(value)


def parse_example(raw: str, where: str) -> Example:
    """One corpus line; ``where`` ("file:line") prefixes every error."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: invalid JSON: {exc.msg}") from None
    if not isinstance(obj, dict):
        raise CorpusError(f"{where}: expected a JSON object")
    for key in ("id", "text"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            raise CorpusError(f"{where}: field '{key}' must be a non-empty string")
    moment = obj.get("moment")
    if moment is not None and moment not in MOMENT_IDS:
        raise CorpusError(f"{where}: field 'moment' has unknown moment {moment!r}")
    outcomes = obj.get("buyer_outcomes", [])
    if not isinstance(outcomes, list) or not all(isinstance(o, str) for o in outcomes):
        raise CorpusError(f"{where}: field 'buyer_outcomes' must be a list of strings")
    persona = obj.get("persona")
    return Example(
        id=obj["id"],
        text=obj["text"],
        moment=moment,
        persona=persona if isinstance(persona, str) else None,
        buyer_outcomes=tuple(outcomes),
        labels=_ids(obj.get("labels", []), where, "labels"),
        near_miss=_ids(obj.get("near_miss", []), where, "near_miss"),
        source=where,
    )


def load_corpus(path: Path) -> list[Example]:
    """Every example of one JSON-lines file (blank lines skipped)."""
    examples: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                examples.append(parse_example(raw, f"{path}:{number}"))
    return examples


def load_split(corpus_dir: Path, split: str) -> list[Example]:
    """The examples of ``split`` under ``corpus_dir``.

    "dev" is ``dev.jsonl`` plus ``dev_extra.jsonl`` when that file exists (both are for tuning),
    "dev-core" is ``dev.jsonl`` alone, "test" is ``test.jsonl`` and "all" is dev plus test.
    """
    if split == "all":
        return [e for s in SPLITS for e in load_split(corpus_dir, s)]
    if split == "dev-core":
        return load_corpus(corpus_dir / "dev.jsonl")
    if split == "dev":
        examples = load_corpus(corpus_dir / "dev.jsonl")
        extra = corpus_dir / DEV_EXTRA
        if extra.is_file():
            examples.extend(load_corpus(extra))
        return examples
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (expected one of {', '.join(SPLIT_CHOICES)})")
    return load_corpus(corpus_dir / f"{split}.jsonl")


@dataclass(frozen=True, slots=True)
class IdMetrics:
    criterion: str
    tp: int
    fp: int
    fn: int

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Miss:
    """One wrong call: ``kind`` is "fp" (fired but not labelled) or "fn" (labelled, not fired)."""

    kind: str
    criterion: str
    example: Example
    evidence: str = ""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    per_id: dict[str, IdMetrics]
    examples: int
    misses: tuple[Miss, ...] = field(default=())

    @property
    def macro_f1(self) -> float:
        return sum(m.f1 for m in self.per_id.values()) / len(self.per_id)

    def min_avoid_recall(self) -> float:
        return min(self.per_id[c].recall for c in AVOID_IDS)


Scorer = Callable[[str, ScoreContext | None], list[Finding]]


def evaluate(examples: Iterable[Example], scorer: Scorer) -> Report:
    """Score every example and compare predicted id sets with the labels."""
    tp = dict.fromkeys(CRITERION_IDS, 0)
    fp = dict.fromkeys(CRITERION_IDS, 0)
    fn = dict.fromkeys(CRITERION_IDS, 0)
    misses: list[Miss] = []
    count = 0
    for ex in examples:
        count += 1
        findings = scorer(ex.text, ex.context())
        by_id = {f.criterion: f for f in findings}
        predicted = set(by_id)
        for c in CRITERION_IDS:
            if c in predicted and c in ex.labels:
                tp[c] += 1
            elif c in predicted:
                fp[c] += 1
                misses.append(Miss("fp", c, ex, by_id[c].evidence, by_id[c].rule))
            elif c in ex.labels:
                fn[c] += 1
                misses.append(Miss("fn", c, ex))
    per_id = {c: IdMetrics(c, tp[c], fp[c], fn[c]) for c in CRITERION_IDS}
    return Report(per_id=per_id, examples=count, misses=tuple(misses))


def format_table(report: Report) -> str:
    """The per-id table with macro-F1, as printed by ``trainer eval-scorer``."""
    lines = [f"{'id':<24}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}"]
    for c in CRITERION_IDS:
        m = report.per_id[c]
        lines.append(f"{c:<24}{m.precision:>10.3f}{m.recall:>8.3f}{m.f1:>7.3f}{m.support:>9d}")
    lines.append(f"{'macro-F1':<24}{'':>10}{'':>8}{report.macro_f1:>7.3f}{report.examples:>9d}")
    lines.append(f"min recall over Avoid ids: {report.min_avoid_recall():.3f}")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class CorpusStats:
    replies: int
    positives: dict[str, int]
    near_misses: dict[str, int]
    clean: int
    moments: frozenset[str]


def corpus_stats(examples: Sequence[Example]) -> CorpusStats:
    """Counts the corpus size rules are checked against."""
    positives = dict.fromkeys(CRITERION_IDS, 0)
    near = dict.fromkeys(CRITERION_IDS, 0)
    for ex in examples:
        for c in ex.labels:
            positives[c] += 1
        for c in ex.near_miss:
            near[c] += 1
    return CorpusStats(
        replies=len(examples),
        positives=positives,
        near_misses=near,
        clean=sum(1 for ex in examples if not ex.labels),
        moments=frozenset(ex.moment for ex in examples if ex.moment),
    )
