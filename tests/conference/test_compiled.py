"""Compiled queries, fast links and cached labels give what Django itself gives."""

import pytest
from django.urls import NoReverseMatch, reverse

from conference.compiled import CompiledQuery, columns, instance
from conference.links import link_around
from conference.lookups import IdList
from conference.models import Event
from sessions_app.models import ContentBlock, Session
from tests.factories.conference import EventFactory
from tests.factories.sessions import ContentBlockFactory, SessionFactory

pytestmark = pytest.mark.django_db


def blocks_of(session_id):
    return (
        ContentBlock.objects.filter(session_id=session_id)
        .order_by("order")
        .values_list(*columns(ContentBlock), *columns(Session, "session__"))
    )


def test_a_compiled_query_runs_again_with_new_parameters():
    first, second = SessionFactory(), SessionFactory()
    ContentBlockFactory(session=first, order=1, kind="bullet_list", items=["a", "b"])
    ContentBlockFactory(session=second, order=1, text="Andra")
    ContentBlockFactory(session=second, order=2, text="Tredje")
    query = CompiledQuery(blocks_of, session_id=int)

    rows = query(session_id=first.pk)
    again = query(session_id=second.pk)

    assert [row["items"] for row in rows] == [["a", "b"]]  # JSON decoded on SQLite too
    assert [row["text"] for row in again] == ["Andra", "Tredje"]
    assert again == [
        dict(zip(blocks_of(0)._fields, row, strict=True))
        for row in blocks_of(second.pk)
    ]


def test_instance_builds_the_model_and_its_relation_from_a_row():
    session = SessionFactory(title="Om skolan")
    ContentBlockFactory(session=session, text="Text")
    row = CompiledQuery(blocks_of, session_id=int)(session_id=session.pk)[0]

    block = instance(ContentBlock, row)
    related = instance(Session, row, "session__")

    assert (block.text, block.session_id) == ("Text", session.pk)
    assert (related.pk, related.title) == (session.pk, "Om skolan")


def test_a_parameter_missing_from_the_sql_is_an_error():
    query = CompiledQuery(lambda slug: Session.objects.values_list("pk"), slug=str)
    with pytest.raises(ValueError, match="slug"):
        query(slug="x")


def test_absolute_urls_are_reversed_and_refuse_an_empty_slug():
    event = EventFactory(slug="dag-1")
    session = SessionFactory(event=event, slug="om_skolan-2")

    assert session.get_absolute_url() == "/evenemang/dag-1/om_skolan-2/"
    with pytest.raises(NoReverseMatch):
        Event(slug="").get_absolute_url()  # was "/evenemang//" with a hand-made URL


def test_repeated_queries_are_prepared_on_postgresql_only():
    from django.db import connection

    session = SessionFactory()
    query = CompiledQuery(blocks_of, session_id=int)
    for _ in range(6):  # DB_PREPARE_THRESHOLD is 5
        query(session_id=session.pk)
    options = connection.settings_dict.get("OPTIONS", {})
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                ['%FROM "sessions_app_contentblock"%'],
            )
            assert cursor.fetchone()[0] == 1
    else:
        assert "prepare_threshold" not in options


def test_postgresql_connections_plan_with_a_low_random_page_cost():
    from django.db import connection

    options = connection.settings_dict.get("OPTIONS", {})
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            assert float(cursor.fetchone()[0]) == 1.1
    else:
        assert "options" not in options


def test_link_around_puts_the_argument_where_reverse_does():
    prefix, suffix = link_around("analysis:key_figure_detail", "pk")
    assert prefix + "42" + suffix == reverse(
        "analysis:key_figure_detail", kwargs={"pk": 42}
    )


def sessions_among(session_ids):
    return (
        Session.objects.filter(id__any_of=session_ids).order_by("pk").values_list("pk")
    )


def test_any_of_matches_a_list_of_any_length_with_one_sql_text():
    first, second, third = SessionFactory(), SessionFactory(), SessionFactory()
    query = CompiledQuery(sessions_among, session_ids=IdList)

    assert query(session_ids=[third.pk, first.pk]) == [
        {"pk": first.pk},
        {"pk": third.pk},
    ]
    assert query(session_ids=[second.pk]) == [{"pk": second.pk}]
    assert query(session_ids=[]) == []
    # Django's own queryset agrees, and its SQL does not grow with the list.
    assert list(sessions_among([first.pk, second.pk])) == [(first.pk,), (second.pk,)]
    short, _ = sessions_among([1]).query.sql_with_params()
    long, _ = sessions_among(list(range(50))).query.sql_with_params()
    assert short == long


def test_display_filter_gives_what_get_foo_display_gives():
    from conference.templating import display
    from sessions_app.models import SessionSpeaker

    session = Session(kind=Session.Kind.PANEL)
    assert display(session, "kind") == session.get_kind_display() == "Panelsamtal"
    moderator = SessionSpeaker(role=SessionSpeaker.Role.MODERATOR)
    assert display(moderator, "role") == "Moderator"
    # A value outside the choices shows as itself, as Django's method does.
    assert display(Session(kind="okänd"), "kind") == "okänd"


def test_instance_is_a_loaded_instance_with_the_missing_fields_deferred(
    django_assert_num_queries,
):
    from django.db.models.signals import post_init

    from conference.compiled import _plain

    session = SessionFactory(title="Om skolan")
    row = {"id": session.pk, "title": "Om skolan", "event_id": session.event_id}

    built = instance(Session, row, event=session.event)
    assert (built._state.adding, built._state.db) == (False, "default")
    with django_assert_num_queries(0):
        assert built.event is session.event  # cached, as select_related() does
    assert built == session and built.get_deferred_fields() >= {"slug", "summary"}
    assert built.slug == session.slug  # a deferred field is loaded on access

    # A model with an init signal listener gets Django's own from_db(), listener and all.
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(listener, sender=Session)
    _plain.cache_clear()
    try:
        slow = instance(Session, row, event=session.event)
        assert (slow.title, slow.event) == ("Om skolan", session.event)
        assert len(seen) == 1
    finally:
        post_init.disconnect(listener, sender=Session)
        _plain.cache_clear()
