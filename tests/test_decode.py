"""Bytes -> text: BOMs, declared charsets, detection, and never mojibake on UTF-8."""

from __future__ import annotations

import codecs

import pytest

from cleaner import clean
from cleaner.frontends.decode import codec_for, declared_encoding, decode, looks_like_html, repaired_lines

FRENCH = "Les salles fraîches « climatisées » ouvrent à Nîmes – l’été s’annonce brûlant."
JAPANESE = "大雨で新幹線が一時運転見合わせ。静岡県内で雨量が二百ミリを超え、約三時間にわたり運転を見合わせた。"
CHINESE = "暴雨导致多条高铁线路停运，铁路部门提醒旅客及时改签或退票，并关注最新的列车运行信息。"


def page(charset_tag: str, text: str) -> str:
    return f"<!DOCTYPE html><html><head>{charset_tag}<title>t</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("codec", "tag", "text"),
    [
        ("cp1252", '<meta charset="windows-1252">', FRENCH),
        ("cp1252", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', FRENCH),
        ("latin-1", "<meta charset='iso-8859-1'>", "Zürich, café, façade"),
        ("shift_jis", '<meta charset="Shift_JIS">', JAPANESE),
        ("gb18030", '<meta http-equiv="content-type" content="text/html;charset=gb2312">', CHINESE),
        ("gb18030", '<meta charset="GB18030">', CHINESE),
    ],
)
def test_declared_charset_is_used(codec: str, tag: str, text: str) -> None:
    html = page(tag, text)
    assert decode(html.encode(codec)) == html


def test_latin1_name_means_cp1252_like_a_browser() -> None:
    # 0x93/0x94 are control characters in ISO-8859-1 but quotes in cp1252, which pages mean.
    data = page("<meta charset=iso-8859-1>", "\x93quoted\x94").encode("latin-1")
    assert "“quoted”" in decode(data)


def test_xml_declaration() -> None:
    xhtml = f'<?xml version="1.0" encoding="ISO-8859-15"?><html><body><p>{FRENCH[:20]} €</p></body></html>'
    assert decode(xhtml.encode("iso-8859-15")) == xhtml


def test_utf8_wins_over_a_wrong_declaration() -> None:
    html = page('<meta charset="iso-8859-1">', FRENCH)
    assert decode(html.encode("utf-8")) == html


@pytest.mark.parametrize("bom_codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_mark(bom_codec: str) -> None:
    html = page('<meta charset="iso-8859-1">', JAPANESE)
    data = html.encode(bom_codec)
    if bom_codec in ("utf-16-le", "utf-16-be"):
        data = (codecs.BOM_UTF16_LE if bom_codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    assert decode(data) == html


def test_utf16_without_bom() -> None:
    html = page("", FRENCH)
    assert decode(html.encode("utf-16-le")) == html


def test_undeclared_legacy_encoding_is_detected() -> None:
    html = page("", " ".join([JAPANESE] * 4))
    assert decode(html.encode("shift_jis")) == html


@pytest.mark.parametrize(
    "text",
    ["Café naïve", "Zürich Straße", "Le garçon et l'élève à Noël", "São Paulo, ação", "Ærø Ødegård", "Ça coûte 5 €"],
)
def test_a_few_undeclared_western_words_are_cp1252(text: str) -> None:
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1251", "Сильные дожди привели к закрытию всех школ района в понедельник, сообщили чиновники."),
        ("cp1250", "Ulewne deszcze zamknęły wszystkie szkoły w powiecie w poniedziałek, poinformowali urzędnicy."),
        ("cp1250", "Silné deště v pondělí uzavřely všechny školy v okrese, uvedli úředníci. Řeky stále stoupají."),
        ("shift_jis", JAPANESE),
        ("gb18030", CHINESE),
    ],
    ids=["cp1251-russian", "cp1250-polish", "cp1250-czech", "shift-jis", "gb18030"],
)
def test_undeclared_text_in_other_charsets_is_still_detected(codec: str, text: str) -> None:
    assert decode(text.encode(codec)) == text


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("windows-874", "cp874"),
        ("x-sjis", "cp932"),
        ("iso-8859-8-i", "iso8859-8"),
        ("unicode-1-1-utf-8", "utf-8"),
        ("x-mac-cyrillic", "mac-cyrillic"),
        (" Latin1 ", "cp1252"),
        ("us-ascii", "cp1252"),
        ("gbk", "gb18030"),
        ("euc-kr", "cp949"),
        ("big5", "big5hkscs"),
        ("iso-2022-kr", None),
        ("x-no-such-charset", None),
    ],
)
def test_charset_labels_are_read_as_browsers_read_them(label: str, codec: str | None) -> None:
    assert codec_for(label) == codec


