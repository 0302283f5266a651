"""HTML pages: the main content with its structure, without the website around it."""

import datetime
from pathlib import Path

from conference.loader.parse import parse_html, read_metadata

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "loader" / "html"


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _texts(blocks) -> list[str]:
    return [b.text for b in blocks] + [item for b in blocks for item in b.items]


def test_parse_html_keeps_headings_lists_quotes_and_captions_of_a_news_page():
    blocks = parse_html(_page("nyhet-sitevision.html"))

    assert [(b.kind, b.level) for b in blocks][:10] == [
        ("heading", 1),
        ("paragraph", 0),
        ("paragraph", 0),
        ("paragraph", 0),
        ("heading", 2),
        ("paragraph", 0),
        ("bullets", 0),
        ("quote", 0),
        ("heading", 2),
        ("paragraph", 0),
    ]
    assert [b.text for b in blocks if b.level == 3] == ["Tre lärdomar från Kungsbacka"]
    assert [len(b.items) for b in blocks if b.kind == "numbered"] == [3]


def test_parse_html_drops_navigation_cookies_breadcrumbs_share_links_and_footer():
    texts = " ".join(_texts(parse_html(_page("nyhet-sitevision.html"))))

    for furniture in (
        "Hoppa till innehåll",
        "Vi använder kakor",
        "Godkänn alla",
        "Social välfärd",
        "Aktuellt",
        "Publicerad",
        "Uppdaterad",
        "Dela på",
        "Skriv ut",
        "Länk till annan webbplats",
        "Relaterade nyheter",
        "Ny rapport om ungas etablering",
        "Besöksadress",
        "Box 5073",
        "Tillgänglighetsredogörelse",
    ):
        assert (furniture, furniture in texts) == (furniture, False)


def test_parse_html_keeps_the_contact_block_at_the_end():
    blocks = parse_html(_page("nyhet-sitevision.html"))

    assert [b.text for b in blocks][-5:] == [
        "Kontakt",
        "Elias Norberg",
        "Processledare",
        "031-335 50 00",
        "elias.norberg@goteborgsregionen.se",
    ]


def test_parse_html_caption_drops_the_photo_credit_and_keeps_a_naming_alt():
    blocks = parse_html(_page("nyhet-sitevision.html"))

    assert [(b.text, b.short) for b in blocks if b.kind == "caption"] == [
        ("Omar Said, enhetschef på Kungsbacka kommun", "Omar Said"),
    ]


def test_parse_html_caption_without_names_is_a_paragraph():
    blocks = parse_html(_page("nyhet-sitevision.html"))

    assert (blocks[2].kind, blocks[2].text) == (
        "paragraph",
        "Karin Lund och Elias Norberg inledde dagen",
    )


def test_parse_html_makes_no_block_of_a_credit_only_caption_or_an_alt_text():
    html = (
        "<main><h1>Titel</h1><p>Ett stycke om dagen som var bra och lång.</p>"
        "<figure><img src='a.jpg' alt='Anna Berg'><figcaption>Foto: Per Ek"
        "</figcaption></figure><img src='b.jpg' alt='Publik i salen'>"
        "<h2>Del två</h2><p>Mer text om dagen.</p></main>"
    )

    blocks = parse_html(html)

    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Titel"),
        ("paragraph", "Ett stycke om dagen som var bra och lång."),
        ("heading", "Del två"),
        ("paragraph", "Mer text om dagen."),
    ]


def test_parse_html_keeps_dates_written_in_time_elements():
    blocks = parse_html(_page("program-eventsida.html"))

    assert blocks[1].text == "Datum: 13 mars 2025, kl. 9.00–16.00"


def test_parse_html_keeps_a_programme_list_whole():
    [programme] = [b for b in parse_html(_page("program-eventsida.html")) if b.items]

    assert (programme.kind, len(programme.items)) == ("bullets", 11)


def test_parse_html_puts_back_the_title_and_lead_above_the_extracted_body():
    blocks = parse_html(_page("dokumentation-divsida.html"))

    assert [b.kind for b in blocks[:3]] == ["heading", "paragraph", "heading"]
    assert blocks[0].text.startswith("Dokumentation: Nätverksträff")
    assert blocks[1].text.startswith("Den 25 maj 2023 träffades")


def test_parse_html_reads_a_caption_paragraph_after_an_image():
    [caption] = [
        b
        for b in parse_html(_page("dokumentation-divsida.html"))
        if b.kind == "caption"
    ]

    assert (caption.text, caption.short) == (
        "Amina Hassan, studie- och yrkesvägledare på Partille kommun",
        "Amina Hassan",
    )


def test_parse_html_drops_a_sidebar_without_semantic_tags():
    texts = _texts(parse_html(_page("dokumentation-divsida.html")))

    assert ("Mer om vägledning" in texts, "Vägledningsnätverket" in texts) == (
        False,
        False,
    )


