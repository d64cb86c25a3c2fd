"""newsclean: repair what machine translation and web scraping do to news text.

>>> import newsclean
>>> newsclean.fix(" date 2022-02-15 The talks went on.   \\n\\n\\n\\n\\nPutin met Scholz.")
'The talks went on.\\n\\nPutin met Scholz.'
>>> result = newsclean.fix_and_explain("date: 2022-02-15\\nNATOâ€™s ministers met.")
>>> result.text, result.metadata["date"]
('NATO’s ministers met.', '2022-02-15')
>>> [(e.rule, e.original, e.replacement) for e in result.edits]
[('NC301', 'date: 2022-02-15\\n', ''), ('NC601', 'NATOâ€™s', 'NATO’s')]

Three views of one run: :func:`fix` (the text), :func:`fix_and_explain` (text, edits with
offsets into the input, metadata) and :func:`detect` (everything ``fix`` would change, plus
what it cannot change safely). Choose rules with :class:`Config`; list them with
:func:`list_rules`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .config import Config, ConfigError
from .edits import Edit, Finding, apply_edits
from .lexicon import Lexicon
from .pipeline import Result, all_rules, findings_of, run
from .registry import Rule


def __getattr__(name: str) -> Any:
    """``__version__``, read from the installed package's metadata on first use.

    Importing :mod:`importlib.metadata` costs about as much as the rest of the package, so
    it is left out of ``import newsclean`` (and of the console script's start-up).

    >>> import newsclean
    >>> newsclean.__version__.count(".") >= 2
    True
    """
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("newsclean")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Config",
    "ConfigError",
    "Edit",
    "Finding",
    "Lexicon",
    "Result",
    "Rule",
    "__version__",
    "apply_edits",
    "detect",
    "fix",
    "fix_and_explain",
    "fix_and_explain_batch",
    "fix_batch",
    "list_rules",
]


def fix(text: str, config: Config | None = None) -> str:
    """Return ``text`` with every enabled, fixing rule applied.

    >>> fix("Kuleba said so.   \\n")
    'Kuleba said so.\\n'
    """
    return run(text, config).text


def fix_and_explain(text: str, config: Config | None = None) -> Result:
    """Return the repaired text with its edits (offsets into ``text``) and metadata.

    ``apply_edits(text, result.edits) == result.text`` always holds, and whatever a rule
    removed is in ``result.metadata["removed"]`` with its original offsets.
    """
    return run(text, config)


def detect(text: str, config: Config | None = None) -> list[Finding]:
    """Everything ``fix`` would change, plus problems it cannot fix safely.

    Findings are in offset order, with 1-based line and column. A finding whose
    ``replacement`` is ``None`` is detect-only.

    >>> [(f.rule, f.line, f.column) for f in detect("Shoig\\ufffd said.  \\nOK")]
    [('NC603', 1, 6), ('NC501', 1, 13)]
    """
    return findings_of(run(text, config), text)


def fix_batch(texts: Iterable[str], config: Config | None = None) -> list[str]:
    """:func:`fix` over many texts (for ``datasets.map(batched=True)`` and pandas).

    Takes any iterable of ``str`` (a list, a generator, a ``pandas.Series`` without missing
    values) and returns a list in the same order. A bare ``str`` is refused with ``TypeError``
    (iterating it would clean it one character at a time).

    >>> fix_batch(["a  \\n", "b"])
    ['a\\n', 'b']
    """
    return [run(text, config).text for text in _texts(texts)]


def fix_and_explain_batch(texts: Iterable[str], config: Config | None = None) -> list[Result]:
    """:func:`fix_and_explain` over many texts, in order.

    >>> [r.metadata["date"] for r in fix_and_explain_batch(["date: 2022-02-15\\nHi."])]
    ['2022-02-15']
    """
    return [run(text, config) for text in _texts(texts)]


def _texts(texts: Iterable[str]) -> Iterable[str]:
    """``texts``, unless it is a single ``str`` or ``bytes`` (a common slip).

    >>> _texts("abc")
    Traceback (most recent call last):
    TypeError: the batch functions take an iterable of str, not a single str; use fix() for one text
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            f"the batch functions take an iterable of str, not a single {type(texts).__name__}; "
            "use fix() for one text"
        )
    return texts


def list_rules() -> list[dict[str, Any]]:
    """Every rule in the registry, in pipeline order, as plain records.

    >>> [r["code"] for r in list_rules()][:2]
    ['NC601', 'NC602']
    """
    return [rule.describe() for rule in all_rules()]
