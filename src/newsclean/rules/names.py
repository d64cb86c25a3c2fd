"""Names and terms (NC8xx): proper names the translation engine got wrong.

None of these can be repaired by a pattern alone with certainty, so every rule here reports by
default and fixes only on request (``Config(fixable=["NC8"])``):

- NC801: a city translated as a word at the start of a sentence, before a verb: Italian
  "Mosca" is both Moscow and "fly", hence "fly takes a first step".
- NC802: a surname translated as a word, in a name context (after the person's first name or a
  title): "Mario Dragons" (Draghi), "Giuseppe Count" (Conte), "Pablo Married" (Casado).
- NC803: the source language's article before a country name: "the Germany", "There Russia
  demands" (Italian "la Russia"), but never "the Netherlands", "the Germany of the 1930s" or
  "the France team".
- NC804: one person spelled several ways in one document ("Dmytro Kuleba" / "Dmitro Kuleba");
  a user table of canonical spellings turns the report into a fix.

The tables live in ``data/`` (``mistranslated_names.txt``, ``name_titles.txt``,
``sentence_verbs.txt``, ``article_countries.txt``, ``country_article_followers.txt``).

Options (``Config(options={"NC8": {...}})`` or per rule):
    names: more entries for NC801/NC802, each ``"words | name | context"`` as in the table.
    titles: more titles for NC802.
    countries: more country names for NC803.
    canonical: NC804's canonical spellings: a list of names (``["Dmytro Kuleba"]``: any
        spelling that normalises to the same key becomes this one) or a mapping
        ``{"Dmitro Kuleba": "Dmytro Kuleba"}`` of exact variants to their canonical form.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import starmap
from typing import Any, NamedTuple, cast

import regex

from ..edits import Change
from ..registry import Context, Option, Rule
from ..resources import (
    compiled_pattern,
    compiled_patterns,
    compiled_re_patterns,
    load_table,
    zipf_frequency,
)

#: Where a sentence starts: the text start, a line start, or after . ! ? (and a closing
#: quote or bracket) and spaces, optionally followed by an opening quote.
SENTENCE_START = r"(?:(?<=\A|\n)[ \t]*|(?<=[.!?][\"'”’)\]]?[ \t]+))[\"“‘«]?"


class NameEntry(NamedTuple):
    """One line of ``mistranslated_names.txt``.

    >>> e = NameEntry.parse("Dragons | Draghi | after: Mario; titles")
    >>> e.wrong, e.right, e.sentence_start, e.first_names, e.titles
    ('Dragons', 'Draghi', False, ('Mario',), True)
    """

    wrong: str
    right: str
    sentence_start: bool
    first_names: tuple[str, ...]
    titles: bool

    @classmethod
    def parse(cls, line: str) -> NameEntry:
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3 or not parts[0] or not parts[1]:
            raise ValueError(f"a names entry needs 'words | name | context', not {line!r}")
        wrong, right, context = parts
        if context == "sentence-start":
            return cls(wrong, right, True, (), False)
        if not context.startswith("after:"):
            raise ValueError(f"unknown context {context!r} in names entry {line!r}")
        names, _, flags = context[len("after:") :].partition(";")
        first = tuple(n.strip() for n in names.split(",") if n.strip())
        return cls(wrong, right, False, first, flags.strip() == "titles")


def _words_pattern(words: str) -> str:
    return r"[ \t]+".join(regex.escape(w) for w in words.split())


@lru_cache(maxsize=32)
def name_entries(extra: tuple[str, ...] = ()) -> tuple[NameEntry, ...]:
    """The table's entries and the user's (``extra``)."""
    return tuple(NameEntry.parse(line) for line in (*load_table("mistranslated_names.txt"), *extra))


@lru_cache(maxsize=32)
def sentence_start_re(extra: tuple[str, ...] = ()) -> regex.Pattern[str] | None:
    """One pattern for every sentence-start entry: the word, then a verb of the table."""
    entries = [e for e in name_entries(extra) if e.sentence_start]
    if not entries:
        return None
    alternatives = []
    for e in entries:
        first, rest = e.wrong[0], _words_pattern(e.wrong)[len(regex.escape(e.wrong[0])) :]
        alternatives.append(f"[{first.lower()}{first.upper()}]{rest}")
    verbs = "|".join(regex.escape(v) for v in load_table("sentence_verbs.txt"))
    pattern = (
        SENTENCE_START + r"(?P<wrong>" + "|".join(alternatives) + r")(?=[ \t]+(?:" + verbs + r")\b)"
    )
    # Kept compiled in the cache folder (see newsclean.resources.compiled_patterns).
    return compiled_pattern("names-sentence-start", pattern)


def names_at_sentence_start(text: str, extra: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """Words at a sentence start, before a verb, that stand for a name: (start, end, name).

    >>> names_at_sentence_start("fly takes a first step towards de-escalation.")
    [(0, 3, 'Moscow')]
    >>> names_at_sentence_start("Talks ended. Fly said no.")
    [(13, 16, 'Moscow')]
    >>> names_at_sentence_start("A fly takes off. Fly fishing is popular.")
    []
    """
    # Every match starts with one of these strings: no lower-casing of clean documents (and
    # no pattern compiled for them: a process that meets none never builds it).
    if not any(anchor in text for anchor in _sentence_start_anchors(extra)):
        return []
    lowered = text.lower()
    if not any(e.wrong.lower() in lowered for e in name_entries(extra) if e.sentence_start):
        return []
    pattern = sentence_start_re(extra)
    if pattern is None:
        return []
    by_word = {e.wrong.lower(): e.right for e in name_entries(extra) if e.sentence_start}
    out = []
    for m in anchored_matches(pattern, text, _sentence_starts(text, extra)):
        key = " ".join(m.group("wrong").split()).lower()
        out.append((m.start("wrong"), m.end("wrong"), by_word[key]))
    return out


@lru_cache(maxsize=32)
def _sentence_start_anchors(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Strings one of which starts every match of :func:`sentence_start_re`: the first word
    of an entry with its first letter in either case (as the pattern allows).

    >>> sorted(_sentence_start_anchors())
    ['Fly', 'fly']
    """
    out: set[str] = set()
    for e in name_entries(extra):
        if e.sentence_start:
            word = e.wrong.split()[0]
            out.update(ch + word[1:] for ch in e.wrong[0].lower() + e.wrong[0].upper())
    return tuple(sorted(out))


