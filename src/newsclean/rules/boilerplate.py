"""Boilerplate (NC4xx): lines that are not the article, removed whole and returned.

Scraped news carries lines around the article that are not part of it: photo and video
credits, wire-agency credits and source lines, desk bylines, related-article teasers,
paywall and browser notices, copyright and scraper tags, tag lines ("Tags: Ukraine, Russia"),
reader comments scraped from under the article, and the wire and desk codes that end an
agency's copy ("EFE", "Lusa/End", "jk/ mal/"). Each rule here recognises one kind
with high confidence and removes it with ``Change(..., removed=True)``, so every removed
block comes back in ``Result.metadata["removed"]`` with its original offsets: nothing is
lost.

Precision comes from shape, not from position alone: a line is removed only when it is a
known label (``Photo:``, ``READ ALSO:``, ``Source:``) followed by something shaped like a
credit (names, agencies, initials, years; see :func:`credit_shaped`), a whole-line notice from
the notices table, or an ALL-CAPS desk byline made only of desk words. Headlines, subheadings
and captions are article content and stay; a credit at the end of a caption line is cut off
and the caption kept.

Tables live in ``newsclean/data/boilerplate_*.txt``; users extend them with
``Config(options={"NC4": {"agencies": [...], "media_labels": [...], "source_labels": [...],
"teaser_labels": [...], "desk_heads": [...], "desk_qualifiers": [...], "notices": [...],
"tag_labels": [...]}})``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice
from typing import NamedTuple

import regex

from ..config import ConfigError
from ..edits import Change
from ..registry import Context, Option, Rule
from ..resources import compiled_pattern, compiled_patterns, derived, load_table, zipf_frequency
from .header import credits_line

__all__ = [
    "RULES",
    "Line",
    "Tables",
    "agency_slug",
    "block_headline",
    "caption_credit",
    "copyright_tag",
    "credit_shaped",
    "desk_byline",
    "media_credit",
    "notice",
    "removal_spans",
    "source_credit",
    "split_lines",
    "tables",
    "teaser",
    "teaser_block",
]

# --------------------------------------------------------------------------------------------
# Patterns and tables (kept apart from the logic below)

#: Lower-case words a credit may contain besides names: "AFP via Getty Images",
#: "Reporting by Jane Doe in London; Editing by John Smith", "Photo courtesy of the family".
CREDIT_CONNECTORS = frozenset(
    {
        "via",
        "by",
        "and",
        "for",
        "of",
        "from",
        "the",
        "in",
        "at",
        "on",
        "with",
        "courtesy",
        "photo",
        "photos",
        "archive",
        "file",
        "handout",
        "staff",
        "pool",
        "images",
        "reporting",
        "editing",
        "writing",
        "additional",
        "de",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "el",
        "los",
        "las",
        "y",
        "e",
        "et",
        "und",
    }
)
#: A token of a credit: a word (letters, digits, inner ' . & -), or an e-mail-free domain.
CREDIT_TOKEN_PATTERN = r"[\p{L}\p{N}](?:[\p{L}\p{N}'’.&_-]*[\p{L}\p{N}])?\.?"
#: What may separate credit tokens: spaces, commas, slashes, ampersands, semicolons, middle
#: dots, pipes, dashes, parentheses, braces (scraper tags), a copyright sign, ``+``.
CREDIT_SEPARATORS_PATTERN = r"[\s,/&;·•|+()\[\]{}©–—-]+"
#: At most this many tokens and characters: a credit is short.
CREDIT_MAX_TOKENS = 16
CREDIT_MAX_CHARS = 160
COPYRIGHT_MAX_TOKENS = 40
#: Initials of the writer at the end of an agency slug: "dpa/AFP/ts".
INITIALS_PATTERN = r"\p{Ll}{1,4}|\p{Lu}{1,4}"
#: One agency in parentheses or after a dash: "(AFP)", "— Reuters" (see :func:`agency_slug`).
SINGLE_AGENCY_PATTERN = r"\(\s*([^()]+?)\s*\)\.?|[–—-]+[ \t]*(.+?)\.?"
#: Sentence end inside a caption line, before a trailing credit.
CAPTION_END = r"(?<=[.!?…\"”»)])"
#: A year, a range of years, or a copyright year list.
YEAR_PATTERN = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?"
#: A copyright marker opening a line.
COPYRIGHT_PATTERN = r"(?i)(?:\(c\)|©|copyright(?:\s*©|\s*\(c\))?)\s*"
#: A copyright marker anywhere in a line.
COPYRIGHT_MARK_PATTERN = r"(?i)\(c\)|©|copyright"
#: "All rights reserved." in a copyright line, or "Reproduction reserved." (Italian sites'
#: "Riproduzione riservata").
RIGHTS_PATTERN = r"(?i)\.?\s*(?:all rights|reproduction) reserved\.?"
#: The same phrase opening a copyright line: "REPRODUCTION RESERVED © Copyright ANSA".
RIGHTS_LEAD_PATTERN = r"(?i)(?:all rights|reproduction) reserved[ \t]*[.,;:|·•–—-]?[ \t]*"
#: A scraper tag: the site's domain in braces at the end of a line, "{Matzav.com}".
SCRAPER_TAG_PATTERN = r"\{[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\}\s*$"
#: Cheap gate of the copyright and reader-comment rules: a copyright marker, a rights
#: phrase or a scraper tag.
COPYRIGHT_GATE = ("©", "(c)", "(C)", "opyright", "OPYRIGHT", "eserved", "ESERVED", "}")
#: Bullets and markers that may open a boilerplate line.
LEAD_MARKS = "*•►▶»>#-–— \t"
#: Separators after a teaser or credit label.
LABEL_SEP_PATTERN = r"[ \t]*(?:[:|»>]|[–—-](?=[ \t]|$))[ \t]*"
#: The patterns above, compiled once and kept in the cache folder (see
#: :func:`newsclean.resources.compiled_patterns`).
(
    CREDIT_TOKEN_RE,
    CREDIT_SEPARATORS_RE,
    INITIALS_RE,
    SINGLE_AGENCY_RE,
    YEAR_RE,
    COPYRIGHT_RE,
    COPYRIGHT_MARK_RE,
    RIGHTS_RE,
    RIGHTS_LEAD_RE,
    SCRAPER_TAG_RE,
    LABEL_SEP_RE,
) = compiled_patterns(
    "boilerplate-credits",
    (
        CREDIT_TOKEN_PATTERN,
        CREDIT_SEPARATORS_PATTERN,
        INITIALS_PATTERN,
        SINGLE_AGENCY_PATTERN,
        YEAR_PATTERN,
        COPYRIGHT_PATTERN,
        COPYRIGHT_MARK_PATTERN,
        RIGHTS_PATTERN,
        RIGHTS_LEAD_PATTERN,
        SCRAPER_TAG_PATTERN,
        LABEL_SEP_PATTERN,
    ),
)

#: Trailing text after the copyright/scraper tag is removed as reader comments only when
#: it is at most this share of the article before it and at most this many characters;
#: otherwise it is reported.
COMMENTS_MAX_SHARE = 0.5
COMMENTS_MAX_CHARS = 3000


def _alternation(entries: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any run.

    >>> _alternation(["Read also", "Read"])
    'Read[ \\\\t]+also|Read'
    """
    # Longest first; equal lengths in a fixed order, so that the pattern's text is the same
    # in every process (its compiled form is kept in the cache folder under that text).
    phrases = sorted({e.strip() for e in entries if e.strip()}, key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"[ \t]+") for p in phrases)


def _prefixes(entries: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(e.split()).casefold() for e in entries if e.strip()}))


@dataclass(frozen=True, eq=False)
class Tables:
    """The compiled boilerplate tables (shipped entries plus the user's extensions)."""

    agencies: frozenset[str]
    agency_phrases: tuple[tuple[str, ...], ...]
    media_re: regex.Pattern[str]
    caption_re: regex.Pattern[str]
    source_re: regex.Pattern[str]
    teaser_re: regex.Pattern[str]
    desk_heads: frozenset[str]
    desk_qualifiers: frozenset[str]
    notice_re: regex.Pattern[str]
    #: Cheap gates: casefolded label prefixes a candidate line must start with (see
    #: :func:`_prefix`), and the casefolded media labels a caption's end must contain.
    media_prefixes: tuple[str, ...]
    source_prefixes: tuple[str, ...]
    teaser_prefixes: tuple[str, ...]
    media_words: tuple[str, ...]
    desk_words: tuple[str, ...]
    #: Whole-document gates (see :class:`_Doc`): UTF-8 encoded casefolded words, one of which
    #: a document must contain for a rule to look at its lines; ``None``: no gate (the rule
    #: always looks at the lines).
    #: Line heads (see :func:`_scan`): the casefolded first two characters a line may have
    #: to be a candidate of each test, when that can be known (``None``: every line is).
    media_heads: frozenset[str] | None = None
    source_heads: frozenset[str] | None = None
    teaser_heads: frozenset[str] | None = None
    notice_heads: frozenset[str] | None = None
    #: The scan's bits of each line head seen so far (see :func:`_scan`).
    head_bits: dict[str, int] = field(default_factory=dict)
    #: The heads whose bits are 0 (blank lines first), taken out of a text's heads at once.
    plain_heads: set[str] = field(default_factory=lambda: {"", "\r"})
    #: The caption gate (see :func:`_caption_possible`).
    caption_gate_re: re.Pattern[bytes] | None = None
    #: One search for any of ``desk_words`` (``None``: there are none).
    desk_words_re: re.Pattern[str] | None = None


#: The option keys that extend each table, in the order :func:`_compile` takes them.
OPTION_KEYS = (
    "agencies",
    "media_labels",
    "source_labels",
    "teaser_labels",
    "desk_heads",
    "desk_qualifiers",
    "notices",
)


def check_user_patterns(key: str, entries: Sequence[str]) -> None:
    """Raise a :class:`ConfigError` that names the first of the user's ``entries`` for
    option ``key`` that is not a regular expression, with its own position.

    >>> try:
    ...     check_user_patterns("comment_labels", ["Comments", "Talk (open"])
    ... except ConfigError as exc:
    ...     print(str(exc)[:57])
    NC4.comment_labels[1] 'Talk (open' is not a valid regular
    """
    for k, entry in enumerate(entries):
        try:
            regex.compile(entry)
        except regex.error as exc:
            raise ConfigError(
                f"NC4.{key}[{k}] {entry!r} is not a valid regular expression ({exc}); "
                f"{key.replace('_', ' ')} are patterns: write \\( \\) \\. \\? for literal "
                "characters"
            ) from exc


@lru_cache(maxsize=32)
def _compile(extras: tuple[tuple[str, ...], ...]) -> Tables:
    """Compile the shipped tables plus the user's extras (one tuple per :data:`OPTION_KEYS`).
    Cached on the extras, which are empty in the default run."""
    desks = load_table("boilerplate_desks.txt")
    agencies = load_table("boilerplate_agencies.txt") + extras[0]
    media = load_table("boilerplate_media_labels.txt") + extras[1]
    sources = load_table("boilerplate_source_labels.txt") + extras[2]
    teasers = load_table("boilerplate_teasers.txt") + extras[3]
    desk_heads = tuple(d.split(":", 1)[1] for d in desks if d.startswith("head:")) + extras[4]
    desk_qualifiers = (
        tuple(d.split(":", 1)[1] for d in desks if d.startswith("qualifier:")) + extras[5]
    )
    notices = load_table("boilerplate_notices.txt") + extras[6]
    media_alt = _alternation(media)
    # "Photo: X", "Photo by X", "Photo credit: X", "Image source, X", "(Photo: X)".
    media_head = (
        r"(?i:(?:" + media_alt + r"))"
        r"(?:(?i:[ \t]+(?:by|credit|credits|courtesy(?:[ \t]+of)?|source|author))"
        r"(?:[ \t]*[:|,][ \t]*|[ \t]+)"
        r"|[ \t]*[:|,][ \t]*"
        r"|[ \t]*[–—-][ \t]+)"
    )
    media_pattern = r"[(\[]?" + media_head + r"(?P<credit>.+?)[)\]]?\.?"
    caption_pattern = (
        CAPTION_END
        + r"(?P<cut>[ \t]+(?:[(\[]"
        + media_head
        + r"(?P<credit>[^()\[\]\n]+?)[)\]]|"
        + media_head
        + r"(?P<credit2>[^\n]+?)))[ \t]*$"
    )
    source_pattern = (
        r"[(\[]?(?i:(?:" + _alternation(sources) + r"))"
        r"(?:[ \t]*[:|,][ \t]*|[ \t]+|[ \t]*(?=[)\]]?\.?$))"
        r"(?P<credit>.*?)[)\]]?\.?"
    )
    teaser_pattern = r"(?P<label>(?i:" + _alternation(teasers) + r"))"
    check_user_patterns("notices", extras[6])
    notice_alt = "|".join(f"(?:{n})" for n in notices)
    notice_pattern = r"(?i:" + notice_alt + r")[ \t]*[.!]?"
    patterns = (media_pattern, caption_pattern, source_pattern, teaser_pattern, notice_pattern)
    default = extras == _NO_EXTRAS
    try:
        if default:
            # The shipped tables' patterns, compiled once and kept in the cache folder
            # (compiling them took ~40 ms of every start-up).
            compiled = compiled_patterns("boilerplate", patterns)
        else:
            compiled = [regex.compile(p) for p in patterns]
    except regex.error as exc:
        raise ConfigError(f"a boilerplate notice pattern does not compile: {exc}") from exc
    media_re, caption_re, source_re, teaser_re, notice_re = compiled
    media_prefixes = _prefixes(media)
    desk_words = tuple(sorted({w.upper() for h in desk_heads for w in h.split()}))
    return Tables(
        agencies=frozenset(a.casefold() for a in agencies),
        agency_phrases=tuple(tuple(a.casefold().split()) for a in agencies if " " in a),
        media_re=media_re,
        caption_re=caption_re,
        source_re=source_re,
        teaser_re=teaser_re,
        desk_heads=frozenset(h.strip().upper() for h in desk_heads),
        desk_qualifiers=frozenset(q.strip().upper() for q in desk_qualifiers),
        notice_re=notice_re,
        media_prefixes=_prefixes(media),
        source_prefixes=_prefixes(sources),
        teaser_prefixes=_prefixes(teasers),
        media_words=_prefixes(media),
        desk_words=desk_words,
        desk_words_re=re.compile("|".join(map(re.escape, desk_words))) if desk_words else None,
        media_heads=_label_heads(media_prefixes),
        source_heads=_label_heads(_prefixes(sources)),
        teaser_heads=_label_heads(_prefixes(teasers)),
        caption_gate_re=_caption_gate_re(_label_heads(media_prefixes)),
        notice_heads=_notice_heads(notice_re, default=default),
    )


