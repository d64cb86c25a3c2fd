"""Benchmark injector for the numbers family (NC9xx).

Writes some of the text's own numbers the way the source languages do:

- a decimal point before a magnitude, a unit or a percentage becomes a comma ("3.5 million"
  becomes "3,5 million", "2.5%" becomes "2,5%"), repaired by NC901;
- a thousands comma before a counted noun, a unit or a currency becomes a dot or a space
  ("75,000 people" becomes "75.000 people" or "75 000 people"), which NC902 reports and
  repairs when made fixable;
- a number of thousands exact to the hundred or the ten is counted in thousands, as
  Russian, Ukrainian and Polish news do ("5,700 people" becomes "5.7 thousand people" or
  "5,7 thousand people", "15,000" becomes "15 thousand"), repaired by NC903.

``gold`` is the original text. NC902 only reports by default: it is scored with
``Config(select=SELECT, fixable=SELECT)``.
"""

from __future__ import annotations

import random

import regex

from benchmarks.families import splice
from newsclean.resources import load_table
from newsclean.rules.numbers import _alternation, unit_words

FAMILY = "numbers"
SELECT: tuple[str, ...] = ("NC901", "NC902", "NC903")

#: How often a number that fits is rewritten.
RATE = 0.5
#: Most artifacts injected into one document.
MAX_PER_DOCUMENT = 3


def _decimal_sites() -> regex.Pattern[str]:
    # Not before "thousand": NC903 writes "9.5 thousand" out, as the next kind of site.
    units = _alternation(tuple(u for u in unit_words(()) if not u.startswith("thous")))
    return regex.compile(
        r"(?<![\p{N}.,'’])\p{Nd}{1,3}(?P<point>\.)\p{Nd}{1,2}(?![\p{N}]|[.,]\p{N})"
        r"(?=[ ]?(?i:" + units + r")(?![\p{L}\p{N}]))"
    )


def _thousands_sites() -> regex.Pattern[str]:
    words = _alternation(load_table("number_counted.txt"))
    return regex.compile(
        r"(?<![\p{N}.,\p{L}+])[1-9]\p{Nd}{0,2}(?:,\p{Nd}{3})+(?![\p{N}]|[.,]\p{N})"
        r"(?=[ ](?i:" + words + r")(?![\p{L}\p{N}]))"
    )


def _thousands_count_sites() -> regex.Pattern[str]:
    # A number of thousands standing alone: after a space, a bracket or a currency sign
    # (never after another number, a range's dash or "and"), before a lower-case word.
    return regex.compile(
        r"(?<=^|[\n(€$£]|(?<![\p{N}\p{P}][ ]?|\b(?:and|or|to|million|billion))[ ])"
        r"(?P<whole>[1-9]\p{Nd}{0,2}),(?P<part>\p{Nd}{3})(?![\p{N}]|[.,]\p{N})"
        r"(?=[ ](?!(?:and|one|two|three|four|five|six|seven|eight|nine|hundred)\b)\p{Ll})"
    )


def source_count(whole: str, part: str, sep: str) -> str | None:
    """``whole`` thousand and ``part`` counted in thousands, the decimal written with ``sep``
    (None when the count is not exact to the ten: NC903 only reports three decimals).

    >>> source_count("5", "700", ","), source_count("15", "000", "."), source_count("1", "125", ".")
    ('5,7 thousand', '15 thousand', None)
    """
    if part[2] != "0":
        return None
    decimals = part.rstrip("0")
    return f"{whole}{sep}{decimals} thousand" if decimals else f"{whole} thousand"


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Return (dirty, gold): ``text`` with some numbers written the source languages' way,
    and ``text`` itself.

    >>> inject("It fell 2.5% to 75,000 people.", random.Random(3))[1]
    'It fell 2.5% to 75,000 people.'
    """
    edits: list[tuple[int, int, str]] = []
    for m in _decimal_sites().finditer(text):
        if rng.random() < RATE:
            edits.append((m.start("point"), m.end("point"), ","))
    for m in _thousands_sites().finditer(text):
        if rng.random() < RATE:
            sep = rng.choice([".", " ", "\u00a0"])
            edits.append((m.start(), m.end(), m.group().replace(",", sep)))
    for m in _thousands_count_sites().finditer(text):
        count = source_count(m["whole"], m["part"], rng.choice([".", ","]))
        if count is not None and rng.random() < RATE:
            edits.append((m.start(), m.end(), count))
    # One edit a number: a number that is a site of two kinds keeps the first.
    edits.sort()
    edits = [e for k, e in enumerate(edits) if k == 0 or e[0] >= edits[k - 1][1]]
    if len(edits) > MAX_PER_DOCUMENT:
        edits = sorted(rng.sample(edits, MAX_PER_DOCUMENT))
    return splice(text, edits), text
