import pytest
from bs4 import BeautifulSoup

from conference.analysis.key_figure_filters import KeyFigureFilterSet
from conference.models import KeyFigure
from tests.analysis.conftest import area
from tests.factories.conference import EventFactory, KeyFigureFactory, MeasureFactory

pytestmark = pytest.mark.django_db


def rows(response) -> list[list[str]]:
    soup = BeautifulSoup(response.text, "html.parser")
    table = soup.find("table", class_="figures")
    if table is None:
        return []
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    ]


def test_explorer_shows_figures_the_swedish_way(client, figures):
    response = client.get("/nyckeltal/", {"ordering": "label"})
    by_label = {row[0]: row for row in rows(response)}
    assert by_label["riket"][1] == "197\u00a0760\u00a0personer"
    assert by_label["stockholm"][1] == "1,4\u00a0dagar"
    assert by_label["goteborg"][1] == "knappt 62\u00a0%"
    assert by_label["regionen"][1] == "knappt 38,7\u00a0mnkr"
    assert by_label["riket"][3] == "Riket"
    assert by_label["regionen"][3] == "Göteborgsregionen"
    assert by_label["kungsbacka"][3] == "Kungsbacka (1384)"


def test_explorer_filters_from_the_query_string(client, figures):
    response = client.get("/nyckeltal/", {"municipality": ["gr"], "unit": "percent"})
    assert [row[0] for row in rows(response)] == ["goteborg"]


def test_explorer_hides_drafts(client, figures, hidden_figures):
    labels = {row[0] for row in rows(client.get("/nyckeltal/"))}
    assert labels == {
        "kungsbacka",
        "goteborg",
        "stockholm",
        "riket",
        "regionen",
        "kungalv",
    }


def test_explorer_invalid_filter_shows_the_error_and_no_figures(client, figures):
    response = client.get("/nyckeltal/", {"municipality": "Atlantis", "year_to": "x"})
    soup = BeautifulSoup(response.text, "html.parser")
    summary = soup.find(class_="error-summary").get_text(" ", strip=True)
    assert response.status_code == 200
    assert rows(response) == []
    assert "Okänd kommun: Atlantis" in summary
    assert "Till år" in summary


def test_explorer_nul_byte_in_query_is_a_form_error(client, figures):
    response = client.get("/nyckeltal/?q=a%00b&municipality=14%0080")
    assert response.status_code == 200
    assert rows(response) == []


def test_explorer_sort_links_keep_the_filter_and_reverse(client, figures):
    response = client.get("/nyckeltal/", {"municipality": "gr", "ordering": "value"})
    soup = BeautifulSoup(response.text, "html.parser")
    value_header = soup.find("th", attrs={"aria-sort": "ascending"})
    assert value_header.a["href"] == "?municipality=gr&ordering=-value"


def test_explorer_export_links_carry_the_filter(client, figures):
    response = client.get("/nyckeltal/", {"municipality": "1384", "page": "1"})
    soup = BeautifulSoup(response.text, "html.parser")
    links = [a["href"] for a in soup.select(".exports a")]
    assert links == [
        "/nyckeltal/export/csv/?municipality=1384",
        "/nyckeltal/export/excel-csv/?municipality=1384",
        "/nyckeltal/export/xlsx/?municipality=1384",
        "/nyckeltal/export/json/?municipality=1384",
        "/api/v1/key-figures/?municipality=1384",
    ]


def test_explorer_pages_fifty_at_a_time(client):
    KeyFigureFactory.create_batch(51, municipality=area("1480"))
    first = client.get("/nyckeltal/")
    second = client.get("/nyckeltal/", {"page": "2"})
    assert (len(rows(first)), len(rows(second))) == (50, 1)


def test_explorer_draws_charts_for_one_measure(client):
    event = EventFactory()
    for code, year, value in [
        ("1480", 2020, 10),
        ("1480", 2021, 12),
        ("1384", 2021, 8),
    ]:
        KeyFigureFactory(
            event=event,
            label="Andel i arbete",
            unit=KeyFigure.Unit.PERCENT,
            municipality=area(code),
            year=year,
            period=str(year),
            value=value,
        )
    response = client.get("/nyckeltal/", {"label": "Andel i arbete"})
    soup = BeautifulSoup(response.text, "html.parser")
    titles = [svg.title.get_text() for svg in soup.find_all("svg")]
    assert titles == [
        "Andel i arbete över tid",
        "Andel i arbete per område, 2021",
    ]
    bar_table = soup.find_all("table", class_="chart-data")[1]
    assert [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in bar_table.tbody.find_all("tr")
    ] == [["Göteborg", "2021", "12\u00a0%"], ["Kungsbacka", "2021", "8\u00a0%"]]