def _notice_heads(notice_re: regex.Pattern[str], default: bool) -> frozenset[str]:
    """:func:`_pattern_heads` of the notices' pattern: for the shipped tables, kept in the
    cache folder (finding them takes ~20,000 partial matches, a fifth of start-up)."""
    if not default:
        return _pattern_heads(notice_re)
    return derived(
        "notice-heads",
        f"{notice_re.pattern}|{regex.__version__}|{NOTICE_HEAD}|{_HEAD_CHARS}",
        lambda: _pattern_heads(notice_re),
        uses=(_pattern_heads,),
    )


#: The characters of the line heads the gates know: printable ASCII. A document with a line
#: whose head has another character gets no gate (every test looks at its lines).
_HEAD_CHARS = "".join(chr(c) for c in range(0x20, 0x7F))
#: How many characters of a line's start the gates look at (labels: up to this many of the
#: casefolded label; notices: ``NOTICE_HEAD`` characters, found by partial matching).
HEAD = 4
NOTICE_HEAD = 3


def _label_heads(prefixes: Sequence[str]) -> frozenset[str] | None:
    """The first :data:`HEAD` characters of casefolded label prefixes, or ``None`` when a
    label is shorter or starts outside printable ASCII (then every line is a candidate).

    >>> sorted(_label_heads(["read also", "related", "see also"]))
    ['read', 'rela', 'see ']
    >>> _label_heads(["tv"]) is None
    True
    """
    heads = {p[:HEAD] for p in prefixes}
    if any(len(h) < HEAD or not (h.isascii() and h.isprintable()) for h in heads):
        return None
    return frozenset(heads)


def _pattern_heads(pattern: regex.Pattern[str], size: int = NOTICE_HEAD) -> frozenset[str]:
    """Every printable-ASCII string of ``size`` characters that a whole-line match of
    ``pattern`` may start with (or be), found with the ``regex`` module's partial matching.

    >>> heads = _pattern_heads(regex.compile(r"(?i:advertising|[0-9]+ ago)"), 2)
    >>> sorted(h for h in heads if h.isalpha())
    ['AD', 'Ad', 'aD', 'ad']
    >>> "5 " in heads, "55" in heads, "x " in heads
    (True, True, False)
    """
    alive = [""]
    for _ in range(size):
        alive = [
            h + c for h in alive for c in _HEAD_CHARS if pattern.fullmatch(h + c, partial=True)
        ]
    return frozenset(alive)


_NO_EXTRAS: tuple[tuple[str, ...], ...] = ((),) * len(OPTION_KEYS)


@cache
def _default_tables() -> Tables:
    """The shipped tables (no extras): one lookup without building or hashing a key."""
    return _compile(_NO_EXTRAS)


def tables(ctx: Context | None = None) -> Tables:
    """The compiled tables for this run: shipped entries plus ``Config`` options.

    >>> "efe" in tables().agencies
    True
    """

    if ctx is None or not ctx.config.options or not ctx.config.has_options_for(ctx.code):
        return _default_tables()
    return _compile(tuple(ctx.words(key) for key in OPTION_KEYS))


# --------------------------------------------------------------------------------------------
# Lines and removal spans


