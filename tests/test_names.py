"""Names as bylines and author fields print them: people and organisations, never labels or roles."""

from __future__ import annotations

import pytest

from cleaner.byline import Byline, read_byline
from cleaner.names import author_names, credited_names, is_credit_line, split_names
from cleaner.vocab import Vocabulary

VOCAB = Vocabulary()


@pytest.mark.parametrize(
    ("values", "people", "agencies"),
    [
        (["Username"], [], []),
        (["Category"], [], []),
        (["Zackery Cuevas Writer"], ["Zackery Cuevas"], []),
        (["Allyn Jayawon Author Allyn is the SEO Specialist"], ["Allyn Jayawon"], []),
        (["Angela Holliday-Bell, MD"], ["Angela Holliday-Bell, MD"], []),
        (["TopGear com Published"], ["TopGear com"], []),
        (["Roy", "Aniruddha", "Patel", "Jyoti"], ["Aniruddha Roy", "Jyoti Patel"], []),
        (["Photo: Connie Park", "Personal finance January"], [], []),
        (["Roy, Aniruddha", "Patel, Jyoti"], ["Aniruddha Roy", "Jyoti Patel"], []),
        (["Article by Cara Dumaplin RN", "BSN"], ["Cara Dumaplin RN, BSN"], []),
        (["Mac", "I"], ["Mac"], []),
        (["Jane Doe and John Roe"], ["Jane Doe", "John Roe"], []),
        (["Jane Doe, John Roe"], ["Jane Doe", "John Roe"], []),
        (["AFP", "Jane Doe"], ["Jane Doe"], ["AFP"]),
        (["View all posts by Ray Ansari"], ["Ray Ansari"], []),
        (["Written By"], [], []),
        (["Close Modal"], [], []),
        (["Article Content Toggle"], [], []),
        (["Article Content"], [], []),
        (["Posted By"], [], []),
        (["Logging HOWTO¶"], [], []),
        (["Lucio Dalla"], ["Lucio Dalla"], []),
        (["Jenson Button", "Jim Bouton"], ["Jenson Button", "Jim Bouton"], []),
        (["Updated January"], [], []),
        (["https://example.com/author/jane"], [], []),
        (["Max Mustermann und Erika Schmidt"], ["Max Mustermann", "Erika Schmidt"], []),
        (
            ["Nancy Friday", "Theresa May", "Juan Carlos Domingo"],
            ["Nancy Friday", "Theresa May", "Juan Carlos Domingo"],
            [],
        ),
        (["Sean Martin Sean Martin"], ["Sean Martin"], []),
        (["Cara Dumaplin RN", "BSN", "Certified Pediatric Sleep Consultant"], ["Cara Dumaplin RN, BSN"], []),
        (["Licensed Clinical Social Worker"], [], []),
        (["By Jane Doe, London"], ["Jane Doe"], []),  # a byline copied into the field: her city
        (["Jane Doe, New Delhi"], ["Jane Doe"], []),
        (["Jane Doe, The Commercial Appeal"], ["Jane Doe"], []),  # the paper she writes for
        (["Rebecca Lake, CEPF®"], ["Rebecca Lake, CEPF®"], []),  # a credential, registered
        (["Jane Doe, Reuters"], ["Jane Doe"], ["Reuters"]),
        (["Full Bio"], [], []),  # an author box's link, under a reviewer's credit
    ],
)
def test_author_names_keep_people_and_organisations_only(values, people, agencies) -> None:
    assert author_names(values, VOCAB) == (people, agencies)


def test_split_names_keeps_credentials_with_their_name() -> None:
    assert split_names("Jillian Kubala, MS, RD and Ryan Raman", VOCAB) == ["Jillian Kubala, MS, RD", "Ryan Raman"]


