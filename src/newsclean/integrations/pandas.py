"""newsclean over pandas: a column of texts in, a column of repaired texts out.

:func:`newsclean.fix_batch` already takes a ``Series`` (it takes any iterable of ``str``); the
helpers here add what a real column needs: missing values (``None``, ``NaN``, ``pd.NA``) pass
through untouched, and the index, name and dtype of the column are kept.

>>> import pandas as pd
>>> out = fix_series(pd.Series(["Kuleba said so.   ", None], index=[7, 9], name="text"))
>>> out[7], bool(pd.isna(out[9])), out.name
('Kuleba said so.', True, 'text')
"""

from __future__ import annotations

from typing import Any

from .. import Config, fix
from . import missing_extra

try:
    import pandas as pd
except ImportError as _error:  # pragma: no cover - exercised in a subprocess by the tests
    raise missing_extra("pandas", 'pandas (or "newsclean[dask]")', _error) from _error

__all__ = ["fix_dataframe", "fix_series", "fix_values", "output_dtype"]


def fix_values(values: Any, config: Config | None = None) -> list[Any]:
    """:func:`newsclean.fix` on each ``str`` in ``values``; missing values are kept as they are.

    Anything that is neither a ``str`` nor missing raises ``TypeError``, as ``fix`` does.

    >>> fix_values(["a  \\n", float("nan"), None])
    ['a\\n', nan, None]
    """
    out: list[Any] = []
    for value in values:
        if isinstance(value, str):
            out.append(fix(value, config))
        elif value is None or value is pd.NA or value is pd.NaT or _is_nan(value):
            out.append(value)
        else:
            raise TypeError(f"newsclean works on str, not {type(value).__name__}")
    return out


def _is_nan(value: Any) -> bool:
    """Whether ``value`` is a float NaN (the only value not equal to itself).

    >>> _is_nan(float("nan")), _is_nan(0.0), _is_nan("x")
    (True, False, False)
    """
    return isinstance(value, float) and value != value


def output_dtype(dtype: Any) -> Any:
    """The dtype of a repaired column: the input's, except that categories become ``object``.

    (Repaired texts are new values, which a categorical column would turn into missing ones.)

    >>> output_dtype(pd.CategoricalDtype(["a"])) is object
    True
    >>> output_dtype(pd.StringDtype()) == pd.StringDtype()
    True
    """
    return object if isinstance(dtype, pd.CategoricalDtype) else dtype


def fix_series(series: Any, config: Config | None = None) -> Any:
    """A ``pandas.Series`` of texts, repaired; same index, name and dtype (categories: object)."""
    return pd.Series(
        fix_values(series, config),
        index=series.index,
        name=series.name,
        dtype=output_dtype(series.dtype),
    )


def fix_dataframe(
    frame: Any, column: str = "text", config: Config | None = None, *, output: str | None = None
) -> Any:
    """A copy of ``frame`` with ``column`` repaired (into ``output`` when given).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": [1], "text": ["Peskov said.   "]})
    >>> fix_dataframe(df, output="clean")["clean"].tolist()
    ['Peskov said.']
    """
    return frame.assign(**{output or column: fix_series(frame[column], config)})
