"""A normalised copy of a reply that rules match against, with offsets back to the original.

Rules match casefolded text in which typographic quotes are plain ASCII and every dash or hyphen
is a space ("auto-renew" and "auto renew" read the same). Offsets found in the normalised copy
map back to the reply the rep typed, so evidence spans always quote the rep's own characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from trainer.core.scoring.patterns import (
    CHAR_ANCHOR,
    NUMBER_ANCHOR,
    WORD_INDEX,
    Lexicon,
    note_reply,
)

# Length-preserving folds applied before casefolding.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
        "\u2012": " ",
        "\u2013": " ",
        "\u2014": " ",
        "\u2015": " ",
        "\u2212": " ",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2026": ".",
    }
)

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_HAS_DIGIT = re.compile(r"[0-9]")
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_DIGITS = frozenset("0123456789")
# A sentence ends at . ! ? ; or a line break (a full stop inside a number is not an end); it
# starts at its first non-space character.
_SENTENCE_RE = re.compile(r"[^\s.!?;](?:[^.!?;\n]+|\.(?=\d))*(?:[!?;]+|\.+(?!\d)|(?=\n)|$)|[.!?;]+")
#: Where a quoted clause ends (see ``Normalised.clause_around``).
_CLAUSE_CUT_RE = re.compile(r"[;:()\n\"\u2014\u2013]|,(?!\d)")
# Clause boundaries for negation scope: sentence ends plus commas, colons and "but".
_CLAUSE_BOUNDARY_RE = re.compile(r"[.!?;:,\n()\"]|\bbut\b|\bhowever\b|\bthough\b")

#: Words that negate a trigger that follows them closely in the same clause.
NEGATORS: frozenset[str] = frozenset(
    {
        "no",
        "not",
        "never",
        "nothing",
        "none",
        "nor",
        "neither",
        "without",
        "cannot",
        "hardly",
        "nobody",
        "don't",
        "dont",
        "won't",
        "wont",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "weren't",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "can't",
        "cant",
        "couldn't",
        "wouldn't",
        "shouldn't",
        "shan't",
        "mustn't",
        "haven't",
        "hasn't",
    }
)
_NEG_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")


def fold(text: str) -> str:
    """The normalised form of ``text`` (may be longer than ``text`` for a few characters)."""
    return text.translate(_FOLD).casefold()


#: What ``positions_of`` gives a lexicon that cannot match (shared: never modified).
_NO_POSITIONS: tuple[list[int], list[str]] = ([], [])


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


class Normalised:
    """A reply and its normalised copy; ``span()`` maps normalised offsets to the original.

    Tokens are read once, when the reply is built; the anchor index (which lexicons can match
    where) is built on first use by looking up each distinct token once.
    """

    __slots__ = (
        "original",
        "text",
        "_offsets",
        "_starts",
        "_toks",
        "tokens",
        "_token_index_cache",
        "_lex_positions",
        "_live",
        "_anchor_cache",
        "cue_cache",
        "_sentences",
        "_sentence_starts_cache",
        "_around",
        "_neg_cache",
    )

    def __init__(self, original: str) -> None:
        self.original = original
        folded = original.translate(_FOLD)
        low = folded.casefold()
        if len(low) == len(original):
            self.text = low
            self._offsets: list[int] | None = None
        else:
            parts: list[str] = []
            offsets: list[int] = []
            for i, ch in enumerate(folded):
                c = ch.casefold()
                parts.append(c)
                offsets.extend([i] * len(c))
            self.text = "".join(parts)
            self._offsets = offsets
        found = _TOKEN_RE.findall(self.text)
        self._starts: list[int] | None = None
        toks = [NUMBER_ANCHOR if t[0] in _DIGITS else t for t in found] if _HAS_DIGIT.search(self.text) else found
        self._toks = toks
        #: Every alphanumeric token of the normalised text (numbers also as ``"#"``).
        self.tokens: frozenset[str] = frozenset(found).union(toks)
        self._token_index_cache: dict[str, list[int]] | None = None
        self._lex_positions: dict[Lexicon, tuple[list[int], list[str]]] = {}
        self._live: int | None = None
        self._sentences: tuple[Span, ...] | None = None
        self._sentence_starts_cache: list[int] | None = None
        self._around: list[Span | None] | None = None
        self._neg_cache: list[int] | None = None
        self._anchor_cache: dict[object, list[int]] = {}
        self.cue_cache: dict[object, list[int] | bool] = {}
        note_reply(self)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets for the normalised range ``[start, end)`` (``start < end``)."""
        if self._offsets is None:
            return start, end
        return self._offsets[start], self._offsets[end - 1] + 1

    @property
    def _token_seq(self) -> tuple[list[int], list[str]]:
        starts = self._starts
        if starts is None:
            starts = self._starts = [m.start() for m in _TOKEN_RE.finditer(self.text)]
        return starts, self._toks

    def token_starts(self, token: str) -> list[int]:
        """Where ``token`` starts as a whole token; ``"#"`` lists every number."""
        starts, toks = self._token_seq
        if token == NUMBER_ANCHOR:
            return [p for p, t in zip(starts, toks, strict=True) if t == NUMBER_ANCHOR]
        text = self.text
        size = len(token)
        return [p for p in starts if text.startswith(token, p) and (p + size == len(text) or text[p + size] not in _TOKEN_CHARS)]

    def may_match(self, lex: Lexicon) -> bool:
        """False when ``lex`` cannot match anywhere in this reply (its anchors are absent)."""
        anchors = lex.anchors
        return anchors is None or not anchors.isdisjoint(self.tokens)

    def anchor_positions(self, key: object, first: frozenset[str]) -> list[int]:
        """Sorted start offsets of the tokens in ``first`` (``"#"``: every number), cached under ``key``."""
        found = self._anchor_cache.get(key)
        if found is None:
            present = first.intersection(self.tokens)
            if not present:
                found = []
            else:
                starts, _toks = self._token_seq
                index = self._token_index
                found = [starts[i] for t in present if t in index for i in index[t]]
            text = self.text
            for anchor in first:
                if anchor[0] == CHAR_ANCHOR:  # a match may also start at this character
                    char = anchor[1:]
                    p = text.find(char)
                    while p != -1:
                        found.append(p)
                        p = text.find(char, p + 1)
            found.sort()
            self._anchor_cache[key] = found
        return found

    @property
    def live_bits(self) -> int:
        """The merged word index's bits of the phrases whose needed words all occur here."""
        bits = self._live
        if bits is None:
            bits = self._live = WORD_INDEX.live(self.tokens)
        return bits

    def can_match(self, lex: Lexicon) -> bool:
        """False when ``lex`` cannot match anywhere in this reply (a stronger ``may_match``:
        every phrase lacks one of the words it needs)."""
        if lex.anchors is None:
            return True
        bits = self._live
        if bits is None:
            bits = self._live = WORD_INDEX.live(self.tokens)
        return (bits >> lex._offset) & lex._mask != 0

    def positions_of(self, lex: Lexicon) -> tuple[list[int], list[str]] | None:
        """Sorted start offsets of ``lex``'s anchor tokens and the token at each (None: no index)."""
        anchors = lex.anchors
        if anchors is None:
            return None
        cache = self._lex_positions
        found = cache.get(lex)
        if found is None:
            bits = self._live
            if bits is None:
                bits = self._live = WORD_INDEX.live(self.tokens)
            live = lex.live_anchors(bits) if (bits >> lex._offset) & lex._mask else None
            if not live:
                found = _NO_POSITIONS
            else:
                starts, toks = self._token_seq
                index = self._token_index
                if len(live) == 1:
                    hits = index[live[0]]
                else:
                    hits = [i for t in live for i in index[t]]
                    hits.sort()
                found = ([starts[i] for i in hits], [toks[i] for i in hits])
            cache[lex] = found
        return found

    @property
    def _token_index(self) -> dict[str, list[int]]:
        index = self._token_index_cache
        if index is None:
            index = {}
            for i, tok in enumerate(self._toks):
                got = index.get(tok)
                if got is None:
                    index[tok] = [i]
                else:
                    got.append(i)
            self._token_index_cache = index
        return index

    @property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence spans in the normalised text, stripped, never empty."""
        found = self._sentences
        if found is None:
            found = self._sentences = tuple(Span(m.start(), m.end()) for m in _SENTENCE_RE.finditer(self.text))
        return found

    def sentence_at(self, pos: int) -> Span:
        """The sentence containing normalised offset ``pos``."""
        sentences = self.sentences
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < sentences[i].end:
            return sentences[i]
        return Span(pos, min(pos + 1, len(self.text)))

    @property
    def _sentence_starts(self) -> list[int]:
        found = self._sentence_starts_cache
        if found is None:
            found = self._sentence_starts_cache = [s.start for s in self.sentences]
        return found

    def clause_around(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` widened to the clause of its sentence that holds it (cut at commas,
        semicolons, colons, dashes, quotes and brackets, but not at the comma of "6,000"),
        without the sentence's closing punctuation."""
        text = self.text
        sentence = self.sentence_at(start)
        lo = sentence.start
        for m in _CLAUSE_CUT_RE.finditer(text, sentence.start, start):
            lo = m.end()
        cut = _CLAUSE_CUT_RE.search(text, end, sentence.end)
        hi = self._trim_end(cut.start() if cut is not None else sentence.end, end)
        while lo < start and text[lo] == " ":
            lo += 1
        return min(lo, start), max(hi, end)

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` widened to the whole sentence that holds it, without its closing
        punctuation."""
        sentence = self.sentence_at(start)
        return min(start, sentence.start), max(self._trim_end(sentence.end, end), end)

    def _trim_end(self, hi: int, end: int) -> int:
        """``hi`` moved back over closing spaces and punctuation, never before ``end``."""
        while hi > end and self.text[hi - 1] in " .!?;":
            hi -= 1
        return hi

    def neighbourhood(self, pos: int) -> Span:
        """The sentence containing ``pos`` with the sentences just before and after it."""
        sentences = self.sentences
        i = bisect_right(self._sentence_starts, pos) - 1
        if i < 0 or pos >= sentences[i].end:
            return Span(max(0, pos - 1), min(len(self.text), pos + 1))
        around = self._around
        if around is None:
            around = self._around = [None] * len(sentences)
        found = around[i]
        if found is None:  # one Span per sentence, made on first use
            lo = sentences[max(0, i - 1)].start
            hi = sentences[min(len(sentences) - 1, i + 1)].end
            found = around[i] = Span(lo, hi)
        return found

    def negated(self, pos: int, window: int = 4) -> bool:
        """True when one of the ``window`` words before ``pos`` in its clause is a negator."""
        lo = max(0, pos - 60)
        before = self.text[lo:pos]
        cut = 0
        for m in _CLAUSE_BOUNDARY_RE.finditer(before):
            cut = m.end()
        before = before[cut:]
        words = _NEG_WORD_RE.findall(before)[-window - 1 :]
        for i in range(max(0, len(words) - window), len(words)):
            if words[i] in NEGATORS and not (i > 0 and words[i - 1] == "why"):
                return True  # "why don't we..." suggests; it does not negate
        return False
