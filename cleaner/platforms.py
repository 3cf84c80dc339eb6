"""A site's credit to the software or the studio it is made with, read from a line's words.

FTR008 removes such a line from a page's footer; CAP001 leaves it alone where it would read as a
caption and its credit ("Built with Hugo. © 2024 Jane Doe"). Kept out of both rule modules, so
that neither imports the other (a rule module's import registers its rules, in the order tried).
"""

from __future__ import annotations

from cleaner.vocab import Vocabulary

# A studio's name after its phrase is a few words, but for a copyright or a bar after it.
_MAX_STUDIO_WORDS = 4
_FOOTER_MARKS = ("©", "|")
_JOINERS = frozenset({"and", "und", "et", "y", "e", "и"})


def is_platform_credit(vocab: Vocabulary, text: str) -> bool:
    """A site's credit to the software or the studio it is made with, by its words alone: a
    studio's ("Site by Mighty Citizen", "Theme by ThemeIsle"), or the software's where it names a
    site platform, alone or before a mark or another name ("Proudly powered by WordPress", "Built
    with Hugo · Theme Stack designed by Jimmy", "Powered by WordPress and Jetpack"), or stands in a
    footer's row, by a copyright or a bar ("Built with Hugo. © 2024 Jane Doe"); or the phrase
    alone ("Powered by", over the platform's logo; with a colon and nothing after it, "Built
    with:" heads a list). The name has a capital: "Built with an array of magnets" is none, nor
    "Powered By Ghost Kitchens" (a platform's name run on into other words).

    >>> [is_platform_credit(Vocabulary(), t) for t in ("Proudly powered by WordPress", "Powered by: WordPress")]
    [True, True]
    >>> [is_platform_credit(Vocabulary(), t) for t in ("Powered by AI", "Built with:", "Powered By Ghost Kitchens")]
    [False, False, False]
    """
    studio = vocab.starts("studio_credits", text)
    opening = studio or vocab.starts("platform_credits", text)
    if opening is None:
        return False
    after = text[opening.end() :].strip()
    named = after.removeprefix(":").strip()
    if not named:
        return not after
    if not any(c.isupper() for c in named.split()[0]):
        return False
    in_footer_row = any(mark in named for mark in _FOOTER_MARKS)
    if studio:
        return in_footer_row or len(named.split()) <= _MAX_STUDIO_WORDS
    platform = vocab.starts("site_platforms", named)
    return in_footer_row or (platform is not None and _ends_name(named[platform.end() :].strip(" .!")))


def _ends_name(rest: str) -> bool:
    """What follows a platform's name ends it: nothing, a mark ("· Theme Stack", "— Theme: Astra"),
    or another name joined to it ("and Jetpack"); not more words of a name ("Ghost Kitchens")."""
    if not rest or not rest[0].isalnum():
        return True
    joiner, _, name = rest.partition(" ")
    return joiner.casefold() in _JOINERS and name[:1].isupper()
