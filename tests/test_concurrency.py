"""Concurrency: ``fix`` from many threads at once, pickling for multiprocessing, and lazy
loading of rules and data tables that is race-free (each loaded exactly once)."""

from __future__ import annotations

import pickle
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import pytest

import newsclean
from newsclean import Config, Lexicon, Result, pipeline, resources
from newsclean.pipeline import RULE_MODULES, all_rules
from newsclean.rules import header

from .adversarial import generate
from .conftest import seed_texts
from .fuzz.strategies import FAMILY_FRAGMENTS
from .strategies import CLEAN_SENTENCES

THREADS = 8


def _texts() -> list[str]:
    """A fixed mix: the seeds (when present), artifact fragments, clean and hostile text."""
    texts = [text for _name, text in seed_texts()]
    for family, fragments in sorted(FAMILY_FRAGMENTS.items()):
        texts.append(" ".join(fragments) + "  \n\n\n\n" + family)
        texts.append("date 2022-02-15 " + "".join(fragments))
    texts += CLEAN_SENTENCES
    texts += [
        generate(name, 3_000)
        for name in ("quotes_and_words", "blank_line_walls", "mojibake_line", "entities_no_spaces")
    ]
    return texts


CONFIGS = [
    None,
    Config(select=["ALL"], fixable=["ALL"]),
    Config(ignore=["NC5"], lexicon=Lexicon.from_names(["Kuleba", "Scholz"])),
]


def _key(result: Result) -> tuple[Any, ...]:
    return (result.text, result.edits, repr(result.metadata), result.findings)


@pytest.mark.parametrize("config", CONFIGS, ids=["default", "all-fixing", "lexicon"])
def test_thread_pool_gives_the_sequential_results(config: Config | None) -> None:
    texts = _texts() * 4
    sequential = [_key(newsclean.fix_and_explain(t, config)) for t in texts]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        threaded = list(pool.map(lambda t: _key(newsclean.fix_and_explain(t, config)), texts))
        fixed = list(pool.map(lambda t: newsclean.fix(t, config), texts))
    assert threaded == sequential
    assert fixed == [key[0] for key in sequential]


def test_config_lexicon_and_result_pickle() -> None:
    lexicon = Lexicon.from_texts(["Then Kuleba left.", "So Kuleba said."], min_documents=2)
    config = Config(
        select=["NC3", "NC5"],
        ignore="NC504",
        fixable=["NC6"],
        options={"NC1": {"protected": ["a", "b"]}, "NC701": {"min_words": 5}},
        lexicon=lexicon,
    )
    for value in (config, lexicon, Config()):
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            assert pickle.loads(pickle.dumps(value, protocol)) == value
    copy = pickle.loads(pickle.dumps(config))
    assert "Kuleba" in copy.lexicon
    assert copy.option("NC101", "protected") == ("a", "b")
    assert copy.option("NC701", "min_words") == 5
    text = "date 2022-02-15 NATOâ€™s talks   \n\n\n\nKuleba said."
    result = newsclean.fix_and_explain(text, config)
    assert _key(pickle.loads(pickle.dumps(result))) == _key(result)
    assert newsclean.fix_and_explain(text, copy).text == result.text


def _fix_in_worker(args: tuple[str, Config | None]) -> Result:
    return newsclean.fix_and_explain(*args)


def test_process_pool_gives_the_sequential_results() -> None:
    """Config (with a Lexicon) goes to worker processes and Results come back, by pickle."""
    texts = _texts()
    config = CONFIGS[2]
    sequential = [_key(newsclean.fix_and_explain(t, config)) for t in texts]
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_fix_in_worker, [(t, config) for t in texts], chunksize=8))
    assert [_key(r) for r in results] == sequential


# --- Lazy loading: once, under contention -------------------------------------------------


@pytest.fixture()
def cold_caches() -> Iterator[None]:
    """Empty every lazy cache before the test, and leave them consistent after it."""

    def clear() -> None:
        with resources._LOCK:
            resources._TABLES.clear()
        all_rules.cache_clear()
        pipeline._known_selectors.cache_clear()
        pipeline._rank.cache_clear()
        header.header_re.cache_clear()

    clear()
    yield
    clear()


def _together(fn: Callable[[], Any], n: int = THREADS) -> list[Any]:
    """Call ``fn`` from ``n`` threads released at the same moment; re-raise any error."""
    barrier = threading.Barrier(n)

    def call() -> Any:
        barrier.wait()
        return fn()

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda _: call(), range(n)))


def _slow(counter: list[int], fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn``, counting its calls and widening the race window."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        counter.append(1)
        time.sleep(0.02)
        return fn(*args, **kwargs)

    return wrapper


def test_load_table_reads_each_table_once_under_contention(
    cold_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    monkeypatch.setattr(resources, "_parse", _slow(reads, resources._parse))
    tables = _together(lambda: resources.load_table("header_keys.txt"))
    assert len(reads) == 1
    assert all(t is tables[0] for t in tables)
    assert "date" in tables[0]


def test_all_rules_loads_the_registry_once_under_contention(
    cold_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    imports: list[int] = []
    monkeypatch.setattr(
        pipeline.importlib, "import_module", _slow(imports, pipeline.importlib.import_module)
    )
    registries = _together(all_rules)
    assert len(imports) == len(RULE_MODULES)
    assert all(r is registries[0] for r in registries)


def test_first_fix_from_many_threads_at_once(cold_caches: None) -> None:
    text = "date 2022-02-15 NATOâ€™s talks &amp; more   \n\n\n\nKuleba said."
    expected = "NATO’s talks & more\n\nKuleba said."
    assert _together(lambda: newsclean.fix(text)) == [expected] * THREADS
