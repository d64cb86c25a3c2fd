"""Numbers (NC9xx): English numbers are never touched; source-language ones are found.

Hypothesis writes numbers both ways before the words the rules read: an English number
(thousands commas, a decimal point) is never changed or reported, a source-language decimal
comma before a unit becomes a point and nothing else changes, and a number grouped by a dot
or a space before a counted noun is reported (and repaired to commas when made fixable).
A count in thousands ("5.7 thousand") is written out to its exact value, alone and as both
ends of a range; the English forms around "thousand" are left.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.resources import load_table
from newsclean.rules.numbers import (
    THOUSAND_GATE_RE,
    THOUSAND_RE,
    decimal_commas,
    grouped_thousands,
    source_thousands,
)

NUMBERS = Config(select=["NC9"])
FIXABLE = Config(select=["NC9"], fixable=["NC902"])
#: NC901 and NC902 alone: NC903 writes "9.5 thousand" out as "9,500" after them.
SEPARATORS = Config(select=["NC901", "NC902"])
# The first run imports and compiles every rule module (~0.3 s): done here, not inside the
# first example of a property, whose time Hypothesis holds to its deadline.
newsclean.fix("", SEPARATORS)

units = st.sampled_from(["million", "billion", "thousand", "%", " percent", " per cent", " euros"])
counted = st.sampled_from(sorted(load_table("number_counted.txt")))
frames = st.sampled_from(["It rose to {}.", "About {} were counted", "{}, the report said."])


def _unit(unit: str) -> str:
    return unit if unit.startswith((" ", "%")) else " " + unit


@given(st.integers(0, 10**9), st.integers(0, 99), units, counted, frames)
def test_english_numbers_are_never_touched(
    whole: int, decimals: int, unit: str, noun: str, frame: str
) -> None:
    text = frame.format(f"{whole:,}.{decimals:02d}{_unit(unit)} and {whole:,} {noun}")
    assert newsclean.detect(text, SEPARATORS) == []


@given(st.integers(1, 999), st.integers(0, 99), st.booleans(), units, frames)
def test_a_decimal_comma_before_a_unit_becomes_a_point(
    whole: int, decimals: int, two: bool, unit: str, frame: str
) -> None:
    digits = f"{decimals:02d}" if two else str(decimals % 10)
    text = frame.format(f"{whole},{digits}{_unit(unit)}")
    fixed = newsclean.fix(text, SEPARATORS)
    assert fixed == text.replace(f"{whole},{digits}", f"{whole}.{digits}")
    assert len(decimal_commas(text)) == 1


list_joins = st.sampled_from([", ", " and ", " or ", "-", " to ", " × ", "; ", ", and ", " – "])
#: What may follow a number's own unit inside a list ("1,2 UAH, 3,4 and 5,6 UAH").
unit_joins = st.sampled_from([", ", " and ", " or ", "-", " to ", ", or "])
list_units = st.sampled_from([" UAH", "%", " euros", " million"])


@st.composite
def decimal_lists(draw: st.DrawFn) -> tuple[list[str], str]:
    """Numbers with decimal commas and the list they make, some with their own unit, the
    last always with one."""
    size = draw(st.integers(2, 5))
    numbers = [f"{draw(st.integers(1, 999))},{draw(st.integers(1, 99))}" for _ in range(size)]
    text = ""
    for number in numbers[:-1]:
        if draw(st.booleans()):
            text += number + draw(list_units) + draw(unit_joins)
        else:
            text += number + draw(list_joins)
    return numbers, text + numbers[-1] + draw(list_units)


@given(decimal_lists(), frames)
def test_a_list_of_decimal_commas_is_repaired_whole_or_reported(
    made: tuple[list[str], str], frame: str
) -> None:
    numbers, listed = made
    text = frame.format(listed)
    whole = frame.format(listed.replace(",", "\0").replace("\0 ", ", "))
    for number in numbers:  # each number's comma a point, the list's commas kept
        whole = whole.replace(number.replace(",", "\0"), number.replace(",", "."), 1)
    fixed = newsclean.fix(text, SEPARATORS)
    assert fixed in (text, whole.replace("\0", ","))
    reports = [f for f in newsclean.detect(text, SEPARATORS) if f.replacement is None]
    if fixed == text:
        assert len(reports) == 1
        assert text[reports[0].start : reports[0].end].startswith(numbers[0])
        assert text[reports[0].start : reports[0].end].endswith(numbers[-1])
    else:
        assert reports == []


@given(
    st.lists(st.integers(1000, 10**7), min_size=2, max_size=4),
    st.sampled_from([".", " "]),
    st.lists(st.sampled_from([", ", " and ", " or ", " to ", "-", ", or "]), min_size=3),
    st.lists(st.booleans(), min_size=3),
    counted,
)
def test_a_list_of_grouped_numbers_is_repaired_whole_or_reported(
    values: list[int], sep: str, joins: list[str], nouns: list[bool], noun: str
) -> None:
    grouped = [f"{v:,}".replace(",", sep) for v in values]
    listed = ""
    for k, number in enumerate(grouped[:-1]):
        listed += number + (f" {noun}" if nouns[k] else "") + joins[k]
    text = f"Officials said {listed}{grouped[-1]} {noun} came."
    fixed = newsclean.fix(text, FIXABLE)
    whole = text
    for number, value in zip(grouped, values, strict=True):
        whole = whole.replace(number, f"{value:,}", 1)
    assert fixed in (text, whole)
    if fixed == text:
        reports = [f for f in newsclean.detect(text, FIXABLE) if f.replacement is None]
        assert len(reports) == 1
        assert text[reports[0].start : reports[0].end].startswith(grouped[0])
        assert text[reports[0].start : reports[0].end].endswith(grouped[-1])


@given(st.integers(1000, 10**9), st.sampled_from([".", " ", "\u00a0"]), counted, frames)
def test_thousands_grouped_the_source_way_are_reported_and_fixable(
    number: int, sep: str, noun: str, frame: str
) -> None:
    english = f"{number:,}"
    text = frame.format(f"{english.replace(',', sep)} {noun}")
    findings = newsclean.detect(text, NUMBERS)
    assert [f.rule for f in findings] == ["NC902"]
    assert newsclean.fix(text, NUMBERS) == text
    assert newsclean.fix(text, FIXABLE) == frame.format(f"{english} {noun}")


@given(st.text(alphabet=st.sampled_from(list("0123456789,. \u00a0%mk")), max_size=40))
def test_changes_only_touch_separators(text: str) -> None:
    for start, end in decimal_commas(text):
        assert text[start:end] == ","
    for start, end, sep in grouped_thousands(text):
        assert set(text[start:end]) <= set("0123456789") | {sep}


def test_a_magnitude_makes_a_dotted_number_an_english_decimal() -> None:
    assert grouped_thousands("It had 4.464 million people and 2.572 trillion yuan.") == []


PIECES = st.sampled_from(
    ["1", "25", "٣", "000", ",", ".", " ", "\u00a0", "\u2009", "%", " million", " people", "x"]
)


@given(st.lists(PIECES, max_size=14).map("".join))
def test_the_gates_pass_every_text_the_patterns_match(text: str) -> None:
    from newsclean.rules import numbers

    if numbers.decimal_comma_re(()).search(text):
        assert numbers.DECIMAL_GATE_RE.search(text)
    if numbers.grouped_thousands_re(()).search(text):
        assert numbers.grouped_gate(text)


@given(
    st.sampled_from(["June", "Sept.", "March", "Dec", "May"]),
    st.integers(1, 31),
    st.integers(100, 999),
    counted,
)
def test_a_day_after_a_month_then_a_count_is_no_grouped_number(
    month: str, day: int, count: int, noun: str
) -> None:
    text = f"On {month} {day} {count} {noun} were counted, and 1,200 more on the next day."
    assert newsclean.detect(text, NUMBERS) == []


# --- NC903: counts in thousands -------------------------------------------------------

THOUSANDS = Config(select=["NC903"])
after_count = st.sampled_from([" people", " euros", " square meters", ".", ",", "", " were hurt"])
count_frames = st.sampled_from(
    ["About {} left.", "{}", "It reached {}", "(by {})", "€{}", "The toll: {} so far.\nNext"]
)


@st.composite
def source_counts(draw: st.DrawFn) -> tuple[str, int]:
    """A count in thousands as the source languages write it, and its exact value."""
    whole = draw(st.integers(0, 999))
    places = draw(st.integers(0 if whole else 1, 2))
    decimals = draw(st.integers(1 if not whole else 0, 10**places - 1)) if places else 0
    digits = f"{decimals:0{places}d}" if places else ""
    sep = draw(st.sampled_from([".", ","])) if places else ""
    value = whole * 1000 + (int(digits.ljust(3, "0")) if places else 0)
    return f"{whole}{sep}{digits}", value


@given(
    source_counts(),
    st.sampled_from([" thousand", "\u00a0thousand"]),
    after_count,
    count_frames,
)
def test_a_count_in_thousands_is_written_out_exactly(
    count: tuple[str, int], word: str, after: str, frame: str
) -> None:
    number, value = count
    text = frame.format(number + word + after)
    fixed = newsclean.fix(text, THOUSANDS)
    assert fixed == frame.format(f"{value:,}" + after)
    # The value read back from the output is the value written in the input.
    assert int(f"{value:,}".replace(",", "")) == round(float(number.replace(",", ".")) * 1000)


@given(
    source_counts(),
    source_counts(),
    st.sampled_from(
        [
            "{}-{} thousand",
            "from {} to {} thousand",
            "between {} and {} thousand",
            "{}–{} thousand",
        ]
    ),
)
def test_both_ends_of_a_range_are_written_out(
    lo: tuple[str, int], hi: tuple[str, int], form: str
) -> None:
    text = "Prices rose by " + form.format(lo[0], hi[0]) + " rubles."
    expected = form.format(f"{lo[1]:,}", f"{hi[1]:,}").removesuffix(" thousand")
    assert newsclean.fix(text, THOUSANDS) == "Prices rose by " + expected + " rubles."


english_thousands = st.sampled_from(
    [
        "thousands of {n} people",
        "tens of thousands and {n} more",
        "a thousand {n} fans",
        "{g} thousand vehicles",
        "one thousand {n} days",
        "{n} or {n} thousand seats",
        "{n} thousand {n} rubles",
        "1 million {n} thousand",
        "No. {n}, the thousandth",
        "{g}0 thousand",
        "Su-{n} thousand",
        "{n} - {n} thousand",
    ]
)


@given(english_thousands, st.integers(1, 999), st.integers(1000, 10**6))
def test_english_forms_around_thousand_are_left(form: str, n: int, big: int) -> None:
    text = "It said " + form.format(n=n, g=f"{big:,}") + " on Tuesday."
    assert newsclean.detect(text, THOUSANDS) == []


@given(st.integers(0, 999), st.integers(0, 999))
def test_a_point_before_three_digits_is_only_reported(whole: int, part: int) -> None:
    text = f"Some {whole}.{part:03d} thousand tonnes were shipped."
    findings = newsclean.detect(text, THOUSANDS)
    assert [(f.rule, f.replacement) for f in findings] == [("NC903", None)]
    assert newsclean.fix(text, Config(select=["NC903"], fixable=["NC903"])) == text


@given(
    st.lists(
        st.sampled_from(
            ["1", "5.7", "0,5", "-", " ", "\u00a0", "thousand", "Thousand", "thous.", " to ", "x"]
        ),
        max_size=14,
    ).map("".join)
)
def test_the_thousands_gate_passes_every_text_the_pattern_matches(text: str) -> None:
    if THOUSAND_RE.search(text):
        assert THOUSAND_GATE_RE.search(text)
    for start, end, replacement in source_thousands(text):
        assert 0 <= start < end <= len(text)
        assert replacement is None or replacement.replace(",", "").isdigit()


GATE_PIECES = st.sampled_from(
    ["1", "25", "000", "0000", "٣", "١٢٣", "७", ".", " ", "\u00a0", "\u202f", "“", "é", "£", "x"]
)


@given(st.lists(GATE_PIECES, max_size=16).map("".join) | st.text(max_size=30))
def test_the_grouped_gate_reads_byte_classes_as_its_patterns_read_text(text: str) -> None:
    from newsclean.rules import numbers

    assert numbers.grouped_gate(text) == numbers.grouped_gate_reference(text)


def test_the_grouped_gate_reads_a_lone_surrogate() -> None:
    from newsclean.rules import numbers

    for text in ("1 000\ud800", "\udc00 1.000", "\ud8001 00"):
        assert numbers.grouped_gate(text) == numbers.grouped_gate_reference(text)


@given(source_counts(), st.sampled_from([" Thousand is a charity run.", " Thousand Steps"]))
def test_a_capitalised_thousand_names_something_and_is_left(
    count: tuple[str, int], rest: str
) -> None:
    text = "The " + count[0] + rest
    assert newsclean.fix(text, THOUSANDS) == text
