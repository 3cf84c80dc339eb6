"""What a folder run reads: text and web pages by extension, their kind by content, filters, -v."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner, Result

from cleaner.cli import main


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["clean", *args], catch_exceptions=False)


def test_a_page_saved_as_txt_is_read_as_html(tmp_path: Path, page: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.TXT").write_text(page.replace("<body>", "<body><script>var tracking = 1;</script>"))
    out = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q")
    assert out.exit_code == 0
    text = (tmp_path / "out" / "x.txt").read_text()
    assert text.startswith("Heavy rain closed every school") and "<" not in text and "tracking" not in text


def test_web_page_extensions_and_saved_urls_are_read_and_other_files_listed_by_v(tmp_path: Path, page: str) -> None:
    folder = tmp_path / "mirror"
    (folder / ".git").mkdir(parents=True)
    names = ["a.shtml", "b.php", "c.asp", "d.aspx", "e.jsp", "noext", "g.html?id=3"]
    for name in names:
        (folder / name).write_text(page)
    for name in ("logo.png", "site.css", "app.js", "bundle.zip", ".hidden.html", ".git/HEAD"):
        (folder / name).write_bytes(b"\x89PNG\r\n" if name.endswith(".png") else b"x")
    result = run(str(folder), "-o", str(tmp_path / "out"), "-v")
    assert result.exit_code == 0, result.stderr
    assert f"documents: {len(names)} read, {len(names)} cleaned, 0 failed, 0 skipped" in result.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "g.html?id=3.txt", "noext.txt"]
    assert f"{folder / 'logo.png'}: not read (not a text or web page (.png))" in result.stderr
    assert f"{folder / 'site.css'}: not read (not a text or web page (.css))" in result.stderr
    assert f"{folder / '.git'}: not read (hidden)" in result.stderr
    assert f"{folder / '.hidden.html'}: not read (hidden)" in result.stderr
    quiet = run(str(folder), "-o", str(tmp_path / "out2"))
    assert "6 other files and folders not read (-v lists them)" in quiet.stderr and "logo.png" not in quiet.stderr


def test_kind_forces_the_front_end(tmp_path: Path, page: str) -> None:
    (tmp_path / "page.html").write_text(page)
    as_text = run(str(tmp_path / "page.html"), "--kind", "text", "-q").stdout
    assert "<p>" in as_text
    assert "<p>" not in run(str(tmp_path / "page.html"), "--kind", "auto", "-q").stdout


def test_include_and_exclude_globs(tmp_path: Path, article: str) -> None:
    folder = tmp_path / "in"
    (folder / "drafts").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "notes.log", "drafts/c.txt"):
        (folder / name).write_text(article)
    result = run(str(folder), "-o", str(tmp_path / "out"), "--exclude", "drafts", "--exclude", "b.*", "-v")
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.txt")) == ["a.txt"]
    assert f"{folder / 'drafts'}: not read (matches --exclude 'drafts')" in result.stderr
    result = run(str(folder), "-o", str(tmp_path / "logs"), "--include", "*.log", "-v")
    assert [p.name for p in (tmp_path / "logs").rglob("*.txt")] == ["notes.log.txt"]
    assert f"{folder / 'a.txt'}: not read (matches no --include pattern)" in result.stderr


def test_a_glob_over_the_inputs_tree_leaves_the_output_folder_in_it_alone(tmp_path: Path, article: str) -> None:
    """A rerun with --skip-existing skips what the first run wrote and reads none of it as input."""
    (tmp_path / "g" / "sub").mkdir(parents=True)
    (tmp_path / "g" / "a.txt").write_text(article)
    (tmp_path / "g" / "sub" / "b.txt").write_text(article)
    pattern, out = str(tmp_path / "g" / "**" / "*.txt"), str(tmp_path / "g" / "out")
    assert run(pattern, "-o", out).exit_code == 0
    again = run(pattern, "-o", out, "--skip-existing")
    assert again.exit_code == 0, again.stderr
    assert "documents: 2 read, 0 cleaned, 0 failed, 2 skipped" in again.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "g").rglob("*.txt")) == [
        "g/a.txt",
        "g/out/a.txt",
        "g/out/sub/b.txt",
        "g/sub/b.txt",
    ]


def test_a_glob_matching_a_folder_and_its_files_reads_each_file_once(tmp_path: Path, article: str) -> None:
    (tmp_path / "g" / "sub").mkdir(parents=True)
    (tmp_path / "g" / "a.txt").write_text(article)
    (tmp_path / "g" / "sub" / "b.txt").write_text(article)
    result = run(str(tmp_path / "g" / "**"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "documents: 2 read, 2 cleaned, 0 failed, 0 skipped" in result.stderr


def test_a_file_name_that_is_no_utf8_is_read_and_shown_escaped(tmp_path: Path, article: str) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(article)
    (folder / os.fsdecode(b"bad\xff.txt")).write_text(article)
    (folder / os.fsdecode(b"p\xfe.txt")).write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    result = run(str(folder), "--errors", str(tmp_path / "e.tsv"))
    assert result.exit_code == 1
    assert f"==> {folder}/bad\\xff.txt <==" in result.stdout
    assert (tmp_path / "e.tsv").read_text() == f"{folder}/p\\xfe.txt\tnot text or HTML (PNG image)\n"


def test_a_glob_whose_folder_is_the_output_folder_reads_its_files(tmp_path: Path, article: str) -> None:
    """Only an output folder below the glob's root is left out: `'in/*.txt' -o in` writes beside its inputs."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(article)
    result = run(str(tmp_path / "in" / "*.txt"), "-o", str(tmp_path / "in"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["a.json", "a.txt"]


def test_a_cut_gzip_on_stdin_is_one_failed_document_with_its_reports(tmp_path: Path, article: str) -> None:
    import gzip

    whole = gzip.compress(article.encode())
    errors, summary = tmp_path / "e.tsv", tmp_path / "s.json"
    result = CliRunner().invoke(
        main, ["clean", "-", "--errors", str(errors), "--summary-json", str(summary)], input=whole[: len(whole) // 2]
    )
    assert result.exit_code == 1 and "Aborted" not in result.output
    assert "-: cannot read: Compressed file ended" in result.stderr
    assert errors.read_text().startswith("-\tcannot read") and '"failed": 1' in summary.read_text()


def _without_permission_on(folder: str, monkeypatch) -> None:
    """os.walk as it meets a folder it may not list (root reads every folder: permission bits say nothing)."""
    import cleaner.inputs

    walk = os.walk

    def walk_without_permission(top, **kwargs):
        for current, dirs, files in walk(top, **kwargs):
            if Path(current).name == folder:
                kwargs["onerror"](PermissionError(13, "Permission denied", current))
                dirs[:] = []
                continue
            yield current, dirs, files

    monkeypatch.setattr(cleaner.inputs.os, "walk", walk_without_permission)


def test_a_folder_that_cannot_be_listed_is_a_failure_of_the_run(tmp_path: Path, article: str, monkeypatch) -> None:
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(article, encoding="utf-8")
    _without_permission_on("locked", monkeypatch)
    errors = tmp_path / "e.tsv"
    result = CliRunner().invoke(
        main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--errors", str(errors)]
    )
    assert result.exit_code == 1 and "1 cleaned, 1 failed" in result.stderr
    assert errors.read_text() == f"{tmp_path / 'in' / 'locked'}\tcannot read the folder: Permission denied\n"


def test_a_folder_a_glob_reaches_into_that_cannot_be_listed_is_a_failure_of_the_run(
    tmp_path: Path, article: str, monkeypatch
) -> None:
    (tmp_path / "in" / "a" / "locked").mkdir(parents=True)
    (tmp_path / "in" / ".hidden" / "locked").mkdir(parents=True)  # no "**" reaches a hidden folder
    (tmp_path / "in" / "b").mkdir()
    (tmp_path / "in" / "b" / "x.txt").write_text(article, encoding="utf-8")
    _without_permission_on("locked", monkeypatch)
    monkeypatch.chdir(tmp_path)
    locked = "in/a/locked\tcannot read the folder: Permission denied\n"
    for pattern, failed, *options in (("in/**/*.txt", 1), ("in/*/*.txt", 0), ("in/**/*.txt", 0, "--exclude", "a")):
        errors = tmp_path / "e.tsv"
        out = str(tmp_path / f"out{failed}{len(options)}")
        result = CliRunner().invoke(main, ["clean", pattern, *options, "-o", out, "--errors", str(errors)])
        assert result.exit_code == failed and f"1 cleaned, {failed} failed" in result.stderr, (pattern, result.stderr)
        assert errors.read_text() == (locked if failed else ""), pattern
    # Where nothing matches, the folder it could not read is said with the pattern.
    result = CliRunner().invoke(main, ["clean", "*/*/locked/*.txt", "-o", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no file matches this pattern; in/a/locked: cannot read" in result.stderr


def test_a_file_named_twice_or_found_again_in_a_folder_named_too_is_read_once(tmp_path: Path, article: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.txt").write_text(article, encoding="utf-8")
    (tmp_path / "in" / "a.jsonl").write_text('{"id": "1", "text": "A story long enough to keep as it is."}\n')
    one, jsonl = str(tmp_path / "in" / "b.txt"), str(tmp_path / "in" / "a.jsonl")
    spelt = str(tmp_path / "in" / ".." / "in" / "b.txt")
    for args in ([one, spelt, "-o", str(tmp_path / "o1")], [str(tmp_path / "in"), one, "-o", str(tmp_path / "o2")]):
        result = CliRunner().invoke(main, ["clean", *args])
        assert result.exit_code == 0 and "0 failed" in result.stderr, result.stderr
    result = CliRunner().invoke(main, ["clean", jsonl, jsonl, "-o", str(tmp_path / "all.jsonl")])
    assert result.exit_code == 0 and len((tmp_path / "all.jsonl").read_text().splitlines()) == 1


def test_learning_from_a_folder_that_cannot_be_listed_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "in" / "locked").mkdir(parents=True)
    _without_permission_on("locked", monkeypatch)
    result = CliRunner().invoke(main, ["learn", str(tmp_path / "in"), "-o", str(tmp_path / "p.json")])
    assert result.exit_code == 2 and "locked: cannot read the folder: Permission denied" in result.stderr
    assert not (tmp_path / "p.json").exists()
