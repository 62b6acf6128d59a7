"""A small pattern language for phrase lexicons, compiled to linear-time regular expressions.

Phrases are written in normalised form (casefolded, hyphens as spaces) with three shorthands:

* a space matches any run of whitespace;
* an apostrophe is optional (``don't`` also matches ``dont``);
* ``<N>`` is a gap of 0..N words inside one sentence (``sign<3>today`` matches
  "sign the form today").

Each alternative of a lexicon starts at a word boundary and ends at one. The first word of an
alternative is its *anchor*: a lexicon whose every alternative has a literal first word can be
skipped when none of those words occurs in the reply, which keeps scoring fast.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Protocol

#: Separator inside a gap: anything but word characters and sentence ends.
_SEP = r"[^\w.!?;\n]+"
_GAP_RE = re.compile(r"<(\d+)>")
#: " <3> " means the same as "<3>": a gap already includes the spaces around it.
_GAP_SPACES_RE = re.compile(r" *(<\d+>) *")
_LEAD_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)?")
#: The anchor standing for "any number written in digits".
NUMBER_ANCHOR = "#"


def gap(n: int) -> str:
    """A regex for a gap of 0..n words (bounded, and linear: words and separators alternate)."""
    return rf"(?:{_SEP}\w+){{0,{n}}}{_SEP}"


def _attach_clitics(phrase: str) -> str:
    """Rewrite ``X (?:is|'s)`` as ``X(?: is|'s)`` so "today's" matches without a space."""
    i = phrase.find(" (?:")
    while i != -1:
        end = _group_end(phrase[i + 1 :]) + i + 1
        alts = _split_top(phrase[i + 4 : end - 1])
        if any(a.startswith("'") for a in alts):
            group = "(?:" + "|".join(a if a.startswith("'") else " " + a for a in alts) + ")"
            phrase = phrase[:i] + group + phrase[end:]
            end = i + len(group)
        i = phrase.find(" (?:", end)
    return phrase


def expand(phrase: str) -> str:
    """The regex for one phrase written in the shorthand above."""
    phrase = _attach_clitics(_GAP_SPACES_RE.sub(r"\1", phrase))
    out = phrase.replace("'", "'?").replace(" ?", r"\s*").replace(" ", r"\s+")
    return _GAP_RE.sub(lambda m: gap(int(m.group(1))), out)


def _word_anchors(word: str) -> set[str]:
    parts = [p for p in word.split("'") if p]
    return {parts[0], "".join(parts)}


def _split_top(body: str) -> list[str]:
    """Split a group body at its top-level bars."""
    out: list[str] = []
    depth = 0
    cur: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            cur.append(body[i : i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _group_end(phrase: str) -> int:
    """Index just after the group that opens ``phrase`` (which starts with "(?:")."""
    depth = 0
    i = 0
    while i < len(phrase):
        ch = phrase[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {phrase!r}")


def _ends_word(rest: str) -> bool:
    """True when a literal word followed by ``rest`` ends there (no more word characters)."""
    if not rest:
        return True
    ch = rest[0]
    if ch == "\\":
        return len(rest) > 1 and (rest[1] == "s" or not rest[1].isalnum())
    return not ch.isalnum() and ch not in "?*+{([|_"


def anchors_of(phrase: str) -> frozenset[str] | None:
    """The possible first tokens of ``phrase``, or None when they cannot be read off."""
    if phrase.startswith("\\d"):
        return frozenset({NUMBER_ANCHOR})
    if phrase.startswith("(?:"):
        end = _group_end(phrase)
        if end < len(phrase) and phrase[end] in "?*{":
            return None  # an optional group: the first word may come after it
        anchors: set[str] = set()
        for alt in _split_top(phrase[3 : end - 1]):
            a = anchors_of(alt)
            if a is None:
                return None
            anchors |= a
        return frozenset(anchors)
    m = _LEAD_WORD_RE.match(phrase)
    if not m:
        return None
    word = m.group(0)
    rest = phrase[m.end() :]
    if _ends_word(rest):
        return frozenset(_word_anchors(word))
    if rest[0] == "?" and len(word) > 1 and word[-1].isalpha() and _ends_word(rest[1:]):
        return frozenset(_word_anchors(word) | _word_anchors(word[:-1]))  # "lawyers?"
    return None


def _last_group_start(phrase: str) -> int:
    """Index of the "(" that opens the group closing at the end of ``phrase``."""
    depth = 0
    for i in range(len(phrase) - 1, -1, -1):
        ch = phrase[i]
        if i > 0 and phrase[i - 1] == "\\":
            continue
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"unbalanced group in {phrase!r}")


def last_words_of(phrase: str) -> frozenset[str] | None:
    """Tokens one of which must end every match of ``phrase``, or None when unknown."""
    phrase = phrase.rstrip()
    if not phrase or "[" in phrase:  # character classes may hold brackets: do not guess
        return None
    if phrase.endswith(")"):
        g = _last_group_start(phrase)
        head, group = phrase[:g], phrase[g:]
        if group.startswith(("(?=", "(?!")):
            return last_words_of(head)  # a lookahead consumes nothing
        if not group.startswith("(?:"):
            return None
        words: set[str] = set()
        for alt in _split_top(group[3:-1]):
            w = last_words_of(alt)
            if w is None:
                return None
            words |= w
        return frozenset(words)
    m = re.search(r"[a-z0-9]+$", phrase)
    if m is None:
        return None
    before = phrase[: m.start()]
    if before and before[-1] not in " >(|":
        return None
    word = m.group(0)
    return frozenset({NUMBER_ANCHOR if word[0].isdigit() else word})


class Indexed(Protocol):
    """What a lexicon needs from a reply: its text and where each anchor token starts."""

    text: str

    def positions_of(self, lex: Lexicon) -> tuple[list[int], list[str]] | None: ...


class Lexicon:
    """A compiled list of phrases with the tokens that must occur for any of them to match.

    Searching only tries phrases where one of their first words starts, and at each such place
    only the phrases that can begin with that word, so the cost is per occurrence of an anchor,
    not per character of the reply. The per-word alternations are compiled on first use (a
    cache of compiled regexes: it never changes what matches).
    """

    __slots__ = ("phrases", "pattern", "anchors", "_members", "_compiled", "_ends", "ends")

    def __init__(
        self,
        phrases: tuple[str, ...],
        pattern: re.Pattern[str],
        anchors: frozenset[str] | None,
        members: Mapping[str, tuple[int, ...]],
    ) -> None:
        self.phrases = phrases
        self.pattern = pattern
        #: None means "no prefilter": the lexicon is always searched with the plain regex.
        self.anchors = anchors
        self._members = members
        self._compiled: dict[str, re.Pattern[str]] = {}
        # For each anchor: the words one of which ends every phrase starting with it (None:
        # some phrase's last word cannot be read off).
        ends: dict[str, frozenset[str] | None] = {}
        for token, indices in members.items():
            words: set[str] | None = set()
            for i in indices:
                w = last_words_of(phrases[i])
                if w is None or words is None:
                    words = None
                    break
                words |= w
            ends[token] = frozenset(words) if words is not None else None
        self._ends = ends
        #: For each anchor, the words one of which ends every phrase starting with it (None: unknown).
        self.ends: Mapping[str, frozenset[str] | None] = ends

    def ends_for(self, token: str) -> frozenset[str] | None:
        """Words one of which ends every phrase starting with ``token`` (None: unknown)."""
        return self._ends[token]

    def can_end(self, token: str, tokens: frozenset[str]) -> bool:
        """True when a phrase starting with ``token`` can also end somewhere in ``tokens``."""
        ends = self._ends[token]
        return ends is None or not ends.isdisjoint(tokens)

    def live_anchors(self, tokens: frozenset[str]) -> list[str]:
        """The anchors in ``tokens`` whose phrases can also end somewhere in the reply."""
        assert self.anchors is not None
        live = []
        for t in self.anchors.intersection(tokens):
            ends = self._ends[t]
            if ends is None or not ends.isdisjoint(tokens):
                live.append(t)
        return live

    def __repr__(self) -> str:
        return f"Lexicon({len(self.phrases)} phrases)"

    def for_anchor(self, token: str) -> re.Pattern[str]:
        """The alternation of just the phrases that can start with ``token``."""
        found = self._compiled.get(token)
        if found is None:
            key = self._members[token]
            found = _compile_cached(tuple(self.phrases[i] for i in key))
            self._compiled[token] = found
        return found

    def may_match(self, tokens: frozenset[str]) -> bool:
        return self.anchors is None or not self.anchors.isdisjoint(tokens)

    def finditer(self, doc: Indexed, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Non-overlapping matches in ``doc.text[start:end]``, leftmost first."""
        text = doc.text
        if end is None:
            end = len(text)
        found = doc.positions_of(self)
        if found is None:
            yield from self.pattern.finditer(text, start, end)
            return
        positions, toks = found
        i = bisect_left(positions, start) if start else 0
        last = start
        n = len(positions)
        while i < n:
            p = positions[i]
            if p >= end:
                return
            if p >= last:
                m = self.for_anchor(toks[i]).match(text, p, end)
                if m is not None:
                    yield m
                    last = max(m.end(), p + 1)
            i += 1

    def search(self, doc: Indexed, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The leftmost match in ``doc.text[start:end]``, or None."""
        text = doc.text
        if end is None:
            end = len(text)
        found = doc.positions_of(self)
        if found is None:
            return self.pattern.search(text, start, end)
        positions, toks = found
        i = bisect_left(positions, start) if start else 0
        n = len(positions)
        while i < n:
            p = positions[i]
            if p >= end:
                return None
            m = self.for_anchor(toks[i]).match(text, p, end)
            if m is not None:
                return m
            i += 1
        return None


def _compile(phrases: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(expand(p) for p in phrases)
    return re.compile(rf"(?<![\w'])(?:{body})(?!\w)")


_compile_cached = lru_cache(maxsize=4096)(_compile)


def lexicon(*phrases: str) -> Lexicon:
    """Compile ``phrases`` (shorthand above) into one alternation with word boundaries."""
    if not phrases:
        raise ValueError("a lexicon needs at least one phrase")
    pattern = _compile(phrases)
    per_phrase = [anchors_of(p) for p in phrases]
    if any(a is None for a in per_phrase):
        return Lexicon(tuple(phrases), pattern, None, {})
    members: dict[str, list[int]] = {}
    for index, anchors in enumerate(per_phrase):
        assert anchors is not None
        for token in anchors:
            # replies index every number under "#", so "100 ?%" is anchored there too
            key = NUMBER_ANCHOR if token[0].isdigit() else token
            members.setdefault(key, [])
            if not members[key] or members[key][-1] != index:
                members[key].append(index)
    # phrase order is kept in each subset, so the first alternative still wins
    frozen = {token: tuple(indices) for token, indices in members.items()}
    return Lexicon(tuple(phrases), pattern, frozenset(members), frozen)
