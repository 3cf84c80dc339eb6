"""cleaner: clean body text and metadata from scraped news articles.

>>> import cleaner
>>> article = cleaner.clean("Headline of the story\\n\\nThe body sentence.\\n\\nAdvertisement")
>>> article.title, article.body
('Headline of the story', 'The body sentence.')
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from cleaner.article import Article, Block, Caption, Removal
    from cleaner.config import Config
    from cleaner.engine import Cleaner, clean, clean_record
    from cleaner.parallel import Failure

# Imported on first use so that `cleaner --version` starts fast.
_EXPORTS = {
    "clean": "cleaner.engine",
    "clean_record": "cleaner.engine",
    "Failure": "cleaner.parallel",
    "Cleaner": "cleaner.engine",
    "Config": "cleaner.config",
    "Article": "cleaner.article",
    "Block": "cleaner.article",
    "Caption": "cleaner.article",
    "Removal": "cleaner.article",
}

__all__ = [
    "Article",
    "Block",
    "Caption",
    "Cleaner",
    "Config",
    "Failure",
    "Removal",
    "__version__",
    "clean",
    "clean_record",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names with the module's own, though most are loaded only on first use."""
    return sorted({*globals(), *__all__})
