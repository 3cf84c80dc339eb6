"""Navigation furniture: breadcrumbs and tag lines."""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import is_content_markup, is_unlinked_html, word_count

# Guillemets separate only when spaced: unspaced they are German quotation marks (»Chaos«).
# Leading whitespace is taken from the start of its run only (no rescan per space).
_CRUMB_SEPARATOR = re.compile(r"(?<!\s)\s+(?:>|/|»|›|→|\\|::)\s+|(?:(?<!\s)\s+)?[>→]\s*")
_TAG_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|\||•|·|#)\s*")
_MAX_CRUMB_WORDS = 5
# Every separator holds one of these.
_CRUMB_MARK = re.compile(r"[>/»›→\\:]")


@block_rule("NAV001", "breadcrumb", "navigation", gate=Gate(max_chars=200, pattern=_CRUMB_MARK), alone=True)
def breadcrumb(page: Page, i: int) -> Hit | None:
    """Removes: a breadcrumb trail ("Home > News > World", "Home / Politics / Europe",
    "Startseite » Politik").

    Why: the site's section path is navigation, not text of the article.

    False positives: a line of short phrases joined by " > " in a technical article (a menu
    path "File > Save As"); it must have three or more short parts, or start at a home page.
    Quoted words in German style ("Zwischen »Chaos« und »Verrat«") stay. On HTML a trail
    must be mostly links and not code, a table row or a quotation: an unlinked "Products >
    Data Files" in the main content is a menu path the article explains.

    Example: "Home > India > Kerala" -> dropped.
    """
    block = page.blocks[i]
    text = block.text
    if is_content_markup(block) or is_unlinked_html(block):
        return None
    parts = [p for p in _CRUMB_SEPARATOR.split(text.strip()) if p]
    if len(parts) < 2 or any(word_count(p) > _MAX_CRUMB_WORDS or p.rstrip()[-1] in ".!?" for p in parts):
        return None
    starts_home = parts[0].strip().lower() in page.vocab.phrases("breadcrumb_roots")
    if len(parts) >= 3 or starts_home:
        return Hit()
    return None


@block_rule("NAV002", "tag-line", "navigation", gate=Gate(max_chars=400, phrases=("tag_labels",)), alone=True)
def tag_line(page: Page, i: int) -> Hit | None:
    """Removes: a line of topic tags ("Tags: Russia, Ukraine, Putin", "Topics: ...", "Filed
    under: ...", "Schlagwörter: ...", "Mots-clés : ...", "Etiquetas: ..."). The tags move to
    `tags`.

    Why: tag lists are site navigation; their words would pollute the body.

    False positives: a body line that begins "Topics: " and continues as a sentence; every
    tag must be short (five words at most).

    Example: "Tags: Russia, Ukraine, Vladimir Putin" -> tags ["Russia", "Ukraine",
    "Vladimir Putin"].
    """
    text = page.blocks[i].text
    label = page.vocab.starts("tag_labels", text)
    if not label or len(text) > 400:
        return None
    rest = text[label.end() :]
    if not rest.lstrip().startswith(":") and not rest.startswith(("\t", "  ")):
        return None
    tags = [t.strip(" .:") for t in _TAG_SPLIT.split(rest.lstrip(" :\t")) if t.strip(" .:")]
    if not tags or any(word_count(t) > _MAX_CRUMB_WORDS for t in tags):
        return None
    return Hit(moved_to="tags", value=tags)
