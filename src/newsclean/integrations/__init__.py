"""Front ends for batch and distributed engines: dask, pandas, datatrove.

Each integration is its own module and imports its engine only when that module is imported,
so ``import newsclean`` (and ``import newsclean.integrations``) never loads dask, pandas or
datatrove. When the engine is missing, importing the module raises an :class:`ImportError`
that names the extra to install:

- :mod:`newsclean.integrations.dask`: ``pip install "newsclean[dask]"``
- :mod:`newsclean.integrations.pandas`: ``pip install pandas`` (or ``"newsclean[dask]"``)
- :mod:`newsclean.integrations.datatrove`: ``pip install "newsclean[datatrove]"``

The integrations only call the public API (:func:`newsclean.fix_batch` and friends); a
:class:`newsclean.Config` is frozen and picklable, so it travels to workers with the tasks.
"""

from __future__ import annotations

__all__ = ["missing_extra"]


def missing_extra(module: str, install: str, error: ImportError) -> ImportError:
    """The error raised when the engine behind an integration is not installed.

    >>> err = missing_extra("dask", '"newsclean[dask]"', ImportError("No module named 'dask'"))
    >>> print(str(err).replace("; ", ";\\n"))
    newsclean.integrations.dask needs dask (No module named 'dask');
    install it with: pip install "newsclean[dask]"
    """
    return ImportError(
        f"newsclean.integrations.{module} needs {module} ({error}); "
        f"install it with: pip install {install}"
    )
