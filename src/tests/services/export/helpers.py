"""Helpers for export/import tests: a world database, its document, a full raw dump."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import text

from src.models import Base
from src.services.database import Database, open_database
from src.services.export.writer import export_document
from src.tests.models.world import build_world


def world(db: Database) -> None:
    with db.transaction() as session:
        build_world(session)


def document_of(db: Database) -> dict[str, Any]:
    with db.transaction() as session:
        return export_document(session)


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


def full_dump(db: Database, *leave_out: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored value of every table (ids included), exactly as the database holds it."""
    with db.engine.connect() as conn:
        return {
            table.name: [tuple(row) for row in conn.execute(text(f"SELECT * FROM {table.name}"))]
            for table in Base.metadata.sorted_tables
            if table.name not in leave_out
        }


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def schema_2_file(path: Path) -> Path:
    """A database with data as schema 2 made it: a product's latest purchase indexed without
    its price, and recipe lines by ingredient without their unit."""
    db = open_database(path)
    world(db)
    db.dispose()
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            DROP INDEX ix_purchases_product_latest;
            CREATE INDEX ix_purchases_product_latest
                ON purchases (product_id, purchase_date DESC, id DESC);
            DROP INDEX ix_recipe_ingredients_ingredient_unit;
            CREATE INDEX ix_recipe_ingredients_ingredient_id ON recipe_ingredients (ingredient_id);
            UPDATE schema_info SET schema_version = 2;
            """
        )
    return path


def schema_1_file(path: Path) -> Path:
    """A database with data as schema 1 made it: schema 2 without the input revision, its
    triggers or checked_revision."""
    schema_2_file(path)
    with sqlite3.connect(path) as conn:
        triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        for (name,) in triggers.fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE input_revision")
        conn.execute("ALTER TABLE production_plan_snapshots DROP COLUMN checked_revision")
        conn.execute("UPDATE schema_info SET schema_version = 1")
    return path