def _sentence_starts(text: str, extra: tuple[str, ...] = ()) -> list[int]:
    """Every position where a match of :func:`sentence_start_re` may start: each occurrence
    of an anchor (:func:`_sentence_start_anchors`), and the positions before it back over an
    opening quote and spaces or tabs (what the pattern allows between a sentence start and
    the word).

    >>> _sentence_starts('Yes. “Fly said')
    [4, 5, 6]
    """
    out: set[int] = set()
    for anchor in _sentence_start_anchors(extra):
        pos = text.find(anchor)
        while pos != -1:
            start = pos
            if start and text[start - 1] in '"“‘«':
                start -= 1
            while start and text[start - 1] in " \t":
                start -= 1
            out.update(range(start, pos + 1))
            pos = text.find(anchor, pos + 1)
    return sorted(out)


def anchored_matches(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[regex.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, tried only at ``starts`` (ascending).

    For a pattern that never matches the empty string, equal to ``finditer`` when ``starts``
    holds every position where a match can start: left to right, without overlap, each match
    as ``pattern.match`` finds it there (lookbehinds see the text before a start). A pattern
    that opens with a lookbehind or a class tries every position of the text; the anchors
    that give the starts are searched for at C speed.

    >>> pat = regex.compile(r"(?<=\\bMr[ \\t]+)[A-Z]\\w+")
    >>> [m.group() for m in anchored_matches(pat, "Mr Kuleba and Mr Lavrov", [3, 4, 17])]
    ['Kuleba', 'Lavrov']
    """
    resume = 0
    for start in starts:
        if start < resume:
            continue
        m = pattern.match(text, start)
        if m is not None:
            resume = m.end()
            yield m


def find_sentence_start_names(text: str, ctx: Context) -> list[Change]:
    # Lists, not generators: on a clean text the pipeline skips an empty list at once.
    extra = ctx.words("names")
    return [
        Change(
            start,
            end,
            name,
            f"{text[start:end]!r} before a verb at a sentence start is the name {name!r} "
            "translated as a word",
        )
        for start, end, name in names_at_sentence_start(text, extra)
    ]


@lru_cache(maxsize=32)
def surname_re(
    extra: tuple[str, ...] = (), titles: tuple[str, ...] = ()
) -> tuple[regex.Pattern[str], dict[str, str]] | None:
    """One pattern for every name-context entry, and the name each wrong form stands for."""
    entries = [e for e in name_entries(extra) if not e.sentence_start]
    if not entries:
        return None
    all_titles = (*load_table("name_titles.txt"), *titles)
    title_alt = "|".join(regex.escape(t) for t in sorted(all_titles, key=len, reverse=True))
    alternatives = []
    rights = {}
    for e in entries:
        contexts = [regex.escape(n) for n in e.first_names]
        if e.titles:
            contexts.append(f"(?:{title_alt})")
        if not contexts:
            continue
        alternatives.append(
            r"(?<=\b(?:" + "|".join(contexts) + r")[ \t]+)(?P<w>" + _words_pattern(e.wrong) + ")"
        )
        rights[e.wrong] = e.right
    if not alternatives:
        return None
    # The wrong form must end the name: no letter or hyphen after it ("'s" may follow).
    return (
        regex.compile(r"(?:" + "|".join(alternatives) + r")(?![\p{L}\p{M}\-])"),
        rights,
    )


def surnames_as_words(
    text: str, extra: tuple[str, ...] = (), titles: tuple[str, ...] = ()
) -> list[tuple[int, int, str]]:
    """Surnames translated as words, after a first name or a title: (start, end, name).

    >>> surnames_as_words("Prime Minister Mario Dragons said Italy would help.")
    [(21, 28, 'Draghi')]
    >>> surnames_as_words("Foreign Minister Luigi Of May met Lavrov.")
    [(23, 29, 'Di Maio')]
    >>> surnames_as_words("The Dragons beat the Scarlets; Count Dracula is a novel.")
    []
    """
    gates, words = _surname_gate(extra, titles)
    if not any(map(text.__contains__, words)) or not _may_have_surnames(text, gates):
        return []  # (before the pattern is built: most processes never need it)
    built = surname_re(extra, titles)
    if built is None:
        return []
    pattern, rights = built
    out = []
    for m in anchored_matches(pattern, text, _surname_starts(text, extra)):
        wrong = " ".join(m.group("w").split())
        out.append((m.start("w"), m.end("w"), rights[wrong]))
    return out


@lru_cache(maxsize=32)
def _surname_gates(
    extra: tuple[str, ...] = (), titles: tuple[str, ...] = ()
) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """For each alternative of :func:`surname_re`: the words of its wrong form and the
    contexts (first names, titles) one of which precedes it. A match needs them all in the
    text: the cheap gate.

    >>> (("May", "Of"), ("Luigi",)) in [(w, c[:1]) for w, c in _surname_gates()]
    True
    """
    all_titles = (*load_table("name_titles.txt"), *titles)
    out = []
    for e in name_entries(extra):
        if e.sentence_start:
            continue
        contexts = (*e.first_names, *(all_titles if e.titles else ()))
        if contexts:
            # The longest word first: the rarest, and the fastest to search for.
            out.append((tuple(sorted(e.wrong.split(), key=len, reverse=True)), contexts))
    return tuple(out)


@lru_cache(maxsize=32)
def _surname_gate(
    extra: tuple[str, ...] = (), titles: tuple[str, ...] = ()
) -> tuple[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], tuple[str, ...]]:
    """:func:`_surname_gates` and its :func:`_surname_words`, cached by the options (a
    cache keyed by the gates would hash all their words at every call)."""
    gates = _surname_gates(extra, titles)
    return gates, _surname_words(gates)


def _surname_words(
    gates: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...],
) -> tuple[str, ...]:
    """The first (longest) word of every gate of :func:`_may_have_surnames`, less those
    that hold another ("Mayor" holds "May"): a text holds one of these if and only if it
    holds one of the first words, and a text without any passes none of the gates. Each
    is looked for with ``in`` (a substring search at C speed, which skips ahead; a pattern
    of alternatives would test a set of first letters at every character).

    >>> _surname_words(_surname_gates())
    ('Churches', 'Dragons', 'Married', 'Melons', 'Count', 'Hope', 'Oaks', 'May')
    """
    words = sorted({words[0] for words, _ in gates}, key=lambda w: (-len(w), w))
    return tuple(w for w in words if not any(o in w for o in words if o != w))


def _may_have_surnames(
    text: str, gates: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
) -> bool:
    """Whether ``text`` holds every word of some wrong form and one of its contexts.

    >>> _may_have_surnames("Mario Monti met the Dragons.", _surname_gates())
    True
    >>> _may_have_surnames("The Dragons won.", _surname_gates())
    False
    """
    for words, contexts in gates:
        for word in words:
            if word not in text:
                break
        else:
            for context in contexts:
                if context in text:
                    return True
    return False


@lru_cache(maxsize=32)
def _surname_anchors(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The first word of every name-context entry's wrong form: every match of
    :func:`surname_re` starts with one (its lookbehind aside).

    >>> "Dragons" in _surname_anchors() and "Of" in _surname_anchors()
    True
    """
    return tuple(sorted({e.wrong.split()[0] for e in name_entries(extra) if not e.sentence_start}))


def _surname_starts(text: str, extra: tuple[str, ...] = ()) -> list[int]:
    """Every position of ``text`` where a match of :func:`surname_re` may start.

    >>> _surname_starts("Mario Dragons and the Dragons")
    [6, 22]
    """
    out = []
    for anchor in _surname_anchors(extra):
        pos = text.find(anchor)
        while pos != -1:
            out.append(pos)
            pos = text.find(anchor, pos + 1)
    return sorted(set(out))


def find_surnames(text: str, ctx: Context) -> list[Change]:
    extra = ctx.words("names")
    titles = ctx.words("titles")
    return [
        Change(
            start,
            end,
            name,
            f"{text[start:end]!r} in a name context is the surname {name!r} translated as a word",
        )
        for start, end, name in surnames_as_words(text, extra, titles)
    ]


class CountryPatterns(NamedTuple):
    """NC803's patterns: a cheap candidate search, then checks at each candidate."""

    #: "the", "The" or "There" before a country name of the table.
    candidate: regex.Pattern[str]
    #: What may follow "the <Country>" (anchored at the end of the country).
    follower: regex.Pattern[str]
    #: A verb after "There <Country>" (anchored at the end of the country).
    verb: regex.Pattern[str]


#: A sentence ends right before this position: text start, a line break, or . ! ? (with a
#: closing quote or bracket) and spaces, then optionally an opening quote.
SENTENCE_BEFORE_RE = compiled_patterns(
    "names-sentence-before", (r"(?:\A|\n|[.!?][\"'”’)\]]?[ \t])[ \t]*[\"“‘«]?\Z",)
)[0]


@lru_cache(maxsize=32)
def country_patterns(countries: tuple[str, ...] = ()) -> CountryPatterns:
    """The patterns of a source-language article before a country name (built once).

    "the" (any case) is reported before a country followed by a word that cannot start a
    qualifying phrase (a verb, an auxiliary, a bare preposition: not "of", "that", "team")
    or by a punctuation mark, the follower possibly run into the name ("the Germanythrough");
    "There" only at a sentence start, before a country and a verb ("There Russia demands").
    """
    # Longest first; names of one length in a fixed order (any order matches the same, and a
    # fixed one keeps the pattern, so its compiled form in the cache folder, the same).
    names = sorted(
        sorted({*load_table("article_countries.txt"), *countries}), key=len, reverse=True
    )
    country = "(?P<country>" + "|".join(regex.escape(n) for n in names) + ")"
    table = load_table("country_article_followers.txt")
    followers = "|".join(regex.escape(w) for w in table)
    # Run into the name, a follower must have four letters or more: "the Israelis" is not
    # "the Israel is".
    fused = "|".join(regex.escape(w) for w in table if len(w) >= 4)
    verbs = "|".join(regex.escape(v) for v in load_table("sentence_verbs.txt"))
    candidate, follower, verb = compiled_patterns(
        "names-countries",
        (
            r"\b(?P<article>[Tt]he|There)[ \t]+" + country,
            # A follower must not open a relative or qualifying phrase: "the Russia from which".
            r"(?:(?:[ \t]+(?:" + followers + r")|(?:" + fused + r"))\b"
            r"(?![ \t]+(?:which|whom|whose|\d))"
            r"|[ \t]*[.,;:!?](?![\p{L}\p{N}]))",
            r"[ \t]+(?:" + verbs + r")\b",
        ),
    )
    return CountryPatterns(candidate=candidate, follower=follower, verb=verb)


def articles_before_countries(
    text: str, countries: tuple[str, ...] = ()
) -> list[tuple[int, int, str]]:
    """Source-language articles before country names: (start, end, replacement).

    The span covers the article and the country; the replacement is the country alone.

    >>> articles_before_countries("Just today the Germany through its minister asked")
    [(11, 22, 'Germany')]
    >>> articles_before_countries("There Russia demands that Ukraine never join NATO.")
    [(0, 12, 'Russia')]
    >>> articles_before_countries("the Netherlands, the Germany of the 1930s, the France team")
    []
    """
    if "he" not in text:
        return []
    starts = _candidate_starts(text, countries)
    if not starts:
        return []  # (before the patterns are built: a clean text needs none of them)
    patterns = country_patterns(countries)
    out = []
    for m in anchored_matches(patterns.candidate, text, starts):
        end = m.end()
        if m.group("article") == "There":
            if not SENTENCE_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()):
                continue
            if patterns.verb.match(text, end) is None:
                continue
        elif patterns.follower.match(text, end) is None:
            continue
        out.append((m.start(), end, m.group("country")))
    return out


@lru_cache(maxsize=64)
def _country_anchor(literal: str, countries: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A literal-anchored search for where a candidate of :func:`country_patterns` may be:
    ``literal`` ("he" of "the"/"The", or "There") before spaces and a country of the table.
    (One pattern a literal: "There" is compiled only for a text that holds it.)"""
    # Longest first; names of one length in a fixed order (any order matches the same, and a
    # fixed one keeps the pattern, so its compiled form in the cache folder, the same).
    names = sorted(
        sorted({*load_table("article_countries.txt"), *countries}), key=len, reverse=True
    )
    # The class of first letters rejects a lower-case word at once, before the alternatives.
    first = "(?=[" + "".join(sorted({re.escape(n[0]) for n in names})) + "])" if all(names) else ""
    ahead = r"(?=[ \t]+" + first + r"(?:" + "|".join(re.escape(n) for n in names) + r"))"
    return compiled_re_patterns(f"names-anchor-{literal}", (literal + ahead,))[0]


def _candidate_starts(text: str, countries: tuple[str, ...] = ()) -> list[int]:
    """Where a match of the candidate pattern of :func:`country_patterns` may start, in order:
    a "t"/"T" before an anchor "he", and an anchor "There" (:func:`_country_anchor`).

    >>> _candidate_starts("There Russia and the Germany, theGermany")
    [0, 17]
    """
    he = _country_anchor("he", countries)
    starts = [m.start() - 1 for m in he.finditer(text) if m.start() and text[m.start() - 1] in "Tt"]
    if "There" in text:
        starts.extend(m.start() for m in _country_anchor("There", countries).finditer(text))
        starts.sort()
    return starts


def _candidates(
    text: str, candidate: regex.Pattern[str], countries: tuple[str, ...] = ()
) -> Iterator[regex.Match[str]]:
    """The matches ``candidate.finditer(text)`` gives, found from literal anchors.

    Every candidate match starts at a "t"/"T" before an anchor "he", or at an anchor
    "There"; the candidate pattern itself decides at each such start, left to right and
    without overlap, as ``finditer`` would (a regex that starts with a word boundary and a
    class tries every position of the text; a literal is searched for at C speed).

    >>> text = "There Russia and the Germany, theGermany"
    >>> found = _candidates(text, country_patterns().candidate)
    >>> [m.group() for m in found]
    ['There Russia', 'the Germany']
    """
    return anchored_matches(candidate, text, _candidate_starts(text, countries))


def find_country_articles(text: str, ctx: Context) -> list[Change]:
    countries = ctx.words("countries")
    return [
        Change(
            start,
            end,
            country,
            f"{text[start:end].split()[0]!r} before {country!r}: an article carried over from "
            "the source language (Italian la Germania, French la Russie)",
        )
        for start, end, country in articles_before_countries(text, countries)
    ]


#: Two capitalised words in a row: a first name and a surname (with hyphens and apostrophes).
#: (Kept compiled in the cache folder: see :func:`newsclean.resources.compiled_patterns`.)
PAIR_RE = compiled_patterns(
    "names-pair",
    (
        r"(?<![\p{L}\p{M}\-'’.])(?P<first>\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?)"
        r"(?=[ \t]+(?P<last>\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*)(?![\p{L}\p{M}]))",
    ),
)[0]

#: Transliteration variants folded by :func:`spelling_key`, applied in order.
_FOLDS = (("kh", "h"), ("gh", "g"), ("x", "ks"), ("y", "i"), ("w", "v"))
#: A "j" after a letter (Serhij, Serghej), read as "i" by :func:`spelling_key`.
_INNER_J_RE = regex.compile(r"(?<=\p{L})j")
#: A letter repeated, merged into one by :func:`spelling_key`.
_DOUBLED_RE = regex.compile(r"(\p{L})\1+")


#: :data:`_INNER_J_RE` and :data:`_DOUBLED_RE` on lower-case ASCII, where the only letters
#: are a-z (the ASCII path of :func:`spelling_key`: no Unicode decomposition to undo).
#: :func:`ascii_spelling_keys` merges doubled letters without the pattern, which stays as
#: the reference the tests compare it with.
_ASCII_INNER_J_RE = re.compile(r"(?<=[a-z])j")
_ASCII_DOUBLED_RE = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """A key under which transliteration variants of a name coincide.

    Accents are dropped, case folded, then kh/h, gh/g, x/ks, y/i, w/v, a j after a letter
    (Serhij, Serghej) as i, and doubled letters are merged.

    >>> spelling_key("Dmytro") == spelling_key("Dmitro")
    True
    >>> spelling_key("Dmitry") == spelling_key("Dmitri")
    True
    >>> spelling_key("Serghej") == spelling_key("Sergey") == spelling_key("Sergei")
    True
    >>> spelling_key("Shoigú") == spelling_key("Shoigu")
    True
    >>> spelling_key("Jan") == spelling_key("Ian")
    False
    """
    if name.isascii():  # the common case: nothing to decompose, a-z the only letters
        return ascii_spelling_keys(name.lower())
    return _unicode_spelling_key(name)


#: Each letter doubled, and the letter: what :func:`ascii_spelling_keys` merges.
_DOUBLES = tuple((ch + ch, ch) for ch in "abcdefghijklmnopqrstuvwxyz")


def ascii_spelling_keys(lowered: str) -> str:
    """:func:`spelling_key` of lower-case ASCII text, line by line: the keys of many names
    at once when they are joined with line breaks (no step reaches across a line break).

    Doubled letters are merged by ``str.replace`` (a search per letter at C speed instead
    of a pattern tried at every letter); as :data:`_ASCII_DOUBLED_RE` does, a run of one
    letter becomes that letter.

    >>> ascii_spelling_keys("dmytro\\nkhalill\\njan\\nserhij")
    'dmitro\\nhalil\\njan\\nserhi'
    """
    key = lowered
    for old, new in _FOLDS:
        key = key.replace(old, new)
    if "j" in key:
        key = _ASCII_INNER_J_RE.sub("i", key)
    for double, single in _DOUBLES:
        if double in key:
            key = key.replace(double, single)
            while double in key:  # "lll": each pass shortens every run
                key = key.replace(double, single)
    return key


def _unicode_spelling_key(name: str) -> str:
    """:func:`spelling_key` for any text (the ASCII path gives the same key, faster).

    >>> _unicode_spelling_key("Šojgú")
    'soigu'
    >>> _unicode_spelling_key("Zelenskyy") == spelling_key("Zelenskyy") == "zelenski"
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    key = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    for old, new in _FOLDS:
        key = key.replace(old, new)
    key = _INNER_J_RE.sub("i", key)
    return _DOUBLED_RE.sub(r"\1", key)


@lru_cache(maxsize=65536)
def _common_word(word: str) -> bool:
    """Whether a capitalised word is mostly an English word (Minister, Foreign, New)."""
    return zipf_frequency(word.lower()) >= 4.0


def name_pairs(text: str) -> Iterator[tuple[int, int, str]]:
    """Spans of first-name-and-surname pairs, with their text (titles and words skipped).

    >>> [n for _, _, n in name_pairs("Foreign Minister Dmytro Kuleba met Dmitry Peskov.")]
    ['Dmytro Kuleba', 'Dmitry Peskov']
    """
    for m in PAIR_RE.finditer(text):
        first, last = m.group("first"), m.group("last")
        if _common_word(first) or _common_word(last):
            continue
        start = m.start("first")
        end = m.end("last")
        yield start, end, text[start:end]


#: NC804's whole-document gate, on ASCII bytes: runs of two or more capitalised words (with
#: hyphens and apostrophes) separated by spaces or tabs. Both parts of every pair lie in a run,
#: each a prefix of one of its words made of whole pieces between hyphens and apostrophes.
#: Possessive: letters, separators and spaces are disjoint, so giving back never helps a match.
#: The reference for :data:`CLASS_RUN_RE`, which finds the same runs faster.
_WORD = rb"[A-Z][a-z]++(?:[-'][A-Z]?[a-z]++)*+"
ASCII_RUN_RE = regex.compile(_WORD + rb"(?:[ \t]++" + _WORD + rb")++")


#: Characters that may be part of a name beyond ASCII: letters, marks, the curly apostrophe.
NAME_CHAR_RE = regex.compile(r"[\p{L}\p{M}’]")


def _byte_classes() -> bytes:
    """The table that reads each byte as its class in :data:`ASCII_RUN_RE`: ``A`` an
    upper-case letter, ``a`` a lower-case one, a space for a space or tab, ``-`` for a hyphen
    or apostrophe, ``.`` for anything else (digits, punctuation, UTF-8 bytes beyond ASCII).

    >>> b"Jean-Paul O'Neill, 55\\t\\xc2\\xa3".translate(_byte_classes())
    b'Aaaa-Aaaa A-Aaaaa. .. ..'
    """
    table = bytearray(b"." * 256)
    for lower in range(ord("a"), ord("z") + 1):
        table[lower], table[lower - 32] = ord("a"), ord("A")
    table[ord(" ")] = table[ord("\t")] = ord(" ")
    table[ord("-")] = table[ord("'")] = ord("-")
    return bytes(table)


_BYTE_CLASSES = _byte_classes()


def _latin1_classes() -> bytes:
    """:func:`_byte_classes` for Latin-1 bytes, one a character: ``L`` for a character
    beyond ASCII that may be part of a name (:data:`NAME_CHAR_RE`: é, ß, ª), ``.`` for the
    others (£, the no-break space, ×).

    >>> "Jean-Paul £5 Müller ×".encode("latin-1").translate(_latin1_classes())
    b'Aaaa-Aaaa .. ALaaaa .'
    """
    table = bytearray(_BYTE_CLASSES)
    for byte in range(128, 256):
        if NAME_CHAR_RE.match(chr(byte)):
            table[byte] = ord("L")
    return bytes(table)


_LATIN1_CLASSES = _latin1_classes()
#: :data:`ASCII_RUN_RE` on the bytes read as classes (:func:`_byte_classes`): the same runs
#: at the same offsets, since each class stands for exactly the bytes the class of the
#: reference pattern holds. Every match starts with the literal ``A``, which the engine looks
#: for at C speed; the reference's ``[A-Z]`` is a set tested at every byte.
_CLASS_WORD = rb"Aa++(?:-A?a++)*+"
CLASS_RUN_RE = re.compile(_CLASS_WORD + rb"(?: ++" + _CLASS_WORD + rb")++")
#: Hyphens and apostrophes read as spaces: the pieces of a run's words.
_PIECE_SEPARATORS = bytes.maketrans(b"-'", b"  ")
_ASCII_BYTES = bytes(range(128))


def name_runs(data: bytes) -> set[bytes]:
    """The distinct runs :data:`ASCII_RUN_RE` finds in ``data``.

    >>> sorted(name_runs(b"Dmytro Kuleba met Sergei Lavrov and Mr Kuleba, UK Prime Minister"))
    [b'Dmytro Kuleba', b'Mr Kuleba', b'Prime Minister', b'Sergei Lavrov']
    """
    # Each run's span as a slice of ``data``, all at C speed (no bytecode per run).
    spans = map(re.Match.span, CLASS_RUN_RE.finditer(data.translate(_BYTE_CLASSES)))
    return set(map(data.__getitem__, starmap(slice, spans)))


@lru_cache(maxsize=4096)
def _name_char(ch: str) -> bool:
    return NAME_CHAR_RE.match(ch) is not None


def may_have_variants(text: str) -> bool:
    """``False`` when no two name pairs of ``text`` can share a spelling key (NC804's gate).

    Two pairs share a key only if two distinct pieces of their words (split at hyphens and
    apostrophes) do, since the key is built piece by piece. Text with letters, marks or
    curly apostrophes beyond ASCII is not gated (``True``); other non-ASCII characters
    (£, €, dashes, quotes) are neither letters nor separators, nor are their UTF-8 bytes.

    >>> may_have_variants("Dmytro Kuleba met Sergei Lavrov.")
    False
    >>> may_have_variants("Dmytro Kuleba met Dmitro Kuleba.")
    True
    >>> may_have_variants("Mr Kuleba met Sergei Lavrov. Kulleba Mr said.")  # keys, not pairs
    True
    """
    try:
        data = text.encode("latin-1")  # ASCII or Latin-1: one byte a character, copied
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
        others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if any(map(_name_char, set(others))):
            return True
        classes = data.translate(_BYTE_CLASSES)
    else:
        classes = data.translate(_LATIN1_CLASSES)
        if not text.isascii() and b"L" in classes:  # a letter beyond ASCII: é, ß
            return True
    # The runs, as they come (the pieces are made distinct below), then their pieces (split
    # at spaces, hyphens and apostrophes), then the pieces' keys: keys are a function of
    # pieces, so fewer distinct keys than pieces means two pieces share one.
    spans = map(re.Match.span, CLASS_RUN_RE.finditer(classes))
    runs = b" ".join(map(data.__getitem__, starmap(slice, spans)))
    if not runs:
        return False
    pieces = set(runs.translate(_PIECE_SEPARATORS).decode("ascii").split())
    return len(piece_keys(pieces)) < len(pieces)


#: The spelling key of each ASCII piece met (:func:`piece_keys`), emptied when it grows past
#: :data:`_PIECE_KEYS_LIMIT` (a corpus meets far more distinct capitalised words than recur).
_PIECE_KEYS: dict[str, str] = {}
_PIECE_KEYS_LIMIT = 1 << 16


def piece_keys(pieces: set[str]) -> set[str]:
    """The spelling keys of distinct ASCII name pieces: looked up per piece, the missing ones
    computed all at once (one line each, :func:`ascii_spelling_keys`).

    >>> sorted(piece_keys({"Dmytro", "Dmitro", "Kulleba", "Pierre", "pierre"}))
    ['dmitro', 'kuleba', 'piere']
    """
    cache = _PIECE_KEYS
    found = list(map(cache.get, pieces))
    keys = set(found)
    if None not in keys:
        return cast("set[str]", keys)
    keys.discard(None)
    # Each piece looked up once (another thread may empty the cache meanwhile): the missing
    # ones are those whose look-up gave None (a set unchanged iterates in the same order).
    missing = [piece for piece, key in zip(pieces, found, strict=True) if key is None]
    lines = ascii_spelling_keys("\n".join(missing).lower()).split("\n")
    if len(cache) > _PIECE_KEYS_LIMIT:
        cache.clear()
    cache.update(zip(missing, lines, strict=True))
    return cast("set[str]", keys) | set(lines)


def _canonical_table(raw: Any) -> tuple[dict[str, str], dict[str, str]]:
    """(exact variant -> canonical, key -> canonical) from the ``canonical`` option."""
    exact: dict[str, str] = {}
    by_key: dict[str, str] = {}
    items: Iterable[Any] = raw.items() if isinstance(raw, dict) else raw
    for item in items:
        if isinstance(item, str):
            by_key[_pair_key(" ".join(item.split()))] = " ".join(item.split())
        else:
            variant, canonical = item
            exact[" ".join(str(variant).split())] = " ".join(str(canonical).split())
    return exact, by_key


@lru_cache(maxsize=65536)
def _pair_key(name: str) -> str:
    return " ".join(spelling_key(part) for part in name.split())


#: The ``canonical`` option's default: no canonical spellings.
_NO_TABLE: tuple[str, ...] = ()


def spelling_variants(
    text: str, canonical: Any = _NO_TABLE
) -> list[tuple[int, int, str, str | None, str]]:
    """Names spelled several ways in one document, and names a canonical table respells.

    Returns (start, end, spelling, replacement or None, the preferred spelling): the
    preferred spelling is the canonical one when the table has it, else the most frequent in
    the document (the first on a tie). Only the other spellings are returned.

    >>> doc = "Dmytro Kuleba said no. Later Dmitro Kuleba said yes, and Dmytro Kuleba left."
    >>> spelling_variants(doc)
    [(29, 42, 'Dmitro Kuleba', None, 'Dmytro Kuleba')]
    >>> spelling_variants("Dmitri Peskov said so.", ["Dmitry Peskov"])
    [(0, 13, 'Dmitri Peskov', 'Dmitry Peskov', 'Dmitry Peskov')]
    """
    if canonical is _NO_TABLE:  # the default: no table to read
        if not may_have_variants(text):
            return []
        exact: dict[str, str] = {}
        by_key: dict[str, str] = {}
    else:
        exact, by_key = _canonical_table(canonical)
        if not exact and not by_key and not may_have_variants(text):
            return []
    groups: dict[str, list[tuple[int, int, str]]] = {}
    pairs = list(name_pairs(text))
    # Pairs that share a word ("Sergei Alexandrovich Ivanov") are never respelled: which pair
    # is the name is not clear, and respelling one would change the other.
    shared = {
        pairs[i][0]
        for i in range(len(pairs))
        if (i and pairs[i - 1][1] > pairs[i][0])
        or (i + 1 < len(pairs) and pairs[i + 1][0] < pairs[i][1])
    }
    for start, end, name in pairs:
        flat = " ".join(name.split())
        groups.setdefault(_pair_key(flat), []).append((start, end, flat))
    out = []
    for key, found in groups.items():
        counts = Counter(name for _, _, name in found)
        table_form = by_key.get(key)
        if len(counts) < 2 and table_form is None and not any(n in exact for n in counts):
            continue
        preferred = table_form or max(counts, key=lambda n: (counts[n], -_first(found, n)))
        for start, end, name in found:
            fix = exact.get(name) or table_form
            if name == preferred and (fix is None or fix == name):
                continue
            if len(counts) < 2 and fix is None:
                continue
            replacement = fix if fix is not None and fix != name and start not in shared else None
            out.append((start, end, name, replacement, replacement or preferred))
    out.sort()
    return out


def _first(found: list[tuple[int, int, str]], name: str) -> int:
    return next(start for start, _, n in found if n == name)


def find_spelling_variants(text: str, ctx: Context) -> list[Change]:
    canonical = ctx.option("canonical", _NO_TABLE)
    out = []
    for start, end, name, replacement, preferred in spelling_variants(text, canonical):
        if replacement is not None:
            message = f"{name!r} respelled as {replacement!r} (canonical names table)"
        else:
            message = f"{name!r} is spelled {preferred!r} elsewhere in this document"
        out.append(Change(start, end, replacement, message))
    return out


#: The options of the names rules (``Config(options={"NC8": {...}})``).
OPTIONS = (
    Option(
        "names",
        "words",
        "more entries for data/mistranslated_names.txt: 'wrong | name | context' (NC801, NC802)",
    ),
    Option("titles", "words", "more titles a surname may follow (NC802)"),
    Option("countries", "words", "more country names an article may wrongly precede (NC803)"),
    Option(
        "canonical",
        "table",
        "preferred spellings: a list of names, or a mapping variant -> name (NC804)",
    ),
)

RULES = (
    Rule(
        code="NC801",
        name="place-as-word",
        family="names",
        summary="Report a city translated as a word at a sentence start ('fly takes' = Moscow).",
        find=find_sentence_start_names,
        fix_by_default=False,
        english_only=True,
        before="fly takes a first step towards de-escalation.",
        after="Moscow takes a first step towards de-escalation.",
        why="Italian 'Mosca' means both Moscow and fly; engines pick the word, lower-cased, "
        "most often when the name opens the text.",
    ),
    Rule(
        code="NC802",
        name="surname-as-word",
        family="names",
        summary="Report a surname translated as a word after a first name or title.",
        find=find_surnames,
        fix_by_default=False,
        english_only=True,
        before="Prime Minister Mario Dragons met Giuseppe Count.",
        after="Prime Minister Mario Draghi met Giuseppe Conte.",
        why="Surnames that are also words (Draghi = dragons, Conte = count, Casado = married) "
        "are translated when the engine misses the name context.",
    ),
    Rule(
        code="NC803",
        name="article-before-country",
        family="names",
        summary="Report a source-language article before a country ('the Germany').",
        find=find_country_articles,
        fix_by_default=False,
        english_only=True,
        before="Just today the Germany through its minister asked the Russia to withdraw.",
        after="Just today Germany through its minister asked Russia to withdraw.",
        why="Italian, French and Spanish put an article before country names (la Germania, "
        "la Russie); engines copy it, or read Italian 'La' as 'There'.",
    ),
    Rule(
        code="NC804",
        name="name-spelling-variants",
        family="names",
        summary="Report one person spelled several ways; respell from a user table on request.",
        find=find_spelling_variants,
        fix_by_default=False,
        english_only=True,
        before="Dmytro Kuleba spoke first. Later Dmitro Kuleba and Dmytro Kuleba spoke.",
        after="Dmytro Kuleba spoke first. Later Dmitro Kuleba and Dmytro Kuleba spoke.",
        why="Articles stitched from several sources, or translated sentence by sentence, "
        "transliterate a Cyrillic name differently (Dmytro/Dmitro, Dmitry/Dmitri).",
    ),
)
