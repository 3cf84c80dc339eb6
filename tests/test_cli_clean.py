"""`cleaner clean` over folders, driven through click's CliRunner."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import batch
from cleaner.article import SCHEMA_VERSION
from cleaner.cli import main
from cleaner.storage import atomic_writer


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["clean", *args], input=input, catch_exceptions=False)


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def digest(root: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files(root).items()}


def test_a_folder_run_mirrors_the_tree_and_reports_the_broken_file(tree: Path, tmp_path: Path) -> None:
    before = digest(tree)
    out, errors, summary = tmp_path / "out", tmp_path / "errors.tsv", tmp_path / "summary.json"
    result = run(str(tree), "-o", str(out), "-j", "2", "--errors", str(errors), "--summary-json", str(summary))
    assert result.exit_code == 1, result.output
    assert sorted(files(out)) == ["a.txt", "news/2024/c.txt", "news/2024/d.txt", "news/b.txt"]
    assert files(out)["a.txt"] == files(out)["news/2024/d.txt"]
    assert "Russian President Vladimir Putin today held" in files(out)["a.txt"].decode()
    assert "RECENT STORIES" not in files(out)["a.txt"].decode()
    assert errors.read_text() == f"{tree / 'news/broken.txt.gz'}\tcannot read: Not a gzipped file (b'th')\n"
    counts = json.loads(summary.read_text())
    assert {k: counts[k] for k in ("read", "cleaned", "failed", "skipped")} == {
        "read": 5,
        "cleaned": 4,
        "failed": 1,
        "skipped": 0,
    }
    assert counts["words_kept"] > 0 and counts["removals"]["REL001 related-list"] > 0
    assert "documents: 5 read, 4 cleaned, 1 failed, 0 skipped" in result.stderr
    assert digest(tree) == before


def test_existing_outputs_stop_the_run_before_it_starts_unless_forced_or_skipped(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "news").mkdir(parents=True)
    (out / "a.txt").write_text("mine")
    result = run(str(tree), "-o", str(out))
    assert result.exit_code == 2
    assert "1 of 5 outputs exist" in result.stderr and "--force" in result.stderr and "--skip-existing" in result.stderr
    assert result.stderr.count("outputs exist") == 1
    assert files(out) == {"a.txt": b"mine"}
    result = run(str(tree), "-o", str(out), "--skip-existing")
    assert "documents: 5 read, 3 cleaned, 1 failed, 1 skipped" in result.stderr
    assert (out / "a.txt").read_text() == "mine"
    result = run(str(tree / "a.txt"), "-o", str(out), "--force")
    assert result.exit_code == 0 and (out / "a.txt").read_text() != "mine"


def test_two_inputs_for_one_output_are_reported_not_merged(tmp_path: Path, article: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(article)
    (tmp_path / "in" / "story.md").write_text("Another story entirely.\n")
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    story_txt, story_md = tmp_path / "in" / "story.txt", tmp_path / "in" / "story.md"
    assert (
        f"{story_txt}: same output {tmp_path / 'out' / 'story.txt'} as {story_md}; rename one of them" in result.stderr
    )
    assert (tmp_path / "out" / "story.txt").read_text() == "Another story entirely.\n"
    again = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert f"1 of 1 outputs exist ({tmp_path / 'out' / 'story.txt'}):" in again.stderr


def test_an_output_that_would_overwrite_its_input_is_refused(tmp_path: Path, article: str) -> None:
    (tmp_path / "a.txt").write_text(article)
    result = run(str(tmp_path / "a.txt"), "-o", str(tmp_path), "--force")
    assert result.exit_code == 1 and "would overwrite an input" in result.stderr
    assert (tmp_path / "a.txt").read_text() == article


def test_an_output_folder_inside_the_input_is_not_read_back(tree: Path) -> None:
    first = run(str(tree), "-o", str(tree / "clean"))
    second = run(str(tree), "-o", str(tree / "clean"), "--skip-existing")
    assert "documents: 5 read, 4 cleaned, 1 failed" in first.stderr
    assert "documents: 5 read, 0 cleaned, 1 failed, 4 skipped" in second.stderr


def test_formats(tmp_path: Path, article: str) -> None:
    (tmp_path / "a.txt").write_text(article)
    as_json = json.loads(run(str(tmp_path / "a.txt"), "--format", "json").stdout)
    assert as_json["schema_version"] == SCHEMA_VERSION and as_json["title"].startswith("Russia-Ukraine War")
    assert as_json["removals"][0].keys() >= {"code", "rule", "text", "moved_to", "line"}
    as_md = run(str(tmp_path / "a.txt"), "--format", "md", "--no-front-matter").stdout
    assert as_md.startswith(f"# {as_json['title']}\n\n{as_json['body'].split(chr(10))[0]}")
    record = json.loads(run(str(tmp_path / "a.txt"), "--format", "jsonl").stdout)
    assert record["id"] == str(tmp_path / "a.txt") and record["text"] == as_json["body"]
    assert record["metadata"]["cleaner"]["title"] == as_json["title"]
    assert run(str(tmp_path / "a.txt")).stdout == as_json["body"] + "\n"


def test_stdout_sets_documents_apart_and_reads_stdin(tmp_path: Path, article: str) -> None:
    (tmp_path / "a.txt").write_text("First story body line.\n")
    (tmp_path / "b.txt").write_text("Second story body line.\n")
    assert run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt")).stdout == (
        f"==> {tmp_path / 'a.txt'} <==\nFirst story body line.\n\n==> {tmp_path / 'b.txt'} <==\nSecond story body line.\n"
    )
    from_stdin = run("-", input=article.encode())
    assert from_stdin.exit_code == 0 and from_stdin.stdout == run(str(_write(tmp_path, article))).stdout


def _write(folder: Path, text: str) -> Path:
    path = folder / "story.txt"
    path.write_text(text)
    return path


def test_config_is_found_upward_and_flags_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article: str) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nselect = ["AD"]\ntimeout = 12\n')
    (tmp_path / "deep").mkdir()
    monkeypatch.chdir(tmp_path / "deep")
    shown = run("--show-config", "--timeout", "5")
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    assert f'select = ["AD"]  # {tmp_path / "pyproject.toml"}' in lines
    assert "timeout = 5.0  # command line" in lines
    assert "ignore = []  # default" in lines
    _write(tmp_path, article)
    assert "(with agency inputs)" in run(str(tmp_path / "story.txt")).stdout
    assert "(with agency inputs)" not in run(str(tmp_path / "story.txt"), "--select", "ALL").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "no input given"),
        (["x.txt", "--force", "--skip-existing"], "exclude each other"),
        (["x.txt", "--select", "NOPE123"], "unknown rule selector"),
        (["x.txt", "-o", "out.jsonl", "--format", "txt"], "names a jsonl file, not txt"),
        (["x.txt", "--format", "pdf"], "Invalid value for '--format'"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_missing_input_is_a_usage_error_before_anything_is_cleaned(tmp_path: Path, article: str) -> None:
    result = run(str(_write(tmp_path, article)), str(tmp_path / "gone.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'gone.txt'}: no such file or folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_quiet_prints_only_failures_and_verbose_names_every_output(tree: Path, tmp_path: Path) -> None:
    quiet = run(str(tree), "-o", str(tmp_path / "q"), "-q")
    assert quiet.stderr.strip().splitlines() == [
        f"{tree / 'news/broken.txt.gz'}: cannot read: Not a gzipped file (b'th')"
    ]
    verbose = run(str(tree), "-o", str(tmp_path / "v"), "-v")
    assert f"{tree / 'a.txt'}: written to {tmp_path / 'v' / 'a.txt'}" in verbose.stderr
    assert "docs/s" not in verbose.stderr  # no progress bar when stderr is not a terminal


def test_ctrl_c_before_the_run_is_one_line_and_status_130(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the inputs are listed: not click's "Aborted!" and status 1."""
    import cleaner.inputs

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cleaner.inputs, "find_inputs", interrupted)
    result = run(str(tree))
    assert (result.exit_code, result.stderr, result.stdout) == (130, "interrupted\n", "")