@pytest.mark.parametrize("count", [1, 30])
def test_explorer_query_count_does_not_grow(client, django_assert_num_queries, count):
    KeyFigureFactory.create_batch(count, municipality=area("1480"))
    # Count, rows, events, measures, municipalities and the form's counts per area,
    # event and unit (one query): with the query cache on (Redis) the last four come
    # from it.
    with django_assert_num_queries(6):
        response = client.get("/nyckeltal/", {"ordering": "-year"})
    assert len(rows(response)) == count


@pytest.mark.parametrize("count", [1, 30])
def test_explorer_filtered_query_count_does_not_grow(
    client, django_assert_num_queries, count
):
    KeyFigureFactory.create_batch(count, municipality=area("1480"))
    # Count, rows, events, measures, the municipalities twice (the filter, the form)
    # and the form's counts: with the query cache on (Redis) the last five come from it.
    with django_assert_num_queries(7):
        response = client.get("/nyckeltal/", {"municipality": "gr"})
    assert len(rows(response)) == count


def test_detail_shows_figure_source_and_links(client, figures):
    figure = figures["goteborg"]
    response = client.get(f"/nyckeltal/{figure.pk}/")
    soup = BeautifulSoup(response.text, "html.parser")
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup.select("dl.facts dt")
    }
    assert soup.select_one(".big-figure").get_text() == "knappt 62\u00a0%"
    assert facts["Område"] == "Göteborg (1480)"
    assert facts["Period"] == "2022"
    assert facts["Granskning"] == "Ogranskad"
    assert soup.select_one("blockquote.source-text").get_text(strip=True) == (
        figure.source_text
    )
    hrefs = {a["href"] for a in soup.select("dl.facts a")}
    assert figure.session.get_absolute_url() in hrefs
    assert figure.event.get_absolute_url() in hrefs


def test_detail_of_a_draft_is_not_found(client, hidden_figures):
    figure = KeyFigure.objects.get(label="utkast-programpunkt")
    assert client.get(f"/nyckeltal/{figure.pk}/").status_code == 404


def test_detail_compares_with_riket_over_time(client):
    event = EventFactory()
    common = dict(event=event, label="Väntetid", unit=KeyFigure.Unit.DAYS)
    figure = KeyFigureFactory(municipality=area("1384"), year=2022, value=5, **common)
    KeyFigureFactory(municipality=area("1384"), year=2021, value=6, **common)
    for year in [2021, 2022]:
        KeyFigureFactory(
            municipality=area("0000"),
            scope=KeyFigure.Scope.COUNTRY,
            year=year,
            value=7,
            **common,
        )
    response = client.get(f"/nyckeltal/{figure.pk}/")
    soup = BeautifulSoup(response.text, "html.parser")
    legend = [item.get_text(strip=True) for item in soup.select(".legend li")]
    assert legend == ["Kungsbacka", "Riket"]


def test_detail_without_comparable_figures_draws_no_chart(client, figures):
    response = client.get(f"/nyckeltal/{figures['riket'].pk}/")
    assert BeautifulSoup(response.text, "html.parser").find("svg") is None


def test_explorer_names_the_chosen_session_with_a_way_back(client, figures):
    session = figures["goteborg"].session
    response = client.get("/nyckeltal/", {"session": session.pk, "unit": "percent"})
    soup = BeautifulSoup(response.text, "html.parser")
    notice = soup.select_one(".chosen-session")
    assert notice.strong.get_text() == "Unga i arbete"
    assert notice.a["href"] == "?unit=percent"
    assert [row[0] for row in rows(response)] == ["goteborg"]


def test_explorer_form_shows_the_values_given(client, figures):
    session = figures["goteborg"].session
    response = client.get(
        "/nyckeltal/",
        {
            "municipality": ["1480", "gr"],
            "unit": "percent",
            "year_from": "2020",
            "q": "göte",
            "ordering": "-value",
            "session": session.pk,
        },
    )
    soup = BeautifulSoup(response.text, "html.parser")
    chips = soup.select(".chips li")
    assert [chip.input["value"] for chip in chips] == ["1480", "gr"]
    assert [chip.get_text(" ", strip=True) for chip in chips] == [
        "Göteborg (1480) ×",
        "GR:s 13 kommuner ×",
    ]
    assert soup.select_one("#id_municipality").get("value") is None
    assert [box["value"] for box in soup.select("#id_unit input[checked]")] == [
        "percent"
    ]
    assert soup.select_one("#id_year_from")["value"] == "2020"
    assert soup.select_one("#id_q")["value"] == "göte"
    assert soup.select_one("#id_label").get("value") is None
    assert [o["value"] for o in soup.select("#id_ordering option[selected]")] == [
        "-value"
    ]
    hidden = soup.select('form input[type="hidden"][name="session"]')
    assert [field["value"] for field in hidden] == [str(session.pk)]


