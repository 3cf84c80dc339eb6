"""Output formats: an Article rendered as txt, md, json or a JSONL record.

A JSONL record follows the datatrove and Dolma convention: `text` always
holds the document's current content and everything else describes it. So
the output record is the input record with every field kept, the clean
body in the text field (replacing the raw text), and the Article's
metadata, removals included, under `metadata.cleaner`. Every removed line is
in `metadata.cleaner.removals`, so nothing of the input is lost. Output is
strict JSON: an input field holding NaN or Infinity (which Python's json
reads) is written as null.
"""

from __future__ import annotations

import json
import math
from typing import Any

from cleaner.article import Article
from cleaner.io import Document, Fields


def render(article: Article, fmt: str, doc: Document, fields: Fields) -> str:
    """The output text of one document in a format (txt, md, json, jsonl)."""
    if fmt == "jsonl" or doc.record is not None:
        return _strict_json(to_record(article, doc, fields)) + "\n"
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    body = article.body + "\n" if article.body else ""
    if fmt == "md" and article.title:
        return f"# {article.title}\n\n{body}"
    return body


def to_record(article: Article, doc: Document, fields: Fields) -> dict[str, Any]:
    """The output record: the input record (or an id for a file), clean text, metadata.cleaner.

    >>> doc = Document("a.jsonl:1", record={"id": 7, "text": "raw", "lang": "en"})
    >>> to_record(Article(body="clean", word_count=1), doc, Fields())["text"]
    'clean'
    """
    record = dict(doc.record) if doc.record is not None else {fields.id: doc.name}
    metadata = record.get("metadata")
    if metadata is None:
        metadata = {}
    elif not isinstance(metadata, dict):
        raise ValueError(f"field 'metadata' is {type(metadata).__name__}, not an object")
    about = article.to_dict()
    del about["body"]
    record[fields.text] = article.body
    record["metadata"] = {**metadata, "cleaner": about}
    return record


def _strict_json(record: dict[str, Any]) -> str:
    """The record as JSON, NaN and infinities as null: JSON has no such numbers, and strict readers refuse them.

    >>> _strict_json({"score": float("nan"), "scores": [1.5, float("-inf")]})
    '{"score": null, "scores": [1.5, null]}'
    """
    try:
        return json.dumps(record, ensure_ascii=False, allow_nan=False)
    except ValueError:  # rare: converted only when needed
        return json.dumps(_finite(record), ensure_ascii=False, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
