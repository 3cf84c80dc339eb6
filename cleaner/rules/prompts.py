"""Calls to action: share bars, follow/subscribe/newsletter/app prompts, paywalls."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.labels import is_closed_label, is_priced_label
from cleaner.rules.framework.registry import block_rule
from cleaner.rules.framework.sitenames import appeals_by_a_name, subscribes_to_a_name
from cleaner.shapes import ends_sentence, is_content_markup, word_count
from cleaner.vocab import Vocabulary, label_words_of

# Prompts are short: a 60-word paragraph that mentions a newsletter is body text.
_PROMPT_MAX_WORDS = 30
# A prompt that names what it offers ends without a full stop or says little: a longer sentence is
# an instruction in the text.
_PLAIN_ASK_WORDS = 8


# A numbered list's entry ("7. Pinterest") or an amount of money ("$2.50", "2,50 €"): a line of the story's own.
_LISTED_OR_PRICED = re.compile(r"\A\s*\d{1,2}[.)]\s|[$€£¥₹]\s?\d|\d\s?[$€£¥₹]")


# The request after a share bar's question ("Did you like this post?") is short: "Please share it!".
_MAX_SHARE_REQUEST_WORDS = 12


@block_rule("PRM001", "share-bar", "prompts", gate=Gate(max_chars=150, phrases=("share_words",)), alone=True)
def share_bar(page: Page, i: int) -> Hit | None:
    """Removes: a line made only of share and social-network words ("Share this article",
    "Facebook Twitter WhatsApp Email", "Teilen", "Partager", "Compartir"), also in other words of
    the kind ("Diesen Artikel teilen", "इस खबर को शेयर करें": a verb of sharing and label words),
    and a share bar's question with the short request after it ("Enjoyed this article? Share it
    with your friends!", "Hat dir der Beitrag gefallen? Dann teile ihn gerne!").

    Why: share bars are rendered as text by every scraper and carry no content.

    False positives: a paragraph listing the networks in a sentence ("He quit Facebook and
    Twitter.") is kept because it holds words outside the share vocabulary; so are a numbered
    list's entry ("1. Facebook") and a priced row ("LinkedIn  $2.50 – $7.00") of a story about
    the networks: no share bar numbers or prices its buttons.

    Example: "Share: Facebook | Twitter | Email" -> dropped.
    """
    text = page.blocks[i].text
    if _LISTED_OR_PRICED.search(text):
        return None
    if page.vocab.line_is("share_words", text) or is_closed_label(page.vocab, "share_targets", text):
        return Hit()
    question = page.vocab.starts("share_words", text)
    if question is not None and question.group().endswith("?"):
        request = text[question.end() :]
        return Hit() if 0 < word_count(request) <= _MAX_SHARE_REQUEST_WORDS else None
    # Multi-word entries ("partager sur") are removed as phrases, then nothing but
    # separators and counts may be left, and a network must have been named.
    rest = page.vocab.derived(_share_pattern).sub(" ", text)
    if any(ch.isalpha() for ch in rest) or not any(n in text.lower() for n in page.vocab.derived(_share_names)):
        return None
    return Hit()


def _share_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{vocab.alternation('share_words')})(?!\w)", re.IGNORECASE)


def _share_names(vocab: Vocabulary) -> frozenset[str]:
    """What a line must name (as a substring) to be a share bar: a network (but "x", a letter
    of many words) or another place to share to ("Email", "Print")."""
    return vocab.members("social_networks") - {"x"} | vocab.members("share_targets")


def _prompt_gate(*families: str) -> Gate:
    """A prompt's gate: a short line holding a phrase of one of the families."""
    return Gate(max_words=_PROMPT_MAX_WORDS, phrases=families)


def _short_prompt(
    page: Page, i: int, family: str, *, anywhere: bool, also: Callable[[str], bool] | None = None
) -> Hit | None:
    """A short line holding one of the family's phrases (or passing `also`), and no reported speech."""
    text = page.blocks[i].text
    vocab = page.vocab
    phrase = vocab.search(family, text) if anywhere else vocab.starts(family, text)
    found = phrase is not None or (also is not None and also(text))
    return Hit() if found and not vocab.search("reporting_verbs", text) else None


def _follow_named(vocab: Vocabulary) -> re.Pattern[str]:
    """ "Follow Newsbeat on Instagram and YouTube", "Follow me on Twitter", "Follow RT on" (the
    networks were icons): a follow verb, up to four words naming whom, then where."""
    verbs, places = vocab.alternation("follow_verbs"), vocab.alternation("follow_places")
    return re.compile(rf"^(?:{verbs})\s+(?:\S+\s+){{0,4}}?(?:{places})(?!\w)(?P<where>.*)$", re.IGNORECASE)


def _networks_only(vocab: Vocabulary) -> re.Pattern[str]:
    """Nothing but social networks ("Google News" is one) and the words that list them."""
    names = vocab.alternation("social_networks")
    return re.compile(rf"(?:[\W_]|(?:{names}|{vocab.alternation('list_joiners')})(?!\w))*", re.IGNORECASE)


def _names_follow_target(vocab: Vocabulary, text: str) -> bool:
    """A "Follow <whom> on" line whose first sentence ends on a list of social networks, or on
    nothing (their icons): "Follow the signs on Telegram Road" is directions."""
    found = vocab.derived(_follow_named).match(text.strip())
    return found is not None and vocab.derived(_networks_only).fullmatch(found.group("where").split(".")[0]) is not None


# Network names that are also ordinary words name no network in a sentence.
_WORD_NETWORKS = frozenset({"x", "threads", "messenger", "line", "koo"})


def _named_network(vocab: Vocabulary) -> re.Pattern[str]:
    """A social network or news aggregator named in a line ("Instagram", "Google News")."""
    names = [n for n in vocab.phrases("social_networks") if n not in _WORD_NETWORKS]
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(names, key=len, reverse=True)))})(?!\w)", re.I)


