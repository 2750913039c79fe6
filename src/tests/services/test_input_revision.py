"""The input revision: an unchanged plan is checked without re-reading its inputs, and any
write to what plans are calculated from (however it is made) is noticed."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from src.models import (
    Base,
    Ingredient,
    InputRevision,
    ProductionPlanSnapshot,
    RecipeIngredient,
)
from src.models.revision import UNWATCHED, watched_tables
from src.services.database import Database
from src.services.errors import ValidationError
from src.services.event_demand import set_demand
from src.services.export.importer import import_document, import_file
from src.services.export.writer import export_file
from src.services.plan import calculate_plan, current_plan
from src.tests.db_probe import counted_statements
from src.tests.services.plan_world import planned_example


def _revision(db: Database) -> str:
    with db.transaction() as s:
        return s.scalars(select(InputRevision.token)).one()


def test_an_unchanged_plan_is_checked_without_reading_its_inputs(db: Database) -> None:
    planned_example(db)
    calculate_plan(db, "xmas")

    with counted_statements(db) as statements:
        plan = current_plan(db, "xmas")

    assert plan is not None and plan.is_stale is False
    assert len(statements) == 3, statements  # the event, its latest plan, the revision


def test_a_stale_plan_keeps_its_reasons_until_the_next_change(db: Database) -> None:
    planned_example(db)
    calculate_plan(db, "xmas")
    set_demand(db, "xmas", "holiday-tin", 25)
    first = current_plan(db, "xmas")

    with counted_statements(db) as statements:
        again = current_plan(db, "xmas")
    set_demand(db, "xmas", "holiday-tin", 30)
    after_another_change = current_plan(db, "xmas")

    assert first is not None and again is not None and after_another_change is not None
    assert (
        again.stale_reasons
        == first.stale_reasons
        == ("Demand for Holiday tin changed from 20 to 25",)
    )
    assert len(statements) == 3
    assert after_another_change.stale_reasons == ("Demand for Holiday tin changed from 20 to 30",)


@pytest.mark.sqlite_only
def test_a_change_made_outside_the_app_is_noticed(db: Database) -> None:
    planned = planned_example(db)
    calculate_plan(db, "xmas")
    assert db.path is not None
    flour = planned.example.ingredients["flour"]

    with sqlite3.connect(db.path) as conn:
        conn.execute(
            "UPDATE recipe_ingredients SET quantity = '4' WHERE ingredient_id = ? "
            "AND recipe_id = ?",
            (flour, planned.example.recipes["gingerbread"]),
        )

    plan = current_plan(db, "xmas")
    assert plan is not None
    assert plan.stale_reasons == ("Recipe 'Gingerbread' changed",)


def test_every_insert_update_and_delete_of_an_input_renews_the_revision(db: Database) -> None:
    planned = planned_example(db)
    seen = [_revision(db)]
    line = select(RecipeIngredient).where(
        RecipeIngredient.ingredient_id == planned.example.ingredients["sugar"]
    )

    with db.transaction() as s:
        s.execute(update(Ingredient).values(notes="keep dry"))
    seen.append(_revision(db))
    with db.transaction() as s:
        first = s.scalars(line).first()
        assert first is not None
        s.delete(first)
    seen.append(_revision(db))
    with db.transaction() as s:
        s.add(RecipeIngredient(recipe_id=first.recipe_id, ingredient_id=first.ingredient_id,
                               quantity=Decimal(1), unit=first.unit))  # fmt: skip
    seen.append(_revision(db))

    assert len(set(seen)) == 4


def test_writing_a_plan_leaves_the_revision_alone(db: Database) -> None:
    planned_example(db)
    before = _revision(db)

    calculate_plan(db, "xmas")
    with db.transaction() as s:
        s.execute(update(ProductionPlanSnapshot).values(shopping_complete=True))

    assert _revision(db) == before


@pytest.mark.sqlite_only
def test_every_table_but_the_checks_own_has_its_triggers(db: Database) -> None:
    with db.transaction() as s:
        rows = s.execute(text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"))
        triggers = {(table, name) for table, name in rows}

    expected = {
        (t.name, f"trg_{t.name}_revision_{op}")
        for t in watched_tables(Base.metadata)
        for op in ("insert", "update", "delete")
    }
    assert triggers == expected
    assert {t.name for t in watched_tables(Base.metadata)} | UNWATCHED == set(Base.metadata.tables)


def _trigger_count(db: Database) -> int:
    with db.transaction() as s:
        return len(s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all())


@pytest.mark.sqlite_only
def test_an_import_renews_the_revision_and_keeps_the_triggers(db: Database, tmp_path: Path) -> None:
    planned_example(db)
    triggers, before = _trigger_count(db), _revision(db)
    export_file(db, tmp_path / "season.json")

    import_file(db, tmp_path / "season.json", replace=True)

    assert _trigger_count(db) == triggers
    assert _revision(db) != before


@pytest.mark.sqlite_only
def test_a_failed_import_leaves_triggers_and_revision_as_they_were(
    db: Database, tmp_path: Path
) -> None:
    planned_example(db)
    triggers, before = _trigger_count(db), _revision(db)
    export_file(db, tmp_path / "season.json")
    document = json.loads((tmp_path / "season.json").read_text())
    document["tables"]["ingredients"][0]["name"] = ""  # a blank name is refused

    with pytest.raises(ValidationError):
        import_document(db, document, replace=True)

    assert (_trigger_count(db), _revision(db)) == (triggers, before)