def test_explorer_form_offers_areas_events_and_fixed_choices(client, figures):
    soup = BeautifulSoup(client.get("/nyckeltal/").text, "html.parser")
    areas = {
        o["value"]: o["label"] for o in soup.select("#id_municipality_options option")
    }
    events = {o["value"]: o.get_text() for o in soup.select("#id_event option")}
    units = [box.parent.get_text(strip=True) for box in soup.select("#id_unit input")]
    scopes = [box.parent.get_text(strip=True) for box in soup.select("#id_scope input")]
    # Only areas, events and units with figures, with their counts; members first.
    assert areas == {
        "Göteborg (1480)": "1 nyckeltal",
        "Kungsbacka (1384)": "1 nyckeltal",
        "Kungälv (1482)": "1 nyckeltal",
        "Riket": "1 nyckeltal",
        "Stockholm (0180)": "1 nyckeltal",
    }
    assert list(areas)[:3] == ["Göteborg (1480)", "Kungsbacka (1384)", "Kungälv (1482)"]
    assert events == {"var": "Vårens mötesplats (2)", "host": "Höstens mötesplats (4)"}
    assert units == ["personer (3)", "procent (1)", "kronor (1)", "dagar (1)"]
    assert scopes == ["Kommun", "Göteborgsregionen", "Riket"]
    assert [box["id"] for box in soup.select("#id_scope input")] == [
        "id_scope_0",
        "id_scope_1",
        "id_scope_2",
    ]


def test_explorer_form_marks_each_invalid_field(client, figures):
    response = client.get("/nyckeltal/", {"year_to": "x", "unit": "liter"})
    soup = BeautifulSoup(response.text, "html.parser")
    year_to = soup.select_one("#id_year_to")
    unit = soup.select_one("#id_unit").find_parent("fieldset")
    assert year_to["value"] == "x"
    assert year_to["aria-invalid"] == "true"
    assert year_to["aria-describedby"] == "id_year_to_helptext id_year_to_error"
    assert soup.select_one("#id_year_to_error").get_text() == "Fyll i ett heltal."
    assert unit["aria-describedby"] == "id_unit_error"
    assert "liter" in soup.select_one("#id_unit_error").get_text()
    assert soup.select_one("#id_year_from").get("aria-invalid") is None


def test_explorer_form_has_a_control_for_every_filter(client, figures):
    soup = BeautifulSoup(client.get("/nyckeltal/").text, "html.parser")
    names = []
    for control in soup.select("form.filter-form [name]"):
        if control["name"] not in names:
            names.append(control["name"])
    visible = [name for name in KeyFigureFilterSet.base_filters if name != "session"]
    first = ["measure", "municipality", "year_from", "year_to", "unit", "q"]
    assert names == first + [name for name in visible if name not in first]
    more = soup.select_one("details.more-filters")
    assert [control["name"] for control in more.select("[name]")][:1] == ["scope"]
    assert more.get("open") is None


def test_explorer_escapes_what_the_visitor_typed(client, figures):
    response = client.get("/nyckeltal/", {"q": '"><script>x</script>'})
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one("#id_q")["value"] == '"><script>x</script>'
    assert "<script>x" not in response.text


@pytest.mark.parametrize("count", [1, 30])
def test_explorer_with_charts_query_count_does_not_grow(
    client, django_assert_num_queries, count
):
    for year in range(2000, 2000 + count):
        KeyFigureFactory(label="Andel", municipality=area("1480"), year=year)
    # Municipalities, events and measures to choose from, the form's counts, count,
    # rows and the charts' figures.
    with django_assert_num_queries(7):
        response = client.get("/nyckeltal/", {"label": "Andel"})
    assert len(rows(response)) == count


def test_detail_tells_readers_what_a_flag_means_without_its_code(client):
    figure = KeyFigureFactory(
        municipality=area("1480"),
        flags=[
            "future_period: Perioden 2025 hade inte slutat vid evenemanget",
            "stray_character: Tecken som verkar felplacerat efter en mening: ”x”",
        ],
    )
    text = client.get(figure.get_absolute_url()).content.decode()
    assert "Perioden hade inte tagit slut när siffran nämndes." in text
    assert "future_period" not in text
    assert "stray_character" not in text
    assert "felplacerat" not in text


