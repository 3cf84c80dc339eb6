"""A decoded page as the lxml tree trafilatura and htmldate read: `trafilatura.utils.load_html`'s
tree, built in less time.

`load_html` runs a substitution for the control characters libxml2 refuses over the whole page
and hands lxml the text, which lxml converts before libxml2 reads it; it parses the page's UTF-8
bytes only when the text carries an encoding declaration. Here the bytes are parsed always, with
the same parser, and the substitution runs only on a page that holds such a character (a scan
of the bytes finds none on nearly every page). The two trees serialise byte for byte alike on
every evaluation page (`tests/test_lxmlpage.py`); text with a lone surrogate, which lxml reads
its own way from text and no decoder here gives, is left to `load_html`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# The ASCII controls libxml2 refuses (tab, line feed and carriage return are allowed); in UTF-8
# their bytes stand for themselves only.
_REFUSED_CONTROLS = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0D}))
_REFUSED_NONCHARACTERS = ("\ufffe", "\uffff")


def parse(html: str) -> HtmlElement | None:
    """The page's tree, or None where `load_html` gives none (a page that is no HTML)."""
    from lxml.etree import LxmlError
    from lxml.html import fromstring
    from trafilatura.utils import HTML_PARSER, is_dubious_html, load_html, repair_faulty_html

    try:
        data = html.encode()
    except UnicodeEncodeError:  # a lone surrogate, which lxml reads its own way from text
        return load_html(html)
    beginning = html[:50].lower()
    if _refused_characters(html, data) or _faulty_opening(html, beginning):
        html = repair_faulty_html(html, beginning)
        data = html.encode()
    try:
        tree = fromstring(data, parser=HTML_PARSER)
    except (LxmlError, ValueError):  # an empty document, or one libxml2 cannot read
        return None
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


def _refused_characters(html: str, data: bytes) -> bool:
    """Whether the page (`data` its UTF-8 bytes) holds a character libxml2 refuses."""
    return len(data.translate(None, _REFUSED_CONTROLS)) != len(data) or any(c in html for c in _REFUSED_NONCHARACTERS)


def _faulty_opening(html: str, beginning: str) -> bool:
    """Whether `repair_faulty_html` changes the page's opening: a doctype with a slash on the first
    line (which libxml2 misreads), or a self-closed `<html/>` in the first four lines."""
    from trafilatura.utils import DOCTYPE_TAG

    end = html.find("\n")
    if "doctype" in beginning and DOCTYPE_TAG.search(html if end < 0 else html[:end]):
        return True
    return any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])
