"""Load the municipality reference data (SCB/Kolada codes) shipped in conference/data."""

import csv
from collections import Counter
from pathlib import Path

from django.utils.text import slugify

MUNICIPALITIES_CSV = Path(__file__).resolve().parent / "data" / "kommuner.csv"
NATIONAL = {
    "code": "0000",
    "name": "Riket",
    "level": "country",
    "county_code": "",
    "county_name": "",
    "gr_member": False,
}


def read_municipalities(path: Path = MUNICIPALITIES_CSV) -> list[dict]:
    """Return one dict per row of the CSV, plus the whole country, ready for the model."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            {
                "code": row["code"],
                "name": row["name"],
                "level": "municipality",
                "county_code": row["county_code"],
                "county_name": row["county_name"],
                "gr_member": row["gr_member"] == "1",
            }
            for row in csv.DictReader(handle)
        ]
    return [NATIONAL, *rows]


def municipality_slugs(rows: list[dict]) -> dict[str, str]:
    """Return a URL slug per code; names that fold to the same ASCII slug get their code.

    ("Håbo" and "Habo" are two municipalities; both become "habo" without it.)
    """
    plain = {row["code"]: slugify(row["name"]) for row in rows}
    taken = Counter(plain.values())
    return {
        code: slug if taken[slug] == 1 else f"{slug}-{code}"
        for code, slug in plain.items()
    }


def sync_municipalities(municipality_model) -> int:
    """Create or update every municipality by code; return how many rows there are.

    Takes the model as an argument so that data migrations can pass their historical one.
    """
    rows = read_municipalities()
    slugs = municipality_slugs(rows)
    for row in rows:
        municipality_model.objects.update_or_create(
            code=row["code"], defaults={**row, "slug": slugs[row["code"]]}
        )
    return municipality_model.objects.count()
