"""The engine: edits, composition of edits across rules, offsets, lines and columns."""

from __future__ import annotations

import itertools
import pickle
import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config, ConfigError, Edit, apply_edits
from newsclean.edits import Change, apply_changes, compose, line_starts, position


def test_apply_edits_rejects_overlap() -> None:
    edits = [Edit(0, 3, "abc", "x", "NC1", ""), Edit(2, 4, "cd", "y", "NC1", "")]
    with pytest.raises(ValueError):
        apply_edits("abcd", edits)


def test_apply_edits_rejects_wrong_original() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcd", [Edit(0, 1, "z", "x", "NC1", "")])


def test_edit_is_frozen() -> None:
    edit = Edit(0, 1, "a", "b", "NC1", "")
    with pytest.raises(AttributeError):
        edit.start = 2  # type: ignore[misc]


def _random_changes(rng: random.Random, text: str) -> list[Change]:
    """Random non-overlapping changes (insertions, deletions, replacements) over ``text``."""
    changes = []
    pos = 0
    while pos <= len(text) and len(changes) < 6:
        start = rng.randint(pos, len(text))
        end = rng.randint(start, min(len(text), start + 3))
        rep = rng.choice(["", "X", "YZ", " ", text[start:end].upper()])
        if (start, end) != (start, start) or rep:
            changes.append(Change(start, end, rep, "m"))
        pos = end + rng.randint(0, 2)
        if pos > len(text) or (start == end and pos == start):
            pos += 1
    return changes


@settings(max_examples=400)
@given(st.text(alphabet="abc \n", max_size=30), st.integers(0, 10**6), st.integers(1, 4))
# Two insertions a change touches on either side of an earlier deletion it does not touch.
@example(text="aaaaaaaa", seed=327, rounds=3)
def test_compose_rebuilds_every_stage(text: str, seed: int, rounds: int) -> None:
    """Whatever rules do, edits in original offsets rebuild the text after every rule."""
    rng = random.Random(seed)
    original = current = text
    edits: list[Edit] = []
    for round_no in range(rounds):
        changes = _random_changes(rng, current)
        edits = compose(original, current, edits, changes, f"NC{round_no}")
        current = apply_changes(current, changes)
        assert apply_edits(original, edits) == current
        for e in edits:
            assert original[e.start : e.end] == e.original
        assert all(a.end <= b.start for a, b in itertools.pairwise(edits))


def test_compose_keeps_rules_apart_when_edits_do_not_touch() -> None:
    original = "Olaf Scholzis now.  "
    first = [Change(18, 20, "", "trailing")]
    edits = compose(original, original, [], first, "NC501")
    current = apply_changes(original, first)
    edits = compose(original, current, edits, [Change(11, 11, " ", "split")], "NC101")
    assert [(e.rule, e.start, e.end) for e in edits] == [("NC101", 11, 11), ("NC501", 18, 20)]


def test_compose_merges_an_edit_of_an_edit() -> None:
    original = "Ã© x"
    step1 = [Change(0, 2, "é", "mojibake")]
    edits = compose(original, original, [], step1, "NC601")
    current = apply_changes(original, step1)
    edits = compose(original, current, edits, [Change(0, 1, "E", "upper")], "NC999")
    assert edits == [Edit(0, 2, "Ã©", "E", "NC601", "mojibake; upper")]


def test_line_and_column() -> None:
    text = "first line\nsecond\r\nthird"
    starts = line_starts(text)
    assert position(starts, 0) == (1, 1)
    assert position(starts, 11) == (2, 1)
    assert position(starts, text.index("third")) == (3, 1)
    assert position(starts, len(text)) == (3, 6)


def test_config_is_frozen_and_picklable() -> None:
    config = Config(select=["NC5"], options={"NC501": {"x": [1, 2]}})
    assert pickle.loads(pickle.dumps(config)) == config
    assert config.option("NC501", "x") == (1, 2)
    with pytest.raises(AttributeError):
        config.select = ()  # type: ignore[misc]


def test_unknown_selector_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="NC999"):
        newsclean.fix("text", Config(select=["NC999"]))


def test_select_ignore_and_family_names() -> None:
    text = "a  b   \n\n\n\n\nc"
    assert newsclean.fix(text, Config(select=["whitespace"], ignore=["NC504"])) == "a  b\n\nc"
    assert newsclean.fix(text, Config(ignore=["NC5"])) == text


