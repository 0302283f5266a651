import pytest

from conference.loader.municipalities import municipality_of
from conference.loader.people import (
    caption_names,
    cited_names,
    heading_speaker,
    is_first_name,
    is_name,
    moderator_names,
    moderators_in_sentence,
    parse_caption,
    party_labels,
    people_in_sentence,
    photographers,
    programme_line,
    strip_parties,
    title_of,
)


def test_people_in_sentence_reads_a_list_from_an_organisation():
    sentence = "Eva Lund, Per Ek och Ali Noor från Arbetsmarknad Ale kommun berättar."

    people = people_in_sentence(sentence, municipality_of)

    assert [(p.name, p.organization, p.municipality) for p in people] == [
        ("Eva Lund", "Arbetsmarknad Ale kommun", "1440"),
        ("Per Ek", "Arbetsmarknad Ale kommun", "1440"),
        ("Ali Noor", "Arbetsmarknad Ale kommun", "1440"),
    ]


def test_people_in_sentence_reads_name_title_and_organisation():
    sentence = "Sedan talade Moa Berg, rektor på Tjörns kommun, om skolan."

    [person] = people_in_sentence(sentence, municipality_of)

    assert (person.name, person.title, person.organization, person.municipality) == (
        "Moa Berg",
        "rektor",
        "Tjörns kommun",
        "1419",
    )


def test_people_in_sentence_ignores_cited_authors():
    sentence = (
        "Modellen (Berg och Lind, 2015) visar samband (Moa Berg och Per Ek, 2019)."
    )

    assert people_in_sentence(sentence, municipality_of) == []


def test_parse_caption_shares_one_description_among_names():
    people = parse_caption(
        "Moa Berg och Per Ek",
        "Moa Berg och Per Ek, Kompetenscentrum Lerums kommun",
        municipality_of,
    )

    assert [(p.name, p.organization, p.municipality) for p in people] == [
        ("Moa Berg", "Kompetenscentrum Lerums kommun", "1441"),
        ("Per Ek", "Kompetenscentrum Lerums kommun", "1441"),
    ]


def test_parse_caption_gives_each_person_their_own_description():
    people = parse_caption(
        "Moa Berg och Per Ek",
        "Moderatorerna Moa Berg, chef på Partille kommun, och Per Ek, Ale kommun.",
        municipality_of,
    )

    assert [(p.name, p.title, p.organization) for p in people] == [
        ("Moa Berg", "chef", "Partille kommun"),
        ("Per Ek", "", "Ale kommun"),
    ]


def test_heading_speaker_needs_a_name_after_the_dash():
    assert heading_speaker("Framtidens skola – Moa Berg") == (
        "Framtidens skola",
        "Moa Berg",
    )
    assert heading_speaker("Pusselbitar – samarbete") is None


def test_is_name_rejects_organisations():
    assert is_name("Moa Berg") is True
    assert is_name("Mobility Lab") is False
    assert is_name("Socialdepartementet") is False


# One table per form: sentence -> (name, title, organisation, municipality) -----------

TITLE_BEFORE_NAME = [
    (
        "Kommunalrådet Lena Vik (KD) öppnade dagen.",
        [("Lena Vik", "kommunalråd", "", "")],
    ),
    ("Landshövding Lena Vik", [("Lena Vik", "landshövding", "", "")]),
    (
        "Professor Eva K Holm vid Göteborgs universitet talade om forskning.",
        [("Eva K Holm", "professor", "Göteborgs universitet", "")],
    ),
    (
        "Forskaren Eva K. Holm vid Chalmers berättade om sin studie.",
        [("Eva K. Holm", "forskare", "Chalmers", "")],
    ),
    (
        "Sedan talade forskaren Lars-Erik Sund Petersson vid Lunds universitet om data.",
        [("Lars-Erik Sund Petersson", "forskare", "Lunds universitet", "")],
    ),
    (
        "Förvaltningschefen Lena Vik presenterade siffrorna.",
        [("Lena Vik", "förvaltningschef", "", "")],
    ),
    ("Utredaren Anna von Dahl berättade.", [("Anna von Dahl", "utredare", "", "")]),
]


