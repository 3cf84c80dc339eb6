"""Bad and hostile input: every document gets a result or an error naming it and the reason.

JSONL with broken lines, missing fields and non-string values, truncated gzip
and WARC, symlink loops at the reader, the time limit in the command line, and
atomic, concurrent, interrupted and resumed folder runs are tested with the
readers and the command line (test_streams, test_io, test_cli_*).
"""

from __future__ import annotations

import io
import os
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.article import Block
from cleaner.batch import Job, Options, run
from cleaner.cli import main
from cleaner.config import Config
from cleaner.engine import Cleaner
from cleaner.frontends.decode import NotText
from cleaner.frontends.rendered import join_rendered_lines
from cleaner.inputs import find_inputs
from cleaner.parallel import Failure, Pool

SENTENCE = "Heavy rain closed every school in the district on Monday, officials said."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 99 >>\nstream\n" + zlib.compress(SENTENCE.encode() * 50)
RANDOM = bytes((i * 7919 + 13) * 104729 % 251 for i in range(20_000))


def _zip() -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("story.txt", SENTENCE)
    return packed.getvalue()


def _page(charset: str, text: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>t</title></head><body><p>{text}</p></body></html>'
    )


@pytest.mark.parametrize(
    ("data", "kind"),
    [(PNG, "PNG image"), (PDF, "PDF document"), (_zip(), "zip archive"), (RANDOM, "control characters")],
    ids=["png", "pdf", "zip", "random"],
)
def test_binary_files_are_not_text_or_html(data: bytes, kind: str) -> None:
    with pytest.raises(NotText, match=rf"^not text or HTML \(.*{kind}\)$"):
        clean(data)


@pytest.mark.parametrize(
    "data", [b"", b"   ", b" \n\t\r\n  \n", "\ufeff".encode()], ids=["empty", "spaces", "blank", "bom"]
)
def test_empty_and_whitespace_only_documents_give_an_empty_article(data: bytes) -> None:
    article = clean(data)
    assert (article.body, article.word_count) == ("", 0)


FRENCH = "Les écoles resteront fermées à Nîmes jusqu’à lundi, a annoncé la préfecture « par prudence »."
JAPANESE = "大雨のため、静岡県内の全ての学校が月曜日に休校となりました。"
CHINESE = "暴雨导致全区所有学校周一停课，官员表示河水仍在上涨。"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SENTENCE.encode("utf-8"), SENTENCE),
        (FRENCH.encode("utf-8-sig"), FRENCH),
        (FRENCH.encode("utf-16"), FRENCH),
        (_page("windows-1252", FRENCH).encode("cp1252"), FRENCH),
        (_page("iso-8859-1", FRENCH.replace("’", "'").replace("« ", "").replace(" »", "")).encode("latin-1"), "Nîmes"),
        (_page("Shift_JIS", JAPANESE).encode("shift_jis"), JAPANESE),
        (_page("GB18030", CHINESE).encode("gb18030"), CHINESE),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252", "latin-1", "shift-jis", "gb18030"],
)
def test_encodings_reach_the_body_intact(data: bytes, expected: str) -> None:
    assert expected in clean(data).body


def test_mixed_newlines_split_lines_alike() -> None:
    article = clean(b"First line of the story here.\r\nSecond line of the story.\rThird line.\n", kind="text")
    assert article.paragraphs == ["First line of the story here.", "Second line of the story.", "Third line."]


def test_stray_nul_bytes_are_text_and_a_flood_of_them_is_not() -> None:
    stray = (SENTENCE + "\x00\n").encode() * 20
    assert SENTENCE in clean(stray).body
    with pytest.raises(NotText):
        clean(b"\x00" * 4096 + SENTENCE.encode())


@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
def test_nul_characters_never_reach_the_body(as_bytes: bool) -> None:
    line = SENTENCE[:19] + "\x00" + SENTENCE[19:]  # one NUL in 74 characters: under the binary check's 5%
    text = "\n".join([line] * 20)
    assert "\x00" not in clean(text.encode() if as_bytes else text).body
    boundary = ("\x00" + "x" * 19) * 200  # exactly 5% NUL
    assert clean(boundary.encode(), kind="text").body == "x" * 3800


