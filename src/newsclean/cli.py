"""The ``newsclean`` console script: files, folders and JSONL corpora, for people and for CI.

A thin front end over the public API (:func:`newsclean.fix_and_explain`,
:func:`newsclean.detect`, :class:`newsclean.Config`, :class:`newsclean.Lexicon`,
:func:`newsclean.list_rules`); reading and writing live in :mod:`newsclean.io`.

Exit codes follow black and ruff: 0 nothing to report, 1 something would change (``fix
--check``, ``fix --diff``) or was found (``check``), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import itertools
import json
import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple, NoReturn

from . import Config, ConfigError, Lexicon, detect, fix_and_explain, list_rules
from .io import (
    DEFAULT_INCLUDE,
    AtomicWriter,
    InputError,
    JsonlRecord,
    Source,
    atomic_write,
    decode_utf8,
    discover,
    dump_record,
    field_conflict,
    get_field,
    iter_jsonl,
    iter_line_batches,
    parse_jsonl_line,
    paths_overlap,
    read_bytes,
    set_field,
    splice_text,
    write_all,
)

# Modules only some runs need (a process pool, TOML, diffs, the catalogue) are imported
# where they are used, to keep start-up short.

__all__ = ["console", "main"]

#: The exit status when the reader of the output went away (``newsclean check x | head``):
#: 128 + SIGPIPE, as a shell reports a process the signal stopped; never 1 ("found").
EXIT_BROKEN_PIPE = 141

#: Progress is shown only for more documents than this (and only on a terminal).
HANDFUL = 10
#: A unit of work sent to a worker process: about this many bytes of input (whole JSONL
#: lines, or whole files) ...
UNIT_BYTES = 1 << 16
#: ... or at most this many files.
CHUNK_DOCS = 64
#: Units in flight per worker (bounds memory while keeping the workers busy).
WINDOW_PER_JOB = 4

# --------------------------------------------------------------------------------------
# Settings: [tool.newsclean] in the nearest pyproject.toml, overridden by the command line.

LIST_KEYS = ("select", "ignore", "extend_select", "fixable", "unfixable", "include", "exclude")
STR_KEYS = ("lexicon", "field", "metadata_field")
KNOWN_KEYS = frozenset((*LIST_KEYS, *STR_KEYS, "options", "jobs"))


class UsageError(Exception):
    """A bad option or configuration value (exit status 2)."""


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` that configures newsclean.

    Like ruff, a pyproject.toml without a ``[tool.newsclean]`` table is passed over, so a
    corpus folder inside a larger project picks up the project's settings.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "tool.newsclean" in text:
            return candidate
    return None


def load_settings(path: Path) -> dict[str, Any]:
    """``[tool.newsclean]`` of a TOML file, keys normalised to snake_case and validated."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc}") from None
    table = data.get("tool", {}).get("newsclean", {})
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.newsclean] must be a table")
    settings: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in KNOWN_KEYS:
            known = ", ".join(sorted(k.replace("_", "-") for k in KNOWN_KEYS))
            raise UsageError(f"{path}: unknown key {key!r} in [tool.newsclean] (known: {known})")
        if name in LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UsageError(f"{path}: {key} must be a list of strings")
        elif name in STR_KEYS:
            if not isinstance(value, str):
                raise UsageError(f"{path}: {key} must be a string")
            if name == "lexicon":
                value = str(path.parent / value)
        elif name == "options":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise UsageError(f"{path}: options must be a table of tables ([...options.NC101])")
        elif name == "jobs" and (not isinstance(value, int) or value < 0):
            raise UsageError(f"{path}: jobs must be a whole number >= 0")
        settings[name] = value
    return settings


def _diff_header(name: str) -> bytes:
    """The ``---``/``+++`` lines of a diff; a file name that is not valid UTF-8 (kept by
    Python as surrogate escapes) is written back as its own bytes.

    >>> _diff_header("caf\\udce9.txt")
    b'--- caf\\xe9.txt\\n+++ caf\\xe9.txt\\n'
    """
    return f"--- {name}\n+++ {name}\n".encode("utf-8", "surrogateescape")


def parse_option(text: str) -> tuple[str, str, Any]:
    """``CODE.key=value`` from ``--option``; the value is JSON when it parses, else a string.

    >>> parse_option("NC7.english_share=0.3")
    ('NC7', 'english_share', 0.3)
    >>> parse_option("NC4.notices=[\\"Read more\\"]")
    ('NC4', 'notices', ['Read more'])
    >>> parse_option("NC8.titles=Dr")
    ('NC8', 'titles', 'Dr')
    """
    scope_key, sep, raw = text.partition("=")
    scope, dot, key = scope_key.partition(".")
    if not sep or not dot or not scope or not key:
        raise UsageError(f"--option {text!r}: expected CODE.key=value, e.g. NC7.min_words=5")
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return scope.upper(), key, value


def _flatten(values: Sequence[str] | None) -> list[str] | None:
    """Comma-separated, repeatable option values as one list (``None`` when not given)."""
    if values is None:
        return None
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    """Settings from the configuration file, then the command line on top."""
    settings: dict[str, Any] = {}
    if not args.no_config:
        path: Path | None
        if args.config:
            path = Path(args.config)
            if not path.is_file():
                raise UsageError(f"{args.config}: no such configuration file")
        else:
            files = [p for p in args.paths if p != "-"]
            start = Path.cwd()
            if files:
                start = Path(os.path.commonpath([os.path.abspath(p) for p in files]))
            if start.is_file() or not start.exists():
                start = start.parent
            path = find_pyproject(start)
        if path is not None:
            settings = load_settings(path)
    for key in LIST_KEYS:
        value = _flatten(getattr(args, key, None))
        if value is not None:
            settings[key] = value
    for key in (*STR_KEYS, "jobs"):
        value = getattr(args, key, None)
        if value is not None:
            settings[key] = value
    options: dict[str, dict[str, Any]] = {
        str(k).upper(): dict(v) for k, v in settings.get("options", {}).items()
    }
    for text in args.option or ():
        scope, key, value = parse_option(text)
        options.setdefault(scope, {})[key] = value
    settings["options"] = options
    return settings


