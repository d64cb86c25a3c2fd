"""An index of the letter-or-digit runs of a long text, block by block, for finding words.

The fused rules look up many words in the same document ("does Kuleba stand alone
elsewhere?"). In a long document a ``str.find`` walk per word grows with length times words;
instead the text is cut into blocks, each with the set of runs it holds, and a word is only
looked for in the blocks that hold its runs.

A repair makes a new version of the text, and the rules ask again. Building the index costs
about 80 ms per MB, so a new version reuses the blocks of the last one wherever the text is
unchanged and only cuts the stretches that hold changes afresh (:func:`updated_blocks`). The
blocks' layout may then differ from a fresh cut; what the index promises does not: blocks
tile the text, each ends just after a character that is no letter or digit (so no run
straddles two blocks), and each holds exactly its runs.
"""

from __future__ import annotations

import re
from itertools import compress, count, repeat

#: The fewest characters in a block, and about how many blocks at most (past
#: ``RUN_BLOCK * MAX_RUN_BLOCKS`` characters, blocks grow with the text).
RUN_BLOCK = 32_768
MAX_RUN_BLOCKS = 256
#: A maximal run of letters and digits, exactly as ``str.isalnum`` sees them (the standard
#: library's ``\w`` on ``str`` is ``isalnum`` or ``_``).
ALNUM_RUN_RE = re.compile(r"[^\W_]+")
NOT_ALNUM_RE = re.compile(r"[\W_]")
#: How many later blocks :func:`updated_blocks` looks for past a changed one, and by how many
#: characters the changed stretch may have grown for it to find them; past either bound the
#: rest of the text is cut afresh.
RESYNC_BLOCKS = 4
RESYNC_SLACK = 65_536

Block = tuple[int, int, frozenset[str]]
#: What :class:`BlockIndex` keeps: the last text, its blocks and the blocks' run sets.
_Entry = tuple[str, tuple[Block, ...], tuple[frozenset[str], ...]]


def _cut(text: str, start: int, stop: int, step: int) -> list[Block]:
    """Blocks of ``text[start:stop]`` of at least ``step`` characters (the last may be
    shorter), each ending just after a character that is no letter or digit, or at ``stop``.
    ``text[stop - 1]`` must be no letter or digit when ``stop`` is not the text's end."""
    blocks = []
    pos = start
    while pos < stop:
        cut = NOT_ALNUM_RE.search(text, min(stop, pos + step), stop)
        end = stop if cut is None else cut.start() + 1
        blocks.append((pos, end, frozenset(ALNUM_RUN_RE.findall(text, pos, end))))
        pos = end
    return blocks


