"""Photo and image captions with their credits, moved to `Article.captions`."""

from __future__ import annotations

import re

from cleaner.article import Caption
from cleaner.platforms import is_platform_credit
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.labels import is_closed_label
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, word_count
from cleaner.vocab import Vocabulary

_MAX_CREDIT_WORDS = 7
_MAX_CAPTION_WORDS = 70
_MAX_LABELLED_WORDS = 12
_MAX_AGENCY_CAPTION_WORDS = 20
# "(AP Photo/Evan Vucci)", "(Photo by Jane Doe/Getty Images)", "(Image: Reuters)", "(Photo Credit: Jane Doe)"
_PAREN_CREDIT = re.compile(
    r"\((?P<credit>(?:[A-Z][\w.&-]*\s+){0,2}(?:photo|image|picture|foto|bild)s?\s*(?:credits?\s*)?(?:by\b|/|:)[^()]{1,80})\)\s*$",
    re.IGNORECASE,
)
_AGENCY = r"(?i:getty images|afp|reuters|ap|epa|shutterstock|istock|alamy|dpa|anadolu|efe|imago|picture alliance|bloomberg|sputnik|tass)"
# "Jane Doe/AFP", "Mikhail Klimentyev/Sputnik/AFP via Getty Images", "Ann Lee for Bloomberg":
# capitalised names, then "/", "via" or "for" segments ending on a picture agency. The names are
# set apart by whitespace, so a long word cannot be split into names in every possible way.
# Segments may run to three words ("Jane Doe/Hindustan Times/Getty Images"). Set apart by "|", a
# credit names three segments and ends on a picture agency ("Jane Doe | Bloomberg | Getty Images"):
# "Oil Prices Rise | Reuters" is a headline. A picture agency may also come first ("Getty Images /
# Jane Doe").
_PICTURE_AGENCY = (
    r"(?i:getty images|shutterstock|istock(?:photo)?|alamy(?: stock photo)?|imago|(?:dpa )?picture alliance)"
)
_CREDIT_NAME = r"[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}"
_CREDIT_SEGMENT = r"[\w.'’-]+(?:\s+[\w.'’-]+){0,2}"
_PHOTO_AGENCY = re.compile(
    rf"^{_CREDIT_NAME}\s*(?:/|\s(?:via|for)\s)\s*(?:{_CREDIT_SEGMENT}\s*(?:/|\svia\s)\s*){{0,3}}{_AGENCY}"
    r"(?:\s*/\s*[\w ]{1,30}|\s+(?i:photos?|images|pictures))?$"
    rf"|^{_CREDIT_NAME}(?:\s*\|\s*{_CREDIT_SEGMENT}){{1,3}}\s*\|\s*{_PICTURE_AGENCY}$"
    rf"|^{_PICTURE_AGENCY}(?:\s*/\s*[A-ZÀ-Þ][\w .'’-]{{1,40}})?$"
)
# A credit closing a caption line: "... La Paz, Bolivia. © Reuters / Jane Doe", "... | © 2019 Jane Doe"
# (set apart from the caption, and naming someone), "... in New York. REUTERS/Jane Doe", and "...
# after eating a rabbitCredit: Getty" or "...last week.Credit...Jane Doe/The Times", where the dump
# ran the credit's span into the caption ("his Credit: a blow" is a sentence).
_TRAILING_CREDIT = re.compile(
    r"[.|•·–—]\s*©\s*(?P<credit>[^©\s][^©]{0,80})$"
    r"|(?<=\S)Credit(?::|\.\.\.|…)\s*(?P<named>[^\W\d_][^©]{0,80})$"
    r"|(?<=[.\s])(?P<name>(?:REUTERS|AFP|EPA|AP Photo|EFE|DPA|ANSA|PTI|IANS|ANI)/[A-Z][\w'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$"
)
# A gallery's counter under each picture: "Image 3 of 12", "Photo 1 / 5", "Image 1 of / 5".
_GALLERY_COUNTER = re.compile(r"^(?:image|photo|picture)\s+\d+\s*(?:of|/)\s*/?\s*\d+$", re.IGNORECASE)
# A caption names what the picture shows; fewer words before a "©" make a site's copyright line.
_MIN_CREDITED_CAPTION_WORDS = 3
# Before an agency in brackets, a caption of two words ("Fire crews (AP)"); one word before the
# agency that sold the picture ("Students (AFP via Getty Images)").
_MIN_BRACKETED_CAPTION_WORDS = 2
_MIN_SOLD_CAPTION_WORDS = 1
_TRAILING_SEPARATORS = " |•·.,;-–—(/"
_LETTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]+")
# "(Photo by Jane Doe/Getty Images)": the marker before the credit is not part of it.
_CREDIT_PREFIX = re.compile(r"^(?:photo|image|picture|foto|bild)s?\s*(?:credits?\s*)?(?:by\b|:)\s*", re.IGNORECASE)
# "Photo: Twitter Image": the trailing type word repeats the marker, it is not the credit.
# Whitespace is taken from the start of its run only (no rescan per space).
_CREDIT_SUFFIX = re.compile(r"(?<!\s)\s+(?:image|photo|picture|pic)\.?$", re.IGNORECASE)


