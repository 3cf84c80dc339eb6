"""Page footers: copyright lines, cookie notices and consent dialogs, legal link rows."""

from __future__ import annotations

import itertools
import re

from cleaner.platforms import is_platform_credit
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import BULLETS, ends_sentence, is_paragraph, word_count
from cleaner.vocab import AT_START, Vocabulary

# "©", "Ⓒ", or "(c)" / "Copyright" before a sign or a year, or before the owner's name and a year
# ("Copyright Sam Bossley 2012-2025"): "(c) any person..." is a clause.
_COPYRIGHT_START = re.compile(
    r"^\s*(?:[©\u24b8]|(?i:\(c\)|copyright)\s*(?:[©\u24b8]|\(c\)|(?:19|20)\d\d\b))"
    r"|^\s*(?i:copyright)\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4},?\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
    r"\s*(?:[.,;|]|$)"
)
_YEARS = r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
# "© 2022 Onmanorama", "Copyright © 2019 The Times. All rights reserved": the owner's
# capitalised words end at a full stop ("The Times") or at the rights phrase.
# No two whitespace runs meet without a token between them, so a long run is scanned once.
_COPYRIGHT_OWNER = re.compile(
    rf"^\s*(?:(?i:copyright)\s*)?(?:(?:[©\u24b8]|\(c\))\s*)?{_YEARS}\s*(?:,\s*)?"
    r"(?P<owner>[A-Z][\w&'’-]*(?:\.\w+)*(?:\s+[A-Z&][\w&'’-]*(?:\.\w+)*){0,4})"
)
# The rights phrase closes a line only as its own statement: after a full stop, a
# separator or a year ("Onmanorama 2022. All rights reserved."), not inside a sentence.
_STATEMENT_START = re.compile(r"(?:^|[.|©\u24b8:;–—-]|(?:19|20)\d\d)\s*$")
# Consent banners run long: they list purposes and partners.
_MAX_COOKIE_WORDS = 200
# A banner that only names cookies and a word of consent is short: a longer sentence about cookies
# is a story's ("The court ruled that pre-ticked boxes are no consent to cookies.").
_MAX_BANNER_WORDS = 10
# A sentence that takes browsing for consent is a banner's second, and no longer.
_MAX_BROWSING_WORDS = 30
_COOKIE = re.compile(r"cookie|कुकी", re.IGNORECASE)
_QUOTES = '"“”„«»'
_LINK_SPLIT = re.compile(r"\s*(?:\||•|·|/|,|;|\s{2,})\s*")


# "©", "Ⓒ" (and its lower case), "(c)" or "copyright" in any case; each branch opens with the
# character it is found by, so the regex engine skips along the line to those alone.
_COPYRIGHT_MARK = re.compile(r"[©\u24b8\u24d2(cC](?:(?<=[©\u24b8\u24d2])|(?<=\()(?i:c)\)|(?<=[cC])(?i:opyright))")


