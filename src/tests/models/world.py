"""One row in every table, linked the way the domain links them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from src.models import (
    AmendmentType,
    AssemblyConsumption,
    AssemblyRun,
    BatchDecision,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    FinishedGoodPackaging,
    IngredientKind,
    LossCategory,
    MovementKind,
    OutputMode,
    PackagePackaging,
    PackageReservation,
    PlanAmendment,
    PlanSnapshot,
    ProductionLoss,
    ProductionPlanSnapshot,
    ProductionRun,
    ProductionShortfall,
    ProductionStatus,
    Purchase,
    RecipeComponent,
    StockMovement,
    Unit,
)
from src.tests import factories as f


def build_world(s: Session) -> dict[str, object]:
    flour = f.ingredient(
        s,
        name="All-purpose flour",
        density_volume_quantity=Decimal(1),
        density_volume_unit=Unit.CUP,
        density_weight_quantity=Decimal(125),
        density_weight_unit=Unit.GRAM,
    )
    tin = f.ingredient(s, name="Cookie tin", kind=IngredientKind.PACKAGING)
    shop = f.supplier(s, name="Costco")
    bag = f.product(s, flour, package_quantity=Decimal(5), supplier=shop, is_preferred=True)
    purchase = Purchase(
        product=bag,
        supplier=shop,
        purchase_date=date(2026, 11, 1),
        packages_bought=Decimal(1),
        price_per_package=Decimal("4.99"),
    )
    s.add(purchase)
    lot = f.lot(s, bag, purchase=purchase)
    icing = f.recipe(s, name="Royal icing")
    cookies = f.recipe(s, name="Sugar cookies")
    f.recipe_line(s, cookies, flour, "3", Unit.CUP)
    s.add(RecipeComponent(recipe=cookies, component_recipe=icing, batch_multiplier=Decimal("0.5")))
    cookie = f.finished_unit(s, cookies, name="Sugar cookie")
    holiday_tin = f.finished_good(s, [(cookie, 12)], name="Holiday tin")
    s.add(FinishedGoodPackaging(finished_good=holiday_tin, ingredient=tin, quantity=Decimal(1)))
    gift = f.package(s, [(holiday_tin, 1)])
    s.add(PackagePackaging(package=gift, ingredient=tin, quantity=Decimal(1)))
    person = f.recipient(s, name="The Smiths")
    event = f.event(s, output_mode=OutputMode.BUNDLED, expected_attendees=30)
    s.add(EventRecipe(event=event, recipe=cookies))
    s.add(EventFinishedGood(event=event, finished_good=holiday_tin, quantity=20))
    erp = EventRecipientPackage(event=event, recipient=person, package=gift)
    s.add(erp)
    s.add(BatchDecision(event=event, recipe=cookies, finished_unit=cookie, batches=7))
    s.add(ProductionPlanSnapshot(event=event, calculation_results={"batches": []}))
    s.add(PlanSnapshot(event=event, snapshot_data={"batch_decisions": []}))
    s.add(
        PlanAmendment(
            event=event,
            amendment_type=AmendmentType.CHANGE_BATCHES,
            amendment_data={"from": 7, "to": 8},
            reason="Extra cookies for the choir",
        )
    )
    run = ProductionRun(
        recipe=cookies,
        finished_unit=cookie,
        event=event,
        batches=7,
        expected_yield=252,
        actual_yield=240,
        production_status=ProductionStatus.PARTIAL_LOSS,
        loss_quantity=12,
        total_ingredient_cost=Decimal("37.848553"),
        cost_per_unit=Decimal("0.150192670"),
        produced_at=datetime(2026, 12, 1, 10, 0),
    )
    s.add(run)
    s.flush()
    s.add(
        StockMovement(
            inventory_item_id=lot.id,
            kind=MovementKind.PRODUCTION,
            quantity=Decimal("-2"),
            unit_cost=lot.unit_cost,
            production_run_id=run.id,
        )
    )
    lot.remaining_quantity -= 2
    s.add(
        ProductionShortfall(
            production_run=run, ingredient=flour, quantity=Decimal(100), unit=Unit.GRAM
        )
    )
    s.add(
        ProductionLoss(
            production_run=run,
            finished_unit=cookie,
            event_id=event.id,
            loss_category=LossCategory.BURNT,
            loss_quantity=12,
            per_unit_cost=Decimal("0.1502"),
            total_loss_cost=Decimal("1.80"),
        )
    )
    assembly = AssemblyRun(finished_good=holiday_tin, event=event, quantity=1)
    assembly.consumptions.append(AssemblyConsumption(finished_unit=cookie, quantity=12))
    s.add(assembly)
    s.add(PackageReservation(recipient_package=erp, finished_good=holiday_tin, quantity=1))
    s.flush()
    return {"flour": flour, "lot": lot, "cookies": cookies, "event": event, "run": run}
