"""trainer.core.scoring.patterns: the phrase shorthand, anchors, and anchor-indexed search."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.scoring import detectors, lexicon
from trainer.core.scoring.patterns import Lexicon, anchors_of, expand, gap
from trainer.core.scoring.patterns import lexicon as make_lexicon
from trainer.core.scoring.text import Normalised


def test_expand_shorthand() -> None:
    rx = re.compile(expand("don't<2>rush you"))
    assert rx.fullmatch("dont  rush you")
    assert rx.fullmatch("don't really rush you")
    assert not rx.fullmatch("don't ever really truly rush you")
    assert re.fullmatch(expand("100 ?%"), "100%")


def test_gap_stays_inside_a_sentence() -> None:
    rx = re.compile("sign" + gap(3) + "today")
    assert rx.search("sign the form today")
    assert not rx.search("sign. today")


@pytest.mark.parametrize(
    ("phrase", "anchors"),
    [
        ("home run", {"home"}),
        ("(?:offer|deal) ends", {"offer", "deal"}),
        ("don't worry", {"don", "dont"}),
        ("lawyers? (?:in|on)", {"lawyers", "lawyer"}),
        ("\\d+ seats", {"#"}),
        ("100 ?%", {"100"}),
        ("(?:a|(?:b|c) d) e", {"a", "b", "c"}),
    ],
)
def test_anchors_are_the_possible_first_words(phrase: str, anchors: set[str]) -> None:
    assert anchors_of(phrase) == frozenset(anchors)


@pytest.mark.parametrize("phrase", ["(?:the )?thing", "guarantee(?:d|s)", "\\w+ thing"])
def test_unreadable_first_words_give_no_anchor(phrase: str) -> None:
    assert anchors_of(phrase) is None


def test_lexicon_matches_whole_words_only() -> None:
    lex = make_lexicon("run")
    assert lex.search(Normalised("we run it")) is not None
    assert lex.search(Normalised("rerun it")) is None
    assert lex.search(Normalised("running")) is None


def test_empty_lexicon_is_refused() -> None:
    with pytest.raises(ValueError):
        make_lexicon()


def _all_lexicons() -> list[tuple[str, Lexicon]]:
    out = []
    for mod in (lexicon, detectors):
        for name, value in vars(mod).items():
            if isinstance(value, Lexicon):
                out.append((f"{mod.__name__}.{name}", value))
    return out


def test_rule_lexicons_have_a_prefilter() -> None:
    # Searching without anchors costs a regex attempt per character of the reply.
    unanchored = [name for name, lex in _all_lexicons() if lex.anchors is None]
    assert unanchored == []


_WORDS = st.sampled_from(
    [
        "the",
        "offer",
        "ends",
        "tonight",
        "so",
        "decide",
        "now",
        "don't",
        "worry",
        "about",
        "it",
        "it's",
        "guaranteed",
        "home",
        "run",
        "we",
        "only",
        "have",
        "two",
        "slots",
        "left",
        "you're",
        "free",
        "to",
        "say",
        "no",
        "20",
        "seats",
        "5",
        "hours",
        "a",
        "week",
        "if",
        "it",
        "doesn't",
        "work",
        "we",
        "drop",
        "back",
        "at",
        "no",
        "cost",
        "your",
        "finance",
        "team",
        "should",
        "review",
        "it",
        "first",
        ".",
        ",",
        ";",
        "?",
        "’",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=40))
def test_anchored_search_finds_what_a_plain_regex_finds(words: list[str]) -> None:
    text = " ".join(words)
    doc = Normalised(text)
    for _name, lex in _all_lexicons():
        fast = [(m.start(), m.end()) for m in lex.finditer(doc)]
        slow = [(m.start(), m.end()) for m in lex.pattern.finditer(doc.text)]
        assert fast == slow