class Line(NamedTuple):
    """One line of the text: ``start``, the end of its content (before ``\\r\\n``/``\\n``),
    the end including its line break, and its content with the edges stripped."""

    start: int
    content_end: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets.

    >>> [(ln.start, ln.content_end, ln.end, ln.text) for ln in split_lines("a \\r\\n\\nb")]
    [(0, 2, 4, 'a'), (4, 4, 5, ''), (5, 6, 6, 'b')]
    """
    out = []
    pos = 0
    raws = text.split("\n")
    last = len(raws) - 1
    for k, raw in enumerate(raws):
        stop = pos + len(raw)
        content_end = stop - 1 if raw.endswith("\r") else stop
        end = stop + 1 if k < last else stop
        out.append(Line(pos, content_end, end, raw.strip()))
        pos = end
    return out


@lru_cache(maxsize=8)
def _lines_of(text: str) -> tuple[tuple[Line, ...], tuple[str, ...]]:
    """The lines of ``text`` and their gate prefixes, shared by the rules of this family
    (they usually see the same text one after another)."""
    lines = tuple(split_lines(text))
    return lines, tuple(_prefix(line.text) if line.text else "" for line in lines)


class _Scan(NamedTuple):
    """Which tests may find something in a text (some line may be a candidate of the test)."""

    media: bool
    source: bool
    teaser: bool
    notice: bool
    desk: bool


_NO_SCAN = _Scan(False, False, False, False, False)
_MEDIA, _SOURCE, _TEASER, _NOTICE, _DESK = 1, 2, 4, 8, 16
_ALL_BITS = 31
#: A line that starts with one of these has no head the gates can read.
_ODD_HEAD = " " + LEAD_MARKS + "(["
#: At most this many distinct heads are remembered per table set.
_HEAD_CACHE_MAX = 1 << 16


def _head_bits(head: str, t: Tables) -> int:
    """The tests a line starting with ``head`` (its first :data:`HEAD` characters, the line
    not blank) may be a candidate of, as bits.

    >>> t = tables()
    >>> _head_bits("Phot", t) == _MEDIA | _NOTICE, _head_bits("The ", t)
    (True, 0)
    >>> _head_bits("US O", t) == _DESK, _head_bits("• Ph", t) == _ALL_BITS
    (True, True)
    """
    if (
        len(head) < HEAD
        or head[0] in _ODD_HEAD
        or "  " in head
        or not (head.isascii() and head.isprintable())
    ):
        return _ALL_BITS
    folded = head.lower()  # the casefold, for ASCII
    bits = 0
    if t.media_heads is None or folded in t.media_heads:
        bits |= _MEDIA
    if t.source_heads is None or folded in t.source_heads:
        bits |= _SOURCE
    if t.teaser_heads is None or folded in t.teaser_heads:
        bits |= _TEASER
    if t.notice_heads is None or folded[:NOTICE_HEAD] in t.notice_heads:
        bits |= _NOTICE
    if head.upper() == head:
        bits |= _DESK
    return bits


@lru_cache(maxsize=8)
def _scan(text: str, t: Tables) -> _Scan:
    """Which line tests may find something in ``text``, from the first :data:`HEAD`
    characters of its lines only, so that on a clean document every rule of the family
    leaves at once. It is a superset of :func:`_candidate`: a test the scan rules out has
    no candidate line. A line whose head the scan cannot read (a short line, one that
    starts with a space, a bullet or a character outside printable ASCII) turns every test
    on. The bits of each distinct head are cached with the tables.

    >>> _scan("Talks went on.\\n\\nPhoto: EFE", tables())
    _Scan(media=True, source=False, teaser=False, notice=True, desk=False)
    >>> _scan("Talks went on.\\n\\n- Reuters", tables()).source
    True
    """
    bits = _SOURCE if "/" in text else 0
    heads = {raw[:HEAD] for raw in text.split("\n")}
    heads.difference_update(t.plain_heads)  # the heads known to start no candidate
    if not heads and not bits:
        return _NO_SCAN
    cache = t.head_bits
    for head in heads:
        found = cache.get(head)
        if found is None:
            found = 0 if not head or head == "\r" else _head_bits(head, t)
            if len(cache) < _HEAD_CACHE_MAX:
                cache[head] = found
                if not found:
                    t.plain_heads.add(head)
        bits |= found
    return _Scan(
        bool(bits & _MEDIA),
        bool(bits & _SOURCE),
        bool(bits & _TEASER),
        bool(bits & _NOTICE),
        bool(bits & _DESK),
    )


#: Bytes map of the caption gate: ASCII lower case, every ASCII sentence end of
#: ``CAPTION_END`` to ".", a tab to a space.
_CAPTION_MAP = bytes.maketrans(
    b'ABCDEFGHIJKLMNOPQRSTUVWXYZ!?")\t', b"abcdefghijklmnopqrstuvwxyz....\x20"
)
#: The sentence ends of ``CAPTION_END`` outside ASCII, each replaced by "." in the gate.
_CAPTION_ENDS_UTF8 = tuple((c, c.encode("utf-8")) for c in "…”»")


#: Characters outside ASCII that a case-insensitive ``regex`` pattern takes for an ASCII
#: letter (İ for i, the long s for s, the Kelvin sign for k; found by trying every code
#: point): a text holding one gets no caption gate.
_REGEX_FOLDS_TO_ASCII = "\u0130\u017f\u212a"


def _caption_possible(text: str, t: Tables) -> bool:
    """Whether a caption credit may follow a sentence end in ``text``: some sentence end
    and a space are followed by the first :data:`HEAD` characters of a media label, or by
    something the gate cannot read (more spaces, a bracket, a character outside ASCII), or
    the text has a slash (an agency slug may end a caption). A superset of where
    :func:`caption_credit` can match.

    >>> t = tables()
    >>> _caption_possible("Drills. PHOTO: EFE", t), _caption_possible("Drills. Talks.", t)
    (True, False)
    >>> _caption_possible("Photo: EFE", t), _caption_possible("Drills!\\t(Photo: EFE)", t)
    (False, True)
    >>> _caption_possible("Drills. P\u0130CTURE: EFE", t)
    True
    """
    gate = t.caption_gate_re
    if gate is None or "/" in text:  # a slash: maybe an agency slug (:func:`_caption_slug`)
        return True
    if text.isascii():  # none of the characters looked for below: no scan for them
        return gate.search(text.encode("ascii").translate(_CAPTION_MAP)) is not None
    for char in _REGEX_FOLDS_TO_ASCII:
        if char in text:
            return True
    hay = text.encode("utf-8", "surrogatepass")
    for char, code in _CAPTION_ENDS_UTF8:
        if char in text:
            hay = hay.replace(code, b".")
    return gate.search(hay.translate(_CAPTION_MAP)) is not None


def _caption_gate_re(heads: frozenset[str] | None) -> re.Pattern[bytes] | None:
    """The caption gate's pattern over the mapped bytes: ". " and then a label head, more
    space, a bracket or a byte outside ASCII. ``re``, not ``regex``: it starts with a
    literal, which ``re`` finds at memory speed.

    >>> gate = _caption_gate_re(frozenset({"phot"}))
    >>> bool(gate.search(b"held. photo: efe")), bool(gate.search(b"held. the photo"))
    (True, False)
    """
    if heads is None:
        return None
    alternatives = b"|".join(re.escape(h.encode("ascii")) for h in sorted(heads))
    return re.compile(rb"\. (?:[ (\[\x80-\xff]|" + alternatives + rb")")


def _prefix(line: str) -> str:
    """The start of a line without bullets, spaces collapsed, casefolded (for cheap gates).

    >>> _prefix("*  READ   ALSO: NATO meets")
    'read also: nato meets'
    """
    return " ".join(line.lstrip(LEAD_MARKS + "([")[:48].split()).casefold()


def removal_spans(lines: Sequence[Line], remove: Iterable[int]) -> list[tuple[int, int]]:
    """The spans that remove whole lines ``remove`` and leave the paragraph layout intact.

    A removed line takes its line break with it, and the blank lines after it when a blank
    line (or the start of the text) comes before it, so "a, blank, X, blank, b" becomes
    "a, blank, b". Removed lines after the last kept line take the line breaks *before*
    them instead, so the text ends where the article ends.

    >>> t = "a\\n\\nX\\n\\nb\\n\\nY"
    >>> [t[s:e] for s, e in removal_spans(split_lines(t), [2, 6])]
    ['X\\n\\n', '\\n\\nY']
    >>> t = "a\\n\\nX\\n\\n\\n\\nb"
    >>> [t[s:e] for s, e in removal_spans(split_lines(t), [2])]
    ['\\nX\\n']
    >>> t = "a\\nX\\nb"
    >>> [t[s:e] for s, e in removal_spans(split_lines(t), [1])]
    ['X\\n']
    """
    drop = set(remove)
    if not drop:
        return []
    last_kept = -1
    for i, line in enumerate(lines):
        if not line.blank and i not in drop:
            last_kept = i
    spans: list[tuple[int, int]] = []
    prev_content = 0  # end of the content of the last non-blank line so far
    for i, line in enumerate(lines):
        if i in drop:
            if i > last_kept:
                spans.append((prev_content, line.content_end))
            elif i == 0 or lines[i - 1].blank:
                # Blank lines before (k, not yet taken by the previous span) and after (m):
                # take the shorter run with the line, so the longer one separates the
                # paragraphs as it did.
                k = 0
                free_from = spans[-1][1] if spans else 0
                while i - k - 1 >= 0 and lines[i - k - 1].blank:
                    if lines[i - k - 1].start < free_from:
                        break
                    k += 1
                j = i + 1
                while j < len(lines) and lines[j].blank and j < last_kept:
                    j += 1
                m = j - i - 1
                if m > k and k > 0:
                    spans.append((lines[i - k].start, line.end))
                else:
                    spans.append((line.start, lines[j - 1].end if m else line.end))
            else:
                spans.append((line.start, line.end))
        if not line.blank:
            prev_content = line.content_end
    # Spans touching each other stay separate; overlapping ones cannot arise.
    return spans


def _line_changes(text: str, lines: Sequence[Line], found: dict[int, str]) -> Iterator[Change]:
    for (start, end), i in zip(removal_spans(lines, found), sorted(found), strict=True):
        yield Change(start, end, "", found[i], removed=True)


def block_spans(lines: Sequence[Line], remove: Iterable[int]) -> list[tuple[int, int, int]]:
    """:func:`removal_spans` for lines removed in blocks: lines one after another (no blank
    line between) are removed as one block, so that the blank lines around the block are
    kept as around one line. Each span comes with the first line of its block.

    >>> t = "a\\n\\nL\\nX\\nY\\n\\nb"
    >>> [t[s:e] for s, e, _ in block_spans(split_lines(t), [2, 3, 4])]
    ['L\\nX\\nY\\n\\n']
    >>> [t[s:e] for s, e in removal_spans(split_lines(t), [2, 3, 4])]
    ['L\\n', 'X\\n', 'Y\\n']
    """
    rows: list[Line] = []
    firsts: list[int] = []
    drop: list[int] = []
    remove = set(remove)
    i = 0
    while i < len(lines):
        j = i
        if i in remove:
            while j + 1 < len(lines) and j + 1 in remove:
                j += 1
            drop.append(len(rows))
            firsts.append(i)
            rows.append(Line(lines[i].start, lines[j].content_end, lines[j].end, lines[i].text))
        else:
            rows.append(lines[i])
        i = j + 1
    return [(s, e, first) for (s, e), first in zip(removal_spans(rows, drop), firsts, strict=True)]


def _block_changes(lines: Sequence[Line], found: dict[int, str]) -> Iterator[Change]:
    for start, end, first in block_spans(lines, found):
        yield Change(start, end, "", found[first], removed=True)


def _strip_marks(line: str) -> str:
    return line.strip(LEAD_MARKS).strip()


# --------------------------------------------------------------------------------------------
# Shapes


def credit_shaped(
    text: str, agencies: frozenset[str] = frozenset(), max_tokens: int = CREDIT_MAX_TOKENS
) -> bool:
    """Whether ``text`` reads like a credit: names, agencies, initials and years, not prose.

    Every word starts with a capital or a digit, or is a known agency ("dpa"), or is one of a
    few connectors ("via", "by", "and", "of"); it is short and has no sentence inside it.

    >>> credit_shaped("EFE/EPA/OLEG PETRASYUK")
    True
    >>> credit_shaped("AFP via Getty Images")
    True
    >>> credit_shaped("A fragment from a video on YouTube")
    False
    >>> credit_shaped("the ministry said on Tuesday")
    False
    >>> credit_shaped("Reuters. The troops were seen leaving")
    False
    """
    text = text.strip()
    if not text or len(text) > CREDIT_MAX_CHARS * max_tokens // CREDIT_MAX_TOKENS:
        return False
    if text[-1] in "?!:":
        return False
    tokens = [t for t in CREDIT_SEPARATORS_RE.split(text) if t]
    if not tokens or len(tokens) > max_tokens:
        return False
    letters = False
    for i, token in enumerate(tokens):
        if not CREDIT_TOKEN_RE.fullmatch(token):
            return False
        # A full stop inside the credit ends a sentence unless it is an initial ("J."), an
        # abbreviation ("U.S.", "Inc.") or a domain ("Matzav.com").
        if token.endswith(".") and i < len(tokens) - 1 and len(token) > 4 and "." not in token[:-1]:
            return False
        first = token[0]
        if first.isalpha():
            letters = True
            if first.islower():
                word = token.rstrip(".").casefold()
                if word not in CREDIT_CONNECTORS and word not in agencies and "." not in word:
                    return False
    return letters


#: Words after an agency's name that make it the agency's picture desk: "EFE Photo".
AGENCY_DESK_WORDS = ("photo", "photos", "foto", "video", "pool")


def agency_part(part: str, agencies: frozenset[str]) -> bool:
    """Whether one part of a slug names an agency: "AFP", or its picture desk, "EFE Photo".

    >>> ag = tables().agencies
    >>> agency_part("EFE", ag), agency_part("EFE Photo", ag), agency_part("Paris Photo", ag)
    (True, True, False)
    """
    folded = part.casefold()
    if folded in agencies:
        return True
    head, _, desk = folded.rpartition(" ")
    return desk in AGENCY_DESK_WORDS and head in agencies


def agency_slug(text: str, agencies: frozenset[str]) -> bool:
    """Whether a line is an agency slug: agencies joined by slashes, maybe with initials or a
    photographer's name ("dpa/AFP/ts", "REUTERS/Gleb Garanich"), or one agency in
    parentheses or after a dash ("(AFP)", "— Reuters").

    >>> ag = tables().agencies
    >>> agency_slug("dpa/AFP/ts", ag), agency_slug("(AFP)", ag), agency_slug("— Reuters", ag)
    (True, True, True)
    >>> agency_slug("REUTERS/Gleb Garanich", ag)
    True
    >>> agency_slug("EFE Photo/Juan Carlos Hidalgo", ag), agency_slug("(ANSA Foto/E. Ferrari)", ag)
    (True, True)
    >>> agency_slug("and/or", ag), agency_slug("Reuters", ag), agency_slug("TCP/IP", ag)
    (False, False, False)
    >>> agency_slug("Paris Photo/Art Basel", ag)
    False
    """
    s = text.strip()
    if len(s) > 80:
        return False
    m = SINGLE_AGENCY_RE.fullmatch(s)
    if m:
        inner = (m.group(1) or m.group(2)).strip()
        return agency_part(inner, agencies) or ("/" in inner and agency_slug(inner, agencies))
    parts = [p.strip() for p in s.split("/")]
    if len(parts) < 2 or any(not p for p in parts):
        return False
    seen_agency = False
    for k, part in enumerate(parts):
        if agency_part(part, agencies):
            seen_agency = True
        elif INITIALS_RE.fullmatch(part) and k == len(parts) - 1 and seen_agency:
            continue
        elif not (seen_agency and " " in part and credit_shaped(part, agencies)):
            return False
    return seen_agency


def _copyright_credit(rest: str, agencies: frozenset[str]) -> bool:
    rest = RIGHTS_RE.sub(" ", rest)
    rest = SCRAPER_TAG_RE.sub(" ", rest)
    rest = YEAR_RE.sub(" ", rest)
    rest = rest.strip(" ,.;·-–—")
    # A copyright marker is strong evidence: the credit may list many authors.
    return not rest or credit_shaped(rest, agencies, max_tokens=COPYRIGHT_MAX_TOKENS)


def copyright_tag(line: str, agencies: frozenset[str]) -> bool:
    """Whether a line is a copyright or scraper tag: "(c) 2022, The Washington Post · Robyn
    Dixon {Matzav.com}", "© 2022 Reuters. All rights reserved.", "Dixon, Morris {Matzav.com}".

    >>> ag = tables().agencies
    >>> copyright_tag("(c) 2022, The Washington Post · Robyn Dixon {Matzav.com}", ag)
    True
    >>> copyright_tag("Copyright 2021 The Associated Press. All rights reserved.", ag)
    True
    >>> copyright_tag("© Reuters. FILE PHOTO: Ukrainian servicemen walk in a trench", ag)
    False
    >>> copyright_tag("Copyright law was changed in 2019, the ministry said.", ag)
    False
    >>> copyright_tag("REPRODUCTION RESERVED © Copyright ANSA", ag)
    True
    >>> copyright_tag("(ANSA). All rights reserved.", ag)
    True
    >>> copyright_tag("All rights reserved, the company said in a statement.", ag)
    False
    """
    s = _strip_marks(line) if not line.lstrip().startswith("(") else line.strip()
    lead = RIGHTS_LEAD_RE.match(s)
    if lead and COPYRIGHT_RE.match(s, lead.end()):
        s = s[lead.end() :]
    m = COPYRIGHT_RE.match(s)
    if m and m.end() < len(s):
        # "(c)" also numbers list items: it counts only with a year; "©"/"Copyright" always.
        marker = s[: m.end()].casefold()
        if "©" in marker or "copyright" in marker or YEAR_RE.search(s):
            return _copyright_credit(s[m.end() :], agencies)
    tag = SCRAPER_TAG_RE.search(s)
    if tag:
        return _copyright_credit(s[: tag.start()], agencies)
    if RIGHTS_RE.search(s):
        # "(ANSA). All rights reserved.": the rights phrase marks it as a ©.
        return _copyright_credit(s, agencies)
    return False


def media_credit(line: str, t: Tables) -> bool:
    """Whether a whole line is a photo or video credit.

    >>> t = tables()
    >>> media_credit("Photo: EFE/EPA/OLEG PETRASYUK", t)
    True
    >>> media_credit("Photo by MARKO DJURICA Reuters", t)
    True
    >>> media_credit("Image source, Getty Images", t), media_credit("(Photo: AFP)", t)
    (True, True)
    >>> media_credit("Photo: A fragment from a video on YouTube", t)
    False
    >>> media_credit("Photo caption: The explosion happened contrary to the plans", t)
    False
    >>> media_credit("Photos tweeted by the department showed broken glass.", t)
    False
    """
    s = _strip_marks(line) if not line.lstrip().startswith("(") else line.strip()
    m = t.media_re.fullmatch(s)
    return m is not None and credit_shaped(m.group("credit"), t.agencies)


def caption_credit(line: str, t: Tables) -> tuple[int, int] | None:
    """The span (in ``line``) of a photo credit at the end of a caption sentence.

    >>> line = "Ukraine's National Guard held drills this weekend. Photo: EFE/EPA/OLEG PETRASYUK"
    >>> s, e = caption_credit(line, tables()); line[s:e]
    ' Photo: EFE/EPA/OLEG PETRASYUK'
    >>> caption_credit("He took a photo. Photo: the view from the hotel window", tables()) is None
    True
    """
    m = t.caption_re.search(line)
    if not m:
        return _caption_slug(line, t)
    credit = m.group("credit") or m.group("credit2")
    if not credit_shaped(credit, t.agencies):
        return None
    return m.start("cut"), m.end("cut")


#: A sentence's end inside a caption line and the space after it.
CAPTION_BREAK_RE = compiled_pattern("boilerplate-caption-break-re", CAPTION_END + r"[ \t]+")


def _caption_slug(line: str, t: Tables) -> tuple[int, int] | None:
    """The span of an agency slug that ends a caption sentence, as Reuters and AP credit
    pictures ("… in Kherson, November 14, 2022. REUTERS/Valentyn Ogirenko", "… in Kherson.
    (AP Photo/Efrem Lukatsky)"): the rest of the line after a sentence's end is a slash
    credit that names an agency (:func:`agency_slug`).

    >>> line = "Troops ride a tank in Kherson, Ukraine, November 14. REUTERS/Valentyn Ogirenko"
    >>> s, e = _caption_slug(line, tables()); line[s:e]
    ' REUTERS/Valentyn Ogirenko'
    >>> _caption_slug("He chose the and/or option. and/or", tables()) is None
    True
    """
    end = len(line.rstrip())
    if "/" not in line:
        return None
    # An agency slug is at most 80 characters (:func:`agency_slug`): look only near the end.
    for m in CAPTION_BREAK_RE.finditer(line, max(0, end - 90), end):
        rest = line[m.end() : end]
        if m.start() >= 20 and "/" in rest and agency_slug(rest, t.agencies):
            return m.start(), end
    return None


def source_credit(line: str, t: Tables) -> bool:
    """Whether a whole line is a wire-agency credit or a source line.

    >>> t = tables()
    >>> source_credit("*With information from AFP and EFE", t)
    True
    >>> source_credit("Source: PAP, Reuters", t)
    True
    >>> source_credit("(Reporting by Jane Doe in London; Editing by John Smith)", t)
    True
    >>> source_credit("dpa/AFP/ts", t), source_credit("With agencies", t)
    (True, True)
    >>> source_credit("Sources within the party told the BBC Mr Howard had always been keen.", t)
    False
    >>> source_credit("Source: a senior official in Kyiv", t)
    False
    """
    s = line.strip()
    if agency_slug(s, t.agencies):
        return True
    s = _strip_marks(s) if not s.startswith("(") else s
    m = t.source_re.fullmatch(s)
    if not m:
        return False
    credit = m.group("credit").strip()
    return not credit or credit_shaped(credit, t.agencies)


def in_credits(lines: Sequence[Line], i: int) -> bool:
    """Whether line ``i`` stands beside a line of a work's credits (``data/credits_labels.txt``,
    "Written by Tom Stoppard" above "Directed by Sam Mendes"): then it is a credit of the work
    under review, not of the article.

    >>> lines = split_lines("Written by Tom Stoppard\\nDirected by Sam Mendes\\n")
    >>> in_credits(lines, 0)
    True
    >>> in_credits(split_lines("Reporting by Jane Doe\\nEditing by John Smith\\n"), 0)
    False
    """
    return any(credits_line(lines[k].text) for k in (i - 1, i + 1) if 0 <= k < len(lines))


def desk_byline(line: str, t: Tables) -> bool:
    """Whether a line is an ALL-CAPS desk byline made only of desk words.

    >>> t = tables()
    >>> desk_byline("INTERNATIONAL WRITING", t), desk_byline("NEWSROOM", t)
    (True, True)
    >>> desk_byline("WORLD OF WARCRAFT", t), desk_byline("International Writing", t)
    (False, False)
    """
    s = _strip_marks(line).rstrip(".")
    if not s or len(s) > 60 or s != s.upper() or not any(c.isalpha() for c in s):
        return False
    words = s.split()
    for k in range(len(words)):
        head = " ".join(words[k:])
        if head in t.desk_heads and all(w in t.desk_qualifiers for w in words[:k]):
            # A single generic head word alone ("DESK", "EDITORIAL") is too weak.
            return k > 0 or head in {"NEWSROOM", "WRITING STAFF", "EDITORIAL STAFF", "NEWS DESK"}
    return False


@cache
def list_labels() -> frozenset[str]:
    """The teaser labels of ``data/boilerplate_teaser_list_labels.txt``, casefolded: alone on
    their line and not in capitals, they may head a real list (see :func:`teaser`).

    >>> "watch" in list_labels(), "read also" in list_labels()
    (True, False)
    """
    return frozenset(
        " ".join(e.split()).casefold() for e in load_table("boilerplate_teaser_list_labels.txt")
    )


def teaser(line: str, t: Tables) -> str | None:
    """Whether a line is a related-article teaser: ``"line"`` when the line holds the label
    and the teaser, ``"label"`` when it holds only the label (the teaser follows), ``"bare"``
    when it is only a label of two words or more, written as words are and without a
    separator (a block of headlines may follow: see :func:`teaser_block`), else None.

    >>> t = tables()
    >>> teaser("READ ALSO: NATO ministers meet in Brussels", t), teaser("Also read:", t)
    ('line', 'label')
    >>> teaser("You may be interested", t), teaser("Related news reached the ministry.", t)
    ('bare', None)
    >>> teaser("READ ALSO Zelensky orders aid to Turkey", t)
    'line'
    >>> teaser("Read also: causes of the earthquake in Turkey.", t)
    'line'
    >>> teaser("Related: the two talks were held at the same time.", t) is None
    True
    >>> teaser("Read more at https://www.example.com/news today.", t) is None
    True
    >>> teaser("Watch the video to get a look at the new tools.", t) is None
    True
    >>> teaser("Watch:", t), teaser("You might also like", t), teaser("WATCH:", t)
    (None, None, 'label')
    """
    s = _strip_marks(line)
    m = t.teaser_re.match(s)
    if not m:
        return None
    label = m.group("label")
    rest = s[m.end("label") :]
    sep = LABEL_SEP_RE.match(rest)
    # "Watch:" or "Recommended" alone on its line, written as words are, may head a critic's
    # picks or a reading list as well as links: left, with the lines under it.
    heads_a_list = not label.isupper() and " ".join(label.split()).casefold() in list_labels()
    if sep:
        headline = rest[sep.end() :].strip()
        if not headline:
            return None if heads_a_list else "label"
        # A label of two words or more ("Read also:") is evidence enough (MT lower-cases the
        # headline after it); a one-word label ("Related:") needs a headline after it.
        # A label in capitals ("READ ALSO:") is the page's, whatever follows; after one
        # written as words are ("Related:"), a sentence of the article may stand.
        if not label.isupper() and (reads_as_prose(headline) or lowercase_sentence(headline)):
            return None
        if len(label.split()) > 1:
            return "line" if len(headline.split()) <= 40 else None
        return "line" if _teaser_headline(headline) else None
    # A label of two words or more alone on its line ("You may be interested") heads a block
    # of headlines, which the caller must see before it removes anything.
    if not rest.strip() and not label.isupper() and len(label.split()) > 1:
        return None if heads_a_list else "bare"
    # Without a separator only a label in capitals counts ("READ ALSO Zelensky orders aid"),
    # and not the short ones that also start headlines ("WATCH", "RELATED" are too short).
    if not (label.isupper() and len(label) > 7):
        return None
    if not rest.strip():
        return "label"
    headline = rest.strip()
    return "line" if rest[:1] in " \t" and _teaser_headline(headline) else None


#: The end of a reported sentence: an attribution clause after a comma, in the past tense
#: ("…, police said") or in the present with a full stop ("…, the NHS says."); headlines
#: attribute in the present without one ("Man dies in crash, police say").
ATTRIBUTION_END_PATTERN = (
    r",\h+(?:[\p{L}\p{N}’'.&-]+\h+){0,4}?"
    r"(?:(?:said|reported|added|told\h+[^,]{1,40}|announced|confirmed|wrote|noted|stated"
    r"|insisted|explained)\h*[.!]?"
    r"|(?:says|say|reports|adds|writes|notes|states|insists|explains)\h*[.!])"
    r"[\h\p{Pf}\p{Pe}\"']*$"
)
#: The end of a sentence: a full stop, "!" or "?" (closing quotes or brackets may follow).
PROSE_END_PATTERN = r"[.!?][\p{Pf}\p{Pe}\"']*\h*$"
#: A relative or second clause after a comma (", which first reported", ", and they did").
CLAUSE_AFTER_COMMA_PATTERN = (
    r",\h+(?:which|and\h+(?:he|she|they|we|it|I)|but\h+(?:he|she|they|we|it|I))\h"
)

#: The patterns above, compiled once and kept in the cache folder.
ATTRIBUTION_END_RE, PROSE_END_RE, CLAUSE_AFTER_COMMA_RE = compiled_patterns(
    "boilerplate-prose",
    (ATTRIBUTION_END_PATTERN, PROSE_END_PATTERN, CLAUSE_AFTER_COMMA_PATTERN),
)


def reads_as_prose(text: str) -> bool:
    """Whether the text after a teaser label is a sentence of the article, not a headline:
    it ends with a full stop (or "!", "?") and with an attribution ("…, police said.",
    "…, the NHS says."), or holds a clause after a comma (", which first reported …",
    ", and they did."). Headlines attribute without a full stop ("Man dies in crash, police
    say", "Two held, police said") and may open with a pronoun ("We are ready").

    >>> reads_as_prose("10 micrograms a day for adults, the NHS says.")
    True
    >>> reads_as_prose("The Guardian, which first reported the story on Monday.")
    True
    >>> reads_as_prose("He said the team would win, and they did.")
    True
    >>> reads_as_prose("Zelensky says Ukraine will never give up Crimea")
    False
    >>> reads_as_prose("Man dies in crash, police say"), reads_as_prose("Two held, police said")
    (False, False)
    >>> reads_as_prose("Two men have been arrested, police said.")
    True
    >>> reads_as_prose("Earthquake in Turkey: Ukraine is ready to send a large group of rescuers")
    False
    """
    if PROSE_END_RE.search(text) is None:
        return False  # no full stop: a headline ("Two held, police said")
    return bool(ATTRIBUTION_END_RE.search(text) or CLAUSE_AFTER_COMMA_RE.search(text))


#: The finite verbs (auxiliaries and "said") that make a sentence of a subject.
_FINITE = (
    r"(?:is|was|are|were|has|had|have|will|would|can|could|did|does|do|may|might|must|should"
    r"|said|says)(?![\p{L}\p{N}])"
)
#: A sentence of the article that opens lower-case after "Read more:": a subject pronoun or
#: demonstrative and a finite verb ("that was the advice …", "it is what they wanted."), or
#: a noun phrase of up to five words after a determiner and one of those verbs ("the
#: government said it would raise taxes.").
LOWERCASE_SENTENCE_RE = compiled_pattern(
    "boilerplate-lowercase-sentence-re",
    r"(?:(?:that|this|it|he|she|they|we|there|these|those|you)[ \t]+(?:"
    + _FINITE
    + r"|\p{Ll}+(?:ed|s)[ \t])"
    r"|(?:the|a|an|his|her|its|their|our|some|many|most)[ \t]+"
    r"(?:[\p{L}\p{N}'’-]++[ \t]+){1,5}?" + _FINITE + r")",
)
#: The end of a statement: a full stop or "!" (closing quotes or brackets may follow).
STATEMENT_END_RE = compiled_pattern("boilerplate-statement-end-re", r"[.!][\p{Pf}\p{Pe}\"']*\h*$")


def lowercase_sentence(text: str) -> bool:
    """Whether the text after a teaser label is a sentence of the article that opens
    lower-case: a subject (a pronoun, "that", "there") and a finite verb first, a full stop
    or "!" last. A teaser's headline is capitalised, or lower-cased by MT without a subject
    pronoun first ("causes of the earthquake in Turkey.", "are Greece and Turkey on the
    verge of war?").

    >>> lowercase_sentence("that was the advice the teacher gave every pupil in 1998.")
    True
    >>> lowercase_sentence("causes of the earthquake in Turkey.")
    False
    >>> lowercase_sentence("this is how Russia prepares for war"), lowercase_sentence("They were.")
    (False, False)
    >>> lowercase_sentence("the government said it would raise taxes.")
    True
    >>> lowercase_sentence("the head of the Munich Conference opposes the red lines.")
    False
    """
    if not text[:1].islower() or STATEMENT_END_RE.search(text) is None:
        return False
    return LOWERCASE_SENTENCE_RE.match(text) is not None


def _teaser_headline(text: str) -> bool:
    """Whether the text after a teaser label reads like a headline, not a sentence that
    merely starts with "Related:": it opens with a capital, a digit or a quote, and is short.

    >>> _teaser_headline("Turkey will continue to shake."), _teaser_headline("the talks went on")
    (True, False)
    """
    opens = text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'«„"
    return opens and len(text.split()) <= 30


def _headline_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 14 and text[-1] not in ".,;:" and text[0].isupper()


#: At most this many headlines follow a teaser label.
TEASER_BLOCK_MAX = 6
#: A line of a liveblog ("10:32 Troops leave") or of a table of contents ("1. Background",
#: "2) The talks"): not a teaser headline.
STAMP_OR_NUMBER_RE = compiled_pattern(
    "boilerplate-stamp-or-number-re", r"\d{1,2}[:.]\d{2}\b|\d{1,2}[.)][ \t]"
)


def block_headline(line: str) -> bool:
    """Whether a line under a teaser label reads like a linked headline: two to sixteen words,
    a capital, a digit or a quote first, no full stop, comma, colon or semicolon at the end,
    no time stamp or list number first (a liveblog, a table of contents), not prose.

    >>> block_headline("Draghi calls Putin"), block_headline("• Gas prices rise again")
    (True, True)
    >>> block_headline("The Italian government said on Tuesday that the talks went on.")
    False
    >>> block_headline("10:32 Troops leave the border"), block_headline("1. Background")
    (False, False)
    >>> block_headline("Ukraine"), block_headline("see the list below")
    (False, False)
    """
    s = _strip_marks(line)
    words = s.split()
    if not 2 <= len(words) <= 16 or len(s) > 140 or s[-1] in ".,;:":
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "\"“‘'«„"):
        return False
    return STAMP_OR_NUMBER_RE.match(s) is None and not reads_as_prose(s)


#: The bullets of a list of linked headlines.
BULLETS = frozenset("•*►▶-–—·")


def _paragraph(line: str) -> bool:
    """A line that is a paragraph of the article: a dozen words or more, a sentence's end."""
    return len(line.split()) >= 12 and PROSE_END_RE.search(line) is not None


def teaser_block(lines: Sequence[Line], first: int) -> list[int] | None:
    """The headlines of a teaser block that starts at line ``first``: one to
    :data:`TEASER_BLOCK_MAX` lines one after another that read like headlines (see
    :func:`block_headline`), up to a blank line or the end of the text. Where paragraphs are
    not separated by blank lines and the headlines run into a paragraph, the last one may
    be the article's subheading over it: it is left, and so the first is taken alone,
    unless every line has the same bullet. ``None`` when the lines there are anything else
    (a section's paragraphs, a long list, a liveblog).

    >>> ls = split_lines("Draghi calls Putin\\nGas prices rise again\\n\\nTags: NATO")
    >>> teaser_block(ls, 0)
    [0, 1]
    >>> teaser_block(split_lines("Draghi calls Putin\\nThe talks went on."), 0) is None
    True
    >>> para = "The Italian government said on Tuesday that the talks would go on in Rome."
    >>> teaser_block(split_lines("Draghi calls Putin\\nWhat experts say\\n" + para), 0)
    [0]
    >>> three = "Draghi calls Putin\\nGas prices rise\\nWhat experts say\\n"
    >>> teaser_block(split_lines(three + para), 0)
    [0, 1]
    >>> teaser_block(split_lines("• Draghi calls Putin\\n• Gas prices rise\\n" + para), 0)
    [0, 1]
    """
    run: list[int] = []
    j = first
    while j < len(lines) and not lines[j].blank:
        if not block_headline(lines[j].text):
            break
        run.append(j)
        if len(run) > TEASER_BLOCK_MAX:
            return None
        j += 1
    if not run:
        return None
    if j < len(lines) and not lines[j].blank:
        if not _paragraph(lines[j].text):
            return None
        # Run into a paragraph: the last line may be the article's subheading over it
        # ("Read also: X" / "Is Transnistria a threat?" / the paragraph), so it stays, unless
        # every line of the run has the same bullet (a list of links, no subheading).
        marks = {lines[k].text[:1] for k in run}
        if len(marks) == 1 and next(iter(marks)) in BULLETS:
            return run
        return run[: max(1, len(run) - 1)]
    return run


#: The marks that open the items of a bulleted list.
LIST_MARKS = frozenset("-•*–")


def bulleted_block(lines: Sequence[Line], first: int) -> list[int] | None:
    """The items of a bulleted list of linked headlines that starts at line ``first``: every
    line up to a blank line, the end of the text or a paragraph of the article (where
    paragraphs are not separated by blank lines) opens with a list mark
    (:data:`LIST_MARKS`) and reads like a headline (:func:`block_headline`), at most
    :data:`TEASER_BLOCK_MAX` of them. ``None`` when any line is something else.

    >>> ls = split_lines("- Ukraine, what happens now\\n- Gas, the bills rise by 40%\\n\\nEnd.")
    >>> bulleted_block(ls, 0)
    [0, 1]
    >>> bulleted_block(split_lines("• Draghi calls Putin\\nThe talks went on in Rome."), 0)
    >>> para = "The Italian government said on Tuesday that the talks would go on in Rome."
    >>> bulleted_block(split_lines("• Draghi calls Putin\\n" + para), 0)
    [0]
    >>> bulleted_block(split_lines("- Draghi calls Putin\\n- the talks went on in Rome."), 0)
    """
    run: list[int] = []
    j = first
    while j < len(lines) and not lines[j].blank:
        text = lines[j].text
        if text[:1] not in LIST_MARKS and run and _paragraph(text):
            break  # paragraphs not separated by blank lines: the list ends at one
        if text[:1] not in LIST_MARKS or not block_headline(text):
            return None
        run.append(j)
        if len(run) > TEASER_BLOCK_MAX:
            return None
        j += 1
    return run or None


def notice(line: str, t: Tables) -> bool:
    """Whether a whole line is a paywall, newsletter or browser notice.

    >>> t = tables()
    >>> notice("Reserved for our subscribers", t), notice("ADVERTISEMENT", t)
    (True, True)
    >>> notice("To view this content, you need to enable JavaScript or use a different browser", t)
    True
    >>> notice("Advertising revenue fell 5% in the quarter.", t)
    False
    >>> notice("We use cookies to improve our services, the company told users.", t)
    False
    """
    s = _strip_marks(line)
    if len(s) > 240 or t.notice_re.fullmatch(s) is None:
        return False
    # A sentence that reports a notice ("…by a foreign agent, the label reads, and critics
    # say …", "We use cookies …, the company told users") is the article's.
    return NOTICE_REPORTED_RE.search(s) is None and CLAUSE_AFTER_COMMA_RE.search(s) is None


#: An attribution or a clause after a comma inside a line that reads like a notice: the line
#: reports it (see :func:`notice`).
NOTICE_REPORTED_RE = compiled_pattern(
    "boilerplate-notice-reported-re",
    r",\h+(?:[\p{L}’'-]+\h+){0,3}?(?:reads|read|said|says|found|finds|told|tells|urged|warned"
    r"|ruled|rules|wrote|writes|added|adds|claimed|claims|argued|argues)\b"
    r"|,\h+according\h+to\b",
)


# --------------------------------------------------------------------------------------------
# Finders


def _candidate(text: str, prefix: str, t: Tables, test: str) -> bool:
    """A cheap test that a line may be of kind ``test``, before any regular expression."""
    if test == "desk":
        return len(text) <= 60 and text.isupper()
    if test == "notice":
        return len(text) <= 240
    if test == "media":
        return prefix.startswith(t.media_prefixes)
    if test == "teaser":
        return prefix.startswith(t.teaser_prefixes)
    # Source lines, agency slugs ("dpa/AFP/ts"), "(AFP)", "— Reuters".
    return prefix.startswith(t.source_prefixes) or "/" in text[:60] or text[0] in "(–—-"


def _lines_matching(text: str, ctx: Context, test: str) -> Iterable[Change]:
    # A plain function, not a generator: a clean text leaves before any generator is made.
    t = tables(ctx)
    if not getattr(_scan(text, t), test):
        return ()
    # Some desk word in the text (one search, not one per word).
    if test == "desk" and (t.desk_words_re is None or t.desk_words_re.search(text) is None):
        return ()
    return _matching_lines(text, t, test)


def _matching_lines(text: str, t: Tables, test: str) -> Iterator[Change]:
    lines, prefixes = _lines_of(text)
    found: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not line.text or not _candidate(line.text, prefixes[i], t, test):
            continue
        if test == "media" and media_credit(line.text, t):
            found[i] = "photo or video credit removed"
        elif test == "source" and source_credit(line.text, t) and not in_credits(lines, i):
            found[i] = "wire-agency credit or source line removed"
        elif test == "desk" and desk_byline(line.text, t):
            found[i] = "desk byline removed"
    if found:
        yield from _line_changes(text, lines, found)


def find_media_credits(text: str, ctx: Context) -> Iterable[Change]:
    return _lines_matching(text, ctx, "media")


def find_caption_credits(text: str, ctx: Context) -> Iterable[Change]:
    t = tables(ctx)
    if not _caption_possible(text, t):
        return ()
    return _caption_changes(text, t)


def _caption_changes(text: str, t: Tables) -> Iterator[Change]:
    folded = text.casefold()
    slashes = "/" in text
    # The media words of the whole text: casefolding maps each character on its own, so a
    # line's folded tail is a stretch of the folded text, and holds only words found here.
    present = tuple(word for word in t.media_words if word in folded)
    if not slashes and not present:
        return
    for line in _lines_of(text)[0]:
        if line.blank or len(line.text) < 12:
            continue
        tail = line.text[-CREDIT_MAX_CHARS - 24 :].casefold()
        media = any(word in tail for word in present)
        if not media and "/" not in tail:
            continue
        raw = text[line.start : line.content_end]
        span = caption_credit(raw, t) if media else _caption_slug(raw, t)
        if span is not None:
            yield Change(
                line.start + span[0],
                line.start + span[1],
                "",
                "photo credit at the end of a caption removed (caption kept)",
                removed=True,
            )


def find_source_credits(text: str, ctx: Context) -> Iterable[Change]:
    return _lines_matching(text, ctx, "source")


def find_desk_bylines(text: str, ctx: Context) -> Iterable[Change]:
    return _lines_matching(text, ctx, "desk")


def find_teasers(text: str, ctx: Context) -> Iterable[Change]:
    t = tables(ctx)
    if not _scan(text, t).teaser:
        return ()
    return _teaser_changes(text, t)


def _teaser_changes(text: str, t: Tables) -> Iterator[Change]:
    lines, prefixes = _lines_of(text)
    found: dict[int, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        kind = None
        if not line.blank and _candidate(line.text, prefixes[i], t, "teaser"):
            kind = teaser(line.text, t)
        if kind == "line":
            found[i] = "related-article teaser removed"
        elif kind == "label":
            found[i] = "related-article teaser label removed"
            nxt = next((j for j in range(i + 1, len(lines)) if not lines[j].blank), None)
            if nxt is not None and lines[nxt].text[:1] in LIST_MARKS:
                # A list of linked headlines under the label goes with it, or nothing does:
                # the label alone removed would leave the headlines as the article's bullets.
                listed = bulleted_block(lines, nxt)
                if listed is None:
                    del found[i]
                else:
                    found[i] = (
                        f"related-article teasers removed (a label and {len(listed)} headlines)"
                    )
                    for j in listed:
                        found[j] = "related-article teaser (after its label) removed"
                    i = listed[-1]
            elif nxt is not None and _headline_like(lines[nxt].text):
                block = teaser_block(lines, nxt)
                if block is None and nxt < len(lines) - 1:
                    block = [nxt]
                if block and len(block) > 1:
                    found[i] = (
                        f"related-article teasers removed (a label and {len(block)} headlines)"
                    )
                for j in block or ():
                    found[j] = "related-article teaser (after its label) removed"
                    i = j
        elif kind == "bare":
            # The label alone on its line: only with the headlines under it (at most one
            # blank line between), which must all read as headlines.
            nxt = i + 1 if i + 1 < len(lines) and not lines[i + 1].blank else i + 2
            block = teaser_block(lines, nxt) if nxt < len(lines) else None
            if block is not None:
                found[i] = f"related-article teasers removed (a label and {len(block)} headlines)"
                for j in block:
                    found[j] = "related-article teasers removed (headlines after their label)"
                i = block[-1]
        i += 1
    yield from _block_changes(lines, found)


def find_notices(text: str, ctx: Context) -> Iterable[Change]:
    t = tables(ctx)
    if not _scan(text, t).notice:
        return ()
    return _notice_changes(text, t)


#: A caption's label alone on its line ("Photo caption,"): the caption is on the next line.
CAPTION_LABEL_RE = compiled_pattern(
    "boilerplate-caption-label-re",
    r"(?i)(?:photo|image|video|picture|media)[ \t]+caption[ \t]*[,:]?[ \t]*\.?",
)


def caption_label(line: str) -> bool:
    """Whether a whole line is a caption's label ("Photo caption,", "Media caption:"), the
    caption itself on a line after it.

    >>> caption_label("Photo caption,"), caption_label("Photo caption: The bridge was hit")
    (True, False)
    """
    return CAPTION_LABEL_RE.fullmatch(_strip_marks(line)) is not None


def _notice_changes(text: str, t: Tables) -> Iterator[Change]:
    lines, prefixes = _lines_of(text)
    found: dict[int, str] = {}
    captions: list[Change] = []
    for i, line in enumerate(lines):
        if not line.text or not _candidate(line.text, prefixes[i], t, "notice"):
            continue
        if not notice(line.text, t):
            continue
        if caption_label(line.text):
            # The label alone removed would leave the caption as a paragraph of the article,
            # and which lines after it are the caption is not known: reported, not removed.
            nxt = next((j for j in range(i + 1, len(lines)) if not lines[j].blank), i)
            captions.append(
                Change(
                    line.start,
                    lines[nxt].content_end,
                    None,
                    "a caption's label: the line after it is a picture's caption, not the "
                    "article's text",
                )
            )
        else:
            found[i] = "paywall, newsletter or browser notice removed"
    yield from _line_changes(text, lines, found)
    yield from captions


# --------------------------------------------------------------------------------------------
# Tag lines at the end (NC410)

#: A tag line is looked for among this many last non-blank lines of a text.
TAG_LAST_LINES = 3
#: The stretch at the end of a text the gate looks at, in characters.
TAG_TAIL_CHARS = 1500
#: At most this many items, words in an item, characters in an item.
TAG_MAX_ITEMS = 20
TAG_ITEM_WORDS = 4
TAG_ITEM_CHARS = 40
#: What separates the items of a tag line.
TAG_SPLIT_RE = compiled_pattern("boilerplate-tag-split-re", r"[ \t]*[,;|•·/][ \t]*")
#: An item: words of letters and digits (hyphens, apostrophes, dots inside: "U.S.", "COVID-19"),
#: maybe a hash first ("#Ukraine").
TAG_ITEM_RE = compiled_pattern(
    "boilerplate-tag-item-re",
    r"#?[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.&-]*(?:[ \t]+[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.&-]*)*",
)


#: The end of a list that ends with an abbreviation ("…, U.S.", "…; E.U.").
ABBREVIATION_END_RE = compiled_pattern(
    "boilerplate-abbreviation-end-re", r"(?:^|[\s,;|])(?:\p{L}\.){2,}$"
)


@cache
def _tag_label_re(extras: tuple[str, ...]) -> regex.Pattern[str]:
    labels = load_table("boilerplate_tag_labels.txt") + extras
    return regex.compile(
        r"[" + regex.escape(LEAD_MARKS) + r"]*(?i:" + _alternation(labels) + r")[ \t]*[:|][ \t]*"
    )


def tag_items(line: str, extras: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """The items of a tag line ("Tags: Ukraine, Russia, NATO"), or ``None`` when the line is
    no tag line: a label from ``data/boilerplate_tag_labels.txt``, a colon or a bar, then a
    list of short items (separated by commas, semicolons, bars, bullets or slashes, or
    hashtags) without a sentence's end. A single item must be short and capitalised.

    >>> tag_items("Tags: Ukraine, Russia, NATO")
    ('Ukraine', 'Russia', 'NATO')
    >>> tag_items("Keywords: #Ukraine #Russia"), tag_items("Topics: European Union")
    (('#Ukraine', '#Russia'), ('European Union',))
    >>> tag_items("Topics: the minister listed three issues, the budget and the army.") is None
    True
    >>> tag_items("Tags: none") is None, tag_items("Tagged: Ukraine, Russia.") is None
    (True, True)
    """
    m = _tag_label_re(extras).match(line)
    if m is None:
        return None
    rest = line[m.end() :].strip()
    if not rest or len(rest) > 400 or rest[-1] in "!?:":
        return None
    if rest[-1] == "." and ABBREVIATION_END_RE.search(rest) is None:
        return None  # a sentence's end, not an abbreviation's ("U.S.")
    hashtags = rest.startswith("#") and "," not in rest
    items = rest.split() if hashtags else TAG_SPLIT_RE.split(rest)
    if not 1 <= len(items) <= TAG_MAX_ITEMS:
        return None
    for item in items:
        if (
            not item
            or len(item) > TAG_ITEM_CHARS
            or len(item.split()) > TAG_ITEM_WORDS
            or TAG_ITEM_RE.fullmatch(item) is None
        ):
            return None
    if len(items) == 1 and not (items[0][0].isupper() or items[0][0] in "#"):
        return None
    return tuple(items)


def _after_tags(line: str) -> bool:
    """Whether a line after a tag line may still be page furniture (another tag line, a
    copyright or share line), not a sentence of the article that goes on: no more than a
    dozen words without a sentence's end, a copyright line, or three words at most.

    >>> _after_tags("Share this article"), _after_tags("(c) 2022, The Washington Post.")
    (True, True)
    >>> _after_tags("The talks went on."), _after_tags("All rights reserved.")
    (False, True)
    """
    words = len(line.split())
    if words <= 3 or COPYRIGHT_MARK_RE.search(line) is not None:
        return True
    return words <= 12 and PROSE_END_RE.search(line) is None


def tag_line_gate(text: str, extras: tuple[str, ...] = ()) -> bool:
    """The cheap gate of NC410: a colon or a bar in the last characters of the text, and a
    tag label at the start of one of their lines.

    >>> tag_line_gate("The talks went on.\\n\\nTags: NATO"), tag_line_gate("The talks: on.")
    (True, False)
    """
    start = max(0, len(text) - TAG_TAIL_CHARS)
    if text.find(":", start) < 0 and text.find("|", start) < 0:
        return False
    label_re = _tag_label_re(extras)
    return any(
        (":" in line or "|" in line) and label_re.match(line.strip())
        for line in text[start:].rsplit("\n", 12)[-12:]
    )


def find_tag_lines(text: str, ctx: Context) -> Iterable[Change]:
    extras = ctx.words("tag_labels")
    if not tag_line_gate(text, extras):
        return ()
    return _tag_line_changes(text, extras)


def _tag_line_changes(text: str, extras: tuple[str, ...]) -> Iterator[Change]:
    lines = _lines_of(text)[0]
    last = [i for i in range(len(lines) - 1, -1, -1) if not lines[i].blank][:TAG_LAST_LINES]
    found: dict[int, str] = {}
    # From the end backwards: every line after a tag line must be furniture too.
    for i in last:
        if tag_items(lines[i].text, extras) is not None:
            found[i] = "tag line removed"
        elif not _after_tags(lines[i].text):
            break
    # A tag line counts only when nothing after it is a paragraph of the article.
    kept: dict[int, str] = {}
    for i in sorted(found):
        if all(_after_tags(lines[j].text) for j in range(i + 1, len(lines)) if not lines[j].blank):
            kept[i] = found[i]
    # The text before the tag lines must be more than them (an article, not a list), and
    # must not introduce them ("The agenda:").
    if kept and all(lines[j].blank or j in kept for j in range(min(kept))):
        return
    for i in list(kept):
        before = next((lines[j].text for j in range(i - 1, -1, -1) if not lines[j].blank), "")
        after = next((lines[j].text for j in range(i + 1, len(lines)) if not lines[j].blank), "")
        if before.endswith(":") or any(
            field_line(n) and tag_items(n, extras) is None for n in (before, after)
        ):
            del kept[i]  # introduced ("The agenda:"), or one field of a fact box
    yield from _block_changes(lines, kept)


#: A field of a fact box or a listing: a short label, a colon, a value ("Born: 8 January
#: 1935", "Fee: 120 pounds").
FIELD_LINE_RE = compiled_pattern(
    "boilerplate-field-line-re", r"[\p{Lu}][\p{L}'’ \t-]{0,30}:[ \t]+\S"
)


def field_line(line: str) -> bool:
    """Whether a line is a field of a fact box: a label of at most three words, a colon and a
    value, the whole line short. A tag line beside such lines is one of the fields.

    >>> field_line("Born: 8 January 1935, Tupelo"), field_line("Fee: 120 pounds")
    (True, True)
    >>> field_line("The talks went on: the minister said so."), field_line("Share this")
    (False, False)
    """
    s = line.strip()
    m = FIELD_LINE_RE.match(s)
    if m is None or len(s) > 120:
        return False
    return len(s[: s.index(":")].split()) <= 3


def closing_tag(line: str, agencies: frozenset[str]) -> bool:
    """Whether a line closes a scraped page's article: a copyright tag (:func:`copyright_tag`)
    with a scraper's site tag, or with a copyright mark and a rights phrase ("All rights
    reserved", "Reproduction reserved"). A bare credit ("© Getty Images", "(c) 2024
    Reuters") is what every picture in a scraped article leaves behind, and a bare rights
    phrase ends each item of an agency's digest: the text after either is not known to be
    comments.

    >>> ag = tables().agencies
    >>> closing_tag("(c) 2022, The Washington Post · Robyn Dixon {Matzav.com}", ag)
    True
    >>> closing_tag("Copyright 2021 The Associated Press. All rights reserved.", ag)
    True
    >>> closing_tag("© Getty Images", ag), closing_tag("(c) 2024 Reuters", ag)
    (False, False)
    >>> closing_tag("REPRODUCTION RESERVED © Copyright ANSA", ag)
    True
    >>> closing_tag("(ANSA). All rights reserved.", ag), closing_tag("Reproduction reserved", ag)
    (False, False)
    """
    if not copyright_tag(line, agencies):
        return False
    # A rights phrase without a copyright mark ("(ANSA). All rights reserved.") ends each
    # item of an agency's digest, not only the page: it closes nothing.
    return bool(SCRAPER_TAG_RE.search(line)) or (
        bool(RIGHTS_RE.search(line)) and bool(COPYRIGHT_MARK_RE.search(line))
    )


def _closing_tag(lines: Sequence[Line], t: Tables) -> int | None:
    """The last line that is a :func:`closing_tag`, if no bare copyright credit follows it."""
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i].blank and copyright_tag(lines[i].text, t.agencies):
            return i if closing_tag(lines[i].text, t.agencies) else None
    return None


@lru_cache(maxsize=8)
def _copyright_marked(text: str) -> bool:
    """Whether ``text`` holds one of the marks of ``COPYRIGHT_GATE`` (shared by the two
    rules that need one; one-character marks first, they are the cheapest to look for).

    >>> _copyright_marked("Talks (c) went on"), _copyright_marked("Talks (b) went on")
    (True, False)
    """
    if "}" in text or "©" in text:
        return True
    # "(c)" or "(C)": a walk over the brackets (few in news) instead of two scans.
    find = text.find
    pos = find("(")
    while pos != -1:
        if text[pos + 1 : pos + 3] in ("c)", "C)"):
            return True
        pos = find("(", pos + 1)
    return any(mark in text for mark in ("opyright", "OPYRIGHT", "eserved", "ESERVED"))


def find_reader_comments(text: str, ctx: Context) -> Iterable[Change]:
    if not _copyright_marked(text):
        return ()
    return _reader_comments(text, ctx)


def _reader_comments(text: str, ctx: Context) -> Iterator[Change]:
    t = tables(ctx)
    lines = split_lines(text)
    i = _closing_tag(lines, t)
    if i is None:
        return
    tail = [ln for ln in lines[i + 1 :] if not ln.blank]
    if not tail:
        return
    article = sum(len(ln.text) for ln in lines[:i] if not ln.blank)
    after = sum(len(ln.text) for ln in tail)
    start, end = lines[i].content_end, tail[-1].content_end
    max_share = float(ctx.option("comments_max_share", COMMENTS_MAX_SHARE))
    max_chars = int(ctx.option("comments_max_chars", COMMENTS_MAX_CHARS))
    if after >= article:
        # Not a closing tag: a copyright line at the top, or one article of several.
        return
    if after <= max_share * article and after <= max_chars:
        yield Change(
            start, end, "", "reader comments after the copyright tag removed", removed=True
        )
    else:
        yield Change(
            tail[0].start,
            end,
            None,
            "text after the copyright tag may be reader comments (too long to remove safely)",
        )


def find_copyright_tags(text: str, ctx: Context) -> Iterable[Change]:
    if not _copyright_marked(text):
        return ()
    return _copyright_changes(text, ctx)


def _copyright_changes(text: str, ctx: Context) -> Iterator[Change]:
    t = tables(ctx)
    lines = split_lines(text)
    found = {
        i: "copyright or scraper tag removed"
        for i, line in enumerate(lines)
        if not line.blank and copyright_tag(line.text, t.agencies)
    }
    yield from _line_changes(text, lines, found)


# --------------------------------------------------------------------------------------------
# Reader-comment sections (NC409): a heading, then comment headers (a name and a time stamp)

#: A time stamp of a comment header: "15/02/2022", "2022-02-15", "10:45", "10.45 am",
#: "3 hours ago", "yesterday at".
COMMENT_STAMP_RE = compiled_pattern(
    "boilerplate-comment-stamp-re",
    r"(?i)(?<![\p{L}\p{N}])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?|\d{1,3}[ \t]+(?:second|minute|hour|day|week|"
    r"month|year)s?[ \t]+ago|yesterday|today)(?![\p{L}\p{N}])",
)
#: What may stand between a commenter's name and the stamp: "Juan P. | 15/02/2022 at 10:45".
COMMENT_FILLER_RE = compiled_pattern(
    "boilerplate-comment-filler-re",
    r"(?i)(?<![\p{L}])(?:at|on|said|wrote|says|writes)(?![\p{L}])|[|·•,:()\[\]–—-]",
)
#: Buttons under a comment, alone on a line: "Reply", "Like · Reply · 3".
COMMENT_ACTIONS = frozenset(
    {"reply", "replies", "like", "likes", "report", "respond", "answer", "quote", "flag"}
)
#: The first lines after a heading that may show it heads comments.
COMMENT_LOOKAHEAD = 3
#: A comment section is removed when it is at most this share of the article before it and
#: at most this many characters (a heading and stamped comments are stronger evidence than
#: a copyright tag alone, see COMMENTS_MAX_SHARE); otherwise it is reported.
SECTION_MAX_SHARE = 1.0
SECTION_MAX_CHARS = 6000


@lru_cache(maxsize=8)
def _comment_label_re(extras: tuple[str, ...]) -> regex.Pattern[str]:
    entries = load_table("boilerplate_comment_labels.txt") + extras
    check_user_patterns("comment_labels", extras)
    return regex.compile(r"(?i:" + "|".join(f"(?:{e})" for e in entries) + r")[ \t]*[:.]?")


def comment_label(line: str, extras: tuple[str, ...] = ()) -> bool:
    """Whether a whole line is the heading of a reader-comment section.

    >>> comment_label("Comments (3)"), comment_label("Leave a comment"), comment_label("3 comments")
    (True, True, True)
    >>> comment_label("Comments from the minister were awaited.")
    False
    """
    s = _strip_marks(line)
    return len(s) <= 60 and _comment_label_re(extras).fullmatch(s) is not None


def comment_header(line: str) -> bool:
    """Whether a line heads one reader's comment: a short name or handle and a time stamp,
    nothing else.

    >>> comment_header("Juan P. 15/02/2022 10:45"), comment_header("@kyiv_watcher · 3 hours ago")
    (True, True)
    >>> comment_header("Maria | 15 February at 11:02"), comment_header("Kyiv 10:45 Troops left")
    (True, False)
    >>> comment_header("The talks resumed at 10:45 on Tuesday."), comment_header("10:15 GMT")
    (False, False)
    """
    s = line.strip()
    if len(s) > 80 or not COMMENT_STAMP_RE.search(s):
        return False
    rest = COMMENT_FILLER_RE.sub(" ", COMMENT_STAMP_RE.sub(" ", s)).split()
    if not 1 <= len(rest) <= 4 or not (rest[0][0].isalpha() or rest[0][0] == "@"):
        return False
    # A time zone or an agency after a liveblog's time ("10:15 GMT") is no reader.
    if all(w.isupper() and len(w) <= 4 for w in rest):
        return False
    # A name, a handle or initials: no lower-case word, no sentence's full stop.
    return all(
        (w[0].isupper() or w[0] in "@_" or w[0].isdigit()) and (not w.endswith(".") or len(w) <= 3)
        for w in rest
    )


#: English month names and their abbreviations, for a comment's date line.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
#: A line that is only a comment's date and time, as WordPress prints it under the
#: commenter's name: "15 February 2022 at 10:45", "February 15, 2022 at 10:45 am",
#: "15/02/2022 10:45", "3 hours ago".
STAMP_LINE_RE = compiled_pattern(
    "boilerplate-stamp-line-re",
    r"(?i)(?:on[ \t]+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+" + _MONTH + r",?[ \t]+\d{4}"
    r"|" + _MONTH + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})"
    r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?)?"
    r"|\d{1,3}[ \t]+(?:second|minute|hour|day|week|month|year)s?[ \t]+ago)",
)


