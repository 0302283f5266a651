"""The rules of docs/ARCHITECTURE.md that a reader cannot see at a glance, checked.

Imports are read from the source (including imports inside functions, which hide a
dependency as well as they hide a cycle), so a new module is checked as soon as it exists.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("conference", "sessions_app", "speakers_app")
# The loader's stages that read and write rows, and the admin's pages that load a
# document (which keep a record of each load); the others turn text into records.
LOADER_ORM_STAGES = (
    "erasure",
    "export",
    "import_",
    "importer",
    "document_loads",
    "views",
)
# What the apps may use of the project package: the models they build on and the shared
# plumbing of admin, pages and list filters, never conference's own surfaces.
CONFERENCE_FOUNDATION = {
    "conference.models",
    "conference.admin_base",
    "conference.permissions",
    "conference.formatting",
    "conference.http",
    "conference.municipality_filter",
    "conference.page_cache",
}


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    return modules


MODULES = project_modules()


def imports_of(module: str) -> set[str]:
    """The project modules that ``module`` imports, anywhere in its code."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                if submodule in MODULES:
                    found.add(submodule)
                elif node.module in MODULES:
                    found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
    found.discard(module)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def cycle_through(start: str) -> list[str] | None:
    """Return a chain of imports from ``start`` back to itself, or None."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        module, path = stack.pop()
        for imported in GRAPH[module]:
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_the_import_graph_is_read():
    # Guards the other tests against passing because the reader found nothing.
    assert "conference.models" in GRAPH["sessions_app.models"]
    assert len(MODULES) > 50


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_one_that_imports_it_back(module):
    assert cycle_through(module) is None


@pytest.mark.parametrize(
    ("module", "allowed"),
    [
        # formatting imports nothing: models may name themselves as Swedes write.
        ("conference.models", {"conference.formatting"}),
        ("conference.formatting", set()),
        ("sessions_app.models", {"conference.models"}),
        ("speakers_app.models", {"conference.models", "sessions_app.models"}),
    ],
)
def test_models_build_only_on_the_models_below_them(module, allowed):
    assert GRAPH[module] <= allowed


@pytest.mark.parametrize(
    "module",
    sorted(m for m in MODULES if m.startswith(("sessions_app", "speakers_app"))),
)
def test_apps_use_only_the_foundation_of_the_project_package(module):
    used = {m for m in GRAPH[module] if m.startswith("conference")}
    assert used <= CONFERENCE_FOUNDATION


def loader_text_stages() -> list[str]:
    return sorted(
        module
        for module in MODULES
        if module.startswith("conference.loader.")
        and not module.removeprefix("conference.loader.").startswith(LOADER_ORM_STAGES)
    )


@pytest.mark.parametrize("module", loader_text_stages())
def test_the_loaders_text_stages_touch_no_models(module):
    source = MODULES[module].read_text(encoding="utf-8")
    assert "django.db" not in source
    assert not {
        m
        for m in GRAPH[module]
        if m.startswith(("sessions_app", "speakers_app")) or m == "conference.models"
    }


@pytest.mark.parametrize(
    "module",
    sorted(
        m
        for m in MODULES
        if not m.startswith(
            ("conference.loader", "conference.analysis", "conference.api")
        )
    ),
)
def test_the_subpackages_are_reached_only_through_commands_and_urls(module):
    subpackages = ("conference.loader", "conference.analysis", "conference.api")
    reached = {m for m in GRAPH[module] if m.startswith(subpackages)}
    if module.startswith("conference.management.commands."):
        reached = {m for m in reached if not m.startswith("conference.loader")}
    assert not reached
