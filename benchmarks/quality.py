"""Edit-level quality benchmark: precision, recall and F0.5 per rule family and overall.

Scored the way grammatical-error-correction systems are (ERRANT / M2 style):

1. A character-level diff dirty → gold gives the gold edits, and dirty → system output gives
   the system edits. Both sides are cut by one canonical alignment (:func:`diff_edits`: lines,
   then tokens with their trailing whitespace, then the common prefix and suffix of each
   changed stretch trimmed away), so the same repair always yields the same edit.
2. An edit is ``(start, end, replacement)`` in offsets of the dirty text. True positives are
   the system edits that are exactly gold edits; false positives the other system edits; false
   negatives the gold edits the system did not make.
3. P = TP / (TP + FP), R = TP / (TP + FN), F0.5 = 1.25·P·R / (0.25·P + R) (precision weighs
   twice as much as recall). The overall row sums the counts of the family rows.

Data:

* **Seeds**: hand-checked repairs of ``../shared/seeds`` in ``benchmarks/gold/seeds.jsonl`` as
  context-anchored edits (see :func:`anchor_edit`). Each family is measured in isolation: its
  dirty text is the seed with every *other* family's gold repair applied.
* **Injected**: every module in ``benchmarks/families/`` injects its family's artifacts into
  documents of the shared clean corpora (protocol in docs/benchmarks.md).
* **Clean**: the clean corpora themselves; every change there is a false positive, reported
  per MB.

Comparison rows run what a user would try instead on the same dirty texts: ftfy, sacremoses'
punctuation normaliser, clean-text, and wordninja / wordsegment applied to rare tokens.

Run ``python -m benchmarks.quality`` (``--quick`` for a short run, ``--update-docs`` to write
the tables into docs/benchmarks.md). Output: benchmarks/out/quality.md and quality.json.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import itertools
import json
import pkgutil
import random
import sys
import time
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import regex

import newsclean
from benchmarks.families import splice
from newsclean import Config, ConfigError

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds.jsonl"
OUT = Path(__file__).resolve().parent / "out"
DOCS = ROOT / "docs" / "benchmarks.md"

#: The code prefix of each family, for seed gold of a family that ships no injector module.
FAMILY_CODES = {
    "fused": "NC1",
    "quotes": "NC2",
    "header": "NC3",
    "boilerplate": "NC4",
    "whitespace": "NC5",
    "encoding": "NC6",
    "language": "NC7",
    "names": "NC8",
}

#: Tokens for the alignment: a word, or one other character, each with the whitespace after
#: it; whitespace at the very start is a token of its own.
TOKEN_RE = regex.compile(r"\s+|\w+\s*|[^\w\s]\s*")
WHITESPACE_RUN_RE = regex.compile(r"\s+")
WORD_RE = regex.compile(r"\p{L}+")


class Edit(NamedTuple):
    """Replace ``source[start:end]`` with ``replacement`` (offsets into the dirty text)."""

    start: int
    end: int
    replacement: str


# --------------------------------------------------------------------------- alignment


def _trimmed(a: str, b: str, base: int) -> Edit | None:
    """The edit turning ``a`` (at offset ``base``) into ``b``, common prefix/suffix removed."""
    if a == b:
        return None
    limit = min(len(a), len(b))
    p = 0
    while p < limit and a[p] == b[p]:
        p += 1
    s = 0
    while s < limit - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
        s += 1
    return Edit(base + p, base + len(a) - s, b[p : len(b) - s])


def _offsets(parts: Sequence[str]) -> list[int]:
    out = [0]
    for part in parts:
        out.append(out[-1] + len(part))
    return out


def _token_edits(a: str, b: str, base: int) -> Iterator[Edit]:
    a_tok = TOKEN_RE.findall(a)
    b_tok = TOKEN_RE.findall(b)
    a_off = _offsets(a_tok)
    b_off = _offsets(b_tok)
    matcher = difflib.SequenceMatcher(None, a_tok, b_tok, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edit = _trimmed(a[a_off[i1] : a_off[i2]], b[b_off[j1] : b_off[j2]], base + a_off[i1])
        if edit is not None:
            yield edit


def diff_edits(source: str, target: str) -> list[Edit]:
    """The canonical edits that turn ``source`` into ``target``.

    Lines are aligned first, then the tokens of each changed stretch of lines, and each
    changed stretch of tokens is trimmed to the characters that differ.

    >>> diff_edits("Olaf Scholzis now asking", "Olaf Scholz is now asking")
    [Edit(start=11, end=11, replacement=' ')]
    >>> diff_edits("perceive “, he said", "perceive”, he said")
    [Edit(start=8, end=10, replacement='”')]
    >>> diff_edits("a\\n\\n\\n\\nb\\n", "a\\n\\nb\\n")
    [Edit(start=3, end=5, replacement='')]
    >>> diff_edits("same", "same")
    []
    """
    if source == target:
        return []
    a_lines = source.splitlines(keepends=True)
    b_lines = target.splitlines(keepends=True)
    a_off = _offsets(a_lines)
    b_off = _offsets(b_lines)
    edits: list[Edit] = []
    matcher = difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a_text = source[a_off[i1] : a_off[i2]]
        b_text = target[b_off[j1] : b_off[j2]]
        if not a_text or not b_text:
            edit = _trimmed(a_text, b_text, a_off[i1])
            if edit is not None:
                edits.append(edit)
        else:
            edits.extend(_token_edits(a_text, b_text, a_off[i1]))
    return edits


def apply_edit_list(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (offsets into ``text``).

    >>> apply_edit_list("Scholzis now", [Edit(6, 6, " ")])
    'Scholz is now'
    """
    ordered = sorted(edits)
    last = 0
    for e in ordered:
        if e.start < last:
            raise ValueError(f"overlapping edits at {e.start}")
        last = e.end
    return splice(text, ordered)


