"""What a writer's biography looks like: a person's name and a biography's verb, a writer's trade,
a beat and the title written for, a role closed by the copula, an opinion piece's note on its writer.
The contributor rules remove such lines; the furniture rule spares them for those rules.
"""

from __future__ import annotations

import re

from cleaner.names import is_name_list
from cleaner.shapes import WORD, ends_sentence, word_count
from cleaner.vocab import Vocabulary, function_words

# What closes a possessive: "Heather Webber's books", "Marlee's Lemonade", "the Joneses' farm".
POSSESSIVES = ("'s", "’s", "s'", "s’")
# A biography: seven to eighty words, three sentences at most.
MIN_BIO_WORDS = 7
MAX_BIO_WORDS = 80
MAX_BIO_SENTENCES = 3
# A biography that opens with the story's own author's name and speaks of a person may run longer.
MAX_NAMED_BIO_SENTENCES = 5
SENTENCE = re.compile(r"(?<=[.!?।])\s+")
# An email address (its run of name characters is tried from its start only).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def reaches_writer(vocab: Vocabulary, text: str) -> bool:
    """The paragraph tells readers how to reach its subject: an email address, "can be reached at"."""
    return _EMAIL.search(text) is not None or vocab.search("writer_contacts", text) is not None


def opens_with(vocab: Vocabulary, line: str, name: str) -> bool:
    """The biography opens with the name, or with its first word and a biography's verb ("Anna ist")."""
    if line.startswith(name):
        return True
    first = name.split()[0]
    return line.startswith(f"{first} ") and vocab.starts("bio_verbs", line[len(first) :].lstrip()) is not None


def _trade(vocab: Vocabulary) -> re.Pattern[str]:
    """A writer's trade named as a noun: "journalist", "Redakteurin" ("Editor's Choice" names a prize)."""
    return re.compile(rf"(?<!\w)(?:{vocab.alternation('writer_roles')})(?!\w|['’])", re.IGNORECASE)


def names_trade(vocab: Vocabulary, text: str) -> bool:
    """Whether the text names a writer's trade, not a verb ("covers", "writes") the roles list too."""
    verbs = vocab.members("bio_verbs")
    return any(found.group().lower() not in verbs for found in vocab.derived(_trade).finditer(text))


def opens_with_trade(vocab: Vocabulary, text: str) -> bool:
    """The line opens with a writer's trade, one qualifier before it at most, as an author box's
    line under the name does ("Senior editor at ...", "Journaliste au service ..."); a gerund
    ("Writing great software ..."), a plural ("Our editors check ...") or a function word first
    opens a sentence."""
    words = text.split()[:2]
    if not words or words[0].casefold() in function_words():
        return False
    verbs, roles = vocab.members("bio_verbs"), vocab.members("writer_roles")
    for found in vocab.derived(_trade).finditer(" ".join(words)):
        role = found.group().casefold()
        plural = role.endswith("s") and role[:-1] in roles
        if found.start() <= len(words[0]) + 1 and role not in verbs and not role.endswith("ing") and not plural:
            return True
    return False


# A person's name as a biography opens with it: two to four capitalised words.
_BIO_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*|de|van|von|der|da|di|del|la|le)){1,3}"


# What a biography may set between the name and its verb: the writer's trade or birth in commas or
# brackets ("Claire Martin, journaliste, a travaillé ...", "Lucía Fernández (Madrid, 1988) es ...").
_APPOSITION = r"(?:\s*\((?P<bracketed>[^()]{1,40})\)|,\s*(?P<apposed>[^,()]{1,40}),)?"


def biography_opener(vocab: Vocabulary) -> re.Pattern[str]:
    """A name, what may stand beside it (`_APPOSITION`), then a verb a biography opens with. The verb
    is matched in any case, the name's words only capitalised ("Sowing of kharif crops has picked up
    pace" opens with no name)."""
    return re.compile(rf"^(?P<name>{_BIO_NAME}){_APPOSITION}\s+(?i:{vocab.alternation('bio_verbs')})(?!\w)")