def stamp_line(line: str) -> bool:
    """Whether a whole line is a comment's date stamp (see :data:`STAMP_LINE_RE`).

    >>> stamp_line("15 February 2022 at 10:45"), stamp_line("February 15, 2022 at 10:45 am")
    (True, True)
    >>> stamp_line("15 February 2022 was a Tuesday."), stamp_line("John Smith")
    (False, False)
    """
    return STAMP_LINE_RE.fullmatch(line.strip()) is not None


def comment_name(line: str) -> bool:
    """Whether a line is only a commenter's name or handle, as WordPress prints it over the
    comment's date line: one to four capitalised words or a handle, no digit, no sentence.

    >>> comment_name("John Smith"), comment_name("@kyiv_watcher"), comment_name("Great article!")
    (True, True, False)
    >>> comment_name("The talks went on"), comment_name("Elections 2024")
    (False, False)
    """
    words = line.split()
    if not 1 <= len(words) <= 4 or len(line) > 40 or any(c.isdigit() for c in line):
        return False
    return (
        all(
            (w[0].isupper() or w[0] == "@")
            and w.rstrip(".")
            .replace("-", "")
            .replace("'", "")
            .lstrip("@")
            .replace("_", "")
            .isalpha()
            and (not w.endswith(".") or len(w) <= 3)
            for w in words
        )
        and words[0] not in NOT_NAMES
    )


