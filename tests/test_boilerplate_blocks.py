"""Boilerplate blocks: teaser labels with headlines under them (NC405), tag lines (NC410)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.resources import load_table
from newsclean.rules.boilerplate import list_labels, tag_items

NC4 = Config(select=["NC4"])
OPENING = "The Italian government said on Tuesday that the talks with Moscow would go on."
CLOSING = "Kyiv remained calm on Wednesday, officials in the capital said after the meeting."
#: Labels alone on their line: those of two words or more, as a site writes them.
BARE_LABELS = st.sampled_from(
    sorted(
        {
            label
            for label in load_table("boilerplate_teasers.txt")
            if " " in label and label.casefold() not in list_labels()
        }
    )
)
WORDS = st.sampled_from(
    ["Draghi", "calls", "Putin", "Gas", "prices", "rise", "again", "NATO", "meets", "in", "Rome"]
)
HEADLINE = st.lists(WORDS, min_size=2, max_size=9).map(lambda ws: " ".join(ws))
HEADLINES = st.lists(HEADLINE.map(lambda h: h[0].upper() + h[1:]), min_size=1, max_size=6)


@settings(deadline=None)  # the first example loads the rules
@given(BARE_LABELS, HEADLINES, st.sampled_from(["\n\n", ""]))
def test_a_label_with_headlines_under_it_is_removed_whole(
    label: str, headlines: list[str], after: str
) -> None:
    block = label + "\n" + "\n".join(headlines)
    text = OPENING + "\n\n" + block + ("\n\n" + CLOSING if after else "")
    result = newsclean.fix_and_explain(text, NC4)
    assert result.text == OPENING + ("\n\n" + CLOSING if after else "")
    removed = "".join(b["text"] for b in result.metadata["removed"])
    assert block in removed


@settings(deadline=None)  # the first example loads the rules
@given(BARE_LABELS, st.lists(st.sampled_from([OPENING, CLOSING]), min_size=1, max_size=3))
def test_a_label_over_paragraphs_is_a_heading_and_stays(label: str, paragraphs: list[str]) -> None:
    text = OPENING + "\n\n" + label + "\n" + "\n".join(paragraphs) + "\n\n" + CLOSING
    assert newsclean.fix(text, NC4) == text
    assert newsclean.fix(text) == text


TAG_LABELS = st.sampled_from(load_table("boilerplate_tag_labels.txt"))
ITEMS = st.lists(
    st.sampled_from(["Ukraine", "Russia", "NATO", "European Union", "gas prices", "U.S.", "G7"]),
    min_size=2,
    max_size=8,
)
SEPARATORS = st.sampled_from([", ", "; ", " | ", " • ", ","])


@settings(deadline=None)  # the first example loads the rules
@given(TAG_LABELS, ITEMS, SEPARATORS, st.sampled_from(["", "\n", "\nShare this article"]))
def test_a_tag_line_at_the_end_is_removed(
    label: str, items: list[str], sep: str, tail: str
) -> None:
    line = label + ": " + sep.join(items)
    assert tag_items(line) == tuple(items)
    text = OPENING + "\n\n" + CLOSING + "\n\n" + line + tail
    result = newsclean.fix_and_explain(text, NC4)
    assert line not in result.text
    assert result.text.startswith(OPENING + "\n\n" + CLOSING)
    assert any(line in b["text"] for b in result.metadata["removed"])


@settings(deadline=None)  # the first example loads the rules
@given(TAG_LABELS, ITEMS, SEPARATORS)
def test_a_tag_line_the_article_goes_on_after_stays(label: str, items: list[str], sep: str) -> None:
    text = OPENING + "\n\n" + label + ": " + sep.join(items) + "\n\n" + CLOSING
    assert newsclean.fix(text, NC4) == text


@settings(deadline=None)  # the first example loads the rules
@given(
    TAG_LABELS,
    st.sampled_from(["the minister", "officials in Kyiv", "most of the delegates"]),
    st.sampled_from(["listed three issues", "said the talks went on", "named the budget"]),
)
def test_a_sentence_after_a_tag_label_stays(label: str, subject: str, verb: str) -> None:
    text = OPENING + "\n\n" + label + ": " + subject + " " + verb + ", and more."
    assert newsclean.fix(text) == text


def test_users_extend_the_tag_labels() -> None:
    text = OPENING + "\n\nSchlagwörter: Ukraine, Russland, NATO"
    assert newsclean.fix(text, NC4) == text
    config = Config(select=["NC4"], options={"NC4": {"tag_labels": ["Schlagwörter"]}})
    assert newsclean.fix(text, config) == OPENING
