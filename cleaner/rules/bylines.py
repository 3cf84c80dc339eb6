"""Bylines, moved to `Article.authors`."""

from __future__ import annotations

import re

from cleaner.biography import POSSESSIVES, is_person, speaks_of_a_person
from cleaner.byline import byline_opening, read_byline, read_review_credit
from cleaner.names import MAX_BYLINE_WORDS
from cleaner.pagemodel.lead import is_made_of_page_words
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import word_count

# An author box: the author's name on a line of its own (at most _MAX_NAME_WORDS words), at
# most _MAX_BIO_GAP short role lines, then a biography of _MIN_BIO_WORDS words or more.
_MAX_NAME_WORDS = 4
_MAX_BIO_GAP = 2
_MAX_ROLE_WORDS = 6
_MIN_BIO_WORDS = 12
# A biography gives its writer's trade in its first words after the name: "is a senior reporter".
_TRADE_REACH = 5
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# The author box's gate: a line of two to _MAX_NAME_WORDS name-shaped words (`_is_name_line` asks
# also that each is capitalised).
_NAME_LINE = re.compile(rf"^\s*{_NAME_WORD.pattern}(?:\s+{_NAME_WORD.pattern}){{1,{_MAX_NAME_WORDS - 1}}}\s*$")
# Three bylines or more, each within this many lines of another, are a list's: a filter menu
# ("By Role", "By Industry"), the teasers of other stories, the books of a reading list. None of
# them credits the story.
_LIST_REACH = 4
_LIST_OTHERS = 2


@block_rule(
    "BYL001",
    "byline",
    "bylines",
    gate=Gate(max_words=20, phrases=("byline_markers",), pattern=byline_opening),
)
def byline(page: Page, i: int) -> Hit | None:
    """Removes: a byline ("By John Smith and Jane Doe", "By JANE DOE, Reuters", "Written by
    Ann Lee | Updated: March 3, 2022", "Von Max Mustermann", "Par Jean Dupont", "Por Juan
    Pérez", "By Korin MillerPublished: Jan 29, 2025", "ByDaryl Austin"), also under a label in
    other words ("Column by Jane Doe", "Ein Kommentar von Anna Schmidt", "Texto de Juan Pérez",
    "Von unserem Korrespondenten Max Weber": full names then), also when the marker and
    the names sit on two lines, and with the count of the story's comments closing it ("May 3,
    2017 By Erin Spain 4 Comments"). The names move to `authors`, an agency to `credits`; a date on the
    same line sets `published`; a name of one word the page writes in lower case ("By Audience": a filter's
    entry) credits no one. A byline next to another one is a list's (a filter menu's "By Industry", other
    stories' teasers, a reading list): it is dropped, and credits no one; so is an editor's credit
    ("Edited by Jane Doe", `editor_credits`: the editor is no author).

    Why: the author belongs in metadata; left in the body it is a stray line.

    False positives: a sentence that starts with "By" is kept because the words after the
    marker must be capitalised names and the rest of the line must not be a sentence ("By
    the time the troops arrived, the city was empty." stays).

    Example: "By Jane Doe and John O'Neil" -> authors ["Jane Doe", "John O'Neil"].
    """
    blocks = page.blocks
    following = blocks[i + 1].text if i + 1 < len(blocks) else None
    found = read_byline(blocks[i].text, following, page.vocab)
    if found is None:
        return None
    if _in_a_list_of_bylines(page, i, found.span):
        return Hit(span=found.span, detail="one of a list of bylines")
    meta: dict[str, object] = {"published": found.published} if found.published else {}
    if found.agencies:
        meta["credits"] = found.agencies
    if page.vocab.starts("editor_credits", blocks[i].text.strip()):
        return Hit(span=found.span, meta=meta, detail="an editor's credit")
    names = [name for name in found.names if " " in name or not is_made_of_page_words(page, name)]
    return Hit(span=found.span, moved_to="authors" if names else None, value=names or None, meta=meta)


