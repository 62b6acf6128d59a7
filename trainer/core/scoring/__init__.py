"""The scorer: rubric findings for one rep reply, with evidence spans and reasons.

    from trainer.core.scoring import score_reply
    findings = score_reply("The offer ends tonight, so decide now.", ScoreContext(moment="closing"))

Rules are phrase lexicons and small parsers over a normalised copy of the reply (see
:mod:`trainer.core.scoring.text`); everything is deterministic, offline and free of global state.
"""

from __future__ import annotations

from trainer.core.findings import Finding, ScoreContext
from trainer.core.scoring.engine import RULES_FINGERPRINT, rule_names, score_reply

__all__ = ["RULES_FINGERPRINT", "Finding", "ScoreContext", "rule_names", "score_reply"]
