"""The package tree is the architecture: core at the top, then symbolic,
course and widgets; the core imports none of them; modules stay small."""

import subprocess
import sys
from pathlib import Path

import matgrad

PACKAGE = Path(matgrad.__file__).resolve().parent
MAX_LINES = 250


def test_the_package_tree_is_core_plus_three_subpackages():
    subpackages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert subpackages == ["course", "symbolic", "widgets"]


def test_the_core_imports_neither_course_nor_widgets_nor_symbolic():
    code = "import sys, matgrad; print(sorted(m for m in sys.modules if m.startswith('matgrad.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names = eval(loaded.stdout)  # a printed list of module names
    for part in ("matgrad.course", "matgrad.widgets", "matgrad.symbolic"):
        assert not [n for n in names if n == part or n.startswith(part + ".")], names


def test_no_module_is_over_the_line_budget():
    too_long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not too_long, f"modules over {MAX_LINES} lines: {too_long}"


def test_the_core_public_names_stay_importable_from_the_top():
    for name in ("Linear", "Sigmoid", "Identity", "MSELoss", "HalfSSELoss", "Network",
                 "gradcheck", "relative_error", "sigmoid"):
        assert name in matgrad.__all__ and callable(getattr(matgrad, name))
