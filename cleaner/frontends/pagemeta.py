"""The metadata an HTML page states: JSON-LD, OpenGraph and <meta>, and trafilatura's reading of it.

What the markup states wins (JSON-LD, then OpenGraph and <meta>, then <html lang>
and the canonical link); trafilatura's reading of the whole page, before pruning,
fills the rest. The date is the exception: htmldate (inside trafilatura) reads
dates with more care than taking JSON-LD's datePublished, so its date comes
first, then the page's first dateline, then the markup's. Values are normalised
as the text path reports them (ISO dates, two-letter languages, one tag per item).
"""

from __future__ import annotations

import html as html_entities
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from cleaner import byline, dates, metadata, names
from cleaner.frontends.headline import headline, names_the_site
from cleaner.vocab import Vocabulary

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

# How many lines under the headline the page's own byline may stand.
_BYLINE_REACH = 12
# A name alone this close under the headline credits the article, a date beside it or not.
_CREDIT_REACH = 2
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|Review|Recipe|HowTo|WebPage")
# What a forum's thread calls itself: its posts are its content, though their markup is a comment's.
# (A question's page, schema.org's QAPage, sets its answers apart from the comments under them.)
_DISCUSSION_TYPES = re.compile(r"DiscussionForumPosting")
_DISCUSSION_ITEMS = "[itemtype*='DiscussionForumPosting']"


def page_fields(
    markup: dict[str, Any], read: dict[str, Any], url: str | None, page_text: Callable[[], str], vocab: Vocabulary
) -> dict[str, Any]:
    """Every field the page gives, each from the first source that has it (see the module docstring).

    `markup` is what `markup_fields` read, `read` trafilatura's reading (`pagereading`); `page_text`
    gives the page's visible text, read once, and only when no source dates the page or names its
    author. The title is the page's `headline`: the `<h1>` the metadata's title agrees with, else
    that title without the site's name. Authors
    are the people and organisations the markup credits (`names.author_names`: no labels or roles);
    where it credits no one, those of the page's first byline under the headline (a name alone
    there, unless it reads as a menu's label), else of its only byline; where it credits only the
    site itself or a login ("andrew.keaveney"), those of a byline under the headline if there is
    one. An agency goes to `credits`.
    """
    h1s, locale = markup.pop("h1s", []), markup.pop("locale", None)
    page_text = cache(page_text)
    # htmldate's quick search reads the page's dates with more care than taking JSON-LD's
    # datePublished, and where it finds none the page's first dateline does better than the markup:
    # on the WCXB gold 0.848, against 0.828 for the markup first and 0.845 for trafilatura alone.
    how = dates.reading(url, locale)  # "en-US" reads "03/04/2022" as March 4
    found = _normalised({key: value for key, value in markup.items() if key != "published"}, how)
    _setdefaults(found, _normalised(read, how))
    if not found.get("published"):
        _setdefaults(found, _normalised({"published": dates.first_dateline(page_text(), how)}, how))
    _setdefaults(found, _normalised({"published": markup.get("published")}, how))
    if found.get("published") and how != dates.DAY_FIRST and _may_be_swapped(found["published"]):
        found["published"] = _as_the_page_writes(found["published"], dates.first_dateline(page_text(), how))
    site_names, host = (found.get("publisher"), markup.get("publisher")), metadata.url_site(found.get("url") or url)
    found["title"] = headline(found.get("title"), h1s, site_names, host)
    people, agencies = names.author_names(found.get("authors", ()), vocab)
    if not people or all(names_the_site(name, site_names, host) or names.is_handle(name) for name in people):
        # Over the site's own name or a login, only a byline by the headline names the writer.
        found_byline = _first_byline(page_text(), (found.get("title"), *h1s), vocab, anywhere=not people)
        people, agencies = (
            (found_byline.names, [*agencies, *found_byline.agencies]) if found_byline else (people, agencies)
        )
    found["authors"], found["credits"] = people, agencies
    return {key: value for key, value in found.items() if value}


def _may_be_swapped(published: str) -> bool:
    """Whether the date may have been read with its day and month swapped: htmldate reads
    "03/04/2022" day first. A day past the twelfth, or the month's own number, reads one way only.

    >>> _may_be_swapped("2022-04-03"), _may_be_swapped("2022-04-13"), _may_be_swapped("2022-04-04")
    (True, False, False)
    """
    parts = published.split("-")
    return len(parts) == 3 and parts[2].isdigit() and int(parts[2]) <= 12 and parts[1] != parts[2]


def _as_the_page_writes(published: str, shown: str | None) -> str:
    """The date the page shows where it is the published date with day and month swapped: read as
    the page's locale or URL says dates are written."""
    parts = published.split("-")
    return shown if shown and len(parts) == 3 and shown == f"{parts[0]}-{parts[2]}-{parts[1]}" else published


