"""Reports: planned vs actual, cost per recipient, losses, ingredient usage, spending."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from src.models import (
    EventRecipientPackage,
    FinishedGood,
    IngredientKind,
    LossCategory,
    PackagePackaging,
    ProductionPlanSnapshot,
    Unit,
)
from src.services.assembly import assemble
from src.services.database import Database
from src.services.delivery import assemble_package, unassemble_package
from src.services.production import record_production, void_production
from src.services.reports import (
    cost_per_recipient,
    event_cost,
    ingredient_usage,
    loss_report,
    spending_by_month,
)
from src.tests import factories as f
from src.tests.production_example import (
    ProductionExample,
    add_priced_lot,
    build_production_example,
)

DONE = datetime(2026, 12, 10, 9, 0)


@pytest.fixture
def px(db: Database) -> ProductionExample:
    with db.transaction() as s:
        return build_production_example(s)


def _event(db: Database, estimate: object = "missing") -> int:
    with db.transaction() as s:
        event = f.event(s, name="Christmas 2026")
        if estimate != "missing":
            results = {"cost_estimate": {"total": estimate}}
            s.add(ProductionPlanSnapshot(event=event, calculation_results=results))
        return event.id


def _cookies(db: Database, px: ProductionExample, batches: int, actual: int, **kw):  # type: ignore[no-untyped-def]
    ex = px.ex
    return record_production(
        db, ex.recipes["sugar-cookies"], ex.units["sugar-cookie"], batches, actual,
        produced_at=DONE, **kw,
    ).run  # fmt: skip


def _gingerbread(db: Database, px: ProductionExample, actual: int, **kw):  # type: ignore[no-untyped-def]
    ex = px.ex
    return record_production(
        db, ex.recipes["gingerbread"], ex.units["gingerbread-man"], 1, actual,
        produced_at=DONE, **kw,
    ).run  # fmt: skip


def test_event_cost_compares_the_plan_with_runs_and_packaging(
    db: Database, px: ProductionExample
) -> None:
    event = _event(db, "40.00")
    cookies = _cookies(db, px, 6, 216, event_id=event)
    men = _gingerbread(db, px, 24, event_id=event)
    assemble(db, px.ex.holiday_tin, 4, event_id=event)
    _cookies(db, px, 1, 36)  # not for this event

    report = event_cost(db, event)

    assert report.plan_calculated and report.planned == Decimal("40.00")
    assert report.production_cost == cookies.total_ingredient_cost + men.total_ingredient_cost
    assert report.packaging_cost == Decimal("6.00")
    assert report.actual == report.production_cost + Decimal("6.00")
    assert report.difference == report.actual - Decimal("40.00")
    assert [(c.label, c.cost) for c in report.by_recipe] == [
        ("Gingerbread", men.total_ingredient_cost),
        ("Sugar cookies", cookies.total_ingredient_cost),
    ]


def test_without_a_calculated_plan_the_planned_cost_says_so(
    db: Database, px: ProductionExample
) -> None:
    event = _event(db)

    report = event_cost(db, event)

    assert (report.plan_calculated, report.planned, report.difference) == (False, None, None)
    assert report.production_cost == 0 and report.actual == 0


def test_an_unpriced_plan_estimate_is_unknown_not_zero(db: Database, px: ProductionExample) -> None:
    report = event_cost(db, _event(db, None))

    assert report.plan_calculated and report.planned is None


def test_cost_per_recipient_values_packages_at_the_goods_assembly_cost(
    db: Database, px: ProductionExample
) -> None:
    event = _event(db)
    _cookies(db, px, 7, 240, event_id=event)
    _gingerbread(db, px, 24, event_id=event)
    tins = assemble(db, px.ex.holiday_tin, 4, event_id=event)
    with db.transaction() as s:
        family = f.package(s, [(s.get_one(FinishedGood, px.ex.holiday_tin), 1)])
        for name, quantity in {"Bob": 1, "Alice": 3}.items():
            s.add(
                EventRecipientPackage(
                    event_id=event, recipient=f.recipient(s, name=name), package=family,
                    quantity=quantity,
                )
            )  # fmt: skip

    costs = cost_per_recipient(db, event)

    assert tins.cost_per_good is not None
    assert [(c.recipient, c.packages, c.cost) for c in costs] == [
        ("Alice", 3, tins.cost_per_good * 3),
        ("Bob", 1, tins.cost_per_good),
    ]


def test_package_packaging_counts_for_the_recipient_and_the_event(
    db: Database, px: ProductionExample
) -> None:
    event = _event(db)
    _cookies(db, px, 7, 240, event_id=event)
    _gingerbread(db, px, 24, event_id=event)
    tins = assemble(db, px.ex.holiday_tin, 2, event_id=event)
    with db.transaction() as s:
        bow = f.ingredient(s, name="Bow", kind=IngredientKind.PACKAGING)
        add_priced_lot(s, bow, "10", Unit.EACH, "5.00", date(2026, 11, 1))
        gift = f.package(s, [(s.get_one(FinishedGood, px.ex.holiday_tin), 1)])
        gift.packaging.append(PackagePackaging(ingredient=bow, quantity=Decimal(2)))
        erp = EventRecipientPackage(
            event_id=event, recipient=f.recipient(s, name="Ann"), package=gift
        )
        s.add(erp)
        s.flush()
        erp_id = erp.id
    packaging_before = event_cost(db, event).packaging_cost
    assemble_package(db, erp_id)

    [ann] = cost_per_recipient(db, event)

    assert tins.cost_per_good is not None and packaging_before is not None
    assert ann.cost == tins.cost_per_good + Decimal("1.00")  # two bows at $0.50
    assert event_cost(db, event).packaging_cost == packaging_before + Decimal("1.00")
    unassemble_package(db, erp_id)
    assert event_cost(db, event).packaging_cost == packaging_before


def test_losses_by_category_recipe_and_event_leave_voided_runs_out(
    db: Database, px: ProductionExample
) -> None:
    event = _event(db)
    burnt = _cookies(db, px, 6, 204, event_id=event, loss_category=LossCategory.BURNT)
    dropped = _gingerbread(db, px, 20, loss_category=LossCategory.DROPPED)
    voided = _cookies(db, px, 1, 30, loss_category=LossCategory.BROKEN)
    void_production(db, voided.id)

    report = loss_report(db)

    assert [(line.label, line.quantity) for line in report.by_category] == [
        ("burnt", 12), ("dropped", 4),
    ]  # fmt: skip
    assert report.total_lost == 16
    assert report.total_cost == burnt.loss_cost + dropped.loss_cost
    rates = {r.recipe: (r.expected, r.lost, round(r.loss_rate, 4)) for r in report.by_recipe}
    assert rates == {
        "Gingerbread": (24, 4, Decimal("0.1667")),
        "Sugar cookies": (216, 12, Decimal("0.0556")),
    }
    assert [(line.label, line.cost) for line in report.by_event] == [
        ("Christmas 2026", burnt.loss_cost), ("No event", dropped.loss_cost),
    ]  # fmt: skip
    assert [line.label for line in loss_report(db, event_id=event).by_category] == ["burnt"]


def test_ingredient_usage_sums_production_consumption_in_the_date_range(
    db: Database, px: ProductionExample
) -> None:
    _cookies(db, px, 6, 216)
    voided = _cookies(db, px, 1, 36)
    void_production(db, voided.id)

    usage = {u.ingredient: u for u in ingredient_usage(db, date(2026, 12, 10), date(2026, 12, 10))}

    flour = usage["All-purpose flour"]
    # 18 cups at 125 g; the sack's share is stored in lb to 18 places (fifo.LEDGER_PLACES).
    assert (round(flour.quantity, 12), flour.unit) == (Decimal(2250), "g")
    assert round(flour.cost or 0, 6) == Decimal("3.771056")  # the bag's 2 lb + 1342.8 g of sack
    assert usage["Eggs"].quantity == 6 and usage["Eggs"].cost == Decimal("1.995")
    assert ingredient_usage(db, date(2026, 12, 11), date(2026, 12, 31)) == []


def test_ingredient_usage_without_a_start_counts_every_run_up_to_the_end(
    db: Database, px: ProductionExample
) -> None:
    _cookies(db, px, 6, 216)

    usage = {u.ingredient: u for u in ingredient_usage(db, None, date(2026, 12, 10))}

    assert usage["Eggs"].quantity == 6 and usage["Eggs"].cost == Decimal("1.995")
    assert ingredient_usage(db, None, date(2026, 12, 9)) == []


def test_spending_is_grouped_by_month(db: Database, px: ProductionExample) -> None:
    months = spending_by_month(db)

    assert [(m.month, m.purchases, m.total) for m in months] == [
        ("2026-10", 1, Decimal("4.99")),
        ("2026-11", 8, Decimal("59.42") + Decimal("2.50") + Decimal("4.00") + Decimal("15.00")),
    ]
    assert spending_by_month(db, start=date(2026, 11, 1), end=date(2026, 11, 1))[0].purchases == 5
