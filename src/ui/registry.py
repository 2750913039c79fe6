"""The screens of the main window, registered by the module that builds them.

Adding a screen is one call in src/ui/views/__init__.py:

    registry.register(ViewSpec("pantry", "Pantry", PantryView))

The sidebar shows registered screens in the baker's workflow order (WORKFLOW below) and
Ctrl+1..9 follow that order. Only register a screen whose services exist: no placeholders.
"""

from __future__ import annotations

import importlib
import tkinter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from src.ui.context import AppContext
from src.ui.view import View

WORKFLOW = (
    "dashboard",
    "pantry",
    "recipes",
    "goods",
    "recipients",
    "events",
    "production",
    "delivery",
    "reports",
)

ViewFactory = Callable[[tkinter.Misc, AppContext], View]


@dataclass(frozen=True)
class ViewSpec:
    key: str  # one of WORKFLOW
    title: str  # the sidebar label, e.g. "Goods & packages"
    factory: ViewFactory  # usually the View subclass itself


def lazy_view(module: str, class_name: str) -> ViewFactory:
    """A factory that imports the screen's module the first time the screen opens, so
    start-up loads only what the first screen needs."""

    def build(master: tkinter.Misc, ctx: AppContext) -> View:
        view_class: ViewFactory = getattr(importlib.import_module(module), class_name)
        return view_class(master, ctx)

    return build


class ViewRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, ViewSpec] = {}

    def register(self, spec: ViewSpec) -> None:
        if spec.key not in WORKFLOW:
            raise ValueError(f"Unknown screen {spec.key!r}; add it to WORKFLOW first.")
        if spec.key in self._specs:
            raise ValueError(f"Screen {spec.key!r} is registered twice.")
        self._specs[spec.key] = spec

    def __iter__(self) -> Iterator[ViewSpec]:
        return iter(sorted(self._specs.values(), key=lambda spec: WORKFLOW.index(spec.key)))

    def __contains__(self, key: object) -> bool:
        return key in self._specs

    def __len__(self) -> int:
        return len(self._specs)

    def get(self, key: str) -> ViewSpec:
        return self._specs[key]

    def keys(self) -> list[str]:
        return [spec.key for spec in self]
