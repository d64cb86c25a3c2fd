"""NC505 (space-before-punctuation): the space between a word and its full stop or comma goes;
spaced ellipses, ".com", ".5" and a comma that opens a line stay."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.rules.whitespace import spaces_before_punctuation

NC505 = Config(select=["NC505"])
WORDS = st.sampled_from(["Commerzbank", "Kyiv", "2005", "(15%)", '"start"', "McCain’s", "U.S"])


@settings(deadline=None)  # the first example loads the rules
@given(WORDS, st.integers(1, 3), st.sampled_from([".", ","]), st.sampled_from([" It", "\n", ""]))
def test_the_space_before_a_stop_or_comma_goes(
    word: str, spaces: int, mark: str, tail: str
) -> None:
    text = f"They met at {word}{' ' * spaces}{mark}{tail}"
    assert newsclean.fix(text, NC505) == f"They met at {word}{mark}{tail}"


@settings(deadline=None)
@given(
    st.sampled_from(["wait . . . then", "example .com", "take .5 ml", "a\n, b", "a ,b", "x .y"]),
    st.sampled_from(["", " and so on.", "\n"]),
)
def test_ellipses_suffixes_decimals_and_line_starts_are_left(form: str, tail: str) -> None:
    text = form + tail
    assert newsclean.fix(text, NC505) == text


@given(st.text(alphabet=st.sampled_from(list(' .,a1"”)%\n')), max_size=30))
def test_only_spaces_are_removed(text: str) -> None:
    for start, end in spaces_before_punctuation(text):
        assert set(text[start:end]) == {" "}
        assert text[end] in ".,"
