"""Who wrote the story, where the byline rules cannot tell by a marker: a name followed by the writer's
role or paper, a labelled byline in a script without capitals (author boxes and biographies are
`authorboxes`).

Names reach `authors` only through the byline name parsing (`names.is_name_list`,
`names.split_names`): a name it cannot read (Devanagari has no capitals to tell a name by) is
removed as furniture, never copied into `authors` as raw text.
"""

from __future__ import annotations

import re

from cleaner import dates
from cleaner.biography import is_biography
from cleaner.byline import dated_credit
from cleaner.names import NAME_PARTICLES, is_name_list, split_names
from cleaner.pagemodel.run import is_whole_page
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, is_title_cased, word_count
from cleaner.vocab import Vocabulary, function_words, label_words_of

# "Jane Doe, Staff Writer", "Sneha Iyer | Free Press Express | Mumbai", "Markus Weber – Korrespondent".
# Leading whitespace is taken from the start of its run only: a long run costs one scan.
_ROLE_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?(?:,|\||·|•|–|—|-(?=\s))\s*")
# Every separator holds one of these: most lines hold none, and are found so faster than by the split.
_SEPARATOR_MARK = re.compile(r"[,|·•–—-]")
_MAX_BYLINE_WORDS = 12
# A person's name runs to a few words (author boxes read names by these shapes too).
MAX_NAME_WORDS = 4
_MAX_TAIL_WORDS = 8
# A name over a line that opens with a place before the role has a few words: a headline has more.
_MAX_NAME_OVER_PLACE_WORDS = 3
# A person's name holds this many capitalised words at most, initials and particles aside ("João
# Pedro Alves Costa Neto"); a headline read as names may hold more.
_MAX_CAPITALISED_NAME_WORDS = 5
# A name, a role or a paper is set in capitals; only a role may open in lower case
# ("correspondant", "periodista").
CAPITALISED = re.compile(r"^[^\w]*[A-ZÀ-ÖØ-ÞĀ-Ž]")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]")
# A name opens on a capital (or a Devanagari letter) and holds no digit.
_NAME_OPENING = r"[A-ZÀ-ÖØ-ÞĀ-Ž\u0900-\u097f]"
NAME_SHAPE = re.compile(rf"{_NAME_OPENING}[^\d]*$")
_OPENS_AS_NAME = re.compile(_NAME_OPENING)
# A script without capitals whose names the rules still take: Devanagari, for Hindi pages.
_CASELESS_NAME = re.compile(r"^[\u0900-\u097f\s.]+$")
# A byline that names only a paper or a place sits at the head of the story: under the headline and
# the standfirst.
HEAD_LINES = 3
# "Words: Jane Doe": a label of a word or two, a colon, the names.
_LABELLED_NAME = re.compile(r"^[^\W\d_][^\W\d]*(?:\s+[^\W\d]+)?\s*:\s*(?P<names>[^:]+)$")


def name_part(text: str, vocab: Vocabulary) -> list[str] | None:
    """The names a byline opens with, as the byline parser reads them; [] for a caseless name
    (two to four words without digits) it cannot read; None for no name."""
    words = text.split()
    # A colon sets a label or a headline's topic apart ("Mobile App: Definition"): no name holds one.
    if not 1 <= len(words) <= MAX_NAME_WORDS * 2 or not NAME_SHAPE.match(text) or ":" in text:
        return None
    if _LATIN.search(text):
        # A title reads as names by its capitals: one opening on an article ("The Impeachment
        # Clock") is a headline's or a paper's, unless an office's ("The Hindu Bureau": no
        # person's); so is a name of more capitalised words than a person's.
        if len(words) < 2 or not is_name_list(text, vocab):
            return None
        if words[0].casefold() in vocab.word_set("title_articles"):
            return [] if _is_role(vocab, text) else None
        names = split_names(text, vocab)
        return names if all(_capitalised_words(name) <= _MAX_CAPITALISED_NAME_WORDS for name in names) else None
    caseless = _CASELESS_NAME.match(text) and 2 <= len(words) <= MAX_NAME_WORDS
    return [] if caseless and not ends_sentence(text) else None


