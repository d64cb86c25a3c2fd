"""Read-only data tables shipped in ``newsclean/data/``, loaded lazily, once, race-free.

Tables are plain UTF-8 text files, one entry a line; ``#`` starts a comment. Users extend
them through :class:`newsclean.Config` options rather than by editing the files.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import update_wrapper
from importlib import resources
from typing import Generic, TypeVar

__all__ = ["load_table", "once"]

T = TypeVar("T")

_LOCK = threading.Lock()
_TABLES: dict[str, tuple[str, ...]] = {}


def _parse(raw: str) -> tuple[str, ...]:
    """Lines of a table file without comments and blank lines.

    >>> _parse("# comment\\nsaid\\n\\n  told  # inline comment\\n")
    ('said', 'told')
    """
    out = []
    for line in raw.splitlines():
        entry = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if entry:
            out.append(entry)
    return tuple(out)


def load_table(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>``, read once per process (thread-safe).

    >>> "date" in load_table("header_keys.txt")
    True
    """
    table = _TABLES.get(name)
    if table is not None:
        return table
    with _LOCK:
        table = _TABLES.get(name)
        if table is None:
            raw = resources.files("newsclean.data").joinpath(name).read_text(encoding="utf-8")
            table = _parse(raw)
            _TABLES[name] = table
    return table


class once(Generic[T]):
    """Decorate a function of no arguments so that it runs once, even when many threads
    call it for the first time together (``functools.cache`` may run it once per thread).

    >>> calls = []
    >>> @once
    ... def table() -> tuple[str, ...]:
    ...     calls.append(1)
    ...     return ("a", "b")
    >>> table() is table(), len(calls)
    (True, 1)
    >>> table.cache_clear(); _ = table(); len(calls)
    2
    """

    _UNSET = object()

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._lock = threading.Lock()
        self._value: object = once._UNSET
        update_wrapper(self, fn)

    def __call__(self) -> T:
        value = self._value
        if value is once._UNSET:
            with self._lock:
                value = self._value
                if value is once._UNSET:
                    value = self._value = self._fn()
        return value  # type: ignore[return-value]

    def cache_clear(self) -> None:
        """Forget the value: the next call runs the function again."""
        with self._lock:
            self._value = once._UNSET