@pytest.mark.parametrize(("sentence", "expected"), TITLE_BEFORE_NAME)
def test_people_in_sentence_reads_a_title_before_the_name(sentence, expected):
    people = people_in_sentence(sentence, municipality_of)

    assert _rows(people) == expected


TITLE_AFTER_IS = [
    (
        "Lena Vik är docent vid Göteborgs universitet och forskar om skolan.",
        [("Lena Vik", "docent", "Göteborgs universitet", "")],
    ),
    (
        "Lena Vik, som är enhetschef på Lerums kommun, berättade om arbetet.",
        [("Lena Vik", "enhetschef", "Lerums kommun", "1441")],
    ),
    (
        "Lena Vik (S), kommunalråd i Lerums kommun, inledde dagen.",
        [("Lena Vik", "kommunalråd", "Lerums kommun", "1441")],
    ),
    (
        "Lena Vik, professor i geografi vid Lunds universitet och programledare för"
        " Framtidslabbet.",
        [
            (
                "Lena Vik",
                "professor i geografi och programledare för Framtidslabbet",
                "Lunds universitet",
                "",
            )
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TITLE_AFTER_IS)
def test_people_in_sentence_reads_a_title_after_the_name(sentence, expected):
    people = people_in_sentence(sentence, municipality_of)

    assert _rows(people) == expected


PROGRAMME_LINES = [
    (
        "Lena Vik, utvecklingsledare, Lerums kommun",
        ("Lena Vik", "utvecklingsledare", "Lerums kommun", "1441"),
    ),
    ("Lena Vik, Lerums kommun", ("Lena Vik", "", "Lerums kommun", "1441")),
    (
        "Lena Vik (M), ordförande i arbetsmarknadsnämnden, Lerums kommun",
        ("Lena Vik", "ordförande i arbetsmarknadsnämnden", "Lerums kommun", "1441"),
    ),
    (
        "Lars-Erik Sund Petersson, IT-strateg, Ale kommun",
        ("Lars-Erik Sund Petersson", "IT-strateg", "Ale kommun", "1440"),
    ),
    (
        "Landshövding Lena Vik, Länsstyrelsen",
        ("Lena Vik", "landshövding", "Länsstyrelsen", ""),
    ),
    ("Lena Vik, Ikea Sverige", ("Lena Vik", "", "Ikea Sverige", "")),
    (
        "Lena Vik, lektor på Institutionen för pedagogik, Lunds universitet",
        ("Lena Vik", "lektor", "Institutionen för pedagogik, Lunds universitet", ""),
    ),
]


@pytest.mark.parametrize(("line", "expected"), PROGRAMME_LINES)
def test_programme_line_splits_name_title_and_organisation(line, expected):
    person = programme_line(line, municipality_of)

    assert _rows([person]) == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "Lena Vik, 34, är arbetslös.",
        "Enligt Lena Vik, chef på Ale kommun, är det bra.",
        "Lena Vik och Per Ek från Ale kommun",
        "Lena Vik, Per Ek och Moa Dahl",
        "Lena Vik, Per Ek och Moa Dahl, Ale kommun",
        "Lena Vik, Per Ek, Ale kommun",
        "Lena Vik har skrivit boken Regional Ekonomi, som kom i fjol.",
    ],
)
def test_programme_line_rejects_sentences(line):
    assert programme_line(line, municipality_of) is None


