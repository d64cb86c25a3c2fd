"""Boilerplate (NC4xx): site furniture lines, end-of-article wire and desk codes, bulleted
teaser lists and the sentences that may follow a teaser's label."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config

from .strategies import CLEAN_SENTENCES

NC4 = Config(select=["NC4"])

_paragraph = st.lists(st.sampled_from(CLEAN_SENTENCES), min_size=1, max_size=3).map(" ".join)
_paragraphs = st.lists(_paragraph, min_size=1, max_size=4)
_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------------------------
# End codes (NC411)

#: People's initials: letters without vowels here, so that no part is an English word
#: ("ok/ ok/" and "yes/ no/" are no desk codes); the parts of one line differ.
_lower = st.text(alphabet="bcdfghjklmnpqrstwxz", min_size=2, max_size=4)
_upper = st.text(alphabet="BCDFGHJKLMNPQRSTWXZ", min_size=2, max_size=4)
_initials = st.one_of(_lower, _upper)
_slash = st.sampled_from(["/", "/ ", " / ", "//", " // "])


def _differ(*parts: str) -> bool:
    return len({p.casefold() for p in parts}) == len(parts)


#: Desk codes of a shape no sentence has: a trailing slash, or three parts.
_strong_codes = st.one_of(
    st.tuples(_initials, _slash, _initials)
    .filter(lambda t: _differ(t[0], t[2]))
    .map(lambda t: f"{t[0]}{t[1]}{t[2]}/"),
    st.tuples(_initials, _initials, _initials)
    .filter(lambda t: _differ(*t))
    .map(lambda t: f"{t[0]}/{t[1]}/{t[2]}"),
    st.sampled_from(["Lusa/End", "EFE/End", "-0-", "jk/ mal/", "ES/AR/"]),
)
_agencies = st.sampled_from(["EFE", "dpa", "RIA Novosti", "Ukrinform", "Reuters", "ANSA"])


@_settings
@given(paragraphs=_paragraphs, codes=st.lists(st.one_of(_strong_codes, _agencies), max_size=3))
def test_codes_after_the_last_sentence_are_removed(paragraphs: list[str], codes: list[str]) -> None:
    article = "\n\n".join(paragraphs)
    text = "\n\n".join([article, *codes])
    result = newsclean.fix_and_explain(text, NC4)
    assert result.text == article
    removed = "".join(str(b["text"]) for b in result.metadata.get("removed", []))
    for code in codes:
        assert code in removed


@_settings
@given(paragraphs=_paragraphs, code=st.one_of(_strong_codes, _agencies), at=st.integers(0, 3))
def test_codes_inside_the_article_are_left(paragraphs: list[str], code: str, at: int) -> None:
    """A code followed by a paragraph of the article is no end code."""
    lines = list(paragraphs)
    lines.insert(min(at, len(lines) - 1), code)
    text = "\n\n".join(lines)
    assert newsclean.fix(text, Config(select=["NC411"])) == text


@_settings
@given(paragraphs=_paragraphs, code=st.one_of(_agencies, st.sampled_from(["ES/AR", "mn/ll"])))
def test_a_weak_code_after_a_list_item_is_left(paragraphs: list[str], code: str) -> None:
    """An agency's name or two codes after a line that ends no sentence may close a list."""
    text = "\n\n".join(paragraphs) + "\n\nSources:\nBBC Monitoring\n" + code
    assert newsclean.fix(text, Config(select=["NC411"])) == text


def test_the_fused_end_marker_goes_alone() -> None:
    text = "Talks went on.\n\nAccording to UNESCO, women are 30% of researchers.-0-"
    assert (
        newsclean.fix(text)
        == "Talks went on.\n\nAccording to UNESCO, women are 30% of researchers."
    )
    kept = "Talks went on.\n\nThe score was 3-0-0 in the end"
    assert newsclean.fix(kept) == kept


# --------------------------------------------------------------------------------------------
# Site furniture (NC406) and the comment form (NC409)

FURNITURE = [
    "We use our own and third-party cookies to improve our services. If you continue "
    "browsing, we consider that you accept their use. More information",
    "This website uses cookies to give you the best experience.",
    "Share on Facebook Share on Twitter Send by email Print",
    "Share this article",
    "Most read",
    "Subscribe to the newsletter",
    "Subscribe to our channel in Telegram",
    "Read us in Telegram and Viber",
    "Leave a Reply Cancel reply",
    "Your email address will not be published. Required fields are marked *",
    "Did you find a mistake? Mail the editors.",
    "Found a typo? Select it and press Ctrl+Enter",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Anadolu Agency website contains only a portion of the news stories offered to "
    "subscribers in the AA News Broadcasting System (HAS), and in summarized form.",
    "This material (information) was produced, distributed and (or) sent by a foreign agent "
    "of Acme JSC or relates to the activities of a foreign agent of Acme JSC.",
    "Read more below the photo.",
    "31 minute (s) ago",
]


@_settings
@given(
    paragraphs=st.lists(_paragraph, min_size=2, max_size=4),
    line=st.sampled_from(FURNITURE),
    at=st.integers(1, 3),
)
def test_furniture_lines_are_removed_exactly(paragraphs: list[str], line: str, at: int) -> None:
    dirty = list(paragraphs)
    dirty.insert(min(at, len(dirty)), line)
    result = newsclean.fix_and_explain("\n\n".join(dirty), NC4)
    assert result.text == "\n\n".join(paragraphs)
    assert line in "".join(str(b["text"]) for b in result.metadata.get("removed", []))


