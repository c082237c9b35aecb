"""The layers of hooks/handbook/ stay visible: imports only go one way, there are no
cycles, the top level holds only the sub-packages and a few entry points, and the
MkDocs adapters in hooks/ stay thin."""

from __future__ import annotations

import ast
from pathlib import Path

from site_build import ROOT

PACKAGE = ROOT / "hooks" / "handbook"
# Each layer may import only the layers listed before it.
LAYERS = ["upstream", "content", "rules", "generators", "outputs", "pipeline", "tools", "check"]
ENTRY_POINTS = {"__init__.py", "check.py", "pipeline.py", "upstream.py"}
ADAPTER_CODE_LINES = 60


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """handbook module -> the handbook modules it imports (relative imports resolved)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target.startswith("handbook"):
                    found.add(target)
                    found.update(f"{target}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("handbook"))
        modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
        graph[name] = {target for target in found if target in modules and target != name}
    return graph


def _layer(module: str) -> int:
    part = module.split(".")[1] if "." in module else ""
    return LAYERS.index(part) if part in LAYERS else -1


def test_imports_only_go_down_the_layers():
    wrong = [f"{module} imports {target}" for module, targets in _imports().items() for target in targets
             if _layer(module) >= 0 and _layer(target) > _layer(module)]
    assert wrong == []


def test_there_is_no_import_cycle():
    graph = _imports()
    # A package's __init__ importing its own submodules (generator registration) is not a cycle
    # between layers; count only edges between different modules that are not parent and child.
    edges = {module: {t for t in targets if not t.startswith(module + ".")} for module, targets in graph.items()}
    visiting, done, cycles = set(), set(), []

    def visit(module: str, path: list[str]) -> None:
        if module in done:
            return
        if module in visiting:
            cycles.append(" -> ".join([*path[path.index(module):], module]))
            return
        visiting.add(module)
        for target in sorted(edges.get(module, ())):
            visit(target, [*path, module])
        visiting.discard(module)
        done.add(module)

    for module in sorted(edges):
        visit(module, [])
    assert cycles == []


def test_top_level_holds_the_sub_packages_and_a_few_entry_points():
    files = {path.name for path in PACKAGE.iterdir() if path.suffix == ".py"}
    folders = {path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert files == ENTRY_POINTS
    assert folders == {"content", "rules", "generators", "outputs", "tools"}


def test_mkdocs_adapters_are_thin_and_typed():
    for path in sorted((ROOT / "hooks").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lines = {node.lineno for node in ast.walk(tree) if isinstance(node, ast.stmt)
                 and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))}
        assert len(lines) <= ADAPTER_CODE_LINES, f"{path.name}: {len(lines)} statements; move logic into hooks/handbook/"
        for function in (node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")):
            arguments = function.args
            assert function.returns is not None, f"{path.name}:{function.name} has no return type"
            assert all(a.annotation is not None for a in [*arguments.args, *arguments.kwonlyargs]), path.name
            # Like Material's hooks: the event's main value positional, everything else keyword-only.
            assert len(arguments.args) <= 1, f"{path.name}:{function.name} should take keyword-only arguments"
