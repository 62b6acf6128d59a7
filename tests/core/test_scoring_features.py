"""Cue features: words, classes, negation scope, spans, rule hits and context."""

from __future__ import annotations

from trainer.core.findings import ScoreContext
from trainer.core.scoring import features
from trainer.core.scoring.features import extract, gate_cues, stem
from trainer.core.scoring.text import Normalised


def cues(text: str, context: ScoreContext | None = None, **kw: object) -> features.Spans:
    return extract(Normalised(text), context, kw.get("hits", {}), kw.get("negated", ()))  # type: ignore[arg-type]


def test_stem_folds_common_endings_and_numbers() -> None:
    assert stem("renewals") == "renewal"
    assert stem("signed") == "sign"
    assert stem("2025") == "#"
    assert stem("it's") == "it"
    assert stem("don't") == "dont"
    assert stem("bus") == "bus"  # short words are left alone


def test_words_classes_and_bigrams_carry_their_spans() -> None:
    text = "The offer ends tonight."
    found = cues(text)
    assert "w:offer" in found and "b:ends_tonight" in found
    start, end = found["k:URGENT"]
    assert text.lower()[start:end] in {"ends", "tonight"}
    s, e = found["b:ends_tonight"]
    assert text[s:e] == "ends tonight"


def test_a_negator_marks_the_next_words_of_its_clause_only() -> None:
    found = cues("There's no rush, so sign today.")
    assert "nw:rush" in found and "w:rush" not in found
    assert "w:sign" in found and "nw:sign" not in found  # the comma ends the negation's scope
    assert "k:URGENT" in found  # "today" is outside the negated clause


def test_phrase_classes_are_found_and_negated_ones_marked() -> None:
    assert "k:FREE_" in cues("It's your call either way.")
    found = cues("It's not your call alone, sadly.")
    assert "nk:FREE_" in found and "k:FREE_" not in found


def test_rule_hits_negated_triggers_and_context_become_cues() -> None:
    ctx = ScoreContext(moment="proposal", buyer_outcomes=("fewer manual exports",))
    found = cues(
        "Pro removes the manual exports you mentioned.",
        ctx,
        hits={"tie_to_outcome": ("tie.buyer_words", 0, 3)},
        negated=["pressure_tactics"],
    )
    assert found["r:tie_to_outcome"] == (0, 3)
    assert "rn:tie.buyer_words" in found
    assert "rneg:pressure_tactics" in found
    assert "m:proposal" in found and "out" in found
    assert "ov:2" in found  # "manual" and "export" are the buyer's words


def test_gate_cues_need_the_criterions_own_kind_of_word() -> None:
    assert gate_cues("pressure_tactics", cues("Only two slots left this week.")) != []
    assert gate_cues("pressure_tactics", cues("Happy to walk through the report.")) == []
    assert gate_cues("autonomy_language", cues("It's not your call alone.")) == []  # negated


def test_every_gate_names_known_classes_and_the_fingerprint_is_stable() -> None:
    known = set(features.WORD_CLASSES) | set(features.PHRASE_CLASSES)
    for criterion, classes in features.GATES.items():
        assert set(classes) <= known, criterion
    assert len(features.FEATURES_FINGERPRINT) == 16
    assert features._fingerprint() == features.FEATURES_FINGERPRINT


def test_extract_is_pure_and_spans_stay_inside_the_text() -> None:
    text = "Honestly 😅 nobody reads the small print\x00 — it auto-renews, don't worry!!"
    first, second = cues(text), cues(text)
    assert first == second
    doc = Normalised(text)
    for start, end in first.values():
        assert 0 <= start <= end <= len(doc.text)


def test_every_phrase_class_is_anchored_so_it_is_only_tried_where_its_first_words_occur() -> None:
    unanchored = [name for name, lex in features._PHRASE_LEXICONS if lex.anchors is None]
    assert unanchored == []
