"""The header family (NC301): dates written the way sites show them, on a line of their own."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.rules.header import parse_date_header

MONTHS = tuple(calendar.month_name[1:])
KEYS = st.sampled_from(["date", "Date", "DATE", "published", "Published", "Publication date"])
DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
NUMERIC = st.sampled_from(["{d:02d}/{m:02d}/{y}", "{d}.{m}.{y}", "{d:02d}-{m:02d}-{y}"])
NAMED = st.sampled_from(["{month} {d}, {y}", "{d} {month} {y}", "{d} {mon}. {y}", "{mon} {d} {y}"])
TIMES = st.sampled_from(["", " 10:32", ", 09:05", " at 10.32 a.m. CET", " - 23:59"])
SENTENCE = "Moscow announced the withdrawal of part of the troops."


def written(form: str, day: dt.date) -> str:
    month = MONTHS[day.month - 1]
    return form.format(d=day.day, m=day.month, y=day.year, month=month, mon=month[:3])


def certain(form: str, day: dt.date) -> bool:
    """Whether the numeric ``form`` of ``day`` can be read only one way (the test's own
    statement of the rule: dots are day first; a slash or a dash with a day and a month
    that are both at most 12 and differ could be either)."""
    return "." in form or day.day > 12 or day.day == day.month


@settings(deadline=None)  # the first example loads the rules
@given(
    KEYS, st.sampled_from([": ", " ", ":\t"]), NAMED, DAYS, TIMES, st.sampled_from(["\n", "\n\n"])
)
def test_a_written_out_date_on_its_own_line_is_removed_and_returned(
    key: str, sep: str, form: str, day: dt.date, time: str, tail: str
) -> None:
    text = key + sep + written(form, day) + time + tail + SENTENCE
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    assert result.text == SENTENCE
    assert result.metadata["date"] == day.isoformat()


@settings(deadline=None)  # the first example loads the rules
@given(KEYS, NUMERIC, DAYS, TIMES)
def test_a_numeric_date_is_returned_only_when_it_reads_one_way(
    key: str, form: str, day: dt.date, time: str
) -> None:
    text = key + ": " + written(form, day) + time + "\n" + SENTENCE
    parsed = parse_date_header(text)
    # the header goes either way; its date is returned only when it is certain
    assert parsed == (len(text) - len(SENTENCE), day.isoformat() if certain(form, day) else None)
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    assert result.text == SENTENCE
    assert result.metadata.get("date") == (day.isoformat() if certain(form, day) else None)


@settings(deadline=None)  # the first example loads the rules
@given(KEYS, st.one_of(NAMED, NUMERIC), DAYS, st.sampled_from(["in", "by", "and", "the", "was"]))
def test_a_written_date_with_prose_after_it_on_its_line_is_left(
    key: str, form: str, day: dt.date, word: str
) -> None:
    text = key + " " + written(form, day) + " " + word + " Nature, the study found.\n" + SENTENCE
    assert parse_date_header(text) is None
    assert newsclean.fix(text, newsclean.Config(select=["NC3"])) == text


def test_a_written_date_in_the_first_sentence_is_running_text() -> None:
    text = "On 15/02/2022 the troops began to withdraw, the ministry said on 16 February 2022."
    assert newsclean.detect(text) == []


# --- The header block: "updated" lines (NC302), reading times (NC303), bylines (NC304) ---

FIRST = st.sampled_from(["Marco", "Anna", "Olena", "Jan", "Hans", "Piotr", "Elena"])
LAST = st.sampled_from(["Rossi", "Bianchi", "Kovalenko", "Kowalski", "Müller", "Nowak"])
READING = st.sampled_from(
    ["Reading time: {n} min", "{n} min read", "{n} minutes reading", "Read time: {n} minutes"]
)
UPDATED_KEYS = st.sampled_from(["Updated", "Last updated", "Updated on", "Last updated on"])


@settings(deadline=None)  # the first example loads the rules
@given(
    st.permutations(["date", "reading", "byline"]),
    DAYS,
    st.lists(st.tuples(FIRST, LAST), min_size=1, max_size=3, unique=True),
    st.integers(1, 30),
    READING,
    st.sampled_from(["\n", "\n\n"]),
)
def test_a_header_block_in_any_order_is_removed_and_its_facts_returned(
    order: list[str],
    day: dt.date,
    names: list[tuple[str, str]],
    minutes: int,
    reading: str,
    tail: str,
) -> None:
    authors = [f"{first} {last}" for first, last in names]
    byline = "By " + (
        authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    )
    lines = {
        "date": "Published on " + written("{d} {month} {y}", day) + " at 10:32",
        "reading": reading.format(n=minutes),
        "byline": byline,
    }
    text = "\n".join(lines[k] for k in order) + tail + SENTENCE
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    assert result.text == SENTENCE
    assert result.metadata["date"] == day.isoformat()
    assert result.metadata["author"] == authors
    # nothing lost: the removed blocks and the text rebuild the input
    removed = sorted(result.metadata["removed"], key=lambda b: b["start"])
    assert "".join(b["text"] for b in removed) + result.text == text


@settings(deadline=None)  # the first example loads the rules
@given(UPDATED_KEYS, NAMED, DAYS, TIMES)
def test_an_updated_date_is_returned_but_never_as_the_publication_date(
    key: str, form: str, day: dt.date, time: str
) -> None:
    text = key + ": " + written(form, day) + time + "\n" + SENTENCE
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    assert result.text == SENTENCE
    assert result.metadata["updated"] == day.isoformat()
    assert "date" not in result.metadata


@settings(deadline=None)  # the first example loads the rules
@given(
    st.sampled_from(["Tuesday", "Monday", "February", "March", "the", "then", "now", "2030,"]),
    st.sampled_from(["the troops had left.", "Morning the talks were over.", "Night Falls"]),
    st.sampled_from(["", "Published: 15/02/2022\n"]),
)
def test_a_sentence_that_opens_with_by_is_not_a_byline(word: str, rest: str, head: str) -> None:
    text = head + "By " + word + " " + rest + "\n\n" + SENTENCE
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC304"]))
    assert result.text == text
    assert "author" not in result.metadata


def test_a_byline_in_the_body_is_left() -> None:
    text = SENTENCE + "\n\nBy Marco Rossi\n\nThe talks went on."
    assert newsclean.fix(text) == text


def two_digit_readings(form: str, day: dt.date) -> set[dt.date]:
    """The test's own statement of how a two-digit year reads: dots are day first; a slash
    or a dash may be day first, month first or year first; 69-99 are 19xx."""

    def year(yy: int) -> int:
        return yy + (2000 if yy < 69 else 1900)

    a, b, yy = day.day, day.month, day.year % 100
    orders = [(year(yy), b, a)]
    if "." not in form:
        orders += [(year(yy), a, b), (year(a), b, yy)]
    out = set()
    for y, m, d in orders:
        with contextlib.suppress(ValueError):
            out.add(dt.date(y, m, d))
    return out


@settings(deadline=None)  # the first example loads the rules
@given(
    st.sampled_from(["{d:02d}.{m:02d}.{yy:02d}", "{d:02d}/{m:02d}/{yy:02d}", "{d}-{m}-{yy:02d}"]),
    st.dates(min_value=dt.date(1969, 1, 1), max_value=dt.date(2068, 12, 31)),
)
def test_a_two_digit_year_gives_a_date_only_when_it_reads_one_way(form: str, day: dt.date) -> None:
    text = "Published: " + form.format(d=day.day, m=day.month, yy=day.year % 100) + "\n" + SENTENCE
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    assert result.text == SENTENCE
    readings = two_digit_readings(form, day)
    assert result.metadata.get("date") == (day.isoformat() if len(readings) == 1 else None)


def test_a_lone_updated_line_is_removed_without_a_publication_date() -> None:
    # Was a must-not-change case of NC301 (an update is not the publication date); NC302
    # now removes the line and returns its date under its own key.
    text = "Updated: 15/02/2022\nKyiv remained calm, the U.S. embassy said."
    result = newsclean.fix_and_explain(text)
    assert result.text == "Kyiv remained calm, the U.S. embassy said."
    assert result.metadata["updated"] == "2022-02-15"
    assert "date" not in result.metadata
    assert [b["rule"] for b in result.metadata["removed"]] == ["NC302"]


@pytest.mark.parametrize(
    "header", ["Date: 15 ſept 2022", "Updated: 15 ſept 2022", "Date: FRİDAY, 15 APRİL 2022"]
)
def test_a_month_the_regex_module_folds_but_the_table_lacks_is_no_date(header: str) -> None:
    # The pattern matches month and weekday names without regard to case, as the regex
    # module folds it ("ſ" is "s", "İ" is "i"); the tables do not list such spellings. This
    # raised KeyError (review6).
    text = header + "\n\nKyiv remained calm, the U.S. embassy said."
    result = newsclean.fix_and_explain(text)
    assert "date" not in result.metadata and "updated" not in result.metadata


@settings(deadline=None)  # the first example loads the rules
@given(
    st.sampled_from(["By ", "BY ", "Written by ", "Author: "]),
    st.lists(st.tuples(FIRST, LAST), min_size=1, max_size=2, unique=True),
    st.sampled_from(
        ["", " | BBC News", " (Reuters)", ", The Moscow Times", ", BBC News, Rome", " - Kyiv Post"]
    ),
)
def test_a_byline_with_its_outlet_is_removed_and_its_authors_returned(
    head: str, names: list[tuple[str, str]], outlet: str
) -> None:
    authors = [f"{first} {last}" for first, last in names]
    text = head + " and ".join(authors) + outlet + "\n\n" + SENTENCE
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    assert result.text == SENTENCE
    assert result.metadata["author"] == authors


@settings(deadline=None)  # the first example loads the rules
@given(
    st.sampled_from(["Written by ", "Author: ", "By "]),
    st.tuples(FIRST, LAST),
    st.sampled_from(
        ["Directed by Sam Mendes", "Music by Anna Bianchi", "Publisher: Fourth Estate", "Pages: 9"]
    ),
)
def test_a_credits_line_under_a_name_is_left(head: str, name: tuple[str, str], credit: str) -> None:
    text = f"{head}{name[0]} {name[1]}\n{credit}\n\n{SENTENCE}"
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    assert result.text == text
    assert "author" not in result.metadata


# --- Page-title suffixes (NC306), bare date lines (NC301) and views counters (NC305) ---

HEADLINE = st.lists(
    st.sampled_from(["Kyiv", "talks", "resume", "on", "grain", "exports", "NATO", "the", "deal"]),
    min_size=3,
    max_size=12,
).map(lambda words: " ".join(words).capitalize())
SITES = st.sampled_from(["DW", "RT in Russian", "Reuters", "TASS", "Teller Report", "Kyiv Post"])
LEADS = st.sampled_from([" - ", " | ", " — "])


@settings(deadline=None)  # the first example loads the rules
@given(HEADLINE, LEADS, SITES, st.one_of(st.none(), DAYS), st.sampled_from(["\n", "\n\n"]))
def test_a_site_and_a_date_after_the_title_go_and_the_date_is_returned(
    headline: str, lead: str, site: str, day: dt.date | None, brk: str
) -> None:
    suffix = lead + site + ("" if day is None else f" - {day.day:02d}.{day.month:02d}.{day.year}")
    text = headline + suffix + brk + SENTENCE
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC306"]))
    assert result.text == headline + brk + SENTENCE
    assert result.metadata.get("date") == (None if day is None else day.isoformat())
    assert [b["text"] for b in result.metadata["removed"]] == [suffix]


@settings(deadline=None)  # the first example loads the rules
@given(
    HEADLINE,
    LEADS,
    st.sampled_from(["Blair", "British intelligence", "MFA", "ISW", "Police", "Report", "Kennedy"]),
)
def test_any_other_source_after_the_title_is_the_headline_s_own(
    headline: str, lead: str, source: str
) -> None:
    text = headline + lead + source + "\n\n" + SENTENCE
    assert newsclean.fix(text, newsclean.Config(select=["NC3"])) == text


def test_a_title_suffix_date_does_not_replace_the_header_s_date() -> None:
    text = (
        "Published: 15/02/2022\nNATO discusses support for Ukraine - DW - 14.02.2023\n" + SENTENCE
    )
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    assert result.text == "NATO discusses support for Ukraine\n" + SENTENCE
    assert result.metadata["date"] == "2022-02-15"


def test_user_sites_extend_the_table() -> None:
    text = "Grain talks resume in Istanbul - Daily Kharkiv Wire\n\n" + SENTENCE
    assert newsclean.fix(text, newsclean.Config(select=["NC306"])) == text
    config = newsclean.Config(
        select=["NC306"], options={"NC306": {"sites": ["Daily Kharkiv Wire"]}}
    )
    assert newsclean.fix(text, config) == "Grain talks resume in Istanbul\n\n" + SENTENCE


BARE_FORMS = st.sampled_from(
    ["{d} {month} {y}", "{month} {d}, {y}", "{d:02d}/{m:02d}/{y}", "{d}.{m}.{y}", "{mon} {d}, {y}"]
)
BARE_TIMES = st.sampled_from(["", " - 18:32", ", 09:05", " | 6:32 PM", " at 18h32"])


@settings(deadline=None)  # the first example loads the rules
@given(BARE_FORMS, DAYS, BARE_TIMES, st.sampled_from(["\n", "\n\n"]), st.booleans())
def test_a_bare_date_line_at_the_start_goes_unless_other_entries_are_dated(
    form: str, day: dt.date, time: str, brk: str, liveblog: bool
) -> None:
    line = written(form, day) + time
    later = f"\n\n{(day + dt.timedelta(days=1)).day} {MONTHS[day.month - 1]}\nKyiv said no."
    text = line + brk + SENTENCE + (later if liveblog else "")
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    if liveblog:  # the first entry of a liveblog or a diary keeps its date
        assert result.text == text
    else:
        assert result.text == SENTENCE
        sure = "/" not in form or certain(form, day)
        assert result.metadata.get("date") == (day.isoformat() if sure else None)


@settings(deadline=None)  # the first example loads the rules
@given(
    st.integers(1, 10**7),
    st.sampled_from(["{n} views", "{n:,} views", "Views: {n}", "February 15, 08:45 • {n} views"]),
    st.sampled_from(["", "Published: 15/02/2022\n", "By Marco Rossi\n"]),
    st.booleans(),
)
def test_a_views_counter_at_the_start_goes_and_its_count_is_returned(
    n: int, form: str, other: str, other_first: bool
) -> None:
    counter = form.format(n=n) + "\n"
    head = other + counter if other_first else counter + other
    text = head + "\n" + SENTENCE
    result = newsclean.fix_and_explain(text, newsclean.Config(select=["NC3"]))
    # A count and "views" alone may be a title ("360 views" over a photo story): only a
    # counter's own form (a label, a time before it) or another header line beside it
    # makes it the page's counter.
    if form.startswith("{n") and not other:
        assert result.text == text
        assert "views" not in result.metadata
    else:
        assert result.text == SENTENCE
        assert result.metadata["views"] == n


# --- Timelines' and liveblogs' entries; dates in the source language (NC301) ---

ENTRY_MARKS = st.sampled_from(["", "• ", "- ", "* ", "– ", "["])
ENTRY_FORMS = st.sampled_from(["{d} {month} {y}: ", "{d} {month}] ", "{month} {d}: "])


@settings(deadline=None)  # the first example loads the rules
@given(DAYS, BARE_FORMS, ENTRY_MARKS, ENTRY_FORMS, st.booleans())
def test_a_date_line_over_bulleted_bracketed_or_timed_entries_is_the_first_entry(
    day: dt.date, form: str, mark: str, entry: str, clock: bool
) -> None:
    after = day + dt.timedelta(days=1)
    later = "10.32am GMT: " if clock else mark + written(entry, after)
    text = written(form, day) + "\n" + SENTENCE + "\n\n" + later + "Kyiv said no."
    assert newsclean.fix(text, newsclean.Config(select=["NC3"])) == text


#: The month names of the source languages, as the test states them (not read from the
#: rule's table): Italian, Spanish, German, Polish (genitive), Portuguese.
FOREIGN_MONTHS = {
    "{d} {it} {y}": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre "
    "ottobre novembre dicembre",
    "{d} de {it} de {y}": "enero febrero marzo abril mayo junio julio agosto septiembre "
    "octubre noviembre diciembre",
    "{d}. {it} {y}": "Januar Februar März April Mai Juni Juli August September Oktober "
    "November Dezember",
    "{d} {it} {y} r.": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
    "października listopada grudnia",
    "{d} de {it} de {y}, {t}": "janeiro fevereiro março abril maio junho julho agosto setembro "
    "outubro novembro dezembro",
}


@settings(deadline=None)  # the first example loads the rules
@given(st.sampled_from(sorted(FOREIGN_MONTHS)), DAYS, st.sampled_from(["", "Published: "]))
def test_a_header_date_in_the_source_language_is_removed_and_returned_in_iso_form(
    form: str, day: dt.date, key: str
) -> None:
    month = FOREIGN_MONTHS[form].split()[day.month - 1]
    line = key + form.format(d=day.day, it=month, y=day.year, t="11:42")
    result = newsclean.fix_and_explain(line + "\n\n" + SENTENCE, newsclean.Config(select=["NC3"]))
    assert result.text == SENTENCE
    assert result.metadata["date"] == day.isoformat()


# --- A date alone after the title: the page's stamp or the event's date (NC306) ---


@settings(deadline=None)  # the first example loads the rules
@given(
    HEADLINE,
    st.sampled_from([" - {d:02d}.{m:02d}.{y}", ": {d} {month} {y}, {hh:02d}:{mm:02d}"]),
    DAYS,
    st.integers(0, 23),
    st.integers(0, 59),
)
def test_a_date_alone_after_the_title_goes_only_with_a_publication_minute(
    headline: str, form: str, day: dt.date, hour: int, minute: int
) -> None:
    suffix = form.format(
        d=day.day, m=day.month, y=day.year, month=MONTHS[day.month - 1], hh=hour, mm=minute
    )
    text = headline + suffix + "\n\n" + SENTENCE
    config = newsclean.Config(select=["NC306"])
    result = newsclean.fix_and_explain(text, config)
    # An event is set for a round time; a page stamps the minute it published at.
    stamp = "{hh" in form and minute % 15 != 0
    if stamp:
        assert result.text == headline + "\n\n" + SENTENCE
        assert result.metadata["date"] == day.isoformat()
    else:
        assert result.text == text
        assert "date" not in result.metadata
        findings = newsclean.detect(text, config)
        assert [(f.rule, f.replacement) for f in findings] == [("NC306", None)]
