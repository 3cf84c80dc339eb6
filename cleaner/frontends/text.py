"""Plain text (and Markdown) -> blocks: one block per non-empty line, or per paragraph of
text hard-wrapped at a fixed width.

Blank lines are kept as `gap_before` on the next block, since paragraph
grouping tells a headline-plus-standfirst apart from the body. A line is
read with its garbled characters put back ("Itâ€™s" is "It’s",
`decode.repaired_lines`), as the HTML front end reads a page, and otherwise
only stripped of surrounding whitespace, so every body paragraph of the
result is a line of the input as read, or consecutive lines of a
hard-wrapped paragraph, or of a sentence run on from one line into the
next (`run_on_breaks`), joined by a space.

Text wrapped at a fixed width (e-mail style: every line under about eighty
characters, many of them ending mid-sentence with the next line going on in
lower case) is read back as its paragraphs: a line that fills the width is
joined to the next, a shorter line (a paragraph's last, a heading, a list
item) ends its block. The joined block keeps its input lines (`Block.wrapped`),
so a removal still records every line it took, with its number. A page dump's lines are not
wrapped, but a paragraph in it may be, as its page's source wrapped it: three lines or more of one
width, each break mid-sentence or between two of its sentences (where the line before it fills the
width and the next goes on), one of them at least on a comma or a function word (where a list's
items, of one width too and in lower case, end on their nouns). It is joined the same way; and
once one is, so is a run of mid-sentence breaks about as wide whose last line closes a sentence,
whatever its lines end on.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from cleaner.article import Article, Block
from cleaner.frontends import Reading
from cleaner.frontends.decode import repaired_lines
from cleaner.shapes import BULLETS, ends_sentence, shows_nothing
from cleaner.vocab import function_words

if TYPE_CHECKING:
    from cleaner.config import Config


# Hard-wrapped text: its lines fit a width between these (at the given quantile of line lengths: a
# URL or a table may stick out), at least this many breaks inside paragraphs fall mid-sentence and they
# are at least this share of them; a line this share of the width long or longer filled it.
_MIN_WIDTH = 40
_MAX_WIDTH = 100
_WIDTH_QUANTILE = 0.95
_MIN_BREAKS = 3
_MIN_BREAK_SHARE = 0.25
_FULL_LINE = 0.6
# A paragraph wrapped in a text that is not: this many breaks or more, its lines this share of the
# longest one's width or more.
_MIN_WRAPPED_BREAKS = 2
_LOCAL_FULL_LINE = 0.8
# A break between two sentences is a wrap only where the line before it is this share of the
# lines around it or longer: a paragraph's last line, which closes a sentence too, mostly falls short.
_SENTENCE_WRAP_LINE = 0.9
# Two lines alone are a wrapped paragraph only where the second's first word would not fit on the
# first line within this share of the wrapping width.
_WRAP_SLACK = 0.95
# Where a break that may be a wrap falls (`_wrap_breaks`).
_MID_SENTENCE, _BETWEEN_SENTENCES = "mid-sentence", "between sentences"
_FIRST_CHARACTER = re.compile(r"^\W*(\w)")
# A line a sentence runs on from (`sentence_runs_on`) is this many words long at least and holds a
# sentence's end followed by a capitalised word (in any script); the line it runs on into closes a
# sentence or is as long.
_RUN_ON_WORDS = 12
_CLOSED_SENTENCE = re.compile(r"\w[.!?][\"”’)]?\s+[\"“‘(]?(\w)")


def read(text: str, *, url: str | None, config: Config) -> Reading:
    """A text's lines as blocks; the page rules judge it, and the rule pass repeats until it settles."""
    return Reading(to_blocks(text), Article(url=url), whole_page=True, settle=True)


