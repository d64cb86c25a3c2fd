"""Headers and metadata (NC3xx): leaked metadata headers at the start of a document.

Scrapers that serialise a record as text sometimes prepend its fields: ``date 2022-02-15``
before the first sentence, on its own line or run into it. The header is removed and its
value returned as metadata. Dates in running text are never touched, and the first word after
the header is left exactly as it is (it may be a mistranslation, such as "fly" for "Mosca").
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


@once
def header_re() -> regex.Pattern[str]:
    """The pattern of a leaked date header (anchored by ``match``), built once (and kept
    compiled in the cache folder, see :func:`newsclean.resources.compiled_patterns`)."""
    keys = "|".join(
        regex.escape(k).replace(r"\ ", r"[ \t]+") for k in load_table("header_keys.txt")
    )
    pattern = (
        r"\s*(?i:"
        + keys
        + r")(?:[ \t]*:[ \t]*|[ \t]+)"
        + ISO_DATE
        # The header ends at whitespace (then the text) or at the end of the text.
        + r"(?=\s|\Z)\s*"
    )
    return compiled_patterns("header", (pattern,))[0]


def parse_date_header(text: str) -> tuple[int, str] | None:
    """The end offset and ISO value of a leaked date header at the start of ``text``.

    A header repeated back to back (the exporter ran twice) is removed whole; the first value
    is the date.

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
    """
    pattern = header_re()
    first: str | None = None
    end = 0
    while (m := pattern.match(text, end)) is not None:
        try:
            day = dt.date.fromisoformat(m.group("date"))
        except ValueError:
            break
        if first is None:
            first = day.isoformat() + ("T" + m.group("time")[1:] if m.group("time") else "")
        end = m.end()
    return None if first is None else (end, first)


def find_date_header(text: str, ctx: Context) -> tuple[Change | Meta, ...]:
    parsed = parse_date_header(text)
    if parsed is None:
        return ()
    end, value = parsed
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
