"""The Jinja2 environment's filters give what Django's own methods give."""

from conference.templating import display
from sessions_app.models import Session, SessionSpeaker


def test_display_filter_gives_what_get_foo_display_gives():
    session = Session(kind=Session.Kind.PANEL)
    assert display(session, "kind") == session.get_kind_display() == "Panelsamtal"
    moderator = SessionSpeaker(role=SessionSpeaker.Role.MODERATOR)
    assert display(moderator, "role") == "Moderator"
    # A value outside the choices shows as itself, as Django's method does.
    assert display(Session(kind="okänd"), "kind") == "okänd"
