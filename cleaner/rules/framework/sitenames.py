"""Calls to the reader that name the site: to subscribe to it ("Subscribe to The Deccan Courier"),
to support it ("Help Support iRunFar!") or to keep it as it is ("Help Keep Artlyst Free and
Independent"). The name is what tells them from a story's line that opens alike.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from cleaner.rules.framework.labels import MAX_SITE_NAME_WORDS
from cleaner.vocab import Vocabulary, function_words

# A name the address spells has a few letters at least.
_MIN_NAME_LETTERS = 4
# The small words a site's name may open with: "The Quietus", "Le Monde".
_ARTICLES = frozenset({"the", "le", "la", "les", "der", "die", "das", "el", "il", "lo", "o", "a", "os"})


def subscribes_to_a_name(vocab: Vocabulary, text: str) -> bool:
    """A call to subscribe to the site, by its name and nothing more: "Subscribe to The Deccan
    Courier", "Abonnez-vous à Libération" ("Subscribe to this podcast at ..." says more)."""
    opener = vocab.starts("subscription_openers", text)
    return opener is not None and _is_site_name(vocab, text[opener.end() :])


def _is_capitalised(word: str) -> bool:
    """A name's word: capitalised, or a brand's capital after a small first letter ("iRunFar")."""
    return word[:1].isupper() or (word[:1].islower() and word[1:2].isupper())


# An appeal may say the year it is for: "Help Support The Quietus in 2025".
_APPEAL_YEAR = re.compile(r"(?<!\s)\s+(?:in|for)\s+\d{4}[!.]?$", re.IGNORECASE)


def appeals_by_a_name(vocab: Vocabulary, text: str, url: str | None) -> bool:
    """The site's appeal for support by the name its address spells ("Help Support iRunFar!" on
    irunfar.com), or to keep it as it is, by any name ("Help Keep Artlyst Free and Independent",
    `support_closers`). "Help Support Our Troops" and "Help Support Flood Victims" name no site,
    "Help keep your dog free of ticks" names none either, and "Help Keep Kids Safe" says no closer."""
    line = _APPEAL_YEAR.sub("", text.strip()).rstrip("!")
    opener = vocab.starts("support_openers", line)
    if opener is not None:
        name = line[opener.end() :]
        return _is_site_name(vocab, name) and _spells_host(name, url)
    opener = vocab.starts("keeping_openers", line)
    closer = vocab.search("support_closers", line)
    if opener is None or closer is None or line[closer.end() :].strip():
        return False
    return _is_site_name(vocab, line[opener.end() : closer.start()])


def _spells_host(name: str, url: str | None) -> bool:
    """Whether the page's address spells the name ("The Quietus" in thequietus.com)."""
    letters = "".join(ch for ch in name.casefold() if ch.isalnum())
    host = (urlsplit(url).hostname or "") if url else ""
    return len(letters) >= _MIN_NAME_LETTERS and letters in host.replace("-", "")


def _is_site_name(vocab: Vocabulary, text: str) -> bool:
    """A few capitalised words and nothing more, the first no pronoun nor other small word but an
    article ("Your Dog", "Our Troops"): a name."""
    name = text.split()
    if not 0 < len(name) <= MAX_SITE_NAME_WORDS:
        return False
    first = name[0].casefold()
    if first in vocab.word_set("reader_words") or (first in function_words() and first not in _ARTICLES):
        return False
    return all(_is_capitalised(word) and not any(ch.isdigit() or ch in ".:/" for ch in word) for word in name)
