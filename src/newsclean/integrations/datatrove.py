"""A datatrove formatter: newsclean as a step of a datatrove pipeline.

:class:`NewscleanFormatter` is a ``BaseFormatter``: its :meth:`~NewscleanFormatter.format`
repairs one text. In a pipeline it also records, per document, what it changed (under
``doc.metadata["newsclean"]`` unless ``metadata_key=None``) and counts, in the step's stats,
how many documents each rule changed::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.integrations.datatrove import NewscleanFormatter

    LocalPipelineExecutor(
        pipeline=[JsonlReader("raw/"), NewscleanFormatter(), JsonlWriter("clean/")],
        tasks=4,
    ).run()

>>> NewscleanFormatter().format("Kuleba said so.   \\n\\n\\n\\nPeskov did not.")
'Kuleba said so.\\n\\nPeskov did not.'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import Config, Result, fix, fix_and_explain
from . import missing_extra

try:
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.utils.typeshelper import StatHints
except ImportError as _error:  # pragma: no cover - exercised in a subprocess by the tests
    raise missing_extra("datatrove", '"newsclean[datatrove]"', _error) from _error

__all__ = ["NewscleanFormatter", "summary"]


def summary(result: Result) -> dict[str, Any]:
    """What a run changed, as a JSON-ready record for a document's metadata.

    ``edits`` counts the edits, ``rules`` lists the codes that made them (sorted), and
    ``metadata`` is the run's metadata (``date``, ``removed`` blocks with their text, ...).

    >>> from newsclean import fix_and_explain
    >>> summary(fix_and_explain("date: 2022-02-15\\nHi.   "))["rules"]
    ['NC301', 'NC501']
    """
    return {
        "edits": len(result.edits),
        "rules": sorted({edit.rule for edit in result.edits}),
        "metadata": dict(result.metadata),
    }


class NewscleanFormatter(BaseFormatter):  # type: ignore[misc]
    """Repair each document's text with :func:`newsclean.fix`.

    Args:
        config: the :class:`newsclean.Config` to run (default: ``Config()``).
        metadata_key: where in ``doc.metadata`` to record what changed (see :func:`summary`);
            ``None`` records nothing.
    """

    name = "🧽 newsclean"

    def __init__(self, config: Config | None = None, *, metadata_key: str | None = "newsclean"):
        super().__init__()
        self.config = config if config is not None else Config()
        self.metadata_key = metadata_key

    def format(self, text: str) -> str:
        """The repaired text."""
        return fix(text, self.config)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """Repair every document of ``data``; record what changed; count changes per rule."""
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                result = fix_and_explain(doc.text, self.config)
            doc.text = result.text
            if self.metadata_key is not None:
                doc.metadata[self.metadata_key] = summary(result)
            if result.edits:
                self.stat_update("changed")
                self.stat_update(*sorted({edit.rule for edit in result.edits}))
            yield doc
