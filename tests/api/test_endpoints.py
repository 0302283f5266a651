import pytest
from django.urls import reverse

from conference.models import Municipality
from sessions_app.models import SessionSpeaker
from tests.factories.conference import EventFactory, KeyFigureFactory, MeasureFactory
from tests.factories.sessions import SessionFactory, SessionSpeakerFactory
from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db


def area(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


@pytest.mark.parametrize("name", ["Kungsbacka", "Kungsbacka kommun", "kungsbacka"])
def test_key_figures_by_municipality_name(client, name):
    KeyFigureFactory(label="kungsbacka", municipality=area("1384"))
    KeyFigureFactory(label="goteborg", municipality=area("1480"))
    response = client.get("/api/v1/key-figures/", {"municipality": name})
    assert [row["label"] for row in response.json()["results"]] == ["kungsbacka"]


def test_key_figures_by_repeated_municipality_code(client):
    KeyFigureFactory(label="kungsbacka", municipality=area("1384"))
    KeyFigureFactory(label="goteborg", municipality=area("1480"))
    KeyFigureFactory(label="stockholm", municipality=area("0180"))
    response = client.get("/api/v1/key-figures/?municipality=1384&municipality=1480")
    assert response.status_code == 200
    assert {row["label"] for row in response.json()["results"]} == {
        "kungsbacka",
        "goteborg",
    }


def test_key_figure_has_the_export_conference_field_names(client):
    KeyFigureFactory(municipality=area("0000"), scope="country", period="2022")
    row = client.get("/api/v1/key-figures/").json()["results"][0]
    assert {
        "label",
        "value",
        "unit",
        "period",
        "municipality",
        "qualifier",
        "session",
        "source_text",
        "flags",
    } <= set(row)
    assert (row["municipality"], row["period"]) == ("0000", "2022")


def test_key_figures_invalid_parameter_is_400_naming_it(client):
    response = client.get("/api/v1/key-figures/?municipality=9x9x&unit=liter")
    assert response.status_code == 400
    assert set(response.json()) == {"municipality", "unit"}
    assert "9x9x" in response.json()["municipality"][0]


def test_key_figures_nul_byte_is_400(client):
    response = client.get("/api/v1/key-figures/?q=a%00b")
    assert response.status_code == 400
    assert set(response.json()) == {"q"}


def test_key_figures_hide_drafts(client):
    KeyFigureFactory(event=EventFactory(is_published=False))
    published = EventFactory()
    KeyFigureFactory(
        event=published, session=SessionFactory(event=published, is_published=False)
    )
    assert client.get("/api/v1/key-figures/").json()["count"] == 0


def test_key_figures_page_size_is_capped_at_500(client):
    KeyFigureFactory.create_batch(3, municipality=area("1480"))
    response = client.get("/api/v1/key-figures/?page_size=2")
    capped = client.get("/api/v1/key-figures/?page_size=100000")
    assert (len(response.json()["results"]), response.json()["count"]) == (2, 3)
    assert len(capped.json()["results"]) == 3


def test_key_figure_detail_of_draft_is_not_found(client):
    figure = KeyFigureFactory(event=EventFactory(is_published=False))
    assert client.get(f"/api/v1/key-figures/{figure.pk}/").status_code == 404


def test_sessions_filtered_by_municipality(client):
    concerning = SessionFactory(title="Om Kungsbacka")
    concerning.municipalities.add(area("1384"), area("1480"))
    SessionFactory(title="Om annat").municipalities.add(area("0180"))
    SessionFactory(title="Utkast", is_published=False).municipalities.add(area("1384"))
    rows = client.get("/api/v1/sessions/?municipality=1384").json()["results"]
    assert [(row["title"], sorted(row["municipalities"])) for row in rows] == [
        ("Om Kungsbacka", ["1384", "1480"])
    ]


def test_people_filtered_by_municipality_without_contact_details(client):
    local = PersonFactory(
        name="Lokal Person",
        municipality=area("1384"),
        phone="0300-12 34 56",
        email="lokal@example.se",
    )
    SessionSpeakerFactory(person=local)
    SessionSpeakerFactory(person=PersonFactory(municipality=area("1480")))
    SessionSpeakerFactory(
        person=PersonFactory(name="Bara i utkast", municipality=area("1384")),
        session=SessionFactory(is_published=False),
    )
    rows = client.get("/api/v1/people/?municipality=kungsbacka").json()["results"]
    assert [row["name"] for row in rows] == ["Lokal Person"]
    assert "phone" not in rows[0] and "email" not in rows[0]
    assert SessionSpeaker.objects.count() == 3


def test_people_list_does_not_repeat_a_person_with_several_roles(client):
    person = PersonFactory(municipality=area("1384"))
    SessionSpeakerFactory.create_batch(3, person=person)
    assert client.get("/api/v1/people/").json()["count"] == 1


def test_events_list_only_published(client):
    EventFactory(title="Publicerad")
    EventFactory(title="Utkast", is_published=False)
    rows = client.get("/api/v1/events/").json()["results"]
    assert [row["title"] for row in rows] == ["Publicerad"]


def test_municipalities_include_riket_and_filter_gr_members(client):
    riket = client.get("/api/v1/municipalities/0000/").json()
    members = client.get("/api/v1/municipalities/?gr_member=true").json()
    assert riket["name"] == "Riket"
    assert members["count"] == 13
    assert "1384" in {row["code"] for row in members["results"]}


@pytest.mark.parametrize("count", [1, 20])
def test_key_figure_list_query_count_does_not_grow(
    client, django_assert_num_queries, count
):
    KeyFigureFactory.create_batch(count, municipality=area("1480"))
    with django_assert_num_queries(2):
        response = client.get("/api/v1/key-figures/")
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [1, 20])
def test_session_list_query_count_does_not_grow(
    client, django_assert_num_queries, count
):
    for session in SessionFactory.create_batch(count):
        session.municipalities.add(area("1480"))
    with django_assert_num_queries(3):
        response = client.get("/api/v1/sessions/")
    assert response.json()["count"] == count


