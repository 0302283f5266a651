"""Documents of other shapes: no captions, HTML, news prose."""

import datetime
from decimal import Decimal

from .conftest import parsed


def _figures(event):
    return [
        (f.value, f.unit, f.period, f.municipality, f.qualifier) for f in event.figures
    ]


def test_text_theme_day_structure():
    event = parsed("temadag-halsa-2023.txt")
    people = {p.name: p for p in event.people}

    assert (event.title, event.date, event.organizer) == (
        "Temadag Hälsa och arbete",
        datetime.date(2023, 10, 12),
        "Göteborgsregionen",
    )
    assert event.moderators == ["Lena Holm"]
    assert [(s.title, [n for n, _ in s.speakers]) for s in event.sessions] == [
        ("Hälsa som väg till arbete", ["Omar Haddad"]),
        ("Så arbetar kommunen med mottagningen", ["Petra Sandberg", "Johan Ek"]),
        ("Röster från dagen", []),
    ]
    assert (people["Omar Haddad"].title, people["Omar Haddad"].organization) == (
        "överläkare",
        "Regionhälsan",
    )
    assert people["Johan Ek"].municipality == "1441"
    assert people["Lena Holm"].phone == "031-123 45 67"
    assert "Mira" not in people


def test_text_theme_day_key_figures_skip_case_example_ages():
    event = parsed("temadag-halsa-2023.txt")

    assert _figures(event) == [
        (Decimal(45000), "persons", "2022", "0000", "just_over"),
        (Decimal(58), "percent", "2022", "0000", ""),
        (Decimal(412), "persons", "2022", "1441", ""),
        (Decimal(37), "percent", "2022", "1441", ""),
        (Decimal("9.5"), "days", "2022", "1441", ""),
    ]


def test_text_theme_day_quotes_named_and_anonymous():
    event = parsed("temadag-halsa-2023.txt")

    assert [(q.person, q.municipality, q.attribution) for q in event.quotes] == [
        ("Sara Berg", "1489", ""),
        ("", "", "Utvärderingen av temadagen"),
        ("", "", "Utvärderingen av temadagen"),
    ]
    assert event.quotes[1].text == "Bra och matnyttig dag med många konkreta exempel."


def test_html_forum_uses_headings_lists_and_figures():
    event = parsed("skolforum-2025.html")
    first = event.sessions[0]

    assert (event.title, event.date) == ("Skolforum 2025", datetime.date(2025, 2, 3))
    assert event.moderators == ["Ida Strand", "Per Alm"]
    assert [s.title for s in event.sessions] == [
        "Läsning i förskolan",
        "Digitala verktyg i klassrummet",
        "Röster från deltagarna",
    ]
    assert [b.kind for b in first.blocks] == [
        "paragraph",
        "heading",
        "numbered_list",
        "quote",
        "paragraph",
    ]
    assert first.blocks[3].person == "Hanna Wik"
    assert event.sessions[1].speakers == [("Jonas Ekberg", "speaker")]
    assert _figures(event) == [
        (Decimal(81), "percent", "2024", "1481", ""),
        (Decimal(2_500_000), "SEK", "2023", "1401", "just_under"),
    ]


def test_html_forum_speaker_named_in_a_sentence_gets_title_and_municipality():
    event = parsed("skolforum-2025.html")
    person = next(p for p in event.people if p.name == "Jonas Ekberg")

    assert (person.title, person.organization, person.municipality) == (
        "IT-strateg",
        "Härryda kommun",
        "1401",
    )


def test_news_prose_speakers_only_named_in_sentences():
    event = parsed("nyhet-integrationsdag-2022.txt")

    assert (event.title, event.date) == (
        "Integrationsdagen samlade många deltagare",
        datetime.date(2022, 11, 18),
    )
    assert event.moderators == ["Nils Åberg"]
    assert [
        (s.title, s.documented, [n for n, _ in s.speakers]) for s in event.sessions
    ] == [
        ("Språket först", True, ["Fatima Noor"]),
        ("Praktik på hemmaplan", True, ["Erik Sjöberg", "Lina Carlsson"]),
        ("Seminarium om validering av utländsk kompetens", False, []),
    ]
    assert [b.kind for b in event.sessions[1].blocks] == [
        "paragraph",
        "heading",
        "paragraph",
        "paragraph",
    ]


def test_news_prose_figures_flag_periods_not_over_at_the_event():
    event = parsed("nyhet-integrationsdag-2022.txt")
    flagged = [
        (f.value, f.period)
        for f in event.figures
        if any(flag.startswith("future_period") for flag in f.flags)
    ]

    assert _figures(event)[1:3] == [
        (Decimal(64), "persons", "2021", "1419", ""),
        (Decimal(81), "persons", "2022", "1419", ""),
    ]
    assert flagged == [
        (Decimal(81), "2022"),
        (Decimal(1_200_000), "2022"),
        (Decimal(23), "2022"),
    ]
