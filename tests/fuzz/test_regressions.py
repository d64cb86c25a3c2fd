"""Replay every input the fuzzers ever broke newsclean with (tests/fuzz/regressions/), and
the seed corpus the atheris run starts from (tests/fuzz/seeds/), under every configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean import Config

from .harness import configs, decode, run_one
from .invariants import check

HERE = Path(__file__).resolve().parent
REGRESSIONS = sorted((HERE / "regressions").glob("*"))
SEEDS = sorted((HERE / "seeds").glob("*"))


def test_there_are_seeds_and_regressions() -> None:
    assert SEEDS, "the atheris run needs a seed corpus in tests/fuzz/seeds/"
    assert REGRESSIONS, "tests/fuzz/regressions/ lost its cases"


@pytest.mark.parametrize("path", REGRESSIONS + SEEDS, ids=lambda p: p.name)
def test_replay(path: Path) -> None:
    data = path.read_bytes()
    run_one(data)
    _config, text = decode(data)
    for config in configs():
        check(text, config)


# --- What the fuzzers found, as readable cases --------------------------------------------


def test_nc501_stray_carriage_return_among_trailing_spaces() -> None:
    """atheris: "\\t\\r\\xa0 \\n" lost "\\xa0 ", then "\\t" trailed; a second run changed it."""
    text = "d\t\r\xa0 \nnext"
    assert newsclean.fix(text, Config(select=["NC501"])) == "d\r\nnext"
    check(text)


def test_nc601_segment_ending_in_a_trailing_no_break_space() -> None:
    """atheris: the mojibake segment took in a trailing no-break space; ftfy fixed the
    segment only once NC501 had removed that space, so a second run changed the text."""
    text = "Oâ€\ufffd\xa0\r\nnext"
    first = newsclean.fix(text)
    assert newsclean.fix(first) == first
    check(text)
    # A no-break space that is itself mojibake ("Â\xa0") is still repaired at a line end.
    assert newsclean.fix("voilÃ\xa0\n", Config(select=["NC601"])) == "voilà\n"


def test_nc602_entity_names_need_their_semicolon_and_double_escapes_go_whole() -> None:
    """atheris: "&ampamp;" was read as "&amp" + "amp;" (html.unescape's legacy prefixes),
    giving "&amp;", which a second run decoded again. "&notit;" became "¬it;"."""
    nc602 = Config(select=["NC602"])
    assert newsclean.fix("x&ampamp;b &notit; R&amp;amp;D", nc602) == "x&ampamp;b &notit; R&D"
    for text in ("&amp;&#97;mp;", "&&#97;mp;", "&amp;amp;amp;", "&amp;#8217;s", "&amp&#59;"):
        check(text, nc602)
        check(text)


def test_nc601_text_encoded_twice_comes_apart_in_one_run() -> None:
    """hypothesis: ftfy repaired "Â\\xa0Ãƒ\\x80" to "\\xa0Ã€" and, on a second run (the
    no-break space now a segment boundary), to "\\xa0À"."""
    text = "Â\xa0Ãƒ\x80 said"
    assert newsclean.fix(text, Config(select=["NC601"])) == "\xa0À said"
    check(text)


def test_a_merged_edit_is_labelled_with_the_rule_that_ran_first() -> None:
    """atheris: NC601's repair of "Â\\xa0" merged with NC501-NC503 edits around it into one
    edit labelled NC501 (the leftmost edit's rule), so the letters NC601 rewrote looked lost
    to whitespace. A merged edit now carries the code of the rule that ran first."""
    text = "e \n\n \n\n\n\t\nÂ\xa0\r"
    result = newsclean.fix_and_explain(text)
    merged = [e for e in result.edits if "mojibake" in e.message]
    assert [e.rule for e in merged] == ["NC601"]
    check(text)
