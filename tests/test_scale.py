"""The cached English frequency table (``newsclean.resources``): the same words and values as
wordfreq, loaded from the cache folder when it is current, derived again when it is missing,
stale (wordfreq upgraded), corrupt or unwritable."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import wordfreq

from newsclean import resources
from newsclean.resources import FrequencyTable, load_frequencies

SMALL = {"the": 0.05, "crisis": 1e-5, "minister": 9.12e-5, "of": 0.03}


@pytest.fixture
def derived(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the derivations from wordfreq (and derive a small table, fast)."""
    calls: list[int] = []

    def derive() -> FrequencyTable:
        calls.append(1)
        return FrequencyTable.from_dict(SMALL)

    monkeypatch.setattr(resources, "_derive_frequencies", derive)
    monkeypatch.setattr(resources, "wordfreq_key", lambda: "wordfreq 3.1.1")
    return calls


def test_table_is_wordfreqs_english_dictionary() -> None:
    table = resources.word_frequencies()
    assert dict(table) == wordfreq.get_frequency_dict("en")


def test_zipf_frequency_is_wordfreqs() -> None:
    rng = random.Random(7)
    known = sorted(resources.word_frequencies())
    words = rng.sample(known, 3000)
    words += [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 12)))
        for _ in range(2000)
    ]
    words += ["Minister", "café", "don't", "x2", "ABC", "über", "però", "", "e-mail", "ß"]
    # Words wordfreq knows outside ASCII, and their capitalised and decomposed forms.
    others = [w for w in known if not w.isascii()]
    for word in rng.sample(others, 2000):
        words += [word, word.capitalize(), unicodedata.normalize("NFD", word)]
    # Hyphenated and apostrophised words (names' possessives: "west's", "kar-wai").
    for _ in range(3000):
        a, b = rng.sample(known[:60000], 2)
        words += [f"{a}-{b}", f"{a}'s", f"{a}\u2019s", f"{a}'{b}", f"{a[:2]}'{b}", f"{a}-{b}'s"]
    for word in words:
        assert str(resources.zipf_frequency(word)) == str(wordfreq.zipf_frequency(word, "en")), word


def test_cache_written_then_read(tmp_path: Path, derived: list[int]) -> None:
    first = load_frequencies(tmp_path)
    assert dict(first) == SMALL and len(derived) == 1
    assert [p.name for p in tmp_path.iterdir()] == [resources._freq_cache_path(tmp_path).name]
    second = load_frequencies(tmp_path)
    assert dict(second) == SMALL and len(derived) == 1  # read, not derived


