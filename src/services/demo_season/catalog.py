"""Builds the demo season's pantry, recipes, goods, packages and recipients via services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from src.models import IngredientKind, MovementKind, SupplierKind
from src.services.database import Database
from src.services.finished_goods import FinishedGoodInput, ItemCount, create_finished_good
from src.services.finished_units import FinishedUnitInput, add_finished_unit
from src.services.ingredients import IngredientInput, create_ingredient
from src.services.inventory import adjust_lot
from src.services.packages import PackageInput, create_package
from src.services.packaging import PackagingInput
from src.services.products import ProductInput, create_product
from src.services.purchases import (
    OpeningBalanceInput,
    PurchaseInput,
    record_opening_balance,
    record_purchase,
)
from src.services.recipes import ComponentInput, LineInput, RecipeInput, create_recipe
from src.services.recipients import RecipientInput, create_recipient
from src.services.suppliers import SupplierInput, create_supplier

Spec = dict[str, Any]


@dataclass
class Names:
    """What the season's names turned into: ids (and slugs) per kind of thing."""

    suppliers: dict[str, int] = field(default_factory=dict)
    ingredients: dict[str, int] = field(default_factory=dict)
    products: dict[str, int] = field(default_factory=dict)
    recipes: dict[str, int] = field(default_factory=dict)
    recipe_slugs: dict[str, str] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)
    unit_slugs: dict[str, str] = field(default_factory=dict)
    goods: dict[str, int] = field(default_factory=dict)
    good_slugs: dict[str, str] = field(default_factory=dict)
    packages: dict[str, str] = field(default_factory=dict)  # name → slug
    recipients: dict[str, str] = field(default_factory=dict)  # name → slug


def load_catalog(db: Database, spec: Spec) -> Names:
    """Everything but the events; returns the names → identities map."""
    names = Names()
    steps: list[Callable[[Database, Spec, Names], None]] = [
        _suppliers, _ingredients, _products, _purchases, _opening_balances,
        _recipes, _goods, _packages, _recipients,
    ]  # fmt: skip
    for step in steps:
        step(db, spec, names)
    return names


def _suppliers(db: Database, spec: Spec, names: Names) -> None:
    for s in spec["suppliers"]:
        view = create_supplier(
            db,
            SupplierInput(s["name"], SupplierKind(s["kind"]), s.get("city"), s.get("state"),
                          s.get("website")),
        )  # fmt: skip
        names.suppliers[s["name"]] = view.id


def _ingredients(db: Database, spec: Spec, names: Names) -> None:
    for i in spec["ingredients"]:
        data = IngredientInput(
            i["name"], i["category"], IngredientKind(i["kind"]), i.get("density"), i.get("notes")
        )
        names.ingredients[i["name"]] = create_ingredient(db, data).id


def _products(db: Database, spec: Spec, names: Names) -> None:
    for p in spec["products"]:
        quantity, unit = p["package"].split(" ", 1)
        view = create_product(
            db,
            ProductInput(
                ingredient_id=names.ingredients[p["ingredient"]], name=p["name"],
                package_quantity=Decimal(quantity), package_unit=unit, brand=p["brand"],
                package_type=p["package_type"], is_preferred=p["preferred"],
            ),
        )  # fmt: skip
        names.products[f"{p['brand']} {p['name']}"] = view.id


def _purchases(db: Database, spec: Spec, names: Names) -> None:
    for p in spec["purchases"]:
        view = record_purchase(
            db,
            PurchaseInput(
                product_id=names.products[p["product"]],
                purchase_date=date.fromisoformat(p["date"]),
                packages_bought=Decimal(p["packages"]),
                price_per_package=Decimal(p["price_per_package"]),
                supplier_id=names.suppliers[p["supplier"]],
            ),
        )
        if "remaining" in p and view.lot_id is not None:
            used = Decimal(p["remaining"]) - view.packages_bought * _package_size(spec, p)
            adjust_lot(db, view.lot_id, MovementKind.CORRECTION, used, "Used before the season")


def _package_size(spec: Spec, purchase: Spec) -> Decimal:
    product = next(
        p for p in spec["products"] if f"{p['brand']} {p['name']}" == purchase["product"]
    )
    return Decimal(product["package"].split(" ", 1)[0])


def _opening_balances(db: Database, spec: Spec, names: Names) -> None:
    for o in spec.get("opening_balances", []):
        record_opening_balance(
            db,
            OpeningBalanceInput(
                product_id=names.products[o["product"]], quantity=Decimal(o["quantity"]),
                as_of=date.fromisoformat(o["purchase_date"]), location=o.get("location"),
                notes=o.get("notes"),
            ),
        )  # fmt: skip


def _recipes(db: Database, spec: Spec, names: Names) -> None:
    for r in spec["recipes"]:
        lines = tuple(
            LineInput(names.ingredients[ingredient], Decimal(quantity), unit)
            for quantity, unit, ingredient in r["lines"]
        )
        components = tuple(
            ComponentInput(names.recipes[name], Decimal(multiplier))
            for name, multiplier in r.get("components", [])
        )
        view = create_recipe(
            db,
            RecipeInput(r["name"], r["category"], lines, components, r.get("notes"),
                        r.get("source"), r.get("production_ready", False)),
        )  # fmt: skip
        names.recipes[r["name"]], names.recipe_slugs[r["name"]] = view.id, view.summary.slug
        for u in r["units"]:
            unit = add_finished_unit(
                db, view.id, FinishedUnitInput(u["name"], Decimal(u["per_batch"]))
            )
            names.units[u["name"]], names.unit_slugs[u["name"]] = unit.id, unit.slug


def _packaging(names: Names, lines: list[list[str]]) -> tuple[PackagingInput, ...]:
    return tuple(PackagingInput(names.ingredients[name], Decimal(q)) for name, q in lines)


def _goods(db: Database, spec: Spec, names: Names) -> None:
    for g in spec["finished_goods"]:
        view = create_finished_good(
            db,
            FinishedGoodInput(
                g["name"],
                units=tuple(ItemCount(names.units[n], q) for n, q in g.get("units", [])),
                goods=tuple(ItemCount(names.goods[n], q) for n, q in g.get("goods", [])),
                packaging=_packaging(names, g.get("packaging", [])),
                description=g.get("description"),
            ),
        )
        names.goods[g["name"]], names.good_slugs[g["name"]] = view.id, view.slug


def _packages(db: Database, spec: Spec, names: Names) -> None:
    for p in spec["packages"]:
        view = create_package(
            db,
            PackageInput(
                p["name"],
                goods=tuple(ItemCount(names.goods[n], q) for n, q in p.get("goods", [])),
                packaging=_packaging(names, p.get("packaging", [])),
                description=p.get("description"),
            ),
        )
        names.packages[p["name"]] = view.slug


def _recipients(db: Database, spec: Spec, names: Names) -> None:
    for r in spec["recipients"]:
        view = create_recipient(
            db,
            RecipientInput(r["name"], r.get("household_name"), r.get("address"),
                           r.get("allergies"), r.get("notes")),
        )  # fmt: skip
        names.recipients[r["name"]] = view.slug
