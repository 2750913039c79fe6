"""The document format, its versions, and the ordered steps that bring old files up to date.

The document's `schema_version` is the database schema it was written from. A file from an
older schema is upgraded one version at a time by TRANSFORMS before it is validated, so an
import (and a schema upgrade, which is export → import) always works on the current layout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from src.models import SCHEMA_VERSION
from src.services.errors import ValidationError

FORMAT = "bake-tracker-export"

Document = dict[str, Any]
Transform = Callable[[Document], Document]


def _rename_column(document: Document, table: str, old: str, new: str) -> Document:
    tables = dict(document.get("tables", {}))
    rows = tables.get(table, [])
    tables[table] = [
        {(new if key == old else key): value for key, value in row.items()}
        if isinstance(row, dict)
        else row
        for row in rows
    ]
    return {**document, "tables": tables}


def v0_to_v1(document: Document) -> Document:
    """Schema 0 (the pre-release builds) called a finished unit's yield `items_per_batch`."""
    return _rename_column(document, "finished_units", "items_per_batch", "yield_per_batch")


def v1_to_v2(document: Document) -> Document:
    """Schema 2 added what is not in files (the input revision) or may be left empty (a
    plan's checked_revision: such a plan's staleness is worked out again on first look)."""
    return document


def v2_to_v3(document: Document) -> Document:
    """Schema 3 changed two indexes only, which files do not hold."""
    return document


# (from_version, step to from_version + 1), oldest first.
TRANSFORMS: tuple[tuple[int, Transform], ...] = ((0, v0_to_v1), (1, v1_to_v2), (2, v2_to_v3))


def check_header(document: Any) -> int:
    """The document's schema version; raises ValidationError when this is not an export."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(
            f'This file is not a Bake Tracker export (its "format" should be "{FORMAT}").'
        )
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ValidationError('The file has no valid "schema_version" (a whole number).')
    if version > SCHEMA_VERSION:
        raise ValidationError(
            f"The file was exported from a newer Bake Tracker (schema {version}); this version "
            f"reads schema {SCHEMA_VERSION} and older. Please update the app."
        )
    if not isinstance(document.get("tables"), dict):
        raise ValidationError('The file has no "tables" section.')
    return version


def upgrade_document(document: Document) -> Document:
    """The document brought to the current schema; raises ValidationError if it cannot be."""
    version = check_header(document)
    steps = dict(TRANSFORMS)
    while version < SCHEMA_VERSION:
        if version not in steps:
            raise ValidationError(
                f"Files from schema {version} are too old for this version of Bake Tracker."
            )
        document = {**steps[version](document), "schema_version": version + 1}
        version += 1
    return document
