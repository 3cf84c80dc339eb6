"""The command line as a new user tries it: help, errors, colour, rule options, the closing summary."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent


def invoke(*args: str, color: bool = False, env: dict[str, str] | None = None, input: bytes | None = None) -> Result:
    runner = CliRunner()
    return runner.invoke(
        main, list(args), color=color, env=env, input=input, catch_exceptions=False, prog_name="cleaner"
    )


@pytest.mark.parametrize("command", [[], ["clean"], ["explain"], ["eval"], ["learn"], ["rules"], ["rule"]])
def test_dash_h_is_help(command: list[str]) -> None:
    short, long = invoke(*command, "-h"), invoke(*command, "--help")
    assert short.exit_code == 0 and short.stdout == long.stdout and "Usage:" in short.stdout


def test_explain_of_a_missing_file_or_a_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = invoke("explain", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert missing.stderr == f"Error: {tmp_path / 'nope.txt'}: no such file or folder\n"
    assert invoke("clean", str(tmp_path / "nope.txt")).stderr == missing.stderr
    folder = invoke("explain", str(tmp_path))
    assert folder.exit_code == 2 and folder.stderr.count("\n") == 1 and "is a folder" in folder.stderr
    (tmp_path / "in.jsonl").write_text('{"text": "One."}\n')
    stream = invoke("explain", str(tmp_path / "in.jsonl"))
    assert stream.exit_code == 2 and "explain reads one document" in stream.stderr


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke("clean", str(tmp_path / "empty"))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"no files to clean in {tmp_path / 'empty'}" in result.stderr


def test_explain_honours_no_color_and_the_no_color_variable(tmp_path: Path, article: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article)
    assert "\x1b[" in invoke("explain", str(path), color=True).stdout
    assert "\x1b[" not in invoke("explain", str(path), "--no-color", color=True).stdout
    assert "\x1b[" not in invoke("explain", str(path), color=True, env={"NO_COLOR": "1"}).stdout


def test_the_summary_ends_with_the_elapsed_time(tmp_path: Path, article: str) -> None:
    (tmp_path / "a.txt").write_text(article)
    result = invoke("clean", str(tmp_path / "a.txt"), "-j", "1")
    assert re.search(r"\ntime: \d+\.\d s\n$", result.stderr), result.stderr


def test_ignore_on_the_command_line_replaces_the_files_list_and_extend_ignore_adds(tmp_path: Path) -> None:
    (tmp_path / "cleaner.toml").write_text('ignore = ["CAP"]\nextend-ignore = ["FTR"]\n')
    config = ["--config", str(tmp_path / "cleaner.toml"), "--show-config"]
    shown = invoke("clean", *config, "--ignore", "AD").stdout
    assert 'ignore = ["AD"]  # command line' in shown and f'extend_ignore = ["FTR"]  # {tmp_path}' in shown
    shown = invoke("clean", *config, "--extend-ignore", "AD,PRM", "--extend-select", "CRD").stdout
    assert 'ignore = ["CAP"]' in shown and 'extend_ignore = ["FTR", "AD", "PRM"]  # command line' in shown
    assert 'extend_select = ["CRD"]  # command line' in shown


def test_extend_ignore_changes_what_is_cleaned(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council approved the budget on Tuesday.\nADVERTISEMENT\n")
    assert invoke("clean", str(tmp_path / "a.txt"), "-q").stdout == "The council approved the budget on Tuesday.\n"
    kept = invoke("clean", str(tmp_path / "a.txt"), "-q", "--extend-ignore", "ad-marker").stdout
    assert kept == "The council approved the budget on Tuesday.\n\nADVERTISEMENT\n"


def test_eval_help_examples_name_only_paths_a_clone_has() -> None:
    examples = [line.split() for line in invoke("eval", "--help").stdout.splitlines() if "cleaner eval" in line]
    assert examples
    for words in examples:
        for word in words[2:]:
            if "/" in word and not word.startswith("my-pages"):
                assert not word.startswith("..") and (ROOT / word).exists(), shlex.join(words)


def test_eval_floor_says_when_the_floors_hold(tmp_path: Path) -> None:
    floors = tmp_path / "floors.toml"
    floors.write_text("[scrapinghub.dumps]\nf1 = 0.5\n")
    result = invoke("eval", str(ROOT / "bench" / "scrapinghub"), "--floor", str(floors), "-j", "2")
    assert result.exit_code == 0, result.output
    assert f"floors hold: scrapinghub dumps ({floors})" in result.stderr


def test_stdin_named_twice_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["clean", "-", "-"], input=b"Story text here.\n")
    assert result.exit_code == 2
    assert "- (standard input) is named more than once: it can be read once" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "{a}", "--errors", "{d}/"],
        ["clean", "{a}", "--summary-json", "{d}/"],
        ["clean", "{a}", "--profile", "{d}/"],
        ["learn", "{a}", "-o", "{d}/"],
        ["eval", "{t}", "--json", "{d}/"],
    ],
    ids=["errors", "summary-json", "profile", "learn", "eval-json"],
)
def test_a_file_to_write_named_with_a_trailing_slash_is_a_usage_error(
    tmp_path: Path, article: str, args: list[str]
) -> None:
    (tmp_path / "a.txt").write_text(article)
    (tmp_path / "a.gold.txt").write_text(article)
    filled = [arg.format(a=tmp_path / "a.txt", d=tmp_path / "report", t=tmp_path) for arg in args]
    result = CliRunner().invoke(main, filled)
    assert result.exit_code == 2 and "names a folder: name a file" in result.output
    assert not (tmp_path / "report").exists()


def test_an_empty_output_name_is_a_usage_error_not_the_current_folder(tmp_path: Path) -> None:
    """`-o "$OUT"` with OUT unset: writing into the current folder (over its files, with --force)
    would be a surprise."""
    source = tmp_path / "a.txt"
    source.write_text("The council met on Tuesday and approved the budget.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(source), "-o", "", "--force"])
    assert result.exit_code == 2 and "an empty name" in result.output


def test_a_size_limit_too_large_to_read_with_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("The council met on Tuesday and approved the budget.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(source), "--max-bytes", str(2**63 - 1)])
    assert result.exit_code == 2 and "max_bytes must be at most" in result.output
    largest = CliRunner().invoke(main, ["clean", str(source), "--max-bytes", str(2**50)])  # nothing set aside for it
    assert largest.exit_code == 0 and "approved the budget" in largest.output