@block_rule(
    "FTR001",
    "copyright-line",
    "footer",
    gate=Gate(max_words=40, phrases=("copyright_phrases",), pattern=_COPYRIGHT_MARK),
    alone=True,
)
def copyright_line(page: Page, i: int) -> Hit | None:
    """Removes: a copyright or rights line ("© 2022 Onmanorama", "Copyright © 2019 The
    Times. All rights reserved.", "Alle Rechte vorbehalten", "Tous droits réservés"). An
    owner named after the year is recorded in `publisher`.

    Why: footer legalese follows the article in nearly every dump.

    False positives: a sentence that quotes or uses the phrase ('The notice read "all rights
    reserved", he said.', "Copyright law was reformed in 2019.") is kept: the line must start
    with a copyright sign, or the word before a sign or a year, or open or end with the rights
    phrase as a statement of its own, and hold no quotation marks.

    Example: "© 2024 The Hindu. All rights reserved." -> dropped, publisher "The Hindu".
    """
    text = page.blocks[i].text.strip()
    if any(q in text for q in _QUOTES):
        return None
    rights = page.vocab.search("copyright_phrases", text)
    at_end = rights is not None and len(text) - rights.end() <= 2 and _STATEMENT_START.search(text[: rights.start()])
    # "All rights reserved. Reproduction without permission is prohibited.": the phrase as a sentence of its own.
    # A copyright's sign may follow it: "Riproduzione riservata © Copyright ANSA".
    after = text[rights.end() :] if rights is not None and rights.start() == 0 else None
    opening = after is not None and (after[:1] in (".", "") or after.lstrip().startswith("©"))
    if not _COPYRIGHT_START.match(text) and not at_end and not opening:
        return None
    owner = _COPYRIGHT_OWNER.match(text)
    if owner is None or page.vocab.starts("copyright_phrases", text[owner.start("owner") :]):
        return Hit()
    # The owner's words end where the rights phrase begins: "© 2025 Filmmaker Magazine All Rights Reserved".
    reserved = page.vocab.search("copyright_phrases", owner.group("owner"))
    return Hit(meta={"publisher": owner.group("owner")[: reserved.start() if reserved else None].rstrip(" .,")})


@block_rule(
    "FTR002",
    "cookie-notice",
    "footer",
    gate=Gate(max_words=_MAX_COOKIE_WORDS, phrases=("cookie_phrases", "browsing_phrases"), pattern=_COOKIE),
    alone=True,
)
def cookie_notice(page: Page, i: int) -> Hit | None:
    """Removes: cookie and consent banner text ("We use cookies to improve your experience",
    "Accept all", "Wir verwenden Cookies", "Ce site utilise des cookies", "By continuing to
    browse, you agree to our use of cookies"), a short line that names cookies with a word of
    consent ("Utilizamos cookies propias y de terceros."), and the rows of a consent dialog's
    cookie table ("YouTube sets this cookie to...", "The cookie is used to...").

    Why: consent banners are in the page's text on every visit and say nothing of the story.

    False positives: a body sentence that mentions cookies in a consent context, in a story
    about privacy law; lines over 200 words are kept.

    Example: "This website uses cookies to ensure you get the best experience." -> dropped.
    """
    return Hit() if _is_cookie_notice(page.vocab, page.blocks[i].text) else None


def _is_cookie_notice(vocab: Vocabulary, text: str) -> bool:
    """FTR002's test (the gate's size aside): a banner's phrase in a line that names cookies, or as
    the whole line, or cookies and a word of consent in a banner's few words."""
    # The phrase search costs most, so it comes last: few lines name cookies or are a phrase.
    named = _COOKIE.search(text) is not None
    if not named and not vocab.line_is("cookie_phrases", text):
        return _consents_by_browsing(vocab, text)
    if vocab.search("cookie_phrases", text):
        return True
    # "Ce site utilise des cookies.", "Cookies accept karein": cookies and a word of consent, in a
    # banner's few words, saying nobody's words.
    asks = named and word_count(text) <= _MAX_BANNER_WORDS and vocab.search("consent_words", text) is not None
    return asks and not vocab.search("reporting_verbs", text)


def _consents_by_browsing(vocab: Vocabulary, text: str) -> bool:
    """A banner's sentence that takes going on browsing for consent, without naming cookies: "Si
    continúa navegando, consideramos que acepta su uso.", "By continuing to use this site you agree
    to our terms." (a browsing phrase and, besides it, a word of consent, in a banner's words)."""
    browsing = vocab.search("browsing_phrases", text)
    if browsing is None or word_count(text) > _MAX_BROWSING_WORDS:
        return False
    rest = f"{text[: browsing.start()]} {text[browsing.end() :]}"
    return vocab.search("agreement_words", rest) is not None and not vocab.search("reporting_verbs", text)


