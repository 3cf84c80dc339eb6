"""Comment sections: their disclaimers and their prompts."""

from __future__ import annotations

import re

from cleaner.dates import find_date
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, word_count
from cleaner.vocab import Vocabulary, normalise_label

# "...not on behalf of Onmanorama." names the publisher.
_ON_BEHALF = re.compile(
    r"not on behalf of\s+(?:the\s+)?(?P<publisher>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?)[.,;]?(?:\s|$)"
)


# "12 Comments", "Comments (3)", "Show 45 comments", "34 responses to “Headline”", and the
# WordPress thread header "10 thoughts on “Headline”" / "One thought on “Headline”", whose
# headline is quoted ("3 thoughts on the loss" is a heading).
def _comment_count(vocab: Vocabulary) -> re.Pattern[str]:
    counts = vocab.alternation("comment_counts")
    return re.compile(
        rf"^(?:(?:show|view|see|read|load)\s+(?:all\s+)?)?\d[\d,.]*\s*(?:{counts})(?:\s+(?:to|on)\s.*)?$"
        r"|^(?:\d[\d,.]*|one)\s+thoughts?\s+on\s+[“\"«„][^”\"»“]*[”\"»“]$"
        rf"|^(?:{counts})\s*\(?\d[\d,.]*\)?$",
        re.IGNORECASE,
    )


@block_rule("COM001", "comment-disclaimer", "comments", gate=Gate(phrases=("comment_nouns",)), alone=True)
def comment_disclaimer(page: Page, i: int) -> Hit | None:
    """Removes: the disclaimer a site puts over its comment section ("The comments posted
    here/below/in the given space are not on behalf of Onmanorama...", "Comments are
    moderated", "Views expressed by readers do not reflect..."). A publisher it names is
    recorded in `publisher`.

    Why: the disclaimer is the site's legal furniture, never part of an article.

    False positives: a body paragraph about a newspaper's comment moderation policy that
    also uses a disclaimer phrase. Reported speech is kept ("The minister's comments do not
    reflect government policy, a spokesman said."): a disclaimer never quotes anyone.

    Example: "The comments posted here are not on behalf of Onmanorama." -> dropped,
    publisher "Onmanorama".
    """
    text = page.blocks[i].text
    vocab = page.vocab
    if not vocab.search("comment_nouns", text) or not vocab.search("disclaimer_markers", text):
        return None
    if vocab.search("reporting_verbs", text):
        return None
    publisher = _ON_BEHALF.search(text)
    meta = {"publisher": publisher.group("publisher").rstrip(".")} if publisher else {}
    return Hit(meta=meta)


# An invitation to comment is short; a longer sentence that ends on one belongs to the article ("If
# you know of a course not listed here, please share it in the comments.").
_MAX_INVITATION_WORDS = 25
_MAX_INVITATION_SENTENCE = 12


def _count_mark(vocab: Vocabulary) -> re.Pattern[str]:
    """The gate's pattern: what a comment count (`_comment_count`, matched on the normalised line)
    holds of the line as it is when the gate's count nouns, as words, cannot vouch for it: a
    number run into a count noun on either side ("12comments", "Comments3": count nouns end in
    a letter or a Devanagari sign, a test checks), or a thread header's "thoughts on" (its count may be spelled: "One
    thought on").

    Each branch opens with the character it is found by, so the regex engine skips along the
    line to digits and "g"s alone (the rarest letter of "thoughts", read back to its "t"), and
    looks no further than a few characters from each.
    """
    counts = vocab.alternation("comment_counts")
    return re.compile(
        rf"""[\dgG](?:
            (?<=\d)(?i:{counts})
          | (?<=[^\W\d]\d) | (?<=[\u0900-\u097f]\d)
          | (?<=[tT](?i:hou)[gG])(?<!\w[tT](?i:hou)[gG])(?i:hts?\ on)\b
        )""",
        re.VERBOSE,
    )


@block_rule(
    "COM002",
    "comment-prompt",
    "comments",
    gate=Gate(
        phrases=("comment_prompts", "comment_openers", "comment_invitations", "comment_counts"), pattern=_count_mark
    ),
    alone=True,
)
def comment_prompt(page: Page, i: int) -> Hit | None:
    """Removes: the short furniture of a comment section ("Leave a comment", "12 Comments",
    "Comments (3)", "Be the first to comment", "Kommentar schreiben", "Réagir") and a short
    invitation to comment ("What do you think? Tell us in the comments below.", "Share your
    thoughts in the comments section").

    Why: comment widgets render as stray lines at the end of the body.

    False positives: a one-line paragraph "Comments" used as a real section heading; reported
    speech that mentions the comments ("Tell us in the comments, the host said.") is kept, and
    so is a sentence of more than twelve words that ends on an invitation.

    Example: "Join the conversation" -> dropped.
    """
    text, vocab = page.blocks[i].text, page.vocab
    is_count = vocab.derived(_comment_count).match(normalise_label(text)) is not None
    words = word_count(text)
    if is_count or (words <= 10 and (vocab.line_is("comment_prompts", text) or vocab.starts("comment_openers", text))):
        return Hit()
    if words > (_MAX_INVITATION_SENTENCE if ends_sentence(text) else _MAX_INVITATION_WORDS):
        return None
    invites = vocab.search("comment_invitations", text) is not None
    return Hit() if invites and not vocab.search("reporting_verbs", text) else None


