"""trainer.core.scoring.lexicon: phrase rules compile, and each family fires on its shapes."""

from __future__ import annotations

import pytest

from trainer.core.scoring import lexicon as lx
from trainer.core.scoring.patterns import Lexicon
from trainer.core.scoring.text import Normalised


def test_every_lexicon_compiles_and_is_anchored() -> None:
    lexicons = [v for v in vars(lx).values() if isinstance(v, Lexicon)]
    assert len(lexicons) > 20
    assert all(lex.anchors for lex in lexicons)


def test_stakeholder_words_include_plural_and_singular() -> None:
    assert {"lawyer", "lawyers", "finance", "procurement", "cfo"} <= lx.STAKEHOLDER_WORDS
    assert "it" not in lx.STAKEHOLDER_WORDS  # the pronoun; IT the team is matched in capitals


@pytest.mark.parametrize(
    ("lexicon", "text"),
    [
        (lx.PRESSURE_DEADLINE, "the offer ends tonight"),
        (lx.PRESSURE_SCARCITY, "only two slots left"),
        (lx.PRESSURE_BANDWAGON, "most of your peers have already upgraded"),
        (lx.OVERCLAIM_GUARANTEE, "it's 100% secure"),
        (lx.CONFIRMSHAME, "if your staff's time doesn't matter to you"),
        (lx.HIDDEN_DOWNPLAY, "we'll sort the cancellation terms out later"),
        (lx.DISMISS, "that's a non-issue"),
        (lx.IDIOMS, "a real game changer"),
        (lx.AUTONOMY, "you're free to say no"),
        (lx.ACKNOWLEDGE, "that's a fair worry"),
        (lx.CONSENT_RECORD, "shall i note that in the crm"),
    ],
)
def test_families_match_their_shapes(lexicon: Lexicon, text: str) -> None:
    assert lexicon.search(Normalised(text)) is not None


def test_contractions_attach_without_a_space() -> None:
    assert lx.PRESSURE_DEADLINE.search(Normalised("Today's the last day for this price.")) is not None
