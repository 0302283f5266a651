"""Links built by the models and by the export give what reverse() gives."""

import pytest
from django.urls import NoReverseMatch, reverse

from conference.links import link_around
from conference.models import Event
from tests.factories.conference import EventFactory
from tests.factories.sessions import SessionFactory


@pytest.mark.django_db
def test_absolute_urls_are_reversed_and_refuse_an_empty_slug():
    event = EventFactory(slug="dag-1")
    session = SessionFactory(event=event, slug="om_skolan-2")

    assert session.get_absolute_url() == "/evenemang/dag-1/om_skolan-2/"
    with pytest.raises(NoReverseMatch):
        Event(slug="").get_absolute_url()  # was "/evenemang//" with a hand-made URL


def test_link_around_puts_the_argument_where_reverse_does():
    prefix, suffix = link_around("analysis:key_figure_detail", "pk")
    assert prefix + "42" + suffix == reverse(
        "analysis:key_figure_detail", kwargs={"pk": 42}
    )
