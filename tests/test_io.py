"""Finding inputs, reading them, naming outputs and writing atomically."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path, PurePath

import pytest

from cleaner.inputs import find_inputs
from cleaner.io import DocumentError, Source, kind_of, output_name, read_bytes, sniff_stream
from cleaner.storage import atomic_writer, write_atomic


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", (None, None)),
        ("a.md.gz", (None, ".gz")),
        ("a.XHTML", (None, None)),
        ("a.shtml", (None, None)),
        ("index.php", (None, None)),
        ("default.ASPX", (None, None)),
        ("page.jsp.gz", (None, ".gz")),
        ("g.html?id=3", (None, None)),
        ("search?q=x.y", (None, None)),
        ("crawl.warc.gz", ("warc", ".gz")),
        ("x.jsonl", ("jsonl", None)),
        ("x.jsonl.zst", ("jsonl", ".zst")),
        ("page.TXT.ZST", (None, ".zst")),
        ("archive.zst", None),
        ("report.2024.htm", (None, None)),
        ("README", (None, None)),
        ("notes.pdf", None),
        ("style.css", None),
        ("app.js", None),
        ("archive.gz", None),
        ("photo.JPG", None),
    ],
)
def test_kind_of(name: str, expected: tuple[str | None, str | None] | None) -> None:
    assert kind_of(PurePath(name)) == expected


def test_folders_are_walked_files_first_then_subfolders_keeping_known_kinds(tree: Path) -> None:
    inputs = find_inputs([str(tree)])
    sources = inputs.sources
    missing = inputs.missing
    assert missing == []
    assert [str(s.relative) for s in sources] == [
        "a.txt",
        "news/b.md",
        "news/broken.txt.gz",
        "news/2024/c.html",
        "news/2024/d.txt.gz",
    ]


def test_output_folder_inside_the_input_is_not_read(tree: Path) -> None:
    (tree / "out" / "news").mkdir(parents=True)
    (tree / "out" / "a.txt").write_text("an earlier output")
    inputs = find_inputs([str(tree)], exclude=tree / "out")
    sources = inputs.sources
    assert not any(s.relative.parts[0] == "out" for s in sources)
    inputs = find_inputs([str(tree)])
    sources = inputs.sources
    assert any(s.relative.parts[0] == "out" for s in sources)


def test_globs_are_relative_to_their_fixed_prefix(tree: Path) -> None:
    inputs = find_inputs([f"{tree}/**/*.txt*"])
    sources = inputs.sources
    missing = inputs.missing
    assert missing == []
    assert [str(s.relative) for s in sources] == ["a.txt", "news/2024/d.txt.gz", "news/broken.txt.gz"]


def test_explicit_file_of_unknown_kind_is_read_and_its_kind_left_to_the_engine(tree: Path) -> None:
    (tree / "README").write_text("plain words")
    [source] = find_inputs([str(tree / "README")]).sources
    assert (source.kind, str(source.relative)) == (None, "README")


def test_missing_paths_and_empty_globs_are_reported(tmp_path: Path) -> None:
    inputs = find_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.html"), "-"])
    sources = inputs.sources
    missing = inputs.missing
    assert [s.path for s in sources] == [None]
    assert [reason for _, reason in missing] == ["no such file or folder", "no file matches this pattern"]


@pytest.mark.parametrize(
    ("relative", "kind", "compression", "fmt", "expected"),
    [
        ("a/page.html.gz", "html", ".gz", "json", "a/page.json"),
        ("a/page.txt.zst", "text", ".zst", "md", "a/page.md"),
        ("a/page.txt", "text", None, "md", "a/page.md"),
        ("report.2024.txt", "text", None, "txt", "report.2024.txt"),
        ("README", None, None, "json", "README.json"),
        ("in.jsonl.gz", "jsonl", ".gz", "txt", "in.jsonl.gz"),
        ("in.jsonl.zst", "jsonl", ".zst", "txt", "in.jsonl.zst"),
        ("crawl.warc", "warc", None, "json", "crawl.jsonl"),
    ],
)
def test_output_names(relative: str, kind: str | None, compression: str | None, fmt: str, expected: str) -> None:
    assert str(output_name(Source(Path("x"), PurePath(relative), kind, compression), f".{fmt}")) == expected


def test_read_bytes_gunzips_and_enforces_the_limit(tmp_path: Path) -> None:
    packed = tmp_path / "a.txt.gz"
    packed.write_bytes(gzip.compress(b"x" * 100))
    assert read_bytes(packed, ".gz", 100) == b"x" * 100
    with pytest.raises(DocumentError, match="larger than max_bytes"):
        read_bytes(packed, ".gz", 99)


@pytest.mark.parametrize(
    ("content", "compression", "reason"),
    [(b"not gzip", ".gz", "cannot read: Not a gzipped file"), (None, None, "No such file or directory")],
)
def test_unreadable_inputs_give_a_reason(
    tmp_path: Path, content: bytes | None, compression: str | None, reason: str
) -> None:
    path = tmp_path / "x.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DocumentError, match=reason):
        read_bytes(path, compression, 1000)


def test_truncated_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.txt.gz"
    path.write_bytes(gzip.compress(b"some words " * 1000)[:-20])
    with pytest.raises(DocumentError, match="cannot read"):
        read_bytes(path, ".gz", 1 << 20)


def test_atomic_write_replaces_the_target_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "out.txt"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["out.txt"]
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError])
def test_interrupted_atomic_write_keeps_the_old_file(tmp_path: Path, error: type[BaseException]) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"complete")
    with pytest.raises(error), atomic_writer(target) as out:
        out.write(b"half of a new")
        raise error()
    assert target.read_bytes() == b"complete"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_gzip_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    outputs = []
    for name in ("one.jsonl.gz", "two.jsonl.gz"):
        with atomic_writer(tmp_path / name) as out:
            out.write(b'{"text": "x"}\n')
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert gzip.decompress(outputs[0]) == b'{"text": "x"}\n'


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'  {"text": "a"}\n', "jsonl"),
        (gzip.compress(b'{"text": "a"}\n', mtime=0), "jsonl"),
        (b"WARC/1.1\r\n", "warc"),
        (b"<html><p>x</p>", None),
        (b"Plain words", None),
        (b'{ "text": "a"}\n{}\n', "jsonl"),
        (b"{}\n", "jsonl"),
        (b"{{Infobox person\n| name = Ada\n}}\nAda was born", None),
        (b"{ x: 1 } is an object in the story's code", None),
    ],
)
def test_sniff_stream(head: bytes, kind: str | None) -> None:
    assert sniff_stream(io.BufferedReader(io.BytesIO(head))) == kind


def test_a_symlink_loop_is_listed_and_fails_as_a_read_error(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    [source] = find_inputs([str(tmp_path)]).sources
    with pytest.raises(DocumentError, match="cannot read: Too many levels of symbolic links"):
        read_bytes(source.path, source.compression, 100)
