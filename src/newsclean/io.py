"""Reading and writing for the console script: files, folders, JSONL corpora, atomic writes.

The library itself never reads or writes files; this module is the CLI's side of that line.
Everything here streams: a JSONL corpus is read one line at a time and written through a
temporary file, so memory stays flat however large the corpus is.

Bad input raises :class:`InputError` with one line that names the file (and the line or byte
offset) so the CLI can print it and exit with status 2.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import io
import json
import math
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

__all__ = [
    "DEFAULT_INCLUDE",
    "AtomicWriter",
    "InputError",
    "JsonlRecord",
    "Source",
    "atomic_write",
    "decode_utf8",
    "discover",
    "dump_record",
    "field_conflict",
    "get_field",
    "iter_jsonl",
    "iter_line_batches",
    "parse_jsonl_line",
    "paths_overlap",
    "read_bytes",
    "set_field",
    "write_all",
]

#: The files a folder is searched for. Markdown is not among them: its code blocks, tables
#: and hard line breaks are not prose, and the whitespace and fused rules would change them
#: (``--include '*.md'`` opts in).
DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt", "*.jsonl")
#: Folders never entered when walking a folder (hidden folders are skipped as well).
SKIPPED_DIRS: frozenset[str] = frozenset({"__pycache__", "node_modules"})
STDIN = "-"


class InputError(Exception):
    """Input newsclean cannot use: a missing path, invalid UTF-8, a malformed JSONL line."""


@dataclass(frozen=True)
class Source:
    """One input: a file path (or ``-`` for stdin), and whether it is read as JSONL."""

    path: str
    jsonl: bool

    @property
    def name(self) -> str:
        """The name shown in messages (``<stdin>`` for standard input)."""
        return "<stdin>" if self.path == STDIN else self.path

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    """Whether a relative POSIX path, or its last component, matches any glob.

    >>> _matches("2024/drafts/a.txt", ["*.txt"])
    True
    >>> _matches("2024/drafts", ["drafts"])
    True
    >>> _matches("2024/a.md", ["*.txt", "2023/*"])
    False
    """
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def _walk(root: str, include: Sequence[str], exclude: Sequence[str]) -> list[str]:
    """Files under ``root`` (sorted, recursively) that match ``include`` and not ``exclude``."""
    found: list[str] = []

    def onerror(exc: OSError) -> None:
        raise InputError(f"{exc.filename}: {exc.strerror or exc}")

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".")
            and d not in SKIPPED_DIRS
            and not _matches(rel_dir + d, exclude)
        )
        for name in sorted(filenames):
            rel = rel_dir + name
            if _matches(rel, include) and not _matches(rel, exclude):
                found.append(os.path.normpath(os.path.join(dirpath, name)))
    return found


def discover(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    force_jsonl: bool = False,
) -> list[Source]:
    """The inputs named by ``paths``: files as given, folders walked, ``-`` for stdin.

    A file named on the command line is always read (``include``/``exclude`` select files
    inside folders). ``*.jsonl`` files, and every input when ``force_jsonl``, are JSONL.
    Raises :class:`InputError` for a missing path or a folder without matching files.
    """
    sources: list[Source] = []
    for path in paths:
        if path == STDIN:
            sources.append(Source(STDIN, force_jsonl))
        elif os.path.isdir(path):
            files = _walk(path, include, exclude)
            if not files:
                globs = ", ".join(include)
                raise InputError(f"{path}: folder has no files matching {globs}")
            sources.extend(Source(f, force_jsonl or f.endswith(".jsonl")) for f in files)
        elif os.path.exists(path):
            sources.append(Source(path, force_jsonl or path.endswith(".jsonl")))
        else:
            raise InputError(f"{path}: no such file or directory")
    return sources


def decode_utf8(data: bytes, name: str, base_offset: int = 0, line: int | None = None) -> str:
    """Decode UTF-8 strictly; an error names the file and the byte offset in it.

    >>> decode_utf8(b"caf\\xc3\\xa9", "a.txt")
    'café'
    >>> decode_utf8(b"ab\\xffc", "a.txt")
    Traceback (most recent call last):
    ...
    newsclean.io.InputError: a.txt: invalid UTF-8 at byte offset 2
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f"{name}:{line}" if line is not None else name
        offset = base_offset + exc.start
        raise InputError(f"{where}: invalid UTF-8 at byte offset {offset}") from None


