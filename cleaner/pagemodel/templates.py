"""Lines written on the article's own template: after its run, the entries of a plan, a recipe or a
product sheet that open as lines inside the run did ("Meal 3" after "Meal 1", "Portion Fix
Containers: 1 Green" after "Portion Fix Containers: 1 Red", "Headquarters: Tokyo" after
"Headquarters: Paris", a list's "6. Meta" after its "5. Atari"). One by one they read unlike text,
so the run stops before them; but a page's menus, teasers and footer never open as the article's
lines do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cleaner.vocab import function_words

# A template is a line's first words, its numbers masked: "meal #", "portion fix"; or the label
# before its colon ("headquarters:", "step #:"); or a list's number ("#.": "6. Meta", "7) Zoho").
TEMPLATE_WORDS = 2
# The run goes on over lines after its end while this share of them at least are on a template of
# the run's, up to the last such line, with no line a rule removed as a boundary or a wall between.
TEMPLATED_SHARE = 0.5
# The first TEMPLATE_WORDS words of a line, in one match (a run of marks or a word is tried from
# its start only, so no search can rescan it).
_OPENING = re.compile(r"(?<![\W_])[\W_]*(?<![^\W_])([^\W_]+)(?:[\W_]+([^\W_]+))?")
# The first words are read from the line's opening: the same opening gives the same template.
_OPENING_CHARS = 60
_DIGITS = re.compile(r"\d+")
# An entry of a numbered list: a number, a point or a bracket, a word.
_NUMBERED = re.compile(r"\A\s*\d{1,2}[.)]\s+[^\W\d_]")
# A label of up to three words, the first opening on a letter, before a colon and a space.
_LABEL = re.compile(r"\A\s*([^\W\d_][^\W_]*(?:[ '&/-][^\W_]+){0,2}):\s")


@lru_cache(maxsize=1 << 14)
def template(text: str) -> str | None:
    """The line's label, its list number, or its first words, numbers masked; None when its first
    words say nothing of the line (function words and numbers only: "In the", "In 2019").

    >>> template("Portion Fix: 1 Green, 1 Blue"), template("Step 3: Plan"), template("6. Meta Platforms")
    ('portion fix:', 'step #:', '#.')
    >>> template("Portion Fix Containers 1 Green"), template("Meal 2"), template("In the end")
    ('portion fix', 'meal #', None)
    """
    label = _LABEL.match(text)
    if label is not None:
        return _DIGITS.sub("#", label.group(1).casefold()) + ":"
    if _NUMBERED.match(text):
        return "#."
    opening = _OPENING.match(text[:_OPENING_CHARS].casefold())
    words = [word if word.isalpha() else _DIGITS.sub("#", word) for word in opening.groups() if word] if opening else []
    stop = function_words()
    if not any(word not in stop and word.strip("#") for word in words):
        return None
    return " ".join(words)


def templated_end(texts: Sequence[str | None], start: int, end: int) -> int:
    """The run's end carried over the lines after it that follow its own templates: `texts` holds a
    kept line's text, or None for a line a rule removed that weighs nothing, and a boundary or a
    wall stops the search (it is not in `texts` past the last index given).

    >>> lines = ["Meal 1", "Eat every 2 hours", "A long paragraph of the plan.", "Meal 2", "Eat every 3 hours", "Snack"]
    >>> templated_end(lines, 0, 3), templated_end(lines, 2, 3)
    (5, 3)
    """
    own = {key for text in texts[start:end] if text is not None and (key := template(text)) is not None}
    if not own:
        return end
    best, matched, seen = end, 0, 0
    for i in range(end, len(texts)):
        text = texts[i]
        if text is None:
            continue
        seen += 1
        if template(text) in own:
            matched += 1
            if matched >= TEMPLATED_SHARE * seen:
                best = i + 1
        elif matched < TEMPLATED_SHARE * seen:
            break
    return best
