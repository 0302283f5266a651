import pytest

from tests.factories.conference import EventFactory

pytestmark = pytest.mark.django_db


def test_home_lists_published_events_only(client):
    EventFactory(title="Synlig dag", is_published=True)
    EventFactory(title="Utkast", is_published=False)
    response = client.get("/")
    assert response.status_code == 200
    assert "Synlig dag" in response.text
    assert "Utkast" not in response.text
