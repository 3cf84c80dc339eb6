"""Agency and wire credits, moved to `Article.credits`."""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import word_count
from cleaner.vocab import Vocabulary, label_words_of

# "Reporting by Jane Doe; Editing by John Smith", "Additional reporting by ..."
_WIRE_FOOTER_OPENING = r"\(?\s*(?i:additional\s+)?(?i:reporting|writing|editing)\s+(?i:by)\s+[A-Z]"
_WIRE_FOOTER = re.compile(rf"^{_WIRE_FOOTER_OPENING}[^.]{{0,250}}\)?\.?$")
# A credit in other words says it in a few.
_MAX_CREDIT_WORDS = 6


def _agency_opening(vocab: Vocabulary) -> str:
    """How an agency credit line opens: "(PTI)", "— Reuters", "-AFP", "(With inputs from PTI)",
    "(Inputs: ANI)", "(इनपुट: भाषा)", "(Avec AFP)": an agency, after a label of the vocabulary's."""
    names, labels = vocab.alternation("agencies"), vocab.alternation("credit_labels")
    return rf"[\s(\[—–-]*+(?:(?:{labels})(?!\w)\s*+[:–-]?\s*)?(?:{names})"


def _agency_line(vocab: Vocabulary) -> re.Pattern[str]:
    names, labels = vocab.alternation("agencies"), vocab.alternation("credit_labels")
    # "(PTI)", "— Reuters", "With inputs from IANS and ANI", "With PTI inputs", "(dpa/lnw)": a regional
    # service's code after the agency's name.
    return re.compile(
        rf"^{_agency_opening(vocab)}(?:/(?-i:[a-z]{{2,4}})(?![\w/]))?(?:\s*(?:,|/|&|and|with)\s*(?:{names}))*"
        rf"(?:\s+(?:{labels}))?[\s)\].]*$",
        re.IGNORECASE,
    )


def _credit_opening(vocab: Vocabulary) -> re.Pattern[str]:
    """The gate's pattern: how a line the rule removes opens, unless it holds an agency_credits phrase.

    Not the agency names as phrases: "ReutersandAFP" is a credit line with no word "reuters".
    """
    return re.compile(rf"^\s*+{_WIRE_FOOTER_OPENING}|^(?i:{_agency_opening(vocab)})")


@block_rule(
    "CRD001",
    "agency-credit",
    "credits",
    gate=Gate(max_words=60, phrases=("agency_credits", "syndication_notes", "agency_words"), pattern=_credit_opening),
    alone=True,
)
def agency_credit(page: Page, i: int) -> Hit | None:
    """Removes: a line that only credits a news agency or wire service ("(with agency
    inputs)", "(PTI)", "— Reuters", "With inputs from IANS", "Reporting by Jane Doe; Editing
    by John Smith", "Mit Material von dpa", "(इनपुट: भाषा)"), or says the story came unedited
    from a syndicated feed ("This story has not been edited by staff and is auto-generated from
    a syndicated feed."), or credits agencies in other words, a few words of the vocabulary's
    ("(Agency ke input ke saath)", "(एजेंसी से इनपुट)", "mit Agenturen"). The line moves to `credits`.

    Why: the credit belongs in metadata; left in the body it reads as a stray fragment.

    False positives: a one-line paragraph that is only an agency's name used as a heading
    in a story about that agency.

    Example: "(with agency inputs)" -> moved to credits.
    """
    text = page.blocks[i].text.strip()
    vocab = page.vocab
    if vocab.line_is("agency_credits", text) or vocab.derived(_agency_line).match(text):
        return Hit(moved_to="credits", value=text)
    if _WIRE_FOOTER.match(text):
        return Hit(moved_to="credits", value=text)
    starts = vocab.starts("agency_credits", text)
    if starts and word_count(text) <= 12 and not text.rstrip().endswith("."):
        return Hit(moved_to="credits", value=text)
    if vocab.search("syndication_notes", text):
        return Hit(moved_to="credits", value=text, detail="syndicated")
    return (
        Hit(moved_to="credits", value=text, detail="in other words") if _credits_in_other_words(vocab, text) else None
    )


def _credits_in_other_words(vocab: Vocabulary, text: str) -> bool:
    """A few words of agencies, credit words and label words, in brackets or with a word that
    credits ("(Agency ke input ke saath)", "mit Agenturen"): a menu's "Agency" or "Become an
    Agency" credits no one."""
    words = text.strip("()[]—–-. ")
    if word_count(words) > _MAX_CREDIT_WORDS or not vocab.made_of("agency_words", words, others="credit_words"):
        return False
    return words != text.strip() or any(w in vocab.word_set("credit_words") for w in label_words_of(words))
