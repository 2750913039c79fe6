"""Is a calculated plan still true? Canonical inputs, their hash, and what changed in words.

`canonical_inputs` writes every input of a plan as JSON keyed by slugs (names kept beside
them, so a deleted thing can still be named); a ProductionPlanSnapshot stores it with its
hash. `describe_changes` compares two of them and says what changed the way a baker would:
"Recipe 'Gingerbread' changed", "Holiday tin now holds 8 gingerbread men",
"All-purpose flour purchase added". Pure functions: the plan module does the reading.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import orjson

from src.services.fifo import LotStock
from src.services.formatting import format_items, plural
from src.services.plan_inputs import PackagingLine, PlanInputs
from src.services.plan_json import dec_or_none, dec_str
from src.services.prices import ProductPrice
from src.services.recipe_graph import RecipeGraph

Section = dict[str, Any]


def canonical_inputs(
    inputs: PlanInputs,
    graph: RecipeGraph,
    prices: Mapping[int, Sequence[ProductPrice]],
    lots: Mapping[int, Sequence[LotStock]],
) -> dict[str, Section]:
    """Every input of the plan as JSON-ready data, keyed by stable slugs."""
    return {
        "event": {"output_mode": inputs.output_mode and inputs.output_mode.value},
        "recipes_selected": {slug: name for slug, name in inputs.selected_recipes.values()},
        "demand": _demand(inputs),
        "assignments": _assignments(inputs),
        "decisions": _by_unit(inputs, lambda u: _decision(inputs, u), inputs.decisions),
        "produced": _by_unit(inputs, lambda u: inputs.produced[u], inputs.produced),
        "recipes": _recipes(graph),
        "units": {
            u.slug: {"name": u.name, "recipe": u.recipe_slug, "yield": dec_str(u.yield_per_batch)}
            for u in inputs.units.values()
        },
        "goods": _goods(inputs, graph),
        "packages": {
            p.slug: {
                "name": p.name,
                "holds": _holds(inputs, {}, p.goods),
                "packaging": _packaging(graph, p.packaging),
            }
            for p in inputs.packages.values()
        },
        "ingredients": _ingredients(graph),
        "stock": _stock(graph, prices, lots),
    }


def canonical_json(data: Mapping[str, Any]) -> bytes:
    """The inputs as compact JSON with sorted keys (UTF-8, as orjson writes it)."""
    return orjson.dumps(dict(data), option=orjson.OPT_SORT_KEYS)


def input_hash(data: Mapping[str, Any]) -> str:
    """SHA-256 of the inputs' canonical_json."""
    return json_hash(canonical_json(data))


