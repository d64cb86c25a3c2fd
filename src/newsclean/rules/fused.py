"""Fused tokens (NC1xx): words machine translation glued together, split from evidence.

When a web page is machine translated, the words at the edges of links and bold spans lose
the space between them: "Olaf Scholzis now", "border withUkraine", "last days of ainvasion",
"Western countries.fueled by". Generic word segmenters cut whatever they are given and cut
real names apart ("Kuleba" -> "Ku leb a"). These rules first decide *whether* a token is
fused, and only then *where* to cut:

- the whole token must be unknown to the English word-frequency list (wordfreq), so every
  word and every name wordfreq knows is left alone (NC104 also splits the rare typos
  wordfreq has seen, "toget", when the rest is a far more frequent word);
- each part must be common enough for its role: the word part a frequent English word, the
  name part a name with evidence: seen standing alone in the same document, in the
  :class:`newsclean.Lexicon` passed in ``Config``, or known to wordfreq (then the word part
  must be one of the words that follow names, ``data/fused_follow_words.txt``, or a noun
  that names modify, ``data/fused_head_nouns.txt``); a word part that opens a clause and
  never ends a name ("said", "and", "was", "pleaded") needs no evidence for the name;
- brand and camel-case tokens (``data/fused_protected.txt``, extended with
  ``Config(options={"NC1": {"protected": [...]}})``), ALL-CAPS tokens, hashtags, @handles,
  URLs, e-mail addresses, file and code names are never touched.

The rules run in this order, each on the output of the one before: NC101 (missing space after
a full stop), NC102 (word+Name; a capitalised opener+Name at a sentence's start,
"TheKremlin"), NC103 (Name+word), NC104 (small word), NC105 (capitalised link word).
Options (all under ``"NC1"`` or a rule code): ``protected`` (extra tokens never split),
``min_name_zipf`` (1.5: the least Zipf frequency that makes a capitalised part a name without
other evidence).

Cost: every text is cut at whitespace once (shared by the rules through a one-entry cache),
and only chunks not yet known to be irrelevant are examined; the verdicts are cached per
distinct chunk and token across documents, so clean text costs little more than a
``str.split`` and a set difference per document.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

import regex

from ..edits import Change
from ..registry import Context, Option, Rule
from ..resources import compiled_patterns, derived, load_table, word_frequencies, wordfreq_key
from .runindex import ALNUM_RUN_RE, RUN_BLOCK, Block, BlockIndex

# --------------------------------------------------------------------------------------------
# Word frequencies (wordfreq), loaded lazily once.


def _frequencies() -> Mapping[str, float]:
    return word_frequencies()


@lru_cache(maxsize=262144)
def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` in English (case-insensitive); 0.0 when unknown.

    >>> zipf("the") > 7 > zipf("crisis") > 4
    True
    >>> zipf("Scholzis")
    0.0
    """
    freq = _frequencies().get(word.lower())
    return round(math.log10(freq) + 9.0, 2) if freq else 0.0


# --------------------------------------------------------------------------------------------
# Patterns. A token's edges exclude what joins it to a URL, an e-mail address, a handle, a
# hashtag, a file or code name, a number, a hyphenated or apostrophised word.

LETTERS = r"[\p{Ll}\p{M}]"
LEFT_EDGE = r"(?<![\p{L}\p{M}\p{N}_@#/\\.\-'’&+=])"
RIGHT_EDGE = r"(?![\p{L}\p{M}\p{N}_@/\\\-+=]|['’]\p{L}|\.[\p{L}\p{N}])"

#: The lower-case letters a token starts with (the word part of "withUkraine").
LOWER_PREFIX_PATTERN = r"\p{Ll}+"
#: A lower-case word glued to a capitalised one: "withUkraine", "frontierKuleba".
WORD_NAME_PATTERN = (
    LEFT_EDGE + r"(?P<word>\p{Ll}{2,})(?P<name>\p{Lu}" + LETTERS + r"+)"
    r"(?![\p{L}\p{M}\p{N}_@/\\\-+=]|\.[\p{L}\p{N}])"
)
#: A capitalised token of five or more letters (candidates for "Scholzis", "Putinwho").
CAPITALISED_PATTERN = LEFT_EDGE + r"\p{Lu}" + LETTERS + r"{4,}" + RIGHT_EDGE
#: A lower-case token (what NC104 examines: "ainvasion", "forthe").
SMALL_WORD_PATTERN = LEFT_EDGE + r"\p{Ll}+" + RIGHT_EDGE
#: Cheap gates: what a candidate must contain before the precise patterns run.
STOP_GATE_PATTERN = r"[.!?]\p{L}"
#: A "." "!" or "?" before a character that may be a letter (anything but whitespace, a digit
#: or punctuation that is never a letter in any Unicode version), one pattern per stop: the
#: standard library's engine finds a literal first character fast. Hits are checked with
#: :data:`STOP_GATE_RE`.
STOP_SCAN_RES = tuple(
    re.compile(regex.escape(stop) + r"(?=[^\s0-9.,;:!?'\"()\[\]”’“‘\-])") for stop in ".!?"
)
HUMP_GATE_PATTERN = r"\p{Ll}\p{Lu}"
#: The word (or lone closing quote) before a full stop, "!" or "?": "countries", "”".
STOP_LEFT_PATTERN = (
    r"(?:" + LEFT_EDGE + r"(?P<left>\p{L}" + LETTERS + r"+)(?P<close>[”’\")\]]?)"
    r"|(?<=\s)(?P<quote>[”\"])"
    r"|(?<=[\s(])(?P<year>(?:19|20)\d\d))\Z"
)
#: The word right after the stop: "fueled", "The".
STOP_RIGHT_PATTERN = (
    r"\p{L}" + LETTERS + r"*(?![\p{L}\p{M}\p{N}_@/\\\-+=(]|['’]\p{L}|[.!?][\p{L}\p{N}])"
)
#: A capitalised link word inside running text: "Donetsk And Lugansk".
LINK_WORD_PATTERN = r"(?<=\p{L}[ \t]+)(?:And|Or)(?=[ \t]+\p{Lu})"
#: A name standing alone in the document: a capitalised token whose previous visible
#: character is a lower-case letter, a digit, a comma or a semicolon (so words that open a
#: sentence are not counted). Whitespace runs and line breaks between them do not matter.
DOC_NAME_PATTERN = (
    r"(?<=[\p{Ll}\p{N},;]\s+)(?<![\p{L}\p{M}\p{N}_@#/\\.\-'’&+=])\p{Lu}" + LETTERS + r"+"
    r"(?![\p{L}\p{M}\p{N}_@/\\\-+=])"
)
#: :data:`DOC_NAME_RE` for ASCII text in the standard library's engine (faster here): the
#: whitespace run before the name is matched, the name is group 1.
DOC_NAME_ASCII_RE = re.compile(
    r"(?<=[a-z0-9,;])[\t\n\v\f\r ]+([A-Z][a-z]+)(?![A-Za-z0-9_@/\\\-+=])"
)
#: A whitespace-delimited chunk that is (part of) a URL, e-mail address, handle or hashtag.
LINKISH_PATTERN = r"(?i)://|www\.|@|^#|\.(?:com|org|net|gov|edu|co\.uk|html?)\b"
#: Letter runs: the tokens the gate hands to the rules.
LETTER_RUN_PATTERN = r"\p{L}[\p{L}\p{M}]*"
#: A capitalised word or a number right after a token: the name part goes on as a longer
#: name ("inSouth Korea") or a date ("inAugust 2003").
NAME_GOES_ON_PATTERN = r"[ \t]+(?:\p{Lu}\p{Ll}|\d)"
#: The patterns above, compiled
#: once and kept in the cache folder (:func:`newsclean.resources.compiled_patterns`), so a
#: new process does not parse them again.
(
    LOWER_PREFIX_RE,
    WORD_NAME_RE,
    CAPITALISED_RE,
    SMALL_WORD_RE,
    STOP_GATE_RE,
    HUMP_GATE_RE,
    STOP_LEFT_RE,
    STOP_RIGHT_RE,
    LINK_WORD_RE,
    DOC_NAME_RE,
    LINKISH_RE,
    LETTER_RUN_RE,
    NAME_GOES_ON_RE,
) = compiled_patterns(
    "fused",
    (
        LOWER_PREFIX_PATTERN,
        WORD_NAME_PATTERN,
        CAPITALISED_PATTERN,
        SMALL_WORD_PATTERN,
        STOP_GATE_PATTERN,
        HUMP_GATE_PATTERN,
        STOP_LEFT_PATTERN,
        STOP_RIGHT_PATTERN,
        LINK_WORD_PATTERN,
        DOC_NAME_PATTERN,
        LINKISH_PATTERN,
        LETTER_RUN_PATTERN,
        NAME_GOES_ON_PATTERN,
    ),
)

#: Name particles that correctly start a lower-case+capital token ("deGrom", "vanDyke").
NAME_PARTICLES = frozenset(
    [
        "de",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "di",
        "da",
        "du",
        "del",
        "della",
        "mc",
        "mac",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "abu",
        "dos",
        "das",
    ]
)


def _table(name: str) -> frozenset[str]:
    return _frozen_table(name)


@lru_cache(maxsize=16)
def _frozen_table(name: str) -> frozenset[str]:
    return frozenset(load_table(name))


@lru_cache(maxsize=64)
def _protected(extra: tuple[str, ...]) -> frozenset[str]:
    return _table("fused_protected.txt") | frozenset(extra)


def protected_tokens(ctx: Context) -> frozenset[str]:
    """The shipped protected tokens plus the ``protected`` option of this rule or family."""
    return _protected(ctx.words("protected"))


def chunk_around(text: str, start: int, end: int) -> str:
    """The whitespace-delimited chunk around ``text[start:end]`` (at most 200 characters
    each side).

    >>> chunk_around("see www.example.com/a today", 8, 15)
    'www.example.com/a'
    """
    left = start
    limit = max(0, start - 200)
    while left > limit and not text[left - 1].isspace():
        left -= 1
    right = end
    limit = min(len(text), end + 200)
    while right < limit and not text[right].isspace():
        right += 1
    return text[left:right]


