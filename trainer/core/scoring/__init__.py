"""The scorer: rubric findings for one rep reply, with evidence spans and reasons.

    from trainer.core.scoring import score_reply
    findings = score_reply("The offer ends tonight, so decide now.", ScoreContext(moment="closing"))

Rules are phrase lexicons and small parsers over a normalised copy of the reply (see
:mod:`trainer.core.scoring.text`); a weighted cue table (:mod:`trainer.core.scoring.cues`) then
weighs the rules' hits with the reply's words and cue classes (:mod:`trainer.core.scoring.features`)
and decides each criterion. Everything is deterministic and offline.
"""

from __future__ import annotations

from trainer.core.findings import Finding, ScoreContext
from trainer.core.scoring.engine import RULES_FINGERPRINT, rule_names, score_reply

__all__ = ["RULES_FINGERPRINT", "Finding", "ScoreContext", "rule_names", "score_reply"]