def build_config(settings: dict[str, Any]) -> Config:
    """The :class:`newsclean.Config` the settings describe (loads the lexicon file)."""
    lexicon = None
    if settings.get("lexicon"):
        try:
            lexicon = Lexicon.load(settings["lexicon"])
        except FileNotFoundError:
            raise InputError(f"{settings['lexicon']}: no such lexicon file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{settings['lexicon']}: cannot read lexicon: {exc}") from None
    config = Config(
        select=settings.get("select", ()),
        ignore=settings.get("ignore", ()),
        extend_select=settings.get("extend_select", ()),
        fixable=settings.get("fixable", ()),
        unfixable=settings.get("unfixable", ()),
        options=settings.get("options", {}),
        lexicon=lexicon,
    )
    detect("", config)  # raises ConfigError now for an unknown rule selector
    return config


# --------------------------------------------------------------------------------------
# The document stream: sources become events, documents are processed in input order.
#
# The main process only reads, dispatches and writes. A JSONL source is read as batches of
# raw lines (no decoding or parsing in the main process); the worker decodes each line,
# parses it, repairs or checks its text and, for ``fix``, serialises the finished output
# line. So with ``-j N`` almost all the work is spread over the N workers.


class _Record:
    """A plain record class: fields in ``__slots__``, compared and shown as a dataclass would
    be. (Not a dataclass: making one costs a process's start-up ~0.5 ms of generated code.)"""

    __slots__: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass without frozen

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Start(_Record):
    __slots__ = ("source",)

    def __init__(self, source: Source) -> None:
        self.source = source


class End(_Record):
    __slots__ = ("source",)

    def __init__(self, source: Source) -> None:
        self.source = source


class Failed(_Record):
    __slots__ = ("source", "message")  # noqa: RUF023 - the fields in order, for repr

    def __init__(self, source: Source, message: str) -> None:
        self.source = source
        self.message = message


class Doc(_Record):
    """A whole text file."""

    __slots__ = ("source", "text", "size")  # noqa: RUF023 - the fields in order, for repr

    def __init__(self, source: Source, text: str, size: int) -> None:
        self.source = source
        self.text = text
        self.size = size


class Batch(_Record):
    """Raw lines of a JSONL source, line ``first`` at byte ``offset`` onwards, unparsed.

    >>> Batch(Source("c.jsonl", True), 3, 10, [b"{}\\n"])
    Batch(source=Source(path='c.jsonl', jsonl=True), first=3, offset=10, lines=[b'{}\\n'])
    """

    __slots__ = ("source", "first", "offset", "lines")  # noqa: RUF023 - the fields in order, for repr

    def __init__(self, source: Source, first: int, offset: int, lines: list[bytes]) -> None:
        self.source = source
        self.first = first
        self.offset = offset
        self.lines = lines


class Rec(_Record):
    """One line of a JSONL source, after its batch was processed."""

    __slots__ = ("source", "line", "raw")  # noqa: RUF023 - the fields in order, for repr

    def __init__(self, source: Source, line: int, raw: bytes) -> None:
        self.source = source
        self.line = line
        self.raw = raw

    @property
    def size(self) -> int:
        return len(self.raw)


#: What the reader produces, and what the handlers receive (batches become records).
Event = Start | End | Failed | Doc | Batch
Item = Start | End | Failed | Doc | Rec


def events(sources: Sequence[Source], batch_bytes: int, stop: set[Source]) -> Iterator[Event]:
    """Every source as Start, its documents, then End (or Failed when it cannot be read).

    A JSONL source comes as batches of about ``batch_bytes`` raw lines. Reading a source
    stops (and its End is never sent) once it is put in ``stop``: a worker found a bad line.
    """
    for source in sources:
        yield Start(source)
        try:
            if source.jsonl:
                for first, offset, lines in iter_line_batches(source, batch_bytes):
                    if source in stop:
                        break
                    yield Batch(source, first, offset, lines)
                if source in stop:
                    continue
            else:
                data = read_bytes(source)
                yield Doc(source, decode_utf8(data, source.name), len(data))
        except InputError as exc:
            yield Failed(source, str(exc))
            continue
        yield End(source)


class Job(NamedTuple):
    """What every document is done with (set once per worker process)."""

    config: Config
    mode: str = "fix"  # or "check"
    field_path: str = "text"
    meta_field: str | None = None
    skip_invalid: bool = False


class Invalid(NamedTuple):
    """A JSONL line ``--skip-invalid`` leaves as it is, with why it could not be worked."""

    message: str


# Worker state: set once per process by _init (in the main process for -j 1 and for the
# first unit; inherited through fork, or set by the pool's initializer, in the workers).
_JOB = Job(Config())


def _init(job: Job) -> None:
    global _JOB
    _JOB = job


def _init_worker(job: Job) -> None:
    # Ctrl-C is the main process's to handle: it stops feeding work and cleans up.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _init(job)


def record_text(rec: JsonlRecord, field_path: str, name: str) -> str:
    """The text field of a parsed JSONL record; :class:`InputError` when it has none.

    >>> from newsclean.io import parse_jsonl_line
    >>> record_text(parse_jsonl_line(b'{"a": {"b": "x"}}', 7, 0, "c.jsonl"), "a.b", "c.jsonl")
    'x'
    >>> record_text(parse_jsonl_line(b'{"a": 1}', 7, 0, "c.jsonl"), "a", "c.jsonl")
    Traceback (most recent call last):
    ...
    newsclean.io.InputError: c.jsonl:7: field 'a' is int, not a string
    """
    assert rec.record is not None
    try:
        value = get_field(rec.record, field_path)
    except KeyError:
        raise InputError(f"{name}:{rec.line}: record has no field {field_path!r}") from None
    if not isinstance(value, str):
        raise InputError(
            f"{name}:{rec.line}: field {field_path!r} is {type(value).__name__}, not a string"
        )
    return value