def test_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/schema/?format=json")
    docs = client.get("/api/v1/docs/")
    assert schema.status_code == 200
    assert "/api/v1/key-figures/" in schema.json()["paths"]
    assert docs.status_code == 200
    assert "/api/v1/key-figures/" in docs.text


def test_key_figure_list_rows_equal_their_detail(client):
    local = KeyFigureFactory(
        label="a lokal", value="1.5", unit="percent", municipality=area("1480")
    )
    region = KeyFigureFactory(
        label="b region", municipality=None, scope="region", session=None
    )
    rows = client.get("/api/v1/key-figures/").json()["results"]
    details = [
        client.get(f"/api/v1/key-figures/{figure.pk}/").json()
        for figure in (local, region)
    ]
    assert rows == details
    assert (rows[0]["value"], rows[0]["municipality"], rows[0]["area"]) == (
        1.5,
        "1480",
        "Göteborg",
    )
    assert (rows[1]["value"], rows[1]["municipality"], rows[1]["session"]) == (
        1234,
        None,
        None,
    )
    page = reverse("analysis:key_figure_detail", kwargs={"pk": region.pk})
    assert rows[1]["url"] == f"http://testserver{page}"


@pytest.mark.parametrize(
    "path", ["/api/v1/key-figures/", "/api/v1/events/", "/api/v1/sessions/"]
)
@pytest.mark.parametrize("parameter", ["municipality", "event"])
def test_an_empty_parameter_filters_nothing_as_in_the_explorer(client, path, parameter):
    KeyFigureFactory(municipality=Municipality.objects.get(code="1480"))
    response = client.get(f"{path}?{parameter}=")
    assert response.status_code == 200
    assert response.json()["count"] == client.get(path).json()["count"]


def test_the_schema_says_what_the_paging_parameters_accept(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/key-figures/"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert parameters["page_size"]["schema"]["minimum"] == 1
    assert parameters["page"]["schema"]["minimum"] == 1
    assert set(operation["responses"]) == {"200", "400", "404", "414"}
    assert client.get("/api/v1/key-figures/?page_size=0").status_code == 400


def test_key_figures_by_measure_carry_its_slug_and_name(client):
    measure = MeasureFactory(name="Personer i arbete", slug="personer-i-arbete")
    KeyFigureFactory(label="Personer i arbete", measure=measure, year=2018)
    KeyFigureFactory(label="Som kom ut i arbete", measure=measure, year=2024)
    KeyFigureFactory(label="Något annat")

    response = client.get("/api/v1/key-figures/", {"measure": "personer-i-arbete"})

    assert [
        (row["label"], row["measure"], row["measure_name"])
        for row in response.json()["results"]
    ] == [
        ("Personer i arbete", "personer-i-arbete", "Personer i arbete"),
        ("Som kom ut i arbete", "personer-i-arbete", "Personer i arbete"),
    ]


def test_key_figures_unknown_measure_is_400_naming_it(client):
    response = client.get("/api/v1/key-figures/", {"measure": "finns-inte"})

    assert response.status_code == 400
    assert response.json() == {"measure": ["Okänt mått: finns-inte."]}


def test_measures_lists_the_public_ones_with_a_link_to_their_figures(client):
    shown = MeasureFactory(name="Personer i arbete", slug="personer-i-arbete")
    KeyFigureFactory(measure=shown)
    draft = MeasureFactory(name="Utkast", slug="utkast")
    KeyFigureFactory(measure=draft, event=EventFactory(is_published=False))

    response = client.get("/api/v1/measures/")

    assert response.json()["results"] == [
        {
            "slug": "personer-i-arbete",
            "name": "Personer i arbete",
            "unit": "persons",
            "definition": "",
            "source": "",
            "key_figures": "http://testserver/api/v1/key-figures/?measure=personer-i-arbete",
        }
    ]
    assert client.get("/api/v1/measures/utkast/").status_code == 404


@pytest.mark.parametrize("count", [1, 20])
def test_measure_list_query_count_does_not_grow(
    client, django_assert_num_queries, count
):
    for _ in range(count):
        KeyFigureFactory(measure=MeasureFactory())
    with django_assert_num_queries(2):
        response = client.get("/api/v1/measures/")
    assert response.json()["count"] == count
