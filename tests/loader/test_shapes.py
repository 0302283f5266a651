"""The shapes documentation pages come in, one small document each, without a database.

The corpus in tests/fixtures/loader/ measures the loader (make loader-score); these tests
pin what each shape must give, so a change that breaks one shape fails here.
"""

import datetime
from decimal import Decimal

from conference.loader.extract import extract
from conference.loader.parse import parse_html, parse_text
from conference.loader.records import Hints


def read_text(text: str, **hints):
    return extract(parse_text(text), Hints(**hints))


def talks(event):
    return [(s.title, [name for name, _ in s.speakers]) for s in event.sessions]


def figures(event):
    return [(f.value, f.unit, f.period, f.municipality) for f in event.figures]


PROGRAMME = """Skoldagen 2025

Tisdag 11 mars
Plats: Stadshuset, Borås

Moderator: Lena Ek, processledare, Sjuhärads kommunalförbund

08.30 Registrering och kaffe

09.00 Välkommen
Kommunalrådet Per-Ola Sand (S)

09.20 Så når vi fler elever
Mira Holst, forskare, Högskolan i Borås
Tor K Lind och Sara Ek, Ulricehamns kommun

12.00 Lunch

13.00–13.45: Elevhälsan i praktiken. Deltagare: Ida Berg (Marks kommun), Omar Sahin (Bollebygds kommun).
"""


def test_programme_slots_are_talks_and_breaks_are_not():
    event = read_text(PROGRAMME)

    assert (event.title, event.date) == ("Skoldagen 2025", datetime.date(2025, 3, 11))
    assert event.moderators == ["Lena Ek"]
    assert talks(event) == [
        ("Välkommen", ["Per-Ola Sand"]),
        ("Så når vi fler elever", ["Mira Holst", "Tor K Lind", "Sara Ek"]),
        ("Elevhälsan i praktiken", ["Ida Berg", "Omar Sahin"]),
    ]


def test_programme_lines_split_name_title_and_organisation():
    people = {p.name: p for p in read_text(PROGRAMME).people}

    assert (people["Mira Holst"].title, people["Mira Holst"].organization) == (
        "forskare",
        "Högskolan i Borås",
    )
    assert people["Per-Ola Sand"].title == "kommunalråd"
    assert people["Sara Ek"].municipality == "1491"
    assert (people["Lena Ek"].title, people["Lena Ek"].organization) == (
        "processledare",
        "Sjuhärads kommunalförbund",
    )
    assert people["Ida Berg"].organization == "Marks kommun"


REPORT = """Regional konferens om elevhälsa
Konferensrapport 2024

Konferensrapport 2024                                              Sida 1 (4)

Innehåll
1 Inledning 2
2 Föreläsningar 2
3 Slutsatser 4

1 Inledning
Konferensen hölls den 3 oktober 2024 i Vänersborg och samlade rektorer och
skolsköterskor från hela länet för en dag om elevhälsans förebyggande arbete.

Konferensrapport 2024                                              Sida 2 (4)

2 Föreläsningar

2.1 Frånvaro som signal
Anna Lund Öberg, docent i pedagogik vid Göteborgs universitet, beskrev hur
tidiga insatser minskar frånvaron. Hon visade att 14 procent av eleverna i
hela landet hade hög frånvaro 2023.

2.2 Samverkan med socialtjänsten
Jonas Ek, samordnare i Trollhättans stad, berättade om kommunens arbete.

Tabell 1. Andel elever med hög frånvaro
Kommun;År;Andel (%)
Trollhättan;2023;12
Vänersborg;2023;9

3 Slutsatser
Deltagarna efterfrågade fler tillfällen att mötas.
"""


def test_report_sections_are_talks_and_chapters_are_not():
    event = read_text(REPORT)

    assert event.date == datetime.date(2024, 10, 3)
    assert talks(event) == [
        ("Frånvaro som signal", ["Anna Lund Öberg"]),
        ("Samverkan med socialtjänsten", ["Jonas Ek"]),
    ]


