"""Read-only data tables shipped in ``newsclean/data/``, loaded lazily, once, race-free.

Tables are plain UTF-8 text files, one entry a line; ``#`` starts a comment. Users extend
them through :class:`newsclean.Config` options rather than by editing the files.

The English word frequencies of wordfreq are also served from here
(:func:`word_frequencies`, :func:`zipf_frequency`): the first run derives a compact table
from wordfreq's data and keeps it in a cache folder (:func:`cache_dir`), keyed by the
wordfreq files it came from, so that later processes load it in a fraction of the time
(and without importing wordfreq at all).
"""

from __future__ import annotations

import bisect
import contextlib
import glob
import marshal
import math
import os
import sys
import threading
import unicodedata
import zlib
from array import array
from collections.abc import Callable, ItemsView, Iterator, Mapping, Sequence
from functools import update_wrapper
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

if TYPE_CHECKING:
    import re

    import regex

__all__ = [
    "CACHE_ENV",
    "FrequencyTable",
    "cache_dir",
    "code_digest",
    "compiled_patterns",
    "compiled_re_patterns",
    "derived",
    "load_table",
    "once",
    "word_frequencies",
    "zipf_frequency",
]

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


#: The data folder beside this module (where a normal installation puts it).
DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def read_data(name: str) -> str:
    """The text of ``data/<name>``: read from the folder beside this module, or through
    :mod:`importlib.resources` when the package is not on disk (a zip file), which costs
    ~12 ms of imports at start-up.

    >>> read_data("header_keys.txt") == read_data("./header_keys.txt")
    True
    """
    try:
        with open(os.path.join(DATA_DIR, name), encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        from importlib import resources

        return resources.files("newsclean.data").joinpath(name).read_text(encoding="utf-8")


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
            table = _parse(read_data(name))
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


# --------------------------------------------------------------------------------------
# English word frequencies (wordfreq's "best" English list), cached on disk.

#: Environment variable: the folder for derived tables; set but empty, nothing is cached.
CACHE_ENV = "NEWSCLEAN_CACHE_DIR"
#: Version of the cache file's layout (a new layout gets a new file name).
FREQ_FORMAT = 3
#: wordfreq's Zipf value for a word it never saw (``zipf_to_freq(0.0)``: once a billion).
_UNSEEN = 10**0.0 / 1e9


def cache_dir() -> Path | None:
    """The folder newsclean keeps derived tables in; None when caching is turned off.

    ``$NEWSCLEAN_CACHE_DIR`` when set (empty: off), else ``newsclean`` in
    ``$XDG_CACHE_HOME`` (``~/.cache``), ``%LOCALAPPDATA%`` on Windows or ``~/Library/Caches``
    on macOS; None when no home folder can be found (the rules' modules ask for it as they
    are imported, for their compiled patterns).

    >>> import os
    >>> old = os.environ.get(CACHE_ENV)
    >>> os.environ[CACHE_ENV] = ""
    >>> cache_dir() is None
    True
    >>> os.environ[CACHE_ENV] = "/tmp/nc-cache"
    >>> str(cache_dir())
    '/tmp/nc-cache'
    >>> _ = os.environ.pop(CACHE_ENV) if old is None else os.environ.update({CACHE_ENV: old})
    """
    # Found once for each setting of the variables it reads (each compiled pattern asks).
    environ = os.environ
    key = tuple(map(environ.get, _CACHE_DIR_VARIABLES))
    try:
        return _CACHE_DIRS[key]
    except KeyError:
        pass
    folder = _find_cache_dir()
    if len(_CACHE_DIRS) < 64:
        _CACHE_DIRS[key] = folder
    return folder


#: The variables :func:`cache_dir` reads (``HOME`` and ``USERPROFILE`` for the home folder).
_CACHE_DIR_VARIABLES = (CACHE_ENV, "XDG_CACHE_HOME", "LOCALAPPDATA", "HOME", "USERPROFILE")
_CACHE_DIRS: dict[tuple[str | None, ...], Path | None] = {}


def _find_cache_dir() -> Path | None:
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return Path(value).expanduser() if value else None
    try:
        if sys.platform == "win32":  # pragma: no cover - not run on CI's Linux
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        elif sys.platform == "darwin":  # pragma: no cover
            base = str(Path.home() / "Library" / "Caches")
        else:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except (KeyError, RuntimeError):  # no home folder to be found: nothing is cached
        return None
    return Path(base) / "newsclean"


class FrequencyTable(Mapping[str, float]):
    """A read-only mapping of words to frequencies, held as one block of bytes (the sorted
    words in UTF-8, each between line breaks), the index of each word's frequency, and the
    distinct frequencies (a few hundred).

    It loads in a few milliseconds from the cache folder (no object per word: building
    320,000 strings took ~40 ms of every start-up). A look-up is a binary search over the
    first word of every :data:`BUCKET` words, then one search inside that bucket's bytes
    (about a microsecond), which the rules' per-token caches absorb.

    >>> table = FrequencyTable.from_dict({"the": 0.05, "crisis": 1e-5, "of": 0.05})
    >>> table["the"], table.get("crisis"), table.get("Scholzis"), "of" in table, len(table)
    (0.05, 1e-05, None, True, 3)
    >>> dict(table) == {"the": 0.05, "crisis": 1e-5, "of": 0.05}
    True
    """

    __slots__ = ("_blob", "_heads", "_index", "_starts", "_values")

    #: Words per bucket: the binary search runs over every BUCKET-th word.
    BUCKET = 64

    def __init__(
        self, blob: bytes, starts: array[int], index: array[int], values: tuple[float, ...]
    ) -> None:
        if not blob.startswith(b"\n") or not blob.endswith(b"\n"):
            raise ValueError("the words of a frequency table lie between line breaks")
        if blob.count(b"\n") != len(index) + 1 or len(starts) != -(-len(index) // self.BUCKET):
            raise ValueError("a frequency table needs one index per word, one start per bucket")
        self._blob = blob
        self._starts = starts
        self._index = index
        self._values = values
        # The first word of each bucket (a few thousand), to bisect.
        find = blob.find
        self._heads = [blob[s + 1 : find(b"\n", s + 1)] for s in starts]

    @classmethod
    def from_dict(cls, freqs: Mapping[str, float]) -> FrequencyTable:
        """The table of a ``{word: frequency}`` mapping (words must not contain a newline or
        a lone surrogate)."""
        words = sorted(freqs)  # code point order: the order of their UTF-8 bytes too
        values = tuple(sorted(set(freqs.values()), reverse=True))
        where = {v: i for i, v in enumerate(values)}
        index = array("I", (where[freqs[w]] for w in words))
        encoded = [w.encode("utf-8") for w in words]
        if any(b"\n" in w or not w for w in encoded):
            raise ValueError("the words of a frequency table are not empty and have no newline")
        starts = array("I")
        pos = 0
        for k, word in enumerate(encoded):
            if k % cls.BUCKET == 0:
                starts.append(pos)
            pos += len(word) + 1
        return cls(b"\n" + b"\n".join(encoded) + b"\n" if encoded else b"\n", starts, index, values)

    def _find(self, word: str) -> int:
        try:
            key = word.encode()
        except (UnicodeEncodeError, AttributeError):
            return -1
        i = bisect.bisect_right(self._heads, key) - 1
        if i < 0 or b"\n" in key:
            return -1
        starts = self._starts
        lo = starts[i]
        try:
            hi = starts[i + 1] + 1
        except IndexError:
            hi = len(self._blob)
        blob = self._blob
        pos = blob.find(b"\n%b\n" % key, lo, hi)
        return -1 if pos < 0 else i * self.BUCKET + blob.count(b"\n", lo, pos)

    def __getitem__(self, word: str) -> float:
        i = self._find(word) if isinstance(word, str) else -1
        if i < 0:
            raise KeyError(word)
        return self._values[self._index[i]]

    @overload
    def get(self, word: str, /) -> float | None: ...
    @overload
    def get(self, word: str, default: float, /) -> float: ...
    @overload
    def get(self, word: str, default: T, /) -> float | T: ...

    def get(self, word: str, default: object = None, /) -> object:
        i = self._find(word) if isinstance(word, str) else -1
        return default if i < 0 else self._values[self._index[i]]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def _words(self) -> list[str]:
        body = self._blob[1:-1]
        return body.decode("utf-8").split("\n") if body else []

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    def __len__(self) -> int:
        return len(self._index)

    def items(self) -> ItemsView[str, float]:
        """The pairs, read straight from the block (not by one search per word).

        >>> list(FrequencyTable.from_dict({"b": 0.5, "a": 0.25}).items())
        [('a', 0.25), ('b', 0.5)]
        """
        return _TableItems(self)

    def dumps(self, key: str) -> bytes:
        """The table as bytes for :meth:`loads`, stamped with ``key`` (its source)."""
        raw = self._index.tobytes() + self._starts.tobytes()
        return marshal.dumps(
            (
                FREQ_FORMAT,
                key,
                self._blob,
                self._starts.tobytes(),
                self._index.tobytes(),
                zlib.crc32(self._blob, zlib.crc32(raw)),
                self._values,
            )
        )

    @classmethod
    def loads(cls, data: bytes, key: str) -> FrequencyTable:
        """The table :meth:`dumps` wrote with this ``key``; ValueError for anything else.

        >>> t = FrequencyTable.from_dict({"a": 0.5, "b": 0.25})
        >>> dict(FrequencyTable.loads(t.dumps("k1"), "k1"))
        {'a': 0.5, 'b': 0.25}
        >>> FrequencyTable.loads(t.dumps("k1"), "k2")
        Traceback (most recent call last):
        ...
        ValueError: the cached table is stale or of another format
        """
        try:
            fmt, stamp, blob, starts_raw, index_raw, crc, values = marshal.loads(data)
        except (EOFError, TypeError, ValueError) as exc:
            raise ValueError(f"unreadable cached table: {exc}") from None
        if fmt != FREQ_FORMAT or stamp != key:
            raise ValueError("the cached table is stale or of another format")
        try:
            # Checked in C before anything is built from them.
            if zlib.crc32(blob, zlib.crc32(index_raw + starts_raw)) != crc:
                raise ValueError("checksum mismatch")
            index = array("I")
            index.frombytes(index_raw)
            starts = array("I")
            starts.frombytes(starts_raw)
            table = cls(blob, starts, index, tuple(values))
        except (AttributeError, TypeError, ValueError) as exc:
            raise ValueError(f"malformed cached table: {exc}") from None
        return table


def wordfreq_key() -> str:
    """What the cached table is derived from: the path, size and modification time of
    wordfreq's code and English lists, so that upgrading wordfreq (or editing its data)
    makes the cache stale. Found without importing wordfreq; ImportError without it.

    The import system's finders cache the folders they listed: a process that listed
    site-packages while an installer was rewriting it (``pip install`` in the same
    environment) may not see wordfreq although it is there. So a miss clears those caches
    and looks once more before it says wordfreq is not installed.
    """
    import importlib
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        importlib.invalidate_caches()
        spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    root = Path(next(iter(spec.submodule_search_locations)))
    parts = []
    for path in (
        root / "__init__.py",
        root / "data" / "large_en.msgpack.gz",
        root / "data" / "small_en.msgpack.gz",
    ):
        try:
            st = path.stat()
        except OSError:
            parts.append(f"{path}:-")
        else:
            parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def _freq_cache_path(folder: Path) -> Path:
    return folder / f"wordfreq-en-v{FREQ_FORMAT}-m{marshal.version}.bin"


def _derive_frequencies() -> FrequencyTable:
    """The table built from wordfreq itself (slow: imports wordfreq and reads its list)."""
    import wordfreq

    return FrequencyTable.from_dict(wordfreq.get_frequency_dict("en"))


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder (so that a
    process reading it never sees half a file); OSError when that cannot be done."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def load_frequencies(folder: Path | None) -> FrequencyTable:
    """The English frequency table: from the cache in ``folder`` when it is there and was
    derived from the installed wordfreq, else derived afresh (and written there, when the
    folder can be written; when it cannot, the table is only kept in memory)."""
    key = wordfreq_key()
    path = None if folder is None else _freq_cache_path(folder)
    if path is not None:
        try:
            return FrequencyTable.loads(path.read_bytes(), key)
        except (OSError, ValueError):
            pass  # missing, unreadable, stale: derive it again
    table = _derive_frequencies()
    if path is not None:
        with contextlib.suppress(OSError):
            _write_atomically(path, table.dumps(key))
    return table


#: Marshal-able values :func:`derived` keeps on disk.
D = TypeVar("D")


#: How many versions of one derived value the cache folder keeps (newsclean's releases, or
#: checkouts, installed side by side each find theirs instead of rebuilding it in turn).
DERIVED_VERSIONS = 4


def _derived_path(folder: Path, name: str, stamp: str) -> Path:
    return folder / f"derived-{name}-{zlib.crc32(stamp.encode()):08x}-m{marshal.version}.bin"


def code_digest(code: CodeType) -> str:
    """A digest of what ``code`` does: its bytecode, names and constants (nested functions'
    code included), not where it was read from, so that the same code read from another
    folder, or from its bytecode file instead of its source, has the same digest.

    >>> def f(x: int) -> int:
    ...     return x + 1
    >>> def g(x: int) -> int:
    ...     return x + 2
    >>> digest = code_digest(f.__code__)
    >>> digest == code_digest(f.__code__), digest == code_digest(g.__code__)
    (True, False)
    """
    try:
        return _CODE_DIGESTS[code]
    except KeyError:
        pass
    parts: list[str] = []

    def walk(c: CodeType) -> None:
        parts.append(c.co_code.hex())
        parts.append(repr((c.co_names, c.co_varnames, c.co_freevars, c.co_cellvars)))
        for const in c.co_consts:
            if isinstance(const, CodeType):
                walk(const)
            elif isinstance(const, frozenset):  # its order follows the string hash seed
                parts.append(repr(sorted(map(repr, const))))
            else:
                parts.append(repr(const))

    walk(code)
    digest = f"{zlib.crc32(chr(0).join(parts).encode('utf-8', 'surrogatepass')):08x}"
    if len(_CODE_DIGESTS) < 1024:
        _CODE_DIGESTS[code] = digest
    return digest


#: :func:`code_digest` of code already seen (a code object is immutable; equal code objects
#: have equal digests).
_CODE_DIGESTS: dict[CodeType, str] = {}


def _prune(path: Path, name: str) -> None:
    """Remove all but the newest :data:`DERIVED_VERSIONS` files of ``name`` beside
    ``path``: those of :func:`_derived_path`'s form for this very name, not those of a
    longer name it begins ("patterns-header" and "patterns-header-views" are two names)."""
    with contextlib.suppress(OSError):
        found = []
        for other in path.parent.glob(f"derived-{glob.escape(name)}-{'[0-9a-f]' * 8}-m*.bin"):
            with contextlib.suppress(OSError):
                found.append((other.stat().st_mtime, other))
        found.sort(reverse=True)
        for _, other in found[DERIVED_VERSIONS:]:
            if other != path:
                with contextlib.suppress(OSError):
                    other.unlink()


def derived(
    name: str,
    key: str,
    build: Callable[[], D],
    uses: tuple[Callable[..., object], ...] = (),
    folder: Path | None = None,
) -> D:
    """``build()``, kept in the cache folder (:func:`cache_dir`, or ``folder``) under
    ``name`` and stamped with ``key`` plus the code of ``build`` and of the functions it
    ``uses`` (:func:`code_digest`): later processes load it instead of building it again.
    ``key`` must name everything else the value depends on (the data it is built from); a
    stale, corrupt or unreadable file is built again, and a folder that cannot be written
    keeps nothing. Each stamp has its own file (the newest :data:`DERIVED_VERSIONS` are
    kept). The value must be something :mod:`marshal` writes (str, bytes, numbers, tuples,
    lists, sets, frozensets, dicts).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     calls = []
    ...     def build() -> frozenset[str]:
    ...         calls.append(1)
    ...         return frozenset({"a", "b"})
    ...     first = derived("demo", "k1", build, folder=Path(tmp))
    ...     again = derived("demo", "k1", build, folder=Path(tmp))
    ...     other = derived("demo", "k2", build, folder=Path(tmp))
    ...     first_again = derived("demo", "k1", build, folder=Path(tmp))
    >>> first == again == other == first_again == frozenset({"a", "b"}), len(calls)
    (True, 2)
    """
    if folder is None:
        folder = cache_dir()
    # The code is part of the stamp: editing it makes the cache stale. A callable without
    # Python code (a builtin, a partial) cannot be stamped: then nothing is kept.
    codes = [getattr(fn, "__code__", None) for fn in (build, *uses)]
    stamp = f"{key}|{[code_digest(c) for c in codes if c is not None]}"
    if None in codes:
        folder = None
    path = None if folder is None else _derived_path(folder, name, stamp)
    if path is not None:
        try:
            stored, crc, raw = marshal.loads(path.read_bytes())
            if stored == stamp and zlib.crc32(raw) == crc:
                return marshal.loads(raw)  # type: ignore[no-any-return]
        except (OSError, EOFError, TypeError, ValueError):
            pass  # missing, unreadable, stale: build it again
    value = build()
    if path is not None:
        raw = marshal.dumps(value)  # type: ignore[arg-type]  # marshal-able, as documented
        with contextlib.suppress(OSError):
            _write_atomically(path, marshal.dumps((stamp, zlib.crc32(raw), raw)))
            _prune(path, name)
    return value


#: Serialises the capture of :func:`_compile_arguments` (it swaps a module attribute).
_CAPTURE_LOCK = threading.Lock()


def _captured_compile_calls(
    owner: Any, attr: str, compile_it: Callable[[], object]
) -> list[tuple[object, ...]] | None:
    """The arguments of every ``compile`` call that ``compile_it()`` makes to the C core
    kept as ``owner.attr`` (a private name of ``regex`` or ``re``), which is swapped for a
    spy meanwhile; None when there is no such core."""
    core: Any = getattr(owner, attr, None)
    if core is None or not callable(getattr(core, "compile", None)):
        return None
    seen: list[tuple[object, ...]] = []

    class Spy:
        def __getattr__(self, name: str) -> object:
            return getattr(core, name)

        def compile(self, *args: object) -> object:
            seen.append(args)
            return core.compile(*args)

    with _CAPTURE_LOCK:
        setattr(owner, attr, Spy())
        try:
            compile_it()
        finally:
            setattr(owner, attr, core)
    return seen


def _compile_arguments(pattern: str) -> tuple[object, ...] | None:
    """What the ``regex`` module hands its C core to make ``regex.compile(pattern)``: the
    pattern, its flags, its compiled code (a list of ints) and its group tables, as
    marshal-able values; None when they cannot be had from this version of ``regex``."""
    import regex
    from regex import _main

    seen = _captured_compile_calls(
        _main, "_regex", lambda: regex.compile(pattern, cache_pattern=False)
    )
    if seen is None:
        return None
    found = [a for a in seen if a and a[0] == pattern]
    if len(found) != 1:
        return None
    # Flags come as RegexFlag values: marshal wants plain ints.
    args: list[Any] = [int(a) if isinstance(a, int) and type(a) is not int else a for a in found[0]]
    try:
        return marshal.loads(marshal.dumps(tuple(args)))  # type: ignore[no-any-return]
    except ValueError:
        return None


def compiled_pattern(name: str, pattern: str) -> regex.Pattern[str]:
    r"""``regex.compile(pattern)``, kept compiled in the cache folder under ``name`` (see
    :func:`compiled_patterns`): for a module's patterns made at import, which every new
    process would otherwise parse again.

    >>> compiled_pattern("demo-digits", r"\d+").findall("12 and 345")
    ['12', '345']
    """
    return compiled_patterns(name, (pattern,))[0]


def compiled_patterns(
    name: str, patterns: Sequence[str], folder: Path | None = None
) -> list[regex.Pattern[str]]:
    """``[regex.compile(p) for p in patterns]``, the same patterns, with what compiling
    them produced kept in the cache folder (:func:`derived`, stamped with the patterns and
    the ``regex`` version): later processes hand it straight to ``regex``'s C core instead
    of parsing the patterns again (~10 microseconds a pattern instead of 0.1-15 ms). Any
    pattern that cannot be had that way is compiled as usual.

    >>> import tempfile
    >>> patterns = [r"(?i:photo|image): (?P<credit>\\p{Lu}+)", r"\\d+"]
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     built = compiled_patterns("demo", patterns, folder=Path(tmp))
    ...     p, q = compiled_patterns("demo", patterns, folder=Path(tmp))  # from the file
    >>> p.search("a PHOTO: AFP")["credit"], q.pattern, p.groupindex
    ('AFP', '\\\\d+', {'credit': 1})
    """
    import regex

    key = f"{regex.__version__}|{regex.DEFAULT_VERSION}|{chr(0).join(patterns)}"
    saved = derived(
        f"patterns-{name}",
        key,
        lambda: [_compile_arguments(p) for p in patterns],
        uses=(_compile_arguments, _captured_compile_calls),
        folder=folder,
    )
    return _rebuilt(patterns, saved, getattr(regex._main, "_regex", None), regex.compile)


def _rebuilt(
    patterns: Sequence[Any], saved: object, core: Any, compile_it: Callable[[Any], Any]
) -> list[Any]:
    """Each of ``patterns`` made by ``core.compile`` from its ``saved`` arguments, or by
    ``compile_it`` when they are missing, stale or refused (anything odd: compile as usual)."""
    out = []
    for k, pattern in enumerate(patterns):
        args = saved[k] if isinstance(saved, list) and k < len(saved) else None
        made = None
        if isinstance(args, tuple) and args and args[0] == pattern and core is not None:
            try:
                made = core.compile(*args)
            except Exception:
                made = None
        out.append(made if made is not None else compile_it(pattern))
    return out


def _re_compile_arguments(pattern: str | bytes) -> tuple[object, ...] | None:
    """What the standard library's :mod:`re` hands its C core (``_sre.compile``) to make
    ``re.compile(pattern)``, as marshal-able values; None when they cannot be had from this
    version of Python."""
    import re

    compiler: Any = getattr(re, "_compiler", None) or sys.modules.get("sre_compile")
    # (re's own cache would hand back a pattern already made: re.compile is the compiler's)
    seen = _captured_compile_calls(compiler, "_sre", lambda: re.compile(pattern))
    if seen is None:
        return None
    found = [a for a in seen if a and a[0] == pattern]
    if len(found) != 1:
        return None
    # Flags and the opcodes of the compiled code are int subclasses: marshal wants ints.
    args: list[Any] = [
        [int(x) for x in a] if isinstance(a, list) else int(a) if isinstance(a, int) else a
        for a in found[0]
    ]
    try:
        return marshal.loads(marshal.dumps(tuple(args)))  # type: ignore[no-any-return]
    except ValueError:
        return None


def compiled_re_patterns(
    name: str, patterns: Sequence[str] | Sequence[bytes], folder: Path | None = None
) -> list[re.Pattern[Any]]:
    """``[re.compile(p) for p in patterns]`` for the standard library's :mod:`re`, as
    :func:`compiled_patterns` does it for ``regex``: what compiling the patterns produced is
    kept in the cache folder (stamped with the patterns and Python's version), and later
    processes hand it straight to ``re``'s C core instead of parsing the patterns again.
    Any pattern that cannot be had that way is compiled as usual. Flags go inline
    (``(?i)``).

    >>> import tempfile
    >>> patterns = [r"(?i)(?P<word>[a-z]+)\\s*+,", rb"\\d+"]
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     built = compiled_re_patterns("demo-re", patterns, folder=Path(tmp))
    ...     p, q = compiled_re_patterns("demo-re", patterns, folder=Path(tmp))  # from the file
    >>> p.match("Hello ,")["word"], p.flags == built[0].flags, q.findall(b"a 12 b 3")
    ('Hello', True, [b'12', b'3'])
    """
    import re

    core: Any = getattr(
        getattr(re, "_compiler", None) or sys.modules.get("sre_compile"), "_sre", None
    )
    magic = getattr(core, "MAGIC", None)
    key = f"{sys.implementation.name}|{sys.version}|{magic}|{list(patterns)!r}"
    saved = derived(
        f"re-{name}",
        key,
        lambda: [_re_compile_arguments(p) for p in patterns],
        uses=(_re_compile_arguments, _captured_compile_calls),
        folder=folder,
    )
    return _rebuilt(patterns, saved, core, re.compile)


@once
def word_frequencies() -> FrequencyTable:
    """wordfreq's English frequencies (``wordfreq.get_frequency_dict("en")``, the same
    words and values) as a :class:`FrequencyTable`, loaded once per process through the
    cache folder (:func:`cache_dir`).

    >>> word_frequencies()["the"] > 0.04, word_frequencies().get("Scholzis") is None
    (True, True)
    """
    return load_frequencies(cache_dir())


def single_token(word: str) -> bool:
    """Whether wordfreq keeps ``word`` as one English token, unchanged: Latin letters only,
    already case-folded and in NFKC form (as wordfreq normalises English).

    >>> [single_token(w) for w in ("minister", "zürich", "Zürich", "don't", "x2", "ß", "")]
    [True, True, False, False, False, False, False]
    """
    return (
        word.isalpha()
        and max(word) < "\u0250"
        and word == word.casefold()
        and unicodedata.is_normalized("NFKC", word)
    )


def simple_tokens(word: str) -> list[str] | None:
    """The tokens wordfreq cuts ``word`` into, when that is plain to see: its hyphenated
    parts, each one :func:`single_token` or such a token, an apostrophe and another, the
    first of three letters or more ("west's", "o'neill" stay whole: only a short first
    part, as French "l'", may be cut off, before a vowel). None for anything else.

    >>> simple_tokens("kar-wai"), simple_tokens("west's"), simple_tokens("l'amour")
    (['kar', 'wai'], ["west's"], None)
    """
    tokens = []
    for part in word.replace("\u2019", "'").split("-"):
        if single_token(part):
            tokens.append(part)
            continue
        head, sep, tail = part.partition("'")
        if not sep or len(head) < 3 or not single_token(head) or not single_token(tail):
            return None
        tokens.append(part)
    return tokens


def zipf_frequency(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``, the same value, looked up in
    :func:`word_frequencies` when the tokens wordfreq would cut ``word`` into are plain
    (:func:`simple_tokens`); any other word is handed to wordfreq itself.

    >>> zipf_frequency("the") > 7 > zipf_frequency("crisis") > 4, zipf_frequency("scholzis")
    (True, 0.0)
    """
    tokens = simple_tokens(word)
    if tokens is None:
        from wordfreq import zipf_frequency as wordfreq_zipf

        return wordfreq_zipf(word, "en")
    table = word_frequencies()
    # As wordfreq.word_frequency: 1/f = 1/f1 + 1/f2 + ...; an unknown token gives the
    # minimum, unrounded; else three significant digits, then the Zipf scale.
    one_over = 0.0
    for token in tokens:
        freq = table.get(token)
        if freq is None:
            return round(math.log(_UNSEEN, 10) + 9, 2)
        one_over += 1.0 / freq
    unrounded = max(1.0 / one_over, _UNSEEN)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


class _TableItems(ItemsView[str, float]):
    """:meth:`FrequencyTable.items`: iterated in one pass over the table's block and index."""

    _mapping: FrequencyTable

    def __iter__(self) -> Iterator[tuple[str, float]]:
        table = self._mapping
        return zip(table._words(), map(table._values.__getitem__, table._index), strict=True)
