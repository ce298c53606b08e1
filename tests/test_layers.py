"""The layers of the code base, as a contract: each layer imports only itself and what is below.

    twente (site) → projects → partners → regions → twente.core (base)

Every import counts, also one inside a function. Migrations and tests are left out: a
migration may name any app's code, and tests read every layer.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Top first. A module belongs to the layer of its longest matching package name.
LAYERS = ["twente", "projects", "partners", "regions", "twente.core"]
SKIPPED_PARTS = {"migrations", "tests", "__pycache__"}


def layer_of(module):
    matches = [layer for layer in LAYERS if module == layer or module.startswith(layer + ".")]
    return max(matches, key=len) if matches else None


def module_name(path, root):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(tree, module, is_package, root):
    """Every module an import statement names; `from a import b` counts as `a.b` when b is a module."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                as_path = root.joinpath(*candidate.split("."))
                is_module = as_path.with_suffix(".py").exists() or (as_path / "__init__.py").exists()
                yield node.lineno, candidate if is_module else base


def layer_violations(root=ROOT):
    """Each import that reaches up a layer, as "file:line: module imports target (layer → layer)"."""
    order = {layer: index for index, layer in enumerate(LAYERS)}
    violations = []
    for top in {layer.split(".")[0] for layer in LAYERS}:
        for path in sorted((root / top).rglob("*.py")):
            if SKIPPED_PARTS & set(path.relative_to(root).parts):
                continue
            module = module_name(path, root)
            own_layer = layer_of(module)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, target in imported_modules(tree, module, path.name == "__init__.py", root):
                target_layer = layer_of(target)
                if target_layer is not None and order[target_layer] < order[own_layer]:
                    violations.append(
                        f"{path.relative_to(root)}:{line}: {module} imports {target} "
                        f"({own_layer} may not import the higher layer {target_layer})"
                    )
    return violations


def test_no_module_imports_a_higher_layer():
    violations = layer_violations()
    assert not violations, "Imports against the layers:\n" + "\n".join(violations)


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        (
            "twente/core/bad.py",
            "from regions.models import Municipality\n",
            "twente/core/bad.py:1: twente.core.bad imports regions.models "
            "(twente.core may not import the higher layer regions)",
        ),
        (
            "regions/bad.py",
            "def late():\n    import partners.models\n",
            "regions/bad.py:2: regions.bad imports partners.models "
            "(regions may not import the higher layer partners)",
        ),
        (
            "partners/bad.py",
            "from twente import search\n",
            "partners/bad.py:1: partners.bad imports twente.search "
            "(partners may not import the higher layer twente)",
        ),
        (
            "twente/core/sub/bad.py",
            "from ... import map\n",
            "twente/core/sub/bad.py:1: twente.core.sub.bad imports twente.map "
            "(twente.core may not import the higher layer twente)",
        ),
    ],
)
def test_an_import_against_the_layers_is_reported_by_name(tmp_path, path, source, expected):
    for package in ("twente", "twente/core", "twente/core/sub", "regions", "partners"):
        (tmp_path / package).mkdir(parents=True, exist_ok=True)
        (tmp_path / package / "__init__.py").touch()
    (tmp_path / "twente" / "map.py").touch()
    (tmp_path / "twente" / "search.py").touch()
    (tmp_path / path).write_text(source)
    assert layer_violations(tmp_path) == [expected]


def test_imports_downwards_and_within_a_layer_are_allowed(tmp_path):
    for package in ("twente/core", "regions", "projects"):
        (tmp_path / package).mkdir(parents=True)
        (tmp_path / package / "__init__.py").touch()
    (tmp_path / "twente" / "__init__.py").touch()
    (tmp_path / "projects" / "views.py").write_text(
        "from regions.models import Municipality\nfrom twente.core import listing\nfrom . import models\n"
    )
    (tmp_path / "twente" / "urls.py").write_text("import projects.views\n")
    assert layer_violations(tmp_path) == []