def _author_says(vocab: Vocabulary) -> re.Pattern[str]:
    """ "jdoe says:", "Jane Doe on March 3, 2019 at 7:45 am said:", "Max sagt:", "Marie dit :", and
    with what follows the colon (`when`) "by jdoe ( 12345 ) writes: on Friday January 12, 2024
    @11:51AM" (`comment_writes` only there: "Paul Krugman writes:" opens a quotation)."""
    says, writes = vocab.alternation("comment_says"), vocab.alternation("comment_writes")
    verb = rf"(?P<says>{says})|{writes}" if writes else f"(?P<says>{says})"
    return re.compile(rf"^\S.{{0,60}}?\s(?:{verb})\s?:(?:\s+(?P<when>\S.{{0,80}}))?$", re.IGNORECASE)


# After the colon, the comment's date opens what follows within two words ("on Friday January 12,
# 2024 @11:51AM (#64153115) Homepage Journal"), and a few more close it: its time, its link's number.
_DATE_OPENS_WITHIN = 2
_MAX_AFTER_DATE_WORDS = 5


@block_rule(
    "COM003",
    "comment-author-line",
    "comments",
    gate=Gate(max_words=24, pattern=re.compile(r":(?:$|\s)")),
    alone=True,
)
def comment_author_line(page: Page, i: int) -> Hit | None:
    """Removes: the line that opens each comment in a thread, a commenter's name followed by
    "says:" ("jdoe says:", "Jane Doe on March 3, 2019 at 7:45 am said:", "Max sagt:",
    "Marie dit :"), also with the comment's date after the colon where the thread writes it there,
    after "writes" too ("by jdoe ( 12345 ) writes: on Friday January 12, 2024 @11:51AM
    (#64153115)"), and "writes:" after a byline's "by" ("by jdoe ( 12345 ) writes:").

    Why: comment threads follow the article in page dumps; their author lines are the mark
    that tells a thread from the article's own prose.

    False positives: a short body line that ends in "says:" to introduce a quotation on the
    next line ("The sign says:", "Paul Krugman wrote:"): up to sixty characters before the verb
    match, and after the colon only a date opening within two words and closed within five. A
    line that ends in "says:", "said:" or "wrote:" goes however it opens ("The sign says:" too,
    unless a word that introduces a quotation opens it, `quote_openers`: "As Joel says:", "But
    the sign says:"); one that ends in "writes:" only after a byline's "by" and a handle ("Paul
    Krugman writes:" and "By contrast, the Times writes:" stay), and one that goes on after the
    colon only with a date ("He writes: on March 3, 2019 the plant closed ..." stays).

    Example: "thelastchargersfan says:" -> dropped.
    """
    text = page.blocks[i].text.strip()
    found = page.vocab.derived(_author_says).match(text)
    if not found or text.split()[0].casefold() in page.vocab.members("quote_openers"):
        return None
    when = found.group("when")
    if when is not None:
        return Hit() if _is_comment_date(when) else None
    return Hit() if found.group("says") or page.vocab.derived(_handle_writes).match(text) else None


def _handle_writes(vocab: Vocabulary) -> re.Pattern[str]:
    """A thread's line without its date: a byline's "by", the commenter's handle and number, and
    "writes:" ("by jdoe ( 596061 ) writes:"); "By contrast, the Times writes:" is prose."""
    return re.compile(
        rf"^(?:{vocab.alternation('byline_connectors')})\s+\S+(?:\s*\(\s*\d+\s*\))?\s+"
        rf"(?:{vocab.alternation('comment_writes')})\s?:$",
        re.IGNORECASE,
    )


def _is_comment_date(text: str) -> bool:
    """What follows a commenter's "writes:" is the comment's date, not a quotation."""
    found = find_date(text)
    if found is None:
        return False
    _, match = found
    return (
        word_count(text[: match.start()]) <= _DATE_OPENS_WITHIN
        and word_count(text[match.end() :]) <= _MAX_AFTER_DATE_WORDS
    )


# A comment form's fine print runs to a sentence or two; a longer paragraph that quotes it is prose.
_MAX_FORM_WORDS = 40


@block_rule(
    "COM004", "comment-form", "comments", gate=Gate(max_words=_MAX_FORM_WORDS, phrases=("comment_form",)), alone=True
)
def comment_form(page: Page, i: int) -> Hit | None:
    """Removes: the fine print of a comment form ("Your email address will not be published.
    Required fields are marked *", "Save my name, email, and website in this browser for the
    next time I comment.", "Notify me of follow-up comments by email.", "Deine E-Mail-Adresse
    wird nicht veröffentlicht.").

    Why: blog engines print the same form under every post; in a page dump its sentences read
    like text and would carry the article's run on into the comments. Like the rest of a
    comment section, it ends the article's run.

    False positives: an article about blogging that quotes the form in a short paragraph of
    its own; paragraphs over forty words are kept.

    Example: "Your email address will not be published. Required fields are marked *" -> dropped.
    """
    text = page.blocks[i].text
    if not page.vocab.search("comment_form", text):
        return None
    return Hit()
