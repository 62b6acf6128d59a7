"""A small pattern language for phrase lexicons, compiled to linear-time regular expressions.

Phrases are written in normalised form (casefolded, hyphens as spaces) with three shorthands:

* a space matches any run of whitespace;
* an apostrophe is optional (``don't`` also matches ``dont``);
* ``<N>`` is a gap of 0..N words inside one sentence (``sign<3>today`` matches
  "sign the form today").

Each alternative of a lexicon starts at a word boundary and ends at one. The first word of an
alternative is its *anchor*: a lexicon whose every alternative has a literal first word can be
skipped when none of those words occurs in the reply, which keeps scoring fast.

Beyond the anchor, the whole tokens every match of a phrase needs are read exactly from the parse
of its regex (:func:`required_words`); one merged index over all lexicons (``WORD_INDEX``) turns
a reply's tokens into the set of phrases that can still match, in one pass. Module regexes of
the rules are wrapped as :class:`CuedPattern`: they skip their scan when the reply lacks a word
they need, and try matches only where their possible first tokens start. None of this changes a
result; ``benchmarks/scorer_equivalence.py`` checks that on thousands of replies.
"""

from __future__ import annotations

import importlib
import re
import sys
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, Protocol

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



# --- necessary words: which whole tokens every match of a phrase must contain ----------------
#
# Read off Python's own parse of the phrase's regex, so nothing is guessed: a run of literal
# letters/digits is a required token when whatever the regex puts right before and right after it
# can only be a non-token character (or a word-boundary assertion). Optional parts require
# nothing; an alternation requires one token of each branch (their union). The result is a list
# of *clauses*: every match contains at least one token of each clause.

_re_parser: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")
_TOKEN_CODES = tuple(map(ord, "abcdefghijklmnopqrstuvwxyz0123456789"))
_DIGIT_CODES = frozenset(map(ord, "0123456789"))
_ZERO_WIDTH = frozenset({_C.AT, _C.ASSERT, _C.ASSERT_NOT})
_REPEATS = frozenset({_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT})
_ALWAYS = frozenset({_C.CATEGORY_WORD, _C.CATEGORY_NOT_SPACE, _C.CATEGORY_NOT_LINEBREAK})
_NEVER = frozenset({_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD, _C.CATEGORY_LINEBREAK})
Clause = frozenset[str]
#: A node's (can match empty, first char can be a token char, last char can be one).
Props = tuple[bool, bool, bool]


def _in_matches(items: Any, code: int) -> bool | None:
    """Whether a character class matches ``code`` (a token character); None when unknown."""
    negate = False
    hit = False
    for op, av in items:
        if op is _C.NEGATE:
            negate = True
        elif op is _C.LITERAL:
            hit = hit or av == code
        elif op is _C.RANGE:
            hit = hit or av[0] <= code <= av[1]
        elif op is _C.CATEGORY:
            if av in _ALWAYS:
                hit = True
            elif av is _C.CATEGORY_DIGIT:
                hit = hit or code in _DIGIT_CODES
            elif av is _C.CATEGORY_NOT_DIGIT:
                hit = hit or code not in _DIGIT_CODES
            elif av not in _NEVER:
                return None
        else:
            return None
    return hit != negate


_class_memo: dict[str, tuple[bool, bool]] = {}


def _class_tok(items: Any) -> tuple[bool, bool]:
    """(some token character may match, every token character matches) for a character class."""
    key = repr(items)
    found = _class_memo.get(key)
    if found is None:
        got = [_in_matches(items, c) for c in _TOKEN_CODES]
        found = _class_memo[key] = (any(g is not False for g in got), all(g is True for g in got))
    return found


def _props(node: Any, memo: dict[int, Props]) -> Props:
    found = memo.get(id(node))
    if found is not None:
        return found
    op, av = node
    result: Props
    if op is _C.LITERAL:
        tok = av in _TOKEN_CODES
        result = (False, tok, tok)
    elif op is _C.IN:
        tok = _class_tok(av)[0]
        result = (False, tok, tok)
    elif op in _ZERO_WIDTH:
        result = (True, False, False)
    elif op is _C.SUBPATTERN:
        result = _seq_props(av[-1], memo)
    elif op is _C.ATOMIC_GROUP:
        result = _seq_props(av, memo)
    elif op is _C.BRANCH:
        props = [_seq_props(b, memo) for b in av[1]]
        result = (any(p[0] for p in props), any(p[1] for p in props), any(p[2] for p in props))
    elif op in _REPEATS:
        lo, hi, sub = av
        if hi == 0:
            result = (True, False, False)
        else:
            empty, first, last = _seq_props(sub, memo)
            result = (lo == 0 or empty, first, last)
    else:
        result = (True, True, True)  # NOT_LITERAL, ANY, group references, anything else: the worst
    memo[id(node)] = result
    return result