# A consent dialog: this many of its lines at least, of two labels or texts at least, one other line
# at most between two of them and two in three of its lines theirs (a story's headings over its
# paragraphs are a line in two), and a banner (FTR002's) within this many lines of them.
_MIN_DIALOG_LINES = 3
_DIALOG_GAP = 2
_MIN_DIALOG_SHARE = 2 / 3
_DIALOG_REACH = 8
_DECORATION = re.compile(r"^[\W_]+")


def _dialog_opening(vocab: Vocabulary) -> re.Pattern[str]:
    """A line that opens with a consent dialog's label or standard text. Their first words ("use",
    "your", "these") open many lines, so the families stay out of the phrase gate's index (`WORD_SETS`)."""
    openings = f"{vocab.alternation('consent_dialog_labels')}|{vocab.alternation('consent_dialog_texts')}"
    return re.compile(rf"^{AT_START}(?:{openings})(?!\w)", re.IGNORECASE)


@block_rule(
    "FTR006",
    "consent-dialog",
    "footer",
    gate=Gate(max_words=_MAX_COOKIE_WORDS, pattern=_dialog_opening),
)
def consent_dialog(page: Page, i: int) -> Hit | None:
    """Removes: the labels and standard texts of a consent manager's dialog by its banner: its
    headings and toggles ("Privacy Preference Center", "Strictly Necessary Cookies", "Performance
    Cookies Off", "Always Active"), the IAB framework's purposes ("Store and/or access information
    on a device 91 partners can use this purpose") and their notes, OneTrust's and Cookiebot's
    notes on their categories ("These cookies allow us to count visits and traffic sources ...").

    Why: a few consent managers set the same dialog on thousands of sites, and a dump keeps its
    every label; FTR002's banner phrases name none of them.

    False positives: a heading that is also a dialog's label or purpose ("Performance Cookies"
    over a recipe, "Measure content performance" in a marketing guide) stays unless three such
    lines of two kinds at least stand together, two lines in three of their stretch, and a cookie
    banner (FTR002's) stands within eight lines of them: a story's headings stand over its
    paragraphs. A label's one word ("Marketing", "Statistics") is in no list, and a label is the
    whole line but for a toggle's state.

    Example: "Privacy Preference Center" / "Strictly Necessary Cookies" / "Always Active" under
    "We use cookies ..." -> all three dropped.
    """
    return Hit(detail="a consent dialog's line") if i in page.memo(_consent_dialogs) else None


def _consent_dialogs(page: Page) -> frozenset[int]:
    """The blocks of the page's consent dialogs: runs of dialog lines (`_dialog_phrase`) as dense
    as a dialog's, of three lines and two phrases at least, by a cookie banner."""
    vocab = page.vocab
    lines = [
        (i, phrase)
        for i, block in enumerate(page.blocks)
        if (phrase := _dialog_phrase(vocab, block.text)) and word_count(block.text) <= _MAX_COOKIE_WORDS
    ]
    runs: list[list[tuple[int, str]]] = []
    for line in lines:
        if not runs or line[0] - runs[-1][-1][0] > _DIALOG_GAP:
            runs.append([])
        runs[-1].append(line)
    runs = [run for run in runs if _is_dialog(run)]
    # A dialog's stretches set apart by a few lines no list knows are one dialog, by one banner.
    by_banner = [_by_a_banner(page, run) for run in runs]
    near = [later[0][0] - earlier[-1][0] <= _DIALOG_REACH for earlier, later in itertools.pairwise(runs)]
    for k in range(1, len(runs)):
        by_banner[k] = by_banner[k] or (by_banner[k - 1] and near[k - 1])
    for k in range(len(runs) - 2, -1, -1):
        by_banner[k] = by_banner[k] or (by_banner[k + 1] and near[k])
    return frozenset(i for run, banner in zip(runs, by_banner, strict=True) if banner for i, _ in run)


