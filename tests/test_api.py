"""The Python API as a new user meets it: names, types, records and per-item URLs."""

from __future__ import annotations

import pytest

import cleaner
from cleaner import Cleaner, Config, Failure, clean, clean_record
from cleaner.config import ConfigError

PAGE_URL = "https://www.onmanorama.com/news/world/2022/03/04/story.html"


def codes(config: Config) -> set[str]:
    return {rule.code for rule in config.rules}


def test_a_string_selector_is_one_selector_not_its_letters() -> None:
    assert codes(Config(ignore="CAP")) == codes(Config(ignore=("CAP",)))
    assert {"COM001", "AD001", "PRM001"} <= codes(Config(ignore="CAP"))
    assert codes(Config(select="CAP,AD")) == codes(Config(select=("CAP", "AD")))
    with pytest.raises(TypeError, match="ignore must be a string or an iterable of strings"):
        Config(ignore=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="select must be"):
        Config(select=("CAP", None))  # type: ignore[arg-type]


def test_extend_select_and_extend_ignore_add_to_the_selection() -> None:
    default = codes(Config())
    assert codes(Config(extend_ignore="CAP")) == default - {"CAP001", "CAP002", "CAP003"}
    assert codes(Config(extend_select="CAP")) == default
    assert codes(Config(select="AD", extend_select="CRD")) == {"AD001"} | {c for c in default if c.startswith("CRD")}
    merged = Config.from_mapping({"extend-ignore": ["CAP"]}).merged({"extend_ignore": ("AD",)})
    assert merged.extend_ignore == ("CAP", "AD")
    with pytest.raises(ConfigError, match="unknown rule selector"):
        Config(extend_select="NOPE")


def test_a_cleaner_reads_a_mapping_of_settings_when_it_is_made() -> None:
    """As a config file's table: a wrong key or selector fails at `Cleaner(...)`, not at the first clean."""
    assert Cleaner({"ignore": "CAP"}).config == Config(ignore="CAP")
    with pytest.raises(ConfigError, match="unknown rule selector"):
        Cleaner({"ignore": "NOPE"})
    with pytest.raises(TypeError, match="not list"):
        Cleaner(["CAP"])  # type: ignore[arg-type]


def test_clean_names_the_types_it_takes() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        clean(None)  # type: ignore[arg-type]


def test_the_package_shows_its_public_names() -> None:
    names = dir(cleaner)
    assert {"clean", "clean_record", "Cleaner", "Config", "Failure", "Article", "__version__"} <= set(names)
    assert Failure("why", "ValueError", "a7").id == "a7"


def test_clean_record_keeps_every_field_and_reports_a_bad_record(article: str) -> None:
    record = {"id": "a1", "lang": "en", "text": article, "metadata": {"source": "crawl-1"}}
    out = clean_record(record)
    assert out["id"] == "a1" and out["lang"] == "en" and out["text"] == clean(article).body
    assert out["metadata"]["source"] == "crawl-1" and out["metadata"]["cleaner"]["title"] == clean(article).title
    assert "body" not in out["metadata"]["cleaner"]
    bad = clean_record({"id": "a7", "text": 5})
    assert bad == {"id": "a7", "text": 5, "cleaner_error": "record (id=a7): field 'text' is int, not a string"}
    assert clean_record({"page": "<p>x</p>"}, html_field="page")["text"] == ""


def test_clean_record_reads_the_url_and_html_fields(page: str) -> None:
    out = clean_record({"html": page, "link": PAGE_URL}, url_field="link")
    assert out["metadata"]["cleaner"]["url"] == PAGE_URL
    assert out["text"] == clean(page, url=PAGE_URL).body


def test_clean_many_takes_records_with_their_urls_and_names_a_bad_one(article: str, page: str) -> None:
    items = [article, {"id": "p1", "html": page, "url": PAGE_URL}, {"id": "p2", "text": None}, article.encode()]
    results = list(Cleaner().clean_many(items, jobs=2))
    assert results[0].body == clean(article).body == results[3].body
    assert results[1].url == PAGE_URL and results[1].publisher == clean(page, url=PAGE_URL).publisher
    assert isinstance(results[2], Failure) and results[2].id == "p2"
    assert results[2].reason == "no 'text' or 'html' field"


def test_a_url_that_is_no_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="the URL must be a str, not int"):
        cleaner.clean("The council approved the budget.", url=5)  # type: ignore[arg-type]


def test_a_blank_html_field_gives_way_to_the_text_field(article: str) -> None:
    record = clean_record({"id": "e1", "html": " ", "text": article})
    assert "cleaner_error" not in record and record["text"] == clean(article).body


def test_half_a_character_in_a_str_is_read_as_a_replacement_character() -> None:
    text = "The river rose overnight and flooded the lower town \ud83d today. " * 20
    article = clean(text)
    assert "\ufffd" in article.body and "\ud83d" not in article.body and article.language == "en"
    assert "cleaner_error" not in clean_record({"id": "s", "text": text})


def test_the_size_limit_holds_for_the_python_api(article: str) -> None:
    small = Cleaner(Config(max_bytes=100))
    for item in (article, article.encode()):
        with pytest.raises(ValueError, match="larger than max_bytes"):
            small.clean(item)
    failures = list(small.clean_many([article, {"id": "r", "text": article}], jobs=1))
    assert all(isinstance(f, Failure) and "larger than max_bytes" in f.reason for f in failures)
    assert "larger than max_bytes" in clean_record({"text": article}, config=Config(max_bytes=100))["cleaner_error"]


@pytest.mark.parametrize("value", [-5, 0, "abc", True, 1.5])
def test_max_bytes_is_a_whole_number_of_bytes(value: object) -> None:
    with pytest.raises(ConfigError, match="max_bytes must be a whole number"):
        Config(max_bytes=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_clean_many_yields_every_document_taken_before_its_source_raises(article: str, jobs: int) -> None:
    def source():
        yield from [article] * 5
        raise RuntimeError("the source broke")

    cleaned = []
    with pytest.raises(RuntimeError, match="the source broke"):
        cleaned.extend(Cleaner().clean_many(source(), jobs=jobs))
    assert len(cleaned) == 5 and all(a.body == clean(article).body for a in cleaned)


def test_a_byte_order_mark_in_front_of_a_str_reads_as_bytes_read() -> None:
    page = "\ufeff<!doctype html><html><head><title>Roads budget | Site</title></head><body><h1>Roads budget</h1><p>The council met on Monday and agreed a new budget for the roads in the district.</p></body></html>"
    as_str, as_bytes = clean(page), clean(page.encode("utf-8"))
    assert as_str.body == as_bytes.body and "Site" not in as_str.body
    assert clean("\ufeffRoads budget agreed\n\nThe council met on Monday.", kind="text").title == "Roads budget agreed"
