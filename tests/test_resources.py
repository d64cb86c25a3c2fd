"""The cache folder's derived values: stamped with what the code does, not where it lives;
versions side by side each keep their file; old versions are pruned."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import resources

SOURCE = textwrap.dedent(
    """
    def build():
        words = frozenset({"alpha", "beta", "gamma"})
        return sorted(w.upper() for w in words if len(w) > 4 and w not in {"zeta", "eta", "iota"})
    """
)


def _function(source: str, filename: str) -> object:
    scope: dict[str, object] = {}
    exec(compile(source, filename, "exec"), scope)
    return scope["build"]


def test_code_digest_ignores_the_file_and_follows_the_code() -> None:
    one = _function(SOURCE, "/somewhere/a.py")
    two = _function("\n\n" + SOURCE, "/elsewhere/b.py")  # other file, other lines
    other = _function(SOURCE.replace("> 4", "> 3"), "/somewhere/a.py")
    digest = resources.code_digest
    assert digest(one.__code__) == digest(two.__code__)  # type: ignore[attr-defined]
    assert digest(one.__code__) != digest(other.__code__)  # type: ignore[attr-defined]


def test_code_digest_is_the_same_in_another_process_and_from_bytecode(tmp_path: Path) -> None:
    """Across processes (another string hash seed) and whether the module was compiled from
    its source or loaded from its bytecode file, a function has one digest."""
    (tmp_path / "probe_module.py").write_text(SOURCE, encoding="utf-8")
    script = (
        "import probe_module\n"
        "from newsclean.resources import code_digest\n"
        "print(code_digest(probe_module.build.__code__))\n"
    )
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(tmp_path), str(Path(resources.__file__).parents[1]), env.get("PYTHONPATH", "")]
    )
    digests = set()
    for seed in ("1", "2", "3"):  # the first writes the bytecode, the others read it
        env["PYTHONHASHSEED"] = seed
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert (tmp_path / "__pycache__").is_dir()
    assert len(digests) == 1


def test_versions_side_by_side_keep_their_files(tmp_path: Path) -> None:
    calls: list[str] = []

    def old() -> object:
        calls.append("old")
        return ("old",)

    def new() -> object:
        calls.append("new")
        return ("new",)

    for _ in range(3):  # two versions in turn: each builds once, then reads its file
        assert resources.derived("t", "k", old, folder=tmp_path) == ("old",)
        assert resources.derived("t", "k", new, folder=tmp_path) == ("new",)
    assert calls == ["old", "new"]
    assert len(list(tmp_path.iterdir())) == 2


def test_only_the_newest_versions_are_kept(tmp_path: Path) -> None:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return (1,)

    for k in range(resources.DERIVED_VERSIONS + 3):
        resources.derived("t", f"key {k}", build, folder=tmp_path)
        for path in tmp_path.iterdir():  # older files look older
            os.utime(path, (path.stat().st_mtime - 10, path.stat().st_mtime - 10))
    resources.derived("other", "k", lambda: (2,), folder=tmp_path)
    names = [p.name for p in tmp_path.iterdir()]
    assert sum(n.startswith("derived-t-") for n in names) == resources.DERIVED_VERSIONS
    assert sum(n.startswith("derived-other-") for n in names) == 1
    # The newest is among them: it is read, not built again.
    last = resources.DERIVED_VERSIONS + 2
    assert resources.derived("t", f"key {last}", build, folder=tmp_path) == (1,)
    assert len(calls) == resources.DERIVED_VERSIONS + 3


def test_pruning_a_name_leaves_the_names_it_begins(tmp_path: Path) -> None:
    # "patterns-header" and "patterns-header-views" are two names: new versions of the first
    # must not prune the second's file (its glob once matched both).
    resources.derived("t-views", "k", lambda: (2,), folder=tmp_path)
    for path in tmp_path.iterdir():  # the oldest file of all
        os.utime(path, (path.stat().st_mtime - 100, path.stat().st_mtime - 100))
    for k in range(resources.DERIVED_VERSIONS + 2):
        resources.derived("t", f"key {k}", lambda: (1,), folder=tmp_path)
    names = [p.name for p in tmp_path.iterdir()]
    assert sum(n.startswith("derived-t-views-") for n in names) == 1
    assert len(names) == resources.DERIVED_VERSIONS + 1


# --------------------------------------------------------------------------------------------
# Compiled patterns kept in the cache folder

PATTERNS = (
    r"(?i:photo|image|foto)(?:[ \t]*[:|,][ \t]*|[ \t]+by[ \t]+)(?P<credit>.+?)[)\]]?\.?",
    r"(?<=[.!?…\"”»)])(?P<cut>[ \t]+\(\p{Lu}\p{L}+\))[ \t]*$",
    r"\b\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,})*\b",
    r"(?i:read[ \t]+also|related)[ \t]*[:|»>][ \t]*",
)


def test_compiled_patterns_are_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = resources.compiled_patterns("t", PATTERNS, folder=tmp_path)
    compiles: list[str] = []
    real = regex.compile

    def counting(pattern: str, *args: object, **kwargs: object) -> object:
        compiles.append(pattern)
        return real(pattern, *args, **kwargs)

    monkeypatch.setattr(regex, "compile", counting)
    again = resources.compiled_patterns("t", PATTERNS, folder=tmp_path)
    assert compiles == []  # none parsed again
    assert [p.pattern for p in again] == [p.pattern for p in first] == list(PATTERNS)
    assert [p.flags for p in again] == [real(p).flags for p in PATTERNS]
    assert [p.groupindex for p in again] == [real(p).groupindex for p in PATTERNS]
    # Another pattern list is another entry: compiled as usual, then kept.
    resources.compiled_patterns("t", PATTERNS[:2], folder=tmp_path)
    assert compiles == list(PATTERNS[:2])


def test_compiled_patterns_survive_a_bad_cache_entry(tmp_path: Path) -> None:
    import marshal

    resources.compiled_patterns("t", PATTERNS, folder=tmp_path)
    (path,) = tmp_path.iterdir()
    stamp, _, raw = marshal.loads(path.read_bytes())
    saved = marshal.loads(raw)
    bad = [None, ("other pattern", *saved[1][1:]), (saved[2][0], 0, [1, 2, 3]), saved[3]]
    raw = marshal.dumps(bad)
    path.write_bytes(marshal.dumps((stamp, __import__("zlib").crc32(raw), raw)))
    out = resources.compiled_patterns("t", PATTERNS, folder=tmp_path)
    assert [p.pattern for p in out] == list(PATTERNS)
    assert out[2].findall("NATO AND EU met") == ["NATO AND EU"]


LINE_PARTS = st.sampled_from(
    [
        "Photo",
        "PHOTO",
        "image",
        "by",
        ":",
        "|",
        ",",
        " ",
        "  ",
        "\t",
        "(",
        ")",
        "[",
        "]",
        ".",
        "!",
        "”",
        "Reuters",
        "AFP",
        "EFE",
        "Read also",
        "related",
        "»",
        "é",
        "İ",
        "ı",
        "ſ",
        "K",
        "ß",
        "\n",
        "\r\n",
        "\n\n\n\n",
        "\u00a0",
        "x",
        "the",
        "NATO",
        "Date: 2022-02-15",
        "&amp;",
        "&#39;",
        "Ã©",
        "â€",
        "https://",
        "www.",
        "© 2022",
        "All rights reserved",
        "{Matzav.com}",
        ", police said.",
        ", which",
        "dpa/AFP/ts",
        "1999–2001",
    ]
)


def _cached_patterns() -> list[regex.Pattern[str]]:
    """Every pattern newsclean's modules take from :func:`resources.compiled_patterns`."""
    from newsclean.rules import boilerplate, encoding, header, whitespace

    tables = boilerplate._default_tables()
    found = [tables.media_re, tables.caption_re, tables.source_re, tables.teaser_re]
    found += [tables.notice_re, header.header_re()]
    for module in (boilerplate, encoding, whitespace):
        for name, value in vars(module).items():
            named = name.endswith("_RE") and f"{name[:-3]}_PATTERN" in vars(module)
            if named and isinstance(value, regex.Pattern):
                found.append(value)
    found += _rule_patterns()
    return found


