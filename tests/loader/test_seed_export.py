"""The seed's export, field by field, against the one a reader checked.

The seed is the loader's one document that a person has read against the site line by
line (its faithfulness review is in docs/loader.md). Any change to what the loader makes
of it shows here as a diff. When a change is intended, write the new export with
`python manage.py export_conference > tests/fixtures/loader/seed-export.json` after
loading the seed into an empty database, and read the diff before committing it.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from .conftest import SEED

EXPECTED = (
    Path(__file__).resolve().parents[1] / "fixtures" / "loader" / "seed-export.json"
)


@pytest.mark.django_db
def test_seed_export_is_unchanged():
    call_command("load_conference", str(SEED), stdout=StringIO())
    out = StringIO()
    call_command("export_conference", stdout=out)

    assert json.loads(out.getvalue()) == json.loads(EXPECTED.read_text("utf-8"))
