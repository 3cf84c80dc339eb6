"""`cleaner explain`, `rules`, `rule`, `--version` and the help of every command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import __version__
from cleaner.cli import main
from cleaner.engine import clean
from cleaner.rules.framework.registry import all_rules

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def invoke(*args: str, color: bool = False):
    return CliRunner().invoke(main, list(args), color=color, catch_exceptions=False, prog_name="cleaner")


def test_explain_marks_every_dropped_and_moved_line_plainly_when_piped(tmp_path: Path, article: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article)
    result = invoke("explain", str(path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(article.splitlines())
    assert lines[0].startswith("> Russia-Ukraine War") and lines[0].endswith("[MET001 headline -> title]")
    assert "- RECENT STORIES  [REL001 related-list: header and 6 items]" in lines
    assert "  Putin said reports about “the alleged ongoing airstrikes of Kyiv" in "\n".join(lines)
    assert "\x1b[" not in result.stdout


def test_explain_is_coloured_on_a_terminal(tmp_path: Path, article: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article)
    assert "\x1b[31m- RECENT STORIES" in invoke("explain", str(path), color=True).stdout


def test_explain_abandons_a_runaway_document_at_the_time_limit(tmp_path: Path, runaway: str) -> None:
    path = tmp_path / "slow.txt"
    path.write_text(runaway)
    result = CliRunner().invoke(main, ["explain", str(path), "--timeout", "2"], prog_name="cleaner")
    assert result.exit_code == 1
    assert f"{path}: abandoned after the time limit of 2 s" in result.stderr
    assert result.stdout == ""


def test_explain_shows_removed_blocks_then_the_body_for_html(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page)
    lines = invoke("explain", str(path)).stdout.splitlines()
    assert "  Heavy rain closed every school in the district on Monday, officials said, as rivers rose." in lines
    assert any(line.startswith(("- ", "> ")) for line in lines)


def test_explain_marks_each_kept_line_of_code_as_kept(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    story = "<p>The parser splits each line on whitespace and returns the words it finds in order.</p>" * 3
    code = "<pre><code>def words(text):\n    return text.split()\n-    return []</code></pre>"
    path.write_text(f"<html><body><article><h1>Splitting words</h1>{story}{code}{story}</article></body></html>")
    lines = invoke("explain", str(path)).stdout.splitlines()
    assert [line for line in lines if "return " in line or "def " in line] == [
        "  def words(text):",
        "      return text.split()",
        "  -    return []",
    ]


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_removal_points_at_its_input_line(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    lines = text.splitlines()
    article = clean(text, kind="text")
    assert article.removals
    for removal in article.removals:
        assert lines[removal.line - 1].strip() == removal.text


def test_rules_lists_every_rule_with_family_and_default() -> None:
    lines = invoke("rules").stdout.splitlines()
    assert len(lines) == len(all_rules())
    assert lines[0].split() == [all_rules()[0].code, all_rules()[0].name, all_rules()[0].family, "on"]


@pytest.mark.parametrize("key", ["CAP001", "photo-caption", "cap001"])
def test_rule_prints_its_documentation(key: str) -> None:
    result = invoke("rule", key)
    assert result.stdout.startswith("CAP001 photo-caption (captions, on by default)")
    assert "Removes:" in result.stdout and "Example:" in result.stdout


def test_an_unknown_rule_is_a_usage_error() -> None:
    result = invoke("rule", "NOPE999")
    assert result.exit_code == 2 and "no rule 'NOPE999'" in result.stderr


def test_version() -> None:
    assert invoke("--version").stdout.strip() == f"cleaner, version {__version__}"


@pytest.mark.parametrize("command", [[], ["clean"], ["explain"], ["rules"], ["rule"]])
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout


def test_explain_says_what_the_line_kind_model_saw(tmp_path: Path) -> None:
    story = " ".join(["The council approved the budget for the river cleanup after a long debate."] * 2)
    path = tmp_path / "page.txt"
    path.write_text(f"Home\nWorld\nCouncil approves the river budget\n{story}\n{story}\n", encoding="utf-8")
    removed = [line for line in invoke("explain", str(path)).stdout.splitlines() if "FUR001" in line]
    assert removed and all(
        re.search(r"FUR001 furniture-line: \w+ \d\.\d\d; article text \d\.\d\d; above", line) for line in removed
    )
