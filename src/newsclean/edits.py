"""Edits, findings, and the offset arithmetic that keeps them tied to the original text.

Every change newsclean makes is an :class:`Edit`: a span of the *original* input, the text
that stood there, the text that replaces it, and the rule that asked for it. Rules work on the
output of the rules before them, so the pipeline composes each rule's edits with the edits
already made (:func:`compose`) and always reports offsets into the original input.

All offsets are Python code-point offsets (``str`` indices), not bytes and not UTF-16 units.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Change",
    "Edit",
    "Finding",
    "Meta",
    "apply_changes",
    "apply_edits",
    "compose",
    "line_starts",
    "position",
]


@dataclass(frozen=True, slots=True)
class Change:
    """What a rule asks for, in the coordinates of the text the rule was given.

    ``replacement=None`` means "report only": the rule found a problem it cannot fix safely.
    ``removed=True`` marks content removal (headers, boilerplate): the pipeline returns the
    removed text with its original offsets in ``Result.metadata["removed"]``.
    """

    start: int
    end: int
    replacement: str | None
    message: str
    removed: bool = False


@dataclass(frozen=True, slots=True)
class Meta:
    """A document-level fact a rule found, stored in ``Result.metadata[key]``."""

    key: str
    value: Any


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to the input, in code-point offsets of the ORIGINAL input.

    ``original == input[start:end]`` always holds, and applying a result's edits in offset
    order rebuilds the result's text (see :func:`apply_edits`).

    >>> e = Edit(0, 5, "Scholzis", "Scholz is", "NC101", "split fused name and word")
    >>> e.length
    5
    """

    start: int
    end: int
    original: str
    replacement: str
    rule: str
    message: str

    @property
    def length(self) -> int:
        """Length of the replaced span in the original input."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found in the input: an edit ``fix`` would make, or one it cannot make safely.

    ``replacement`` is ``None`` for detect-only findings. ``line`` and ``column`` are 1-based
    and count code points; ``start``/``end`` are code-point offsets into the input.
    """

    rule: str
    start: int
    end: int
    line: int
    column: int
    message: str
    original: str
    replacement: str | None = None
    fixable: bool = field(default=False)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (offsets are Python code points)."""
        return {
            "rule": self.rule,
            "line": self.line,
            "column": self.column,
            "offset": self.start,
            "length": self.end - self.start,
            "original": self.original,
            "replacement": self.replacement,
            "message": self.message,
            "fixable": self.fixable,
        }


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (original offsets) to ``text``.

    >>> apply_edits("Olaf Scholzis now", [Edit(5, 13, "Scholzis", "Scholz is", "NC101", "")])
    'Olaf Scholz is now'

    Raises ``ValueError`` when edits overlap or do not match the text they claim to replace.
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    pos = 0
    for edit in ordered:
        if edit.start < pos or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"edit {edit!r} overlaps another edit or falls outside the text")
        if text[edit.start : edit.end] != edit.original:
            raise ValueError(f"edit {edit!r} does not match the text at its offsets")
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Apply sorted, non-overlapping changes (offsets of ``text``); report-only ones are skipped.

    >>> apply_changes("withUkraine", [Change(4, 4, " ", "split")])
    'with Ukraine'
    """
    parts: list[str] = []
    pos = 0
    for change in changes:
        if change.replacement is None:
            continue
        parts.append(text[pos : change.start])
        parts.append(change.replacement)
        pos = change.end
    parts.append(text[pos:])
    return "".join(parts)


def _interacts(ns: int, ne: int, ps: int, pe: int, p_inserts: bool) -> bool:
    """Whether a new span [ns, ne) and an earlier edit's current span [ps, pe) must merge.

    They merge when they overlap, or when the new change is an insertion at the edge of an
    earlier insertion (two insertions at one original offset, whose order would be
    ambiguous). Edits that only touch stay apart, each with its own rule code.
    """
    if ns < pe and ne > ps:
        return True
    return ns == ne and p_inserts and ns in (ps, pe)


