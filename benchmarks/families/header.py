"""Injector for the header family (NC3xx): a leaked ``date`` header at the start.

Scrapers and dataset exporters write a record's fields into its text; a translation engine
then runs the header into the first sentence. The forms are the ones real documents show:
``" date 2022-02-15 The talks…"`` run into the text, ``"date: 2022-02-15"`` on its own line,
with or without leading whitespace, sometimes with a time; and, on a line of its own, the date
written as the site shows it ("Published: 15/02/2022 10:32", "Date: February 15, 2022"); and,
in a third of the documents, a page's header block instead: a date line ("Published on …",
"Posted: …"), maybe an "Updated" line, a reading time and a byline, in varying order. The
gold is the text itself.
"""

from __future__ import annotations

import datetime as dt
import random

from . import side_generator

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


#: A date line the translation left in the source language ("15 febbraio 2022", "15 de
#: febrero de 2022", "15. Februar 2022", "15 lutego 2022 r.", "15 février 2022"): the form
#: and the language's month names.
FOREIGN_DATES = (
    ("{d} {month} {y}", "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre"),
    ("{d} de {month} de {y}", "enero febrero marzo abril mayo junio julio agosto septiembre"),
    ("{d}. {month} {y}", "Januar Februar März April Mai Juni Juli August September"),
    ("{d} {month} {y} r.", "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września"),
    ("{d} {month} {y}", "janvier février mars avril mai juin juillet août septembre"),
)


def foreign_date(rng: random.Random) -> str:
    """A date between 2000 and 2024 (January to September: the months the forms list)
    written in a source language, sometimes with a time.

    >>> foreign_date(random.Random(3))
    '28 de mayo de 2024 - 19:30'
    """
    form, months = rng.choice(FOREIGN_DATES)
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(25 * 365))
    names = months.split()
    day = day.replace(month=1 + (day.month - 1) % len(names), day=min(day.day, 28))
    value = form.format(d=day.day, month=names[day.month - 1], y=day.year)
    if rng.random() < 0.3:
        value += f" - {rng.randrange(24):02d}:{rng.randrange(60):02d}"
    return value


#: Bylines: journalists of the source languages' sites (their names are not in the
#: document), one or two, sometimes with a role.
FIRST_NAMES = ("Marco", "Anna", "Olena", "Piotr", "Elena", "Javier", "Katarzyna", "Jürgen")
LAST_NAMES = ("Rossi", "Bianchi", "Kovalenko", "Nowak", "García", "Schneider", "Dubois")
ROLES = ("ANSA correspondent", "special correspondent", "staff writer", "EFE", "in Rome")
#: How sites introduce the names, and the outlet some put after them.
BYLINE_HEADS = ("By ", "By ", "By ", "BY ", "Written by ", "Author: ")
OUTLETS = (" | Kyiv Post", " (Reuters)", ", BBC News, Rome", " - The Moscow Times", " | RAI News")
#: Reading-time lines and the keys of date and "updated" lines, as sites write them.
READING_FORMS = ("Reading time: {n} min", "{n} min read", "{n} minutes reading", "{n}-minute read")
#: Views counters, as sites show them under the date.
VIEWS_FORMS = ("{n} views", "{n:,} views", "Views: {n}")
DATE_KEYS = ("Published on", "Published:", "Posted:", "Posted on", "Publication date:")
UPDATED_KEYS = ("Updated:", "Updated on", "Last updated:", "Last updated on")


