"""What a rule sees: the page's blocks, which are already judged, and the vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cleaner.article import Article, Block
from cleaner.vocab import Vocabulary

if TYPE_CHECKING:
    from cleaner.profile import SiteBoilerplate


@dataclass(slots=True)
class Page:
    """The blocks of one document while the rules run over them in order.

    `dropped[i]` is the family of the rule that removed block i, None while kept;
    `kept` counts the blocks before the current one that stayed, which lets
    positional rules (the headline at the top) know where the body begins.
    `article` holds the metadata gathered so far, so a rule can see whether
    a field such as the title is already filled. `learned` is what the site
    profile knows of the document's site (None without one). `dated_lists` holds
    the datelines that head the entries of a chronological list, once a rule has
    looked for them.
    """

    blocks: list[Block]
    vocab: Vocabulary
    article: Article = field(default_factory=Article)
    dropped: list[str | None] = field(default_factory=list)
    kept: int = 0
    moved: dict[int, str] = field(default_factory=dict)
    learned: SiteBoilerplate | None = None
    dated_lists: frozenset[int] | None = None

    def __post_init__(self) -> None:
        if not self.dropped:
            self.dropped = [None] * len(self.blocks)
