"""The invariants every run must keep, on any input: one checker for hypothesis, atheris and
the regression corpus.

``check(text, config)`` runs the pipeline and asserts that

- the edits are in original offsets, ordered, non-overlapping, and rebuild the output;
- every removed block is returned with its original offsets and text, and comes from a
  header or boilerplate rule;
- findings point at real places in the input (offsets, 1-based line and column);
- the run is idempotent;
- nothing is lost: see :func:`nothing_lost`.
"""

from __future__ import annotations

from functools import cache

import newsclean
from newsclean import Config, Result, apply_edits
from newsclean.pipeline import all_rules

__all__ = ["REMOVING_FAMILIES", "REWRITING_FAMILIES", "check", "expected_letters", "letters"]

#: Families whose rules may remove content (returned in ``metadata["removed"]``).
REMOVING_FAMILIES = frozenset({"header", "boilerplate"})
#: Families whose rules legitimately rewrite letters: encoding repairs mojibake and entities;
#: names replaces mistranslated names (and edits only when made fixable); numbers writes a
#: count in thousands out in digits (NC903: "5.7 thousand" becomes "5,700").
REWRITING_FAMILIES = frozenset({"encoding", "names", "numbers"})


@cache
def family_of() -> dict[str, str]:
    """Rule code -> family name, for every registered rule."""
    return {rule.code: rule.family for rule in all_rules()}


def letters(text: str) -> str:
    """The letters and digits of ``text``, in order, case-folded.

    >>> letters("Olaf Scholzis, 2022!")
    'olafscholzis2022'
    """
    return "".join(c for c in text if c.isalnum()).casefold()


def _without(text: str, start: int, end: int, blocks: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the parts inside ``blocks`` (sorted spans) cut out."""
    pieces = []
    pos = start
    for b_start, b_end in blocks:
        if b_end <= pos or b_start >= end:
            continue
        pieces.append(text[pos : max(pos, b_start)])
        pos = max(pos, min(b_end, end))
    pieces.append(text[pos:end])
    return "".join(pieces)


def expected_letters(text: str, result: Result) -> str:
    """The letters the output must have: the input's, less what removing rules returned in
    ``metadata["removed"]``, with the edits of rewriting rules (encoding, names) applied.

    >>> r = newsclean.fix_and_explain(" date 2022-02-15 NATOâ€™s talks")
    >>> expected_letters(" date 2022-02-15 NATOâ€™s talks", r) == letters(r.text)
    True
    """
    families = family_of()
    blocks = sorted((b["start"], b["end"]) for b in result.metadata.get("removed", []))
    pieces = []
    pos = 0
    for edit in result.edits:
        pieces.append(_without(text, pos, edit.start, blocks))
        if families.get(edit.rule) in REWRITING_FAMILIES:
            pieces.append(edit.replacement)
        else:
            pieces.append(_without(text, edit.start, edit.end, blocks))
        pos = edit.end
    pieces.append(_without(text, pos, len(text), blocks))
    return letters("".join(pieces))


def nothing_lost(text: str, result: Result) -> None:
    """Letters and digits of the output == those of the input, in order, but for what was
    removed (returned in metadata) and what rewriting rules changed (their edits)."""
    got = letters(result.text)
    want = expected_letters(text, result)
    if got != want:
        at = next(
            (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
            min(len(got), len(want)),
        )
        raise AssertionError(
            f"letters lost or added at letter {at}: output has {got[max(0, at - 20) : at + 20]!r}"
            f", input (less removals) has {want[max(0, at - 20) : at + 20]!r}"
        )


def check(text: str, config: Config | None = None) -> Result:
    """Run the pipeline over ``text`` and assert every invariant; return the result."""
    result = newsclean.fix_and_explain(text, config)
    families = family_of()
    assert apply_edits(text, result.edits) == result.text
    last_end = -1
    for edit in result.edits:
        assert 0 <= edit.start <= edit.end <= len(text), edit
        assert edit.start >= last_end, f"edits overlap or are out of order at {edit}"
        last_end = edit.end
        assert text[edit.start : edit.end] == edit.original, edit
        assert edit.original != edit.replacement, edit
        assert edit.rule in families, edit
    for block in result.metadata.get("removed", []):
        assert text[block["start"] : block["end"]] == block["text"], block
        assert families.get(block["rule"]) in REMOVING_FAMILIES, block
    lines = text.split("\n")
    for finding in newsclean.detect(text, config):
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert text[finding.start : finding.end] == finding.original, finding
        assert 1 <= finding.line <= len(lines), finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding
    nothing_lost(text, result)
    again = newsclean.fix(result.text, config)
    assert again == result.text, "not idempotent"
    return result
