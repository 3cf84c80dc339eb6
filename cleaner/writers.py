"""Output formats: an Article rendered as txt, md, json or a JSONL record.

A JSONL record follows the datatrove and Dolma convention: `text` always
holds the document's current content and everything else describes it. So
the output record is the input record with every field kept, the clean
body in the text field (replacing the raw text), and the Article's
metadata, removals included, under `metadata.cleaner`. Every removed line is
in `metadata.cleaner.removals`, so nothing of the input is lost.
"""

from __future__ import annotations

import json
from typing import Any

from cleaner.article import Article
from cleaner.io import Document, Fields


def render(article: Article, fmt: str, doc: Document, fields: Fields) -> str:
    """The output text of one document in a format (txt, md, json, jsonl)."""
    if fmt == "jsonl" or doc.record is not None:
        return json.dumps(to_record(article, doc, fields), ensure_ascii=False) + "\n"
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