def test_parse_html_restores_headings_the_extractor_flattened():
    body = "".join(
        f"<h2>Avsnitt {n} om arbete</h2><p>{'Text om arbetet i kommunen. ' * 8}</p>"
        for n in range(4)
    )
    html = (
        f"<html><body><div id='toppmeny'><ul><li><a href='/'>Om oss</a></li></ul>"
        f"</div><div id='innehall'><h1>Dagen</h1>{body}</div>"
        f"<div id='sidfot'><h2>Om webbplatsen</h2><p>Box 1, 411 01 Göteborg</p></div>"
        f"</body></html>"
    )

    headings = [b.text for b in parse_html(html) if b.kind == "heading"]

    assert headings[:5] == [
        "Dagen",
        "Avsnitt 0 om arbete",
        "Avsnitt 1 om arbete",
        "Avsnitt 2 om arbete",
        "Avsnitt 3 om arbete",
    ]


def test_parse_html_reads_through_a_layout_table():
    html = (
        "<body><table><tr><td><h2>Nyhetsbrev om arbete</h2>"
        f"<p>{'Text om dagen i regionen. ' * 10}</p>"
        "<ul><li>Första punkten i listan</li><li>Andra punkten i listan</li></ul>"
        f"<p>{'Mer text om dagen i regionen. ' * 10}</p></td></tr></table></body>"
    )

    blocks = parse_html(html)

    assert [b.kind for b in blocks] == ["heading", "paragraph", "bullets", "paragraph"]


def test_parse_html_returns_nothing_for_empty_or_broken_markup():
    assert (parse_html(""), parse_html("<?xml version='1.0' encoding='utf-8'?>")) == (
        [],
        [],
    )


def test_read_metadata_reads_og_title_article_time_and_json_ld():
    hints = read_metadata(_page("nyhet-sitevision.html"))

    assert (hints.page_title, hints.published, hints.event_dates) == (
        "Konferens om unga vuxna samlade 180 deltagare",
        datetime.date(2024, 11, 28),
        [],
    )


def test_read_metadata_reads_event_start_and_content_times_but_not_deadlines():
    hints = read_metadata(_page("program-eventsida.html"))

    assert (hints.page_title, hints.published, hints.event_dates) == (
        "Program: Temadag digital inkludering",
        None,
        [datetime.date(2025, 3, 13)],
    )


def test_read_metadata_survives_broken_json_ld_and_reads_a_published_line():
    hints = read_metadata(_page("dokumentation-divsida.html"))

    assert (hints.page_title, hints.published) == (
        "Dokumentation: Nätverksträff för studie- och yrkesvägledare",
        datetime.date(2023, 6, 2),
    )


def test_read_metadata_strips_the_site_name_after_a_bar():
    html = "<html><head><title>Skolforum 2025 | Göteborgsregionen</title></head></html>"

    assert read_metadata(html).page_title == "Skolforum 2025"


def test_read_metadata_keeps_a_speaker_after_a_dash_named_in_the_h1():
    html = (
        "<html><head><title>Läsning i förskolan – Hanna Wik</title></head>"
        "<body><h1>Läsning i förskolan – Hanna Wik</h1></body></html>"
    )

    assert read_metadata(html).page_title == "Läsning i förskolan – Hanna Wik"


def test_read_metadata_reads_date_published_from_a_json_ld_graph():
    html = (
        '<html><head><script type="application/ld+json">{"@graph": ['
        '{"@type": "WebPage", "datePublished": "2023-05-10T10:04:00+02:00"},'
        '{"@type": ["Event"], "startDate": "2023-12-05"}]}</script></head></html>'
    )

    hints = read_metadata(html)

    assert (hints.published, hints.event_dates) == (
        datetime.date(2023, 5, 10),
        [datetime.date(2023, 12, 5)],
    )


def test_read_metadata_reads_a_time_element_in_a_published_context():
    html = (
        "<body><p>Publicerad: <time datetime='2024-03-14T08:00'>14 mars</time></p>"
        "<p>Dagen hölls <time datetime='2024-03-12'>12 mars</time>.</p></body>"
    )

    hints = read_metadata(html)

    assert (hints.published, hints.event_dates) == (
        datetime.date(2024, 3, 14),
        [datetime.date(2024, 3, 12)],
    )


def test_read_metadata_skips_oversized_and_invalid_json_ld():
    huge = '{"@type": "Event", "startDate": "2024-01-01", "x": "' + "a" * 300_000 + '"}'
    html = (
        f'<script type="application/ld+json">{huge}</script>'
        '<script type="application/ld+json">{"@type": "Event", "startDate": </script>'
        '<script type="application/ld+json">{"@type": "Event", "startDate": "2024-13-40"}'
        "</script>"
    )

    assert read_metadata(html).event_dates == []


def test_read_metadata_of_empty_input_is_empty():
    hints = read_metadata("")

    assert (hints.page_title, hints.published, hints.event_dates) == ("", None, [])
