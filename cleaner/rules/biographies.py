"""Who wrote the story, told in a sentence about the writer: an author's box, a biography, an
opinion piece's note on its writer.

A biography is removed as furniture; the names in it reach `authors` only through the byline
rules, never as raw text.
"""

from __future__ import annotations

import re
from functools import cache

from cleaner.article import Block
from cleaner.names import is_name_list
from cleaner.rules.contributors import HEAD_LINES, MAX_NAME_WORDS, NAME_SHAPE, name_part
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, word_count
from cleaner.vocab import Vocabulary, stopwords

# An author box: its header, the name and role lines under it, then the biography.
_MAX_BOX_LINES = 3
_MIN_BIO_WORDS = 7
_MAX_BIO_WORDS = 80
_MAX_BIO_SENTENCES = 3
# A biography names the trade within a few words of its verb: "is a freelance journalist".
_TRADE_WITHIN = 4
_SENTENCE = re.compile(r"(?<=[.!?।])\s+")


def _opens_with(vocab: Vocabulary, line: str, name: str) -> bool:
    """The biography opens with the name, or with its first word and a biography's verb ("Anna ist")."""
    if line.startswith(name):
        return True
    first = name.split()[0]
    return line.startswith(f"{first} ") and vocab.starts("bio_verbs", line[len(first) :].lstrip()) is not None


def _trade(vocab: Vocabulary) -> re.Pattern[str]:
    """A writer's trade named as a noun: "journalist", "Redakteurin" ("Editor's Choice" names a prize)."""
    return re.compile(rf"(?<!\w)(?:{vocab.alternation('writer_roles')})(?!\w|['’])", re.IGNORECASE)


def _names_trade(vocab: Vocabulary, text: str) -> bool:
    """Whether the text names a writer's trade, not a verb ("covers", "writes") the roles list too."""
    verbs = vocab.members("bio_verbs")
    return any(found.group().lower() not in verbs for found in vocab.derived(_trade).finditer(text))


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
    author's name alone on a line, up to two short lines
    (name, role), and the biography; with a name over it, the biography opens with that name
    and names what a writer does ("Thomas Becker arbeitet seit 2022 als Journalistin in Wien.",
    "संजय यादव पिछले 3 वर्षों से पत्रकारिता में हैं...").

    Why: the box is about the writer, not the story, in any language and in scripts without
    capitals, where the biography rule's name test cannot serve.

    False positives: a profile headed by its subject's name that opens by repeating it and
    names a writer's job; a short line about the writer ("Jane Doe is a writer.") is kept: the
    biography runs to seven words or more.

    Example: "About the author", "Jane Doe is a reporter at the Ledger, covering transport." ->
    both dropped.
    """
    blocks, vocab = page.blocks, page.vocab
    head = blocks[i].text.strip()
    if not NAME_SHAPE.match(head) and not vocab.line_is("author_box_headers", head):
        return None  # neither a name (see name_part) nor a header
    bio = next((j for j in range(i + 1, min(i + 1 + _MAX_BOX_LINES, len(blocks))) if not _is_box_line(blocks[j])), None)
    if bio is None or not _MIN_BIO_WORDS <= word_count(blocks[bio].text) <= _MAX_BIO_WORDS:
        return None
    line = blocks[bio].text.strip()
    if vocab.line_is("author_box_headers", head):
        return Hit(span=bio + 1 - i, detail="author box")
    about = vocab.starts("about_openers", head)
    whom = head[about.end() :].strip() if about else ""
    if whom and _is_person(vocab, whom) and _opens_with(vocab, line, whom):  # "About Jane Doe", "Jane Doe writes..."
        return Hit(span=bio + 1 - i, detail="author box")
    if _opens_with(vocab, line, head) and _names_trade(vocab, line) and name_part(head, vocab) is not None:
        return Hit(span=bio + 1 - i, detail="author box")
    return None


def _is_box_line(block: Block) -> bool:
    """A short line of an author box between its header and the biography: a name, a role."""
    return word_count(block.text) <= MAX_NAME_WORDS + 2


# A person's name as a biography opens with it: two to four capitalised words.
_BIO_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*|de|van|von|der|da|di|del|la|le)){1,3}"


def _biography_opener(vocab: Vocabulary) -> re.Pattern[str]:
    """A name, then a verb a biography opens with."""
    return re.compile(rf"^(?P<name>{_BIO_NAME})\s+(?:{vocab.alternation('bio_verbs')})(?!\w)", re.IGNORECASE)


def _role_then_copula(vocab: Vocabulary) -> re.Pattern[str]:
    """A sentence that closes on a writer's role and the copula, as Hindi biographies do: "राहुल
    शर्मा आज की खबर के साथ उप-संपादक के तौर पर जुड़े हैं।", "Pooja Verma Zee Samachar mein Up-Sampadak hain."."""
    roles = vocab.alternation("writer_roles")
    return re.compile(rf"(?<!\w)(?:{roles})(?:\s+\S+){{0,4}}?\s+(?:हैं|है|hain|hai)\s*[।.]?\s*$", re.IGNORECASE)


