"""trainer.core.scoring.patterns: the phrase shorthand, anchors, and anchor-indexed search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.scoring import detectors, engine, lexicon
from trainer.core.scoring.patterns import (
    CuedPattern,
    Lexicon,
    anchors_of,
    expand,
    gap,
    regex_first_tokens,
    regex_words,
    required_words,
)
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


@pytest.mark.parametrize(
    ("phrase", "needed"),
    [
        ("next question", [{"next"}, {"question"}]),
        ("(?:sign|signing)<3>today", [{"sign", "signing"}, {"today"}]),
        ("don't worry", [{"don", "dont"}, {"worry"}]),
        ("lawyers? (?:will|would) check", [{"lawyer", "lawyers"}, {"will", "would"}, {"check"}]),
        ("auto ?renew", []),  # "autorenew" is one token: neither word is needed on its own
        ("(?:a|the)? deal", [{"deal"}]),
    ],
)
def test_required_words_are_read_exactly_from_the_phrase(phrase: str, needed: list[set[str]]) -> None:
    assert [set(c) for c in required_words(phrase)] == needed


@settings(max_examples=80, deadline=None)
@given(st.lists(_WORDS, max_size=40))
def test_a_lexicon_that_matches_always_has_its_needed_words(words: list[str]) -> None:
    doc = Normalised(" ".join(words))
    for name, lex in _all_lexicons():
        if lex.pattern.search(doc.text) is not None:
            assert doc.can_match(lex), name


def test_regex_words_and_first_tokens() -> None:
    rx = re.compile(r"\b(?:offer|deal)s? ends? (?:today|tonight)\b")
    assert [set(c) for c in regex_words(rx)] == [
        {"offer", "offers", "deal", "deals"},
        {"end", "ends"},
        {"today", "tonight"},
    ]
    assert regex_first_tokens(rx) == frozenset({"offer", "offers", "deal", "deals"})
    assert regex_first_tokens(re.compile(r"[,;]\s*or\b|\beither\b")) == frozenset({"\x00,", "\x00;", "either"})
    assert regex_first_tokens(re.compile(r"or\b")) is None  # no boundary before: "color" ends in "or"
    assert regex_words(re.compile(r"\bplan", re.IGNORECASE)) == []


def _cued() -> list[tuple[str, CuedPattern]]:
    return [
        (f"{mod.__name__}.{name}", value)
        for mod in (detectors, engine)
        for name, value in vars(mod).items()
        if isinstance(value, CuedPattern)
    ]


def test_every_module_regex_is_cued() -> None:
    names = [name for name, _rx in _cued()]
    assert "trainer.core.scoring.detectors.DATE_RE" in names
    assert not [n for mod in (detectors, engine) for n, v in vars(mod).items() if isinstance(v, re.Pattern)]


_CORPUS_TEXTS = [
    json.loads(line)["text"]
    for name in ("dev.jsonl", "dev_extra.jsonl")
    for line in (Path(__file__).resolve().parents[1] / "data" / "corpus" / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("text", _CORPUS_TEXTS[::7] + ["Option A, or plan 2 by 5 June; £40 a month, 3 hours lost."])
def test_cued_patterns_answer_like_their_regex(text: str) -> None:
    doc = Normalised(text)
    t = doc.text
    mid = len(t) // 2
    for name, cued in _cued():
        raw = cued.regex
        for args in ((t,), (t, 3), (t, 0, mid), (t, mid), (t, 1, len(t) - 1)):
            got = cued.search(*args)
            want = raw.search(*args)
            assert (got and got.span()) == (want and want.span()), (name, args[1:])
            assert [m.span() for m in cued.finditer(*args)] == [m.span() for m in raw.finditer(*args)], name
            assert cued.findall(*args) == raw.findall(*args), name
            got_m, want_m = cued.match(*args), raw.match(*args)
            assert (got_m and got_m.span()) == (want_m and want_m.span()), name
