"""What a byline sets after its names that names no one: where the writer files from ("By Jane
Doe, London", "By Jane Doe, New Delhi") or the paper the writer works for ("By Jane Doe, Hindustan
Times", "Jane Doe, The Hindu"). Read as names, they would credit a city or a paper as an author.

A place of several words opens with a word places open with (`place_openers`: "New", "San",
"Los", none a given name too); a paper's name holds a word for the press (`press_nouns`:
"Times", "Herald", "Zeitung"; none a surname too: "Emily Post" is a person) or opens with an article
("The", "Die": `title_articles`; an initial is no article, "A. O. Scott"). A single word after
full names is read as a place: "Jane Doe, Cher" is lost.
"""

from __future__ import annotations

from cleaner.vocab import Vocabulary, label_words_of


def is_affiliation(head: str, pieces: list[str], k: int, people: list[str], vocab: Vocabulary) -> bool:
    """Whether a byline's pieces from the k-th on, set off by a comma after the full names of
    `people`, name where the writer files from or works; a piece of one word only as the last
    ("Jane Doe, Hindustan Times, Lucknow"). One joined by "and" may be a name ("Maria and
    Katerina"), and so may one after a name of one word ("Alice, Bob").

    >>> head = "Jane Doe, Hindustan Times, New Delhi"
    >>> is_affiliation(head, ["Jane Doe", "Hindustan Times", "New Delhi"], 1, ["Jane Doe"], Vocabulary())
    True
    >>> is_affiliation("Jane Doe, John Roe", ["Jane Doe", "John Roe"], 1, ["Jane Doe"], Vocabulary())
    False
    """
    rest = pieces[k:]
    if not people or any(" " not in name for name in people) or not rest:
        return False
    at = head.rfind(rest[0])
    if at <= 0 or not head[:at].rstrip().endswith(","):
        return False
    last = len(rest) - 1
    return all(names_a_place_or_paper(piece, vocab) or (n == last and " " not in piece) for n, piece in enumerate(rest))


def names_a_place_or_paper(piece: str, vocab: Vocabulary) -> bool:
    """A name of several words that a place or a paper has, not a person: "New Delhi", "Los
    Angeles", "The Hindu", "Times of India", "Süddeutsche Zeitung".

    >>> [names_a_place_or_paper(name, Vocabulary()) for name in ("New Delhi", "A. O. Scott", "Emily Post")]
    [True, False, False]
    """
    words = label_words_of(piece)
    if len(words) < 2:
        return False
    press = vocab.word_set("press_nouns")
    article = piece.split()[0].isalpha() and words[0] in vocab.word_set("title_articles")
    return words[0] in vocab.word_set("place_openers") or article or not press.isdisjoint(words)
