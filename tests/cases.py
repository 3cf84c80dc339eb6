"""The rule cases kept as data in tests/rule_cases/<family>.toml, one file per rule family.

Most families' cases are plain-text documents (`text`); a file that declares
`input = "html"` holds page fragments for the HTML front end instead.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

CASE_DIR = Path(__file__).parent / "rule_cases"


def _case_files() -> list[tuple[str, dict]]:
    return [(path.stem, tomllib.loads(path.read_text(encoding="utf-8"))) for path in sorted(CASE_DIR.glob("*.toml"))]


def text_cases() -> list[dict]:
    """Every plain-text case, with the family file it came from as `file`."""
    return [
        {**case, "file": family}
        for family, data in _case_files()
        if data.get("input", "text") == "text"
        for case in data["cases"]
    ]


def html_cases() -> list[dict]:
    """Every HTML case, with the family file it came from as `file`."""
    return [
        {**case, "file": family}
        for family, data in _case_files()
        if data.get("input") == "html"
        for case in data["cases"]
    ]


def case_lines() -> list[list[str]]:
    """The non-blank lines of each plain-text case."""
    return [[line.strip() for line in case["text"].splitlines() if line.strip()] for case in text_cases()]
