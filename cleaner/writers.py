"""Output formats: an Article rendered as txt, md, json or a JSONL record; one table of them.

A new format is one render function and one row of `FORMATS`. A `Style` says how beyond the
format: json on one line (JSON Lines on stdout), Markdown's links and front matter.

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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from cleaner.article import Article
from cleaner.io import Document, Fields
from cleaner.markdown import Style, markdown


def render(article: Article, fmt: str, doc: Document, fields: Fields, style: Style) -> str:
    """The output text of one document in a format; a JSONL or WARC record always gives a record."""
    return FORMATS["jsonl" if doc.record is not None else fmt].render(article, doc, fields, style)


def _txt(article: Article, doc: Document, fields: Fields, style: Style) -> str:
    return article.body + "\n" if article.body else ""


def _markdown(article: Article, doc: Document, fields: Fields, style: Style) -> str:
    return markdown(article, style)


def _json(article: Article, doc: Document, fields: Fields, style: Style) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=None if style.one_line else 2) + "\n"


def _record_line(article: Article, doc: Document, fields: Fields, style: Style) -> str:
    return _strict_json(to_record(article, doc, fields)) + "\n"


@dataclass(frozen=True, slots=True)
class Format:
    """An output format: the suffix its files take, and how it renders one document."""

    suffix: str
    render: Callable[[Article, Document, Fields, Style], str]


FORMATS = {
    "txt": Format(".txt", _txt),
    "md": Format(".md", _markdown),
    "json": Format(".json", _json),
    "jsonl": Format(".jsonl", _record_line),
}


def format_of(path: PurePath) -> str | None:
    """The format an output file's name asks for by its suffix; None for a folder's name.

    >>> format_of(PurePath("page.MD")), format_of(PurePath("all.jsonl.gz")), format_of(PurePath("clean"))
    ('md', 'jsonl', None)
    """
    name = path.name.lower()
    if name.endswith(".jsonl.gz"):
        return "jsonl"
    return next((fmt for fmt, f in FORMATS.items() if name.endswith(f.suffix)), None)


def to_record(article: Article, doc: Document, fields: Fields) -> dict[str, Any]:
    """The output record: the input record (or an id for a file) less the fields to drop, clean
    text, metadata.cleaner.

    >>> doc = Document("a.jsonl:1", record={"id": 7, "text": "raw", "lang": "en"})
    >>> to_record(Article(body="clean", word_count=1), doc, Fields())["text"]
    'clean'
    """
    record: dict[str, Any] = dict(doc.record) if doc.record is not None else {fields.id: doc.name}
    for name in fields.drop:
        record.pop(name, None)
    metadata = record.get("metadata")
    if metadata is None:
        metadata = {}
    elif not isinstance(metadata, dict):
        raise ValueError(f"field 'metadata' is {type(metadata).__name__}, not an object")
    about = article.to_dict()
    del about["body"]
    return {**record, fields.text: article.body, "metadata": {**metadata, "cleaner": about}}


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
