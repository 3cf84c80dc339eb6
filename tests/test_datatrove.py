"""The datatrove step in a real local pipeline: JsonlReader -> CleanerExtractor -> JsonlWriter."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="datatrove is an optional extra: pip install 'article-cleaner[datatrove]'")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.config import Config
from cleaner.engine import Cleaner
from cleaner.integrations.datatrove import CleanerExtractor


def _run(tmp_path: Path, records: list[dict], step: CleanerExtractor) -> list[dict]:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "part.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    pipeline = [JsonlReader(str(tmp_path / "raw")), step, JsonlWriter(str(tmp_path / "clean"))]
    LocalPipelineExecutor(pipeline, tasks=1, logging_dir=str(tmp_path / "logs")).run()
    lines = []
    for path in sorted((tmp_path / "clean").glob("*.jsonl.gz")):
        lines += [json.loads(line) for line in gzip.decompress(path.read_bytes()).decode().splitlines()]
    return lines


def test_documents_keep_their_id_and_metadata_and_gain_cleaners(tmp_path: Path, article: str, page: str) -> None:
    records = [
        {"id": "a", "text": article, "metadata": {"url": "https://www.onmanorama.com/news/world/talks.html"}},
        {"id": "b", "text": page, "metadata": {"source": "crawl-1"}},
        {"id": "c", "text": "Advertisement"},
    ]
    out = {row["id"]: row for row in _run(tmp_path, records, CleanerExtractor())}
    assert set(out) == {"a", "b"}  # c is left with no body, and dropped
    assert out["a"]["text"] == Cleaner().clean(article, url=records[0]["metadata"]["url"]).body
    assert out["a"]["metadata"]["cleaner"]["removals"]
    assert out["b"]["metadata"]["source"] == "crawl-1"
    assert out["b"]["metadata"]["cleaner"]["title"] == "Floods close schools"
    stats = json.loads(next((tmp_path / "logs" / "stats").glob("*.json")).read_text())
    counted = {key for step in stats for key in step.get("stats", {})}
    assert "removals" in counted and any(key.startswith("removed ") for key in counted)


def test_the_configuration_applies_and_a_runaway_document_is_dropped_at_the_timeout(
    tmp_path: Path, runaway: str
) -> None:
    records = [{"id": "slow", "text": runaway}, {"id": "ok", "text": "Story body line.\n\nAdvertisement"}]
    # With the ad rules alone the runaway takes about 2.5 s of CPU, not the ten of every rule.
    out = _run(tmp_path, records, CleanerExtractor(Config(select=("AD",)), timeout=1.0))
    assert [(row["id"], row["text"]) for row in out] == [("ok", "Story body line.")]