def _beat_for_title(vocab: Vocabulary) -> re.Pattern[str]:
    """A name, a verb of a writer's beat, and the title written for, closing the first sentence:
    "Sarah Whitfield reports on health care for the Metro Chronicle.", "Mathieu Roux couvre la
    santé pour Ouest Matin." ("Blue Cross covers dental costs for children." names no title.)"""
    title = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’&.-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’&.-]*|of|the|du|de|des|der|die|del)){0,4}"
    return re.compile(
        rf"^(?P<name>{_BIO_NAME})\s+(?i:{vocab.alternation('beat_verbs')})\s[^.!?]{{1,80}}?"
        rf"\s(?i:for|at|with|für|bei|pour|à|para|en)\s+(?:(?i:the)\s+)?{title}[.!?](?:\s|$)"
    )


@block_rule(
    "CTB004",
    "author-biography",
    "contributors",
    gate=Gate(
        min_words=_MIN_BIO_WORDS,
        max_words=_MAX_BIO_WORDS,
        phrases=("writer_roles", "beat_verbs", "writer_references", "author_box_headers"),
    ),
    alone=True,
)
def author_biography(page: Page, i: int) -> Hit | None:
    """Removes: a writer's biography standing alone: a paragraph that opens with a person's name
    and a biography's verb and names the writer's trade in its first sentence ("Jane Doe is a
    freelance journalist based in Dublin. She writes about housing.", "Lucía García es periodista
    de El Diario del Sur."), or that opens with the name and a verb of a writer's beat and closes
    its first sentence on the title written for ("Nikhil Joshi covers crime and courts for The
    Deccan Courier."), or, in one sentence, closes on the writer's role and the copula as Hindi
    biographies do ("... के साथ वरिष्ठ संवाददाता के तौर पर जुड़े हैं।"), or an opinion piece's note on
    its writer, in brackets or not ("(The writer is a former ambassador to Japan.)"), or an author
    box on one line ("About the author: Jane Doe reports on ...").

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
    if word_count(text) < _MIN_BIO_WORDS or len(_SENTENCE.findall(text)) > _MAX_BIO_SENTENCES:
        return None
    one_sentence = not _SENTENCE.search(text)
    if one_sentence and vocab.derived(_role_then_copula).search(text) and not vocab.search("reporting_verbs", text):
        return Hit(detail="writer's role")
    if _is_writer_note(vocab, text) and not vocab.search("reporting_verbs", text):
        return Hit(detail="note on the writer")
    header = vocab.starts("author_box_headers", text)
    if header is not None and _BOX_SEPARATOR.match(text, header.end()):
        return Hit(detail="author box")
    beat = vocab.derived(_beat_for_title).match(text)
    if beat is not None and _is_person(vocab, beat.group("name")) and not vocab.search("reporting_verbs", text):
        return Hit(detail="writer's beat and title")
    opener = vocab.derived(_biography_opener).match(text)
    if opener is None:
        return None
    name = opener.group("name")
    if not _is_person(vocab, name):
        return None  # "Movavi Video Editor is...", "The Azoth has...": no person
    trade = text[opener.end() :].split(maxsplit=_TRADE_WITHIN)
    if not _names_trade(vocab, " ".join(trade[:_TRADE_WITHIN])):
        return None
    return None if vocab.search("reporting_verbs", text) else Hit(detail="writer's biography")


# What sets an author box's header apart from the biography on the same line.
_BOX_SEPARATOR = re.compile(r"\s*[:|—–-]\s")


def _is_writer_note(vocab: Vocabulary, text: str) -> bool:
    """The writer named by role, then a biography's verb: "(The writer is a senior fellow at ...)",
    "Der Autor ist Professor für Geschichte in Wien."."""
    inner = text.strip("()[]*_—– ")
    reference = vocab.starts("writer_references", inner)
    return reference is not None and vocab.starts("bio_verbs", inner[reference.end() :].lstrip()) is not None


def _is_person(vocab: Vocabulary, name: str) -> bool:
    """The name a biography opens with names a person: not a trade, not a phrase of function words."""
    return (
        is_name_list(name, vocab) and not _names_trade(vocab, name) and name.split()[0].lower() not in _function_words()
    )


@cache
def _function_words() -> frozenset[str]:
    return frozenset(word for words in stopwords().values() for word in words)


def _is_biography(text: str) -> bool:
    """Shaped like a biography: seven to eighty words, three sentences at most, ending one."""
    words = word_count(text)
    return (
        _MIN_BIO_WORDS <= words <= _MAX_BIO_WORDS
        and len(_SENTENCE.findall(text)) < _MAX_BIO_SENTENCES
        and ends_sentence(text)
    )


def opens_biography(vocab: Vocabulary, text: str) -> bool:
    """Shaped like a biography and opening as one: a name and a biography's verb ("Jane Doe is",
    "Anna Schmidt schreibt"), whatever trade, if any, it names after.

    >>> opens_biography(Vocabulary(), "Jane Doe has followed the town hall since 2016 and lives by the river.")
    True
    """
    return _is_biography(text) and vocab.derived(_biography_opener).match(text) is not None


def _opens_with_name(text: str, name: str) -> bool:
    return text.startswith(name) and text[len(name) : len(name) + 1].isspace()


@block_rule(
    "CTB005",
    "author-biography-by-name",
    "contributors",
    gate=Gate(min_words=_MIN_BIO_WORDS, max_words=_MAX_BIO_WORDS),
)
def author_biography_by_name(page: Page, i: int) -> Hit | None:
    """Removes: a biography known by its name, in any phrasing: a short paragraph (seven to eighty
    words, three sentences at most, below the head of the story) that opens with the full name of
    one of the story's authors, as its byline gave them ("By Jane Doe" above, "Jane Doe covers
    the courts and has lived in the city since 2010." below).

    Why: the biography rules know a biography by its verbs and the names of trades, which vary
    with every site and language; the byline's name is evidence in any phrasing. (A name alone
    over a paragraph that repeats it is no such evidence: listicles head each product or firm so.)

    False positives: a story's sentence that opens with its own author's full name (a columnist
    writing of herself in the third person); an organisation the byline parser took for an
    author, whose own paragraph opens with its name.

    Example: "By Anna Schmidt" on top; "Anna Schmidt schreibt seit 2015 über Verkehr und Umwelt."
    below -> dropped.
    """
    authors = [name for name in page.article.authors if word_count(name) >= 2]
    text = page.blocks[i].text.strip()
    if not authors or page.kept < HEAD_LINES or not _is_biography(text):
        return None
    return Hit(detail="biography of the story's author") if any(_opens_with_name(text, n) for n in authors) else None