def _marker_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?:{vocab.alternation('photo_markers')})\s*(?:credit|courtesy|source|by)?\s*(?::|\bby\b)\s*",
        re.IGNORECASE,
    )


def _picture_label(vocab: Vocabulary) -> re.Pattern[str]:
    """A caption that names its picture's kind, not its credit: "File image of the port" ("A file
    photo of the court."), "Students (File photo)", "Parliament House. (File)", "Farmers (फाइल फोटो)", "Commuters. (PTI Photo)",
    "Ghat (फोटो: भाषा)", "Police [Photo - Reuters]", "किसान की फाइल फोटो" (a farmer's file photo), a
    label and its credit ("Representative image (iStock)"), and one closed by the paper's own
    credit ("Farmers at the border. Express Photo by Jane Doe", "Commuters. HT Photo")."""
    # A picture's word run into the next word ("Fotoby Jane Doe") is none.
    markers = f"(?i:{vocab.alternation('photo_markers')})(?![^\\W\\d_])"
    return re.compile(
        rf"^(?P<article>(?i:an?|the)\s+)?(?P<kind>{markers})\s+(?i:of)\s+(?P<of>\S.*)$"
        rf"|^(?P<before>.*?\S)\s*[(\[]\s*(?:{markers}|(?i:{vocab.alternation('file_words')}))\s*[)\]]$"
        rf"|^(?P<label>{markers})\s*[(\[]\s*(?P<label_credit>[^()\[\]]{{1,40}})[)\]]$"
        rf"|^(?P<shown>.*?\S)\s*[(\[]\s*{markers}\s*(?:(?i:by)\b|[:–-])\s*(?P<credit>[^()\[\]]{{1,60}})[)\]]$"
        rf"|^(?P<by_agency>.*?\S)\s*[(\[]\s*(?P<agency>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)\s+{markers}\s*[)\]]$"
        rf"|^(?P<whose>\S.*?)\s+(?:की|का|के)\s+{markers}$"
        rf"|^(?P<paper_shown>\S+\s.*?[^\W\d_]{{2}}[.!?])\s+(?P<paper>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)\s+{markers}"
        rf"(?:\s*(?:(?i:by)\b|:)\s*(?P<photographer>[A-Z][^.!?()]{{1,60}}))?$"
    )


