"""The labels of audio and video players ("Listen to this article", "Video: ...", "Écouter (3:07)"),
and the frame of a social post embedded in the story ("View this post on Instagram")."""

from __future__ import annotations

import re

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.labels import MIN_TITLE_WORDS, closed_label_end, is_closed_label
from cleaner.rules.framework.registry import block_rule
from cleaner.shapes import ends_sentence, is_headline_like, word_count

# A player's running time: "3:07", "(12:45)", "1:02:03". Its first digit (one not after a digit
# or a colon) opens it, so the gate's search skips along the line to digits alone.
_RUNNING_TIME = re.compile(r"\d(?<![\d:]\d)\d?:[0-5]\d(?::[0-5]\d)?(?![\d:])")
_DURATION = re.compile(rf"\(?{_RUNNING_TIME.pattern}\)?")
# A player's position at its clip's start, over the clip's length: "00:00 / 02:35", "0:01/0:56" (a
# range of clock times, "9:30 / 10:45", starts later).
_PLAYER_POSITION = re.compile(rf"0?0:[0-5]\d\s*/\s*{_RUNNING_TIME.pattern}")
# A player's notice ends its sentence within a few words of its phrase ("... support the video tag.");
# a story's sentence that opens alike goes on ("This video is unavailable in China, where ...").
_NOTICE_TAIL_WORDS = 3
_SENTENCE_STOP = re.compile(r"[.!?]")
# A clock time is no running time: "10:45 AM", "10:45 IST", "18:30 Uhr".
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:[0-5]\d\s*(?:[ap]\.?m\b|[A-Z]{2,4}\b|uhr\b|h\b)", re.IGNORECASE)
# A label with its clip's title: a video's title runs to twenty words and more ("Watch video: Top 10
# Cameras of 2025 Under $2500 | The Best Mirrorless Cameras on the Market").
_MAX_LABEL_WORDS = 24
# Besides its running time, a player's label has a few words at most ("Video duration 3:45").
_MAX_DURATION_WORDS = 3
# A colon or a bar, or a dash with space around it: "Audio-Visual Equipment" is a heading.
_SEPARATOR = re.compile(r"(?<!\s)(?:\s*+[:|]\s*|\s++[–—-]\s+)")
_WORD = re.compile(r"[^\W\d_]+")


def _ends_notice(rest: str) -> bool:
    """Whether what follows a notice's phrase ends its sentence within _NOTICE_TAIL_WORDS words, or
    the line there."""
    stop = _SENTENCE_STOP.search(rest)
    return len(_WORD.findall(rest[: stop.start()] if stop else rest)) <= _NOTICE_TAIL_WORDS


def _words_besides_duration(text: str) -> int | None:
    """The words of a line besides its running time; None when it holds none, a clock time, or
    other numbers (a date: "Date: Thu, 23 Dec 1999 12:31:55 -0700")."""
    if _CLOCK.search(text) or not (found := _DURATION.search(text)):
        return None
    besides = text[: found.start()] + " " + text[found.end() :]
    return None if any(ch.isdigit() for ch in besides) else len(_WORD.findall(besides))


