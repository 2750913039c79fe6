"""Schema upgrade keeps every row, and a killed upgrade leaves the old or the new database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from src.models import SCHEMA_VERSION, Ingredient, InputRevision
from src.services.database import (
    PROJECT_ROOT,
    open_database,
    schema_version,
    sqlite_integrity_problems,
)
from src.services.errors import DatabaseError, ValidationError
from src.services.export.registry import NOT_EXPORTED, TABLES
from src.services.export.upgrade import PAUSE_ENV_VAR, upgrade_database
from src.tests.services.export.helpers import full_dump, schema_1_file, schema_2_file, world


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    """A schema 0 database: schema 1 with the finished unit's yield under its old name."""
    path = schema_1_file(tmp_path / "bake.db")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_info SET schema_version = 0")
        conn.execute("ALTER TABLE finished_units RENAME COLUMN yield_per_batch TO items_per_batch")
    return path


def _dump_of(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = open_database(path)
    try:
        return full_dump(db, *NOT_EXPORTED)
    finally:
        db.dispose()


@pytest.fixture
def current_file(tmp_path: Path) -> Path:
    path = tmp_path / "bake.db"
    db = open_database(path)
    world(db)
    db.dispose()
    return path


def test_upgrade_keeps_every_row(current_file: Path) -> None:
    before = _dump_of(current_file)
    result = upgrade_database(current_file)
    assert _dump_of(current_file) == before
    assert result.backup.path.exists()
    assert sum(result.counts.values()) == sum(len(rows) for rows in before.values())


def test_an_old_schema_is_upgraded_through_its_transform(old_file: Path) -> None:
    with pytest.raises(DatabaseError, match="upgrade"):
        open_database(old_file)
    result = upgrade_database(old_file)
    assert (result.from_version, result.to_version) == (0, SCHEMA_VERSION)
    db = open_database(old_file)
    assert schema_version(db) == SCHEMA_VERSION
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT yield_per_batch FROM finished_units")).scalar() == "36"
    db.dispose()


def test_a_schema_1_database_gains_the_input_revision(tmp_path: Path) -> None:
    path = schema_1_file(tmp_path / "bake.db")
    before = _raw_counts(path)
    result = upgrade_database(path)
    assert (result.from_version, result.to_version) == (1, SCHEMA_VERSION)
    assert _raw_counts(path) == before
    db = open_database(path)
    with db.transaction() as session:
        revision = session.scalar(select(InputRevision.token))
        session.execute(update(Ingredient).values(notes="checked"))
    with db.transaction() as session:
        assert session.scalar(select(InputRevision.token)) not in (None, revision)
    db.dispose()


def test_a_schema_2_database_gains_the_indexes_that_price_from_indexes_alone(
    tmp_path: Path,
) -> None:
    path = schema_2_file(tmp_path / "bake.db")
    before = _raw_counts(path)
    result = upgrade_database(path)
    assert (result.from_version, result.to_version) == (2, SCHEMA_VERSION)
    assert _raw_counts(path) == before
    with sqlite3.connect(path) as conn:
        indexes = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    assert "price_per_package" in indexes["ix_purchases_product_latest"]
    assert "unit" in indexes["ix_recipe_ingredients_ingredient_unit"]
    assert "ix_recipe_ingredients_ingredient_id" not in indexes


def test_a_failed_upgrade_leaves_the_old_file(old_file: Path) -> None:
    with sqlite3.connect(old_file) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE inventory_items SET remaining_quantity = '-5'")
    before = old_file.read_bytes()
    with pytest.raises(ValidationError, match="remaining_quantity"):
        upgrade_database(old_file)
    assert old_file.read_bytes() == before
    assert [p.name for p in old_file.parent.iterdir() if ".upgrade-" in p.name] == []


@pytest.mark.parametrize("step", ["backed-up", "built", "swapped"])
def test_a_killed_upgrade_leaves_a_complete_database(old_file: Path, step: str) -> None:
    expected = _raw_counts(old_file)
    env = {**os.environ, PAUSE_ENV_VAR: step}
    command = [sys.executable, "-m", "src.cli", "--db", str(old_file), "upgrade"]
    child = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    line = child.stderr.readline()
    assert f"paused at {step}" in line, line + child.stderr.read()
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert sqlite_integrity_problems(old_file) == []
    assert _raw_counts(old_file) == expected
    version = _raw_version(old_file)
    assert version == (SCHEMA_VERSION if step == "swapped" else 0)
    upgrade_database(old_file)  # a later run cleans up and finishes the job
    assert _raw_version(old_file) == SCHEMA_VERSION


def _raw_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {
            spec.name: conn.execute(f"SELECT count(*) FROM {spec.name}").fetchone()[0]
            for spec in TABLES
        }


def _raw_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT schema_version FROM schema_info").fetchone()[0])
