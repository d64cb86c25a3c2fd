"""The rule record and the context a rule reads.

A rule is a pure function ``find(text, ctx) -> Iterable[Change | Meta]`` plus a :class:`Rule`
record that says what it is. Rules never apply their own changes and never touch global
state; the pipeline (:mod:`newsclean.pipeline`) runs them in a fixed order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from .config import Config
from .edits import Change, Meta

__all__ = ["Context", "Finder", "Option", "Rule"]


class Context(NamedTuple):
    """What a rule may read besides the text: the configuration, the rule's own code, and
    the metadata earlier rules found (for example ``metadata["language"]``).

    Read-only; a named tuple because the pipeline makes one per rule per document and a
    tuple is several times cheaper to make than a frozen dataclass.

    >>> ctx = Context(config=Config(), code="NC301", metadata={})
    >>> ctx.code, ctx.option("missing", 1)
    ('NC301', 1)
    """

    config: Config
    code: str
    metadata: Mapping[str, Any]

    def option(self, key: str, default: Any = None) -> Any:
        """This rule's option ``key`` (see :meth:`Config.option`)."""
        config = self.config
        if not config.options:  # the common case: no options at all (no call further)
            return default
        return config.option(self.code, key, default)

    def words(self, key: str) -> tuple[str, ...]:
        """This rule's option ``key`` as strings: a single string is one item, unset is none.

        >>> ctx = Context(Config(options={"NC8": {"titles": "Dr"}}), "NC802", {})
        >>> ctx.words("titles"), ctx.words("names")
        (('Dr',), ())
        """
        config = self.config
        if not config.options:  # the common case: read by many rules for every document
            return ()
        value = config.option(self.code, key, ())
        if isinstance(value, str):
            return (value,)
        return tuple(value)


Finder = Callable[[str, Context], Iterable[Change | Meta]]


@dataclass(frozen=True)
class Rule:
    """A rule's record in the registry.

    Attributes:
        code: stable identifier, ``NC`` + family digit + number (``NC301``).
        name: short kebab-case name (``date-header``).
        family: the artifact family (``header``, ``fused``, ``quotes`` …).
        summary: one line for listings.
        find: the pure function that finds changes.
        default: whether the rule runs by default.
        fixes: whether the rule offers replacements at all (``False``: detect only).
        fix_by_default: whether ``fix`` applies its replacements without being asked
            (``Config.fixable`` turns this on for rules that only report by default).
        english_only: the rule stands down when the document is not English.
        before, after: an example for the catalogue; tested in the suite.
        why: why the artifact happens (for the catalogue).
    """

    code: str
    name: str
    family: str
    summary: str
    find: Finder
    default: bool = True
    fixes: bool = True
    fix_by_default: bool = True
    english_only: bool = False
    before: str = ""
    after: str = ""
    why: str = ""

    def describe(self) -> dict[str, Any]:
        """The rule's record as plain data (for listings and JSON)."""
        return {
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "summary": self.summary,
            "default": self.default,
            "fixes": self.fixes,
            "fix_by_default": self.fixes and self.fix_by_default,
            "english_only": self.english_only,
        }


@dataclass(frozen=True)
class Option:
    """An option a rule family reads from ``Config.options`` (``--option`` on the command
    line): its name, the kind of value it takes and what it does. Each family module lists
    its options in ``OPTIONS``; a configuration naming any other is refused, and the rules
    catalogue lists them.

    Kinds: ``"int"``, ``"number"`` (an integer or a float), ``"words"`` (a string or a list
    of strings), ``"table"`` (a mapping or a list).
    """

    name: str
    kind: str
    help: str

    def problem(self, value: Any) -> str | None:
        """What is wrong with ``value`` for this option, or ``None``.

        >>> Option("min_words", "int", "").problem("abc")
        'an integer, not str'
        >>> Option("titles", "words", "").problem(("Dr", "Prof")) is None
        True
        >>> Option("protected", "words", "").problem(5)
        'a string or a list of strings, not int'
        """
        if self.kind == "int":
            ok = isinstance(value, int) and not isinstance(value, bool)
            want = "an integer"
        elif self.kind == "number":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            want = "a number"
        elif self.kind == "words":
            ok = isinstance(value, str) or (
                isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value)
            )
            want = "a string or a list of strings"
        elif self.kind == "table":
            ok = isinstance(value, (tuple, list, Mapping))
            want = "a table (a mapping or a list)"
        else:
            raise ValueError(f"option {self.name!r} has an unknown kind {self.kind!r}")
        return None if ok else f"{want}, not {type(value).__name__}"