def read_bytes(source: Source) -> bytes:
    """The whole content of a (non-JSONL) source."""
    if source.is_stdin:
        return sys.stdin.buffer.read()
    try:
        with open(source.path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{source.name}: {exc.strerror or exc}") from None


@dataclass
class JsonlRecord:
    """One line of a JSONL file: its number, the raw line (with its line ending), the
    decoded record (``None`` for a blank line) and the line ending."""

    line: int
    raw: bytes
    record: dict[str, Any] | None
    ending: bytes


def get_field(record: dict[str, Any], path: str) -> Any:
    """The value at a dotted field path; ``KeyError`` if any step is missing.

    >>> get_field({"a": {"b": "x"}}, "a.b")
    'x'
    >>> get_field({"a.b": "y"}, "a.b")
    'y'
    """
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(path)
        value = value[part]
    return value


def set_field(record: dict[str, Any], path: str, value: Any) -> None:
    """Set a dotted field path in place, keeping key order; missing objects are created.

    >>> r = {"id": 1, "a": {"b": "x", "c": 2}}
    >>> set_field(r, "a.b", "y"); r
    {'id': 1, 'a': {'b': 'y', 'c': 2}}
    >>> set_field(r, "meta.date", "2022"); r
    {'id': 1, 'a': {'b': 'y', 'c': 2}, 'meta': {'date': '2022'}}
    """
    if path in record or "." not in path:
        record[path] = value
        return
    parts = path.split(".")
    target = record
    for part in parts[:-1]:
        nxt = target.get(part)
        if not isinstance(nxt, dict):
            nxt = {}
            target[part] = nxt
        target = nxt
    target[parts[-1]] = value


def field_conflict(record: dict[str, Any], path: str) -> str | None:
    """Why writing newsclean's metadata object at ``path`` would destroy data, or ``None``.

    The metadata field is newsclean's: an object already there (from an earlier run) is
    replaced, and missing objects on the way are created; any other value at the path or on
    the way to it is the record's own and is never overwritten.

    >>> field_conflict({"id": "a1"}, "id")
    "it holds a str, not newsclean's metadata"
    >>> field_conflict({"meta": "keep me"}, "meta.sub")
    "'meta' holds a str"
    >>> field_conflict({"newsclean": {"date": "2022"}}, "newsclean") is None
    True
    >>> field_conflict({"id": 1}, "meta.sub") is None
    True
    """
    # The same reading of the path as set_field: a key the record has, else a dotted path.
    parts = [path] if path in record or "." not in path else path.split(".")
    target: Any = record
    for k, part in enumerate(parts):
        if part not in target:
            return None
        target = target[part]
        if not isinstance(target, dict):
            if k == len(parts) - 1:
                return f"it holds a {type(target).__name__}, not newsclean's metadata"
            return f"{'.'.join(parts[: k + 1])!r} holds a {type(target).__name__}"
    return None


def paths_overlap(a: str, b: str) -> bool:
    """Whether one dotted field path is the other or lies inside it.

    >>> paths_overlap("text", "text"), paths_overlap("a", "a.b"), paths_overlap("a.b", "a")
    (True, True, True)
    >>> paths_overlap("text", "textual"), paths_overlap("a.b", "a.c")
    (False, False)
    """
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _split_ending(raw: bytes) -> tuple[bytes, bytes]:
    """A raw line split into its content and its line ending.

    >>> _split_ending(b'{"a": 1}\\r\\n')
    (b'{"a": 1}', b'\\r\\n')
    """
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith(b"\n"):
        return raw[:-1], b"\n"
    return raw, b""


def parse_jsonl_line(raw: bytes, number: int, offset: int, name: str) -> JsonlRecord:
    r"""One raw JSONL line (with its ending) as a record; ``offset`` is its byte offset in
    the file, for the error message. A blank line gives ``record=None``; a byte-order mark
    opening line 1 is skipped.

    The CLI's worker processes call this on the raw lines the main process hands them, so
    an error reads the same whichever process meets it.

    >>> parse_jsonl_line(b'{"text": "caf\\u00e9"}\n', 3, 0, "c.jsonl").record
    {'text': 'café'}
    >>> parse_jsonl_line(b"  \r\n", 4, 0, "c.jsonl").record is None
    True
    >>> parse_jsonl_line(b'["x"]\n', 5, 0, "c.jsonl")
    Traceback (most recent call last):
    ...
    newsclean.io.InputError: c.jsonl:5: a JSONL line must be a JSON object, not list
    """
    content, ending = _split_ending(raw)
    text = decode_utf8(content, name, offset, number)
    if number == 1 and text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return JsonlRecord(number, raw, None, ending)
    try:
        record = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}:{number}: malformed JSON line ({exc.msg}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"{name}:{number}: JSON line nested too deeply") from None
    except ValueError as exc:  # NaN, Infinity, 1e400: not JSON, could not be written back
        raise InputError(f"{name}:{number}: {exc}") from None
    if not isinstance(record, dict):
        raise InputError(
            f"{name}:{number}: a JSONL line must be a JSON object, not {type(record).__name__}"
        )
    return JsonlRecord(number, raw, record, ending)