def _step(size: int, block: int, max_blocks: int) -> int:
    return max(block, size // max_blocks)


def run_blocks(
    text: str, block: int = RUN_BLOCK, max_blocks: int = MAX_RUN_BLOCKS
) -> tuple[Block, ...]:
    """``text`` cut into at most about ``max_blocks`` blocks (of at least ``block``
    characters), each ending just after a character that is no letter or digit, with the set
    of letter-or-digit runs (as ``str.isalnum`` sees them) in each: ``(start, end, runs)``.
    A run never straddles two blocks.

    >>> [(a, b, sorted(r)) for a, b, r in run_blocks("Kuleba said so")]
    [(0, 14, ['Kuleba', 'said', 'so'])]
    >>> [(a, b) for a, b, _ in run_blocks("ab cd ef", block=2)]
    [(0, 3), (3, 6), (6, 8)]
    """
    return tuple(_cut(text, 0, len(text), _step(len(text), block, max_blocks)))


def updated_blocks(
    old: str,
    old_blocks: tuple[Block, ...],
    text: str,
    block: int = RUN_BLOCK,
    max_blocks: int = MAX_RUN_BLOCKS,
) -> tuple[Block, ...]:
    """The blocks of ``text``, given the blocks of an earlier version ``old``: every block
    whose characters stand unchanged in ``text`` is kept (shifted by the changes before it),
    and only the stretches between kept blocks are cut afresh, each as one block.

    The old blocks are taken in order. A block that no longer stands where the last kept
    one ends holds a change; the next old blocks (up to :data:`RESYNC_BLOCKS` of them) are
    looked for in ``text`` from there, within :data:`RESYNC_SLACK` characters of growth, and
    the first one found on a boundary (after a character that is no letter or digit) takes
    up the walk. So repairs spread over a whole document cost a cut of the blocks that hold
    them, not of everything between the first and the last.

    >>> old = "Kuleba said so. Scholz met him. Talks went on."
    >>> old_blocks = run_blocks(old, block=8)
    >>> blocks = updated_blocks(old, old_blocks, old.replace("met", "saw"), block=8)
    >>> [(a, b) for a, b, _ in blocks] == [(a, b) for a, b, _ in old_blocks]
    True
    >>> sorted(blocks[2][2]), blocks[1][2] is old_blocks[1][2], blocks[3][2] is old_blocks[3][2]
    (['him', 'saw'], True, True)
    >>> new = old.replace("Kuleba", "Mr Kuleba").replace("Talks", "Talks then")
    >>> blocks = updated_blocks(old, old_blocks, new, block=8)
    >>> [old[a:b] for a, b, _ in old_blocks]
    ['Kuleba said ', 'so. Scholz ', 'met him. ', 'Talks went ', 'on.']
    >>> [new[a:b] for a, b, _ in blocks]
    ['Mr Kuleba said ', 'so. Scholz ', 'met him. ', 'Talks then went ', 'on.']
    >>> [b[2] is o[2] for b, o in zip(blocks, old_blocks)]
    [False, True, True, False, True]
    """
    size = len(text)
    old_size = len(old)
    out: list[Block] = []
    pos = 0  # where the next block of ``text`` starts
    i = 0
    count = len(old_blocks)
    while i < count:
        a, b, runs = old_blocks[i]
        end = pos + b - a
        if text.startswith(old[a:b], pos) and (b < old_size or end == size):
            out.append((pos, end, runs))
            pos = end
            i += 1
            continue
        # Block i holds a change: find where a later block stands now.
        for j in range(i + 1, min(count, i + 1 + RESYNC_BLOCKS)):
            aj, bj, _ = old_blocks[j]
            needle = old[aj:bj]
            limit = pos + (bj - a) + RESYNC_SLACK
            at = text.find(needle, pos, limit)
            while at != -1:
                if (at == 0 or NOT_ALNUM_RE.match(text, at - 1) is not None) and (
                    bj < old_size or at + bj - aj == size
                ):
                    break
                at = text.find(needle, at + 1, limit)
            if at != -1:
                if at > pos:
                    out.extend(_cut(text, pos, at, at - pos))
                pos = at
                i = j
                break
        else:
            break  # no later block found near: cut the rest afresh
    if pos < size:
        out.extend(_cut(text, pos, size, _step(size, block, max_blocks)))
    return tuple(out)


class BlockIndex:
    """The blocks of the last text asked for, by identity, updated from the version before.

    The fused rules ask for the blocks of the same text object thousands of times in a row,
    then of the next version of it. A hit by identity costs nothing (an ``lru_cache`` hit
    would compare the key with ``==``: an equal copy of a long text, character by character,
    on every call); a new text that shares most of its characters with the last one reuses
    its blocks (:func:`updated_blocks`). Thread-safe without a lock: one ``(text, blocks,
    run sets)`` entry, read and replaced whole.

    >>> index = BlockIndex()
    >>> index.blocks("Kuleba said so") is index.blocks("Kuleba said so")
    True
    """

    def __init__(self, block: int = RUN_BLOCK, max_blocks: int = MAX_RUN_BLOCKS) -> None:
        self._block = block
        self._max_blocks = max_blocks
        self._last: _Entry | None = None

    def blocks(self, text: str) -> tuple[Block, ...]:
        return self._entry(text)[1]

    def holding(self, text: str, run: str) -> tuple[tuple[Block, ...], list[int]]:
        """The blocks of ``text`` and the indices of those whose runs include ``run``, in
        order, from one entry (so that another thread's text cannot slip in between): one
        C-level pass over the blocks' run sets (a long document has up to ~256 blocks, and
        the fused rules ask for thousands of words).

        >>> index = BlockIndex(block=8)
        >>> text = "Kuleba said so. Scholz met him. Talks went on."
        >>> index.holding(text, "Scholz")[1], index.holding(text, "Kremlin")[1]
        ([1], [])
        """
        _, blocks, sets = self._entry(text)
        return blocks, list(compress(count(), map(frozenset.__contains__, sets, repeat(run))))

    def _entry(self, text: str) -> _Entry:
        last = self._last
        if last is not None and last[0] is text:
            return last
        if last is not None and len(last[0]) >= 2 * self._block:
            blocks = updated_blocks(last[0], last[1], text, self._block, self._max_blocks)
        else:
            blocks = run_blocks(text, self._block, self._max_blocks)
        entry = (text, blocks, tuple(runs for _, _, runs in blocks))
        self._last = entry
        return entry