@block_rule(
    "BYL003",
    "review-credit",
    "bylines",
    gate=Gate(max_words=MAX_BYLINE_WORDS, phrases=("review_credits", "review_badges")),
)
def review_credit(page: Page, i: int) -> Hit | None:
    """Removes: a credit for checking a story rather than writing it ("Reviewed by Monika Nemcova",
    "Medically reviewed by Kim Rose-Francis RDN, CDCES, LD", "Fact checked by:" over the name on
    the next line, "Geprüft von Dr. Anna Schmidt"), and a badge saying that the story was checked
    ("Fact Checked", "Expert Reviewed", "Evidence Based"). The reviewer credits no one; a writer's
    byline after the credit on the same line ("Medically reviewed by ... — Written by Jillian
    Kubala, MS, RD — Updated on March 7, 2025") moves its names to `authors`, its date to `published`.

    Why: health, finance and review sites print who checked a story beside the headline and in
    the author box under it; in the body the line is a stray, and the reviewer is no author.

    False positives: a sentence about a review ("Reviewed by the committee, the plan was cut.") is
    kept: names must follow the credit, and after them at most a role, a date or a byline.

    Example: "Reviewed by Monika Nemcova" under "Written by Jane Doe" -> dropped, authors ["Jane Doe"].
    """
    text = page.blocks[i].text
    if page.vocab.line_is("review_badges", text):
        return Hit(detail="a badge that the story was checked")
    following = page.blocks[i + 1].text if i + 1 < len(page.blocks) else None
    found = read_review_credit(text, following, page.vocab)
    if found is None:
        return None
    meta: dict[str, object] = {"published": found.published} if found.published else {}
    names = found.names or None
    return Hit(
        span=found.span, moved_to="authors" if names else None, value=names, meta=meta, detail="a reviewer's credit"
    )


def _in_a_list_of_bylines(page: Page, i: int, span: int) -> bool:
    blocks = page.blocks
    near = (*range(max(i - _LIST_REACH, 0), i), *range(i + span, min(i + span + _LIST_REACH, len(blocks))))
    others = 0
    for j in near:
        dropped = page.dropped[j]
        if (dropped is not None and dropped.family != "bylines") or not page.vocab.starts(
            "byline_markers", blocks[j].text
        ):
            continue
        following = blocks[j + 1].text if j + 1 < len(blocks) else None
        others += dropped is not None or read_byline(blocks[j].text, following, page.vocab) is not None
    return others >= _LIST_OTHERS


def _is_name_line(text: str) -> bool:
    """A line of two to four capitalised words, nothing else: a person's name."""
    parts = text.split()
    return 2 <= len(parts) <= _MAX_NAME_WORDS and all(_NAME_WORD.fullmatch(p) and p[0].isupper() for p in parts)


def _is_biography(page: Page, i: int, j: int) -> bool:
    """The paragraph at `j` under the name line `i` is about a writer: long enough, and naming
    what the person does for the page, or in other words a box of its own (`_is_personal_box`)."""
    bio = page.blocks[j].text.strip()
    if word_count(bio) < _MIN_BIO_WORDS:
        return False
    return page.vocab.search("writer_roles", bio) is not None or _is_personal_box(page, i, j)


def _is_personal_box(page: Page, i: int, j: int) -> bool:
    """A biography in other words ("Jane Doe is the co-founder of Acme. She has..."): it speaks of
    one person, whose name (not "Le Bernardin", nor a firm's possessive, "Marlee's Lemonade")
    stands elsewhere on the page alone on a line or first in a byline, and no other name on the
    page heads a paragraph that opens with it. A story's note on the person it interviews names
    them only in its prose; a listicle of people, or of brands named after them ("Stella
    McCartney" / "Stella McCartney is a pioneer in sustainable fashion. Known for her ..."), and a
    team's page head many."""
    name = page.blocks[i].text.strip()
    if not is_person(page.vocab, name) or any(word.endswith(POSSESSIVES) for word in name.split()):
        return False
    if not speaks_of_a_person(page.vocab, page.blocks[j].text) or page.memo(_boxed_names) - {name}:
        return False
    return any(_credits_name(page, block.text.strip(), name) for k, block in enumerate(page.blocks) if not i <= k <= j)


def _credits_name(page: Page, text: str, name: str) -> bool:
    """The line is the name alone or a byline naming it first ("By Jane Doe", "Written by Jane Doe
    | March 3"); a caption or a heading that names the person ("Interview with Jane Doe") is not."""
    if text == name:
        return True
    marker = page.vocab.starts("byline_markers", text)
    return marker is not None and text[marker.end() :].strip(" :|-–").startswith(name)


def _boxed_names(page: Page) -> frozenset[str]:
    """The names on the page that stand over a paragraph opening with them (`_paragraph_on_name`)."""
    return frozenset(
        page.blocks[i].text.strip() for i in range(len(page.blocks)) if _paragraph_on_name(page, i) is not None
    )