# A prompt names the network and asks in a few words, and no full stop ends it.
_MAX_FOLLOW_ASK_WORDS = 12


def _asks_to_follow(vocab: Vocabulary, text: str) -> bool:
    """A network, a verb that asks to follow or subscribe and the site speaking of itself, anywhere
    in a short line that no full stop ends, unless a follow prompt's phrase opens it after a lead-in
    ("Abonnieren Sie unseren WhatsApp-Kanal", "Stay updated: follow us on YouTube", "For the latest
    news, follow us on X and Instagram."). ("Fans can follow the match on YouTube." and "A million
    people now follow us on Instagram." are the article's sentences.)"""
    if word_count(text) > _MAX_FOLLOW_ASK_WORDS:
        return False
    _, comma, after_lead_in = text.partition(", ")
    if text.rstrip().endswith(".") and not (comma and vocab.starts("follow_prompts", after_lead_in)):
        return False
    asks = vocab.search("follow_verbs", text) or vocab.search("subscribe_verbs", text)
    named = asks and vocab.derived(_named_network).search(text)
    return bool(named) and vocab.search("self_words", text) is not None


def _network_then_follow(vocab: Vocabulary, text: str) -> bool:
    """A network, then a follow verb, as languages that put the verb last ask: "Hamein Google News
    par follow karein", "हमें फेसबुक पर फॉलो करें।", and as share bars write ("Twitter icon Follow on
    Twitter"); a sentence only as short as a prompt's ("Il a été retrouvé grâce à un message sur
    Facebook, et ses proches disent : retrouvez-le." is the story's). (A line that opens with the
    verb is judged by `_names_follow_target`.)"""
    network = vocab.derived(_named_network).search(text)
    if network is None or vocab.search("follow_verbs", text[network.end() :]) is None:
        return False
    return not ends_sentence(text) or word_count(text) <= _PLAIN_ASK_WORDS


def _asks_for(
    noun_family: str, verb_family: str, sentence_words: int, mailing_sentence_words: int = 0
) -> Callable[[Vocabulary, str], bool]:
    """A test for a line that names the thing a prompt offers and the verb that asks for it, in
    any order ("Download the Onmanorama app", "ताज़ा ख़बरों के लिए हमारा ऐप डाउनलोड करें"), and is no
    sentence longer than `sentence_words`, or than `mailing_sentence_words` where it opens with the
    verb and offers the news in a newsletter box's words ("Get the Daily Courier app for breaking
    news alerts."; "Commuters can get real-time alerts through the agency's app." is the story's)."""

    def asks(vocab: Vocabulary, text: str) -> bool:
        words = word_count(text)
        if ends_sentence(text) and words > sentence_words:
            pitches = words <= mailing_sentence_words and vocab.search("mailing_words", text) is not None
            if not (pitches and vocab.starts(verb_family, text)):
                return False
        return vocab.search(noun_family, text) is not None and vocab.search(verb_family, text) is not None

    return asks


# "To apply, download the app and log in with your number." is an instruction; a sentence of a
# dozen words or so that asks to join a newsletter is a prompt.
_NEWSLETTER_SENTENCE_WORDS = 15
_NEWSLETTER = _asks_for("newsletter_words", "subscribe_verbs", _NEWSLETTER_SENTENCE_WORDS)
_APP = _asks_for("app_words", "download_verbs", _PLAIN_ASK_WORDS, _NEWSLETTER_SENTENCE_WORDS)


