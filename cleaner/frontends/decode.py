"""Bytes -> text, and telling an HTML page from plain text.

The order of evidence is: a byte order mark, then valid UTF-8 (a page that
decodes as UTF-8 is UTF-8 whatever its meta tag claims: mis-declared latin-1
is common, accidental valid UTF-8 in another charset is not), then the
charset declared outside the document (a WARC response's HTTP Content-Type),
then the charset the document declares, then statistical detection. Charset
labels are read with the WHATWG Encoding Standard's table, as browsers read
them, and decoded with the codec browsers use for each (latin-1 and ascii
mean windows-1252, gb2312 and gbk mean gb18030, shift_jis means cp932).
NUL characters are removed from every text: scrapers and databases leave
them as padding, no writing uses them, and they break the tools downstream.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import webencodings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PEEK = 4096
# Half a character: a lone surrogate, which a str may hold and UTF-8 cannot.
HALF_CHARACTER = re.compile("[\ud800-\udfff]")
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
# A tag's attributes are read up to the next "<" as well as ">": a "<meta" with no ">" after it is not
# rescanned to the end of the page from every later "<meta".
_DECLARED = re.compile(
    rb"""<meta[^<>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^<>]+encoding\s*=\s*["']([\w.:-]+)""", re.I
)
# The codec each WHATWG encoding decodes with where webencodings names a narrower one: the
# standard's GBK decoder is its gb18030 decoder; older webencodings releases name the subsets.
_WHATWG_DECODERS = {
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
}
_HTML_START = re.compile(r"(?<!\s)\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^<>]*>\s*<(?:!doctype|html))", re.I)
_HTML_TAGS = re.compile(r"</?(?:html|head|body|meta|title|div|p|br|article|section|span|a\s+href)\b[^<>]*>", re.I)


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode a document's bytes without mojibake; `encoding` is a charset declared outside them
    (an HTTP header), which outranks the document's own declaration.

    >>> decode("Zürich".encode())
    'Zürich'
    >>> decode('<meta charset="windows-1252"><p>caf\\xe9 \\x93quoted\\x94'.encode("latin-1"))[-13:]
    'café “quoted”'
    >>> decode('<meta charset="utf-8"><p>caf\\xe9'.encode("latin-1"), encoding="latin1")[-4:]
    'café'

    Raises `NotText` for binary content (see `refuse_binary`).
    """
    refuse_binary(data)
    return without_nul(_decoded(data, encoding))


def without_nul(text: str) -> str:
    """The text without NUL characters (padding that no writing uses)."""
    return text.replace("\x00", "")


def as_read(text: str) -> str:
    """A str as the cleaner reads it: without NULs (`without_nul`) or the byte order mark a file
    read as text keeps in front (bytes lose it when decoded), and half a character (a lone
    surrogate, as a JSON escape of a cut emoji gives) as U+FFFD, which is how it is written out
    and all that every library downstream (the language detector) can take.

    >>> as_read("\\ufeffhalf \\ud83d emoji\\x00")
    'half \ufffd emoji'
    """
    return HALF_CHARACTER.sub("\ufffd", without_nul(text.removeprefix("\ufeff")))


def _decoded(data: bytes, encoding: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    if utf16 := _utf16_without_bom(data):
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for declared in (codec_for(encoding), declared_encoding(data)):
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
_CONTROL_POINTS = (*range(9), *range(14, 32), 127)
_CONTROLS = dict.fromkeys([*_CONTROL_POINTS, 0xFFFD])
_CONTROL_BYTES = bytes(_CONTROL_POINTS)
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
    size, controls = _control_count(head, wide or _utf16_without_bom(head))
    if size and controls / size > _MAX_CONTROL_SHARE:
        raise NotText(f"not text or HTML ({controls / size:.0%} control characters)")


def _control_count(head: bytes, codec: str | None) -> tuple[int, int]:
    """The characters of the head, read in `codec` (Latin-1 when None), and the controls among them.

    In Latin-1 a byte is a character and none is undecodable, so the bytes are counted: a text
    outside ASCII is translated a character at a time through a dict.
    """
    if codec is None:
        return len(head), len(head) - len(head.translate(None, _CONTROL_BYTES))
    text = head.decode(codec, errors="replace")
    return len(text), len(text) - len(text.translate(_CONTROLS))


def declared_encoding(data: bytes) -> str | None:
    """The charset a page names for itself, as a Python codec name, or None.

    >>> declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    'cp1252'
    """
    match = _DECLARED.search(data[:_PEEK])
    return codec_for((match.group(1) or match.group(2)).decode("ascii")) if match else None


def codec_for(label: str | None) -> str | None:
    """The Python codec a browser decodes a charset label with (WHATWG Encoding Standard), or None
    for a label it does not know or an encoding it refuses to decode (ISO-2022-KR, HZ).

    >>> [codec_for(label) for label in ("ISO-8859-1", "x-sjis", "gb2312", "unicode-1-1-utf-8", "x-no-such")]
    ['cp1252', 'cp932', 'gb18030', 'utf-8', None]
    """
    found = webencodings.lookup(label) if label else None
    if found is None:
        return None
    # Bytes that name UTF-16 without a BOM are really ASCII-compatible (browsers read them as UTF-8).
    if found.name.startswith("utf-16"):
        return "utf-8"
    codec = _WHATWG_DECODERS.get(found.name, found.codec_info.name)
    try:
        return codecs.lookup(codec).name
    except LookupError:  # "replacement" and "x-user-defined": no Python codec
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly ASCII text has a NUL in every other byte (and is valid UTF-8 too)."""
    head = data[:_PEEK]
    if head.count(0) < max(len(head) // 3, 1):  # a byte or two without a NUL is no UTF-16
        return None
    return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"


def _detect(data: bytes) -> str | None:
    """The text as charset-normalizer reads it; cp1252 where the detector recognises no language in
    the text (a few words: coherence 0) and cp1252 reads it with no more mess than the detector's pick.

    On a few words every single-byte code page decodes without mess and the detector's pick among
    them is arbitrary ("Café naïve" came out as Baltic "Cafķ na’ve"); cp1252 is what browsers
    assume for undeclared pages in Western locales and the commonest legacy charset of the web.
    Text long enough to show its language (Russian in cp1251, Polish in cp1250) keeps the
    detector's pick, and so does text cp1252 reads as mess (Shift-JIS, GB18030).
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.coherence == 0 and best.encoding != "cp1252":
        western = from_bytes(data, cp_isolation=["cp1252"]).best()
        if western is not None and western.chaos <= best.chaos:
            return str(western)
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
# What only garbled text holds: a quote's or a dash's garbled lead ("â€"), or a garbled capital
# after a lower-case letter ("cafÃ©", "isÂ\xa0"). Text that holds none is left as it is: "Ã" and
# "Â" before a quote or a no-break space are Portuguese and French capitals ("AMANHÃ”").
_GARBLED = re.compile(f"â€|â\x80|[a-zß-ÿ][\u00c2\u00c3]{_CONTINUATION}")
# Read as latin-1 rather than cp1252, the continuation bytes 0x80-0x9F become C1 control characters,
# which no text means: the lead byte of a letter of Latin Extended-A, Greek, Cyrillic, Armenian,
# Hebrew or Arabic before one ("JaroÅ\x84" for "Jaroń", "Ñ\x81" for "с") shows its line garbled.
# Then that line's letters of those scripts are all put back ("Ð¿" for "п" too); the leads of the
# Latin-1 letters a Western text sets before a no-break space or a guillemet ("Spaß«", "CAFÉ\xa0")
# are left alone.
_SCRIPT_LEADS = "\u00c4\u00c5\u00ce-\u00db"
_LATIN1_GARBLED = re.compile(f"[{_SCRIPT_LEADS}][\u0080-\u009f]")
_SCRIPT_MOJIBAKE = re.compile(f"[{_SCRIPT_LEADS}][\u0080-\u00bf]|{_MOJIBAKE.pattern}")
# Text garbled up to this many times over is put back whole; a line still changing after that is no
# text garbled so often but one built to be ("Ã" and a long run of "\x83", put back a character at a
# time), and is left as written.
_MAX_GARBLINGS = 4
# Control characters and line or paragraph separators: what a repair never gives.
_NOT_REPAIRED = frozenset({"Cc", "Zl", "Zp"})


def repair_mojibake(html: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 or latin-1 and saved again, character by character.

    Content systems that copy text between databases garble it this way, and the page then
    declares UTF-8 truthfully: the bytes are valid, the characters are wrong. Each run that spells
    one UTF-8 character's bytes is put back; a run whose bytes are no UTF-8 character is left.

    Only a text that shows it was garbled is repaired (`_garbled`), and the letters of other
    scripts only on a line a C1 control shows read as latin-1 (`_LATIN1_GARBLED`); then every
    garbled run, until nothing changes (text garbled twice over).

    >>> repair_mojibake("canâ€™t stop â\x80\x94 cafÃ© Â½"), repair_mojibake("cafÃƒÂ©")
    ('can’t stop — café ½', 'café')
    >>> repair_mojibake("“ATÉ AMANHÃ” «A MINHA IRMÃ»")
    '“ATÉ AMANHÃ” «A MINHA IRMÃ»'
    >>> repair_mojibake("Dariusz JaroÅ\x84 · Ð\xa0Ñ\x83Ñ\x81Ñ\x81ÐºÐ¸Ð¹\\n«VIVA ESPAÑA»")
    'Dariusz Jaroń · Русский\\n«VIVA ESPAÑA»'
    """
    garbled = _garbled(html)
    if not garbled and not _LATIN1_GARBLED.search(html):
        return html
    return "".join(_repaired(line, garbled) for line in html.splitlines(keepends=True))


def repaired_lines(text: str) -> list[str]:
    """A text's lines, each with its garbled characters put back where the text shows it was
    garbled (`repair_mojibake`).

    Line by line, and no repair yields a line break, so the lines are the text's own, in number
    and order: a removal's line number points at the line the user sees in the input.

    >>> repaired_lines("Itâ€™s here\\nline two")
    ['It’s here', 'line two']
    """
    lines = text.splitlines()
    garbled = _garbled(text)
    if not garbled and not _LATIN1_GARBLED.search(text):
        return lines
    return [_repaired(line, garbled) for line in lines]


def _garbled(text: str) -> bool:
    """Whether the text shows it was garbled: a fast test for the commonest garbled pairs, then
    for what only garbled text holds (`_GARBLED`)."""
    return any(mark in text for mark in _MOJIBAKE_MARKS) and _GARBLED.search(text) is not None


def _repaired(line: str, garbled: bool) -> str:
    """The line with every garbled character put back, until nothing changes (text garbled twice
    over): those of other scripts too where a C1 control shows it read as latin-1, else those of
    Latin-1 and the longer characters where the text shows it was `garbled`. A line still changing
    after `_MAX_GARBLINGS` repairs is left as it is, so cleaning it again changes nothing."""
    pattern = _SCRIPT_MOJIBAKE if _LATIN1_GARBLED.search(line) else _MOJIBAKE if garbled else None
    if pattern is None:
        return line
    text = line
    for _ in range(_MAX_GARBLINGS):
        repaired = pattern.sub(_unmangle, text)
        if repaired == text:
            return text
        text = repaired
    return line


def _unmangle(match: re.Match[str]) -> str:
    """One garbled character put back; not a control character or a line separator ("Â\x85"
    spells NEL), which no text means and which would break its line."""
    garbled = match.group()
    raw = bytes(ord(char) if ord(char) < 256 else char.encode("cp1252")[0] for char in garbled)
    try:
        character = raw.decode("utf-8")
    except UnicodeDecodeError:
        return garbled
    return garbled if unicodedata.category(character) in _NOT_REPAIRED else character
