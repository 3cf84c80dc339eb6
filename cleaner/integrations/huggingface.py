"""A function for Hugging Face `datasets.map(batched=True)`: a batch of columns in, clean columns out.

`datasets` itself is not imported: the function only sees a mapping of
equal-length columns (lists, numpy arrays, pandas Series, read by position
whatever their index), so it works with any column-batch engine. A missing
value (None, or the NaN pandas puts in an empty cell) is no value.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleaner.config import Config
from cleaner.engine import Cleaner
from cleaner.io import Fields
from cleaner.parallel import describe
from cleaner.records import clean_document
from cleaner.streams import from_record


@dataclass(frozen=True)
class CleanColumns:
    """Clean the text (or HTML) column of a batch.

    Returns two columns: the text field with the clean body, and `cleaner`
    with the Article's metadata and removals as a JSON string (one Arrow
    type for every row, where nested fields would often be null). A row
    that cannot be cleaned gets an empty text and `{"error": reason}`.

    >>> clean = CleanColumns()
    >>> clean({"text": ["Headline of the story\\n\\nThe body sentence.\\n\\nAdvertisement"]})["text"]
    ['The body sentence.']

    With datasets: `dataset.map(CleanColumns(), batched=True, num_proc=4)`.
    """

    config: Config = field(default_factory=Config)
    fields: Fields = field(default_factory=Fields)

    def __call__(self, batch: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
        if any(isinstance(batch.get(name), str | bytes) for name in (self.fields.text, self.fields.html)):
            raise TypeError("CleanColumns takes a batch of columns ({'text': [...]}): map it with batched=True")
        cleaner = Cleaner(self.config)
        columns = {
            name: [_value(cell) for cell in batch[name]]
            for name in (self.fields.text, self.fields.html, self.fields.url)
            if name in batch
        }
        rows = len(next(iter(columns.values()))) if columns else 0
        texts: list[str] = []
        about: list[str] = []
        for i in range(rows):
            doc = from_record({name: column[i] for name, column in columns.items()}, f"row {i}", self.fields)
            try:
                article = clean_document(cleaner, doc)
            except Exception as error:
                texts.append("")
                about.append(json.dumps({"error": describe(error)}))
                continue
            meta = article.to_dict()
            texts.append(meta.pop("body"))
            about.append(json.dumps(meta, ensure_ascii=False))
        return {self.fields.text: texts, "cleaner": about}


def _value(cell: Any) -> Any:
    """A column's cell as the record model reads it: numpy strings as str, NaN as no value."""
    if isinstance(cell, float) and math.isnan(cell):
        return None
    return str(cell) if isinstance(cell, str) else cell.item() if hasattr(cell, "item") else cell
