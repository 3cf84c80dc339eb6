"""Author boxes and writers' biographies: the box under the story (a header or the writer's name, a
role, the biography), the biography standing alone, known by its verbs, the writer's trade and
beat, or the byline's own name (their shapes are `cleaner.biography`), and the box's link to the
writer's other posts.
"""

from __future__ import annotations

import re

from cleaner.article import Block
from cleaner.biography import (
    MAX_BIO_SENTENCES,
    MAX_BIO_WORDS,
    MAX_NAMED_BIO_SENTENCES,
    MIN_BIO_WORDS,
    MIN_WRITER_LINE_WORDS,
    POSSESSIVES,
    SENTENCE,
    beat_for_title,
    biography_opener,
    is_biography,
    is_person,
    is_writer_line,
    is_writer_note,
    names_trade,
    opens_with,
    opens_with_trade,
    reaches_writer,
    role_then_copula,
    speaks_of_a_person,
)
from cleaner.names import is_credit_line
from cleaner.rules.contributors import CAPITALISED, HEAD_LINES, MAX_NAME_WORDS, NAME_SHAPE, name_part
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, is_paragraph, word_count
from cleaner.vocab import Vocabulary

# An author box: its header, the name and role lines under it, then the biography.
_MAX_BOX_LINES = 3
# A story's paragraph, which no box below the story has after it: a sentence of this many words.
_STORY_PARAGRAPH_WORDS = 20
# A biography names the trade within a few words of its verb: "is a freelance journalist"; a
# possessive among them opens as many more ("is The Daily Ledger's Staff Writer").
_TRADE_WITHIN = 4
# A writer's role on a line of its own in an author box says it in a short first sentence
# ("Senior editor at Gizmodo."); a role line or a Hindi biography may be this short.
_MAX_ROLE_WORDS = 8
_MIN_ROLE_LINE_WORDS = 4
# A note on the writer says who they are in a short sentence: "L'auteur est chercheur au CNRS."
_MIN_NOTE_WORDS = 5
# Under a header that says whose box it is, the biography may be this short: "Tom Lee covers tech."
_MIN_HEADED_BIO_WORDS = 3
# A link to a writer's other posts: its words, then the name ("View all posts by Jane Doe, MD →").
_MAX_ARCHIVE_LINK_WORDS = 12
_LINK_MARKS = " →»>:.›"


@block_rule(
    "CTB003",
    "author-box-text",
    "contributors",
    gate=Gate(max_words=MAX_NAME_WORDS + 2),
    reads_ahead=_MAX_BOX_LINES,
)
def author_box(page: Page, i: int) -> Hit | None:
    """Removes: an author's box after the story: a header ("About the author", "Über den
    Autor", "लेखक के बारे में", "About Jane Doe" over a biography opening with her name) or the
    author's name alone on a line, up to two short lines (name, role), and the biography, or the
    name and a line that opens with the writer's trade ("Claire Martin", "Journaliste au service
    Économie depuis 2018."); with a name over it, the biography opens with that name and names
    what a writer does ("Thomas Becker arbeitet seit 2022 als Journalistin in Wien.",
    "संजय यादव पिछले 3 वर्षों से पत्रकारिता में हैं...").

    Why: the box is about the writer, not the story, in any language and in scripts without
    capitals, where the biography rule's name test cannot serve.

    False positives: a profile headed by its subject's name that opens by repeating it and
    names a writer's job; a short line about the writer ("Jane Doe is a writer.") is kept: the
    biography runs to seven words or more, but for a sentence on the writer's beat under a
    header that says whose box it is ("About the reporter", "About Kavya Reddy": "Kavya Reddy
    reports on cricket.").

    Example: "About the author", "Jane Doe is a reporter at the Ledger, covering transport." ->
    both dropped.
    """
    blocks, vocab = page.blocks, page.vocab
    head = blocks[i].text.strip()
    if not NAME_SHAPE.match(head) and not vocab.line_is("author_box_headers", head):
        return None  # neither a name (see name_part) nor a header
    if i + 1 < len(blocks) and _is_role_line(vocab, blocks[i + 1].text.strip()) and is_person(vocab, head):
        return Hit(span=2, detail="author box: name and role")
    headed = vocab.line_is("author_box_headers", head)
    about = vocab.starts("about_openers", head)
    whom = head[about.end() :].strip() if about else ""
    whom = whom if whom and is_person(vocab, whom) else ""
    end = _box_end(page, i, head, headed, whom)
    if end is None and (headed or whom):
        end = _short_biography(page, i, whom)
    return None if end is None else Hit(span=end + 1 - i, detail="author box")


