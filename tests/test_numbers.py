"""Numbers (NC9xx): English numbers are never touched; source-language ones are found.

Hypothesis writes numbers both ways before the words the rules read: an English number
(thousands commas, a decimal point) is never changed or reported, a source-language decimal
comma before a unit becomes a point and nothing else changes, and a number grouped by a dot
or a space before a counted noun is reported (and repaired to commas when made fixable).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.resources import load_table
from newsclean.rules.numbers import decimal_commas, grouped_thousands

NUMBERS = Config(select=["NC9"])
FIXABLE = Config(select=["NC9"], fixable=["NC902"])

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
    assert newsclean.detect(text, NUMBERS) == []


@given(st.integers(1, 999), st.integers(0, 99), st.booleans(), units, frames)
def test_a_decimal_comma_before_a_unit_becomes_a_point(
    whole: int, decimals: int, two: bool, unit: str, frame: str
) -> None:
    digits = f"{decimals:02d}" if two else str(decimals % 10)
    text = frame.format(f"{whole},{digits}{_unit(unit)}")
    fixed = newsclean.fix(text, NUMBERS)
    assert fixed == text.replace(f"{whole},{digits}", f"{whole}.{digits}")
    assert len(decimal_commas(text)) == 1


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