@block_rule(
    "PRM002",
    "follow-prompt",
    "prompts",
    gate=_prompt_gate("follow_prompts", "follow_verbs", "social_networks"),
    alone=True,
)
def follow_prompt(page: Page, i: int) -> Hit | None:
    """Removes: a short line that invites the reader to follow the site or the writer elsewhere
    ("Follow us on Twitter", "Join our WhatsApp channel", "Folgen Sie uns", "Suivez-nous",
    "Follow Newsbeat on Instagram, Facebook and YouTube", "Follow me on Twitter", "Follow The
    Hindu on Google News"), also when the verb comes last ("हमें फेसबुक पर फॉलो करें", "Hamein
    Google News par follow karein") or anywhere in a short line that names the network and speaks
    of the site ("Abonnieren Sie unseren WhatsApp-Kanal").

    Why: these prompts sit under nearly every article and are not part of it.

    False positives: a short body sentence that opens with a follow phrase ("Follow us,"
    a guide says). Reported speech is kept ("Follow the money, the investigators said."), as
    are lines over 30 words; openers that start ordinary sentences ("keep up with") are not
    in the vocabulary, and "Follow ... on" counts only when a social network follows it
    ("Follow the signs on the motorway" stays).

    Example: "Follow us on Facebook and Instagram for the latest updates" -> dropped.
    """
    return _short_prompt(page, i, "follow_prompts", anywhere=False, also=partial(_follows_otherwise, page.vocab))


def _follows_otherwise(vocab: Vocabulary, text: str) -> bool:
    """A follow prompt that opens with no phrase of the list: whom, then where; the network, then
    the verb; or the network and the ask anywhere."""
    return _names_follow_target(vocab, text) or _network_then_follow(vocab, text) or _asks_to_follow(vocab, text)


# A sign-up box: a header of a few words, a pitch of a line or two, then the button.
_MAX_BOX_HEADER_WORDS = 5
_MAX_PITCH_LINES = 2
_MAX_PITCH_WORDS = 16
_MAX_BUTTON_WORDS = 4


@block_rule(
    "PRM007",
    "sign-up-box",
    "prompts",
    gate=Gate(max_words=_MAX_BOX_HEADER_WORDS, phrases=("mailing_words",)),
    reads_ahead=1 + _MAX_PITCH_LINES,
)
def sign_up_box(page: Page, i: int) -> Hit | None:
    """Removes: what a newsletter's sign-up box says in no key word, its header and its pitch
    ("Newsletter" / "Jeden Morgen die wichtigsten Nachrichten" / "Jetzt anmelden"), with the
    button under them: from a short header naming a newsletter ("Daily Digest") down to a button
    of a few words that asks to sign up, or to a newsletter's prompt ("Newsletter" / "Get the
    day's top stories every morning." / "Sign up to get them in your inbox."). It is tried before
    the newsletter prompt, which would take the header alone.

    Why: the header and the button say what the box is; the pitch between them is a plain
    sentence about the news, which no wording list can know.

    False positives: a section about a newsletter whose text is a short line or two closed by a
    line like "Sign up"; a longer paragraph (over 16 words) or a third line leaves the lines alone.

    Example: "Newsletter" / "Einmal pro Woche das Beste aus der Redaktion" / "Abonnieren" ->
    dropped.
    """
    blocks, vocab = page.blocks, page.vocab
    if ends_sentence(blocks[i].text) or vocab.search("mailing_words", blocks[i].text) is None:
        return None
    for end in range(i + 1, min(i + 2 + _MAX_PITCH_LINES, len(blocks))):
        if word_count(blocks[end - 1].text) > _MAX_PITCH_WORDS:
            return None
        if _is_sign_up_button(vocab, blocks[end].text) or newsletter_prompt(page, end):
            # A header that is itself a prompt over the button is two prompts, each its own rule's.
            if end == i + 1 and newsletter_prompt(page, i):
                return None
            return Hit(span=end + 1 - i, detail=f"sign-up box of {end + 1 - i} lines")
    return None


def _is_sign_up_button(vocab: Vocabulary, text: str) -> bool:
    """A button asking to sign up: "Sign me up", "Kostenlos abonnieren", "S'inscrire" ("Sign in"
    logs in)."""
    if word_count(text) > _MAX_BUTTON_WORDS or text.rstrip().endswith("."):
        return False
    words = label_words_of(text)
    return ("sign" not in words or "up" in words) and vocab.made_of("sign_up_words", text, others="mailing_extras")


