"""Injector for the header family (NC3xx): a leaked ``date`` header at the start.

Scrapers and dataset exporters write a record's fields into its text; a translation engine
then runs the header into the first sentence. The forms are the ones real documents show:
``" date 2022-02-15 The talks…"`` run into the text, ``"date: 2022-02-15"`` on its own line,
with or without leading whitespace, sometimes with a time; and, on a line of its own, the date
written as the site shows it ("Published: 15/02/2022 10:32", "Date: February 15, 2022"). The
gold is the text itself.
"""

from __future__ import annotations

import datetime as dt
import random

FAMILY = "header"
SELECT: tuple[str, ...] = ("NC3",)

#: (leading whitespace, separator after the key, what follows the value).
LEADS = ("", "", " ", "\n", "  ")
SEPARATORS = (" ", " ", ": ", ":", "\t")
TAILS = (" ", " ", "\n", "\n\n", "  ")
KEYS = ("date", "date", "date", "Date", "DATE")


def random_date(rng: random.Random) -> str:
    """An ISO date between 2000 and 2024, sometimes with a time.

    >>> random_date(random.Random(1))[:2]
    '20'
    """
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(25 * 365))
    value = day.isoformat()
    if rng.random() < 0.15:
        value += f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z"
    return value


#: Written forms of a date: day-first numeric, month-first and day-first with the month's name.
WRITTEN_FORMS = (
    "{d:02d}/{m:02d}/{y}",
    "{d:02d}.{m:02d}.{y}",
    "{month} {d}, {y}",
    "{d} {month} {y}",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WRITTEN_KEYS = ("Published", "Date", "date", "Publication date")


def written_date(rng: random.Random) -> str:
    """A date between 2000 and 2024 written as a site shows it, sometimes with a time.

    >>> written_date(random.Random(5)), written_date(random.Random(1))
    ('June 17, 2011', '10/01/2006 15:48')
    """
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(25 * 365))
    value = rng.choice(WRITTEN_FORMS).format(
        d=day.day, m=day.month, y=day.year, month=MONTHS[day.month - 1]
    )
    if rng.random() < 0.3:
        value += f" {rng.randrange(24):02d}:{rng.randrange(60):02d}"
    return value


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Prepend a leaked date header; the gold is ``text``.

    >>> dirty, gold = inject("The talks went on.", random.Random(3))
    >>> gold, dirty.endswith("The talks went on."), "date" in dirty.lower()
    ('The talks went on.', True, True)
    """
    if rng.random() < 0.25:
        header = rng.choice(WRITTEN_KEYS) + ": " + written_date(rng) + rng.choice(("\n", "\n\n"))
        return header + text.lstrip(), text.lstrip()
    header = (
        rng.choice(LEADS)
        + rng.choice(KEYS)
        + rng.choice(SEPARATORS)
        + random_date(rng)
        + rng.choice(TAILS)
    )
    return header + text.lstrip(), text.lstrip()
