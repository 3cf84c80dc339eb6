"""An HTML page's headline: the visible `<h1>` its metadata agrees with, else the metadata's
title without the site's name.

Pages title themselves for search results and tabs ("Machine learning, explained | MIT Sloan",
"… - Harvard Health") and show readers the headline in an `<h1>`. The `<h1>` is what a reader
calls the title, but a page may hold several, or put its logo in one: it is taken only when its
words are mostly the metadata title's. Where no `<h1>` agrees, the site's name (as the page names
its site: og:site_name, the publisher, the host) is cut from the metadata title's ends. Both
front ends' titles then lose the site's name the host spells and a short name after a bar
(`without_site_suffix`): a text dump's headline line is often the page's title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cleaner.shapes import WORD, is_title_cased
from cleaner.vocab import Vocabulary

# What separates a title from the site's name: "Title | Site", "Site – Title", "Title :: Site".
_AFFIX_SEPARATOR = re.compile(r"(?<!\s)(?:\s++(?:[|–—•·»~/]|-{1,2}|::)\s+|\s*+\|\s*)")
# An <h1> agrees with the title when this share of the longer one's words are the other's too.
AGREEMENT = 0.5
# A page's title ends on a bar and a part of this many words at most, set in capitals as a name is,
# that names its site, section or tagline ("| Opinion", "| Bridgestone Tires"); at most this many such
# parts, and only after a headline of more words than the part has ("Taylor Swift | The Eras Tour"
# is the headline after its topic).
_BAR = re.compile(r"\s\|\s")
_MAX_SUFFIX_WORDS = 4
_MAX_SUFFIXES = 2
# A breadcrumb trail joined to a headline (`without_joined_trail`): a few crumbs, alone or between these marks.
_MAX_TRAIL_WORDS = 6
_MIN_TRAILED_WORDS = 3
_TRAIL_MARKS = frozenset("▸›»>/|•·→")
_MAX_CRUMB_WORDS = 3
_TRAIL_REACH = 3
_CAPITAL = re.compile(r"[A-Z]")
# A label opening a page's title ("Title: ...", "शीर्षक: ...", `title_labels`): a word, then its colon.
_LABEL = re.compile(r"^\s*(?P<label>[^\s:]+)\s?:\s*")
# The labels of a host that name nothing: "www", the public suffix.
_HOST_NOISE = frozenset({"www", "com", "org", "net", "co", "uk", "edu", "gov", "io", "de", "fr", "au", "in", "ca"})


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def agreement(first: str, second: str) -> float:
    """The share of the longer text's words that the other holds too.

    >>> agreement("8 Recent Trends in Photography", "Recent Trends in Photography")
    0.8
    """
    a, b = set(_words(first)), set(_words(second))
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def headline(title: str | None, h1s: Sequence[str], site_names: Iterable[str | None], host: str | None) -> str | None:
    """The page's headline from its metadata `title`, its `<h1>` texts and the names of its site.

    >>> headline("Machine learning, explained | MIT Sloan", [], ["MIT Sloan"], None)
    'Machine learning, explained'
    >>> headline("Recent Trends in Photography", ["Menu", "8 Recent Trends in Photography"], [], None)
    '8 Recent Trends in Photography'
    """
    if not title:
        return None
    title = without_site_name(title, site_names, host)
    readings = (title, *_AFFIX_SEPARATOR.split(title))  # "Rivers fall | Some Site" agrees with "Rivers fall"

    def best_agreement(h1: str) -> float:
        return max(agreement(h1, reading) for reading in readings)

    agreeing = max(h1s, key=best_agreement, default=None)
    if agreeing and best_agreement(agreeing) >= AGREEMENT:
        return agreeing
    return title


def without_site_name(title: str, site_names: Iterable[str | None], host: str | None) -> str:
    """The title less the parts at either end that name the site; the title itself when every part does.

    >>> without_site_name("Black Friday deals to explore - Help Net Security", [], "helpnetsecurity.com")
    'Black Friday deals to explore'
    >>> without_site_name("Leadfeeder | State of SEO in 2026", ["Leadfeeder"], None)
    'State of SEO in 2026'
    >>> without_site_name("Covid - what we know", ["Daily News"], "dailynews.com")
    'Covid - what we know'
    """
    names = [name for name in site_names if name and name.strip()]
    for name in names:  # a site named with a separator of its own: "Urge Fitness | Gyms in PA"
        for sep in _AFFIX_SEPARATOR.finditer(title):
            if _same_words(title[sep.end() :], name) and sep.start() > 0:
                return title[: sep.start()]
    parts = _AFFIX_SEPARATOR.split(title)
    separators = _AFFIX_SEPARATOR.findall(title)
    keys = _site_keys(names, host)
    first, last = 0, len(parts)
    while last - first > 1 and _names_site(parts[last - 1], keys):
        last -= 1
    while last - first > 1 and _names_site(parts[first], keys):
        first += 1
    kept = [parts[first]]
    for k in range(first + 1, last):
        kept += [separators[k - 1], parts[k]]
    return "".join(kept).strip()


def without_site_suffix(title: str | None, host: str | None) -> str | None:
    """The title less the site's name at its ends (`without_site_name`, by the host alone) and the
    short parts in capitals after a bar that name its site, section or tagline: both front ends'
    titles, as trafilatura and Goose split a page's title.

    >>> without_site_suffix("How meditation rewires brains | Opinion", None)
    'How meditation rewires brains'
    >>> without_site_suffix("Raspberry Pi 5 has 14 USB ports - CNX Software", "www.cnx-software.com")
    'Raspberry Pi 5 has 14 USB ports'
    >>> [without_site_suffix(t, None) for t in ("Budget 2024 | Key highlights", "Taylor Swift | The Eras Tour")]
    ['Budget 2024 | Key highlights', 'Taylor Swift | The Eras Tour']
    """
    if not title:
        return title
    title = without_site_name(title, (), host)
    for bar in list(_BAR.finditer(title))[::-1][:_MAX_SUFFIXES]:
        head, suffix = title[: bar.start()].rstrip(), title[bar.end() :].strip()
        words = len(suffix.split())
        named = is_title_cased(suffix) and _CAPITAL.search(suffix) is not None
        if not (named and words <= _MAX_SUFFIX_WORDS and len(head.split()) > words):
            break
        title = head
    return title


def names_the_site(text: str, site_names: Iterable[str | None], host: str | None) -> bool:
    """Whether an author the markup credits is the site itself: the site's name as its markup
    spells it ("Five Books", "USA TODAY"), or one word its host spells ("Instructables" on
    instructables.com). A person's name that is the host too ("Ash Vardanian" on
    ashvardanian.com) is the blog's writer.

    >>> names_the_site("HomeAdvisor", [], "www.homeadvisor.com"), names_the_site("USA TODAY", ["USA TODAY"], None)
    (True, True)
    >>> names_the_site("Ash Vardanian", ["Ash's Blog"], "ashvardanian.com")
    False
    """
    names = [name for name in site_names if name and name.strip()]
    if any(_same_words(text, name) for name in names):
        return True
    return len(_words(text)) == 1 and _names_site(text, _site_keys(names, host))


def _same_words(text: str, name: str) -> bool:
    return _words(text) == _words(name)


def _site_keys(names: Iterable[str], host: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """What a part naming the site matches: the names and host labels run together ("helpnetsecurity"),
    and the host's labels one by one."""
    labels = {label for label in (host or "").lower().split(".") if label and label not in _HOST_NOISE}
    compact = {"".join(_words(name)) for name in names} | labels | {label.replace("-", "") for label in labels}
    return frozenset(c for c in compact if c), frozenset(labels)