def test_upgraded_wordfreq_makes_the_cache_stale(
    tmp_path: Path, derived: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_frequencies(tmp_path)
    monkeypatch.setattr(resources, "wordfreq_key", lambda: "wordfreq 3.2.0")
    load_frequencies(tmp_path)
    assert len(derived) == 2
    load_frequencies(tmp_path)  # rewritten for the new version
    assert len(derived) == 2


def test_corrupt_cache_is_derived_again(tmp_path: Path, derived: list[int]) -> None:
    path = resources._freq_cache_path(tmp_path)
    import marshal
    import zlib

    fmt = resources.FREQ_FORMAT
    key = "wordfreq 3.1.1"
    good = marshal.loads(FrequencyTable.from_dict(SMALL).dumps(key))
    _, _, blob, starts, index, crc, values = good

    def stamped(blob: bytes, starts: bytes, index: bytes, values: tuple[float, ...]) -> bytes:
        crc = zlib.crc32(blob, zlib.crc32(index + starts))
        return marshal.dumps((fmt, key, blob, starts, index, crc, values))

    junk_items = (
        b"",
        b"\x00garbage",
        FrequencyTable.from_dict({"x": 1.0}).dumps("other"),
        marshal.dumps((fmt, key, "not bytes", b"", b"", 0, ())),  # wrong types
        marshal.dumps((fmt, key, blob, starts, index, crc ^ 1, values)),  # crc
        stamped(blob, starts, index + b"\x00" * 4, values),  # a word too many
        stamped(blob[1:], starts, index, values),  # no line break first
        stamped(blob, b"", index, values),  # no buckets
        marshal.dumps((2, key, "a\nb", b"\x00" * 8, 0, (1.0,))),  # the old layout
    )
    for junk in junk_items:
        path.write_bytes(junk)
        assert dict(load_frequencies(tmp_path)) == SMALL
    assert len(derived) == len(junk_items)
    assert dict(load_frequencies(tmp_path)) == SMALL and len(derived) == len(junk_items)


def test_unwritable_cache_folder_still_gives_the_table(tmp_path: Path, derived: list[int]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    folder = blocker / "newsclean"  # cannot be created
    assert dict(load_frequencies(folder)) == SMALL
    assert dict(load_frequencies(folder)) == SMALL
    assert len(derived) == 2
    assert not folder.exists()


def test_no_cache_folder(tmp_path: Path, derived: list[int]) -> None:
    assert dict(load_frequencies(None)) == SMALL
    assert list(tmp_path.iterdir()) == []


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(resources.CACHE_ENV, str(tmp_path))
    assert resources.cache_dir() == tmp_path
    monkeypatch.setenv(resources.CACHE_ENV, "")
    assert resources.cache_dir() is None
    monkeypatch.delenv(resources.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert resources.cache_dir() == tmp_path / "newsclean"


def test_wordfreq_key_follows_its_files() -> None:
    key = resources.wordfreq_key()
    assert "large_en.msgpack.gz" in key and key == resources.wordfreq_key()


def test_wordfreq_key_looks_again_after_a_stale_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    # A finder that listed site-packages before wordfreq was there misses it once; the key
    # clears the finders' caches and looks again. A second miss means it is not installed.
    import importlib
    import importlib.util

    real = importlib.util.find_spec
    stale = [True]
    cleared: list[bool] = []

    def find_spec(name: str, *args: object) -> object:
        if name == "wordfreq" and stale[0]:
            return None
        return real(name, *args)  # type: ignore[arg-type]

    def invalidate_caches() -> None:
        cleared.append(True)
        stale[0] = False

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(importlib, "invalidate_caches", invalidate_caches)
    assert "large_en.msgpack.gz" in resources.wordfreq_key() and cleared == [True]
    monkeypatch.setattr(importlib, "invalidate_caches", lambda: cleared.append(True))
    stale[0] = True
    with pytest.raises(ImportError, match="wordfreq is not installed"):
        resources.wordfreq_key()
    assert cleared == [True, True]


def test_cached_table_loads_without_wordfreq(tmp_path: Path) -> None:
    """A process that finds a current cache never imports wordfreq for the table."""
    code = (
        "import sys\n"
        "from newsclean import resources\n"
        "t = resources.word_frequencies()\n"
        "print(len(t), resources.zipf_frequency('minister'), 'wordfreq' in sys.modules)\n"
    )
    env = {**os.environ, resources.CACHE_ENV: str(tmp_path)}
    outs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    size = str(len(wordfreq.get_frequency_dict("en")))
    zipf = str(wordfreq.zipf_frequency("minister", "en"))
    assert outs[0] == [size, zipf, "True"]  # derived: wordfreq imported
    assert outs[1] == [size, zipf, "False"]  # from the cache


def test_table_rejects_mismatched_parts() -> None:
    from array import array

    with pytest.raises(ValueError):  # two words, one index
        FrequencyTable(b"\na\nb\n", array("I", [0]), array("I", [0]), (1.0,))
    with pytest.raises(ValueError):  # no bucket
        FrequencyTable(b"\na\nb\n", array("I"), array("I", [0, 0]), (1.0,))
    with pytest.raises(ValueError):  # not between line breaks
        FrequencyTable(b"a\nb", array("I", [0]), array("I", [0, 0]), (1.0,))
    with pytest.raises(ValueError):
        FrequencyTable.from_dict({"a\nb": 1.0})
    table = FrequencyTable.from_dict(SMALL)
    with pytest.raises(KeyError):
        table["Scholzis"]
    assert table.get("Scholzis", 0.0) == 0.0 and 3 not in table


# --- the benchmark's scaling and CLI measures -------------------------------------------------


def test_mixed_documents_share_one_order_and_sample_every_text() -> None:
    from benchmarks import speed

    texts = [f"Topic {t}\n\n" + "\n\n".join(f"t{t} p{p} words." for p in range(30)) for t in "ab"]
    small = speed.build_document(texts, 200, base_size=10**9, seed=3)
    big = speed.build_document(texts, 2000, base_size=10**9, seed=3)
    assert big.startswith(small) and len(big) >= 2000
    assert "ta" in small and "tb" in small, "a prefix samples both texts"
    assert small != speed.build_document(texts, 200, base_size=10**9), "shuffled"
    assert small == speed.build_document(texts, 200, base_size=10**9, seed=3), "reproducible"


def test_cpu_scaling_times_cold_and_warm_runs() -> None:
    from benchmarks import speed

    texts = ["Olaf Scholz met Dmytro Kuleba.   \n\nThey talked for an hour."] * 40
    rows = speed.cpu_scaling(texts, (200, 2000), rounds=1)
    assert [r["size_chars"] >= s for r, s in zip(rows, (200, 2000), strict=True)] == [True, True]
    for row in rows:
        assert row["cold_seconds"] > 0 and row["seconds"] > 0 and row["repeats"] >= 1
        assert row["seconds_per_mb"] == pytest.approx(row["seconds"] / row["mb"])
    lin = [
        {"size_chars": 1_000_000, "cold_seconds_per_mb": 1.0, "seconds_per_mb": 0.5},
        {"size_chars": 10_000_000, "cold_seconds_per_mb": 1.3, "seconds_per_mb": 0.5},
    ]
    assert speed.linearity(lin, "cold_seconds_per_mb") == 1.3 and speed.linearity(lin) == 1.0


def test_cli_probe_reports_the_cpu_before_the_pool(tmp_path: Path) -> None:
    import json

    from benchmarks import speed

    path = tmp_path / "c.jsonl"
    body = "Olaf Scholz met Dmytro Kuleba in Berlin.   \\nThey talked. " * 40
    path.write_text("".join(json.dumps({"text": body}) + "\n" for _ in range(200)))
    usage = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", speed.CLI_PROBE, "fix", "--jsonl", "-q", "-j", jobs, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        usage.append(json.loads(done.stderr.strip().splitlines()[-1]))
    assert usage[0]["before_pool"] is None and usage[0]["workers"] == 0
    assert 0 < usage[1]["before_pool"] <= usage[1]["main"] and usage[1]["workers"] > 0


def test_startup_phases_add_up(tmp_path: Path) -> None:
    import json

    from benchmarks import speed

    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"text": f"Record {i}.  \n"}) + "\n" for i in range(40)))
    phases = speed.startup_phases(path, 1)
    names = ["interpreter start", "import newsclean.cli", "import the rule modules"]
    assert list(phases)[:3] == names and list(phases)[-1] == "total"
    parts = sum(v["min"] for k, v in phases.items() if k != "total")
    assert all(v["min"] >= 0 for v in phases.values())
    assert phases["total"]["min"] == pytest.approx(parts, abs=0.5)