def _box_end(page: Page, i: int, head: str, headed: bool, whom: str) -> int | None:
    """The biography's index under the box's first line: the first line past its names and role,
    under a header, "About Jane Doe" over a line that opens with her name, or her name over a line
    that opens with it, or with her first name, and names her trade."""
    blocks, vocab = page.blocks, page.vocab
    bio = next((j for j in _box_lines(page, i) if not _is_box_line(blocks[j])), None)
    if bio is None or not MIN_BIO_WORDS <= word_count(blocks[bio].text) <= MAX_BIO_WORDS:
        return None
    line = blocks[bio].text.strip()
    if headed or (whom and opens_with(vocab, line, whom)):  # "About Jane Doe", "Jane Doe writes..."
        return bio
    writes = names_trade(vocab, line) or vocab.derived(beat_for_title).match(line) is not None
    by_first_name = _calls_by_first_name(vocab, line, head) and not _story_goes_on(page, bio)
    named = opens_with(vocab, line, head) or by_first_name
    if named and writes and name_part(head, vocab) is not None:
        return bio
    return None


def _calls_by_first_name(vocab: Vocabulary, line: str, name: str) -> bool:
    """Under her full name, a box's biography may call the writer by her first name, go on in
    words of its own and speak of her as a person does ("Angela first became a professional
    writer in kindergarten, selling her poetry ..."), below the story (`_story_goes_on`).
    "Serverless Computing" over "Serverless architecture ..." is a section, and a capital after
    the name ("Angela Merkel") names someone else."""
    first, _, rest = line.partition(" ")
    if first != name.split()[0] or not rest[:1].islower():
        return False
    return speaks_of_a_person(vocab, rest)


def _story_goes_on(page: Page, i: int) -> bool:
    """Whether a paragraph of a story follows line i: a box under the story ends it, where a feature's
    profiles ("Jane Smith" over "Jane worked as a journalist ...") go on."""
    return any(is_paragraph(page.blocks[k].text, _STORY_PARAGRAPH_WORDS) for k in range(i + 1, len(page.blocks)))


def _box_lines(page: Page, i: int) -> range:
    """The lines under a box's first line that the box may reach."""
    return range(i + 1, min(i + 1 + _MAX_BOX_LINES, len(page.blocks)))


def _short_biography(page: Page, i: int, whom: str) -> int | None:
    """Under a header that says the box is the writer's ("About the reporter", "About Kavya Reddy"),
    the biography may be one short sentence on the writer's beat ("Kavya Reddy reports on cricket."):
    the first line within the box's reach that ends a sentence of _MIN_HEADED_BIO_WORDS words or more,
    opening with the header's name when it names one ("About Jane Austen" over "Jane Austen was born
    in 1775." is a section of the story)."""
    vocab = page.vocab
    for j in _box_lines(page, i):
        text = page.blocks[j].text.strip()
        if ends_sentence(text) and word_count(text) >= _MIN_HEADED_BIO_WORDS:
            named = not whom or opens_with(vocab, text, whom)
            return j if named and vocab.search("beat_verbs", text) is not None else None
    return None


def _is_role_line(vocab: Vocabulary, text: str) -> bool:
    """An author box's line under the name that opens with the writer's trade in a short first
    sentence ("Journaliste au service Économie depuis 2018.", "Senior editor at Gizmodo.")."""
    return (
        CAPITALISED.match(text) is not None
        and ends_sentence(text)
        and word_count(SENTENCE.split(text, maxsplit=1)[0]) <= _MAX_ROLE_WORDS
        and opens_with_trade(vocab, text)
        and not vocab.search("reporting_verbs", text)
    )


