"""Numbers (NC9xx): numbers still written the source language's way.

Italian, Spanish, French, German, Polish and Russian write a decimal comma (``3,5``) and
group thousands with a dot or a space (``75.000``, ``812 485``). Translation keeps the digits
as they were: "almost 9,5 thousand cases", "64,2 million rubles", "75.000 people".

A decimal comma is repaired only where English cannot read the number another way: one or
two digits after the comma (``3,500`` is English for three thousand five hundred), and a
magnitude, a unit, a currency or a percentage right after it (``9,5 thousand``, ``2,5%``).
A sum with a lost zero ("$110,00") has none of these, nor has a list (``rounds 3,5 and 7``)
has none of these and is left. Thousands grouped by a dot or a space are only reported: a
space may separate two numbers ("10 737-800 planes", a phone number) and an English text may
mean a decimal, so a person decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..edits import Change
from ..registry import Context, Option, Rule
from ..resources import compiled_patterns, load_table

#: Cheap tests (the stdlib ``re``, whose ``\d`` is any decimal digit, as ``\p{Nd}`` is): a
#: comma before one or two digits (NC901), a dot or a space before three (NC902).
#: Each opens with a literal, which ``re`` finds at memory speed (an opening ``\d`` is tried
#: at every position: ~10 ms a MB each).
DECIMAL_GATE_RE = re.compile(r",(?<=\d,)\d{1,2}(?!\d)")
GROUPED_GATE_RES = (
    re.compile(r"\.(?<=\d\.)\d{3}(?!\d)"),
    re.compile(r" (?<=\d )\d{3}(?!\d)"),
)
#: The other separators of thousands: rare, so looked for only in a text that has one.
THIN_SPACES = ("\u00a0", "\u202f", "\u2009")
THIN_GATE_RE = re.compile(r"[\u00a0\u202f\u2009](?<=\d[\u00a0\u202f\u2009])\d{3}(?!\d)")


def _group_classes() -> bytes:
    """The table that reads each byte of UTF-8 text as its class for
    :data:`GROUPED_CLASS_RE`: ``0`` for an ASCII digit, the dot and the space as themselves,
    ``x`` for anything else (each byte of a character beyond ASCII included).

    >>> "£1.500 or 2 000,5".encode().translate(_group_classes())
    b'xx0.000 xx 0 000x0'
    """
    table = bytearray(b"x" * 256)
    table[ord("0") : ord("9") + 1] = b"0" * 10
    table[ord(".")], table[ord(" ")] = ord("."), ord(" ")
    return bytes(table)


_GROUP_CLASSES = _group_classes()
#: :data:`GROUPED_GATE_RES` at once, on the bytes read as classes (:func:`_group_classes`):
#: the same test where every digit is ASCII. It opens with the literal digit class, rarer in
#: news than the space the reference pattern is tried at (~5 ms a MB).
GROUPED_CLASS_RE = re.compile(rb"0[. ]000(?!0)")
#: A decimal digit (``re``'s ``\d``: any of Unicode's Nd, as in the gate patterns).
DIGIT_RE = re.compile(r"\d")
_ASCII_BYTES = bytes(range(128))


def grouped_gate(text: str) -> bool:
    """Whether ``text`` has a digit, a dot or a space, and three digits (NC902's gate).

    The same answer as :func:`grouped_gate_reference`: a text whose digits are all ASCII is
    read as byte classes (one search that opens with a digit), any other by the patterns.

    >>> grouped_gate("75.000 people"), grouped_gate("10\u00a0000"), grouped_gate("2,000 and 1.5")
    (True, True, False)
    >>> grouped_gate("“1 000 000”"), grouped_gate("\u0663 000"), grouped_gate("1 0000")
    (True, True, False)
    """
    if text.isascii():
        data = text.encode("ascii")
    else:
        data = text.encode("utf-8", "surrogatepass")
        beyond = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if DIGIT_RE.search(beyond):  # a digit beyond ASCII (٣): the patterns read it
            return grouped_gate_reference(text)
    if GROUPED_CLASS_RE.search(data.translate(_GROUP_CLASSES)) is not None:
        return True
    return any(c in text for c in THIN_SPACES) and THIN_GATE_RE.search(text) is not None


def grouped_gate_reference(text: str) -> bool:
    """:func:`grouped_gate` by its patterns (:data:`GROUPED_GATE_RES`, :data:`THIN_GATE_RE`).

    >>> grouped_gate_reference("75.000 people"), grouped_gate_reference("2,000 and 1.5")
    (True, False)
    """
    if any(r.search(text) for r in GROUPED_GATE_RES):
        return True
    return any(c in text for c in THIN_SPACES) and THIN_GATE_RE.search(text) is not None


#: What a unit word may be followed by for the number to be read with it.
UNIT_END = r"(?![\p{L}\p{N}])"


def _alternation(words: tuple[str, ...]) -> str:
    """The words as one alternation, longest first, spaces matching any horizontal space.

    >>> _alternation(("per cent", "%", "percent"))
    'per[ \\\\t\\\\u00a0]+cent|percent|%'
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"[ \t\u00a0]+") for w in ordered)


def _compile(name: str, extra: tuple[str, ...], pattern: str) -> regex.Pattern[str]:
    """``pattern`` compiled; for the shipped tables (no ``extra``) kept compiled in the cache
    folder (see :func:`newsclean.resources.compiled_patterns`)."""
    if extra:
        return regex.compile(pattern)
    return compiled_patterns(name, (pattern,))[0]


