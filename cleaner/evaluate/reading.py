"""What a reader sees that shingle F1 hides, counted the same way on every system's output.

- Sentences split across paragraphs: a paragraph that ends without closing punctuation
  followed by one that starts in lower case ("...stormed the museum on" / "Wednesday..."), neither
  of them a line of the gold's code (a program's lines are no sentences).
- Merged paragraphs: a paragraph break of the gold body that the output lost (the end of
  one gold paragraph and the start of the next inside one output paragraph), so that joining
  everything cannot win the split count.
- Boilerplate kept: the gold's `without` snippets (text that must not appear) found in the
  output, in all and, where the gold tells their kind (`without <kind>`), by kind; and the
  `with` snippets (text that must appear) found there.
- Article lines lost: gold paragraphs not found in the output, by kind of line (paragraph,
  heading, list item, table row, code, quote) where the gold says the kind (its Markdown).

A paragraph is a non-empty line: systems write paragraphs apart with one newline or two. Text
is compared as `\\w+` tokens, case folded, so spacing and punctuation never count.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from cleaner.shapes import ends_sentence

_TOKEN = re.compile(r"\w+")
# Besides a sentence's end, what may close a paragraph: a lead-in's colon, a semicolon, a quote.
_CLOSERS = (":", ";", '"', "'", "”", "’", "»", ")", "]")
_FIRST_CHARACTER = re.compile(r"^\W*(\w)")
# The gold's Markdown tells the kind of each line.
_KINDS = (
    ("heading", re.compile(r"#{1,6}\s")),
    ("list item", re.compile(r"(?:[-*+]|\d{1,9}[.)])\s")),
    ("table row", re.compile(r"\|")),
    ("quote", re.compile(r">")),
)
# A boundary between two gold paragraphs is judged on this many tokens either side.
_BOUNDARY_TOKENS = 4


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _key(text: str) -> str:
    """The text as a string of case-folded tokens, each with a space either side."""
    return " " + " ".join(_TOKEN.findall(text.casefold())) + " "


def split_sentences(found: Sequence[str], code: Collection[str] = ()) -> int:
    """Paragraphs that end mid-sentence and run on in the next; lines of code (their `_key`s in
    `code`, the gold's code lines) hold no sentences to split.

    >>> split_sentences(["They stormed the museum on", "Wednesday, police said.", "the end"])
    0
    >>> split_sentences(["They stormed the museum on", "wednesday afternoon."])
    1
    >>> split_sentences(["if (ready) {", "return x;"], code={_key("if (ready) {"), _key("return x;")})
    0
    """
    splits = 0
    for before, after in itertools.pairwise(found):
        if code and (_key(before) in code or _key(after) in code):
            continue
        start = _FIRST_CHARACTER.match(after)
        closed = ends_sentence(before) or before.endswith(_CLOSERS)
        if not closed and start is not None and start.group(1).islower():
            splits += 1
    return splits


def merged_breaks(gold: Sequence[str], found: Sequence[str]) -> tuple[int, int]:
    """(merged, judged): of the gold's paragraph breaks whose two sides both appear in the
    output, those whose two sides stand in one output paragraph."""
    found_keys = [_key(paragraph) for paragraph in found]
    whole = " ".join(found_keys)
    merged = judged = 0
    for before, after in itertools.pairwise(gold):
        end = _TOKEN.findall(before.casefold())[-_BOUNDARY_TOKENS:]
        start = _TOKEN.findall(after.casefold())[:_BOUNDARY_TOKENS]
        if not end or not start:
            continue
        end_key, start_key = " " + " ".join(end) + " ", " " + " ".join(start) + " "
        if end_key not in whole or start_key not in whole:
            continue
        judged += 1
        across = " " + " ".join((*end, *start)) + " "
        merged += any(across in key for key in found_keys)
    return merged, judged


def snippets_kept(snippets: Sequence[str], found_text: str) -> int:
    """How many of the snippets appear in the output (as token sequences)."""
    whole = _key(found_text)
    return sum(_key(snippet) in whole for snippet in snippets if _TOKEN.search(snippet))


def line_kind(markdown_line: str) -> str:
    """The kind of a gold line, from its Markdown.

    >>> line_kind("## Results"), line_kind("- one item"), line_kind("Plain words.")
    ('heading', 'list item', 'paragraph')
    """
    for kind, pattern in _KINDS:
        if pattern.match(markdown_line):
            return kind
    return "paragraph"


def lines_lost(gold: Sequence[str], found_text: str, kinds: Sequence[str] | None = None) -> Counter[str]:
    """Gold lines not found in the output, by kind ("paragraph" when the kinds are unknown);
    under the key "all", every gold line judged."""
    whole = _key(found_text)
    lost: Counter[str] = Counter()
    for n, line in enumerate(gold):
        if not _TOKEN.search(line):
            continue
        kind = kinds[n] if kinds is not None else "paragraph"
        lost[f"gold {kind}"] += 1
        if _key(line) not in whole:
            lost[kind] += 1
    return lost


def _fenced(markdown: str) -> list[tuple[str, bool]]:
    """Each non-empty line but the fences, and whether a fenced code block holds it."""
    inside, found = False, []
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("```"):
            inside = not inside
            continue
        found.append((line, inside))
    return found


def gold_kinds(gold: Sequence[str], markdown: str | None) -> list[str] | None:
    """The kind of each gold line, where the gold's Markdown lines up with its text; else None."""
    return _kinds(gold, _fenced(markdown)) if markdown else None


def _kinds(gold: Sequence[str], fenced: list[tuple[str, bool]]) -> list[str] | None:
    """`gold_kinds` from the Markdown's lines as `_fenced` reads them."""
    if not fenced or len(fenced) != len(gold):
        return None
    return ["code" if inside else line_kind(line) for line, inside in fenced]


def reading_counts(
    gold: str, found_text: str, snippets: Mapping[str, Sequence[str]], markdown: str | None = None
) -> Counter[str]:
    """Every count of this module for one page, to be summed over a set's pages."""
    gold_paragraphs, found_paragraphs = paragraphs(gold), paragraphs(found_text)
    fenced = _fenced(markdown) if markdown else []  # read once, for the kinds of lines and the code
    kinds = _kinds(gold_paragraphs, fenced)
    code = {_key(line) for line, inside in fenced if inside and _TOKEN.search(line)}
    counts: Counter[str] = Counter(paragraphs=len(found_paragraphs), splits=split_sentences(found_paragraphs, code))
    counts["merged"], counts["breaks"] = merged_breaks(gold_paragraphs, found_paragraphs)
    for name in snippets:
        judged = [snippet for snippet in snippets[name] if _TOKEN.search(snippet)]
        counts[f"{name} snippets"] = len(judged)
        counts[f"{name} kept"] = snippets_kept(judged, found_text)
    for kind, n in lines_lost(gold_paragraphs, found_text, kinds).items():
        counts[f"lost {kind}"] = n
    return counts


def rates(counts: Mapping[str, int]) -> dict[str, float]:
    """The summed counts as rates: splits per 1,000 paragraphs, merged breaks per 1,000 judged,
    the share of `without` snippets kept (leak), of `with` snippets kept, and of gold lines lost
    (in all, and by kind)."""
    found: dict[str, float] = {}
    if counts.get("paragraphs"):
        found["split_per_1000"] = 1000 * counts["splits"] / counts["paragraphs"]
    if counts.get("breaks"):
        found["merged_per_1000"] = 1000 * counts["merged"] / counts["breaks"]
    if counts.get("without snippets"):
        found["leak"] = counts["without kept"] / counts["without snippets"]
    if counts.get("with snippets"):
        found["with_kept"] = counts["with kept"] / counts["with snippets"]
    for key, n in sorted(counts.items()):
        if key.startswith("without ") and key.endswith(" snippets") and key != "without snippets" and n:
            kind = key.removeprefix("without ").removesuffix(" snippets")
            found[f"leak {kind}"] = counts[f"without {kind} kept"] / n
    gold_lines = {key.removeprefix("lost gold "): n for key, n in counts.items() if key.startswith("lost gold ")}
    if gold_lines:
        lost = {kind: counts.get(f"lost {kind}", 0) for kind in gold_lines}
        found["lines_lost"] = sum(lost.values()) / sum(gold_lines.values())
        for kind, total in sorted(gold_lines.items()):
            found[f"lost {kind}"] = lost[kind] / total
    return found