def test_report_lines_broken_at_the_margin_are_one_paragraph():
    event = read_text(REPORT)
    [first] = [b.text for b in event.sessions[0].blocks]

    assert first.startswith("Anna Lund Öberg, docent i pedagogik vid Göteborgs")
    assert "beskrev hur tidiga insatser" in first
    assert "Sida" not in event.description


def test_report_table_rows_are_key_figures_of_their_municipality_and_year():
    event = read_text(REPORT)

    assert figures(event) == [
        (Decimal(14), "percent", "2023", "0000"),
        (Decimal(12), "percent", "2023", "1488"),
        (Decimal(9), "percent", "2023", "1487"),
    ]


PROSE = """Fritidsdagen samlade hela kommunen

Den 20 april 2024 träffades ledare från föreningarna i Ale för en dag om fritid.

Dagen inleddes av Eva Holm, fritidschef i Ale kommun, som berättade om nya lokaler.

Sedan tog Nils Björk över. Han är lektor vid Högskolan Väst och berättade om hur unga väljer fritidsaktiviteter. Han berättade om Sam, 15, som slutade spela fotboll.

Efter lunch presenterade Maja Ros och Leo Ahl från Lilla Edets kommun ett projekt om ledarskap.
"""


def test_prose_talks_begin_where_the_floor_is_handed_over():
    event = read_text(PROSE)

    assert [speakers for _, speakers in talks(event)] == [
        ["Eva Holm"],
        ["Nils Björk"],
        ["Maja Ros", "Leo Ahl"],
    ]
    assert event.description.startswith("Den 20 april 2024")


def test_prose_case_person_and_age_are_not_people_or_figures():
    event = read_text(PROSE)

    assert "Sam" not in {p.name for p in event.people}
    assert event.figures == []


SAVED_PAGE = """Hoppa till innehåll
Kungälvs kommun
Meny
Sök
Kommunen använder kakor (cookies) för att webbplatsen ska fungera. Godkänn alla
Start > Kultur och fritid > Kulturnatten
Kulturnatten 2023 – så blev kvällen

Fredagen den 6 oktober 2023 arrangerade kommunen Kulturnatten.

Kontakt
Ola Strand
Kultursekreterare
0303-23 80 00
"""


def test_saved_page_menus_and_cookie_notices_are_not_the_title_or_text():
    event = read_text(SAVED_PAGE)

    assert event.title == "Kulturnatten 2023 – så blev kvällen"
    assert event.date == datetime.date(2023, 10, 6)
    assert "kakor" not in event.description
    assert event.contacts == ["Ola Strand"]


NEWS = """<html><head><title>Välbesökt dag om bostäder | Exempelkommun</title>
<meta property="article:published_time" content="2024-06-12T08:00:00+02:00">
</head><body><nav><a href="/">Start</a> <a href="/nyheter">Nyheter</a></nav>
<main><article><h1>Välbesökt dag om bostäder</h1>
<p>I tisdags, den 11 juni, samlades 140 personer i Lerum för en dag om bostäder.</p>
<figure><img src="a.jpg" alt=""><figcaption>Karin Sjö, bostadsstrateg på Lerums
kommun, inledde. Foto: Tim Ask</figcaption></figure>
<h2>Bostad först</h2>
<p>Karin Sjö, bostadsstrateg på Lerums kommun, berättade att 35 hushåll fått
eget kontrakt under 2023.</p>
<p>Dela på Facebook</p></article></main>
<footer><p>Exempelkommun, Box 1, 443 80 Lerum, 0302-52 10 00</p></footer>
</body></html>"""


def test_news_page_date_comes_from_the_text_bounded_by_publishing():
    blocks = parse_html(NEWS)
    from conference.loader.parse import read_metadata

    event = extract(blocks, read_metadata(NEWS))

    assert (event.title, event.date) == (
        "Välbesökt dag om bostäder",
        datetime.date(2024, 6, 11),
    )


