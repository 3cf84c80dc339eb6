"""Who wrote the story, where the byline rules cannot tell by a marker: a name followed by the writer's role or
paper, a labelled byline in a script without capitals (author boxes and biographies: `cleaner.biography`).

Names reach `authors` only through the byline name parsing (`names.is_name_list`,
`names.split_names`): a name it cannot read (Devanagari has no capitals to tell a name by) is
removed as furniture, never copied into `authors` as raw text.
"""

from __future__ import annotations

import re

from cleaner import dates
from cleaner.article import Block
from cleaner.biography import (
    MAX_BIO_SENTENCES,
    MAX_BIO_WORDS,
    MIN_BIO_WORDS,
    MIN_WRITER_LINE_WORDS,
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
)
from cleaner.names import dated_credit, is_name_list, split_names
from cleaner.pagemodel.run import is_whole_page
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, is_title_cased, word_count
from cleaner.vocab import Vocabulary

# "Jane Doe, Staff Writer", "Sneha Iyer | Free Press Express | Mumbai", "Markus Weber – Korrespondent".
# Leading whitespace is taken from the start of its run only: a long run costs one scan.
_ROLE_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?(?:,|\||·|•|–|—|-(?=\s))\s*")
# Every separator holds one of these: most lines hold none, and are found so faster than by the split.
_SEPARATOR_MARK = re.compile(r"[,|·•–—-]")
_MAX_BYLINE_WORDS = 12
_MAX_NAME_WORDS = 4
_MAX_TAIL_WORDS = 8
# A name, a role or a paper is set in capitals; only a role may open in lower case
# ("correspondant", "periodista").
_CAPITALISED = re.compile(r"^[^\w]*[A-ZÀ-ÖØ-ÞĀ-Ž]")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]")
# A name opens on a capital (or a Devanagari letter) and holds no digit.
_NAME_OPENING = r"[A-ZÀ-ÖØ-ÞĀ-Ž\u0900-\u097f]"
_NAME_SHAPE = re.compile(rf"{_NAME_OPENING}[^\d]*$")
_OPENS_AS_NAME = re.compile(_NAME_OPENING)
# A script without capitals whose names the rules still take: Devanagari, for Hindi pages.
_CASELESS_NAME = re.compile(r"^[\u0900-\u097f\s.]+$")
# A byline that names only a paper or a place sits at the head of the story: under the headline and
# the standfirst.
_HEAD_LINES = 3
# "Words: Jane Doe": a label of a word or two, a colon, the names.
_LABELLED_NAME = re.compile(r"^[^\W\d_][^\W\d]*(?:\s+[^\W\d]+)?\s*:\s*(?P<names>[^:]+)$")
# An author box: its header, the name and role lines under it, then the biography.
_MAX_BOX_LINES = 3
# A biography names the trade within a few words of its verb: "is a freelance journalist".
_TRADE_WITHIN = 4
# A writer's role on a line of its own in an author box says it in a short first sentence
# ("Senior editor at Gizmodo."); a role line or a Hindi biography may be this short.
_MAX_ROLE_WORDS = 8
_MIN_ROLE_LINE_WORDS = 4
# A note on the writer says who they are in a short sentence: "L'auteur est chercheur au CNRS."
_MIN_NOTE_WORDS = 5


def _name_part(text: str, vocab: Vocabulary) -> list[str] | None:
    """The names a byline opens with, as the byline parser reads them; [] for a caseless name
    (two to four words without digits) it cannot read; None for no name."""
    words = text.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS * 2 or not _NAME_SHAPE.match(text):
        return None
    if _LATIN.search(text):
        return split_names(text, vocab) if len(words) >= 2 and is_name_list(text, vocab) else None
    caseless = _CASELESS_NAME.match(text) and 2 <= len(words) <= _MAX_NAME_WORDS
    return [] if caseless and not ends_sentence(text) else None


