"""Where `cleaner clean` writes: one named file, a folder, or stdout with several documents set apart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner.article import SCHEMA_VERSION
from cleaner.cli import main
from cleaner.engine import clean

URL = "https://www.onmanorama.com/news/world/2022/03/04/story.html"


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["clean", *args], input=input, catch_exceptions=False)


@pytest.mark.parametrize(("name", "start"), [("page.md", "---\ntitle: "), ("page.json", "{\n"), ("page.txt", "Heavy")])
def test_output_file_with_a_known_extension_is_that_file(tmp_path: Path, page: str, name: str, start: str) -> None:
    (tmp_path / "page.html").write_text(page)
    result = run(str(tmp_path / "page.html"), "-o", str(tmp_path / name), "-q")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / name).is_file() and (tmp_path / name).read_text().startswith(start)
    again = run(str(tmp_path / "page.html"), "-o", str(tmp_path / name), "--format", Path(name).suffix[1:], "--force")
    assert again.exit_code == 0


def test_an_output_named_with_a_trailing_slash_is_a_folder_whatever_its_suffix(tmp_path: Path, page: str) -> None:
    (tmp_path / "page.html").write_text(page)
    result = run(str(tmp_path / "page.html"), "-o", f"{tmp_path / 'out.md'}/", "--format", "json", "-q")
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / "out.md" / "page.json").read_text())["title"]
    (tmp_path / "taken.md").write_text("a file\n")
    in_the_way = run(str(tmp_path / "page.html"), "-o", f"{tmp_path / 'taken.md'}/", "-q")
    assert in_the_way.exit_code == 2 and (tmp_path / "taken.md").read_text() == "a file\n"


def test_format_and_extension_that_disagree_are_a_usage_error(tmp_path: Path, page: str) -> None:
    (tmp_path / "page.html").write_text(page)
    result = run(str(tmp_path / "page.html"), "-o", str(tmp_path / "page.md"), "--format", "txt")
    assert result.exit_code == 2 and "names a md file, not txt" in result.stderr
    assert not (tmp_path / "page.md").exists()


def test_one_document_file_refuses_a_folder_or_a_stream(tree: Path, tmp_path: Path) -> None:
    for inputs in ([str(tree)], [str(tree / "a.txt"), str(tree / "news" / "b.md")]):
        result = run(*inputs, "-o", str(tmp_path / "all.json"))
        assert result.exit_code == 2 and "holds one document" in result.stderr
    (tmp_path / "in.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n')
    assert run(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.txt")).exit_code == 2
    assert run("-", "-o", str(tmp_path / "out.txt"), input=b'{"text": "One."}\n').exit_code == 2
    assert not any(tmp_path.glob("out*")) and not (tmp_path / "all.json").exists()


def test_several_documents_on_stdout_are_headed_by_their_names(tree: Path) -> None:
    out = run(str(tree / "a.txt"), str(tree / "news" / "b.md"), "-q").stdout
    body_a, body_b = (clean((tree / n).read_text()).body for n in ("a.txt", "news/b.md"))
    assert out == f"==> {tree / 'a.txt'} <==\n{body_a}\n\n==> {tree / 'news' / 'b.md'} <==\n{body_b}\n"
    folder = run(str(tree), "-q", "--format", "md").stdout
    assert folder.count("\n==> ") == 3 and folder.startswith(f"==> {tree / 'a.txt'} <==\n---\n")


def test_several_documents_as_json_on_stdout_are_json_lines(tree: Path) -> None:
    lines = run(str(tree), "--format", "json").stdout.splitlines()
    assert len(lines) == 4 and all(json.loads(line)["schema_version"] == SCHEMA_VERSION for line in lines)
    one = run(str(tree / "a.txt"), "--format", "json").stdout
    assert one.startswith("{\n  ") and json.loads(one)["body"] == json.loads(lines[0])["body"]


def test_url_for_one_document_and_refused_for_several(tmp_path: Path, page: str, tree: Path) -> None:
    (tmp_path / "page.html").write_text(page)
    record = json.loads(run(str(tmp_path / "page.html"), "--url", URL, "--format", "json").stdout)
    assert record["url"] == URL and record["publisher"] == clean(page, url=URL).publisher
    piped = json.loads(run("-", "--url", URL, "--format", "json", input=page.encode()).stdout)
    assert piped["url"] == URL
    several = run(str(tree), "--url", URL)
    assert several.exit_code == 2 and "--url names the page of one document" in several.stderr
    assert run(str(tmp_path / "page.html"), "--url", "no url").exit_code == 2


def test_drop_field_sheds_the_raw_page_from_the_records(tmp_path: Path, page: str) -> None:
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "p1", "html": page, "lang": "en"}) + "\n")
    kept = json.loads(run(str(tmp_path / "in.jsonl"), "-q").stdout)
    assert kept["html"] == page and kept["lang"] == "en"
    dropped = json.loads(run(str(tmp_path / "in.jsonl"), "--drop-field", "html", "--drop-field", "lang").stdout)
    assert "html" not in dropped and "lang" not in dropped and dropped["text"] == kept["text"]


def test_an_output_of_dash_is_stdout_not_a_folder(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    result = run(str(tree / "a.txt"), "-o", "-", "-q")
    assert result.exit_code == 0 and result.stdout == clean((tree / "a.txt").read_text()).body + "\n"
    assert not (tree / "-").exists()


def test_an_output_name_as_long_as_the_file_system_allows_is_written(tmp_path: Path, article: str) -> None:
    """Its temporary file is named within the limit too; one past the limit is refused before the run."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{'a' * 246}.html").write_text(article)
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{'a' * 246}.json"]
    too_long = run(str(tmp_path / "in"), "-o", str(tmp_path / f"{'b' * 250}.jsonl"))
    assert too_long.exit_code == 2
    assert "the name is 256 bytes long, longer than the file system allows (255)" in too_long.stderr


