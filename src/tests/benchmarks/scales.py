"""How big each benchmark dataset is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    ingredients: int
    products: int
    lots: int
    recipes: int
    finished_units: int
    finished_goods: int
    recipients: int
    events: int
    demand_lines: int  # per event
    production_runs: int


SCALES = {
    "demo": Scale("demo", 40, 80, 400, 20, 30, 10, 10, 3, 8, 60),
    "medium": Scale("medium", 400, 1000, 10_000, 200, 300, 100, 50, 10, 40, 2_000),
    "large": Scale("large", 2_000, 5_000, 50_000, 1_000, 1_500, 500, 200, 20, 100, 10_000),
}
