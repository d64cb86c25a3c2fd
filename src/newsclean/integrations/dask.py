"""newsclean on dask: bags of texts and dataframe columns, on any scheduler.

The helpers build lazy dask collections; nothing runs until ``.compute()`` (or a write). Work
is done a partition at a time with :func:`newsclean.fix_batch`, so the per-task overhead is
paid once per partition, not once per document. A :class:`newsclean.Config` is frozen and
picklable, so on a ``distributed`` cluster it travels to the workers with the tasks and each
worker process imports newsclean (and loads its tables) once.

>>> import dask.bag as db
>>> fix_bag(db.from_sequence(["Kuleba said so.   ", "a\\n\\n\\n\\nb"])).compute()
['Kuleba said so.', 'a\\n\\nb']

For a dataframe, :func:`fix_column` repairs one text column (missing values pass through):

>>> import dask.dataframe as dd, pandas as pd
>>> frame = dd.from_pandas(pd.DataFrame({"text": ["Peskov said.   ", None]}), npartitions=1)
>>> clean = fix_column(frame, "text", output="clean")["clean"].compute()
>>> clean[0], bool(pd.isna(clean[1]))
('Peskov said.', True)
"""

from __future__ import annotations

from typing import Any

from .. import Config, Result, fix_and_explain_batch, fix_batch
from . import missing_extra

try:
    import dask.bag
except ImportError as _error:  # pragma: no cover - exercised in a subprocess by the tests
    raise missing_extra("dask", '"newsclean[dask]"', _error) from _error

__all__ = ["explain_bag", "fix_bag", "fix_column", "fix_series"]


def _fix_partition(texts: Any, config: Config | None) -> list[str]:
    return fix_batch(texts, config)


def _explain_partition(texts: Any, config: Config | None) -> list[Result]:
    return fix_and_explain_batch(texts, config)


def fix_bag(bag: dask.bag.Bag, config: Config | None = None) -> dask.bag.Bag:
    """A bag of repaired texts, from a ``dask.bag.Bag`` of ``str`` (same partitions, order)."""
    return bag.map_partitions(_fix_partition, config)


def explain_bag(bag: dask.bag.Bag, config: Config | None = None) -> dask.bag.Bag:
    """A bag of :class:`newsclean.Result` (text, edits, metadata), one per text of ``bag``.

    >>> import dask.bag as db
    >>> [r.metadata["date"] for r in explain_bag(db.from_sequence(["date: 2022-02-15\\nHi."]))]
    ['2022-02-15']
    """
    return bag.map_partitions(_explain_partition, config)


def _fix_pandas_partition(series: Any, config: Config | None) -> Any:
    from .pandas import fix_series as fix_pandas_series

    return fix_pandas_series(series, config)


def fix_series(series: Any, config: Config | None = None) -> Any:
    """A ``dask.dataframe.Series`` of texts, repaired; missing values pass through.

    The result has the input's name, dtype (categories become ``object``), index and divisions.
    """
    from .pandas import output_dtype

    meta = (series.name, output_dtype(series.dtype))
    return series.map_partitions(_fix_pandas_partition, config, meta=meta, align_dataframes=False)


def fix_column(
    frame: Any, column: str = "text", config: Config | None = None, *, output: str | None = None
) -> Any:
    """A ``dask.dataframe.DataFrame`` with ``column`` repaired (into ``output`` when given)."""
    return frame.assign(**{output or column: fix_series(frame[column], config)})
