"""The installed command as a real process: a folder tree, a pipe, a terminal, Ctrl-C and a resumed run."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.engine import Cleaner
from tests.processes import descendants, wait_until_gone

COMMAND = [sys.executable, "-m", "cleaner"]


def cleaner(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], cwd=cwd, capture_output=True, timeout=120, **kwargs)


def outputs(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_folder_run_and_a_resumed_rerun(tree: Path, tmp_path: Path) -> None:
    first = cleaner("clean", "in", "-o", "out", "-j", "2", cwd=tmp_path)
    assert first.returncode == 1
    assert b"news/broken.txt.gz: cannot read: Not a gzipped file" in first.stderr
    assert outputs(tmp_path / "out") == ["a.txt", "news/2024/c.txt", "news/2024/d.txt", "news/b.txt"]
    (tmp_path / "out" / "news" / "b.txt").unlink()
    (tmp_path / "in" / "news" / "broken.txt.gz").unlink()
    second = cleaner("clean", "in", "-o", "out", "--skip-existing", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert b"documents: 4 read, 1 cleaned, 0 failed, 3 skipped" in second.stderr
    assert outputs(tmp_path / "out") == ["a.txt", "news/2024/c.txt", "news/2024/d.txt", "news/b.txt"]


def test_a_pipe_through_stdin_and_stdout(tmp_path: Path, article: str) -> None:
    piped = cleaner("clean", "-", "-q", cwd=tmp_path, input=article.encode())
    assert piped.returncode == 0 and piped.stderr == b""
    assert piped.stdout.decode() == Cleaner().clean(article).body + "\n"


def test_usage_error_exits_2(tmp_path: Path) -> None:
    assert cleaner("clean", cwd=tmp_path).returncode == 2


def test_progress_shows_on_a_terminal_only(tree: Path, tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*COMMAND, "clean", "in", "-o", "out"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=follower
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=120)
    os.close(leader)
    assert b"docs/s" in seen and b"/5 docs" in seen
    piped = cleaner("clean", "in", "-o", "out2", cwd=tmp_path)
    assert b"docs/s" not in piped.stderr


def test_ctrl_c_leaves_complete_outputs_and_skip_existing_finishes(tmp_path: Path, article: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(150):
        (folder / f"{i:03}.txt").write_text(article)
    expected = (Cleaner().clean(article).body + "\n").encode()
    process = subprocess.Popen([*COMMAND, "clean", "in", "-o", "out", "-j", "1"], cwd=tmp_path, stderr=subprocess.PIPE)
    out = tmp_path / "out"
    while process.poll() is None and not (out.exists() and len(os.listdir(out)) >= 5):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 130:  # stopped part way, as intended
        assert b"rerun with --skip-existing" in stderr
    assert not [name for name in os.listdir(out) if name.endswith(".tmp")]
    assert all(p.read_bytes() == expected for p in out.iterdir())
    resumed = cleaner("clean", "in", "-o", "out", "--skip-existing", cwd=tmp_path)
    assert resumed.returncode == 0
    assert len(os.listdir(out)) == 150 and all(p.read_bytes() == expected for p in out.iterdir())


def test_two_concurrent_runs_into_one_folder_leave_only_complete_files(tmp_path: Path, article: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02}.txt").write_text(article)
    command = [*COMMAND, "clean", "in", "-o", "out", "--force", "-j", "1", "-q"]
    runs = [subprocess.Popen(command, cwd=tmp_path) for _ in range(2)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    expected = (Cleaner().clean(article).body + "\n").encode()
    assert sorted(os.listdir(tmp_path / "out")) == [f"{i:02}.txt" for i in range(40)]
    assert all(p.read_bytes() == expected for p in (tmp_path / "out").iterdir())


def _a_slow_run(tmp_path: Path, runaway: str, **kwargs) -> tuple[subprocess.Popen, set[int]]:
    """A run over two slow documents on two workers, once both workers are busy with them."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(runaway)
    process = subprocess.Popen([*COMMAND, "clean", "in", "-o", "out", "-j", "2"], cwd=tmp_path, **kwargs)
    deadline = time.monotonic() + 60
    while len(descendants(process.pid)) < 3 and time.monotonic() < deadline:  # the fork server and two workers
        time.sleep(0.05)
    time.sleep(0.3)
    return process, descendants(process.pid)


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_stop_the_run_as_ctrl_c_does(tmp_path: Path, runaway: str, signum: int, status: int) -> None:
    process, started = _a_slow_run(tmp_path, runaway, stderr=subprocess.PIPE)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status and b"rerun with --skip-existing" in stderr
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")]
    assert wait_until_gone(started) == set()


@pytest.mark.slow
def test_kill_9_of_the_command_ends_its_workers_and_closes_its_pipes(tmp_path: Path, runaway: str) -> None:
    process, started = _a_slow_run(tmp_path, runaway, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert started
    process.kill()
    process.wait(timeout=10)
    assert wait_until_gone(started) == set()
    assert process.stdout.read() == b"" and process.stderr.read() is not None  # both reach end-of-file


def test_an_input_that_would_block_is_skipped_with_its_reason(tmp_path: Path, article: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article)
    os.mkfifo(folder / "x.jsonl")
    result = cleaner("clean", "in", "-o", "out", "-v", cwd=tmp_path)
    assert result.returncode == 0
    assert b"in/x.jsonl: not a regular file (a FIFO)" in result.stderr
    assert b"documents: 2 read, 1 cleaned, 0 failed, 1 skipped" in result.stderr
    named = cleaner("clean", "in/x.jsonl", "-v", cwd=tmp_path)
    assert named.returncode == 0 and b"not a regular file (a FIFO)" in named.stderr


@pytest.mark.parametrize("closed", [0, 1], ids=["stdin", "stdout"])
def test_a_closed_standard_stream_stops_no_run_that_writes_files(tree: Path, tmp_path: Path, closed: int) -> None:
    run = cleaner("clean", "in/a.txt", "-o", "out", cwd=tmp_path, preexec_fn=lambda: os.close(closed))
    assert run.returncode == 0, run.stderr
    assert outputs(tmp_path / "out") == ["a.txt"]


def test_a_closed_stdout_is_a_write_error_when_the_run_writes_there(tree: Path, tmp_path: Path) -> None:
    run = cleaner("clean", "in/a.txt", cwd=tmp_path, preexec_fn=lambda: os.close(1))
    assert run.returncode == 1
    assert b"cannot write standard output: standard output is closed; the run stopped" in run.stderr


def test_a_reader_that_leaves_stops_the_run_quietly(tmp_path: Path, article: str) -> None:
    """`cleaner clean in/ | head -1`: no error line and no interpreter noise on stderr, status 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:03}.txt").write_text(article)
    with subprocess.Popen(
        [*COMMAND, "clean", "in", "-j", "1"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as run:
        assert run.stdout is not None and run.stdout.readline() == b"==> in/000.txt <==\n"
        run.stdout.close()
        _, stderr = run.communicate(timeout=120)
    assert run.returncode == 1 and stderr == b""