def _tail_parts(tail: str) -> list[str] | None:
    """The parts after the names (a role, a paper, a place), each short and none a sentence."""
    parts = [p for p in _ROLE_SEPARATOR.split(tail) if p]
    if not parts or word_count(tail) > _MAX_TAIL_WORDS or ends_sentence(tail.rstrip(" )")):
        return None
    return parts


def _role_at_end(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{vocab.alternation('writer_roles')})\W*$", re.IGNORECASE)


def _is_role(vocab: Vocabulary, text: str) -> bool:
    """A writer's role, named last: "Senior Correspondent", "correspondant", "वरिष्ठ संवाददाता"
    ("Writing a blog post" names a trade, but is no role)."""
    return word_count(text) <= _MAX_TAIL_WORDS and vocab.derived(_role_at_end).search(text) is not None


@block_rule("CTB001", "name-and-role-line", "contributors", gate=Gate(max_words=_MAX_BYLINE_WORDS))
def name_and_role_line(page: Page, i: int) -> Hit | None:
    """Removes: a byline without a marker: the writer's name, then the role ("Jane Doe, Staff
    Writer", "Markus Weber, Korrespondent", "कविता रेड्डी, संवाददाता"), also on the next line
    ("Jane Doe" over "Staff Writer", and the biography under them below the story's head); and,
    at the head of the story, the name then the paper or the place ("Sneha Iyer | Free Press
    Express | Mumbai", "अर्जुन मेहता, मुंबई"), the name then the date ("Faith Katunga • Oct 20,
    2025": the date goes to `published`) or a label of a word or two before the name
    ("Reportage: Anna Schmidt"). Names the byline parser reads move to
    `authors` when a role or a date follows them or a label stands before them.

    Why: many sites print the byline as a name and a role, with no "By"; left in the body it is
    a stray line, and above the story it hides the headline from the headline rule.

    False positives: a quotation's attribution on a line of its own ("Jane Doe, Senior Reporter")
    reads the same; a person named with a sentence about them ("Mary Smith, a reporter who
    covered the trial, said...") is kept: what follows the name must be short, set in capitals
    or a role, and no sentence. A name with a paper, a place or a date, or after a label, counts only
    among the first three lines kept (headline, standfirst, byline) of a text that is no
    whole-page dump ("Step 1: Know What You Want" heads a guide's first step), and each name
    after a label has at most four words ("Pro: Work On Interesting Business Problems" is a
    heading in title case).

    Example: "Sarah Whitfield, Chief Reporter" -> authors ["Sarah Whitfield"].
    """
    text = page.blocks[i].text.strip()
    if not _OPENS_AS_NAME.match(text) and ":" not in text:
        return None  # every byline read here opens with its name, or with a label and a colon
    vocab = page.vocab
    dated = dated_credit(text, vocab, dates.reading(page.article.url)) if _at_the_head(page, i) else None
    if dated is not None:
        meta = {"published": dated.published}
        return Hit(moved_to="authors", value=dated.names, meta=meta, detail="a name and its date, at the head")
    labelled = _LABELLED_NAME.match(text) if ":" in text else None
    if labelled and _at_the_head(page, i):
        names = _name_part(labelled.group("names"), vocab)
        # A name has a few words: "Pro: Work On Interesting Business Problems" heads a section.
        if names and all(len(name.split()) <= _MAX_NAME_WORDS for name in names):
            return Hit(moved_to="authors", value=names, detail="a labelled name, at the head")
    parts = _ROLE_SEPARATOR.split(text, maxsplit=1) if _SEPARATOR_MARK.search(text) else [text]
    if len(parts) == 1:
        return _name_over_role(page, i)
    names = _name_part(parts[0], vocab)
    tail = _tail_parts(parts[1])
    if names is None or tail is None or vocab.search("reporting_verbs", text):
        return None
    if not all(_CAPITALISED.match(part) or not _LATIN.search(part) or _is_role(vocab, part) for part in tail):
        return None
    if any(_is_role(vocab, part) for part in tail):
        return Hit(moved_to="authors" if names else None, value=names or None)
    # A name and a paper at the head of an article; a place reads the same ("New York, United
    # States"), so the words are not taken for a name. Both are set in capitals word by word: "My
    # Friend Became a Grocery Store" is the rest of a headline.
    if not _at_the_head(page, i) or not all(is_title_cased(part) for part in tail) or dates.find_date(parts[1]):
        return None  # a date after a word or two is a timestamp's ("Updated Wednesday, March 3, 2024")
    return Hit(detail="a name and a paper or place, at the head")