def test_one_five_megabyte_line_is_cleaned() -> None:
    line = " ".join([SENTENCE] * (5 * 1024 * 1024 // (len(SENTENCE) + 1)))
    assert clean(line.encode()).word_count == len(line.split())


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div><p>Unclosed <b>bold <i>and italic<p>" + SENTENCE + "<table><tr><td>cell",
        "<html><<<>>><p <a href=><div></p></span><!-- never closed <script>if (a < b) {",
        "<!DOCTYPE html><html><head><title>" + "<" * 10_000 + "</title></head><body><p>" + SENTENCE,
        '<html><body><p class="a" class="b" style="display:none">' + "&#xFFFFFFFF;&bogus;&#0;" + SENTENCE,
    ],
    ids=["unclosed", "garbage", "lone-brackets", "bad-entities"],
)
def test_broken_markup_gives_a_result(html: str) -> None:
    assert isinstance(clean(html, kind="html").body, str)


@pytest.mark.parametrize(
    "nesting",
    [("<div>", "</div>"), ("<div></span>", ""), ("<span></div>", ""), ("<ul><li>", ""), ("<table><td>", "")],
    ids=["nested", "stray-closers", "stray-div-closers", "lists", "tables"],
)
def test_html_nested_a_hundred_thousand_deep_keeps_its_text_in_bounded_time(nesting: tuple[str, str]) -> None:
    opening, closing = nesting
    started = time.perf_counter()
    article = clean("<html><body>" + opening * 100_000 + SENTENCE + closing * 100_000, kind="html")
    assert time.perf_counter() - started < 2  # '<div></span>' * 100,000 took 28 s to parse
    assert article.body == SENTENCE


def test_a_title_of_a_hundred_thousand_bars_is_cut_in_bounded_time() -> None:
    title = "Floods hit the lower town" + " | Daily Ledger" * 100_000
    started = time.perf_counter()
    article = clean(f"<html><head><title>{title}</title></head><body><p>{SENTENCE}</p></body></html>", kind="html")
    assert time.perf_counter() - started < 2  # each bar cut in turn over the whole title took minutes
    assert article.body == SENTENCE


def test_forty_thousand_paragraphs_are_matched_to_their_rendered_lines_in_bounded_time() -> None:
    """Each block is looked for where the last one ends, not over the whole page for each two."""
    blocks = [Block(f"para {n % 7}", gap_before=True, tag="p") for n in range(40_000)]
    rendered = "\n".join(block.text for block in blocks)
    started = time.perf_counter()
    joined = join_rendered_lines(blocks, rendered)
    assert time.perf_counter() - started < 2  # a search of the whole page for each two took minutes
    assert len(joined) == 40_000


def _run_folder(*args: str):
    return CliRunner().invoke(main, ["clean", *args], catch_exceptions=False)