def test_a_failed_document_leaves_the_output_file_as_it_was(tmp_path: Path, article: str) -> None:
    good, bad, out = tmp_path / "good.txt", tmp_path / "bad.dat", tmp_path / "page.md"
    good.write_text(article)
    bad.write_bytes(bytes(range(32)) * 100)
    assert run(str(good), "-o", str(out), "-q").exit_code == 0
    before = out.read_bytes()
    assert run(str(bad), "-o", str(out), "--force", "-q").exit_code == 1
    assert out.read_bytes() == before  # not replaced by an empty file
    assert run(str(bad), "-o", str(tmp_path / "new.json"), "-q").exit_code == 1
    assert not (tmp_path / "new.json").exists()


def test_a_stream_that_breaks_off_writes_no_output_that_a_rerun_would_skip(tmp_path: Path) -> None:
    import gzip

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    lines = b"".join(
        json.dumps({"id": str(n), "text": f"Story number {n} is here."}).encode() + b"\n" for n in range(200)
    )
    whole = gzip.compress(lines)
    (folder / "s.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    cut = run(str(folder), "-o", str(out))
    assert cut.exit_code == 1 and "is not written, as it would lack the rest" in cut.stderr
    assert not (out / "s.jsonl.gz").exists()
    counts = re.search(
        r"documents: (\d+) read, 0 cleaned, 1 failed, 0 skipped, (\d+) cleaned but not written", cut.stderr
    )
    assert counts and int(counts[1]) == int(counts[2]) + 1 > 50  # the records before the break: none written
    (folder / "s.jsonl.gz").write_bytes(whole)
    again = run(str(folder), "-o", str(out), "--skip-existing", "-q")
    assert again.exit_code == 0
    assert len(gzip.decompress((out / "s.jsonl.gz").read_bytes()).splitlines()) == 200


def test_one_file_of_many_sources_keeps_the_others_when_one_stream_breaks_off(tmp_path: Path) -> None:
    import gzip

    lines = b"".join(
        json.dumps({"id": str(n), "text": f"Story number {n} is here."}).encode() + b"\n" for n in range(200)
    )
    (tmp_path / "a.jsonl").write_bytes(lines[:500])
    whole = gzip.compress(lines)
    (tmp_path / "b.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    out = tmp_path / "all.jsonl"
    result = run(str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl.gz"), "-o", str(out))
    assert result.exit_code == 1 and "stream ends early" in result.stderr
    assert out.read_bytes().count(b"\n") >= lines[:500].count(b"\n")


def test_a_run_under_nohup_keeps_ignoring_sighup(tmp_path: Path, article: str) -> None:
    import signal

    (tmp_path / "a.txt").write_text(article)
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        assert run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q").exit_code == 0
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, before)


def test_a_run_puts_back_the_signal_handlers_it_found(tmp_path: Path, article: str) -> None:
    import signal

    (tmp_path / "a.txt").write_text(article)
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)
    assert run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q").exit_code == 0
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before


def test_records_of_a_file_left_unwritten_are_counted_so_however_many_pieces_are_lost() -> None:
    """Two pieces lost, an ordinary failure between, records cleaned before and after: none is
    counted as cleaned, the first loss takes back those before it, and the later ones say why."""
    from cleaner.batch import Options, _Unfinished, _write_whole
    from cleaner.io import PIECE_LOST, Document
    from cleaner.outcomes import Cleaned, Summary
    from cleaner.parallel import Failure

    def cleaned(n: int) -> tuple[Document, Cleaned]:
        return Document(f"s.jsonl:{n}"), Cleaned(f"record {n}\n", 2, 0, ())

    lost = (Document("s.jsonl (bytes 0-10)"), Failure(f"{PIECE_LOST}: worker gone"))
    results = [cleaned(1), cleaned(2), lost, cleaned(3), (Document("s.jsonl:4"), Failure("not text")), lost, cleaned(5)]
    summary, outcomes = Summary(), []

    class Sink:
        def write(self, data: bytes) -> int:
            return len(data)

    with pytest.raises(_Unfinished):
        for outcome in _write_whole(Sink(), Path("out.jsonl"), results, Options(fmt="jsonl")):
            summary.add(outcome)
            outcomes.append(outcome)
    assert (summary.read, summary.cleaned, summary.failed, summary.unwritten) == (7, 0, 3, 4)
    assert [o.unwritten for o in outcomes if o.status == "failed"] == [2, 0, 0]
    assert [o.reason for o in outcomes if o.status == "unwritten"] == ["cleaned, but out.jsonl is not written"] * 2
    assert summary.to_dict()["unwritten"] == 4


def test_a_stream_file_that_loses_a_piece_then_cannot_be_written_takes_back_each_record_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import contextlib
    import errno
    import io

    from cleaner import batch
    from cleaner.io import PIECE_LOST, Document, Source
    from cleaner.outcomes import Cleaned, Summary
    from cleaner.parallel import Failure

    def cleaned(n: int) -> tuple[Document, Cleaned]:
        return Document(f"s.jsonl:{n}"), Cleaned(f"record {n}\n", 2, 0, ())

    lost = (Document("s.jsonl (bytes 0-10)"), Failure(f"{PIECE_LOST}: worker gone"))
    results = [cleaned(1), cleaned(2), lost, cleaned(3), cleaned(4)]

    class FailingSink:
        writes = 0

        def write(self, data: bytes) -> int:
            FailingSink.writes += 1
            if FailingSink.writes > 3:  # the fourth record's write fails
                raise OSError(errno.EIO, "Input/output error")
            return len(data)

    class Executor:
        def map(self, items):
            return iter(results)

    @contextlib.contextmanager
    def writer(path: Path):
        yield FailingSink()

    monkeypatch.setattr(batch, "atomic_writer", writer)
    monkeypatch.setattr(batch, "open_input", lambda source, stdin: io.BytesIO(b""))
    summary = Summary()
    target, source = batch._Target(Path("out/s.jsonl")), Source(Path("s.jsonl"), Path("s.jsonl"), "jsonl")
    for outcome in batch._write_one_stream(
        source, target, batch.Options(output=Path("out"), fmt="jsonl"), Executor(), None
    ):
        summary.add(outcome)
    # Five records read: the two before the loss taken back once, the one after it never counted cleaned.
    assert (summary.read, summary.cleaned, summary.failed, summary.unwritten) == (5, 0, 2, 3)


def test_an_error_of_the_executor_mid_stream_is_a_document_failure_not_the_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A connection to the workers lost after two of five records (an OSError, as Dask's is) is no
    failure of a file whose records were all reported: it counts as a document, the two cleaned
    records are taken back, and no output file is counted failed."""
    import contextlib
    import errno
    import io

    from cleaner import batch
    from cleaner.io import Document, Source
    from cleaner.outcomes import Cleaned, Summary

    def results():
        for n in (1, 2):
            yield Document(f"s.jsonl:{n}"), Cleaned(f"record {n}\n", 2, 0, ())
        raise OSError(errno.ECONNRESET, "connection to the scheduler lost")

    class Executor:
        def map(self, items):
            return results()

    @contextlib.contextmanager
    def writer(path: Path):
        yield io.BytesIO()

    monkeypatch.setattr(batch, "atomic_writer", writer)
    monkeypatch.setattr(batch, "open_input", lambda source, stdin: io.BytesIO(b""))
    summary = Summary()
    target, source = batch._Target(Path("out/s.jsonl")), Source(Path("s.jsonl"), Path("s.jsonl"), "jsonl")
    outcomes = list(
        batch._write_one_stream(source, target, batch.Options(output=Path("out"), fmt="jsonl"), Executor(), None)
    )
    for outcome in outcomes:
        summary.add(outcome)
    assert not any(outcome.of_file for outcome in outcomes)
    assert (summary.read, summary.cleaned, summary.failed, summary.unwritten, summary.files_failed) == (3, 0, 1, 2, 0)
    assert summary.exit_code == 1