@block_rule(
    "BYL002",
    "author-bio",
    "bylines",
    gate=Gate(max_words=_MAX_NAME_WORDS, pattern=_NAME_LINE),
)
def author_bio(page: Page, i: int) -> Hit | None:
    """Removes: an author box: a line holding only a person's name, up to two short role
    lines under it, and the biography that follows, which opens with the name or its
    first word and a verb ("Jane Doe is a reporter at...", "Jane has covered...",
    "Jane Doe ist Redakteurin...").

    Why: the box is about the author, not the story, and sits under every story the
    author writes; in a page dump its paragraph reads like article text, so it drags the
    article's run on into the furniture after it.

    Also a biography in other words ("Jane Doe is the co-founder of Acme. She has spent twenty
    years ..."): a paragraph that speaks of one person ("he", "she"), under a name the page gives
    elsewhere alone on a line or first in a byline ("By Jane Doe") and the only one on the page over
    such a paragraph.

    False positives: a profile of a writer headed by the writer's name; a story's note on the
    person it interviews, in a box of its own. A listicle whose items are headed by a name and
    open by repeating it ("Acme Studio" then "Acme Studio is a design agency...", "Stella
    McCartney" then "Stella McCartney is a pioneer in sustainable fashion. Known for her ...")
    stays: the paragraph must name what a writer does ("reporter", "editor", "writes") or be the
    only one of its kind on the page, follow the name within three lines and run to twelve words;
    a story's note on the person it interviews stays where the name stands in its prose only.

    Where no byline has credited the story, the box's name moves to `authors` when its biography
    speaks of the person (by a pronoun, or by a writer's trade under a person's name: "Lucía
    Ferrández es periodista") and no line of the box credits a reviewer ("Fact checked by").

    Example: "Jane Doe", "Senior Reporter", "Jane Doe is a senior reporter at the Gazette,
    covering housing and transport. She lives in Leeds." -> all three dropped, authors ["Jane Doe"].
    """
    j = _paragraph_on_name(page, i)
    if j is None or not _is_biography(page, i, j):
        return None
    if not _credits_story(page, i, j):
        return Hit(span=j + 1 - i, detail="author name and biography")
    name = page.blocks[i].text.strip()
    return Hit(span=j + 1 - i, moved_to="authors", value=[name], detail="author name and biography")


def _credits_story(page: Page, i: int, j: int) -> bool:
    """Whether the box from line `i` to its biography at line `j` names the story's writer: no byline
    has credited anyone, the biography speaks of a person (a firm's box, "Acme Van Lines is one of
    our favourite movers", does not), by a pronoun or, under a person's name, by a writer's trade
    (where the language drops its pronouns: "Lucía Ferrández es periodista. Ha sido corresponsal
    ..."), and no line of the box credits a reviewer ("Fact checked by")."""
    bio, name = page.blocks[j].text, page.blocks[i].text.strip()
    if page.article.authors or not (speaks_of_a_person(page.vocab, bio) or _named_by_trade(page, name, bio)):
        return False
    return not any(page.vocab.starts("review_credits", page.blocks[k].text.strip()) for k in range(i + 1, j))


def _named_by_trade(page: Page, name: str, bio: str) -> bool:
    """The biography opens by giving the person named a writer's trade ("Lucía Ferrández es
    periodista", "Jane Doe is a senior reporter"), not a firm's ("Acme Van Lines is one of our
    favourite movers ... covers")."""
    opening = " ".join(bio.removeprefix(name).split()[:_TRADE_REACH])
    return is_person(page.vocab, name) and page.vocab.search("writer_roles", opening) is not None


def _paragraph_on_name(page: Page, i: int) -> int | None:
    """The paragraph under the name line `i`, past up to _MAX_BIO_GAP short role lines, that opens
    with the name or its first word and a biography's verb; None if there is none."""
    blocks = page.blocks
    text = blocks[i].text.strip()
    if not _is_name_line(text):
        return None
    first = text.split()[0]
    for j in range(i + 1, min(i + 2 + _MAX_BIO_GAP, len(blocks))):
        line = blocks[j].text.strip()
        for opener in (text, first):
            if line.startswith(opener) and page.vocab.starts("bio_verbs", line[len(opener) :].lstrip()):
                return j
        if word_count(line) > _MAX_ROLE_WORDS:
            return None
    return None
