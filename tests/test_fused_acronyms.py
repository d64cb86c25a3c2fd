"""NC106: acronyms glued to a function word ("NATOsaid", "withNATO")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.rules.fused import ACRONYM_RUN_RE, acronym_links, acronym_runs

NC106 = newsclean.Config(select=["NC106"])
BEFORE, AFTER = (sorted(side) for side in acronym_links())
ACRONYMS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6)


@settings(max_examples=150, deadline=None)
@given(ACRONYMS, st.sampled_from(AFTER), st.sampled_from(BEFORE), st.booleans())
def test_an_acronym_the_document_shows_alone_is_split_off(
    acronym: str, after: str, before: str, word_first: bool
) -> None:
    fused = before + acronym if word_first else acronym + after
    apart = f"{before} {acronym}" if word_first else f"{acronym} {after}"
    text = f"Officials of {acronym} met on Tuesday. The head of {fused} the talks."
    assert newsclean.fix(text, NC106) == text.replace(fused, apart)


@settings(max_examples=150, deadline=None)
@given(ACRONYMS, st.sampled_from(AFTER + BEFORE))
def test_without_evidence_an_unknown_acronym_is_left(acronym: str, word: str) -> None:
    from newsclean.rules.fused import zipf

    if zipf(acronym.lower()) >= 3.5:  # wordfreq vouches for it: covered above
        return
    text = f"The head of {acronym}{word} the talks, and {word}{acronym} too."
    assert newsclean.fix(text, NC106) == text


#: Pieces of text where capitals meet lower-case letters in every way.
PIECES = st.sampled_from(
    [
        "NATO",
        "said",
        "with",
        "EU",
        "PCs",
        "JPMorgan",
        "iOS",
        "mRNA",
        "x",
        "2",
        " ",
        ".",
        "'",
        "’",
        "-",
        "@",
        "/",
        "\n",
        "É",
        "é",
        "Ж",
        "the",
        "OSCE",
        "s",
        "A",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_the_scan_finds_what_the_pattern_finds(text: str) -> None:
    """acronym_runs looks only where two capitals meet a lower-case letter: it must find
    every match of the pattern searched everywhere."""
    assert [m.span() for m in acronym_runs(text)] == [
        m.span() for m in ACRONYM_RUN_RE.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        PIECES | st.sampled_from(["’", "“", "”", "—", "–", "…", "€", "Київ", "?", "ÀB", "ß"]),
        max_size=12,
    ).map("".join)
)
def test_the_case_classes_shared_by_the_token_gate_are_the_fresh_ones(text: str) -> None:
    """NC106 reads the case classes the token gate of NC102-NC104 made of the same text
    (its Latin-1 bytes, typographic punctuation blanked): they must be those NC106 would
    make itself, and find the same runs."""
    from newsclean.rules import fused

    fused._CASE[0] = None
    fresh = fused.case_classes(text)
    fresh_runs = [m.span() for m in acronym_runs(text)]
    fused._LAST.clear()
    fused.candidate_tokens(text)
    assert fused.case_classes(text) == fresh
    assert [m.span() for m in acronym_runs(text)] == fresh_runs