def _rule_patterns() -> list[regex.Pattern[str]]:
    """The ``regex`` patterns of the quotes, names and language rules kept in the cache."""
    from newsclean.rules import language, names, quotes

    countries = names.country_patterns()
    sentence_start = names.sentence_start_re()
    assert sentence_start is not None
    return [
        *(quotes.CODE_RE, quotes.URL_RE, quotes.URL_HINT_RE, quotes.SPACE_RE),
        *(quotes.SPACE_BEFORE_RE, quotes.APOSTROPHE_AFTER_RE, quotes.CODE_AT_RE),
        *(quotes.LEADING_KEY_RE, quotes.HSPACE_CHAR_RE, quotes.INTRODUCES_QUOTE_RE),
        *(quotes.AFTER_VERB_RE, quotes._speech_patterns(())),
        *(names.PAIR_RE, names.SENTENCE_BEFORE_RE, sentence_start),
        *(countries.candidate, countries.follower, countries.verb),
        *(language.WORD_RE, language.LINE_RE, language.LATIN_RE),
    ]


def _rule_re_patterns() -> list[re.Pattern[Any]]:
    """The standard library's patterns of the rules kept in the cache
    (:func:`resources.compiled_re_patterns`)."""
    from newsclean.rules import language, names, quotes, whitespace

    return [
        quotes.CLAUSE_WORDS_RE,
        quotes._settled_bytes_re(()),
        names._country_anchor("he"),
        names._country_anchor("There"),
        language.FAST_WORD_RE,
        whitespace._BLANK_RUN_FROM_BREAK_RE,
    ]


def test_the_rules_re_patterns_are_what_re_compiles() -> None:
    """A pattern of ``re`` is equal to another when their compiled code is: the cached ones
    are what ``re.compile`` makes of their source, whether read from the cache or not."""
    for cached in _rule_re_patterns():
        assert cached == re.compile(cached.pattern)
        assert cached.flags == re.compile(cached.pattern).flags


