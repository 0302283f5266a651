"""The loader fed truncated, duplicated and garbled documents never corrupts what is stored.

After the seed document is loaded, a damaged copy is loaded over it. Either the load is
refused with a clear message (CommandError) and the database is exactly as before, or it
is accepted; then loading it again changes nothing, and loading the intact document again
restores the seed event exactly. Any other exception fails the test.
"""

import random
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conference.models import Event
from tests.robustness.snapshot import snapshot

pytestmark = pytest.mark.django_db

SEED = (
    Path(__file__).resolve().parents[2]
    / "conference/data/seed/motesplats-arbetsmarknad-2024.txt"
)
SEED_BYTES = SEED.read_bytes()


def load(path: Path) -> None:
    call_command("load_conference", str(path), "--publish", stdout=StringIO())


@pytest.fixture
def seeded(tmp_path):
    load(SEED)
    return Event.objects.get().slug


def truncated(data: bytes, fraction: float) -> bytes:
    return data[: int(len(data) * fraction)]


def slice_duplicated(data: bytes, start: float, length: float) -> bytes:
    begin = int(len(data) * start)
    end = begin + int(len(data) * length)
    return data[:end] + data[begin:end] + data[end:]


def garbled(data: bytes, seed: int, changes: int) -> bytes:
    rng = random.Random(seed)
    buffer = bytearray(data)
    for _ in range(changes):
        position = rng.randrange(len(buffer))
        buffer[position] = rng.choice([0, 0x0A, 0x3A, 0xC3, 0xFF, rng.randrange(256)])
    return bytes(buffer)


def lines_shuffled(data: bytes, seed: int) -> bytes:
    lines = data.split(b"\n")
    random.Random(seed).shuffle(lines)
    return b"\n".join(lines)


fractions = st.floats(min_value=0.0, max_value=1.0)
damaged_documents = st.one_of(
    st.builds(truncated, st.just(SEED_BYTES), fractions),
    st.builds(
        slice_duplicated,
        st.just(SEED_BYTES),
        fractions,
        st.floats(min_value=0.0, max_value=0.5),
    ),
    st.builds(garbled, st.just(SEED_BYTES), st.integers(0, 2**32), st.integers(1, 200)),
    st.builds(lines_shuffled, st.just(SEED_BYTES), st.integers(0, 2**32)),
)

NAMED_DAMAGES = {
    "empty": b"",
    "first line only": SEED_BYTES.split(b"\n", 1)[0],
    "truncated at half": truncated(SEED_BYTES, 0.5),
    "truncated mid character": SEED_BYTES[: SEED_BYTES.index("ö".encode()) + 1],
    "whole document twice": SEED_BYTES + b"\n" + SEED_BYTES,
    "NUL bytes": SEED_BYTES.replace(b" ", b"\x00", 50),
    "Latin-1 instead of UTF-8": SEED_BYTES.decode().encode("latin-1", "replace"),
    "binary noise": bytes(random.Random(7).randrange(256) for _ in range(5000)),
}


def check_damaged_load(tmp_path: Path, seed_slug: str, damaged: bytes) -> None:
    before = snapshot()
    path = tmp_path / "skadad.txt"
    path.write_bytes(damaged)
    try:
        load(path)
    except CommandError:
        assert snapshot() == before
        return
    after = snapshot()
    load(path)
    assert snapshot() == after
    load(SEED)
    reloaded = snapshot(seed_slug)
    expected = before_for(before, seed_slug)
    assert_people_kept(expected.pop("people"), reloaded.pop("people"))
    assert reloaded == expected


def before_for(full: dict, seed_slug: str) -> dict:
    """Return the part of a snapshot of every event that belongs to one event."""
    return {
        kind: rows if kind == "people" else [row for row in rows if row[0] == seed_slug]
        for kind, rows in full.items()
    }


def assert_people_kept(before: list, after: list) -> None:
    """People are shared by every document: another document may fill in what the
    seed leaves empty ("Name, Org" on a line of its own), never change what it says."""
    now = {row[0]: row for row in after}
    for row in before:
        assert row[0] in now
        assert [v for v in row if v not in ("", "None")] == [
            now[row[0]][i] for i, v in enumerate(row) if v not in ("", "None")
        ]


@pytest.mark.parametrize("name", sorted(NAMED_DAMAGES))
def test_damaged_document_never_corrupts_stored_data(tmp_path, seeded, name):
    check_damaged_load(tmp_path, seeded, NAMED_DAMAGES[name])


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(damaged=damaged_documents)
def test_generated_damage_never_corrupts_stored_data(tmp_path, seeded, damaged):
    # Each example starts from the seed alone: its changes are rolled back afterwards.
    with transaction.atomic():
        check_damaged_load(tmp_path, seeded, damaged)
        transaction.set_rollback(True)
