"""Sharing and finding: sitemap.xml, robots.txt and the iCalendar file."""

import pytest

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_pages(client, small_conference):
    text = client.get("/sitemap.xml").text
    assert "http://testserver" + small_conference.sessions[0].get_absolute_url() in text
    assert "http://testserver/kommuner/goteborg/" in text
    assert "http://testserver/tillganglighet/" in text


def test_robots_txt_points_to_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.text.splitlines()


def test_event_calendar_file(client, small_conference):
    response = client.get(small_conference.event.get_absolute_url() + "kalender.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    lines = response.content.decode().split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "DTSTART;VALUE=DATE:20240514" in lines
    assert "DTEND;VALUE=DATE:20240515" in lines
    assert "SUMMARY:Mötesplats Arbete" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
