"""Older export files are brought up to date by ordered transform steps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from src.models import SCHEMA_VERSION
from src.services.database import Database, open_database
from src.services.errors import ValidationError
from src.services.export.importer import import_document
from src.services.export.versions import TRANSFORMS, upgrade_document
from src.services.export.writer import dump_document
from src.tests.services.export.helpers import document_of, without_time, world


def test_transforms_lead_step_by_step_to_the_current_schema() -> None:
    versions = [version for version, _ in TRANSFORMS]
    assert versions == list(range(SCHEMA_VERSION - len(versions), SCHEMA_VERSION))


def test_a_schema_0_file_is_renamed_into_the_current_layout(db: Database, tmp_path: Path) -> None:
    world(db)
    current = json.loads(dump_document(document_of(db)))
    old = json.loads(json.dumps(current))
    old["schema_version"] = 0
    unit = old["tables"]["finished_units"][0]
    unit["items_per_batch"] = unit.pop("yield_per_batch")
    upgraded = upgrade_document(old)
    assert upgraded["schema_version"] == SCHEMA_VERSION
    assert without_time(upgraded) == without_time(current)
    fresh = open_database(tmp_path / "fresh.db")
    import_document(fresh, old)
    assert without_time(document_of(fresh)) == without_time(current)


def test_a_version_without_a_transform_is_refused() -> None:
    document = {"format": "bake-tracker-export", "schema_version": -1, "tables": {}}
    with pytest.raises(ValidationError, match="too old"):
        upgrade_document(document)


def test_a_version_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValidationError, match="schema_version"):
        upgrade_document({"format": "bake-tracker-export", "schema_version": "1", "tables": {}})


def test_a_file_without_tables_is_refused() -> None:
    with pytest.raises(ValidationError, match="tables"):
        upgrade_document({"format": "bake-tracker-export", "schema_version": 1})
