"""The run index of long texts: blocks updated from an earlier version keep every promise of a
fresh cut (they tile the text, end after a non-alphanumeric character, hold exactly their runs)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.rules.runindex import (
    ALNUM_RUN_RE,
    Block,
    BlockIndex,
    run_blocks,
    updated_blocks,
)

#: Small blocks, so that short generated texts have many.
BLOCK = 8
MAX_BLOCKS = 4

WORDS = ["Kuleba", "said", "so", "Scholz", "is", "ab", "x1", "Ünal", "_", "", "l’Unità"]
SEPARATORS = [" ", ", ", ". ", "\n", "-", "’", "—", "_", "  "]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS))))
    return "".join(w + s for w, s in parts)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a version of it with a few spans replaced (as a repair would)."""
    old = draw(texts())
    new = old
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, len(new)))
        b = draw(st.integers(a, min(len(new), a + 12)))
        insert = draw(st.sampled_from(["", " ", "is ", "Kuleba", ".", "ab\n", "’s"]))
        new = new[:a] + insert + new[b:]
    return old, new


def _check(text: str, blocks: tuple[Block, ...]) -> None:
    assert [b[0] for b in blocks[1:]] == [b[1] for b in blocks[:-1]]  # contiguous
    if text:
        assert blocks[0][0] == 0 and blocks[-1][1] == len(text)
    else:
        assert blocks == ()
    for start, end, runs in blocks:
        assert start < end
        assert end == len(text) or not text[end - 1].isalnum()  # no run straddles
        assert runs == frozenset(ALNUM_RUN_RE.findall(text, start, end))
        if start:
            assert not text[start - 1].isalnum()


def _whole_runs(text: str) -> set[tuple[int, str]]:
    return {(m.start(), m.group()) for m in ALNUM_RUN_RE.finditer(text)}


@settings(max_examples=400, deadline=None)
@given(edited())
def test_updated_blocks_keep_the_promises_of_a_fresh_cut(pair: tuple[str, str]) -> None:
    old, new = pair
    old_blocks = run_blocks(old, BLOCK, MAX_BLOCKS)
    _check(old, old_blocks)
    blocks = updated_blocks(old, old_blocks, new, BLOCK, MAX_BLOCKS)
    _check(new, blocks)
    # Every run of the text is found in its block.
    for at, run in _whole_runs(new):
        (holder,) = [b for b in blocks if b[0] <= at < b[1]]
        assert run in holder[2] and at + len(run) <= holder[1]


@settings(max_examples=200, deadline=None)
@given(st.lists(edited(), min_size=1, max_size=4))
def test_the_index_follows_versions_and_unrelated_texts(pairs: list[tuple[str, str]]) -> None:
    index = BlockIndex(BLOCK, MAX_BLOCKS)
    for old, new in pairs:
        for text in (old, new):
            blocks = index.blocks(text)
            _check(text, blocks)
            assert index.blocks(text) is blocks


def test_unchanged_blocks_are_reused_not_cut_again() -> None:
    old = " ".join(f"word{i} said so." for i in range(2_000))
    new = old.replace("word1000 said", "word1000 is", 1)
    old_blocks = run_blocks(old, BLOCK * 64, MAX_BLOCKS * 64)
    blocks = updated_blocks(old, old_blocks, new, BLOCK * 64, MAX_BLOCKS * 64)
    reused = sum(1 for b in blocks if any(b[2] is o[2] for o in old_blocks))
    assert reused >= len(old_blocks) - 2, (reused, len(old_blocks))
    _check(new, blocks)
    # An unrelated text of the same length shares nothing and is cut afresh.
    other = re.sub(r"said", "told", old)
    assert (
        updated_blocks(old, old_blocks, other, BLOCK * 64, MAX_BLOCKS * 64)[0][2]
        is not (old_blocks[0][2])
    )


def test_changes_spread_over_the_text_recut_only_the_blocks_that_hold_them() -> None:
    # Repairs all over a long document (the usual case for the whitespace and quotes
    # rules): every block without one is kept, not only those before the first and after
    # the last.
    old = " ".join(f"word{i} said so." for i in range(4_000))
    new = old
    for i in range(100, 4_000, 400):  # ten repairs, some growing and some shrinking the text
        new = new.replace(f"word{i} said", f"word{i} told us" if i % 800 else f"w{i}", 1)
    old_blocks = run_blocks(old, BLOCK * 64, MAX_BLOCKS * 64)
    blocks = updated_blocks(old, old_blocks, new, BLOCK * 64, MAX_BLOCKS * 64)
    _check(new, blocks)
    reused = sum(1 for b in blocks if any(b[2] is o[2] for o in old_blocks))
    assert len(old_blocks) > 40
    assert reused >= len(old_blocks) - 10, (reused, len(old_blocks))
    assert len(blocks) == len(old_blocks)


def test_repeated_text_and_a_removed_block_keep_the_promises() -> None:
    # A document that repeats itself: a block's characters stand in more than one place, and
    # a whole block removed makes the walk take up the next one.
    part = " ".join(f"word{i} said so." for i in range(300))
    old = part + " " + part
    old_blocks = run_blocks(old, BLOCK * 64, MAX_BLOCKS * 64)
    a, b, _ = old_blocks[3]
    for new in (old[:a] + old[b:], old[:a] + old[a:b] + old[a:b] + old[b:], old + " end"):
        blocks = updated_blocks(old, old_blocks, new, BLOCK * 64, MAX_BLOCKS * 64)
        _check(new, blocks)