def compose(
    original: str,
    current: str,
    previous: Sequence[Edit],
    changes: Sequence[Change],
    rule: str,
    label_of: Callable[[list[str]], str] | None = None,
) -> list[Edit]:
    """Fold ``changes`` (offsets into ``current``) into ``previous`` (offsets into ``original``).

    ``previous`` applied to ``original`` gives ``current``. The result, applied to
    ``original``, gives ``current`` with ``changes`` applied. Where a change overlaps text an
    earlier edit produced, the two become one edit (its message names both; its ``rule`` is
    the code that ``label_of`` picks from the codes of the earlier edits merged, in offset
    order, followed by ``rule``; without ``label_of``, the leftmost earlier edit's). Runs in
    O((n + m) log n).

    >>> prev = [Edit(0, 0, "", "A", "NC001", "first")]
    >>> [(e.start, e.end, e.replacement) for e in compose("bc", "Abc", prev,
    ...     [Change(3, 3, "d", "second")], "NC002")]
    [(0, 0, 'A'), (2, 2, 'd')]
    """
    fixing = sorted(
        (c for c in changes if c.replacement is not None), key=lambda c: (c.start, c.end)
    )
    if not fixing:
        return list(previous)
    # Current-text spans of the earlier edits, and the running offset after each.
    cur_starts: list[int] = []
    cur_ends: list[int] = []
    deltas_after: list[int] = []
    delta = 0
    for edit in previous:
        cs = edit.start + delta
        ce = cs + len(edit.replacement)
        delta += len(edit.replacement) - (edit.end - edit.start)
        cur_starts.append(cs)
        cur_ends.append(ce)
        deltas_after.append(delta)

    def start_to_original(pos: int) -> int:
        """The original offset of a start position outside the earlier edits' spans: after
        every edit ending at or before it (a deletion at ``pos`` included)."""
        k = bisect_right(cur_ends, pos)
        return pos - (deltas_after[k - 1] if k else 0)

    def end_to_original(pos: int) -> int:
        """The original offset of an end position: like a start, but before a deletion
        that sits exactly at ``pos`` (so that a change ending there does not cover it)."""
        k = bisect_right(cur_ends, pos)
        while k and cur_ends[k - 1] == pos and cur_starts[k - 1] == pos:
            k -= 1
        return pos - (deltas_after[k - 1] if k else 0)

    # Group new changes with the earlier edits they interact with (union of overlaps).
    parent = list(range(len(previous) + len(fixing)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    n_prev = len(previous)
    for j, ch in enumerate(fixing):
        lo = bisect_left(cur_ends, ch.start)
        hi = bisect_right(cur_starts, ch.end)
        for i in range(lo, hi):
            p_inserts = previous[i].start == previous[i].end
            if _interacts(ch.start, ch.end, cur_starts[i], cur_ends[i], p_inserts):
                union(n_prev + j, i)

    _close_ranges(n_prev, len(fixing), find, union)

    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(n_prev):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(fixing)):
        groups.setdefault(find(n_prev + j), ([], []))[1].append(j)

    result: list[Edit] = []
    for prev_ids, new_ids in groups.values():
        if not new_ids:
            result.extend(previous[i] for i in prev_ids)
            continue
        new_changes = [fixing[j] for j in new_ids]
        if not prev_ids:
            # A change in text no earlier edit touched: shift it back to original offsets.
            ch = new_changes[0]
            start = start_to_original(ch.start)
            end = start if ch.start == ch.end else end_to_original(ch.end)
            assert ch.replacement is not None
            result.append(Edit(start, end, original[start:end], ch.replacement, rule, ch.message))
            continue
        prevs = [previous[i] for i in prev_ids]
        cs = min(min(cur_starts[i] for i in prev_ids), min(c.start for c in new_changes))
        ce = max(max(cur_ends[i] for i in prev_ids), max(c.end for c in new_changes))
        first = min(prev_ids)
        last = max(prev_ids)
        ostart = previous[first].start if cur_starts[first] == cs else start_to_original(cs)
        oend = previous[last].end if cur_ends[last] == ce else end_to_original(ce)
        local = [Change(c.start - cs, c.end - cs, c.replacement, c.message) for c in new_changes]
        replacement = apply_changes(current[cs:ce], local)
        orig_text = original[ostart:oend]
        if replacement == orig_text:
            continue
        messages = [p.message for p in prevs] + [c.message for c in new_changes]
        unique = list(dict.fromkeys(m for m in messages if m))
        label = (
            label_of([p.rule for p in prevs] + [rule]) if label_of is not None else prevs[0].rule
        )
        result.append(Edit(ostart, oend, orig_text, replacement, label, "; ".join(unique)))
    result.sort(key=lambda e: (e.start, e.end))
    return result


def _close_ranges(
    n_prev: int, n_new: int, find: Callable[[int], int], union: Callable[[int, int], None]
) -> None:
    """Make every group of :func:`compose` that holds a new change hold the earlier edits
    between its first and its last one too (ids ``0 .. n_prev - 1`` are the earlier edits in
    order, the next ``n_new`` the new changes).

    The group becomes one edit over the original text from its first earlier edit to its
    last; an earlier edit in between that no change touched (a deletion between two
    insertions the changes sit next to) lies inside that span, so it must be merged in,
    not left beside it. Ranges that then overlap are merged as well.
    """
    with_new = {find(n_prev + j) for j in range(n_new)}
    ranges: dict[int, tuple[int, int]] = {}
    for i in range(n_prev):
        root = find(i)
        if root in with_new:
            lo, hi = ranges.get(root, (i, i))
            ranges[root] = (min(lo, i), max(hi, i))
    reach, reach_root = -1, -1
    for lo, hi, root in sorted((lo, hi, root) for root, (lo, hi) in ranges.items()):
        if lo <= reach:
            union(root, reach_root)
        for i in range(max(lo, reach + 1), hi + 1):
            union(root, i)
        if hi > reach:
            reach, reach_root = hi, root


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (lines end at ``\\n``).

    >>> line_starts("ab\\ncd\\n")
    [0, 3, 6]
    """
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a code-point offset, given :func:`line_starts`.

    >>> position(line_starts("ab\\ncd"), 4)
    (2, 2)
    """
    index = bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def merge_metadata(target: dict[str, Any], updates: Mapping[str, Any]) -> None:
    """Merge rule metadata into ``target``: lists are extended, other values replaced."""
    for key, value in updates.items():
        if isinstance(value, list) and isinstance(target.get(key), list):
            target[key].extend(value)
        else:
            target[key] = value