def test_explorer_chip_links_remove_one_area_and_shortcuts_add_gr_or_riket(
    client, figures
):
    response = client.get(
        "/nyckeltal/", {"municipality": ["Kungsbacka", "1480"], "unit": "percent"}
    )
    soup = BeautifulSoup(response.text, "html.parser")
    removals = [chip.a["href"] for chip in soup.select(".chips li")]
    shortcuts = {a.get_text(): a["href"] for a in soup.select(".shortcuts a")}
    assert removals == [
        "?municipality=1480&unit=percent",
        "?municipality=Kungsbacka&unit=percent",
    ]
    assert shortcuts == {
        "GR:s 13 kommuner": "?municipality=Kungsbacka&municipality=1480"
        "&unit=percent&municipality=gr",
        "Riket": "?municipality=Kungsbacka&municipality=1480&unit=percent"
        "&municipality=0000",
    }


def test_explorer_keeps_chosen_areas_when_one_more_is_typed(client, figures):
    response = client.get(
        "/nyckeltal/", {"municipality": ["1384", "Göteborg (1480)"], "page": "1"}
    )
    assert sorted(row[0] for row in rows(response)) == ["goteborg", "kungsbacka"]


def test_explorer_opens_more_filters_when_one_of_them_is_given(client, figures):
    response = client.get("/nyckeltal/", {"review_status": "reviewed"})
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one("details.more-filters").get("open") == ""


def test_explorer_draws_one_measure_chosen_from_the_list_across_wordings(client):
    measure = MeasureFactory(name="Andel sjukskrivna", unit=KeyFigure.Unit.PERCENT)
    for label, year, value in [
        ("Andel sjukskrivna", 2021, 12),
        ("Sjukskrivna", 2023, 14),
    ]:
        KeyFigureFactory(
            measure=measure,
            label=label,
            unit=KeyFigure.Unit.PERCENT,
            municipality=area("0000"),
            scope=KeyFigure.Scope.COUNTRY,
            year=year,
            value=value,
        )
    KeyFigureFactory(label="Något annat", municipality=area("0000"), scope="country")

    page = BeautifulSoup(client.get("/nyckeltal/").text, "html.parser")
    response = client.get("/nyckeltal/", {"measure": measure.slug})

    options = [o.get_text() for o in page.select("select[name=measure] option")]
    assert options == ["Andel sjukskrivna (procent)"]
    soup = BeautifulSoup(response.text, "html.parser")
    assert [svg.title.get_text() for svg in soup.find_all("svg")] == [
        "Andel sjukskrivna över tid"
    ]
    assert len(rows(response)) == 2


@pytest.mark.parametrize("count", [1, 30])
def test_explorer_with_a_measure_query_count_does_not_grow(
    client, django_assert_num_queries, count
):
    measure = MeasureFactory()
    for year in range(2000, 2000 + count):
        KeyFigureFactory(measure=measure, municipality=area("1480"), year=year)
    # Count, rows, charts, and the choices: municipalities, events, the form's counts
    # and measures twice (the filter, the form). With the query cache on, once
    # (test_counts.py).
    with django_assert_num_queries(8):
        response = client.get("/nyckeltal/", {"measure": measure.slug})
    assert len(rows(response)) == count


def test_explorer_names_an_unknown_measure(client):
    response = client.get("/nyckeltal/", {"measure": "finns-inte"})

    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one(".error-summary li").get_text() == (
        "Mått: Okänt mått: finns-inte."
    )


def test_detail_compares_with_every_wording_of_its_measure(client):
    measure = MeasureFactory(name="Personer i arbete")
    KeyFigureFactory(
        measure=measure,
        label="Personer i arbete",
        municipality=area("1384"),
        year=2018,
        period="2018",
    )
    later = KeyFigureFactory(
        measure=measure,
        label="Kom ut i arbete",
        municipality=area("1384"),
        year=2023,
        period="2023",
    )
    KeyFigureFactory(label="Personer i arbete", municipality=area("1384"), year=2020)

    response = client.get(later.get_absolute_url())

    soup = BeautifulSoup(response.text, "html.parser")
    line = soup.find("table", class_="chart-data")
    assert [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in line.tbody.find_all("tr")
    ] == [
        ["Kungsbacka", "2018", "1\u00a0234\u00a0personer"],
        ["Kungsbacka", "2023", "1\u00a0234\u00a0personer"],
    ]
