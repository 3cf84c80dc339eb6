"""What an HTML block's markup says about it, for the text rules that also judge HTML blocks.

Plain text blocks carry no tag, so these tests never hold of them and the rules
judge plain text exactly as before.
"""

from __future__ import annotations

from cleaner.article import Block

# Code, table rows and quotations hold what the author wrote: a date, an arrow or a
# "Read:" there is the content itself (a log line, a schedule row, a quoted e-mail header).
_CONTENT_TAGS = frozenset({"pre", "tr", "blockquote"})
# Furniture lines are link lists; below this share of linked characters a line is written text.
_LINK_HEAVY = 0.5


def is_content_markup(block: Block) -> bool:
    """True for a block the markup marks as the author's own: code, a table row, a quotation."""
    return block.tag in _CONTENT_TAGS


def is_unlinked_html(block: Block) -> bool:
    """True for an HTML block whose text is mostly not links; never for a plain text line."""
    return block.tag is not None and block.link_density < _LINK_HEAVY
