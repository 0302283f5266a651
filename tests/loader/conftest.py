from pathlib import Path

import pytest

from conference.loader.read import parse_source, read_source

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "conference" / "data" / "seed" / "motesplats-arbetsmarknad-2024.txt"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def seed_event():
    return parse_source(read_source(SEED))


def parsed(name: str):
    return parse_source(read_source(FIXTURES / name))
