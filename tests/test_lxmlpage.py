"""`lxmlpage.parse` builds the tree trafilatura's `load_html` builds, on real pages and odd ones."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import etree
from trafilatura.utils import load_html

from cleaner.frontends import lxmlpage

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "bench" / "scrapinghub" / "html").glob("*")) + sorted((ROOT / "samples" / "html").glob("*"))

ODD_PAGES = [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    "<html><body><p>An XHTML doctype, which libxml2 misreads</p></body></html>",
    "<html/>\n<body><p>A self-closed html element</p></body>",
    "<html><body><p>Controls \x01 and \x1f, a form feed \x0c, a noncharacter \ufffe</p></body></html>",
    "<html><body><p>Tabs\tand line\r\nbreaks stay</p></body></html>",
    '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>An encoding declaration: déjà</p></body></html>',
    "<html><body><p>Emoji 😀 and CJK 漢字</p></body></html>",
    "<html><body><p>A lone surrogate \udc80 from a careless decoder</p></body></html>",
    "<p>One paragraph alone</p>",
    "no markup at all",
    "",
    "\x00\x00",
]


def _serialised(tree: etree._Element | None) -> bytes | None:
    return None if tree is None else etree.tostring(tree)


def _text(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")


@pytest.mark.parametrize("page", ODD_PAGES)
def test_odd_pages_parse_as_load_html_parses_them(page: str) -> None:
    assert _serialised(lxmlpage.parse(page)) == _serialised(load_html(page))


def test_control_characters_are_taken_out() -> None:
    tree = lxmlpage.parse(ODD_PAGES[2])
    assert tree is not None
    text = tree.text_content()
    assert "\x01" not in text and "\ufffe" not in text and "Controls" in text


def test_a_page_that_is_no_html_gives_no_tree() -> None:
    assert lxmlpage.parse("") is None


def test_real_pages_parse_as_load_html_parses_them() -> None:
    assert PAGES, "the bundled ScrapingHub pages are missing"
    differ = [
        path.name for path in PAGES if _serialised(lxmlpage.parse(_text(path))) != _serialised(load_html(_text(path)))
    ]
    assert differ == []
