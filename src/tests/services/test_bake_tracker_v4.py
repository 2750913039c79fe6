"""Moving over from bake-tracker v4.x: the shared sample and small hand-made files."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from src.models import (
    Event,
    Ingredient,
    IngredientKind,
    InventoryItem,
    OutputMode,
    Product,
    Purchase,
    Recipe,
    RecipeComponent,
    RecipeIngredient,
    Recipient,
    Unit,
)
from src.services.bake_tracker_v4 import import_bake_tracker_v4
from src.services.database import PROJECT_ROOT, Database
from src.services.errors import ConflictError, ValidationError
from src.services.integrity import check_database
from src.tests import factories as f

SHARED = PROJECT_ROOT.parent / "shared" / "data"
SAMPLE = SHARED / "bake_tracker_v4_sample.json"
PRICES = SHARED / "bake_tracker_v4_prices.csv"
needs_sample = pytest.mark.skipif(not SAMPLE.exists(), reason="v4 sample not available")


def count(db: Database, model: Any, *where: Any) -> int:
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


@needs_sample
def test_the_sample_imports_with_the_expected_counts(db: Database) -> None:
    report = import_bake_tracker_v4(db, SAMPLE, PRICES)
    assert count(db, Ingredient, Ingredient.kind == IngredientKind.FOOD) == 337
    assert count(db, Product) == 156
    assert count(db, InventoryItem) == 156
    assert count(db, Recipe) == 20
    assert count(db, Recipient) == 3
    assert count(db, Event) == 1
    assert report.counts["ingredients"] == 337 and report.counts["lots"] == 156
    assert check_database(db) == []  # every lot's ledger balances


@needs_sample
def test_categories_are_the_path_of_the_levels_above(db: Database) -> None:
    import_bake_tracker_v4(db, SAMPLE)
    with db.transaction() as s:
        gelatin = s.scalars(select(Ingredient).where(Ingredient.slug == "gelatin-powder")).one()
        whole = s.scalars(select(Ingredient).where(Ingredient.slug == "almonds-whole")).one()
    assert gelatin.category.startswith("Additives & Thickeners > ")
    assert whole.category.endswith(" > Almonds")


@needs_sample
def test_prices_set_lot_costs_and_purchases(db: Database) -> None:
    import_bake_tracker_v4(db, SAMPLE, PRICES)
    with db.transaction() as s:
        lot = s.scalars(
            select(InventoryItem)
            .join(InventoryItem.product)
            .where(Product.name == "Signature Supreme Whole Almonds")
        ).one()
        assert lot.unit_cost == Decimal("13.69") / Decimal(3)
        assert lot.purchase is not None and lot.purchase.price_per_package == Decimal("13.69")
        assert s.scalar(select(func.count()).select_from(Purchase)) > 100


@needs_sample
def test_quantities_stay_exact(db: Database) -> None:
    import_bake_tracker_v4(db, SAMPLE)
    with db.transaction() as s:
        quantities = set(s.scalars(select(RecipeIngredient.quantity)))
    assert Decimal("0.67") in quantities


def v4(**tables: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "version": "4.2",
        "application": "bake-tracker",
        "exported_at": "2026-01-07T23:23:19+00:00",
        "ingredients": [
            {"slug": "flours", "display_name": "Flours", "hierarchy_level": 0},
            {
                "slug": "wheat",
                "display_name": "Wheat",
                "hierarchy_level": 1,
                "parent_slug": "flours",
            },
            {
                "slug": "flour_ap",
                "display_name": "AP flour",
                "hierarchy_level": 2,
                "parent_slug": "wheat",
            },
        ],
    }
    return {**base, **tables}


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "v4.json"
    path.write_text(json.dumps(data))
    return path


def test_an_unknown_output_mode_names_the_event_and_value(db: Database, tmp_path: Path) -> None:
    data = v4(events=[{"name": "Fair", "event_date": "2026-09-01", "output_mode": "packaged"}])
    with pytest.raises(ValidationError, match='Event "Fair": output mode "packaged"'):
        import_bake_tracker_v4(db, write(tmp_path, data))
    assert count(db, Ingredient) == 0


def test_known_output_modes_map(db: Database, tmp_path: Path) -> None:
    data = v4(events=[{"name": "Fair", "event_date": "2026-09-01", "output_mode": "BUNDLED"}])
    import_bake_tracker_v4(db, write(tmp_path, data))
    with db.transaction() as s:
        assert s.scalars(select(Event.output_mode)).one() is OutputMode.BUNDLED


def test_units_that_cannot_map_are_reported(db: Database, tmp_path: Path) -> None:
    product = {
        "ingredient_slug": "flour_ap",
        "brand": "KA",
        "product_name": "Flour",
        "package_unit_quantity": 5,
        "package_unit": "sack",
    }
    ok = {**product, "product_name": "Flour bag", "package_unit": "lbs"}
    report = import_bake_tracker_v4(db, write(tmp_path, v4(products=[product, ok])))
    assert [(s.kind, s.reason) for s in report.skipped] == [
        ("product", 'package unit "sack" has no equivalent')
    ]
    with db.transaction() as s:
        assert s.scalars(select(Product.package_unit)).one() is Unit.POUND


def test_components_and_finished_units_are_mapped(db: Database, tmp_path: Path) -> None:
    recipes = [
        {
            "slug": "icing",
            "name": "Icing",
            "ingredients": [{"ingredient_slug": "flour_ap", "quantity": 0.5, "unit": "cup"}],
        },
        {
            "slug": "cookies",
            "name": "Cookies",
            "components": [{"component_recipe_slug": "icing", "batch_multiplier": 0.5}],
            "finished_units": [
                {"slug": "cookie", "display_name": "Cookie", "items_per_batch": 36},
                {
                    "slug": "cake",
                    "display_name": "Cake",
                    "yield_mode": "batch_portion",
                    "batch_percentage": 200,
                },
            ],
        },
    ]
    report = import_bake_tracker_v4(db, write(tmp_path, v4(recipes=recipes)))
    assert report.counts["finished units"] == 2
    with db.transaction() as s:
        assert s.scalars(select(RecipeComponent.batch_multiplier)).one() == Decimal("0.5")
        cookies = s.scalars(select(Recipe).where(Recipe.slug == "cookies")).one()
        assert sorted(u.yield_per_batch for u in cookies.finished_units) == [
            Decimal("0.5"),
            Decimal(36),
        ]


def test_a_component_cycle_is_refused_and_nothing_imported(db: Database, tmp_path: Path) -> None:
    recipes = [
        {"slug": "a", "name": "A", "components": [{"recipe_slug": "b", "quantity": 1}]},
        {"slug": "b", "name": "B", "components": [{"recipe_slug": "a", "quantity": 1}]},
    ]
    with pytest.raises(ValidationError, match="cycle"):
        import_bake_tracker_v4(db, write(tmp_path, v4(recipes=recipes)))
    assert count(db, Recipe) == 0


def test_a_database_with_data_is_refused(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        f.ingredient(s)
    with pytest.raises(ConflictError):
        import_bake_tracker_v4(db, write(tmp_path, v4()))


def test_a_file_that_is_not_v4_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"not a bake-tracker v4\.x export"):
        import_bake_tracker_v4(db, write(tmp_path, {"version": "3.6"}))
