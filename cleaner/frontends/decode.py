"""Bytes -> text, and telling an HTML page from plain text.

Pages arrive without HTTP headers, so the order of evidence is: a byte
order mark, then valid UTF-8 (a page that decodes as UTF-8 is UTF-8 whatever
its meta tag claims: mis-declared latin-1 is common, accidental valid UTF-8
in another charset is not), then the charset the document declares, then
statistical detection. Declared names are mapped to the superset a browser
uses (latin-1 means cp1252, gb2312 means gb18030, shift_jis means cp932).
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PEEK = 4096
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I
)
_BROWSER_SUPERSETS = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<(?:!doctype|html))", re.I)
_HTML_TAGS = re.compile(r"</?(?:html|head|body|meta|title|div|p|br|article|section|span|a\s+href)\b[^>]*>", re.I)


def decode(data: bytes) -> str:
    """Decode a document's bytes without mojibake.

    >>> decode("Zürich".encode())
    'Zürich'
    >>> decode('<meta charset="windows-1252"><p>caf\\xe9 \\x93quoted\\x94'.encode("latin-1"))[-13:]
    'café “quoted”'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if utf16 := _utf16_without_bom(data):
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    if declared == "utf-8":
        return data.decode("utf-8", errors="replace")
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    return _detect(data) or data.decode("cp1252", errors="replace")


def declared_encoding(data: bytes) -> str | None:
    """The charset a page names for itself, as a Python codec name, or None.

    >>> declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    'cp1252'
    """
    match = _DECLARED.search(data[:_PEEK])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page read as bytes that names UTF-16 without a BOM is really ASCII-compatible.
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        return "utf-8"
    return _BROWSER_SUPERSETS.get(codec, codec)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly ASCII text has a NUL in every other byte (and is valid UTF-8 too)."""
    head = data[:_PEEK]
    if head.count(0) < len(head) // 3:
        return None
    return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def looks_like_html(text: str) -> bool:
    """True when text is an HTML page rather than plain text that mentions a tag.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>"), looks_like_html("Use <b> for bold.")
    (True, False)
    """
    head = text[:_PEEK]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3
