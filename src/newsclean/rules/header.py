"""Headers and metadata (NC3xx): leaked metadata headers at the start of a document.

A scraped page's header block comes before the article, one line each, in any order: the
publication date (NC301, ``metadata["date"]``; with a field name, "Published: ...", or a
bare date line, "Tuesday, 15 February 2022", when no later line starts with a date as a
liveblog's entries do), the date of the last update (NC302, ``metadata["updated"]``: never
taken for the publication date; it may follow the date on its line, "Published on ... -
Updated on ..."), a reading time (NC303), a byline (NC304, ``metadata["author"]``) and a
views counter (NC305, ``metadata["views"]``; a count and "views" alone, "360 views", may
be a title and goes only beside another header line). :func:`header_block` reads the block
once for the five rules; nothing after the first line that is none of these is looked at,
so a byline or a date in the body is never touched. A date's month and weekday may be
written in the source language, which the translation left ("15 febbraio 2022", "Dienstag,
15. Februar 2022"; ``data/header_months_foreign.txt``).

The page's title, which scrapers take for the first line, may carry what the page adds to
it: the site's name and the date ("... - DW - 09.02.2023", "... - RT in Russian", "...:
February 12, 2023, 00:12"). NC306 removes only a site of its table, a domain name or a date;
any other " - X" is the headline's own ("... - British intelligence"). A date with no site
beside it may be the event's ("Elections in Turkey - 14.05.2023"): it goes only with the
minute a page published at ("00:12"), and is reported otherwise.

Scrapers that serialise a record as text sometimes prepend its fields: ``date 2022-02-15``
before the first sentence, on its own line or run into it. The header is removed and its
value returned as metadata. Dates in running text are never touched, and the first word after
the header is left exactly as it is (it may be a mistranslation, such as "fly" for "Mosca").

A date written another way ("Published: 15/02/2022 10:32", "date 15 February 2022") is taken
only when the header is a line of its own, where no sentence can be read into it. A numeric
date is read day first, as the source languages write it; when one with a slash or a dash
could be read two ways ("03/04/2022", or "15/02/22" with a two-digit year, which may also be
year first), the header is still removed but no date is returned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import regex

from ..edits import Change, Meta
from ..registry import Context, Option, Rule
from ..resources import compiled_pattern, compiled_patterns, load_table, once, zipf_frequency

#: An ISO 8601 date, optionally with a time and a zone.
ISO_DATE = (
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?P<time>[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


#: A day-first numeric date: 15/02/2022, 15.02.2022, 15-02-2022.
NUMERIC_DATE = r"(?P<nd>\d{1,2})(?P<sep>[./-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4}|\d{2})"
#: A two-digit year below this is 20xx, else 19xx (as POSIX ``strptime``'s ``%y``).
CENTURY_PIVOT = 69
#: A time after a written-out date: ", 10:32", " - 10:32", " at 10.32 a.m. CET", the
#: French clock " at 18h32", and the source languages' "at" and "o'clock" left untranslated
#: (" à 18h32", " alle 11:42", " um 11:42 Uhr").
CLOCK_TIME = (
    r"(?:(?:[ \t]*[,|-]|[ \t]+(?:at|à|alle|ore|um|às|a[ \t]+las|om|o))?"
    r"[ \t]+\d{1,2}(?:[:.]|h(?=\d{2}\b))\d{2}(?::\d{2})?"
    r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+(?:[A-Z]{2,4}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|Uhr))?)?"
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
    return compiled_pattern("header", pattern)


#: The tables of month names: English, then the source languages' (a header the
#: translation left as it was: "15 febbraio 2022").
MONTH_TABLES = ("header_months.txt", "header_months_foreign.txt")
#: The tables of weekday names, likewise.
WEEKDAY_TABLES = ("header_weekdays.txt", "header_weekdays_foreign.txt")


def _numbered(tables: tuple[str, ...], first: int) -> dict[str, int]:
    """Each name on the lines of ``tables`` (one line a month or a weekday, in order) with
    the number of its line, counted from ``first``."""
    return {
        name.lower(): number
        for table in tables
        for number, line in enumerate(load_table(table), start=first)
        for name in line.split()
    }


@once
def month_numbers() -> dict[str, int]:
    """Each spelling of a month in ``data/header_months.txt`` and
    ``data/header_months_foreign.txt`` with its number.

    >>> month_numbers()["sept"], month_numbers()["december"]
    (9, 12)
    >>> month_numbers()["febbraio"], month_numbers()["lutego"], month_numbers()["märz"]
    (2, 2, 3)
    """
    return _numbered(MONTH_TABLES, 1)


@once
def weekday_numbers() -> dict[str, int]:
    """Each spelling of a weekday in ``data/header_weekdays.txt`` and
    ``data/header_weekdays_foreign.txt`` with its number (Monday 0, as
    :meth:`datetime.date.weekday` counts).

    >>> weekday_numbers()["tues"], weekday_numbers()["sunday"], weekday_numbers()["martedì"]
    (1, 6, 1)
    """
    return _numbered(WEEKDAY_TABLES, 0)


#: The years a publication date may have: a header naming another is no such date.
YEARS = range(1900, 2101)
#: A field of a memo or an event notice on the line after a date: "To: All staff".
FIELD_LINE_RE = compiled_pattern(
    "header-field-line-re", r"[ \t]*(?P<key>\p{L}[\p{L} ]{0,24}?)[ \t]*:[ \t]*\S"
)


def _month_names() -> str:
    # Longest first, then alphabetical: one pattern text in every process, which the cache
    # folder keeps compiled (see :func:`newsclean.resources.compiled_patterns`).
    return "|".join(regex.escape(m) for m in sorted(month_numbers(), key=lambda m: (-len(m), m)))


def _weekday_names() -> str:
    return "|".join(regex.escape(w) for w in sorted(weekday_numbers(), key=lambda w: (-len(w), w)))


def written_date_body() -> str:
    """The pattern of a date written another way than ISO, a weekday maybe before it and a
    time maybe after it: "Tuesday, 15 February 2022, 10:32", "15/02/2022 - 18:32". Its
    groups are the ones :func:`written_dates` reads."""
    months = _month_names()
    ordinal = r"(?:st|nd|rd|th)?"
    # The source languages' forms too: "15. Februar 2022", "15 de febrero de 2022", "15
    # lutego 2022 r." (the year's abbreviation in Polish).
    named = (
        rf"(?:(?P<wd>\d{{1,2}})(?:{ordinal}|\.)[ \t]+(?:de[ \t]+)?(?P<wm>(?i:{months}))\.?,?"
        rf"[ \t]+(?:de[ \t]+)?(?P<wy>\d{{4}})(?:[ \t]+r\.)?"
        rf"|(?P<am>(?i:{months}))\.?[ \t]+(?P<ad>\d{{1,2}}){ordinal},?[ \t]+(?P<ay>\d{{4}}))"
    )
    return (
        rf"(?:(?P<wk>(?i:{_weekday_names()}))\.?,?[ \t]+)?(?:"
        + NUMERIC_DATE
        + "|"
        + named
        + ")(?P<clock>"
        + CLOCK_TIME
        + ")"
    )


#: A views counter: "12345 views", "12,345 views", "1.2K views", "Views: 12345".
VIEWS_COUNT = (
    r"(?:(?P<views>\d{1,3}(?:[,. ]\d{3})+|\d{1,9})(?:[.,]\d)?[ \t]*(?P<k>[Kk]|[Mm])?"
    r"[ \t]+(?i:views?)|(?i:views?)[ \t]*:[ \t]*(?P<views2>\d{1,3}(?:[,. ]\d{3})+|\d{1,9}))"
)


def _line_end() -> str:
    """Where a dated header line ends: at the end of its line, or at a bullet or a dash
    before an "updated" line run into it ("Published on 15/02/2022 at 18h32 - Updated on
    16/02/2022") or a views counter ("15 February 2022 • 12345 views"), which are read as
    header lines of their own."""
    return (
        r"(?:[ \t]*(?:\r?\n|\Z)\s*"
        r"|[ \t]+[-–—|•·][ \t]+(?=(?i:" + _updated_keys() + r")[ \t:])"
        r"|[ \t]*[•·|][ \t]*(?=" + VIEWS_COUNT + r"[ \t]*(?:\r?\n|\Z)))"
    )


def _written_date_pattern(keys: str | None) -> str:
    """The pattern of a date header with field names ``keys`` (an alternation; none: a bare
    date) and the date written another way than ISO, on a line of its own."""
    head = "" if keys is None else r"(?i:" + keys + r")(?:[ \t]*:[ \t]*|[ \t]+)"
    # Nothing else on the line.
    return r"\s*" + head + written_date_body() + _line_end()


@once
def line_header_re() -> regex.Pattern[str]:
    """The pattern of a leaked date header written another way, on a line of its own."""
    return compiled_pattern("header-written", _written_date_pattern(_keys()))


@once
def bare_date_re() -> regex.Pattern[str]:
    """The pattern of a bare date line, a date (and a time) without a field name before it:
    "15 February 2022", "Tuesday, 15 February 2022", "15/02/2022 - 18:32", "Feb 15, 2022 |
    6:32 PM" (anchored by ``match``).

    >>> bool(bare_date_re().match("Feb 15, 2022 | 6:32 PM\\nThe talks"))
    True
    >>> bool(bare_date_re().match("15 February 2022 was a Tuesday"))
    False
    """
    return compiled_pattern("header-bare", _written_date_pattern(None))


@once
def dated_entry_re() -> regex.Pattern[str]:
    """The pattern of a line that starts with a date or a clock time: the entry of a
    liveblog, a diary or a timeline ("16 February 2022", "Feb 16:", "17:10 - Kyiv"), maybe
    after a bullet or in brackets ("• 25 February 2022: ...", "- 16 February", "[16
    February] ..."), and a liveblog's clock with "am" or "pm" ("10.32am GMT: ...")."""
    months = _month_names()
    return regex.compile(
        r"(?m)^[ \t]*(?:[-–—•·▪*][ \t]*|\[[ \t]*)?(?:(?i:" + _weekday_names() + r")\.?,?[ \t]+)?"
        r"(?:\d{1,2}(?:st|nd|rd|th|\.)?[ \t]+(?:de[ \t]+)?(?i:" + months + r")\b"
        r"|(?i:" + months + r")\.?[ \t]+\d{1,2}\b"
        r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
        r"|\d{1,2}(?::|h)\d{2}\b"
        r"|\d{1,2}[.:]\d{2}[ \t]*(?i:[ap]\.?m\b))"
    )


def dated_entries_follow(text: str, end: int) -> bool:
    """Whether a line after ``end`` starts with a date or a time, as the entries of a
    liveblog, a diary or a timeline do: then a bare date line at the start is the first
    entry's, not the page's.

    >>> dated_entries_follow("15 February 2022\\nTroops left.\\n\\n16 February 2022\\nTalks.", 17)
    True
    >>> dated_entries_follow("15 February 2022\\nTroops left.\\n\\n18:05 Talks began.", 17)
    True
    >>> dated_entries_follow("15 February 2022\\nTroops left on 16 February 2022.", 17)
    False

    A timeline's bulleted or bracketed entries and a liveblog's "10.32am" are entries too:

    >>> dated_entries_follow("24 February 2022\\nInvasion.\\n\\n• 25 February 2022: Shelling.", 17)
    True
    >>> dated_entries_follow("24 February 2022\\nInvasion.\\n[25 February] Shelling.", 17)
    True
    >>> dated_entries_follow("24 February 2022\\nInvasion.\\n\\n10.32am GMT: Sirens.", 17)
    True
    >>> dated_entries_follow("24 February 2022\\nInvasion.\\n- 10.5 per cent fell.", 17)
    False
    """
    return dated_entry_re().search(text, end) is not None


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

    A two-digit year is read as POSIX reads it (69-99: 19xx, 00-68: 20xx); with dots the
    date is day first as ever, with a slash or a dash it may also be year first:

    >>> written_dates(m("Date: 15.02.22, 11:05")), written_dates(m("Date: 31.12.99"))
    ((datetime.date(2022, 2, 15),), (datetime.date(1999, 12, 31),))
    >>> written_dates(m("Published: 15/02/22"))  # 15 February 2022 or 22 February 2015?
    (datetime.date(2022, 2, 15), datetime.date(2015, 2, 22))
    >>> written_dates(m("Published: 31/12/99"))  # no other reading is a day
    (datetime.date(1999, 12, 31),)
    >>> written_dates(m("Date: 15 ſept 2022")), written_dates(m("Date: FRİDAY, 15 APRİL 2022"))
    ((), ())
    """
    readings: list[tuple[int, int, int]]  # (year, month, day)
    if match.group("nd") is not None:
        first, second, year = (int(match.group(g)) for g in ("nd", "nm", "ny"))
        short = len(match.group("ny")) == 2
        if short:
            year = full_year(year)
        # Dotted dates are written day first everywhere; a slash or a dash may be either,
        # and with a two-digit year also year first ("22/02/15").
        readings = [(year, second, first)]
        if match.group("sep") != ".":
            readings.append((year, first, second))
            if short:
                readings.append((full_year(first), second, int(match.group("ny"))))
    else:
        # The pattern matches names without regard to case, as the regex module folds it: a
        # name it folds to a month but the table does not list ("ſept", "APRİL") names none.
        g_day, g_month, g_year = (
            ("wd", "wm", "wy") if match.group("wd") is not None else ("ad", "am", "ay")
        )
        month = month_numbers().get(match.group(g_month).lower(), 0)
        if not month:
            return ()
        readings = [(int(match.group(g_year)), month, int(match.group(g_day)))]
    weekday = match.group("wk")
    weekday_number = None if weekday is None else weekday_numbers().get(weekday.lower(), -1)
    days: list[dt.date] = []
    for year, month, day in readings:
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if year not in YEARS or found in days:
            continue
        if weekday_number is None or weekday_number == found.weekday():
            days.append(found)
    return tuple(days)


def full_year(year: int) -> int:
    """The year a two-digit year stands for (see :data:`CENTURY_PIVOT`).

    >>> full_year(22), full_year(99), full_year(68), full_year(69)
    (2022, 1999, 2068, 1969)
    """
    return year + (2000 if year < CENTURY_PIVOT else 1900)


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


#: An ISO date on a line of its own after an "updated" key (NC302).
ISO_LINE = ISO_DATE + r"[ \t]*(?:\r?\n|\Z)\s*"


def _updated_keys() -> str:
    return "|".join(
        regex.escape(k).replace(r"\ ", r"[ \t]+") for k in load_table("header_updated_keys.txt")
    )


@once
def updated_res() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The patterns of an "updated" line (``data/header_updated_keys.txt``), on a line of its
    own: with an ISO date, and with a date written another way."""
    keys = _updated_keys()
    iso = r"\s*(?i:" + keys + r")(?:[ \t]*:[ \t]*|[ \t]+)" + ISO_LINE
    iso_re, written_re = compiled_patterns("header-updated", (iso, _written_date_pattern(keys)))
    return iso_re, written_re


#: A reading-time line: "Reading time: 4 min", "4 min read", "3 minutes reading",
#: "4-minute read", "Estimated reading time: 5 minutes".
READING_TIME_PATTERN = (
    r"\s*(?i:"
    r"(?:(?:estimated[ \t]+)?(?:reading|read)[ \t]+time|time[ \t]+to[ \t]+read)[ \t]*:?[ \t]*"
    r"(?:about[ \t]+|approx\.?[ \t]+|~[ \t]*)?(?P<n>\d{1,3})(?:[ \t]*[–-][ \t]*\d{1,3})?"
    r"[ \t]*(?:min(?:ute)?s?\.?|m)(?:[ \t]+(?:read|reading))?"
    r"|(?P<n2>\d{1,3})(?:[ \t]*[–-][ \t]*\d{1,3})?[ \t]*-?[ \t]*(?:min(?:ute)?s?\.?)"
    r"[ \t]+(?:of[ \t]+)?(?:read|reading)(?:[ \t]+time)?"
    r")[ \t]*(?:\r?\n|\Z)\s*"
)


@once
def reading_time_re() -> regex.Pattern[str]:
    """The pattern of a reading-time line (anchored by ``match``).

    >>> bool(reading_time_re().match("Reading time: 4 min\\nThe talks"))
    True
    >>> bool(reading_time_re().match("4 min read")), bool(reading_time_re().match("4 min later"))
    (True, False)
    """
    return compiled_pattern("header-reading", READING_TIME_PATTERN)


@once
def views_re() -> regex.Pattern[str]:
    """The pattern of a views counter on a line of its own, maybe after a date without its
    year and a time ("February 15, 08:45 • 12345 views"; anchored by ``match``).

    >>> m = views_re().match("February 15, 08:45 • 12,345 views\\nKyiv")
    >>> m is not None and view_count(m)
    12345
    >>> views_re().match("12345 views of the city were sold") is None
    True
    """
    months = _month_names()
    yearless = (
        r"(?:(?:(?i:" + months + r")\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+(?i:" + months + r")\.?)"
        r"(?:,?[ \t]+\d{1,2}[:.]\d{2})?|\d{1,2}:\d{2})"
    )
    pattern = (
        r"\s*(?P<stamp>"
        + yearless
        + r"[ \t]*[•·|][ \t]*)?"
        + VIEWS_COUNT
        + r"[ \t]*(?:\r?\n|\Z)\s*"
    )
    return compiled_pattern("header-views", pattern)


def counter_form(match: regex.Match[str]) -> bool:
    """Whether a :func:`views_re` match has a form only a page's counter has: a label
    ("Views: 1,204"), a rounded count ("1.2K views") or a date or a time before it
    ("February 15, 08:45 • 12345 views"). A count and "views" alone may be a title ("360
    views" over a photo story), which another header line must confirm.

    >>> counter_form(views_re().match("Views: 360")), counter_form(views_re().match("1.2K views"))
    (True, True)
    >>> counter_form(views_re().match("360 views")), counter_form(views_re().match("12,345 views"))
    (False, False)
    """
    return bool(match.group("views2") or match.group("k") or match.group("stamp"))


def view_count(match: regex.Match[str]) -> int:
    """The number a :func:`views_re` match counts ("1.2K views": 1200).

    >>> view_count(views_re().match("1.2K views")), view_count(views_re().match("Views: 1 024"))
    (1200, 1024)
    """
    digits = match.group("views") or match.group("views2")
    text = match.group(0)
    scale = {"k": 1000, "m": 1000000}.get((match.group("k") or "").lower(), 1)
    if scale > 1:
        number = regex.search(r"\d+(?:[.,]\d)?", text)
        return int(float(number.group(0).replace(",", ".")) * scale) if number else 0
    return int(regex.sub(r"\D", "", digits))


#: A name in a byline: two to four capitalised words, a particle between them ("Ursula von
#: der Leyen"), initials ("J. R. Smith"), hyphens and apostrophes ("Jean-Pierre O'Neill").
BYLINE_NAME = (
    r"\p{Lu}[\p{L}\p{M}'’-]*\.?"
    r"(?:[ \t]+(?:(?:de|da|di|del|della|van|von|der|den|le|la|du|dos|bin|al|ten|ter)[ \t]+){0,2}"
    r"\p{Lu}[\p{L}\p{M}'’-]*\.?){1,3}"
)
#: A byline on a line of its own: "By" (or "Written by", "Author:") and the names (joined by
#: commas, "and", "&"), then maybe the author's role or outlet after a comma, a bar, a dash or
#: in brackets ("By Marco Rossi, ANSA correspondent", "By Anna Bianchi | BBC News", "By Ivan
#: Petrov (Reuters)"); a role may name a place after a comma ("BBC News, Rome").
BYLINE_PATTERN = (
    r"\s*(?:By|BY|Written[ \t]+by|WRITTEN[ \t]+BY|Authors?:|AUTHORS?:)[ \t]+(?P<names>"
    + BYLINE_NAME
    + r"(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|AND)[ \t]+|[ \t]*&[ \t]*)"
    + BYLINE_NAME
    + r"){0,4})"
    r"(?:[ \t]*(?P<sep>,|\||[–—-])[ \t]*(?P<role>[^\n|()]{1,80}?)"
    r"|[ \t]*\([ \t]*(?P<paren>[^\n|()]{1,60}?)[ \t]*\))?"
    r"[ \t]*(?:\r?\n|\Z)\s*"
)
#: A name whose last word (the surname) is at least this frequent in English (Zipf) is a
#: name only with another sign of a byline (a role, a second name, another header line
#: beside it): "By Royal Appointment" and "By Gazprom Standards" are headlines, "By Marco
#: Rossi" is a byline.
BYLINE_RARE_ZIPF = 4.0
#: Splits the names of a byline.
BYLINE_SPLIT_RE = compiled_pattern(
    "header-byline-split-re", r"[ \t]*,[ \t]*|[ \t]+(?:and|AND)[ \t]+|[ \t]*&[ \t]*"
)


@once
def byline_re() -> regex.Pattern[str]:
    """The pattern of a byline line (anchored by ``match``)."""
    return compiled_pattern("header-byline", BYLINE_PATTERN)


@once
def byline_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words no name in a byline has (``data/header_byline_not_names.txt``, the weekdays
    and the months), and the words of an author's role (``data/header_byline_roles.txt``).

    >>> not_names, roles = byline_words()
    >>> "tuesday" in not_names, "february" in not_names, "jan" in not_names
    (True, True, False)
    >>> "correspondent" in roles
    True
    """
    not_names = set(load_table("header_byline_not_names.txt"))
    # The full names only: "Jan", "Sat" may be a name or part of one.
    not_names.update(line.split()[0] for line in load_table("header_months.txt"))
    not_names.update(line.split()[0] for line in load_table("header_weekdays.txt"))
    return frozenset(w.lower() for w in not_names), frozenset(
        w.lower() for w in load_table("header_byline_roles.txt")
    )


@once
def _agencies() -> frozenset[str]:
    return frozenset(a.casefold() for a in load_table("boilerplate_agencies.txt"))


@once
def _outlet_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_table("header_byline_outlets.txt"))


#: Where a byline's author writes from: "in Rome", "from New York".
ROLE_PLACE_RE = compiled_pattern(
    "header-role-place-re", r"(?:in|from)[ \t]+\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}"
)
#: A place alone after a byline's role: "Rome", "New York".
PLACE_RE = compiled_pattern(
    "header-place-re", r"\p{Lu}[\p{L}'’.-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){0,2}"
)
#: A news outlet's name: capitalised words (digits after a first one: "TVN24"), "The" and
#: "of" among them.
OUTLET_RE = compiled_pattern(
    "header-outlet-re",
    r"(?:The[ \t]+)?\p{Lu}[\p{L}\d'’.-]*"
    r"(?:[ \t]+(?:of[ \t]+|the[ \t]+){0,2}\p{Lu}[\p{L}\d'’.-]*){0,4}",
)
#: A first word in capitals that names an outlet: "BBC", "CNN", "RAI", "TVN24".
OUTLET_ACRONYM_RE = compiled_pattern(
    "header-outlet-acronym-re", r"(?:The[ \t]+)?\p{Lu}{2,6}\d{0,3}(?:[ \t]|$)"
)


def byline_role(role: str) -> bool:
    """Whether the text after a byline's names is its author's role: it has a role word
    ("ANSA correspondent", "staff writer", "special envoy to Kyiv"), is a wire agency, or
    says where the author writes from ("in Rome").

    >>> byline_role("ANSA correspondent"), byline_role("Reuters"), byline_role("the minister said")
    (True, True, False)
    >>> byline_role("in Rome"), byline_role("in the end")
    (True, False)
    """
    if ROLE_PLACE_RE.fullmatch(role.strip()):
        return True
    words = regex.findall(r"[\p{L}]+", role.casefold())
    if not words or len(words) > 8:
        return False
    roles = byline_words()[1]
    return any(w in roles for w in words) or role.strip().casefold() in _agencies()


def news_outlet(name: str, *, bar: bool = False) -> bool:
    """Whether ``name`` names a news outlet: capitalised words that end in a word outlets end
    in ("BBC News", "The Moscow Times", "Kyiv Post") or start with one in capitals ("CNN",
    "RAI News 24"). After a bar (``bar``), which sets an outlet off in a page's header, any
    capitalised words are taken.

    >>> news_outlet("BBC News"), news_outlet("The Moscow Times"), news_outlet("CNN")
    (True, True, True)
    >>> news_outlet("Anna Bianchi"), news_outlet("Anna Bianchi", bar=True)
    (False, True)
    >>> news_outlet("the minister said", bar=True), news_outlet("Rome said on Tuesday")
    (False, False)
    """
    name = name.strip()
    if not OUTLET_RE.fullmatch(name):
        return False
    if bar or OUTLET_ACRONYM_RE.match(name):
        return True
    return name.rsplit(None, 1)[-1].casefold() in _outlet_words()


def role_parts(parts: list[str], *, bar: bool) -> tuple[bool, bool] | None:
    """Whether the comma-separated ``parts`` after a byline's names make a role, and if so
    whether they say who the author is (a role word: ``True``) or only where they write
    from, for which outlet or agency (``False``); ``None`` when they make no role. The
    first part is a role, an agency, an outlet or a place ("in Rome"); the others (two at
    most) a role, an outlet or a place ("Rome").

    >>> role_parts(["BBC News", "Rome"], bar=False), role_parts(["ANSA correspondent"], bar=False)
    ((True, False), (True, True))
    >>> role_parts(["in Rome"], bar=False), role_parts(["the minister said"], bar=False)
    ((True, False), None)
    >>> role_parts(["Bloomberg"], bar=False), role_parts(["Reuters correspondent"], bar=False)
    ((True, False), (True, True))
    >>> role_parts(["BBC News", "the minister said"], bar=False) is None
    True
    """
    if not parts or len(parts) > 3:
        return None
    says = False
    for k, part in enumerate(parts):
        if ROLE_PLACE_RE.fullmatch(part):
            continue
        if byline_role(part):
            # An agency after a comma or a dash says no more than an outlet: "By Tesla
            # Standards - Bloomberg" is a headline with its site; after a bar, which sets off
            # a byline's outlet, it says who the author writes for ("By John Smith | Reuters").
            words = regex.findall(r"\p{L}+", part.casefold())
            says = says or (bar and k == 0) or any(w in byline_words()[1] for w in words)
        elif not (news_outlet(part, bar=bar and k == 0) or (k and PLACE_RE.fullmatch(part))):
            return None
    return True, says


def byline_names(line: str) -> tuple[tuple[str, ...], bool] | None:
    """The authors of a byline line ("By Marco Rossi and Anna Bianchi") and whether the line
    is a byline beyond doubt (``False``: a single name without a role whose last word
    English uses often, which another header line beside it must confirm); ``None`` when
    the line is no byline.

    >>> byline_names("By Marco Rossi")
    (('Marco Rossi',), True)
    >>> byline_names("By Marco Rossi and Anna Bianchi\\n")
    (('Marco Rossi', 'Anna Bianchi'), True)
    >>> byline_names("By Marco Rossi, ANSA correspondent")
    (('Marco Rossi',), True)
    >>> byline_names("By John Smith"), byline_names("By Gazprom Standards")
    ((('John Smith',), False), (('Gazprom Standards',), False))
    >>> byline_names("By Tuesday the troops had left.") is None
    True
    >>> byline_names("By Tuesday Morning") is None, byline_names("By the way") is None
    (True, True)
    >>> byline_names("By Marco Rossi, the minister said") is None
    True
    >>> byline_names("By Hook Or By Crook"), byline_names("By Russian Missiles")
    (None, None)
    >>> byline_names("By Sleeper Train, from Vienna"), byline_names("By Marco Rossi, in Rome")
    ((('Sleeper Train',), False), (('Marco Rossi',), True))

    An outlet after the names, and other ways to introduce them:

    >>> byline_names("By Anna Bianchi | BBC News"), byline_names("By Ivan Petrov (Reuters)")
    ((('Anna Bianchi',), True), (('Ivan Petrov',), True))
    >>> byline_names("By Marco Rossi, BBC News, Rome"), byline_names("Written by Marco Rossi")
    ((('Marco Rossi',), True), (('Marco Rossi',), True))
    >>> byline_names("By John Smith | The Times"), byline_names("Author: Anna Bianchi")
    ((('John Smith',), False), (('Anna Bianchi',), True))
    """
    m = byline_re().match(line)
    return None if m is None else _byline_match(m)


def _byline_match(m: regex.Match[str]) -> tuple[tuple[str, ...], bool] | None:
    names = [n for n in BYLINE_SPLIT_RE.split(m.group("names")) if n]
    # An outlet the names run into ("By Marco Rossi, BBC News") starts the role.
    cut = next((k for k in range(1, len(names)) if news_outlet(names[k])), len(names))
    parts = names[cut:]
    del names[cut:]
    # A bar sets the outlet off only when it comes right after the names.
    bar = not parts and m.group("sep") == "|"
    role = m.group("role") if m.group("role") is not None else m.group("paren")
    if role is not None:
        parts += [p.strip() for p in role.split(",")]
    role_says = False
    if parts:
        found = role_parts(parts, bar=bar)
        if found is None:
            return None
        role_says = found[1]
    not_names = byline_words()[0]
    common = True
    for name in names:
        words = [w.strip(".'’").lower() for w in name.split()]
        if any(w in not_names for w in words):
            return None
        if zipf_frequency(words[-1]) < BYLINE_RARE_ZIPF:
            common = False
    # Where the author writes from ("from Vienna") or the outlet says less than a role:
    # "By Sleeper Train, from Vienna" is a headline.
    return tuple(names), role_says or len(names) > 1 or not common


class HeaderLine(NamedTuple):
    """One line of the header block at the start of a document: its span (the whitespace
    after it included), its kind ("date", "updated", "reading", "byline") and what it says
    (a date's ISO value, none when it reads two ways; a byline's names)."""

    start: int
    end: int
    kind: str
    values: tuple[str, ...]
    sure: bool = True


#: At most this many header lines are read.
MAX_HEADER_LINES = 8


def _date_at(text: str, pos: int) -> tuple[int, str | None] | None:
    """The end and value of a date header at ``pos`` (see :func:`parse_date_header`)."""
    if (m := header_re().match(text, pos)) is not None:
        try:
            day = dt.date.fromisoformat(m.group("date"))
        except ValueError:
            return None
        time = m.group("time")
        return m.end(), day.isoformat() + ("T" + time[1:] if time else "")
    if (m := line_header_re().match(text, pos)) is not None:
        days = written_dates(m)
        if not days or memo_field_follows(text, m.end()):
            return None
        return m.end(), days[0].isoformat() if len(days) == 1 else None
    if (m := bare_date_re().match(text, pos)) is not None:
        # A bare date is a header only with text after it, and when no other line starts
        # with a date or a time (a liveblog's, a diary's entries).
        days = written_dates(m)
        if (
            not days
            or m.end() >= len(text)
            or memo_field_follows(text, m.end())
            or dated_entries_follow(text, m.end())
        ):
            return None
        return m.end(), days[0].isoformat() if len(days) == 1 else None
    return None


def _updated_at(text: str, pos: int) -> tuple[int, str | None] | None:
    iso_re, written_re = updated_res()
    if (m := iso_re.match(text, pos)) is not None:
        try:
            day = dt.date.fromisoformat(m.group("date"))
        except ValueError:
            return None
        time = m.group("time")
        return m.end(), day.isoformat() + ("T" + time[1:] if time else "")
    if (m := written_re.match(text, pos)) is not None:
        days = written_dates(m)
        if not days:
            return None
        return m.end(), days[0].isoformat() if len(days) == 1 else None
    return None


def _line_at(text: str, pos: int) -> HeaderLine | None:
    if (found := _date_at(text, pos)) is not None:
        return HeaderLine(pos, found[0], "date", () if found[1] is None else (found[1],))
    if (found := _updated_at(text, pos)) is not None:
        return HeaderLine(pos, found[0], "updated", () if found[1] is None else (found[1],))
    if (m := reading_time_re().match(text, pos)) is not None:
        return HeaderLine(pos, m.end(), "reading", (m.group("n") or m.group("n2"),))
    if (m := views_re().match(text, pos)) is not None and m.end() < len(text):
        return HeaderLine(pos, m.end(), "views", (str(view_count(m)),), counter_form(m))
    if (
        (m := byline_re().match(text, pos)) is not None
        and (byline := _byline_match(m)) is not None
        # A views counter ("Views: 1,204") is no fact box's line.
        and (views_re().match(text, m.end()) is not None or not credits_follow(text, m.end()))
    ):
        return HeaderLine(pos, m.end(), "byline", byline[0], byline[1])
    return None


@once
def _credit_heads() -> tuple[str, ...]:
    return tuple(
        label.lower() + ("" if label.endswith(":") else " ")
        for label in load_table("credits_labels.txt")
    )


def credits_line(line: str) -> bool:
    """Whether ``line`` is a line of a work's credits or of a review's fact box ("Directed
    by Sam Mendes", "Publisher: Fourth Estate"; ``data/credits_labels.txt``).

    >>> credits_line("Directed by Sam Mendes"), credits_line("Pages: 900")
    (True, True)
    >>> credits_line("Shares hit by MS drug suspension"), credits_line("Published: 15/02/2022")
    (False, False)
    """
    return line.lstrip()[:32].lower().startswith(_credit_heads())


def credits_follow(text: str, end: int) -> bool:
    """Whether the line at ``end`` (after a byline-like line) is a line of credits or of a
    fact box, not a header line: then "Written by ..." or "Author: ..." above it is part of
    the credits ("Written by Tom Stoppard / Directed by Sam Mendes"; a book's "Author:",
    "Publisher:"), not the article's byline.

    >>> credits_follow("Written by Tom Stoppard\\nDirected by Sam Mendes\\n", 24)
    True
    >>> credits_follow("Author: Hilary Mantel\\nPublisher: Fourth Estate\\n", 22)
    True
    >>> credits_follow("By Marco Rossi\\nPublished: 15/02/2022\\n", 15)
    False
    >>> credits_follow("By Marco Rossi\\nShares hit by MS drug suspension\\n", 15)
    False
    """
    line_end = text.find("\n", end)
    return credits_line(text[end : len(text) if line_end == -1 else line_end])


@once
def header_heads() -> tuple[str, ...]:
    """What a header line may start with (after whitespace, lower case), a cheap gate: the
    first word of each key with a space or a colon after it, the first words of the
    reading-time phrases, "by " and the digits.

    >>> heads = header_heads()
    >>> "published " in heads, "updated:" in heads, "by " in heads, "4" in heads
    (True, True, True, True)
    """
    keys = load_table("header_keys.txt") + load_table("header_updated_keys.txt")
    words = {k.split()[0].lower() for k in keys if k.strip()}
    words |= {"reading", "read", "estimated", "time"}
    heads = {w + end for w in words for end in (" ", ":", "\t")}
    heads |= {"by ", "written ", "author:", "authors:", "views:", "views "}
    return tuple(sorted(heads | set("0123456789")))


@once
def date_names() -> frozenset[str]:
    """The names of months and weekdays, lower case: a bare date line starts with one
    ("Tuesday, 15 February 2022", "Feb 15, 2022"), the other gate of :func:`header_block`.

    >>> "feb" in date_names(), "tuesday" in date_names(), "may" in date_names()
    (True, True, True)
    """
    return frozenset(month_numbers()) | frozenset(weekday_numbers())


def header_block(text: str) -> tuple[HeaderLine, ...]:
    """The header lines at the start of ``text``, one after another: date headers (NC301),
    "updated" lines (NC302), reading times (NC303) and bylines (NC304), in any order. A
    byline needs text after the block (one that is not sure, see :func:`byline_names`, also
    needs another header line: :func:`find_byline` looks).

    >>> text = "Published on 15/02/2022 at 10:32\\nReading time: 4 min\\nBy Marco Rossi\\n\\nRome"
    >>> [(ln.kind, ln.values) for ln in header_block(text)]
    [('date', ('2022-02-15',)), ('reading', ('4',)), ('byline', ('Marco Rossi',))]
    >>> header_block("By Marco Rossi")
    ()
    >>> [(ln.kind, ln.sure) for ln in header_block("By John Smith\\n4 min read\\n\\nThe talks")]
    [('byline', False), ('reading', True)]
    """
    # The gate: the first word (no regular expression, no hashing of the text).
    head = text[:64].lstrip()
    if len(head) < 16 and len(text) > 64:  # a long run of whitespace first
        head = text.lstrip()
    head = head[:16].lower()
    if not (head[:1].isdigit() or head[:3] in _gate_prefixes()):
        return ()
    if head.startswith(header_heads()):
        return _header_block(text)
    # A month's or a weekday's name first: a bare date line.
    if head.split(None, 1)[0].rstrip(",.") in date_names():
        return _header_block(text)
    return ()


@once
def _gate_prefixes() -> frozenset[str]:
    """The first three characters of :func:`header_heads` and of :func:`date_names`: one
    set lookup turns most texts away."""
    heads = header_heads() + tuple(date_names())
    return frozenset(h[:3] for h in heads if not h[:1].isdigit())


@lru_cache(maxsize=8)
def _header_block(text: str) -> tuple[HeaderLine, ...]:
    # Cached: the four rules of the family look at the same text one after another.
    lines: list[HeaderLine] = []
    pos = 0
    while len(lines) < MAX_HEADER_LINES and (line := _line_at(text, pos)) is not None:
        lines.append(line)
        pos = line.end
    if pos >= len(text):  # a byline needs the article after it
        for k, line in enumerate(lines):
            if line.kind == "byline":
                return tuple(lines[:k])
    return tuple(lines)


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
    >>> parse_date_header("Published on 15/02/2022 at 10:32\\nThe spokesman said")
    (33, '2022-02-15')
    >>> parse_date_header("Date: 03/04/2022\\nThe spokesman said")
    (17, None)
    >>> parse_date_header("Published 15 February 2022 in Nature, the study found") is None
    True
    """
    values: list[str | None] = []
    end = 0
    while (found := _date_at(text, end)) is not None:
        end, value = found
        values.append(value)
    if not values:
        return None
    return end, next((v for v in values if v is not None), None)


def _runs(lines: tuple[HeaderLine, ...], kind: str) -> list[list[HeaderLine]]:
    """The runs of consecutive header lines of ``kind`` (each run is removed as one block)."""
    runs: list[list[HeaderLine]] = []
    previous = None
    for line in lines:
        if line.kind == kind:
            if previous is not None and previous.kind == kind:
                runs[-1].append(line)
            else:
                runs.append([line])
        previous = line
    return runs


#: The separator before a header line run into the one before it, and the end of a line.
_MID_LINE_LEAD_RE = compiled_pattern("header-mid-line-lead-re", r"[ \t]*[-–—|•·][ \t]*\Z")
_LINE_BREAK_RE = compiled_pattern("header-line-break-re", r"[ \t]*(?:\r?\n|\Z)")


def removal_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to remove for header lines at ``start:end``: as it is, unless they start
    in the middle of a line (an "updated" part or a views counter after a date the rule
    before took, or left, "Published on 15/02/2022 - Updated on 16/02/2022"); then the
    separator before them goes and the line break after them stays.

    >>> text = "Published on 15/02/2022 - Updated on 16/02/2022\\n\\nKyiv"
    >>> removal_span(text, 26, 49), removal_span(text, 0, 26)
    ((23, 47), (0, 26))
    """
    if start == 0 or text[start - 1] == "\n":
        return start, end
    lead = _MID_LINE_LEAD_RE.search(text, max(0, start - 8), start)
    brk = _LINE_BREAK_RE.search(text, start, end)
    return (start if lead is None else lead.start()), (end if brk is None else brk.start())


def _dated_lines(
    text: str, kind: str, message: Callable[[str, str | None], str]
) -> tuple[Change | Meta, ...]:
    """The header block's lines of ``kind`` ("date" or "updated") removed, a run of them as
    one change with ``message(shown, read)`` (the run's text, the ISO date it reads or
    None), and the first date read recorded as ``metadata[kind]``."""
    lines = header_block(text)
    if not lines:
        return ()
    out: list[Change | Meta] = []
    value = next((ln.values[0] for ln in lines if ln.kind == kind and ln.values), None)
    if value is not None:
        out.append(Meta(kind, value))
    for run in _runs(lines, kind):
        start, end = removal_span(text, run[0].start, run[-1].end)
        read = next((ln.values[0] for ln in run if ln.values), None)
        out.append(Change(start, end, "", message(text[start:end].strip(), read), removed=True))
    return tuple(out)


def _date_message(shown: str, read: str | None) -> str:
    if read is None:
        return (
            f"leaked metadata header removed ({shown}: day and month could be swapped, "
            "so no date is returned)"
        )
    return f"leaked metadata header removed (date {read})"


def _updated_message(shown: str, read: str | None) -> str:
    return "'updated' line removed" + (
        f" (updated {read})" if read else " (day and month could be swapped: no date)"
    )


def find_date_header(text: str, ctx: Context) -> tuple[Change | Meta, ...]:
    return _dated_lines(text, "date", _date_message)


def find_updated_header(text: str, ctx: Context) -> tuple[Change | Meta, ...]:
    return _dated_lines(text, "updated", _updated_message)


def find_reading_time(text: str, ctx: Context) -> tuple[Change, ...]:
    return tuple(
        Change(ln.start, ln.end, "", "reading-time line removed", removed=True)
        for ln in header_block(text)
        if ln.kind == "reading"
    )


def find_view_count(text: str, ctx: Context) -> tuple[Change | Meta, ...]:
    block = header_block(text)
    lines = [ln for ln in block if ln.kind == "views"]
    if not lines:
        return ()
    # "360 views" alone may be a title: it goes only beside another header line.
    if not all(ln.sure for ln in lines) and not byline_confirmed(
        block, ctx.metadata.get("removed"), _CONFIRMING_VIEWS
    ):
        lines = [ln for ln in lines if ln.sure]
    out: list[Change | Meta] = [Meta("views", int(ln.values[0])) for ln in lines[:1]]
    for ln in lines:
        start, end = removal_span(text, ln.start, ln.end)
        shown = text[ln.start : ln.end].strip()
        out.append(Change(start, end, "", f"views counter removed ({shown})", removed=True))
    return tuple(out)


# --- Page-title suffixes (NC306) ---

#: A page title is at most this long (the suffix left out), in characters.
TITLE_MAX_CHARS = 250
#: A title keeps at least this many words when its suffix goes.
TITLE_MIN_WORDS = 3
#: What comes between a title and its suffix: a spaced dash or bar, a colon, or a dash run
#: into the words on both sides ("weapons-DW-09.02.2023", taken only with a site and a date).
TITLE_LEAD = r"(?P<lead>[ \t]+[-–—|•][ \t]+|[ \t]*:[ \t]+|(?<=\w)[-–—](?=\w))"
#: A domain name as a site ("INFOX.ru", "Gazeta.Ru"); its last part must be a top-level
#: domain (``data/domain_tlds.txt``).
TITLE_DOMAIN = r"(?P<domain>[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?P<tld>\p{L}{2,12}))"


def _alternation(names: tuple[str, ...]) -> str:
    """``names`` as an alternation, longest first, any run of spaces as ``[ \\t]+``."""
    unique = sorted({" ".join(n.split()) for n in names if n.strip()}, key=lambda n: (-len(n), n))
    return "|".join(regex.escape(n).replace(r"\ ", r"[ \t]+") for n in unique)


@lru_cache(maxsize=8)
def title_suffix_re(extra_sites: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """The pattern of a page title's suffix, to search for in the title alone: a site of
    ``data/header_title_sites.txt`` (and ``extra_sites``) with its edition, a domain name
    after a site's sections, a date (and a time), or a site and a date."""
    sites = _alternation(load_table("header_title_sites.txt") + extra_sites)
    editions = _alternation(load_table("header_title_editions.txt"))
    sections = _alternation(load_table("header_title_sections.txt"))
    site = (
        r"(?:(?P<site>(?P<name>(?i:" + sites + r"))(?:[ \t]+(?i:" + editions + r"))?"
        r"(?:[ \t]+(?P=name))?)"
        r"|(?P<sections>(?:(?i:" + sections + r")[ \t]*:[ \t]+){0,3})" + TITLE_DOMAIN + ")"
    )
    pattern = (
        TITLE_LEAD
        + r"(?:"
        + site
        + r"(?:(?P<sep2>[ \t]*[-–—|•][ \t]*|,[ \t]+)(?=\p{L}|\d)|(?=[ \t]*\Z)))?"
        + r"(?P<when>"
        + written_date_body()
        + r")?[ \t]*\Z"
    )
    # Kept compiled in the cache folder (see newsclean.resources.compiled_patterns): with
    # its tables of sites and months, compiling it costs ~45 ms in every new process.
    return compiled_pattern("header-title-suffix", pattern)


@lru_cache(maxsize=8)
def _tail_words(extra_sites: tuple[str, ...] = ()) -> frozenset[str]:
    names = load_table("header_title_sites.txt") + load_table("header_title_editions.txt")
    return frozenset(n.split()[-1].casefold() for n in names + extra_sites if n.strip())


def _tail_gate(title: str, extra_sites: tuple[str, ...]) -> bool:
    """The gate: a suffix ends in a digit (a date), a domain name or the last word of a site
    or an edition (``title`` has no space at its end)."""
    last = title[max(title.rfind(" "), title.rfind("\t")) + 1 :]
    return bool(last) and (
        last[-1].isdigit() or "." in last or last.casefold() in _tail_words(extra_sites)
    )


@once
def _tlds() -> frozenset[str]:
    return frozenset(t.lower() for t in load_table("domain_tlds.txt"))


class TitleSuffix(NamedTuple):
    """A page title's suffix: where it starts in the title, the site it names (empty: none),
    the ISO date it gives (``None``: none, or one that reads two ways) and whether it is
    the page's beyond doubt (``False``: a date alone, which may be the event's, see
    :func:`page_stamp`)."""

    start: int
    site: str
    date: str | None
    sure: bool = True


#: A clock's hours, minutes and seconds.
_CLOCK_RE = compiled_pattern("header-clock-re", r"(\d{1,2})(?:[:.]|h)(\d{2})(?::(\d{2}))?")


def page_stamp(clock: str) -> bool:
    """Whether the time after a title's date (``clock``, "" for none) reads as the page's
    stamp rather than an event's time: a page stamps the minute it published at, any
    minute ("00:12", "14:10"), while an event is set for a round time ("21:00", "10:30",
    "19:45"), and a date without a time is a day's, the page's or the event's. With seconds
    it is a stamp.

    >>> page_stamp(", 00:12"), page_stamp(", 14:10"), page_stamp(" 10:32:05")
    (True, True, True)
    >>> page_stamp(", 21:00"), page_stamp(" - 19:45"), page_stamp(" at 18h30"), page_stamp("")
    (False, False, False, False)
    """
    m = _CLOCK_RE.search(clock)
    if m is None:
        return False
    return m.group(3) is not None or int(m.group(2)) % 15 != 0


def title_suffix(title: str, extra_sites: tuple[str, ...] = ()) -> TitleSuffix | None:
    """The suffix a page adds to its title, if ``title`` has one: a site of the table
    (``data/header_title_sites.txt``), a domain name, a date and a time, or a site and a
    date. A date alone must be numeric or have a time; after a colon, a date needs a time
    and a site must be a domain name; a dash between words ("weapons-DW-09.02.2023") sets
    off a site with a date only. Any other " - X" is the headline's own ("... - Blair").

    >>> title_suffix("Relations with Germany are developing in waves - DW - 09.02.2023")
    TitleSuffix(start=46, site='DW', date='2023-02-09', sure=True)
    >>> title_suffix("Lithuania sent anti-aircraft guns to Ukraine - RT in Russian")
    TitleSuffix(start=44, site='RT in Russian', date=None, sure=True)
    >>> title_suffix("Depressurization occurred on the ISS: February 12, 2023, 00:12")
    TitleSuffix(start=36, site='', date='2023-02-12', sure=True)
    >>> title_suffix("Bloomberg named Trump's rival: In the world: Politics: INFOX.ru").site
    'INFOX.ru'
    >>> title_suffix("Russia launches offensive in Luhansk - ISW-DW-09.02.2023")
    TitleSuffix(start=42, site='DW', date='2023-02-09', sure=True)
    >>> title_suffix("Russian army suffered biggest losses - British intelligence") is None
    True
    >>> title_suffix("Abortion not a poll issue - Blair"), title_suffix("Review: Reuters at 150")
    (None, None)
    >>> title_suffix("The day the war began: 24 February 2022") is None
    True
    >>> title_suffix("The exhibition is open 15.02.2023 - 18.03.2023") is None
    True
    >>> title_suffix("Twitter gets a new name and address: X.com") is None
    True

    A date alone may be an event's: it is the page's only with a time a page stamps
    (see :func:`page_stamp`); else the suffix is found but not sure:

    >>> title_suffix("Elections in Turkey - 14.05.2023")
    TitleSuffix(start=19, site='', date='2023-05-14', sure=False)
    >>> title_suffix("Euro 2024 final Spain v England: July 14, 2024, 21:00").sure
    False
    """
    if len(title) > TITLE_MAX_CHARS + 80 or not _tail_gate(title.rstrip(), extra_sites):
        return None
    m = title_suffix_re(extra_sites).search(title)
    if m is None or (m.group("site") is None and m.group("domain") is None and not m.group("when")):
        return None
    head = title[: m.start()].rstrip()
    if len(head) > TITLE_MAX_CHARS or len(head.split()) < TITLE_MIN_WORDS:
        return None
    lead = m.group("lead").strip()
    site = m.group("site") or m.group("domain") or ""
    if head[-1].isdigit() and not site:
        return None  # the end of a range ("open 15.02.2023 - 18.03.2023")
    when = m.group("when")
    if site and not (site[0].isupper() or site[0].isdigit()):
        return None
    if m.group("domain") is not None and m.group("tld").lower() not in _tlds():
        return None
    if m.group("sections") and lead != ":":
        return None
    if m.group("domain") is not None and not m.group("sections") and not when:
        return None  # a domain alone may be the news ("Twitter renames itself: X.com")
    domain = m.group("domain") is not None or "." in site
    if lead == ":" and not (domain or (when and not site)):
        return None
    if lead == ":" and when and not m.group("clock"):
        return None
    if m.group("lead") == lead and lead != ":" and not (site and when):
        return None  # a dash between words: only a site and a date
    date: str | None = None
    if when:
        if not site and m.group("nd") is None and not m.group("clock"):
            return None  # a written-out date alone may be the headline's own
        days = written_dates(m)
        if not days:
            return None
        date = days[0].isoformat() if len(days) == 1 else None
    # A site beside the date makes it the page's; a date alone may be the event's
    # ("Elections in Turkey - 14.05.2023", "Euro 2024 final: July 14, 2024, 21:00").
    sure = bool(site) or page_stamp(m.group("clock") or "")
    return TitleSuffix(m.start(), " ".join(site.split()), date, sure)


def find_title_suffix(text: str, ctx: Context) -> tuple[Change | Meta, ...]:
    # The first line, after leading blank space; it must end in a letter or a digit, and
    # more text must follow it.
    start = len(text) - len(text.lstrip()) if text[:1].isspace() else 0
    nl = text.find("\n", start, start + TITLE_MAX_CHARS + 82)
    if nl < 0:
        return ()
    title = text[start:nl].rstrip()
    if not title or not title[-1].isalnum():
        return ()
    if not _tail_gate(title, ()) and not ctx.option("sites", ()):
        return ()
    if not text[nl : nl + 64].strip() and not text[nl:].strip():
        return ()
    sites = ctx.option("sites", ())
    extra = (sites,) if isinstance(sites, str) else tuple(str(s) for s in sites)
    found = title_suffix(title, extra)
    if found is None:
        return ()
    cut = start + found.start
    shown = title[found.start :].strip(" \t-–—|•:")
    if not found.sure:
        message = f"date after the title may be the page's or the event's ({shown}): left"
        return (Change(cut, start + len(title), None, message),)
    out: list[Change | Meta] = []
    if found.date is not None and "date" not in ctx.metadata:
        out.append(Meta("date", found.date))
    out.append(
        Change(cut, start + len(title), "", f"page-title suffix removed ({shown})", removed=True)
    )
    return tuple(out)


#: The rules whose header lines confirm a byline that is not sure (see :func:`byline_names`).
_CONFIRMING = frozenset({"NC301", "NC302", "NC303"})
#: The rules whose header lines confirm a views counter that is not sure (a byline too).
_CONFIRMING_VIEWS = _CONFIRMING | {"NC304"}


def byline_confirmed(
    block: tuple[HeaderLine, ...], removed: object, rules: frozenset[str] = _CONFIRMING
) -> bool:
    """Whether a byline (or a views counter) that is not sure stands in a header: the block
    has another line, or one was removed from the start before it (``removed``:
    ``metadata["removed"]``, the other header rules, ``rules``, run first and take their
    lines away).

    >>> block = header_block("By John Smith\\n4 min read\\n\\nThe talks")
    >>> byline_confirmed(block, None), byline_confirmed(block[:1], None)
    (True, False)
    >>> byline_confirmed(block[:1], [{"rule": "NC303", "start": 0}])
    True
    """
    if len(block) > 1:
        return True
    if not isinstance(removed, list):
        return False
    return any(isinstance(b, dict) and b.get("rule") in rules for b in removed)


def find_byline(text: str, ctx: Context) -> tuple[Change | Meta, ...]:
    block = header_block(text)
    lines = [ln for ln in block if ln.kind == "byline"]
    if not lines:
        return ()
    if not all(ln.sure for ln in lines) and not byline_confirmed(
        block, ctx.metadata.get("removed")
    ):
        return ()
    names = [name for ln in lines for name in ln.values]
    out: list[Change | Meta] = [Meta("author", names)]
    for ln in lines:
        out.append(
            Change(ln.start, ln.end, "", f"byline removed ({', '.join(ln.values)})", removed=True)
        )
    return tuple(out)


_WHY_HEADER = (
    "Scrapers keep the page's header above the article (date, reading time, byline); "
    "machine translation carries it into the English text."
)

OPTIONS = (Option("sites", "words", "more site names a page title may end in (NC306, 'DW', 'RT')"),)

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
    Rule(
        code="NC302",
        name="updated-header",
        family="header",
        summary="Remove an 'Updated: <date>' line at the start; the date is metadata['updated'] "
        "(not the publication date).",
        find=find_updated_header,
        before="Updated: 15.02.2022, 11:05\nThe spokesman for the Russian Ministry said",
        after="The spokesman for the Russian Ministry said",
        why=_WHY_HEADER,
    ),
    Rule(
        code="NC303",
        name="reading-time",
        family="header",
        summary="Remove a reading-time line at the start ('Reading time: 4 min', '4 min read').",
        find=find_reading_time,
        before="Reading time: 4 min\n\nThe spokesman for the Russian Ministry said",
        after="The spokesman for the Russian Ministry said",
        why=_WHY_HEADER,
    ),
    Rule(
        code="NC304",
        name="byline",
        family="header",
        summary="Remove a byline line at the start ('By Marco Rossi') and return the names as "
        "metadata['author'].",
        find=find_byline,
        before="By Marco Rossi, ANSA correspondent\n\nRome (ANSA) - The talks went on.",
        after="Rome (ANSA) - The talks went on.",
        why=_WHY_HEADER,
    ),
    Rule(
        code="NC305",
        name="view-count",
        family="header",
        summary="Remove a views counter line at the start ('Views: 12345'; '12345 views' "
        "beside another header line); the count is metadata['views'].",
        find=find_view_count,
        before="February 15, 08:45 • 12345 views\n\nThe Verkhovna Rada will meet on Thursday.",
        after="The Verkhovna Rada will meet on Thursday.",
        why=_WHY_HEADER,
    ),
    Rule(
        code="NC306",
        name="title-suffix",
        family="header",
        summary="Remove a site's name or a date that a page adds to the title on the first line "
        "('... - DW - 09.02.2023'); the date is metadata['date']. A date alone, which may be "
        "an event's, goes only with a page's time stamp; else it is reported.",
        find=find_title_suffix,
        before="NATO discusses further support for Ukraine - DW - 14.02.2023\n"
        "The talks went on in Brussels.",
        after="NATO discusses further support for Ukraine\nThe talks went on in Brussels.",
        why="Scrapers take the page's <title>, which carries the site's name and the date "
        "after the headline; machine translation keeps them.",
    ),
)