def test_a_folder_of_hostile_files_reports_each_and_cleans_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\n\t \n",
        "good.txt": SENTENCE.encode(),
        "image.html": PNG,
        "paper.txt": PDF,
        "noise.txt": RANDOM,
        "deep.html": b"<html><body>" + b"<div>" * 100_000 + SENTENCE.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "huge.txt").write_bytes(b"")
    os.truncate(folder / "huge.txt", 100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    errors = tmp_path / "errors.tsv"
    result = _run_folder(str(folder), "-o", str(tmp_path / "out"), "-j", "2", "--errors", str(errors))
    assert result.exit_code == 1
    reasons = dict(line.split("\t") for line in errors.read_text().splitlines())
    assert {Path(name).name: reason for name, reason in reasons.items()} == {
        "huge.txt": f"larger than max_bytes ({50 * 1024 * 1024} bytes)",
        "image.html": "not text or HTML (PNG image)",
        "loop.txt": "cannot read: Too many levels of symbolic links",
        "noise.txt": reasons[str(folder / "noise.txt")],
        "paper.txt": "not text or HTML (PDF document)",
    }
    assert reasons[str(folder / "noise.txt")].startswith("not text or HTML (")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["blank.txt", "deep.txt", "empty.txt", "good.txt"]
    assert (tmp_path / "out" / "good.txt").read_text() == SENTENCE + "\n"
    assert (tmp_path / "out" / "deep.txt").read_text() == SENTENCE + "\n"


def test_max_bytes_refuses_a_hundred_megabyte_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.write(SENTENCE.encode())
        out.truncate(100 * 1024 * 1024)
    result = _run_folder(str(huge), "--max-bytes", "1000000")
    assert result.exit_code == 1
    assert f"{huge}: larger than max_bytes (1000000 bytes)" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode, so chmod 000 hides nothing")
def test_an_unreadable_file_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "locked.txt").write_text(SENTENCE)
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "open.txt").write_text(SENTENCE)
    result = _run_folder(str(tmp_path), "-o", str(tmp_path / "out"))
    assert f"{tmp_path / 'locked.txt'}: cannot read: Permission denied" in result.stderr
    assert (tmp_path / "out" / "open.txt").exists()


def test_a_file_that_vanishes_during_the_run_fails_alone(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(SENTENCE)
    inputs = find_inputs([str(tmp_path)])
    sources = inputs.sources
    (tmp_path / "b.txt").unlink()  # listed, then gone before it is read
    with Pool(Job(Cleaner()), jobs=2, timeout=30) as pool:
        outcomes = list(run(sources, Options(output=tmp_path / "out"), pool, io.BytesIO(), io.BytesIO()))
    assert [(Path(o.name).name, o.status, o.reason) for o in outcomes] == [
        ("a.txt", "cleaned", None),
        ("b.txt", "failed", "cannot read: No such file or directory"),
        ("c.txt", "cleaned", None),
    ]


def test_clean_many_abandons_a_runaway_document_and_goes_on(runaway: str) -> None:
    results = list(Cleaner(Config(timeout=3.0)).clean_many([SENTENCE, runaway, SENTENCE, b"\x89PNG\r\n\x1a\n"], jobs=2))
    assert [r.body for r in (results[0], results[2])] == [SENTENCE, SENTENCE]
    assert results[1] == Failure("abandoned after the time limit of 3 s", "timeout")
    assert results[3] == Failure("not text or HTML (PNG image)", "NotText")


def test_a_page_whose_own_url_does_not_parse_is_still_cleaned() -> None:
    # Found by fuzz/fuzz_clean.py: urlsplit raises on "http://[", and every use of the page's URL failed.
    page = f'<html><head><link rel="canonical" href="http://[broken/x"></head><body><p>{SENTENCE}</p></body></html>'
    article = clean(page)
    assert (article.url, article.body) == (None, SENTENCE)


def test_a_given_url_that_does_not_parse_is_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"URL cannot be split into its parts: 'http://\[broken'"):
        clean(SENTENCE, url="http://[broken")
    stream = tmp_path / "in.jsonl"
    stream.write_text(f'{{"text": "{SENTENCE}", "url": "http://[broken"}}\n{{"text": "{SENTENCE}"}}\n')
    result = CliRunner().invoke(main, ["clean", str(stream), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1 and "URL cannot be split" in result.output
    assert SENTENCE in (tmp_path / "out.jsonl").read_text()


def test_a_line_of_marks_ending_in_a_colon_under_a_related_header_is_cleaned() -> None:
    """A list's item is asked whether it invites to a list; a line with no word at all has none."""
    text = (
        "The council met on Tuesday to pass the budget after a long debate over trams.\n"
        "Related articles\n— :\n"
        "The budget passed after midnight with a narrow majority of votes."
    )
    assert (
        clean(text, kind="text").paragraphs[-1] == "The budget passed after midnight with a narrow majority of votes."
    )