@lru_cache(maxsize=16)
def unit_words(extra: tuple[str, ...]) -> tuple[str, ...]:
    """``data/number_units.txt`` and the user's ``units``, lower case."""
    return tuple(w.lower() for w in (*load_table("number_units.txt"), *extra))


@lru_cache(maxsize=16)
def decimal_comma_re(extra: tuple[str, ...]) -> regex.Pattern[str]:
    """A number with a decimal comma that English cannot read another way (see the module)."""
    units = _alternation(unit_words(extra))
    return _compile(
        "numbers-decimal",
        extra,
        r"(?<![\p{N}.,'’])(?P<int>\p{Nd}{1,3}),(?P<dec>\p{Nd}{1,2})(?![\p{N}]|[.,]\p{N})"
        r"(?=[ \t\u00a0]?(?i:" + units + r")" + UNIT_END + r")",
    )


@lru_cache(maxsize=16)
def grouped_thousands_re(extra: tuple[str, ...]) -> regex.Pattern[str]:
    """A number whose thousands are grouped by a dot or a space before a counted noun, a
    unit or a currency: ``75.000 people``, ``812 485 cases`` (not before a magnitude:
    ``4.464 million`` is an English decimal)."""
    words = _alternation((*load_table("number_counted.txt"), *extra))
    return _compile(
        "numbers-grouped",
        extra,
        # Never from inside a run of groups (a digit and a separator before it), and the
        # groups taken possessively: each run of digits is read once, so the search is linear
        # on a table of numbers flattened into one line ("1 100 100 100 ...").
        r"(?<![\p{N}.,\p{L}+])(?<!\p{N}[.,\u00a0\u202f\u2009 ])"
        r"(?P<num>[1-9]\p{Nd}{0,2}+(?P<sep>[.\u00a0\u202f\u2009 ])\p{Nd}{3}"
        r"(?:(?P=sep)\p{Nd}{3})*+)(?![\p{N}]|[.,]\p{N})"
        r"(?=[ \t\u00a0](?i:" + words + r")" + UNIT_END + r")",
    )


def decimal_commas(text: str, units: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Spans of the commas to read as decimal points.

    >>> t = "almost 9,5 thousand cases and 64,2 million rubles, 2,5% and 2,50 euros"
    >>> [t[s - 1 : e + 1] for s, e in decimal_commas(t)]
    ['9,5', '4,2', '2,5', '2,5']

    A sum whose last zero was lost ("$110,00" for $110,000) has no unit after it; left:

    >>> decimal_commas("3,500 people, rounds 3,5 and 7, 1,2,3 million, 12,5,000 km, $110,00")
    []
    """
    if not DECIMAL_GATE_RE.search(text):
        return []
    return [(m.end("int"), m.end("int") + 1) for m in decimal_comma_re(units).finditer(text)]


def grouped_thousands(text: str, words: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end, separator) of numbers grouped in thousands the source language's way.

    >>> t = "up to 75.000 people; 812 485 cases; 4.464 million people; 10 737-800 planes"
    >>> [(t[s:e], sep) for s, e, sep in grouped_thousands(t)]
    [('75.000', '.'), ('812 485', ' ')]
    """
    if not grouped_gate(text):
        return []
    return [
        (m.start("num"), m.end("num"), m["sep"]) for m in grouped_thousands_re(words).finditer(text)
    ]


def find_decimal_commas(text: str, ctx: Context) -> list[Change]:
    if not DECIMAL_GATE_RE.search(text):  # (the gate of decimal_commas, before the options)
        return []
    return [
        Change(start, end, ".", "decimal comma written as an English decimal point")
        for start, end in decimal_commas(text, ctx.words("units"))
    ]


def find_grouped_thousands(text: str, ctx: Context) -> list[Change]:
    if not grouped_gate(text):  # (the gate of grouped_thousands, before the options)
        return []
    changes = []
    for start, end, sep in grouped_thousands(text, ctx.words("units") + ctx.words("counted")):
        kind = "a dot" if sep == "." else "a space"
        changes.append(
            Change(
                start,
                end,
                text[start:end].replace(sep, ","),
                f"thousands grouped by {kind} ({text[start:end]!r}); English writes "
                f"{text[start:end].replace(sep, ',')!r}",
            )
        )
    return changes


#: The options of the numbers rules (``Config(options={"NC9": {...}})``).
OPTIONS = (
    Option("units", "words", "more unit or currency words after a number ('rupees')"),
    Option("counted", "words", "more nouns that count whole things for NC902 ('ballots')"),
)

RULES = (
    Rule(
        code="NC901",
        name="decimal-comma",
        family="numbers",
        summary="Write a source-language decimal comma as a point ('9,5 thousand' → '9.5').",
        find=find_decimal_commas,
        english_only=True,
        before="In the Arctic region, almost 9,5 thousand cases were recorded, up 2,5%.",
        after="In the Arctic region, almost 9.5 thousand cases were recorded, up 2.5%.",
        why="The source languages write decimals with a comma; translation keeps the digits.",
    ),
    Rule(
        code="NC902",
        name="grouped-thousands",
        family="numbers",
        summary="Report thousands grouped by a dot or a space ('75.000 people', '812 485 cases').",
        find=find_grouped_thousands,
        fix_by_default=False,
        english_only=True,
        before="Up to 75.000 people may be affected.",
        after="Up to 75,000 people may be affected.",
        why="The source languages group thousands with a dot or a space; a space may also "
        "separate two numbers, so the finding is reported for a person to decide.",
    ),
)
