"""Shared fixtures: a small input tree of every kind the command line reads."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import settings
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Property tests: "dev" locally; CI exports HYPOTHESIS_PROFILE=ci to try five times as many examples.
# No deadline: a first call that imports the HTML stack takes far longer than the rest.
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ARTICLE = (SAMPLES / "000_1e943f8323c0f170.txt").read_text(encoding="utf-8")
OTHER_ARTICLE = (SAMPLES / "002_a2d3d0fa50a5b648.txt").read_text(encoding="utf-8")
PAGE = (
    "<!DOCTYPE html><html><head><title>Floods close schools</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Floods close schools</h1>"
    "<p>Heavy rain closed every school in the district on Monday, officials said, as rivers rose.</p>"
    "<p>Emergency crews moved families from low streets overnight and opened two shelters.</p>"
    "<p>Advertisement</p></article></body></html>"
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """in/ with text, Markdown, HTML, gzipped inputs, nested folders, an ignored file and a broken gzip."""
    root = tmp_path / "in"
    (root / "news" / "2024").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "news" / "b.md").write_text(OTHER_ARTICLE, encoding="utf-8")
    (root / "news" / "2024" / "c.html").write_text(PAGE, encoding="utf-8")
    (root / "news" / "2024" / "d.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (root / "news" / "notes.pdf").write_bytes(b"%PDF-1.4 not an input kind")
    (root / "news" / "broken.txt.gz").write_bytes(b"this is not gzip data at all")
    return root


@pytest.fixture(scope="session")
def runaway() -> str:
    """A text dump that takes seconds to clean (7 MB of teaser lines): a document for time limits."""
    return "\n".join(f"Story number {i} about the council budget and the river {i % 97}" for i in range(100_000))


@pytest.fixture
def article() -> str:
    return ARTICLE


@pytest.fixture
def page() -> str:
    return PAGE


@pytest.fixture
def jsonl():
    """Records to JSONL bytes; a str is written as the raw line, to make broken lines."""

    def lines(*records: object) -> bytes:
        return b"".join((r if isinstance(r, str) else json.dumps(r)).encode() + b"\n" for r in records)

    return lines


@pytest.fixture
def warc():
    """WARC bytes as a crawler writes them: warcinfo, request/response pairs, an image, a metadata record."""

    def make(compress: bool) -> bytes:
        out = io.BytesIO()
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: test\r\n")))

        def response(uri: str, content_type: str, body: bytes) -> None:
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "request", payload=request))
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        response("https://news.example/a", "text/html; charset=utf-8", PAGE.encode())
        response("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n")
        response("https://news.example/b", "application/xhtml+xml", PAGE.replace("Floods", "Storms").encode())
        writer.write_record(
            writer.create_warc_record("https://news.example/a", "metadata", payload=io.BytesIO(b"x: y\r\n"))
        )
        return out.getvalue()

    return make
