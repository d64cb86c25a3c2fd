"""The pipeline: rules in a fixed order, each on the output of the ones before it.

``fix``, ``fix_and_explain`` and ``detect`` are three views of one run (:func:`run`). The run
keeps every edit in offsets of the original input (:func:`newsclean.edits.compose`), so the
edits of a result, applied to the input, rebuild the output exactly.
"""

from __future__ import annotations

import importlib
import threading
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .config import Config, ConfigError, matches
from .edits import (
    Change,
    Edit,
    Finding,
    Meta,
    apply_changes,
    compose,
    line_starts,
    merge_metadata,
    position,
)
from .registry import Context, Finder, Option, Rule
from .resources import once

__all__ = ["RULE_MODULES", "Result", "all_rules", "enabled_rules", "run"]

#: Rule families in the order they run. Encoding first (everything else reads characters),
#: then the leaked header, then language (so that every English-only rule after it, the
#: boilerplate patterns included, can stand down on a non-English document), then what is
#: removed wholesale (boilerplate), then token- and quote-level repairs, whitespace last.
RULE_MODULES: tuple[str, ...] = (
    "encoding",
    "header",
    "language",
    "boilerplate",
    "fused",
    "quotes",
    "names",
    "numbers",
    "whitespace",
)


@once
def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, in pipeline order. Loaded once (also when many threads ask
    first at the same moment); read-only afterwards."""
    rules: list[Rule] = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"newsclean.rules.{name}")
        rules.extend(module.RULES)
    codes = [r.code for r in rules]
    if len(codes) != len(set(codes)):
        raise RuntimeError(f"duplicate rule codes in the registry: {codes}")
    return tuple(rules)


@once
def _rank() -> dict[str, int]:
    """Each rule code's place in the pipeline."""
    return {rule.code: i for i, rule in enumerate(all_rules())}


def _first_to_run(codes: list[str]) -> str:
    """Of these rule codes, the one that runs first: a merged edit is labelled with it, so an
    edit that holds a mojibake repair (NC6, first to run) is labelled NC6 wherever a later
    whitespace change touched it.

    >>> _first_to_run(["NC501", "NC601"])
    'NC601'
    """
    rank = _rank()
    return min(codes, key=lambda code: rank.get(code, len(rank)))


@once
def _known_selectors() -> frozenset[str]:
    rules = all_rules()
    return frozenset([r.family.upper() for r in rules] + ["ALL"])


def _check_selectors(config: Config) -> None:
    rules = all_rules()
    for name in ("select", "ignore", "extend_select", "fixable", "unfixable"):
        for sel in getattr(config, name):
            if sel in _known_selectors():
                continue
            if not any(r.code.startswith(sel) for r in rules):
                raise ConfigError(
                    f"unknown rule selector {sel!r} in Config.{name}; "
                    "use a rule code (NC101), a prefix (NC1) or a family name"
                )


@once
def family_options() -> dict[str, dict[str, Option]]:
    """Each family's options (the ``OPTIONS`` of its module), by family and name."""
    out: dict[str, dict[str, Option]] = {}
    for name in RULE_MODULES:
        module = importlib.import_module(f"newsclean.rules.{name}")
        for rule in module.RULES:
            out.setdefault(rule.family, {})
        for option in getattr(module, "OPTIONS", ()):
            out[module.RULES[0].family][option.name] = option
    return out