def record_line(
    rec: JsonlRecord, old: str, new: str, metadata: Any, field_path: str, meta_field: str | None
) -> bytes:
    """The output line of a JSONL record: the raw line when nothing changed.

    >>> from newsclean.io import parse_jsonl_line
    >>> rec = parse_jsonl_line(b'{"id": 1, "text": "a  "}\\n', 1, 0, "c.jsonl")
    >>> record_line(rec, "a  ", "a", {}, "text", None)
    b'{"id": 1, "text": "a"}\\n'
    >>> record_line(rec, "a  ", "a  ", {}, "text", None) is rec.raw
    True

    With ``meta_field``, what an earlier run stored there is kept: a run that changes
    nothing leaves the record as it is, and one that changes the text replaces only the keys
    it found (the date a first run took from the text is still there after a second run).

    >>> rec = parse_jsonl_line(b'{"text": "a", "nc": {"date": "2022-02-15"}}\\n', 1, 0, "c")
    >>> record_line(rec, "a", "a", {"language": "en"}, "text", "nc") is rec.raw
    True
    >>> record_line(rec, "a", "b", {"language": "en"}, "text", "nc")
    b'{"text": "b", "nc": {"date": "2022-02-15", "language": "en"}}\\n'
    """
    record = rec.record
    assert record is not None
    earlier: Any = None
    if meta_field is not None:
        try:
            earlier = get_field(record, meta_field)
        except KeyError:
            earlier = None
    if new == old and (meta_field is None or isinstance(earlier, dict)):
        return rec.raw
    if meta_field is None and field_path in record:
        # Only the text changes: every other byte of the line is kept as it was.
        spliced = splice_text(rec.raw, rec.ending, field_path, new)
        if spliced is not None:
            return spliced
    if new != old:
        set_field(record, field_path, new)
    if meta_field is not None:
        if isinstance(earlier, dict):
            metadata = {**earlier, **metadata}
        set_field(record, meta_field, metadata)
    line = dump_record(record, rec.raw) + rec.ending
    return rec.raw if line == rec.raw else line


def _work_text(text: str) -> Any:
    """A text file's result: the repaired text, or its findings as dictionaries."""
    if _JOB.mode == "check":
        return [f.as_dict() for f in detect(text, _JOB.config)]
    return fix_and_explain(text, _JOB.config).text


def _work_line(raw: bytes, number: int, offset: int, name: str) -> tuple[bool, Any]:
    """A JSONL line's result: ``(is a record, payload)``.

    For ``fix`` the payload is the output line, or None when it is the input line; for
    ``check`` it is the findings. Blank lines give ``(False, None)``. A line that cannot be
    worked (not UTF-8, not a JSON object, no text field, a metadata field in the way) raises
    :class:`InputError`, or with ``--skip-invalid`` gives ``(False, Invalid(message))``.
    """
    job = _JOB
    try:
        rec = parse_jsonl_line(raw, number, offset, name)
        if rec.record is None:
            return False, None
        text = record_text(rec, job.field_path, name)
        if job.mode == "fix" and job.meta_field is not None:
            # Before the repair: a record that fails is not worked.
            conflict = field_conflict(rec.record, job.meta_field)
            if conflict is not None:
                raise InputError(
                    f"{name}:{number}: --metadata-field {job.meta_field!r} would overwrite "
                    f"the record's own data: {conflict}"
                )
    except InputError as exc:
        if not job.skip_invalid:
            raise
        return False, Invalid(str(exc))
    if job.mode == "check":
        return True, [f.as_dict() for f in detect(text, job.config)]
    result = fix_and_explain(text, job.config)
    line = record_line(rec, text, result.text, result.metadata, job.field_path, job.meta_field)
    return True, (None if line is rec.raw else line)


def _work_batch(name: str, first: int, offset: int, lines: list[bytes]) -> Any:
    """The results of a batch of raw lines, up to the first bad line; and its error."""
    out: list[tuple[bool, Any]] = []
    for number, raw in enumerate(lines, start=first):
        try:
            out.append(_work_line(raw, number, offset, name))
        except InputError as exc:
            return out, str(exc)
        offset += len(raw)
    return out, None


def _work_unit(tasks: list[Any]) -> list[Any]:
    """The results of one unit, in order (what a worker process runs)."""
    return [_work_text(t[0]) if len(t) == 1 else _work_batch(*t) for t in tasks]


def _tasks(unit: list[Event]) -> list[Any]:
    tasks: list[Any] = []
    for event in unit:
        if isinstance(event, Doc):
            tasks.append((event.text,))
        elif isinstance(event, Batch):
            tasks.append((event.source.name, event.first, event.offset, event.lines))
    return tasks


def _units(stream: Iterator[Event], unit_bytes: int) -> Iterator[tuple[list[Event], int]]:
    """Events grouped into units of work of about ``unit_bytes`` (or at most CHUNK_DOCS
    text files); each with the number of its tasks."""
    unit: list[Event] = []
    tasks = size = 0
    for event in stream:
        unit.append(event)
        if isinstance(event, Doc):
            tasks += 1
            size += event.size
        elif isinstance(event, Batch):
            tasks += 1
            size += sum(map(len, event.lines))
        else:
            continue
        if size >= unit_bytes or tasks >= CHUNK_DOCS:
            yield unit, tasks
            unit, tasks, size = [], 0, 0
    if unit:
        yield unit, tasks


