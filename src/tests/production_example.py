"""The worked example made ready to bake and assemble: every ingredient has a priced lot,
and the holiday tin takes one cookie tin (packaging) bought at $1.50 each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from src.models import (
    FinishedGoodPackaging,
    Ingredient,
    IngredientKind,
    InventoryItem,
    Purchase,
    Unit,
)
from src.tests import factories as f
from src.tests.worked_example import WorkedExample, build_worked_example


@dataclass(frozen=True)
class ProductionExample:
    ex: WorkedExample
    lots: dict[str, int]  # the extra lots: "powdered-sugar", "ginger", "tin"
    tin_ingredient: int


def add_priced_lot(
    s: Session, ingredient: Ingredient, quantity: str, unit: Unit, price: str, bought: date
) -> InventoryItem:
    """A product, its purchase of one package at `price`, and the lot (with opening ledger)."""
    product = f.product(s, ingredient, package_quantity=Decimal(quantity), package_unit=unit)
    purchase = Purchase(
        product=product,
        purchase_date=bought,
        packages_bought=Decimal(1),
        price_per_package=Decimal(price),
    )
    s.add(purchase)
    unit_cost = Decimal(price) / Decimal(quantity)
    return f.lot(
        s,
        product,
        initial_quantity=Decimal(quantity),
        unit_cost=unit_cost,
        purchase=purchase,
        purchase_date=bought,
    )


def build_production_example(s: Session) -> ProductionExample:
    ex = build_worked_example(s)
    bought = date(2026, 11, 2)
    powdered = s.get_one(Ingredient, ex.ingredients["powdered-sugar"])
    ginger = s.get_one(Ingredient, ex.ingredients["ginger"])
    tin = f.ingredient(s, name="Cookie tin", kind=IngredientKind.PACKAGING)
    lots = {
        "powdered-sugar": add_priced_lot(s, powdered, "2", Unit.POUND, "2.50", bought).id,
        "ginger": add_priced_lot(s, ginger, "100", Unit.MILLILITER, "4.00", bought).id,
        "tin": add_priced_lot(s, tin, "10", Unit.EACH, "15.00", bought).id,
    }
    s.add(
        FinishedGoodPackaging(finished_good_id=ex.holiday_tin, ingredient=tin, quantity=Decimal(1))
    )
    s.flush()
    return ProductionExample(ex, lots, tin.id)
