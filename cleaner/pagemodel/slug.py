"""The story a URL names: its slug's words, and the lines of a text that repeat them.

Sites name a story's address after its headline ("/2024/03/04/river-floods-the-lower-town/"), so
a line holding most of the slug's words is the headline or an echo of it: the page model anchors
the article's run there, and the headline rules know a masthead over it for what it is. A slug
of a word or three names a section as often ("/digital-marketing/"); a longer one names the story.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from cleaner.shapes import WORD
from cleaner.vocab import function_words

# A line is the page's headline when it holds this share of the URL slug's words
# (at least SLUG_MIN_WORDS of them) in at most HEADLINE_MAX_WORDS words (chosen on the WCXB
# dev split; they hold on its held-out split). The headline the URL names is also mostly made
# of the slug's words (NAMING_SHARE of them): a section's heading or a question may hold the
# story's subject among other words ("What type of wood is used in tournament chess pieces?"
# under /tournament-chess-pieces).
SLUG_MIN_WORDS = 2
SLUG_SHARE = 0.6
HEADLINE_MAX_WORDS = 30
NAMING_SHARE = 0.5
# A slug of this many words names a story, not a section: the line it names is the story's
# title even where no rule took a headline (on the WCXB pages without one, 21 such lines were
# the title and 4 were not; with slugs of three words, 23 and 11; with slugs of any length on
# WCXB's article and non-article pages, 17 and 29).
STORY_SLUG_WORDS = 4
_SLUG_WORD = re.compile(r"[^\W\d_]{2,}")
_FILE_SUFFIX = re.compile(r"\.[a-z]{2,5}$", re.IGNORECASE)


def slug_words(url: str | None) -> frozenset[str]:
    """The words of a URL's last path segment that names the story.

    Of the last two path segments that hold a word, the longer one, so
    "/news/12345/river-floods-town/" and "/river-floods-town/12345.html" both give the story's words
    (by length, "/ideas-made-to-matter/machine-learning-explained" names its story by the last).

    >>> sorted(slug_words("https://example.com/2019/11/18/13-inch-macbook-pro-keyboard.html"))
    ['inch', 'keyboard', 'macbook', 'pro']
    >>> sorted(slug_words("https://example.com/city/river-floods-town/articleshow/126041363.cms"))
    ['floods', 'river', 'town']
    """
    return frozenset(_slug_sequence(url))


@lru_cache(maxsize=64)
def _slug_sequence(url: str | None) -> tuple[str, ...]:
    """`slug_words` in the slug's order, read once per URL: the headline rules ask of each line near
    the top."""
    if not url:
        return ()
    path = unquote(urlsplit(url).path)
    # A file's suffix is no word: "/articleshow/126041363.cms" ends on the segment before the number.
    segments = [seg for seg in (_FILE_SUFFIX.sub("", seg) for seg in path.split("/")) if _SLUG_WORD.search(seg)]
    if not segments:
        return ()
    return tuple(folded(w) for w in _SLUG_WORD.findall(max(segments[-2:], key=len)))


def opens_with_slug(text: str, url: str | None) -> bool:
    """Whether the line's first words are a story's slug, word for word: a site that cuts its
    slugs short names a long headline by its opening ("/p/i-ran-my-own-newsletter-through-my" for
    "I Ran My Own Newsletter Through My AI Analysis Tool. Here's What I Found").

    >>> url = "https://example.substack.com/p/i-ran-my-own-newsletter-through-my"
    >>> opens_with_slug("I Ran My Own Newsletter Through My AI Tool. Here's What I Found", url)
    True
    >>> opens_with_slug("Why I ran my own newsletter through my tool", url)
    False
    >>> url = "https://example.com/best-moving-companies-new-york/"
    >>> opens_with_slug("Best Moving Companies in New York (2025)", url)
    True
    >>> opens_with_slug("Best moving companies in New York, a guide to what they charge", url)
    False
    """
    sequence = _slug_sequence(url)
    if len(set(sequence)) < STORY_SLUG_WORDS:
        return False
    opening = text[: 4 * len(" ".join(sequence))]
    words = _SLUG_WORD.findall(folded(opening))
    # A slug leaves out function words ("/programming-language-death-spiral" for "The Programming
    # Language Death Spiral - ..."): a headline's that the slug does not hold are skipped, in a line
    # in a headline's capitals only (a sentence under the headline may open with the slug's words).
    if in_headline_capitals(opening):
        stop, spelled = function_words(), set(sequence)
        words = [word for word in words if word in spelled or word not in stop]
    return tuple(words[: len(sequence)]) == sequence


# What stands around a word: brackets, quotes, punctuation ("(And", "Here's" is one word).
_AROUND_WORDS = "()[]{}\"'“”‘’«».,:;!?…-–—"


def in_headline_capitals(text: str) -> bool:
    """Every word of the line but the small ones ("a", "of", "the") opens on a capital, as a
    headline's words do and a sentence's do not."""
    words = [word.strip(_AROUND_WORDS) for word in text.split()]
    words = [word for word in words if word[:1].isalpha() and word.casefold() not in function_words()]
    return bool(words) and all(word[0].isupper() for word in words)


def folded(text: str) -> str:
    """Casefolded and stripped of accents: slugs spell "classificação" as "classificacao".

    >>> folded("Classificação")
    'classificacao'
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def repeats_slug(text: str, slug: frozenset[str]) -> bool:
    """Whether the line repeats most of the slug's words: the headline or an echo of it.

    >>> slug = slug_words("https://news.example.com/river-floods-the-lower-town/")
    >>> repeats_slug("River floods the lower town", slug), repeats_slug("River news", slug)
    (True, False)
    """
    return _words_repeating(text, slug) is not None