def _expand(unit: list[Event], results: list[Any], stop: set[Source]) -> Iterator[tuple[Item, Any]]:
    """A unit's events with their results, batches opened into their records.

    Yields ``(item, result)``; a batch with a bad line gives the records before it, then
    Failed, and puts its source in ``stop``: no more of that source is read, and what was
    read ahead of it is dropped here.
    """
    found = iter(results)
    for event in unit:
        result: Any = next(found) if isinstance(event, Batch | Doc) else None
        if event.source in stop:
            continue
        if isinstance(event, Batch):
            outs, error = result
            source, first, lines = event.source, event.first, event.lines
            for i, out in enumerate(outs):
                yield Rec(source, first + i, lines[i]), out
            if error is not None:
                stop.add(source)
                yield Failed(source, error), None
        else:
            yield event, result


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless the number is one.

    >>> counted(1, "finding"), counted(0, "finding"), counted(3, "document")
    ('1 finding', '0 findings', '3 documents')
    """
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def start_method() -> str | None:
    """How worker processes are started: ``fork`` on Linux when this process runs no other
    thread (cheap: the workers inherit the imported modules and loaded tables), else
    ``forkserver`` on Linux, else the platform's default (``None``).

    >>> start_method() in ("fork", "forkserver", None)
    True
    """
    import threading

    if not sys.platform.startswith("linux"):
        return None
    return "fork" if threading.active_count() == 1 else "forkserver"


def _pool(jobs: int, job: Job) -> Any:
    """A process pool of ``jobs`` workers, each set up once with ``job``."""
    method = start_method()
    # Nothing buffered may be inherited: a forked worker flushes its streams when it ends.
    sys.stdout.flush()
    sys.stderr.flush()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(method) if method else None
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(job,))


def split_first(unit: list[Event]) -> tuple[list[Event], list[Event]]:
    """``unit`` cut just after its first document or JSONL line: what the main process
    does before the pool starts, and the rest.

    >>> src = Source("c.jsonl", True)
    >>> head, rest = split_first([Start(src), Batch(src, 1, 0, [b"a\\n", b"bc\\n"])])
    >>> [(b.first, b.offset, b.lines) for b in (head[1], *rest)]
    [(1, 0, [b'a\\n']), (2, 2, [b'bc\\n'])]
    """
    for i, event in enumerate(unit):
        if isinstance(event, Doc):
            return unit[: i + 1], unit[i + 1 :]
        if isinstance(event, Batch):
            if len(event.lines) == 1:
                return unit[: i + 1], unit[i + 1 :]
            one = event.lines[0]
            head = Batch(event.source, event.first, event.offset, [one])
            tail = Batch(event.source, event.first + 1, event.offset + len(one), event.lines[1:])
            return [*unit[:i], head], [tail, *unit[i + 1 :]]
    return unit, []


#: The signals that asked this run to stop. Each handler raises at once, but a raise that
#: lands in a finaliser (a ``__del__`` of the regex module's parser objects, say) is printed
#: and dropped by Python: so the run also looks here before each unit of work and before it
#: replaces a file.
_STOPPED: list[int] = []


def stop_if_asked() -> None:
    """Raise what the first signal that asked this run to stop should have raised.

    >>> _STOPPED[:] = [int(signal.SIGTERM)]
    >>> stop_if_asked()
    Traceback (most recent call last):
    ...
    SystemExit: 143
    >>> _STOPPED.clear(); stop_if_asked()
    """
    if _STOPPED:
        if _STOPPED[0] == signal.SIGINT:
            raise KeyboardInterrupt
        raise SystemExit(128 + _STOPPED[0])


def _count(unit: list[Event]) -> int:
    return sum(isinstance(event, Doc | Batch) for event in unit)


def process(
    stream: Iterator[Event], job: Job, jobs: int, stop: set[Source]
) -> Iterator[tuple[Item, Any]]:
    """Each item with its result, in input order, on ``jobs`` processes.

    With more than one job, units of work go to a process pool and at most
    ``jobs * WINDOW_PER_JOB`` of them are in flight, so memory stays flat on any input.
    Before the pool starts, the main process repairs the first document (or JSONL line)
    only: that loads the rules' lazy tables once, and forked workers inherit them instead
    of each loading them again; all the rest goes to the workers. The objects loaded by
    then are frozen out of the garbage collector (:func:`gc.freeze`), so that the workers'
    collections neither walk them nor copy the memory pages they share with this process.
    """
    _init(job)
    if jobs <= 1:
        for event in stream:
            stop_if_asked()
            if isinstance(event, Doc | Batch):
                yield from _expand([event], _work_unit(_tasks([event])), stop)
            else:
                yield event, None
        return

    units = _units(stream, UNIT_BYTES)
    first = next(units, None)
    if first is None:
        return
    second = next(units, None)
    if second is None:  # one unit in all: no pool to start
        yield from _expand(first[0], _work_unit(_tasks(first[0])) if first[1] else [], stop)
        return
    head, rest = split_first(first[0])
    window: deque[tuple[list[Event], Any]] = deque([(head, _work_unit(_tasks(head)))])
    gc.freeze()
    try:
        with _pool(jobs, job) as pool:
            try:
                for unit, count in itertools.chain([(rest, _count(rest)), second], units):
                    if count:
                        window.append((unit, pool.submit(_work_unit, _tasks(unit))))
                    else:
                        window.append((unit, []))
                    while len(window) > jobs * WINDOW_PER_JOB:
                        stop_if_asked()
                        unit, pending = window.popleft()
                        yield from _expand(unit, _result(pending), stop)
                while window:
                    unit, pending = window.popleft()
                    yield from _expand(unit, _result(pending), stop)
            finally:
                for _, pending in window:
                    if not isinstance(pending, list):
                        pending.cancel()
    finally:
        gc.unfreeze()


def _result(pending: Any) -> list[Any]:
    """The results of a unit: computed already (a list) or a future's."""
    if isinstance(pending, list):
        return pending
    results: list[Any] = pending.result()
    return results


# --------------------------------------------------------------------------------------
# Progress on stderr.