def in_link(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a URL, e-mail address, @handle or #hashtag.

    >>> in_link("mail info@example.org now", 5, 9)
    True
    >>> in_link("the Germanythrough the", 4, 18)
    False
    """
    return LINKISH_RE.search(chunk_around(text, start, end)) is not None


def doc_names(text: str) -> set[str]:
    """Capitalised tokens standing alone in ``text`` after a lower-case word, a digit, a comma
    or a semicolon: the names the document itself vouches for.

    >>> sorted(doc_names("Then Kuleba said, Peskov agreed. Later the talks ended."))
    ['Kuleba', 'Peskov']
    """
    if text.isascii():
        return set(DOC_NAME_ASCII_RE.findall(text))
    return {m.group() for m in DOC_NAME_RE.finditer(text)}


def stands_alone(text: str, name: str) -> bool:
    """Whether ``name`` is one of :func:`doc_names` of ``text``, found with ``str.find`` and
    :data:`DOC_NAME_RE` tried where ``name`` occurs (cheaper than listing every name).

    >>> stands_alone("Then Kuleba said, Peskov agreed.", "Peskov")
    True
    >>> stands_alone("Then Kuleba said, Peskov agreed.", "Kuleb")
    False
    """
    if not name:
        return False
    at = text.find(name)
    while at != -1:
        m = DOC_NAME_RE.match(text, at)
        if m is not None and m.end() == at + len(name):
            return True
        at = text.find(name, at + 1)
    return False


#: Below this Zipf frequency a capitalised word is no common English word: standing alone
#: anywhere in the document, a sentence's start included, it is a name.
RARE_NAME_ZIPF = 3.0


#: From this length on, :func:`word_starts` looks for a word only in the blocks of the text
#: that hold its letter-or-digit runs (:func:`run_blocks`), so that a long document is not
#: scanned once per word asked (which grew with length times words: quadratic). Below it the
#: scans cost less than the index.
RUN_INDEX_FROM = 131_072
#: The blocks of the text the fused rules last looked words up in (:mod:`.runindex`).
_INDEX = BlockIndex()


def text_blocks(text: str) -> tuple[Block, ...]:
    """The run blocks of ``text`` (:class:`.runindex.BlockIndex`: remembered for the last
    text object, updated from the version before it).

    >>> [(a, b, sorted(r)) for a, b, r in text_blocks("Kuleba said so")]
    [(0, 14, ['Kuleba', 'said', 'so'])]
    """
    return _INDEX.blocks(text)


def word_starts(text: str, word: str) -> Iterator[int]:
    """Where ``word`` may stand in ``text`` as a whole word, in order: every offset of ``word``
    in a short text; in a long one (:data:`RUN_INDEX_FROM`), every offset in the blocks
    (:func:`run_blocks`) that hold its first letter-or-digit run and, in that block or the
    next, each of its other runs. Wherever ``word`` stands with no letter or digit on either
    side, it is among these offsets.

    >>> list(word_starts("Kuleba, Kulebaclaims Kuleba", "Kuleba"))
    [0, 8, 21]
    """
    if not word:
        return
    runs = ALNUM_RUN_RE.findall(word)
    if (
        len(text) < RUN_INDEX_FROM
        or len(word) > RUN_BLOCK
        or not runs
        or not word.startswith(runs[0])
    ):
        at = text.find(word)
        while at != -1:
            yield at
            at = text.find(word, at + 1)
        return
    first, others = runs[0], runs[1:]
    blocks, holding = _INDEX.holding(text, first)
    for i in holding:
        start, end, have = blocks[i]
        if others:
            after = blocks[i + 1][2] if i + 1 < len(blocks) else frozenset()
            if not all(run in have or run in after for run in others):
                continue
        # Offsets that start in the block; the word itself may reach into the next one.
        at = text.find(word, start, end + len(word))
        while at != -1 and at < end:
            yield at
            at = text.find(word, at + 1, end + len(word))


def whole_word_at(text: str, words: str) -> bool:
    """Whether ``words`` occur in ``text`` with no letter, digit or joiner on either side.

    >>> whole_word_at("the World Cup, then", "World Cup"), whole_word_at("Cupfinal", "Cup")
    (True, False)
    >>> whole_word_at("a war-time song", "war"), whole_word_at("Ukraine’s war", "war")
    (False, True)
    """
    for at in word_starts(text, words):
        end = at + len(words)
        if (at == 0 or not _JOINED(text[at - 1])) and (end == len(text) or not _JOINED(text[end])):
            return True
    return False


def isolated_name(text: str, name: str) -> int:
    """How often ``name`` stands in ``text`` as a one-word name: after a lower-case word (a
    comma or semicolon between them allowed) and before anything but a capitalised word, so
    not inside a longer name ("the War Coalition").

    >>> isolated_name("in Japan, then to Japan.", "Japan")
    2
    >>> isolated_name("the War Coalition", "War"), isolated_name("his Magic Torch; so", "Torch")
    (0, 0)
    """
    count = 0
    for at in word_starts(text, name):
        end = at + len(name)
        if (at == 0 or not _JOINED(text[at - 1])) and (end == len(text) or not _JOINED(text[end])):
            before = text[max(0, at - 40) : at].rstrip()
            after = text[end : end + 3].lstrip(" ,;:.!?)\n")
            word = before.rstrip(",;").rsplit(None, 1)[-1] if before.rstrip(",;") else ""
            if word[:1].islower() and word[-1:].isalpha() and not after[:1].isupper():
                count += 1
    return count


def name_ends(text: str, name: str) -> int:
    """How often ``name`` ends a name in ``text``: a whole word (no joiner on either side,
    so no possessive) after anything, a first name included, and before a lower-case word
    or punctuation but no capitalised word ("Robbie Williams is", "Labour, and"), so not
    inside a longer name ("South Korea", "World Bank Group").

    >>> name_ends("Robbie Williams is here; Williams' song, like Robbie Williams.", "Williams")
    2
    >>> name_ends("the World Bank Group, South Korea and North Korea's", "Korea")
    1
    """
    count = 0
    for at in word_starts(text, name):
        end = at + len(name)
        if (at > 0 and _JOINED(text[at - 1])) or (end < len(text) and _JOINED(text[end])):
            continue
        after = text[end : end + 4].lstrip(" ,;:.!?)\n")
        if not after[:1].isupper():
            count += 1
    return count


#: Above this Zipf frequency a capitalised word is too common ("The", "New", "World") for a
#: document that capitalises it to vouch that it is a name (:meth:`DocNames.vouches`).
PROPER_NAME_ZIPF = 5.5


def lone_name(text: str, name: str) -> bool:
    """Whether ``name`` stands in ``text`` as a one-word name somewhere: a whole word (or a
    possessive) after a lower-case word that is no article, and before no capitalised word
    ("during United's win", "in 1999 Labour removed"; not "Stop the War campaigners", "in
    South Africa", "the World War's end").

    >>> lone_name("in United's win", "United"), lone_name("in 1999 Labour removed", "Labour")
    (True, True)
    >>> lone_name("in South Africa", "South"), lone_name("Stop the War campaign", "War")
    (False, False)
    >>> lone_name("the World War's end", "War")
    False
    """
    for at in word_starts(text, name):
        end = at + len(name)
        if at > 0 and _JOINED(text[at - 1]):
            continue
        if text[end : end + 2] in ("'s", "’s"):
            end += 2
        if end < len(text) and _JOINED(text[end]):
            continue
        if text[end : end + 4].lstrip(" ,;:.!?)\n")[:1].isupper():
            continue
        before = text[max(0, at - 40) : at].rstrip().rstrip(",;")
        word = before.rsplit(None, 1)[-1] if before else ""
        if word.isalnum() and word[:1].islower() and word not in ARTICLES:
            return True
        if word.isdigit():
            return True
    return False


def _JOINED(ch: str) -> bool:
    return ch.isalnum() or ch in "_@#/\\-+=&'’"


#: From this length on, :class:`DocNames` lists a document's names in one pass instead of
#: scanning the document once per name asked (which grew with length times names).
DOC_NAMES_LISTED_FROM = 20_000


class DocNames(Collection[str]):
    """The names of :func:`doc_names` plus names added with :meth:`update`, asked one name at
    a time (each answer cached), so a document is scanned only for the names in question.

    >>> names = DocNames("Then Kuleba said so.")
    >>> "Kuleba" in names, "Peskov" in names
    (True, False)
    >>> names.update({"Peskov"})
    >>> "Peskov" in names, sorted(names)
    (True, ['Kuleba', 'Peskov'])
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._added: set[str] = set()
        self._known: dict[str, bool] = {}
        self._listed: set[str] | None = None
        self._vouched: dict[tuple[str, str], bool] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name in self._added:
            return True
        if len(self._text) > DOC_NAMES_LISTED_FROM:
            # A long document: each question would scan it again; list its names once.
            if self._listed is None:
                self._listed = doc_names(self._text)
            return name in self._listed
        hit = self._known.get(name)
        if hit is None:
            hit = self._known[name] = stands_alone(self._text, name)
        return hit

    def update(self, names: Iterable[str]) -> None:
        self._added.update(names)

    def vouches(self, name: str, before: str = "") -> bool:
        """Whether the document itself shows ``name`` to be a name, whatever its frequency:
        ``before`` + ``name`` stand together elsewhere ("World Cup" for "World Cupfinal"),
        or ``name`` ends a name twice (:func:`name_ends`: "Robbie Williams is") and never
        appears in lower case ("Japan", not "War" in a text about war), or ``name``
        is rare in English (Zipf under :data:`RARE_NAME_ZIPF`) and stands alone anywhere, a
        sentence's start included ("Morioka said").

        >>> doc = DocNames("The World Cup ended. Morioka said so, in Japan, then in Japan.")
        >>> doc.vouches("Cup", "World"), doc.vouches("Japan"), doc.vouches("Morioka")
        (True, True, True)
        >>> doc = DocNames("After the War the war ended. The cup final is in Japan.")
        >>> doc.vouches("War"), doc.vouches("Said"), doc.vouches("Cup", "World")
        (False, False, False)
        >>> doc = DocNames("He hit the keeper in United's win; later, in South Africa")
        >>> doc.vouches("United"), doc.vouches("South")
        (True, False)
        """
        key = (name, before)
        hit = self._vouched.get(key)
        if hit is None:
            hit = self._vouched[key] = self._vouches(name, before)
        return hit

    def _vouches(self, name: str, before: str) -> bool:
        text = self._text
        if before and whole_word_at(text, f"{before} {name}"):
            return True
        z = zipf(name)
        if z < RARE_NAME_ZIPF and whole_word_at(text, name):
            return True
        if name_ends(text, name) >= 2:
            return not whole_word_at(text, name.lower())
        # A common word (Zipf :data:`MAX_DOC_NAME_ZIPF` up to :data:`PROPER_NAME_ZIPF`) the
        # document only capitalises and shows as a one-word name after a lower-case word, or
        # as such a name's possessive: "during United's win", "in 1999 Labour removed" (not
        # "in South Australia", "the Second World War": parts of longer names). Rarer
        # words standing alone are names already (:func:`name_evidence`).
        if not MAX_DOC_NAME_ZIPF <= z < PROPER_NAME_ZIPF or name not in self:
            return False
        return lone_name(text, name) and not whole_word_at(text, name.lower())

    def _all(self) -> set[str]:
        return doc_names(self._text) | self._added

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


# --------------------------------------------------------------------------------------------
# The token gate shared by NC102-NC104.

#: What a token may concern: NC102 (hump), NC103 (capitalised), NC104 (small word), NC102
#: (a capitalised function word glued to a name: "TheKremlin").
HUMP, CAPITALISED, SMALL, OPENER = 1, 2, 4, 8
#: Whitespace-delimited chunks known to hold nothing for NC102-NC104, and the chunks that
#: do, with their letter runs and kinds. Both are bounded; past the bound chunks are simply
#: examined again.
_IRRELEVANT: set[str] = set()
_IRRELEVANT_MAX = 500_000
_RELEVANT: dict[str, tuple[tuple[str, int], ...]] = {}
_RELEVANT_MAX = 65_536
_LAST: list[tuple[str, dict[str, int]]] = []


@lru_cache(maxsize=262144)
def token_kind(token: str) -> int:
    """Which of NC102 (1), NC103 (2), NC104 (4) may split ``token`` (evidence aside).

    >>> token_kind("withUkraine"), token_kind("Scholzis"), token_kind("ainvasion")
    (1, 2, 4)
    >>> token_kind("Putin"), token_kind("iPhone"), token_kind("another")
    (0, 0, 0)
    """
    kind = 0
    # NC102 cuts only tokens that start in lower case ("withUkraine", "deGrood").
    if (
        token[0].islower()
        and HUMP_GATE_RE.search(token)
        and (word_name_cut(token) is not None or particle_cut(token) is not None)
    ):
        kind |= HUMP
    if (
        len(token) >= 5
        and token[0].isupper()
        and (
            name_word_cuts(token) or particle_end_cut(token) is not None or vouched_only_cuts(token)
        )
    ):
        kind |= CAPITALISED
    if token[0].islower() and small_word_cut(token) is not None:
        kind |= SMALL
    if token[0].isupper() and opener_name_cut(token) is not None:
        kind |= OPENER
    return kind


def chunk_runs(chunk: str) -> tuple[tuple[str, int], ...]:
    """The letter runs of a whitespace-free ``chunk`` that a fused rule may split.

    >>> chunk_runs("(Scholzis,"), chunk_runs("said,")
    ((('Scholzis', 2),), ())
    """
    return tuple((run, kind) for run in LETTER_RUN_RE.findall(chunk) if (kind := token_kind(run)))


#: Characters outside Latin-1 that news text is full of, none of them a letter: blanked
#: before the fast gate so that such text takes it.
PUNCT_OUTSIDE_LATIN1 = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u20ac\u2032\u2033"


def _class_table(letters: bool) -> bytes:
    """A ``bytes.translate`` table over Latin-1. Case classes: upper-case letters to ``A``,
    lower-case to ``a``, uncased to ``o``. With ``letters``: ASCII letters kept, other
    upper-case letters to 0x81, lower-case to 0x80, uncased to 0x82. Non-letters to spaces."""
    out = bytearray(b" " * 256)
    for i in range(256):
        ch = chr(i)
        if not ch.isalpha():
            continue
        if letters and i < 128:
            out[i] = i
        elif ch.isupper():
            out[i] = 0x81 if letters else ord("A")
        elif ch.islower():
            out[i] = 0x80 if letters else ord("a")
        else:
            out[i] = 0x82 if letters else ord("o")
    return bytes(out)


CASE_TABLE = _class_table(letters=False)
LETTER_TABLE = _class_table(letters=True)
#: The case classes (:data:`CASE_TABLE`) of the last text :func:`gate_runs` scanned, with a
#: space on either side: ``(text, classes)``, replaced whole. NC106 reads the same classes
#: (:func:`case_classes`).
_CASE: list[tuple[str, bytes] | None] = [None]
#: Byte tokens known to concern no fused rule (bounded; past the bound they are examined
#: again).
_IRRELEVANT_BYTES: set[bytes] = set()


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, as a trie: one branch a first letter,
    so that the engine rejects most positions at their first character.

    >>> trie_pattern(["a", "an", "at", "the", "to", "into", "in"])
    '(?:a(?:n|t)?|in(?:to)?|t(?:he|o))'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alternatives = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        if len(alternatives) == 1 and "" not in node:
            body = alternatives[0]
        else:
            body = "(?:" + "|".join(alternatives) + ")"
        return body + "?" if "" in node else body

    return emit(root)


@lru_cache(maxsize=1)
def _small_words_gate() -> re.Pattern[bytes]:
    """:func:`_token_gate` of the shipped small words (``data/fused_small_words.txt``)."""
    return _token_gate(tuple(_table("fused_small_words.txt")))


@lru_cache(maxsize=4)
def _token_gate(words: tuple[str, ...]) -> re.Pattern[bytes]:
    """In the letter classes, one scan for two kinds of letter runs: capitalised runs of five
    letters or more (NC103) and lower-case runs that start with one of ``words`` and go on
    (NC104).

    One flat alternation whose every branch opens with a class or a literal letter (one a
    first letter of ``words``; the words that start with a shorter one are left out, as
    they add no run): the engine skips a branch on its first character without entering
    it, where a trie behind a shared group was entered at every space (~20% faster).

    >>> gate = _token_gate(("a", "an", "the", "of"))
    >>> gate.findall(b" Kuleba anew the theft of often Aaa withUkraine ")
    [b'Kuleba', b'anew', b'theft', b'often']
    """
    shortest = {w for w in words if w and not any(o and o != w and w.startswith(o) for o in words)}
    rests: dict[str, list[str]] = {}
    for word in shortest:
        rests.setdefault(word[0], []).append(word[1:])
    branches = [rb"[A-Z\x81][a-z\x80\x82]{4,}"]
    for first, ends in sorted(rests.items()):
        # A one-letter word takes every run it opens; then it is the only word with that
        # first letter (the others start with it).
        ends = [e for e in ends if e]
        rest = trie_pattern(ends) if ends else ""
        branches.append((re.escape(first) + rest).encode("latin-1") + rb"[a-z\x80\x82]+")
    return re.compile(rb" (" + b"|".join(branches) + rb")(?= )")


def latin1_bytes(text: str) -> bytes | None:
    """``text`` as Latin-1 bytes, one a character, with :data:`PUNCT_OUTSIDE_LATIN1` blanked,
    or ``None`` when other characters outside Latin-1 remain.

    >>> latin1_bytes("Kyiv’s “talks”"), latin1_bytes("Київ")
    (b'Kyiv s  talks ', None)
    """
    if not text.isascii():
        for ch in PUNCT_OUTSIDE_LATIN1:
            if ch in text:
                text = text.replace(ch, " ")
    data = text.encode("latin-1", "replace")
    if data.count(b"?") != text.count("?"):
        return None
    return data


#: The least frequency (Zipf 2) of the words in :func:`plain_words`: rarer words are left to
#: the per-token cache, which keeps the set (and its memory) small.
PLAIN_MIN_FREQUENCY = 1e-7


@lru_cache(maxsize=1)
def plain_words() -> frozenset[bytes]:
    """ASCII words wordfreq knows that no fused rule splits, as the byte tokens the gate of
    :func:`gate_runs` yields: every known word of five letters or more, capitalised (NC103
    splits only tokens wordfreq does not know; NC102 and NC104 only tokens with an inner
    capital or a lower-case start), and the frequent lower-case words that start with a small
    word (Zipf 3.5 or more, which NC104 never splits). Built once, so that a document's
    known tokens are dropped by one set difference in C before any work per token.

    >>> b"Thursday" in plain_words(), b"Scholzis" in plain_words(), b"another" in plain_words()
    (True, False, True)
    >>> all(token_kind(w.decode()) == 0 for w in sorted(plain_words())[:2000])
    True
    """
    small = tuple(sorted(_table("fused_small_words.txt")))
    # Building it walks wordfreq's 320,000 words (~0.1 s of every start-up): it is kept in
    # the cache folder, stamped with wordfreq's files, the small words and this code.
    return derived(
        "fused-plain-words",
        f"{wordfreq_key()}|{PLAIN_MIN_FREQUENCY}|{' '.join(small)}",
        lambda: _build_plain_words(small),
        uses=(_build_plain_words,),
    )


def _build_plain_words(small: tuple[str, ...]) -> frozenset[bytes]:
    """:func:`plain_words`, built from the frequency table."""
    out = set()
    for word, freq in _frequencies().items():
        if freq < PLAIN_MIN_FREQUENCY or not (word.isascii() and word.isalpha() and word.islower()):
            continue
        if len(word) >= 5:
            out.add(word.capitalize().encode("ascii"))
        if word.startswith(small) and freq >= 10**-5.5:
            out.add(word.encode("ascii"))
    return frozenset(out)


def gate_runs(text: str, data: bytes) -> set[str]:
    """The letter runs of ``text`` (given as :func:`latin1_bytes`) that may concern NC102
    (a lower-case letter before an upper-case one), NC103 (a capitalised run of five letters
    or more) or NC104 (a lower-case run that starts with a small word): a superset of the
    runs :func:`token_kind` accepts, less those already known to be irrelevant, found by
    C-level scans of two class strings.

    >>> text = "Olaf Scholzis, withUkraine and ainvasion"
    >>> sorted(gate_runs(text, text.encode()))
    ['Scholzis', 'ainvasion', 'withUkraine']
    >>> sorted(gate_runs("Café Müllerand", "Café Müllerand".encode("latin-1")))
    ['Müllerand']
    """
    runs: set[str] = set()
    padded = b" " + data + b" "
    case = padded.translate(CASE_TABLE)
    _CASE[0] = (text, case)
    at = case.find(b"aA")
    while at != -1:
        start = case.rfind(b" ", 0, at) + 1
        end = case.find(b" ", at)
        runs.add(text[start - 1 : end - 1])
        at = case.find(b"aA", end)
    letters = padded.translate(LETTER_TABLE)
    gate = _small_words_gate()
    if letters.isascii():
        # The byte tokens are the tokens: collect them in C, drop the known ones in C.
        # ``difference`` walks the document's tokens and builds only the few that remain;
        # ``difference_update`` would first build their intersection with the large set.
        found = set(gate.findall(letters)).difference(plain_words())
        found.difference_update(_IRRELEVANT_BYTES)
        for token in found:
            run = token.decode("ascii")
            if token_kind(run):
                runs.add(run)
            elif len(_IRRELEVANT_BYTES) < _IRRELEVANT_MAX:
                _IRRELEVANT_BYTES.add(token)
        return runs
    for m in gate.finditer(letters):
        runs.add(text[m.start() : m.end() - 1])
    return runs


def candidate_tokens(text: str) -> dict[str, int]:
    """The distinct letter runs of ``text`` that a fused rule may split, with their kinds.

    Text whose characters are Latin-1 (after blanking the usual typographic punctuation)
    takes the fast path (:func:`gate_runs`); other text is cut at whitespace and its chunks
    examined (:func:`chunk_runs`). The result for the last text is kept, so the rules that
    run one after the other on an unchanged text share it.

    >>> candidate_tokens("Olaf Scholzis on the border withUkraine said so.")
    {'Scholzis': 2, 'withUkraine': 1}
    >>> candidate_tokens("Скоро Scholzis on the border withUkraine said so.")
    {'Scholzis': 2, 'withUkraine': 1}
    """
    if _LAST and _LAST[0][0] is text:
        return _LAST[0][1]
    data = latin1_bytes(text)
    out: dict[str, int] = {}
    if data is not None:
        for run in sorted(gate_runs(text, data)):
            kind = token_kind(run)
            if kind:
                out[run] = kind
    else:
        # ``difference`` looks each chunk up in the large set; ``-=`` would walk it.
        for chunk in sorted(set(text.split()).difference(_IRRELEVANT)):
            runs = _RELEVANT.get(chunk)
            if runs is None:
                runs = chunk_runs(chunk)
                if runs:
                    if len(_RELEVANT) < _RELEVANT_MAX:
                        _RELEVANT[chunk] = runs
                elif len(_IRRELEVANT) < _IRRELEVANT_MAX:
                    _IRRELEVANT.add(chunk)
            for run, kind in runs:
                out[run] = out.get(run, 0) | kind
    _LAST[:] = [(text, out)]
    return out


def occurrences(text: str, token: str, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
    """The places ``token`` stands in ``text`` as a whole match of ``pattern``.

    >>> [m.start() for m in occurrences("Kuleba, Kulebaclaims Kuleba", "Kuleba", CAPITALISED_RE)]
    [0, 21]
    """
    # The patterns' edges forbid a letter or digit on either side, so in a long text only the
    # blocks holding the token's first run are searched (:func:`word_starts`). (A character
    # that only a newer Unicode than Python's counts as a letter could hide a place there.)
    for start in word_starts(text, token):
        m = pattern.match(text, start)
        if m is not None and m.end() == start + len(token):
            yield m


# --------------------------------------------------------------------------------------------
# NC101: missing space after a full stop, "!" or "?".

#: Domain and file suffixes that are also English words opening a sentence ("It", "News").
ENGLISH_SUFFIXES = frozenset(["it", "in", "us", "me", "news", "online", "app", "dev", "info", "ai"])


#: Two-letter words that end sentences ("ready to go.", "to do so."): before a stop and a
#: capitalised word they are a sentence's end like longer words. Other two-letter tokens
#: before a stop are abbreviations and codes ("fr.Vladimir", "js.Node").
SHORT_SENTENCE_ENDS = frozenset(
    ["go", "so", "it", "up", "me", "us", "do", "to", "in", "on", "at", "by", "of", "no", "is"]
)


def stop_fusion(left: str, stop: str, right: str, *, min_word_zipf: float = 3.0) -> bool:
    """Whether ``left + stop + right`` is two sentences that lost the space between them.

    A capitalised right word is a new sentence unless it is a domain or file suffix; a
    lower-case right word is one only after a full stop, when both words are common English
    words and the right one is not a domain or file suffix.

    >>> stop_fusion("hemicycle", ".", "The"), stop_fusion("countries", ".", "fueled")
    (True, True)
    >>> stop_fusion("Node", ".", "js"), stop_fusion("example", ".", "com")
    (False, False)
    >>> stop_fusion("ASP", ".", "NET"), stop_fusion("report", ".", "pdf")
    (False, False)
    >>> stop_fusion("error", ".", "log"), stop_fusion("json", ".", "loads")
    (False, False)
    >>> stop_fusion("mastodon", ".", "social"), stop_fusion("tickets", ".", "london")
    (False, False)
    >>> stop_fusion("x", ".", "He"), stop_fusion("x", ".", "It"), stop_fusion("x", ".", "Pdf")
    (True, True, False)
    """
    if len(right) < 2:
        return False
    suffix = right.lower() in _table("domain_suffixes.txt")
    if right[0].isupper():
        return right[1:].islower() and not (suffix and right.lower() not in ENGLISH_SUFFIXES)
    if suffix or right in _table("domain_tlds.txt"):
        return False  # a lower-case top-level domain: "mastodon.social", "tickets.london"
    if stop != "." or not left.islower() or len(left) < 3 or len(right) < 3:
        return False
    code = _table("fused_dotted_names.txt")
    if right in code or left in code:
        return False  # "error.log", "json.loads", "window.location": file and code names
    return zipf(left) >= 2.5 and zipf(right) >= min_word_zipf


def capitalised_sentence_end(left: str, right: str) -> bool:
    """Whether a capitalised word ``left`` before a full stop ends a sentence: only when
    ``left`` is shaped as a word or a name (capital, then lower case), and before a word that
    opens English sentences and names nothing (``data/fused_sentence_openers.txt``) or after
    the name of a weekday or a month, which no site or file name is made of ("on
    Thursday.In", "in March.Opec").

    >>> capitalised_sentence_end("Scholz", "They"), capitalised_sentence_end("Ukraine", "However")
    (True, True)
    >>> capitalised_sentence_end("Kostroma", "Today"), capitalised_sentence_end("Corriere", "It")
    (False, False)
    >>> capitalised_sentence_end("ASP", "The"), capitalised_sentence_end("McCain", "He")
    (False, False)
    >>> capitalised_sentence_end("Thursday", "In"), capitalised_sentence_end("March", "Opec")
    (True, True)
    """
    if not left[1:].islower():
        return False
    return right in _frozen_table("fused_sentence_openers.txt") or left.lower() in _calendar()


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """The full names of the weekdays and the months (lower case), from the header tables."""
    return frozenset(
        line.split()[0]
        for name in ("header_weekdays.txt", "header_months.txt")
        for line in load_table(name)
    )


def stop_positions(text: str) -> list[int]:
    """Where :data:`STOP_GATE_RE` matches in ``text`` (a "." "!" or "?" before a letter),
    found with :data:`STOP_SCAN_RES`, faster than a pattern tried at every position.

    >>> stop_positions("ends.Then 1.5 e.g. U.S. no!Yes a.1")
    [4, 15, 20, 26]
    """
    match = STOP_GATE_RE.match
    out = [
        m.start()
        for stop, scan in zip(".!?", STOP_SCAN_RES, strict=True)
        if stop in text  # a search in C first ("!" and "?" are rare in news)
        for m in scan.finditer(text)
        if match(text, m.start())
    ]
    out.sort()
    return out


def find_stop_fusion(text: str, ctx: Context) -> Iterable[Change]:
    positions = stop_positions(text)
    if not positions:
        return ()  # the gate: the pipeline skips an empty tuple without iterating
    return _stop_fusions(text, ctx, positions)


def _stop_fusions(text: str, ctx: Context, positions: list[int]) -> Iterator[Change]:
    protected = protected_tokens(ctx)
    for at in positions:
        lm = STOP_LEFT_RE.search(text, max(0, at - 64), at)
        rm = STOP_RIGHT_RE.match(text, at + 1)
        if lm is None or rm is None:
            continue
        left = lm.group("left") or ""
        right = rm.group()
        stop = text[at]
        if lm.group("year"):
            # "in 2014.Russia annexed": a year ends a sentence only before a full stop; the
            # capitalised word after it is then read as after a word (never "2019.Net").
            if stop != ".":
                continue
        elif (
            left
            and not (left[0].islower() and (len(left) >= 3 or left in SHORT_SENTENCE_ENDS))
            and not (stop == "." and capitalised_sentence_end(left, right))
        ):
            # "Kostroma.Today", "Neva.Today": a capitalised word is a brand's, unless a
            # sentence opener follows ("met Scholz.They agreed").
            continue
        if left in protected or right in protected:
            continue
        if f"{left}{lm.group('close') or ''}{stop}{right}" in protected:
            continue
        if not left and not right[0].isupper():
            continue
        if not stop_fusion(left or "x", stop, right):
            continue
        if in_link(text, lm.start(), rm.end()) or in_code_span(text, lm.start(), rm.end()):
            continue
        yield Change(at + 1, at + 1, " ", f"space restored after '{stop}' between sentences")


# --------------------------------------------------------------------------------------------
# NC107: a comma with no space after it between two words ("Lisbon,at the margin").

#: A comma between letters, found with the stdlib ``re`` (its ``[^\W\d_]`` is a letter):
#: the literal first, so the scan runs at memory speed.
COMMA_GATE_RE = re.compile(r",(?<=[^\W\d_],)[^\W\d_]")
#: The word before such a comma (after a space, a bracket or a quotation mark, never after
#: characters of URLs, code, numbers or lists) and the word after it, which must end at a
#: space, or at punctuation with a space after it ("a,b,c", "x,y=1" and "news,politics,world"
#: are left).
COMMA_LEFT_RE = regex.compile(r"(?:^|(?<=[\s(\[\"“‘«]))\p{L}[\p{L}'’]*+\Z")
COMMA_RIGHT_RE = regex.compile(r"\p{Ll}++(?=[ \t\n)\"”’»]|[.;:!?,](?:[\s\"”’)]|\Z)|\Z)")
#: The least frequency (Zipf) of the word after the comma: a common English word.
COMMA_RIGHT_ZIPF = 3.0


def comma_fusion(left: str, right: str) -> bool:
    """Whether ``left + "," + right`` is two words that lost the space after the comma: the
    right word lower case and common in English, the left one a word of two letters or
    more.

    >>> comma_fusion("Lisbon", "at"), comma_fusion("Party", "said"), comma_fusion("Erdoğan", "who")
    (True, True, True)
    >>> comma_fusion("a", "b"), comma_fusion("Foo", "xyzzy"), comma_fusion("news", "politics")
    (False, False, True)
    """
    return len(left) >= 2 and zipf(right) >= COMMA_RIGHT_ZIPF


def find_comma_fusion(text: str, ctx: Context) -> Iterable[Change]:
    if "," not in text or COMMA_GATE_RE.search(text) is None:
        return ()
    return _comma_fusions(text, ctx)


def _comma_fusions(text: str, ctx: Context) -> Iterator[Change]:
    protected = protected_tokens(ctx)
    for m in COMMA_GATE_RE.finditer(text):
        at = m.start()
        lm = COMMA_LEFT_RE.search(text, max(0, at - 48), at)
        rm = COMMA_RIGHT_RE.match(text, at + 1)
        if lm is None or rm is None:
            continue
        left, right = lm.group(), rm.group()
        if not comma_fusion(left, right) or left in protected or right in protected:
            continue
        if f"{left},{right}" in protected:
            continue
        if in_link(text, lm.start(), rm.end()) or in_code_span(text, lm.start(), rm.end()):
            continue
        yield Change(at + 1, at + 1, " ", "space restored after a comma")


# --------------------------------------------------------------------------------------------
# NC102: a lower-case word glued to a following name ("withUkraine").


def word_name_cut(token: str, *, min_word_zipf: float = 1.0) -> int | None:
    """Where to cut a lower-case word glued to a capitalised name, or ``None``.

    The lower-to-upper change inside the token is the evidence; the word part must be a
    word (known to wordfreq, or five letters or more) and not a name particle ("de",
    "van"), and brand tokens (``iPhone``, ``easyJet``) are protected.

    >>> word_name_cut("withUkraine"), word_name_cut("frontierKuleba"), word_name_cut("ofThe")
    (4, 8, 2)
    >>> word_name_cut("iPhone"), word_name_cut("easyJet"), word_name_cut("deGrom")
    (None, None, None)
    """
    if token in _table("fused_protected.txt"):
        return None
    m = LOWER_PREFIX_RE.match(token)
    if m is None or m.end() == len(token) or m.end() < 2:
        return None
    word = m.group()
    if word in NAME_PARTICLES or (zipf(word) < min_word_zipf and len(word) < 5):
        return None
    return m.end()


def particle_cut(token: str) -> int | None:
    """Where a name particle ends in a token it starts ("deGrood"), or ``None``: such tokens
    are names ("deGrom", "vanDyke") unless the document writes the two parts apart
    elsewhere (:func:`find_word_name`).

    >>> particle_cut("deGrood"), particle_cut("vanDyke"), particle_cut("withUkraine")
    (2, 3, None)
    """
    if token in _table("fused_protected.txt"):
        return None
    m = LOWER_PREFIX_RE.match(token)
    if m is None or m.end() == len(token) or m.group() not in NAME_PARTICLES:
        return None
    return m.end()


def cut_occurrences(
    text: str,
    ctx: Context,
    kind: int,
    cut_of: Callable[[str], int | None],
    pattern: regex.Pattern[str],
) -> Iterator[tuple[str, int, regex.Match[str]]]:
    """``(token, cut, match)`` for every candidate token of ``kind`` that ``cut_of`` cuts,
    not protected, wherever it stands as a whole match of ``pattern`` outside a link: what
    NC102 and NC104 examine.

    >>> from newsclean import Config
    >>> ctx = Context(Config(), "NC102", {})
    >>> text = "on the border withUkraine"
    >>> [(t, c, m.start()) for t, c, m in cut_occurrences(text, ctx, HUMP, word_name_cut,
    ...                                                     WORD_NAME_RE)]
    [('withUkraine', 4, 14)]
    """
    tokens = [t for t, k in candidate_tokens(text).items() if k & kind]
    if not tokens:
        return
    protected = protected_tokens(ctx)
    for token in tokens:
        cut = cut_of(token)
        if cut is None or token in protected:
            continue
        for m in occurrences(text, token, pattern):
            if not in_link(text, m.start(), m.end()):
                yield token, cut, m


def space_restored(token: str, cut: int, at: int) -> Change:
    """The change that puts back the space cutting ``token`` (standing at ``at``) at ``cut``."""
    return Change(
        at + cut, at + cut, " ", f"space restored between '{token[:cut]}' and '{token[cut:]}'"
    )


def split_or_reported(token: str, cut: int, at: int, vouched: bool, other: str) -> Change:
    """``token`` (standing at ``at``) cut at ``cut`` when the evidence ``vouched`` for the
    name after the cut; else a report that it may be ``other`` (a brand, a code name) as
    likely as two words run together: a person decides.

    >>> split_or_reported("withUkraine", 4, 10, True, "a brand").replacement
    ' '
    >>> report = split_or_reported("TheStreet", 3, 0, False, "a brand")
    >>> report.replacement, report.start, report.message.split(":")[0]
    (None, 3, "'TheStreet' may be 'The Street' run together, or a brand")
    """
    if vouched:
        return space_restored(token, cut, at)
    word, name = token[:cut], token[cut:]
    return Change(
        at + cut,
        at + cut,
        None,
        f"'{token}' may be '{word} {name}' run together, or {other}: nothing shows '{name}' "
        "is a name here (not split)",
    )


def camel_name_vouched(text: str, name: str, names: DocNames, lexicon: Any = None) -> bool:
    """Whether the capitalised part of a lower-case word + name token is a name, not the
    second word of a brand or a code name ("openDemocracy", "getUser", "theSkimm"): a
    shipped place or always-alone word, a name the lexicon knows, or one the document shows
    (:meth:`DocNames.vouches`, or standing alone after a lower-case word while never written
    in lower case).

    >>> doc = "Talks on the border withUkraine went on. Troops massed near Ukraine."
    >>> camel_name_vouched(doc, "Ukraine", DocNames(doc))
    True
    >>> doc = "Call getUser before the user logs in."
    >>> camel_name_vouched(doc, "User", DocNames(doc))
    False
    """
    if listed_name(name) or (lexicon is not None and name in lexicon):
        return True
    if names.vouches(name):
        return True
    return name in names and not whole_word_at(text, name.lower())


#: A capitalised word of at least this Zipf frequency glued to a lower-case word needs the
#: document's evidence to be cut off as a name: it may be the second word of a brand or a
#: code name ("openDemocracy", "getUser", "useState"); rarer ones are names ("andPfizer").
COMMON_NAME_PART_ZIPF = 4.0


def camel_cut_vouched(
    text: str, word: str, name: str, end: int, names: DocNames, lexicon: Any
) -> bool:
    """Whether ``word`` + ``name`` glued together (NC102), ending at ``end``, may be cut.

    A name part rare in English (Zipf under :data:`COMMON_NAME_PART_ZIPF`) may, and so may
    any after a word that never starts a brand or code name ("thePresident",
    ``data/fused_camel_words.txt``); a common one after another word only with evidence that
    it is a name here: it goes on as a longer name or a date
    ("boostTime Warner", "inSouth Korea", "inAugust 2003"), ``word`` and it stand together
    elsewhere ("the President"), or :func:`camel_name_vouched`.

    >>> doc = "deals that boostTime Warner profit"
    >>> camel_cut_vouched(doc, "boost", "Time", 20, DocNames(doc), None)
    True
    >>> doc = "Call getUser when the user logs in."
    >>> camel_cut_vouched(doc, "get", "User", 12, DocNames(doc), None)
    False
    >>> camel_cut_vouched("from the frontierKuleba said", "frontier", "Kuleba", 23,
    ...                   DocNames(""), None)
    True
    """
    if zipf(name) < COMMON_NAME_PART_ZIPF or word in _table("fused_camel_words.txt"):
        return True
    if NAME_GOES_ON_RE.match(text, end) is not None:
        return True
    if names.vouches(name, word):
        return True
    return camel_name_vouched(text, name, names, lexicon)


def in_code_span(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a Markdown code span: an odd number of
    backticks before it on its line (looked for at most 200 characters back) and one after.

    >>> in_code_span("call `getUser` now", 6, 13), in_code_span("call getUser `x`", 5, 12)
    (True, False)
    """
    line_start = max(text.rfind("\n", 0, start) + 1, start - 200)
    if text.count("`", line_start, start) % 2 == 0:
        return False
    line_end = text.find("\n", end)
    return text.find("`", end, len(text) if line_end == -1 else line_end) != -1


def has_candidates(text: str, kind: int) -> bool:
    """Whether :func:`candidate_tokens` of ``text`` holds a token of ``kind``: the gate of
    NC102-NC104 (most texts hold none).

    >>> has_candidates("the border withUkraine", HUMP), has_candidates("the border", HUMP)
    (True, False)
    """
    tokens = candidate_tokens(text)
    return bool(tokens) and any(k & kind for k in tokens.values())


def find_word_name(text: str, ctx: Context) -> Iterable[Change]:
    if not has_candidates(text, HUMP | OPENER):
        return ()
    return _word_names(text, ctx)


def _word_names(text: str, ctx: Context) -> Iterator[Change]:
    def cut_of(token: str) -> int | None:
        cut = word_name_cut(token)
        if cut is None:
            # A particle glued to a name the document also writes apart: "deGrood" when
            # "de Grood" stands elsewhere.
            cut = particle_cut(token)
            if cut is not None and not whole_word_at(text, f"{token[:cut]} {token[cut:]}"):
                cut = None
        return cut

    names: DocNames | None = None
    for token, cut, m in cut_occurrences(text, ctx, HUMP, cut_of, WORD_NAME_RE):
        if names is None:
            names = DocNames(text)
        if in_code_span(text, m.start(), m.end()):
            continue
        word, name = token[:cut], token[cut:]
        vouched = camel_cut_vouched(text, word, name, m.end(), names, ctx.config.lexicon)
        yield split_or_reported(token, cut, m.start(), vouched, "a brand or code name")
    yield from _opener_names(text, ctx)


# A capitalised function word glued to a name at a sentence's start ("TheKremlin said").


@lru_cache(maxsize=1)
def _opener_name_re() -> regex.Pattern[str]:
    """A capitalised opener of ``data/fused_capital_openers.txt`` and one capitalised word."""
    openers = "|".join(sorted(_table("fused_capital_openers.txt"), key=lambda w: -len(w)))
    return regex.compile(r"(?:" + openers + r")(?=\p{Lu}\p{Ll}{2,}\Z)")


#: Such a token where it stands, between the edges of :data:`WORD_NAME_RE`.
OPENER_TOKEN_RE = regex.compile(
    LEFT_EDGE + r"\p{Lu}\p{Ll}++\p{Lu}\p{Ll}++(?![\p{L}\p{M}\p{N}_@/\\\-+=]|\.[\p{L}\p{N}])"
)
#: What may stand between a sentence's end (or a line's start) and the token that opens
#: the next sentence: spaces, opening quotes and brackets.
SENTENCE_GAP = " \t\u00a0\"“‘'«([„"


def opener_name_cut(token: str) -> int | None:
    """Where a capitalised function word ends in ``token``, glued to a capitalised word
    ("TheKremlin", "InMoscow"), when wordfreq does not know the token ("InDesign",
    "TheStreet", "InBev" and "OnStar" it knows: brands); ``None`` otherwise.

    >>> opener_name_cut("TheKremlin"), opener_name_cut("InMoscow"), opener_name_cut("TheEuropean")
    (3, 2, 3)
    >>> [opener_name_cut(t) for t in ("TheStreet", "InDesign", "OnePlus", "McCain", "YouTube")]
    [None, None, None, None, None]
    """
    if token in _table("fused_protected.txt"):
        return None
    m = _opener_name_re().match(token)
    if m is None or zipf(token) > 0:
        return None
    return m.end()


def opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or a line: only spaces, opening quotes or brackets
    stand between it and the text's start, a line break, or a ".", "!", "?", ":" or ";".

    >>> t = "Prices rose. TheKremlin said so; “InMoscow” too\\nTheEuropean one, said TheKremlin"
    >>> [opens_sentence(t, t.index(w)) for w in ("TheKremlin", "InMoscow", "TheEuropean")]
    [True, True, True]
    >>> opens_sentence(t, t.rindex("TheKremlin"))
    False
    """
    k = start
    while k > 0 and text[k - 1] in SENTENCE_GAP:
        k -= 1
    return k == 0 or text[k - 1] in "\n\r.!?:;"


def opener_cut_vouched(text: str, opener: str, name: str, names: DocNames, lexicon: Any) -> bool:
    """Whether the name glued to a capitalised opener is one: a shipped name
    (:func:`listed_name`), one the lexicon knows, the two words written apart elsewhere in
    the document ("the Kremlin"), or a name rare in English that the document shows standing
    alone (:meth:`DocNames.vouches`; a common word such as "Street" needs one of the others).

    >>> doc = "TheKremlin said so. The Kremlin denied it."
    >>> opener_cut_vouched(doc, "The", "Kremlin", DocNames(doc), None)
    True
    >>> doc = "TheStreet said so. Shares fell on Wall Street."
    >>> opener_cut_vouched(doc, "The", "Street", DocNames(doc), None)
    False
    """
    if listed_name(name) or (lexicon is not None and name in lexicon):
        return True
    if whole_word_at(text, f"{opener} {name}") or whole_word_at(text, f"{opener.lower()} {name}"):
        return True
    return zipf(name) < COMMON_NAME_PART_ZIPF and names.vouches(name)


def _opener_names(text: str, ctx: Context) -> Iterator[Change]:
    tokens = [t for t, k in candidate_tokens(text).items() if k & OPENER]
    if not tokens:
        return
    protected = protected_tokens(ctx)
    names: DocNames | None = None
    for token in tokens:
        cut = opener_name_cut(token)
        if cut is None or token in protected:
            continue
        opener, name = token[:cut], token[cut:]
        for m in occurrences(text, token, OPENER_TOKEN_RE):
            if not opens_sentence(text, m.start()) or in_link(text, m.start(), m.end()):
                continue  # mid-sentence it is a brand's or a handle's shape ("by InStat")
            if in_code_span(text, m.start(), m.end()):
                continue
            if names is None:
                names = DocNames(text)
            vouched = opener_cut_vouched(text, opener, name, names, ctx.config.lexicon)
            yield split_or_reported(token, cut, m.start(), vouched, "a brand")


# --------------------------------------------------------------------------------------------
# NC103: a name glued to a following word ("Scholzis", "Kulebaclaims").


#: Two-letter words that open a clause after a name but are no function word that follows
#: names in data/fused_follow_words.txt: offered as word parts, taken only after a name
#: with strong evidence ("Asiait", "Xboxbe": listed or seen in the document).
STRONG_EVIDENCE_SHORT_WORDS = frozenset({"it", "if", "be", "up", "so", "do"})


@lru_cache(maxsize=65536)
def name_word_cuts(token: str, min_word_zipf: float = 3.0) -> tuple[tuple[int, float, bool], ...]:
    """The places a capitalised token unknown to wordfreq could be cut into name + word:
    ``(cut, zipf of the word part, whether the word part follows names)`` for every cut that
    leaves a name part of three or more letters and a frequent word part that is not a
    common name ending ("-son", "-ton", "-berg" ...): three letters or more, or two that
    follow names or :data:`STRONG_EVIDENCE_SHORT_WORDS`. Empty when wordfreq knows the
    whole token.

    >>> [(c, f) for c, _, f in name_word_cuts("Scholzis")]
    [(6, True)]
    >>> name_word_cuts("Putin"), name_word_cuts("Stoltenberg")
    ((), ())
    >>> [cut for cut, _, _ in name_word_cuts("Tateson")]  # "Tate son" is not offered
    [5]
    >>> [cut for cut, _, _ in name_word_cuts("Walesproportionately")]  # a rare long word
    [5, 17]
    """
    if zipf(token) > 0 or not token[1:].islower():
        return ()
    endings = _table("fused_name_endings.txt")
    cuts = []
    for i in range(3, len(token) - 1):
        word = token[i:]
        if word in endings and not (follows_names(word) and listed_name(token[:i])):
            continue  # "Tateson", "Qatargate"; a shipped name before a function word is cut
        z = zipf(word)
        if z >= min_word_zipf and (
            len(word) >= 3 or follows_names(word) or word in STRONG_EVIDENCE_SHORT_WORDS
        ):
            cuts.append((i, z, follows_names(word)))
        elif z >= RARE_WORD_ZIPF and len(word) >= RARE_WORD_LENGTH and follows_names(word):
            cuts.append((i, z, True))  # "Walesproportionately": taken with strong evidence
        elif z >= RARE_WORD_ZIPF and len(word) >= 8:
            cuts.append((i, z, False))  # "Portugueseplaymaker": taken with strong evidence
    # A typo is looked for only when there is a cut to refuse (each swap is a look-up).
    if cuts and is_transposition_typo(token):
        return ()
    return tuple(cuts)


#: A word part this rare (Zipf 2.5 up to the usual 3), of :data:`RARE_WORD_LENGTH` letters or
#: more and one that follows names, is offered by :func:`name_word_cuts` but cut off only a
#: name with strong evidence (:func:`best_name_word_cut`): "Walesproportionately",
#: "Federertriumphed", "Americanenvoys".
RARE_WORD_ZIPF = 2.5
RARE_WORD_LENGTH = 6


#: Two-letter words that follow names but rarely end one; other two-letter word parts
#: ("is", "in", "on", "at" ...) end many real names ("Perakis", "Donnellon") and need a
#: well-known name part.
SAFE_SHORT_WORDS = frozenset({"he", "of", "by", "or", "we"})


def is_transposition_typo(token: str, min_zipf: float = 3.5) -> bool:
    """Whether swapping two neighbouring letters of ``token`` gives a frequent word: then it
    is a typo ("Thaliand" for "Thailand"), not two words glued together.

    >>> is_transposition_typo("Thaliand"), is_transposition_typo("Scholzis")
    (True, False)
    """
    for i in range(len(token) - 1):
        swapped = token[:i] + token[i + 1] + token[i] + token[i + 2 :]
        if swapped != token and zipf(swapped) >= min_zipf:
            return True
    return False


#: Above this Zipf frequency a capitalised word seen alone in the document may be a common
#: word in a title ("World War", "Movie"), not a name: it counts as word-frequency evidence.
MAX_DOC_NAME_ZIPF = 4.5


#: Words that open what follows a name and never end one: glued to a capitalised token they
#: are evidence enough, even for a name wordfreq does not know ("Pankesaid", "Saminejadare").
#: Speech verbs, auxiliaries, conjunctions, relative pronouns and prepositions of three
#: letters or more that no name is built from (not "her": Gescher, "his": Mathis, "can":
#: Duncan, "over": Dover, "the": Blythe, "its", "for", "may", "will").
CLAUSE_OPENERS = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "according",
        "however",
        "claims",
        "claimed",
        "warned",
        "stated",
        "states",
        "explained",
        "declared",
        "noted",
        "asked",
        "replied",
        "insisted",
        "wrote",
        "announced",
        "reported",
        "argued",
        "believes",
        "called",
        "and",
        "are",
        "was",
        "were",
        "has",
        "had",
        "have",
        "did",
        "does",
        "could",
        "would",
        "should",
        "also",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "whether",
        "while",
        "although",
        "because",
        "about",
        "after",
        "again",
        "against",
        "before",
        "between",
        "during",
        "from",
        "into",
        "since",
        "that",
        "they",
        "this",
        "through",
        "until",
        "with",
        "without",
        "yesterday",
    ]
)


def opens_clause(token: str, cut: int) -> bool:
    """Whether the word part ``token[cut:]`` opens a clause and never ends a name, so that
    the cut needs no evidence for the name part: a word of :data:`CLAUSE_OPENERS`, or a
    past tense or participle of six letters or more that is a frequent word ("pleaded",
    "having"); and no name ending longer than the word part ends the token ("Hewland" is
    no "Hewl and"), nor a longer word wordfreq knows ("Guidantshare" is no "Guidantsh are").

    >>> opens_clause("Dallaglioand", 9), opens_clause("Chicoinepleaded", 8)
    (True, True)
    >>> opens_clause("Guidantshare", 9), opens_clause("Americansunderstand", 16)
    (False, False)
    >>> opens_clause("Pakistanbackstabbed", 12)
    False
    >>> opens_clause("Hewland", 4), opens_clause("Perakis", 5), opens_clause("Gescher", 4)
    (False, False, False)
    """
    word = token[cut:]
    if word not in CLAUSE_OPENERS and not (
        len(word) >= 6 and word.endswith(("ed", "ing")) and zipf(word) >= 3.0
    ):
        return False
    # The word part must be the whole word: not the end of a name ("Hewland") nor of a
    # longer word known to wordfreq, however rare when two letters longer or more
    # ("Guidantshare" is no "Guidantsh are", "Pakistanbackstabbed" no "Pakistanback
    # stabbed"), of Zipf 2 or more when one letter longer (wordfreq's "iand" is noise).
    endings = _table("fused_name_endings.txt")
    return not any(
        token[i:] in endings or zipf(token[i:]) >= (2.0 if i == cut - 1 else 1e-9)
        for i in range(1, cut)
    )


def content_word(word: str, word_zipf: float) -> bool:
    """Whether ``word`` (of Zipf frequency ``word_zipf``) is frequent enough to follow a name
    with strong evidence: Zipf 3.5 or more, 3.0 or more for words of five letters or more
    ("Scottishregiments", "Trusspledges"), 2.5 or more for words of eight letters or more
    ("Portugueseplaymaker"); short rare word parts are mostly pieces of names
    ("Beijingers", "Malisse").

    >>> content_word("regiments", 3.3), content_word("ers", 3.2), content_word("box", 4.6)
    (True, False, True)
    >>> content_word("playmaker", 2.9), content_word("novich", 2.9)
    (True, False)
    """
    if len(word) >= 8:
        return word_zipf >= 2.5
    return word_zipf >= 3.5 or (len(word) >= 5 and word_zipf >= 3.0)


def _short_word_min_name(word: str) -> float:
    """The least Zipf frequency of a name part glued to ``word`` (two-letter words only).

    >>> _short_word_min_name("he"), _short_word_min_name("is"), _short_word_min_name("while")
    (3.0, 3.7, 0.0)
    """
    if len(word) > 2:
        return 0.0
    return 3.0 if word in SAFE_SHORT_WORDS else 3.7


def follows_names(word: str) -> bool:
    """Whether ``word`` can open what follows a name: a function word, speech verb or
    irregular past tense from ``data/fused_follow_words.txt``, a noun that names modify
    ("administration", "spokesman": ``data/fused_head_nouns.txt``), an inflected verb or
    adverb of six letters or more, or a five-letter regular past tense of a frequent verb
    ("voted").

    >>> follows_names("who"), follows_names("showing"), follows_names("claimed")
    (True, True, True)
    >>> follows_names("voted"), follows_names("filed"), follows_names("won"), follows_names("party")
    (True, True, True, True)
    >>> follows_names("cup"), follows_names("link"), follows_names("ching"), follows_names("greed")
    (False, False, False, False)
    """
    if word in _table("fused_follow_words.txt") or word in _table("fused_head_nouns.txt"):
        return True
    if len(word) >= 6:
        return word.endswith(("ed", "ing", "ly"))
    return len(word) == 5 and word.endswith("ed") and zipf(word[:-1]) >= 4.0


def listed_name(name: str) -> bool:
    """Whether ``name`` is a shipped name that always stands alone: a word of
    ``data/fused_standalone_words.txt`` (or its plural) or ``data/fused_place_names.txt``.

    >>> listed_name("Wednesdays"), listed_name("Canada"), listed_name("Turkey")
    (True, True, False)
    """
    standalone = _table("fused_standalone_words.txt")
    if name in standalone or (name[-1:] == "s" and name[:-1] in standalone):
        return True
    return name in _table("fused_place_names.txt")


def name_evidence(
    name: str,
    names: Collection[str],
    lexicon: Any,
    *,
    min_name_zipf: float = 1.5,
    before: str = "",
) -> int:
    """How strongly ``name`` is a name: 2 when the document or the lexicon shows it standing
    alone (unless it is also a common English word, "War", "Movie") or it is a capitalised
    word that always stands alone (``data/fused_standalone_words.txt``: weekdays, months,
    nationality adjectives), 1 when wordfreq knows it well enough (names of three letters
    need to be frequent), 0 otherwise.

    >>> name_evidence("Kuleba", {"Kuleba"}, None), name_evidence("Putin", set(), None)
    (2, 1)
    >>> name_evidence("Panott", {"Panot"}, None), name_evidence("Yor", set(), None)
    (0, 0)
    >>> name_evidence("Movie", {"Movie"}, None)
    1
    """
    z = zipf(name)
    if listed_name(name):
        return 2
    if z < MAX_DOC_NAME_ZIPF and (name in names or (lexicon is not None and name in lexicon)):
        return 2
    if isinstance(names, DocNames) and len(name) >= 3 and names.vouches(name, before):
        return 2
    return 1 if z >= min_name_zipf and (len(name) >= 4 or z >= 3.5) else 0


#: How much less well-known the name part before a two-letter word may be (than
#: :func:`_short_word_min_name` asks) when the token closes a longer name: a first name
#: before it is evidence that it ends in a surname ("Vladimir Leninin": Zipf 3.4 for "in").
CLOSING_SHORT_WORD_RELIEF = 0.4


#: Capitalised words that open sentences and clauses but never a name: the token after
#: them is not the last word of a longer name ("Yesterday Federalcourt" proves nothing).
NAME_RUN_STOPS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "Some",
        "Many",
        "Most",
        "All",
        "Every",
        "Each",
        "Other",
        "Another",
        "Now",
        "Then",
        "But",
        "Yet",
        "So",
        "If",
        "As",
        "Also",
        "Still",
        "Even",
        "Only",
    ]
)


