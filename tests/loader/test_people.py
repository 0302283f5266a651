from conference.loader.municipalities import municipality_of
from conference.loader.people import (
    heading_speaker,
    is_name,
    parse_caption,
    people_in_sentence,
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