def _labelled_picture(page: Page, text: str) -> Caption | None:
    """The caption of a line that names its picture's kind (`_picture_label`), if short enough."""
    found = page.vocab.derived(_picture_label).match(text.strip())
    if found is None:
        return None
    names = ("of", "before", "label", "shown", "by_agency", "whose", "paper_shown")
    caption = next(found.group(name) for name in names if found.group(name))
    caption = caption.rstrip(_TRAILING_SEPARATORS).strip()
    # "File image of ..." names what the picture shows, not a sentence about it; a bare "Image of"
    # after an article or closing a sentence may open one ("The image of the city has changed.").
    limit = _MAX_LABELLED_WORDS if found.group("of") else _MAX_CAPTION_WORDS
    bare_kind = found.group("of") and " " not in found.group("kind").strip()
    if word_count(caption) > limit or (bare_kind and (found.group("article") or ends_sentence(caption))):
        return None
    if found.group("label") and " " not in caption:  # "Video (Recoil / OCaml)" is a link, not a credited picture
        return None
    credits = ("credit", "label_credit", "agency", "photographer", "paper")
    credit = next((found.group(name) for name in credits if found.group(name)), None)
    return Caption(caption, _clean_credit(credit) if credit else None)


def bracketed_credit(text: str) -> Caption | None:
    """A caption closed by its picture's credit in brackets ("Crowds in Kyiv (AP Photo/Evan Vucci)",
    "Cyclists on Main Street. (Photo: James Lee/The Post)"), split at the credit; an HTML page's
    `<figcaption>` writes it so too."""
    paren = _PAREN_CREDIT.search(text)
    if paren is None:
        return None
    caption = text[: paren.start()].rstrip(_TRAILING_SEPARATORS).strip()
    if word_count(caption) > _MAX_CAPTION_WORDS:
        return None
    return Caption(caption, _clean_credit(_CREDIT_PREFIX.sub("", paren.group("credit"))) or None)


def _picture_then_credit(vocab: Vocabulary) -> re.Pattern[str]:
    """A picture's word and its credit in capitals, no colon, closing a caption's sentence or in
    brackets: "Les pompiers à Paris. Photo Reuters", "Le pont (Photo Jean Dupont)", "Students in
    Boston. Photo / Getty Images". The picture's word ends there ("PhotoPhoto" is none). A run of
    spaces is tried from its start only."""
    pictures = vocab.alternation("picture_words")
    return re.compile(
        rf"(?:(?<=[^\W\d_]{{2}}[.!?])\s++|(?<!\s)\s*+[(\[]\s*+)(?i:{pictures})(?![^\W\d_])\s*+/?\s*+(?P<credit>{_CREDIT_NAME})[)\]]?$"
    )


def _credited_picture(page: Page, text: str) -> Caption | None:
    """The caption of a line closed by a picture's word and its credit (`_picture_then_credit`)."""
    found = page.vocab.derived(_picture_then_credit).search(text)
    if found is None or word_count(text[: found.start()]) > _MAX_CAPTION_WORDS:
        return None
    caption = text[: found.start()].rstrip(_TRAILING_SEPARATORS).strip()
    return Caption(caption, found.group("credit")) if _LETTER.search(caption) else None


def _closing_agency(vocab: Vocabulary) -> re.Pattern[str]:
    """An agency's bare name after a caption's sentence ("... on Monday. Reuters", "... (AFP)"), or in
    brackets, with the agency that sold it after "via", closing a caption that is no sentence
    ("Students (AFP via Getty Images)", "A view of the new bridge (Reuters)"). A run of spaces is
    tried from its start only."""
    agencies = vocab.alternation("agencies")
    return re.compile(
        rf"(?<=[.!?”\"])\s+(?:(?P<agency>{agencies})\.?|\((?P<bracketed>{agencies})\))$"
        rf"|(?<=[^\W\d_])\s+\((?P<sold>(?:{agencies})(?P<via>\s+via\s+(?:{agencies}))?)\)$",
        re.IGNORECASE,
    )