def _first_byline(
    text: str, headlines: tuple[str | None, ...], vocab: Vocabulary, *, anywhere: bool = True
) -> byline.Byline | None:
    """The first byline in the lines under the page's headline (its title, else an `<h1>`; from the top
    when the page shows neither); under the headline, a name alone next to it or by a date ("Jane
    Doe" over "March 4, 2024") is one too; else, `anywhere`, the page's only byline."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    shown = {headline for headline in headlines if headline}
    start = next((k for k, line in enumerate(lines) if line in shown), None)
    for k in range(start or 0, min((start or 0) + _BYLINE_REACH, len(lines))):
        following = lines[k + 1] if k + 1 < len(lines) else None
        found = byline.read_byline(lines[k], following, vocab)
        if found is not None and found.names:
            return found
        if start is not None and k > start and _is_credit(lines, k, start, vocab):
            return byline.Byline(names.credited_names(lines[k], vocab), [], None, 1)
    return _lone_byline(lines, vocab) if anywhere else None


def _lone_byline(lines: list[str], vocab: Vocabulary) -> byline.Byline | None:
    """The page's only byline ("Posted by Jane Doe on March 4, 2024" under the story): one that many
    others do not surround (other stories' teasers, a reading list)."""
    found = [(k, byline) for k, line in enumerate(lines) if (byline := _marked_byline(lines, k, vocab))]
    return found[0][1] if len(found) == 1 else None


def _marked_byline(lines: list[str], k: int, vocab: Vocabulary) -> byline.Byline | None:
    if not vocab.starts("byline_markers", lines[k]):
        return None
    found = byline.read_byline(lines[k], lines[k + 1] if k + 1 < len(lines) else None, vocab)
    return found if found is not None and found.names else None


def _is_credit(lines: list[str], k: int, start: int, vocab: Vocabulary) -> bool:
    """Line k credits a person: a name, right under the headline at `start` or by a date, that the
    line-kind model does not read as a menu's label ("Home Blog", "Graphic Design Courses"), whose
    name holds no digit, as a heading may ("Example H2", "React2Shell Payload Improvements")."""
    from cleaner.pagemodel import evidence

    return (
        names.is_credit_line(lines[k], vocab)
        and not any(character.isdigit() for name in names.credited_names(lines[k], vocab) for character in name)
        and (k - start <= _CREDIT_REACH or _dated_near(lines, k))
        and not evidence.reads_as_menu(lines[k])
    )


def _dated_near(lines: list[str], k: int) -> bool:
    near = (*lines[max(k - 2, 0) : k], *lines[k + 1 : k + 3])
    return any(len(line.split()) <= dates.DATELINE_MAX_WORDS and dates.find_date(line) for line in near)


def markup_fields(tree: LexborHTMLParser) -> dict[str, Any]:
    """Metadata the page states in its markup: JSON-LD first, then OpenGraph and <meta>; and
    whether the page is a `discussion`, a forum's thread (schema.org's type, in JSON-LD or
    microdata)."""
    found: dict[str, Any] = {}
    discussion = False
    for item in _json_ld_items(tree):
        kind = item.get("@type")
        kind = " ".join(map(str, kind)) if isinstance(kind, list) else str(kind or "")
        if _ARTICLE_TYPES.search(kind):
            _setdefaults(found, _from_json_ld(item))
        discussion = discussion or _DISCUSSION_TYPES.search(kind) is not None
    found["discussion"] = discussion or tree.css_first(_DISCUSSION_ITEMS) is not None
    meta = {
        (node.attributes.get("property") or node.attributes.get("name") or "").lower(): node.attributes.get("content")
        for node in tree.css("meta[content]")
    }
    canonical = tree.css_first("link[rel='canonical'][href]")
    html = tree.css_first("html")
    found["h1s"] = [text for node in tree.css("h1") if (text := " ".join(node.text().split()))]
    lang = html.attributes.get("lang") if html else None
    found["locale"] = next((v for v in (meta.get("og:locale"), lang) if v and re.search(r"[-_]", v)), None)
    _setdefaults(
        found,
        {
            "title": meta.get("og:title"),
            "authors": [author] if (author := meta.get("author")) and "://" not in author else [],
            "published": meta.get("article:published_time"),
            "publisher": meta.get("og:site_name"),
            "subtitle": meta.get("og:description") or meta.get("description"),
            "url": canonical.attributes.get("href") if canonical else meta.get("og:url"),
            "language": (html.attributes.get("lang") if html else None) or meta.get("og:locale"),
        },
    )
    return found


def _json_ld_items(tree: LexborHTMLParser) -> Iterator[dict]:
    """The items of the page's JSON-LD scripts; a script that does not parse is passed over: bad
    metadata costs its metadata, not the page."""
    for script in tree.css("script[type='application/ld+json']"):
        try:
            data = json.loads(script.text(), strict=False)
        except (ValueError, RecursionError):  # broken, or nested past Python's recursion limit
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph", ()) if isinstance(item.get("@graph"), list) else ())
            yield item


def _from_json_ld(item: dict) -> dict[str, Any]:
    publisher = item.get("publisher")
    return {
        "title": _string(item.get("headline")),
        "authors": _names(item.get("author")),
        "published": _string(item.get("datePublished")),
        "publisher": _string(publisher.get("name")) if isinstance(publisher, dict) else None,
        "subtitle": _string(item.get("description")),
        "language": _string(item.get("inLanguage")),
    }


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip() and "://" not in n]


def _string(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _setdefaults(found: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        if value and not found.get(key):
            found[key] = value


def _normalised(values: dict[str, Any], how: dates.Reading) -> dict[str, Any]:
    """The values as the Article holds them; empty ones, and URLs that do not parse, left out."""
    found = {}
    for key, value in values.items():
        if not value:
            continue
        if key == "published":  # "2024-11-25T07:10:00Z", "Mon, 25 Nov 2024 07:10" -> "2024-11-25"
            date = dates.find_date(value, how)
            value = date[0] if date else value
        elif key == "language":  # "en-GB", "en_US" -> "en", as the text path reports it
            value = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
        elif key == "url" and not metadata.is_url(value):
            continue
        elif key == "tags":  # "floods, weather" is two tags
            value = list(dict.fromkeys(t.strip() for tags in value for t in tags.split(",") if t.strip()))
        elif isinstance(value, str):  # "&#8211;" escaped twice by the page's CMS is a dash
            value = " ".join(html_entities.unescape(value).split())
        found[key] = value
    return found