def test_ctrl_c_leaves_only_complete_outputs_and_skip_existing_finishes(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = tmp_path / "reference"
    run(str(tree), "-o", str(reference))
    writes = []

    def interrupted_on_the_third(path: Path, data: bytes) -> None:
        writes.append(path)
        with atomic_writer(path) as out:
            if len(writes) < 3:
                out.write(data)
            else:
                out.write(data[: len(data) // 2])
                raise KeyboardInterrupt

    monkeypatch.setattr(batch, "write_atomic", interrupted_on_the_third)
    out = tmp_path / "out"
    result = run(str(tree), "-o", str(out), "-j", "2")
    assert result.exit_code == 130 and "rerun with --skip-existing" in result.stderr
    written = files(out)
    assert len(written) == 2 and all(data == files(reference)[name] for name, data in written.items())
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    monkeypatch.undo()
    result = run(str(tree), "-o", str(out), "--skip-existing")
    assert "2 skipped" in result.stderr
    assert files(out) == files(reference)


def test_a_runaway_document_is_abandoned_at_the_time_limit(tmp_path: Path, article: str, runaway: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(article)
    (tmp_path / "in" / "b.txt").write_text(runaway)
    (tmp_path / "in" / "c.txt").write_text(article)
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2", "--timeout", "3")
    assert result.exit_code == 1
    assert f"{tmp_path / 'in' / 'b.txt'}: abandoned after the time limit of 3 s" in result.stderr
    assert sorted(files(tmp_path / "out")) == ["a.txt", "c.txt"]


def test_a_stream_that_cannot_be_opened_leaves_no_output(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")  # listed, but gone when opened
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'in' / 'gone.jsonl'}: cannot read: No such file or directory" in result.stderr
    assert not (tmp_path / "out" / "gone.jsonl").exists()


def test_a_report_file_never_replaces_an_input_or_an_output(tree: Path, tmp_path: Path) -> None:
    before = digest(tree)
    out = tmp_path / "out.jsonl"
    cases = [
        ("--errors", str(tree / "a.txt"), "is the input"),
        ("--summary-json", str(tree / "news" / "new.json"), "is inside the input folder"),
        ("--errors", str(out), "is the output"),
    ]
    for option, path, message in cases:
        result = run(str(tree), "-o", str(out), option, path)
        assert result.exit_code == 2 and message in result.stderr, (option, path, result.stderr)
    same = run(str(tree), "-o", str(out), "--errors", str(tmp_path / "r"), "--summary-json", str(tmp_path / "r"))
    assert same.exit_code == 2 and "is the --errors file" in same.stderr
    assert digest(tree) == before and not out.exists()


def test_learn_and_eval_never_write_over_what_they_read(tree: Path, tmp_path: Path, article: str) -> None:
    before = digest(tree)
    cases = [
        (["learn", str(tree), "-o", str(tree / "a.txt")], "is inside the input folder"),
        (["learn", str(tree / "a.txt"), "-o", str(tree / "a.txt")], "is the input"),
        (
            ["clean", str(tree), "-o", str(tmp_path / "out"), "--learn", "--profile", str(tree / "a.txt")],
            "is the input",
        ),
    ]
    for args, message in cases:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    gold = tmp_path / "set"
    gold.mkdir()
    (gold / "p.txt").write_text(article, encoding="utf-8")
    (gold / "p.gold.txt").write_text(article, encoding="utf-8")
    for args, message in (
        (["--json", str(gold / "p.gold.txt")], "is inside the input folder"),
        (["--json", str(tmp_path / "s.json"), "--per-page", str(tmp_path / "s.json")], "is the --json file"),
    ):
        result = CliRunner().invoke(main, ["eval", str(gold), *args])
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    assert (gold / "p.gold.txt").read_text(encoding="utf-8") == article
    assert digest(tree) == before and not (tmp_path / "out").exists()


def test_no_report_or_profile_replaces_the_settings_the_run_reads(tree: Path, tmp_path: Path, article: str) -> None:
    config = tmp_path / "cleaner.toml"
    config.write_text('ignore = ["CAP"]\n', encoding="utf-8")
    profile = tmp_path / "profile.json"
    learned_exit = 1  # the tree's broken gzip cannot be read; the profile is written all the same
    assert CliRunner().invoke(main, ["learn", str(tree), "-o", str(profile)]).exit_code == learned_exit
    learned = profile.read_bytes()
    notes = tmp_path / "notes.txt"
    notes.write_text("notes\n", encoding="utf-8")
    out = str(tmp_path / "out")
    cases = [
        (["clean", str(tree), "-o", out, "--config", str(config), "--errors", str(config)], "is the config file"),
        (["clean", str(tree), "-o", out, "--profile", str(profile), "--summary-json", str(profile)], "site profile"),
        (["learn", str(tree), "-o", str(config), "--config", str(config)], "is the config file"),
        (["learn", str(tree), "-o", str(notes)], "holds no site profile"),
    ]
    for args, message in cases:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    assert config.read_text(encoding="utf-8") == 'ignore = ["CAP"]\n' and notes.read_text(encoding="utf-8") == "notes\n"
    assert profile.read_bytes() == learned
    assert CliRunner().invoke(main, ["learn", str(tree), "-o", str(profile)]).exit_code == learned_exit  # again
    compact = tmp_path / "compact.json"  # a profile however spaced, or an empty file, may be learned again
    compact.write_text(json.dumps(json.loads(learned), separators=(",", ":")), encoding="utf-8")
    (tmp_path / "empty.json").write_bytes(b"")
    for target in (compact, tmp_path / "empty.json"):
        assert CliRunner().invoke(main, ["learn", str(tree), "-o", str(target)]).exit_code == learned_exit
    os.mkfifo(tmp_path / "fifo")  # never opened: it could block the run
    learn = CliRunner().invoke(main, ["clean", str(tree), "-o", out, "--learn", "--profile", str(notes)])
    fifo = CliRunner().invoke(main, ["learn", str(tree), "-o", str(tmp_path / "fifo")])
    assert learn.exit_code == fifo.exit_code == 2 and "holds no site profile" in learn.stderr + fifo.stderr
    assert notes.read_text(encoding="utf-8") == "notes\n"


def test_a_report_file_of_an_earlier_run_is_replaced(tree: Path, tmp_path: Path) -> None:
    errors = tmp_path / "failed.tsv"
    errors.write_text("an earlier run's failures\n")
    result = run(str(tree), "-o", str(tmp_path / "out"), "--errors", str(errors))
    assert result.exit_code == 1 and errors.read_text().startswith(str(tree / "news" / "broken.txt.gz"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/afile/y.jsonl"], "afile is not a folder"),
        (["-o", "/proc/y.jsonl"], "cannot write in /proc"),
        (["-o", "{tmp}/out", "--errors", "/proc/e.tsv"], "--errors /proc/e.tsv: cannot write in /proc"),
        (["-o", "{tmp}/afile"], "is a file, not a folder"),
        (["-o", "{tmp}/in"], "is an input folder"),
    ],
)
def test_what_cannot_be_written_is_a_usage_error_before_cleaning(
    tmp_path: Path, article: str, args: list[str], message: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(article)
    (tmp_path / "afile").write_text("a file")
    result = run(str(tmp_path / "in"), *[arg.format(tmp=tmp_path) for arg in args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["story.txt"]


class _DiskFull(io.RawIOBase):
    """A sink that fills up after a few writes, as a disk does."""

    def __init__(self, error: int = errno.ENOSPC) -> None:
        self.writes, self.error = 0, error

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.writes += 1
        if self.writes > 2:
            raise OSError(self.error, os.strerror(self.error))
        return len(data)


def test_a_full_disk_stops_the_run_with_one_line_and_keeps_the_reports(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @contextlib.contextmanager
    def full_disk(path: Path):
        yield _DiskFull()

    monkeypatch.setattr(batch, "atomic_writer", full_disk)
    errors, summary = tmp_path / "errors.tsv", tmp_path / "summary.json"
    result = run(str(tree), "-o", str(tmp_path / "out.jsonl"), "--errors", str(errors), "--summary-json", str(summary))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert f"cannot write {tmp_path / 'out.jsonl'}: No space left on device; the run stopped" in result.stderr
    counts = json.loads(summary.read_text())
    assert (counts["cleaned"], counts["unwritten"]) == (0, 2)  # out.jsonl is not put in place
    assert errors.read_text().startswith(str(tree / "news" / "broken.txt.gz"))
    assert (
        errors.read_text().splitlines()[-1]
        == f"{tmp_path / 'out.jsonl'}\tcannot write {tmp_path / 'out.jsonl'}: No space left on device"
    )
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(("error", "stops"), [(errno.ENOSPC, True), (errno.EIO, False)])
def test_a_stream_file_whose_output_cannot_be_written_takes_back_its_records(
    error: int, stops: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @contextlib.contextmanager
    def failing(path: Path):
        yield _DiskFull(error)

    monkeypatch.setattr(batch, "atomic_writer", failing)
    (tmp_path / "in").mkdir()
    text = "The council met on Monday to agree the roads budget for next year, which rises by four per cent."
    lines = [json.dumps({"id": str(n), "text": f"Story {n}. {text}"}) for n in range(4)]
    (tmp_path / "in" / "a.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "in" / "b.txt").write_text(f"Roads budget\n\n{text}\n")
    summary = tmp_path / "summary.json"
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--summary-json", str(summary))
    assert result.exit_code == 1 and ("; the run stopped" in result.stderr) == stops, result.stderr
    counts = json.loads(summary.read_text())
    # a.jsonl is not in place: its two records written are taken back; b.txt is cleaned unless the disk failed.
    assert (counts["cleaned"], counts["unwritten"], counts["failed"]) == (0 if stops else 1, 2, 1)


def test_a_stream_file_that_cannot_be_put_in_place_fails_the_run_without_a_document_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @contextlib.contextmanager
    def fails_on_commit(path: Path):
        yield io.BytesIO()
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))  # the rename into place is refused

    monkeypatch.setattr(batch, "atomic_writer", fails_on_commit)
    (tmp_path / "in").mkdir()
    text = "The council met on Monday to agree the roads budget for next year, which rises by four per cent."
    lines = [json.dumps({"id": str(n), "text": f"Story {n}. {text}"}) for n in range(4)]
    (tmp_path / "in" / "a.jsonl").write_text("\n".join(lines) + "\n")
    summary, errors = tmp_path / "summary.json", tmp_path / "errors.tsv"
    result = run(
        str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--summary-json", str(summary), "--errors", str(errors)
    )
    assert result.exit_code == 1, result.stderr
    counts = json.loads(summary.read_text())
    # Four records read, each reported cleaned and taken back; the failure is the file's, no fifth document.
    assert {k: counts[k] for k in ("read", "cleaned", "failed", "unwritten", "files_failed")} == {
        "read": 4,
        "cleaned": 0,
        "failed": 0,
        "unwritten": 4,
        "files_failed": 1,
    }
    summary_line = (
        "documents: 4 read, 0 cleaned, 0 failed, 0 skipped, 4 cleaned but not written, 1 output file not written"
    )
    assert summary_line in result.stderr
    assert errors.read_text().startswith(f"{tmp_path / 'in' / 'a.jsonl'}\tcannot write {tmp_path / 'out' / 'a.jsonl'}")


def test_a_full_disk_stops_a_run_into_a_folder_too(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(path: Path, data: bytes = b"") -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch, "write_atomic", no_space)
    errors = tmp_path / "e.tsv"
    result = run(str(tree), "-o", str(tmp_path / "out"), "--errors", str(errors))
    assert result.exit_code == 1 and "Traceback" not in result.stderr and "; the run stopped" in result.stderr
    [(name, reason)] = [line.split("\t") for line in errors.read_text().splitlines()]  # the document, then no other
    assert (
        name == str(tree / "a.txt")
        and reason.startswith(f"cannot write {tmp_path / 'out'}")
        and reason.endswith("No space left on device")
    )


def test_reports_on_a_full_disk_end_the_run_with_one_line(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(path: Path, data: bytes = b"") -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    @contextlib.contextmanager
    def full_disk(path: Path):
        sink = _DiskFull()
        sink.writes = 2  # full at the first failure written
        yield sink

    monkeypatch.setattr("cleaner.storage.write_atomic", no_space)
    out, errors, summary = tmp_path / "out", tmp_path / "errors.tsv", tmp_path / "summary.json"
    result = run(str(tree), "-o", str(out), "--summary-json", str(summary))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert f"cannot write --summary-json {summary}: No space left on device" in result.stderr
    monkeypatch.setattr("cleaner.storage.atomic_writer", full_disk)  # the errors file's writer, not the outputs'
    result = run(str(tree), "-o", str(tmp_path / "again"), "--errors", str(errors))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert f"cannot write --errors {errors}: No space left on device; the run stopped" in result.stderr


def test_a_symlinked_folder_is_read_once_and_a_loop_is_reported(tmp_path: Path, article: str) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "story.txt").write_text(article)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in")
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-v")
    assert result.exit_code == 0
    assert sorted(files(tmp_path / "out")) == ["linked/story.txt"]
    assert f"{tmp_path / 'in' / 'loop'}: a folder already read" in result.stderr


def test_a_report_named_dash_is_refused_not_written_as_a_file(tree: Path, tmp_path: Path) -> None:
    result = run(str(tree), "-o", str(tmp_path / "out"), "--summary-json", "-")
    assert result.exit_code == 2 and "--summary-json -: a report is written to a file" in result.stderr