@pytest.mark.parametrize(
    ("line", "people", "agencies", "published"),
    [
        ("By Korin MillerPublished: Jan 29, 2025", ["Korin Miller"], [], "2025-01-29"),
        ("By Sarah Whitfield, Housing Correspondent", ["Sarah Whitfield"], [], None),
        ("By JANE DOE, Reuters", ["JANE DOE"], ["Reuters"], None),
        (
            "By Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
            ["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"],
            [],
            None,
        ),
        ("ByNina Pineda", ["Nina Pineda"], [], None),
        ("Por Juan Pérez el 3 de marzo de 2024", ["Juan Pérez"], [], "2024-03-03"),
        ("by Jeffrey ZeldmanNovember 20, 2007", ["Jeffrey Zeldman"], [], "2007-11-20"),
        ("By Anna Mayer", ["Anna Mayer"], [], None),
        ("Report: Amit Kumar", ["Amit Kumar"], [], None),
        ("May 3, 2017 By Erin Spain 4 Comments", ["Erin Spain"], [], "2017-05-03"),
        ("By Jane Doe · No Comments", ["Jane Doe"], [], None),
        ("By Kyle Howells 15 min read", ["Kyle Howells"], [], None),
        ("Posted by David at December 16, 2025 11:15 AM", ["David"], [], "2025-12-16"),
        ("ByKathryn GiuffridaMar 5, 2025 | 6 comments", ["Kathryn Giuffrida"], [], "2025-03-05"),
        ("By Jane Doe, Professor at Harvard", ["Jane Doe"], [], None),  # "at" before no date: a role's
        ("By Nick Robinson, BBC Radio 4 Today", ["Nick Robinson"], [], None),  # a day's name is no count
        ("By Sean Martin Sean Martin", ["Sean Martin"], [], None),  # a link's text, then the name again
        ("By Jane Doe, Registered Dietitian", ["Jane Doe"], [], None),
        ("By Resy Staff", ["Resy Staff"], [], None),  # a team credited as one keeps its group word
        ("By the Lavazza Team", ["the Lavazza Team"], [], None),
        ("By Jane Doe, Staff Writer", ["Jane Doe"], [], None),
        ("By Jane Doe, Reuters Staff", ["Jane Doe"], [], None),  # a team after a name is her role's
        ("By Lucia Dalla Costa", ["Lucia Dalla Costa"], [], None),  # "Dalla" a name's particle, not "by"
        ("Reported by Priya Sharma; edited by Tom Hale", ["Priya Sharma"], [], None),  # an editor's credit after
        ("Author - Jane Doe", ["Jane Doe"], [], None),  # a dash or a bar after the marker
        ("Written by | Jane Doe", ["Jane Doe"], [], None),
        ("By Jane Doe, London", ["Jane Doe"], [], None),  # the city she files from
        ("Reporter: Rahul Sharma, Jaipur", ["Rahul Sharma"], [], None),
        ("By Maria and Katerina", ["Maria", "Katerina"], [], None),  # joined by "and": two writers
        ("By Alice, Bob", ["Alice", "Bob"], [], None),  # after a name of one word, a name
        ("By Jane Doe, New Delhi", ["Jane Doe"], [], None),  # a city of two words
        ("By Jane Doe and John Roe, Los Angeles", ["Jane Doe", "John Roe"], [], None),
        ("By Jane Doe, Hindustan Times, New Delhi", ["Jane Doe"], [], None),  # her paper, her city
        ("By Jane Doe, The Hindu", ["Jane Doe"], [], None),
        ("Von Max Mustermann, Süddeutsche Zeitung", ["Max Mustermann"], [], None),
        ("By Jane Doe, John Roe", ["Jane Doe", "John Roe"], [], None),  # two writers still
        ("By Staff Reporter | Jane Doe", ["Jane Doe"], [], None),  # the desk, then the writer
        ("By Manohla Dargis, A. O. Scott", ["Manohla Dargis", "A. O. Scott"], [], None),  # an initial, no article
        ("By Jane Doe, Emily Post", ["Jane Doe", "Emily Post"], [], None),  # a press word inside no paper's name
        ("By Jane Doe, Hong Sang-soo", ["Jane Doe", "Hong Sang-soo"], [], None),
        ("By Jane Doe, Una Mullally", ["Jane Doe", "Una Mullally"], [], None),
    ],
)
def test_read_byline(line, people, agencies, published) -> None:
    found = read_byline(line, None, VOCAB)
    assert found is not None
    assert (found.names, found.agencies, found.published) == (people, agencies, published)


@pytest.mark.parametrize("line", ["Report Abuse", "Report A Problem"])
def test_a_button_is_no_byline(line) -> None:
    assert read_byline(line, None, VOCAB) is None


@pytest.mark.parametrize(
    "line",
    [
        "By the time the troops arrived, the city was empty.",
        "By 2030 the plan ends",
        "Bypass",
        "By-Pass Road Opens",  # a word's hyphen is no gap after a marker
        "By no comments",
        "By The Staff",
        "By Monday Staff",
        "By CategoryBy Manufacturer",  # two filters' entries run together
        "By Category By Manufacturer",
    ],
)
def test_sentences_are_no_byline(line) -> None:
    assert read_byline(line, None, VOCAB) is None


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("By Our Reporter", None),  # "Our" had been taken for a name
        ("By Staff Reporter", None),
        ("By Web Desk", None),  # had credited "Web Desk"
        ("Par notre correspondant", None),
        ("BY OUR SPECIAL CORRESPONDENT | March 3, 2024", "2024-03-03"),
        ("By Staff Reporter | Thiruvananthapuram", None),  # where the desk files from, no writer
        ("By Special Correspondent | New Delhi", None),
        ("By Staff Reporter | Hindustan Times", None),
    ],
)
def test_a_desk_s_byline_credits_no_one(line, published) -> None:
    assert read_byline(line, None, VOCAB) == Byline([], [], published, 1)


def test_credit_lines() -> None:
    assert is_credit_line("Dylan Bailey, MS, RD, FAND", VOCAB)
    assert credited_names("Dylan Bailey, MS, RD, FAND", VOCAB) == ["Dylan Bailey, MS, RD, FAND"]
    assert credited_names("Audrey Huang, Print Managing Editor", VOCAB) == ["Audrey Huang"]
    assert not is_credit_line("Top 10 Health and Nutrition Trends to Watch", VOCAB)
    assert not is_credit_line("The council approved the budget", VOCAB)
    assert not any(
        is_credit_line(t, VOCAB)
        for t in ("Nutrition & Recipes", "The Fold-and-Cut Problem", "Print Article", "Entries RSS | Comments RSS")
    )