def closes_name(before: str) -> bool:
    """Whether a token right after ``before`` (one space between) is the last word of a
    longer name: ``before`` is a capitalised word that is no function word opening a
    sentence ("Boston Federalcourt", "Capitol Hillneighborhood", not "The Hogfire").

    >>> closes_name("Boston"), closes_name("Capitol"), closes_name("The"), closes_name("When")
    (True, True, False, False)
    >>> closes_name("boston"), closes_name("NATO"), closes_name("")
    (False, False, False)
    """
    if len(before) < 2 or not before[0].isupper() or not before[1:].islower():
        return False
    word = before.lower()
    return (
        word not in _table("fused_follow_words.txt")
        and word not in _table("fused_small_words.txt")
        and word not in CLAUSE_OPENERS
        and before not in NAME_RUN_STOPS
    )


#: The least Zipf frequency of each part of a token cut after a capitalised word
#: (:func:`closing_cut`): both must be well-known words.
CLOSING_NAME_ZIPF = 3.5
CLOSING_WORD_ZIPF = 4.0


def closing_cut(name: str, word: str, word_zipf: float) -> bool:
    """Whether a token that closes a longer name (:func:`closes_name`) may be cut into
    ``name`` + ``word`` on word frequencies alone: both parts four letters or more, the name
    part a well-known word (Zipf :data:`CLOSING_NAME_ZIPF`), the word part a frequent one
    (Zipf :data:`CLOSING_WORD_ZIPF`) that does not end surnames (``data/fused_surname_words.txt``:
    "Allahgreen", "Ravencraft"); rarer parts are pieces of surnames ("Baer bock", "Madu aka").

    >>> closing_cut("Federal", "court", zipf("court")), closing_cut("Madu", "aka", zipf("aka"))
    (True, False)
    >>> closing_cut("Baer", "bock", zipf("bock")), closing_cut("Mil", "loud", zipf("loud"))
    (False, False)
    >>> closing_cut("Allah", "green", zipf("green"))
    False
    """
    return (
        len(name) >= 4
        and len(word) >= 4
        and word_zipf >= CLOSING_WORD_ZIPF
        and zipf(name) >= CLOSING_NAME_ZIPF
        and word not in _table("fused_surname_words.txt")
    )