def test_news_page_photographer_and_footer_are_not_content():
    event = extract(parse_html(NEWS))
    people = {p.name for p in event.people}

    assert "Tim Ask" not in people
    assert "Karin Sjö" in people
    assert Decimal(443) not in [f.value for f in event.figures]
    assert [(f.value, f.unit) for f in event.figures] == [
        (Decimal(140), "persons"),
        (Decimal(35), "households"),
    ]


def test_a_text_without_title_or_date_loads_flagged_for_review():
    event = read_text("hej, det har ni gjort bra.\n")

    assert event.title == "hej, det har ni gjort bra"
    assert event.date is None
    assert [flag.split(":")[0] for flag in event.flags] == [
        "no_event_title",
        "no_event_date",
    ]


def test_staff_title_and_date_win_over_the_document():
    event = read_text(
        PROSE, title="Fritidsdagen i Ale", date=datetime.date(2024, 4, 21)
    )

    assert (event.title, event.date) == (
        "Fritidsdagen i Ale",
        datetime.date(2024, 4, 21),
    )


def test_numbers_that_are_no_statistics_are_skipped():
    text = (
        "Temadag\n\nDen 4 maj 2023 kom 60 deltagare. Ring 031-123 45 67 eller se "
        "sidan 4. Eleverna i årskurs 8 och barn i åldern 6–9 år berördes. "
        "Klockan 10.30 började dagen.\n"
    )

    assert figures(read_text(text)) == [(Decimal(60), "persons", "", "")]


PROGRAMME_LIST = """Frukostmöte om trygghet

Onsdag 5 februari 2025 bjuder kommunen in till frukostmöte.

Program:

 • Kommunalrådet Eva Lind (M) inleder
 • Ali Noor, trygghetssamordnare, Alingsås kommun, berättar om trygghetsvandringar
 • Kaffe
"""


def test_list_under_program_label_is_the_programme():
    event = read_text(PROGRAMME_LIST)

    assert [speakers for _, speakers in talks(event)] == [
        ["Eva Lind"],
        ["Ali Noor"],
        [],
    ]


STAGE = """<main><h1>Föreningsdagen</h1><p>Den 14 september 2024 kom föreningarna.</p>
<h2>Från scenen</h2>
<p>Kommunstyrelsens ordförande Ann Ek (C) invigde dagen.</p>
<p>Hugo Lindh, konsulent på RF-SISU Västra Götaland, föreläste om ledarskap.</p>
<h2>Kontakt</h2><p>Lisa Berg</p></main>"""


def test_stage_heading_with_one_paragraph_per_speaker_gives_one_talk_each():
    event = extract(parse_html(STAGE))
    people = {p.name: p for p in event.people}

    assert [speakers for _, speakers in talks(event)] == [["Ann Ek"], ["Hugo Lindh"]]
    assert people["Ann Ek"].title == "kommunstyrelsens ordförande"


def test_a_participant_who_came_to_listen_is_not_a_speaker():
    text = (
        "Temadag om pendling\n\nDen 3 juni 2024 möttes kommunerna.\n\n"
        "Erfarenheter\n\n"
        "Ola Sten, kommundirektör i Lerums kommun, berättade om pendlingen.\n\n"
        "Eva Rask, planeringschef i Alingsås kommun, deltog för första gången.\n"
    )

    event = read_text(text)

    assert talks(event) == [("Erfarenheter", ["Ola Sten"])]
    assert "Eva Rask" in {p.name for p in event.people}


def test_a_table_that_ends_a_talk_keeps_its_figures():
    text = (
        "Temadag om skolan\n\nDen 2 maj 2024 möttes kommunerna.\n\n"
        "Närvaron – Ola Sten\n\nOla Sten visade tabellen.\n\n"
        "Kommun;År;Andel (%)\nLerum;2023;91\nAle;2023;88\n"
    )

    assert figures(read_text(text)) == [
        (Decimal(91), "percent", "2023", "1441"),
        (Decimal(88), "percent", "2023", "1440"),
    ]