def _seq_props(seq: Any, memo: dict[int, Props]) -> Props:
    props = [_props(n, memo) for n in seq]
    first = last = False
    for empty, f, _l in props:
        first = first or f
        if not empty:
            break
    for empty, _f, lst in reversed(props):
        last = last or lst
        if not empty:
            break
    return all(p[0] for p in props), first, last


def _guards(node: Any, direction: int) -> bool:
    """True for ``(?<![\\w...])`` (direction -1), ``(?!\\w)`` (+1) or ``\\b`` next to a token
    character: no token character on that side."""
    op, av = node
    if op is _C.AT and av is _C.AT_BOUNDARY:
        return True
    if op is not _C.ASSERT_NOT or av[0] != direction or len(av[1]) != 1:
        return False
    inner_op, inner_av = av[1][0]
    return inner_op is _C.IN and _class_tok(inner_av)[1]


def _bounded_before(seq: Any, props: list[Props], i: int, edge: bool) -> bool:
    """True when the character just before node ``i`` of ``seq`` is never a token character."""
    for j in range(i - 1, -1, -1):
        if _guards(seq[j], -1):
            return True
        empty, _first, last = props[j]
        if last:
            return False
        if not empty:
            return True
    return edge


def _bounded_after(seq: Any, props: list[Props], i: int, edge: bool) -> bool:
    """True when the character just after node ``i - 1`` of ``seq`` is never a token character."""
    for j in range(i, len(seq)):
        if _guards(seq[j], 1):
            return True
        empty, first, _last = props[j]
        if first:
            return False
        if not empty:
            return True
    return edge


#: Words found in most replies: a poor choice of word to index a phrase under. Only speed
#: depends on this list; which phrases can match never does.
_COMMON = frozenset(
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "been", "before", "but", "by", "can", "could", "did", "do", "does", "don", "done", "for",
        "from", "get", "go", "going", "good", "got", "had", "has", "have", "he", "her", "here",
        "him", "his", "how", "i", "if", "in", "is", "it", "its", "just", "know", "let", "like",
        "make", "me", "more", "most", "my", "need", "new", "no", "not", "now", "of", "on", "one",
        "only", "or", "our", "out", "over", "really", "right", "see", "she", "should", "so", "some",
        "take", "than", "that", "the", "their", "them", "then", "there", "they", "this", "time",
        "to", "up", "us", "want", "was", "we", "well", "were", "what", "when", "which", "who",
        "will", "with", "would", "yes", "you", "your", "yours", "it's", "that's", "i'm", "i'll",
        "we'll", "we're", "you're", "don't", "can't", "won't", "isn't"
    }
)


def _cost(clause: Clause) -> float:
    """Roughly how likely a reply holds some word of ``clause`` (smaller is a better filter)."""
    return sum(1.0 if w in _COMMON else 0.05 if len(w) <= 3 else 0.01 for w in clause)


_MAX_FORMS = 64
_APOSTROPHE = ord("'")


def _segment_words(forms: list[str], bounded_after: bool) -> set[str] | None:
    """The token that starts a run matching one of ``forms`` (token characters and apostrophes):
    the part before the first apostrophe, or the whole form when the run is bounded after it."""
    words: set[str] = set()
    for form in forms:
        head, apostrophe, _tail = form.partition("'")
        if not head or not (apostrophe or bounded_after):
            return None
        words.add(head)
    return words


