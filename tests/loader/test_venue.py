"""The venue from a place field ("Plats: …"), and how the import writes it."""

import pytest

from conference.loader.importer import import_event
from conference.loader.records import Block, ParsedEvent
from conference.loader.venue import Venue, find_venue, split_venue
from conference.models import Event


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Konferenshuset, Storgatan 12, Exempelby",
            Venue("Konferenshuset", "Storgatan 12", "Exempelby"),
        ),
        (
            "Hotell Kajen, Hamngatan 4B, 411 05 Exempelstad",
            Venue("Hotell Kajen", "Hamngatan 4B", "Exempelstad"),
        ),
        # Room, building or town cannot be told apart: the whole line is the name.
        ("Stora salen, Rådhuset", Venue("Stora salen, Rådhuset")),
        ("Folkets hus.", Venue("Folkets hus")),
        # A first part with a number is the venue's name, not an address.
        ("Sal 3, Kunskapens hus", Venue("Sal 3, Kunskapens hus")),
        ("Folkets hus, Sal 3", Venue("Folkets hus, Sal 3")),
        (
            "Hotellet, Södra vägen 12 A, Exempelby",
            Venue("Hotellet", "Södra vägen 12 A", "Exempelby"),
        ),
    ],
)
def test_split_venue(value, expected):
    assert split_venue(value) == expected


def test_find_venue_reads_the_first_place_field_of_a_block_or_list():
    blocks = [
        Block("paragraph", "Välkommen till en dag om arbete."),
        Block("paragraph", "Tid: 9–16\nLokal: Stadshuset, Torget 1, Exempelby"),
        Block("paragraph", "Plats: Någon annanstans"),
    ]
    assert find_venue(blocks) == Venue("Stadshuset", "Torget 1", "Exempelby")


def test_find_venue_ignores_place_in_running_text():
    blocks = [Block("paragraph", "Vi talade om plats: hur rummet formar samtalet.")]
    assert find_venue(blocks) == Venue()


def parsed(**place) -> ParsedEvent:
    return ParsedEvent(title="Temadag", slug="temadag", **place)


@pytest.mark.django_db
def test_import_writes_the_place_and_keeps_staff_edits():
    place = {"venue": "Stadshuset", "venue_locality": "Exempelby"}
    import_event(parsed=parsed(**place), source_name="t.txt", checksum="a")
    Event.objects.update(venue="Stora salen")  # staff correct the venue

    report = import_event(
        parsed=parsed(**place, venue_address="Torget 1"),
        source_name="t.txt",
        checksum="b",
    )

    event = Event.objects.get()
    assert (event.venue, event.venue_address, event.venue_locality) == (
        "Stora salen",
        "Torget 1",
        "Exempelby",
    )
    assert any("venue" in kept for kept in report.kept)


@pytest.mark.django_db
def test_import_keeps_a_place_staff_typed_before_places_were_read():
    import_event(parsed=parsed(), source_name="t.txt", checksum="a")
    Event.objects.update(venue="Stora salen")

    import_event(
        parsed=parsed(venue="Stadshuset", venue_locality="Exempelby"),
        source_name="t.txt",
        checksum="b",
    )

    event = Event.objects.get()
    assert (event.venue, event.venue_locality) == ("Stora salen", "Exempelby")


@pytest.mark.django_db
def test_document_without_place_leaves_the_place_alone():
    import_event(parsed=parsed(venue="Stadshuset"), source_name="t.txt", checksum="a")

    import_event(parsed=parsed(), source_name="t.txt", checksum="b")

    assert Event.objects.get().venue == "Stadshuset"
