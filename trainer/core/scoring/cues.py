"""The weighted cue model: how strongly a reply's cues point to each rubric criterion.

Phrase rules and small parsers read exact shapes; the cue model weighs everything a reply shows
(words, cue classes, which rules fired, the moment) to decide whether a criterion is there. Its
weights are a table in ``trainer/core/data/cue_weights.json`` — one weight per cue and criterion,
fitted on the labelled tuning replies by ``scripts/train_scorer.py`` and readable with
``trainer rubric --cues ID``. A criterion is found when ``bias + sum(weights of the reply's cues)``
is above the table's threshold. The sum runs in a fixed order, so scoring stays deterministic.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

log = logging.getLogger(__name__)

#: Cues that describe the conversation rather than the reply's words: never quoted as evidence.
CONTEXT_PREFIXES: tuple[str, ...] = ("m:", "out", "ov:", "q", "rneg:")


class CueModelError(ValueError):
    """The weight table is malformed (the message names the field)."""


@dataclass(frozen=True, slots=True)
class CriterionWeights:
    bias: float
    weights: Mapping[str, float]


class CueModel:
    """The weight table, indexed both ways: per criterion (to explain) and per cue (to score fast)."""

    __slots__ = ("threshold", "rules_fingerprint", "criteria", "trained_on", "thresholds", "_order", "_biases", "_by_cue", "_cuts", "_known")

    def __init__(
        self,
        threshold: float,
        rules_fingerprint: str,
        criteria: Mapping[str, CriterionWeights],
        trained_on: Mapping[str, int],
        thresholds: Mapping[str, float],
    ) -> None:
        #: Decision threshold on the summed score (a log-odds value).
        self.threshold = threshold
        #: Fingerprint of the rules and cue classes the weights were fitted with.
        self.rules_fingerprint = rules_fingerprint
        self.criteria = criteria
        #: What the table was fitted on (for ``trainer rubric --cues``).
        self.trained_on = trained_on
        #: Per-criterion thresholds where they differ from ``threshold``.
        self.thresholds = thresholds
        self._order: tuple[str, ...] = tuple(criteria)
        self._biases = tuple(criteria[c].bias for c in self._order)
        self._cuts = [self.threshold_of(c) for c in self._order]
        # one dense row of weights per cue (0.0 where a criterion does not use it), so a reply's
        # scores are its rows summed column by column in C (see above()); rows are made the first
        # time a reply shows the cue, so loading the table stays quick
        known: set[str] = set()
        for name in self._order:
            known.update(criteria[name].weights)
        self._known = frozenset(known)
        self._by_cue: dict[str, tuple[float, ...]] = {}

    def _row(self, cue: str) -> tuple[float, ...]:
        row = tuple(self.criteria[name].weights.get(cue, 0.0) for name in self._order)
        self._by_cue[cue] = row
        return row

    def threshold_of(self, criterion: str) -> float:
        return self.thresholds.get(criterion, self.threshold)

    def above(self, cues: Mapping[str, object]) -> set[str]:
        """The criteria whose score passes their threshold (one pass over the reply's cues)."""
        get = self._by_cue.get
        known = self._known
        rows = [self._biases]
        for cue in cues:
            if cue in known:
                rows.append(get(cue) or self._row(cue))
        order = self._order
        return {order[i] for i, (total, cut) in enumerate(zip(map(sum, zip(*rows, strict=True)), self._cuts, strict=True)) if total > cut}

    def score(self, criterion: str, cues: Mapping[str, object]) -> float:
        """``bias + sum of the weights of the cues present`` for ``criterion``."""
        table = self.criteria[criterion]
        weights = table.weights
        total = table.bias
        for cue in cues:
            w = weights.get(cue)
            if w is not None:
                total += w
        return total

    def margin(self, criterion: str, cues: Mapping[str, object]) -> float:
        """How far ``criterion``'s score is over its threshold (negative: under it)."""
        return self.score(criterion, cues) - self.threshold_of(criterion)

    def strongest(self, criterion: str, cues: Mapping[str, object], limit: int = 3) -> list[tuple[str, float]]:
        """The reply's cues that push hardest towards ``criterion`` (quotable ones, strongest first)."""
        weights = self.criteria[criterion].weights
        found = [
            (cue, w)
            for cue in cues
            if (w := weights.get(cue, 0.0)) > 0 and not cue.startswith(CONTEXT_PREFIXES)
        ]
        found.sort(key=lambda item: (-item[1], item[0]))
        return found[:limit]


def parse_model(raw: object) -> CueModel:
    """A :class:`CueModel` from the JSON form written by ``scripts/train_scorer.py``."""
    if not isinstance(raw, dict):
        raise CueModelError("cue weights: expected a JSON object")
    try:
        threshold = float(raw["threshold"])
        fingerprint = str(raw["rules_fingerprint"])
        criteria_raw = raw["criteria"]
    except (KeyError, TypeError, ValueError) as exc:
        raise CueModelError(f"cue weights: missing or bad field {exc}") from None
    if not isinstance(criteria_raw, dict):
        raise CueModelError("cue weights: field 'criteria' must be an object")
    criteria: dict[str, CriterionWeights] = {}
    for name, table in criteria_raw.items():
        if not isinstance(table, dict) or not isinstance(table.get("weights"), dict):
            raise CueModelError(f"cue weights: criteria.{name} needs 'bias' and 'weights'")
        try:
            weights = {str(k): float(v) for k, v in table["weights"].items()}
            criteria[str(name)] = CriterionWeights(float(table["bias"]), weights)
        except (KeyError, TypeError, ValueError):
            raise CueModelError(f"cue weights: criteria.{name} has a non-numeric bias or weight") from None
    trained = raw.get("trained_on", {})
    trained_on = {str(k): int(v) for k, v in trained.items()} if isinstance(trained, dict) else {}
    per = raw.get("thresholds", {})
    if not isinstance(per, dict):
        raise CueModelError("cue weights: field 'thresholds' must be an object")
    try:
        thresholds = {str(k): float(v) for k, v in per.items()}
    except (TypeError, ValueError):
        raise CueModelError("cue weights: field 'thresholds' has a non-numeric value") from None
    return CueModel(threshold, fingerprint, criteria, trained_on, thresholds)


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel:
    """The cue model shipped with the package (read once)."""
    text = resources.files("trainer.core").joinpath("data/cue_weights.json").read_text(encoding="utf-8")
    model = parse_model(json.loads(text))
    log.debug("cue model: %d criteria, %d weights", len(model.criteria), sum(len(c.weights) for c in model.criteria.values()))
    return model