def _is_dialog(run: list[tuple[int, str]]) -> bool:
    """Whether a run of dialog lines is as many, as varied and as dense as a dialog's."""
    span = run[-1][0] - run[0][0] + 1
    phrases = {phrase for _, phrase in run}
    return len(run) >= _MIN_DIALOG_LINES and len(phrases) >= 2 and len(run) >= _MIN_DIALOG_SHARE * span


def _by_a_banner(page: Page, run: list[tuple[int, str]]) -> bool:
    """Whether a cookie banner (FTR002's) stands within `_DIALOG_REACH` blocks of the run."""
    near = page.blocks[max(0, run[0][0] - _DIALOG_REACH) : run[-1][0] + _DIALOG_REACH + 1]
    return any(
        word_count(block.text) <= _MAX_COOKIE_WORDS and _is_cookie_notice(page.vocab, block.text) for block in near
    )


def _dialog_phrase(vocab: Vocabulary, text: str) -> str | None:
    """The consent dialog's label or text that the line is or opens with, casefolded, without its
    decoration; None when it is none: a label alone or with a toggle's state after it ("Off"), or
    a standard text's opening."""
    opening = vocab.starts("consent_dialog_texts", text)
    if opening is None:
        opening = vocab.starts("consent_dialog_labels", text)
        if opening is None:
            return None
        state = text[opening.end() :].strip().casefold()
        if state and state not in vocab.members("consent_toggle_states"):
            return None
    return _DECORATION.sub("", opening.group()).casefold()


# A question and its answer: the next question within this many lines of the first.
_ANSWER_LINES = 4
_MIN_QUESTION_WORDS = 4


@block_rule(
    "FTR003",
    "legal-links",
    "footer",
    gate=Gate(max_chars=300, phrases=("legal_links",)),
    reads_ahead=1 + _ANSWER_LINES,
)
def legal_links(page: Page, i: int) -> Hit | None:
    """Removes: a row of footer links made only of site-service words ("Privacy Policy |
    Terms of Use | Contact Us", "Impressum", "Mentions légales").

    Why: footer link rows end every page dump.

    False positives: a one-word paragraph "Contact" or "Archive" used as a body heading; one
    link alone over questions and their answers heads the story's questions ("FAQ" over "What is
    a 75% mechanical keyboard?" / its answer / "Why choose one?") and stays. (Over a paragraph it
    may be a contents list's last entry, or a footer's link over a cookie notice; over one short
    question, a footer's "Who are you?": it goes.)

    Example: "About Us | Privacy Policy | Terms & Conditions" -> dropped.
    """
    text = page.blocks[i].text
    vocab = page.vocab
    parts = [p for p in _LINK_SPLIT.split(text.strip()) if p]
    if not parts or not all(vocab.line_is("legal_links", p) for p in parts):
        return None
    return None if len(parts) == 1 and _heads_questions(page, i) else Hit()


def _heads_questions(page: Page, i: int) -> bool:
    """Block i stands over a question of a few words and its answer: a sentence and another question
    under it, or a lead-in to a list of bulleted items. A footer's prompts in questions ("Do you
    have a news tip?" / "Send it to our newsroom at:" / "Want to advertise with us?") answer none."""
    below = [block.text.rstrip() for block in page.blocks[i + 1 : i + 2 + _ANSWER_LINES]]
    if not below or not below[0].endswith("?") or word_count(below[0]) < _MIN_QUESTION_WORDS:
        return False
    answer = next((n for n, text in enumerate(below[1:], 1) if not text.endswith("?")), None)
    if answer is None:
        return False
    if below[answer].endswith(":"):  # an answer that leads in to its list: "It depends on what you need:"
        return answer + 1 < len(below) and below[answer + 1].lstrip().startswith(BULLETS)
    return ends_sentence(below[answer]) and any(text.endswith("?") for text in below[answer + 1 :])


# A disclosure says so in a sentence or three.
_MAX_DISCLOSURE_WORDS = 80


