"""Finished units: Decimal yields per batch, edits, and deletes refused while goods use them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.services.database import Database
from src.services.errors import ConflictError, ValidationError
from src.services.finished_units import (
    FinishedUnitInput,
    add_finished_unit,
    delete_finished_unit,
    get_finished_unit,
    list_finished_units,
    update_finished_unit,
)
from src.services.recipes import archive_recipe
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def test_a_recipe_may_yield_half_a_unit_per_batch(db: Database, ex: WorkedExample) -> None:
    cake = add_finished_unit(
        db, ex.recipes["sugar-cookies"], FinishedUnitInput("Cookie cake", Decimal("0.5"), "cake")
    )
    assert (cake.slug, cake.recipe_name, cake.yield_per_batch, cake.item_unit) == (
        "cookie-cake", "Sugar cookies", Decimal("0.5"), "cake",
    )  # fmt: skip
    edited = update_finished_unit(db, cake.id, FinishedUnitInput("Cookie cake", Decimal(1)))
    assert edited.yield_per_batch == 1 and get_finished_unit(db, cake.id) == edited


def test_a_yield_must_be_more_than_zero(db: Database, ex: WorkedExample) -> None:
    with pytest.raises(ValidationError, match="Yield per batch of Bar must be more than zero"):
        add_finished_unit(db, ex.recipes["sugar-cookies"], FinishedUnitInput("Bar", Decimal(0)))


def test_a_unit_in_a_finished_good_cannot_be_deleted(db: Database, ex: WorkedExample) -> None:
    with pytest.raises(ConflictError, match="'Sugar cookie': it is used by finished good 'Holiday"):
        delete_finished_unit(db, ex.units["sugar-cookie"])


def test_units_of_archived_recipes_are_hidden_unless_asked_for(
    db: Database, ex: WorkedExample
) -> None:
    archive_recipe(db, ex.recipes["gingerbread"])
    assert [u.name for u in list_finished_units(db)] == ["Sugar cookie"]
    assert len(list_finished_units(db, include_archived=True)) == 2
    spare = add_finished_unit(db, ex.recipes["gingerbread"], FinishedUnitInput("Mini", 48))
    delete_finished_unit(db, spare.id)
    assert len(list_finished_units(db, include_archived=True)) == 2
