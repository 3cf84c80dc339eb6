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

    Raises `NotText` for binary content (see `refuse_binary`).
    """
    refuse_binary(data)
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


class NotText(ValueError):
    """Bytes that are no text or HTML document at all: an image, a PDF, an archive, random data."""


# Signatures of the binary files that turn up among scraped pages under text names.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
# C0 controls other than whitespace, DEL, and U+FFFD (what undecodable UTF-16 becomes): text has next to none.
_CONTROLS = dict.fromkeys([*range(9), *range(14, 32), 127, 0xFFFD])
_MAX_CONTROL_SHARE = 0.05


def refuse_binary(data: bytes) -> None:
    """Raise `NotText` when `data` starts like a binary format or is more than 5% control characters.

    Decoding random bytes as cp1252 "succeeds", and the rules would then clean
    mojibake; a clear "not text or HTML" is more use to whoever sent the file.
    Only the head is looked at, so this costs nothing on large documents.

    >>> refuse_binary(b"%PDF-1.7 ...")
    Traceback (most recent call last):
    cleaner.frontends.decode.NotText: not text or HTML (PDF document)
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise NotText(f"not text or HTML ({kind})")
    head = data[:_PEEK]
    wide = next((codec for bom, codec in _BOMS if head.startswith(bom) and codec != "utf-8"), None)
    text = head.decode(wide or _utf16_without_bom(head) or "latin-1", errors="replace")
    controls = len(text) - len(text.translate(_CONTROLS))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise NotText(f"not text or HTML ({controls / len(text):.0%} control characters)")


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


# UTF-8 read once as cp1252 or latin-1 and written out again as UTF-8 ("canâ€™t" for "can’t"):
# the lead byte of a multi-byte character, then its continuation bytes, each shown as the character
# cp1252 (or latin-1, for the bytes cp1252 leaves undefined) gives that byte. Of the two-byte
# characters only those of Latin-1 (lead "Â" or "Ã") are repaired: other leads are letters that
# real text puts before a quote or a dash ("groß“").
_CONTINUATION = "[\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
_MOJIBAKE = re.compile(
    f"[\u00c2\u00c3]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)
_MOJIBAKE_MARKS = ("â€", "â\x80", "Ã", "Â")


def repair_mojibake(html: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 or latin-1 and saved again, character by character.

    Content systems that copy text between databases garble it this way, and the page then
    declares UTF-8 truthfully: the bytes are valid, the characters are wrong. Each run that spells
    one UTF-8 character's bytes is put back; a run whose bytes are no UTF-8 character is left.

    Only pages holding one of the commonest garbled pairs are searched (a fast test): left and
    right quotes, dashes, accented capitals and lower-case letters, the no-break space.

    >>> repair_mojibake("canâ€™t stop â\x80\x94 cafÃ© Â½")
    'can’t stop — café ½'
    """
    if not any(mark in html for mark in _MOJIBAKE_MARKS):
        return html
    return _MOJIBAKE.sub(_unmangle, html)


def _unmangle(match: re.Match[str]) -> str:
    garbled = match.group()
    raw = bytes(ord(char) if ord(char) < 256 else char.encode("cp1252")[0] for char in garbled)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return garbled