#: Name particles that a name glued to them may end a token with ("Matthewde Grood",
#: "Baronvon Trapp"), and the least Zipf frequency of the name before them.
END_PARTICLES = ("de", "von", "van", "del", "della", "dos", "du")
END_PARTICLE_NAME_ZIPF = 3.5


@lru_cache(maxsize=65536)
def particle_end_cut(token: str) -> int | None:
    """Where a well-known name glued to a following name particle is cut ("Matthewde" before
    "Grood"), or ``None``: the token is unknown to wordfreq, ends with one of
    :data:`END_PARTICLES`, and what comes before is a word of four letters or more of Zipf
    :data:`END_PARTICLE_NAME_ZIPF` or more (rarer or shorter ones end surnames: "Rosende",
    "Mondel"). Whether to cut depends on the next word, which
    must be capitalised (:func:`best_name_word_cut`).

    >>> particle_end_cut("Matthewde"), particle_end_cut("Baronvon"), particle_end_cut("Stadede")
    (7, 5, None)
    >>> particle_end_cut("Matthew"), particle_end_cut("Andrade"), particle_end_cut("Rosende")
    (None, None, None)
    """
    if len(token) < 5 or not token[0].isupper() or not token[1:].islower() or zipf(token) > 0:
        return None
    for particle in END_PARTICLES:
        cut = len(token) - len(particle)
        if token.endswith(particle) and cut >= 4 and zipf(token[:cut]) >= END_PARTICLE_NAME_ZIPF:
            return cut
    return None


