"""The database check finds broken ledgers, bad enum values and plans without snapshots."""

from __future__ import annotations

import sqlite3

import pytest

from src.models import PlanState
from src.services.database import Database
from src.services.integrity import check_database
from src.tests import factories as f
from src.tests.models.world import build_world


def raw(db: Database, statement: str) -> None:
    assert db.path is not None
    db.dispose()
    with sqlite3.connect(db.path) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(statement)


def test_a_sound_database_has_no_problems(db: Database) -> None:
    with db.transaction() as s:
        build_world(s)
    assert check_database(db) == []


def test_a_ledger_that_does_not_add_up_is_reported(db: Database) -> None:
    with db.transaction() as s:
        lot = f.lot(s)
        lot.remaining_quantity = lot.initial_quantity - 1
    assert any("add up to 5" in p for p in check_database(db))


@pytest.mark.sqlite_only
def test_remaining_above_initial_and_below_zero_are_reported(db: Database) -> None:
    with db.transaction() as s:
        f.lot(s)
        f.finished_unit(s)
    raw(db, "UPDATE inventory_items SET remaining_quantity = '-1'")
    raw(db, "UPDATE finished_units SET inventory_count = -3")
    problems = check_database(db)
    assert any("below zero" in p and "Lot" in p for p in problems)
    assert any("has -3 on hand" in p for p in problems)


@pytest.mark.sqlite_only
def test_an_unknown_enum_value_is_reported(db: Database) -> None:
    with db.transaction() as s:
        f.ingredient(s)
    raw(db, "UPDATE ingredients SET kind = 'liquid'")
    assert any('kind "liquid" is not one of food, packaging' in p for p in check_database(db))


def test_production_without_a_frozen_plan_is_reported(db: Database) -> None:
    with db.transaction() as s:
        f.event(s, slug="xmas", plan_state=PlanState.IN_PRODUCTION)
    assert check_database(db) == ['Event "xmas" is in production but has no frozen plan snapshot.']
