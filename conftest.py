"""Collection of the doctests in src/: skip integration modules whose engine is missing.

``pytest`` imports every module under src/newsclean to run its doctests; the integration
modules import dask, pandas or datatrove, which are optional extras. Without the extra, the
module is left out of collection (its tests in tests/test_integrations.py skip too). With
``NEWSCLEAN_REQUIRE_EXTRAS=1`` (set by .ci/run) nothing is left out, so a missing extra fails.
"""

from __future__ import annotations

import importlib.util
import os

_NEEDS = {
    "src/newsclean/integrations/dask.py": ("dask", "dask.bag", "dask.dataframe", "pandas"),
    "src/newsclean/integrations/pandas.py": ("pandas",),
    "src/newsclean/integrations/datatrove.py": ("datatrove",),
}


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:  # a parent package is missing
        return False


collect_ignore = (
    []
    if os.environ.get("NEWSCLEAN_REQUIRE_EXTRAS")
    else [path for path, mods in _NEEDS.items() if not all(map(_installed, mods))]
)
