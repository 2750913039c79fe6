"""Plain graph helpers shared by services (no database)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def find_cycle(edges: Iterable[tuple[str, str]]) -> list[str] | None:
    """One cycle as [a, b, ..., a] following the edges, or None when there is none."""
    children: dict[str, list[str]] = defaultdict(list)
    for parent, child in edges:
        children[parent].append(child)
    done: set[str] = set()
    for start in list(children):
        cycle = _cycle_from(start, children, done)
        if cycle:
            return cycle
    return None


def _cycle_from(start: str, children: dict[str, list[str]], done: set[str]) -> list[str] | None:
    path: list[str] = []
    on_path: set[str] = set()
    stack: list[tuple[str, int]] = [(start, 0)]
    while stack:
        node, index = stack.pop()
        if index == 0:
            if node in on_path:
                return [*path[path.index(node) :], node]
            if node in done:
                continue
            path.append(node)
            on_path.add(node)
        kids = children.get(node, [])
        if index < len(kids):
            stack.append((node, index + 1))
            stack.append((kids[index], 0))
        else:
            done.add(node)
            on_path.discard(node)
            path.pop()
    return None
