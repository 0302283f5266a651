"""The seed document end to end, without a database."""

import datetime
from decimal import Decimal


def test_seed_event_has_title_date_organiser_moderators_and_contacts(seed_event):
    event = seed_event
    people = {p.name: p for p in event.people}

    assert (event.title, event.date) == (
        "Mötesplats Arbetsmarknad",
        datetime.date(2024, 5, 14),
    )
    assert event.organizer == "Göteborgsregionen"
    assert event.moderators == ["Sofia Gustafsson", "Henrik Johannessen"]
    assert [(n, people[n].title, people[n].phone) for n in event.contacts] == [
        ("Natalja Lipovskaja Nilsson", "Planeringsledare", "031-335 51 92"),
        ("Björn Wallermark", "Utbildningsledare och projektledare", "031-335 53 64"),
    ]
    assert event.description.startswith("GR arrangerade för första gången")


def test_seed_sessions_in_order_with_speakers_kinds_and_municipalities(seed_event):
    sessions = [
        (s.title, s.kind, s.documented, [n for n, _ in s.speakers], s.municipalities)
        for s in seed_event.sessions
    ]

    assert sessions == [
        (
            "Utredningen om drivkrafter och möjligheter i försörjningsstödet",
            "talk",
            True,
            ["Maria Rydell"],
            [],
        ),
        (
            "Kompetensbehov och rörlighet på arbetsmarknaden",
            "talk",
            True,
            ["Martin Henning"],
            [],
        ),
        (
            "Kompetenscenter Göteborgs stad",
            "presentation",
            True,
            ["Anki Eyram", "Daniel Nordlund", "Nadja Idris"],
            ["1480"],
        ),
        (
            "Kompetenscentrum Arbetsmarknad, Kungsbacka kommun",
            "presentation",
            True,
            ["Anette Skårvik", "Karin Zetterman"],
            ["1384"],
        ),
        (
            "Kristina Alstam",
            "talk",
            True,
            ["Kristina Alstam"],
            ["0127", "1480", "0780", "0181"],
        ),
        ("Röster från deltagarna", "voices", True, [], ["1482", "1480", "1384"]),
        ("Seminarium om uppföljning och olika effektlogiker", "seminar", False, [], []),
        ("Startsträckan", "other", False, [], []),
        ("Seminarium om kulturmöten", "seminar", False, ["Patrick Gruczkun"], []),
    ]


def test_seed_sections_without_heading_get_a_flagged_suggested_title(seed_event):
    untitled = [
        s.title
        for s in seed_event.sessions
        if any(f.startswith("untitled:") for f in s.flags)
    ]

    assert untitled == [
        "Kompetenscenter Göteborgs stad",
        "Kompetenscentrum Arbetsmarknad, Kungsbacka kommun",
        "Kristina Alstam",
    ]


def test_seed_heading_over_two_talks_titles_neither(seed_event):
    first, second = seed_event.sessions[2:4]

    assert (first.title, first.blocks[0].kind, first.blocks[0].text) == (
        "Kompetenscenter Göteborgs stad",
        "heading",
        "Kommunerna delade med sig till varandra",
    )
    assert second.title == "Kompetenscentrum Arbetsmarknad, Kungsbacka kommun"


def test_seed_people_have_titles_organisations_and_municipalities(seed_event):
    people = {
        p.name: (p.title, p.organization, p.municipality) for p in seed_event.people
    }

    assert people["Sofia Gustafsson"] == (
        "enhetschef",
        "Arbetsmarknad Göteborgs stad",
        "1480",
    )
    assert people["Henrik Johannessen"] == (
        "",
        "Kompetenscentrum Kungälvs kommun",
        "1482",
    )
    assert people["Maria Rydell"] == (
        "utredningssekreterare",
        "Socialdepartementet",
        "",
    )
    # The second role after "och" belongs to the title, not to the organisation.
    assert people["Martin Henning"] == (
        "professor i ekonomisk geografi och programledare för Swedish Mobility Lab",
        "Handelshögskolan Göteborgs universitet",
        "",
    )
    assert people["Nadja Idris"] == ("", "Kompetenscenter Göteborgs stad", "1480")
    assert people["Karin Zetterman"] == (
        "",
        "Kompetenscentrum Arbetsmarknad, Kungsbacka kommun",
        "1384",
    )
    assert people["Kristina Alstam"] == (
        "lektor och forskare",
        "Institutionen för socialt arbete, Göteborgs universitet",
        "",
    )
    assert people["Towe Wilund"][2] == "1482"
    assert people["Felix Heimersson"][2] == "1480"


def test_seed_has_each_person_once_and_no_fictional_or_cited_people(seed_event):
    names = [p.name for p in seed_event.people]

    assert len(names) == len(set(names)) == 16
    for not_a_person in ("Caroline", "Tony", "Nedelkoska", "Swedish Mobility Lab"):
        assert all(not_a_person not in name for name in names)