def _words_repeating(text: str, slug: frozenset[str]) -> list[str] | None:
    """The line's folded words when it repeats most of the slug's words, else None."""
    needed = max(SLUG_MIN_WORDS, SLUG_SHARE * len(slug))
    text = folded(text)
    # A line holds every slug word it has as a word as a string too: most lines fail that at once.
    if sum(word in text for word in slug) < needed:
        return None
    words = WORD.findall(text)
    return words if len(words) <= HEADLINE_MAX_WORDS and len(slug & set(words)) >= needed else None


def names_story(text: str, slug: frozenset[str]) -> bool:
    """Whether the line is the headline the slug names: it repeats the slug and is mostly its words.

    >>> slug = slug_words("https://shop.example.com/chess-pieces/tournament-chess-pieces.html")
    >>> names_story("Tournament Chess Pieces", slug)
    True
    >>> names_story("What type of wood is used in tournament chess pieces?", slug)
    False
    """
    words = _words_repeating(text, slug)
    return words is not None and sum(word in slug for word in words) >= NAMING_SHARE * len(words)


def shares_word(text: str, slug: frozenset[str]) -> bool:
    """Whether the line holds a word of the slug at all.

    >>> slug = slug_words("https://clinic.example.com/dental-care/")
    >>> shares_word("Dental Care", slug), shares_word("Our Mission", slug)
    (True, False)
    """
    return not slug.isdisjoint(WORD.findall(folded(text)))


def url_title(title: str | None, lines: Iterable[str], url: str | None) -> str | None:
    """The page's title as its URL has it: `title`, unless it holds no word of the slug and a line
    names the story (the first that does); where no title was found, that line when the slug is
    long enough to name a story (a short one names a section as often).

    A shop's, a service's or a forum's page has no byline or date to mark its headline, and the
    line taken for it is a section's heading ("Our Mission", "Reaction score"); the address names
    the page ("Dental Care" at /dental-care/). On the WCXB pages whose title held none of the slug's
    words, the named line was right on 52 and took a right title on 8.

    >>> lines = ["Our Mission", "Dental Care", "We treat adults and children."]
    >>> url_title("Our Mission", lines, "https://clinic.example.com/dental-care/")
    'Dental Care'
    >>> url_title("Dental care for all", lines, "https://clinic.example.com/dental-care/")
    'Dental care for all'
    >>> url_title(None, lines, "https://clinic.example.com/dental-care/") is None
    True
    """
    slug = slug_words(url)
    if title and (not slug or shares_word(title, slug)):
        return title
    if not title and len(slug) < STORY_SLUG_WORDS:
        return None
    return next((line.strip() for line in lines if names_story(line, slug)), title)


def is_named_headline(text: str, url: str | None) -> bool:
    """Whether the URL's slug is long enough to name a story, and names this line (or opens it:
    `opens_with_slug`)."""
    slug = _story_slug(url)
    return bool(slug) and (names_story(text, slug) or opens_with_slug(text, url))


def _story_slug(url: str | None) -> frozenset[str]:
    """The URL's slug words when there are enough of them to name a story, else none."""
    slug = slug_words(url)
    return slug if len(slug) >= STORY_SLUG_WORDS else frozenset()
