"""One record model for every way documents come in as records: a JSONL stream, `clean_record`,
`Cleaner.clean_many`, the Dask and Hugging Face adapters.

A record is a mapping with a text or an HTML field (HTML first), and optionally a URL and an id
(`streams.from_record` reads it into a Document). Its output is the record with every field kept,
the text field replaced by the clean body and the metadata under `metadata.cleaner`
(`writers.to_record`); a record that cannot be cleaned keeps its fields and gains `cleaner_error`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cleaner.io import Document, DocumentError, Fields, read_bytes
from cleaner.metadata import folder_site
from cleaner.parallel import describe
from cleaner.streams import from_record
from cleaner.writers import to_record

if TYPE_CHECKING:
    from cleaner.article import Article
    from cleaner.engine import Cleaner


def document_of(item: str | bytes | Mapping[str, Any], label: str, fields: Fields) -> Document:
    """A Document for a text or page (str or bytes) or for a record (a mapping)."""
    if isinstance(item, Mapping):
        return from_record(dict(item), label, fields)
    if isinstance(item, str | bytes):
        return Document(label, data=item)
    raise TypeError(f"{label} is {type(item).__name__}: give str or bytes (text or HTML) or a record (a mapping)")


def clean_document(cleaner: Cleaner, doc: Document, *, kind: str | None = None, url: str | None = None) -> Article:
    """The Article of one Document, read from its file when it holds no data; `kind` and `url` apply
    where the document names none. A document marked with a problem raises it as a DocumentError."""
    if doc.problem:
        raise DocumentError(doc.problem)
    data = doc.data
    if data is None and doc.path is not None:
        data = read_bytes(doc.path, doc.compressed, cleaner.config.max_bytes)
    return cleaner.clean(
        data or "", kind=doc.kind or kind, url=doc.url or url, site=folder_site(doc.path), encoding=doc.encoding
    )


def output_record(cleaner: Cleaner, doc: Document, fields: Fields) -> dict[str, Any]:
    """The output record of a record's Document, or the record with `cleaner_error` when it fails."""
    try:
        return to_record(clean_document(cleaner, doc), doc, fields)
    except Exception as error:  # as a stream's worker does: any failure is the record's, not the run's
        return failed_record(doc, describe(error))


def failed_record(doc: Document, reason: str) -> dict[str, Any]:
    return {**(doc.record or {}), "cleaner_error": f"{doc.name}: {reason}"}


def record_id(item: object, fields: Fields) -> str | None:
    """The id a record gives itself, to name it in a Failure."""
    value = item.get(fields.id) if isinstance(item, Mapping) else None
    return None if value is None else str(value)