def test_seed_key_figures_values_units_periods_and_areas(seed_event):
    figures = [
        (f.value, f.unit, f.period, f.municipality, f.qualifier)
        for f in seed_event.figures
    ]

    assert figures == [
        (Decimal(197760), "persons", "2022", "0000", ""),
        (Decimal(102140), "persons", "2022", "0000", ""),
        (Decimal(62), "percent", "2022", "0000", ""),
        (Decimal(86), "percent", "2022", "0000", ""),
        (Decimal(18), "percent", "2022", "0000", ""),
        (Decimal(14), "percent", "2022", "0000", ""),
        (Decimal(14), "percent", "2022", "0000", ""),
        (Decimal(50), "percent", "", "1480", ""),
        (Decimal(39_000_000), "SEK", "2018", "1384", "just_under"),
        (Decimal(28_000_000), "SEK", "2023", "1384", "just_under"),
        (Decimal(74), "persons", "2018", "1384", ""),
        (Decimal(115), "persons", "2023", "1384", ""),
        (Decimal(154), "persons", "2024", "1384", ""),
        (Decimal(7), "days", "2018", "1384", ""),
        (Decimal(14), "days", "2018", "1384", ""),
        (Decimal("1.4"), "days", "2023", "1384", ""),
        (Decimal("3.1"), "days", "2023", "1384", ""),
    ]


def test_seed_respektive_figures_share_labels_with_their_pairs(seed_event):
    days = [f.label for f in seed_event.figures if f.unit == "days"]

    assert days[0] == days[2]
    assert days[1] == days[3]
    assert days[0] != days[1]


def test_seed_figures_keep_their_source_sentence(seed_event):
    figure = next(f for f in seed_event.figures if f.value == Decimal("3.1"))

    assert figure.source_text == "2023 hade det minskat till 1,4 dagar respektive 3,1."


def test_seed_anomalies_are_flagged_not_fixed(seed_event):
    flags = [flag.split(":")[0] for s in seed_event.sessions for flag in s.flags]
    flags += [flag.split(":")[0] for f in seed_event.figures for flag in f.flags]
    text = " ".join(b.text for s in seed_event.sessions for b in s.blocks)

    assert flags.count("stray_character") == 2
    assert flags.count("future_date_past_tense") == 1
    assert flags.count("future_period") == 1
    assert flags.count("qualifier_contradiction") == 1
    assert flags.count("lowercase_start") == 1
    assert "Göteborgsregionen.y" in text


def test_seed_participant_voices_and_anonymous_quotes(seed_event):
    quotes = [(q.person, q.municipality, q.attribution) for q in seed_event.quotes]
    voices = [q for q in seed_event.quotes if q.session]

    assert voices[0].person == voices[1].person == "Sofie Alvegard"
    assert voices[0].municipality == "1482"
    assert [q for q in quotes if q[2]] == [
        ("", "", "Utvärderingen av mötesplatsen")
    ] * 3
    assert len(voices) == 10


def test_seed_introduction_quote_is_the_events_own(seed_event):
    [intro_quote] = [q for q in seed_event.quotes if not q.session]

    assert intro_quote.text.startswith("Syftet med dagen är att vi ska dela")
    assert intro_quote.text.endswith("som vi redan gör.")
    assert intro_quote.person == ""


def test_seed_quotes_in_talks_name_who_said_them(seed_event):
    said = [
        (b.person, " ".join(b.text.split()[:3]))
        for s in seed_event.sessions
        for b in s.blocks
        if b.kind == "quote"
    ]

    assert ("Anki Eyram", "Om man hade") in said
    assert ("Nadja Idris", "Detta visar att") in said
    assert ("Karin Zetterman", "Att byta perspektiv") in said
    assert ("Martin Henning", "Man kan misstänka") in said


def test_seed_blocks_keep_structure(seed_event):
    first = seed_event.sessions[0]
    kinds = [b.kind for b in first.blocks[:4]]
    case = [b.kind for s in seed_event.sessions for b in s.blocks]

    assert kinds == ["paragraph", "heading", "bullet_list", "heading"]
    assert first.blocks[2].items[0] == "Utreda ekonomiska drivkrafter"
    assert "numbered_list" in case
    assert "case_example" in case


def test_seed_quotes_keep_their_final_full_stop(seed_event):
    said = {
        b.text.split()[0]: b.text
        for s in seed_event.sessions
        for b in s.blocks
        if b.kind == "quote" and b.person == "Martin Henning"
    }

    assert said["Modellen"].endswith("vad de faktiskt innebär.")


def test_seed_case_example_is_one_block(seed_event):
    [session] = [
        s for s in seed_event.sessions if s.title.startswith("Kompetenscenter")
    ]
    examples = [b.text for b in session.blocks if b.kind == "case_example"]

    assert len(examples) == 2
    assert examples[0].startswith("Anki berättar om ett case")
    assert "\n\nHon fick först" in examples[0]


def test_seed_picture_caption_is_no_empty_sub_heading(seed_event):
    headings_last = [
        s.title
        for s in seed_event.sessions
        if s.blocks and s.blocks[-1].kind == "heading"
    ]

    assert headings_last == []
