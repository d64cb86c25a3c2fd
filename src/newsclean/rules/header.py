"""Headers and metadata (NC3xx): leaked metadata headers at the start of a document.

Scrapers that serialise a record as text sometimes prepend its fields: ``date 2022-02-15``
before the first sentence, on its own line or run into it. The header is removed and its
value returned as metadata. Dates in running text are never touched, and the first word after
the header is left exactly as it is (it may be a mistranslation, such as "fly" for "Mosca").

A date written another way ("Published: 15/02/2022 10:32", "date 15 February 2022") is taken
only when the header is a line of its own, where no sentence can be read into it. A numeric
date is read day first, as the source languages write it; when one with a slash or a dash
could be read two ways ("03/04/2022"), the header is still removed but no date is returned.
"""

from __future__ import annotations

import datetime as dt

import regex

from ..edits import Change, Meta
from ..registry import Context, Rule
from ..resources import compiled_patterns, load_table, once

#: An ISO 8601 date, optionally with a time and a zone.
ISO_DATE = (
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?P<time>[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


#: A day-first numeric date: 15/02/2022, 15.02.2022, 15-02-2022.
NUMERIC_DATE = r"(?P<nd>\d{1,2})(?P<sep>[./-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4})"
#: A time after a written-out date: ", 10:32", " - 10:32", " at 10.32 a.m. CET".
CLOCK_TIME = (
    r"(?:(?:[ \t]*[,|-]|[ \t]+at)?[ \t]+\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+(?:[A-Z]{2,4}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?))?)?"
)


@once
def memo_keys() -> frozenset[str]:
    """The fields of ``data/header_memo_keys.txt``, lower case."""
    return frozenset(k.lower() for k in load_table("header_memo_keys.txt"))


def _keys() -> str:
    return "|".join(
        regex.escape(k).replace(r"\ ", r"[ \t]+") for k in load_table("header_keys.txt")
    )


@once
def header_re() -> regex.Pattern[str]:
    """The pattern of a leaked date header (anchored by ``match``), built once (and kept
    compiled in the cache folder, see :func:`newsclean.resources.compiled_patterns`)."""
    pattern = (
        r"\s*(?i:"
        + _keys()
        + r")(?:[ \t]*:[ \t]*|[ \t]+)"
        + ISO_DATE
        # The header ends at whitespace (then the text) or at the end of the text.
        + r"(?=\s|\Z)\s*"
    )
    return compiled_patterns("header", (pattern,))[0]


@once
def month_numbers() -> dict[str, int]:
    """Each spelling of a month in ``data/header_months.txt`` with its number.

    >>> month_numbers()["sept"], month_numbers()["december"]
    (9, 12)
    """
    return {
        name.lower(): number
        for number, line in enumerate(load_table("header_months.txt"), start=1)
        for name in line.split()
    }


@once
def weekday_numbers() -> dict[str, int]:
    """Each spelling of a weekday in ``data/header_weekdays.txt`` with its number (Monday 0,
    as :meth:`datetime.date.weekday` counts).

    >>> weekday_numbers()["tues"], weekday_numbers()["sunday"]
    (1, 6)
    """
    return {
        name.lower(): number
        for number, line in enumerate(load_table("header_weekdays.txt"))
        for name in line.split()
    }


#: The years a publication date may have: a header naming another is no such date.
YEARS = range(1900, 2101)
#: A field of a memo or an event notice on the line after a date: "To: All staff".
FIELD_LINE_RE = regex.compile(r"[ \t]*(?P<key>\p{L}[\p{L} ]{0,24}?)[ \t]*:[ \t]*\S")


@once
def line_header_re() -> regex.Pattern[str]:
    """The pattern of a leaked date header written another way, on a line of its own."""
    # Longest first, then alphabetical: one pattern text in every process, which the cache
    # folder keeps compiled (see :func:`newsclean.resources.compiled_patterns`).
    months = "|".join(sorted(month_numbers(), key=lambda m: (-len(m), m)))
    spellings = [word for line in load_table("header_weekdays.txt") for word in line.split()]
    weekdays = "|".join(sorted(spellings, key=lambda w: (-len(w), w)))
    ordinal = r"(?:st|nd|rd|th)?"
    named = (
        rf"(?:(?P<wd>\d{{1,2}}){ordinal}[ \t]+(?P<wm>(?i:{months}))\.?,?[ \t]+(?P<wy>\d{{4}})"
        rf"|(?P<am>(?i:{months}))\.?[ \t]+(?P<ad>\d{{1,2}}){ordinal},?[ \t]+(?P<ay>\d{{4}}))"
    )
    pattern = (
        r"\s*(?i:"
        + _keys()
        + r")(?:[ \t]*:[ \t]*|[ \t]+)"
        + rf"(?:(?P<wk>(?i:{weekdays}))\.?,?[ \t]+)?(?:"
        + NUMERIC_DATE
        + "|"
        + named
        + ")"
        + CLOCK_TIME
        # Nothing else on the line.
        + r"[ \t]*(?:\r?\n|\Z)\s*"
    )
    return compiled_patterns("header-written", (pattern,))[0]


def written_dates(match: regex.Match[str]) -> tuple[dt.date, ...]:
    """The days a :func:`line_header_re` match can name: none (no such day, a year outside
    :data:`YEARS`, a weekday that does not fit), one, or two (a date with a slash or a dash
    whose day and month could be swapped, and no weekday to tell). A numeric date is read day
    first (always, with dots: "03.04.2022" is 3 April) unless only month first makes it a
    date ("02/15/2022").

    >>> m = line_header_re().match
    >>> written_dates(m("Published: 15/02/2022 10:32"))
    (datetime.date(2022, 2, 15),)
    >>> written_dates(m("date February 15, 2022")) == written_dates(m("Date: Tue, 15 Feb. 2022"))
    True
    >>> written_dates(m("date: 03/04/2022"))  # 3 April or March 4?
    (datetime.date(2022, 4, 3), datetime.date(2022, 3, 4))
    >>> written_dates(m("date: 03.04.2022")), written_dates(m("date: 02/15/2022"))
    ((datetime.date(2022, 4, 3),), (datetime.date(2022, 2, 15),))
    >>> written_dates(m("date: 31.02.2022")), written_dates(m("Date: 15 February 0022"))
    ((), ())
    >>> written_dates(m("Date: Friday, 03/04/2022")), written_dates(m("Date: Monday, 15 Feb 2022"))
    ((datetime.date(2022, 3, 4),), ())
    """
    if match.group("nd") is not None:
        first, second, year = (int(match.group(g)) for g in ("nd", "nm", "ny"))
        # Dotted dates are written day first everywhere; a slash or a dash may be either.
        readings = (
            [(first, second)] if match.group("sep") == "." else [(first, second), (second, first)]
        )
    elif match.group("wd") is not None:
        month = month_numbers()[match.group("wm").lower()]
        readings, year = [(int(match.group("wd")), month)], int(match.group("wy"))
    else:
        month = month_numbers()[match.group("am").lower()]
        readings, year = [(int(match.group("ad")), month)], int(match.group("ay"))
    weekday = match.group("wk")
    days: list[dt.date] = []
    for day, month in readings:
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if year not in YEARS or found in days:
            continue
        if weekday is None or weekday_numbers()[weekday.lower()] == found.weekday():
            days.append(found)
    return tuple(days)


def memo_field_follows(text: str, end: int) -> bool:
    """Whether the line at ``end`` is a field of a memo or an event notice ("To:", "Time:",
    "Location:"; ``data/header_memo_keys.txt``): then the date above it is the memo's.

    >>> memo_field_follows("Date: 15 February 2022\\nTo: All staff\\n", 23)
    True
    >>> memo_field_follows("Date: 15 February 2022\\nUpdated: 16 February 2022", 23)
    False
    >>> memo_field_follows("Date: 15 February 2022\\nThe talks: a timeline", 23)
    False
    """
    field = FIELD_LINE_RE.match(text, end)
    return field is not None and " ".join(field.group("key").split()).lower() in memo_keys()


def parse_date_header(text: str) -> tuple[int, str | None] | None:
    """The end offset and ISO value of a leaked date header at the start of ``text``; the
    value is ``None`` when the header's date could be read two ways (the header is still
    one: a key and a date on a line of their own).

    A header repeated back to back (the exporter ran twice) is removed whole; the first value
    read one way is the date. A written date over a memo's or an event's fields ("To:",
    "Location:") is the memo's, and is left.

    >>> parse_date_header(" date 2022-02-15 fly takes a first step")
    (17, '2022-02-15')
    >>> parse_date_header("date: 2022-02-15\\n\\nThe spokesman said")
    (18, '2022-02-15')
    >>> parse_date_header("date 2022-02-15 date 2022-02-15 The talks")
    (32, '2022-02-15')
    >>> parse_date_header("The date of February 15, 2022 will go down in history") is None
    True
    >>> parse_date_header("date 2022-02-30 is not a day") is None
    True
    >>> parse_date_header("Published: 15/02/2022 10:32\\nThe spokesman said")
    (28, '2022-02-15')
    >>> parse_date_header("Date: 03/04/2022\\nThe spokesman said")
    (17, None)
    >>> parse_date_header("Published 15 February 2022 in Nature, the study found") is None
    True
    """
    values: list[str | None] = []
    end = 0
    while True:
        if (m := header_re().match(text, end)) is not None:
            try:
                day = dt.date.fromisoformat(m.group("date"))
            except ValueError:
                break
            time = m.group("time")
            values.append(day.isoformat() + ("T" + time[1:] if time else ""))
        elif (m := line_header_re().match(text, end)) is not None:
            days = written_dates(m)
            if not days or memo_field_follows(text, m.end()):
                break
            values.append(days[0].isoformat() if len(days) == 1 else None)
        else:
            break
        end = m.end()
    if not values:
        return None
    return end, next((v for v in values if v is not None), None)


def find_date_header(text: str, ctx: Context) -> tuple[Change | Meta, ...]:
    parsed = parse_date_header(text)
    if parsed is None:
        return ()
    end, value = parsed
    if value is None:
        shown = text[:end].strip()
        return (
            Change(
                0,
                end,
                "",
                f"leaked metadata header removed ({shown}: day and month could be swapped, "
                "so no date is returned)",
                removed=True,
            ),
        )
    return (
        Meta("date", value),
        Change(0, end, "", f"leaked metadata header removed (date {value})", removed=True),
    )


RULES = (
    Rule(
        code="NC301",
        name="date-header",
        family="header",
        summary="Remove a leaked date header at the start and return it as metadata['date'].",
        find=find_date_header,
        before=" date 2022-02-15 The spokesman for the Russian Ministry of Defense said",
        after="The spokesman for the Russian Ministry of Defense said",
        why="Scrapers and dataset exporters write a record's fields into its text; the "
        "translation engine then runs the header into the first sentence.",
    ),
)
