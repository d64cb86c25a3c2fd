"""The example in examples/ (run by the README's first command) gives its shipped output."""

from __future__ import annotations

import newsclean

from .conftest import ROOT


def test_shipped_example_gives_its_shipped_output() -> None:
    before = (ROOT / "examples" / "translated_article.txt").read_text(encoding="utf-8")
    after = (ROOT / "examples" / "translated_article.fixed.txt").read_text(encoding="utf-8")
    result = newsclean.fix_and_explain(before)
    assert result.text == after
    assert result.metadata["date"] == "2022-02-15"
    assert [b["text"].strip() for b in result.metadata["removed"]] == [
        "date 2022-02-15",
        "Photo: EFE/EPA/OLEG PETRASYUK",
    ]
    assert newsclean.apply_edits(before, result.edits) == after
