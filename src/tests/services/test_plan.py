from __future__ import annotations

from decimal import Decimal

from src.services.database import Database
from src.services.plan import calculate_plan, plan_report
from src.tests.services.plan_world import planned_example


def test_worked_example_plans_twenty_tins_end_to_end(db: Database) -> None:
    planned_example(db)

    plan = calculate_plan(db, "xmas")

    men, cookies = plan.results["requirements"]
    assert (cookies["finished_unit"], cookies["needed"], cookies["batches"]) == (
        "sugar-cookie",
        "240",
        7,
    )
    assert cookies["options"] == [
        {"batches": 6, "yield": "216", "shortfall": "24", "surplus": "0"},
        {"batches": 7, "yield": "252", "shortfall": "0", "surplus": "12"},
    ]
    assert (men["finished_unit"], men["needed"], men["batches"], men["yield"]) == (
        "gingerbread-man",
        "120",
        5,
        "120",
    )
    assert [o["batches"] for o in men["options"]] == [5]
    totals = {line["ingredient"]: line["quantity"] for line in plan.results["ingredients"]}
    assert totals["flour"] == "4812.5"
    assert totals["sugar"] == "2150"
    assert totals["butter"] == "2440.25"
    assert totals["powdered-sugar"] == "1200"
    assert totals["egg"] == "19.5"
    assert Decimal(totals["vanilla"]).quantize(Decimal("0.001")) == Decimal("69.005")
    assert Decimal(totals["ginger"]).quantize(Decimal("0.001")) == Decimal("73.934")


def test_plan_report_has_the_cli_shape(db: Database) -> None:
    planned_example(db)

    report = plan_report(db, "xmas")

    assert report["event"] == "xmas"
    assert report["plan_state"] == "draft"
    assert report["output_mode"] == "bundled"
    assert report["stale"] is False
    assert report["requirements"][1] == {
        "finished_unit": "sugar-cookie",
        "recipe": "sugar-cookies",
        "needed": "240",
        "yield_per_batch": "36",
        "batches": 7,
        "yield": "252",
        "shortfall": "0",
    }
    flour = next(i for i in report["ingredients"] if i["ingredient"] == "flour")
    assert flour == {"ingredient": "flour", "quantity": "4812.5", "unit": "g"}