def _agency_closing(page: Page, text: str) -> Caption | None:
    """ "Protesters gather outside the court on Monday. Reuters", "... on Monday. (AFP)" or "Students
    (AFP via Getty Images)": a caption closed by the name of the agency that took the picture."""
    found = page.vocab.derived(_closing_agency).search(text)
    if found is None:
        return None
    caption, sold = text[: found.start()].strip(), found.group("sold")
    if sold is None:
        shortest = _MIN_CREDITED_CAPTION_WORDS
    else:
        shortest = _MIN_SOLD_CAPTION_WORDS if found.group("via") else _MIN_BRACKETED_CAPTION_WORDS
    if not shortest <= word_count(caption) <= _MAX_AGENCY_CAPTION_WORDS:
        return None  # a wire story's paragraph may close on its agency too: "... into the US. PTI"
    if sold is not None and _spells(caption, sold):
        return None  # an acronym's definition: "a single-page application (SPA)"
    return Caption(caption, found.group("agency") or found.group("bracketed") or sold)


def _spells(text: str, acronym: str) -> bool:
    """Whether the last words of `text` open with the acronym's letters, in order."""
    words = _LETTERS.findall(text)
    return (
        len(acronym) <= len(words)
        and "".join(word[0] for word in words[-len(acronym) :]).casefold() == acronym.casefold()
    )


def _clean_credit(credit: str) -> str:
    credit = credit.strip(" .)")
    return _CREDIT_SUFFIX.sub("", credit).strip() or credit


def _is_credit(credit: str) -> bool:
    """Short, and not a sentence: a name, an agency, a year."""
    words = word_count(credit)
    return 0 < words <= _MAX_CREDIT_WORDS and not (words > 3 and credit.endswith((".", "?", "!")))


def _split_trailing_credit(page: Page, text: str) -> Caption | None:
    """Split "Caption text. © Credit" or "Caption textCredit: Credit" at the credit; a line that
    reserves rights ("Tous droits réservés. © 2024 Le Monde") is the site's copyright notice, and
    one that credits the site's software ("Built with Hugo. © 2024 Jane Doe") its footer."""
    found = _TRAILING_CREDIT.search(text)
    if found is None:
        return None
    credit = (found.group("credit") or found.group("named") or found.group("name")).strip()
    if not _is_credit(credit) or not _LETTER.search(credit):
        return None
    caption = text[: found.start()].rstrip(_TRAILING_SEPARATORS).strip()
    words = word_count(caption)
    if words < _MIN_CREDITED_CAPTION_WORDS or words > _MAX_CAPTION_WORDS or _reserves_rights(page, caption):
        return None
    if is_platform_credit(page.vocab, text):
        return None
    return Caption(caption, _clean_credit(credit))


def _reserves_rights(page: Page, text: str) -> bool:
    return "copyright" in text.lower() or page.vocab.search("copyright_phrases", text) is not None


def _split_marker_caption(page: Page, text: str) -> Caption | None:
    """Split "Caption text | Photo: Credit" at the last picture marker."""
    markers = list(page.vocab.derived(_marker_pattern).finditer(text))
    if not markers:
        return None
    last = markers[-1]
    credit = text[last.end() :].strip()
    if not _is_credit(credit):
        return None
    before = text[: last.start()].rstrip()
    caption = before.rstrip(_TRAILING_SEPARATORS).strip()
    if caption and (before[-1] not in _TRAILING_SEPARATORS or word_count(caption) > _MAX_CAPTION_WORDS):
        return None
    return Caption(caption, _clean_credit(credit))


