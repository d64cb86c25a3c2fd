"""Quotes (NC2xx): pair quotation marks, give each the right shape and side, bring foreign
quote styles into English, lower-case speech verbs after a quote, report what cannot be paired.

Machine translation keeps the number of quotation marks but often gets their shape (“ for ”)
and the side of the space (``perceive “, he``) wrong. The glyph and the spacing of a single
mark are therefore weak evidence; the order of the marks is strong evidence, because double
quotation marks alternate: open, close, open, close. Each paragraph is decoded on its own:

* every double mark gets an *evidence* score (positive: it looks like an opening mark,
  negative: a closing one) from its glyph, the characters around it, the paragraph edges,
  punctuation and reporting verbs (:func:`mark_evidence`);
* a small dynamic programme (:func:`decode_roles`) finds the cheapest sequence of roles that
  alternates open/close, where a role against the evidence costs the evidence and leaving a
  mark unpaired costs a fixed, higher price. Min-marginals give every mark a *margin*: how much
  worse the best reading with another role for that mark is;
* only marks whose role wins by a clear margin are repaired; unpaired marks are reported.

Single quotation marks and apostrophes (Ukraine’s, ’90s, rock ’n’ roll, O’Neill, students’)
are never touched, nor are primes (5′ 11″), inch marks (12"), marks in URLs and markup, or the
straight/curly style of marks that are already right. A paragraph may end inside a quotation
when the next paragraph opens with a quotation mark (the English convention for quotations
running over paragraphs). Everything is linear in the number of marks.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

import regex

from ..edits import Change, apply_changes
from ..registry import Context, Finder, Option, Rule
from ..resources import compiled_pattern, compiled_patterns, compiled_re_patterns, load_table

#: English double quotation marks (straight and curly).
ENGLISH_MARKS = frozenset('"“”‟')
#: Double quotation marks of other languages' styles: „…“ „…” «…» »…«.
FOREIGN_MARKS = frozenset("„«»")
DOUBLE_MARKS = ENGLISH_MARKS | FOREIGN_MARKS
#: Single guillemets ‹…› (paired on their own, converted with NC202).
SINGLE_GUILLEMETS = frozenset("‹›")
ALL_MARKS = DOUBLE_MARKS | SINGLE_GUILLEMETS
#: Horizontal whitespace (never a line break).
HSPACE = frozenset(
    " \t\u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
)
#: Attached before a mark, these say the mark closes (``said so.”``).
CLOSING_PUNCT_BEFORE = frozenset(".,;!?…")
#: Right after a mark, these say the mark closes (``perceive”,``).
PUNCT_AFTER = frozenset(".,;:!?)]")
#: What a closing mark hugs when a stray space separates them.
CLOSE_HUGS = frozenset(".,;:!?…)]%")
#: What an opening mark hugs when a stray space separates them.
OPEN_HUGS = frozenset("…([$£€#")
#: Gaps between a double mark and these are left as they are (nested quotes, apostrophes).
QUOTE_LIKE = ALL_MARKS | frozenset("‘’'‚‛`´")
#: Before an opening mark, these need a space between them and the mark.
OPEN_NEEDS_SPACE_AFTER = frozenset(",.;:!?")

OPEN, CLOSE, STRAY = "open", "close", "stray"

#: Price of leaving a mark unpaired, in evidence units (see :func:`decode_roles`).
STRAY_COST = 12
#: A role is acted on only when every other role for the mark costs this much more.
MIN_MARGIN = 4
#: Price of keeping a quotation open across a paragraph break without a reopening mark
#: (corpora that break lines inside paragraphs), and of ending the text inside one.
CARRY_COST = 4
#: … and across a blank line, where English reopens the quotation instead.
BLANK_CARRY_COST = STRAY_COST
#: Extra price of a reopening mark at the start of a sentence inside a paragraph (corpora
#: that join paragraphs: ``…investment. "If that's the case…``).
SENTENCE_REOPEN_COST = 2
#: Evidence up to this size is flipped at its face value, beyond it at three times.
FLIP_KNEE = 3
#: Extra price of a quotation nested in another with double marks (“… “…” …”).
NEST_COST = 6
#: … and only for a quotation this short (characters from its opening to its closing mark).
MAX_NESTED = 30
#: Price of a side a mark cannot have (an opening mark before a full stop).
IMPOSSIBLE = 100

PRONOUNS = ("he", "she", "they", "it", "we")
#: Markup and code: paragraphs with these are left alone. A colon before a quotation mark is
#: code only after a quoted key (``"key": "value"``) or a bare key opening the paragraph
#: (``name: "Bob"``): after a word inside a sentence it introduces speech (``said: "We``).
#: (The module's patterns are kept compiled in the cache folder: see
#: :func:`newsclean.resources.compiled_patterns`.)
(
    CODE_RE,
    URL_RE,
    URL_HINT_RE,
    SPACE_RE,
    SPACE_BEFORE_RE,
    APOSTROPHE_AFTER_RE,
) = compiled_patterns(
    "quotes",
    (
        r'=\h*"|"\h*:\h*"|^\h*[\w.\-]+\h*:\h*"|`|\{[^}\n]*\}|</?[A-Za-z]',
        r"(?:https?://|www\.)\S+|[^\s@]{1,64}@[^\s@]+\.\w+",
        r"@|://|www\.",
        r"\s",
        r"(?r)\s",  # searched backwards (regex.REVERSE)
        r"(?:s|t|d|m|ll|re|ve)(?!\p{L})",
    ),
)
#: What every :data:`URL_RE` match contains; only the tokens around these are scanned.
#: How far around a hint a token is followed (a longer "URL" is not one).
URL_WINDOW = 4096
#: A double mark used as an apostrophe (``don”t``, ``Ukraine”s``).
#: The letters an :data:`APOSTROPHE_AFTER_RE` match starts with.
APOSTROPHE_STARTS = frozenset("stdmlrv")


@lru_cache(maxsize=16)
def _verb_set(extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(load_table("speech_verbs.txt")) | {v.lower() for v in extra}


@lru_cache(maxsize=16)
def _speech_patterns(extra: tuple[str, ...]) -> regex.Pattern[str]:
    """The pattern of a reporting clause after a mark (``, he said``), cached per table."""
    # (Verbs of one length in a fixed order: any order matches the same, and a fixed one
    # keeps the pattern, so its compiled form in the cache folder, the same.)
    verbs = sorted(sorted(_verb_set(extra)), key=len)
    alternation = _verb_alternation(verbs[::-1])
    pronouns = "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in PRONOUNS)
    name = r"\p{Lu}[\p{L}’'\-]*"
    det = r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne)"
    words = r"(?:[\p{L}’'\-]+\h+){0,3}"
    pattern = (
        rf"(?P<space>\h*),?\h*(?:(?P<pron>{pronouns})\h+|(?P<name>{name}(?:\h+{name}){{0,2}})\h+"
        rf"|(?P<det>{det}\h+{words}))?"
        rf"(?P<verb>{alternation})(?!\p{{L}})"
    )
    # Kept compiled in the cache folder (see newsclean.resources.compiled_patterns).
    return compiled_pattern("quotes-speech", pattern)


def _verb_alternation(verbs: list[str]) -> str:
    r"""The alternatives of :func:`_speech_patterns`'s verb, in the order of ``verbs``, each
    with its first letter in either case.

    When every verb is letters only, at most one of them can match at a place before a
    non-letter (the pattern's ``(?!\p{L})``), so their order does not change what matches:
    the verbs are grouped by first letter (``[Ss](?:aid|ays)``), which the ``regex`` module
    compiles in two thirds of the time (a process's first quotation waits for it).

    >>> _verb_alternation(["says", "said", "told"])
    '[Ss](?:ays|aid)|[Tt](?:old)'
    >>> _verb_alternation(["said", "told off"])
    '[Ss]aid|[Tt]old\\ off'
    """
    if not all(v.isalpha() for v in verbs):
        return "|".join(f"[{v[0].upper()}{v[0]}]{regex.escape(v[1:])}" for v in verbs)
    by_first: dict[str, list[str]] = {}
    for v in verbs:
        by_first.setdefault(v[0], []).append(regex.escape(v[1:]))
    return "|".join(f"[{k.upper()}{k}](?:{'|'.join(rest)})" for k, rest in by_first.items())


ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: The ASCII characters (and ’) of a word of :func:`_speech_patterns` (``[\p{L}’'\-]``).
WORD_CHARS = ASCII_LETTERS | frozenset("’'-")
#: How many words a reporting clause holds up to its verb: a determiner, three words, the verb.
CLAUSE_WORDS = 5
#: :data:`HSPACE` (``\h``) as a character class of the standard library's ``re``.
_H = "[" + "".join(re.escape(c) for c in sorted(HSPACE)) + "]"
#: Spaces, a comma, spaces, then up to :data:`CLAUSE_WORDS` words of :data:`WORD_CHARS`
#: separated by spaces: the leading ASCII letters of each word are captured. (The standard
#: library's ``re``: four times faster than ``regex`` on this pattern, which needs no Unicode
#: property.)
CLAUSE_WORDS_RE = compiled_re_patterns(
    "quotes-clause",
    (
        f"{_H}*+,?+{_H}*+"
        + f"(?:{_H}++".join([r"([A-Za-z]*+)[A-Za-z’'\-]*+"] * CLAUSE_WORDS)
        + ")?" * (CLAUSE_WORDS - 1),
    ),
)[0]


@lru_cache(maxsize=16)
def _ascii_verbs(extra: tuple[str, ...]) -> frozenset[str] | None:
    """The reporting verbs, lower-cased, when every one is a word of ASCII letters (what
    :func:`_no_speech_clause` assumes), else ``None``."""
    verbs = frozenset(v.lower() for v in _verb_set(extra))
    return verbs if all(v and all(c in ASCII_LETTERS for c in v) for v in verbs) else None


def _no_speech_clause(text: str, k: int, end: int, extra: tuple[str, ...] = ()) -> bool:
    r"""Whether ``_speech_patterns(extra).match(text, k, end)`` surely finds nothing, from a
    walk over the words at ``k`` (most quotations open on words that are no reporting verb).

    A match is spaces, a comma and spaces, then at most :data:`CLAUSE_WORDS` words of
    ``[\p{L}’'\-]`` separated by ``\h`` (:data:`HSPACE`), the last one starting with a
    reporting verb followed by no letter. So when none of the first words starts with a verb
    (its leading ASCII letters, lower-cased, are no verb) and the walk meets an ASCII
    character that no word holds, or the paragraph's end, nothing matches. Any other
    character (``é``) leaves the answer to the pattern.

    >>> t = '"We will see what the man said"'
    >>> _no_speech_clause(t, 1, len(t)), _no_speech_clause(t, 18, len(t))
    (True, False)
    >>> _no_speech_clause(' , He said', 0, 10), _no_speech_clause('Émile said', 0, 10)
    (False, False)
    >>> _no_speech_clause('in 2004, he said', 0, 16)
    True
    """
    verbs = _ascii_verbs(extra)
    if verbs is None:
        return False
    m = CLAUSE_WORDS_RE.match(text, k, end)
    if m is None:  # (the pattern matches at any position before ``end``)
        return False
    words = m.groups()
    for word in words:
        if word is None:
            break
        if word and word.lower() in verbs:
            return False
    if words[-1] is not None:
        return True
    stop = m.end()
    return stop >= end or text[stop].isascii()


def _verb_before(text: str, j: int, start: int, extra: tuple[str, ...] = ()) -> bool:
    """Whether the word ending at or before ``text[j]`` (past a ``,`` or ``:``) is a reporting
    verb, as in ``he said: “`` (a cheap backwards scan, no regex).

    >>> t = "he said, “"
    >>> _verb_before(t, 7, 0), _verb_before("the house “", 9, 0)
    (True, False)
    """
    while j >= start and text[j] in HSPACE:
        j -= 1
    if j >= start and text[j] in ",:":
        j -= 1
    while j >= start and text[j] in HSPACE:
        j -= 1
    k = j
    while k >= start and text[k].isalpha() and j - k < 20:
        k -= 1
    return k < j and text[k + 1 : j + 1].lower() in _verb_set(extra)


def speech_verbs(ctx: Context | None) -> tuple[str, ...]:
    """Extra reporting verbs from ``Config(options={"NC2": {"speech_verbs": [...]}})``."""
    if ctx is None:
        return ()
    return ctx.words("speech_verbs")


def mark_evidence(
    text: str,
    p: int,
    start: int,
    end: int,
    low_nine: bool = False,
    extra_verbs: tuple[str, ...] = (),
) -> int:
    """How much the mark at ``text[p]`` looks like an opening (> 0) or closing (< 0) mark.

    ``start``/``end`` bound its paragraph; ``low_nine`` says the paragraph uses „ (so “ may
    close a „…“ quotation).

    >>> t = "He said: “We will see”, he added."
    >>> mark_evidence(t, t.index("“"), 0, len(t)) > 0, mark_evidence(t, t.index("”"), 0, len(t)) < 0
    (True, True)
    >>> t = "a threat that we clearly perceive “, he declared"
    >>> mark_evidence(t, t.index("“"), 0, len(t)) < 0
    True
    """
    e, clause = _evidence_before_clause(text, p, start, end, low_nine, extra_verbs)
    if not clause or _no_speech_clause(text, p + 1, end, extra_verbs):
        return e
    said = _speech_patterns(extra_verbs).match(text, p + 1, end)
    if said is not None:
        # “We said …” opens a quotation; see“He told … and rise, “Stoltenberg said close one.
        left_attached = p > start and text[p - 1] not in HSPACE
        if said.group("space") or not said.group("pron") or left_attached:
            e -= 3 if said.group("space") else 2
    return e


#: A reporting clause after a mark lowers its evidence by at most this much.
CLAUSE_WEIGHT = 3


def _evidence_before_clause(
    text: str, p: int, start: int, end: int, low_nine: bool, extra_verbs: tuple[str, ...]
) -> tuple[int, bool]:
    """The evidence of :func:`mark_evidence` without the reporting clause after the mark, and
    whether such a clause is still to be read (then it lowers the evidence by 0, 2 or
    :data:`CLAUSE_WEIGHT`).

    >>> t = "perceive “, he declared"
    >>> _evidence_before_clause(t, 9, 0, len(t), False, ()), mark_evidence(t, 9, 0, len(t))
    ((-1, False), -1)
    """
    c = text[p]
    e = 0
    if c in "“‟":
        e += 0 if low_nine else 1
    elif c == "”":
        e -= 1
    elif c == "„":
        e += 2
    # Left side.
    i = p - 1
    if i < start:
        e += 3
    else:
        prev = text[i]
        if prev in HSPACE:
            j = i
            while j >= start and text[j] in HSPACE:
                j -= 1
            if j < start:
                e += 3
            else:
                e += 1
                if text[j] == ":" or _verb_before(text, j, start, extra_verbs):
                    e += 1
        elif prev.isalnum():
            e -= 1
        elif prev in CLOSING_PUNCT_BEFORE:
            e -= 2
        elif prev in "([{—–/":
            e += 2
        elif prev == ":" or _verb_before(text, i, start, extra_verbs):
            e += 1
    # Right side.
    k = p + 1
    if k >= end:
        return e - 4, False
    nxt = text[k]
    if nxt in HSPACE:
        m = k
        while m < end and text[m] in HSPACE:
            m += 1
        if m >= end:
            return e - 4, False
        e -= 1
    elif nxt.isalnum():
        e += 1
    elif nxt in PUNCT_AFTER:
        e -= 3
        if k + 1 >= end or (nxt in ".!?" and text[k + 1] in HSPACE):
            e -= 2
        return e, False
    return e, True


def flip_cost(e: int) -> int:
    """Price of reading a mark against evidence ``e`` (its size): linear for weak evidence,
    steep for strong evidence, so that ``forth, “so`` can be re-read but ``,” Näes said``
    practically cannot.

    >>> [flip_cost(e) for e in (0, 2, 3, 4, 7)]
    [0, 2, 3, 6, 15]
    """
    return e if e <= FLIP_KNEE else FLIP_KNEE + 3 * (e - FLIP_KNEE)


def decode_roles(
    evidence: Sequence[int],
    reopen: Sequence[int | None] | None = None,
    carry: Sequence[int] | None = None,
    stray: int = STRAY_COST,
    end_inside: int = STRAY_COST,
    cannot: Sequence[str] | None = None,
    nestable: Sequence[bool] | None = None,
) -> list[Reading]:
    """The cheapest alternating reading of a document's marks, and how sure it is of each.

    States: outside a quotation, inside one, inside a quotation nested in another. Moves for a
    mark: ``open`` (one level in; nesting costs :data:`NEST_COST` more and only where
    ``nestable[i]``), ``close`` (one level
    out), ``stray`` (unpaired, state unchanged, costs ``stray``) and, where ``reopen[i]`` is not
    ``None``, a *reopening* mark (inside → inside at that extra cost: the English convention
    for a quotation that runs into a new paragraph or sentence). Reading a mark against its
    evidence costs :func:`flip_cost`, and a side ``cannot[i]`` names (``"open"``, ``"close"``)
    costs :data:`IMPOSSIBLE`; staying inside across the gap before mark ``i`` costs
    ``carry[i]`` (paragraph breaks), and ending inside costs ``end_inside``. Min-marginals
    (forward-backward, linear time) give each mark its :class:`Reading`.

    >>> [r.side for r in decode_roles([3, -3, 3, -3])]
    ['open', 'close', 'open', 'close']
    >>> [r.side for r in decode_roles([4, -3, -3, 3, 4, -8, 3, -5])]
    ['open', 'close', 'open', 'close', 'open', 'close', 'open', 'close']
    >>> [(r.side, r.unpaired) for r in decode_roles([3, -5, -5])]
    [('open', False), ('close', True), ('close', True)]
    >>> [r.unpaired for r in decode_roles([3, -3, 3])]
    [False, False, True]
    >>> [(r.side, r.unpaired) for r in decode_roles([3, 3, -5], reopen=[None, 0, None])]
    [('open', False), ('open', False), ('close', False)]
    >>> [r.side for r in decode_roles([5, 4, -4, -5])]
    ['open', 'open', 'close', 'close']
    """
    n = len(evidence)
    reopen = reopen if reopen is not None else [None] * n
    carry = carry if carry is not None else [0] * n
    cannot = cannot if cannot is not None else [""] * n
    nestable = nestable if nestable is not None else [True] * n
    co, cc, nco, reo = _prices(evidence, reopen, cannot, nestable)
    as_opens, as_closes, as_strays = _marginals(co, cc, nco, reo, carry, stray, end_inside)
    out = []
    for i in range(n):
        e = evidence[i]
        as_open, as_close, as_stray = as_opens[i], as_closes[i], as_strays[i]
        # A stray still has a side: the one its own evidence points to.
        side_open = as_open if e < 0 or as_open <= as_stray else as_stray
        side_close = as_close if e > 0 or as_close <= as_stray else as_stray
        paired = as_open if as_open <= as_close else as_close
        margin = side_open - side_close
        if margin < 0:
            margin = -margin
        out.append(
            Reading(
                side=OPEN if side_open < side_close else CLOSE,
                margin=margin if margin < 999 else 999,
                paired=paired < as_stray,
                unpaired=as_stray <= paired,
            )
        )
    return out


#: Larger than the price of any reading (the price of a move that cannot be made).
_INF = 1 << 40


def _prices(
    evidence: Sequence[int],
    reopen: Sequence[int | None],
    cannot: Sequence[str],
    nestable: Sequence[bool],
) -> tuple[list[int], list[int], list[int], list[int]]:
    """Per-mark prices of :func:`decode_roles`: open, close, nested open, reopen
    (:func:`flip_cost` inlined: this runs for every mark of every document not settled).

    >>> _prices([2, -5], [None, 0], ["", "open"], [True, False])
    ([0, 109], [2, 0], [6, 209], [1099511627776, 109])
    """
    knee = FLIP_KNEE
    n = len(evidence)
    co = [0] * n
    cc = [0] * n
    nco = [0] * n
    reo = [0] * n
    for i in range(n):
        e = evidence[i]
        if e < 0:
            o = -e if -e <= knee else knee + 3 * (-e - knee)
            c = 0
        else:
            o = 0
            c = e if e <= knee else knee + 3 * (e - knee)
        side = cannot[i]
        if side == OPEN:
            o += IMPOSSIBLE
        elif side == CLOSE:
            c += IMPOSSIBLE
        co[i] = o
        cc[i] = c
        nco[i] = o + (NEST_COST if nestable[i] else IMPOSSIBLE)
        r = reopen[i]
        reo[i] = _INF if r is None else o + r
    return co, cc, nco, reo


def _marginals(
    co: Sequence[int],
    cc: Sequence[int],
    nco: Sequence[int],
    reo: Sequence[int],
    carry: Sequence[int],
    s: int,
    end_inside: int,
    free_ends: bool = False,
) -> tuple[list[int], list[int], list[int]]:
    """For every mark, the price of the cheapest reading that opens it, closes it, leaves it
    unpaired (forward-backward over the states outside / inside / nested).

    ``free_ends``: the readings may start and end in any state at no price (readings of a
    stretch of a document; ``end_inside`` is then not used).

    >>> opens, closes, strays = _marginals([0, 9], [9, 0], [6, 15], [_INF, _INF], [0, 0], 12, 12)
    >>> opens, closes[1], strays
    ([0, 33], 0, [24, 24])
    """
    n = len(co)
    inf = _INF
    # Forward: cheapest cost of marks < i ending outside / inside / nested.
    x0, x1, x2 = (0, 0, 0) if free_ends else (0, inf, inf)
    f0, f1, f2 = [x0] * (n + 1), [x1] * (n + 1), [x2] * (n + 1)
    for i in range(n):
        k = carry[i]
        g0, g1, g2 = x0, x1 + k, x2 + 2 * k
        a, b = g0 + s, g1 + cc[i]
        x0 = a if a <= b else b
        a, b = g1 + s, g0 + co[i]
        a = a if a <= b else b
        b = g2 + cc[i]
        a = a if a <= b else b
        b = g1 + reo[i]
        x1 = a if a <= b else b
        a, b = g2 + s, g1 + nco[i]
        x2 = a if a <= b else b
        f0[i + 1], f1[i + 1], f2[i + 1] = x0, x1, x2
    # Backward: cheapest cost of marks >= i from each state, before the gap of mark i.
    a0, a1, a2 = [0] * (n + 1), [inf] * (n + 1), [inf] * (n + 1)
    y0, y1, y2 = (0, 0, 0) if free_ends else (0, end_inside, 2 * end_inside)
    a1[n], a2[n] = y1, y2
    for i in range(n - 1, -1, -1):
        b0, b1, b2 = y0, y1, y2
        k = carry[i]
        a, b = s + b0, co[i] + b1
        y0 = a if a <= b else b
        a, b = s + b1, cc[i] + b0
        a = a if a <= b else b
        b = nco[i] + b2
        a = a if a <= b else b
        b = reo[i] + b1
        y1 = k + (a if a <= b else b)
        a, b = s + b2, cc[i] + b1
        y2 = 2 * k + (a if a <= b else b)
        a0[i], a1[i], a2[i] = y0, y1, y2
    as_opens, as_closes, as_strays = [0] * n, [0] * n, [0] * n
    for i in range(n):
        k = carry[i]
        g0, g1, g2 = f0[i], f1[i] + k, f2[i] + 2 * k
        b0, b1, b2 = a0[i + 1], a1[i + 1], a2[i + 1]
        a, b = g0 + co[i] + b1, g1 + nco[i] + b2
        a = a if a <= b else b
        b = g1 + reo[i] + b1
        as_opens[i] = a if a <= b else b
        a, b = g1 + cc[i] + b0, g2 + cc[i] + b1
        as_closes[i] = a if a <= b else b
        a, b = g0 + b0, g1 + b1
        a = a if a <= b else b
        b = g2 + b2
        as_strays[i] = s + (a if a <= b else b)
    return as_opens, as_closes, as_strays


class Reading(NamedTuple):
    """What the decoder made of one mark.

    ``side``: open or close; ``margin``: how much the best reading with the other side costs
    more; ``paired``: some best reading pairs the mark; ``unpaired``: some best reading leaves
    it without a partner (both can hold when the paragraph is ambiguous).
    """

    side: str
    margin: int
    paired: bool
    unpaired: bool


class Mark(NamedTuple):
    """A quotation mark, its paragraph, and what the decoder made of it."""

    pos: int
    char: str
    role: str  # OPEN or CLOSE: the side it belongs to
    margin: int
    para_start: int
    para_end: int
    frozen: bool = False  # an inch mark or similar that may be read but never changed
    paired: bool = True
    unpaired: bool = False

    @property
    def confident(self) -> bool:
        """The mark's side is clear and pairing it is at least as good as leaving it alone."""
        return self.margin >= MIN_MARGIN and self.paired


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        stop = end - 1 if end > pos and text[end - 1] == "\r" else end
        spans.append((pos, stop))
        if nl == -1:
            break
        pos = nl + 1
    return spans


def _excluded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses in a paragraph, in order.

    :data:`URL_RE` matches never cross white space, so only the tokens around an ``@``,
    ``://`` or ``www.`` are scanned: the same matches as a scan of the whole paragraph, in
    time linear in the paragraph (a scan of a long paragraph without spaces tried the e-mail
    pattern at every position).

    >>> text = "See https://example.com/a?b=“x” or mail info@example.org today."
    >>> [text[a:b] for a, b in _excluded(text, 0, len(text))]
    ['https://example.com/a?b=“x”', 'info@example.org']
    """
    if (
        text.find("@", start, end) == -1
        and text.find("://", start, end) == -1
        and text.find("www.", start, end) == -1
    ):
        return []
    spans: list[tuple[int, int]] = []
    pos = start
    while (hit := URL_HINT_RE.search(text, pos, end)) is not None:
        low = max(start, pos, hit.start() - URL_WINDOW)
        before = SPACE_BEFORE_RE.search(text, low, hit.start())
        token_start = before.end() if before else low
        high = min(end, hit.end() + URL_WINDOW)
        after = SPACE_RE.search(text, hit.end(), high)
        token_end = after.start() if after else high
        spans.extend(m.span() for m in URL_RE.finditer(text, token_start, token_end))
        pos = max(token_end, hit.end())
    return spans


def _in_spans(spans: list[tuple[int, int]], starts: list[int], p: int) -> bool:
    """Whether offset ``p`` falls in one of the sorted, non-overlapping ``spans``."""
    k = bisect_right(starts, p) - 1
    return k >= 0 and spans[k][0] <= p < spans[k][1]


def _sentence_start(text: str, p: int, start: int) -> int | None:
    """Extra cost of reading the mark at ``p`` as a reopening mark, or ``None`` if it can't be.

    >>> _sentence_start('x. "If so', 3, 0), _sentence_start('"If so', 0, 0)
    (2, 0)
    >>> _sentence_start('a "b', 2, 0) is None
    True
    """
    j = p - 1
    while j >= start and text[j] in HSPACE:
        j -= 1
    if j < start:
        return 0
    if j < p - 1 and text[j] in ".?!…" and p + 1 < len(text) and text[p + 1] not in HSPACE:
        return SENTENCE_REOPEN_COST
    return None


def _impossible_side(text: str, p: int, start: int, end: int, read_clause: bool = True) -> str:
    """The side the mark at ``p`` cannot have: no opening mark before a full stop or at the end
    of its paragraph, no closing mark at the start of one.

    ``read_clause=False`` skips the reporting clause test (``…,” the analyst wrote``): the
    answer is then ``""`` where that test would have said ``"open"``.

    >>> _impossible_side("troops ”.", 7, 0, 9), _impossible_side("“We", 0, 0, 3)
    ('open', 'close')
    """
    k = p + 1
    while k < end and text[k] in HSPACE:
        k += 1
    if k >= end or (text[k] in PUNCT_AFTER and not text.startswith("...", k)):
        return OPEN
    if (
        read_clause
        and p > start
        and text[p - 1] in ",.!?"
        and k > p + 1
        and not _no_speech_clause(text, p + 1, end)
    ):
        said = _speech_patterns(()).match(text, p + 1, end)
        if said is not None and said.group("space"):
            return OPEN  # `…,” the analyst wrote` never opens a quotation
    j = p - 1
    while j >= start and text[j] in HSPACE:
        j -= 1
    if j < start:
        return CLOSE
    return ""


@lru_cache(maxsize=8)
def _marks_re(marks: frozenset[str]) -> regex.Pattern[str]:
    """A pattern that finds any of ``marks`` (C-speed, instead of a loop over characters)."""
    return regex.compile("[" + "".join(regex.escape(c) for c in sorted(marks)) + "]")


def mark_positions(text: str, marks: frozenset[str] | str) -> list[int]:
    """Offsets of every character of ``marks`` in ``text``, in order (one ``str.find`` walk
    per mark: many times faster than a character-class regex over news text).

    >>> mark_positions('a “b” "c"', '“”"')
    [2, 4, 6, 8]
    """
    out: list[int] = []
    for c in marks:
        i = text.find(c)
        while i != -1:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


#: :data:`CODE_RE` anchored at a ``=``, ``:`` or ``<`` (a ``{`` and a backtick are decided by
#: ``str.find``; what stands before a colon by :data:`CODE_KEY_BEFORE_RE`).
#: A bare key opening a paragraph, up to where a colon after it would be (``name: "Bob"``)
#: (LEADING_KEY_RE); one character of :data:`CODE_RE`'s ``\h`` (HSPACE_CHAR_RE).
CODE_AT_RE, LEADING_KEY_RE, HSPACE_CHAR_RE = compiled_patterns(
    "quotes-code", (r'[=:]\h*"|</?[A-Za-z]', r"\h*+[\w.\-]++\h*+", r"\h")
)


def code_starts(text: str) -> str:
    """Which of ``{``, a backtick, ``=``, ``:``, ``<`` occur in ``text`` at all (most news
    documents have only colons): what :func:`code_like` looks for, found once per text.

    (Callers that read a text paragraph by paragraph compute it once and pass it on; a cache
    keyed by the whole text would compare a long text character by character on every
    paragraph whenever it holds an equal copy of it.)

    >>> code_starts('He said: "yes" <b>')
    ':<'
    """
    return "".join(c for c in "`{=:<" if c in text)


def _keyed(text: str, start: int, colon: int, first: bool) -> bool:
    """Whether the colon at ``colon`` ends a key: a quoted one (``"key":``) or, when it is the
    ``first`` colon of the paragraph starting at ``start``, a bare one that opens the
    paragraph (``name:``); spaces are allowed before the colon.

    (A bare key holds no colon, so only the first colon can end one: the paragraph's start is
    matched once, however many colons follow.)

    >>> _keyed('"a" : "b"', 0, 4, True), _keyed('name: "Bob"', 0, 4, True)
    (True, True)
    >>> _keyed('He said: "x"', 0, 7, True), _keyed('a: b: "x"', 0, 4, False)
    (False, False)
    """
    j = colon - 1
    while j >= start and HSPACE_CHAR_RE.match(text, j) is not None:
        j -= 1
    if j >= start and text[j] == '"':
        return True
    if not first:
        return False
    m = LEADING_KEY_RE.match(text, start, colon)
    return m is not None and m.end() == colon


def code_like(text: str, start: int, end: int, codes: str | None = None) -> bool:
    """Whether ``CODE_RE.search(text[start:end])`` finds markup or code in a paragraph (which
    holds no line break), from ``str.find`` walks and anchored matches: the paragraphs of
    news text with a colon are many, the ones with code few.

    ``codes``: :func:`code_starts` of ``text``, when the caller has it.

    >>> code_like('name: "Bob"', 0, 11), code_like('{"a": "b"}', 0, 10), code_like('x = "y"', 0, 7)
    (True, True, True)
    >>> code_like('He said: "yes"', 0, 14), code_like('He said: yes "no"', 0, 17)
    (False, False)
    >>> code_like("a {b} c", 0, 7), code_like("a } {b", 0, 6), code_like("x<br>y", 0, 6)
    (True, False, True)
    """
    for c in code_starts(text) if codes is None else codes:
        i = text.find(c, start, end)
        if i == -1:
            continue
        if c == "`":
            return True
        if c == "{":
            if text.find("}", i, end) != -1:
                return True
            continue
        first = i
        while i != -1:
            if CODE_AT_RE.match(text, i, end) is not None and (
                c != ":" or _keyed(text, start, i, i == first)
            ):
                return True
            i = text.find(c, i + 1, end)
    return False


def _used_as_apostrophe(text: str, p: int, start: int, end: int) -> bool:
    """Whether the double mark at ``p`` stands for an apostrophe (``don”t``): not read.

    >>> _used_as_apostrophe("don”t", 3, 0, 5), _used_as_apostrophe("“don”", 4, 0, 5)
    (True, False)
    """
    return (
        p > start
        and p + 1 < end
        and text[p + 1] in APOSTROPHE_STARTS
        and text[p - 1].isalpha()
        and APOSTROPHE_AFTER_RE.match(text, p + 1, end) is not None
    )


def _may_be_inch(text: str, p: int, end: int) -> bool:
    """Whether the mark at ``p`` may be an inch mark: a straight mark after a digit and not
    before a letter or digit.

    >>> _may_be_inch('a 12" screen', 4, 12), _may_be_inch('"12"b', 3, 5)
    (True, False)
    """
    return (
        text[p] == '"'
        and p > 0
        and text[p - 1].isdigit()
        and (p + 1 >= end or not text[p + 1].isalnum())
    )


def _paragraph_marks(
    text: str,
    start: int,
    end: int,
    marks: frozenset[str],
    hits: Sequence[int] | None = None,
    codes: str | None = None,
) -> list[tuple[int, bool]]:
    """Positions of the marks newsclean reads in one paragraph, each with whether it is frozen
    (an inch mark, kept only when the paragraph needs it to pair its quotes).

    ``hits``: the offsets of ``marks`` in the paragraph, and ``codes``: :func:`code_starts`
    of ``text``, when the caller has them."""
    if hits is None:
        hits = [m.start() for m in _marks_re(marks).finditer(text, start, end)]
    if not hits or code_like(text, start, end, codes):
        return []
    skip = _excluded(text, start, end)
    skip_starts = [a for a, _ in skip]
    found = []
    inches = 0
    for p in hits:
        # A double mark used as an apostrophe (``don”t``) is not read; a straight mark after a
        # digit and not before a letter may be an inch mark.
        if _used_as_apostrophe(text, p, start, end):
            continue
        if skip and _in_spans(skip, skip_starts, p):
            continue
        inch = _may_be_inch(text, p, end)
        inches += inch
        found.append((p, inch))
    if inches and (len(found) - inches) % 2 == 0:
        found = [(p, inch) for p, inch in found if not inch]
    for k in range(1, len(found)):
        if found[k][0] == found[k - 1][0] + 1:
            # Doubled marks (""): a typo nobody can pair safely; read, never change.
            return [(p, True) for p, _ in found]
    return found


_CACHE: dict[tuple[str, frozenset[str], tuple[str, ...]], list[Mark]] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 8


def analyse(
    text: str, ctx: Context | None = None, marks: frozenset[str] = DOUBLE_MARKS
) -> list[Mark]:
    """Every quotation mark of ``marks`` in ``text`` that newsclean reads, with its role.

    The quotes rules read the same texts in turn (a rule's repaired text is the next rule's
    input), so the last few readings are kept.
    """
    key = (text, marks, speech_verbs(ctx))
    found = _CACHE.get(key)
    if found is None:
        found = _analyse(text, key[2], marks)
        with _CACHE_LOCK:
            if len(_CACHE) >= _CACHE_SIZE:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = found
    return list(found)


#: From this length on, :func:`_analyse` keeps its readings of a text's paragraphs (see
#: :func:`_readings`); below it a text is read whole again, which costs less than the keys.
READINGS_FROM = 131_072
#: A paragraph's reading: each mark's offset, whether it may be an inch mark, its evidence,
#: its reopening cost and its impossible side (:func:`_paragraph_readings`).
MarkReading = tuple[int, int, int, int | None, str]
_ParagraphKey = tuple[str, bool, bool]
_Readings = dict[_ParagraphKey, tuple[MarkReading, ...]]
#: Per reporting verbs and marks, the readings of the paragraphs of the last long text
#: analysed, by the paragraph's characters with the one before and the one after it.
_READINGS: dict[tuple[tuple[str, ...], frozenset[str]], _Readings] = {}
_READINGS_KINDS = 4


def _readings(extra: tuple[str, ...], marks: frozenset[str]) -> tuple[_Readings | None, _Readings]:
    """The paragraph readings kept from the last long text read with ``extra`` and ``marks``,
    and a new, empty table that replaces them for this text.

    A repair changes a few paragraphs of a long document, and the quotes rules read the
    repaired text again (:func:`stable_changes`, the pipeline's next pass): the other
    paragraphs' readings are taken from the table. A paragraph's reading depends only on its
    own characters and the one on either side of it (the functions that read a mark stop at
    the paragraph's bounds, but for :func:`_sentence_start`, which looks one character past
    it), so that is the key. Only the last text's paragraphs are kept: the table never holds
    more than one document's.
    """
    key = (extra, marks)
    known = _READINGS.pop(key, None)
    kept: _Readings = {}
    if len(_READINGS) >= _READINGS_KINDS:
        _READINGS.pop(next(iter(_READINGS)))
    _READINGS[key] = kept
    return known, kept


def _paragraph_readings(
    text: str,
    start: int,
    end: int,
    marks: frozenset[str],
    hits: Sequence[int],
    codes: str,
    extra: tuple[str, ...],
) -> list[MarkReading]:
    """The marks :func:`_analyse` reads in one paragraph, each with what it reads of it: its
    offset, whether it may be an inch mark, its evidence (:func:`mark_evidence`; a straight
    mark's counts double), its reopening cost (:func:`_sentence_start`) and the side it
    cannot have (:func:`_impossible_side`).

    >>> t = "He said: “We will see”, he added."
    >>> [(p, inch, ev > 0, r, side) for p, inch, ev, r, side in _paragraph_readings(
    ...     t, 0, len(t), DOUBLE_MARKS, mark_positions(t, "“”"), code_starts(t), ())]
    [(9, 0, True, None, ''), (21, 0, False, None, 'open')]
    """
    found = _paragraph_marks(text, start, end, marks, hits, codes)
    if not found:
        return []
    low_nine = any(text[p] == "„" for p, _ in found)
    out: list[MarkReading] = []
    for p, inch in found:
        ev = mark_evidence(text, p, start, end, low_nine, extra)
        # A straight mark has no shape to get wrong: its spacing is all it says, and clean
        # text spaces it reliably, so its evidence counts double.
        out.append(
            (
                p,
                int(inch),
                2 * ev if text[p] == '"' else ev,
                _sentence_start(text, p, start),
                _impossible_side(text, p, start, end),
            )
        )
    return out


def _analyse(text: str, extra: tuple[str, ...], marks: frozenset[str]) -> list[Mark]:
    """The reading behind :func:`analyse`.

    >>> [(m.char, m.role, m.unpaired) for m in analyse("we clearly perceive “, he declared")]
    [('“', 'close', True)]
    >>> [(m.char, m.role, m.confident) for m in analyse("“We will never accept it “, he said.")]
    [('“', 'open', True), ('“', 'close', True)]
    """
    positions: list[tuple[int, int, int, bool]] = []
    evidence: list[int] = []
    reopen: list[int | None] = []
    carry: list[int] = []
    cannot: list[str] = []
    gap_cost = 0
    blank_seen = False
    hits = mark_positions(text, "".join(sorted(marks)))
    if not hits:
        return []
    h = 0
    codes = code_starts(text)
    size = len(text)
    # Readings of a long text's paragraphs are kept for the next version of the text.
    known, kept = _readings(extra, marks) if size >= READINGS_FROM else (None, None)
    for start, end in _paragraphs(text):
        h0 = h
        while h < len(hits) and hits[h] < end:
            h += 1
        if h == h0:
            found: Sequence[MarkReading] = ()
        elif kept is None:
            found = _paragraph_readings(text, start, end, marks, hits[h0:h], codes, extra)
        else:
            key = (text[start - 1 if start else 0 : end + 1], start == 0, end == size)
            rel = known.get(key) if known is not None else None
            if rel is None:
                found = _paragraph_readings(text, start, end, marks, hits[h0:h], codes, extra)
                rel = tuple((p - start, i, e, r, c) for p, i, e, r, c in found)
            else:
                found = [(start + q, i, e, r, c) for q, i, e, r, c in rel]
            kept[key] = rel
        if not found:
            # Lines between two marks' paragraphs: each line of text costs CARRY_COST, a blank
            # line BLANK_CARRY_COST however many there are (so removing blank lines changes
            # nothing).
            if text[start:end].strip():
                gap_cost += CARRY_COST
            elif not blank_seen:
                gap_cost += BLANK_CARRY_COST
                blank_seen = True
            continue
        for k, (p, inch, ev, r, side) in enumerate(found):
            positions.append((p, start, end, bool(inch)))
            evidence.append(ev)
            reopen.append(r)
            cannot.append(side)
            if k == 0 and len(positions) > 1:
                # A quotation reopened at the start of a paragraph is the convention: free.
                carry.append(0 if r == 0 else gap_cost + CARRY_COST)
            else:
                carry.append(0)
        gap_cost = 0
        blank_seen = False
    if not positions:
        return []
    # Double quotations nested in double quotations are short scare quotes (“ … “lose” … ”).
    nestable = [
        q[0] + 1 < len(text) and nq[1] == q[1] and nq[0] - q[0] <= MAX_NESTED
        for q, nq in pairwise(positions)
    ] + [False]
    readings = decode_roles(evidence, reopen, carry, cannot=cannot, nestable=nestable)
    return [
        Mark(p, text[p], r.side, r.margin, start, end, inch, r.paired, r.unpaired)
        for (p, start, end, inch), r in zip(positions, readings, strict=True)
    ]


#: Left of a well-placed opening mark besides a space or the paragraph's start (``(“``).
OPEN_AFTER = frozenset("([{—–/")
#: Left of a well-placed closing mark: anything but these (and a space).
CLOSE_NOT_AFTER = HSPACE | OPEN_AFTER | frozenset(":")
#: Right of a well-placed closing mark besides a space or the paragraph's end.
CLOSE_BEFORE = HSPACE | PUNCT_AFTER
#: The marks that may stand where they are without a repair (‟ is rewritten as “).
SETTLED_OPEN = frozenset('"“')
SETTLED_CLOSE = frozenset('"”')
#: Marks a settled document does not hold (foreign styles, single guillemets).
UNSETTLED = "".join(sorted(FOREIGN_MARKS | SINGLE_GUILLEMETS))
#: The English double marks, as a string for :func:`mark_positions`.
ENGLISH_MARK_CHARS = "".join(sorted(ENGLISH_MARKS))


@lru_cache(maxsize=16)
def _verbs_start_with_letters(extra: tuple[str, ...]) -> bool:
    """Whether every reporting verb starts with a letter (what :func:`_settled_close` assumes
    of :func:`_speech_patterns`)."""
    return all(v[:1].isalpha() for v in _verb_set(extra))


def _settled_open(text: str, p: int, start: int, end: int) -> bool:
    """Whether the mark at ``p`` is an opening mark in its place: ``"`` or ``“`` after a space,
    a bracket, a dash or the paragraph's start, and right before a letter or digit.

    Such a mark has evidence >= 0 (:func:`mark_evidence`: left >= +1, right +1, a reporting
    clause after it at most -2), no impossible side, and :func:`repair` leaves it as it is.

    >>> t = 'He said “We go" (“so”'
    >>> [_settled_open(t, p, 0, len(t)) for p in (8, 14, 17, 20)]
    [True, False, True, False]
    """
    if text[p] not in SETTLED_OPEN or p + 1 >= end or not text[p + 1].isalnum():
        return False
    return p == start or text[p - 1] in HSPACE or text[p - 1] in OPEN_AFTER


def _clause_start(text: str, k: int, end: int) -> int:
    """Where a reporting clause after a closing mark starts: past the spaces at ``k``, an
    optional comma and the spaces after it (never past ``end``).

    >>> _clause_start("” , he said", 1, 11), _clause_start("”he", 1, 3)
    (4, 1)
    """
    while k < end and text[k] in HSPACE:
        k += 1
    if k < end and text[k] == ",":
        k += 1
        while k < end and text[k] in HSPACE:
            k += 1
    return k


def _settled_close(text: str, p: int, start: int, end: int, extra: tuple[str, ...]) -> bool:
    """Whether the mark at ``p`` is a closing mark in its place that no quotes rule touches:
    ``"`` or ``”`` hugging the word or punctuation before it, before a space, punctuation or
    the paragraph's end, and not followed by a capitalised reporting clause (NC203).

    Such a mark has evidence <= 0 and no impossible side, and :func:`repair` leaves it as it
    is.

    >>> t = 'a “b,” he said, “c” Said the man'
    >>> _settled_close(t, 5, 0, len(t), ()), _settled_close(t, 18, 0, len(t), ())
    (True, False)
    >>> _settled_close('a “b ” c', 5, 0, 8, ()), _settled_close('“b”c', 2, 0, 4, ())
    (False, False)
    """
    if text[p] not in SETTLED_CLOSE or p == start or text[p - 1] in CLOSE_NOT_AFTER:
        return False
    k = p + 1
    if k >= end:
        return True
    if text[k] not in CLOSE_BEFORE:
        return False
    if text[k] not in HSPACE or text[p - 1] in ".…:;":
        return True  # NC203 reads no reporting clause here
    return _no_capitalised_clause(text, p, end, extra)


def _no_capitalised_clause(text: str, p: int, end: int, extra: tuple[str, ...]) -> bool:
    """Whether NC203 finds no capitalised reporting clause after the closing mark at ``p``,
    which a space follows.

    A clause after spaces and a comma starts with a capital or it is not changed (every
    alternative of the pattern starts with a letter, and the rule lower-cases only a capital
    at that start).

    >>> t, u = "“a,” he said", "“a,” He said"
    >>> _no_capitalised_clause(t, 3, 12, ()), _no_capitalised_clause(u, 3, 12, ())
    (True, False)
    """
    k = _clause_start(text, p + 1, end)
    if k < end and text[k].islower():
        return True
    return capitalised_speech_verb(text, p, end, extra) is None


@lru_cache(maxsize=16)
def _settled_bytes_re(extra: tuple[str, ...]) -> re.Pattern[bytes]:
    r"""A pattern of the texts without a URL or a curly mark, read as UTF-8 bytes, that
    :func:`settled` proves mark by mark with no reopening: text without a straight mark, and
    quotations that each open and close in one paragraph, all in one pass of ``re``.

    A quotation: an opening mark (:func:`_settled_open`: after a paragraph's start, a space,
    ``([{/``, and before a letter or digit), text without a mark or a line break (in one
    quotation of the text, a reopening mark after ``.?!`` and spaces may stand there), a closing
    mark after no space, ``([{/:`` or digit (:func:`_settled_close`; no inch mark), then the
    paragraph's end or punctuation, or a space after ``.:;``, or a space and what NC203
    leaves alone (:func:`_no_capitalised_clause`): a lower-case letter, no letter (a reporting
    clause starts with one), or an ASCII word that is no clause head
    (:func:`_no_clause_head`). Such marks are none of
    what :func:`settled` fails on (apostrophes, inch marks, doubled marks), and code or URL
    exclusions could only drop whole quotations from its reading.

    A byte beyond ASCII (``\x80``-``\xff``) stands for a character beyond ASCII, any one (a
    no-break space, a letter, a dash), so the pattern never lets one decide for a mark: it is
    no space, bracket, letter or digit where an opening mark needs one before or after it; a
    closing mark after it is refused (``—"`` and a no-break space before a mark are no
    settled closings); and a reporting clause may not start with it (the mark-by-mark
    reading skips a no-break space there, and a name beyond ASCII may open a clause).
    Everywhere else the marks' neighbours are ASCII characters, the same in the text and its
    bytes, so what the pattern proves of the bytes the mark-by-mark reading proves of the
    text (a reporting verb of ASCII letters cannot run into a character beyond ASCII, and a
    clause's first ASCII word followed by one is refused if it is a clause head, as in the
    text). Without ASCII reporting verbs it matches nothing.

    >>> p = _settled_bytes_re(())
    >>> bool(p.fullmatch(b'"We will see," he said. "It is," Mr Smith said.\n"Fine" (x).'))
    True
    >>> [bool(p.fullmatch(t)) for t in (b'"Yes," He said.', b'"a "b."', b'a 12" pipe')]
    [False, False, False]
    >>> bool(p.fullmatch(b'"a. "b."')), bool(p.fullmatch(b'"a. "b." "c. "d."'))
    (True, False)
    >>> bool(p.fullmatch('"We will see," he said of the £5 plan — "a start".'.encode()))
    True
    >>> [bool(p.fullmatch(t.encode())) for t in ('"a—" b', '"a," \xa0He said', '"é"')]
    [False, False, False]
    """
    if _ascii_verbs(extra) is None:
        return re.compile(b"(?!)")
    heads = "|".join(sorted(re.escape(h) for h in _clause_heads(extra)))
    clause = rf"[ \t]*+,?+[ \t]*+(?:[a-z]|(?![\x80-\xff])(?!(?i:{heads})(?![A-Za-z])))"
    opening = r'"(?:(?<=^")|(?<=[\n \t(\[{/]"))(?=[A-Za-z0-9])'
    closing = (
        r'[^"\n]*+(?<=[^ \t(\[{/:0-9\n\x80-\xff])"'
        rf"(?=[.,;:!?)\]]|\r?\n|\r?\Z|(?<=[.:;]\")[ \t]|[ \t]{clause})"
    )
    # One quotation of the text may be reopened once after a sentence (R then costs
    # SENTENCE_REOPEN_COST < MIN_MARGIN): ``"It is. "And more," he said``.
    reopened = r'[^"\n]*[.?!][ \t]++"(?=[A-Za-z0-9])'
    plain = rf'(?:[^"]++|{opening}{closing})*+'
    pattern = rf"{plain}(?:{opening}{reopened}{closing}{plain})?".encode("ascii")
    # Kept compiled in the cache folder (see newsclean.resources.compiled_re_patterns).
    return compiled_re_patterns("quotes-settled", (pattern,))[0]


def _spaced_close(text: str, p: int, start: int, end: int, extra: tuple[str, ...]) -> bool:
    """Whether the mark at ``p`` is a straight mark spaced on both sides (``months, " he
    said``) that closes at no price and that no quotes rule touches as a closing mark.

    Its evidence is <= 0 (so closing costs nothing); NC201 never repairs a straight mark with
    the same spacing on both sides (:func:`_straight_repairable`), and NC203 finds no
    capitalised reporting clause after it. (The caller makes sure a mark stands before it in
    its paragraph, so closing is possible.)

    >>> t = 'over the months, " he said. An "odd " He said. Then: " We'
    >>> _spaced_close(t, 17, 0, len(t), ()), _spaced_close(t, 36, 0, len(t), ())
    (True, False)
    >>> _spaced_close(t, 53, 0, len(t), ())  # it looks like an opening mark
    False
    """
    return (
        text[p] == '"'
        and p > start
        and p + 1 < end
        and text[p - 1] in HSPACE
        and text[p + 1] in HSPACE
        and mark_evidence(text, p, start, end, False, extra) <= 0
        and _no_capitalised_clause(text, p, end, extra)
    )


def _unfrozen_marks(
    text: str, start: int, end: int, hits: list[int], urls: bool, codes: str | None = None
) -> list[int] | None:
    """The double marks :func:`_paragraph_marks` reads in a paragraph of a text without
    foreign marks (``hits``: their offsets), or ``None`` when one of them may be frozen (an
    inch mark, doubled marks: :func:`settled` leaves such paragraphs to the analysis).

    ``urls``: whether the text has a URL or e-mail hint (then the full scan runs); ``codes``:
    :func:`code_starts` of ``text``, when the caller has it.

    >>> t = 'He said “it”s” 12" long'
    >>> _unfrozen_marks(t, 0, 23, [8, 11, 13], False), _unfrozen_marks(t, 0, 23, [17], False)
    ([8, 13], None)
    """
    if urls:
        found = _paragraph_marks(text, start, end, DOUBLE_MARKS, hits, codes)
        if any(frozen for _, frozen in found):
            return None
        return [p for p, _ in found]
    if code_like(text, start, end, codes):
        return []
    out = []
    last = -2
    for p in hits:
        if _used_as_apostrophe(text, p, start, end):
            continue
        if p == last + 1 or _may_be_inch(text, p, end):
            return None
        last = p
        out.append(p)
    return out


@lru_cache(maxsize=8)
def settled(text: str, extra: tuple[str, ...] = ()) -> bool:
    """Whether no quotes rule has anything to change or report in ``text``: a cheap, exact
    test that lets the rules skip :func:`analyse` on clean documents.

    It holds when the text has no foreign marks or single guillemets and its double marks
    (those :func:`_paragraph_marks` reads, none frozen) have a reading *R* that pairs them
    all (open, close, open, close …, where a quotation left open at a paragraph's end is
    reopened at the next one's start, or reopened after a sentence inside a paragraph) with
    each opening mark :func:`_settled_open` and each closing mark :func:`_settled_close` or
    :func:`_spaced_close` (not the first mark of its paragraph).

    Why that is exact: every price in :func:`decode_roles` is >= 0, and *R* costs only its
    reopenings inside paragraphs, ``C`` (:data:`SENTENCE_REOPEN_COST` each; its marks' sides
    agree with their evidence and none is impossible: a closing mark has another mark before
    it in its paragraph). So for each mark the best reading
    with *R*'s side costs <= ``C``: the decoder gives the mark *R*'s side, or the other one
    with a margin <= ``C`` - (the best price of the other side). When ``C`` <
    :data:`MIN_MARGIN` that margin is too small for any rule to act on, and pairing the mark
    costs <= ``C`` < :data:`STRAY_COST`, so it is never unpaired; otherwise :func:`_bounded`
    shows the other side and leaving the mark unpaired cost enough. With *R*'s side,
    :func:`repair` leaves a settled mark as it is (NC201 drops its change of a
    :func:`_spaced_close` mark) and NC203 finds no capital to lower.

    >>> settled('“We will see,” he said. The "plan" (“so-called”) works.')
    True
    >>> settled("“It runs on.\\n“And ends here,” she said."), settled("“It runs on.\\nEnds”.")
    (True, False)
    >>> settled("we clearly perceive “, he declared"), settled("an “odd” “ mark")
    (False, False)
    >>> settled("“Yes,” He said."), settled("No quotes at all.")
    (False, True)
    """
    plain = text.isascii()  # (then no curly, foreign or guillemet marks)
    if (not plain and any(c in text for c in UNSETTLED)) or not _verbs_start_with_letters(extra):
        return False
    urls = "@" in text or ("/" in text and "://" in text) or "www." in text
    if (
        not urls
        and (plain or ("“" not in text and "”" not in text and "‟" not in text))
        and _settled_bytes_re(extra).fullmatch(text.encode("utf-8", "surrogatepass")) is not None
    ):
        return True  # (a text without marks among them: the pattern reads it whole)
    hits = mark_positions(text, '"' if plain else ENGLISH_MARK_CHARS)
    if not hits:
        return True
    codes = code_starts(text)
    n = len(text)
    cost = 0
    inside = False
    # R, for the bound below: (offset, paragraph start, end, first in its paragraph, opens),
    # and its quotations that reopen: (first mark, end of marks, price of the reopenings).
    reading: list[tuple[int, int, int, bool, bool]] = []
    reopened: list[tuple[int, int, int]] = []
    quote_start = quote_cost = 0
    h = 0
    while h < len(hits):
        start = text.rfind("\n", 0, hits[h]) + 1
        nl = text.find("\n", hits[h])
        end = n if nl == -1 else nl
        if end > start and text[end - 1] == "\r":
            end -= 1
        h0 = h
        while h < len(hits) and hits[h] < end:
            h += 1
        if urls:
            found = _unfrozen_marks(text, start, end, hits[h0:h], urls, codes)
            if found is None:
                return False
        elif code_like(text, start, end, codes):
            continue
        else:
            found = hits[h0:h]
        k = 0
        last = -2
        for p in found:
            c = text[p]
            prev = text[p - 1] if p > start else ""
            nxt = text[p + 1] if p + 1 < end else ""
            if not urls:
                # _unfrozen_marks, inlined: a double mark used as an apostrophe (don”t) is
                # not read; doubled marks and inch marks may be frozen.
                if (
                    nxt in APOSTROPHE_STARTS
                    and prev.isalpha()
                    and APOSTROPHE_AFTER_RE.match(text, p + 1, end) is not None
                ):
                    continue
                if p == last + 1 or (c == '"' and prev.isdigit() and not nxt.isalnum()):
                    return False
                last = p
            # _settled_open, inlined (it runs for every mark of most documents).
            opens = (
                c in SETTLED_OPEN
                and nxt.isalnum()
                and (prev == "" or prev in HSPACE or prev in OPEN_AFTER)
            )
            reading.append((p, start, end, k == 0, opens))
            if not inside:
                if not opens:
                    return False
                inside = True
                quote_start, quote_cost = len(reading) - 1, 0
            elif (
                k > 0
                and not opens
                # _settled_close, inlined up to its reporting-clause test.
                and c in SETTLED_CLOSE
                and prev != ""
                and prev not in CLOSE_NOT_AFTER
                and (
                    nxt == ""
                    or (
                        nxt in CLOSE_BEFORE
                        and (
                            nxt not in HSPACE
                            or prev in ".…:;"
                            or _no_capitalised_clause(text, p, end, extra)
                        )
                    )
                )
            ) or (k > 0 and _spaced_close(text, p, start, end, extra)):
                inside = False
                if quote_cost:
                    reopened.append((quote_start, len(reading), quote_cost))
            else:
                # Inside a quotation, an opening mark reopens it: free at a paragraph's
                # start, SENTENCE_REOPEN_COST after a sentence. The first mark of a paragraph
                # read any other way pays for carrying the quotation over the break.
                r = _sentence_start(text, p, start) if opens else None
                if r is None or (k == 0 and r != 0):
                    return False
                cost += r
                quote_cost += r
            k += 1
    if inside:
        return False
    return cost < MIN_MARGIN or _bounded(text, extra, reading, reopened, cost)


def _bounded(
    text: str,
    extra: tuple[str, ...],
    reading: list[tuple[int, int, int, bool, bool]],
    reopened: list[tuple[int, int, int]],
    cost: int,
) -> bool:
    """Whether the marks of ``reading`` (R of :func:`settled`, which costs ``cost``) are read
    as R says or without confidence, and none is left unpaired, for documents where R reopens
    more than one quotation inside a paragraph.

    Split R into its quotations (R is outside between them): ``reopened`` lists the ones that
    cost something, each with its price ``C_q``; the others cost nothing. Every price of the
    decoder is >= 0, so any reading costs at least the sum, over the quotations, of the
    cheapest reading of each quotation's marks alone (``L_q``, starting and ending in any
    state: :func:`_marginals` with ``free_ends``), and a reading that gives mark ``i`` of
    quotation ``q`` another side (or none) at least that sum with ``L_q`` replaced by the
    cheapest such reading of ``q`` alone, ``O_i``. The best reading with R's side for mark
    ``i`` costs at most ``cost``. So the margin by which the decoder could give mark ``i``
    another side is at most ``excess + (C_q - O_i) - (C_q - L_q)`` for a quotation that
    costs something and ``excess`` for one that does not, where ``excess`` is the sum of
    ``C_q - L_q``: when those stay below :data:`MIN_MARGIN`, no rule acts on any mark.
    Likewise a reading that leaves mark ``i`` unpaired costs at least the sum with ``L_q``
    replaced by ``S_i``, the cheapest such reading of ``q`` alone (of a quotation that costs
    nothing, at least :data:`STRAY_COST`), and pairing it at most ``cost``: the decoder pairs
    it when ``S_i - C_q > excess - (C_q - L_q)`` (and ``STRAY_COST > excess``).

    The quotations alone are read with the prices :func:`_analyse` gives their marks, or
    lower bounds of them: the same evidence (:func:`mark_evidence`, reporting clause
    included), impossible sides without the clause test (which only adds prices), the carry
    over a paragraph break without the lines in between. The marks of quotations that cost
    nothing, most of a document's, are not read at all.

    >>> settled(
    ...     '"Growth is strong," said Mr Toutai. "Spending is high. "We cannot sustain it." '
    ...     'Jobs fell. "It is balanced," said Mr Claquin. "Consumption is strong. "But it will '
    ...     'fall."'
    ... )
    True
    """
    n = len(text)
    last = len(reading) - 1
    excess = 0
    # (C_q - L_q, C_q - O_i, S_i - C_q) per mark of such quotations.
    others: list[tuple[int, int, int]] = []
    for first, stop, quote_cost in reopened:
        evidence: list[int] = []
        reopen: list[int | None] = []
        carry: list[int] = []
        cannot: list[str] = []
        nestable: list[bool] = []
        for i in range(first, stop):
            p, start, end, first_in_paragraph, _ = reading[i]
            e = mark_evidence(text, p, start, end, False, extra)
            evidence.append(2 * e if text[p] == '"' else e)  # straight marks count double
            r = _sentence_start(text, p, start)
            reopen.append(r)
            cannot.append(_impossible_side(text, p, start, end, read_clause=False))
            carry.append(CARRY_COST if first_in_paragraph and i > 0 and r != 0 else 0)
            nq = reading[i + 1] if i < last else None
            nestable.append(
                nq is not None and p + 1 < n and nq[1] == start and nq[0] - p <= MAX_NESTED
            )
        co, cc, nco, reo = _prices(evidence, reopen, cannot, nestable)
        as_opens, as_closes, as_strays = _marginals(
            co, cc, nco, reo, carry, STRAY_COST, STRAY_COST, free_ends=True
        )
        best = min(as_opens[0], as_closes[0], as_strays[0])
        excess += quote_cost - best
        if excess >= MIN_MARGIN:
            return False
        for k in range(stop - first):
            other = as_closes[k] if reading[first + k][4] else as_opens[k]
            others.append(
                (
                    quote_cost - best,
                    quote_cost - min(other, as_strays[k]),
                    as_strays[k] - quote_cost,
                )
            )
    return all(
        excess - own + flip < MIN_MARGIN and stray > excess - own for own, flip, stray in others
    )


def document_style(text: str) -> str:
    """``"curly"`` or ``"straight"``: the document's own double quotes.

    Decided by its English double quotes, then by its apostrophes; curly when nothing tells.
    The curly mark that closes a „…“ or „…” quotation belongs to that foreign style and does
    not count.

    >>> document_style('He said "yes" and “no”, "maybe".'), document_style("it’s «fine»")
    ('straight', 'curly')
    >>> document_style("it's „fine”"), document_style("it's “fine”")
    ('straight', 'curly')
    """
    curly = max(0, sum(text.count(c) for c in "“”‟") - text.count("„"))
    straight = text.count('"')
    if curly or straight:
        return "curly" if curly >= straight else "straight"
    return "straight" if text.count("'") > text.count("’") else "curly"


def _glyph(mark: Mark, style: str) -> str:
    if mark.char == '"':
        return '"'
    if mark.char in "“”‟" or style == "curly":
        return "“" if mark.role == OPEN else "”"
    return '"'


def repair(text: str, mark: Mark, glyph: str) -> Change | None:
    """The change that gives a paired mark ``glyph`` and puts the space on its outer side.

    An opening mark hugs the word after it, a closing mark the word or punctuation before
    it; spaces next to another quotation mark are left alone.

    >>> t = "clearly perceive “, he declared"
    >>> m = Mark(t.index("“"), "“", CLOSE, 9, 0, len(t))
    >>> c = repair(t, m, "”"); t[:c.start] + c.replacement + t[c.end:]
    'clearly perceive”, he declared'
    >>> t = "adding that” the responses"
    >>> m = Mark(t.index("”"), "”", OPEN, 9, 0, len(t))
    >>> c = repair(t, m, "“"); t[:c.start] + c.replacement + t[c.end:]
    'adding that “the responses'
    """
    p, start, end = mark.pos, mark.para_start, mark.para_end
    left, right = p, p + 1
    before, after = "", ""
    if mark.role == OPEN:
        if p > start and (text[p - 1].isalnum() or text[p - 1] in OPEN_NEEDS_SPACE_AFTER):
            before = " "
        if p + 1 < end and text[p + 1] in HSPACE:
            k = p + 1
            while k < end and text[k] in HSPACE:
                k += 1
            if (
                k < end
                and text[k] not in QUOTE_LIKE
                and (text[k].isalnum() or text[k] in OPEN_HUGS)
            ):
                right = k
    else:
        if p > start and text[p - 1] in HSPACE:
            j = p - 1
            while j >= start and text[j] in HSPACE:
                j -= 1
            if (
                j >= start
                and text[j] not in QUOTE_LIKE
                and (text[j].isalnum() or text[j] in CLOSE_HUGS)
            ):
                left = j + 1
        if p + 1 < end and text[p + 1].isalnum():
            after = " "
    replacement = before + glyph + after
    if left == p and right == p + 1 and replacement == text[p]:
        return None
    message = (
        f"{'opening' if mark.role == OPEN else 'closing'} quotation mark"
        + (f" {text[p]!r} → {glyph!r}" if glyph != text[p] else "")
        + (" moved to hug its quotation" if (left, right) != (p, p + 1) or before or after else "")
    )
    return Change(left, right, replacement, message)


def _straight_repairable(text: str, mark: Mark) -> bool:
    """Whether a straight mark may be repaired: only when its own spacing leans the way the
    pairing reads it and is not symmetric (``x " y``, ``x."Y`` say nothing), so that clean
    straight-quoted text, whose spacing is what tells its marks apart, is never re-read.

    >>> t = 'the premodernity ", he explained'
    >>> _straight_repairable(t, Mark(t.index('"'), '"', CLOSE, 9, 0, len(t)))
    True
    >>> t = 'over the months, " he said'
    >>> _straight_repairable(t, Mark(t.index('"'), '"', CLOSE, 9, 0, len(t)))
    False
    """
    p, start, end = mark.pos, mark.para_start, mark.para_end
    left_space = p > start and text[p - 1] in HSPACE
    right_space = p + 1 < end and text[p + 1] in HSPACE
    left_attached = p > start and not left_space
    right_attached = p + 1 < end and not right_space
    if left_space == right_space or (left_attached and right_attached):
        return False
    ev = mark_evidence(text, p, start, end)
    return ev > 0 if mark.role == OPEN else ev < 0


def _flipped_spacing(text: str, mark: Mark) -> bool:
    """Whether a straight mark has exactly the spacing of the other side: an opening mark
    glued to the word before it with a space after it (``it" would``), a closing mark with
    a space before it and punctuation or the end after it (``firmly ".``).

    >>> t = 'it" would respond firmly ".'
    >>> _flipped_spacing(t, Mark(2, '"', OPEN, 9, 0, len(t)))
    True
    >>> _flipped_spacing(t, Mark(t.rindex('"'), '"', CLOSE, 9, 0, len(t)))
    True
    """
    p, start, end = mark.pos, mark.para_start, mark.para_end
    if mark.role == OPEN:
        return (
            p > start
            and text[p - 1].isalnum()
            and p + 2 < end
            and text[p + 1] == " "
            and text[p + 2].isalnum()
        )
    return (
        p - 1 > start
        and text[p - 1] == " "
        and text[p - 2].isalnum()
        and (p + 1 >= end or text[p + 1] in ".,;:!?)")
    )


def _misplaced_quotes(text: str, ctx: Context) -> Iterator[Change]:
    if not any(c in text for c in ENGLISH_MARKS) or settled(text, speech_verbs(ctx)):
        return
    style = document_style(text)
    marks = analyse(text, ctx)
    by_order = ordered_lines(text, marks, speech_verbs(ctx))
    left_out = lines_left_out(text, marks)
    # The paragraphs whose last mark the reading left unsure: there the pairing may be off
    # by one, and a mark spaced on both sides is not placed by its partner.
    last: dict[int, Mark] = {mark.para_start: mark for mark in marks}
    shaky = {start for start, mark in last.items() if not mark.confident}
    for k, mark in enumerate(marks):
        if k in by_order:
            change = by_order[k]
            if change is not None:
                yield change
            continue
        if mark.char not in ENGLISH_MARKS or mark.frozen:
            continue
        if mark.char == '"' and mark.para_start in left_out:
            continue  # a straight mark read as an inch mark may have been its partner
        if not mark.confident:
            if _glued(text, mark):
                yield _glued_report(mark)
            continue
        change = repair(text, mark, _glyph(mark, style))
        # (_straight_repairable reads the mark's evidence again: asked only of a change.)
        if change is not None and (
            mark.char != '"'
            or _straight_repairable(text, mark)
            or _pair_flipped(text, marks, k, shaky)
        ):
            yield change
        elif _glued(text, mark):
            yield _glued_report(mark)


def lines_left_out(text: str, marks: list[Mark]) -> set[int]:
    """The starts of the lines that hold a straight mark the reading left out as an inch
    mark (``the channel "360", the ship" Kazan"``: ``360"`` may close a quotation), so that
    the straight marks read there may be paired wrongly.

    >>> t = 'He bought a 55" TV and a "new" one.\\nA "b" c'
    >>> sorted(lines_left_out(t, analyse(t)))
    [0]
    """
    read: dict[tuple[int, int], int] = {}
    for mark in marks:
        if mark.char == '"':
            line = (mark.para_start, mark.para_end)
            read[line] = read.get(line, 0) + 1
    out = set()
    for (start, end), count in read.items():
        if text.count('"', start, end) == count:
            continue
        p = text.find('"', start, end)
        while p != -1:
            if _may_be_inch(text, p, end) and not _used_as_apostrophe(text, p, start, end):
                out.add(start)
                break
            p = text.find('"', p + 1, end)
    return out


def _glued(text: str, mark: Mark) -> bool:
    """Whether a straight mark stands between two letters or digits (``boat"Chuvashia``,
    ``a"serious``): a space is missing on one side, and which one only its partner tells.

    >>> t = 'the boat"Chuvashia".'
    >>> _glued(t, Mark(8, '"', OPEN, 0, 0, len(t))), _glued(t, Mark(18, '"', CLOSE, 0, 0, len(t)))
    (True, False)
    """
    p, start, end = mark.pos, mark.para_start, mark.para_end
    return (
        mark.char == '"' and start < p < end - 1 and text[p - 1].isalnum() and text[p + 1].isalnum()
    )


def _glued_report(mark: Mark) -> Change:
    return Change(
        mark.pos,
        mark.pos + 1,
        None,
        "straight quotation mark glued to the words on both sides: a space is missing on "
        "the side its partner does not tell (left as it is)",
    )


def ordered_lines(
    text: str, marks: list[Mark], extra: tuple[str, ...] = ()
) -> dict[int, Change | None]:
    """Repairs of straight marks that their order alone decides: in a line whose marks are
    all straight, an even number, after an even number of marks in the text, the marks open
    and close in turn (``the corvette" Stoyky", the cruiser" Eagle"``, ``is"very
    serious"and``). Keyed by the index of each mark of such lines in ``marks`` (``None``: the
    mark is in place).

    A line qualifies only when that reading is possible for every mark (no opening mark
    before punctuation or the line's end, no closing mark at its start, no empty quotation),
    the decoder reads its first mark as opening and its last as closing, and no mark it reads
    confidently has the other side. A line whose marks all stand where :func:`settled`
    accepts them is left as it is (``months, " he said`` included), so the rules' answers
    stay those of a text :func:`settled` passes.

    >>> t = 'A ship" Stoyky", a cruiser" Eagle" and the" Bykov "(1989).'
    >>> c = ordered_lines(t, analyse(t)); apply_changes(t, [x for x in c.values() if x])
    'A ship "Stoyky", a cruiser "Eagle" and the "Bykov" (1989).'
    >>> t = 'We win," he said, "and more.'  # (a quotation that opened on an earlier line)
    >>> u = "“We go.\\n" + t
    >>> ordered_lines(u, analyse(u))
    {}
    """
    out: dict[int, Change | None] = {}
    k = 0
    n = len(marks)
    while k < n:
        j = k
        start = marks[k].para_start
        while j < n and marks[j].para_start == start:
            j += 1
        if _orderable(text, marks, k, j, extra):
            for i in range(k, j):
                out[i] = _order_repair(text, marks[i], OPEN if (i - k) % 2 == 0 else CLOSE)
        k = j
    return out


def _orderable(text: str, marks: list[Mark], k: int, j: int, extra: tuple[str, ...]) -> bool:
    """Whether the marks ``marks[k:j]`` of one line may be read in turn (:func:`ordered_lines`)."""
    if k % 2 or (j - k) % 2 or marks[k].role != OPEN or marks[j - 1].role != CLOSE:
        return False
    start, end = marks[k].para_start, marks[k].para_end
    if text.count('"', start, end) != j - k:
        return False  # marks the reading left out (inch marks, apostrophes, URLs)
    if all(
        _settled_open(text, m.pos, start, end)
        if (i - k) % 2 == 0
        else (
            _settled_close(text, m.pos, start, end, extra)
            or _spaced_close(text, m.pos, start, end, extra)
        )
        for i, m in enumerate(marks[k:j], k)
    ):
        return False  # nothing out of place that settled() would not pass
    for i in range(k, j):
        mark = marks[i]
        role = OPEN if (i - k) % 2 == 0 else CLOSE
        if mark.char != '"' or mark.frozen or (mark.confident and mark.role != role):
            return False
        if _impossible_side(text, mark.pos, mark.para_start, mark.para_end) == role:
            return False
        if role == CLOSE and not text[marks[i - 1].pos + 1 : mark.pos].strip():
            return False  # an empty quotation
        if _shaped_against(text, mark.pos, mark.para_start, mark.para_end, role):
            return False
    shapes = [_shape(text, m.pos, m.para_start, m.para_end) for m in marks[k:j]]
    anchored = False
    for i in range(j - k - 1):
        role, next_role = (OPEN, CLOSE) if i % 2 == 0 else (CLOSE, OPEN)
        if shapes[i] == OPEN and shapes[i + 1] == OPEN:
            return False  # ``"By "creating``: a nested quotation or a lost closing mark
        if not anchored and shapes[i] not in ("", role) and shapes[i + 1] not in ("", next_role):
            return False  # ``Eren" UAV … reports "MIR24"``: the shapes read the other way
        anchored = anchored or (role == CLOSE and shapes[i] == CLOSE)
    return True


def _shape(text: str, p: int, start: int, end: int) -> str:
    """The side the spacing of the mark at ``p`` alone gives it: ``open`` (a space, a bracket
    or the line's start before it and a letter or digit after it), ``close`` (a letter, a
    digit or punctuation before it and a space, punctuation or the line's end after it),
    else ``""``.

    >>> t = 'the" communal " x"y (y) "z'
    >>> [_shape(t, p, 0, len(t)) for p, c in enumerate(t) if c == '"']
    ['close', '', '', 'open']
    """
    before = text[p - 1] if p > start else " "
    after = text[p + 1] if p + 1 < end else " "
    if (before in HSPACE or before in OPEN_AFTER) and after.isalnum():
        return OPEN
    if (before.isalnum() or before in CLOSING_PUNCT_BEFORE) and (
        after in HSPACE or after in PUNCT_AFTER
    ):
        return CLOSE
    return ""


def _shaped_against(text: str, p: int, start: int, end: int, role: str) -> bool:
    """Whether the straight mark at ``p`` has the clear shape of the side other than
    ``role``: a mark that opens a sentence (``tax. "With``: a quotation reopened after a
    sentence) cannot close, and a mark after punctuation with a space after it (``said." He``)
    or after a plural's ``s`` (``the Headmasters" Conference``: an apostrophe) cannot open.

    >>> t = 'poll tax. "With Labour'
    >>> _shaped_against(t, 10, 0, len(t), CLOSE), _shaped_against(t, 10, 0, len(t), OPEN)
    (True, False)
    >>> t = 'the Headmasters" and the corvette" Stoyky'
    >>> _shaped_against(t, 15, 0, len(t), OPEN), _shaped_against(t, 33, 0, len(t), OPEN)
    (True, False)
    """
    after_space = p + 1 < end and text[p + 1] in HSPACE
    if role == CLOSE:
        if after_space or p + 1 >= end or not text[p + 1].isalnum():
            return False
        j = p - 1
        while j >= start and text[j] in HSPACE:
            j -= 1
        return j < p - 1 and j >= start and text[j] in ".?!…"
    return after_space and p > start and (text[p - 1] in ".?!,;:…" or text[p - 1] == "s")


def _order_repair(text: str, mark: Mark, role: str) -> Change | None:
    """:func:`repair` of a straight mark given ``role``, which also spaces a closing mark from
    a bracket after it (``Ted"(1989)``).

    >>> t = 'from " The Incredible Ted "(1989)'
    >>> c = _order_repair(t, Mark(26, '"', CLOSE, 0, 0, len(t)), CLOSE)
    >>> (t[c.start : c.end], c.replacement) if c else None
    (' "', '" ')
    """
    placed = mark._replace(role=role)
    change = repair(text, placed, '"')
    p, end = mark.pos, mark.para_end
    if role == CLOSE and p + 1 < end and text[p + 1] in "([":
        if change is None:
            return Change(p, p + 1, '" ', "closing quotation mark spaced from the bracket after it")
        return Change(change.start, change.end, f"{change.replacement} ", change.message)
    return change


def _pair_flipped(
    text: str, marks: list[Mark], k: int, shaky: Collection[int] = frozenset()
) -> bool:
    """Whether the straight mark ``marks[k]`` and its partner (the confident mark of the
    other side next to it in the same paragraph) both have the other side's spacing, and the
    partner is repairable on its own evidence: ``it" would respond firmly ".``. Then the
    pair is repaired together; alone, the partner's repair would leave half a pair wrong.
    ``shaky``: the starts of the paragraphs whose last mark the reading left unsure (the
    pairing there may be off by one).
    """
    mark = marks[k]
    j = k + 1 if mark.role == OPEN else k - 1
    if not 0 <= j < len(marks):
        return False
    partner = marks[j]
    if not (
        partner.char == '"'
        and partner.role != mark.role
        and partner.confident
        and not partner.frozen
        and partner.para_start == mark.para_start
    ):
        return False
    if _flipped_spacing(text, mark):
        return _flipped_spacing(text, partner) and _straight_repairable(text, partner)
    # An opening mark spaced on both sides (``said " we will respond firmly", the``) says
    # nothing by its own spacing; its partner, in place, says which side it is. (A closing
    # mark spaced so, ``months, " he said``, is left: :func:`settled` counts on that.)
    return (
        mark.role == OPEN
        and mark.para_start not in shaky
        and _spaced_both(text, mark)
        and repair(text, partner, '"') is None
    )


def _spaced_both(text: str, mark: Mark) -> bool:
    """Whether a straight mark stands between spaces, with words beyond them.

    >>> t = 'He said " we will"'
    >>> [_spaced_both(t, Mark(p, '"', OPEN, 9, 0, len(t))) for p in (8, 17)]
    [True, False]
    """
    p, start, end = mark.pos, mark.para_start, mark.para_end
    return (
        p - 1 > start
        and p + 2 < end
        and text[p - 1] == " "
        and text[p + 1] == " "
        and (text[p - 2].isalnum() or text[p - 2] in ",.;:!?")
        and text[p + 2].isalnum()
    )


def _nested_depths(text: str, ctx: Context) -> list[tuple[int, int]]:
    """Spans inside confidently paired double quotations."""
    spans = []
    opened = -1
    for mark in analyse(text, ctx):
        if mark.role == OPEN and mark.confident:
            opened = mark.pos
        elif mark.role == CLOSE and mark.confident and opened >= 0:
            spans.append((opened, mark.pos))
            opened = -1
    return spans


def foreign_partner(marks: Sequence[Mark], k: int, style: str) -> Mark | None:
    """The curly English mark paired with the foreign mark ``marks[k]`` that must turn
    straight with it in a document of straight quotes (``style``), else None.

    A „…“ or „…” quotation closes with an English curly mark: converting only the „ would
    leave ``"We are not afraid”`` in a document that writes ``"…"``. In a document of curly
    quotes the partner already has the document's style (NC201 gives it its side's shape).

    >>> t = 'He said "yes". Duda said: „We are not afraid“.'
    >>> marks = analyse(t)
    >>> k = next(i for i, m in enumerate(marks) if m.char == "„")
    >>> foreign_partner(marks, k, "straight").char, foreign_partner(marks, k, "curly")
    ('“', None)
    """
    mark = marks[k]
    if style != "straight":
        return None
    j = k + 1 if mark.role == OPEN else k - 1
    if not 0 <= j < len(marks):
        return None
    partner = marks[j]
    wanted = CLOSE if mark.role == OPEN else OPEN
    if (
        partner.role != wanted
        or partner.char not in "“”‟"
        or partner.frozen
        or not partner.confident
        or partner.para_start != mark.para_start
    ):
        return None
    return partner


def dutch_pairs(text: str) -> list[tuple[int, int]]:
    """The Dutch quotations ``,,…''`` of ``text``: (offset of ``,,``, offset of ``''``).

    ``,,`` opens one after a space, a bracket or the line's start and before a letter or
    digit; the first ``''`` after it in its line closes it, after no space and before no
    letter or digit, with no other ``,,`` between them (``Rhodes,, Samos`` and ``''poaching''``
    are no such quotation).

    >>> t = "leave now. ,,The situation is serious'', said Hoekstra. ,,Go'' and ''x''"
    >>> [t[a : b + 2] for a, b in dutch_pairs(t)]
    [",,The situation is serious''", ",,Go''"]
    """
    opens = _pair_positions(text, ",,")
    if not opens:
        return []
    closes = _pair_positions(text, "''")
    out: list[tuple[int, int]] = []
    n = len(text)
    c = 0
    for k, i in enumerate(opens):
        if out and i < out[-1][1]:
            continue
        before = text[i - 1] if i > 0 else " "
        if not (before.isspace() or before in "([") or i + 2 >= n or not text[i + 2].isalnum():
            continue
        while c < len(closes) and closes[c] < i + 2:
            c += 1
        if c == len(closes):
            break
        j = closes[c]
        if (k + 1 < len(opens) and opens[k + 1] < j) or text.find("\n", i, j) != -1:
            continue  # another ``,,`` first, or the line ends first
        if text[j - 1].isspace() or text[j - 1] == "'" or (j + 2 < n and text[j + 2].isalnum()):
            continue
        if j + 2 < n and text[j + 2] == "'":
            continue
        out.append((i, j))
    return out


def _pair_positions(text: str, pair: str) -> list[int]:
    """Offsets of the non-overlapping occurrences of the two-character ``pair``.

    >>> _pair_positions(",,,a,,", ",,")
    [0, 4]
    """
    out = []
    i = text.find(pair)
    while i != -1:
        out.append(i)
        i = text.find(pair, i + 2)
    return out


def _dutch_quotes(text: str) -> list[Change]:
    """Changes that turn the Dutch quotations of ``text`` into the document's own quotes
    (its style read without them: their ``''`` are no apostrophes).

    >>> t = "He said: ,,We leave''. It’s over."
    >>> [(t[c.start:c.end], c.replacement) for c in _dutch_quotes(t)]
    [(',,', '“'), ("''", '”')]
    """
    pairs = dutch_pairs(text)
    if not pairs:
        return []
    rest = []
    last = 0
    for _, j in pairs:
        rest.append(text[last:j])
        last = j + 2
    rest.append(text[last:])
    curly = document_style("".join(rest)) == "curly"
    changes = []
    for i, j in pairs:
        changes.append(
            Change(i, i + 2, "“" if curly else '"', "Dutch opening quotation mark ',,' converted")
        )
        changes.append(
            Change(j, j + 2, "”" if curly else '"', "Dutch closing quotation mark \"''\" converted")
        )
    return changes


def _foreign_quotes(text: str, ctx: Context) -> Iterator[Change]:
    dutch = _dutch_quotes(text) if ",," in text else []
    if not any(c in text for c in FOREIGN_MARKS | SINGLE_GUILLEMETS):
        yield from dutch
        return
    style = document_style(text)
    changes = dutch
    if any(c in text for c in FOREIGN_MARKS):
        marks = analyse(text, ctx)
        for k, mark in enumerate(marks):
            if mark.char not in FOREIGN_MARKS or mark.frozen or not mark.confident:
                continue
            change = repair(text, mark, _glyph(mark, style))
            if change is not None:
                changes.append(change)
            partner = foreign_partner(marks, k, style)
            if partner is not None:
                change = repair(text, partner, '"')
                if change is not None:
                    changes.append(change)
    if any(c in text for c in SINGLE_GUILLEMETS):
        inside = _nested_depths(text, ctx)
        inside_starts = [a for a, _ in inside]
        has_double: dict[int, bool] = {}
        singles = analyse(text, ctx, SINGLE_GUILLEMETS)
        for first, second in pairwise(singles):
            if not (first.role == OPEN and second.role == CLOSE):
                continue
            if first.para_start != second.para_start or first.frozen or second.frozen:
                continue
            if not (first.confident and second.confident):
                continue
            k = bisect_left(inside_starts, first.pos) - 1
            nested = k >= 0 and second.pos < inside[k][1]
            if first.para_start not in has_double:
                body = text[first.para_start : first.para_end]
                has_double[first.para_start] = any(c in body for c in DOUBLE_MARKS)
            if nested:
                glyphs = ("‘", "’") if style == "curly" else ("'", "'")
            elif has_double[first.para_start]:
                continue  # top-level ‹…› beside other double quotes: leave to a person
            else:
                glyphs = ("“", "”") if style == "curly" else ('"', '"')
            for mark, glyph in zip((first, second), glyphs, strict=True):
                change = repair(text, mark, glyph)
                if change is not None:
                    changes.append(change)
    changes.sort(key=lambda c: c.start)
    last = -1
    for change in changes:
        if change.start >= last:
            yield change
            last = change.end


#: What may follow a lower-cased reporting verb: a determiner, a pronoun or a name.
#: After a reporting verb: a clause that ends in a colon introduces the next quotation, so it
#: is a sentence of its own (``"Why not?" He said: "We …"``), not a tag on the one before.
INTRODUCES_QUOTE_RE, AFTER_VERB_RE = compiled_patterns(
    "quotes-after-verb",
    (
        r"[^.,;:!?\"“”«»\n]{0,80}:",
        r"\h+(?:the|a|an|his|her|their|its|he|she|they|it|we|\p{Lu}\p{L}*)\b",
    ),
)


@lru_cache(maxsize=16)
def _clause_heads(extra: tuple[str, ...]) -> frozenset[str]:
    """The words a reporting clause that :func:`capitalised_speech_verb` may change starts
    with: a pronoun or (the first letters of) a reporting verb, lower-cased."""
    heads = set(PRONOUNS)
    for verb in _verb_set(extra):
        k = 0
        while k < len(verb) and verb[k].isalpha():
            k += 1
        heads.add(verb[:k].lower())
    return frozenset(heads)


def _no_clause_head(text: str, k: int, end: int, extra: tuple[str, ...]) -> bool:
    """Whether the words from ``text[k]`` (after spaces, a comma, spaces) surely do not start
    a reporting clause :func:`capitalised_speech_verb` would change, without the pattern.

    The clause's first word must then be a pronoun followed by a space or a reporting verb
    followed by a non-letter (a name or a determiner first says no change): an ASCII word
    that is neither, followed by an ASCII character, settles it.

    >>> _no_clause_head(" Mr Smith said", 0, 14, ()), _no_clause_head(", He said", 0, 9, ())
    (True, False)
    """
    if k >= end or text[k] not in HSPACE:
        return False
    k = _clause_start(text, k, end)
    j = k
    while j < end and text[j] in ASCII_LETTERS:
        j += 1
    if j == k or (j < end and not text[j].isascii()):
        return False
    return text[k:j].lower() not in _clause_heads(extra)


def capitalised_speech_verb(
    text: str, mark_pos: int, end: int, extra: tuple[str, ...] = ()
) -> tuple[int, int] | None:
    """Span of a capitalised reporting verb (or pronoun before one) after the closing mark.

    >>> t = "meaningless hysteria” Said the spokesperson"
    >>> s = capitalised_speech_verb(t, t.index("”"), len(t)); t[s[0]:s[1]]
    'S'
    >>> capitalised_speech_verb("the book “Orientalism”, Said wrote", 21, 34) is None
    True
    >>> t = '“Why not?” He said: “We need winners.”'
    >>> capitalised_speech_verb(t, t.index("”"), len(t)) is None
    True
    """
    if _no_clause_head(text, mark_pos + 1, end, extra):
        return None
    after_re = _speech_patterns(extra)
    m = after_re.match(text, mark_pos + 1, end)
    if m is None or not m.group("space"):
        return None
    if m.group("name") or m.group("det"):
        return None
    if INTRODUCES_QUOTE_RE.match(text, m.end("verb"), end) is not None:
        return None  # "Why not?" He said: "We need …": a new sentence
    if m.group("pron"):
        word_start = m.start("pron")
        if not text[word_start].isupper():
            return None
        return word_start, word_start + 1
    verb_start = m.start("verb")
    if not text[verb_start].isupper():
        return None
    follow = AFTER_VERB_RE.match(text, m.end("verb"), end)
    if follow is None:
        return None
    # "…”, Said wrote": a name followed by a verb of its own is a name.
    rest = after_re.match(text, m.end("verb"), end)
    if rest is not None and not rest.group("pron"):
        return None
    if _name_with_its_own_verb(text, m.end("verb"), end, extra):
        return None
    return verb_start, verb_start + 1


#: Where a sentence ends: a full stop, "!" or "?" before a space or the end.
_SENTENCE_END_RE = regex.compile(r"[.!?](?=\s|$)")
_WORD_RE = regex.compile(r"\p{L}+")


def _name_with_its_own_verb(text: str, k: int, end: int, extra: tuple[str, ...]) -> bool:
    """Whether the capitalised "Said" that ends at ``k`` opens a name whose clause has a
    reporting verb of its own later in the sentence ("…,” Said Abdullah, a teacher from
    Gaza City, told Al Jazeera.": Said is a first name there).

    >>> t = "“We fight,” Said Abdullah, a teacher from Gaza, told Al Jazeera."
    >>> _name_with_its_own_verb(t, t.index("Said") + 4, len(t), ())
    True
    >>> t = "“We fight,” Said Abdullah, a teacher from Gaza. He left."
    >>> _name_with_its_own_verb(t, t.index("Said") + 4, len(t), ())
    False
    """
    j = k
    while j < end and text[j] in HSPACE:
        j += 1
    if j >= end or not text[j].isupper():
        return False
    stop = _SENTENCE_END_RE.search(text, j, end)
    verbs = _verb_set(extra)
    for w in _WORD_RE.finditer(text, j, end if stop is None else stop.start()):
        if w.group().lower() in verbs:
            return True
    return False


def _speech_verb_case(text: str, ctx: Context) -> Iterator[Change]:
    if not any(c in text for c in ENGLISH_MARKS):
        return
    extra = speech_verbs(ctx)
    if settled(text, extra):
        return
    for mark in analyse(text, ctx):
        if mark.role != CLOSE or not mark.confident:
            continue
        j = mark.pos - 1
        while j >= mark.para_start and text[j] in HSPACE:
            j -= 1
        if j > mark.para_start and text[j] in "'’":
            j -= 1  # a quotation inside it closed first: forms.'" She said
        if j < mark.para_start or text[j] in ".…:;":
            continue
        span = capitalised_speech_verb(text, mark.pos, mark.para_end, extra)
        if span is None or title_cased(text, mark.para_start, mark.para_end):
            continue
        s, e = span
        if text[j] in "?!":
            # "Why not?" he asked / "Resign!" He said nothing and left: both are English.
            yield Change(
                s,
                e,
                None,
                f"capital after a quotation ending in {text[j]!r}: a reporting verb to "
                "lower-case, or a new sentence (left as it is)",
            )
        else:
            yield Change(s, e, text[s:e].lower(), "reporting verb after a quotation lower-cased")


#: A lower-case word of four letters or more: running text has them, headlines do not.
LONG_LOWER_WORD_RE = regex.compile(r"(?<!\p{L})\p{Ll}{4,}")


def title_cased(text: str, start: int, end: int) -> bool:
    """Whether the paragraph ``text[start:end]`` is a title-cased headline: it has no
    lower-case word of four letters or more (its capitals are not a translation's).

    >>> t = "“Ukraine Will Win” Says Zelensky As Talks Resume"
    >>> title_cased(t, 0, len(t)), title_cased("“No,” He said.", 0, 14)
    (True, False)
    """
    return LONG_LOWER_WORD_RE.search(text, start, end) is None


def _paragraph_indexer(text: str) -> Callable[[int], int]:
    """A function from an offset of ``text`` to the number of its line.

    >>> line_of = _paragraph_indexer("a\\nb\\nc")
    >>> line_of(0), line_of(2), line_of(4)
    (0, 1, 2)
    """
    breaks = []
    at = text.find("\n")
    while at != -1:
        breaks.append(at)
        at = text.find("\n", at + 1)
    return lambda pos: bisect_left(breaks, pos)


def stable_changes(finder: Finder, text: str, ctx: Context, rounds: int = 3) -> list[Change]:
    """``finder``'s changes, keeping only those of paragraphs it would not change again.

    The pairing is read from the whole document, so a repair can change what the next run
    reads. A paragraph whose repaired text would be repaired again is ambiguous: its changes
    are dropped (precision first), which makes every quotes rule idempotent.

    >>> def add_x(text, ctx):
    ...     return [Change(0, 0, "x", "")]
    >>> stable_changes(add_x, "a b", None)  # type: ignore[arg-type]
    []
    """
    changes = sorted(
        (c for c in finder(text, ctx) if isinstance(c, Change)), key=lambda c: (c.start, c.end)
    )
    for _ in range(rounds):
        if not changes:
            return []
        fixed = apply_changes(text, changes)
        # Only repairs make a paragraph unstable: a report changes nothing.
        again = [
            c for c in finder(fixed, ctx) if isinstance(c, Change) and c.replacement is not None
        ]
        if not again:
            return changes
        line_of_fixed, line_of_text = _paragraph_indexer(fixed), _paragraph_indexer(text)
        unstable = {line_of_fixed(c.start) for c in again}
        kept = [c for c in changes if line_of_text(c.start) not in unstable]
        if len(kept) == len(changes):
            return []
        changes = kept
    return []


def _quiet(text: str, ctx: Context) -> bool:
    """Whether no English double mark needs reading: there is none, or :func:`settled`."""
    return not any(c in text for c in ENGLISH_MARK_CHARS) or settled(text, speech_verbs(ctx))


def find_misplaced_quotes(text: str, ctx: Context) -> list[Change]:
    if _quiet(text, ctx):  # (the finder's own test, before stable_changes sets up)
        return []
    return stable_changes(_misplaced_quotes, text, ctx)


def find_foreign_quotes(text: str, ctx: Context) -> list[Change]:
    if not any(c in text for c in UNSETTLED) and ",," not in text:  # the finder's own test
        return []
    return stable_changes(_foreign_quotes, text, ctx)


def find_speech_verb_case(text: str, ctx: Context) -> list[Change]:
    if _quiet(text, ctx):
        return []
    return stable_changes(_speech_verb_case, text, ctx)


#: A closing mark, spaces and a comma, then a dash, as Russian, Ukrainian and Polish write
#: direct speech (``«…», — сказал он``): a cheap test before the pattern. One pattern of the
#: stdlib ``re`` for each mark, each opening with its literal, which ``re`` finds at memory
#: speed (one pattern opening with the class of the marks is tried at every position). Each
#: with its mark: a text without the mark needs no search.
SPEECH_DASH_GATES = tuple(
    (mark, re.compile(mark + r"[ \t]*,?[ \t]*(?:-|–|—)")) for mark in ('"', "”", "“", "»")
)


def speech_dash_marks(text: str) -> list[int]:
    """Where one of :data:`SPEECH_DASH_GATES` matches, in order (their matches never
    overlap: between a mark and its dash stand only spaces and a comma).

    >>> speech_dash_marks('"Yes", - said he. "No" — she said. "Why?" he asked.')
    [4, 21]
    """
    # A mark the text lacks is skipped at once (for a curly mark in a text of Latin-1
    # characters, ``in`` answers without reading the text), its pattern never set up.
    return sorted(
        m.start() for mark, gate in SPEECH_DASH_GATES if mark in text for m in gate.finditer(text)
    )


#: Words after the verb that make it something else than a reporting clause: a passive or a
#: parenthesis (``"X" - noted for its``, ``- described as``), left alone; and the words after
#: "to" that do so (``"X" - said to be the first``; ``said to reporters`` is speech).
NOT_SPEECH_AFTER = frozenset(["by", "for", "as", "nothing"])
#: Where a comma must take the dash's place (nothing ends the quotation), the verb must be
#: followed by its subject: a name (a capital), one of these, or a pronoun (``wrote she``).
#: Otherwise the dash may start a clause of its own (``"Moskva" - reported sunk``).
SUBJECT_STARTS = frozenset(["the", "a", "an", "his", "her", "their", "its", "one", "in", "on"])
SUBJECT_STARTS |= frozenset(PRONOUNS)
NOT_SPEECH_AFTER_TO = frozenset(["be", "have", "include", "contain", "cost", "date", "come"])
#: A dash with spaces around it: a second one in the same sentence closes a parenthesis.
SPACED_DASH_RE = regex.compile(r"\s(?:-|–|—)\s")
SENTENCE_END_RE = regex.compile(r"[.!?\n]")
#: How far a sentence is searched for a second dash.
SPEECH_DASH_WINDOW = 300


#: After a dash, the verb's own subject may come first (``"…?" - Zhukov wrote``): a name of
#: up to this many words, or a determiner and up to this many words more.
DASH_SUBJECT_WORDS = 3
#: … or, before a verb that ends the sentence, up to this many words of any kind
#: (``"…", - the editors of the channel believe.``).
DASH_LONG_SUBJECT_WORDS = 10
#: Determiners that open a short subject before the verb (``- the analyst wrote``).
DASH_DETERMINERS = frozenset(["the", "his", "her", "their", "its", "our", "a", "an"])
#: Where nothing ends the quotation, a subject and its verb take a comma in the dash's place
#: only when the verb has no object: the sentence ends, or one of these follows it
#: (``"…" - Gebreyesus said on Twitter``; ``"…" - Smith said the deal …`` is left alone).
DASH_VERB_FOLLOWERS = frozenset(
    ["on", "in", "under", "at", "after", "during", "from", "via", "when", "while", "about"]
)


@lru_cache(maxsize=16)
def _dash_verb_set(extra: tuple[str, ...]) -> frozenset[str]:
    """The verbs :func:`speech_dash_changes` reads after a dash: the reporting verbs and
    ``speech_dash_verbs.txt``.

    >>> {"said", "quotes", "think", "written"} <= _dash_verb_set(())
    True
    """
    return _verb_set(extra) | frozenset(load_table("speech_dash_verbs.txt"))


@lru_cache(maxsize=16)
def _speech_dash_re(extra: tuple[str, ...]) -> regex.Pattern[str]:
    """The pattern of a closing mark, a dash and a reporting clause (``", - said``, ``" -
    Zhukov wrote``, ``", - it is written``, ``" - has assured``), the clause looked at, not
    taken."""
    verbs = _verb_alternation(sorted(_dash_verb_set(extra), key=lambda v: (len(v), v))[::-1])
    pronouns = "|".join((*PRONOUNS, "I"))
    # Matched at a mark the gate found (``match``, not a search: a search that opened with
    # lookbehinds tried them at every position of the text, ~0.1 s a MB). The verb first,
    # with a pronoun, "(it) is" or "has/have" before it; else the fewest words before the
    # first verb (the subject; at most DASH_LONG_SUBJECT_WORDS, checked by the caller).
    pattern = (
        r"(?P<mark>[\"”“»])[ \t]*(?P<comma>,)?[ \t]*(?P<dash>--?|–|—)[ \t]*"
        r"(?=(?:(?P<pron>" + pronouns + r")[ \t]+)?"
        r"(?:(?P<aux>(?:[Ii]t[ \t]+)?[Ii]s|[Hh]as|[Hh]ave)[ \t]+)?"
        r"(?P<verb>" + verbs + r")(?!\p{L})"
        r"[ \t]*(?P<next>\p{L}*)[ \t]*(?P<then>\p{L}*)"
        r"|(?P<subj>(?:\p{L}[\p{L}’'\-]*+\.?[ \t]++){1,"
        + str(DASH_LONG_SUBJECT_WORDS)
        + r"}?)(?P<sverb>"
        + verbs
        + r")(?!\p{L})[ \t]*(?P<snext>\p{L}+|[^\p{L}]?))"
    )
    if extra:
        return regex.compile(pattern)
    return compiled_pattern("quotes-speech-dash", pattern)


def dash_subject(subject: str, follower: str) -> str:
    """What the words before the verb after a dash are: ``"short"`` (a name of up to
    :data:`DASH_SUBJECT_WORDS` capitalised words, or a determiner and up to as many words),
    ``"long"`` (more words, before a verb that ends the sentence: ``follower`` is ``.``,
    ``!``, ``?``, ``<`` or nothing) or ``""`` (no subject of a reporting clause).

    >>> dash_subject("Zhukov ", "under"), dash_subject("E. Nabiullina ", ".")
    ('short', 'short')
    >>> s = "the editors of the Telegram channel "
    >>> dash_subject(s, "."), dash_subject(s, "about")
    ('long', '')
    >>> dash_subject("they could be ", "in"), dash_subject("then find ", "the")
    ('', '')
    """
    words = subject.split()
    first = words[0].lower()
    if first in DASH_DETERMINERS:
        if len(words) <= 1 + DASH_SUBJECT_WORDS:
            return "short"
    elif len(words) <= DASH_SUBJECT_WORDS and all(w[0].isupper() for w in words):
        return "short"
    if first in PRONOUNS or first == "i":
        return ""
    ends = follower in ("", ".", "!", "?", "<")
    if ends and (first in DASH_DETERMINERS or words[0][0].isupper()):
        return "long"
    return ""


def speech_dash_changes(
    text: str, extra: tuple[str, ...] = (), marks: list[int] | None = None
) -> Iterator[Change]:
    """Changes that take the source language's dash out between a quotation and its
    reporting verb: ``"…", - said`` becomes ``"…", said`` and ``"…," -said`` becomes
    ``"…," said``; a closing mark that a space keeps from its comma moves to it. Where
    nothing ends the quotation (no comma, full stop, ! or ? before or after the mark), the
    dash becomes the comma English puts there: ``"…" - wrote`` becomes ``"…", wrote``.

    The clause may also start with its subject (``"…?" - Zhukov wrote``), with "(it) is"
    (``", - it is written in``) or "has" (``" - has assured Calviño``).

    Left alone: a verb that is not reporting here (``"X" - said to be the first``) and a
    dash that opens a parenthesis closed later in the sentence. ``marks``: the
    :func:`speech_dash_marks` of ``text``, when the caller has them.

    >>> t = '"Inflation will fall in 2022", - said the governor.'
    >>> [(t[c.start:c.end], c.replacement) for c in speech_dash_changes(t)]
    [('", - ', '", ')]
    >>> t = 'I have a lot to learn, "- said Albert in an interview.'
    >>> [(t[c.start:c.end], c.replacement) for c in speech_dash_changes(t)]
    [(' "- ', '" ')]
    >>> t = '"It is not exceeding +20" - wrote Zhukov.'
    >>> [(t[c.start:c.end], c.replacement) for c in speech_dash_changes(t)]
    [('" - ', '", ')]
    >>> t = '"Maybe a duet?" - Zhukov wrote under the video.'
    >>> [(t[c.start:c.end], c.replacement) for c in speech_dash_changes(t)]
    [('" - ', '" ')]
    >>> list(speech_dash_changes('They called it "historic" - said to be the first deal.'))
    []
    >>> list(speech_dash_changes('The "Dracula" - said his rivals - won again.'))
    []

    After a pronoun, only a comma makes the clause a reporting one; a participle cannot take
    a comma in the dash's place:

    >>> list(speech_dash_changes('He said "no" - he says he regrets it now.'))
    []
    >>> list(speech_dash_changes('The cruiser "Moskva" - reported sunk on Thursday.'))
    []
    >>> list(speech_dash_changes('It was "a disaster" - Smith said the deal would fail.'))
    []
    """
    pattern = None
    for mark in speech_dash_marks(text) if marks is None else marks:
        lead = mark
        while lead > 0 and text[lead - 1] in " \t":
            lead -= 1
        if lead < mark:  # after spaces, a mark closes a quotation only after punctuation
            if lead == 0 or text[lead - 1] not in ",.!?…":
                continue
        elif mark == 0 or text[mark - 1].isspace() or text[mark - 1] in "([{":
            continue  # an opening mark
        if pattern is None:
            pattern = _speech_dash_re(extra)
        m = pattern.match(text, mark)
        if m is None:
            continue
        dash = m.start("dash")
        if m["dash"] == "-" and dash == m.end("mark") and text[dash + 1] not in " \t":
            continue  # a hyphen that joins a compound (``"pro-Kremlin"-said``)
        start = lead
        ended = m["comma"] or start == 0 or text[start - 1] in ",.!?…"
        subject = m["subj"]
        if subject is not None:
            follower = m["snext"]
            kind = dash_subject(subject, follower)
            if not kind or follower.lower() in NOT_SPEECH_AFTER:
                continue
            if not ended and (
                kind != "short"
                or m["sverb"].lower() not in _verb_set(extra)
                or not (follower in ("", ".", ",", "!", "?") or follower in DASH_VERB_FOLLOWERS)
            ):
                continue  # ``"a disaster" - Smith said the deal …``: a clause of its own
        else:
            after = m["next"].lower()
            if after in NOT_SPEECH_AFTER or (after == "to" and m["then"] in NOT_SPEECH_AFTER_TO):
                continue
            if m["pron"] and not (m["comma"] or (start > 0 and text[start - 1] == ",")):
                continue  # a clause of its own: ``"no" - he says he regrets it``
            if m["aux"] and not ended and not (m["aux"][0] in "Hh" and m["next"][:1].isupper()):
                continue  # ``"X" - is said to …``: not a tag (``" - has assured Calviño`` is)
            if not ended and not (
                m["next"][:1].isupper()
                or (after in SUBJECT_STARTS and m["verb"].lower() in _verb_set(extra))
            ):
                continue  # (``"nyet" - quoted in the press``: a participle)
        end = m.end()
        stop = SENTENCE_END_RE.search(text, end, end + SPEECH_DASH_WINDOW)
        if SPACED_DASH_RE.search(text, end - 1, stop.start() if stop else end + SPEECH_DASH_WINDOW):
            continue
        yield Change(
            start,
            end,
            m["mark"] + ("," if not ended or m["comma"] else "") + " ",
            f"source-language dash {m['dash']!r} between a quotation and its reporting verb "
            "removed",
        )


def find_speech_dash(text: str, ctx: Context) -> Iterable[Change]:
    # A text without a mark before a dash (most) leaves with an empty tuple, which the
    # pipeline skips at once: no generator made, no options read.
    marks = speech_dash_marks(text)
    if not marks:
        return ()
    return speech_dash_changes(text, speech_verbs(ctx), marks)


#: A line that opens with a dash (after spaces: where dialogue lines and list items start),
#: or with a quotation mark and a dash (``"- Yes!"``): one pass of ``re`` from the line break
#: (DIALOGUE_LINE_RE), and the same at the text's start (DIALOGUE_START_RE).
_DIALOGUE_LINE = '[ \t]*(?:(?P<dash>[-–—])[ \t]|["“«][ \t]*(?P<qdash>[-–—])[ \t]*[^\\s\\d])'
DIALOGUE_LINE_RE = re.compile("\n" + _DIALOGUE_LINE)
DIALOGUE_START_RE = re.compile(_DIALOGUE_LINE)
#: In a dash line, punctuation and a second dash before what may be the reporting clause.
INNER_DASH_RE = regex.compile(r"[,.!?…][ \t]*+[-–—][ \t]++(\p{L}++(?:[ \t]++[\p{L}\-]++){0,7})")


def dialogue_dash_lines(text: str, extra: tuple[str, ...] = ()) -> Iterator[tuple[int, int]]:
    """Spans of the dashes that open direct speech the way Russian, Ukrainian and Polish
    write dialogue, left by translation: a line that opens with a dash and ends its speech
    with a second dash before a reporting clause (``- Russia is open, - Peskov said.``), and
    a quotation that opens with a dash (``"- Yes!"``). List items that open with a dash
    (BBC's ``- Increased spending on health``) have no such second dash.

    >>> t = "He spoke.\\n- Russia is open for dialogue, - Peskov emphasised.\\n- Spending on health"
    >>> [t[a:b] for a, b in dialogue_dash_lines(t)]
    ['-']
    >>> u = 'I ask: "Is it yours?"\\n"- Yes!"'
    >>> [u[a:b] for a, b in dialogue_dash_lines(u)]
    ['-']
    """
    verbs = _dash_verb_set(extra)
    first = DIALOGUE_START_RE.match(text)
    for m in ([first] if first else []) + list(DIALOGUE_LINE_RE.finditer(text)):
        if m["qdash"] is not None:
            yield m.start("qdash"), m.end("qdash")
            continue
        end = text.find("\n", m.end())
        end = len(text) if end == -1 else end
        for inner in INNER_DASH_RE.finditer(text, m.end(), end):
            words = inner.group(1).lower().split()
            if any(w in verbs for w in words) and words[0] not in NOT_SPEECH_AFTER:
                yield m.start("dash"), m.end("dash")
                break


def find_dialogue_dash(text: str, ctx: Context) -> list[Change]:
    # The whole text's gate: most documents have no line that opens with a dash.
    if DIALOGUE_LINE_RE.search(text) is None and DIALOGUE_START_RE.match(text) is None:
        return []
    return [
        Change(
            a,
            b,
            None,
            "a dash opens direct speech (source-language dialogue style): English puts it in "
            "quotation marks",
        )
        for a, b in sorted(dialogue_dash_lines(text, speech_verbs(ctx)))
    ]


#: The most lines a quotation may run over without being reopened (text with one sentence a
#: line) for :func:`spans_lines` to pair its two ends.
MAX_QUOTE_LINES = 8
#: A blank line: the end of a block of lines.
BLANK_LINE_RE = regex.compile(r"\n\h*\r?\n")


def spans_lines(text: str, opening: Mark, closing: Mark) -> bool:
    r"""Whether an unpaired opening mark and the unpaired closing mark right after it (no mark
    read between them) are the two ends of one quotation that runs over a few lines: the
    opening mark's line and the closing mark's line are different lines of one block (no
    blank line between them), at most :data:`MAX_QUOTE_LINES` apart. Corpora with one
    sentence a line (and scraped text with one paragraph a line) quote that way, without
    reopening the quotation on every line.

    >>> t = 'He said: "We go on.\n' + "We train.\n" * 6 + 'We win," he added.'
    >>> [m.unpaired for m in analyse(t)], spans_lines(t, *analyse(t))
    ([True, True], True)
    >>> t2 = t.replace("We train.\n", "We train.\n\n", 1)
    >>> spans_lines(t2, *analyse(t2))
    False
    """
    return (
        opening.role == OPEN
        and closing.role == CLOSE
        and opening.unpaired
        and closing.unpaired
        and opening.para_end < closing.para_start
        and text.count("\n", opening.para_end, closing.para_start) <= MAX_QUOTE_LINES
        and BLANK_LINE_RE.search(text, opening.para_end, closing.para_start) is None
    )


def find_unpaired_quotes(text: str, ctx: Context) -> list[Change]:
    # A list, not a generator: on a quiet text the pipeline skips an empty list at once.
    if not any(c in text for c in ALL_MARKS) or settled(text, speech_verbs(ctx)):
        return []
    doubles, singles = analyse(text, ctx, DOUBLE_MARKS), analyse(text, ctx, SINGLE_GUILLEMETS)
    return [*_unpaired(text, doubles), *_unpaired(text, singles)]


def _unpaired(text: str, marks: list[Mark]) -> Iterator[Change]:
    """Reports of the unpaired marks of one kind (``marks`` in order), but for the two ends
    of a quotation that runs over lines (:func:`spans_lines`)."""
    ends: set[int] = set()
    for k in range(len(marks) - 1):
        if spans_lines(text, marks[k], marks[k + 1]):
            ends.update((k, k + 1))
    for k, mark in enumerate(marks):
        if not mark.unpaired or mark.frozen or k in ends:
            continue
        kind = "closing" if mark.role == CLOSE else "opening"
        partner = "opening mark before it" if mark.role == CLOSE else "closing mark after it"
        yield Change(
            mark.pos,
            mark.pos + 1,
            None,
            f"unpaired {kind} quotation mark {mark.char!r}: no {partner} in this paragraph",
        )


#: The options of the quotes rules (``Config(options={"NC2": {...}})``).
OPTIONS = (
    Option("speech_verbs", "words", "more reporting verbs ('quipped') for NC203 and pairing"),
)

RULES = (
    Rule(
        code="NC201",
        name="misplaced-quote",
        family="quotes",
        summary="Give each paired quotation mark its side's shape and move stray spaces outside.",
        find=find_misplaced_quotes,
        english_only=True,
        before="“We will never accept it, it is a threat that we clearly perceive “, he declared.",
        after="“We will never accept it, it is a threat that we clearly perceive”, he declared.",
        why="Translation systems keep the number of quotation marks but not their shape or the "
        "side of the space; the order of the marks still tells which ones open and close.",
    ),
    Rule(
        code="NC202",
        name="foreign-quotes",
        family="quotes",
        summary="Turn paired «…», „…“, ‹…›, »…«, ,,…'' into the document's own English quotes.",
        find=find_foreign_quotes,
        english_only=True,
        before="According to Kyiv, “it violates the commitments made within the OSCE ».",
        after="According to Kyiv, “it violates the commitments made within the OSCE”.",
        why="Translations keep the source language's quotation marks.",
    ),
    Rule(
        code="NC203",
        name="speech-verb-case",
        family="quotes",
        summary="Lower-case a reporting verb capitalised after a quotation that ends mid-sentence.",
        find=find_speech_verb_case,
        english_only=True,
        before="“It is meaningless hysteria” Said the spokesperson.",
        after="“It is meaningless hysteria” said the spokesperson.",
        why="Translation starts a new sentence after every closing quotation mark.",
    ),
    Rule(
        code="NC205",
        name="speech-dash",
        family="quotes",
        summary="Remove the source-language dash between a quotation and its reporting verb.",
        find=find_speech_dash,
        english_only=True,
        before="“Inflation will come down in 2022”, - said the head of the central bank.",
        after="“Inflation will come down in 2022”, said the head of the central bank.",
        why="Russian, Ukrainian and Polish set off the reporting clause after direct speech "
        "with a dash («…», — сказал он); translation keeps it.",
    ),
    Rule(
        code="NC206",
        name="dialogue-dash",
        family="quotes",
        summary="Report a dash that opens direct speech in the source language's dialogue style.",
        find=find_dialogue_dash,
        fixes=False,
        english_only=True,
        before="- Russia is open for dialogue, - Peskov emphasised.",
        after="- Russia is open for dialogue, - Peskov emphasised.",
        why="Russian, Ukrainian and Polish open each line of dialogue with a dash; where the "
        "quotation ends cannot always be told, and English lists open lines with a dash too.",
    ),
    Rule(
        code="NC204",
        name="unpaired-quote",
        family="quotes",
        summary="Report a quotation mark that has no partner in its paragraph (detect only).",
        find=find_unpaired_quotes,
        fixes=False,
        english_only=True,
        before="Johnson called on Western countries to stand “steadfast and united.",
        after="Johnson called on Western countries to stand “steadfast and united.",
        why="A dropped or doubled mark cannot be put back safely; a person has to look.",
    ),
)
