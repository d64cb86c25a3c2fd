"""Read-only data tables shipped in ``newsclean/data/``, loaded lazily, once, race-free.

Tables are plain UTF-8 text files, one entry a line; ``#`` starts a comment. Users extend
them through :class:`newsclean.Config` options rather than by editing the files.
"""

from __future__ import annotations

import threading
from importlib import resources

__all__ = ["load_table"]

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
