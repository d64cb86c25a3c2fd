"""Optional engines in tests: skip without them, unless NEWSCLEAN_REQUIRE_EXTRAS is set.

.ci/run installs the extras and sets ``NEWSCLEAN_REQUIRE_EXTRAS=1``, so there a missing engine
fails the run instead of silently skipping the integration tests.
"""

from __future__ import annotations

import importlib
import os
import random
from types import ModuleType

import pytest

REQUIRE_EXTRAS = bool(os.environ.get("NEWSCLEAN_REQUIRE_EXTRAS"))


def need(module: str) -> ModuleType:
    """Import ``module``; skip the test when it is missing (fail under NEWSCLEAN_REQUIRE_EXTRAS)."""
    if REQUIRE_EXTRAS:
        return importlib.import_module(module)
    found: ModuleType = pytest.importorskip(module)
    return found


_SENTENCES = [
    "NATO defence ministers met in Brussels on Wednesday.",
    "Ukraine’s foreign minister Dmytro Kuleba said Kyiv would wait.",
    "The U.S. embassy said talks would resume at 9 a.m. on Friday.",
    "Prices rose 1.5% in March, to 100,000 hryvnias, said O’Neill.",
    "Apple’s iPhone sales in the ’90s were not the point, said McCain.",
]


def artifact_texts(count: int, seed: int = 7) -> list[str]:
    """Deterministic news-like texts, most carrying artifacts the default rules repair.

    Artifacts: a leaked date header, mojibake, an HTML entity, trailing spaces, runs of blank
    lines, repeated spaces. Every fifth text is left clean.
    """
    rng = random.Random(seed)
    texts = []
    for i in range(count):
        paragraphs = [" ".join(rng.sample(_SENTENCES, 2)) for _ in range(rng.randint(1, 4))]
        if i % 5 == 4:
            texts.append("\n\n".join(paragraphs))
            continue
        kind = i % 4
        if kind == 0:
            paragraphs[0] = f"date: 2022-02-{10 + i % 18:02d}\n" + paragraphs[0]
        elif kind == 1:
            reply = "Kyiv’s reply came on Thursday."
            paragraphs[-1] += " " + reply.encode("utf-8").decode("cp1252", errors="replace")
        elif kind == 2:
            paragraphs[0] = paragraphs[0].replace(" said", " &quot;said&quot;", 1) + "   "
        else:
            paragraphs[0] = paragraphs[0].replace(" ", "   ", 1)
        texts.append(("\n\n\n\n" if i % 2 else "\n\n").join(paragraphs))
    return texts
