"""Case tables (tests/cases/*.json): must-fix pairs and must-not-change texts per family.

Each file: ``{"select": [codes], "fix": [[before, after, note], ...], "keep": [text, ...]}``.
``keep`` texts are also run through the default pipeline, which must leave them alone.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Config

from .conftest import CASES, load_cases

FIX_CASES = []
KEEP_CASES = []
for path in sorted(CASES.glob("*.json")):
    table = load_cases(path.name)
    for i, case in enumerate(table.get("fix", [])):
        FIX_CASES.append(pytest.param(table["select"], case[0], case[1], id=f"{path.stem}-fix-{i}"))
    for i, text in enumerate(table.get("keep", [])):
        KEEP_CASES.append(pytest.param(table["select"], text, id=f"{path.stem}-keep-{i}"))


@pytest.mark.parametrize(("select", "before", "after"), FIX_CASES)
def test_must_fix(select: list[str], before: str, after: str) -> None:
    config = Config(select=select)
    assert newsclean.fix(before, config) == after
    assert newsclean.fix(after, config) == after


@pytest.mark.parametrize(("select", "text"), KEEP_CASES)
def test_must_not_change(select: list[str], text: str) -> None:
    assert newsclean.fix(text, Config(select=select)) == text
    assert newsclean.fix(text) == text