def _is_box_line(block: Block) -> bool:
    """A short line of an author box between its header and the biography: a name, a role."""
    return word_count(block.text) <= MAX_NAME_WORDS + 2


@block_rule(
    "CTB004",
    "author-biography",
    "contributors",
    gate=Gate(
        min_words=_MIN_ROLE_LINE_WORDS,
        max_words=MAX_BIO_WORDS,
        phrases=("writer_roles", "beat_verbs", "writer_references", "author_box_headers", "writer_contacts"),
    ),
    alone=True,
)
def author_biography(page: Page, i: int) -> Hit | None:
    """Removes: a writer's biography standing alone: a paragraph that opens with a person's name
    and a biography's verb and names the writer's trade in its first sentence ("Jane Doe is a
    freelance journalist based in Dublin. She writes about housing.", "Lucía García es periodista
    de El Diario del Sur."), or that opens with the name and a verb of a writer's beat and closes
    its first sentence on the title written for ("Nikhil Joshi covers crime and courts for The
    Deccan Courier."), or that opens with the name and a biography's verb and tells how to reach
    the writer ("Jane Doe covers startups. She can be reached at jane@example.com."), or, in one
    sentence, closes on the writer's role and the copula as Hindi biographies do ("... के साथ वरिष्ठ
    संवाददाता के तौर पर जुड़े हैं।"), or an opinion piece's note on its writer, in brackets or not
    ("(The writer is a former ambassador to Japan.)"), or an author box on one line ("About the
    author: Jane Doe reports on ...").

    Why: sites close a story with a line about its writer, with or without a box around it;
    it reads as a sentence of the story and so stays in the body.

    False positives: a story's own sentence introducing a journalist by name ("Maria Ressa is a
    journalist who won the Nobel Peace Prize in 2021.") reads the same, and a book review's
    paragraph on the book's writer ("The author is a former Marine who served in Iraq."); it must open the
    paragraph with a person's name (no function word, no trade in it: "Movavi Video Editor is"),
    name the trade within four words of its verb, run to three sentences at most and hold no
    reported speech.

    Example: "Jane Doe is a senior reporter at the Ledger, covering transport." -> dropped.
    """
    text = page.blocks[i].text.strip()
    vocab = page.vocab
    words = word_count(text)
    if words < _MIN_ROLE_LINE_WORDS or len(SENTENCE.findall(text)) > MAX_BIO_SENTENCES:
        return None
    one_sentence = not SENTENCE.search(text)
    if one_sentence and vocab.derived(role_then_copula).search(text) and not vocab.search("reporting_verbs", text):
        return Hit(detail="writer's role")
    if words >= _MIN_NOTE_WORDS and is_writer_note(vocab, text) and not vocab.search("reporting_verbs", text):
        return Hit(detail="note on the writer")
    if words < MIN_BIO_WORDS:
        return None
    header = vocab.starts("author_box_headers", text)
    if header is not None and _BOX_SEPARATOR.match(text, header.end()):
        return Hit(detail="author box")
    beat = vocab.derived(beat_for_title).match(text)
    if beat is not None and is_person(vocab, beat.group("name")) and not vocab.search("reporting_verbs", text):
        return Hit(detail="writer's beat and title")
    opener = vocab.derived(biography_opener).match(text)
    if opener is None:
        return None
    name = opener.group("name")
    if not is_person(vocab, name):
        return None  # "Movavi Video Editor is...", "The Azoth has...": no person
    beside = opener.group("apposed") or opener.group("bracketed") or ""
    window = " ".join([beside, *_trade_window(text[opener.end() :])])
    if not names_trade(vocab, window) and not reaches_writer(vocab, text):
        return None
    return None if vocab.search("reporting_verbs", text) else Hit(detail="writer's biography")


def _trade_window(rest: str) -> list[str]:
    """The words after a biography's verb where it names the trade: the first few, and as many after
    a possessive among them ("is The Daily Ledger's Staff Writer")."""
    words = rest.split(maxsplit=2 * _TRADE_WITHIN)[: 2 * _TRADE_WITHIN]
    owner = next((k for k, word in enumerate(words[:_TRADE_WITHIN]) if word.endswith(POSSESSIVES)), None)
    return words[:_TRADE_WITHIN] if owner is None else words[: owner + 1 + _TRADE_WITHIN]


