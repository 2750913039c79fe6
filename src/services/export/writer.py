"""Export: every table of the registry, every column, to one deterministic JSON document."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, column, inspect, select
from sqlalchemy.orm import Session

from src import __version__
from src.models import SchemaInfo, utc_now
from src.services.database import Database
from src.services.errors import DatabaseError
from src.services.export.registry import BY_NAME, TABLES, TableSpec
from src.services.export.values import to_json_converter
from src.services.export.versions import FORMAT, Document


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    counts: dict[str, int]

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def export_file(db: Database, path: Path) -> ExportSummary:
    """Write the whole database to `path` (replaced only once the file is complete)."""
    with db.transaction() as session:
        document = export_document(session)
    write_document(document, path)
    return ExportSummary(path, {name: len(rows) for name, rows in document["tables"].items()})


def write_document(document: Document, path: Path) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(dump_document(document), encoding="utf-8")
    os.replace(partial, path)


def export_document(session: Session, now: datetime | None = None) -> Document:
    """The document for the database behind `session`, as its schema stores it.

    Columns the file lacks are left out and columns the models do not know are copied as
    stored, so a file from an older schema exports for its upgrade transforms.
    """
    present = _present_columns(session)
    specs = [spec for spec in TABLES if spec.name in present]
    uuids = _uuid_maps(session, specs)
    return {
        "format": FORMAT,
        "schema_version": _stored_schema_version(session),
        "app_version": __version__,
        "exported_at": (now or utc_now()).isoformat(),
        "tables": {spec.name: _rows(session, spec, present[spec.name], uuids) for spec in specs},
    }


def dump_document(document: Document) -> str:
    """Readable and diff-friendly: one row per line, in the order the document holds them."""
    head = [f" {json.dumps(k)}: {json.dumps(v)}" for k, v in document.items() if k != "tables"]
    tables = [
        f"  {json.dumps(name)}: {_dump_rows(rows)}" for name, rows in document["tables"].items()
    ]
    body = ",\n".join([*head, ' "tables": {\n' + ",\n".join(tables) + "\n }"])
    return "{\n" + body + "\n}\n"


def _dump_rows(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "[]"
    lines = ",\n".join("   " + json.dumps(row, ensure_ascii=False) for row in rows)
    return "[\n" + lines + "\n  ]"


def _stored_schema_version(session: Session) -> int:
    version = session.scalar(select(SchemaInfo.schema_version))
    if version is None:
        raise DatabaseError("The database has no schema version recorded.")
    return version


def _present_columns(session: Session) -> dict[str, list[str]]:
    inspector = inspect(session.connection())
    names = set(inspector.get_table_names())
    return {
        spec.name: [c["name"] for c in inspector.get_columns(spec.name)]
        for spec in TABLES
        if spec.name in names
    }


def _uuid_maps(session: Session, specs: Iterable[TableSpec]) -> dict[str, dict[int, str]]:
    targets = {target for spec in specs for target in spec.references.values()}
    return {
        name: {row_id: uuid for row_id, uuid in session.execute(select(t.c.id, t.c.uuid))}
        for name, t in ((name, BY_NAME[name].table) for name in targets)
    }


def _rows(
    session: Session, spec: TableSpec, present: list[str], uuids: dict[str, dict[int, str]]
) -> list[dict[str, Any]]:
    known = [c for c in spec.columns if c.name in present]
    extra = [name for name in present if name not in spec.table.c]  # copied as stored
    names = [c.name for c in known] + extra
    converters = [(i, _converter(spec, c, uuids)) for i, c in enumerate(known)]
    active = [(i, convert) for i, convert in converters if convert is not None]
    statement = select(*known, *(column(n) for n in extra)).select_from(spec.table)
    rows = []
    for row in session.execute(statement.order_by(spec.table.c.id)):
        values = list(row)
        for i, convert in active:
            if values[i] is not None:
                values[i] = convert(values[i])
        rows.append(dict(zip(names, values, strict=True)))
    return rows


def _converter(
    spec: TableSpec, col: Column[Any], uuids: dict[str, dict[int, str]]
) -> Callable[[Any], Any] | None:
    target = spec.references.get(col.name)
    return to_json_converter(col) if target is None else uuids[target].__getitem__
