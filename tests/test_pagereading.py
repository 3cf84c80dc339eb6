"""trafilatura's metadata read with lexbor's searches: the same as `trafilatura.extract_metadata`."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser
from trafilatura import extract_metadata

from cleaner.frontends.decode import decode
from cleaner.frontends.pagereading import as_fields, trafilatura_fields

ROOT = Path(__file__).parent.parent
BENCH = Path(os.environ.get("CLEANER_BENCH", ROOT.parent / "shared" / "bench"))
# Bundled pages whose byline, categories or tags trafilatura reads from the page's elements.
BENCH_PAGES = ("05844573ca7e", "06ee193de4bd", "23aaecd14171", "82b6d780c792", "95301fb7883e")
# A byline behind <noscript>, one holding its date, one in the comments; category links in a post's meta box.
MADE_UP = """<html><head><title>Rivers fall | Example News</title></head><body>
<div class="comments"><span class="author">Commenter Name</span></div>
<noscript><p class="byline">By Ann Example <time>2 May 2024</time></p></noscript>
<div class="entry-meta">Filed under <a href="/category/weather/">Weather</a>, <a href="/category/uk/">UK</a></div>
<p>The river peaked at 4.2 metres on Monday night.</p></body></html>"""


def _pages() -> list[tuple[str, str]]:
    pages = [(path.name, decode(path.read_bytes())) for path in sorted((ROOT / "samples" / "html").glob("*.html"))]
    for prefix in BENCH_PAGES:
        (path,) = (ROOT / "bench" / "scrapinghub" / "html").glob(f"{prefix}*.html.gz")
        pages.append((prefix, decode(gzip.decompress(path.read_bytes()))))
    return [*pages, ("made up", MADE_UP)]


def _trafilaturas(html: str, url: str | None) -> dict[str, Any]:
    return as_fields(extract_metadata(html, default_url=url, extensive=False))


@pytest.mark.parametrize(("name", "html"), _pages(), ids=lambda value: value if len(value) < 40 else None)
def test_reading_is_trafilaturas(name: str, html: str) -> None:
    url = "https://example.com/news/rivers-fall"
    assert trafilatura_fields(html, url, LexborHTMLParser(html)) == _trafilaturas(html, url)


@pytest.mark.slow
@pytest.mark.parametrize(
    "folder",
    [ROOT / "bench" / "scrapinghub", BENCH / "wcxb-dev-articles", BENCH / "wcxb-dev-other"],
    ids=lambda folder: folder.name,
)
def test_reading_is_trafilaturas_on_every_evaluation_page(folder: Path) -> None:
    """One test a set, so that parallel workers share the sets."""
    paths = sorted((folder / "html").glob("*.html.gz"))
    if not paths:
        pytest.skip(f"evaluation pages not found under {folder} (set CLEANER_BENCH to the evaluation sets)")
    differ = []
    for path in paths:
        html = decode(gzip.decompress(path.read_bytes()))
        if trafilatura_fields(html, None, LexborHTMLParser(html)) != _trafilaturas(html, None):
            differ.append(path.name)
    assert differ == []


def test_made_up_page_is_read_from_its_elements() -> None:
    read = trafilatura_fields(MADE_UP, None, LexborHTMLParser(MADE_UP))
    assert read["authors"] == ["Ann Example"]
    assert read["tags"] == ["Weather", "UK"]
