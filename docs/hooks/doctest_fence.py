"""mkdocs hook: render newsclean's docstrings as Markdown.

newsclean's docstrings carry bare doctests (``>>>`` lines and their output), which pytest runs,
and Sphinx roles (:func:`fix`). Markdown would render doctests as paragraphs (and read ``['x']``
as a link reference) and show roles verbatim, so this hook adds a Markdown preprocessor that
fences each run of doctest lines as ``pycon`` and turns a role into inline code. It applies to
pages and to the docstrings mkdocstrings renders. Lines inside a fence are left alone.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_PROMPT = re.compile(r"^(\s*)>>> ")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ROLE = re.compile(r":(?:func|class|meth|mod|attr|data|exc|obj):`~?([^`]+)`")


def _role(match: re.Match[str]) -> str:
    """``:meth:`~A.b``` reads ``b``; ``:func:`a.b``` reads ``a.b``."""
    target = match.group(1)
    if match.group(0).split("`")[1].startswith("~"):
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


def fence_doctests(lines: list[str]) -> list[str]:
    """Wrap every run of doctest lines (a ``>>>`` line up to the next blank line) in a fence."""
    out: list[str] = []
    in_fence = False
    in_doctest = False
    indent = ""
    for line in lines:
        if in_doctest:
            if line.strip():
                out.append(line)
                continue
            out.append(f"{indent}```")
            in_doctest = False
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (match := _PROMPT.match(line)):
            indent = match.group(1)
            if out and out[-1].strip():
                out.append("")
            out.append(f"{indent}```pycon")
            out.append(line)
            in_doctest = True
            continue
        out.append(line if in_fence else _ROLE.sub(_role, line))
    if in_doctest:
        out.append(f"{indent}```")
    return out


class _DoctestFence(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return fence_doctests(lines)


class DoctestFenceExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before pymdownx.superfences (priority 32) turns fences into code blocks.
        md.preprocessors.register(_DoctestFence(md), "doctest_fence", 40)


@event_priority(100)  # before mkdocstrings reads the list of extensions
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(DoctestFenceExtension())
    return config
