"""Injector for the quotes family (NC2xx): the quote artifacts machine translation leaves.

Works on well-formed quotation pairs found in the text itself (curly “…” or straight "…" in
one paragraph) and damages some of them the way translated news shows it:

* spacing flipped on both marks: ``a “Legion” is`` → ``a“ Legion ”is``;
* a closing mark detached from its punctuation: ``so,” he said`` → ``so, ”he said``;
* a closing mark with the opening shape before punctuation: ``troops”.`` → ``troops “.``;
* a stray space before a straight closing mark: ``premodernity",`` → ``premodernity ",``;
* source-language guillemets: ``“a historic day”`` → ``«a historic day»``;
* a reporting verb capitalised after the quotation: ``,” said`` → ``,” Said``;
* German or Polish quotes: ``“a historic day”`` → ``„a historic day“`` (or ``„…”``);
* the dash Russian, Ukrainian and Polish put before the reporting verb: ``", said`` →
  ``", - said``, ``," said`` → ``," -said``, also before a subject and its verb: ``," Smith
  said`` → ``," - Smith said``;
* Dutch quotes: ``“a historic day”`` → ``,,a historic day''``;
* a straight opening mark glued to the word before it, its space inside: ``the "Stoyky"``
  → ``the" Stoyky"``.

The gold text is the input itself: a perfect repair undoes every injected artifact.
"""

from __future__ import annotations

import random

import regex

from benchmarks.families import splice

FAMILY = "quotes"
SELECT: tuple[str, ...] = ("NC2",)

#: A well-formed curly or straight pair inside one paragraph.
PAIR_RE = regex.compile(r"“[^“”\"\n]{1,300}”|\"[^“”\"\n]{1,300}\"")
#: How often a pair is damaged.
RATE = 0.35
VERB_RE = regex.compile(r"(?<=^,?\h)(said|told|added|says|explained|wrote)\b")
#: A name and its reporting verb after a closing mark (``," Smith said``).
SUBJECT_VERB_RE = regex.compile(
    r"(?<=^,?\h)\p{Lu}\p{Ll}+(?:\h\p{Lu}\p{Ll}+)?\h(?:said|told|added|says|explained|wrote)\b"
)


def _damage(text: str, start: int, end: int, rng: random.Random) -> tuple[int, int, str] | None:
    """One artifact for the pair ``text[start:end]``, as (start, end, replacement) or None."""
    inner = text[start + 1 : end - 1]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    after2 = text[end + 1] if end + 1 < len(text) else ""
    curly = text[start] == "“"
    choices = ["guillemets"]
    if before in ("", " ", "\n", "(") and inner[:1].isalnum() and not inner[-1:].isspace():
        choices.append("low-nine")  # a real quotation, not the gap between two of them
    if curly and before == " " and after == " " and after2.isalpha():
        choices.append("flip")
    if curly and inner[-1:] in ",." and after == " " and after2.isalpha():
        choices.append("detach")
    if curly and after in ",." and inner[-1:].isalnum():
        choices.append("shape")
    if not curly and after in ",." and inner[-1:].isalnum():
        choices.append("space")
    verb = VERB_RE.search(text[end : end + 12])
    if verb is not None and inner[-1:] in ",?!":
        choices.append("verb")
    if verb is not None and (inner[-1:] in ",?!" or after == ","):
        choices.append("dash")
    subject = SUBJECT_VERB_RE.search(text[end : end + 40])
    if subject is not None and inner[-1:] in ",?!":
        choices.append("subject-dash")
    if "low-nine" in choices and not after.isalnum() and after != "'" and inner[-1:] != "'":
        choices.append("dutch")
    glued = not curly and before == " " and start > 1 and text[start - 2].isalpha()
    if glued and inner[:1].isalpha() and inner[-1:].isalnum() and after in ",.":
        choices.append("glued-open")
    kind = rng.choice(choices)
    if kind == "guillemets":
        return start, end, "«" + inner + "»"
    if kind == "low-nine":
        return start, end, "„" + inner + rng.choice(["“", "”"])
    if kind == "dutch":
        return start, end, ",," + inner + "''"
    if kind == "glued-open":
        return start - 1, start + 1, '" '
    if kind == "subject-dash":
        return end, end, " -"
    if kind == "dash":
        at = end + 1 if after == "," else end
        if rng.random() < 0.25:
            return at, at + 1, " -"
        return at, at, rng.choice([" -", " —", " –"])
    if kind == "flip":
        return start - 1, end + 1, text[start] + " " + inner + " " + text[end - 1]
    if kind == "detach":
        return end - 1, end + 1, " ”"
    if kind == "shape":
        return end - 1, end, " “"
    if kind == "space":
        return end - 1, end, ' "'
    assert verb is not None
    at = end + verb.start()
    return at, at + 1, text[at].upper()


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Return (dirty, gold): ``text`` with quote artifacts injected, and ``text`` itself."""
    edits: list[tuple[int, int, str]] = []
    last = -1
    for m in PAIR_RE.finditer(text):
        if rng.random() >= RATE:
            continue
        damage = _damage(text, m.start(), m.end(), rng)
        if damage is None or damage[0] <= last:
            continue
        edits.append(damage)
        last = max(damage[1], m.end())
    return splice(text, edits), text
