"""Shared fixtures: the case tables in tests/cases/ and the seeds in ../shared/seeds/."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE: "default" draws fresh examples on every
# run (exploration on developers' machines); "ci" derandomises (the same examples every run, so
# CI's verdict depends on the code, not on luck; .ci/run selects it); "explore" draws ten times
# more examples for a long hunt before a release.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=1000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def load_cases(name: str) -> dict[str, Any]:
    """A case table: ``{"select": [...], "fix": [[before, after, note?], ...], "keep": [...]}``."""
    with open(CASES / name, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def seed_texts() -> list[tuple[str, str]]:
    """(name, text) of every seed article, or an empty list when ../shared is absent."""
    if not SEEDS.is_dir():
        return []
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="session")
def seeds() -> list[tuple[str, str]]:
    found = seed_texts()
    if not found:
        pytest.skip("../shared/seeds is not present")
    return found