def to_blocks(text: str) -> list[Block]:
    """Split text into blocks.

    >>> [(b.text, b.line, b.gap_before) for b in to_blocks("Title\\n\\nBody one.\\r\\nBody two.")]
    [('Title', 1, False), ('Body one.', 3, True), ('Body two.', 4, False)]
    """
    blocks: list[Block] = []
    gap = False
    for number, raw in enumerate(repaired_lines(text), start=1):
        line = raw.strip()
        if not line or shows_nothing(line):
            gap = True
            continue
        blocks.append(Block(text=line, line=number, gap_before=gap and bool(blocks)))
        gap = False
    width = wrap_width(blocks)
    if width:
        return _joined(blocks, {k for k, (a, b) in enumerate(itertools.pairwise(blocks)) if _continues(a, b, width)})
    return _joined(blocks, wrapped_paragraphs(blocks) | run_on_breaks(blocks))


def wrap_width(lines: list[Block]) -> int | None:
    """The width the text is hard-wrapped at, or None when it is not.

    Wrapped: nearly every line fits a width of `_MIN_WIDTH` to `_MAX_WIDTH` characters, most
    lines fill it, at least `_MIN_BREAKS` breaks inside a paragraph fall mid-sentence (the line
    does not close a sentence, the next starts in lower case) and they are a good share of all
    breaks inside paragraphs. A whole-page dump has long paragraph lines among many short ones
    (menus, headlines, labels), and its breaks fall at their ends.
    """
    widths = sorted(len(line.text) for line in lines)
    if len(widths) < _MIN_BREAKS + 1:
        return None
    width = widths[int(_WIDTH_QUANTILE * (len(widths) - 1))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH or widths[len(widths) // 2] < _FULL_LINE * width:
        return None
    breaks = [(a, b) for a, b in itertools.pairwise(lines) if not b.gap_before and b.line == a.line + 1]
    within = sum(_mid_sentence(a.text, b.text) for a, b in breaks)
    return width if within >= _MIN_BREAKS and within >= _MIN_BREAK_SHARE * len(breaks) else None


def _mid_sentence(line: str, following: str) -> bool:
    first = _FIRST_CHARACTER.match(following)
    return not ends_sentence(line) and first is not None and first.group(1).islower()


def _continues(line: Block, following: Block, width: int) -> bool:
    """Whether `following` goes on with the paragraph `line` ends in a text wrapped at `width`: it
    follows at once, and `line` filled the width, so it was wrapped there; a list item starts anew."""
    return (
        not following.gap_before
        and following.line == line.line + 1
        and len(line.text) >= _FULL_LINE * width
        and not following.text.startswith(BULLETS)
    )


def wrapped_paragraphs(lines: list[Block], *, known_width: int = 0) -> set[int]:
    """The breaks (k: between lines k and k + 1) inside the hard-wrapped paragraphs of a text that is
    not wrapped as a whole (see the module's docstring). A run of breaks that is no wrapped paragraph
    with its breaks between sentences may still hold some, cut at those breaks. Once a paragraph is
    found wrapped, the page wraps its paragraphs at about its width: a run of mid-sentence breaks
    whose widest line is that wide, give or take a fifth, and whose last line closes a sentence is
    wrapped too, though none of its lines ends on a comma or a function word. `known_width` is
    that width where it was found outside `lines` (another paragraph of the same page)."""
    breaks = _wrap_breaks(lines)
    joins: set[int] = set()
    unsure: list[list[int]] = []
    for wraps, group in itertools.groupby(range(len(breaks)), key=lambda k: breaks[k] is not None):
        run = list(group)
        if not wraps:
            continue
        if _is_wrapped(lines[run[0] : run[-1] + 2]):
            joins.update(run)
            continue
        for mid, part in itertools.groupby(run, key=lambda k: breaks[k] == _MID_SENTENCE):
            pieces = list(part)
            if mid and _is_wrapped(lines[pieces[0] : pieces[-1] + 2]):
                joins.update(pieces)
            elif mid:
                unsure.append(pieces)
    width = max(known_width, wrapped_width(lines, joins))
    for pieces in unsure:
        paragraph = lines[pieces[0] : pieces[-1] + 2]
        widest = max(len(line.text) for line in paragraph)
        fits = _LOCAL_FULL_LINE * width <= widest <= width / _LOCAL_FULL_LINE
        if fits and _is_wrapped(paragraph, anywhere=True) and (len(paragraph) > 2 or _left_no_room(paragraph, width)):
            joins.update(pieces)
    return joins


def run_on_breaks(lines: list[Block]) -> set[int]:
    """The breaks (k: between lines k and k + 1) where a paragraph's sentence runs on into the line
    right under it (`sentence_runs_on`). A line of a hard-wrapped paragraph, as wide as the line
    right over it, is left to the wrapping (`wrapped_paragraphs`)."""
    breaks: set[int] = set()
    for k, (line, following) in enumerate(itertools.pairwise(lines)):
        if following.gap_before or following.line != line.line + 1:
            continue
        above = lines[k - 1] if k and not line.gap_before and lines[k - 1].line == line.line - 1 else None
        if not (above is not None and _as_wide(line, above)) and sentence_runs_on(line.text, following.text):
            breaks.add(k)
    return breaks


def _as_wide(line: Block, above: Block) -> bool:
    """Whether `line`, of a wrapped width, is as wide as the line over it, give or take a fifth."""
    width = len(line.text)
    return _MIN_WIDTH <= width <= _MAX_WIDTH and _LOCAL_FULL_LINE <= len(above.text) / width <= 1 / _LOCAL_FULL_LINE


def sentence_runs_on(text: str, following: str) -> bool:
    """Whether a sentence runs on from `text` into `following`, however the two were set apart:
    `text` closes a sentence and opens another that it leaves on a comma, a word in lower case or
    a number, and `following` goes on in words in lower case to a sentence's end or for a while
    ("... of heart disease and type 2" / "diabetes. Cutting out carbs ..."). A list's items close no sentence
    before their end; a name, a date, a handle or a line of code under a paragraph goes on in no
    words.

    >>> sentence_runs_on("It rained. The river rose over the road and the bridge at the edge of", "town, they said.")
    True
    >>> sentence_runs_on("Carbs are fine. Fibre lowers the risk of heart disease and type 2", "diabetes. Oats help.")
    True
    >>> sentence_runs_on("", "town"), sentence_runs_on("It rained. Then the river rose over the road and the", " ")
    (False, False)
    """
    if not following.lstrip()[:1].islower():  # most lines: read before splitting either into words
        return False
    words, going_on = text.split(), following.split()
    if len(words) < _RUN_ON_WORDS:
        return False
    last, first = words[-1], going_on[0]
    # The next line's first word may close the sentence when another follows it ("diabetes. Cutting").
    closes = len(going_on) > 1 and first.endswith(".") and first[:-1].isalpha()
    if last.isdigit():  # a number goes on in prose only: not "2022" / "source: census", "2" / "de Jong scored"
        leaves = closes or (len(going_on) > 1 and first.isalpha() and going_on[1].islower())
    else:
        leaves = last.endswith(",") or (last.isalpha() and last.islower())
    return (
        leaves
        and (first.rstrip(",;:").isalpha() or closes)
        and first.islower()
        and (ends_sentence(following) or len(going_on) >= _RUN_ON_WORDS)
        and any(opening[1].isupper() for opening in _CLOSED_SENTENCE.finditer(text))
    )


def wrapped_width(lines: list[Block], joins: set[int]) -> int:
    """The widest line before a break in `joins`: the width the text wraps its paragraphs at."""
    return max((len(lines[k].text) for k in joins), default=0)


def _wrap_breaks(lines: list[Block]) -> list[str | None]:
    """For each break that may be a wrap (`_may_wrap`), where it falls: mid-sentence, or between two
    sentences of a paragraph, where a line that fills the width closes one and the next line opens
    another that goes on to a wrap or closes too (a heading under a paragraph closes nothing)."""
    breaks: list[str | None] = [None] * max(len(lines) - 1, 0)
    for k in reversed(range(len(breaks))):
        line, following = lines[k], lines[k + 1]
        if not _may_wrap(line, following):
            continue
        if _mid_sentence(line.text, following.text):
            breaks[k] = _MID_SENTENCE
        elif _between_sentences(line.text, following.text) and _fills(lines, k):
            goes_on = k + 1 < len(breaks) and breaks[k + 1] is not None
            breaks[k] = _BETWEEN_SENTENCES if goes_on or ends_sentence(following.text) else None
    return breaks


def _fills(lines: list[Block], k: int) -> bool:
    """Whether line k is as long as the lines next to it in the input, give or take a tenth."""
    line = lines[k]
    around = [len(other.text) for other in lines[max(k - 1, 0) : k + 2] if abs(other.line - line.line) == 1]
    return len(line.text) >= _SENTENCE_WRAP_LINE * max(around, default=0)


def _between_sentences(line: str, following: str) -> bool:
    """`line` closes a sentence and `following` opens one."""
    first = _FIRST_CHARACTER.match(following)
    return ends_sentence(line) and first is not None and first.group(1).isupper()


def _may_wrap(line: Block, following: Block) -> bool:
    """A break that may be a wrap by its shape: `following` comes at once and starts with a letter,
    and `line`, of a wrapped width, is no shorter than it, give or take a fifth."""
    width = len(line.text)
    return (
        not following.gap_before
        and following.line == line.line + 1
        and _MIN_WIDTH <= width <= _MAX_WIDTH
        and width >= _LOCAL_FULL_LINE * len(following.text)
        and following.text[:1].isalpha()
    )


def _is_wrapped(run: list[Block], *, anywhere: bool = False) -> bool:
    """Whether lines joined by breaks that may be wraps are a wrapped paragraph: three or more, its
    lines but the last of one width, give or take a fifth, one at least ending on a comma or a
    function word (`anywhere`: on a page known to wrap at that width, whatever they end on, as long as
    the last closes a sentence, as a paragraph's does and a list's item mostly does not; two lines
    there, the first ending on a comma or a function word)."""
    widths = [len(line.text) for line in run[:-1]]
    if anywhere and len(run) == 2:
        return _ends_open(run[0].text) and ends_sentence(run[-1].text)
    if len(widths) < _MIN_WRAPPED_BREAKS or min(widths) < _LOCAL_FULL_LINE * max(widths):
        return False
    if anywhere:
        return ends_sentence(run[-1].text)
    return any(_ends_open(line.text) for line in run[:-1])


def _left_no_room(pair: list[Block], width: int) -> bool:
    """Whether the first of two lines ends where the wrapping broke it: the second's first word
    would have run it past the width ("... motion tracking, and" / "even automatic ..."), give or
    take a twentieth. A poem's couplet breaks where the verse does, short of the width."""
    following = pair[1].text.split(maxsplit=1)[0]
    return len(pair[0].text) + 1 + len(following) > _WRAP_SLACK * width


def _ends_open(text: str) -> bool:
    """Whether a line leaves its sentence open on a comma or a function word ("... tracking, and")."""
    return text.endswith(",") or text.rsplit(None, 1)[-1].lower() in function_words()


def _joined(lines: list[Block], joins: set[int]) -> list[Block]:
    """The lines as blocks, each line after a break in `joins` joined to the block before it, which
    keeps its input lines (`Block.wrapped`)."""
    blocks: list[Block] = []
    for k, line in enumerate(lines):
        if k - 1 in joins:
            previous = blocks[-1]
            previous.wrapped = (*previous.input_lines, line.text)
            previous.text = f"{previous.text} {line.text}"
        else:
            blocks.append(line)
    return blocks