#: Capitalised words that open a subheading, not a commenter's name.
NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "At", "For", "And", "But", "What", "How"})


def comment_actions(line: str) -> bool:
    """Whether a line is only the buttons under a comment ("Reply", "Like · Reply · 3").

    >>> comment_actions("Like · Reply · 3"), comment_actions("Reply all you want")
    (True, False)
    >>> comment_actions("2021"), comment_actions("Share")
    (False, False)
    """
    words = COMMENT_FILLER_RE.sub(" ", line).split()
    buttons = [w for w in words if not w.isdigit()]
    return bool(buttons) and all(w.casefold() in COMMENT_ACTIONS for w in buttons)


def _second_sign(rest: Sequence[str]) -> bool:
    """Whether one of the lines ``rest`` heads another comment (a name and a stamp on one
    line, or a name over a stamp line) or is a comment's buttons."""
    return any(
        comment_header(line)
        or comment_actions(line)
        or (k + 1 < len(rest) and comment_name(line) and stamp_line(rest[k + 1]))
        for k, line in enumerate(rest)
    )


def comment_section(lines: Sequence[Line], extras: tuple[str, ...] = ()) -> int | None:
    """The index of the heading of a reader-comment section that runs to the end of the
    text: a :func:`comment_label` line (not the first line), a :func:`comment_header`
    among the next :data:`COMMENT_LOOKAHEAD` lines, and after it a second header or a
    comment's buttons (:func:`comment_actions`), or, under a heading that counts readers
    (:func:`counted_label`), one short comment to the end (:func:`single_comment`). Each line
    is looked at a bounded number of times.

    >>> t = "Talks went on.\\n\\nComments\\nJuan P. 15/02/2022 10:45\\nA shame.\\nReply"
    >>> comment_section(split_lines(t))
    2
    >>> comment_section(split_lines("Talks went on.\\n\\nComments\\nThe minister declined."))
    >>> comment_section(split_lines("Talks went on.\\n\\nComments\\nMaria 10:45\\nA shame."))
    >>> comment_section(split_lines("Talks went on.\\n\\n2 comments\\nMaria 10:45\\nA shame."))
    2
    """
    n = len(lines)
    for i in range(1, n):
        if lines[i].blank or len(lines[i].text) > 60 or not comment_label(lines[i].text, extras):
            continue
        j, seen, opened = i + 1, 0, False
        while j < n and seen < COMMENT_LOOKAHEAD and not opened:
            if not lines[j].blank:
                seen += 1
                opened = comment_header(lines[j].text) or (
                    j + 1 < n and comment_name(lines[j].text) and stamp_line(lines[j + 1].text)
                )
            j += 1
        # A second sign runs to the end at most once: a later heading's header is one.
        if not opened:
            continue
        rest = [ln.text for ln in islice(lines, j, None) if not ln.blank]
        if _second_sign(rest) or (counted_label(lines[i].text) and single_comment(rest)):
            return i
    return None