@block_rule(
    "PRM003",
    "newsletter-prompt",
    "prompts",
    gate=_prompt_gate("newsletter_prompts", "newsletter_words", "mailing_words", "news_pitches"),
    alone=True,
)
def newsletter_prompt(page: Page, i: int) -> Hit | None:
    """Removes: a short line that invites the reader to subscribe to a newsletter or mailing
    list ("Sign up for our newsletter", "Get the latest delivered to your inbox", "Jetzt für
    unseren Newsletter anmelden"): one of the phrases, a newsletter named with a verb that
    asks to sign up for it, or a line written from a newsletter box's words alone ("Get the latest
    news delivered daily!", `is_closed_label`), or one that opens with a site's pitch for its news
    (`news_pitches`: "Catch all the Business News, Market News and Latest News Updates on Live Mint.
    Download The Mint News App to get Daily Market Updates.").

    Why: newsletter boxes interrupt or close most news articles.

    False positives: a short body line using a sign-up phrase. A line about a newsletter
    ("The newsletter closed in 2019.") stays: the phrases are specific to sign-up boxes
    ("sign up for our", not "sign up for the"), and only lines of 30 words or fewer are judged.

    Example: "Enter your email address to subscribe" -> dropped.
    """
    vocab = page.vocab

    def asks(text: str) -> bool:
        if vocab.starts("news_pitches", text):  # "Catch all the Business News ... on Live Mint."
            return True
        return _NEWSLETTER(vocab, text) or is_closed_label(vocab, "mailing_words", text, others="mailing_extras")

    return _short_prompt(page, i, "newsletter_prompts", anywhere=True, also=asks)


@block_rule(
    "PRM004",
    "app-download-prompt",
    "prompts",
    gate=_prompt_gate("app_prompts", "app_words"),
    alone=True,
)
def app_download_prompt(page: Page, i: int) -> Hit | None:
    """Removes: a short line that advertises the site's app ("Download the app",
    "Get it on Google Play", "Laden Sie die App herunter", "{site} ऐप डाउनलोड करें"): one of the
    phrases, or an app named with a verb that asks to get it.

    Why: app banners are furniture of the page, not of the story.

    False positives: a short line in a story about app stores; lines over 30 words are kept.

    Example: "Download the Onmanorama app for the latest news" -> dropped.
    """
    return _short_prompt(page, i, "app_prompts", anywhere=True, also=partial(_APP, page.vocab))


@block_rule(
    "PRM005",
    "paywall-prompt",
    "prompts",
    gate=_prompt_gate("paywall_prompts", "paywall_words", "support_openers", "keeping_openers"),
    alone=True,
)
def paywall_prompt(page: Page, i: int) -> Hit | None:
    """Removes: a short line of a paywall or registration wall ("Subscribe to continue
    reading", "Already a subscriber? Log in", "Réservé aux abonnés"), also in other words of the
    kind ("Sign in to keep reading", "पूरी खबर पढ़ने के लिए सदस्यता लें": a paywall's word and
    label words only, also after a short question: "Sie möchten weiterlesen? Jetzt Abendpost Plus
    testen"), the offer of a subscription priced by a period ("Get full access for
    just $1 a week", `is_priced_label`), a call to subscribe to the site by its name alone
    ("Subscribe to The Deccan Courier"), and the site's appeal for donations ("please support us by
    donating", "Help Support The Quietus", "Help Keep Artlyst Free and Independent",
    `appeals_by_a_name`) or to turn off an ad blocker ("We urge you to turn off your ad blocker", "Ads help us
    keep this site free").

    Why: paywall text is injected into the article container and ends up in the dump.

    False positives: a short line about subscriptions in a story about the media business;
    phrases that ordinary sentences use ("to continue reading", "for subscribers") are not
    in the vocabulary. On HTML a list item, table row, quotation or code line is content (a
    plan's features: "Subscription required for offline maps"): a paywall prompt stands alone.

    Example: "This article is for subscribers only" -> dropped.
    """
    block = page.blocks[i]
    vocab = page.vocab
    # A related list's header in paywall words ("Plus d'articles") heads the list, left to REL001.
    if block.is_list_item or is_content_markup(block) or vocab.line_is("related_headers", block.text):
        return None

    def calls(text: str) -> bool:
        return (
            is_closed_label(vocab, "paywall_words", text)
            or is_priced_label(vocab, "paywall_words", text)
            or subscribes_to_a_name(vocab, text)
            or appeals_by_a_name(vocab, text, page.article.url)
        )

    def also(text: str) -> bool:
        after = _after_lead_question(text)
        return calls(text) or (after is not None and calls(after))

    return _short_prompt(page, i, "paywall_prompts", anywhere=True, also=also)


# A wall may open its call with a short question: "Sie möchten weiterlesen? Jetzt Abendpost Plus testen".
_MAX_LEAD_QUESTION_WORDS = 6
_LEAD_QUESTION = re.compile(r"^[^?!.]{1,60}\?\s+(?=\S)")


def _after_lead_question(text: str) -> str | None:
    """What follows a short question that opens the line ("Want to keep reading? Subscribe to The
    Herald"); None where no such question opens it."""
    line = text.strip()
    found = _LEAD_QUESTION.match(line)
    if found is None or word_count(found.group()) > _MAX_LEAD_QUESTION_WORDS:
        return None
    return line[found.end() :]