def _open_binary(source: Source) -> tuple[IO[bytes], IO[bytes] | None]:
    """The byte stream of a source, and the handle to close afterwards (None for stdin)."""
    if source.is_stdin:
        return sys.stdin.buffer, None
    try:
        handle = open(source.path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise InputError(f"{source.name}: {exc.strerror or exc}") from None
    return handle, handle


def iter_line_batches(source: Source, hint: int) -> Iterator[tuple[int, int, list[bytes]]]:
    """Stream a source's raw lines in batches of about ``hint`` bytes (at least one line).

    Yields ``(number of the first line, its byte offset, lines)``; lines keep their endings
    and are neither decoded nor parsed (see :func:`parse_jsonl_line`), so reading costs the
    caller almost nothing per line. Raises :class:`InputError` when the source cannot be
    read.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> path = os.path.join(folder, "c.jsonl")
    >>> _ = open(path, "wb").write(b'{"a": 1}\\n\\n{"a": 2}')
    >>> list(iter_line_batches(Source(path, True), 1))
    [(1, 0, [b'{"a": 1}\\n']), (2, 9, [b'\\n']), (3, 10, [b'{"a": 2}'])]
    >>> list(iter_line_batches(Source(path, True), 1 << 16))
    [(1, 0, [b'{"a": 1}\\n', b'\\n', b'{"a": 2}'])]
    """
    handle, opened = _open_binary(source)
    try:
        number, offset = 1, 0
        while True:
            if hint > 1:
                lines = handle.readlines(hint)
            else:
                line = handle.readline()
                lines = [line] if line else []
            if not lines:
                return
            yield number, offset, lines
            number += len(lines)
            offset += sum(map(len, lines))
    except OSError as exc:
        raise InputError(f"{source.name}: {exc.strerror or exc}") from None
    finally:
        if opened is not None:
            opened.close()


def iter_jsonl(source: Source, handle: IO[bytes] | None = None) -> Iterator[JsonlRecord]:
    """Stream the records of a JSONL source one line at a time (flat memory).

    Blank lines are passed through with ``record=None``. Raises :class:`InputError` for
    invalid UTF-8 (with the byte offset in the file), a malformed line or a line that is not
    a JSON object (with its line number).
    """
    opened = None
    if handle is None:
        handle, opened = _open_binary(source)
    try:
        offset = 0
        for number, raw in enumerate(handle, start=1):
            yield parse_jsonl_line(raw, number, offset, source.name)
            offset += len(raw)
    except OSError as exc:
        raise InputError(f"{source.name}: {exc.strerror or exc}") from None
    finally:
        if opened is not None:
            opened.close()


def write_all(stream: IO[bytes], data: bytes) -> None:
    """Write all of ``data`` or raise: a buffered write to a pipe whose reader went away can
    write part, return the count and raise nothing, and the rest would be lost without a
    word. A write that makes no progress is a broken pipe.

    >>> out = io.BytesIO(); write_all(out, b"abc"); out.getvalue()
    b'abc'
    """
    view = memoryview(data)
    while view:
        n = stream.write(view)
        if not n:
            raise BrokenPipeError(errno.EPIPE, "the output stream took no more")
        view = view[n:]


def _no_constant(name: str) -> Any:
    """``json.loads``'s hook for ``NaN`` and ``Infinity``, which JSON does not have."""
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(literal: str) -> float:
    """``json.loads``'s float hook: a number too large for a float (``1e400``) is refused,
    since it would be written back as ``Infinity``, which is not JSON.

    >>> _finite_float("1.5")
    1.5
    """
    value = float(literal)
    if math.isinf(value):
        raise ValueError(f"number {literal} is too large to keep")
    return value


def dump_record(record: dict[str, Any], raw: bytes) -> bytes:
    """Serialise a record as one JSONL line in the style of its original line.

    A line that was pure ASCII stays ASCII (``\\u`` escapes); otherwise UTF-8 is written.
    Key order is kept.

    >>> dump_record({"b": "é", "a": 1}, b'{"b": "\\\\u00e9"}')
    b'{"b": "\\\\u00e9", "a": 1}'
    >>> dump_record({"b": "é"}, '{"b": "é"}'.encode())
    b'{"b": "\\xc3\\xa9"}'
    """
    ascii_only = raw.isascii()
    text = json.dumps(record, ensure_ascii=ascii_only, default=str, allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \\ud800 escape: keep it escaped
        return json.dumps(record, ensure_ascii=True, default=str, allow_nan=False).encode("ascii")


_DECODER = json.JSONDecoder()
#: The standard library's reader of a JSON string after its opening quote (typeshed does not
#: list it): ``(value, offset after the closing quote)``.
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_JSON_SPACE = " \t\n\r"


def _skip_space(line: str, i: int) -> int:
    while i < len(line) and line[i] in _JSON_SPACE:
        i += 1
    return i


def top_level_value_span(line: str, key: str) -> tuple[int, int] | None:
    """The span of the value of ``key`` in a line holding one JSON object, at the top level
    (the last one when the key repeats, as ``json.loads`` keeps the last); None when the
    key is not there or the line is not read so simply.

    >>> line = '{"id": 1.10, "text": "a  b", "n": -0}'
    >>> s, e = top_level_value_span(line, "text"); line[s:e]
    '"a  b"'
    >>> top_level_value_span('{"text": "x", "text": "y"}', "text"), top_level_value_span("[1]", "a")
    ((22, 25), None)
    """
    i = _skip_space(line, 0)
    if line[i : i + 1] != "{":
        return None
    span = None
    i = _skip_space(line, i + 1)
    if line[i : i + 1] == "}":
        return None
    try:
        while True:
            if line[i : i + 1] != '"':
                return None
            name, i = _scanstring(line, i + 1)
            i = _skip_space(line, i)
            if line[i : i + 1] != ":":
                return None
            i = _skip_space(line, i + 1)
            _, end = _DECODER.raw_decode(line, i)
            if name == key:
                span = (i, end)
            i = _skip_space(line, end)
            if line[i : i + 1] == ",":
                i = _skip_space(line, i + 1)
                continue
            return span if line[i : i + 1] == "}" else None
    except ValueError:
        return None


def splice_text(raw: bytes, ending: bytes, key: str, new: str) -> bytes | None:
    r"""The raw JSONL line with the value of its top-level ``key`` replaced by the string
    ``new``, every other byte kept as it was (numbers as written, key order, spacing,
    repeated keys); None when that cannot be done simply (then the record is written anew).

    >>> splice_text(b'{"p": 0.123456789012345678901, "text": "a  b"}\n', b"\n", "text", "a b")
    b'{"p": 0.123456789012345678901, "text": "a b"}\n'
    """
    content = raw[: len(raw) - len(ending)] if ending else raw
    try:
        line = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    span = top_level_value_span(line.lstrip("\ufeff"), key)
    if span is None:
        return None
    shift = len(line) - len(line.lstrip("\ufeff"))
    value = json.dumps(new, ensure_ascii=content.isascii())
    try:
        out = (line[: span[0] + shift] + value + line[span[1] + shift :]).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: left to the full dump, which escapes it
        return None
    return out + ending


#: ``O_BINARY`` where the platform has it (Windows), else nothing.
_O_BINARY: int = getattr(os, "O_BINARY", 0)
#: The handle of a writer whose temporary file is not created yet (closed: writes fail).
_UNOPENED: IO[bytes] = io.BytesIO()
_UNOPENED.close()


class AtomicWriter:
    """Write a file through a temporary file in the same folder, then rename it over.

    The target keeps its permission bits (a new file gets the usual ``0o666 & ~umask``).
    Writing through :attr:`handle` or, after closing it, to the path :attr:`tmp` both work.
    :meth:`commit` replaces the target; :meth:`discard` (also called when the ``with`` block
    raises) removes the temporary file and leaves the target exactly as it was.
    Symbolic links are followed: the file they point to is replaced.
    """

    def __init__(self, path: str, *, create: bool = True) -> None:
        self.target = os.path.realpath(path)
        self.folder = os.path.dirname(self.target) or "."
        try:
            self.mode = stat.S_IMODE(os.stat(self.target).st_mode)
        except FileNotFoundError:  # a new file gets the mode open() would give it
            umask = os.umask(0o022)
            os.umask(umask)
            self.mode = 0o666 & ~umask
        self.tmp = ""
        self.handle: IO[bytes] = _UNOPENED
        self.done = False
        if create:
            self.create()

    def create(self) -> None:
        """Create the temporary file. Its name is stored before the file exists, so that an
        interrupt at any moment (Ctrl-C, SIGTERM) leaves :meth:`discard` a name to remove:
        a caller that must never leave a temporary file behind keeps the writer first
        (``AtomicWriter(path, create=False)``) and then calls this."""
        if self.tmp:
            return
        base = os.path.basename(self.target)
        for _ in range(100):
            name = os.path.join(self.folder, f".{base}.{os.urandom(5).hex()}.newsclean")
            self.tmp = name
            try:
                fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o600)
            except FileExistsError:
                self.tmp = ""  # someone else's file: never ours to remove
                continue
            except OSError as exc:
                self.tmp = ""
                raise InputError(f"{self.target}: cannot write: {exc.strerror or exc}") from None
            self.handle = os.fdopen(fd, "wb")
            return
        raise InputError(f"{self.target}: cannot write: no free temporary file name")

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def commit(self) -> None:
        """Flush, sync and rename the temporary file over the target."""
        if self.done:
            return
        try:
            if not self.handle.closed:
                self.handle.flush()
                os.fsync(self.handle.fileno())
                self.handle.close()
            os.chmod(self.tmp, self.mode)
            os.replace(self.tmp, self.target)
        except BaseException:
            self.discard()
            raise
        self.done = True

    def discard(self) -> None:
        """Remove the temporary file; the target is untouched."""
        if self.done:
            return
        self.done = True
        with contextlib.suppress(OSError):
            self.handle.close()
        if self.tmp:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()


def atomic_write(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> target = os.path.join(folder, "a.txt")
    >>> atomic_write(target, b"clean\\n")
    >>> open(target, "rb").read(), os.listdir(folder)
    (b'clean\\n', ['a.txt'])
    """
    with AtomicWriter(path) as writer:
        writer.write(data)
        writer.commit()