def test_unfixable_rules_still_report() -> None:
    text = "x   \n"
    config = Config(unfixable=["NC501"])
    assert newsclean.fix(text, config) == text
    findings = newsclean.detect(text, config)
    assert [(f.rule, f.replacement, f.fixable) for f in findings] == [("NC501", "", True)]


def test_registry_lists_every_rule() -> None:
    records = newsclean.list_rules()
    codes = [r["code"] for r in records]
    assert len(codes) == len(set(codes))
    for record in records:
        assert set(record) >= {"code", "name", "family", "summary", "default", "fixes"}
        assert record["code"].startswith("NC") and len(record["code"]) == 5


def test_non_str_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="bytes"):
        newsclean.fix(b"bytes")  # type: ignore[arg-type]


def test_lexicon_round_trip(tmp_path: object) -> None:
    from pathlib import Path

    lex = newsclean.Lexicon.from_texts(
        ["Foreign Minister said Kuleba would go.", "He met Kuleba and Zakharova today."],
        min_documents=2,
    )
    assert "Kuleba" in lex and "Zakharova" not in lex
    path = Path(str(tmp_path)) / "names.txt"
    lex.save(path)
    assert newsclean.Lexicon.load(path) == lex
    assert pickle.loads(pickle.dumps(lex)) == lex


def test_compose_keeps_a_change_next_to_a_deletion_apart() -> None:
    """A change that only touches text an earlier rule deleted keeps its own rule code
    (it used to be merged into the deletion and labelled with the deleting rule)."""
    original = " date 2022-02-15 fly takes"
    step1 = [Change(0, 17, "", "header")]
    edits = compose(original, original, [], step1, "NC301")
    current = apply_changes(original, step1)
    step2 = [Change(0, 3, "Moscow", "name")]
    edits = compose(original, current, edits, step2, "NC801")
    assert [(e.rule, e.start, e.end, e.replacement) for e in edits] == [
        ("NC301", 0, 17, ""),
        ("NC801", 17, 20, "Moscow"),
    ]
    assert apply_edits(original, edits) == "Moscow takes"
    # Ending at a deletion does not swallow it either.
    original = "ab  cd"
    step1 = [Change(2, 4, "", "spaces")]
    edits = compose(original, original, [], step1, "NC504")
    current = apply_changes(original, step1)
    edits = compose(original, current, edits, [Change(1, 2, "B", "upper")], "NC999")
    assert [(e.rule, e.start, e.end) for e in edits] == [("NC999", 1, 2), ("NC504", 2, 4)]
    assert apply_edits(original, edits) == "aBcd"


def test_a_config_that_is_not_a_config_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match=r"Config\(\*\*mapping\)"):
        newsclean.fix("a  b", {"select": ["NC5"]})  # type: ignore[arg-type]


def test_a_lexicon_is_never_built_from_one_string() -> None:
    from newsclean import Lexicon

    for build in (
        lambda: Lexicon("Kuleba"),  # type: ignore[arg-type]
        lambda: Lexicon.from_names("Kuleba"),
        lambda: Lexicon.from_texts("Then Kuleba said so."),
    ):
        with pytest.raises(TypeError):
            build()
    assert "Kule" not in Lexicon(frozenset({"Kuleba"}))
    assert Lexicon(["Kuleba"]) == Lexicon.from_names(["Kuleba"])  # type: ignore[arg-type]


def test_a_leading_byte_order_mark_is_kept_and_read_past() -> None:
    body = "date 2022-02-15 The spokesman said so.  \nPhoto: EFE/EPA\nTalks went on.\n"
    plain = newsclean.fix_and_explain(body)
    marked = newsclean.fix_and_explain("\ufeff" + body)
    assert marked.text == "\ufeff" + plain.text
    assert marked.metadata["date"] == plain.metadata["date"] == "2022-02-15"
    assert [(e.start - 1, e.end - 1, e.rule) for e in marked.edits] == [
        (e.start, e.end, e.rule) for e in plain.edits
    ]
    assert apply_edits("\ufeff" + body, marked.edits) == marked.text
    removed = marked.metadata["removed"]
    assert len(removed) == len(plain.metadata["removed"]) >= 2
    assert all(("\ufeff" + body)[b["start"] : b["end"]] == b["text"] for b in removed)
    found = newsclean.detect("\ufeffTalks went on.  ")
    assert [(f.start, f.line, f.column) for f in found] == [(15, 1, 16)]
