"""The import rules of the package layout (docs/architecture.md): the pure core imports no
orchestration, storage or speed code; the I/O boundary never imports the core's results;
there is no import cycle between modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOWS = ROOT / "flows"
FORBIDDEN_IN_STAGES = (
    "prefect",
    "pyarrow",
    "duckdb",
    "flows.io",
    "flows.accel",
    "flows.flow",
    "flows.tasks",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, at any depth of its code (absolute names)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


MODULES = {_module_name(path): path for path in sorted(FLOWS.rglob("*.py"))}


@pytest.mark.parametrize(
    "module", sorted(name for name in MODULES if name.startswith("flows.stages"))
)
def test_stages_import_no_orchestration_storage_or_speed_code(module: str) -> None:
    bad = {
        name
        for name in _imports(MODULES[module])
        for banned in FORBIDDEN_IN_STAGES
        if name == banned or name.startswith(banned + ".")
    }
    assert not bad, f"{module} imports {sorted(bad)}"


def test_stages_touch_no_files() -> None:
    for name, path in MODULES.items():
        if name.startswith("flows.stages"):
            source = path.read_text(encoding="utf-8")
            assert "open(" not in source and "read_text(" not in source, name


def _graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports at module level."""
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                candidates = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                continue
            targets.update(c for c in candidates if c in MODULES and c != name)
        graph[name] = targets
    return graph


def test_no_import_cycles() -> None:
    graph = _graph()
    # a package's __init__ importing its own submodules is how a package is built, not a
    # cycle between layers: such edges are left out
    for name, targets in graph.items():
        graph[name] = {t for t in targets if not t.startswith(name + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycle = [*stack[stack.index(target) :], target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_io_does_not_import_the_cores_results() -> None:
    for name, path in MODULES.items():
        if name.startswith("flows.io"):
            imports = _imports(path)
            assert not any(i.startswith("flows.stages.document") for i in imports), name
            assert not any(i.startswith("flows.accel") for i in imports), name
