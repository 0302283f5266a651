from hypothesis import given, settings
from hypothesis import strategies as st

from conference.loader.extract import NoEventFound, extract
from conference.loader.parse import parse_html, parse_text


def test_parse_text_recognises_headings_lists_quotes_and_paragraphs():
    text = (
        "Rubrik\n\nEtt stycke som slutar med punkt.\n\n • Ett\n • Två\n\n"
        " 1. Först\n 2. Sedan\n\n– Ett citat, sa någon.\n"
    )

    blocks = parse_text(text)

    assert [b.kind for b in blocks] == [
        "heading",
        "paragraph",
        "bullets",
        "numbered",
        "quote",
    ]
    assert blocks[2].items == ["Ett", "Två"]
    assert blocks[3].items == ["Först", "Sedan"]
    assert blocks[4].text == "Ett citat, sa någon."


def test_parse_text_pairs_a_photo_name_with_its_caption():
    text = "Anna Berg och Olle Ek\n\nAnna Berg och Olle Ek, Lerums kommun\n"

    [caption] = parse_text(text)

    assert (caption.kind, caption.short) == ("caption", "Anna Berg och Olle Ek")
    assert caption.text == "Anna Berg och Olle Ek, Lerums kommun"


def test_parse_html_uses_tags_for_structure_and_drops_scripts():
    html = (
        "<html><body><script>var x = 1;</script><main><h1>Titel</h1>"
        "<h2>Del – Anna Berg</h2><p>Text.</p><ul><li>a</li><li>b</li></ul>"
        "<ol><li>c</li></ol><blockquote>Citat här</blockquote>"
        "<figure><img alt='Anna Berg'><figcaption>Anna Berg, chef på X</figcaption>"
        "</figure></main></body></html>"
    )

    blocks = parse_html(html)

    assert [(b.kind, b.level) for b in blocks] == [
        ("heading", 1),
        ("heading", 2),
        ("paragraph", 0),
        ("bullets", 0),
        ("numbered", 0),
        ("quote", 0),
        ("caption", 0),
    ]
    assert blocks[6].short == "Anna Berg"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_text_and_extract_never_crash_on_arbitrary_text(text):
    blocks = parse_text(text)

    try:
        event = extract(blocks)
    except NoEventFound:
        return
    assert event.title


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Rubrik",
                "Titel – Anna Berg",
                "Anna Berg",
                "Anna Berg, chef på Lerums kommun",
                " • punkt",
                " 1. ett",
                "– Citat, sa Anna.",
                '"Anonymt citat från någon deltagare."',
                "Den 4 maj 2021 var 45 % och knappt 3 miljoner kronor.",
                "Kontakt",
                "031-123 45 67",
                "Exempel Kim",
                "Kim är 30 år.",
                "Röster från dagen",
                "2020 var det 7 dagar respektive 3,5.",
                "",
            ]
        ),
        max_size=40,
    )
)
def test_extract_never_crashes_on_shuffled_document_lines(lines):
    blocks = parse_text("\n".join(lines))

    try:
        event = extract(blocks)
    except NoEventFound:
        return
    assert all(session.slug for session in event.sessions)
    assert len({s.slug for s in event.sessions}) == len(event.sessions)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=400))
def test_parse_html_never_crashes_on_arbitrary_markup(text):
    blocks = parse_html(f"<h1>{text}</h1><p>{text}</p><ul><li>{text}</li></ul>")

    try:
        extract(blocks)
    except NoEventFound:
        pass


def test_parse_html_splits_paragraph_lines_and_reads_bold_headings():
    html = (
        "<main><h1>Titel</h1><p><strong>Kontakt</strong></p>"
        "<p>Moa Berg<br>Processledare<br/>031-123 45 67</p></main>"
    )

    blocks = parse_html(html)

    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Titel"),
        ("heading", "Kontakt"),
        ("heading", "Moa Berg"),
        ("heading", "Processledare"),
        ("heading", "031-123 45 67"),
    ]


def test_parse_html_reads_a_page_made_of_divs_as_text():
    html = "<body><div>Titel</div><div>Ett stycke som slutar här.</div></body>"

    blocks = parse_html(html)

    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Titel"),
        ("paragraph", "Ett stycke som slutar här."),
    ]
