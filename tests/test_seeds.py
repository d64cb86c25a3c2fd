"""The seed articles in ../shared/seeds (skipped when ../shared is absent)."""

from __future__ import annotations

import newsclean
from newsclean import Config, apply_edits


def test_edits_rebuild_and_fix_is_idempotent(seeds: list[tuple[str, str]]) -> None:
    for name, text in seeds:
        result = newsclean.fix_and_explain(text)
        assert apply_edits(text, result.edits) == result.text, name
        assert newsclean.fix(result.text) == result.text, name


def test_date_header(seeds: list[tuple[str, str]]) -> None:
    header_only = Config(select=["NC3"])
    for name, text in seeds:
        result = newsclean.fix_and_explain(text, header_only)
        if text.lstrip().startswith("date 2022-02-15"):
            assert result.metadata["date"] == "2022-02-15", name
            assert result.text == text.split("2022-02-15", 1)[1].lstrip(), name
            assert "date 2022-02-15" not in newsclean.fix(text), name
        else:
            assert "date" not in result.metadata, name
            assert result.text == text, name