def test_tables_read_without_importlib_resources_and_through_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    on_disk = resources.read_data("header_keys.txt")
    monkeypatch.setattr(resources, "DATA_DIR", str(tmp_path / "missing"))
    assert resources.read_data("header_keys.txt") == on_disk  # through importlib.resources
    code = "import sys, newsclean.cli; print('importlib.resources' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _counting_build(calls: list[int], value: object) -> object:
    calls.append(1)
    return value


def test_derived_value_written_then_read_and_rebuilt_when_stale(tmp_path: Path) -> None:
    calls: list[int] = []
    value = frozenset({b"Thursday", b"another"})

    def build() -> object:
        return _counting_build(calls, value)

    assert resources.derived("t", "k1", build, folder=tmp_path) == value
    assert resources.derived("t", "k1", build, folder=tmp_path) == value
    assert len(calls) == 1  # the second came from the file
    assert resources.derived("t", "k2", build, folder=tmp_path) == value  # another key
    assert len(calls) == 2

    def build_changed() -> object:  # other code, same name and key: stale
        return _counting_build(calls, frozenset({b"x"}))

    assert resources.derived("t", "k2", build_changed, folder=tmp_path) == frozenset({b"x"})
    assert len(calls) == 3
    assert resources.derived("t", "k2", build, uses=(_counting_build,), folder=tmp_path) == value
    assert len(calls) == 4  # a function it uses is part of the stamp


def test_corrupt_or_unwritable_derived_file_is_built_again(tmp_path: Path) -> None:
    import marshal

    calls: list[int] = []

    def build() -> object:
        return _counting_build(calls, ("a", 1))

    resources.derived("t", "k", build, folder=tmp_path)
    (path,) = tmp_path.iterdir()
    stamp = marshal.loads(path.read_bytes())[0]
    junk_items = (
        b"",
        b"\x00garbage",
        marshal.dumps((stamp, 0, marshal.dumps(("a", 1)))),  # crc
        marshal.dumps((stamp, 5, "not bytes")),
        marshal.dumps(("other stamp", 0, b"")),
    )
    for junk in junk_items:
        path.write_bytes(junk)
        assert resources.derived("t", "k", build, folder=tmp_path) == ("a", 1)
    assert len(calls) == 1 + len(junk_items)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert resources.derived("t", "k", build, folder=blocker / "sub") == ("a", 1)
    assert not (blocker / "sub").exists()
    # A callable without Python code cannot be stamped: it is called, nothing is kept.
    empty = tmp_path / "empty"
    assert resources.derived("t", "k", frozenset, folder=empty) == frozenset()
    assert not empty.exists()


def test_notice_heads_from_the_cache_are_the_computed_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsclean.rules import boilerplate

    monkeypatch.setenv(resources.CACHE_ENV, str(tmp_path))
    pattern = boilerplate._default_tables().notice_re
    expected = boilerplate._pattern_heads(pattern)
    assert boilerplate._notice_heads(pattern, default=True) == expected  # built, written
    assert any(tmp_path.iterdir())
    assert boilerplate._notice_heads(pattern, default=True) == expected  # read


def test_plain_words_from_the_cache_are_the_built_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsclean.rules import fused

    monkeypatch.setenv(resources.CACHE_ENV, str(tmp_path))
    small = tuple(sorted(fused._table("fused_small_words.txt")))
    expected = fused._build_plain_words(small)
    fused.plain_words.cache_clear()
    try:
        assert fused.plain_words() == expected  # built, written
        (written,) = tmp_path.iterdir()
        assert written.name.startswith("derived-fused-plain-words-")
        assert written.name.endswith(f"-m{__import__('marshal').version}.bin")
        fused.plain_words.cache_clear()
        assert fused.plain_words() == expected  # read
    finally:
        fused.plain_words.cache_clear()
