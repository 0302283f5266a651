"""A small, varied set of published key figures for the analyst pages."""

from decimal import Decimal

import pytest

from conference.models import KeyFigure, Municipality, ReviewStatus
from tests.factories.conference import EventFactory, KeyFigureFactory
from tests.factories.sessions import SessionFactory


def area(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


@pytest.fixture
def figures(db):
    """Six figures across areas, years, units, qualifiers and review states (by label)."""
    spring = EventFactory(title="Vårens mötesplats", slug="var")
    autumn = EventFactory(title="Höstens mötesplats", slug="host")
    session = SessionFactory(event=spring, title="Unga i arbete")
    rows = {
        "kungsbacka": dict(
            event=spring, session=session, municipality=area("1384"), year=2021
        ),
        "goteborg": dict(
            event=spring,
            session=session,
            municipality=area("1480"),
            year=2022,
            unit=KeyFigure.Unit.PERCENT,
            value=Decimal("62"),
            qualifier=KeyFigure.Qualifier.JUST_UNDER,
        ),
        "stockholm": dict(
            event=autumn,
            municipality=area("0180"),
            year=2019,
            unit=KeyFigure.Unit.DAYS,
            value=Decimal("1.4"),
            review_status=ReviewStatus.NEEDS_REVIEW,
        ),
        "riket": dict(
            event=autumn,
            municipality=area("0000"),
            scope=KeyFigure.Scope.COUNTRY,
            year=2023,
            value=Decimal("197760"),
        ),
        "regionen": dict(
            event=autumn,
            municipality=None,
            scope=KeyFigure.Scope.REGION,
            year=2020,
            unit=KeyFigure.Unit.SEK,
            value=Decimal("38700000"),
            qualifier=KeyFigure.Qualifier.JUST_UNDER,
            review_status=ReviewStatus.REVIEWED,
        ),
        "kungalv": dict(
            event=autumn,
            municipality=area("1482"),
            year=2024,
            review_status=ReviewStatus.REVIEWED,
        ),
    }
    made = {}
    for label, fields in rows.items():
        fields.setdefault("session", SessionFactory(event=fields["event"]))
        fields.setdefault("period", str(fields["year"]))
        made[label] = KeyFigureFactory(label=label, **fields)
    return made


@pytest.fixture
def hidden_figures(db):
    """Figures the public must never see: draft event, draft session."""
    draft_event = EventFactory(is_published=False)
    KeyFigureFactory(label="utkast-evenemang", event=draft_event)
    published = EventFactory()
    KeyFigureFactory(
        label="utkast-programpunkt",
        event=published,
        session=SessionFactory(event=published, is_published=False),
    )