# ------------------------------------------------------------------ layout-loose scoring


class _Layout(NamedTuple):
    text: str
    deleted: list[tuple[int, int]]  # spans of the original removed by the normalisation
    removed_before: list[int]  # characters removed before each span's start


def normalise_layout(text: str) -> _Layout:
    """Drop layout whitespace: the text's outer whitespace, and inside every whitespace run
    that holds a line break everything but its first two ``\\n`` (so paragraph breaks stay
    and their exact form does not matter). Only deletes characters.

    >>> normalise_layout("  A  \\r\\n\\n\\n \\nB \\nC\\n\\n").text
    'A\\n\\nB\\nC'
    """
    deleted: list[tuple[int, int]] = []
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if lead:
        deleted.append((0, lead))
    body_end = lead + len(stripped)
    for m in WHITESPACE_RUN_RE.finditer(text, lead, body_end):
        run = m.group()
        if "\n" not in run:
            continue
        kept = 0
        for i, ch in enumerate(run):
            if ch == "\n" and kept < 2:
                kept += 1
                continue
            at = m.start() + i
            if deleted and deleted[-1][1] == at:
                deleted[-1] = (deleted[-1][0], at + 1)
            else:
                deleted.append((at, at + 1))
    if body_end < len(text):
        deleted.append((body_end, len(text)))
    out: list[str] = []
    last = 0
    removed_before: list[int] = []
    removed = 0
    for start, end in deleted:
        out.append(text[last:start])
        removed_before.append(removed)
        removed += end - start
        last = end
    out.append(text[last:])
    return _Layout("".join(out), deleted, removed_before)


def _map_offset(layout: _Layout, pos: int) -> int:
    """Where offset ``pos`` of the original lands in the normalised text."""
    k = bisect_right([s for s, _ in layout.deleted], pos) - 1
    if k < 0:
        return pos
    start, end = layout.deleted[k]
    before = layout.removed_before[k]
    if pos < end:
        return start - before
    return pos - before - (end - start)


# ----------------------------------------------------------------------------- counting


