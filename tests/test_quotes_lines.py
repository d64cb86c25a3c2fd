"""NC204 on text with one sentence a line: a quotation that runs over several lines without
being reopened is not two unpaired marks; a mark without any partner still is."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Config

NC204 = Config(select=["NC204"])


def _lines(n: int) -> str:
    return "".join(f"Our team trained {i} times this week.\n" for i in range(n))


def _reported(text: str) -> list[str]:
    return [f.original for f in newsclean.detect(text, NC204)]


@pytest.mark.parametrize("between", [5, 6, 7])  # lines between; MAX_QUOTE_LINES breaks
def test_a_quotation_over_lines_is_not_reported(between: int) -> None:
    text = (
        "Albert Proza spoke after the match.\n"
        '"Because of the injury, I was out of football for a year.\n'
        + _lines(between)
        + 'I believe I still have a lot to gain," Proza said in an interview.\n'
        "The club did not comment."
    )
    assert _reported(text) == []
    assert newsclean.fix(text) == text


@pytest.mark.parametrize(
    "text",
    [
        # A blank line ends the block: the two ends are not read as one quotation.
        'He said: "We go on.\n' + _lines(3) + "\n" + _lines(3) + 'We win," he added.',
        # Farther apart than MAX_QUOTE_LINES.
        'He said: "We go on.\n' + _lines(12) + 'We win," he added.',
        # A closing mark with no opening mark anywhere before it (the MT lost it).
        _lines(3) + 'The problems did not start yesterday," the diplomat said.',
        # Two opening marks: neither has a partner.
        'He said: "We go on.\n' + _lines(6) + 'She said: "We win.',
    ],
)
def test_marks_without_a_partner_are_still_reported(text: str) -> None:
    assert _reported(text)