class Progress:
    """A tqdm bar on stderr, opened once more than a handful of documents were seen."""

    def __init__(self, total_bytes: int | None, enabled: bool) -> None:
        self.total = total_bytes
        self.enabled = enabled
        self.docs = 0
        self.bytes = 0
        self.bar: Any = None

    def advance(self, size: int) -> None:
        self.docs += 1
        self.bytes += size
        if not self.enabled:
            return
        if self.bar is None:
            if self.docs <= HANDFUL:
                return
            from tqdm import tqdm

            # Some pseudo-terminals (script, docker -t) report a size of 0x0, on which tqdm
            # draws nothing: give it a usable size there.
            try:
                cols, rows = os.get_terminal_size(sys.stderr.fileno())
            except (OSError, ValueError):
                cols = rows = 0
            self.bar = tqdm(
                ncols=None if cols else 80,
                nrows=None if rows else 24,
                total=self.total,
                initial=self.bytes,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                desc="newsclean",
                file=sys.stderr,
                dynamic_ncols=bool(cols),
                mininterval=0.2,
            )
            return
        self.bar.update(size)
        if self.docs % 64 == 0:
            self.bar.set_postfix(docs=self.docs, refresh=False)

    def write(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.set_postfix(docs=self.docs, refresh=False)
            self.bar.close()
            self.bar = None


def _total_bytes(sources: Sequence[Source]) -> int | None:
    total = 0
    for source in sources:
        if source.is_stdin:
            return None
        with contextlib.suppress(OSError):
            total += os.path.getsize(source.path)
    return total


# --------------------------------------------------------------------------------------
# What each command does with the results.


class Handler:
    """Receives the event stream in input order; ``status`` is the exit status so far."""

    def __init__(self, progress: Progress, quiet: bool = False) -> None:
        self.progress = progress
        self.quiet = quiet
        self.errors = 0
        self.invalid = 0
        self.failed: set[Source] = set()

    def error(self, message: str) -> None:
        self.errors += 1
        self.progress.write(f"newsclean: error: {message}")

    def start(self, source: Source) -> None:
        pass

    def doc(self, doc: Doc, result: Any) -> None:
        pass

    def record(self, rec: Rec, result: tuple[bool, Any]) -> None:
        pass

    def skip(self, rec: Rec, message: str) -> None:
        """A line ``--skip-invalid`` leaves as it is: warned about and counted."""
        self.invalid += 1
        if not self.quiet:
            self.progress.write(f"newsclean: warning: {message} (line left as it is)")

    def end(self, source: Source) -> None:
        pass

    def abort(self, source: Source) -> None:
        pass

    def finish(self) -> int:
        return 0


def drive(handler: Handler, results: Iterator[tuple[Item, Any]]) -> int:
    """Feed results to a handler; bad input fails its source and the run goes on.

    Anything else (an interrupt, a broken pipe) aborts the source being written, so a file
    being rewritten in place is left as it was, and ends the run.
    """
    source: Source | None = None
    try:
        for event, result in results:
            source = event.source
            if source in handler.failed:
                continue
            try:
                if isinstance(event, Rec):
                    handler.progress.advance(event.size)
                    if isinstance(result[1], Invalid):
                        handler.skip(event, result[1].message)
                    else:
                        handler.record(event, result)
                elif isinstance(event, Doc):
                    handler.progress.advance(event.size)
                    handler.doc(event, result)
                elif isinstance(event, Start):
                    handler.start(source)
                elif isinstance(event, End):
                    handler.end(source)
                else:
                    raise InputError(event.message)
            except InputError as exc:
                handler.failed.add(source)
                handler.abort(source)
                handler.error(str(exc))
    except BaseException:
        if source is not None:
            handler.abort(source)
        raise
    finally:
        handler.progress.close()
    if handler.invalid and not handler.quiet:
        lines = "line" if handler.invalid == 1 else "lines"
        handler.progress.write(
            f"newsclean: {handler.invalid} invalid JSONL {lines} left as they are (--skip-invalid)"
        )
    status = handler.finish()
    return 2 if handler.errors else status


def _diff_lines(text: str) -> list[str]:
    r"""Lines split at ``\n`` only (``str.splitlines`` also splits at U+2028 and others).

    >>> _diff_lines("a\r\nb\u2028c\n")
    ['a\r\n', 'b\u2028c\n']
    """
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff of one file, with ``\\ No newline at end of file`` where needed.

    >>> print(unified_diff("a.\\nb", "a!\\nb", "x.txt"), end="")
    --- x.txt
    +++ x.txt
    @@ -1,2 +1,2 @@
    -a.
    +a!
     b
    \\ No newline at end of file
    """
    import difflib

    out = []
    for line in difflib.unified_diff(
        _diff_lines(old), _diff_lines(new), fromfile=name, tofile=name, n=3
    ):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


class FixHandler(Handler):
    """``fix``: to stdout, in place, ``--check`` and/or ``--diff``."""

    def __init__(
        self,
        progress: Progress,
        quiet: bool = False,
        *,
        out: IO[bytes] | None = None,
        field_path: str = "text",
        meta_field: str | None = None,
        in_place: bool = False,
        check: bool = False,
        diff: bool = False,
    ) -> None:
        super().__init__(progress, quiet)
        self.out: IO[bytes] = sys.stdout.buffer if out is None else out
        self.field_path = field_path
        self.meta_field = meta_field
        self.in_place = in_place
        self.check = check
        self.diff = diff
        self.changed: set[Source] = set()
        self.writer: AtomicWriter | None = None
        self.jsonl_diff_started = False

    @property
    def reporting(self) -> bool:
        return self.check or self.diff

    def start(self, source: Source) -> None:
        self.jsonl_diff_started = False
        if source.jsonl and self.in_place and not source.is_stdin and not self.reporting:
            # Kept before its temporary file exists: an interrupt at any moment finds it.
            self.writer = AtomicWriter(source.path, create=False)
            self.writer.create()

    def skip(self, rec: Rec, message: str) -> None:
        super().skip(rec, message)
        self.record(rec, (False, None))  # written as it came

    def record(self, rec: Rec, result: tuple[bool, Any]) -> None:
        source = rec.source
        line = result[1]
        if line is None:
            line = rec.raw
        else:
            self.changed.add(source)
            if self.diff:
                self._jsonl_hunk(source, rec, line)
        if self.writer is not None:
            self.writer.write(line)
        elif not self.reporting:
            write_all(self.out, line)

    def doc(self, doc: Doc, result: Any) -> None:
        source = doc.source
        text: str = result
        if text != doc.text:
            self.changed.add(source)
            if self.diff:
                write_all(
                    self.out,
                    unified_diff(doc.text, text, source.name).encode("utf-8", "surrogateescape"),
                )
        if self.reporting:
            return
        if self.in_place and not source.is_stdin:
            if text != doc.text:
                try:
                    atomic_write(source.path, text.encode("utf-8"))
                except OSError as exc:
                    raise InputError(f"{source.name}: cannot write: {exc.strerror}") from None
        else:
            write_all(self.out, text.encode("utf-8"))

    def _jsonl_hunk(self, source: Source, rec: Rec, line: bytes) -> None:
        if not self.jsonl_diff_started:
            write_all(self.out, _diff_header(source.name))
            self.jsonl_diff_started = True
        n = rec.line
        write_all(self.out, f"@@ -{n} +{n} @@\n".encode())
        for sign, raw in ((b"-", rec.raw), (b"+", line)):
            write_all(self.out, sign + raw)
            if not raw.endswith(b"\n"):
                write_all(self.out, b"\n\\ No newline at end of file\n")

    def end(self, source: Source) -> None:
        if self.writer is not None:
            writer, self.writer = self.writer, None
            if source in self.changed:
                try:
                    stop_if_asked()  # (a stop asked for may have been dropped: see _STOPPED)
                    writer.commit()
                except OSError as exc:
                    raise InputError(f"{source.name}: cannot write: {exc.strerror}") from None
            else:
                writer.discard()
        if self.check and source in self.changed and not self.quiet:
            self.progress.write(f"would fix {source.name}")

    def abort(self, source: Source) -> None:
        self.changed.discard(source)
        if self.writer is not None:
            self.writer.discard()
            self.writer = None

    def finish(self) -> int:
        self.out.flush()
        if self.reporting:
            if self.check and not self.quiet and not self.errors:
                n = len(self.changed)
                files = "file" if n == 1 else "files"
                self.progress.write(f"{n} {files} would be fixed" if n else "nothing to fix")
            return 1 if self.changed else 0
        return 0


class CheckHandler(Handler):
    """``check``: findings as ``path:line:col: CODE message`` or JSON, or statistics."""

    def __init__(
        self,
        progress: Progress,
        quiet: bool = False,
        *,
        out: IO[str] | None = None,
        fmt: str = "text",
        statistics: bool = False,
    ) -> None:
        super().__init__(progress, quiet)
        self.out: IO[str] = sys.stdout if out is None else out
        self.fmt = fmt
        self.statistics = statistics
        self.found = 0
        self.documents = 0
        self.counts: Counter[str] = Counter()

    def doc(self, doc: Doc, result: Any) -> None:
        self._report(doc.source, None, result)

    def record(self, rec: Rec, result: tuple[bool, Any]) -> None:
        if result[0]:
            self._report(rec.source, rec.line, result[1])

    def _report(self, source: Source, record: int | None, findings: list[Any]) -> None:
        self.documents += 1
        name = source.name
        label = name if record is None else f"{name}:{record}"
        for finding in findings:
            self.found += 1
            self.counts[finding["rule"]] += 1
            if self.statistics:
                continue
            if self.fmt == "json":
                item = {"path": name, "record": record, **finding}
                keys = ("path", "record", "line", "column", "offset", "length", "rule")
                ordered = {k: item[k] for k in keys}
                ordered.update(
                    message=item["message"],
                    replacement=item["replacement"],
                    original=item["original"],
                    fixable=item["fixable"],
                )
                self.out.write(json.dumps(ordered, ensure_ascii=False) + "\n")
            else:
                self.out.write(
                    f"{label}:{finding['line']}:{finding['column']}: "
                    f"{finding['rule']} {finding['message']}\n"
                )

    def finish(self) -> int:
        if self.statistics:
            names = {r["code"]: r["name"] for r in list_rules()}
            ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if self.fmt == "json":
                self.out.write(
                    json.dumps(
                        {
                            "documents": self.documents,
                            "findings": self.found,
                            "rules": [
                                {"rule": code, "name": names.get(code, ""), "count": n}
                                for code, n in ranked
                            ],
                        }
                    )
                    + "\n"
                )
            else:
                for code, n in ranked:
                    self.out.write(f"{n:>10}  {code}  {names.get(code, '')}\n")
        self.out.flush()
        if not self.quiet and not self.errors and self.fmt == "text":
            self.progress.write(
                f"{counted(self.found, 'finding')} in {counted(self.documents, 'document')}"
            )
        return 1 if self.found else 0


# --------------------------------------------------------------------------------------
# Argument parsing.

MAIN_EPILOG = """\
examples:
  newsclean fix article.txt > clean.txt       repaired text on stdout
  cat article.txt | newsclean fix             stdin to stdout
  newsclean fix -i articles/                  rewrite *.txt, *.jsonl in place
  newsclean fix --check --diff articles/      what would change (exit 1 if anything)
  newsclean check corpus.jsonl --statistics   how dirty is this corpus?
  newsclean fix --jsonl -j 4 big.jsonl > clean.jsonl
  newsclean lexicon build corpus.jsonl -o names.txt
  newsclean rules                             every rule, one JSON object a line

exit status: 0 clean, 1 something would change or was found, 2 bad input or usage.
"""

FIX_EPILOG = """\
examples:
  newsclean fix article.txt > clean.txt
  cat article.txt | newsclean fix -
  newsclean fix -i articles/ --exclude 'drafts/*'
  newsclean fix --check articles/             list files that would change; exit 1 if any
  newsclean fix --diff article.txt            unified diff; exit 1 if anything would change
  newsclean fix corpus.jsonl -j 4 --field body --metadata-field newsclean > clean.jsonl
  newsclean fix --select NC5,NC6 --ignore NC504 article.txt
"""

CHECK_EPILOG = """\
examples:
  newsclean check article.txt                 path:line:col: CODE message
  newsclean check --format json articles/     one JSON object per finding
  newsclean check --statistics corpus.jsonl   a count per rule over everything checked
  newsclean check --select NC6 corpus.jsonl   only the encoding rules

For JSONL input the path is shown as FILE:RECORD_LINE, then the line and column inside the
record's field: corpus.jsonl:12:3:5: NC501 ...  Offsets and columns count code points.
"""

LEXICON_EPILOG = """\
examples:
  newsclean lexicon build corpus.jsonl -o names.txt
  newsclean lexicon build articles/ --min-documents 3 -o names.txt
  newsclean fix --lexicon names.txt corpus.jsonl > clean.jsonl
"""


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, the width argparse's help takes, without
    importing :mod:`shutil` (and the compression modules it brings: ~4 ms of start-up).

    >>> import os, shutil
    >>> old = os.environ.get("COLUMNS")
    >>> os.environ["COLUMNS"] = "123"
    >>> terminal_columns(), shutil.get_terminal_size().columns
    (123, 123)
    >>> _ = os.environ.pop("COLUMNS") if old is None else os.environ.update(COLUMNS=old)
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32, width=terminal_columns() - 2)


class _Version(argparse.Action):
    """``--version``, looked up only when asked for (see ``newsclean.__getattr__``)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        super().__init__(option_strings, argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from . import __version__

        sys.stdout.write(f"newsclean {__version__}\n")
        parser.exit()


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (every core) or more")
    return n


def _add_input_options(p: argparse.ArgumentParser, skip_invalid: bool = True) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders; '-' or nothing reads stdin",
    )
    g = p.add_argument_group("input")
    g.add_argument("--jsonl", action="store_true", help="read every input as JSONL")
    g.add_argument("--field", metavar="NAME", help="JSONL text field, dotted for nested")
    if skip_invalid:
        g.add_argument(
            "--skip-invalid",
            action="store_true",
            help="JSONL: leave a line that is no usable record as it is, with a warning",
        )
    g.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help=f"files to pick in folders (default: {' '.join(DEFAULT_INCLUDE)})",
    )
    g.add_argument("--exclude", action="append", metavar="GLOB", help="files/folders to skip")


