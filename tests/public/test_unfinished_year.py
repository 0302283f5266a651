"""A figure for a year that had not ended at its event is marked wherever it is shown."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from conference.models import year_unfinished
from tests.factories.conference import EventFactory, KeyFigureFactory
from tests.factories.sessions import SessionFactory

pytestmark = pytest.mark.django_db

MARK = "(året hade inte slutat)"


def marked_labels(response, row_selector):
    """Return {figure label: marked?} for the rows of a page that show figures."""
    page = BeautifulSoup(response.content, "html.parser")
    return {
        row.find("a").text.strip(): row.select_one(".figure-unfinished") is not None
        for row in page.select(row_selector)
    }


@pytest.fixture
def figures(db):
    """Two figures told on 14 May 2024: one for 2024 (running), one for 2023 (over)."""
    event = EventFactory(date=datetime.date(2024, 5, 14))
    running = KeyFigureFactory(
        event=event,
        session=SessionFactory(event=event, order=1),
        label="Deltagare hittills i år",
        period="2024",
        year=2024,
    )
    ended = KeyFigureFactory(
        event=event,
        session=SessionFactory(event=event, order=2),
        label="Deltagare förra året",
        period="2023",
        year=2023,
        municipality=running.municipality,
    )
    return running, ended


EXPECTED = {"Deltagare hittills i år": True, "Deltagare förra året": False}


def test_year_unfinished_only_for_the_events_year_or_later():
    day = datetime.date(2024, 12, 31)
    assert year_unfinished(2024, day) is True
    assert year_unfinished(2025, day) is True
    assert year_unfinished(2023, day) is False
    assert year_unfinished(None, day) is False
    assert year_unfinished(2024, None) is False


def test_event_page_marks_highlight_of_running_year(client, figures):
    response = client.get(figures[0].event.get_absolute_url())
    assert marked_labels(response, ".figure-card") == EXPECTED


def test_session_page_marks_figure_of_running_year(client, figures):
    for figure in figures:
        response = client.get(figure.session.get_absolute_url())
        assert marked_labels(response, ".figure-list li") == {
            figure.label: EXPECTED[figure.label]
        }


def test_municipality_page_marks_figure_of_running_year(client, figures):
    response = client.get(figures[0].municipality.get_absolute_url())
    assert marked_labels(response, ".figure-table tbody tr") == EXPECTED


def test_explorer_marks_figure_of_running_year(client, figures):
    response = client.get("/nyckeltal/")
    assert marked_labels(response, "tbody tr") == EXPECTED


def test_figure_page_marks_running_year(client, figures):
    running, ended = figures
    assert MARK in client.get(running.get_absolute_url()).content.decode()
    assert MARK not in client.get(ended.get_absolute_url()).content.decode()


def test_comparison_chart_data_marks_figure_of_running_year(client, figures):
    running, ended = figures
    # Same measure, so the figure page draws a chart over both years.
    ended.label = running.label
    ended.save()
    page = BeautifulSoup(client.get(running.get_absolute_url()).content, "html.parser")
    rows = {
        row.find("td").text.split()[0]: row.select_one(".figure-unfinished") is not None
        for row in page.select(".chart-data tbody tr")
    }
    assert rows == {"2024": True, "2023": False}


def export_body(response) -> bytes:
    return (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )


def test_api_marks_figure_of_running_year(client, figures):
    results = client.get("/api/v1/key-figures/").json()["results"]
    assert {row["label"]: row["year_unfinished"] for row in results} == EXPECTED


def test_json_export_marks_figure_of_running_year(client, figures):
    records = json.loads(export_body(client.get("/nyckeltal/export/json/")))
    assert {row["label"]: row["year_unfinished"] for row in records} == EXPECTED


@pytest.mark.parametrize(
    ("export", "delimiter", "label_heading", "heading", "yes", "no"),
    [
        ("csv", ",", "label", "year_unfinished", "true", "false"),
        ("excel-csv", ";", "Vad som mäts", "Året hade inte slutat", "Ja", "Nej"),
    ],
)
def test_csv_exports_mark_figure_of_running_year(
    client, figures, export, delimiter, label_heading, heading, yes, no
):
    text = export_body(client.get(f"/nyckeltal/export/{export}/")).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    marks = {row[label_heading]: row[heading] for row in rows}
    assert marks == {"Deltagare hittills i år": yes, "Deltagare förra året": no}


def test_xlsx_export_marks_figure_of_running_year(client, figures):
    workbook = load_workbook(
        io.BytesIO(export_body(client.get("/nyckeltal/export/xlsx/")))
    )
    heading, *rows = workbook.active.iter_rows(values_only=True)
    label, mark = heading.index("Vad som mäts"), heading.index("Året hade inte slutat")
    marks = {row[label]: row[mark] for row in rows}
    assert marks == {"Deltagare hittills i år": "Ja", "Deltagare förra året": "Nej"}
