"""/sitemap.xml becomes a sitemap index when a section needs more than one file."""

import re
from urllib.parse import urlsplit

import pytest

from tests.factories.sessions import SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db


def locations(response) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def small_files(monkeypatch):
    monkeypatch.setattr("conference.sitemaps.PublicSitemap.limit", 2)


def test_small_site_sitemap_is_a_plain_sitemap(client, conference):
    text = client.get("/sitemap.xml").content.decode()
    assert "<urlset" in text
    assert "<sitemapindex" not in text


def test_large_site_sitemap_is_an_index_of_files_naming_every_page(
    client, conference, monkeypatch
):
    one_sitemap = locations(client.get("/sitemap.xml"))
    monkeypatch.setattr("conference.sitemaps.PublicSitemap.limit", 2)

    index = client.get("/sitemap.xml")
    files = [local(url) for url in locations(index)]

    assert "<sitemapindex" in index.content.decode()
    assert "/sitemap-personer.xml?p=2" in files
    in_files = [url for file in files for url in locations(client.get(file))]
    assert sorted(in_files) == sorted(one_sitemap)


def test_sitemap_file_beyond_the_last_page_is_not_found(client, small_files):
    assert client.get("/sitemap-personer.xml?p=999").status_code == 404
    assert client.get("/sitemap-okand.xml").status_code == 404
    assert client.get("/sitemap-personer.xml?p=x").status_code == 404


@pytest.mark.parametrize("size", [3, 30])
def test_sitemap_index_query_count(
    client, small_files, size, django_assert_num_queries
):
    session = SessionFactory()
    for order in range(size):
        SessionSpeakerFactory(session=session, order=order)
    # Four sections read one file's worth each; the two that do not fit (people and
    # municipalities, GR's 13 members) are counted for their number of files.
    with django_assert_num_queries(6):
        assert "<sitemapindex" in client.get("/sitemap.xml").content.decode()
    # One file: its section counted, and the page read.
    with django_assert_num_queries(2):
        assert client.get("/sitemap-personer.xml?p=2").status_code == 200