# Labels, markers and a gallery's counter ("Image 3 of 12") hold the gate's phrases. The pattern
# takes the rest: a picture marker run into "credit" or "by" ("Photocredit: ...", no phrase's
# word then), a bracketed credit's closing ")", and a closing credit's "©", "Credit:" or agency's
# "/"; and an agency's bare name closing a caption, the line's last word after its full stop.
# Each branch opens with the character it is found by (the letters in every case a
# case-insensitive match allows), so the regex engine skips along the line to those alone.
_CAPTION_MARK = re.compile(
    r"""[©)CREAcCsSſbB/.!?”"](?:
        (?<=©) | (?<=\))\s*$ | (?<=[.!?”"])\s+\S+\s*$
      | (?<=C)redit(?::|\.\.\.|…)
      | (?<=R)EUTERS/[A-Z] | (?<=A)FP/[A-Z] | (?<=E)PA/[A-Z] | (?<=A)P\ Photo/[A-Z]
      | (?:(?<=EFE/|DPA/|PTI/|ANI/)|(?<=ANSA/|IANS/))[A-Z]
      | (?<=\w[cCsSſbB])(?i:redit|ourtesy|ource|y)\s*(?::|(?i:by)\b)
    )""",
    re.VERBOSE,
)


@block_rule(
    "CAP001",
    "photo-caption",
    "captions",
    gate=Gate(
        max_chars=700,
        phrases=("caption_labels", "photo_markers", "picture_words", "screen_grabs"),
        pattern=_CAPTION_MARK,
    ),
    alone=True,
)
def photo_caption(page: Page, i: int) -> Hit | None:
    """Removes: a caption line with a picture credit ("Russian President Vladimir Putin |
    Photo: Twitter Image", "Protesters in Paris. (AP Photo/Evan Vucci)", "Image caption The
    crowd outside", "Traders on the floor. © Reuters / Jane Doe", "The hospital in BeijingCredit:
    EPA", "Farmers in Patna (फोटो: भाषा)"), a credit-only line ("Photo: Reuters"), a bare picture
    label ("Representational image", "प्रतीकात्मक तस्वीर", "Image used for representational purposes
    only": a picture's word and label words; a picture's word alone, "Video", is only dropped), a
    still's caption ("Screengrab from a video shared on social media"), a caption that names its
    picture's kind ("File image of the port", "Students (File photo)", "Commuters. (PTI Photo)") or
    calls it a file one in other words ("Los bomberos, en una imagen de archivo."), a
    caption closed by an agency's bare name ("Protesters outside the court. Reuters", "... (AFP)",
    "Students (AFP via Getty Images)"; an acronym's definition, "single-page application (SPA)",
    is none) and a gallery's counter ("Image 3 of 12"). The caption and credit move to `captions`.

    Why: dumps keep every figure caption inline, where it reads as a stray body line.

    False positives: a body paragraph that starts "Photo:" and goes on as a sentence ("Photo:
    the photographer said the light was perfect") is kept: a credit is at most seven words and
    does not read as a sentence; a sentence closed by a picture's word ("He left the building, in a
    photo.") names no file picture.

    Example: "Russian President Vladimir Putin | Photo: Twitter Image" -> caption "Russian
    President Vladimir Putin", credit "Twitter".
    """
    text = _unbracketed(page.blocks[i].text)
    vocab = page.vocab
    label = vocab.starts("caption_labels", text)
    if label and word_count(text) > 2:
        caption = text[label.end() :].lstrip(" :").strip()
        return Hit(moved_to="captions", value=Caption(caption))
    bracketed = bracketed_credit(text)
    if bracketed is not None:
        return Hit(moved_to="captions", value=bracketed)
    marker = vocab.line_is("photo_markers", text)
    if marker and word_count(text) == 1:
        return Hit(detail="a picture's word alone")  # "Video", "Photos": a menu's item as often, no caption
    if marker or is_closed_label(vocab, "picture_words", text) or _GALLERY_COUNTER.match(text.strip()):
        return Hit(moved_to="captions", value=Caption(text))
    found = (
        _labelled_picture(page, text)
        or _credited_picture(page, text)
        or _split_marker_caption(page, text)
        or _split_trailing_credit(page, text)
        or _agency_closing(page, text)
        or _screen_grab(page, text)
        or _file_picture(page, text)
    )
    return None if found is None else Hit(moved_to="captions", value=found)