def _check_options(config: Config) -> None:
    """Refuse options no rule reads, scopes that name no rule, and values of the wrong kind.

    >>> _check_options(Config(options={"NC7": {"min_words": 5}}))
    >>> _check_options(Config(options={"NC5": {"example": 1}}))
    Traceback (most recent call last):
    ...
    newsclean.config.ConfigError: unknown option 'example' for NC5: it takes no options
    >>> _check_options(Config(options={"NC7": {"min_words": "abc"}}))
    Traceback (most recent call last):
    ...
    newsclean.config.ConfigError: option NC7.min_words must be an integer, not str
    """
    assert isinstance(config.options, tuple)  # frozen into pairs by Config
    rules = all_rules()
    options = family_options()
    for scope, pairs in config.options:
        prefix = scope.upper()
        families = {r.family for r in rules if r.code.startswith(prefix)}
        if not families:
            hint = (
                ": options are set on a rule code or a code prefix (NC1), not a family name"
                if scope.lower() in options
                else ": use a rule code (NC701) or a code prefix (NC7)"
            )
            raise ConfigError(f"Config.options: {scope!r} names no rule{hint}")
        accepted = {k: v for family in sorted(families) for k, v in options[family].items()}
        for key, value in pairs:
            option = accepted.get(key)
            if option is None:
                takes = ", ".join(sorted(accepted)) if accepted else "no options"
                raise ConfigError(f"unknown option {key!r} for {scope}: it takes {takes}")
            problem = option.problem(value)
            if problem is not None:
                raise ConfigError(f"option {scope}.{key} must be {problem}")


def enabled_rules(config: Config) -> list[tuple[Rule, bool]]:
    """The rules this configuration runs, in order, each with whether ``fix`` applies it.

    Worked out once per distinct configuration (a run over a corpus uses one ``Config``
    millions of times); a configuration that cannot be hashed is worked out every time.
    """
    try:
        return list(_enabled_rules_cached(config))
    except TypeError:  # an unhashable option value or lexicon
        return _enabled_rules(config)


@lru_cache(maxsize=64)
def _enabled_rules_cached(config: Config) -> tuple[tuple[Rule, bool], ...]:
    return tuple(_enabled_rules(config))


def _enabled_rules(config: Config) -> list[tuple[Rule, bool]]:
    _check_selectors(config)
    if config.options:
        _check_options(config)
    out: list[tuple[Rule, bool]] = []
    for rule in all_rules():
        if config.select:
            on = matches(rule.code, rule.family, config.select)
        else:
            on = rule.default or matches(rule.code, rule.family, config.extend_select)
        if config.extend_select and matches(rule.code, rule.family, config.extend_select):
            on = True
        if matches(rule.code, rule.family, config.ignore):
            on = False
        if not on:
            continue
        applies = rule.fixes and (
            rule.fix_by_default or matches(rule.code, rule.family, config.fixable)
        )
        if matches(rule.code, rule.family, config.unfixable):
            applies = False
        out.append((rule, applies))
    return out


@dataclass(frozen=True)
class Result:
    """The outcome of :func:`newsclean.fix_and_explain`.

    Attributes:
        text: the repaired text.
        edits: every change, in offsets of the input, in offset order. Applying them to the
            input (:func:`newsclean.edits.apply_edits`) rebuilds ``text``.
        metadata: what the rules extracted: ``date``, ``language``, ``removed`` (each removed
            block with its original offsets and text) and so on.
        findings: problems found but not fixed (detect-only rules, rules that only report by
            default), in offsets of the input.
    """

    text: str
    edits: list[Edit] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


_DEFAULT_CONFIG = Config()