#: A comments heading that counts or names readers: "Comments (2)", "2 comments", "Reader
#: comments" (a liveblog heads its entries "Comment" or "Comments", never so).
COUNTED_LABEL_RE = compiled_pattern(
    "boilerplate-counted-label-re",
    r"(?i:(?:readers?['’]?[ \t]+comments|comments[ \t]*\(\d+\)"
    r"|\d+[ \t]+(?:reader[ \t]+)?comments?))",
)
#: The most one comment under such a heading may hold to be taken without a second sign.
SINGLE_COMMENT_MAX_LINES = 2
SINGLE_COMMENT_MAX_CHARS = 600


def counted_label(line: str) -> bool:
    """Whether a comments heading counts or names readers.

    >>> counted_label("Comments (2)"), counted_label("2 comments"), counted_label("Reader comments")
    (True, True, True)
    >>> counted_label("Comments"), counted_label("Leave a comment")
    (False, False)
    """
    return COUNTED_LABEL_RE.fullmatch(_strip_marks(line).rstrip(":. \t")) is not None


def single_comment(rest: Sequence[str]) -> bool:
    """Whether ``rest`` (the non-blank lines after a reader's header, to the end of the text)
    is one short comment: under a heading that counts readers, a header and one comment
    make the section without a second sign.

    >>> single_comment(["A shame, but the talks will go on."]), single_comment([])
    (True, False)
    >>> single_comment(["One.", "Two.", "Three."])
    False
    """
    return (
        0 < len(rest) <= SINGLE_COMMENT_MAX_LINES
        and sum(map(len, rest)) <= SINGLE_COMMENT_MAX_CHARS
    )


