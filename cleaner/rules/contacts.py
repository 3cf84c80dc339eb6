"""Ways to reach the writer or the desk: an e-mail address or a social handle on a line of its own."""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.vocab import Vocabulary, label_words_of

# An e-mail address, or a handle on a social network: "jane.doe@example.com", "@janedoe12".
# Each run of address characters is tried from its start only (the look-behind), so a long word
# without an "@" costs its length once.
_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w{2,30}")
# Every address and handle holds an "@": the gate looks for it alone, a literal found fast.
_AT = re.compile("@")
_MAX_CONTACT_WORDS = 16
# Besides the ways to reach them, a contact line names the writer: a name of a few words.
_MAX_NAME_WORDS = 4


@block_rule("CNT001", "contact-line", "contacts", gate=Gate(max_words=_MAX_CONTACT_WORDS, pattern=_AT), alone=True)
def contact_line(page: Page, i: int) -> Hit | None:
    """Removes: a line that gives a way to reach the writer or the desk, an e-mail address or a
    social handle, with nothing but the words that offer it and a name ("Jane Doe can be reached
    at jane.doe@example.com", "Follow her on X @janedoe", "Email the author: jd@example.com",
    "Kontakt: redaktion@example.de").

    Why: sites close a story with the writer's address and handles; they are not its text.

    False positives: a how-to's step that names an address ("Send the form to help@example.org")
    reads the same when all its other words are contact words; a sentence holds others ("Write
    to help@example.org with your order number and the date") and stays.

    Example: "Contact the author at jane.doe@example.com" -> dropped.
    """
    text = page.blocks[i].text
    rest = _ADDRESS.sub(" ", text)
    if rest == text:
        return None
    vocab = page.vocab
    words = rest.split()
    # A word before a colon labels what follows: "Twitter:" offers the handle, "Account:" credits it.
    contact = vocab.word_set("contact_words")
    if any(word.endswith(":") and word[:-1].casefold() not in contact for word in words):
        return None
    names = [word for word in words if word[:1].isupper() and not _offers_contact(vocab, word)]
    if len(names) > _MAX_NAME_WORDS:
        return None
    return Hit() if _offers_contact(vocab, " ".join(word for word in words if word not in names)) else None


def _offers_contact(vocab: Vocabulary, text: str) -> bool:
    """Every word is one that offers a way to reach someone, or a label word."""
    contact, labels = vocab.word_set("contact_words"), vocab.word_set("label_words")
    return all(word in contact or word in labels for word in label_words_of(text))
