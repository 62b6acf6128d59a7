"""trainer.core.scoring.text: the normalised copy of a reply and its offset map."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.core.scoring.text import Normalised, fold


def test_fold_casefolds_and_plains_quotes_and_dashes() -> None:
    assert fold("It’s “Auto-Renew” — OK") == 'it\'s "auto renew"   ok'


def test_same_length_text_keeps_offsets() -> None:
    doc = Normalised("Don’t RUSH")
    assert doc.text == "don't rush"
    assert doc.span(6, 10) == (6, 10)


def test_expanding_characters_map_back_to_the_original() -> None:
    original = "Straße: guaranteed"
    doc = Normalised(original)
    assert doc.text == "strasse: guaranteed"
    start = doc.text.index("guaranteed")
    s, e = doc.span(start, start + len("guaranteed"))
    assert original[s:e] == "guaranteed"
    # a span inside the expansion still covers the whole original character
    assert doc.span(4, 5) == (4, 5)


def test_sentences_split_on_ends_but_not_decimals() -> None:
    doc = Normalised("Uptime was 99.9 percent. Next: a call? Yes;  fine\nbye")
    parts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert parts == ["uptime was 99.9 percent.", "next: a call?", "yes;", "fine", "bye"]


def test_sentence_at_finds_the_containing_sentence() -> None:
    doc = Normalised("One. Two three.")
    s = doc.sentence_at(doc.text.index("three"))
    assert doc.text[s.start : s.end] == "two three."


def test_negation_looks_a_few_words_back_within_the_clause() -> None:
    doc = Normalised("I won't rush you. Decide now, no deadline.")
    assert doc.negated(doc.text.index("rush"))
    assert not doc.negated(doc.text.index("decide"))
    assert doc.negated(doc.text.index("deadline"))
    far = Normalised("Not that I mind at all really, we sign today")
    assert not far.negated(far.text.index("sign"))


def test_negation_stops_at_clause_boundaries() -> None:
    doc = Normalised("It isn't cheap, but it is guaranteed")
    assert not doc.negated(doc.text.index("guaranteed"))


def test_token_starts_index_whole_words_and_numbers() -> None:
    doc = Normalised("Ten seats, 20 users and 20 more; reseats seats2 seats")
    assert doc.token_starts("seats") == [4, 48]
    assert doc.token_starts("#") == [11, 24]
    assert doc.token_starts("absent") == []
    assert {"users", "#", "reseats"} <= doc.tokens


@given(st.text())
def test_span_maps_any_range_back_inside_the_original(text: str) -> None:
    doc = Normalised(text)
    for start in range(0, len(doc.text), max(1, len(doc.text) // 7 or 1)):
        end = min(len(doc.text), start + 3)
        if start < end:
            s, e = doc.span(start, end)
            assert 0 <= s < e <= len(text)


def test_why_dont_is_a_suggestion_not_a_negator() -> None:
    doc = Normalised("Why don't we go with Enterprise? I don't go with that.")
    assert not doc.negated(doc.text.index("go with enterprise"))
    assert doc.negated(doc.text.rindex("go with"))


def test_clause_around_widens_to_the_clause_and_keeps_numbers_whole() -> None:
    doc = Normalised("Thanks. In that case, I'd go with Growth now; it has everything.")
    start = doc.text.index("growth")
    lo, hi = doc.clause_around(start, start + len("growth"))
    assert doc.text[lo:hi] == "i'd go with growth now"
    doc = Normalised("We waive the £6,000 fee, and review at day 45.")
    start = doc.text.index("fee")
    lo, hi = doc.clause_around(start, start + 3)
    assert doc.text[lo:hi] == "we waive the £6,000 fee"


def test_sentence_around_widens_to_the_sentence_without_its_closing_punctuation() -> None:
    doc = Normalised("Pen test results? They're, uh, somewhere. Shall we sign?")
    start = doc.text.index("somewhere")
    lo, hi = doc.sentence_around(start, start + len("somewhere"))
    assert doc.text[lo:hi] == "they're, uh, somewhere"
