"""The package tree is the architecture: the numeric core at the top, then symbolic,
course and widgets. The core imports none of them, and no modules import each other."""

import ast
import subprocess
import sys
from pathlib import Path

import matgrad

PACKAGE = Path(matgrad.__file__).resolve().parent


def test_the_package_tree_is_core_plus_three_subpackages():
    subpackages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert subpackages == ["course", "symbolic", "widgets"]


def test_the_core_imports_neither_course_nor_widgets_nor_symbolic():
    code = "import sys, matgrad; print(sorted(m for m in sys.modules if m.startswith('matgrad.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names = eval(loaded.stdout)  # a printed list of module names
    for part in ("matgrad.course", "matgrad.widgets", "matgrad.symbolic"):
        assert not [n for n in names if n == part or n.startswith(part + ".")], names


def module_name(path):
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path, known):
    """The package's modules that ``path`` imports (at any depth of its code)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in known}


def test_no_two_modules_import_each_other():
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {name: imported_modules(path, paths) - {name} for name, path in paths.items()}
    for name in graph:  # a package's __init__ may import its own modules; a module not its package
        graph[name] = {other for other in graph[name] if not name.startswith(other + ".")}
    cycles, done = [], set()

    def visit(name, trail):  # depth first; a module met again on the current trail closes a cycle
        if name in trail:
            cycles.append(trail[trail.index(name):] + [name])
        elif name not in done:
            for other in sorted(graph[name]):
                visit(other, trail + [name])
            done.add(name)

    for name in sorted(graph):
        visit(name, [])
    assert not cycles, f"import cycles: {cycles[:5]}"
