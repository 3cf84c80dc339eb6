"""A datatrove pipeline step: clean each document's text (or HTML) with cleaner.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerExtractor

    LocalPipelineExecutor([JsonlReader("raw/"), CleanerExtractor(), JsonlWriter("clean/")], tasks=4).run()

Like datatrove's own Trafilatura extractor, documents are cleaned in a sandbox
process under datatrove's per-document timeout: a runaway document is counted
as a timeout and dropped, and the pipeline goes on. `doc.text` becomes the
clean body; the document keeps its id and metadata, and cleaner's metadata
(title, authors, removals...) goes under `doc.metadata["cleaner"]`. Stats count
the removals, in all and per rule code. A document left with an empty body
is dropped, as datatrove's extractors do.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.utils.typeshelper import StatHints

from cleaner.config import Config
from cleaner.engine import Cleaner


class CleanerExtractor(BaseExtractor):
    """Clean `doc.text` (HTML or text, told from the content unless `kind` says), with the page URL
    from `doc.metadata[url_key]` when there is one."""

    name = "🧹 cleaner"
    _requires_dependencies: ClassVar[list[tuple[str, str]]] = [("cleaner", "article-cleaner")]  # module, distribution

    def __init__(
        self, config: Config | None = None, *, kind: str | None = None, url_key: str = "url", timeout: float = 30.0
    ) -> None:
        super().__init__(timeout)
        self.cleaner = Cleaner(config or Config())
        self.kind, self.url_key = kind, url_key

    def extract(self, text: str, url: str | None = None) -> dict[str, Any]:
        """The Article of one document as a dict (it crosses the sandbox's pipe)."""
        return self.cleaner.clean(text, url=url, kind=self.kind).to_dict()

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                url = doc.metadata.get(self.url_key)
                with self.track_time():
                    about = self._clean(sandbox, doc.text, url if isinstance(url, str) else None)
                if about is None:
                    continue
                doc.text = about.pop("body")
                doc.metadata["cleaner"] = about
                self._count_removals(about["removals"])
                if doc.text:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)

    def _clean(self, sandbox: ExtractorSandbox, text: str, url: str | None) -> dict[str, Any] | None:
        """The document's Article as a dict, or None when it timed out, killed its process or failed."""
        try:
            about = sandbox.process_document((text, url), self.extract)
        except TimeoutError:
            self.stat_update("timeout")
            return None
        except EOFError:
            self.stat_update("broken_process")
            return None
        except Exception:
            self.stat_update("clean_error")
            return None
        self.stat_update("extracted")
        return about

    def _count_removals(self, removals: list[dict[str, Any]]) -> None:
        self.stat_update("removals", value=len(removals))
        for removal in removals:
            self.stat_update(f"removed {removal['code']}")
