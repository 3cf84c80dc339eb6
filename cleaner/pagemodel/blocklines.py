"""Lines of code and rows of a table: they belong to the article around them however unlike text they read."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
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


# A dump writes a table's row as its cells joined by " | " ("Monday | Tuesday | Wednesday"): this
# many cells at least, the same number on TABLE_LINES lines in a row or more. A menu set in one line
# ("Home | News | Sport") stands alone, or over a line of another number of labels.
MIN_PIPED_CELLS = 3
TABLE_LINES = 2


def piped_table_rows(texts: Sequence[str]) -> Iterator[int]:
    """Indices of the lines that are a table's rows as a dump writes them, with their header:
    TABLE_LINES or more in a row, each of the same number of cells, MIN_PIPED_CELLS or more, joined
    by " | ", and a figure among them (a table holds data; two rows of a menu's labels, "News | Sport
    | Business", hold none).

    >>> list(piped_table_rows(["Day | Mon | Tue", "Run | 5 km | Rest", "Home | News", "A | B | C"]))
    [0, 1]
    >>> list(piped_table_rows(["News | Sport | Business", "World | Politics | Tech"]))
    []
    """
    start = 0
    counts = [_piped_cells(text) for text in texts]
    for k in range(1, len(counts) + 1):
        if k == len(counts) or counts[k] != counts[start]:
            rows = range(start, k)
            if counts[start] >= MIN_PIPED_CELLS and len(rows) >= TABLE_LINES and _holds_figures(texts, rows):
                yield from rows
            start = k


def _holds_figures(texts: Sequence[str], rows: range) -> bool:
    """Whether a digit stands on one of the rows: a table's data, which a menu's labels lack."""
    return any(char.isdigit() for k in rows for char in texts[k])


def _piped_cells(text: str) -> int:
    """How many cells the bars set apart on a line a dump joined with " | ", 0 if one of them is
    empty or the line has no " | "."""
    if " | " not in text:
        return 0
    cells = text.strip().strip("|").split("|")
    return len(cells) if all(cell.strip() for cell in cells) else 0


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
