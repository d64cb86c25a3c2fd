"""``-j N``: the same bytes and the same errors as ``-j 1``, with the main process only
reading, dispatching and writing.

The fixtures are written here (several units of work, so the process pool is really used):
unicode and ASCII-escaped records, a nested text field, a metadata field, blank lines, CRLF
endings, a byte-order mark and a last line without a newline.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsclean import Config, cli
from newsclean.io import Source
from tests.test_cli import COMMAND, run, write

#: Bytes of JSONL that make several units of work (cli.UNIT_BYTES is 64 KiB).
SEVERAL_UNITS = 2 * cli.UNIT_BYTES

BODIES = (
    "Olaf Scholz met Dmytro Kuleba in Berlin.   \nThey talked for an hour.",
    "NATOâ€™s ministers met on Tuesday.",
    "“We will not stop,” said the minister.\n\n\n\n\nThe talks went on.",
    "Ukraine’s grain left Odesa – 100,000 tonnes – at 5 a.m.",
    "date: 2022-02-15\nThe U.S. said the eBay deal was off.",
    "Café owners in Zürich paid €1.5 million; 東京 reported 😀 nothing.",
    "Plain clean sentence number one. Another clean sentence.",
)


def corpus(n: int, *, bad: dict[int, bytes] | None = None) -> bytes:
    """``n`` records (1-based line numbers) with a nested text field, styled per line."""
    lines: list[bytes] = []
    for i in range(1, n + 1):
        if bad and i in bad:
            lines.append(bad[i])
            continue
        if i % 17 == 0:
            lines.append(b"\n" if i % 2 else b"   \r\n")
            continue
        body = BODIES[i % len(BODIES)] + f" Story {i}." + " Filler text." * (i % 80)
        record: dict[str, Any] = {"id": i, "doc": {"title": f"T{i}", "body": body}, "n": 1.5}
        ascii_style = i % 3 == 0
        text = json.dumps(record, ensure_ascii=ascii_style)
        ending = "\r\n" if i % 5 == 0 else "\n"
        lines.append((text + ending).encode("utf-8"))
    lines[0] = "\ufeff".encode() + lines[0]
    lines[-1] = lines[-1].rstrip(b"\r\n")
    return b"".join(lines)


def run_bytes(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], capture_output=True, cwd=cwd, timeout=300, check=False
    )


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.newsclean]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def small_units(monkeypatch: pytest.MonkeyPatch) -> int:
    """Units of 4 KiB, so that a small fixture fills the window of units in flight."""
    monkeypatch.setattr(cli, "UNIT_BYTES", 1 << 12)
    return 1 << 12


def in_process(capsys: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes, bytes]:
    """``newsclean ARGS`` run by this process (workers forked from it): status, out, err."""
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_fixture_spans_several_units() -> None:
    data = corpus(250)
    assert len(data) > SEVERAL_UNITS, "the fixture must keep the pool busy"
    assert data.startswith("\ufeff".encode()) and not data.endswith(b"\n")
    assert b"\r\n" in data and b"\\u" in data and "😀".encode() in data


# --- the console script, as installed ---------------------------------------------------


def test_fix_is_byte_identical_with_one_and_two_jobs(work: Path) -> None:
    write(work / "a.jsonl", corpus(250))
    args = ("fix", "--field", "doc.body", "--metadata-field", "meta.newsclean", "a.jsonl")
    one = run_bytes(*args, "-j", "1", cwd=work)
    two = run_bytes(*args, "-j", "2", cwd=work)
    assert (one.returncode, one.stderr) == (0, b"")
    assert (two.returncode, two.stdout, two.stderr) == (0, one.stdout, one.stderr)
    out = one.stdout.split(b"\n")
    assert len(out) == len(corpus(250).split(b"\n"))
    records = [json.loads(line) for line in out if line.strip()]
    assert [r["id"] for r in records] == [i for i in range(1, 251) if i % 17]
    assert all("meta" in r and "newsclean" in r["meta"] for r in records)
    fixed = {r["id"]: r["doc"]["body"] for r in records}
    assert "NATO’s" in fixed[1] and "   \n" not in fixed[7], "the rules ran"
    styles = {json.loads(line)["id"]: line.isascii() for line in out if line.strip()}
    assert all(styles[i] for i in styles if i % 3 == 0), "ASCII lines stay ASCII"
    assert not all(styles.values())


def test_a_bad_line_far_in_is_reported_the_same_with_one_and_two_jobs(work: Path) -> None:
    bad = b'{"id": 0, "doc": {"body": "unterminated}}\n'
    write(work / "a.jsonl", corpus(300, bad={220: bad}))
    write(work / "b.jsonl", corpus(20))
    args = ("fix", "--field", "doc.body", "a.jsonl", "b.jsonl")
    one = run_bytes(*args, "-j", "1", cwd=work)
    two = run_bytes(*args, "-j", "2", cwd=work)
    assert one.returncode == 2
    assert one.stderr == b"newsclean: error: a.jsonl:220: malformed JSON line " + (
        b"(Unterminated string starting at, column 27)\n"
    )
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    lines = one.stdout.split(b"\n")
    assert json.loads(lines[218].decode("utf-8-sig"))["id"] == 219, "lines before it written"
    assert json.loads(lines[219].decode("utf-8-sig"))["id"] == 1, "then the next file's"


# --- the same, run in this process (cheaper), with small units --------------------------


@pytest.mark.parametrize(
    "extra",
    [
        ("check",),
        ("check", "--format", "json"),
        ("check", "--statistics"),
        ("fix", "--diff"),
        ("fix", "--check"),
        ("fix", "--field", "doc.title"),
    ],
)
def test_reports_are_identical_with_one_and_two_jobs(
    work: Path, small_units: int, capsysbinary: pytest.CaptureFixture[bytes], extra: tuple[str, ...]
) -> None:
    write(work / "a.jsonl", corpus(150))
    write(work / "b.txt", "date: 2022-02-15\nNATOâ€™s ministers met.   \n")
    write(work / "c.jsonl", corpus(10))
    args = (extra[0], "--field", "doc.body", *extra[1:], "a.jsonl", "b.txt", "c.jsonl")
    one = in_process(capsysbinary, *args, "-j", "1")
    two = in_process(capsysbinary, *args, "-j", "2")
    assert one[0] in (0, 1) and one[1] + one[2]
    assert two == one


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (b'{"id": 0, "doc": {"body": "\xc3("}}\n', b"a.jsonl:120: invalid UTF-8 at byte offset"),
        (b'{"id": 0, "doc": {"body": 5}}\n', b"a.jsonl:120: field 'doc.body' is int, not a"),
        (b'{"id": 0, "doc": {}}\r\n', b"a.jsonl:120: record has no field 'doc.body'"),
        (b'["a", "list"]\n', b"a.jsonl:120: a JSONL line must be a JSON object, not list"),
    ],
)
def test_bad_lines_are_reported_the_same_with_one_and_two_jobs(
    work: Path,
    small_units: int,
    capsysbinary: pytest.CaptureFixture[bytes],
    bad: bytes,
    message: bytes,
) -> None:
    data = corpus(150, bad={120: bad})
    write(work / "a.jsonl", data)
    write(work / "b.jsonl", corpus(10))
    for command in ("fix", "check"):
        args = (command, "--field", "doc.body", "a.jsonl", "b.jsonl")
        one = in_process(capsysbinary, *args, "-j", "1")
        two = in_process(capsysbinary, *args, "-j", "2")
        assert one[0] == 2 and message in one[2], one[2]
        assert two == one
    if b"byte offset" in message:
        offset = sum(len(line) + 1 for line in data.split(b"\n")[:119]) + bad.index(b"\xc3")
        assert b"%s %d\n" % (message, offset) in one[2]


def test_in_place_is_identical_with_one_and_two_jobs(
    work: Path, small_units: int, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    for jobs in ("1", "2"):
        write(work / jobs / "a.jsonl", corpus(150))
        write(work / jobs / "b.jsonl", corpus(150, bad={140: b"{oops\n"}))
        status, _, err = in_process(
            capsysbinary, "fix", "-i", "--field", "doc.body", "-j", jobs, jobs
        )
        assert status == 2 and b"b.jsonl:140: malformed JSON" in err
    fixed = (work / "1" / "a.jsonl").read_bytes()
    assert fixed == (work / "2" / "a.jsonl").read_bytes() != corpus(150)
    for jobs in ("1", "2"):
        assert (work / jobs / "b.jsonl").read_bytes() == corpus(150, bad={140: b"{oops\n"})
        assert sorted(p.name for p in (work / jobs).iterdir()) == ["a.jsonl", "b.jsonl"]


def test_unchanged_lines_are_kept_byte_for_byte(
    work: Path, small_units: int, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = corpus(150)
    write(work / "a.jsonl", data)
    one = in_process(capsysbinary, "fix", "--field", "doc.body", "a.jsonl", "-j", "1")
    two = in_process(capsysbinary, "fix", "--field", "doc.body", "a.jsonl", "-j", "2")
    assert one[0] == 0 and two == one
    kept = set(data.splitlines(keepends=True)) & set(one[1].splitlines(keepends=True))
    assert any(b"Plain clean sentence" in line for line in kept), "clean records untouched"


# --- in process: the stream, the pool and what the main process does -------------------


def stream_of(path: Path, jobs: int, stop: set[Source]) -> Iterator[cli.Event]:
    source = Source(str(path), True)
    return cli.events([source], cli.UNIT_BYTES if jobs > 1 else 1, stop)


def results(path: Path, jobs: int, job: cli.Job) -> list[tuple[str, int | None, Any]]:
    stop: set[Source] = set()
    out: list[tuple[str, int | None, Any]] = []
    for item, result in cli.process(stream_of(path, jobs, stop), job, jobs, stop):
        line = item.line if isinstance(item, cli.Rec) else None
        out.append((type(item).__name__, line, result))
    return out


def test_process_gives_the_same_items_in_order_on_a_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_units: int
) -> None:
    path = write(tmp_path / "a.jsonl", corpus(150))
    job = cli.Job(Config(), "fix", "doc.body", "m")
    pools: list[int] = []
    real_pool = cli._pool

    def counting_pool(jobs: int, job: cli.Job) -> Any:
        pools.append(jobs)
        return real_pool(jobs, job)

    monkeypatch.setattr(cli, "_pool", counting_pool)
    two = results(path, 2, job)
    assert pools == [2], "the pool was used"
    one = results(path, 1, job)
    assert pools == [2], "and not with -j 1"
    assert one == two
    assert [line for kind, line, _ in one if kind == "Rec"] == list(range(1, 151))


def test_main_process_parses_only_the_first_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_units: int
) -> None:
    """Forked workers inherit the counter, but their calls are counted in their memory."""
    path = write(tmp_path / "a.jsonl", corpus(150))
    calls: list[int] = []
    real_parse = cli.parse_jsonl_line

    def counting_parse(raw: bytes, number: int, offset: int, name: str) -> Any:
        calls.append(number)
        return real_parse(raw, number, offset, name)

    monkeypatch.setattr(cli, "parse_jsonl_line", counting_parse)
    if cli.start_method() != "fork":
        pytest.skip("workers are not forked here")
    items = results(path, 2, cli.Job(Config(), "fix", "doc.body"))
    assert [line for kind, line, _ in items if kind == "Rec"] == list(range(1, 151))
    assert calls == [1], f"the main process parsed lines {calls}"


def test_first_line_split_off_keeps_order_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_units: int
) -> None:
    """The first line is done before the pool starts and the rest of its batch after: a
    bad second line still fails the source right after the first record."""
    path = write(tmp_path / "a.jsonl", corpus(150, bad={2: b"{nope\n"}))
    job = cli.Job(Config(), "fix", "doc.body")
    two = results(path, 2, job)
    assert two == results(path, 1, job)
    assert [(kind, line) for kind, line, _ in two] == [
        ("Start", None),
        ("Rec", 1),
        ("Failed", None),
    ]


def test_pool_leaves_the_garbage_collector_as_it_was(tmp_path: Path, small_units: int) -> None:
    import gc

    path = write(tmp_path / "a.jsonl", corpus(150))
    before = gc.get_freeze_count()
    assert len(results(path, 2, cli.Job(Config(), "fix", "doc.body"))) > 150
    assert gc.get_freeze_count() == before and gc.isenabled()


def test_reading_stops_soon_after_a_bad_line(tmp_path: Path, small_units: int) -> None:
    path = write(tmp_path / "a.jsonl", corpus(1000, bad={40: b"{nope\n"}))
    stop: set[Source] = set()
    seen: list[int] = []

    def counted() -> Iterator[cli.Event]:
        for event in stream_of(path, 2, stop):
            if isinstance(event, cli.Batch):
                seen.append(len(event.lines))
            yield event

    items = list(cli.process(counted(), cli.Job(Config(), "fix", "doc.body"), 2, stop))
    kinds = [type(item).__name__ for item, _ in items]
    assert kinds[-1] == "Failed" and "End" not in kinds
    assert [item.line for item, _ in items if isinstance(item, cli.Rec)] == list(range(1, 40))
    failing = next(k for k in range(1, len(seen) + 1) if sum(seen[:k]) >= 40)
    read_ahead = len(seen) - failing
    assert read_ahead <= 2 * cli.WINDOW_PER_JOB + 1, f"{read_ahead} batches read past it"
    assert sum(seen) < 1000


def test_workers_also_start_without_fork(tmp_path: Path, small_units: int) -> None:
    """With another thread running, forking is unsafe: the workers start fresh."""
    path = write(tmp_path / "a.jsonl", corpus(60))
    job = cli.Job(Config(), "check", "doc.body")
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert cli.start_method() in ("forkserver", None)
        two = results(path, 2, job)
    finally:
        release.set()
        thread.join()
    assert two == results(path, 1, job)


# --- start-up ------------------------------------------------------------------------------


def test_start_up_imports_no_pool_toml_diff_or_metadata_machinery() -> None:
    probe = (
        "import sys, newsclean.cli\n"
        "heavy = ['concurrent.futures', 'multiprocessing', 'importlib.metadata', 'tomllib',\n"
        "         'difflib', 'newsclean.catalogue', 'newsclean.rules']\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_version_still_reads_the_package_metadata(work: Path) -> None:
    import newsclean

    proc = run("--version", cwd=work)
    assert (proc.returncode, proc.stdout) == (0, f"newsclean {newsclean.__version__}\n")
