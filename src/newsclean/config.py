"""Configuration: which rules run, which of them fix, and their options.

A :class:`Config` is a frozen, picklable value. There is no global configuration: pass a
``Config`` to :func:`newsclean.fix` (or let it default).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Config", "ConfigError", "matches"]


class ConfigError(ValueError):
    """A configuration value that cannot be used (an unknown rule code, a bad option)."""


def _freeze(value: Any) -> Any:
    """Turn lists, sets and dicts into tuples and sorted pairs so a Config stays immutable."""
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(_freeze(v) for v in value))
    return value


def _codes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    out = []
    for item in value:
        for part in str(item).split(","):
            part = part.strip().upper()
            if part:
                out.append(part)
    return tuple(out)


def matches(code: str, family: str, patterns: Iterable[str]) -> bool:
    """Whether a rule (by code and family name) is named by any selector in ``patterns``.

    A selector is a rule code (``NC101``), a code prefix (``NC1``, ``NC``), ``ALL``, or a
    family name (``FUSED``).

    >>> matches("NC101", "fused", ["NC1"])
    True
    >>> matches("NC101", "fused", ["FUSED"])
    True
    >>> matches("NC201", "quotes", ["NC1", "NC5"])
    False
    """
    for pattern in patterns:
        if pattern == "ALL" or code.startswith(pattern) or pattern == family.upper():
            return True
    return False


@dataclass(frozen=True)
class Config:
    """How newsclean runs. Every field has a sane default; ``Config()`` is the default run.

    Args:
        select: rule codes, code prefixes (``"NC1"``) or family names to run. Empty means
            every rule that is on by default.
        ignore: rule codes, prefixes or families never to run (wins over ``select``).
        extend_select: rules to run in addition to the selected ones (or to the default
            set when nothing is selected).
        fixable: rules whose replacements ``fix`` applies even though they only report by
            default (for example ``("NC8",)`` to let the names rules fix).
        unfixable: rules that only report, even if they would fix by default.
        options: per-rule or per-family options keyed by rule code or code prefix,
            ``{"NC7": {"min_words": 5}}``; each family's options are listed in the rules
            catalogue. An option no rule in its scope takes, or a value of the wrong kind,
            raises :class:`ConfigError` when the configuration is first used.
        lexicon: an optional :class:`newsclean.lexicon.Lexicon` (names seen standalone in a
            corpus) that evidence-driven rules consult.

    >>> Config(select=["nc1", "NC5"]).select
    ('NC1', 'NC5')
    >>> import pickle; pickle.loads(pickle.dumps(Config(ignore="NC4"))) == Config(ignore="NC4")
    True
    """

    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    extend_select: Sequence[str] = ()
    fixable: Sequence[str] = ()
    unfixable: Sequence[str] = ()
    options: Mapping[str, Mapping[str, Any]] | tuple[tuple[str, Any], ...] = field(default=())
    lexicon: Any = None

    def __post_init__(self) -> None:
        for name in ("select", "ignore", "extend_select", "fixable", "unfixable"):
            object.__setattr__(self, name, _codes(getattr(self, name)))
        options = self.options
        if isinstance(options, Mapping):
            options = _freeze(options)
        elif not isinstance(options, tuple):
            raise ConfigError("Config.options must be a mapping of rule code to options")
        object.__setattr__(self, "options", options)

    def has_options_for(self, code: str) -> bool:
        """Whether any option is set for rule ``code`` (on its code or a prefix of it).

        >>> Config(options={"NC4": {"notices": ["x"]}}).has_options_for("NC401")
        True
        >>> Config().has_options_for("NC401")
        False
        """
        assert isinstance(self.options, tuple)  # frozen into pairs by __post_init__
        return any(code.startswith(scope.upper()) for scope, _ in self.options)

    def option(self, code: str, key: str, default: Any = None) -> Any:
        """The value of option ``key`` for rule ``code``.

        Options set on the rule's code win over options set on a prefix of it (its family),
        which win over ``default``.

        >>> Config(options={"NC1": {"x": 1}, "NC101": {"x": 2}}).option("NC101", "x")
        2
        >>> Config(options={"NC1": {"x": 1}}).option("NC102", "x")
        1
        >>> Config().option("NC101", "x", 5)
        5
        """
        if not self.options:  # the common case: no options at all
            return default
        best_len = -1
        value = default
        assert isinstance(self.options, tuple)  # frozen into pairs by __post_init__
        for scope, pairs in self.options:
            scope_u = scope.upper()
            if code.startswith(scope_u) and len(scope_u) > best_len:
                for k, v in pairs:
                    if k == key:
                        best_len = len(scope_u)
                        value = v
        return value
