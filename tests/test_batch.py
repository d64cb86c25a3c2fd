"""fix_batch and fix_and_explain_batch: the same runs as fix and fix_and_explain, in order."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config

from .extras import artifact_texts, need
from .strategies import any_text, news_text

CONFIGS = [None, Config(select=("NC5",)), Config(ignore=("NC6",)), Config(select=("NC3", "NC6"))]


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.one_of(news_text, any_text), max_size=6), pick=st.integers(0, 3))
def test_batch_is_fix_over_each_text(texts: list[str], pick: int) -> None:
    config = CONFIGS[pick]
    assert newsclean.fix_batch(texts, config) == [newsclean.fix(t, config) for t in texts]
    assert newsclean.fix_and_explain_batch(texts, config) == [
        newsclean.fix_and_explain(t, config) for t in texts
    ]


def test_batch_changes_what_fix_changes() -> None:
    texts = artifact_texts(30)
    fixed = newsclean.fix_batch(texts)
    assert len(fixed) == len(texts)
    changed = [i for i, (a, b) in enumerate(zip(texts, fixed, strict=True)) if a != b]
    # Every text with an injected artifact (all but every fifth) comes back repaired.
    assert changed == [i for i in range(30) if i % 5 != 4]
    assert newsclean.fix_batch(fixed) == fixed


def test_batch_takes_any_iterable_and_keeps_order() -> None:
    texts = artifact_texts(12)
    expected = [newsclean.fix(t) for t in texts]
    assert newsclean.fix_batch(iter(texts)) == expected
    assert newsclean.fix_batch(tuple(texts)) == expected
    assert newsclean.fix_batch(t for t in texts) == expected
    assert newsclean.fix_batch(list(reversed(texts))) == expected[::-1]
    assert newsclean.fix_batch([]) == []
    assert newsclean.fix_and_explain_batch(iter([])) == []


def test_batch_refuses_a_bare_string_and_non_strings() -> None:
    for bad in ("Kuleba said.", b"Kuleba said."):
        with pytest.raises(TypeError, match="iterable of str"):
            newsclean.fix_batch(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="iterable of str"):
            newsclean.fix_and_explain_batch(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not NoneType"):
        newsclean.fix_batch(["ok", None])  # type: ignore[list-item]


def test_batch_respects_config() -> None:
    text = "date: 2022-02-15\nUkraineâ€™s minister said so.   "
    assert newsclean.fix_batch([text]) == ["Ukraine’s minister said so."]
    assert newsclean.fix_batch([text], Config(select=("NC5",))) == [
        "date: 2022-02-15\nUkraineâ€™s minister said so."
    ]


def test_results_are_picklable() -> None:
    # Workers (dask, datatrove, Spark) send results back pickled.
    results = newsclean.fix_and_explain_batch(artifact_texts(10))
    assert pickle.loads(pickle.dumps(results)) == results


def test_datasets_style_batched_map() -> None:
    # What datasets.Dataset.map(batched=True) calls: a dict of columns in, a dict out.
    def clean(batch: dict[str, list[Any]]) -> dict[str, list[str]]:
        return {"text": newsclean.fix_batch(batch["text"])}

    texts = artifact_texts(8)
    batch: dict[str, list[Any]] = {"id": list(range(8)), "text": texts}
    assert clean(batch) == {"text": [newsclean.fix(t) for t in texts]}


def test_pandas_series_without_missing_values() -> None:
    pd = need("pandas")
    texts = artifact_texts(10)
    frame = pd.DataFrame({"text": texts}, index=range(100, 110))
    frame["clean"] = newsclean.fix_batch(frame["text"])
    assert frame["clean"].tolist() == [newsclean.fix(t) for t in texts]
    assert frame.loc[100, "clean"] == newsclean.fix(texts[0])