def test_a_charset_declared_outside_the_page_outranks_its_meta_tag() -> None:
    html = page('<meta charset="iso-8859-1">', "Сильные дожди")
    assert decode(html.encode("cp1251"), encoding="windows-1251") == html
    assert decode(html.encode("utf-8"), encoding="windows-1251") == html  # valid UTF-8 still wins


def test_broken_utf8_with_declaration_keeps_the_rest() -> None:
    data = page('<meta charset="utf-8">', FRENCH).encode("utf-8").replace("Nîmes".encode(), b"N\xffmes")
    text = decode(data)
    assert "N\ufffdmes" in text and "fraîches « climatisées »" in text


def test_declared_encoding_names() -> None:
    assert declared_encoding(b'<meta charset="utf-8">') == "utf-8"
    assert declared_encoding(b'<meta charset="Shift_JIS">') == "cp932"
    assert declared_encoding(b'<meta charset="x-no-such-charset">') is None
    assert declared_encoding(b"<p>no declaration</p>") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!doctype html><html><body><p>x</p></body></html>", True),
        ("  \n<html lang='en'><p>x</p></html>", True),
        ('<?xml version="1.0"?>\n<!DOCTYPE html><html></html>', True),
        ("<div><p>Fragment of a page</p><p>with <a href='/x'>links</a></p></div>", True),
        ("Headline\n\nUse the <b> tag for bold text, says the style guide.", False),
        ("Plain article text, no markup at all.", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


@pytest.mark.parametrize("content", [b"\n", b"\r\n", b"a", b" \n"])
def test_a_document_of_a_byte_or_two_is_text(content: bytes) -> None:
    """A dump that is one newline is an empty page, not UTF-16 (no NUL) nor binary."""
    assert clean(content, kind="text").body == content.decode().strip()


def test_utf8_garbled_into_cp1252_is_repaired_in_a_text_dump_line_by_line() -> None:
    text = "Menu\nThe mayor said it wasnâ€™t over, and the cafÃ© stayed shut.\nAdvertisement\nCrews left â€” for now."
    article = clean(text, kind="text")
    assert article.paragraphs == ["The mayor said it wasn’t over, and the café stayed shut.", "Crews left — for now."]
    assert [(r.line, r.text) for r in article.removals if r.code == "AD001"] == [(3, "Advertisement")]


def test_utf8_garbled_into_latin1_is_repaired_in_every_script_on_its_own_lines() -> None:
    """Read as latin-1, a character's second byte may show as a C1 control, which no text means:
    then that line's Polish, Greek and Russian letters are put back too, whose leads cp1252's
    garbling leaves alone; a Western capital before a guillemet or a no-break space on another line
    stays, as do the Latin-1 letters' leads on the garbled line itself."""
    line = "Podcasts by Dariusz Jaroń in Ελληνικά and Русский for every listener."
    correct = ["«VIVA ESPAÑA»", "Der Preis ist groß«, sagte er.", "LE CAFÉ\xa0: ouvert"]
    assert repaired_lines("\n".join([line.encode().decode("latin-1"), *correct])) == [line, *correct]
    assert repaired_lines("JaroÅ\x84 und Spaß«") == ["Jaroń und Spaß«"]


def test_a_line_built_to_be_repaired_a_character_at_a_time_is_left_as_written() -> None:
    """Each repair of "Ã" and a run of "\x83" gives "Ã" again: no text is garbled that often, and
    putting it back a character at a time would take the square of its length."""
    built = "Ð\x9f aÃ" + "\x83" * 20_000 + "\x82\xa9"
    assert repaired_lines(built) == [built]
    assert repaired_lines("The cafÃƒÂ©") == ["The café"]


@pytest.mark.parametrize("garbled", ["Â\u2026", "â€¨"])
def test_a_repair_never_makes_a_line_break(garbled: str) -> None:
    """Garbled NEL ("Â…") and line separator ("â€¨") are left as they are: the line stays one line."""
    line = f"The council approved the budget {garbled} after a long debate."
    assert repaired_lines(line) == [line]
    assert clean(line, kind="text").body == line


def test_text_garbled_twice_is_repaired_whole_and_correct_text_is_left_alone() -> None:
    """Repaired until nothing changes, so cleaning the body again changes nothing; Portuguese and
    French capitals before a quote or a no-break space are no garbled text."""
    assert repaired_lines("The cafÃƒÂ© opened.\nItâ€™s here.") == ["The café opened.", "It’s here."]
    for correct in ("“ATÉ AMANHÃ” disse ela.", "AMANHÃ… e depois", "«A MINHA IRMÃ»", "IRMÃ\xa0MAIS VELHA"):
        assert repaired_lines(correct) == [correct]
