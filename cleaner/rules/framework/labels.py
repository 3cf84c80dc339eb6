"""Labels that open a line before a separator: "Further reading: ...", "Podcast | ...".

A site writes such a label in its own words, but always from a small vocabulary: the label is
a few words, each a key word of its kind or a label word (`Vocabulary.made_of`); a whole line may be
one, and an offer's line one with its price ("Get full access for just $1 a week").
"""

from __future__ import annotations

import re

from cleaner.shapes import word_count
from cleaner.vocab import Vocabulary, function_words, label_words_of

# A colon, a bar, a bullet or a guillemet, or a dash with space after it ("LIRE AUSSI - ...",
# "ये भी पढ़ें- ...", as Hindi sites glue it to the label): "Audio-Visual Equipment" is a heading.
# A run of spaces is tried from its start only.
_SEPARATOR = re.compile(r"(?<![ \t])[ \t]*(?:[:|»•]|[–—-](?=[ \t]))[ \t]*")
# A label says what follows in a few words, so its separator comes early in the line.
MAX_LABEL_WORDS = 4
_MAX_LABEL_CHARS = 60
# A whole line that is a label says it in a few words.
_MAX_CLOSED_LABEL_CHARS = 120
# A call or an assignment is a line of code: "print(briefing)", "ad = load()".
_CODE = re.compile(r"\w\(|[=;{}]")
# A label holds one word the vocabularies do not know only among this many words at least; or, among
# more, a name of a few capitalised words in a row.
_MIN_WORDS_WITH_NEW = 4
_MIN_WORDS_WITH_NAME = 5
_MAX_NAME_WORDS = 3
# A site's or a paper's name is a few capitalised words: "The Deccan Courier", "Le Journal du Centre".
MAX_SITE_NAME_WORDS = 4
# What follows a label is another story's headline or a clip's title: "Check: Air filter" and
# "See it now: Amazon" are the article's list.
MIN_TITLE_WORDS = 3


def is_closed_label(vocab: Vocabulary, keys: str, text: str, *, others: str | None = None) -> bool:
    """A whole line that is a label of the kind of `keys`, in any wording (`Vocabulary.made_of`,
    which takes the words of `others` too).

    A lone word ("Podcast", "Premium") or a word with an article ("The picture") heads a section
    as often as it labels a slot, so a label has two different words at least besides function words; a
    number makes it the article's ("Suite 5112"), a colon announces what follows, and a call or an
    assignment is code. A label may name the site ("Subscribe to The Herald Premium to continue
    reading", `_without_a_name`).
    """
    if len(text) > _MAX_CLOSED_LABEL_CHARS or any(ch.isdigit() for ch in text) or text.rstrip().endswith(":"):
        return False
    if _CODE.search(text):
        return False
    words = label_words_of(text)
    stop = function_words()
    if len({word for word in words if word not in stop}) < 2:
        return False
    if vocab.made_of(keys, text, unknown=1 if _may_hold_a_new_word(text, words) else 0, others=others):
        return True
    rest = _without_a_name(text, vocab.word_set(keys))
    return rest is not None and vocab.made_of(keys, rest, others=others)


# An offer says its price and period in a few words.
_MAX_OFFER_WORDS = 12
# Where a prompt's last sentence starts.
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")


def is_priced_label(vocab: Vocabulary, keys: str, text: str) -> bool:
    """An offer of the kind of `keys` priced by a period: "Get full access for just $1 a week",
    "Abonnez-vous pour 1 € par mois", or such an offer closing a prompt's sentences ("This story is
    for members. Subscribe for ₹99 a month."). Only its numbers lie outside a closed label's words;
    each other word is a key, a period (`offer_periods`) or a label word, and a key and a period are
    there. A product's offer names the product ("Monthly subscription with access to 22,000+
    courses")."""
    offer = _LAST_SENTENCE.split(text.strip())[-1].removesuffix(".")
    # A plan's name before its price is a pricing page's ("Premium: $9.99 per month").
    if word_count(text) > 2 * _MAX_OFFER_WORDS or word_count(offer) > _MAX_OFFER_WORDS or ":" in offer:
        return False
    words = label_words_of(offer)
    if not any(word.isdigit() for word in words):
        return False
    key_words, periods = vocab.word_set(keys), vocab.word_set("offer_periods")
    if key_words.isdisjoint(words) or periods.isdisjoint(words):
        return False
    label = vocab.word_set("label_words")
    return all(word in key_words or word in periods or word in label or word.isdigit() for word in words)


def _without_a_name(text: str, keys: frozenset[str]) -> str | None:
    """The label without the one name it holds, the site's or a product's ("Subscribe to The Herald
    Premium to continue reading"): a run of capitalised words after the first word and before the
    last, the others in lower case; None for a line of four words or fewer, or with no such run or
    more than one, or one that runs to the end (a heading in title case: "How to Start a Podcast",
    "Book of the Month Club"). The run's last word may be a key of the label's kind, the site's
    product, which stays in the label ("Read the full story on The Herald Premium")."""
    words = text.split()
    if len(words) < _MIN_WORDS_WITH_NAME:
        return None
    # A word that opens a sentence is capitalised for that: "Already a subscriber? Log in".
    capitalised = [k for k, word in enumerate(words) if k and word[:1].isupper() and words[k - 1][-1] not in ".?!:"]
    if len(capitalised) > 1 and words[capitalised[-1]].casefold() in keys:  # the site's "Premium": the label's own
        capitalised.pop()
    if not capitalised or len(capitalised) > _MAX_NAME_WORDS or capitalised[-1] - capitalised[0] >= len(capitalised):
        return None
    if capitalised[-1] == len(words) - 1:
        return None
    return " ".join(words[: capitalised[0]] + words[capitalised[-1] + 1 :])


# What encloses a quotation, which is read without them.
_QUOTATION_MARKS = '“”"‘’«»„'


def _may_hold_a_new_word(text: str, words: list[str]) -> bool:
    """A label of four words or more may hold one word the vocabularies do not ("Advertisement ·
    Scroll down to keep reading"); a heading in title case ("How to Start a Podcast") or a
    sentence ("Read our full review.") may not, nor one in quotation marks ("“A gorgeous play. Must
    see.”")."""
    bare = text.strip().strip(_QUOTATION_MARKS)
    capitalised = sum(word[:1].isupper() for word in bare.split())
    return len(words) >= _MIN_WORDS_WITH_NEW and capitalised < 2 and not bare.rstrip().endswith((".", "?", "!"))


# What a gate asks of a line that may open with a label: a letter, a few words, then a separator
# (a superset of what `closed_label_end` takes: it counts the label's words by white space).
OPENING_LABEL = re.compile(r"\A[^\W\d_][^\s:|»•]*+(?:\s+[^\s:|»•]++){0,6}?(?:\s*[:|»•]|\s[–—-]\s|(?<=[–—-])\s)")


def closed_label_end(vocab: Vocabulary, keys: str, text: str) -> int | None:
    """Where what follows the line's opening label starts, when the label is a few words of the
    `keys` family and label words; None when the line opens with no such label, or with a bracket
    or a mark ("(Related reading: ...)" is an aside of the text), or is code ("article:hover { }")."""
    found = _SEPARATOR.search(text, 0, _MAX_LABEL_CHARS)
    if found is None or found.start() == 0 or not text[0].isalpha():
        return None
    label = text[: found.start()]
    if word_count(label) > MAX_LABEL_WORDS or not vocab.made_of(keys, label) or _CODE.search(text):
        return None
    return found.end()