@dataclass
class Counts:
    """Edit counts and the scores derived from them.

    >>> c = Counts(tp=8, fp=2, fn=2)
    >>> round(c.precision, 3), round(c.recall, 3), round(c.f05, 3)
    (0.8, 0.8, 0.8)
    >>> Counts().precision, Counts().recall
    (1.0, 1.0)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    reported: int = 0  # false negatives that a detect-only finding points at
    docs: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f05(self) -> float:
        p, r = self.precision, self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.reported += other.reported
        self.docs += other.docs

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "reported": self.reported,
            "docs": self.docs,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f0.5": round(self.f05, 4),
        }


def _overlaps(edit: Edit, spans: Iterable[tuple[int, int]]) -> bool:
    for start, end in spans:
        if start < edit.end and edit.start < end:
            return True
        if start <= edit.start <= end and (edit.start == edit.end or start == end):
            return True
    return False


def score_edits(
    gold: Iterable[Edit], system: Iterable[Edit], reported: Iterable[tuple[int, int]] = ()
) -> Counts:
    """Exact-match counts of system edits against gold edits.

    >>> g = [Edit(6, 6, " "), Edit(20, 21, "”")]
    >>> s = [Edit(6, 6, " "), Edit(30, 30, " ")]
    >>> score_edits(g, s, reported=[(20, 21)])
    Counts(tp=1, fp=1, fn=1, reported=1, docs=1)
    """
    g = set(gold)
    s = set(system)
    missed = g - s
    spans = list(reported)
    return Counts(
        tp=len(g & s),
        fp=len(s - g),
        fn=len(missed),
        reported=sum(1 for e in missed if _overlaps(e, spans)),
        docs=1,
    )


def score(
    dirty: str,
    gold: str,
    system: str,
    *,
    loose: bool = False,
    reported: Iterable[tuple[int, int]] = (),
) -> Counts:
    """Score one document: ``system`` and ``gold`` are both repairs of ``dirty``.

    ``loose`` compares the texts after :func:`normalise_layout` (for families whose repairs
    remove lines: where exactly a removed line's breaks go is not what they are about).
    ``reported`` are spans of ``dirty`` that detect-only findings point at.

    >>> score("Olaf Scholzis now", "Olaf Scholz is now", "Olaf Scholz is now")
    Counts(tp=1, fp=0, fn=0, reported=0, docs=1)
    >>> score("Kuleba said", "Kuleba said", "Ku leb a said")
    Counts(tp=0, fp=1, fn=0, reported=0, docs=1)
    >>> score("A\\n\\nPhoto: AFP\\n\\nB", "A\\n\\nB", "A\\n\\n\\nB", loose=True).tp
    1
    """
    spans = list(reported)
    if loose:
        d, g, s = normalise_layout(dirty), normalise_layout(gold), normalise_layout(system)
        spans = [(_map_offset(d, a), _map_offset(d, b)) for a, b in spans]
        dirty, gold, system = d.text, g.text, s.text
    return score_edits(diff_edits(dirty, gold), diff_edits(dirty, system), spans)


# --------------------------------------------------------------------------- seeds gold


@dataclass(frozen=True)
class Anchor:
    """One hand-checked repair of a seed, anchored by the text around it."""

    seed: str
    family: str
    before: str
    after: str | None = None  # None: a detect-only artifact (see ``detect``)
    through: str | None = None  # the span runs from ``before`` to the end of ``through``
    detect: str | None = None  # the part of ``before`` a finding should point at
    note: str = ""


def load_gold(path: Path = GOLD) -> list[Anchor]:
    """The anchors in a gold file (JSON lines)."""
    anchors = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            unknown = set(record) - {"seed", "family", "before", "after", "through", "detect"}
            unknown -= {"note"}
            if unknown or ("after" in record) == ("detect" in record):
                raise ValueError(f"{path}:{number}: bad gold record {record}")
            anchors.append(Anchor(**record))
    return anchors


def _find_once(text: str, needle: str, start: int = 0) -> int:
    at = text.find(needle, start)
    if at == -1:
        raise ValueError(f"anchor {needle!r} not found")
    if start == 0 and text.find(needle, at + 1) != -1:
        raise ValueError(f"anchor {needle!r} occurs more than once")
    return at


def anchor_edit(text: str, anchor: Anchor) -> Edit:
    """The edit an anchor describes in ``text``, trimmed to the characters that change.

    ``before`` must occur exactly once; the edit replaces it (or, with ``through``, the span
    from it to the end of the next occurrence of ``through``) by ``after``.

    >>> anchor_edit("Olaf Scholzis now", Anchor("s", "fused", "Scholzis now", "Scholz is now"))
    Edit(start=11, end=11, replacement=' ')
    >>> anchor_edit("A.\\nPhoto: AP\\nB", Anchor("s", "boilerplate", "Photo", "", "AP\\n"))
    Edit(start=3, end=13, replacement='')
    """
    if anchor.after is None:
        raise ValueError("a detect-only anchor has no edit")
    start = _find_once(text, anchor.before)
    end = start + len(anchor.before)
    if anchor.through is not None:
        end = _find_once(text, anchor.through, start) + len(anchor.through)
    edit = _trimmed(text[start:end], anchor.after, start)
    if edit is None:
        raise ValueError(f"anchor {anchor.before!r} changes nothing")
    return edit


def detect_span(text: str, anchor: Anchor) -> tuple[int, int]:
    """The span of a detect-only anchor's ``detect`` part inside its ``before``."""
    if anchor.detect is None:
        raise ValueError("not a detect-only anchor")
    start = _find_once(text, anchor.before)
    inner = anchor.before.index(anchor.detect)
    return start + inner, start + inner + len(anchor.detect)


def compose(edits: Sequence[tuple[str, Edit]]) -> list[tuple[str, Edit]]:
    """Family-tagged edits without those inside another edit's span (the outer one wins:
    a blank-line repair inside a removed block disappears with the block). Partial overlaps
    are errors in the gold file.

    >>> compose([("b", Edit(0, 10, "")), ("w", Edit(3, 5, "")), ("f", Edit(12, 12, " "))])
    [('b', Edit(start=0, end=10, replacement='')), ('f', Edit(start=12, end=12, replacement=' '))]
    """
    kept: list[tuple[str, Edit]] = []
    ordered = sorted(edits, key=lambda fe: (fe[1].start, -fe[1].end))
    for fam, e in ordered:
        if kept:
            last = kept[-1][1]
            if last.start <= e.start and e.end <= last.end and last.start < last.end:
                continue  # inside the previous edit
            if e.start < last.end:
                raise ValueError(f"gold edits overlap: {last} and {e}")
        kept.append((fam, e))
    return kept


# --------------------------------------------------------------------------- families


@dataclass(frozen=True)
class Family:
    """An injector module of benchmarks/families/."""

    name: str
    select: tuple[str, ...]
    fixable: tuple[str, ...]
    inject: Callable[[str, random.Random], tuple[str, str]]
    module: str
    loose: bool


def discover_families(package: str = "benchmarks.families") -> tuple[list[Family], list[str]]:
    """Every injector module in ``package``, and a message for each one that is unusable."""
    families: list[Family] = []
    problems: list[str] = []
    pkg = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        name = f"{package}.{info.name}"
        try:
            module = importlib.import_module(name)
            family = str(module.FAMILY)
            select = tuple(module.SELECT)
            inject = module.inject
        except Exception as exc:  # a broken injector must not stop the others
            problems.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        fixable = tuple(getattr(module, "FIXABLE", select))
        loose = bool(getattr(module, "LOOSE", family != "whitespace"))
        families.append(Family(family, select, fixable, inject, name, loose))
    return families, problems


def family_config(select: Sequence[str], fixable: Sequence[str]) -> Config | None:
    """The Config for a family, or None when its rules are not registered (yet)."""
    try:
        config = Config(select=tuple(select), fixable=tuple(fixable))
        newsclean.fix("", config)  # validates the selectors
    except ConfigError:
        return None
    return config


# --------------------------------------------------------------------------- baselines


def rare_token_splitter(
    splitter: Callable[[str], list[str]], max_zipf: float = 2.0
) -> Callable[[str], str]:
    """A function applying a word splitter to the rare alphabetic tokens of a text.

    A token is rare when its wordfreq Zipf frequency is below ``max_zipf`` (names and fused
    tokens alike: the splitter cannot tell them apart). The splitter's pieces must spell the
    token (case aside); the original characters are kept and joined by spaces. Results are
    cached per distinct token.

    >>> split = rare_token_splitter(lambda w: [w[:6], w[6:]] if w == "Scholzis" else [w])
    >>> split("Olaf Scholzis now")
    'Olaf Scholz is now'
    """
    from wordfreq import zipf_frequency

    cache: dict[str, str] = {}

    def repl(m: regex.Match[str]) -> str:
        token = m.group()
        out = cache.get(token)
        if out is not None:
            return out
        out = token
        if zipf_frequency(token, "en") < max_zipf:
            pieces = splitter(token)
            if len(pieces) > 1 and "".join(pieces).lower() == token.lower():
                cuts = _offsets(pieces)
                out = " ".join(token[a:b] for a, b in itertools.pairwise(cuts))
        cache[token] = out
        return out

    def split(text: str) -> str:
        return WORD_RE.sub(repl, text)

    return split


def baselines() -> tuple[dict[str, Callable[[str], str]], list[str]]:
    """The tools a user would try instead (those installed), and what is missing."""
    tools: dict[str, Callable[[str], str]] = {}
    missing: list[str] = []
    try:
        import ftfy

        tools["ftfy.fix_text"] = ftfy.fix_text
    except ImportError:
        missing.append("ftfy")
    try:
        from sacremoses import MosesPunctNormalizer

        tools["sacremoses normalize"] = MosesPunctNormalizer(lang="en").normalize
    except ImportError:
        missing.append("sacremoses")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from cleantext import clean

        def clean_text(text: str) -> str:
            out: str = clean(text, lower=False, to_ascii=False, keep_two_line_breaks=True)
            return out

        tools["clean-text"] = clean_text
    except ImportError:
        missing.append("clean-text")
    try:
        import wordninja

        def ninja(token: str) -> list[str]:
            pieces: list[str] = wordninja.split(token)
            return pieces

        tools["wordninja (rare tokens)"] = rare_token_splitter(ninja)
    except ImportError:
        missing.append("wordninja")
    try:
        import wordsegment

        wordsegment.load()

        def segment(token: str) -> list[str]:
            pieces: list[str] = wordsegment.segment(token)
            return pieces

        tools["wordsegment (rare tokens)"] = rare_token_splitter(segment)
    except ImportError:
        missing.append("wordsegment")
    return tools, missing


# ------------------------------------------------------------------------------ runs


def load_corpus(name: str) -> list[str]:
    """The ``text`` field of every line of a shared corpus, or [] when it is absent."""
    path = CORPORA / name
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _newsclean(config: Config) -> Callable[[str], tuple[str, list[tuple[int, int]]]]:
    def run(text: str) -> tuple[str, list[tuple[int, int]]]:
        result = newsclean.fix_and_explain(text, config)
        return result.text, [(f.start, f.end) for f in result.findings]

    return run


@dataclass
class Table:
    """Rows of counts: table[section][family][tool] -> Counts."""

    rows: dict[str, dict[str, dict[str, Counts]]] = field(default_factory=dict)

    def add(self, section: str, family: str, tool: str, counts: Counts) -> None:
        cell = self.rows.setdefault(section, {}).setdefault(family, {})
        cell.setdefault(tool, Counts()).add(counts)


NEWSCLEAN = "newsclean"


def run_seeds(
    families: Sequence[Family],
    tools: dict[str, Callable[[str], str]],
    table: Table,
    notes: list[str],
) -> dict[str, Any]:
    """Score every family on the seeds, in isolation and end to end."""
    if not SEEDS.is_dir():
        notes.append("seeds: ../shared/seeds is absent, skipped")
        return {}
    anchors = load_gold()
    by_name = {f.name: f for f in families}
    seeds = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    detect_total: dict[str, list[int]] = {}
    fam_names = sorted({a.family for a in anchors})
    configs: dict[str, Config | None] = {}
    for fam in fam_names:
        if fam in by_name:
            configs[fam] = family_config(by_name[fam].select, by_name[fam].fixable)
        else:
            code = FAMILY_CODES.get(fam, fam)
            configs[fam] = family_config((code,), (code,))
        if configs[fam] is None:
            notes.append(f"seeds: no rules registered for family {fam!r}: its edits are all FN")
    fixable_all = tuple(sorted({s for c in configs.values() if c for s in c.fixable}))
    default = Config(fixable=fixable_all)
    for seed, text in seeds.items():
        mine = [a for a in anchors if a.seed == seed]
        tagged = [(a.family, anchor_edit(text, a)) for a in mine if a.after is not None]
        composed = compose(tagged)
        # end to end: the raw seed, the default pipeline (plus fix-on-request rules)
        full_gold = apply_edit_list(text, [e for _, e in composed])
        run = _newsclean(default)(text)
        table.add(
            "seeds",
            "all families (end to end)",
            NEWSCLEAN,
            score(text, full_gold, run[0], loose=True, reported=run[1]),
        )
        for tool, fn in tools.items():
            table.add(
                "seeds",
                "all families (end to end)",
                tool,
                score(text, full_gold, fn(text), loose=True),
            )
        for fam in fam_names:
            loose = by_name[fam].loose if fam in by_name else fam != "whitespace"
            others = [e for f, e in composed if f != fam]
            dirty = apply_edit_list(text, others)
            gold = apply_edit_list(text, [e for _, e in composed])
            config = configs[fam]
            reported: list[tuple[int, int]] = []
            if config is None:
                system = dirty
            else:
                system, reported = _newsclean(config)(dirty)
            table.add(
                "seeds", fam, NEWSCLEAN, score(dirty, gold, system, loose=loose, reported=reported)
            )
            for tool, fn in tools.items():
                table.add("seeds", fam, tool, score(dirty, gold, fn(dirty), loose=loose))
            for a in mine:
                if a.family != fam or a.detect is None:
                    continue
                counts = detect_total.setdefault(fam, [0, 0])
                counts[1] += 1
                if config is not None:
                    lo, hi = detect_span(text, a)
                    finds = newsclean.detect(text, config)
                    if any(f.start < hi and lo < f.end for f in finds):
                        counts[0] += 1
    return {fam: {"flagged": v[0], "total": v[1]} for fam, v in detect_total.items()}


def run_injected(
    families: Sequence[Family],
    tools: dict[str, Callable[[str], str]],
    docs: Sequence[tuple[str, str]],
    table: Table,
    seed: int,
    notes: list[str],
) -> None:
    """Score every family on artifacts its injector puts into clean documents."""
    for fam in families:
        config = family_config(fam.select, fam.fixable)
        if config is None:
            notes.append(f"injected: {fam.module} selects {fam.select}, not registered: skipped")
            continue
        system_fn = _newsclean(config)
        failures: dict[str, int] = {}
        for i, (corpus, text) in enumerate(docs):
            rng = random.Random(f"{seed}:{fam.name}:{corpus}:{i}")
            try:
                dirty, gold = fam.inject(text, rng)
            except Exception as exc:  # one broken document must not stop the run
                key = f"{fam.module}.inject raised {type(exc).__name__}"
                failures[key] = failures.get(key, 0) + 1
                continue
            try:
                system, reported = system_fn(dirty)
            except Exception as exc:  # scored as no repair, and reported below
                key = f"newsclean raised {type(exc).__name__} on {fam.name} injections"
                failures[key] = failures.get(key, 0) + 1
                system, reported = dirty, []
            table.add(
                "injected",
                fam.name,
                NEWSCLEAN,
                score(dirty, gold, system, loose=fam.loose, reported=reported),
            )
            for tool, fn in tools.items():
                table.add(
                    "injected", fam.name, tool, score(dirty, gold, fn(dirty), loose=fam.loose)
                )
        notes.extend(f"injected: {key} ({n} documents)" for key, n in failures.items())


def _fixer(config: Config) -> Callable[[str], str]:
    def fix(text: str) -> str:
        return newsclean.fix(text, config)

    return fix


def run_clean(
    families: Sequence[Family],
    tools: dict[str, Callable[[str], str]],
    corpora: dict[str, list[str]],
) -> dict[str, dict[str, dict[str, float]]]:
    """Changes on clean corpora (all false positives): edits per MB and documents changed."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    runners: dict[str, Callable[[str], str]] = {f"{NEWSCLEAN} (default)": newsclean.fix}
    for fam in families:
        config = family_config(fam.select, fam.fixable)
        if config is not None:
            runners[f"{NEWSCLEAN} {fam.name} ({','.join(fam.select)})"] = _fixer(config)
    runners.update(tools)
    for corpus, texts in corpora.items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        for name, fn in runners.items():
            edits = changed = 0
            for text in texts:
                n = len(diff_edits(text, fn(text)))
                edits += n
                changed += n > 0
            out.setdefault(corpus, {})[name] = {
                "edits": edits,
                "edits_per_mb": round(edits / mb, 2) if mb else 0.0,
                "docs_changed": changed,
                "docs": len(texts),
                "mb": round(mb, 3),
            }
    return out


# ----------------------------------------------------------------------------- report


def _overall(section: dict[str, dict[str, Counts]], skip: str) -> dict[str, Counts]:
    total: dict[str, Counts] = {}
    for fam, cells in section.items():
        if fam == skip:
            continue
        for tool, counts in cells.items():
            total.setdefault(tool, Counts()).add(counts)
    return total


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def markdown(
    table: Table,
    clean: dict[str, dict[str, dict[str, float]]],
    detected: dict[str, Any],
    meta: dict[str, Any],
) -> str:
    """The Markdown tables of a run."""
    lines: list[str] = []
    titles = {
        "seeds": "Seeds (hand-checked gold, benchmarks/gold/seeds.jsonl)",
        "injected": "Injected artifacts in clean corpora",
    }
    end_to_end = "all families (end to end)"
    for section in ("seeds", "injected"):
        rows = table.rows.get(section)
        if not rows:
            continue
        lines += [f"#### {titles[section]}", ""]
        lines.append("| family | tool | TP | FP | FN | reported | P | R | F0.5 |")
        lines.append("|---|---|--:|--:|--:|--:|--:|--:|--:|")
        ordered = sorted(f for f in rows if f != end_to_end)
        groups = [(f, rows[f]) for f in ordered]
        groups.append(("**overall** (sum of families)", _overall(rows, end_to_end)))
        if end_to_end in rows:
            groups.append((end_to_end, rows[end_to_end]))
        for fam, cells in groups:
            for tool in [NEWSCLEAN, *sorted(t for t in cells if t != NEWSCLEAN)]:
                if tool not in cells:
                    continue
                c = cells[tool]
                name = f"**{tool}**" if tool == NEWSCLEAN else tool
                lines.append(
                    f"| {fam} | {name} | {c.tp} | {c.fp} | {c.fn} | {c.reported} | "
                    f"{_fmt(c.precision)} | {_fmt(c.recall)} | {_fmt(c.f05)} |"
                )
        lines.append("")
        if section == "seeds" and detected:
            flagged = ", ".join(f"{f} {v['flagged']}/{v['total']}" for f, v in detected.items())
            lines += [f"Detect-only seed artifacts flagged by a finding: {flagged}.", ""]
    if clean:
        lines += ["#### Changes on clean corpora (every change is a false positive)", ""]
        lines.append("| corpus | tool | edits | edits/MB | docs changed |")
        lines.append("|---|---|--:|--:|--:|")
        for corpus, tools in clean.items():
            for tool, v in tools.items():
                lines.append(
                    f"| {corpus} ({v['mb']} MB) | {tool} | {int(v['edits'])} | "
                    f"{v['edits_per_mb']} | {int(v['docs_changed'])}/{int(v['docs'])} |"
                )
        lines.append("")
    lines.append(
        "Run: `" + meta["command"] + f"` ({meta['seconds']} s; newsclean {meta['version']}; "
        f"families: {', '.join(meta['families']) or 'none'})."
    )
    for note in meta["notes"]:
        lines.append(f"- {note}")
    return "\n".join(lines) + "\n"


def update_docs(block: str, marker: str, path: Path = DOCS) -> bool:
    """Replace the text between ``<!-- marker:begin -->`` and ``<!-- marker:end -->``."""
    if not path.is_file():
        return False
    text = path.read_text(encoding="utf-8")
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    if begin not in text or end not in text:
        return False
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{begin}\n{block}{end}{tail}", encoding="utf-8")
    return True


def sample_docs(corpora: dict[str, list[str]], per_corpus: int, seed: int) -> list[tuple[str, str]]:
    """A deterministic sample of ``per_corpus`` documents from each corpus."""
    rng = random.Random(seed)
    docs = []
    for name, texts in corpora.items():
        chosen = sorted(rng.sample(range(len(texts)), min(per_corpus, len(texts))))
        docs += [(name, texts[i]) for i in chosen]
    return docs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.quality", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="a short run (40 docs per corpus)")
    parser.add_argument(
        "--docs", type=int, default=150, help="documents per clean corpus to inject into"
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed of the injection")
    parser.add_argument(
        "--clean-docs",
        type=int,
        default=0,
        help="documents per corpus for the false-positive run (0: all)",
    )
    parser.add_argument("--no-baselines", action="store_true", help="newsclean rows only")
    parser.add_argument(
        "--update-docs", action="store_true", help="write the tables into docs/benchmarks.md"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.docs = min(args.docs, 40)
        args.clean_docs = args.clean_docs or 200
    started = time.perf_counter()
    notes: list[str] = []
    families, problems = discover_families()
    notes += [f"injector not usable: {p}" for p in problems]
    tools, missing = ({}, []) if args.no_baselines else baselines()
    if missing:
        notes.append(f"baselines not installed (pip install -e '.[bench]'): {', '.join(missing)}")
    table = Table()
    print(f"families: {[f.name for f in families]}; baselines: {list(tools)}", file=sys.stderr)
    detected = run_seeds(families, tools, table, notes)
    corpora = {n: load_corpus(n) for n in ("bbc_clean.jsonl", "wmt_en_clean.jsonl")}
    corpora = {n: t for n, t in corpora.items() if t}
    if not corpora:
        notes.append("corpora: ../shared/corpora is absent; injected and clean runs skipped")
    run_injected(
        families, tools, sample_docs(corpora, args.docs, args.seed), table, args.seed, notes
    )
    clean_sets = corpora
    if args.clean_docs:
        clean_sets = {
            n: [t for _, t in sample_docs({n: ts}, args.clean_docs, args.seed)]
            for n, ts in corpora.items()
        }
    clean = run_clean(families, tools, clean_sets)
    command = " ".join(["python -m benchmarks.quality", *(argv or sys.argv[1:])])
    command = command.replace(" --update-docs", "")
    meta = {
        "command": command,
        "seconds": round(time.perf_counter() - started, 1),
        "version": newsclean.__version__,
        "families": [f.name for f in families],
        "notes": notes,
    }
    md = markdown(table, clean, detected, meta)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "quality.md").write_text(md, encoding="utf-8")
    data = {
        "meta": meta,
        "scores": {
            section: {
                fam: {tool: c.as_dict() for tool, c in cells.items()} for fam, cells in rows.items()
            }
            for section, rows in table.rows.items()
        },
        "overall": {
            section: {
                tool: c.as_dict() for tool, c in _overall(rows, "all families (end to end)").items()
            }
            for section, rows in table.rows.items()
        },
        "detect_only_seed_artifacts": detected,
        "clean": clean,
    }
    (OUT / "quality.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    sys.stdout.write(md)
    if args.update_docs and not update_docs(md, "quality"):
        print("docs/benchmarks.md has no quality markers; not updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
