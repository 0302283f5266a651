"""What the API's OpenAPI schema says beyond what drf-spectacular reads from the code.

A postprocessing hook (drf-spectacular's documented extension point), so the schema and
the code agree on the answers besides 200 and on what a parameter may hold; the
schemathesis tests (tests/api/test_schema.py) hold the code to it in both directions.
"""

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
