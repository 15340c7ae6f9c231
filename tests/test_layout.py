"""The library's layout: one package per pipeline stage, and imports that flow one way, from
the stages a package builds on to it, never back (a cycle between stages is a design error)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
# each stage may import from the stages before it, never from one after it
STAGES = ("", "knowledge", "sources", "extract", "graph", "build", "evaluation", "sparql", "publish", "views",
          "web", "serve")
BASE = {"errors", "files", "model", "namespaces", "resources", "text"}  # what every stage shares ("" above)


def stage_of(module: str) -> str:
    """The stage of a dotted module name under kg ("kg.build.cache" -> "build", "kg.text" -> "")."""
    parts = module.split(".")
    assert parts[0] == "kg", module
    if len(parts) == 1 or parts[1] in BASE or parts[1] == "__init__":
        return ""
    return parts[1]


def module_name(path: Path) -> str:
    rel = path.relative_to(KG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def kg_imports(path: Path) -> list[tuple[int, str]]:
    """Every kg module a file imports, at any depth (imports inside functions count too)."""
    found = []
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "kg"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "kg":
                found.append((node.lineno, target))
    return found


MODULES = sorted(p for p in KG.rglob("*.py") if "vendor" not in p.parts)


def test_every_module_sits_in_a_known_stage():
    for path in MODULES:
        assert stage_of(module_name(path)) in STAGES, f"{path.relative_to(KG.parent)}: add its stage to STAGES"


def test_top_level_holds_only_what_every_stage_shares():
    flat = {p.stem for p in KG.glob("*.py")} - {"__init__"}
    assert flat == BASE


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(KG.parent)))
def test_imports_flow_from_earlier_stages_only(path):
    here = STAGES.index(stage_of(module_name(path)))
    backwards = [f"line {line}: {target}" for line, target in kg_imports(path)
                 if STAGES.index(stage_of(target)) > here]
    assert not backwards, f"{module_name(path)} ({STAGES[here] or 'shared'}) imports a later stage: {backwards}"


def test_the_check_sees_a_backward_import(tmp_path):
    """The checker itself can fail: a module of the first stage importing the build is caught."""
    fake = KG / "knowledge" / "registry.py"
    imports = kg_imports(fake) + [(1, "kg.build.cache")]
    here = STAGES.index(stage_of(module_name(fake)))
    assert [t for _, t in imports if STAGES.index(stage_of(t)) > here] == ["kg.build.cache"]