def _names_site(part: str, keys: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether a title's part is the site's name: its words run together are a name or the host, or
    its words are all labels of the host ("Harvard Health" on health.harvard.edu)."""
    words = _words(part)
    compact, labels = keys
    return bool(words) and ("".join(words) in compact or set(words) <= labels)


def without_joined_trail(title: str | None, lines: Sequence[str], vocab: Vocabulary) -> str | None:
    """The headline a breadcrumb trail ends in, where the page shows that headline alone on a line
    of its own right by the trail's (within a few lines): a text dump joins a trail's crumbs
    to the headline, and may lose the marks between them ("Home Blog Fitness Top Home Gym Must
    Haves", "Home ▸ News Release ▸ Mindfulness Lowers Stress"). The trail is a few capitalised
    words opened by a trail's root ("Home": `breadcrumb_roots`), or crumbs of a few words each set
    apart by marks: "Understanding Your Home", a brand before a product's name and a headline
    before its site's name ("Council Approves Budget | The Daily Gazette") are no trail. (A trail
    the page model finds on the headline's own line, its marks kept, goes there:
    `pagemodel.headline.without_trail`.)

    >>> lines = ["Fitness", "Top Home Gym Must Haves", "Home Blog Fitness Top Home Gym Must Haves"]
    >>> without_joined_trail(lines[2], lines, Vocabulary())
    'Top Home Gym Must Haves'
    >>> without_joined_trail("Fitness Top Home Gym Must Haves", [*lines[:2], "Fitness Top Home Gym Must Haves"], Vocabulary())
    'Fitness Top Home Gym Must Haves'
    """
    if not title:
        return title
    at = next((k for k, line in enumerate(lines) if title in line), None)
    if at is None:
        return title
    near = {line.strip() for line in lines[max(at - _TRAIL_REACH, 0) : at + _TRAIL_REACH + 1]}
    for headline in sorted(near, key=len, reverse=True):
        if len(headline.split()) >= _MIN_TRAILED_WORDS and headline != title and title.endswith(headline):
            trail = title[: -len(headline)]
            if trail[-1:].isspace() and _is_trail(trail, vocab):
                return headline
    return title


def _is_trail(trail: str, vocab: Vocabulary) -> bool:
    """Crumbs: capitalised words, opened by a trail's root or set apart by marks, a few words each."""
    words = trail.split()
    crumbs = [word for word in words if word not in _TRAIL_MARKS]
    if not 0 < len(crumbs) <= _MAX_TRAIL_WORDS or not all(w[:1].isupper() and w.isalpha() for w in crumbs):
        return False
    if crumbs[0].casefold() in vocab.members("breadcrumb_roots"):
        return True
    segments: list[list[str]] = [[]]
    for word in words:
        if word in _TRAIL_MARKS:
            segments.append([])
        else:
            segments[-1].append(word)
    segments = [segment for segment in segments if segment]
    return len(segments) >= 2 and all(len(segment) <= _MAX_CRUMB_WORDS for segment in segments)


def without_label(title: str | None, vocab: Vocabulary) -> str | None:
    """The title without the label a page prints before it ("Title:AlignMerge - ...", an archive's
    or a catalogue's field name: `title_labels`).

    >>> without_label("Title:Fisher-Guided Model Merging", Vocabulary())
    'Fisher-Guided Model Merging'
    >>> without_label("Tax 101: Understanding the basics", Vocabulary())
    'Tax 101: Understanding the basics'
    """
    label = _LABEL.match(title) if title else None
    if title and label and vocab.line_is("title_labels", label["label"]) and title[label.end() :].strip():
        return title[label.end() :]
    return title
