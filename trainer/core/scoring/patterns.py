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
from dataclasses import dataclass

#: Separator inside a gap: anything but word characters and sentence ends.
_SEP = r"[^\w.!?;\n]+"
_GAP_RE = re.compile(r"<(\d+)>")
_LITERAL_RE = re.compile(r"([a-z0-9]+)('?)([a-z0-9]*)")
_GROUP_RE = re.compile(r"\(\?:([a-z0-9' |]+)\)")
_BOUNDARY_AFTER = frozenset(" <%$'")


def gap(n: int) -> str:
    """A regex for a gap of 0..n words (bounded, and linear: words and separators alternate)."""
    return rf"(?:{_SEP}\w+){{0,{n}}}{_SEP}"


def expand(phrase: str) -> str:
    """The regex for one phrase written in the shorthand above."""
    out = phrase.replace("'", "'?").replace(" ", r"\s+")
    return _GAP_RE.sub(lambda m: gap(int(m.group(1))), out)


def _word_anchors(word: str) -> set[str]:
    parts = [p for p in word.split("'") if p]
    if not parts:
        return set()
    return {parts[0], "".join(parts)}


def anchors_of(phrase: str) -> frozenset[str] | None:
    """The possible first tokens of ``phrase``, or None when they cannot be read off."""
    m = _LITERAL_RE.match(phrase)
    words: list[str] = []
    end = 0
    if m:
        words = [m.group(0)]
        end = m.end()
    else:
        g = _GROUP_RE.match(phrase)
        if not g:
            return None
        words = [alt.split(" ")[0] for alt in g.group(1).split("|")]
        end = g.end()
    if end < len(phrase) and phrase[end] not in _BOUNDARY_AFTER:
        return None
    anchors: set[str] = set()
    for w in words:
        if not w:
            return None
        anchors |= _word_anchors(w)
    return frozenset(anchors)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A compiled list of phrases with the tokens that must occur for any of them to match."""

    pattern: re.Pattern[str]
    #: None means "no prefilter": the lexicon is always searched.
    anchors: frozenset[str] | None

    def may_match(self, tokens: frozenset[str]) -> bool:
        return self.anchors is None or not self.anchors.isdisjoint(tokens)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if endpos is None:
            return self.pattern.search(text, pos)
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        if endpos is None:
            return list(self.pattern.finditer(text, pos))
        return list(self.pattern.finditer(text, pos, endpos))


def lexicon(*phrases: str) -> Lexicon:
    """Compile ``phrases`` (shorthand above) into one alternation with word boundaries."""
    if not phrases:
        raise ValueError("a lexicon needs at least one phrase")
    body = "|".join(expand(p) for p in phrases)
    pattern = re.compile(rf"(?<![\w'])(?:{body})(?![\w])")
    anchors: set[str] | None = set()
    for p in phrases:
        a = anchors_of(p)
        if a is None:
            anchors = None
            break
        assert anchors is not None
        anchors |= a
    return Lexicon(pattern, frozenset(anchors) if anchors is not None else None)
