"""Quotes: NC205 (the source language's dash before a reporting verb) and NC202's partner
marks. Hypothesis checks that NC205 only ever takes out a dash and the spaces around it (a
comma may take the dash's place, a closing mark may move to its comma), and that it leaves a
dash alone when no reporting verb follows it.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.rules.quotes import speech_dash_changes

SPEECH_DASH = Config(select=["NC205"])
QUOTES = Config(select=["NC2"])

quotations = st.sampled_from(
    [
        '"The decision will be taken in March',
        "“We worked in a continuous crisis mode",
        '"Together!',
        '"Inflation will fall in 2022,',
        "“Is it a duet?",
    ]
)
closing = st.sampled_from(['"', "”"])
between = st.sampled_from(["", " ", ",", " ,", ", ", " , ", "\t"])
dashes = st.sampled_from(["-", "–", "—", "--"])
after = st.sampled_from(["", " ", "  "])
subjects = st.sampled_from(["", "he ", "she ", "they "])
verbs = st.sampled_from(["said", "wrote", "noted", "explained", "told reporters", "added"])
tails = st.sampled_from([" the minister.", " Zhukov on Telegram.", " in a statement.", "."])


def letters(text: str) -> list[str]:
    return [c for c in text if c.isalnum()]


@settings(deadline=None)
@given(quotations, closing, between, dashes, after, subjects, verbs, tails)
def test_the_dash_before_a_reporting_verb_goes_and_nothing_else_changes(
    quotation: str, mark: str, gap: str, dash: str, space: str, subject: str, verb: str, tail: str
) -> None:
    if dash == "-" and not gap and not space:
        space = " "  # a hyphen glued on both sides joins a compound, kept on purpose
    text = f"{quotation}{mark}{gap}{dash}{space}{subject}{verb}{tail}"
    fixed = newsclean.fix(text, SPEECH_DASH)
    comma = "," in gap or quotation.endswith(",")
    ended = comma or quotation.endswith(("!", "?"))
    words = (verb + tail).split()
    follower = words[1] if len(words) > 1 else ""
    # After a pronoun only a comma makes the clause a reporting one; where nothing ends the
    # quotation, a comma takes the dash's place only before the verb's subject.
    fires = comma if subject else (ended or follower[:1].isupper() or follower in ("the", "in"))
    if not fires:
        assert fixed == text
        return
    assert letters(fixed) == letters(text)
    head = fixed[: fixed.index(subject + verb) if subject else fixed.index(verb)]
    assert not any(d in head[len(quotation) :] for d in "-–—")
    assert fixed.count(mark) == text.count(mark)
    assert newsclean.fix(fixed, SPEECH_DASH) == fixed


@given(
    quotations,
    closing,
    between,
    dashes,
    st.sampled_from(
        ["the money set aside", "they could be seen", "won again", "said to be the first", "x"]
    ),
)
def test_a_dash_before_anything_but_a_reporting_clause_stays(
    quotation: str, mark: str, gap: str, dash: str, rest: str
) -> None:
    text = f"{quotation}{mark}{gap}{dash} {rest}."
    assert newsclean.fix(text, SPEECH_DASH) == text


@given(st.text(alphabet=st.sampled_from(list('"”“» ,-–—\tsaidhe.xS\n')), max_size=60))
def test_every_change_only_removes_dashes_and_spaces_or_moves_the_mark(text: str) -> None:
    for change in speech_dash_changes(text):
        removed = text[change.start : change.end]
        kept = change.replacement or ""
        assert set(removed) - set(kept) <= set(" \t-–—")
        assert set(kept) <= set(removed) | {",", " "}


def test_a_parenthesis_closed_later_in_the_sentence_is_kept() -> None:
    text = 'The "Alpha" fund - said by rivals to be the best - grew, "it is fine" - said one.'
    assert newsclean.fix(text, SPEECH_DASH) == text.replace('" - said one', '", said one')


def test_partner_of_german_quotes_follows_a_straight_document() -> None:
    text = 'He called it "a provocation". Duda said: „We are not afraid“.'
    assert newsclean.fix(text, QUOTES).endswith('Duda said: "We are not afraid".')
    curly = "He called it “a provocation”. Duda said: „We are not afraid“."
    assert newsclean.fix(curly, QUOTES).endswith("Duda said: “We are not afraid”.")


@given(st.text(alphabet=st.sampled_from(list('"”“»«„ ,\t-–—.x\n')), max_size=60))
def test_the_literal_gates_find_what_the_one_pattern_finds(text: str) -> None:
    from newsclean.rules.quotes import speech_dash_marks

    # The one pattern the literal gates replaced, with the class of the marks first.
    reference = regex.compile(r"[\"”“»][ \t]*,?[ \t]*(?:-|–|—)")
    assert speech_dash_marks(text) == [m.start() for m in reference.finditer(text)]


name_subjects = st.sampled_from(["Zhukov", "E. Nabiullina", "Anna Petrova", "the analyst"])
subject_tails = st.sampled_from(
    [".", " on Telegram.", " in a statement.", " the deal would fail.", " it was over."]
)


@settings(deadline=None)
@given(quotations, closing, between, dashes, name_subjects, verbs, subject_tails)
def test_a_subject_before_the_reporting_verb_is_read_after_the_dash(
    quotation: str, mark: str, gap: str, dash: str, subject: str, verb: str, tail: str
) -> None:
    text = f"{quotation}{mark}{gap}{dash} {subject} {verb}{tail}"
    fixed = newsclean.fix(text, SPEECH_DASH)
    ended = "," in gap or quotation.endswith((",", "!", "?"))
    # Where nothing ends the quotation, only a verb without an object is a reporting tag
    # (``"…" - Smith said the deal would fail`` is a clause of its own).
    has_object = " " in verb or tail.split()[0] in ("the", "it")
    if not ended and has_object:
        assert fixed == text
        return
    assert letters(fixed) == letters(text)
    head = fixed[: fixed.index(f"{subject} {verb}")]
    assert not any(d in head[len(quotation) :] for d in "-–—")
    assert newsclean.fix(fixed, SPEECH_DASH) == fixed
