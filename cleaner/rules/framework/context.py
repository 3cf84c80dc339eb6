"""What a rule sees: the page's blocks, which are already judged, and the vocabulary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from cleaner.article import Article, Block
from cleaner.vocab import Vocabulary

if TYPE_CHECKING:
    from cleaner.profile import SiteBoilerplate

T = TypeVar("T")


class Dropped(NamedTuple):
    """What became of a removed block: the family and code of the rule that removed it, the
    field its text moved to (None when it was simply dropped) and what moved there (the names
    a byline credits, or the text itself)."""

    family: str
    moved_to: str | None
    code: str
    moved: Any = None


@dataclass(slots=True)
class Page:
    """The blocks of one document while the rules run over them in order.

    `dropped[i]` says what became of block i once a rule removed it, None while kept;
    `kept` counts the blocks before the current one that stayed, which lets
    positional rules (the headline at the top) know where the body begins.
    `article` holds the metadata gathered so far, so a rule can see whether
    a field such as the title is already filled. `learned` is what the site
    profile knows of the document's site (None without one).
    """

    blocks: list[Block]
    vocab: Vocabulary
    article: Article = field(default_factory=Article)
    dropped: list[Dropped | None] = field(default_factory=list)
    kept: int = 0
    learned: SiteBoilerplate | None = None
    _memo: dict[Callable[[Page], Any], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.dropped:
            self.dropped = [None] * len(self.blocks)

    def memo(self, find: Callable[[Page], T]) -> T:
        """`find(self)`, worked out once per page: for what a rule learns of the whole page."""
        if find not in self._memo:
            self._memo[find] = find(self)
        return self._memo[find]