def best_name_word_cut(
    token: str,
    names: Collection[str],
    lexicon: Any = None,
    *,
    min_word_zipf: float = 3.0,
    min_name_zipf: float = 1.5,
    before: str = "",
    after: str = "",
) -> int | None:
    """Where to cut a name glued to a following word, or ``None`` when it is not fused.

    The name part needs evidence. With document or lexicon evidence the word part must be a
    frequent word (Zipf 3.5 or more) or one that follows names. With only word-frequency
    evidence the word part must be one that follows names (a function word, a speech verb,
    an inflected verb or adverb: "showing", "claimed", "shortly"), or, when the token closes a
    longer name (:func:`closes_name`: "Boston Federalcourt"), pass :func:`closing_cut`; a
    two-letter one needs a well-known name part (Zipf 3, or 3.7 for those that end many
    names: "is", "on"). Among the cuts with evidence, the strongest evidence wins, then the
    most frequent parts.

    >>> best_name_word_cut("Panotthis", {"Panot"}), best_name_word_cut("Agrawaland", set())
    (5, 7)
    >>> best_name_word_cut("Kulebawhile", set()), best_name_word_cut("Kulebawhile", {"Kuleba"})
    (None, 6)
    >>> best_name_word_cut("Zakharovastates", set()), best_name_word_cut("Perakis", set())
    (9, None)
    >>> best_name_word_cut("Pankesaid", set()), best_name_word_cut("Pankeis", set())
    (5, None)
    >>> best_name_word_cut("Lavrovin", set()), best_name_word_cut("Lavrovin", set(), after="fact")
    (None, 6)
    >>> best_name_word_cut("Baronvon", set()), best_name_word_cut("Baronvon", set(), after="Trapp")
    (None, 5)
    """
    # A name particle before a capitalised word: "Matthewde Grood".
    cut = particle_end_cut(token)
    if cut is not None and after[:1].isupper() and after[1:].islower():
        return cut
    # First where: the cut the evidence supports best. Then whether: a cut resting on word
    # frequencies alone must pass the stricter tests on its word part.
    best: tuple[bool, int, float, int, bool] | None = None
    closing = closes_name(before)
    for cut, word_zipf, follows in name_word_cuts(token, min_word_zipf):
        name = token[:cut]
        strength = name_evidence(name, names, lexicon, min_name_zipf=min_name_zipf, before=before)
        if strength == 0 and len(name) >= 4 and opens_clause(token, cut):
            strength = 1  # "Pankesaid": no name ends in "said", whatever the name
        if strength == 2 and not (follows or content_word(token[cut:], word_zipf)):
            strength = 1
        if strength == 0 or (strength < 2 and word_zipf < min_word_zipf):
            continue
        if len(name) == 3 and token[cut:] not in _table("fused_follow_words.txt"):
            follows = False  # "Dingolfing": short name parts take only the listed words
        # "Lavrovin fact": a two-letter word that opens a fixed phrase with the next word.
        phrase = bool(after) and f"{token[cut:]} {after.lower()}" in _table("fused_phrases.txt")
        follows = follows or phrase
        min_name = 0.0 if phrase else _short_word_min_name(token[cut:])
        if closing and min_name > 0:
            min_name -= CLOSING_SHORT_WORD_RELIEF  # "Vladimir Leninin", "Paul Jarvison"
        ok = strength == 2 or (follows and zipf(name) >= min_name)
        # "Boston Federalcourt": the name part ends a longer name, the word part is a
        # frequent word of three letters or more.
        ok = ok or (closing and closing_cut(name, token[cut:], word_zipf))
        # A function word after a name with evidence beats a content word after a stronger
        # one: "Clintons and", not "Clinton sand".
        key = (follows, strength, zipf(name) + word_zipf, cut, ok)
        if best is None or key[:4] > best[:4]:
            best = key
    if best is None or not best[4]:
        return None
    return best[3]


@lru_cache(maxsize=65536)
def vouched_only_cuts(token: str) -> tuple[int, ...]:
    """Cuts of a capitalised token unknown to wordfreq that :func:`name_word_cuts` never
    offers and that only the document can vouch for (:func:`document_name_cut`): before a
    function word that also ends names ("by": "Trumpby" when "Trump" stands alone in the
    document, never "Grimsby" on its own). The name part has four letters or more.

    >>> vouched_only_cuts("Trumpby"), vouched_only_cuts("Scholzis"), vouched_only_cuts("Grimsby")
    ((5,), (), ())
    >>> vouched_only_cuts("Perakis"), vouched_only_cuts("Stevenson"), vouched_only_cuts("Ashby")
    ((), (), ())
    """
    if not token[1:].islower() or zipf(token) > 0:
        return ()
    follow = _table("fused_follow_words.txt")
    endings = _table("fused_name_endings.txt")
    return tuple(
        i
        for i in range(len(token) - 2, 3, -1)
        if token[i:] in follow and token[i:] in endings and len(token) - i <= 3
    )


def words_after(text: str, before: str) -> set[str]:
    """The whole words that stand right after the whole word ``before`` and one space in
    ``text`` (one scan for ``before``).

    >>> sorted(words_after("the White House said; White Housepress, a White-House", "White"))
    ['House', 'Housepress']
    """
    found: set[str] = set()
    gap = before + " "
    for at in word_starts(text, gap):
        if at > 0 and _JOINED(text[at - 1]):
            continue
        m = LETTER_RUN_RE.match(text, at + len(gap))
        if m is not None and (m.end() == len(text) or not _JOINED(text[m.end()])):
            found.add(m.group())
    return found


def document_name_cut(text: str, token: str, before: str, names: Collection[str]) -> int | None:
    """Where to cut ``token`` on the document's word alone, or ``None``: the name part
    stands elsewhere in ``text`` right after ``before`` ("White Housepress" when "White
    House" stands elsewhere), or, for the cuts of :func:`vouched_only_cuts`, stands alone
    (one of ``names``) and is never written in lower case. The word part is a function
    word that follows names or a frequent word (Zipf 3.5) of three letters or more that
    does not end names.

    >>> text = "the White House said. White Housepress officers"
    >>> document_name_cut(text, "Housepress", "White", set())
    5
    >>> text = "Donald Trump won; Trump said so. It came from Trumpby making"
    >>> document_name_cut(text, "Trumpby", "from", set())
    5
    >>> document_name_cut(text.replace("won", "played a trump"), "Trumpby", "from", set())
    >>> document_name_cut("the Grims won, Grimsby", "Grimsby", "", {"Grims"})
    """
    cut = phrase_name_cut(text, token, before)
    return cut if cut is not None else alone_name_cut(text, token, names)


def phrase_name_cut(text: str, token: str, before: str) -> int | None:
    """The cut of :func:`document_name_cut` where the name part stands elsewhere after
    ``before``, in a text shorter than :data:`RUN_INDEX_FROM` (searched for ``before`` and
    the token's first letters together, one scan in C, before :func:`words_after`).

    >>> phrase_name_cut("the White House said. White Housepress officers", "Housepress", "White")
    5
    """
    if not closes_name(before) or len(text) >= RUN_INDEX_FROM:
        # In a long text (a book, a corpus in one string) the words after each ``before``
        # would be gathered from all of it, once for each of its many distinct ``before``
        # words: time would grow faster than the text. Such texts do without this evidence.
        return None
    # The token's own place is one "before + first letters"; the name part needs another.
    if text.count(f"{before} {token[:3]}", 0) < 2:
        return None
    found = words_after(text, before)
    follow = _table("fused_follow_words.txt")
    endings = _table("fused_name_endings.txt")
    for cut in sorted((len(name) for name in found if token.startswith(name)), reverse=True):
        word = token[cut:]
        if cut < 3 or len(word) < 2 or (word in endings and word not in follow):
            continue
        if word in follow or (len(word) >= 3 and zipf(word) >= 3.5):
            return cut
    return None


