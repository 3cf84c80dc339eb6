"""The language a text is written in, and how many words it has in that language's writing.

The language comes from Compact Language Detector 2 (pycld2: Chrome's detector, a compiled
n-gram model of about 80 languages in a few MB, nothing to load), run on a bounded sample of the
text: its opening, up to `SAMPLE_CHARS` characters. Its cost is then fixed per document (tens of
microseconds, see `benchmarks/language_cost.py`), whatever the article's length. py3langid was
measured too: as right on the test paragraphs, but ten times slower per document (0.64 ms against
0.06 ms) and 1.3 s to load its model (68 MB of tables) in every worker process, which alone
broke half-second time limits.
"""

from __future__ import annotations

import re

# Enough prose to tell languages apart, little enough to cost the same on any article.
SAMPLE_CHARS = 600
# Below this many letters a text is too short to tell (a caption, a menu), and below this share
# of the text in its language the detector is unsure (mixed text): no language rather than a guess.
_MIN_LETTERS = 40
_MIN_PERCENT = 50
# Codes the detector still spells the old way, and what "no language" is called.
_CURRENT_CODES = {"iw": "he", "jw": "jv", "in": "id"}
_UNKNOWN = "un"
_LETTER = re.compile(r"[^\W\d_]")
# Scripts written without spaces between words count a word per character (Chinese and Japanese
# word counts are character counts); everything else counts its space-separated words.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# A word holds a letter or a digit (str.isalnum's characters are \w's but the underscore).
_ALPHANUMERIC = re.compile(r"[^\W_]")
_SPACED_WORD = re.compile(r"[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, if the model is sure of it.

    >>> detect_language("The talks had aimed at stopping the fighting that has sent more than a million people")
    'en'
    >>> detect_language("Home | About | Contact") is None
    True
    """
    import pycld2

    sample = _sample(text)
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    try:
        reliable, _, ((_, code, percent, _), *_) = pycld2.detect(sample)
    except pycld2.error:  # text it cannot take (a lone surrogate): no language rather than a failure
        return None
    code = code.split("-")[0]
    if not reliable or percent < _MIN_PERCENT or code == _UNKNOWN:
        return None
    return _CURRENT_CODES.get(code, code)


def count_words(text: str) -> int:
    """Words as the text's scripts write them: Chinese and Japanese characters one each, other
    scripts' words between spaces.

    >>> count_words("政府周二批准了预算。"), count_words("The budget passed."), count_words("東京 Tokyo 2024")
    (9, 3, 4)
    """
    if UNSPACED.search(text) is None:  # most texts: their words are what str.split finds
        return _alphanumeric(text.split())
    return len(UNSPACED.findall(text)) + _alphanumeric(_SPACED_WORD.findall(text))


def _alphanumeric(words: list[str]) -> int:
    """How many of the words hold a letter or a digit; most are letters and digits only, which
    `str.isalnum` tells without a regex."""
    return len([word for word in words if word.isalnum() or _ALPHANUMERIC.search(word)])


def _sample(text: str) -> str:
    """The text's opening, cut at a space near `SAMPLE_CHARS`."""
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, SAMPLE_CHARS)
    return text[: cut if cut > SAMPLE_CHARS // 2 else SAMPLE_CHARS]
