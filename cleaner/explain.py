"""The explaining view: every input line with what the cleaner did to it.

For text, each input line is paired with the Removal that dropped or moved
it (None when it was kept): every text removal records its input line. For
HTML the input lines are markup, so the view is the removed blocks, then
the kept body.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleaner.article import Article, Removal


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    number: int | None = None
    removal: Removal | None = None


def explain_text(text: str, article: Article) -> list[Line]:
    """Input lines in order, each with the removal that took it.

    >>> article = Article(body="Body.", removals=[Removal("ADS001", "ad-marker", "Advertisement", line=2)])
    >>> [(line.number, line.removal and line.removal.code) for line in explain_text("Body.\\nAdvertisement", article)]
    [(1, None), (2, 'ADS001')]
    """
    lines = text.splitlines()
    taken = {removal.line: removal for removal in article.removals if removal.line}
    return [Line(line, n, taken.get(n)) for n, line in enumerate(lines, 1)]


def explain_html(article: Article) -> Iterator[Line]:
    """The removed blocks in the order they were removed, then the kept body lines."""
    for removal in article.removals:
        yield Line(removal.text, removal=removal)
    for paragraph in article.paragraphs:  # a code element's lines are one paragraph: a Line each
        yield from (Line(line) for line in paragraph.split("\n"))
