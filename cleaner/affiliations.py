"""What a byline sets after its names that names no one: where the writer files from ("By Jane
Doe, London", "By Jane Doe, New Delhi") or the paper the writer works for ("By Jane Doe, Hindustan
Times", "Jane Doe, The Hindu"). Read as names, they would credit a city or a paper as an author.

A place of several words opens with a word places open with (`place_openers`: "New", "San",
"Los"); a paper's name holds a word for the press (`press_nouns`: "Times", "Herald", "Zeitung") or
opens with an article. A single word after full names is read as a place: "Jane Doe, Cher" is lost.
"""

from __future__ import annotations

import re

from cleaner.vocab import Vocabulary, label_words_of


def is_affiliation(head: str, pieces: list[str], k: int, people: list[str], vocab: Vocabulary) -> bool:
    """Whether a byline's pieces from the k-th on, set off by a comma after the full names of
    `people`, name where the writer files from or works; a piece of one word only as the last
    ("Jane Doe, Reuters Staff, London"). One joined by "and" may be a name ("Maria and Katerina"),
    and so may one after a name of one word ("Alice, Bob").

    >>> head = "Jane Doe, Hindustan Times, New Delhi"
    >>> is_affiliation(head, ["Jane Doe", "Hindustan Times", "New Delhi"], 1, ["Jane Doe"], Vocabulary())
    True
    >>> is_affiliation("Jane Doe, John Roe", ["Jane Doe", "John Roe"], 1, ["Jane Doe"], Vocabulary())
    False
    """
    rest = pieces[k:]
    if not people or any(" " not in name for name in people) or not rest:
        return False
    if re.search(rf",\s*{re.escape(rest[0])}", head) is None:
        return False
    last = len(rest) - 1
    return all(
        _names_a_place_or_paper(piece, vocab) or (n == last and " " not in piece) for n, piece in enumerate(rest)
    )


def _names_a_place_or_paper(piece: str, vocab: Vocabulary) -> bool:
    """A name of several words that a place or a paper has, not a person: "New Delhi", "Los
    Angeles", "The Hindu", "Times of India", "Süddeutsche Zeitung"."""
    words = label_words_of(piece)
    if len(words) < 2:
        return False
    opener = words[0]
    return (
        opener in vocab.word_set("place_openers")
        or opener in vocab.word_set("byline_articles")
        or not vocab.word_set("press_nouns").isdisjoint(words)
    )
