"""The `datasets.map(batched=True)` function, on plain column batches (datasets is not needed)."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

from cleaner.config import Config
from cleaner.engine import Cleaner
from cleaner.integrations.huggingface import CleanColumns
from cleaner.io import Fields


def test_columns_in_clean_columns_out(article: str, page: str) -> None:
    batch = {"id": [1, 2, 3], "text": [article, None, 5], "html": [None, page, None], "lang": ["en"] * 3}
    out = CleanColumns()(batch)
    assert set(out) == {"text", "cleaner"} and all(len(v) == 3 for v in out.values())
    assert out["text"][0] == Cleaner().clean(article).body
    assert "Heavy rain closed every school" in out["text"][1]
    meta = [json.loads(m) for m in out["cleaner"]]
    assert meta[0]["title"].startswith("Russia-Ukraine War") and meta[0]["removals"]
    assert out["text"][2] == "" and meta[2] == {"error": "field 'text' is int, not a string"}


def test_config_and_field_names_apply_and_the_function_pickles() -> None:
    clean = CleanColumns(Config(select=("AD",)), fields=Fields(text="content"))
    clean = pickle.loads(pickle.dumps(clean))
    out = clean({"content": ["Story body line.\n\n(with agency inputs)\n\nAdvertisement"]})
    assert out["content"] == ["Story body line.\n\n(with agency inputs)"]


@pytest.mark.parametrize("kind", ["list", "numpy", "pandas"])
def test_a_batch_of_any_column_kind_and_any_index_is_read_by_position(kind: str, article: str) -> None:
    texts, urls = [article, "Only one body line here."], ["https://news.example/a", None]
    if kind == "numpy":
        batch = {"text": np.array(texts, dtype=object), "url": np.array(urls, dtype=object)}
    elif kind == "pandas":
        pandas = pytest.importorskip("pandas")
        frame = pandas.DataFrame({"text": texts, "url": urls}, index=[10, 11])  # an index not starting at 0
        batch = {name: frame[name] for name in frame.columns}
    else:
        batch = {"text": texts, "url": urls}
    out = CleanColumns()(batch)
    assert out["text"] == [Cleaner().clean(article, url=urls[0]).body, "Only one body line here."]
    assert json.loads(out["cleaner"][0])["url"] == "https://news.example/a"


def test_one_row_instead_of_a_batch_is_a_clear_type_error(article: str) -> None:
    with pytest.raises(TypeError, match="batched=True"):
        CleanColumns()({"text": article})
