"""The integrations on real engines: a distributed LocalCluster, datatrove's local executor.

Without the extras installed these tests skip; .ci/run installs them and sets
NEWSCLEAN_REQUIRE_EXTRAS=1, so there they must run.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Config

from .extras import artifact_texts, need

ENGINES = ("dask", "distributed", "pandas", "datatrove", "pyarrow")


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_importing_newsclean_loads_no_engine() -> None:
    proc = _python(
        "import sys, newsclean, newsclean.integrations\n"
        "newsclean.fix_batch(['a  '])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {ENGINES!r}))"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("module", "blocked", "hint"),
    [
        ("dask", "dask", 'pip install "newsclean[dask]"'),
        ("datatrove", "datatrove", 'pip install "newsclean[datatrove]"'),
        ("pandas", "pandas", "pip install pandas"),
    ],
)
def test_missing_engine_names_the_extra(module: str, blocked: str, hint: str) -> None:
    # sys.modules[name] = None makes "import name" fail as if it were not installed.
    proc = _python(
        f"import sys; sys.modules[{blocked!r}] = None\n"
        "try:\n"
        f"    import newsclean.integrations.{module}\n"
        "except ImportError as e:\n"
        "    print(e)\n"
        "else:\n"
        "    print('imported')"
    )
    assert proc.returncode == 0, proc.stderr
    assert f"newsclean.integrations.{module} needs {module}" in proc.stdout
    assert hint in proc.stdout


# --- pandas ---------------------------------------------------------------------------------


def test_pandas_series_keeps_index_name_and_missing_values() -> None:
    pd = need("pandas")
    from newsclean.integrations.pandas import fix_dataframe, fix_series

    texts = artifact_texts(6)
    values: list[Any] = [texts[0], None, texts[1], float("nan"), pd.NA, texts[2]]
    series = pd.Series(values, index=list("abcdef"), name="body", dtype=object)
    out = fix_series(series)
    assert list(out.index) == list("abcdef")
    assert out.name == "body"
    assert out.dtype == series.dtype
    assert [out["a"], out["c"], out["f"]] == newsclean.fix_batch(texts[:3])
    assert out["b"] is None and out["d"] != out["d"] and out["e"] is pd.NA

    frame = pd.DataFrame({"id": range(6), "text": texts})
    fixed = fix_dataframe(frame, output="clean")
    assert fixed["text"].tolist() == texts  # the input column is kept
    assert fixed["clean"].tolist() == newsclean.fix_batch(texts)
    assert frame.columns.tolist() == ["id", "text"]  # the input frame is not modified


def test_pandas_categorical_column_is_not_lost() -> None:
    pd = need("pandas")
    from newsclean.integrations.pandas import fix_series

    texts = artifact_texts(4)
    out = fix_series(pd.Series(texts + texts[:2], dtype="category"))
    assert out.tolist() == newsclean.fix_batch(texts + texts[:2])
    assert out.dtype == object


def test_pandas_series_refuses_non_text() -> None:
    pd = need("pandas")
    from newsclean.integrations.pandas import fix_series

    with pytest.raises(TypeError, match="not int"):
        fix_series(pd.Series(["ok", 3], dtype=object))


# --- dask on a distributed LocalCluster ------------------------------------------------------


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A real two-worker cluster (separate processes), closed at the end of the module."""
    need("dask.dataframe")
    distributed = need("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.wait_for_workers(2, timeout=60)
        yield client
    assert cluster.status.name == "closed"
    assert client.status == "closed"


def _workers_used(client: Any, compute: Any) -> set[str]:
    """Run ``compute()`` on ``client``; the addresses of the workers that ran its tasks."""
    distributed = need("distributed")
    with distributed.get_task_stream(client) as stream:
        compute()
    return {task["worker"] for task in stream.data}


def test_dask_bag_on_local_cluster(dask_client: Any) -> None:
    import dask.bag as db

    from newsclean.integrations.dask import explain_bag, fix_bag

    texts = artifact_texts(60)
    bag = db.from_sequence(texts, npartitions=6)
    out: list[str] = []
    workers = _workers_used(dask_client, lambda: out.extend(fix_bag(bag).compute()))
    assert out == newsclean.fix_batch(texts)
    assert sum(a != b for a, b in zip(texts, out, strict=True)) == 48  # 4 in 5 had artifacts
    # The tasks ran on the cluster's workers, not in this process.
    assert workers and workers <= set(dask_client.scheduler_info()["workers"])

    results = explain_bag(bag).compute()
    assert results == newsclean.fix_and_explain_batch(texts)
    # Headers were injected into texts 0, 8, 12, ... (every fifth text is clean).
    dates = [results[i].metadata.get("date") for i in (0, 4, 8)]
    assert dates == ["2022-02-10", None, "2022-02-18"]


def test_dask_config_travels_to_workers(dask_client: Any) -> None:
    import dask.bag as db

    from newsclean.integrations.dask import fix_bag

    texts = artifact_texts(20)
    config = Config(select=("NC5",))  # whitespace only: headers and mojibake stay
    out = fix_bag(db.from_sequence(texts, npartitions=4), config).compute()
    assert out == newsclean.fix_batch(texts, config)
    assert out != newsclean.fix_batch(texts)


def test_dask_dataframe_column_on_local_cluster(dask_client: Any) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from newsclean.integrations.dask import fix_column

    texts: list[Any] = artifact_texts(40)
    texts[3] = None
    texts[17] = None
    pdf = pd.DataFrame({"id": range(40), "text": texts}, index=range(1000, 1040))
    frame = dd.from_pandas(pdf, npartitions=4)

    lazy = fix_column(frame, "text", output="clean")
    assert list(lazy.columns) == ["id", "text", "clean"]
    out = lazy.compute()
    assert list(out.index) == list(range(1000, 1040))
    assert out["id"].tolist() == list(range(40))
    for i, (before, after) in enumerate(zip(texts, out["clean"], strict=True)):
        if before is None:
            assert pd.isna(after), i
        else:
            assert after == newsclean.fix(before), i
    # In place (same column), and the column's dtype is kept.
    same = fix_column(frame, "text").compute()
    assert same["text"].dtype == frame["text"].dtype
    assert same["text"].tolist()[:3] == newsclean.fix_batch(texts[:3])


# --- datatrove ------------------------------------------------------------------------------


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _read_jsonl(folder: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    return records


def test_datatrove_formatter_in_local_executor(tmp_path: Path) -> None:
    need("datatrove")
    need("orjson")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from newsclean.integrations.datatrove import NewscleanFormatter

    texts = artifact_texts(30)
    raw, clean, logs = tmp_path / "raw", tmp_path / "clean", tmp_path / "logs"
    raw.mkdir()
    for shard in range(3):
        _write_jsonl(
            raw / f"shard{shard}.jsonl",
            [{"id": f"doc{i}", "text": texts[i]} for i in range(shard, 30, 3)],
        )
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(raw)),
            NewscleanFormatter(),
            JsonlWriter(str(clean), compression=None),
        ],
        tasks=3,
        workers=1,
        logging_dir=str(logs),
    )
    executor.run()

    out = {record["id"]: record for record in _read_jsonl(clean)}
    assert len(out) == 30
    for i, text in enumerate(texts):
        record = out[f"doc{i}"]
        result = newsclean.fix_and_explain(text)
        assert record["text"] == result.text
        summary = record["metadata"]["newsclean"]
        assert summary["edits"] == len(result.edits)
        assert summary["rules"] == sorted({e.rule for e in result.edits})
        assert summary["metadata"].get("date") == result.metadata.get("date")

    # The step's stats count the documents it changed, per rule.
    with open(logs / "stats.json", encoding="utf-8") as handle:
        steps = json.load(handle)
    stats = next(s["stats"] for s in steps if "newsclean" in s["name"])
    # A count is saved as a number, or as a record with its "total".
    counts = {k: v if isinstance(v, int) else v["total"] for k, v in stats.items()}
    assert counts["total"] == 30
    assert counts["changed"] == 24
    assert counts["NC301"] == sum(
        "NC301" in out[f"doc{i}"]["metadata"]["newsclean"]["rules"] for i in range(30)
    )


def test_datatrove_formatter_options() -> None:
    need("datatrove")
    from datatrove.data import Document

    from newsclean.integrations.datatrove import NewscleanFormatter

    text = "date: 2022-02-15\nUkraineâ€™s minister said so.   "
    quiet = NewscleanFormatter(Config(select=("NC5",)), metadata_key=None)
    docs = list(quiet.run(iter([Document(text=text, id="1")])))
    assert docs[0].text == "date: 2022-02-15\nUkraineâ€™s minister said so."
    assert docs[0].metadata == {}
    assert NewscleanFormatter().format(text) == "Ukraine’s minister said so."
