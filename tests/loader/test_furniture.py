"""Page furniture in text pages: what a website or a PDF adds around the text."""

import pytest

from conference.loader.furniture import clean_lines, is_furniture, split_photo_credit
from conference.loader.parse import parse_text


@pytest.mark.parametrize(
    "line",
    [
        "Publicerad: 12 mars 2024",
        "Publicerad 12 mars 2024",
        "Uppdaterad",
        "Uppdaterad: 2024-03-14",
        "Senast ändrad 3 april 2023",
        "Senast uppdaterad: 2023-04-03",
        "Dela",
        "Dela på Facebook",
        "Dela på LinkedIn",
        "Dela på X",
        "Skriv ut",
        "Länk till annan webbplats",
        "Hoppa till innehåll",
        "Gå direkt till innehållet",
        "Vi använder kakor (cookies) för att webbplatsen ska fungera.",
        "Webbplatsen använder cookies för statistik.",
        "Godkänn alla",
        "Endast nödvändiga kakor",
        "Start > Nyheter > Konferens om unga",
        "Startsida / Aktuellt / Dokumentation",
        "Foto: Sofia Ahl",
        "Bild: Göteborgsregionen",
        "Fotograf: Per Ek",
        "Sida 2 (12)",
        "2 (12)",
        "Sida 3 av 10",
    ],
)
def test_is_furniture_recognises_each_kind(line):
    assert is_furniture(line) is True


@pytest.mark.parametrize(
    "line",
    [
        "Kontakt",
        "Anna Berg",
        "Processledare",
        "031-335 50 00",
        "Delaktighet och inflytande för unga",
        "Publicerad forskning visar att tidiga insatser ger resultat för unga vuxna.",
        "Vi använder oss av flera metoder i arbetet.",
        "Starten på dagen var lugn.",
        "Bilden av regionen har förändrats.",
    ],
)
def test_is_furniture_keeps_content_lines(line):
    assert is_furniture(line) is False


def test_split_photo_credit_removes_the_photographer_from_a_caption():
    text = "Omar Said, enhetschef på Kungsbacka kommun. Foto: Sofia Ahl"

    assert split_photo_credit(text) == (
        "Omar Said, enhetschef på Kungsbacka kommun",
        "Foto: Sofia Ahl",
    )


def test_split_photo_credit_leaves_text_without_credit():
    text = "Kommunernas bild är att stödet behöver samordnas."

    assert split_photo_credit(text) == (text, "")


def test_clean_lines_joins_a_word_broken_at_a_line_end():
    lines = ["Läget på arbets-", "marknaden är stabilt.", "Barn-", "och ungdomsnämnden"]

    assert clean_lines(lines) == [
        "Läget på arbetsmarknaden är stabilt.",
        "Barn-",
        "och ungdomsnämnden",
    ]


def test_clean_lines_drops_running_heads_repeated_page_after_page():
    lines = []
    for page in range(3):
        lines.append("Rapport om arbetsmarknaden")
        lines += [f"Stycke {page}.{n} med text." for n in range(12)]

    cleaned = clean_lines(lines)

    assert "Rapport om arbetsmarknaden" not in cleaned
    assert len(cleaned) == 36


def test_clean_lines_keeps_a_title_shared_by_contacts_close_together():
    lines = [
        "Kontakt",
        "Anna Berg",
        "Processledare",
        "031-335 50 00",
        "Bo Ek",
        "Processledare",
        "031-335 50 00",
        "Kim Lind",
        "Processledare",
        "031-335 50 00",
    ]

    assert clean_lines(lines) == lines


def test_clean_lines_drops_the_address_footer_and_keeps_the_contact_before_it():
    lines = [
        "Kontakt",
        "Anna Berg",
        "Processledare",
        "031-335 51 92",
        "",
        "Göteborgsregionen",
        "Box 5073, 402 22 Göteborg",
        "Telefon: 031-335 50 00",
        "gr@goteborgsregionen.se",
    ]

    assert clean_lines(lines) == lines[:6]


def test_clean_lines_keeps_a_contact_block_at_the_end():
    lines = ["Kontakt", "Anna Berg", "Processledare", "031-335 51 92", "anna@gr.se"]

    assert clean_lines(lines) == lines


def test_parse_text_drops_furniture_lines_between_content():
    text = (
        "Hoppa till innehåll\nStart > Nyheter > Dagen\nDagen om arbete\n"
        "Publicerad: 3 maj 2024\nDen 2 maj 2024 möttes 80 deltagare.\n"
        "Foto: Per Ek\nDela på Facebook\nSida 1 (2)\n"
    )

    blocks = parse_text(text)

    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Dagen om arbete"),
        ("paragraph", "Den 2 maj 2024 möttes 80 deltagare."),
    ]
