"""Calls to the reader that name the site: to subscribe to it ("Subscribe to The Deccan Courier"),
to support it ("Help Support iRunFar!") or to keep it as it is ("Help Keep Artlyst Free and
Independent"). The name is what tells them from a story's line that opens alike.
"""

from __future__ import annotations

import re

from cleaner.rules.framework.labels import MAX_SITE_NAME_WORDS
from cleaner.vocab import Vocabulary


def subscribes_to_a_name(vocab: Vocabulary, text: str) -> bool:
    """A call to subscribe to the site, by its name and nothing more: "Subscribe to The Deccan
    Courier", "Abonnez-vous à Libération" ("Subscribe to this podcast at ..." says more)."""
    opener = vocab.starts("subscription_openers", text)
    return opener is not None and _is_site_name(vocab, text[opener.end() :])


def _is_capitalised(word: str) -> bool:
    """A name's word: capitalised, or a brand's capital after a small first letter ("iRunFar")."""
    return word[:1].isupper() or (word[:1].islower() and word[1:2].isupper())


# An appeal may say the year it is for: "Help Support The Quietus in 2025".
_APPEAL_YEAR = re.compile(r"(?<!\s)\s+\w+\s+\d{4}[!.]?$")


def appeals_by_a_name(vocab: Vocabulary, text: str) -> bool:
    """The site's appeal for support by its name, as a box's heading: "Help Support iRunFar!", or
    to keep it as it is ("Help Keep Artlyst Free and Independent", `support_closers`). "Help keep
    your dog free of ticks" names no site, and "Help Keep Kids Safe" says no closer."""
    line = _APPEAL_YEAR.sub("", text.strip()).rstrip("!")
    opener = vocab.starts("support_openers", line)
    if opener is not None:
        return _is_site_name(vocab, line[opener.end() :])
    opener = vocab.starts("keeping_openers", line)
    closer = vocab.search("support_closers", line)
    if opener is None or closer is None or line[closer.end() :].strip():
        return False
    return _is_site_name(vocab, line[opener.end() : closer.start()])


def _is_site_name(vocab: Vocabulary, text: str) -> bool:
    """A few capitalised words and nothing more, the first no pronoun ("Your Dog"): a name."""
    name = text.split()
    return (
        0 < len(name) <= MAX_SITE_NAME_WORDS
        and name[0].casefold() not in vocab.word_set("reader_words")
        and all(_is_capitalised(word) and not any(ch.isdigit() or ch in ".:/" for ch in word) for word in name)
    )