def alone_name_cut(text: str, token: str, names: Collection[str]) -> int | None:
    """The cut of :func:`document_name_cut` before a function word that ends names
    (:func:`vouched_only_cuts`), where the name part stands alone and never in lower case.

    >>> alone_name_cut("Trump won; Trump said so, then Trumpby", "Trumpby", set())
    5
    """
    for cut in vouched_only_cuts(token):
        name = token[:cut]
        if (
            (name in names and zipf(name) < MAX_DOC_NAME_ZIPF) or name_ends(text, name) >= 2
        ) and not whole_word_at(text, name.lower()):
            return cut
    return None


def name_word_cut_points(
    token: str,
    names: Collection[str],
    lexicon: Any = None,
    *,
    min_name_zipf: float = 1.5,
    before: str = "",
    after: str = "",
) -> list[int]:
    """Every place to cut ``token``: the best cut, then the best cut of its name part, and so
    on, so that no part is left that a second run would cut again.

    >>> name_word_cut_points("Kulebahoweverhowever", set())
    [6, 13]
    >>> name_word_cut_points("Putin", set())
    []
    """
    points: list[int] = []
    while True:
        cut = best_name_word_cut(
            token, names, lexicon, min_name_zipf=min_name_zipf, before=before, after=after
        )
        if cut is None:
            return sorted(points)
        points.append(cut)
        token, after = token[:cut], token[cut:]


def word_before(text: str, start: int) -> str:
    """The word right before ``text[start:]`` when one space separates them, else "".

    >>> word_before("the World Cupfinal", 10), word_before("said, Kulebaclaims", 6)
    ('World', '')
    """
    if start < 2 or text[start - 1] != " ":
        return ""
    left = start - 1
    while left > 0 and text[left - 1].isalpha():
        left -= 1
    return text[left : start - 1]


def word_after(text: str, end: int) -> str:
    """The word right after ``text[:end]`` when one space separates them, else "".

    >>> word_after("Lavrovin fact declared", 8), word_after("Lavrovin, fact", 8)
    ('fact', '')
    """
    if end + 1 >= len(text) or text[end] != " ":
        return ""
    right = end + 1
    while right < len(text) and text[right].isalpha():
        right += 1
    return text[end + 1 : right]


def repeatable_word(word: str) -> bool:
    """Whether ``word``, glued to a listed name (:func:`listed_name`) in a token the document
    repeats, still makes the token two words: a function word that follows names or a
    frequent word of five letters or more ("Washingtonstate" twice is no name; "Berlinale"
    is one).

    >>> repeatable_word("and"), repeatable_word("state"), repeatable_word("ale")
    (True, True, False)
    """
    if word in _table("fused_follow_words.txt"):
        return True
    return len(word) >= 5 and zipf(word) >= 3.5


#: Verbs a subject comes before ("Scholz is"): a name cut off one of these must be followed by
#: what may follow the verb.
SUBJECT_VERBS = frozenset(["is", "are", "was", "were", "has", "have", "had"])
#: Words that cannot follow those verbs: other finite verbs and modals ("Beirut is were").
FINITE_AFTER = frozenset(
    [
        *SUBJECT_VERBS,
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
    ]
)
#: Words before a plural noun, never before "<Name> is" ("Many Beirutis", "Ordinary Baghdadis").
PLURAL_QUANTIFIERS = frozenset(
    [
        "many",
        "most",
        "some",
        "all",
        "few",
        "several",
        "ordinary",
        "other",
        "these",
        "those",
        "both",
        "fellow",
        "young",
        "older",
        "younger",
        "thousands",
        "hundreds",
        "millions",
    ]
)


def verb_cut_fits(word: str, before: str, following: str) -> bool:
    """Whether a name cut off ``word`` (a verb a subject comes before) reads as a sentence:
    no plural quantifier before the token, no finite verb or clause punctuation right after
    it. The demonyms of places ("Beirutis", "Kabulis", "Tehranis") look like a place and
    "is"; used as nouns they fail this test ("Many Beirut is were angry", "For Tehran is,").

    ``following`` is the text right after the token (its first few characters).

    >>> verb_cut_fits("is", "", " now calling"), verb_cut_fits("is", "Many", " were angry")
    (True, False)
    >>> verb_cut_fits("is", "For", ", the protests"), verb_cut_fits("is", "", " were angry")
    (False, False)
    >>> verb_cut_fits("who", "Many", " were angry")
    True
    """
    if word not in SUBJECT_VERBS:
        return True
    if before.lower() in PLURAL_QUANTIFIERS:
        return False
    rest = following.lstrip(" ")
    if not rest or rest[0] in ",;:!?)":
        return False
    if rest[0] == "." and (len(rest) == 1 or rest[1].isspace()):
        return False
    nxt = rest.split(None, 1)[0].strip(",;:.!?") if following[:1] == " " else ""
    return nxt.lower() not in FINITE_AFTER


def find_name_word(text: str, ctx: Context) -> Iterable[Change]:
    if not has_candidates(text, CAPITALISED):
        return ()
    return _name_words(text, ctx)


def _name_words(text: str, ctx: Context) -> Iterator[Change]:
    tokens = [t for t, kind in candidate_tokens(text).items() if kind & CAPITALISED]
    min_name = float(ctx.option("min_name_zipf", 1.5))
    protected = protected_tokens(ctx)
    lexicon = ctx.config.lexicon
    candidates: list[tuple[int, str]] = []
    counts: dict[str, int] = {}
    for token in tokens:
        if token in protected:
            continue
        for m in occurrences(text, token, CAPITALISED_RE):
            if in_link(text, m.start(), m.end()):
                continue
            candidates.append((m.start(), token))
            counts[token] = counts.get(token, 0) + 1
    if not candidates:
        return
    # Names revealed by a split count as evidence for the others; every decision is made
    # again until the names stop growing, so that running the rule again on its own output
    # (where the revealed names stand alone) finds nothing new.
    names = DocNames(text)
    befores = {start: word_before(text, start) for start, _ in candidates}
    afters = {start: word_after(text, start + len(token)) for start, token in candidates}
    # The document's own evidence (document_name_cut), asked once per token and word before:
    # a repeated token is not looked up again at each of its places.
    phrase_cuts: dict[tuple[str, str], int | None] = {}
    while True:
        decided: dict[int, list[int]] = {}
        alone_cuts: dict[str, int | None] = {}  # names grow from one round to the next
        for start, token in candidates:
            points = name_word_cut_points(
                token,
                names,
                lexicon,
                min_name_zipf=min_name,
                before=befores[start],
                after=afters[start],
            )
            vouched = None
            if not points or counts[token] > 1:
                key = (token, befores[start])
                if key not in phrase_cuts:
                    phrase_cuts[key] = phrase_name_cut(text, token, key[1])
                vouched = phrase_cuts[key]
                if vouched is None and vouched_only_cuts(token):
                    if token not in alone_cuts:
                        alone_cuts[token] = alone_name_cut(text, token, names)
                    vouched = alone_cuts[token]
            if vouched is not None and (not points or points == [vouched]):
                points = [vouched]
            # The same unknown token twice in one document is a real name ("Energis",
            # "Yoran") unless its name part is a listed name and the rest a function word or
            # a frequent word of five letters or more ("Libyaand", "Washingtonstate" twice),
            # or the document shows the name part with the word before it ("White
            # Housepress" twice where "White House" stands elsewhere).
            if points and counts[token] > 1 and points != [vouched]:
                name, word = token[: points[0]], token[points[0] :]
                if not (len(points) == 1 and listed_name(name) and repeatable_word(word)):
                    points = []
            if points and not verb_cut_fits(
                token[points[-1] :],
                befores[start],
                text[start + len(token) : start + len(token) + 24],
            ):
                points = []
            if points:
                decided[start] = points
        revealed = {token[: decided[start][0]] for start, token in candidates if start in decided}
        if all(name in names for name in revealed):
            break
        names.update(revealed)
    for start, token in candidates:
        bounds = [0, *decided.get(start, []), len(token)]
        for left, cut, right in zip(bounds, bounds[1:], bounds[2:], strict=False):
            yield Change(
                start + cut,
                start + cut,
                " ",
                f"space restored between '{token[left:cut]}' and '{token[cut:right]}'",
            )


# --------------------------------------------------------------------------------------------
# NC104: an article or preposition glued to the next word ("ainvasion").


#: Determiners: a preposition glued to one of these is never a word ("forthe", "ofits"),
#: even when wordfreq has seen the typo.
DETERMINERS = frozenset(
    ["the", "this", "that", "these", "those", "their", "its", "his", "her", "our", "your", "my"]
)


#: A rest of five letters or more may be this rare (Zipf 2 to 3) after a small word when
#: wordfreq does not know the whole: "thespuds", "theomicron", "anirate".
RARE_REST_ZIPF = 2.0


def missing_letter_typo(token: str, min_zipf: float = 3.5) -> bool:
    """Whether one letter put back into ``token`` gives a frequent word: then it is a typo
    ("adiction" for "addiction"), not a small word glued to a rarer one ("a diction").

    >>> missing_letter_typo("adiction"), missing_letter_typo("thespuds")
    (True, False)
    """
    for i in range(len(token) + 1):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if zipf(token[:i] + letter + token[i:]) >= min_zipf:
                return True
    return False


#: A token wordfreq knows below this Zipf frequency may be a fused typo ("toget")...
KNOWN_TYPO_ZIPF = 2.0
#: ... when its rest is this much more frequent than the whole ("get": 6.3 against 1.8).
#: Real words that start with a small word are far closer ("afire" 2.5 against "fire" 5.3,
#: "inborn", "aweigh"), and "ingrowing" (1.4 against 5.0) just stays below it.
KNOWN_TYPO_GAP = 3.7
#: Endings of inflected and derived words: a token that is one of these added to a word
#: wordfreq knows is a real word ("atones", "abased", "intonational").
INFLECTIONS = ("s", "es", "d", "ed", "ing", "al", "ly", "er", "ers")


def known_typo(token: str, rest: str) -> bool:
    """Whether ``token``, a word wordfreq has seen, is a small word fused to ``rest`` that
    wordfreq saw as a typo: rare (Zipf under :data:`KNOWN_TYPO_ZIPF`), far rarer than
    ``rest`` (by :data:`KNOWN_TYPO_GAP`), and no inflection of a word wordfreq knows.

    >>> known_typo("toget", "get"), known_typo("ofwhat", "what"), known_typo("aweek", "week")
    (True, True, True)
    >>> known_typo("afire", "fire"), known_typo("atones", "tones"), known_typo("abit", "bit")
    (False, False, False)
    """
    whole = zipf(token)
    if not 0 < whole < KNOWN_TYPO_ZIPF or zipf(rest) - whole < KNOWN_TYPO_GAP:
        return False
    return not any(token.endswith(end) and zipf(token[: -len(end)]) >= 1.5 for end in INFLECTIONS)


#: A token wordfreq has seen may be "a" fused to a far more frequent word ("akey", "aday",
#: "achat") when the token is rarer than this...
ARTICLE_TYPO_ZIPF = 3.0
#: ... the word after "a" at least this frequent ...
ARTICLE_REST_ZIPF = 4.5
#: ... and more frequent than the token by this much. Real words that are "a" and a word
#: ("aback", "asocial", "aright") are listed in ``data/fused_article_words.txt``.
ARTICLE_TYPO_GAP = 2.8


def article_typo(token: str, rest: str) -> bool:
    """Whether ``token``, a word wordfreq has seen, is the article "a" fused to ``rest``: the
    web's typos ("akey", "aday", "achat", "acar") are rare (Zipf under
    :data:`ARTICLE_TYPO_ZIPF`), ``rest`` a frequent word (:data:`ARTICLE_REST_ZIPF`) far
    more frequent than the whole (:data:`ARTICLE_TYPO_GAP`); real words built on "a"
    (``data/fused_article_words.txt``: "aback", "afire", "asocial") and inflections of
    words wordfreq knows ("abridges") are left.

    >>> article_typo("akey", "key"), article_typo("aday", "day"), article_typo("achat", "chat")
    (True, True, True)
    >>> article_typo("aback", "back"), article_typo("asocial", "social")
    (False, False)
    >>> article_typo("anew", "new")
    False
    >>> article_typo("abridges", "bridges"), article_typo("amoral", "moral")
    (False, False)
    """
    whole = zipf(token)
    if not 0 < whole < ARTICLE_TYPO_ZIPF or len(rest) < 3 or token[:1] != "a":
        return False
    r = zipf(rest)
    if r < ARTICLE_REST_ZIPF or r - whole < ARTICLE_TYPO_GAP:
        return False
    if token in _table("fused_article_words.txt"):
        return False
    return not any(token.endswith(end) and zipf(token[: -len(end)]) >= 1.5 for end in INFLECTIONS)


@lru_cache(maxsize=65536)
def small_word_cut(token: str, min_word_zipf: float = 3.0, skip: int = 0) -> int | None:
    """Where to cut an article or preposition glued to the next word, or ``None``; ``skip``
    is the length of a small word not to cut off (the next best cut when that one does
    not fit the words around: "at atour" is "at a tour", not "at at our").

    The token must be unknown to wordfreq and its rest a frequent word, or the rest must
    be a determiner and the whole a rare token ("forthe", "ofthe"), or the small word must
    be "the" and the rest far more frequent than the whole ("thenew", a typo wordfreq saw),
    or the whole a rare typo wordfreq saw and the rest a far more frequent word
    (:func:`known_typo`: "toget", "ofwhat"; :func:`article_typo` for "a": "akey", "aday").

    >>> small_word_cut("ainvasion"), small_word_cut("acrisis"), small_word_cut("theminister")
    (1, 1, 3)
    >>> small_word_cut("forthe"), small_word_cut("inthe"), small_word_cut("thenew")
    (3, 2, 3)
    >>> small_word_cut("another"), small_word_cut("amoral"), small_word_cut("inofthe")
    (None, None, None)
    >>> small_word_cut("atour"), small_word_cut("atour", skip=2), small_word_cut("acrisis", skip=1)
    (2, 1, None)
    """
    if not token.islower() or token in _table("fused_article_words.txt"):
        return None
    whole = zipf(token)
    if whole >= 3.5:
        return None
    best: tuple[float, int] | None = None
    for small in _table("fused_small_words.txt"):
        rest = token[len(small) :]
        if not token.startswith(small) or not rest or len(small) == skip:
            continue
        if rest in DETERMINERS or (small == "the" and zipf(rest) - whole >= 2.5 and whole < 2.0):
            z = zipf(rest)
        elif whole == 0 and len(rest) >= 3:
            z = zipf(rest)
            if z < min_word_zipf and not (
                len(rest) >= 5 and z >= RARE_REST_ZIPF and not missing_letter_typo(token)
            ):
                continue
        elif len(rest) >= 3 and (
            known_typo(token, rest) or (small == "a" and article_typo(token, rest))
        ):
            z = zipf(rest)
        else:
            continue
        if small_word_cut(rest, min_word_zipf) is not None:
            continue  # "inofthe": the rest would be cut again on the next run
        if best is None or (z, len(small)) > best:
            best = (z, len(small))
    return None if best is None else best[1]


#: Articles: a preposition never follows one, so "the onstart" is no "the on start"; nor
#: does one follow these possessives ("her" and "his" may be objects: "next to her on"),
#: nor another preposition ("of onsemi" is no "of on semi").
ARTICLES = frozenset(["a", "an", "the"])
#: Words that, like determiners, open a noun phrase after two prepositions ("dialling in
#: from other rooms").
QUANTIFIERS = frozenset(["other", "all", "both", "each", "every", "some", "any", "many", "several"])
PREPOSITIONS = frozenset(["of", "to", "in", "on", "at", "by", "for", "from", "with", "into"])
NO_PREPOSITION_AFTER = ARTICLES | PREPOSITIONS | {"my", "your", "our", "their", "its"}


