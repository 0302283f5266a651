import pytest
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db

# drf-spectacular's and our own docstrings' English, which a reader must not meet.
ENGLISH = ("A page number", "Number of results", "A unique integer", "Published", "Key")


def schema_descriptions() -> dict[str, str]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = {"info": schema["info"].get("description", "")}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            found[f"{method} {path}"] = operation.get("description", "")
            for parameter in operation.get("parameters", []):
                name = f"{method} {path} {parameter['name']}"
                found[name] = parameter.get("description", "")
    for component, body in schema["components"]["schemas"].items():
        for name, field in body.get("properties", {}).items():
            found[f"{component}.{name}"] = field.get("description", "")
    return found


def test_every_operation_parameter_and_field_has_a_description():
    missing = [name for name, text in schema_descriptions().items() if not text]
    assert missing == []


def test_no_description_is_in_english():
    english = [
        name
        for name, text in schema_descriptions().items()
        if text.startswith(ENGLISH) or "(descending)" in text
    ]
    assert english == []


def test_ordering_is_described_in_swedish_with_its_columns(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    parameters = schema["paths"]["/api/v1/key-figures/"]["get"]["parameters"]
    ordering = next(item for item in parameters if item["name"] == "ordering")
    assert ordering["description"].startswith("Sortering: label (vad som mäts), ")
