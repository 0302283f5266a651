"""A repeat visit costs a 304: ETag and Last-Modified on the public pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_repeat_visit_with_etag_gets_304(client, small_conference):
    url = small_conference.sessions[0].get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    second = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 304
    assert second.content == b""


def test_repeat_visit_with_if_modified_since_gets_304(client, small_conference):
    url = small_conference.event.get_absolute_url()
    first = client.get(url)
    again = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert again.status_code == 304


def test_changed_session_is_sent_again(client, small_conference):
    session = small_conference.sessions[0]
    first = client.get(session.get_absolute_url())
    session.title = "Ny rubrik"
    session.save()
    again = client.get(
        session.get_absolute_url(), headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 200
    assert "Ny rubrik" in again.text


@pytest.mark.parametrize(
    "url", ["/", "/personer/", "/kommuner/", "/kommuner/goteborg/", "/programpunkter/"]
)
def test_list_pages_answer_304_to_their_etag(client, small_conference, url):
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_public_pages_refuse_post(client, small_conference):
    assert client.post("/").status_code == 405