def preposition_after(before: str, small: str, rest: str) -> bool:
    """Whether cutting ``small`` + ``rest`` after the word ``before`` would put a preposition
    where none stands: after an article, a possessive or another preposition ("the onstart",
    "of onsemi"). A preposition before a determiner ("on fromhis") and "to" after a
    preposition ("went on toskip") stand there, but never the same one twice ("at atour").

    >>> preposition_after("the", "on", "start"), preposition_after("of", "on", "semi")
    (True, True)
    >>> preposition_after("on", "from", "his"), preposition_after("on", "to", "skip")
    (False, False)
    >>> preposition_after("the", "a", "crisis"), preposition_after("their", "to", "skip")
    (False, True)
    >>> preposition_after("at", "at", "our")  # the same preposition twice
    True
    """
    if small in ARTICLES or before not in NO_PREPOSITION_AFTER:
        return False
    if before == small:
        return True  # "look at atour" is no "at at our"
    return not (
        before in PREPOSITIONS and (rest in DETERMINERS or rest in QUANTIFIERS or small == "to")
    )


#: Determiners that are also a conjunction or an object pronoun: an article may follow them
#: ("agreed that a programme", "gave her a book") when wordfreq does not know the token.
ARTICLE_MAY_FOLLOW = frozenset(["that", "her"])


def article_after_determiner(before: str, small: str, token: str = "") -> bool:
    """Whether cutting an article off a token would put it right after an article or
    another determiner ("an areligious majority" is no "an a religious majority"); after
    "that" and "her" (:data:`ARTICLE_MAY_FOLLOW`) only when wordfreq knows ``token``.

    >>> article_after_determiner("an", "a"), article_after_determiner("found", "a")
    (True, False)
    >>> article_after_determiner("that", "a", "aprogramme")
    False
    """
    if small not in ARTICLES:
        return False
    if before in ARTICLE_MAY_FOLLOW and token and zipf(token) == 0:
        return False
    return before in ARTICLES or before in DETERMINERS


def small_word_fits(before: str, token: str, cut: int) -> bool:
    """Whether cutting ``token`` at ``cut`` after the word ``before`` (lower-case) puts the
    small word where it may stand (:func:`preposition_after`,
    :func:`article_after_determiner`).

    >>> small_word_fits("at", "atour", 2), small_word_fits("at", "atour", 1)
    (False, True)
    >>> small_word_fits("that", "aprogramme", 1), small_word_fits("the", "aprogramme", 1)
    (True, False)
    """
    if preposition_after(before, token[:cut], token[cut:]):
        return False  # "the onstart": no preposition follows an article
    return not article_after_determiner(before, token[:cut], token)


def find_small_word(text: str, ctx: Context) -> Iterable[Change]:
    if not has_candidates(text, SMALL):
        return ()
    return _small_words(text, ctx)


def _small_words(text: str, ctx: Context) -> Iterator[Change]:
    for token, cut, m in cut_occurrences(text, ctx, SMALL, small_word_cut, SMALL_WORD_RE):
        before = word_before(text, m.start()).lower()
        if not small_word_fits(before, token, cut):
            # The next best cut may fit: "look at atour" is "look at a tour".
            other = small_word_cut(token, skip=cut)
            if other is None or not small_word_fits(before, token, other):
                continue
            cut = other
        if in_code_span(text, m.start(), m.end()):
            continue
        yield space_restored(token, cut, m.start())


# --------------------------------------------------------------------------------------------
# NC105: capitalised link words between names in running text ("Donetsk And Lugansk").

_TOKEN_PATTERN = r"\S+"
_NAME_WORD_PATTERN = r"(?:Ma?c)?\p{Lu}[\p{Ll}\p{M}]+"
#: The last word of the names after a link word: punctuation or a possessive may close it
#: ("And Graham King.", "And Mike Leigh's film").
_NAME_END_PATTERN = r"(?:Ma?c)?\p{Lu}[\p{Ll}\p{M}]+(?:[.,;:!?]|['’]s)?"
#: A possessive name right before the names on the left of a link word ("Verdi's La
#: Traviata And Richard Strauss's Ariadne").
_POSSESSIVE_PATTERN = r"\p{Lu}[\p{Ll}\p{M}]+['’]s"
#: A dash after the names on the right of a link word closes the clause
#: ("Michael Mann And Graham King - with").
_DASHES = frozenset({"-", "–", "—"})
_LOWER_WORD_PATTERN = r"\p{Ll}[\p{Ll}\p{M}]*[.,;:!?]?"
#: A title's abbreviation before a name: "Sens.", "Dr.", "Gov.".
_TITLE_ABBREVIATION_PATTERN = r"\p{Lu}\p{Ll}{0,3}\."
#: An item of a list of names before the left run: "Mexico, Saudi Arabia And Kuwait".
_LIST_ITEM_PATTERN = r"\p{Lu}[\p{Ll}\p{M}]+,"
#: Capitalised words that are never the names on either side of a link word: in a title
#: they mark a title of a work ("Jamie And His Magic Torch").
LINK_STOPS = frozenset(
    {"The", "A", "An", "And", "Or", "Of", "In", "On", "To", "For", "With"}
    | {w.capitalize() for w in DETERMINERS}
)


def link_word_in_running_text(words: list[str], i: int) -> bool:
    """Whether the capitalised link word ``words[i]`` stands between names in running text.

    The names on each side are runs of capitalised words (up to four on the left, three on
    the right); the word before the left run must be a lower-case word or a title's
    abbreviation ("Sens.", "Dr."), or the left run opens the line, and the right run
    must end the clause or be followed by a lower-case word. A title-cased line (most words
    capitalised) is a headline.

    >>> link_word_in_running_text("the republics of Donetsk And Lugansk .".split(), 4)
    True
    >>> link_word_in_running_text("Russia Warns Donetsk And Lugansk Over Talks".split(), 3)
    False
    >>> link_word_in_running_text("asked Sens. John Kennedy And Lindsey Graham whether".split(), 4)
    True
    """
    left = i - 1
    while (
        left >= 0
        and i - left <= 4
        and _NAME_WORD.fullmatch(words[left])
        and words[left] not in LINK_STOPS
    ):
        left -= 1
    if left == i - 1:
        return False
    if left >= 0 and not (
        _LOWER_WORD.fullmatch(words[left])
        or _LIST_ITEM.fullmatch(words[left])
        or _TITLE_ABBREVIATION.fullmatch(words[left])
        or _POSSESSIVE.fullmatch(words[left])
    ):
        return False
    right = i + 1
    while right < len(words) and right - i <= 3:
        word = words[right]
        if word in LINK_STOPS:
            break
        if _NAME_WORD.fullmatch(word):
            right += 1
            continue
        if _NAME_END.fullmatch(word):
            right += 1
            break
        break
    if right == i + 1:
        return False
    if not _NAME_WORD.fullmatch(words[right - 1]):  # the run ends with punctuation
        ends = True
    else:
        ends = right == len(words) or bool(_LOWER_WORD.fullmatch(words[right]))
        ends = ends or (right < len(words) and words[right] in {".", ",", ";", ":", *_DASHES})
    if not ends:
        return False
    # A headline capitalises its content words: the line must hold lower-case words of four
    # letters or more, and not three times fewer of them than capitalised ones.
    others = [w.strip(".,;:!?\"'()“”‘’") for k, w in enumerate(words) if k <= left or k >= right]
    long_words = [w for w in others[1:] if len(w) >= 4 and w.isalpha()]
    lower = sum(1 for w in long_words if w.islower())
    return lower > 0 and lower * 3 > len(long_words) - lower


def link_runs(words: list[str], i: int) -> tuple[list[str], list[str]]:
    """The capitalised words on each side of the link word ``words[i]`` (up to three, the
    nearest first), punctuation stripped: the names it joins.

    >>> link_runs("by Arvind Parmar And Anne Keothavong.".split(), 3)
    (['Parmar', 'Arvind'], ['Anne', 'Keothavong'])
    """
    left: list[str] = []
    k = i - 1
    while (
        k >= 0 and len(left) < 3 and _NAME_WORD.fullmatch(words[k]) and words[k] not in LINK_STOPS
    ):
        left.append(words[k])
        k -= 1
    right: list[str] = []
    k = i + 1
    while k < len(words) and len(right) < 3 and words[k] not in LINK_STOPS:
        if _NAME_WORD.fullmatch(words[k]):
            right.append(words[k])
            k += 1
            continue
        if _NAME_END.fullmatch(words[k]):
            right.append(regex.sub(r"(?:['’]s)?[.,;:!?]?\Z", "", words[k]))
        break
    return left, right


def links_names(named: list[bool], left: int, right: int) -> bool:
    """Whether a capitalised link word joins names, given whether each side's run holds a
    name with evidence (``named``) and how many words each run has: both sides named, or
    one side named and both runs of two words or more, full names ("Matt Lucas And David
    Walliams"); titles of works mostly join single words ("Hide And Seek", "Live And Let
    Die").

    >>> links_names([True, False], 2, 2), links_names([True, False], 1, 2)
    (True, False)
    """
    return all(named) or (any(named) and left >= 2 and right >= 2)


_LINK_BEFORE_PATTERN = r"(?:And|Or)\s+\Z"
_LINK_AFTER_PATTERN = r"\s+(?:And|Or)\b"


def names_outside_links(text: str) -> set[str]:
    """Names standing alone in ``text`` (:func:`doc_names`), not counting those next to a
    capitalised "And" or "Or".

    >>> sorted(names_outside_links("the Donetsk And Lugansk regions, said Lugansk officials"))
    ['Lugansk']
    """
    return {
        m.group()
        for m in DOC_NAME_RE.finditer(text)
        if m.group() not in LINK_STOPS and not _beside_link(text, m.start(), m.end())
    }


def _beside_link(text: str, start: int, end: int) -> bool:
    """Whether a capitalised "And" or "Or" stands right before or after ``text[start:end]``."""
    return bool(
        _LINK_BEFORE_RE.search(text, max(0, start - 8), start) or _LINK_AFTER_RE.match(text, end)
    )


