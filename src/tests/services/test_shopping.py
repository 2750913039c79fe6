from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from src.models import Ingredient, PlanState, Unit
from src.services.batches import decide_batches
from src.services.database import Database
from src.services.fraction import Fraction
from src.services.plan import current_plan
from src.services.prices import ProductPrice
from src.services.recipe_graph import IngredientInfo
from src.services.shopping import (
    export_shopping_csv,
    export_shopping_pdf,
    mark_shopping_done,
    shopping_list,
    shopping_report,
)
from src.services.shopping_list import shopping_item, shopping_total, whole_packages
from src.services.units import Density
from src.tests.services.plan_world import planned_example, record_run, set_state

SUGAR = IngredientInfo(1, "sugar", "Sugar", "Baking", Density(Decimal(1), Unit.CUP,
                       Decimal(200), Unit.GRAM), Unit.GRAM)  # fmt: skip


def _bag(pounds: str, price: str | None, preferred: bool = False) -> ProductPrice:
    return ProductPrice(7, 1, f"Sugar {pounds} lb", Decimal(pounds), Unit.POUND, preferred,
                        None if price is None else Decimal(price), None)  # fmt: skip


def test_to_buy_rounds_up_to_whole_packages_with_cost_and_leftover() -> None:
    item = shopping_item(SUGAR, Decimal(1000), Decimal(0), _bag("1", "1.50"))

    # 1000 g is 2.2 lb: three 1 lb bags, 360.77711 g left over
    assert (item.packages, item.cost) == (3, Decimal("4.50"))
    assert item.leftover == Decimal("360.77711")


def test_whole_packages_round_up_and_leave_the_exact_rest() -> None:
    assert whole_packages(Decimal("2500"), Fraction(1000)) == (3, Decimal("500"))
    assert whole_packages(Decimal("2000"), Fraction(1000)) == (2, Decimal("0"))
    # A third of a gram per package: 0.5 g takes 2 packages, and a sixth of a gram is left.
    assert whole_packages(Decimal("0.5"), Fraction(1, 3)) == (2, Decimal(1) / Decimal(6))
    # 1 lb packages (453.59237 g) for 1 kg: 3 packages and 360.77711 g over.
    assert whole_packages(Decimal("1000"), Fraction("453.59237")) == (3, Decimal("360.77711"))


def test_nothing_to_buy_when_stock_covers_the_need() -> None:
    item = shopping_item(SUGAR, Decimal(500), Decimal(600), _bag("1", "1.50"))

    assert (item.to_buy, item.packages, item.cost, item.leftover) == (0, 0, 0, 0)


def test_an_unpriced_product_makes_the_total_unknown() -> None:
    priced = shopping_item(SUGAR, Decimal(100), Decimal(0), _bag("1", "1.50"))
    unpriced = shopping_item(SUGAR, Decimal(100), Decimal(0), _bag("1", None))

    assert (unpriced.packages, unpriced.cost) == (1, None)
    assert shopping_total([priced]) == Decimal("1.50")
    assert shopping_total([priced, unpriced]) is None


def test_worked_example_list_converts_pounds_of_stock_against_cups_of_need(db: Database) -> None:
    planned_example(db)

    items = {i["ingredient"]: i for i in shopping_report(db, "xmas")["items"]}

    # sugar: 10.75 cup at 200 g = 2150 g needed, 4 lb = 1814.36948 g on hand
    assert items["sugar"] == {
        "ingredient": "sugar",
        "needed": "2150",
        "on_hand": "1814.36948",
        "to_buy": "335.63052",
        "unit": "g",
        "product": "Sugar 4 lb",
        "packages": 1,
        "cost": "3.49",
        "leftover": "1478.73896",
    }
    # butter: 2440.25 g needed, 4 lb on hand: two more 1 lb packs
    assert (items["butter"]["packages"], items["butter"]["cost"]) == (2, "11.98")
    assert (items["egg"]["to_buy"], items["egg"]["packages"], items["egg"]["leftover"]) == (
        "7.5",
        1,
        "4.5",
    )
    assert (items["flour"]["to_buy"], items["flour"]["packages"]) == ("0", 0)
    assert items["powdered-sugar"]["product"] is None


def test_report_total_is_unknown_while_something_has_no_product(db: Database) -> None:
    planned_example(db)

    assert shopping_report(db, "xmas")["total_cost"] is None


def test_list_is_grouped_by_category(db: Database) -> None:
    planned = planned_example(db)
    with db.transaction() as s:
        s.get_one(Ingredient, planned.example.ingredients["vanilla"]).category = "Flavorings"
        s.get_one(Ingredient, planned.example.ingredients["ginger"]).category = "Flavorings"

    listing = shopping_list(db, "xmas")

    assert [(g.category, [i.ingredient for i in g.items]) for g in listing.groups] == [
        ("Baking", ["flour", "butter", "egg", "sugar", "powdered-sugar"]),
        ("Flavorings", ["ginger", "vanilla"]),
    ]


def test_production_already_done_is_not_bought_again(db: Database) -> None:
    planned = planned_example(db)
    set_state(db, planned.event_id, PlanState.IN_PRODUCTION)
    record_run(db, planned.event_id, planned.example.units["gingerbread-man"], 5, 120)

    items = {i["ingredient"]: i for i in shopping_report(db, "xmas")["items"]}

    assert "ginger" not in items and "powdered-sugar" not in items
    assert items["flour"]["needed"] == "2625"  # 7 batches × 3 cup × 125 g


def test_csv_and_pdf_are_written(db: Database, tmp_path: Path) -> None:
    planned_example(db)
    decide_batches(db, "xmas", "sugar-cookie", 7)

    csv_path = export_shopping_csv(db, "xmas", tmp_path / "list.csv")
    pdf_path = export_shopping_pdf(db, "xmas", tmp_path / "list.pdf")

    rows = list(csv.reader(csv_path.open(encoding="utf-8")))
    assert rows[0][:3] == ["Category", "Ingredient", "Needed"]
    sugar = next(r for r in rows if r[1] == "Granulated sugar")
    assert sugar[4:9] == ["335.63052", "g", "Sugar 4 lb", "1", "3.49"]
    assert rows[-1][:1] == ["Total"] and rows[-1][8] == "unknown"
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_shopping_done_is_marked_on_the_current_plan(db: Database) -> None:
    planned_example(db)
    shopping_report(db, "xmas")

    mark_shopping_done(db, "xmas")

    plan = current_plan(db, "xmas")
    assert plan is not None and plan.shopping_complete
    assert shopping_list(db, "xmas").shopping_complete