#: Cheap gate of NC409: a document without one of these has no shipped comment heading
#: (a user's headings turn the gate off).
COMMENT_GATE = ("omment", "OMMENT", "ISCUSSION", "iscussion")


def _comment_marked(text: str) -> bool:
    """Whether ``text`` holds one of the marks of ``COMMENT_GATE``.

    >>> _comment_marked("Talks went on.\\n2 COMMENTS"), _comment_marked("Talks went on.")
    (True, False)
    """
    return any(mark in text for mark in COMMENT_GATE)


def find_comment_sections(text: str, ctx: Context) -> Iterable[Change]:
    if not _comment_marked(text) and not ctx.words("comment_labels"):
        return ()
    return _comment_section_changes(text, ctx)


def _comment_section_changes(text: str, ctx: Context) -> Iterator[Change]:
    lines = _lines_of(text)[0]
    i = comment_section(lines, ctx.words("comment_labels"))
    if i is None:
        yield from _comment_count_at_end(lines, ctx.words("comment_labels"))
        return
    tail = [ln for ln in lines[i:] if not ln.blank]
    article = sum(len(ln.text) for ln in lines[:i] if not ln.blank)
    after = sum(len(ln.text) for ln in tail)
    max_share = float(ctx.option("section_max_share", SECTION_MAX_SHARE))
    max_chars = int(ctx.option("section_max_chars", SECTION_MAX_CHARS))
    if after <= max_share * article and after <= max_chars:
        # The section ends the text: it goes with the line breaks before it.
        spans = removal_spans(lines, range(i, len(lines)))
        yield Change(spans[0][0], spans[-1][1], "", "reader-comment section removed", removed=True)
    else:
        yield Change(
            lines[i].start,
            tail[-1].content_end,
            None,
            "a reader-comment section (too long to remove safely)",
        )


def _comment_count_at_end(lines: Sequence[Line], extras: tuple[str, ...]) -> Iterator[Change]:
    """A comments heading with a count ("Comments (3)", "3 comments") alone on the last line,
    under the article: the link to the comments, which the scraper did not follow."""
    i = len(lines) - 1
    while i > 0 and lines[i].blank:
        i -= 1
    last = lines[i].text
    if len(last) > 60 or not any(c.isdigit() for c in last) or not comment_label(last, extras):
        return
    if any(not ln.blank for ln in islice(lines, i)):
        start, end = removal_spans(lines, [i])[0]
        yield Change(start, end, "", "comment count at the end removed", removed=True)


# --------------------------------------------------------------------------------------------
# End codes (NC411): the wire and desk codes that end an agency's article

