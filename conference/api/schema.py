"""What the API's OpenAPI schema says beyond what drf-spectacular reads from the code.

Postprocessing hooks (drf-spectacular's documented extension point): one so the schema
and the code agree on the answers besides 200 and on what a parameter may hold (the
schemathesis tests, tests/api/test_schema.py, hold the code to it in both directions),
one that writes every description in Swedish, for the people who read it. The code's
docstrings are English; what a reader sees is said here, once per name.
"""

# What each list and each single object is (operationId without _list/_retrieve).
RESOURCES = {
    "events": ("Publicerade evenemang, nyast först.", "Ett publicerat evenemang."),
    "sessions": (
        "Publicerade programpunkter i publicerade evenemang, i programmets ordning.",
        "En publicerad programpunkt.",
    ),
    "people": (
        "Personer med en offentlig sida: en roll i en offentlig programpunkt eller "
        "ett offentligt evenemang, eller ett citat där.",
        "En person med en offentlig sida.",
    ),
    "municipalities": (
        "Sveriges 290 kommuner och hela riket (Riket, 0000).",
        "En kommun, eller Riket (0000).",
    ),
    "measures": (
        "Mått: nyckeltal som mäter samma sak, med namn, enhet, definition och källa.",
        "Ett mått.",
    ),
    "key_figures": (
        "Nyckeltal som nämndes på publicerade evenemang, med utforskarens filter "
        "(samma parametrar som /nyckeltal/).",
        "Ett publicerat nyckeltal.",
    ),
}
# Query and path parameters without a Swedish description of their own in the code.
PARAMETERS = {
    "page": "Sidnummer, från 1.",
    "page_size": "Antal per sida, 50 om inget anges; högst 500 (större värden ger 500).",
    "year": "Evenemangets år, till exempel 2025.",
    "event": "Evenemangets slug; kan upprepas.",
    "session": "Programpunktens id; kan upprepas.",
    "year_from": "Från och med år, till exempel 2018.",
    "year_to": "Till och med år, till exempel 2024 (inte före year_from).",
    "gr_member": "true: bara GR:s medlemskommuner; false: övriga.",
    "label": "Exakt det som mäts, för jämförelser.",
    "q": "Sök i vad som mäts (del av texten, oavsett skiftläge).",
    "unit": "Enhet; kan upprepas.",
    "review_status": "Granskning; kan upprepas.",
    "kind": "Typ av programpunkt; kan upprepas.",
    "slug": "Namnet i adressen.",
    "id": "Id.",
    "code": "Fyrsiffrig kommunkod, 0000 för Riket.",
    "measure": "Måttets slug; kan upprepas.",
}
ORDERING_COLUMNS = {
    "label": "vad som mäts",
    "value": "värde",
    "year": "år",
    "municipality": "område",
    "unit": "enhet",
    "event": "evenemangets datum",
}
# Fields of the answers without a Swedish description of their own.
FIELDS = {
    "count": "Antal träffar i hela listan.",
    "next": "Adressen till nästa sida, eller null.",
    "previous": "Adressen till föregående sida, eller null.",
    "results": "Träffarna på den här sidan.",
    "id": "Id.",
    "slug": "Namnet i adressen.",
    "title": "Titel.",
    "name": "Namn.",
    "date": "Datum (ÅÅÅÅ-MM-DD), eller null om det inte är känt.",
    "organizer": "Arrangör.",
    "venue": "Plats.",
    "description": "Beskrivning.",
    "published_at": "När det publicerades.",
    "url": "Sidan på webbplatsen.",
    "event": "Evenemangets slug.",
    "kind": "Typ av programpunkt.",
    "order": "Plats i programmet.",
    "municipalities": "Kommunkoder som programpunkten rör.",
    "organization": "Organisation.",
    "level": "Kommun eller Riket.",
    "county_code": "Länskod (två siffror).",
    "county_name": "Län.",
    "gr_member": "Om kommunen är medlem i GR.",
    "label": "Vad som mäts.",
    "value": "Värdet, som tal (punkt som decimaltecken).",
    "unit": "Enhet (kod).",
    "qualifier": "Precisering (kod; tom för exakt).",
    "year": "År som värdet gäller.",
    "year_unfinished": (
        "Om året inte hade slutat på evenemangets dag: värdet kan ändras innan "
        "året är slut (preliminärt eller delår)."
    ),
    "scope": "Områdestyp: kommun, GR som helhet eller Riket.",
    "area": "Områdets namn.",
    "event_title": "Evenemangets titel.",
    "session_title": "Programpunktens titel.",
    "source_text": "Meningen där siffran nämndes.",
    "review_status": "Granskning (kod).",
    "flags": "Inläsningens flaggor för granskning.",
    "measure": "Måttets slug.",
    "measure_name": "Måttets namn.",
    "definition": "Vad måttet mäter och hur.",
    "source": "Källa.",
}


