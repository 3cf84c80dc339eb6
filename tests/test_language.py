"""detect_language tells languages apart on a paragraph of ordinary prose; count_words counts words
as each script writes them."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.dates import find_date
from cleaner.language import count_words, detect_language

PARAGRAPHS = {
    "en": "The talks had aimed at stopping the fighting that has sent more than a million people from their homes, "
    "but the two sides left without an agreement and said they would meet again next week.",
    "de": "Die Gespräche sollten die Kämpfe beenden, die mehr als eine Million Menschen aus ihren Häusern vertrieben "
    "haben, aber die beiden Seiten gingen ohne Einigung auseinander und wollen sich nächste Woche wieder treffen.",
    "fr": "Les négociations visaient à mettre fin aux combats qui ont chassé plus d'un million de personnes de leurs "
    "maisons, mais les deux camps sont repartis sans accord et se retrouveront la semaine prochaine.",
    "es": "Las conversaciones buscaban detener los combates que han expulsado de sus casas a más de un millón de "
    "personas, pero las dos partes se fueron sin un acuerdo y dijeron que volverán a reunirse la próxima semana.",
    "pt": "As negociações pretendiam pôr fim aos combates que já expulsaram de suas casas mais de um milhão de "
    "pessoas, mas os dois lados saíram sem um acordo e disseram que voltarão a se reunir na próxima semana.",
    "it": "I negoziati miravano a fermare i combattimenti che hanno cacciato dalle loro case più di un milione di "
    "persone, ma le due parti se ne sono andate senza un accordo e si incontreranno di nuovo la prossima settimana.",
    "ru": "Переговоры должны были остановить бои, из-за которых более миллиона человек покинули свои дома, но "
    "стороны разошлись без соглашения и сказали, что встретятся снова на следующей неделе.",
    "ca": "Les converses volien aturar els combats que han fet fugir de casa seva més d'un milió de persones, però "
    "les dues parts han marxat sense cap acord i han dit que es tornaran a reunir la setmana vinent.",
    "cs": "Rozhovory měly zastavit boje, kvůli kterým opustilo své domovy více než milion lidí, ale obě strany "
    "odešly bez dohody a uvedly, že se znovu sejdou příští týden.",
    "nl": "De gesprekken moesten de gevechten stoppen die meer dan een miljoen mensen uit hun huizen hebben "
    "verdreven, maar beide partijen vertrokken zonder akkoord en zeiden volgende week opnieuw bijeen te komen.",
    "pl": "Rozmowy miały powstrzymać walki, które wypędziły z domów ponad milion ludzi, ale obie strony "
    "rozeszły się bez porozumienia i zapowiedziały, że spotkają się ponownie w przyszłym tygodniu.",
    "tr": "Görüşmeler, bir milyondan fazla insanı evlerinden eden çatışmaları durdurmayı amaçlıyordu, ancak iki "
    "taraf anlaşma olmadan ayrıldı ve gelecek hafta yeniden bir araya geleceklerini söyledi.",
    "ja": "協議は百万人以上を家から追い出した戦闘を止めることを目指していたが、双方は合意に至らず、来週再び会合を"
    "開くと述べた。",
    "zh": "这次会谈旨在停止已使一百多万人流离失所的战斗，但双方未能达成协议，并表示将于下周再次会面。",
}


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_detect_language(language: str) -> None:
    assert detect_language(PARAGRAPHS[language]) == language


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Publicado em 3 de março de 2022", "2022-03-03"),
        ("12 de outubro de 2021 - 10h30", "2021-10-12"),
        ("Pubblicato il 5 giugno 2023", "2023-06-05"),
        ("Aggiornato: 12 settembre 2022", "2022-09-12"),
        ("Опубликовано 3 марта 2022 в 10:30", "2022-03-03"),
    ],
)
def test_portuguese_italian_russian_dates(text: str, iso: str) -> None:
    assert find_date(text)[0] == iso


def test_a_month_spelled_with_a_case_variant_letter_is_read() -> None:
    # A case-insensitive match takes "ſ" for "s" and "ᲀ" for "в": the month must still be looked up.
    assert find_date("3 ſept 2019")[0] == "2019-09-03"
    assert find_date("3 аᲀгуста 2019")[0] == "2019-08-03"


def test_a_menu_or_a_caption_has_no_language() -> None:
    assert detect_language("Home | World | Sport") is None


def test_word_count_follows_the_script() -> None:
    chinese = clean(PARAGRAPHS["zh"], kind="text")
    assert chinese.word_count == count_words(PARAGRAPHS["zh"]) == 42  # one per character
    assert clean(PARAGRAPHS["en"], kind="text").word_count == len(PARAGRAPHS["en"].split())
