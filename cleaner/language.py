"""The language a text is written in, and how many words it has in that language's writing.

The language comes from py3langid (a naive Bayes model over byte n-grams for about 100 languages,
langid.py's model), run on a bounded sample of the text: the first paragraphs, up to
`SAMPLE_CHARS` characters. Its cost is then fixed per document (a fraction of a millisecond, see
the README), whatever the article's length. The model is loaded on first use, once per process.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Enough prose to tell languages apart, little enough to cost the same on any article.
SAMPLE_CHARS = 600
# Below this many letters a text is too short to tell (a caption, a menu), and below this
# probability the model is unsure (mixed or unusual text): no language rather than a guess.
_MIN_LETTERS = 40
_MIN_PROBABILITY = 0.5
_LETTER = re.compile(r"[^\W\d_]")
# Scripts written without spaces between words count a word per character (Chinese and Japanese
# word counts are character counts); everything else counts its space-separated words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_SPACED_WORD = re.compile(r"[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, if the model is sure of it.

    >>> detect_language("The talks had aimed at stopping the fighting that has sent more than a million people")
    'en'
    >>> detect_language("Home | About | Contact") is None
    True
    """
    sample = _sample(text)
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= _MIN_PROBABILITY else None


def count_words(text: str) -> int:
    """Words as the text's scripts write them: Chinese and Japanese characters one each, other
    scripts' words between spaces.

    >>> count_words("政府周二批准了预算。"), count_words("The budget passed."), count_words("東京 Tokyo 2024")
    (9, 3, 4)
    """
    return len(_UNSPACED.findall(text)) + sum(
        1 for word in _SPACED_WORD.findall(text) if any(c.isalnum() for c in word)
    )


def _sample(text: str) -> str:
    """The text's opening, cut at a space near `SAMPLE_CHARS`."""
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, SAMPLE_CHARS)
    return text[: cut if cut > SAMPLE_CHARS // 2 else SAMPLE_CHARS]


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model with probabilities, loaded once per process on the first text to identify."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