#: The end of a text the rule looks at, in characters, and at most this many last lines.
END_TAIL_CHARS = 400
END_LAST_LINES = 4
#: The longest end code line.
END_CODE_CHARS = 40
#: Desk codes: the writers' and editors' initials joined by slashes ("jk/ mal/",
#: "mn/ll/jc", "JPF // APN", "ES/AR"), each of two to four letters of one case.
DESK_CODES_RE = compiled_pattern(
    "boilerplate-desk-codes-re",
    r"(?P<first>\p{Ll}{2,4}|\p{Lu}{2,4})(?P<more>(?:[ \t]*(?P<slash>/{1,2})[ \t]*"
    r"(?:\p{Ll}{2,4}|\p{Lu}{2,4}))+)(?P<trail>[ \t]*/)?",
)
#: Pairs of English words joined by a slash, not desk codes.
SLASH_WORDS = frozenset(
    {"and/or", "he/she", "his/her", "him/her", "yes/no", "on/off", "in/out", "am/pm", "up/down"}
)
#: A part of desk codes that English uses this often (Zipf) is a word, not initials: codes
#: whose parts are all such words ("ok/ ok/", "yes/ no/") are no desk codes. Initials are
#: rarer ("jk" 3.5, "mal" 3.6, "ll" 4.7, "es" 3.9).
DESK_WORD_ZIPF = 5.0
_LETTERS_RE = compiled_pattern("boilerplate-letters-re", r"\p{L}+")


def initials_shape(codes: str) -> bool:
    """Whether the slash-joined parts of ``codes`` read as people's initials: not one part
    said again and again ("ok/ ok/"), and not every part a frequent English word ("yes/
    no/"; see :data:`DESK_WORD_ZIPF`).

    >>> initials_shape("jk/ mal/"), initials_shape("mn/ll/jc"), initials_shape("JPF // APN")
    (True, True, True)
    >>> initials_shape("ok/ ok/"), initials_shape("yes/ no/"), initials_shape("go/ go/ go/")
    (False, False, False)
    """
    parts = [p.casefold() for p in _LETTERS_RE.findall(codes)]
    if len(set(parts)) < 2:
        return False
    return not all(zipf_frequency(p) >= DESK_WORD_ZIPF for p in parts)


#: The end marker of Anadolu's wire copy, fused to the last sentence ("… in the world.-0-").
FUSED_END_MARK_RE = compiled_pattern(
    "boilerplate-fused-end-mark-re", r"(?<=[.!?\"”»)])[ \t]*-0-[ \t]*$"
)
#: What ends the article's last line before a weak end code: a sentence's end.
ARTICLE_END_RE = compiled_pattern(
    "boilerplate-article-end-re", r"[.!?…][\p{Pf}\p{Pe}\"']*$|[\p{Pf}\"”»)]$"
)


def end_code(line: str, agencies: frozenset[str]) -> str | None:
    """What kind of end-of-article code a whole line is: ``"strong"`` for shapes no sentence
    has (desk codes with a trailing slash, a double slash or three parts or more, an agency's
    "/End", the "-0-" marker), ``"weak"`` for a known agency alone on its line or two desk
    codes ("ES/AR"), which count only after the article's last sentence; else ``None``.

    >>> ag = tables().agencies
    >>> end_code("jk/ mal/", ag), end_code("mn/ll/jc", ag), end_code("Lusa/End", ag)
    ('strong', 'strong', 'strong')
    >>> end_code("EFE", ag), end_code("RIA Novosti", ag), end_code("ES/AR", ag)
    ('weak', 'weak', 'weak')
    >>> end_code("Kyiv/Moscow", ag), end_code("The End", ag), end_code("and/or", ag)
    (None, None, None)
    >>> end_code("ok/ ok/", ag), end_code("yes/ no/", ag)  # words, not initials
    (None, None)
    """
    s = line.strip()
    if not s or len(s) > END_CODE_CHARS:
        return None
    if s == "-0-":
        return "strong"
    if "/" in s:
        head, _, tail = s.rpartition("/")
        if tail.strip().casefold() == "end" and agency_part(head.strip(), agencies):
            return "strong"
        m = DESK_CODES_RE.fullmatch(s)
        if m is None or not initials_shape(s):
            return None
        strong = m.group("trail") or m.group("more").count("/") > 1 or "//" in s
        if strong:
            return "strong"
        return None if " ".join(s.casefold().split()) in SLASH_WORDS else "weak"
    return "weak" if agency_part(s.rstrip("."), agencies) else None


def end_code_gate(text: str) -> bool:
    """The cheap gate of NC411: the last line of the text (spaces aside) is short, or the
    text ends with "-0-".

    >>> end_code_gate("Talks went on.\\n\\nEFE\\n"), end_code_gate("Talks went on, he said.")
    (True, False)
    >>> end_code_gate("Women are 30% of researchers.-0-")
    True
    """
    end = len(text.rstrip())
    start = text.rfind("\n", max(0, end - END_CODE_CHARS - 2), end)
    return start >= 0 or text.endswith("-0-", 0, end)


def find_end_codes(text: str, ctx: Context) -> Iterable[Change]:
    if not end_code_gate(text):
        return ()
    return _end_code_changes(text, tables(ctx))


def _end_code_changes(text: str, t: Tables) -> Iterator[Change]:
    lines = _lines_of(text)[0]
    tail_from = len(text) - END_TAIL_CHARS
    found: dict[int, str] = {}
    weak: list[int] = []
    last: int | None = None  # the article's last line, before the codes
    seen = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.blank:
            continue
        kind = None
        if seen < END_LAST_LINES and line.start >= tail_from:
            kind = end_code(line.text, t.agencies)
        if kind is None:
            last = i
            break
        seen += 1
        found[i] = "wire or desk code at the end of the article removed"
        if kind == "weak":
            weak.append(i)
    if last is None:
        return  # nothing but codes: no article to end
    if not found:
        mark = FUSED_END_MARK_RE.search(text, lines[last].start, lines[last].content_end)
        if mark is not None:
            yield Change(
                mark.start(), mark.end(), "", "end marker '-0-' of wire copy removed", removed=True
            )
        return
    if weak and ARTICLE_END_RE.search(lines[last].text) is None:
        # A known agency or two codes after a line that ends no sentence may be the last
        # item of a list ("Sources:\nReuters"): left.
        for i in weak:
            del found[i]
    yield from _line_changes(text, lines, found)


_WHY_SCRAPE = (
    "Scrapers keep everything between the page's header and footer; machine translation "
    "then carries it into the English text."
)

#: The options of the boilerplate rules (``Config(options={"NC4": {...}})``).
OPTIONS = (
    Option("agencies", "words", "more wire agencies for credits (NC401, NC402)"),
    Option("media_labels", "words", "more photo and video credit labels ('Photo', 'Video')"),
    Option("source_labels", "words", "more source labels ('Source', 'Via')"),
    Option("teaser_labels", "words", "more teaser labels ('Read also', 'See also')"),
    Option("desk_heads", "words", "more words that end an ALL-CAPS desk byline (NC404)"),
    Option("desk_qualifiers", "words", "more words that may come before them (NC404)"),
    Option("notices", "words", "more boilerplate notices (subscription, cookie, comment lines)"),
    Option("comments_max_chars", "int", "longest reader-comment block removed, in characters"),
    Option("comments_max_share", "number", "largest share of a text a comment block may be"),
    Option("section_max_chars", "int", "longest reader-comment section removed by NC409 (6000)"),
    Option(
        "section_max_share",
        "number",
        "largest share of the article before it a comment section may be (NC409, 1.0)",
    ),
    Option("comment_labels", "words", "more headings of reader-comment sections (NC409)"),
    Option("tag_labels", "words", "more labels of a tag line at the end ('Tags', NC410)"),
)

RULES = (
    Rule(
        code="NC401",
        name="media-credit",
        family="boilerplate",
        summary="Remove a line that is only a photo or video credit ('Photo: EFE/EPA').",
        find=find_media_credits,
        english_only=True,
        before="Troops left the border.\n\nPhoto: EFE/EPA/OLEG PETRASYUK\n\nTalks went on.",
        after="Troops left the border.\n\nTalks went on.",
        why=_WHY_SCRAPE,
    ),
    Rule(
        code="NC402",
        name="caption-credit",
        family="boilerplate",
        summary="Cut a photo credit off the end of a caption line; the caption stays.",
        find=find_caption_credits,
        english_only=True,
        before="Guardsmen held drills. Photo: EFE/EPA/OLEG PETRASYUK\n\nTalks went on.",
        after="Guardsmen held drills.\n\nTalks went on.",
        why="A photo's caption and credit are scraped as one line with the article.",
    ),
    Rule(
        code="NC403",
        name="agency-credit",
        family="boilerplate",
        summary="Remove wire-agency credits and source lines ('*With information from AFP').",
        find=find_source_credits,
        english_only=True,
        before="Talks went on.\n\n*With information from AFP and EFE",
        after="Talks went on.",
        why=_WHY_SCRAPE,
    ),
    Rule(
        code="NC404",
        name="desk-byline",
        family="boilerplate",
        summary="Remove an ALL-CAPS desk byline ('INTERNATIONAL WRITING').",
        find=find_desk_bylines,
        english_only=True,
        before="Talks went on.\n\nINTERNATIONAL WRITING",
        after="Talks went on.",
        why="Spanish sites sign wire copy 'REDACCIÓN INTERNACIONAL'; MT renders it "
        "'INTERNATIONAL WRITING'.",
    ),
    Rule(
        code="NC405",
        name="related-teaser",
        family="boilerplate",
        summary="Remove related-article teasers ('READ ALSO: ...', 'Also read:').",
        find=find_teasers,
        english_only=True,
        before="Troops left.\n\nREAD ALSO: NATO ministers meet in Brussels\n\nTalks went on.",
        after="Troops left.\n\nTalks went on.",
        why="Sites insert links to other stories between paragraphs; scrapers keep their text.",
    ),
    Rule(
        code="NC406",
        name="site-notice",
        family="boilerplate",
        summary="Remove paywall, newsletter and browser notices ('Reserved for our subscribers').",
        find=find_notices,
        english_only=True,
        before="Troops left.\n\nReserved for our subscribers\n\nTalks went on.",
        after="Troops left.\n\nTalks went on.",
        why=_WHY_SCRAPE,
    ),
    Rule(
        code="NC407",
        name="reader-comments",
        family="boilerplate",
        summary="Remove the short block after a closing copyright/scraper tag (reader comments).",
        find=find_reader_comments,
        before="Talks went on, officials said.\n(c) 2022, The Post {Site.com}\n\nGreat news!",
        after="Talks went on, officials said.\n(c) 2022, The Post {Site.com}",
        why="Scrapers read past the end of the article into the comments under it; the "
        "copyright or scraper tag marks where the article ended.",
    ),
    Rule(
        code="NC408",
        name="copyright-tag",
        family="boilerplate",
        summary="Remove copyright and scraper tag lines ('(c) 2022, The Washington Post').",
        find=find_copyright_tags,
        before="Talks went on.\n\n(c) 2022, The Washington Post · Robyn Dixon {Matzav.com}",
        after="Talks went on.",
        why=_WHY_SCRAPE,
    ),
    Rule(
        code="NC409",
        name="comment-section",
        family="boilerplate",
        summary="Remove a reader-comment section: a 'Comments' heading, then readers' comments.",
        find=find_comment_sections,
        english_only=True,
        before="Talks went on, officials said on Tuesday in Brussels.\n\nComments\n"
        "Juan P. 15/02/2022 10:45\nA shame.\nReply",
        after="Talks went on, officials said on Tuesday in Brussels.",
        why="Scrapers read past the end of the article into the comments under it; the "
        "comments' heading and each comment's name and time stamp mark where it ended.",
    ),
    Rule(
        code="NC410",
        name="tag-line",
        family="boilerplate",
        summary="Remove a tag line at the end of an article ('Tags: Ukraine, Russia, NATO').",
        find=find_tag_lines,
        english_only=True,
        before="Talks went on, officials said on Tuesday.\n\nTags: Ukraine, Russia, NATO",
        after="Talks went on, officials said on Tuesday.",
        why="Sites list an article's tags under it; scrapers keep the line and machine "
        "translation renders its label ('Etiquetas', 'Schlagwörter') as 'Labels', 'Keywords'.",
    ),
    Rule(
        code="NC411",
        name="end-code",
        family="boilerplate",
        summary="Remove wire and desk codes that end an article ('EFE', 'Lusa/End', 'jk/ mal/').",
        find=find_end_codes,
        english_only=True,
        before="Talks went on, officials said on Tuesday.\n\nLusa/End",
        after="Talks went on, officials said on Tuesday.",
        why="Agencies end their copy with their name, an end mark ('Lusa/Fim', '-0-') and the "
        "initials of the writer and the editors; scrapers keep them under the article.",
    ),
)