RE_PATTERNS = (r"(?i)(?P<word>[a-z]+)[ \t]*+,", rb"\d++(?=x)", r"(?x) a b # c", r"[^\s\"]{2,}")


def test_compiled_re_patterns_are_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = resources.compiled_re_patterns("t", RE_PATTERNS, folder=tmp_path)
    compiles: list[object] = []
    real = re.compile

    def counting(pattern: Any, *args: Any, **kwargs: Any) -> Any:
        compiles.append(pattern)
        return real(pattern, *args, **kwargs)

    monkeypatch.setattr(re, "compile", counting)
    again = resources.compiled_re_patterns("t", RE_PATTERNS, folder=tmp_path)
    assert compiles == []  # none parsed again
    assert again == first == [real(p) for p in RE_PATTERNS]
    assert [p.groupindex for p in again] == [{"word": 1}, {}, {}, {}]
    # A bad entry is compiled as usual.
    import marshal
    import zlib

    (path,) = tmp_path.iterdir()
    stamp, _, raw = marshal.loads(path.read_bytes())
    saved = marshal.loads(raw)
    bad = [None, ("other", *saved[1][1:]), (saved[2][0], 0, [1, 2, 3], 0, {}, (None,)), saved[3]]
    raw = marshal.dumps(bad)
    path.write_bytes(marshal.dumps((stamp, zlib.crc32(raw), raw)))
    out = resources.compiled_re_patterns("t", RE_PATTERNS, folder=tmp_path)
    assert out == [real(p) for p in RE_PATTERNS]
    assert compiles == list(RE_PATTERNS[:3])


def test_the_modules_patterns_come_from_the_cache() -> None:
    """Their source text is theirs (the cache is keyed by it), and there are as many as
    the modules name."""
    patterns = _cached_patterns()
    assert len(patterns) >= 6 + 9 + 3 + 9 + 4
    assert all(isinstance(p.pattern, str) and p.pattern for p in patterns)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(LINE_PARTS, max_size=14))
def test_cached_patterns_match_as_compiled_ones(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str]
) -> None:
    """The patterns handed to the C core from the cache find what ``regex.compile``'s find,
    with the same groups (the modules' own patterns included)."""
    folder = tmp_path_factory.getbasetemp() / "patterns"
    mine = _cached_patterns() + resources.compiled_patterns("t", PATTERNS, folder=folder)
    text = "".join(parts)
    for cached in mine:
        fresh = regex.compile(cached.pattern)
        assert cached.flags == fresh.flags and cached.groupindex == fresh.groupindex
        for method in ("match", "fullmatch", "search"):
            a, b = getattr(cached, method)(text), getattr(fresh, method)(text)
            assert (a and (a.span(), a.groupdict(), a.groups())) == (
                b and (b.span(), b.groupdict(), b.groups())
            )
        assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)]


# --------------------------------------------------------------------------------------------
# The frequency table's block search against a plain dict

WORD = st.text(alphabet=st.sampled_from("abcxyzé’'-ßİıZ\u0301\U0001f600"), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    freqs=st.dictionaries(WORD, st.sampled_from([1e-3, 2e-5, 3e-7, 0.05]), max_size=300),
    probes=st.lists(WORD | st.sampled_from(["", "\n", "a\nb", "\ud800"]), max_size=40),
)
def test_frequency_table_finds_what_a_dict_finds(
    freqs: dict[str, float], probes: list[str]
) -> None:
    """Every word, in every bucket (more words than one bucket holds), and words that are
    not there (prefixes, extensions, newlines, lone surrogates) answer as a dict does; the
    table read back from its bytes too."""
    table = resources.FrequencyTable.from_dict(freqs)
    again = resources.FrequencyTable.loads(table.dumps("k"), "k")
    for t in (table, again):
        assert len(t) == len(freqs) and dict(t.items()) == freqs and list(t) == sorted(freqs)
        for word in [*freqs, *probes, *(w + "a" for w in freqs), *(w[:-1] for w in freqs)]:
            assert t.get(word) == freqs.get(word), word
            assert (word in t) == (word in freqs)


def test_no_home_folder_means_no_cache_and_the_rules_still_load(tmp_path: Path) -> None:
    """Without $HOME (and no password entry to find it from) the rules import and run,
    caching nothing."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", resources.CACHE_ENV)}
    env.pop("XDG_CACHE_HOME", None)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(resources.__file__).parents[1]), env.get("PYTHONPATH", "")]
    )
    script = (
        "import pathlib\n"
        "def no_home():\n"
        "    raise RuntimeError('Could not determine home directory.')\n"
        "pathlib.Path.home = staticmethod(no_home)\n"
        "import newsclean\n"
        "from newsclean.resources import cache_dir\n"
        "assert cache_dir() is None\n"
        "print(newsclean.fix('Photo: EFE\\n\\nTalks went on.  Then &amp; now.'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout == "Talks went on. Then & now.\n"