@given(line=st.sampled_from(FURNITURE))
def test_furniture_words_in_a_sentence_are_kept(line: str) -> None:
    """The same words inside a sentence of the article are no furniture."""
    text = f"The minister said on Tuesday that “{line.rstrip('.')}” was the line he saw."
    assert newsclean.fix(text, NC4) == text


def test_a_wordpress_comment_block_goes_with_its_heading() -> None:
    article = (
        "Talks went on in Brussels on Tuesday, officials said after a long day.\n\n"
        "The ministers will meet again next week in Rome, the spokesman added on Tuesday."
    )
    text = (
        f"{article}\n\n3 comments\n\nJohn Smith\n15 February 2022 at 10:45\nGreat article!\n"
        "Reply\n\nMaria Lopez\nFebruary 15, 2022 at 11:02 am\nI disagree.\nReply"
    )
    assert newsclean.fix(text, NC4) == article
    # Two comments without buttons: the second name and date are the second sign.
    two = f"{article}\n\nComments (2)\nJohn S.\n15 May 2022 at 02:45\nA shame.\n"
    assert newsclean.fix(two + "Maria L.\n16 May 2022 at 10:45\nI agree.", NC4) == article
    # A name and a date under a heading without a second sign are left.
    kept = f"{article}\n\nComments\nJohn Smith\n15 February 2022 at 10:45\nThe talks went on."
    assert newsclean.fix(kept, NC4) == kept


# --------------------------------------------------------------------------------------------
# Teasers (NC405)

_headline = st.sampled_from(
    ["Ukraine, what happens now", "Gas, the bills rise by 40%", "Draghi calls Putin", "NATO meets"]
)
_prose_item = st.sampled_from(CLEAN_SENTENCES).map(lambda s: s[0].lower() + s[1:])


@_settings
@given(
    paragraphs=st.lists(_paragraph, min_size=1, max_size=3),
    label=st.sampled_from(["ALSO READ", "READ ALSO:", "Read also:", "Also read:", "See also:"]),
    mark=st.sampled_from(["- ", "• ", "* ", "– "]),
    items=st.lists(st.one_of(_headline, _prose_item), min_size=1, max_size=4),
    tail=st.booleans(),
)
def test_a_bulleted_teaser_list_goes_whole_or_not_at_all(
    paragraphs: list[str], label: str, mark: str, items: list[str], tail: bool
) -> None:
    block = label + "\n" + "\n".join(mark + item for item in items)
    article = "\n\n".join(paragraphs)
    text = f"{article}\n\n{block}" + ("\n\nThe ministers meet again on Friday." if tail else "")
    out = newsclean.fix(text, Config(select=["NC405"]))
    if all(item[0].isupper() for item in items):
        expected = article + ("\n\nThe ministers meet again on Friday." if tail else "")
        assert out == expected
    else:
        assert out == text


@given(sentence=st.sampled_from(CLEAN_SENTENCES))
def test_a_lower_case_sentence_after_read_more_is_kept(sentence: str) -> None:
    text = f"The teacher spoke.\n\nRead more: that was why {sentence[0].lower()}{sentence[1:]}"
    assert newsclean.fix(text, Config(select=["NC405"])) == text


_END_PIECES = ["EFE", "dpa", "Lusa/End", "jk/ mal/", "-0-", ".-0-", "mn/ll/jc", "Talks went on."]
_END_PIECES += [" ", "\n", "\n\n", "\r\n", "\t", "/", "//", "ES/AR", "x" * 30, "Sources:"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_END_PIECES), max_size=10).map("".join))
def test_the_end_code_gate_changes_nothing(text: str) -> None:
    """NC411's gate only skips work: with it forced open the rule finds the same."""
    from newsclean.registry import Context
    from newsclean.rules import boilerplate as b

    ctx = Context(config=NC4, code="NC411", metadata={})
    gated = [(c.start, c.end, c.replacement) for c in b.find_end_codes(text, ctx)]
    opened = [(c.start, c.end, c.replacement) for c in b._end_code_changes(text, b.tables())]
    assert gated == opened


#: Frequent English words, which people's initials are not (the test's own list).
_WORDS = ["ok", "OK", "yes", "no", "go", "so", "up", "me", "we"]
#: Initials as desks write them: rare letter pairs and triples.
_INITIALS = ["jk", "mal", "mn", "jc", "kb", "dm", "JPF", "APN", "ES", "AR"]


@given(
    st.lists(st.sampled_from(_WORDS), min_size=2, max_size=3),
    st.lists(st.sampled_from(_INITIALS), min_size=2, max_size=3, unique=True),
    st.sampled_from(["/", "/ ", " / ", "//"]),
    st.booleans(),
)
def test_slash_joined_words_at_the_end_are_no_desk_codes(
    words: list[str], initials: list[str], sep: str, trail: bool
) -> None:
    article = "The talks went on, officials said."
    end = "/" if trail else ""
    for parts, codes in ((words, False), (initials, True)):
        if len({p.isupper() for p in parts}) > 1:
            continue  # the codes of one desk have one case
        line = sep.join(parts) + end
        text = f"{article}\n\n{line}"
        # After the article's last sentence, initials go (two of them too); words stay.
        assert newsclean.fix(text, Config(select=["NC411"])) == (article if codes else text)


@given(
    st.sampled_from(["the", "a", "their", "some"]),
    st.lists(
        st.sampled_from(["government", "new", "spokesman", "of", "Kyiv", "rules", "city's"]),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["said", "will", "has", "was", "could"]),
)
def test_a_noun_phrase_sentence_after_read_more_is_kept(
    det: str, words: list[str], verb: str
) -> None:
    text = f"The teacher spoke.\n\nRead more: {det} {' '.join(words)} {verb} go on with it."
    assert newsclean.fix(text, Config(select=["NC405"])) == text
