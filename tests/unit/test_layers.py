"""The package's layers point one way: ``core`` (data, rules, verdicts as codes)
imports nothing of ``report`` (words, formatting, pages) or ``sphinx`` (the
build's extension), and ``report`` nothing of ``sphinx``."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "oicbook"
# layer: the layers it may not import
FORBIDDEN = {"core": {"report", "sphinx"}, "report": {"sphinx"}, "sphinx": set()}


def imported(path: Path, source: str | None = None) -> set[str]:
    """The oicbook modules a file of the package imports, as dotted names."""
    package = ".".join(("oicbook", *path.relative_to(PACKAGE).parent.parts))
    names = set()
    for node in ast.walk(ast.parse(source if source is not None else path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names |= {module} | {f"{module}.{a.name}" for a in node.names}
    return {n for n in names if n.startswith("oicbook")}


def layer_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FORBIDDEN else None


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if len(p.relative_to(PACKAGE).parts) > 1)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_imports_point_one_way(path):
    own = layer_of(".".join(("oicbook", *path.relative_to(PACKAGE).parts)))
    assert own is not None, f"{path}: every module belongs to core, report or sphinx"
    wrong = sorted(n for n in imported(path) if layer_of(n) in FORBIDDEN[own])
    assert not wrong, f"{own} imports {wrong}"


def test_importing_all_of_core_loads_no_report_or_sphinx_module():
    code = (
        "import importlib, pkgutil, sys, oicbook.core\n"
        "for m in pkgutil.walk_packages(oicbook.core.__path__, 'oicbook.core.'): importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('oicbook.report', 'oicbook.sphinx'))))"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_the_check_sees_a_wrong_import():
    module = PACKAGE / "core" / "ledger.py"
    assert "oicbook.report.words" in imported(module, "from ..report.words import words\n")
    assert "oicbook.sphinx" in imported(module, "import oicbook.sphinx\n")
    assert imported(module, "from .checks import CHECKS\n") == {"oicbook.core.checks", "oicbook.core.checks.CHECKS"}