def _capitalised_words(name: str) -> int:
    """The name's capitalised words but its initials and particles ("K. V. S. Ramana Rao" has two,
    "Mohammed bin Abdul Rahman Al Thani" four)."""
    return sum(
        1
        for word in name.split()
        if CAPITALISED.match(word) and len(word.strip(".")) > 1 and word.casefold() not in NAME_PARTICLES
    )


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
    after a label has two to four words ("Pro: Work On Interesting Business Problems" is a
    heading in title case, "Mobile Apps: Definition, Types, And Cost" a headline's list of
    topics; a single name after a label is lost with them). A headline's capitals read as names:
    a "name" opening on an article ("The Impeachment Clock | National Review") or of more capitals
    than a person's is none; see `_name_over_role` for a name over a role.

    Example: "Sarah Whitfield, Chief Reporter" -> authors ["Sarah Whitfield"].
    """
    text = page.blocks[i].text.strip()
    if not _OPENS_AS_NAME.match(text) and ":" not in text:
        return None  # every byline read here opens with its name, or with a label and a colon
    vocab = page.vocab
    if _at_the_head(page, i) and (hit := _dated_or_labelled(page, text)):
        return hit
    parts = _ROLE_SEPARATOR.split(text, maxsplit=1) if _SEPARATOR_MARK.search(text) else [text]
    if len(parts) == 1:
        return _name_over_role(page, i)
    names = name_part(parts[0], vocab)
    tail = _tail_parts(parts[1])
    if names is None or tail is None or vocab.search("reporting_verbs", text):
        return None
    if not all(CAPITALISED.match(part) or not _LATIN.search(part) or _is_role(vocab, part) for part in tail):
        return None
    if any(_is_role(vocab, part) for part in tail):
        return Hit(moved_to="authors" if names else None, value=names or None)
    # A name and a paper at the head of an article, under its first line (the headline and its
    # site's name read the same: "Spiced Honey Pear Jam Recipe | The Anti-June Cleaver"); a place
    # reads the same ("New York, United States"), so the words are not taken for a name. Both are
    # set in capitals word by word: "My Friend Became a Grocery Store" is the rest of a headline.
    if not page.kept or not _at_the_head(page, i) or not all(map(is_title_cased, tail)) or dates.find_date(parts[1]):
        return None  # a date after a word or two is a timestamp's ("Updated Wednesday, March 3, 2024")
    return Hit(detail="a name and a paper or place, at the head")


def _dated_or_labelled(page: Page, text: str) -> Hit | None:
    """At the head: a name then its date ("Faith Katunga • Oct 20, 2025"), or a label of a word or
    two before the names ("Reportage: Anna Schmidt")."""
    vocab = page.vocab
    dated = dated_credit(text, vocab, dates.reading(page.article.url))
    if dated is not None:
        meta = {"published": dated.published}
        return Hit(moved_to="authors", value=dated.names, meta=meta, detail="a name and its date, at the head")
    labelled = _LABELLED_NAME.match(text) if ":" in text else None
    names = name_part(labelled.group("names"), vocab) if labelled else None
    # A name has a few words, two at least: "Pro: Work On Interesting Business Problems" heads a
    # section, "Mobile App: Definition, Types, Examples, And Cost" lists what a guide covers.
    if names and all(2 <= len(name.split()) <= MAX_NAME_WORDS for name in names):
        return Hit(moved_to="authors", value=names, detail="a labelled name, at the head")
    return None


def _at_the_head(page: Page, i: int) -> bool:
    """Among the first lines a text keeps (headline, standfirst, byline), in a text that is no
    whole-page dump (whose head is its menu) nor an HTML page's extract (whose head may be the
    article's first heading)."""
    return page.kept < HEAD_LINES and page.blocks[i].tag is None and not page.memo(is_whole_page)


def _names_a_job(vocab: Vocabulary, role: str) -> bool:
    """The words before the role's word are a job's ("Senior", "Chief international"), not a
    prompt's label words in lower case ("Learn more about our contributors")."""
    found = vocab.derived(_role_at_end).search(role)
    # Only the words in lower case: "Senior Content Contributor" is a job's title.
    lead = label_words_of(" ".join(w for w in role[: found.start()].split() if w.islower())) if found else []
    labels, function = vocab.word_set("label_words"), function_words()
    return not any(word in labels and word not in function for word in lead)


def _name_over_role(page: Page, i: int) -> Hit | None:
    """A name alone on its line, and the writer's role alone on the next. A line over a byline of
    its own ("Chris Nolan-Price | Chief Reporter") is the headline, unless it is one person's few
    words below the text's first line ("Rahul Sharma" over "New Delhi, Senior Correspondent"); a
    prompt may end on a role's word ("Learn more about our contributors")."""
    if i + 1 >= len(page.blocks):
        return None
    role, vocab = page.blocks[i + 1].text.strip(), page.vocab
    if not CAPITALISED.match(role) or ends_sentence(role) or not _is_role(vocab, role):
        return None
    if not _names_a_job(vocab, role) or vocab.line_is("author_box_headers", role):
        return None  # "About the Author" heads a box: its writer comes after
    name = page.blocks[i].text.strip()
    names = name_part(name, vocab)
    # Each name of two words or more: "Health & Wellness" over a box's header is a menu's.
    if names is None or any(len(each.split()) < 2 for each in names):
        return None
    one_person = page.kept > 0 and len(names) == 1 and len(name.split()) <= _MAX_NAME_OVER_PLACE_WORDS
    if not one_person and not _is_role(vocab, next(part for part in _ROLE_SEPARATOR.split(role) if part)):
        return None
    span = 3 if _biography_under(page, i + 2, name) else 2
    return Hit(span=span, moved_to="authors" if names else None, value=names or None)


def _biography_under(page: Page, i: int, name: str) -> bool:
    """An author box's biography under the name and the role, below the story's head, opening with
    the writer's first name or a pronoun ("Elle suit les questions d'éducation.", "Maria covers
    housing."); at the head, the story's first paragraph follows a byline."""
    if i >= len(page.blocks) or page.kept < HEAD_LINES:
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
    "द्वारा: अमित तिवारी"), with a place, a role or the date after them ("रिपोर्ट: अमित कुमार, लखनऊ",
    "Written by: राहुल शर्मा | Updated: May 28, 2025"). Nothing moves to `authors`; a date goes to
    `published`.

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
    names, tail = rest.lstrip(" :–—-"), ""
    mark = _SEPARATOR_MARK.search(names)
    if mark is not None:  # "रिपोर्ट: अमित कुमार, लखनऊ": the names, then a place, a role or the date
        names, tail = names[: mark.start()].rstrip(), names[mark.start() :].lstrip(",|·•–—- ")
        if _tail_parts(tail) is None:
            return None
    if _LATIN.search(names) or name_part(names, page.vocab) != []:
        return None
    date = dates.find_date(tail) if tail else None
    return Hit(meta={"published": date[0]} if date else {})