def byline(rng: random.Random) -> str:
    """A byline of one or two names, sometimes with a role after a comma or the outlet.

    >>> byline(random.Random(2)).split()[0] in ("By", "BY", "Written", "Author:")
    True
    """
    names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"]
    if rng.random() < 0.3:
        names.append(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
    line = rng.choice(BYLINE_HEADS) + " and ".join(names)
    if line.startswith("BY "):
        line = line.upper()
    roll = rng.random()
    if roll < 0.3:
        line += ", " + rng.choice(ROLES)
    elif roll < 0.5:
        line += rng.choice(OUTLETS)
    return line


def header_block(rng: random.Random) -> str:
    """A page's header block: a date line and some of an "updated" line, a reading time
    and a byline, in a site's order, each on its own line.

    >>> block = header_block(random.Random(4))
    >>> block.count("\\n") >= 1, block.endswith("\\n")
    (True, True)
    """
    # The forms added later (a bare date, the French clock, the update on the date's line,
    # a views counter) are drawn from their own generator, so that the draws above stay.
    forms = side_generator(rng, "forms")
    key = rng.choice(DATE_KEYS)
    value = written_date(rng)
    date = value if forms.random() < 0.25 else key + " " + value
    if ":" not in value and rng.random() < 0.3:
        hour, minute = rng.randrange(24), rng.randrange(60)
        clock = f"{hour:02d}h{minute:02d}" if forms.random() < 0.3 else f"{hour:02d}:{minute:02d}"
        date += rng.choice(("", " at")) + " " + clock
    # A bare date line left in the source language, from a generator of its own.
    language = side_generator(rng, "language")
    if language.random() < 0.15:
        date = foreign_date(language)
    lines = [date]
    if rng.random() < 0.3:
        updated = rng.choice(UPDATED_KEYS) + " " + written_date(rng)
        if forms.random() < 0.3:
            lines[0] += " - " + updated
        else:
            lines.append(updated)
    if rng.random() < 0.6:
        lines.append(rng.choice(READING_FORMS).format(n=rng.randint(2, 15)))
    if forms.random() < 0.2:
        views = forms.choice(VIEWS_FORMS).format(n=forms.randint(10, 250000))
        lines.insert(forms.choice((1, len(lines))), views)
    if rng.random() < 0.7:
        lines.insert(rng.choice((0, len(lines))), byline(rng))
    return "\n".join(lines) + rng.choice(("\n", "\n\n"))


#: What a page adds to its title, which a scraper takes for the first line: the site and the
#: date, the site and its edition, a date and a time after a colon.
TITLE_SUFFIXES = (
    " - DW - {d:02d}.{m:02d}.{y}",
    "-DW-{d:02d}.{m:02d}.{y}",
    " - RT in Russian",
    " - Reuters",
    " | Kyiv Post",
    " - Teller Report Teller Report",
    ": {month} {d}, {y}, {hh:02d}:{mm:02d}",
    ": {d} {month} {y}, {hh:02d}:{mm:02d}",
)


#: The sites of :data:`TITLE_SUFFIXES`.
TITLE_SITES = ("DW", "RT", "Reuters", "Kyiv Post", "Teller Report")


def title_suffix(text: str, rng: random.Random) -> str:
    """``text`` with a page title's suffix after its first line, when that line reads as a
    title (three words or more, at most 200 characters, no full stop at its end, more text
    after it); else ``text``.

    >>> title_suffix("NATO discusses support for Ukraine\\nThe talks went on.", random.Random(1))
    'NATO discusses support for Ukraine-DW-10.01.2006\\nThe talks went on.'
    >>> title_suffix("The talks went on.\\nKyiv was calm.", random.Random(1))
    'The talks went on.\\nKyiv was calm.'
    """
    title, brk, rest = text.partition("\n")
    words = title.split()
    if not rest.strip() or len(words) < 3 or len(title) > 200 or title.rstrip()[-1] in ".!?":
        return text
    if any(f" - {site}" in title for site in TITLE_SITES):
        return text  # the page's own suffix is there already ("... - RT USA News")
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(25 * 365))
    suffix = rng.choice(TITLE_SUFFIXES)
    if suffix[0] in ":-" and not title.rstrip()[-1].isalnum():
        return text  # a colon or a bare dash after a quotation mark is no title's
    suffix = suffix.format(
        d=day.day,
        m=day.month,
        y=day.year,
        month=MONTHS[day.month - 1],
        hh=rng.randrange(24),
        mm=rng.randrange(60),
    )
    return title.rstrip() + suffix + brk + rest


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Prepend a leaked date header or a page's header block; the gold is ``text``.

    >>> dirty, gold = inject("The talks went on.", random.Random(0))
    >>> gold, dirty.endswith("\\nThe talks went on."), dirty.startswith("Posted: ")
    ('The talks went on.', True, True)
    >>> dirty, gold = inject("The talks went on.", random.Random(5))
    >>> gold, dirty.endswith("The talks went on."), "date" in dirty.lower()
    ('The talks went on.', True, True)
    """
    # A third of the documents get a header block; its draws come from their own generator,
    # seeded from where ``rng`` stands, so that the other documents' headers stay what they
    # were. A page title's suffix (NC306) goes on the first line of a fifth of the documents,
    # also drawn from a generator of its own.
    side = side_generator(rng, "block")
    title = side_generator(rng, "title")
    body = text.lstrip()
    if title.random() < 0.2:
        body = title_suffix(body, title)
    if side.random() < 0.35:
        rng.random()  # move on: the next document's generators must not be this one's
        return header_block(side) + body, text.lstrip()
    if rng.random() < 0.25:
        header = rng.choice(WRITTEN_KEYS) + ": " + written_date(rng) + rng.choice(("\n", "\n\n"))
        return header + body, text.lstrip()
    header = (
        rng.choice(LEADS)
        + rng.choice(KEYS)
        + rng.choice(SEPARATORS)
        + random_date(rng)
        + rng.choice(TAILS)
    )
    return header + body, text.lstrip()
