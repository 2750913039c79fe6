"""The demo season loads through the real services, all or nothing, into an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from src.models import (
    EventRecipientPackage,
    LossCategory,
    PackageStatus,
    PlanState,
    ProductionRun,
    ProductionStatus,
)
from src.services.database import Database, open_database
from src.services.demo_season import DEMO_SEASON_FILE, load_demo_season
from src.services.errors import ConflictError, ValidationError
from src.services.events import list_events
from src.services.export.importer import row_counts
from src.services.integrity import check_database
from src.services.plan import current_plan
from src.services.shopping import shopping_report
from src.tests.db_probe import table_dump
from src.tests.factories import ingredient


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    load_demo_season(db)
    yield db
    db.dispose()


def test_the_shipped_season_is_complete_and_consistent(demo: Database) -> None:
    with demo.transaction() as s:
        counts = row_counts(s)
    assert counts["ingredients"] == 32 and counts["recipes"] == 13 and counts["events"] == 2
    assert counts["recipe_components"] == 4 and counts["finished_units"] == 11
    assert counts["recipients"] == 8 and counts["packages"] == 3
    assert check_database(demo) == []


def test_thanksgiving_is_in_production_with_a_burnt_pie_and_a_delivery(demo: Database) -> None:
    events = {e.slug: e for e in list_events(demo)}
    assert events["thanksgiving-2026"].plan_state == PlanState.IN_PRODUCTION.value
    assert events["christmas-cookie-tins-2026"].plan_state == PlanState.DRAFT.value
    with demo.transaction() as s:
        runs = {r.recipe.name: r for r in s.scalars(select(ProductionRun))}
        pecan = runs["Pecan pie"]
        assert (pecan.expected_yield, pecan.actual_yield) == (3, 2)
        assert pecan.production_status is ProductionStatus.PARTIAL_LOSS
        assert pecan.losses[0].loss_category is LossCategory.BURNT
        assert runs["Pumpkin pie"].total_ingredient_cost is not None
        statuses = sorted(p.status for p in s.scalars(select(EventRecipientPackage)))
    assert statuses.count(PackageStatus.DELIVERED) == 1


def test_the_christmas_plan_needs_cookie_tins_to_be_bought(demo: Database) -> None:
    plan = current_plan(demo, "christmas-cookie-tins-2026")
    assert plan is not None and not plan.is_stale
    sugar = next(r for r in plan.results["requirements"] if r["finished_unit"] == "sugar-cookie")
    assert (sugar["needed"], sugar["batches"]) == ("240", 7)
    tins = next(i for i in shopping_report(demo, "christmas-cookie-tins-2026")["items"]
                if i["ingredient"] == "cookie-tin")  # fmt: skip
    assert (tins["needed"], tins["on_hand"], tins["packages"]) == ("20", "12", 3)
    assert Decimal(tins["cost"]) == Decimal("35.97")


def test_it_is_refused_when_the_database_has_data(db: Database) -> None:
    with db.transaction() as s:
        ingredient(s, name="Flour")
    before = table_dump(db)
    with pytest.raises(ConflictError, match="only be loaded into an empty database"):
        load_demo_season(db)
    assert table_dump(db) == before


def test_a_missing_or_foreign_file_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="is missing"):
        load_demo_season(db, tmp_path / "nope.json")
    (tmp_path / "other.json").write_text('{"format": "something-else"}')
    with pytest.raises(ValidationError, match="is not a Bake Tracker demo season"):
        load_demo_season(db, tmp_path / "other.json")
    (tmp_path / "broken.json").write_text('{"format": ')
    with pytest.raises(ValidationError, match="is not valid JSON"):
        load_demo_season(db, tmp_path / "broken.json")


def test_a_failing_step_leaves_the_database_empty(db: Database, tmp_path: Path) -> None:
    text = DEMO_SEASON_FILE.read_text(encoding="utf-8").replace('"lock"', '"lock-it"', 1)
    (tmp_path / "season.json").write_text(text, encoding="utf-8")
    before = table_dump(db)
    with pytest.raises(ValidationError, match="unknown step 'lock-it'"):
        load_demo_season(db, tmp_path / "season.json")
    assert table_dump(db) == before
