"""Imports flow one way: ui → services → models. Walks every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _violations(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((SRC / layer).rglob("*.py")):
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in forbidden):
                found.append(f"{path.relative_to(SRC.parent)} imports {name}")
    return found


def test_ui_uses_services_only() -> None:
    assert _violations("ui", ("sqlalchemy", "src.models")) == []


def test_models_import_no_services_or_ui() -> None:
    assert _violations("models", ("src.services", "src.ui", "src.cli", "src.app")) == []


def test_services_never_import_the_ui() -> None:
    assert _violations("services", ("src.ui", "src.app", "tkinter", "customtkinter")) == []


def test_the_walker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text("from src.models import Event\nimport sqlalchemy.orm\n")
    assert _imports(bad) == {"src.models", "sqlalchemy.orm"}
