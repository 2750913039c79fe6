"""find_cycle finds a cycle and spells it out, or says there is none."""

from __future__ import annotations

from src.services.graphs import find_cycle


def test_a_tree_has_no_cycle() -> None:
    assert find_cycle([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]) is None


def test_a_cycle_is_returned_closed() -> None:
    assert find_cycle([("a", "b"), ("b", "c"), ("c", "a"), ("x", "a")]) == ["a", "b", "c", "a"]


def test_a_self_loop_is_a_cycle() -> None:
    assert find_cycle([("a", "a")]) == ["a", "a"]
