"""Picker lists: recipes with their finished units, goods with counts, events, in few queries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from src.models import IngredientKind, PlanState
from src.services.choices import (
    LOSS_CATEGORIES,
    event_options,
    good_options,
    ingredient_options,
    recipe_options,
)
from src.services.database import Database
from src.tests import factories as f
from src.tests.db_probe import counted_statements
from src.tests.worked_example import build_worked_example


def test_recipes_come_with_their_finished_units_and_yields(db: Database) -> None:
    with db.transaction() as s:
        ex = build_worked_example(s, with_stock=False)
        archived = f.recipe(s, name="Old fruitcake", is_archived=True)
        f.finished_unit(s, archived, name="Slice")
    options = recipe_options(db)
    # Royal icing has no finished unit of its own (it is a component), so it is not offered.
    assert [o.name for o in options] == ["Gingerbread", "Sugar cookies"]
    cookies = options[1]
    assert cookies.id == ex.recipes["sugar-cookies"]
    assert [(u.id, u.name, u.yield_per_batch) for u in cookies.units] == [
        (ex.units["sugar-cookie"], "Sugar cookie", Decimal(36))
    ]


def test_goods_list_how_many_are_on_hand(db: Database) -> None:
    with db.transaction() as s:
        ex = build_worked_example(s, with_stock=False)
        f.finished_good(s, name="Retired box", is_archived=True)
        f.finished_good(s, name="Cookie bag", inventory_count=4)
    assert [(g.name, g.on_hand) for g in good_options(db)] == [
        ("Cookie bag", 4),
        ("Holiday tin", 0),
    ]
    assert good_options(db)[1].id == ex.holiday_tin


def test_ingredients_by_name_archived_left_out_and_packaging_on_its_own(db: Database) -> None:
    with db.transaction() as s:
        f.ingredient(s, name="Sugar")
        f.ingredient(s, name="Cookie tin", kind=IngredientKind.PACKAGING)
        f.ingredient(s, name="Almond flour")
        f.ingredient(s, name="Old ribbon", kind=IngredientKind.PACKAGING, is_archived=True)
    names = [i.name for i in ingredient_options(db)]
    assert names == ["Almond flour", "Cookie tin", "Sugar"]
    assert [i.name for i in ingredient_options(db, packaging_only=True)] == ["Cookie tin"]


def test_events_soonest_first_and_completed_ones_are_not_open(db: Database) -> None:
    with db.transaction() as s:
        f.event(s, name="Christmas", event_date=date(2026, 12, 20))
        f.event(s, name="Bake sale", event_date=date(2026, 12, 5), plan_state=PlanState.COMPLETED)
    assert [(e.name, e.is_open) for e in event_options(db)] == [
        ("Bake sale", False),
        ("Christmas", True),
    ]


def test_each_list_is_one_query_however_many_rows(db: Database) -> None:
    with db.transaction() as s:
        for n in range(5):
            recipe = f.recipe(s, name=f"Recipe {n}")
            f.finished_unit(s, recipe)
            f.finished_unit(s, recipe)
            f.finished_good(s)
            f.event(s)
            f.ingredient(s)
    for lister in (recipe_options, good_options, event_options, ingredient_options):
        with counted_statements(db) as statements:
            lister(db)
        assert len(statements) == 1, lister.__name__


def test_loss_categories_are_offered_in_their_defined_order() -> None:
    assert [c.value for c in LOSS_CATEGORIES][:2] == ["burnt", "broken"]