def _at_the_head(page: Page, i: int) -> bool:
    """Among the first lines a text keeps (headline, standfirst, byline), in a text that is no
    whole-page dump (whose head is its menu) nor an HTML page's extract (whose head may be the
    article's first heading)."""
    return page.kept < _HEAD_LINES and page.blocks[i].tag is None and not page.memo(is_whole_page)


def _name_over_role(page: Page, i: int) -> Hit | None:
    """A name alone on its line, and the writer's role alone on the next."""
    if i + 1 >= len(page.blocks):
        return None
    role, vocab = page.blocks[i + 1].text.strip(), page.vocab
    if not _CAPITALISED.match(role) or ends_sentence(role) or not _is_role(vocab, role):
        return None
    if vocab.line_is("author_box_headers", role):  # "About the Author" heads a box: its writer comes after
        return None
    name = page.blocks[i].text.strip()
    names = _name_part(name, vocab)
    # Each name of two words or more: "Health & Wellness" over a box's header is a menu's.
    if names is None or any(len(each.split()) < 2 for each in names):
        return None
    span = 3 if _biography_under(page, i + 2, name) else 2
    return Hit(span=span, moved_to="authors" if names else None, value=names or None)


def _biography_under(page: Page, i: int, name: str) -> bool:
    """An author box's biography under the name and the role, below the story's head, opening with
    the writer's first name or a pronoun ("Elle suit les questions d'éducation.", "Maria covers
    housing."); at the head, the story's first paragraph follows a byline."""
    if i >= len(page.blocks) or page.kept < _HEAD_LINES:
        return False
    text = page.blocks[i].text.strip()
    first = text.split(maxsplit=1)[0].casefold() if text else ""
    opens = first == name.split()[0].casefold() or first in page.vocab.members("person_pronouns")
    return opens and is_biography(text) and not page.vocab.search("reporting_verbs", text)


@block_rule(
    "CTB002", "labelled-byline", "contributors", gate=Gate(max_words=_MAX_BYLINE_WORDS, phrases=("byline_markers",))
)
def labelled_byline(page: Page, i: int) -> Hit | None:
    """Removes: a byline whose label opens the line and whose names the byline parser cannot
    read, having no capitals to tell them by ("रिपोर्ट: राहुल शर्मा", "लेखक: नेहा गुप्ता",
    "द्वारा: अमित तिवारी"), with a place or a role after them ("रिपोर्ट: अमित कुमार, लखनऊ"). Nothing
    moves to `authors`.

    Why: Hindi pages label their bylines as English ones do ("By", "Reporter:"), but the byline
    rule reads names by their capitals.

    False positives: a short line that opens with the label word and a colon and goes on with
    two to four words that are no name; the label must be followed by a colon or a dash.

    Example: "रिपोर्ट: राहुल शर्मा" -> dropped.
    """
    text = page.blocks[i].text.strip()
    label = page.vocab.starts("byline_markers", text)
    rest = text[label.end() :] if label else ""
    if not re.match(r"\s*[:–—-]", rest):
        return None
    names = rest.lstrip(" :–—-")
    mark = _SEPARATOR_MARK.search(names)
    if mark is not None:  # "रिपोर्ट: अमित कुमार, लखनऊ": the names, then a place or a role
        if _tail_parts(names[mark.start() :].lstrip(",|·•–—- ")) is None:
            return None
        names = names[: mark.start()].rstrip()
    return Hit() if not _LATIN.search(names) and _name_part(names, page.vocab) == [] else None


