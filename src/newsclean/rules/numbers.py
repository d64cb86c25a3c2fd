"""Numbers (NC9xx): numbers still written the source language's way.

Italian, Spanish, French, German, Polish and Russian write a decimal comma (``3,5``) and
group thousands with a dot or a space (``75.000``, ``812 485``). Translation keeps the digits
as they were: "almost 9,5 thousand cases", "64,2 million rubles", "75.000 people".

A decimal comma is repaired only where English cannot read the number another way: one or
two digits after the comma (``3,500`` is English for three thousand five hundred), and a
magnitude, a unit, a currency or a percentage right after it (``9,5 thousand``, ``2,5%``).
A sum with a lost zero ("$110,00") has none of these, nor has a list (``rounds 3,5 and 7``),
and is left. A list, range or size of numbers with decimal commas is repaired whole or not
at all: when only some of them stand before a unit ("1,2, 3,4 and 5,6 UAH"), it is
reported. Thousands grouped by a dot or a space are only reported: a space may separate two
numbers ("10 737-800 planes", a phone number) and an English text may mean a decimal, so a
person decides.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import regex

from ..edits import Change
from ..registry import Context, Option, Rule
from ..resources import compiled_pattern, load_table

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


#: The rest of a range up to its unit: "to 5,49" in "4,99 to 5,49 euros" (optional).
RANGE_TO = (
    r"(?:[ \t\u00a0]*+(?:to|and|or|-|–|—)[ \t\u00a0]*+"
    r"\p{Nd}{1,3},\p{Nd}{1,2}(?![\p{N}]|[.,]\p{N}))?"
)
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
    return compiled_pattern(name, pattern)


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
        # The unit, or the other end of a range that has it ("4,99 to 5,49 euros").
        r"(?=" + RANGE_TO + r"[ \t\u00a0]?(?i:" + units + r")" + UNIT_END + r")",
    )


#: Magnitudes after a number grouped in thousands ("3.000 million": es "3.000 millones").
GROUP_MAGNITUDES = ("million", "millions", "billion", "billions", "trillion", "mln", "bln")


@lru_cache(maxsize=16)
def grouped_thousands_re(extra: tuple[str, ...]) -> regex.Pattern[str]:
    """A number whose thousands are grouped by a dot or a space before a counted noun, a
    unit or a currency, perhaps after one or two lower-case words (``75.000 people``,
    ``812 485 cases``, ``500.000 self-employed workers``), or before a magnitude (group
    ``mag``: ``3.000 million``, ``1 120 million``; :func:`grouped_thousands` keeps only the
    forms English cannot read as a decimal: ``4.464 million`` is one)."""
    words = _alternation((*load_table("number_counted.txt"), *extra))
    magnitudes = _alternation(GROUP_MAGNITUDES)
    # A word between the number and its noun ("new", "self-employed"), never a magnitude.
    adjective = r"(?!(?i:" + magnitudes + r")(?![\p{L}\p{N}]))\p{Ll}[\p{Ll}-]*+[ \t\u00a0]"
    return _compile(
        "numbers-grouped",
        extra,
        # Never from inside a run of groups (a digit and a separator before it), and the
        # groups taken possessively: each run of digits is read once, so the search is linear
        # on a table of numbers flattened into one line ("1 100 100 100 ...").
        r"(?<![\p{N}.,\p{L}+])(?<!\p{N}[.,\u00a0\u202f\u2009 ])"
        r"(?P<num>[1-9]\p{Nd}{0,2}+(?P<sep>[.\u00a0\u202f\u2009 ])\p{Nd}{3}"
        r"(?:(?P=sep)\p{Nd}{3})*+)(?![\p{N}]|[.,]\p{N})"
        r"(?=[ \t\u00a0](?:"
        + adjective
        + r"){0,2}(?i:"
        + words
        + r")"
        + UNIT_END
        + r"|[ \t\u00a0](?P<mag>(?i:"
        + magnitudes
        + r"))"
        + UNIT_END
        + r")",
    )


#: A number written with a decimal comma, with or without a unit after it (the items of a
#: list: "1,2, 3,4 and 5,6 UAH").
DECIMAL_SHAPE_RE = compiled_pattern(
    "numbers-decimal-shape-re", r"(?<![\p{N}.,'’])\p{Nd}{1,3},\p{Nd}{1,2}(?![\p{N}]|[.,]\p{N})"
)
#: The longest stretch between two items of one list that :func:`list_gap_re` reads.
MAX_LIST_GAP = 40


@lru_cache(maxsize=16)
def list_gap_re(extra: tuple[str, ...]) -> regex.Pattern[str]:
    """What joins two numbers of one list, range or size: a comma, a semicolon, a slash,
    a times sign, a dash, or "and", "or", "to", "by", "x" (each perhaps after a comma);
    after the first one's unit only a comma, a dash, "and", "or" or "to". Perhaps a
    currency sign before the second number.

    >>> gap = list_gap_re(())
    >>> [bool(gap.fullmatch(g)) for g in (", ", " and ", " UAH, ", " × ", "%; ", " in ")]
    [True, True, True, True, False, False]
    """
    units = _alternation(unit_words(extra))
    h = r"[ \t\u00a0]"
    return regex.compile(
        r"(?:" + h + r"?(?i:" + units + r")" + UNIT_END + h + r"*+"
        r"(?:," + h + r"*+(?:(?i:and|or)" + h + r"++)?|(?i:and|or|to)" + h + r"++"
        r"|[-–—]" + h + r"*+)"
        r"|" + h + r"*+(?:[,;/×]" + h + r"*+(?:(?i:and|or)" + h + r"++)?"
        r"|(?i:and|or|to|by|x)" + h + r"++|[-–—]" + h + r"*+))\p{Sc}?"
    )


def _with_lists(
    text: str, commas: list[tuple[int, int]], units: tuple[str, ...]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``commas`` less those in a list whose other numbers are not repaired, and the spans
    of those lists (see :func:`decimal_comma_reading`)."""
    repaired = {start for start, _ in commas}
    gap_re = list_gap_re(units)
    lists: list[tuple[int, int]] = []
    chains: list[list[tuple[int, int, int]]] = []  # each: (start, comma, end) of its numbers
    last_end = -1
    for m in DECIMAL_SHAPE_RE.finditer(text):
        number = (m.start(), m.start() + m.group().index(","), m.end())
        if (
            chains
            and 0 < m.start() - last_end <= MAX_LIST_GAP
            # (with an end: ``regex`` reads a long text to its end on a match from a start)
            and gap_re.fullmatch(text, last_end, m.start()) is not None
        ):
            chains[-1].append(number)
        else:
            chains.append([number])
        last_end = m.end()
    dropped: set[int] = set()
    for chain in chains:
        fixed = [comma in repaired for _, comma, _ in chain]
        if len(chain) > 1 and any(fixed) and not all(fixed):
            dropped.update(comma for _, comma, _ in chain)
            lists.append((chain[0][0], chain[-1][2]))
    return [c for c in commas if c[0] not in dropped], lists