# What sets an author box's header apart from the biography on the same line (a run of spaces is
# tried from its start only).
_BOX_SEPARATOR = re.compile(r"(?<!\s)\s*[:|—–-]\s")


def _opens_with_name(text: str, name: str) -> bool:
    return text.startswith(name) and text[len(name) : len(name) + 1].isspace()


@block_rule(
    "CTB005",
    "author-biography-by-name",
    "contributors",
    gate=Gate(min_words=MIN_WRITER_LINE_WORDS, max_words=MAX_BIO_WORDS),
)
def author_biography_by_name(page: Page, i: int) -> Hit | None:
    """Removes: a biography known by its name, in any phrasing: a short paragraph (seven to eighty
    words, three sentences at most, below the head of the story; or a sentence of four words or
    more that names a writer's trade, "Jane Doe writes on cricket.") that opens with the full name
    of one of the story's authors, as its byline gave them ("By Jane Doe" above, "Jane Doe covers
    the courts and has lived in the city since 2010." below); up to five sentences where it speaks
    of one person ("he", "she") and opens with that name or with the author's first name and a
    biography's verb ("Jane is an avid hiker ... She lives in Denver."), not with a possessive.

    Why: the biography rules know a biography by its verbs and the names of trades, which vary with
    every site and language; the byline's name is evidence in any phrasing (a name alone over a
    paragraph that repeats it is not: listicles head each product or firm so).

    False positives: a story's sentence that opens with its own author's full name (a columnist
    writing of herself in the third person), or with a namesake's first name and a verb ("Jane is
    ..."); an organisation the byline parser took for an author, whose own paragraph opens with
    its name (a longer one only where it speaks of a person: "he", "she").

    Example: "By Anna Schmidt" on top; "Anna Schmidt schreibt seit 2015 über Verkehr und Umwelt."
    below -> dropped.
    """
    authors = [name for name in page.article.authors if word_count(name) >= 2]
    text = page.blocks[i].text.strip()
    if not authors or page.kept < HEAD_LINES:
        return None
    if is_writer_line(page.vocab, text) and any(_opens_with_name(text, n) for n in authors):
        return Hit(detail="biography of the story's author")
    longer = is_biography(text, MAX_NAMED_BIO_SENTENCES) and speaks_of_a_person(page.vocab, text)
    if longer and any(opens_with(page.vocab, text, n) and not _possessive(text, n) for n in authors):
        return Hit(detail="biography of the story's author")
    return None


def _possessive(text: str, name: str) -> bool:
    """The text opens with the name's possessive ("Heather Webber's books ..."): it speaks of her work."""
    return text.startswith(name) and text[len(name) :].startswith(POSSESSIVES)


@block_rule(
    "CTB006",
    "author-archive-link",
    "contributors",
    gate=Gate(max_words=_MAX_ARCHIVE_LINK_WORDS, phrases=("author_archive_links",)),
    alone=True,
)
def author_archive_link(page: Page, i: int) -> Hit | None:
    """Removes: a link to a writer's other posts, a link's words (most with a verb that sends the
    reader: "view", "see", "read") and a name after them or none, nothing else ("View all posts by Jane
    Doe", "Read more posts by Joe Kindness →", "View All Articles by This Author", "Alle Beiträge
    von Max Mustermann", "Voir tous les articles de Jean Dupont").

    Why: a blog's theme sets it in the author's box, between the story and the comments, or under
    each writer of a page's list; it is a button, never the story's sentence, wherever it stands.

    False positives: a heading of the story's own over a writer's posts it lists ("See all posts by
    Jane Doe" over a reading list) goes, its items stay. A heading without a link's verb ("More
    stories by Alice Munro", "Posts by Elon Musk", "Entradas de Real Madrid") is never taken.

    Example: "View all posts by Craig Randall" -> dropped.
    """
    text = page.blocks[i].text.strip()
    link = page.vocab.starts("author_archive_links", text)
    if link is None:
        return None
    whom = text[link.end() :].strip(_LINK_MARKS)
    return Hit() if not whom or is_credit_line(whom, page.vocab) else None