def role_then_copula(vocab: Vocabulary) -> re.Pattern[str]:
    """A sentence that closes on a writer's role and the copula, as Hindi biographies do, or goes on
    after it with what the writer does: "राहुल शर्मा आज की खबर के साथ उप-संपादक के तौर पर जुड़े हैं।",
    "Pooja Verma Zee Samachar mein Up-Sampadak hain.", "... वरिष्ठ संवाददाता हैं और राजनीति पर लिखते हैं।"."""
    roles = vocab.alternation("writer_roles")
    return re.compile(
        rf"(?<!\w)(?:{roles})(?:\s+\S+){{0,4}}?\s+(?:हैं|है|hain|hai)(?:\s+(?:और|aur)\s[^।.]*[^\s।.])?\s*[।.]?\s*$",
        re.IGNORECASE,
    )


def beat_for_title(vocab: Vocabulary) -> re.Pattern[str]:
    """A name, a verb of a writer's beat, and the title written for, closing the first sentence:
    "Sarah Whitfield reports on health care for the Metro Chronicle.", "Mathieu Roux couvre la
    santé pour Ouest Matin." ("Blue Cross covers dental costs for children." names no title.)"""
    title = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’&.-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’&.-]*|of|the|du|de|des|der|die|del)){0,4}"
    return re.compile(
        rf"^(?P<name>{_BIO_NAME})\s+(?i:{vocab.alternation('beat_verbs')})\s[^.!?]{{1,80}}?"
        rf"\s(?i:for|at|with|für|bei|pour|à|para|en)\s+(?:(?i:the)\s+)?{title}[.!?](?:\s|$)"
    )


def is_writer_note(vocab: Vocabulary, text: str) -> bool:
    """The writer named by role, then a biography's verb: "(The writer is a senior fellow at ...)",
    "Der Autor ist Professor für Geschichte in Wien."."""
    inner = text.strip("()[]*_—– ")
    reference = vocab.starts("writer_references", inner)
    return reference is not None and vocab.starts("bio_verbs", inner[reference.end() :].lstrip()) is not None


def is_person(vocab: Vocabulary, name: str) -> bool:
    """The name a biography opens with names a person: not a trade, not a phrase of function words,
    nor a clause's opening with the writer's "I" ("When I was first writing this post")."""
    words = name.split()
    return (
        is_name_list(name, vocab)
        and not names_trade(vocab, name)
        and words[0].lower() not in function_words()
        and "I" not in words
    )


def is_biography(text: str, max_sentences: int = MAX_BIO_SENTENCES) -> bool:
    """Shaped like a biography: seven to eighty words, three sentences at most (`max_sentences`),
    ending one."""
    words = word_count(text)
    return (
        MIN_BIO_WORDS <= words <= MAX_BIO_WORDS and len(SENTENCE.findall(text)) < max_sentences and ends_sentence(text)
    )


# A line on the story's own writer may be shorter: "Jane Doe writes on cricket."
MIN_WRITER_LINE_WORDS = 4


def is_writer_line(vocab: Vocabulary, text: str) -> bool:
    """A biography's shape or a shorter sentence that names what a writer does ("writes on
    cricket", "ist Redakteurin", "पत्रकारिता में हैं"): said of the story's own author, known by the
    byline's name, it is the author's note in any length."""
    if is_biography(text):
        return True
    short = MIN_WRITER_LINE_WORDS <= word_count(text) < MIN_BIO_WORDS and ends_sentence(text)
    return short and vocab.search("writer_roles", text) is not None


def opens_biography(vocab: Vocabulary, text: str) -> bool:
    """Shaped like a biography and opening as one: a name and a biography's verb ("Jane Doe is",
    "Anna Schmidt schreibt"), whatever trade, if any, it names after.

    >>> opens_biography(Vocabulary(), "Jane Doe has followed the town hall since 2016 and lives by the river.")
    True
    >>> opens_biography(Vocabulary(), "Sowing of kharif crops has picked up pace, with paddy acreage up by a tenth.")
    False
    """
    return is_biography(text) and vocab.derived(biography_opener).match(text) is not None


def speaks_of_a_person(vocab: Vocabulary, text: str) -> bool:
    """The paragraph says "he" or "she" ("Alec is an avid hiker ... He writes about ..."): a firm
    credited as the author ("Workzone Team") speaks of itself as "we" or "they" ("Workzone is a
    family business ... They have helped ..."), and April of a story on the weather is no one."""
    return not vocab.members("singular_pronouns").isdisjoint(word.casefold() for word in WORD.findall(text))