def describe_in_swedish(result, generator, request, public):
    """Give every operation, parameter and field a Swedish description."""
    result["info"]["description"] = (
        "Ett JSON-API som bara läser det som är publicerat på GR:s "
        "konferensdokumentation. Ett ogiltigt värde ger 400 med parameterns namn."
    )
    for operations in result["paths"].values():
        for operation in operations.values():
            resource, _, action = operation["operationId"].rpartition("_")
            listing, single = RESOURCES[resource]
            operation["description"] = listing if action == "list" else single
            for parameter in operation.get("parameters", []):
                describe_parameter(parameter)
    for component in result["components"]["schemas"].values():
        for name, field in component.get("properties", {}).items():
            if not field.get("description"):
                field["description"] = FIELDS.get(name, field.get("title", ""))
    return result


def describe_parameter(parameter: dict) -> None:
    name = parameter["name"]
    if name == "ordering":
        columns = ", ".join(
            f"{column} ({meaning})" for column, meaning in ORDERING_COLUMNS.items()
        )
        parameter["description"] = (
            f"Sortering: {columns}; minus före för fallande ordning, "
            "flera åtskilda med kommatecken."
        )
    elif name in PARAMETERS and (
        not parameter.get("description") or name in ("page", "page_size", "id")
    ):
        parameter["description"] = PARAMETERS[name]


ERROR_SCHEMA = {
    "type": "object",
    "description": "Nyckeln är den ogiltiga parameterns namn.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
NOT_FOUND_SCHEMA = {"type": "object", "properties": {"detail": {"type": "string"}}}
# Page numbers and sizes start at 1 (a larger page size than the maximum gets the maximum).
POSITIVE_PARAMETERS = {"page", "page_size"}


def document_answers(result, generator, request, public):
    for path, operations in result["paths"].items():
        is_list = not path.rstrip("/").endswith("}")
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                # Like the explorer's form, an empty parameter (?year_from=) is not given.
                parameter["allowEmptyValue"] = True
                if parameter["name"] in POSITIVE_PARAMETERS:
                    parameter["schema"]["minimum"] = 1
            operation["responses"].update(answers(is_list=is_list))
    return result


def answers(*, is_list: bool) -> dict:
    json = "application/json"
    documented = {
        # A path that matches no route at all gets Django's HTML 404 page.
        "404": {
            "content": {
                json: {"schema": NOT_FOUND_SCHEMA},
                "text/html": {"schema": {"type": "string"}},
            },
            "description": "Finns inte (eller sidan finns inte).",
        },
        # Answered by the web server in front (gunicorn's limit_request_line).
        "414": {"description": "Adressen är för lång (högst 4 094 tecken)."},
    }
    if is_list:
        documented["400"] = {
            "content": {json: {"schema": ERROR_SCHEMA}},
            "description": "Ogiltig parameter.",
        }
    return documented
