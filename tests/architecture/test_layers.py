"""The shape of the code, checked on every run: dependencies point inward (pages, components and
the API call the domain; the domain calls storage), the domain knows nothing of the UI, pure
rules touch no database, no two modules import each other (not even for type hints), and the
domain shows its features."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("adapters", "api", "components", "demo", "domain", "jobs", "pages", "storage")
# Rule modules that must stay pure: plain values in, plain values out, no database.
PURE_RULES = (
    "domain.booking.recurrence",
    "domain.cancellation.rules",
    "domain.statements.arithmetic",
    "domain.statements.wording",
    "domain.visits.lines",
    "domain.messaging.backoff",
    "domain.matching.checks",
    "domain.matching.cut",
    "domain.matching.slot",
    "domain.matching.distance",
    "domain.matching.requirements",
    "domain.money",
    "domain.validation",
    "domain.vocabulary",
    "domain.people",
    "domain.backoffice.fields",
)
MAX_DOMAIN_MODULES = 10


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


def imports(path: Path, known: set[str]) -> Iterator[str]:
    """Every project module this file imports, at any depth and under TYPE_CHECKING too."""
    tree = ast.parse(path.read_text(), str(path))
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if _ours(alias.name))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            if not _ours(base):
                continue
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base


def _ours(name: str) -> bool:
    return name.split(".")[0] in PACKAGES


GRAPH = {name: set(imports(path, set(project_modules()))) for name, path in project_modules().items()}


def importers_of(prefix: str, within: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if name.startswith(within)
        for target in targets
        if target == prefix or target.startswith(prefix + ".")
    )


def test_pages_components_and_the_api_never_import_storage() -> None:
    assert importers_of("storage", ("pages", "components", "api")) == []


def test_the_domain_never_imports_the_ui_or_the_jobs() -> None:
    assert importers_of("pages", ("domain",)) == []
    assert importers_of("components", ("domain",)) == []
    assert importers_of("api", ("domain",)) == []
    assert importers_of("jobs", ("domain",)) == []
    nicegui = [
        name
        for name, path in project_modules().items()
        if name.startswith("domain")
        and any(
            isinstance(node, ast.Import | ast.ImportFrom)
            and any(
                (getattr(node, "module", None) or alias.name).split(".")[0] == "nicegui"
                for alias in node.names
            )
            for node in ast.walk(ast.parse(path.read_text()))
        )
    ]
    assert nicegui == []


def test_storage_and_adapters_know_only_the_domains_vocabulary() -> None:
    allowed = ("domain.vocabulary", "domain.clock")
    found = [
        line
        for line in importers_of("domain", ("storage", "adapters"))
        if not line.split(" imports ")[1].startswith(allowed)
    ]
    assert found == []


@pytest.mark.parametrize("rule", PURE_RULES)
def test_pure_rules_touch_no_database(rule: str) -> None:
    touched = [
        target for target in GRAPH[rule] if target.startswith(("storage", "adapters", "domain.action"))
    ]
    assert touched == [], f"{rule} imports {touched}"
    assert not any(
        "sqlalchemy" in line
        for line in (ROOT / (rule.replace(".", "/") + ".py")).read_text().splitlines()
        if line.startswith(("import", "from"))
    )


def test_no_two_modules_import_each_other_even_for_type_hints() -> None:
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        stack.append(name)
        for target in sorted(GRAPH.get(name, ())):
            if target not in GRAPH:
                continue
            if state.get(target) == 1:
                cycles.append(" -> ".join([*stack[stack.index(target) :], target]))
            elif target not in state:
                visit(target)
        stack.pop()
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name)
    assert cycles == []


def test_the_domain_shows_its_features() -> None:
    domain = ROOT / "domain"
    loose = sorted(path.name for path in domain.glob("*.py") if path.name != "__init__.py")
    assert len(loose) <= MAX_DOMAIN_MODULES, loose
    for feature in sorted(path for path in domain.iterdir() if (path / "__init__.py").exists()):
        docstring = ast.get_docstring(ast.parse((feature / "__init__.py").read_text()))
        assert docstring, f"domain/{feature.name} says nothing of what it is for"
        assert len(docstring.split(".")[0]) < 200, f"domain/{feature.name}: say it in one line"
