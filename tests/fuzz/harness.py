"""One fuzz input -> one checked run: shared by the atheris harness and the regression test."""

from __future__ import annotations

from functools import cache

from newsclean import Config
from newsclean.pipeline import all_rules

from .invariants import check

__all__ = ["configs", "decode", "run_one"]


@cache
def configs() -> tuple[Config | None, ...]:
    """The configurations an input's first byte chooses from."""
    return (
        None,
        Config(select=["ALL"], fixable=["ALL"]),
        *(Config(select=[rule.code], fixable=["ALL"]) for rule in all_rules()),
    )


def decode(data: bytes) -> tuple[Config | None, str]:
    """The configuration and the text a fuzz input stands for.

    >>> decode(b"\\x00date 2022-02-15 ok")
    (None, 'date 2022-02-15 ok')
    >>> decode(b"\\x00\\xff")[1]
    '\\ufffd'
    """
    if not data:
        return None, ""
    options = configs()
    return options[data[0] % len(options)], data[1:].decode("utf-8", errors="replace")


def run_one(data: bytes) -> None:
    """Check every invariant on the input ``data`` stands for (raises on a violation)."""
    config, text = decode(data)
    check(text, config)