# A file picture's label in other words is short ("en una imagen de archivo"), and the word that
# joins it to what it shows shorter ("de", "of", "vom").
_MAX_FILE_LABEL_WORDS = 5
_MAX_JOIN_CHARS = 3


def _file_picture(page: Page, text: str) -> Caption | None:
    """A caption that calls its picture a file one in the words around what it shows: the label, a
    short word and the subject ("Foto de archivo de la plaza mayor"), the subject, a comma and the
    label ("Los bomberos, en una imagen de archivo.", "The harbour, file photo"), or, as romanised
    Hindi writes it, the subject, a possessive and the label ("Rahul Gandhi ki file photo"). The
    label holds a picture's word and a file word: "Foto de familia de los líderes" is a heading,
    "Archivo de la ciudad" an institution, "The minister left the building, in a photo." a
    sentence; the subject is no sentence and runs to _MAX_LABELLED_WORDS words at most."""
    vocab = page.vocab
    line = text.strip().rstrip(".")
    words = line.split()

    def is_file_label(label: list[str]) -> bool:
        folded = {word.casefold().strip(",;:()") for word in label}
        files = folded & vocab.word_set("file_words")  # "archives" is both: a picture's word of its own
        return bool(files) and bool(folded & vocab.word_set("picture_words") - files)

    def caption(subject: list[str]) -> Caption | None:
        shown = " ".join(subject).strip(" ,")
        fits = 0 < len(subject) <= _MAX_LABELLED_WORDS and not any(mark in shown for mark in ".!?")
        return Caption(shown) if fits else None

    for k in range(2, min(_MAX_FILE_LABEL_WORDS, len(words) - 2) + 1):
        join = words[k]
        if is_file_label(words[:k]) and len(join) <= _MAX_JOIN_CHARS and join.islower():
            return caption(words[k + 1 :])
    subject, comma, label = line.rpartition(",")
    if comma and len(label.split()) <= _MAX_FILE_LABEL_WORDS and is_file_label(label.split()):
        return caption(subject.split())
    if len(words) > 3 and words[-3].casefold() in vocab.word_set("possessive_words") and is_file_label(words[-2:]):
        return caption(words[:-3])
    return None


def _screen_grab(page: Page, text: str) -> Caption | None:
    """ "Screengrab from a video shared on social media.": a still's caption, a sentence or not."""
    return Caption(text) if page.vocab.starts("screen_grabs", text) and word_count(text) <= _MAX_CAPTION_WORDS else None


def _unbracketed(text: str) -> str:
    """A credit some sites print in square brackets, "[Photo: Reuters]", without them."""
    stripped = text.strip()
    return stripped[1:-1] if stripped.startswith("[") and stripped.endswith("]") else text


# An agency's name opens the line or follows a "/" or a space: the look-behind spares the gate a try at every letter.
@block_rule(
    "CAP002",
    "photo-agency-credit",
    "captions",
    gate=Gate(max_words=8, pattern=re.compile(rf"(?<!\w){_AGENCY}")),
    alone=True,
)
def photo_agency_credit(page: Page, i: int) -> Hit | None:
    """Removes: a line that is only a picture agency credit ("Getty Images", "Jane Doe/AFP via
    Getty Images", "Shutterstock"). It moves to `captions` as a credit with no caption text.

    Why: photo credits sit on their own line under an image and are not part of the story.

    False positives: a one-line paragraph naming a person and an agency with a slash in a
    story about photography; lines over eight words are never matched.

    Example: "Mikhail Klimentyev/Sputnik/AFP via Getty Images" -> credit moved to captions.
    """
    text = page.blocks[i].text
    if not _PHOTO_AGENCY.match(text.strip()):
        return None
    return Hit(moved_to="captions", value=Caption("", text.strip()))
