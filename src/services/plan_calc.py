"""Calculating an event's plan: requirements, batches, ingredient totals, cost, shopping list.

`gather_sources` reads every input in a fixed number of queries; `calculate` turns them into
the `calculation_results` JSON stored on a ProductionPlanSnapshot:

    {"requirements": [{"finished_unit", "name", "recipe", "needed", "yield_per_batch",
                       "batches", "yield", "shortfall", "surplus", "options", "decided"}],
     "ingredients": [{"ingredient", "name", "quantity", "unit", "display"}],
     "shopping_list": {"items": [ShoppingItem.to_json()], "total_cost"},
     "cost_estimate": {"total", "known_total", "unpriced"}}

Decimals are exact strings, unknown money is null.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from src.models import Event
from src.services.batches import BatchOption, batch_options, option_for, suggested_batches
from src.services.costing import CostTotal, StockPricing
from src.services.fraction import Fraction
from src.services.plan_inputs import PlanInputs, UnitInfo, load_plan_inputs
from src.services.plan_json import dec_or_none, dec_str
from src.services.plan_packaging import packaging_to_buy, plan_packaging
from src.services.pricing_inputs import load_pricing
from src.services.quantity_format import format_friendly
from src.services.recipe_graph import RecipeGraph, ingredient_totals_exact, line_ingredients
from src.services.recipe_loading import load_recipe_nodes
from src.services.shopping_list import shopping_items, shopping_total
from src.services.staleness import canonical_inputs
from src.services.stock import on_hand_in
from src.services.units import to_decimal


@dataclass(frozen=True)
class Requirement:
    unit: UnitInfo
    needed: int
    batches: int
    decided: bool

    @property
    def outcome(self) -> BatchOption:
        return option_for(self.batches, self.needed, self.unit.yield_per_batch)

    def to_json(self) -> dict[str, Any]:
        outcome = self.outcome
        options = batch_options(self.needed, self.unit.yield_per_batch)
        return {
            "finished_unit": self.unit.slug,
            "name": self.unit.name,
            "recipe": self.unit.recipe_slug,
            "needed": dec_str(self.needed),
            "yield_per_batch": dec_str(self.unit.yield_per_batch),
            "batches": self.batches,
            **_option_json(outcome),
            "options": [_option_json(option) for option in options],
            "decided": self.decided,
        }


@dataclass(frozen=True)
class PlanSources:
    """Everything a plan is calculated from, as plain data."""

    inputs: PlanInputs
    requirements: tuple[Requirement, ...]
    graph: RecipeGraph
    pricing: StockPricing  # the graph's ingredients: their products, prices and lots

    def fingerprint(self) -> dict[str, Any]:
        return canonical_inputs(self.inputs, self.graph, self.pricing.prices, self.pricing.lots)


def plan_requirements(inputs: PlanInputs) -> tuple[Requirement, ...]:
    """Per finished unit: the need and the batches (the decision, else the suggestion)."""
    requirements = []
    for unit_id, need in inputs.unit_needs().items():
        unit = inputs.units[unit_id]
        decision = inputs.decisions.get(unit_id)
        batches = decision.batches if decision else suggested_batches(need, unit.yield_per_batch)
        requirements.append(Requirement(unit, need, batches, decision is not None))
    return tuple(sorted(requirements, key=lambda r: (r.unit.name.lower(), r.unit.slug)))


def gather_sources(s: Session, event: Event) -> PlanSources:
    """Read the event's plan inputs, recipes, prices and stock (a fixed number of queries)."""
    inputs = load_plan_inputs(s, event)
    requirements = plan_requirements(inputs)
    nodes = load_recipe_nodes(s, {r.unit.recipe_id for r in requirements})
    pricing = load_pricing(s, line_ingredients(nodes) | inputs.packaging_ingredients())
    graph = RecipeGraph(nodes, pricing.ingredients)
    return PlanSources(inputs, requirements, graph, pricing)


def calculate(sources: PlanSources) -> dict[str, Any]:
    """The calculation_results JSON for `sources` (costs and stock read through FIFO; pure)."""
    graph, requirements, inputs = sources.graph, sources.requirements, sources.inputs
    infos = graph.ingredients
    baked = ingredient_totals_exact(graph, [(r.unit.recipe_id, r.batches) for r in requirements])
    left = _less(baked, ingredient_totals_exact(graph, _made(requirements, inputs.produced)))
    totals = _positive(baked, plan_packaging(inputs, infos))
    to_shop = _positive(left, packaging_to_buy(inputs, infos))
    used = {i: infos[i] for i in totals.keys() | to_shop.keys()}
    stock = on_hand_in(sources.pricing.lots, used)
    items = shopping_items(to_shop, stock, sources.pricing.prices, used)
    return {
        "requirements": [r.to_json() for r in requirements],
        "ingredients": _ingredients_json(totals, graph),
        "shopping_list": {
            "items": [item.to_json() for item in items],
            "total_cost": dec_or_none(shopping_total(items)),
        },
        "cost_estimate": _cost_json(sources.pricing.total(totals), graph),
    }


def _made(
    requirements: Iterable[Requirement], produced: Mapping[int, int]
) -> list[tuple[int, int]]:
    """(recipe, batches) already made towards each requirement, up to its batches: what is
    left to bake is the rest (usually most of the plan, so it is worked out as the less)."""
    made = ((r.unit.recipe_id, min(r.batches, produced.get(r.unit.id, 0))) for r in requirements)
    return [(recipe_id, batches) for recipe_id, batches in made if batches > 0]


def _less(whole: Mapping[int, Fraction], part: Mapping[int, Fraction]) -> Mapping[int, Fraction]:
    """`whole` less `part`, per ingredient (every ingredient of `part` is in `whole`)."""
    if not part:
        return whole
    return {**whole, **{i: whole[i] - quantity for i, quantity in part.items()}}


def _positive(*parts: Mapping[int, Fraction]) -> dict[int, Decimal]:
    """Sum of exact per-ingredient quantities, as Decimals, leaving out what is zero."""
    summed = dict(parts[0])
    for part in parts[1:]:
        for ingredient_id, quantity in part.items():
            known = summed.get(ingredient_id)
            summed[ingredient_id] = quantity if known is None else known + quantity
    return {i: to_decimal(q) for i, q in summed.items() if q > 0}


def _option_json(option: BatchOption) -> dict[str, Any]:
    return {
        "batches": option.batches,
        "yield": dec_str(option.yield_),
        "shortfall": dec_str(option.shortfall),
        "surplus": dec_str(option.surplus),
    }


def _ingredients_json(totals: Mapping[int, Decimal], graph: RecipeGraph) -> list[dict[str, Any]]:
    infos = sorted((graph.ingredients[i] for i in totals), key=lambda info: info.name.lower())
    return [
        {
            "ingredient": info.slug,
            "name": info.name,
            "quantity": dec_str(totals[info.id]),
            "unit": str(info.base_unit),
            "display": format_friendly(totals[info.id], info.base_unit),
        }
        for info in infos
    ]


def _cost_json(cost: CostTotal, graph: RecipeGraph) -> dict[str, Any]:
    return {
        "total": dec_or_none(cost.total),
        "known_total": dec_str(cost.known_total),
        "unpriced": [graph.ingredients[i].slug for i in cost.unpriced],
    }