def json_hash(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()


def describe_changes(old: Mapping[str, Section], new: Mapping[str, Section]) -> list[str]:
    """What changed between two canonical inputs, in plain words ([] when nothing did)."""
    reasons: list[str] = []
    for section, describe in _DESCRIBERS.items():
        reasons += describe(old.get(section, {}), new.get(section, {}))
    if not reasons and input_hash(old) != input_hash(new):
        reasons.append("Something the plan was calculated from changed")
    return reasons


def _demand(inputs: PlanInputs) -> Section:
    section: Section = {}
    for good_id, quantity in inputs.demand.goods.items():
        good = inputs.goods[good_id]
        section[f"good:{good.slug}"] = {"name": good.name, "quantity": quantity}
    for unit_id, quantity in inputs.demand.units.items():
        unit = inputs.units[unit_id]
        section[f"unit:{unit.slug}"] = {"name": unit.name, "quantity": quantity}
    return section


def _assignments(inputs: PlanInputs) -> Section:
    section: Section = {}
    for a in inputs.assignments:
        package = inputs.packages[a.package_id]
        name = f"Package '{package.name}' for {a.recipient_name}"
        section[f"{a.recipient_slug}/{package.slug}"] = {"name": name, "quantity": a.quantity}
    return section


def _decision(inputs: PlanInputs, unit_id: int) -> dict[str, Any]:
    decision = inputs.decisions[unit_id]
    return {"batches": decision.batches, "confirmed_shortfall": decision.confirmed_shortfall}


def _by_unit(inputs: PlanInputs, value: Callable[[int], Any], ids: Mapping[int, Any]) -> Section:
    return {
        inputs.units[u].slug: {"name": inputs.units[u].name, "value": value(u)}
        for u in ids
        if u in inputs.units
    }


def _recipes(graph: RecipeGraph) -> Section:
    slug_of = {i: info.slug for i, info in graph.ingredients.items()}
    section: Section = {}
    for node in graph.recipes.values():
        lines = [[slug_of[x.ingredient_id], dec_str(x.quantity), str(x.unit)] for x in node.lines]
        components = sorted([graph.recipes[c].slug, dec_str(m)] for c, m in node.components)
        section[node.slug] = {"name": node.name, "lines": lines, "components": components}
    return section


def _holds(inputs: PlanInputs, units: Mapping[int, int], goods: Mapping[int, int]) -> Section:
    held = {inputs.units[u].slug: [inputs.units[u].name, q] for u, q in units.items()}
    held |= {inputs.goods[g].slug: [inputs.goods[g].name, q] for g, q in goods.items()}
    return held


def _goods(inputs: PlanInputs, graph: RecipeGraph) -> Section:
    return {
        g.slug: {
            "name": g.name,
            "holds": _holds(inputs, g.contents.units, g.contents.goods),
            "packaging": _packaging(graph, g.packaging),
        }
        for g in inputs.goods.values()
    }


def _packaging(graph: RecipeGraph, lines: Iterable[PackagingLine]) -> Section:
    return {
        graph.ingredients[x.ingredient_id].slug: [dec_str(x.quantity), str(x.unit)] for x in lines
    }


def _ingredients(graph: RecipeGraph) -> Section:
    return {
        info.slug: {
            "name": info.name,
            "category": info.category,
            "density": None if info.density is None else str(info.density),
            "base_unit": str(info.base_unit),
        }
        for info in graph.ingredients.values()
    }


def _stock(
    graph: RecipeGraph,
    prices: Mapping[int, Sequence[ProductPrice]],
    lots: Mapping[int, Sequence[LotStock]],
) -> Section:
    section: Section = {}
    for i, info in graph.ingredients.items():
        section[info.slug] = {
            "name": info.name,
            "products": {str(p.product_id): _product(p) for p in prices.get(i, [])},
            "lots": {str(lot.lot_id): _lot(lot) for lot in lots.get(i, [])},
        }
    return section


def _product(p: ProductPrice) -> list[Any]:
    price_date = p.price_date and p.price_date.isoformat()
    package = [p.label, dec_str(p.package_quantity), str(p.package_unit), p.is_preferred]
    return [*package, dec_or_none(p.price_per_package), price_date]


def _lot(lot: LotStock) -> list[Any]:
    bought, remaining = lot.purchase_date.isoformat(), dec_str(lot.remaining)
    return [bought, remaining, str(lot.unit), dec_or_none(lot.unit_cost)]


# Describers: (old section, new section) → reasons.


def _name(old: Section, new: Section, key: str) -> str:
    return str((new[key] if key in new else old[key])["name"])


def _listed(
    added: str, removed: str, changed: Callable[[str, Any, Any], str]
) -> Callable[[Section, Section], list[str]]:
    """A describer for a list the baker edits: items added, removed or changed."""

    def describe(old: Section, new: Section) -> list[str]:
        reasons = []
        for key in sorted(old.keys() | new.keys()):
            if key not in old:
                reasons.append(added.format(name=_name(old, new, key)))
            elif key not in new:
                reasons.append(removed.format(name=_name(old, new, key)))
            elif old[key] != new[key]:
                reasons.append(changed(_name(old, new, key), old[key], new[key]))
        return reasons

    return describe


def _shared(
    changed: Callable[[str, Any, Any], list[str]],
) -> Callable[[Section, Section], list[str]]:
    """A describer for catalog data: only what changed in things the plan still uses
    (things that come or go with the demand are reported by the demand)."""

    def describe(old: Section, new: Section) -> list[str]:
        reasons: list[str] = []
        for key in sorted(old.keys() & new.keys()):
            if old[key] != new[key]:
                reasons += changed(new[key]["name"], old[key], new[key])
        return reasons

    return describe


def _output_mode(old: Section, new: Section) -> list[str]:
    if old.get("output_mode") == new.get("output_mode"):
        return []
    return [f"Output mode changed to {new.get('output_mode') or 'none'}"]


def _recipes_selected(old: Section, new: Section) -> list[str]:
    added = [f"Recipe '{new[k]}' selected" for k in sorted(new.keys() - old.keys())]
    return added + [f"Recipe '{old[k]}' no longer selected" for k in sorted(old.keys() - new)]


def _unit_change(name: str, old: Any, new: Any) -> list[str]:
    if old["yield"] != new["yield"]:
        return [f"{name} now yields {new['yield']} per batch"]
    return [f"Finished unit '{name}' changed"]


def _holds_change(name: str, old: Any, new: Any) -> list[str]:
    before, after = old["holds"], new["holds"]
    reasons = [
        f"{name} now holds {format_items(after[k][1], after[k][0])}"
        for k in sorted(after)
        if before.get(k) != after[k]
    ]
    gone = sorted(before.keys() - after.keys())
    reasons += [f"{name} no longer holds {plural(before[k][0])}" for k in gone]
    if not reasons and old.get("packaging") != new.get("packaging"):
        reasons.append(f"Packaging of {name} changed")
    return reasons or [f"'{name}' changed"]


def _ingredient_change(name: str, old: Any, new: Any) -> list[str]:
    if old["density"] != new["density"]:
        return [f"Density of {name} is now {new['density'] or 'not set'}"]
    return [f"Ingredient '{name}' changed"]


def _stock_change(name: str, old: Any, new: Any) -> list[str]:
    if new["lots"].keys() - old["lots"].keys():
        return [f"{name} purchase added"]
    if old["lots"] != new["lots"]:
        return [f"{name} stock changed"]
    return [f"{name} products or prices changed"]


STOCK_LINES_SHOWN = 3


def _stock_reasons(old: Section, new: Section) -> list[str]:
    """Stock reasons, one per ingredient, or summed up when many changed at once (as after a
    production run): "Stock changed for 12 ingredients: Butter, Eggs, Flour and 9 more"."""
    reasons = _shared(_stock_change)(old, new)
    changed = [r.removesuffix(" stock changed") for r in reasons if r.endswith(" stock changed")]
    if len(changed) <= STOCK_LINES_SHOWN:
        return reasons
    shown = ", ".join(changed[:STOCK_LINES_SHOWN])
    more = len(changed) - STOCK_LINES_SHOWN
    summary = f"Stock changed for {len(changed)} ingredients: {shown} and {more} more"
    return [r for r in reasons if not r.endswith(" stock changed")] + [summary]


_DESCRIBERS: dict[str, Callable[[Section, Section], list[str]]] = {
    "event": _output_mode,
    "recipes_selected": _recipes_selected,
    "demand": _listed(
        "{name} added to demand",
        "{name} removed from demand",
        lambda n, a, b: f"Demand for {n} changed from {a['quantity']} to {b['quantity']}",
    ),
    "assignments": _listed(
        "{name} added",
        "{name} removed",
        lambda n, a, b: f"{n} changed from {a['quantity']} to {b['quantity']}",
    ),
    "decisions": _listed(
        "Batches for {name} decided",
        "Batch decision for {name} removed",
        lambda n, a, b: (
            f"Batches for {n} changed from {a['value']['batches']} to {b['value']['batches']}"
        ),
    ),
    "produced": _listed(
        "Production recorded for {name}",
        "Production for {name} removed",
        lambda n, a, b: f"Production recorded for {n}",
    ),
    "recipes": _shared(lambda n, a, b: [f"Recipe '{n}' changed"]),
    "units": _shared(_unit_change),
    "goods": _shared(_holds_change),
    "packages": _shared(_holds_change),
    "ingredients": _shared(_ingredient_change),
    "stock": _stock_reasons,
}