@block_rule(
    "MED001",
    "media-label",
    "media",
    gate=Gate(
        max_words=_MAX_LABEL_WORDS, phrases=("media_labels", "media_words", "player_notices"), pattern=_RUNNING_TIME
    ),
    alone=True,
)
def media_label(page: Page, i: int) -> Hit | None:
    """Removes: the label of an audio or video player: a player's phrase alone ("Listen to this
    article", "Watch video", "Artikel anhören", "इस खबर को सुनें"), before a running time
    ("Écouter (8:04)") or, set apart by a colon or a bar, before the clip's title ("Video: Why
    house prices are still rising (9:27)", "WATCH | ..."); a running time with a word or two
    ("Video duration 3:45", "Play audio 5:12"), or a player's position over the clip's length
    ("0:01 / 2:33"). A label in other words of the kind counts as one of the phrases ("Click to
    play video", "देखिए वीडियो", "Podcast: ...", a gallery's "Click to enlarge": a player's word and
    label words); so does a player's notice in its own words ("This audio is auto-generated.",
    "Your browser does not support the video tag.", "Video Player is loading.").

    Why: players render as a line of text over or inside the article; the line names a clip the
    text does not hold.

    False positives: a body line that opens with a player's word and goes on as a sentence
    ("Watch the video below to see how...") is kept: what follows the phrase must be nothing, a
    running time, or a headline after a separator; a notice's phrase must end its sentence within
    three words ("This video is unavailable in China, where ..." stays). A clock time ("10:45 AM",
    "18:30 Uhr") is no running time.

    Example: "Listen to this article 8:23" -> dropped.
    """
    text = page.blocks[i].text.strip()
    vocab = page.vocab
    if is_closed_label(vocab, "media_words", text):
        return Hit()
    if (notice := vocab.starts("player_notices", text)) and _ends_notice(text[notice.end() :]):
        return Hit(detail="a player's notice")
    label = vocab.starts("media_labels", text)
    if label is None and (end := closed_label_end(vocab, "media_words", text)) is not None:
        title = text[end:]
        if word_count(title) >= MIN_TITLE_WORDS and is_headline_like(title):
            return Hit(detail="a clip's title")
    if _PLAYER_POSITION.fullmatch(text):  # "00:00 / 02:35"
        return Hit(detail="a player's position")
    if label is None:
        besides = _words_besides_duration(text)
        return Hit() if besides is not None and besides <= _MAX_DURATION_WORDS and not ends_sentence(text) else None
    rest = text[label.end() :]
    if not _WORD.search(rest):
        return Hit()
    besides = _words_besides_duration(rest)
    if besides is not None and besides <= _MAX_DURATION_WORDS:
        return Hit()
    separator = _SEPARATOR.match(rest)
    if separator and separator.group().strip() and is_headline_like(rest[separator.end() :]):
        return Hit(detail="a clip's title")
    return None


# An embedded post's attribution names its author and, in brackets, the handle: "A post shared by
# Virat Kohli (@virat.kohli)", with the date of older embeds after it ("... on Mar 3, 2019 at
# 10:12am PST").
_MAX_ATTRIBUTION_WORDS = 16
_MAX_AUTHOR_WORDS = 6
_MAX_DATE_WORDS = 8
_HANDLE = re.compile(r"\(@[\w.]+\)")


@block_rule(
    "MED002",
    "embedded-post",
    "media",
    gate=Gate(max_words=_MAX_ATTRIBUTION_WORDS, phrases=("embed_links", "embed_attributions")),
    alone=True,
)
def embedded_post(page: Page, i: int) -> Hit | None:
    """Removes: the frame of a social post embedded in the story, which a dump keeps as lines of
    their own: the embed's link ("View this post on Instagram", "Diesen Beitrag auf Instagram
    ansehen", `embed_links`) and its attribution, an opener (`embed_attributions`) before the
    author's name and the handle in brackets, and the post's date at most ("A post shared by Virat
    Kohli (@virat.kohli)").

    Why: a page draws the post itself by script; what the text keeps is the frame around it, which
    says nothing of the story.

    False positives: a sentence that opens like an attribution must hold a handle in brackets
    after a name of a few words and say little after it ("A post shared by the minister on Monday
    drew 2,000 replies." and "A post shared by @fcbarcelona drew a million views." stay).

    Example: "View this post on Instagram" / "A post shared by Patagonia (@patagonia)" -> both dropped.
    """
    text = page.blocks[i].text.strip()
    vocab = page.vocab
    if vocab.line_is("embed_links", text):
        return Hit(detail="an embed's link")
    opener = vocab.starts("embed_attributions", text)
    handle = _HANDLE.search(text, opener.end()) if opener is not None else None
    if opener is None or handle is None:
        return None
    author, after = text[opener.end() : handle.start()], text[handle.end() :]
    if word_count(author) > _MAX_AUTHOR_WORDS or word_count(after) > _MAX_DATE_WORDS:
        return None
    return Hit(detail="an embed's attribution")