class LinkFreeNames:
    """The names of :func:`names_outside_links`, asked one word at a time (each answer
    cached): only the places where the word occurs are read (:func:`word_starts`), so a long
    document is not scanned whole for the few words next to a link word.

    >>> names = LinkFreeNames("the Donetsk And Lugansk regions, said Lugansk officials")
    >>> "Lugansk" in names, "Donetsk" in names
    (True, False)
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        hit = self._known.get(word)
        if hit is None:
            hit = self._known[word] = self._outside_links(word)
        return hit

    def _outside_links(self, word: str) -> bool:
        if word in LINK_STOPS:
            return False
        text = self._text
        for at in word_starts(text, word):
            m = DOC_NAME_RE.match(text, at)
            if m is not None and m.end() == at + len(word) and not _beside_link(text, at, m.end()):
                return True
        return False


def listed_place(run: list[str]) -> bool:
    """Whether the words of ``run``, in reading order, end in a place name of several words
    from ``data/fused_place_names.txt`` ("United States", "New Zealand"), each of whose
    words alone may be a common word.

    >>> listed_place(["United", "States"]), listed_place(["the", "United", "Kingdom"])
    (True, True)
    >>> listed_place(["United"]), listed_place(["Channel", "Island"])
    (False, False)
    """
    places = _table("fused_place_names.txt")
    return any(" ".join(run[k:]) in places for k in range(len(run) - 1))


def link_neighbour_is_name(
    text: str, word: str, names: Collection[str] | LinkFreeNames, lexicon: Any = None
) -> bool:
    """Whether ``word``, next to a capitalised link word in ``text``, is a name: a listed name
    (:func:`listed_name`), a word rare in English (Zipf under :data:`RARE_NAME_ZIPF`), one of
    ``names`` (standing alone elsewhere, :func:`names_outside_links`) or the lexicon's that is
    no common word, or one standing alone twice and never written in lower case.

    >>> link_neighbour_is_name("", "Germany", set()), link_neighbour_is_name("", "Jufeyr", set())
    (True, True)
    >>> link_neighbour_is_name("", "Branches", set()), link_neighbour_is_name("", "The", set())
    (False, False)
    """
    if word in LINK_STOPS:
        return False
    z = zipf(word)
    if listed_name(word) or z < RARE_NAME_ZIPF:
        return True
    if (word in names or (lexicon is not None and word in lexicon)) and z < MAX_DOC_NAME_ZIPF:
        return True
    return isolated_name(text, word) >= 2 and not whole_word_at(text, word.lower())


def name_like(text: str, word: str, names: Collection[str] | LinkFreeNames) -> bool:
    """Whether ``word``, beside a link word whose other side is a name, is a name too,
    whatever its frequency: no capitalised function word, one of ``names`` (standing alone
    elsewhere in ``text``, :func:`names_outside_links`) and never written in lower case
    there ("Turkey And Germany" when "in Turkey" stands elsewhere). A word seen only beside
    the link word may be a title's ("Wanda And Colossus").

    >>> text = "leaders of Turkey And Germany met; in Turkey, talks"
    >>> name_like(text, "Turkey", LinkFreeNames(text))
    True
    >>> text = "the film Wanda And Colossus, with Wanda"
    >>> name_like(text, "Colossus", LinkFreeNames(text))
    False
    >>> text = "Hide And Seek, then Seek and seek it"
    >>> name_like(text, "Seek", LinkFreeNames(text))
    False
    """
    if word in LINK_STOPS or whole_word_at(text, word.lower()):
        return False
    return word in names


def _link_word_matches(text: str) -> Iterator[regex.Match[str]]:
    """Capitalised "And"/"Or" between two words, found with ``str.find`` (fast on text that
    has none) and checked with :data:`LINK_WORD_RE`."""
    for word in (" And ", " Or "):
        at = text.find(word)
        while at != -1:
            m = LINK_WORD_RE.match(text, at + 1)
            if m is not None:
                yield m
            at = text.find(word, at + 1)


#: The head nouns of institutions' names: "the Department of Work And Pensions", "the
#: Securities And Exchange Commission". English writes "and" in them in lower case.
_INSTITUTION = (
    r"(?:Department|Ministry|Minister|Secretary|Office|Institute|Centres?|Centers?|Commission"
    r"|Committee|Council|Board|Bureau|Agency|Faculty|Academy|Society|Federation|Association"
    r"|Inspector-General|Directorate|Authority|Fund|Organi[sz]ation|Foundation"
    r"|ministry|ministries|department|departments|committee|commission|agency|agencies)"
)
_CAP = r"\p{Lu}[\p{Ll}\p{M}]+"
#: An institution's head noun, "of" or "for", and a link word inside the capitalised words
#: that follow: "Department of Work And Pensions", after a lower-case word or a line's start.
INSTITUTION_OF_PATTERN = (
    r"(?:(?<=\p{Ll}[ ])|(?<=^)|(?<=\n))"
    + _INSTITUTION
    + r" (?:of|for) (?:"
    + _CAP
    + r" ){1,3}(?P<link>And|Or) "
    + _CAP
)
#: Capitalised words after a lower-case word, a link word, and an institution's head noun:
#: "the Securities And Exchange Commission", "the Education And Agriculture ministries".
INSTITUTION_HEAD_PATTERN = (
    r"(?<=\p{Ll}[ ])(?:"
    + _CAP
    + r" ){1,3}(?P<link>And|Or) (?:"
    + _CAP
    + r" ){0,2}"
    + _INSTITUTION
    + r"\b"
)

#: The patterns of NC105 (above and in the section before), compiled once and kept in the
#: cache folder (:func:`newsclean.resources.compiled_patterns`).
(
    _TOKEN_RE,
    _NAME_WORD,
    _NAME_END,
    _POSSESSIVE,
    _LOWER_WORD,
    _TITLE_ABBREVIATION,
    _LIST_ITEM,
    _LINK_BEFORE_RE,
    _LINK_AFTER_RE,
    INSTITUTION_OF_RE,
    INSTITUTION_HEAD_RE,
) = compiled_patterns(
    "fused-links",
    (
        _TOKEN_PATTERN,
        _NAME_WORD_PATTERN,
        _NAME_END_PATTERN,
        _POSSESSIVE_PATTERN,
        _LOWER_WORD_PATTERN,
        _TITLE_ABBREVIATION_PATTERN,
        _LIST_ITEM_PATTERN,
        _LINK_BEFORE_PATTERN,
        _LINK_AFTER_PATTERN,
        INSTITUTION_OF_PATTERN,
        INSTITUTION_HEAD_PATTERN,
    ),
)


def in_institution_name(text: str, at: int) -> bool:
    """Whether the capitalised link word at ``at`` is inside an institution's name
    (:data:`INSTITUTION_OF_RE`, :data:`INSTITUTION_HEAD_RE`), where English writes it in
    lower case whatever the names around it.

    >>> text = "jobs at the Department of Work And Pensions will go"
    >>> in_institution_name(text, text.index("And"))
    True
    >>> text = "the Securities And Exchange Commission (SEC) said"
    >>> in_institution_name(text, text.index("And"))
    True
    >>> text = "the film Live And Let Die was shown"
    >>> in_institution_name(text, text.index("And"))
    False
    """
    start = max(0, at - 120)
    for pattern in (INSTITUTION_OF_RE, INSTITUTION_HEAD_RE):
        for m in pattern.finditer(text, start, min(len(text), at + 120)):
            if m.start("link") == at:
                return True
    return False


def find_link_words(text: str, ctx: Context) -> Iterable[Change]:
    if " And " not in text and " Or " not in text:
        return ()
    return _link_words(text, ctx)


def _link_words(text: str, ctx: Context) -> Iterator[Change]:
    candidates = []
    for m in _link_word_matches(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        words: list[str] = []
        index = -1
        for t in _TOKEN_RE.finditer(text, line_start, line_end):
            if t.start() == m.start():
                index = len(words)
            words.append(t.group())
        if index < 0:
            continue
        if in_institution_name(text, m.start()):
            yield Change(m.start(), m.end(), m.group().lower(), "capitalised link word in a name")
            continue
        if not link_word_in_running_text(words, index):
            continue
        candidates.append((m, *link_runs(words, index)))
    if not candidates:
        return
    # Both neighbours must be names the document shows standing alone elsewhere (or the
    # lexicon knows), not common words: titles of works ("Sex And The City", "Hide And
    # Seek") are left.
    names = LinkFreeNames(text)
    lexicon = ctx.config.lexicon
    for m, left_run, right_run in candidates:
        named = [
            any(link_neighbour_is_name(text, w, names, lexicon) for w in run)
            or listed_place(run[::-1] if side == 0 else run)
            for side, run in enumerate((left_run, right_run))
        ]
        if not links_names(named, len(left_run), len(right_run)) and any(named):
            # One side named, the other a single word the document shows standing alone
            # elsewhere: "Turkey And Germany".
            other = right_run if named[0] else left_run
            named = [len(other) == 1 and name_like(text, other[0], names)] * 2
        if links_names(named, len(left_run), len(right_run)):
            yield Change(
                m.start(), m.end(), m.group().lower(), "capitalised link word between names"
            )


# --------------------------------------------------------------------------------------------
# NC106: an acronym run into a function word ("NATOsaid", "withNATO").

#: A word glued to an acronym, or an acronym glued to a lower-case word, standing alone as
#: a token (ASCII letters: acronyms are; no other letter or digit beside them). Groups 1
#: and 2: the word (capitalised at a sentence's start), the acronym, which may take a
#: possessive or a hyphen ("withNATO's", "theNATO-led"); groups 3 and 4: the acronym, the
#: word.
ACRONYM_RUN_RE = re.compile(
    r"(?<![\w@#/\\.&+=’'-])(?:"
    r"([A-Za-z][a-z]{1,7})([A-Z]{2,8})(?![\w@/\\+=]|['’](?!s\b)|\.\w)"
    r"|([A-Z]{2,8})([a-z]{2,12})(?![\w@/\\+=-]|['’]\w|\.\w))"
)
#: Where two capitals meet a lower-case letter, in the case classes of :data:`CASE_TABLE`
#: ("AAa" or "aAA"; written so that the search looks for one literal byte first).
ACRONYM_MARK_RE = re.compile(rb"A(?:Aa|(?<=aA)A)")
#: An acronym wordfreq knows at least this well (as a lower-case word) needs no other
#: evidence in the document ("nato" 4.0, "eu" 4.6)...
KNOWN_ACRONYM_ZIPF = 3.5
#: ... unless it follows a word and is this frequent: then it is a word ("do", "us", "one").
COMMON_WORD_ZIPF = 5.3


@lru_cache(maxsize=1)
def acronym_links() -> tuple[frozenset[str], frozenset[str]]:
    """The words that may come before and after an acronym in data/fused_acronym_links.txt.

    >>> before, after = acronym_links()
    >>> "with" in before, "said" in after, "a" in before
    (True, True, False)
    """
    before: set[str] = set()
    after: set[str] = set()
    for entry in load_table("fused_acronym_links.txt"):
        side, _, word = entry.partition(":")
        (before if side == "before" else after).add(word)
    return frozenset(before), frozenset(after)


def acronym_cut(match: re.Match[str]) -> tuple[int, str, bool] | None:
    """Where an :data:`ACRONYM_RUN_RE` match splits, its acronym, and whether the word comes
    first: only when the word glued to the acronym is one of the few in
    :func:`acronym_links`, which no brand or name ends with after capitals ("JPMorgan",
    "HBOMax", "EUobserver" are left).

    >>> [acronym_cut(ACRONYM_RUN_RE.match(t)) for t in ("NATOsaid", "WithNATO", "macOS")]
    [(4, 'NATO', False), (4, 'NATO', True), None]
    >>> cut = lambda token: acronym_cut(ACRONYM_RUN_RE.match(token))
    >>> cut("JPMorgan"), cut("EUobserver"), cut("HBOMax")
    (None, None, None)
    """
    before, after = acronym_links()
    if match.group(1) is not None:
        word, acronym = match.group(1), match.group(2)
        return (len(word), acronym, True) if word.lower() in before else None
    acronym, word = match.group(3), match.group(4)
    return (len(acronym), acronym, False) if word in after else None


def acronym_vouched(text: str, acronym: str, word_first: bool) -> bool:
    """Whether the document writes ``acronym`` standing alone, or wordfreq knows it. After
    a word, a frequent English word in capitals ("toDO", "theONE") is as likely as an
    acronym: wordfreq's word counts vouch only below :data:`COMMON_WORD_ZIPF` ("nato",
    "eu", "uk"), and the document must show the others.

    >>> acronym_vouched("The EU said so.", "EU", True)
    True
    >>> acronym_vouched("NATOsaid so.", "NATO", False)
    True
    >>> acronym_vouched("QXZsaid so.", "QXZ", False), acronym_vouched("a toDO list", "DO", True)
    (False, False)
    """
    known = zipf(acronym.lower())
    if known >= KNOWN_ACRONYM_ZIPF and (not word_first or known < COMMON_WORD_ZIPF):
        return True
    return whole_word_at(text, acronym)


def case_classes(text: str) -> bytes:
    """The case classes of the characters of ``text`` (:data:`CASE_TABLE`; a character
    outside Latin-1 is no letter there), one byte each, with a space on either side: those
    :func:`gate_runs` made of the same text object when it was the last it scanned (its
    Latin-1 bytes blank only characters that are no letters), else made afresh.

    >>> case_classes("NATOsaid, Müller")
    b' AAAAaaaa  Aaaaaa '
    """
    last = _CASE[0]
    if last is not None and last[0] is text:
        return last[1]
    return b" " + text.encode("latin-1", "replace").translate(CASE_TABLE) + b" "


def acronym_runs(text: str) -> list[re.Match[str]]:
    """The :data:`ACRONYM_RUN_RE` matches of ``text``, in order, looked for only at the
    letter runs where two capitals meet a lower-case letter: the case classes of the text's
    characters (one byte each) are scanned in C, so that a text without such a run costs one
    translation and two searches.

    >>> [m.group() for m in acronym_runs("The CEOs of NATOsaid so, withNATO (2NATOsaid).")]
    ['NATOsaid', 'withNATO']
    """
    case = case_classes(text)
    if b"AAa" not in case and b"aAA" not in case:
        return []  # where :data:`ACRONYM_MARK_RE` matches, one of these stands
    # case[k + 1] is the class of text[k]: a run starts at the text index of the space
    # before it in ``case``.
    starts = {case.rfind(b" ", 0, mark.start()) for mark in ACRONYM_MARK_RE.finditer(case)}
    found = (ACRONYM_RUN_RE.match(text, start) for start in sorted(starts))
    return [m for m in found if m is not None]


#: A line that opens or closes a fenced code block (Markdown).
FENCE_RE = re.compile(r"^[ \t]{0,3}(?:```|~~~)", re.MULTILINE)


def fence_lines(text: str) -> list[int]:
    """The offsets of the lines of ``text`` that open or close a fenced code block.

    >>> fence_lines("a\\n```js\\nx = toJSON()\\n```\\nb")
    [2, 21]
    """
    if "```" not in text and "~~~" not in text:
        return []
    return [m.start() for m in FENCE_RE.finditer(text)]


def in_fence(fences: list[int], at: int) -> bool:
    """Whether offset ``at`` lies inside a fenced code block, given :func:`fence_lines`.

    >>> in_fence([2, 21], 10), in_fence([2, 21], 26), in_fence([2], 10)
    (True, False, True)
    """
    return bisect.bisect_right(fences, at) % 2 == 1


def written_as_code(text: str, token: str, fences: list[int]) -> bool:
    """Whether the document writes ``token`` as code somewhere, in a fenced block or a code
    span: then it is a code name wherever it stands ("call toJSON directly").

    >>> t = "```\\nx = withJSON(d)\\n```\\nwithJSON is the helper"
    >>> written_as_code(t, "withJSON", fence_lines(t)), written_as_code("withNATO", "withNATO", [])
    (True, False)
    """
    for at in word_starts(text, token):
        if in_fence(fences, at) or in_code_span(text, at, at + len(token)):
            return True
    return False


def find_acronym_fusion(text: str, ctx: Context) -> Iterable[Change]:
    runs = acronym_runs(text)
    if not runs:
        return ()
    return _acronym_fusions(text, ctx, runs)


def _acronym_fusions(text: str, ctx: Context, runs: list[re.Match[str]]) -> Iterator[Change]:
    protected = protected_tokens(ctx)
    vouched: dict[tuple[str, bool], bool] = {}  # looked up once: a text may repeat it
    fences: list[int] | None = None
    code_names: dict[str, bool] = {}
    for m in runs:
        token = m.group()
        if token in protected:
            continue
        cut = acronym_cut(m)
        if cut is None:
            continue
        key = cut[1:]
        if key not in vouched:
            vouched[key] = acronym_vouched(text, *key)
        if not vouched[key]:
            continue
        if in_link(text, m.start(), m.end()):
            continue
        if fences is None:
            fences = fence_lines(text)
        if token not in code_names:
            code_names[token] = written_as_code(text, token, fences)
        if code_names[token]:
            continue
        yield space_restored(token, cut[0], m.start())


#: The options of the fused-token rules (``Config(options={"NC1": {...}})``).
OPTIONS = (
    Option("protected", "words", "more tokens never split (data/fused_protected.txt)"),
    Option("min_name_zipf", "number", "least Zipf frequency that makes a part a name (1.5)"),
)

RULES = (
    Rule(
        code="NC101",
        name="missing-space-after-stop",
        family="fused",
        summary="Restore the space lost after '.', '!' or '?' between two sentences.",
        find=find_stop_fusion,
        english_only=True,
        before="a crisis between Russia and Western countries.fueled by the deployment",
        after="a crisis between Russia and Western countries. fueled by the deployment",
        why="Machine translation and scraping drop the space at the edge of a link or a "
        "paragraph; URLs, domains, e-mail addresses, abbreviations, decimals, versions and "
        "code names are never split.",
    ),
    Rule(
        code="NC102",
        name="fused-word-name",
        family="fused",
        summary="Split a lower-case word glued to a following name ('withUkraine').",
        find=find_word_name,
        english_only=True,
        before="troops lined up on the border withUkraine as these finished exercises",
        after="troops lined up on the border with Ukraine as these finished exercises",
        why="A link or bold span that starts with a name loses the space before it in "
        "translation. Brand and camel-case names (iPhone, eBay, easyJet) are protected; a "
        "common word after the hump (openDemocracy, getUser) is cut only when the document "
        "shows it is a name, else the token is reported. A capitalised function word glued "
        "to a name at a sentence's start ('TheKremlin said') is cut the same way when "
        "wordfreq does not know the token.",
    ),
    Rule(
        code="NC103",
        name="fused-name-word",
        family="fused",
        summary="Split a name glued to a following word ('Scholzis', 'Kulebaclaims').",
        find=find_name_word,
        english_only=True,
        before="Dmytro Kulebaclaims the de-escalation, Kuleba said.",
        after="Dmytro Kuleba claims the de-escalation, Kuleba said.",
        why="A link or bold span that ends with a name loses the space after it in "
        "translation. The name part needs evidence: the document, the lexicon, the shipped "
        "place names or wordfreq.",
    ),
    Rule(
        code="NC104",
        name="fused-small-word",
        family="fused",
        summary="Split an article or preposition glued to the next word ('ainvasion').",
        find=find_small_word,
        english_only=True,
        before="warnings from Western countries in the last days of ainvasion imminent.",
        after="warnings from Western countries in the last days of a invasion imminent.",
        why="Short words at the edge of a link lose their space in translation; only tokens "
        "unknown to wordfreq whose rest is a frequent word are split.",
    ),
    Rule(
        code="NC105",
        name="capitalised-link-word",
        family="fused",
        summary="Lower a capitalised 'And'/'Or' between names in running text.",
        find=find_link_words,
        english_only=True,
        before="Shelling hit Donetsk and Lugansk; the republics of Donetsk And Lugansk voted.",
        after="Shelling hit Donetsk and Lugansk; the republics of Donetsk and Lugansk voted.",
        why="Translated link text keeps the title case of the source anchor. Each side needs "
        "a name with evidence (a listed place, a word rare in English, a name the document "
        "shows standing alone), or the link word must be inside an institution's name "
        "(the Department of Work and Pensions); headlines and titles of works are left alone.",
    ),
    Rule(
        code="NC106",
        name="fused-acronym",
        family="fused",
        summary="Split an acronym glued to a function word ('NATOsaid', 'withNATO').",
        find=find_acronym_fusion,
        english_only=True,
        before="The Secretary General of NATOsaid that the talks withEU leaders would go on.",
        after="The Secretary General of NATO said that the talks with EU leaders would go on.",
        why="A link or bold span on an acronym loses the space beside it in translation. Only "
        "a function word or a reporting word is cut off (data/fused_acronym_links.txt), only "
        "when the document writes the acronym alone or wordfreq knows it, and never where the "
        "token reads as an acronym before a name (JPMorgan) or is protected (macOS).",
    ),
    Rule(
        code="NC107",
        name="missing-space-after-comma",
        family="fused",
        summary="Restore the space lost after a comma between two words ('Lisbon,at').",
        find=find_comma_fusion,
        english_only=True,
        before="The ministers met in Lisbon,at the margin of the summit.",
        after="The ministers met in Lisbon, at the margin of the summit.",
        why="A link or a line break at a comma loses the space after it in scraping and "
        "translation. Only a common lower-case English word after the comma counts; numbers, "
        "lists without spaces ('a,b,c'), URLs, e-mail addresses and code are never touched.",
    ),
)
