"""Lines of code and rows of a table: they belong to the article around them however unlike text they read."""

from __future__ import annotations

import re
from functools import lru_cache

# Code: a line ending as a statement or a block does, or opening as one; or one made mostly of
# symbols, with few words.
_CODE_ENDS = tuple(";{}([,")
_CODE_OPENS = tuple("})]")
_CODE_OPENER = re.compile(
    r"(?:def|class|import|from|return|if|for|while|const|let|var|function|public|private|#include|print|echo"
    r"|SELECT|\$|>>>|//|/\*|<\w+[^>]*>)(?:\s|\(|$)"
)
_CODE_SYMBOLS = re.compile(r"[{}()\[\];=<>$_\\/|&*+\"'`#@:.,-]")
_CODE_SYMBOL_SHARE = 0.2
_CODE_MAX_WORDS = 12


@lru_cache(maxsize=1 << 14)
def is_block_row(text: str) -> bool:
    """A line of code or a table's row; asked of every kept line by the run and by FUR001, in
    every rule pass, so the answer is remembered per line."""
    return is_code(text) or is_table_row(text)


def is_table_row(text: str) -> bool:
    """A row of a table whose cells a tab sets apart, or pipes as Markdown writes a table
    ("| Humana | For-Profit | ~17M |"; a menu's "Home | News" does not open and close on one).

    >>> is_table_row("1/1/2013\\t+13.1%"), is_table_row("Date\\t"), is_table_row("A plain line")
    (True, False, False)
    >>> is_table_row("| Humana | ~17M |"), is_table_row("|---|---|"), is_table_row("Home | News | Sport")
    (True, True, False)
    """
    if "\t" in text:
        return _cells(text.split("\t")) >= 2
    stripped = text.strip()
    return stripped.startswith("|") and stripped.endswith("|") and _cells(stripped[1:-1].split("|")) >= 2


def _cells(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def is_code(text: str) -> bool:
    """A line shaped like source code: it ends as a statement or opens a block, or is mostly symbols.

    >>> [is_code(line) for line in ("x = compute(a, b);", "def main():", "The plan (in short) works.")]
    [True, True, False]
    """
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.endswith(_CODE_ENDS) or stripped.startswith(_CODE_OPENS) or _CODE_OPENER.match(stripped):
        return True
    few_words = len(stripped.split(None, _CODE_MAX_WORDS)) <= _CODE_MAX_WORDS
    return few_words and len(_CODE_SYMBOLS.findall(stripped)) >= _CODE_SYMBOL_SHARE * len(stripped)
