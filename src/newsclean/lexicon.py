"""Names evidence: a lexicon of names seen standing alone across a corpus.

Evidence-driven rules (fused tokens first) ask whether a capitalised string is a known name.
A :class:`Lexicon` answers from a corpus: :meth:`Lexicon.from_texts` keeps the capitalised
words that stand alone, not at the start of a sentence, in at least ``min_documents``
documents. It can be saved to and loaded from a plain text file (one name a line) and is
passed to the rules through :class:`newsclean.Config` (``Config(lexicon=...)``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

__all__ = ["Lexicon"]

#: A capitalised word (with inner apostrophes and hyphens) preceded by a word character and a
#: space, so that words opening a sentence or a quotation are not counted.
STANDALONE_NAME_RE = regex.compile(
    r"(?<=[\p{Ll}\p{N},;] )"
    r"\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*"
    r"(?=[\s,.;:!?)’”\"']|\Z)"
)


@dataclass(frozen=True)
class Lexicon:
    """A frozen, picklable set of names.

    >>> lex = Lexicon.from_texts(["Minister Kuleba said so.", "Then Kuleba left, said Peskov."],
    ...                          min_documents=2)
    >>> "Kuleba" in lex, "Peskov" in lex
    (True, False)
    """

    names: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        names = self.names
        if isinstance(names, (str, bytes)):
            raise TypeError(
                "Lexicon takes a collection of names, not one string: Lexicon({'Kuleba'})"
            )
        if not isinstance(names, frozenset):
            object.__setattr__(self, "names", frozenset(names))
        if not all(isinstance(n, str) for n in self.names):
            raise TypeError("a Lexicon's names must be strings")

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Lexicon:
        """A lexicon of exactly these names (blank entries are dropped).

        >>> len(Lexicon.from_names(["Kuleba", " ", "Peskov"]))
        2
        >>> Lexicon.from_names("Kuleba")
        Traceback (most recent call last):
        ...
        TypeError: Lexicon.from_names takes names, not one string: from_names(["Kuleba"])
        """
        if isinstance(names, (str, bytes)):
            raise TypeError(
                'Lexicon.from_names takes names, not one string: from_names(["Kuleba"])'
            )
        return cls(frozenset(n.strip() for n in names if n.strip()))

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, min_documents: int = 2) -> Lexicon:
        """Names that stand alone mid-sentence in at least ``min_documents`` of ``texts``."""
        if isinstance(texts, (str, bytes)):
            raise TypeError("Lexicon.from_texts takes a collection of texts, not one string")
        if min_documents < 1:
            raise ValueError("min_documents must be at least 1")
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update({m.group() for m in STANDALONE_NAME_RE.finditer(text)})
        return cls(frozenset(name for name, n in counts.items() if n >= min_documents))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Lexicon:
        """Read a lexicon file: UTF-8, one name a line, ``#`` starts a comment line."""
        with open(path, encoding="utf-8") as handle:
            return cls.from_names(
                line for line in handle if line.strip() and not line.lstrip().startswith("#")
            )

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the lexicon as UTF-8 text, one name a line, sorted."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("# newsclean names lexicon: one name a line\n")
            for name in sorted(self.names):
                handle.write(name + "\n")

    def merged(self, other: Lexicon) -> Lexicon:
        """The union of two lexicons."""
        return Lexicon(self.names | other.names)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __len__(self) -> int:
        return len(self.names)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.names))