def decimal_comma_reading(
    text: str, units: tuple[str, ...] = ()
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(the commas to read as decimal points, the lists to report): a list, range or size
    of numbers with decimal commas is repaired whole or not at all. When only some of its
    numbers stand before a unit, none is repaired and the list is reported.

    >>> t = "Prices: 1,2, 3,4 and 5,6 UAH, or from 1,5-2,5 to 3,5%; 21,5 × 27,5 cm."
    >>> commas, lists = decimal_comma_reading(t)
    >>> commas, [t[s:e] for s, e in lists]
    ([], ['1,2, 3,4 and 5,6', '1,5-2,5 to 3,5', '21,5 × 27,5'])

    A list whose every number is repaired, and one whose unit comes first:

    >>> t = "from 4,99 to 5,49 euros; 1,2 UAH, 3,4 and 5,6"
    >>> commas, lists = decimal_comma_reading(t)
    >>> [t[s - 1 : e + 1] for s, e in commas], [t[s:e] for s, e in lists]
    (['4,9', '5,4'], ['1,2 UAH, 3,4 and 5,6'])
    """
    commas = decimal_commas(text, units)
    if not commas:
        return [], []
    return _with_lists(text, commas, units)


def decimal_commas(text: str, units: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Spans of the commas that stand before a unit, to read as decimal points (each alone:
    :func:`decimal_comma_reading` leaves those of a list that is not repaired whole).

    >>> t = "almost 9,5 thousand cases and 64,2 million rubles, 2,5% and 2,50 euros"
    >>> [t[s - 1 : e + 1] for s, e in decimal_commas(t)]
    ['9,5', '4,2', '2,5', '2,5']

    Both ends of a range whose unit follows the second:

    >>> t = "from 4,99 to 5,49 euros, 1,5-2,5%"
    >>> [t[s - 1 : e + 1] for s, e in decimal_commas(t)]
    ['4,9', '5,4', '1,5', '2,5']

    A sum whose last zero was lost ("$110,00" for $110,000) has no unit after it; left:

    >>> decimal_commas("3,500 people, rounds 3,5 and 7, 1,2,3 million, 12,5,000 km, $110,00")
    []
    """
    if not DECIMAL_GATE_RE.search(text):
        return []
    return [(m.end("int"), m.end("int") + 1) for m in decimal_comma_re(units).finditer(text)]


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    return frozenset(w for line in load_table("header_months.txt") for w in line.split())


def after_month(text: str, start: int) -> bool:
    """Whether a month's name stands right before ``start`` ("June 12 500 people" is a date
    and a number, not 12,500).

    >>> after_month("on June 12 500", 8), after_month("on Sept. 3 100", 9)
    (True, True)
    >>> after_month("up to 12 500", 6)
    False
    """
    head = text[max(0, start - 12) : start].rstrip(" \t\u00a0\u202f\u2009").rstrip(".")
    word = head[len(head.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")) :]
    return word.lower() in _month_words()


def grouped_thousands(text: str, words: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end, separator) of numbers grouped in thousands the source language's way.

    >>> t = "up to 75.000 people; 812 485 cases; 4.464 million people; 10 737-800 planes"
    >>> [(t[s:e], sep) for s, e, sep in grouped_thousands(t)]
    [('75.000', '.'), ('812 485', ' ')]

    A day after a month's name is no group ("June 12 500 people"):

    >>> t = "On June 12 500 people marched; 12 500 people stayed."
    >>> [t[s:e] for s, e, _ in grouped_thousands(t)]
    ['12 500']
    >>> grouped_thousands(t)[0][0]
    31

    After a word or two before the noun, and before a magnitude when English cannot read
    the number as a decimal:

    >>> t = "500.000 self-employed workers, 3.000 million euros, 1 120 million, 4.464 million"
    >>> [t[s:e] for s, e, _ in grouped_thousands(t)]
    ['500.000', '3.000', '1 120']
    """
    if not grouped_gate(text):
        return []
    return [
        (m.start("num"), m.end("num"), m["sep"])
        for m in grouped_thousands_re(words).finditer(text)
        if (m["sep"] == "." or not after_month(text, m.start("num")))
        # Before a magnitude a dot and digits are an English decimal unless all are zeros.
        and not (m["mag"] and m["sep"] == "." and m["num"].partition(".")[2].strip(".0"))
    ]


#: "thousand" or "thous." right after a number and a space (NC903). Lower case only: a
#: capitalised "Thousand" names something ("The 5 Thousand", a charity run; a title).
THOUSAND_RE = compiled_pattern(
    "numbers-thousand-re", r"thous(?<=[0-9][ \u00a0]thous)(?:and(?![\p{L}\p{N}])|(?P<dot>\.))"
)
#: NC903's gate (the stdlib ``re``, literal first: ~1 ms a MB on news, where "thousands"
#: and "house" are common): a digit, a space and "thous" / "Thous".
THOUSAND_GATE_RE = re.compile(r"hous(?<=[0-9][ \u00a0][Tt]hous)")
#: A number as the source languages write it before "thousand": 1-999, or a decimal with a
#: point (up to three places) or a comma (one or two: "8,500 thousand" is English).
THOUSAND_NUMBER_RE = compiled_pattern(
    "numbers-thousand-number-re", r"(?P<int>0|[1-9][0-9]{0,2})(?:(?P<sep>[.,])(?P<dec>[0-9]{1,3}))?"
)
#: Words before a number that make it part of a larger one ("1 million 200 thousand").
MAGNITUDES = frozenset({"million", "millions", "billion", "billions", "trillion", "mln", "bln"})
#: What after "thousand" makes it part of a larger number ("1 thousand 500 rubles").
MORE_NUMBER_RE = compiled_pattern(
    "numbers-more-number-re",
    r"[ \u00a0]*+(?:(?i:and)[ \u00a0]++)?(?:[0-9]|(?i:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred)(?![\p{L}\p{N}]))",
)
#: Dashes that join the two ends of a range ("8-10 thousand").
RANGE_DASHES = "-\u2010\u2011\u2012\u2013\u2014"


def thousands_value(number: str) -> int | None:
    """The exact value of ``number`` thousand, or None when it cannot be told.

    >>> [thousands_value(n) for n in ("15", "5.7", "5,12", "0.5", "1,5", "6.125")]
    [15000, 5700, 5120, 500, 1500, 6125]

    A comma before three digits groups thousands in English ("8,500 thousand"); more than
    three decimals do not make a whole number; zero is no count:

    >>> [thousands_value(n) for n in ("8,500", "1.2345", "0", "05", "1234")]
    [None, None, None, None, None]
    """
    m = THOUSAND_NUMBER_RE.fullmatch(number)
    if m is None or (m["int"] == "0" and m["sep"] is None):
        return None
    if m["sep"] == "," and len(m["dec"]) == 3:
        return None
    return int(m["int"]) * 1000 + int((m["dec"] or "").ljust(3, "0"))


def _number_before(text: str, end: int) -> int:
    """Where the run of digits, points and commas ending at ``end`` starts (at most 12
    characters back: a longer run is no count of thousands, and the scan stays short)."""
    start = end
    while (
        start > 0
        and end - start < 12
        and ("0" <= text[start - 1] <= "9" or text[start - 1] in ".,")
    ):
        start -= 1
    return start


def _word_before(text: str, end: int) -> tuple[int, str]:
    """(start, word) of the word ending at ``end`` (letters only; at most 12 back)."""
    start = end
    while start > 0 and end - start < 12 and text[start - 1].isalpha():
        start -= 1
    return start, text[start:end]


def _left_of_number(text: str, start: int) -> tuple[str, int, int]:
    """How the number at ``start`` stands: ``("alone", 0, 0)``, ``("range", lo_start,
    lo_end)`` (the range's first number, whose "thousand" is shared: "8-10 thousand",
    "from 3 to 6 thousand", "between 5 and 7 thousand") or ``("skip", 0, 0)``: part of a
    code or a larger number ("Su-35", "1 500", "1 million 200"), or a list ("5 or 6").

    >>> t = "by 8-10 thousand, from 3 to 6 thousand, Su-35 thousand, 1 500 thousand"
    >>> [_left_of_number(t, t.index(n)) for n in ("10 ", "6 ", "35 ", "500 ")]
    [('range', 3, 4), ('range', 23, 24), ('skip', 0, 0), ('skip', 0, 0)]
    >>> t = "up to 10 thousand, 5 or 6 thousand, fire - 1 thousand, 2–3 thousand"
    >>> [_left_of_number(t, t.index(n))[0] for n in ("10 ", "6 ", "1 ", "3 ")]
    ['alone', 'skip', 'alone', 'range']

    A spaced dash after a number may end a clause: a range only after a day's date.

    >>> t = "by 2 - 3 thousand; on July 27 - 60 thousand"
    >>> [_left_of_number(t, t.index(n))[0] for n in ("3 ", "60 ")]
    ['skip', 'alone']
    """
    if start == 0:
        return "alone", 0, 0
    k = start - 1
    c = text[k]
    if c in " \u00a0":
        if k > 0 and text[k - 1] in RANGE_DASHES:  # a spaced dash: "8 - 10", "the fire - 1"
            d = k - 1
            if d > 0 and text[d - 1] in " \u00a0":
                d -= 1
            if d > 0 and "0" <= text[d - 1] <= "9":
                # A range ("8 - 10 thousand") or a clause after a number ("of 2022 - 5
                # thousand"), but never a range after a day ("on July 27 - 60 thousand").
                lo = _number_before(text, d)
                return ("alone", 0, 0) if after_month(text, lo) else ("skip", 0, 0)
            return "alone", 0, 0
        if k > 0 and "0" <= text[k - 1] <= "9":
            return "skip", 0, 0  # grouped by a space ("1 500 thousand", "June 7 757 thousand")
        if k > 1 and text[k - 1] == "." and "0" <= text[k - 2] <= "9":
            return "skip", 0, 0  # "12. 5 thousand"
    elif c in RANGE_DASHES:
        d = k
        if d > 0 and text[d - 1] in " \u00a0":
            d -= 1
        if d > 0 and "0" <= text[d - 1] <= "9":
            return "range", _number_before(text, d), d
        if d < k:
            return "alone", 0, 0  # a dash between words: "the area of the fire -1 thousand"
        # Right after a word: "Su-35" is a name, "5 thousand-6 thousand" two ends of their own.
        word = _word_before(text, k - 1 if text[k - 1 : k] == "." else k)[1].lower()
        return ("alone", 0, 0) if word in ("thousand", "thous") else ("skip", 0, 0)
    else:
        # After a letter, a digit's separator or a sign that ties it to a code; a currency
        # sign or an opening bracket is no tie ("€185 thousand", "(8-10 thousand").
        return ("skip", 0, 0) if c.isalnum() or c in "_.,'’/#№@+&:" else ("alone", 0, 0)
    w_start, word = _word_before(text, k)
    word = word.lower()
    if word in MAGNITUDES:
        return "skip", 0, 0
    if word in ("to", "and", "or") and w_start > 1 and text[w_start - 1] in " \u00a0":
        lo_end = w_start - 1
        if "0" <= text[lo_end - 1] <= "9":
            lo = _number_before(text, lo_end)
            opener = _word_before(text, lo - 1)[1].lower() if lo > 1 else ""
            if (word, opener) in (("to", "from"), ("and", "between")):
                return "range", lo, lo_end
            return "skip", 0, 0
    return "alone", 0, 0


def _dot_ends_sentence(text: str, after: int) -> bool | None:
    """For "thous." ending at ``after``: False when the point only abbreviates (a lower-case
    word, a digit, a currency code or a comma follows), True at the end of a line, None when
    a capitalised word follows (a new sentence or a name: it cannot be told).

    >>> t = "1,5 thous. attempts; 15 thous. UAH; 15 thous.\\nNext; 15 thous. Ukrainians"
    >>> [_dot_ends_sentence(t, m.end()) for m in regex.finditer(r"thous\\.", t)]
    [False, False, True, None]
    """
    rest = text[after : after + 8]
    if not rest.strip(" \t\u00a0") or rest[0] in "\n\r":
        return True
    if rest[0] in ",;:)":
        return False
    if rest[0] not in " \u00a0":
        return None
    word = rest[1:].split(" ")[0].rstrip(".,;:)")
    if not word or word[0].islower() or word[0].isdigit():
        return False
    if 2 <= len(word) <= 4 and word.isupper() and word.isalpha():
        return False
    return None


def source_thousands(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, replacement) of the numbers counted in thousands the source languages'
    way ("5.7 thousand" for 5,700); the replacement is None when only a report is safe.

    >>> t = "about 5.7 thousand people, 15 thousand personnel and 1,5 thous. attempts"
    >>> [(t[s:e], r) for s, e, r in source_thousands(t)]
    [('5.7 thousand', '5,700'), ('15 thousand', '15,000'), ('1,5 thous.', '1,500')]

    Both ends of a range; a point before three digits may be a decimal or a group:

    >>> t = "by 8-10 thousand rubles, from 3 to 6 thousand, 6.125 thousand tonnes"
    >>> [(t[s:e], r) for s, e, r in source_thousands(t)][:2]
    [('8', '8,000'), ('10 thousand', '10,000')]
    >>> [(t[s:e], r) for s, e, r in source_thousands(t)][2:]
    [('3', '3,000'), ('6 thousand', '6,000'), ('6.125 thousand', None)]

    English forms and parts of larger numbers are left:

    >>> source_thousands("thousands of people, tens of thousands, a thousand fans, 8,500 "
    ...     "thousand cars, 1 thousand 500 rubles, 1 million 200 thousand, 5 or 6 thousand")
    []
    >>> source_thousands("The 5 Thousand is a run; the year 2 thousand bug")
    []
    """
    gate = THOUSAND_GATE_RE.search(text)
    if gate is None:
        return []
    out: list[tuple[int, int, str | None]] = []
    for m in THOUSAND_RE.finditer(text, gate.start() - 1):
        num_end = m.start() - 1
        num_start = _number_before(text, num_end)
        number = text[num_start:num_end]
        value = thousands_value(number)
        if value is None:
            continue
        if MORE_NUMBER_RE.match(text, m.end()):
            continue
        if _word_before(text, num_start - 1)[1].lower() == "year":
            continue  # "the year 2 thousand bug"
        kind, lo_start, lo_end = _left_of_number(text, num_start)
        if kind == "skip":
            continue
        end = m.end()
        sure = number[-4:-3] != "."  # "6.125": 6,125 or a group of 6,125 thousand
        if m["dot"]:
            ends = _dot_ends_sentence(text, m.end())
            if ends is None:
                sure = False
            elif ends:
                end -= 1
        if kind == "range":
            lo = text[lo_start:lo_end]
            lo_value = thousands_value(lo)
            if lo_value is None or _left_of_number(text, lo_start)[0] != "alone":
                continue
            lo_sure = sure and lo[-4:-3] != "."
            out.append((lo_start, lo_end, f"{lo_value:,}" if lo_sure else None))
            sure = lo_sure
        out.append((num_start, end, f"{value:,}" if sure else None))
    return out


def find_source_thousands(text: str, ctx: Context) -> list[Change]:
    changes = []
    for start, end, replacement in source_thousands(text):
        written = text[start:end]
        if replacement is None:
            message = (
                f"{written!r} counts in thousands the source language's way; the number "
                "may be a decimal or a group of thousands: write it out"
            )
        else:
            message = f"{written!r} counts in thousands the source language's way: {replacement!r}"
        changes.append(Change(start, end, replacement, message))
    return changes


def half_list_report(
    text: str, start: int, end: int, written: str, before: str, marks: str
) -> Change:
    """The report of a list or range of numbers of which only some could be repaired (all
    or none is: repaired alone, the others would stay in the source language's style).

    >>> report = half_list_report("1,2, 3,4 and 5,6 UAH", 0, 16, "written with decimal commas",
    ...                           "a unit", "points")
    >>> report.replacement is None, report.message.split(": ")[1]
    (True, 'write them all with points, or none')
    """
    return Change(
        start,
        end,
        None,
        f"the numbers of {text[start:end]!r} are {written}, but only some stand before "
        f"{before}: write them all with {marks}, or none",
    )


def find_decimal_commas(text: str, ctx: Context) -> list[Change]:
    if not DECIMAL_GATE_RE.search(text):  # (the gate of decimal_commas, before the options)
        return []
    commas, lists = decimal_comma_reading(text, ctx.words("units"))
    changes = [
        Change(start, end, ".", "decimal comma written as an English decimal point")
        for start, end in commas
    ]
    changes += [
        half_list_report(text, start, end, "written with decimal commas", "a unit", "points")
        for start, end in lists
    ]
    return sorted(changes, key=lambda c: c.start)


#: A number grouped in thousands by a dot or a space, with or without a noun after it (the
#: items of a list or range: "between 75.000 and 80.000 people").
GROUPED_SHAPE_RE = compiled_pattern(
    "numbers-grouped-shape-re",
    r"(?<![\p{N}.,\p{L}+])[1-9]\p{Nd}{0,2}+(?P<sep>[.\u00a0\u202f\u2009 ])\p{Nd}{3}"
    r"(?:(?P=sep)\p{Nd}{3})*+(?![\p{N}]|[.,]\p{N})",
)
#: What joins two numbers of one list or range of grouped numbers (perhaps after the first
#: one's noun).
GROUPED_GAP_RE = compiled_pattern(
    "numbers-grouped-gap-re",
    r"(?:[ \t\u00a0]\p{Ll}++)?[ \t\u00a0]*+"
    r"(?:,[ \t\u00a0]*+(?:(?:and|or)[ \t\u00a0]++)?|(?:and|or|to)[ \t\u00a0]++|[-–—][ \t\u00a0]*+)",
)


def grouped_lists(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of the lists and ranges of grouped numbers of which ``found`` (from
    :func:`grouped_thousands`) holds some but not all: repaired alone, the first would stay
    grouped the source language's way ("between 75.000 and 80,000 people").

    >>> t = "between 75.000 and 80.000 people, 10 000, 20 000 or 30 000 cases, 5.000 people"
    >>> [t[s:e] for s, e in grouped_lists(t, grouped_thousands(t))]
    ['75.000 and 80.000', '10 000, 20 000 or 30 000']
    >>> grouped_lists(t := "75.000 people and 80.000 people", grouped_thousands(t))
    []
    """
    if not found:
        return []
    starts = {start for start, _, _ in found}
    chains: list[list[tuple[int, int]]] = []
    last_end, last_sep = -1, ""
    for m in GROUPED_SHAPE_RE.finditer(text):
        if (
            chains
            and m["sep"] == last_sep
            and 0 < m.start() - last_end <= MAX_LIST_GAP
            and GROUPED_GAP_RE.fullmatch(text, last_end, m.start()) is not None
        ):
            chains[-1].append((m.start(), m.end()))
        else:
            chains.append([(m.start(), m.end())])
        last_end, last_sep = m.end(), m["sep"]
    out = []
    for chain in chains:
        ours = [start in starts for start, _ in chain]
        if len(chain) > 1 and any(ours) and not all(ours):
            out.append((chain[0][0], chain[-1][1]))
    return out


def find_grouped_thousands(text: str, ctx: Context) -> list[Change]:
    if not grouped_gate(text):  # (the gate of grouped_thousands, before the options)
        return []
    changes = []
    found = grouped_thousands(text, ctx.words("units") + ctx.words("counted"))
    lists = grouped_lists(text, found)
    for start, end in lists:
        changes.append(
            half_list_report(
                text,
                start,
                end,
                "grouped in thousands the source language's way",
                "a counted noun",
                "commas",
            )
        )
    list_starts = [s for s, _ in lists]
    for start, end, sep in found:
        k = bisect.bisect_right(list_starts, start) - 1
        if k >= 0 and start < lists[k][1]:
            continue  # in a list reported whole
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
    return sorted(changes, key=lambda c: c.start)


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
    Rule(
        code="NC903",
        name="source-thousands",
        family="numbers",
        summary="Write a count in thousands out ('5.7 thousand people' → '5,700 people').",
        find=find_source_thousands,
        english_only=True,
        before="About 5.7 thousand people were left homeless and 15 thousand personnel helped.",
        after="About 5,700 people were left homeless and 15,000 personnel helped.",
        why="Russian, Ukrainian and Polish news count in thousands ('5,7 тыс.'); translation "
        "keeps the form, which English news writes out. The value is kept exactly; a part of "
        "a larger number ('1 thousand 500') or a list ('5 or 6 thousand') is left.",
    ),
)