def _add_rule_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("rules")
    g.add_argument("--select", action="append", metavar="CODES", help="rules to run (NC5,NC601)")
    g.add_argument("--ignore", action="append", metavar="CODES", help="rules never to run")
    g.add_argument("--extend-select", action="append", metavar="CODES", help="add to defaults")
    g.add_argument("--fixable", action="append", metavar="CODES", help="let report-only fix")
    g.add_argument("--unfixable", action="append", metavar="CODES", help="only report these")
    g.add_argument(
        "--option", action="append", metavar="CODE.KEY=VALUE", help="a rule option (JSON value)"
    )
    g.add_argument("--lexicon", metavar="FILE", help="a names lexicon, one name a line")
    g.add_argument("--config", metavar="FILE", help="read [tool.newsclean] from this TOML file")
    g.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")


def _add_run_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("run")
    g.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="processes (0: every core)")
    g.add_argument("-q", "--quiet", action="store_true", help="no summary, no progress bar")


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. With ``command``, only that command's options are added
    (the others are listed, as always, without theirs): what parsing a command line that
    names it needs, in a fraction of the start-up time.
    """
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Repair what machine translation and scraping do to news text.",
        epilog=MAIN_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    fix_p = sub.add_parser(
        "fix",
        help="write the repaired text (stdout, or in place)",
        description="Repair files, folders or JSONL corpora.",
        epilog=FIX_EPILOG,
        formatter_class=_Formatter,
    )
    if command in (None, "fix"):
        _add_input_options(fix_p)
        out = fix_p.add_argument_group("output")
        mode = out.add_mutually_exclusive_group()
        mode.add_argument("-i", "--in-place", action="store_true", help="rewrite files atomically")
        mode.add_argument("--check", action="store_true", help="list files that would change")
        out.add_argument("--diff", action="store_true", help="print a unified diff instead")
        out.add_argument(
            "--metadata-field", metavar="NAME", help="JSONL: store extracted metadata in this field"
        )
        _add_rule_options(fix_p)
        _add_run_options(fix_p)

    check_p = sub.add_parser(
        "check",
        help="list findings as path:line:col: CODE message",
        description="Report what fix would change and what it cannot fix safely.",
        epilog=CHECK_EPILOG,
        formatter_class=_Formatter,
    )
    if command in (None, "check"):
        _add_input_options(check_p)
        out = check_p.add_argument_group("output")
        out.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        out.add_argument("--statistics", action="store_true", help="a count per rule instead")
        _add_rule_options(check_p)
        _add_run_options(check_p)

    rules_p = sub.add_parser(
        "rules",
        help="list the rules",
        description="Every rule, one JSON object a line.",
        epilog="examples:\n  newsclean rules\n  newsclean rules --markdown > docs/rules.md\n",
        formatter_class=_Formatter,
    )
    if command in (None, "rules"):
        rules_p.add_argument("--markdown", action="store_true", help="print the rules catalogue")

    lex_p = sub.add_parser(
        "lexicon",
        help="build a names lexicon from a corpus",
        description="Names lexicons (see newsclean.Lexicon).",
        epilog=LEXICON_EPILOG,
        formatter_class=_Formatter,
    )
    if command in (None, "lexicon"):
        lex_sub = lex_p.add_subparsers(dest="lexicon_command", required=True, metavar="ACTION")
        build_p = lex_sub.add_parser(
            "build",
            help="collect names seen standing alone across a corpus",
            description="Collect capitalised words seen standing alone mid-sentence in at least "
            "--min-documents documents, and write them one a line.",
            epilog=LEXICON_EPILOG,
            formatter_class=_Formatter,
        )
        _add_input_options(build_p, skip_invalid=False)
        build_p.add_argument(
            "-o", "--output", required=True, metavar="FILE", help="lexicon to write"
        )
        build_p.add_argument(
            "--min-documents", type=int, default=2, metavar="N", help="documents a name needs (2)"
        )
        build_p.add_argument(
            "--config", metavar="FILE", help="read [tool.newsclean] from this file"
        )
        build_p.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
        build_p.add_argument("-q", "--quiet", action="store_true", help="no summary")
    return parser


# --------------------------------------------------------------------------------------
# Commands.


def _sources(args: argparse.Namespace, settings: dict[str, Any]) -> list[Source]:
    return discover(
        args.paths or ["-"],
        include=settings.get("include") or DEFAULT_INCLUDE,
        exclude=settings.get("exclude") or (),
        force_jsonl=args.jsonl,
    )


def _jobs_count(settings: dict[str, Any]) -> int:
    jobs = int(settings.get("jobs") or 1)
    if settings.get("jobs") == 0:
        jobs = os.cpu_count() or 1
    return jobs


def run_fix_or_check(args: argparse.Namespace) -> int:
    settings = _settings(args)
    config = build_config(settings)
    sources = _sources(args, settings)
    field_path = settings.get("field") or "text"
    quiet = bool(args.quiet)
    if args.command == "check":
        to_stdout = not args.statistics
    else:
        to_stdout = args.diff or not (args.in_place or args.check)
    # A bar on the terminal the output scrolls through would tear it: only draw it when the
    # output goes elsewhere (a file, a pipe) or there is none.
    enabled = sys.stderr.isatty() and not (to_stdout and sys.stdout.isatty())
    progress = Progress(_total_bytes(sources), enabled=not quiet and enabled)
    handler: Handler
    if args.command == "check":
        handler = CheckHandler(
            progress, quiet, fmt=args.format, statistics=args.statistics, out=sys.stdout
        )
        job = Job(config, "check", field_path, skip_invalid=args.skip_invalid)
    else:
        meta_field = settings.get("metadata_field")
        if meta_field is not None and paths_overlap(meta_field, field_path):
            raise UsageError(
                f"--metadata-field {meta_field!r} would overwrite the text field {field_path!r}"
            )
        handler = FixHandler(
            progress,
            quiet,
            out=sys.stdout.buffer,
            field_path=field_path,
            meta_field=meta_field,
            in_place=args.in_place,
            check=args.check,
            diff=args.diff,
        )
        job = Job(config, "fix", field_path, meta_field, skip_invalid=args.skip_invalid)
    jobs = _jobs_count(settings)
    stop: set[Source] = set()
    # -j 1 reads a line at a time (a stream on stdin is answered as it comes); the workers
    # get batches, so that dispatching costs the main process little per line.
    stream = events(sources, UNIT_BYTES if jobs > 1 else 1, stop)
    return drive(handler, process(stream, job, jobs, stop))


def run_lexicon_build(args: argparse.Namespace) -> int:
    settings = _settings(args)
    sources = _sources(args, settings)
    field_path = settings.get("field") or "text"
    if args.min_documents < 1:
        raise UsageError("--min-documents must be at least 1")

    def texts() -> Iterator[str]:
        for source in sources:
            if not source.jsonl:
                yield decode_utf8(read_bytes(source), source.name)
                continue
            for rec in iter_jsonl(source):
                if rec.record is not None:
                    yield record_text(rec, field_path, source.name)

    lexicon = Lexicon.from_texts(texts(), min_documents=args.min_documents)
    try:
        with AtomicWriter(args.output) as writer:
            writer.handle.close()
            lexicon.save(writer.tmp)
            writer.commit()
    except OSError as exc:
        raise InputError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    if not args.quiet:
        print(f"wrote {len(lexicon)} names to {args.output}", file=sys.stderr)
    return 0


def run_rules(args: argparse.Namespace) -> int:
    if args.markdown:
        from .catalogue import render_catalogue

        sys.stdout.write(render_catalogue())
    else:
        for rule in list_rules():
            print(json.dumps(rule))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "fix": run_fix_or_check,
    "check": run_fix_or_check,
    "rules": run_rules,
    "lexicon": run_lexicon_build,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console script; returns the exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    parser = make_parser(words[0] if words and words[0] in COMMANDS else None)
    args = parser.parse_args(words)
    if getattr(args, "in_place", False) and args.diff:
        parser.error("--diff cannot be combined with -i/--in-place")
    for name in ("option", "no_config", "config", "jsonl"):
        if not hasattr(args, name):
            setattr(args, name, None)

    def terminate(signum: int, frame: object) -> None:
        _STOPPED.append(signum)
        raise SystemExit(128 + signum)  # unwinds like Ctrl-C: temporary files are removed

    def interrupt(signum: int, frame: object) -> None:
        _STOPPED.append(signum)
        raise KeyboardInterrupt

    _STOPPED.clear()
    previous = signal.signal(signal.SIGTERM, terminate)
    previous_int = None
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        # (a run started with Ctrl-C ignored, as a background job, keeps it ignored)
        previous_int = signal.signal(signal.SIGINT, interrupt)
    try:
        return COMMANDS[args.command](args)
    except (InputError, UsageError, ConfigError) as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``newsclean fix big.jsonl | head``): stop quietly.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
        if previous_int is not None:
            signal.signal(signal.SIGINT, previous_int)


def exit_quickly(status: int) -> NoReturn:
    """End the process with ``status`` once everything is written, without tearing the heap
    down object by object (~40 ms at the end of a large run, for nothing: the process is
    going away).

    What the usual exit does that matters still happens: the standard streams are flushed
    and the :mod:`atexit` handlers run. When a stream cannot be flushed (the reader went
    away, say) or a thread other than the main one is still running, the process exits the
    usual way instead (:func:`sys.exit`), which reports and waits as it always did.
    """
    import threading

    def flush() -> bool:
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):
            return False
        return True

    running = [
        t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon
    ]
    run_exitfuncs = getattr(atexit, "_run_exitfuncs", None)
    if running or run_exitfuncs is None or not flush():
        sys.exit(status)
    run_exitfuncs()
    if not flush():
        sys.exit(status)
    os._exit(status)


def console() -> NoReturn:
    """The console script (``newsclean``, ``python -m newsclean``): :func:`main` with the
    command line, then :func:`exit_quickly` with its exit status."""
    exit_quickly(main())


if __name__ == "__main__":  # pragma: no cover
    console()
