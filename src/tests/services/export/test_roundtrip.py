"""Export → import → export keeps every table, every row and every value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from src.services.database import Database, open_database
from src.services.errors import ConflictError, ValidationError
from src.services.export.importer import import_document, import_file
from src.services.export.registry import NOT_EXPORTED, TABLES
from src.services.export.writer import dump_document, export_file
from src.tests.services.export.helpers import document_of, full_dump, without_time, world


@pytest.fixture
def fresh(tmp_path: Path) -> Database:
    return open_database(tmp_path / "fresh.db")


def test_the_world_fills_every_exported_table(db: Database) -> None:
    world(db)
    empty = [name for name, rows in document_of(db)["tables"].items() if not rows]
    assert empty == [], "extend build_world so these tables get a row"
    assert set(document_of(db)["tables"]) == {spec.name for spec in TABLES}


def test_export_then_import_then_export_gives_the_same_document(
    db: Database, fresh: Database
) -> None:
    world(db)
    original = document_of(db)
    import_document(fresh, json.loads(dump_document(original)))
    assert without_time(document_of(fresh)) == without_time(original)


@pytest.mark.sqlite_only
def test_imported_rows_are_identical_to_the_exported_ones(db: Database, fresh: Database) -> None:
    world(db)
    import_document(fresh, json.loads(dump_document(document_of(db))))
    assert full_dump(fresh, *NOT_EXPORTED) == full_dump(db, *NOT_EXPORTED)


def test_exported_files_are_byte_identical_apart_from_the_time(
    db: Database, fresh: Database, tmp_path: Path
) -> None:
    world(db)
    export_file(db, tmp_path / "a.json")
    import_file(fresh, tmp_path / "a.json")
    export_file(fresh, tmp_path / "b.json")
    a, b = ((tmp_path / n).read_text().splitlines() for n in ("a.json", "b.json"))
    assert [line for line in a if "exported_at" not in line] == [
        line for line in b if "exported_at" not in line
    ]


def test_references_are_written_as_uuids(db: Database) -> None:
    world(db)
    tables = document_of(db)["tables"]
    product = tables["products"][0]
    assert product["ingredient_id"] == tables["ingredients"][0]["uuid"]
    assert "id" not in product


def test_decimals_are_exact_text_and_dates_iso(db: Database) -> None:
    world(db)
    tables = document_of(db)["tables"]
    assert tables["production_runs"][0]["total_ingredient_cost"] == "37.848553"
    assert tables["production_runs"][0]["produced_at"] == "2026-12-01T10:00:00"
    assert tables["purchases"][0]["purchase_date"] == "2026-11-01"


def test_import_into_a_database_with_data_needs_replace(db: Database, tmp_path: Path) -> None:
    world(db)
    export_file(db, tmp_path / "a.json")
    with pytest.raises(ConflictError, match="already holds data"):
        import_file(db, tmp_path / "a.json")


@pytest.mark.sqlite_only
def test_replace_resets_first_and_backs_up(db: Database, tmp_path: Path) -> None:
    world(db)
    before = full_dump(db, *NOT_EXPORTED)
    export_file(db, tmp_path / "a.json")
    summary = import_file(db, tmp_path / "a.json", replace=True)
    assert full_dump(db, *NOT_EXPORTED) == before
    assert summary.backup is not None and summary.backup.exists()
    assert summary.total_rows == sum(len(rows) for rows in before.values())


def test_a_self_reference_to_a_later_row_imports(db: Database, fresh: Database) -> None:
    world(db)
    document = json.loads(dump_document(document_of(db)))
    first, second = document["tables"]["recipes"]
    first["base_recipe_id"] = second["uuid"]
    import_document(fresh, document)
    assert document_of(fresh)["tables"]["recipes"][0]["base_recipe_id"] == second["uuid"]


def test_a_recipe_that_is_its_own_base_through_another_is_a_cycle(
    db: Database, fresh: Database
) -> None:
    world(db)
    document = json.loads(dump_document(document_of(db)))
    first, second = document["tables"]["recipes"]
    first["base_recipe_id"], second["base_recipe_id"] = second["uuid"], first["uuid"]
    with pytest.raises(ValidationError, match='field "base_recipe_id": makes a cycle'):
        import_document(fresh, document)