FROM_ORGANISATION = [
    (
        "Moa Dahl och Per Ek från Ale kommun, Eva Lund från Lerums kommun berättade.",
        [
            ("Moa Dahl", "", "Ale kommun", "1440"),
            ("Per Ek", "", "Ale kommun", "1440"),
            ("Eva Lund", "", "Lerums kommun", "1441"),
        ],
    ),
    (
        "Moa Dahl från Lerums kommun och Eva Lund från Ale kommun berättade.",
        [
            ("Moa Dahl", "", "Lerums kommun", "1441"),
            ("Eva Lund", "", "Ale kommun", "1440"),
        ],
    ),
    (
        "Därefter berättade Moa Dahl från Sveriges Kommuner och Regioner om läget.",
        [("Moa Dahl", "", "Sveriges Kommuner och Regioner", "")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), FROM_ORGANISATION)
def test_people_in_sentence_gives_each_list_its_own_organisation(sentence, expected):
    people = people_in_sentence(sentence, municipality_of)

    assert _rows(people) == expected


MODERATORS = [
    ("Moderator var Lena Vik.", ["Lena Vik"]),
    ("Moderator: Lena Vik", ["Lena Vik"]),
    ("Dagens moderator Lena Vik hälsade välkommen.", ["Lena Vik"]),
    ("Moderatorn Lena Vik ledde samtalet.", ["Lena Vik"]),
    ("Samtalet modererades av Lena Vik.", ["Lena Vik"]),
    ("Lena Vik var dagens moderator.", ["Lena Vik"]),
    (
        "Moderatorer för dagen var Moa Dahl och Per Ek, som båda är chefer.",
        ["Moa Dahl", "Per Ek"],
    ),
    ("Lena Vik, chef på Ale kommun, berättade.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), MODERATORS)
def test_moderator_names_reads_each_moderator_form(sentence, expected):
    assert moderator_names(sentence) == expected


def test_moderators_are_not_speakers_but_keep_their_organisation():
    sentence = "Moderatorn Lena Vik vid Lunds universitet ledde samtalet."

    speakers = people_in_sentence(sentence, municipality_of)
    moderators = moderators_in_sentence(sentence, municipality_of)

    assert speakers == []
    assert _rows(moderators) == [("Lena Vik", "", "Lunds universitet", "")]


# Never people -------------------------------------------------------------------------

NOT_SPEAKERS = [
    "Foto: Lena Vik",
    "Fotograf Lena Vik",
    "Bild: Lena Vik och Per Ek",
    "Studien (Lena Vik, 2021) visar att det fungerar.",
    "Lena Vik (2021) visar att det fungerar.",
    "Lena Vik m.fl. har visat att det fungerar.",
    "Enligt Lena Vik m.fl. fungerar det.",
    "Ahmed, 34, har varit arbetslös i två år.",
    "Som ministern Lena Vik har sagt är det viktigt.",
    "Enligt Lena Vik, chef på Lerums kommun, är det viktigt.",
    "Enligt Lena Vik från Lerums kommun är det viktigt.",
    "Ministern Lena Vik har föreslagit en ny lag.",
    "Under Dagen talade många.",
    "Region Halland och Svenska Mobility deltog.",
    "Sedan Berättade Lena om dagen.",
]


@pytest.mark.parametrize("sentence", NOT_SPEAKERS)
def test_people_in_sentence_leaves_out_who_does_not_take_part(sentence):
    assert people_in_sentence(sentence, municipality_of) == []


@pytest.mark.parametrize(
    "fragment",
    [
        "Under Dagen",
        "Sedan Berättade",
        "Region Halland",
        "Svenska Mobility",
        "Göteborgs Universitet",
        "Lerums Arbetsmarknad",
        "Försörjningsstödet Idag",
        "Landshövding Lena",
        "Fotograf Lena Vik",
    ],
)
def test_is_name_rejects_sentence_fragments_and_places(fragment):
    assert is_name(fragment) is False


@pytest.mark.parametrize(
    "name",
    ["Eva K Holm", "Eva K. Holm", "Lars-Erik Sund Petersson", "Anna von Dahl"],
)
def test_is_name_accepts_initials_hyphens_three_parts_and_particles(name):
    assert is_name(name) is True


def test_photographers_and_cited_names_are_returned_for_exclusion():
    text = (
        "Studien (Lena Vik, 2021) och Eva Ek (2019) och Per Dahl m.fl. Foto: Moa Lund"
    )

    assert photographers(text) == ["Moa Lund"]
    assert cited_names(text) == ["Lena Vik", "Eva Ek", "Per Dahl"]


def test_party_labels_are_kept_apart_from_names():
    text = "Lena Vik (S) och Per Ek (KD) debatterade med Moa Dahl (GR)."

    assert party_labels(text) == {"Lena Vik": "S", "Per Ek": "KD"}
    assert strip_parties("Lena Vik (S), kommunalråd") == "Lena Vik, kommunalråd"


def test_parse_caption_takes_a_title_before_the_name_and_drops_the_party():
    people = parse_caption(
        "",
        "Kommunalrådet Lena Vik (KD), Lerums kommun. Foto: Moa Lund",
        municipality_of,
    )

    assert _rows(people) == [("Lena Vik", "kommunalråd", "Lerums kommun", "1441")]


def test_parse_caption_keeps_a_title_before_the_second_name_for_that_name():
    people = parse_caption(
        "Lena Vik och Per Ek",
        "Lena Vik, chef på Ale kommun, och kommunalrådet Per Ek, Lerums kommun",
        municipality_of,
    )

    assert _rows(people) == [
        ("Lena Vik", "chef", "Ale kommun", "1440"),
        ("Per Ek", "kommunalråd", "Lerums kommun", "1441"),
    ]


def test_caption_names_strip_titles_parties_and_photo_credits():
    assert caption_names("Landshövding Lena Vik (S)") == ["Lena Vik"]
    assert caption_names("Foto: Lena Vik") == []


def test_heading_speaker_drops_a_party_label():
    assert heading_speaker("Framtidens skola – Lena Vik (S)") == (
        "Framtidens skola",
        "Lena Vik",
    )


def test_title_of_maps_definite_titles_to_their_indefinite_form():
    words = ["Kommunalrådet", "Utredaren", "Moderatorn", "docenten", "Sedan", "Anna"]

    assert [title_of(word) for word in words] == [
        "kommunalråd",
        "utredare",
        "moderator",
        "docent",
        None,
        None,
    ]


def test_is_first_name_uses_the_swedish_first_name_list():
    assert [is_first_name(w) for w in ["Kristina", "Lars-Erik", "Sedan"]] == [
        True,
        True,
        False,
    ]


def _rows(people):
    return [(p.name, p.title, p.organization, p.municipality) for p in people]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Årets talare Eva Lund-Ek, lektor i geografi och verksam vid Högskolan Väst,"
            " inledde med en överblick.",
            [("Eva Lund-Ek", "lektor i geografi och verksam", "Högskolan Väst")],
        ),
        (
            "Kommundirektören i Lerums kommun, Ola Sten, berättade om pendlingen.",
            [("Ola Sten", "kommundirektör", "Lerums kommun")],
        ),
        (
            "Ida Ek och Per Bo, studenter vid Göteborgs universitet, presenterade en"
            " enkät.",
            [
                ("Ida Ek", "studenter", "Göteborgs universitet"),
                ("Per Bo", "studenter", "Göteborgs universitet"),
            ],
        ),
    ],
)
def test_people_in_sentence_reads_a_description_between_commas(sentence, expected):
    people = people_in_sentence(sentence, municipality_of)

    assert [(p.name, p.title, p.organization) for p in people] == expected


def test_moderator_for_a_part_of_the_event_is_a_moderator():
    sentence = "Moderator för båda dagarna var Lisa Ahl, lektor vid Högskolan Väst."

    assert [p.name for p in moderators_in_sentence(sentence, municipality_of)] == [
        "Lisa Ahl"
    ]


def test_a_speaker_who_tells_of_her_work_takes_no_title_from_it():
    sentence = "Lena Vik berättade om sitt arbete som rektor på Ale skola."

    people = people_in_sentence(sentence, municipality_of)

    assert [(p.name, p.title, p.organization) for p in people] == [("Lena Vik", "", "")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hon hänvisade till en kartläggning av Ola Berg som visar att fler deltar.",
        "Som när socialministern Eva Ek besökte länet 2019.",
    ],
)
def test_people_cited_or_only_spoken_of_are_not_found(sentence):
    assert people_in_sentence(sentence, municipality_of) == []