@block_rule(
    "CTB003",
    "author-box-text",
    "contributors",
    gate=Gate(max_words=_MAX_NAME_WORDS + 2),
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
    biography runs to seven words or more.

    Example: "About the author", "Jane Doe is a reporter at the Ledger, covering transport." ->
    both dropped.
    """
    blocks, vocab = page.blocks, page.vocab
    head = blocks[i].text.strip()
    if not _NAME_SHAPE.match(head) and not vocab.line_is("author_box_headers", head):
        return None  # neither a name (see _name_part) nor a header
    if i + 1 < len(blocks) and _is_role_line(vocab, blocks[i + 1].text.strip()) and is_person(vocab, head):
        return Hit(span=2, detail="author box: name and role")
    bio = next((j for j in range(i + 1, min(i + 1 + _MAX_BOX_LINES, len(blocks))) if not _is_box_line(blocks[j])), None)
    if bio is None or not MIN_BIO_WORDS <= word_count(blocks[bio].text) <= MAX_BIO_WORDS:
        return None
    line = blocks[bio].text.strip()
    if vocab.line_is("author_box_headers", head):
        return Hit(span=bio + 1 - i, detail="author box")
    about = vocab.starts("about_openers", head)
    whom = head[about.end() :].strip() if about else ""
    if whom and is_person(vocab, whom) and opens_with(vocab, line, whom):  # "About Jane Doe", "Jane Doe writes..."
        return Hit(span=bio + 1 - i, detail="author box")
    if opens_with(vocab, line, head) and names_trade(vocab, line) and _name_part(head, vocab) is not None:
        return Hit(span=bio + 1 - i, detail="author box")
    return None


def _is_role_line(vocab: Vocabulary, text: str) -> bool:
    """An author box's line under the name that opens with the writer's trade in a short first
    sentence ("Journaliste au service Économie depuis 2018.", "Senior editor at Gizmodo.")."""
    return (
        _CAPITALISED.match(text) is not None
        and ends_sentence(text)
        and word_count(SENTENCE.split(text, maxsplit=1)[0]) <= _MAX_ROLE_WORDS
        and opens_with_trade(vocab, text)
        and not vocab.search("reporting_verbs", text)
    )


def _is_box_line(block: Block) -> bool:
    """A short line of an author box between its header and the biography: a name, a role."""
    return word_count(block.text) <= _MAX_NAME_WORDS + 2


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
    trade = text[opener.end() :].split(maxsplit=_TRADE_WITHIN)
    beside = opener.group("apposed") or opener.group("bracketed") or ""
    if not names_trade(vocab, " ".join([beside, *trade[:_TRADE_WITHIN]])) and not reaches_writer(vocab, text):
        return None
    return None if vocab.search("reporting_verbs", text) else Hit(detail="writer's biography")


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
    the courts and has lived in the city since 2010." below).

    Why: the biography rules know a biography by its verbs and the names of trades, which vary with
    every site and language; the byline's name is evidence in any phrasing (a name alone over a
    paragraph that repeats it is not: listicles head each product or firm so).

    False positives: a story's sentence that opens with its own author's full name (a columnist
    writing of herself in the third person); an organisation the byline parser took for an
    author, whose own paragraph opens with its name.

    Example: "By Anna Schmidt" on top; "Anna Schmidt schreibt seit 2015 über Verkehr und Umwelt."
    below -> dropped.
    """
    authors = [name for name in page.article.authors if word_count(name) >= 2]
    text = page.blocks[i].text.strip()
    if not authors or page.kept < _HEAD_LINES or not is_writer_line(page.vocab, text):
        return None
    return Hit(detail="biography of the story's author") if any(_opens_with_name(text, n) for n in authors) else None
