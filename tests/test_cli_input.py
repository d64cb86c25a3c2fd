"""The command line on awkward input: what it refuses (exit 2, one line), and what it keeps.

Written from an outside review's reproductions: a metadata field over the record's own data,
numbers JSON cannot write back, a configuration file that is not UTF-8, a file name that is
not UTF-8, and a reader that goes away.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .test_cli import COMMAND, jsonl, run, write


def _one_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsclean: error:"), lines
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_metadata_field_never_overwrites_the_records_data(tmp_path: Path) -> None:
    write(tmp_path / "m.jsonl", jsonl({"id": "a1", "text": "date 2022-02-15 Talks  went on."}))
    write(tmp_path / "n.jsonl", jsonl({"meta": "keep me", "text": "Talks  went on."}))
    _one_error(run("fix", "--metadata-field", "text", "m.jsonl", cwd=tmp_path), "text field")
    _one_error(run("fix", "--metadata-field", "text.x", "m.jsonl", cwd=tmp_path), "text field")
    _one_error(run("fix", "--metadata-field", "id", "m.jsonl", cwd=tmp_path), "m.jsonl:1:", "str")
    _one_error(run("fix", "--metadata-field", "meta.sub", "n.jsonl", cwd=tmp_path), "'meta'")
    # With -i the file is left as it was.
    before = (tmp_path / "m.jsonl").read_bytes()
    _one_error(run("fix", "-i", "--metadata-field", "id", "m.jsonl", cwd=tmp_path))
    assert (tmp_path / "m.jsonl").read_bytes() == before


def test_metadata_field_keeps_what_an_earlier_run_found(tmp_path: Path) -> None:
    record = {"text": "date 2022-02-15 Talks  went on.", "newsclean": {"old": True, "date": "x"}}
    write(tmp_path / "m.jsonl", jsonl(record))
    proc = run("fix", "--metadata-field", "newsclean", "m.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["text"] == "Talks went on."
    # The keys this run found replace the earlier ones; the others stay.
    assert out["newsclean"]["date"] == "2022-02-15" and out["newsclean"]["old"] is True


def test_a_second_run_with_metadata_in_place_loses_nothing(tmp_path: Path) -> None:
    """Re-runs happen (a retried pipeline, a hook): the second run over clean output must
    not erase the date the first run took out of the text (it exists nowhere else)."""
    path = write(
        tmp_path / "m.jsonl",
        jsonl({"text": " date 2022-02-15 The talks went on.\nPhoto: EFE/EPA/OLEG PETRASYUK"}),
    )
    assert run("fix", "-i", "--metadata-field", "nc", "m.jsonl", cwd=tmp_path).returncode == 0
    first = path.read_bytes()
    meta = json.loads(first)["nc"]
    assert meta["date"] == "2022-02-15" and len(meta["removed"]) == 2
    assert run("fix", "-i", "--metadata-field", "nc", "m.jsonl", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == first  # nothing to change: the record is left as it is


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_numbers_json_cannot_write_back_are_refused(tmp_path: Path, number: str) -> None:
    write(tmp_path / "c.jsonl", '{"text": "a  b", "f": ' + number + "}\n")
    _one_error(run("fix", "c.jsonl", cwd=tmp_path), "c.jsonl:1:")
    ok = write(tmp_path / "d.jsonl", '{"text": "a  b", "f": 1e300}\n')
    proc = run("fix", ok, cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout) == {"text": "a b", "f": 1e300}


def test_a_configuration_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    conf = write(tmp_path / "c.toml", b'[tool.newsclean]\nselect = ["NC5"]\n\xff\n')
    a = write(tmp_path / "a.txt", "Talks  went on.\n")
    _one_error(run("fix", "--config", conf, a, cwd=tmp_path), "cannot read configuration")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs non-UTF-8 file names")
def test_diff_of_a_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Talks  went on.\n")
    proc = subprocess.run([*COMMAND, "fix", "--diff", "d"], cwd=tmp_path, capture_output=True)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith(b"--- d/caf\xe9.txt\n+++ d/caf\xe9.txt\n")


def test_a_reader_that_goes_away_ends_the_run_with_141(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", "Talks  went on in Brussels on Tuesday.\n" * 200_000)
    with subprocess.Popen([*COMMAND, "fix", str(big)], stdout=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        proc.stdout.readline()
        proc.stdout.close()
        assert proc.wait(timeout=120) == 141


#: Lines ``--skip-invalid`` leaves as they are, each with what its warning names.
INVALID_LINES = (
    (b"not json\n", "malformed JSON"),
    (b'{"text": 5}\n', "is int, not a string"),
    (b'{"body": "no text field"}\n', "no field 'text'"),
    (b"\xff\xfe not UTF-8\n", "invalid UTF-8"),
    (b"[1, 2]\n", "not list"),
    (b'{"text": NaN}\n', "NaN"),
)


def _run_bytes(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *args], input=b"", capture_output=True, cwd=cwd, timeout=120, check=False
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_skip_invalid_leaves_bad_lines_as_they_are_and_repairs_the_rest(
    tmp_path: Path, jobs: str
) -> None:
    good = b'{"text": "Talks  went on."}\n'
    data = good + b"".join(line for line, _ in INVALID_LINES) + good
    write(tmp_path / "c.jsonl", data)
    proc = _run_bytes("fix", "--skip-invalid", "-j", jobs, "c.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    fixed = b'{"text": "Talks went on."}\n'
    assert proc.stdout == fixed + b"".join(line for line, _ in INVALID_LINES) + fixed
    warnings = proc.stderr.decode().splitlines()
    assert len(warnings) == len(INVALID_LINES) + 1, warnings
    pairs = zip(INVALID_LINES, warnings[:-1], strict=True)
    for number, ((_, needle), warning) in enumerate(pairs, start=2):
        assert warning.startswith(f"newsclean: warning: c.jsonl:{number}:"), warning
        assert needle in warning, warning
    assert f"{len(INVALID_LINES)} invalid JSONL lines" in warnings[-1]
    # Without the flag the first bad line ends the file (exit 2), as before.
    assert _run_bytes("fix", "-j", jobs, "c.jsonl", cwd=tmp_path).returncode == 2


def test_skip_invalid_in_place_check_and_quiet(tmp_path: Path) -> None:
    data = b'{"text": "Talks  went on."}\nnot json\n'
    path = write(tmp_path / "c.jsonl", data)
    proc = _run_bytes("fix", "-i", "-q", "--skip-invalid", "c.jsonl", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr
    assert path.read_bytes() == b'{"text": "Talks went on."}\nnot json\n'
    write(tmp_path / "d.jsonl", data)
    proc = _run_bytes("check", "--skip-invalid", "d.jsonl", cwd=tmp_path)
    assert proc.returncode == 1  # the good line has a finding
    assert b"d.jsonl:1:1:6: NC504" in proc.stdout
    assert b"d.jsonl:2: malformed JSON" in proc.stderr
    # The metadata field in the record's way: that record is left, the run goes on.
    write(tmp_path / "m.jsonl", jsonl({"text": "a  b"}, {"id": "x", "text": "c  d"}))
    proc = _run_bytes("fix", "--skip-invalid", "--metadata-field", "id", "m.jsonl", cwd=tmp_path)
    assert proc.returncode == 0
    first, second = proc.stdout.splitlines()
    assert json.loads(first)["text"] == "a b" and isinstance(json.loads(first)["id"], dict)
    assert second == b'{"id": "x", "text": "c  d"}'


def test_a_repaired_record_keeps_its_other_fields_byte_for_byte(tmp_path: Path) -> None:
    """Only the text changes: long decimals, 1e3, -0, big integers, spacing and a repeated
    key are written as they were (the whole record used to be serialised again)."""
    line = (
        '{"text":"a  b","score":1.10,"price":1e3,"p":0.12345678901234567890123,"z":-0,'
        '"id":12345678901234567890123}\n'
    )
    write(tmp_path / "n.jsonl", line + '{"text": "x  y", "text": "c  d"}\n')
    proc = run("fix", "n.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.splitlines()
    assert first == line.rstrip("\n").replace('"a  b"', '"a b"')
    assert second == '{"text": "x  y", "text": "c d"}'  # the one json.loads reads


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(max_size=6), json_scalars, max_size=5),
    st.text(max_size=20),
    st.text(max_size=20),
    st.sampled_from([", ", ","]),
    st.booleans(),
)
def test_splice_text_is_set_field_on_the_same_line(
    others: dict[str, object], old: str, new: str, sep: str, ascii_only: bool
) -> None:
    from newsclean.io import splice_text

    record = {**others, "text": old}
    body = json.dumps(record, ensure_ascii=ascii_only, separators=(sep, ": "))
    try:
        raw = body.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return  # a lone surrogate: such a line is written anew, not spliced
    out = splice_text(raw, b"\n", "text", new)
    if out is None:
        assert any("\ud800" <= c <= "\udfff" for c in new)
        return
    assert json.loads(out) == {**record, "text": new}
    # Everything before and after the value is the line's own bytes.
    prefix = body[: body.rindex(json.dumps(old, ensure_ascii=ascii_only))]
    assert out.decode("utf-8").startswith(prefix)
