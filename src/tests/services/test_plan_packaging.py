"""Packaging in a plan: per good and per package, in totals, cost, shopping and staleness."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from src.models import (
    AssemblyRun,
    EventRecipientPackage,
    FinishedGoodPackaging,
    IngredientKind,
    PackagePackaging,
    Product,
    Purchase,
    Unit,
)
from src.services.database import Database
from src.services.plan import calculate_plan, current_plan
from src.services.staleness import describe_changes
from src.tests import factories as f
from src.tests.services.plan_world import PlannedExample, planned_example


def _tins(db: Database, p: PlannedExample, on_hand: int = 12) -> int:
    """Each holiday tin goes in one cookie tin, sold singly at $4; `on_hand` in the pantry."""
    with db.transaction() as s:
        tin = f.ingredient(s, name="Cookie tin", slug="cookie-tin", kind=IngredientKind.PACKAGING)
        single = f.product(s, tin, package_quantity=Decimal(1), package_unit=Unit.EACH)
        s.add(
            Purchase(
                product=single,
                purchase_date=date(2026, 11, 1),
                packages_bought=Decimal(on_hand or 1),
                price_per_package=Decimal(4),
            )
        )
        if on_hand:
            f.lot(s, single, initial_quantity=Decimal(on_hand), unit_cost=Decimal(4))
        s.add(FinishedGoodPackaging(finished_good_id=p.example.holiday_tin, ingredient=tin,
                                    quantity=Decimal(1)))  # fmt: skip
        return tin.id


def _line(results: dict, section: str, slug: str) -> dict:  # type: ignore[type-arg]
    items = results[section]["items"] if section == "shopping_list" else results[section]
    return next(i for i in items if i["ingredient"] == slug)


def test_packaging_of_each_good_is_in_the_totals_and_the_shopping_list(db: Database) -> None:
    p = planned_example(db)
    _tins(db, p)

    results = calculate_plan(db, p.event_slug).results

    assert _line(results, "ingredients", "cookie-tin")["quantity"] == "20"
    item = _line(results, "shopping_list", "cookie-tin")
    assert (item["needed"], item["on_hand"], item["to_buy"], item["packages"]) == (
        "20", "12", "8", 8,
    )  # fmt: skip


def test_packaging_of_recipient_packages_counts_too(db: Database) -> None:
    p = planned_example(db)
    _tins(db, p)
    with db.transaction() as s:
        bow = f.ingredient(s, name="Bow", slug="bow", kind=IngredientKind.PACKAGING)
        gift = f.package(s)
        gift.packaging.append(PackagePackaging(ingredient=bow, quantity=Decimal(2)))
        for name in ("Ann", "Bea", "Cy"):
            s.add(EventRecipientPackage(event_id=p.event_id, recipient=f.recipient(s, name=name),
                                        package=gift))  # fmt: skip

    results = calculate_plan(db, p.event_slug).results

    assert _line(results, "ingredients", "bow")["quantity"] == "6"
    assert "bow" in results["cost_estimate"]["unpriced"]  # never bought: no price


def test_assembled_goods_no_longer_need_packaging_to_be_bought(db: Database) -> None:
    p = planned_example(db)
    _tins(db, p, on_hand=0)
    with db.transaction() as s:
        s.add(AssemblyRun(finished_good_id=p.example.holiday_tin, event_id=p.event_id, quantity=5))

    results = calculate_plan(db, p.event_slug).results

    assert _line(results, "ingredients", "cookie-tin")["quantity"] == "20"
    assert _line(results, "shopping_list", "cookie-tin")["to_buy"] == "15"


def test_packaging_counts_in_the_cost_estimate(db: Database) -> None:
    p = planned_example(db)
    _tins(db, p, on_hand=20)
    without = calculate_plan(db, p.event_slug).results["cost_estimate"]["known_total"]
    with db.transaction() as s:
        s.delete(s.scalars(select(FinishedGoodPackaging)).one())
    base = calculate_plan(db, p.event_slug).results["cost_estimate"]["known_total"]

    assert round(Decimal(without) - Decimal(base), 10) == 80  # 20 tins at $4


def test_changing_a_goods_packaging_makes_the_plan_stale(db: Database) -> None:
    p = planned_example(db)
    _tins(db, p)
    calculate_plan(db, p.event_slug)
    with db.transaction() as s:
        s.scalars(select(FinishedGoodPackaging)).one().quantity = Decimal(2)

    plan = current_plan(db, p.event_slug)

    assert plan is not None and plan.is_stale
    assert plan.stale_reasons == ("Packaging of Holiday tin changed",)


def test_a_packaging_purchase_makes_the_shopping_part_stale(db: Database) -> None:
    p = planned_example(db)
    tin_id = _tins(db, p)
    calculate_plan(db, p.event_slug)
    with db.transaction() as s:
        product = s.scalars(select(Product).where(Product.ingredient_id == tin_id)).one()
        s.add(Purchase(product=product, purchase_date=date(2026, 11, 30),
                       packages_bought=Decimal(1), price_per_package=Decimal("3.50")))  # fmt: skip

    plan = current_plan(db, p.event_slug)

    assert plan is not None and plan.stale_reasons == ("Cookie tin products or prices changed",)


def _stock(*names: str) -> dict[str, dict[str, object]]:
    return {
        n: {"name": n.title(), "products": {}, "lots": {"1": ["2026-11-01", "1"]}} for n in names
    }


def test_many_stock_changes_are_summed_up_in_one_reason() -> None:
    names = ["butter", "eggs", "flour", "sugar", "vanilla"]
    old = {"stock": _stock(*names)}
    new = {
        "stock": {n: {**v, "lots": {"1": ["2026-11-01", "0.5"]}} for n, v in old["stock"].items()}
    }

    assert describe_changes(old, new) == [
        "Stock changed for 5 ingredients: Butter, Eggs, Flour and 2 more"
    ]


def test_a_few_stock_changes_are_named_one_by_one() -> None:
    old = {"stock": _stock("butter", "eggs")}
    new = {"stock": {n: {**v, "lots": {}} for n, v in old["stock"].items()}}

    assert describe_changes(old, new) == ["Butter stock changed", "Eggs stock changed"]