def _forms(node: Any) -> list[str] | None:
    """Every string ``node`` can match when it matches only token characters (few), else None."""
    op, av = node
    if op is _C.LITERAL:
        return [chr(av)] if av in _TOKEN_CODES or av == _APOSTROPHE else None
    if op is _C.IN:
        chars: list[str] = []
        for item_op, item_av in av:
            if item_op is _C.LITERAL and item_av in _TOKEN_CODES:
                chars.append(chr(item_av))
            elif item_op is _C.RANGE and all(c in _TOKEN_CODES for c in range(item_av[0], item_av[1] + 1)):
                chars.extend(chr(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return None
        return chars or None
    seqs: list[Any]
    if op is _C.SUBPATTERN:
        seqs = [av[-1]]
    elif op is _C.BRANCH:
        seqs = list(av[1])
    elif op in _REPEATS and av[1] == 1:
        seqs = [av[2]]
    else:
        return None
    out: list[str] = [""] if op in _REPEATS and av[0] == 0 else []
    for sub in seqs:
        got = [""]
        for child in sub:
            more = _forms(child)
            if more is None or len(got) * len(more) > _MAX_FORMS:
                return None
            got = [a + b for a in got for b in more]
        out.extend(got)
    return out if len(out) <= _MAX_FORMS else None


def _is_digits(node: Any) -> bool:
    """True for ``\\d`` or ``\\d+``-like nodes: they start a token with a digit."""
    op, av = node
    if op in _REPEATS and av[0] >= 1 and len(av[2]) == 1:
        op, av = av[2][0]
    return op is _C.IN and len(av) == 1 and av[0][0] is _C.CATEGORY and av[0][1] is _C.CATEGORY_DIGIT


def _clauses(seq: Any, left: bool, right: bool, memo: dict[int, Props]) -> list[Clause]:
    seq = list(seq)
    props = [_props(n, memo) for n in seq]
    out: list[Clause] = []
    i = 0
    n = len(seq)
    while i < n:
        op, av = seq[i]
        forms = _forms(seq[i])
        if forms is not None:
            # a run of nodes that match only token characters: one whole token, if bounded
            j = i + 1
            while j < n and (more := _forms(seq[j])) is not None and len(forms) * len(more) <= _MAX_FORMS:
                forms = [a + b for a in forms for b in more]
                j += 1
            if _bounded_before(seq, props, i, left):
                words = _segment_words(forms, _bounded_after(seq, props, j, right))
                if words:
                    out.append(frozenset(words))
            i = j
            continue
        if _is_digits(seq[i]) and _bounded_before(seq, props, i, left):
            out.append(frozenset({NUMBER_ANCHOR}))  # a token starting with a digit: indexed as "#"
        inner: Any = None
        if op is _C.SUBPATTERN:
            inner = [av[-1]]
        elif op is _C.ATOMIC_GROUP:
            inner = [av]
        elif op is _C.BRANCH:
            inner = av[1]
        elif op in _REPEATS and av[0] >= 1 and av[1] == 1:
            inner = [av[2]]
        if inner is not None:
            lb, rb = _bounded_before(seq, props, i, left), _bounded_after(seq, props, i + 1, right)
            per_branch = [_clauses(b, lb, rb, memo) for b in inner]
            if len(per_branch) == 1:
                out.extend(per_branch[0])
            elif all(per_branch):
                out.append(frozenset().union(*(min(c, key=_cost) for c in per_branch)))
        i += 1
    return out


#: Marks a first "token" that is really one character (a match may start at "," or "$").
CHAR_ANCHOR = "\x00"


def _first_tokens(
    seq: Any, guarded: bool, right: bool, memo: dict[int, Props], prefix: list[str] | None = None
) -> set[str] | None:
    """Where every match of ``seq`` starts: a set of whole tokens (numbers as "#") one of which
    starts exactly at the match start, or characters (``CHAR_ANCHOR + c``) the match starts
    with; ``guarded`` says the character before is surely no token character, ``prefix`` the
    token characters already matched just before ``seq``. None when it cannot be read off."""
    seq = list(seq)
    props = [_props(n, memo) for n in seq]
    out: set[str] = set()
    i = 0
    n = len(seq)
    while i < n:
        node = seq[i]
        op, av = node
        if op in _ZERO_WIDTH and prefix is None:
            guarded = guarded or _guards(node, -1)
            i += 1
            continue
        forms = _forms(node) if prefix is None else prefix
        j = i + 1 if prefix is None else i
        if forms is not None:
            while j < n and (more := _forms(seq[j])) is not None and len(forms) * len(more) <= _MAX_FORMS:
                forms = [a + b for a in forms for b in more]
                j += 1
            if not guarded or any(not f or f[0] == "'" for f in forms):
                return None
            words = _segment_words(forms, _bounded_after(seq, props, j, right))
            if words is None and j < n and seq[j][0] in (_C.BRANCH, _C.SUBPATTERN) and not props[j][0]:
                # "fi(?:scal |nancial )": the token goes on inside each alternative
                branch_op, branch_av = seq[j]
                rb = _bounded_after(seq, props, j + 1, right)
                words = set()
                for alt in branch_av[1] if branch_op is _C.BRANCH else [branch_av[-1]]:
                    got = _first_tokens(alt, guarded, rb, memo, forms)
                    if got is None:
                        return None
                    words |= got
            if not words:
                return None
            out.update(NUMBER_ANCHOR if w[0].isdigit() else w for w in words)
            return out
        if _is_digits(node):
            if not guarded:
                return None
            out.add(NUMBER_ANCHOR)
            return out
        chars = _anchor_chars(node)
        if chars is not None:
            out.update(CHAR_ANCHOR + c for c in chars)
            return out
        alts: Any
        if op is _C.SUBPATTERN:
            alts = [av[-1]]
        elif op is _C.ATOMIC_GROUP:
            alts = [av]
        elif op is _C.BRANCH:
            alts = av[1]
        elif op in _REPEATS and av[1] >= 1:
            alts = [av[2]]
        else:
            return None
        # inside a repeat the next iteration may follow, so only its first iteration's end counts
        rb = _bounded_after(seq, props, i + 1, right) if op not in _REPEATS or av[1] == 1 else False
        for alt in alts:
            got = _first_tokens(alt, guarded, rb, memo)
            if got is None:
                return None
            out |= got
        if not props[i][0]:
            return out
        i += 1  # an optional part: the match may also start with what follows
    if prefix is not None:  # the alternative ended: the token ends with the prefix
        words = _segment_words(prefix, right)
        if words and guarded:
            return {NUMBER_ANCHOR if w[0].isdigit() else w for w in words}
    return None


def _anchor_chars(node: Any) -> list[str] | None:
    """The characters a one-character node matches, when they are a few non-token characters."""
    op, av = node
    if op is _C.LITERAL:
        return None if av in _TOKEN_CODES or av == _APOSTROPHE else [chr(av)]
    if op is _C.IN:
        chars = []
        for item_op, item_av in av:
            if item_op is not _C.LITERAL or item_av in _TOKEN_CODES or item_av == _APOSTROPHE:
                return None
            chars.append(chr(item_av))
        return chars or None
    return None


def regex_first_tokens(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Tokens one of which starts every match of ``pattern`` at the match start, or None."""
    if pattern.flags & ~(re.UNICODE | re.DOTALL | re.MULTILINE):
        return None
    got = _first_tokens(_re_parser.parse(pattern.pattern, pattern.flags), False, False, {})
    return frozenset(got) if got else None


def regex_words(pattern: re.Pattern[str]) -> list[Clause]:
    """Clauses of whole tokens every match of a compiled ``pattern`` contains (see
    :func:`required_words`); none when flags such as IGNORECASE make the reading unsafe."""
    if pattern.flags & ~(re.UNICODE | re.DOTALL | re.MULTILINE):
        return []
    found = _clauses(_re_parser.parse(pattern.pattern, pattern.flags), False, False, {})
    return list(dict.fromkeys(found))


def required_words(phrase: str) -> list[Clause]:
    """Clauses of whole tokens that every match of ``phrase`` (shorthand) contains, read exactly
    from the parse of its regex: each match holds at least one token of every clause."""
    tree = _re_parser.parse(rf"(?<![\w'])(?:{expand(phrase)})(?!\w)")
    found = _clauses(tree, False, False, {})
    return list(dict.fromkeys(found))


#: How many of a phrase's needed word groups the merged index checks: its anchor, then the rarest.
_LEVELS = 4


class _WordIndex:
    """One index over the phrases of every anchored lexicon, as bit sets.

    Each (lexicon, anchor, phrase) is one bit. For each level j, ``words[w][j]`` has the bits of
    the phrases whose j-th needed word group (the anchor first, then the rarest) holds ``w``, and ``free[j]`` those with fewer
    than j + 1 groups. A reply ORs the entries of its distinct tokens once; a phrase can match
    only when every level has its bit, so :meth:`live` costs a few big-integer operations per
    token, whatever the number of lexicons and phrases.
    """

    def __init__(self) -> None:
        self.size = 0
        self.words: dict[str, list[int]] = {}
        self.free = [0] * _LEVELS
        # The levels side by side in one integer per word (level j at bit j * size), so a reply
        # ORs one integer per token; rebuilt when a lexicon has been added since.
        self._packed: dict[str, int] = {}
        self._packed_free = 0
        self._packed_size = -1

    def add(self, anchor: str, groups: list[Clause]) -> int:
        """Give one phrase under one of its anchors (with the other word groups it needs) a bit."""
        bit = self.size
        self.size += 1
        ordered = [frozenset({anchor})] + sorted(groups, key=_cost)[: _LEVELS - 1]
        for level in range(_LEVELS):
            if level >= len(ordered):
                self.free[level] |= 1 << bit
                continue
            for word in ordered[level]:
                self.words.setdefault(word, [0] * _LEVELS)[level] |= 1 << bit
        return bit

    def _pack(self) -> tuple[dict[str, int], int, int]:
        size = self.size
        if self._packed_size != size:
            packed = {w: sum(m << (j * size) for j, m in enumerate(masks)) for w, masks in self.words.items()}
            free = sum(m << (j * size) for j, m in enumerate(self.free))
            self._packed, self._packed_free, self._packed_size = packed, free, size
        return self._packed, self._packed_free, size

    def live(self, tokens: frozenset[str]) -> int:
        """The bits of the phrases whose indexed word groups all occur among ``tokens``."""
        packed, acc, size = self._pack()
        get = packed.get
        for tok in tokens:
            m = get(tok)
            if m is not None:
                acc |= m
        mask = (1 << size) - 1
        out = acc & mask
        for level in range(1, _LEVELS):
            out &= acc >> (level * size)
        return out


WORD_INDEX = _WordIndex()


class Reply(Protocol):
    """What cued patterns need from the reply being scored."""

    text: str
    tokens: frozenset[str]
    #: What each cued pattern worked out for this reply (see ``CuedPattern._state``).
    cue_cache: dict[object, list[int] | bool]

    def anchor_positions(self, key: object, first: frozenset[str]) -> list[int]: ...


#: The reply being scored (set by ``note_reply``). Read once per call, and used only when the
#: string searched is that reply's very text, so a pattern never uses another reply's tokens.
_REPLY: Reply | None = None
_TOKEN_CHAR_SET = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def note_reply(reply: Reply) -> None:
    """Tell cued patterns which normalised reply is being scored."""
    global _REPLY
    _REPLY = reply


class CuedPattern:
    """A compiled regex that uses the reply's tokens to avoid scanning, with the same results.

    * When the reply lacks a word every match needs (read exactly from the regex, see
      :func:`regex_words`), there is no match: the scan is skipped.
    * When every match starts with one of a few whole tokens (:func:`regex_first_tokens`),
      ``search``/``finditer``/``findall`` try the regex only where those tokens start, leftmost
      first, like a full scan would.

    Both apply only when the string is the very normalised reply given to :func:`note_reply` and
    the search does not stop inside a token; otherwise the call goes straight to the regex.
    """

    __slots__ = ("regex", "pattern", "_words", "_groups", "_first", "_plain")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        clauses: list[Clause] = []
        self._first: frozenset[str] | None = None
        if not regex.flags & ~(re.UNICODE | re.DOTALL | re.MULTILINE):
            tree = _re_parser.parse(regex.pattern, regex.flags)
            memo: dict[int, Props] = {}
            clauses = list(dict.fromkeys(_clauses(tree, False, False, memo)))
            if not _seq_props(tree, memo)[0]:  # a regex that can match empty is never anchored
                first = _first_tokens(tree, False, False, memo)
                self._first = frozenset(first) if first else None
        self._words = frozenset(w for c in clauses if len(c) == 1 for w in c)
        self._groups = tuple(c for c in clauses if len(c) > 1)
        #: findall gives whole matches only when the regex has no groups
        self._plain = regex.groups == 0

    def _reply(self, text: str, endpos: int) -> Reply | None:
        """The reply whose text ``text`` is, when its tokens may be used for this call."""
        reply = _REPLY
        if reply is None or reply.text is not text:
            return None
        if 0 < endpos < len(text) and text[endpos] in _TOKEN_CHAR_SET and text[endpos - 1] in _TOKEN_CHAR_SET:
            return None  # the search ends inside a token: a word cut there is no token of the reply
        return reply

    def _state(self, reply: Reply) -> list[int] | bool:
        """For this reply: False when a needed word is missing (no match anywhere), True when
        the regex must scan, else the sorted offsets where a match may start. Cached per reply."""
        cache = reply.cue_cache
        state = cache.get(self)
        if state is None:
            tokens = reply.tokens
            if not self._words <= tokens or any(group.isdisjoint(tokens) for group in self._groups):
                state = False
            elif self._first is None:
                state = True
            else:
                state = reply.anchor_positions(self, self._first)
            cache[self] = state
        return state

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        reply = _REPLY
        if (
            reply is None
            or reply.text is not string
            or (0 < endpos < len(string) and string[endpos] in _TOKEN_CHAR_SET and string[endpos - 1] in _TOKEN_CHAR_SET)
        ):
            return self.regex.search(string, pos, endpos)  # not the reply, or the search ends inside a token
        state = reply.cue_cache.get(self)
        if state is None:
            state = self._state(reply)
        if state is True:
            return self.regex.search(string, pos, endpos)
        if state is False:
            return None
        match = self.regex.match
        for i in range(bisect_left(state, pos) if pos else 0, len(state)):
            p = state[i]
            if p >= endpos:
                return None
            m = match(string, p, endpos)
            if m is not None:
                return m
        return None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        reply = self._reply(string, endpos)
        if reply is not None and self._state(reply) is False:
            return None
        return self.regex.match(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        reply = self._reply(string, endpos)
        state = True if reply is None else self._state(reply)
        if state is True:
            return self.regex.finditer(string, pos, endpos)
        if state is False:
            return iter(())
        return self._anchored(string, pos, endpos, state)

    def _anchored(self, string: str, pos: int, endpos: int, positions: list[int]) -> Iterator[re.Match[str]]:
        match = self.regex.match
        last = pos
        for i in range(bisect_left(positions, pos) if pos else 0, len(positions)):
            p = positions[i]
            if p >= endpos:
                return
            if p < last:
                continue
            m = match(string, p, endpos)
            if m is not None:
                yield m
                last = m.end()  # never empty: such regexes are not anchored

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        reply = self._reply(string, endpos)
        state = True if reply is None else self._state(reply)
        if state is False:
            return []
        if state is True or not self._plain:
            return self.regex.findall(string, pos, endpos)
        return [m.group(0) for m in self._anchored(string, pos, endpos, state)]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"CuedPattern({self.regex!r})"


def cue_patterns(namespace: dict[str, Any]) -> None:
    """Replace every compiled str regex in a module's ``namespace`` by a :class:`CuedPattern`."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            namespace[name] = CuedPattern(value)


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

    __slots__ = ("phrases", "pattern", "anchors", "_members", "_compiled", "_offset", "_mask", "_bit_anchor", "_anchor_bits")

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
        # Each phrase under each of its anchors gets one bit of WORD_INDEX (the bits of one
        # lexicon are contiguous, those of one anchor too): the anchor plus the words the phrase
        # needs, read exactly from its regex. A reply's live bits say which anchors can match.
        self._offset = WORD_INDEX.size
        self._bit_anchor: list[str] = []
        self._anchor_bits: dict[str, int] = {}
        needed = {i: required_words(phrases[i]) for i in sorted({i for indices in members.values() for i in indices})}
        for token, indices in members.items():
            seen: set[tuple[Clause, ...]] = set()
            first = len(self._bit_anchor)
            for i in indices:
                groups = tuple(c for c in needed[i] if token not in c)
                if groups in seen:
                    continue
                seen.add(groups)
                WORD_INDEX.add(token, list(groups))
                self._bit_anchor.append(token)
            self._anchor_bits[token] = ((1 << len(self._bit_anchor)) - 1) ^ ((1 << first) - 1)
        self._mask = (1 << len(self._bit_anchor)) - 1

    def can_match(self, live: int) -> bool:
        """False when, given a reply's live index bits, no phrase of this lexicon can match."""
        return self.anchors is None or (live >> self._offset) & self._mask != 0

    def live_anchors(self, live: int) -> list[str]:
        """The anchors of this lexicon that can start a match, given a reply's live index bits."""
        bits = (live >> self._offset) & self._mask
        out: list[str] = []
        bit_anchor = self._bit_anchor
        anchor_bits = self._anchor_bits
        while bits:
            token = bit_anchor[(bits & -bits).bit_length() - 1]
            out.append(token)
            bits &= ~anchor_bits[token]
        return out

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
        compiled = self._compiled
        while i < n:
            p = positions[i]
            if p >= end:
                return
            if p >= last:
                rx = compiled.get(toks[i]) or self.for_anchor(toks[i])
                m = rx.match(text, p, end)
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
        compiled = self._compiled
        while i < n:
            p = positions[i]
            if p >= end:
                return None
            rx = compiled.get(toks[i]) or self.for_anchor(toks[i])
            m = rx.match(text, p, end)
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