class _OffsetMap:
    """Maps spans of the current text back to the original, given the edits so far."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.edits = edits
        self.cur_starts: list[int] = []
        self.cur_ends: list[int] = []
        self.deltas: list[int] = []
        delta = 0
        for e in edits:
            cs = e.start + delta
            self.cur_starts.append(cs)
            self.cur_ends.append(cs + len(e.replacement))
            delta += len(e.replacement) - (e.end - e.start)
            self.deltas.append(delta)

    def _point(self, pos: int, left: bool) -> int:
        k = bisect_right(self.cur_starts, pos) - 1
        if k >= 0 and self.cur_starts[k] <= pos < self.cur_ends[k]:
            e = self.edits[k]
            return e.start if left or pos == self.cur_starts[k] else e.end
        k = bisect_right(self.cur_ends, pos)
        if not left:
            # An end point does not take in text an earlier rule deleted exactly there:
            # two removed blocks that touch are reported apart, each with its own text.
            while k and self.cur_starts[k - 1] == self.cur_ends[k - 1] == pos:
                k -= 1
        return pos - (self.deltas[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        ostart = self._point(start, True)
        oend = self._point(end, False) if end > start else ostart
        return ostart, max(ostart, oend)


def _validate(changes: list[Change], length: int, code: str) -> list[Change]:
    changes.sort(key=lambda c: (c.start, c.end))
    last_end = 0
    for c in changes:
        if not 0 <= c.start <= c.end <= length:
            raise RuntimeError(f"rule {code} returned a change outside the text: {c!r}")
        if c.replacement is not None:
            if c.start < last_end:
                raise RuntimeError(f"rule {code} returned overlapping changes: {c!r}")
            last_end = c.end
    return changes


#: How many times the rules run over a text at most. A second pass runs only when the first
#: changed something, and stops the run as soon as a pass changes nothing: one rule's repair
#: can reveal another's artifact, and ``fix(fix(x)) == fix(x)`` must hold. News text settles in
#: one or two passes; fuzzed garbage has needed four (a lost-byte quote repair NC604 that waits
#: for quotes NC202 to turn a ``«`` into ``“``, which waits for NC501 to remove a no-break
#: space), so the bound leaves room.
MAX_PASSES = 6

#: One step of a run: the rule's finder, code, whether it is English-only, whether ``fix``
#: applies its replacements. Worked out once per configuration (no attribute look-ups per
#: rule and document).
_Step = tuple[Finder, str, bool, bool]


#: The rule that tells a document's language (``metadata["language"]``), which English-only
#: rules wait for.
LANGUAGE_RULE = "NC701"


def _facts_only(find: Finder) -> Finder:
    """``find``, keeping only the document facts it gives (:class:`Meta`), none of its changes."""

    def facts(text: str, ctx: Context) -> tuple[Meta, ...]:
        return tuple(item for item in find(text, ctx) if isinstance(item, Meta))

    return facts


def _steps(rules: Sequence[tuple[Rule, bool]]) -> tuple[_Step, ...]:
    """The run's steps for ``rules`` (see :data:`_Step`).

    English-only rules run only on English text, so when they are on and the language rule
    is not selected, its detection still runs at its place, silently (its facts kept, its
    report dropped): an English-only rule never runs on a French document because NC701 was
    left out.

    >>> [(code, english_only) for _, code, english_only, _ in _steps(
    ...     enabled_rules(Config(select=["NC301", "NC702"])))]
    [('NC301', False), ('NC701', False), ('NC702', True)]
    >>> [code for _, code, _, _ in _steps(enabled_rules(Config(select=["NC301", "NC601"])))]
    ['NC601', 'NC301']
    """
    steps = [(rule.find, rule.code, rule.english_only, applies) for rule, applies in rules]
    if any(rule.english_only for rule, _ in rules) and all(
        rule.code != LANGUAGE_RULE for rule, _ in rules
    ):
        place = {rule.code: k for k, rule in enumerate(all_rules())}
        if LANGUAGE_RULE in place:
            language = all_rules()[place[LANGUAGE_RULE]]
            # Its place in the pipeline order: before the first rule that runs after it.
            at = next(
                (k for k, (rule, _) in enumerate(rules) if place[rule.code] > place[LANGUAGE_RULE]),
                len(steps),
            )
            steps.insert(at, (_facts_only(language.find), LANGUAGE_RULE, False, False))
    return tuple(steps)


@lru_cache(maxsize=64)
def _steps_cached(config: Config) -> tuple[_Step, ...]:
    return _steps(_enabled_rules_cached(config))


#: The last hashable configuration :func:`run` saw and its steps (one tuple, replaced whole,
#: so threads never see a half-written pair).
_last_steps: tuple[Config | None, tuple[_Step, ...]] = (None, ())

#: One step bound to its context: the step (see :data:`_Step`) and the :class:`Context` the
#: rule is given, made once and reused by the later runs of a thread (see :func:`_bound`).
_BoundStep = tuple[Finder, str, bool, bool, Context]
#: A run's steps bound to contexts: the steps, the configuration, the metadata dict every
#: context holds (filled during a run, emptied after it), the bound steps.
_Binding = tuple[tuple[_Step, ...], Config, dict[str, Any], tuple[_BoundStep, ...]]

#: Per thread, the binding of the last run that ended (``free``): the next run with the same
#: steps and configuration takes it instead of making a context per rule and document.
_THREAD = threading.local()


def _bound(steps: tuple[_Step, ...], config: Config) -> _Binding:
    """``steps`` bound to contexts of ``config`` and one empty metadata dict, taken from this
    thread's last run when it ran the same steps with the same configuration, else made.

    A binding is in one run's hands at a time: a run takes it (a run that starts inside
    another in the same thread, a rule that calls newsclean, finds none and makes its own)
    and gives it back emptied when it ends (:func:`_give_back`).

    >>> steps = _steps_cached(_DEFAULT_CONFIG)
    >>> first = _bound(steps, _DEFAULT_CONFIG)
    >>> inner = _bound(steps, _DEFAULT_CONFIG)  # the first is taken: another is made
    >>> inner is first, first[3][0][4].metadata is first[2]
    (False, True)
    >>> _give_back(first); _bound(steps, _DEFAULT_CONFIG) is first
    True
    """
    free: _Binding | None = getattr(_THREAD, "free", None)
    if free is not None:
        _THREAD.free = None
        if free[0] is steps and free[1] is config:
            return free
    metadata: dict[str, Any] = {}
    bound = tuple(
        (find, code, english_only, applies, Context(config, code, metadata))
        for find, code, english_only, applies in steps
    )
    return steps, config, metadata, bound


def _give_back(binding: _Binding) -> None:
    """Empty a binding's metadata (what a result holds is a copy) and keep it for the next
    run of this thread."""
    binding[2].clear()
    _THREAD.free = binding


#: The byte-order mark some editors put first in a file: not text, but in front of it the
#: rules anchored at the start (a date header, a credit line, leading blank lines) miss it.
BOM = "\ufeff"


def run(text: str, config: Config | None = None) -> Result:
    """Run the pipeline over ``text``: the one run behind fix, fix_and_explain, detect.

    The rules run in order, each on the output of the ones before; when a pass changed the
    text, the rules run again over the result (up to :data:`MAX_PASSES` passes), so that the
    output is a fixed point. Document facts (``date``, ``language``) come from the first pass;
    a finding reported again by a later pass (same rule and span) is listed once.

    A leading byte-order mark is kept and the rules read the text after it (offsets still
    count it).

    >>> result = run("\ufeffdate 2022-02-15 Talks went on.")
    >>> result.text == "\ufeffTalks went on.", result.edits[0].start, result.metadata["date"]
    (True, 1, '2022-02-15')
    """
    if not isinstance(text, str):
        raise TypeError(f"newsclean works on str, not {type(text).__name__}")
    if config is not None and not isinstance(config, Config):
        raise TypeError(
            f"config must be a newsclean.Config, not {type(config).__name__} "
            "(for a mapping: Config(**mapping))"
        )
    if text.startswith(BOM):
        return _after_bom(_run(text[1:], config or _DEFAULT_CONFIG))
    return _run(text, config or _DEFAULT_CONFIG)


def _after_bom(result: Result) -> Result:
    """``result`` of the text after a byte-order mark, in offsets of the text with it."""
    edits = [replace(e, start=e.start + 1, end=e.end + 1) for e in result.edits]
    findings = [
        replace(f, start=f.start + 1, end=f.end + 1, column=f.column + (f.line == 1))
        for f in result.findings
    ]
    metadata = dict(result.metadata)
    if "removed" in metadata:
        metadata["removed"] = [
            {**block, "start": block["start"] + 1, "end": block["end"] + 1}
            for block in metadata["removed"]
        ]
    return Result(BOM + result.text, edits, metadata, findings)


def _run(text: str, config: Config, resume: bool = True) -> Result:
    """The run of :func:`run`. ``resume=False`` runs every step in every pass (the reference
    for the shortcut that a later pass ends at the last step that changed the text before)."""
    global _last_steps
    last = _last_steps
    if last[0] is config:  # the same Config object as the run before: no hashing
        steps = last[1]
    else:
        try:
            steps = _steps_cached(config)
            _last_steps = (config, steps)
        except TypeError:  # an unhashable option value or lexicon
            steps = _steps(_enabled_rules(config))
    binding = _bound(steps, config)
    try:
        return _passes(text, binding, resume)
    finally:
        _give_back(binding)


def _passes(text: str, binding: _Binding, resume: bool) -> Result:
    """The passes of :func:`_run` over ``text`` with the steps of ``binding``."""
    original = text
    current = text
    edits: list[Edit] = []
    pending: list[tuple[str, int, int, str, str | None, bool]] = []
    steps, _, metadata, bound = binding
    # The steps a pass runs, in segments: a later pass runs its second segment only when its
    # first one changed the text (see below).
    segments: tuple[Sequence[_BoundStep], ...] = (bound,)
    for pass_no in range(MAX_PASSES):
        first_pass = pass_no == 0
        before_pass = current
        last_applied: str | None = None  # the code of the last step that changed the text
        # Only a Meta item changes the language: it is looked up again after one.
        english = metadata.get("language", "en") == "en"
        for seg_no, segment in enumerate(segments):
            if seg_no and last_applied is None:
                # The steps after the last one that changed the text in the pass before were
                # given this very text then (and the edits so far), changed nothing and gave
                # no facts that count after the first pass: they would give the same again,
                # and their reports are already pending. This pass changes nothing.
                break
            for find, code, english_only, applies, ctx in segment:
                if english_only and not english:
                    if first_pass:
                        metadata.setdefault("skipped_rules", []).append(code)
                    continue
                items = find(current, ctx)
                if not items and (items.__class__ is tuple or items.__class__ is list):
                    continue  # nothing found (a gate said no): nothing to collect
                changes: list[Change] = []
                for item in items:
                    if isinstance(item, Meta):
                        if first_pass:
                            merge_metadata(metadata, {item.key: item.value})
                            english = metadata.get("language", "en") == "en"
                    else:
                        changes.append(item)
                if not changes:
                    continue
                changes = _validate(changes, len(current), code)
                to_apply = [c for c in changes if applies and c.replacement is not None]
                reported = [c for c in changes if not (applies and c.replacement is not None)]
                if reported or any(c.removed for c in to_apply):
                    omap = _OffsetMap(edits)
                    for c in reported:
                        ostart, oend = omap.span(c.start, c.end)
                        pending.append(
                            (
                                code,
                                ostart,
                                oend,
                                c.message,
                                c.replacement,
                                c.replacement is not None,
                            )
                        )
                    for c in to_apply:
                        if c.removed:
                            ostart, oend = omap.span(c.start, c.end)
                            block = {
                                "rule": code,
                                "start": ostart,
                                "end": oend,
                                "text": original[ostart:oend],
                                "message": c.message,
                            }
                            merge_metadata(metadata, {"removed": [block]})
                if to_apply:
                    edits = compose(original, current, edits, to_apply, code, _first_to_run)
                    current = apply_changes(current, to_apply)
                    last_applied = code
        if current == before_pass:
            break
        # The next pass runs the steps up to the last one that changed the text in this pass,
        # and the rest only if one of those changes it again.
        limit = next(k for k, step in enumerate(steps) if step[1] == last_applied) + 1
        segments = (bound[:limit], bound[limit:]) if resume else (bound,)
    findings = []
    if pending:
        pending = list(dict.fromkeys(pending))
        starts = line_starts(original)
        for code, ostart, oend, message, replacement, fixable in pending:
            line, col = position(starts, ostart)
            findings.append(
                Finding(
                    code,
                    ostart,
                    oend,
                    line,
                    col,
                    message,
                    original[ostart:oend],
                    replacement,
                    fixable,
                )
            )
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return Result(current, edits, dict(metadata), findings)


def findings_of(result: Result, original: str) -> list[Finding]:
    """Everything a run found: the edits it made (as fixable findings) and what it reported."""
    starts = line_starts(original)
    out = list(result.findings)
    for e in result.edits:
        line, col = position(starts, e.start)
        out.append(
            Finding(e.rule, e.start, e.end, line, col, e.message, e.original, e.replacement, True)
        )
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out
