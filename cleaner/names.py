"""People's and organisations' names as pages print them: in bylines, author fields, credit lines.

One place for what a name looks like, so that the byline rules, the page-dump layout and the
HTML page's metadata agree on who wrote a story. The words around names (joiners, roles, labels,
credentials) are vocabulary (`name_joiners`, `name_roles`, `name_labels`, `name_suffixes`, with
`writer_roles`, `review_credits`, `date_labels`, `byline_markers` and `agencies`) in every language file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleaner.affiliations import is_affiliation
from cleaner.dates import find_date
from cleaner.shapes import ends_sentence
from cleaner.vocab import Vocabulary, function_words, month_numbers

# Hyphenated, apostrophied and dotted names: "Jean-Luc", "O'Neil", "J.R.R."
_NAME_TOKEN = re.compile(r"(?<![\w'’.-])(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*+|[a-z]{1,3}|[A-Z]\.)$")
NAME_PARTICLES = frozenset(
    {"de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "al", "el", "del", "dos", "ter"}
    | {"dal", "dalla", "dalle", "della", "delle", "dei", "degli"}  # Italian: "Lucia Dalla Costa"
)
# What ends the names of a byline: "| Updated ...", " - Staff Writer", "(Reuters)", "•Oct 20"; in a byline
# line, " for The Times" too (an author field's "Center for Drug Evaluation" is one name).
# Leading whitespace is taken from the start of its run only, so a long run costs one scan.
_AFTER_NAMES = re.compile(r"(?:(?<!\s)\s+)?(?:\||•|·|⋅|∙|—|–| - |\()\s*")
_AFTER_BYLINE_NAMES = re.compile(rf"{_AFTER_NAMES.pattern}|(?<=\s)(?i:for|für|pour|para)\s+(?=[A-ZÀ-Þ])")
# A citation's name, surname first: "Roy, Aniruddha".
_SURNAME_FIRST = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý][\w'’-]++),\s*+([A-ZÀ-Ý][\w'’-]++(?:\s[A-Z]\.?)?)")
# Credentials written in capitals after a name: "MD", "RN", "FAND", "M.D.", "CFP®".
_CREDENTIAL = re.compile(r"(?:[A-Z]{2,5}|(?:[A-Z]\.){2,4}[A-Z]?)®?$")
# The vocabulary of what follows a name: what the person does, or when the story was dated.
_ROLE_WORDS = ("name_roles", "writer_roles", "review_credits", "date_labels")
_DATE_WORDS = ("date_labels",)
_MAX_PERSON_WORDS = 4
_MAX_NAME_WORDS = 6
_MAX_ROLE_WORDS = 6
_MAX_CREDIT_WORDS = 16
# The longest role or date phrase looked for after a name, and the longest byline or author field.
_ROLE_PHRASE_WORDS = 4
MAX_BYLINE_WORDS = 40
# A mark that may stand between a byline's marker and its names, a space after it: "Author - Jane
# Doe", "Written by | Jane Doe" ("By-Pass Road" is one word).
_MARKER_MARKS = "|–—-"


# Marks no one's name holds: a heading's anchor, a section sign, a copyright's sign (a brand's
# "By Latitude Run®" credits it as a byline does).
_NOT_IN_NAMES = ("¶", "§", "©")


def is_name_list(text: str, vocab: Vocabulary, *, max_words: int = 12) -> bool:
    """True for a short run of capitalised names: "John Smith and Jane Doe".

    >>> is_name_list("Jane Doe and John O'Neil", Vocabulary())
    True
    >>> is_name_list("the time the troops arrived", Vocabulary())
    False
    """
    tokens = [t for t in (t.strip(",;&") for t in _joiners(vocab).sub(" , ", text).split()) if t]
    if not tokens or len(tokens) > max_words or any(mark in text for mark in _NOT_IN_NAMES):
        return False
    capitalised = 0
    for token in tokens:
        if token[0].isupper():
            capitalised += 1
        elif token.lower() not in NAME_PARTICLES:
            return False
        if not _NAME_TOKEN.match(token) and not token[0].isupper():
            return False
    return capitalised >= 1 and capitalised >= len(tokens) - 2


def _is_firm(text: str, vocab: Vocabulary) -> bool:
    """Capitalised single words joined by "&" that name no agency: a firm ("Morgan & Morgan",
    "Procter & Gamble"); "PA & AFP" is two agencies."""
    parts = [part.strip() for part in text.split("&")]
    return (
        len(parts) > 1
        and all(part[:1].isupper() and len(part.split()) == 1 for part in parts)
        and not any(vocab.line_is("agencies", part) for part in parts)
    )


def after_marker(text: str, marker: re.Match[str]) -> str:
    """What follows a byline's marker, past the gap after it.

    >>> import re
    >>> [after_marker(t, re.match("Author|By", t)) for t in ("Author - Jane Doe", "By-Pass Road Opens")]
    ['Jane Doe', '-Pass Road Opens']
    """
    rest = text[marker.end() :].lstrip(" \t:")
    if len(rest) > 1 and rest[0] in _MARKER_MARKS and rest[1].isspace():
        return rest[1:].lstrip()
    return rest


def split_names(text: str, vocab: Vocabulary) -> list[str]:
    """Split "A, B and C" into names; credentials stay with the name before them.

    >>> split_names("Jane Doe, MD, and John Roe", Vocabulary())
    ['Jane Doe, MD', 'John Roe']
    """
    found: list[str] = []
    for part in _joiners(vocab).split(text.replace(";", ",")):
        for piece in part.split(","):
            piece = _said_once(piece.strip(" ."))
            if not piece:
                continue
            if found and _is_suffix(piece, vocab) and not vocab.line_is("agencies", piece):
                found[-1] = f"{found[-1]}, {piece}"
            else:
                found.append(piece)
    return found


def author_names(values: Iterable[str], vocab: Vocabulary) -> tuple[list[str], list[str]]:
    """The people and organisations an author field credits, and the agencies it names: each value
    split into names, byline markers, roles and dates cut off, labels and phrases dropped.

    >>> author_names(["By Zackery Cuevas Writer", "Username", "Angela Holliday-Bell, MD", "AFP"], Vocabulary())
    (['Zackery Cuevas', 'Angela Holliday-Bell, MD'], ['AFP'])
    >>> author_names(["Morgan & Morgan", "PA & AFP"], Vocabulary())
    (['Morgan & Morgan'], ['PA', 'AFP'])
    """
    people: list[str] = []
    agencies: list[str] = []
    values = list(values)
    if _is_split_citation(values):  # "Roy, Aniruddha; Patel, Jyoti" split at every comma
        values = [f"{surname}, {given}" for surname, given in zip(values[::2], values[1::2], strict=True)]
    for value in values:
        if len(value.split()) > MAX_BYLINE_WORDS:
            continue
        text = unglued(" ".join(value.split()), vocab)
        marker = vocab.starts("byline_markers", text) or _marker_after_words(text, vocab)
        text = after_marker(text, marker) if marker else text
        text = _AFTER_NAMES.split(text, maxsplit=1)[0]
        if people and _is_suffix(text, vocab) and not vocab.line_is("agencies", text):  # "Jane Doe RN", "BSN"
            people[-1] = f"{people[-1]}, {text}"
            continue
        inverted = _SURNAME_FIRST.fullmatch(text)  # a citation's "Roy, Aniruddha"
        if inverted:
            found = [f"{inverted[2]} {inverted[1]}"]
        elif _is_firm(text, vocab):  # single words joined by "&" in an author field: "Morgan & Morgan"
            found = [text]
        else:
            found = split_names(text, vocab)
        credited: list[str] = []
        for k, name in enumerate(found):
            name = _without_role(name, vocab)
            if vocab.line_is("agencies", name):
                agencies.append(name)
            elif is_affiliation(text, found, k, credited, vocab):
                break  # "By Jane Doe, London": where the writer files from or works
            elif _is_author_name(name, vocab):
                credited.append(name)
        people += credited
    return list(dict.fromkeys(people)), list(dict.fromkeys(agencies))


def is_credit_line(text: str, vocab: Vocabulary) -> bool:
    """A line crediting a person: a name of two to four words, alone (three at most) or followed by a
    role or credentials after a comma or a bar.

    >>> [is_credit_line(t, Vocabulary()) for t in ("Dylan Bailey, MS, RD, FAND", "Audrey Huang | Managing Editor")]
    [True, True]
    >>> is_credit_line("Rahul Tyagi", Vocabulary()), is_credit_line("Top 10 Health and Nutrition Trends", Vocabulary())
    (True, False)
    """
    if len(text.split()) > _MAX_CREDIT_WORDS:
        return False
    name, _, rest = _credit_parts(text)
    n = len(name.split())
    if not rest and n > 3:  # four capitalised words alone read as a title as often as a name
        return False
    if len(rest.split()) > _MAX_ROLE_WORDS or ends_sentence(rest):  # "SANTA FE, N.M. (AP) — A cat who..."
        return False
    if not 2 <= n <= _MAX_PERSON_WORDS or not is_name_list(name, vocab, max_words=_MAX_PERSON_WORDS):
        return False
    # Unmarked, a name must read as one: each of two words or more ("Nutrition & Recipes" is a menu's),
    # not opening on a function word ("The Fold-and-Cut Problem") or a button's word ("Print Article").
    first = name.split()[0].lower()
    if first in function_words() or vocab.starts("share_words", name):
        return False
    return all(len(part.split()) >= 2 and _is_author_name(part, vocab) for part in split_names(name, vocab))


def credited_names(text: str, vocab: Vocabulary) -> list[str]:
    """The names of a credit line (`is_credit_line`), credentials kept, roles left out."""
    name, _, rest = _credit_parts(text)
    suffixes = [p.strip() for p in rest.split(",") if p.strip() and _is_suffix(p.strip(), vocab)]
    return [", ".join([name, *suffixes])] if suffixes and len(suffixes) == rest.count(",") + 1 else [name]


def _credit_parts(text: str) -> tuple[str, str, str]:
    """The name, the separator and the rest of a credit line; a date also ends the name ("Jane Doe
    02 Feb 2026")."""
    date = find_date(text)
    if date and date[1].start() > 0 and not re.search(r"[,|]", text[: date[1].start()]):
        return text[: date[1].start()].strip(" •·-–—"), "", ""
    cut = min((k for k in (text.find(","), text.find("|")) if k >= 0), default=-1)
    if cut < 0:
        return text.strip(), "", ""
    return text[:cut].strip(), text[cut], text[cut + 1 :].strip()


def read_credit(text: str, vocab: Vocabulary) -> tuple[list[str], list[str], str] | None:
    """The people and agencies at the start of a byline's remainder, and what follows them."""
    head, *rest = _AFTER_BYLINE_NAMES.split(text, maxsplit=1)
    date = find_date(head)
    if date and date[1].start() > 0:  # "Jane Doe December 2, 2025", "David at December 16, 2025"
        front, _, last = head[: date[1].start()].rstrip().rpartition(" ")
        before = front if last in vocab.members("byline_date_joiners") else head[: date[1].start()]
        head, rest = before, [head[date[1].start() :] + (f" | {rest[0]}" if rest else "")]
    names = _without_role(head, vocab, _DATE_WORDS)  # "Jane Doe Published: March 3" ends at the label
    tail = " ".join(filter(None, (head[len(names) :].strip(), rest[0] if rest else "")))
    head = names
    people: list[str] = []
    agencies: list[str] = []
    pieces = split_names(head, vocab)
    for k, piece in enumerate(pieces):
        name = _without_role(piece, vocab)
        # After the first name, a piece naming a role is the tail: "Jane Doe, Housing Correspondent".
        is_role = _role_at(piece, 0, vocab) or (bool(people) and name != piece)
        if vocab.line_is("agencies", piece):
            agencies.append(piece)
        elif is_affiliation(head, pieces, k, people, vocab):
            break  # "Jane Doe, London", "Jane Doe, Hindustan Times": where the writer files from or works
        elif not people and not agencies and _is_group_credit(piece, vocab):
            people.append(piece)
        elif is_name_list(piece.split(",")[0], vocab) and not is_role:
            if _is_author_name(name, vocab):
                people.append(name)
        elif people or agencies:  # "Jane Doe, Staff Writer": the rest is the tail
            tail = ", ".join(pieces[k:]) + (f" | {tail}" if tail else "")
            break
        else:
            return None
    return (people, agencies, tail) if people or agencies else None


def _is_group_credit(piece: str, vocab: Vocabulary) -> bool:
    """A newsroom's or a firm's team credited as one, its name closed by the word for the group
    (`group_credits`): "Resy Staff", "TOI Lifestyle Desk", "The Currency editors", "the Lavazza
    Team". Read as a person's name, it would lose all but the firm's name ("Resy"). The name is
    one an author's could be ("By Monday Staff", "By The Staff" name no team); only a byline's
    first credit is read so ("Jane Doe, Reuters Staff" credits Jane Doe in her role).

    >>> [_is_group_credit(p, Vocabulary()) for p in ("Resy Staff", "the Lavazza Team", "Jane Doe", "The Staff")]
    [True, True, False, False]
    """
    *name, group = piece.split()
    if not name or group.casefold() not in vocab.word_set("group_credits"):
        return False
    if name[0].casefold() in vocab.word_set("byline_articles"):  # "the Lavazza Team"
        name = name[1:]
    return bool(name) and all(w[:1].isupper() for w in name) and _is_author_name(" ".join(name), vocab)


def _is_split_citation(values: list[str]) -> bool:
    """Single capitalised words, an even number of them, four or more: surnames and given names
    of a citation's author list that lost their pairing."""
    words = [value.strip() for value in values]
    return len(words) >= 4 and len(words) % 2 == 0 and all(w[:1].isupper() and " " not in w for w in words)


def _marker_after_words(text: str, vocab: Vocabulary) -> re.Match[str] | None:
    """A byline marker after a phrase, names after it: "View all posts by Jane Doe", "Article by Jane Doe"."""
    marker = vocab.search("byline_markers", text)
    if marker is None or marker.start() == 0:
        return None
    rest = text[marker.end() :].lstrip(" :")
    return marker if rest and is_name_list(_AFTER_NAMES.split(rest, maxsplit=1)[0].split(",")[0], vocab) else None


def is_handle(name: str) -> bool:
    """A user's login name rather than the name printed on a byline: one word, in lower case or
    holding a digit, a dot or an underscore.

    >>> [is_handle(n) for n in ("andrew.keaveney", "jdoe82", "theobjectivedad", "Madonna", "Jane Doe")]
    [True, True, True, False, False]
    """
    return " " not in name and (name.islower() or any(ch.isdigit() or ch in "._" for ch in name))


def _is_author_name(name: str, vocab: Vocabulary) -> bool:
    """A name or a user's handle ("jdoe82"), not a label ("Username", "Photo: Jane Doe", "Print
    article"), an address, an initial or a phrase ("Personal finance January")."""
    words = name.split(",")[0].split()
    if not words or len(words) > _MAX_NAME_WORDS or vocab.line_is("name_labels", name) or "://" in name:
        return False
    if ":" in name or vocab.line_is("share_words", name):
        return False
    if not vocab.members("interface_words").isdisjoint(w.casefold() for w in words):  # "Close Modal"
        return False
    if any(mark in name for mark in _NOT_IN_NAMES):  # "Logging HOWTO¶", "The State University ©"
        return False
    if vocab.derived(_inner_connector).search(name):  # "Category By Manufacturer": two filters' bylines
        return False
    # Capitalised words with lower-case content words among them are a phrase; function words
    # ("Center for Drug Evaluation", "Ask the Doctors"), roles ("The Currency editors") and numbers are not.
    common = function_words()
    capitalised = [
        w[0].isupper()
        for w in words
        if w[0].isalpha()
        and w.lower() not in common
        and w.lower() not in NAME_PARTICLES
        and not vocab.line_is("writer_roles", w)
    ]
    if any(capitalised) and not all(capitalised):
        return False
    if len(words) == 1 and (len(words[0]) <= 2 or words[0].casefold() in vocab.derived(_calendar_words)):
        return False
    if len(words) == 1 and words[0].casefold() in vocab.word_set("byline_articles"):  # "By Our Reporter"
        return False
    if _role_at(name, 0, vocab) or all(w.casefold() in function_words() for w in words):
        return False
    return len(words) <= 3 or sum(w[0].isupper() for w in words) >= len(words) - 2


def _inner_connector(vocab: Vocabulary) -> re.Pattern[str]:
    """The word for "by" inside a name before another name's word, alone or glued to the word before
    it ("CategoryBy Manufacturer"): no name holds it, but two bylines run together do. (A name's
    particles, "von", "de", are left out.)"""
    words = sorted(set(vocab.phrases("byline_connectors")) - NAME_PARTICLES)
    by = "|".join(re.escape(word.capitalize()) for word in words) or "(?!)"
    return re.compile(rf"(?:\s|(?<=[a-z]))(?:{by})\s+[A-Z]")


def _calendar_words(vocab: Vocabulary) -> frozenset[str]:
    """Month and weekday names: "Dec" is a date's, not a person's."""
    return frozenset(month_numbers()) | vocab.members("weekdays")


def _without_role(name: str, vocab: Vocabulary, families: tuple[str, ...] = _ROLE_WORDS) -> str:
    """The name before the first role or date word that follows it: "Zackery Cuevas Writer". Only a
    name's length is looked through: a role further on follows no name."""
    words = name.split()
    for k in range(1, min(len(words), _MAX_NAME_WORDS + 1)):
        if _role_at(name, k, vocab, families):
            return " ".join(words[:k]).rstrip(",")
    return name


def _said_once(name: str) -> str:
    """A name a page printed twice in a row (a byline's link and its text), once: "Sean Martin
    Sean Martin" is Sean Martin."""
    words = name.split()
    half = len(words) // 2
    return " ".join(words[:half]) if half >= 2 and words[:half] == words[half:] else name


def _role_at(name: str, k: int, vocab: Vocabulary, families: tuple[str, ...] = _ROLE_WORDS) -> bool:
    """Whether a role or date phrase (a few words at most) opens the name's words from the k-th on."""
    rest = " ".join(name.split()[k : k + _ROLE_PHRASE_WORDS])
    return any(vocab.starts(family, rest) for family in families)


def _is_suffix(piece: str, vocab: Vocabulary) -> bool:
    return bool(_CREDENTIAL.match(piece)) or piece.lower() in vocab.members("name_suffixes")


def _joiners(vocab: Vocabulary) -> re.Pattern[str]:
    return vocab.derived(_compile_joiners)


def _compile_joiners(vocab: Vocabulary) -> re.Pattern[str]:
    """The joiners as one pattern: " and ", " & ", " und "."""
    words = sorted(vocab.phrases("name_joiners"), key=len, reverse=True)
    alternation = "|".join(map(re.escape, words))
    return re.compile(rf"(?<!\s)\s+(?:{alternation})\s+|(?:(?<!\s)\s+)?&\s*", re.IGNORECASE)


def unglued(text: str, vocab: Vocabulary) -> str:
    """Put back the space a scraper lost between a byline and what follows: "By Korin MillerPublished:
    Jan 29" -> "By Korin Miller Published: Jan 29", "by Jane DoeNovember 20, 2007" -> "by Jane Doe
    November 20, 2007", "ByNina Pineda" -> "By Nina Pineda"."""
    return vocab.derived(glued_marker).sub(r"\g<0> ", vocab.derived(_glued_label).sub(" ", text))


def _glued_label(vocab: Vocabulary) -> re.Pattern[str]:
    """A date label or a month's name glued to the word before it ("ZeldmanNovember 20, 2007")."""
    words = [*vocab.phrases("date_labels"), *(month for month in month_numbers() if month.isalpha())]
    labels = "|".join(sorted({re.escape(w.capitalize()) for w in words if " " not in w and len(w) > 3}))
    return re.compile(rf"(?<=[a-z])(?=(?:{labels})\b)")


def glued_marker(vocab: Vocabulary) -> re.Pattern[str]:
    """A byline's marker glued to the name after it, at the line's start ("ByNina Pineda",
    "Written byMadeline Puckette"): a line the byline rule reads though its words hold no marker."""
    markers = "|".join(re.escape(w.capitalize()) for w in vocab.phrases("byline_markers"))
    return re.compile(rf"^(?:{markers})(?=[A-Z][a-z])")