@block_rule(
    "FTR004",
    "affiliate-disclosure",
    "footer",
    gate=Gate(max_words=_MAX_DISCLOSURE_WORDS, phrases=("disclosure_phrases",)),
    alone=True,
)
def affiliate_disclosure(page: Page, i: int) -> Hit | None:
    """Removes: an affiliate or sponsorship disclosure ("As an Amazon Associate we earn from
    qualifying purchases.", "This post may contain affiliate links.", "We may earn a commission
    at no extra cost to you.", "we may earn an affiliate commission", "we'll earn a commission
    should you buy"), and the note that the editors chose the products alone that often opens it
    ("Every product is independently selected by our editors.").

    Why: review sites and blogs print the same disclosure on every post, over or under it.

    False positives: a paragraph of a story about affiliate marketing that uses the phrases;
    paragraphs over eighty words are kept, and so is reported speech.

    Example: "DISCLOSURE: If you buy through affiliate links, I may earn a small commission." ->
    dropped.
    """
    return _discloses(page, i, "disclosure_phrases")


@block_rule(
    "FTR005",
    "opinion-disclaimer",
    "footer",
    gate=Gate(max_words=_MAX_DISCLOSURE_WORDS, phrases=("opinion_disclaimers",)),
    alone=True,
)
def opinion_disclaimer(page: Page, i: int) -> Hit | None:
    """Removes: an opinion piece's note that its views are the writer's own ("Views expressed are
    personal.", "The opinions expressed in this article are those of the author and do not
    reflect the views of the publication.", "ये लेखक के निजी विचार हैं।").

    Why: papers print it under every column and guest post; it speaks for the site, not the story.

    False positives: a story about such notes that quotes one; paragraphs over eighty words are
    kept, and so is reported speech.

    Example: "(Views are personal.)" -> dropped.
    """
    return _discloses(page, i, "opinion_disclaimers")


def _discloses(page: Page, i: int, family: str) -> Hit | None:
    """A short paragraph holding one of the family's disclosures, not in reported speech."""
    text = page.blocks[i].text
    vocab = page.vocab
    if vocab.search(family, text) is None or vocab.search("reporting_verbs", text):
        return None
    return Hit()


# A platform's credit is a footer's few words: "Proudly powered by WordPress | Theme: Astra".
_MAX_PLATFORM_CREDIT_WORDS = 10
# A footer's credit has no paragraph of the story within this many lines under it.
_STORY_REACH = 3
_STORY_PARAGRAPH_WORDS = 12


@block_rule(
    "FTR008",
    "platform-credit",
    "footer",
    gate=Gate(max_words=_MAX_PLATFORM_CREDIT_WORDS, phrases=("platform_credits", "studio_credits")),
    reads_ahead=_STORY_REACH,
)
def platform_credit(page: Page, i: int) -> Hit | None:
    """Removes: the credit a site gives the software or the studio it is made with
    (`is_platform_credit`: "Proudly powered by WordPress", "Site by Mighty Citizen", "Built with
    Hugo. © 2024 Jane Doe", "Propulsé par WordPress"), where no paragraph of the story follows
    within three lines.

    Why: blogs and small sites print it in every page's footer; under the story, with a copyright
    after it, it had read as a photo's caption and its credit.

    False positives: a product's feature ("Powered by AI", "Powered by Peloton IQ") names no site
    platform and stays; so does a line of the story that opens on the words ("Built with an array
    of magnets, the case holds...") or stands over the story's paragraphs ("Site By Site Guide"
    heading a section); lines over ten words are kept.

    Example: "Proudly powered by WordPress" -> dropped.
    """
    blocks = page.blocks
    if not is_platform_credit(page.vocab, blocks[i].text.strip()):
        return None
    below = blocks[i + 1 : i + 1 + _STORY_REACH]
    return None if any(is_paragraph(block.text, _STORY_PARAGRAPH_WORDS) for block in below) else Hit()
