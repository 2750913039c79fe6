"""Import: validate the whole document, then insert every row in one transaction."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Insert,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from src.models.revision import renewed_once
from src.services.backups import backup_before
from src.services.database import Database
from src.services.errors import ConflictError, DatabaseError, NotFoundError, ValidationError
from src.services.export.registry import TABLES, TableSpec
from src.services.export.validate import ImportRejected, Rows, prepare_rows, problem
from src.services.export.versions import Document, upgrade_document


@dataclass(frozen=True)
class ImportSummary:
    counts: dict[str, int]
    backup: Path | None

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def import_file(db: Database, path: Path, *, replace: bool = False) -> ImportSummary:
    """Import an export file (backing the database up first).

    Raises NotFoundError, ValidationError (ImportRejected names each bad record and field)
    or ConflictError when the database has data and `replace` is not set.
    """
    rows = prepare_rows(upgrade_document(read_document(path)))
    backup = backup_before(db, "import")
    with db.transaction() as session:
        counts = insert_rows(session, rows, replace=replace)
    return ImportSummary(counts, backup.path if backup else None)


def import_document(db: Database, document: Document, *, replace: bool = False) -> dict[str, int]:
    """Import an already parsed document in one transaction; returns rows per table."""
    rows = prepare_rows(upgrade_document(document))
    with db.transaction() as session:
        return insert_rows(session, rows, replace=replace)


def read_document(path: Path) -> Document:
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFoundError(f"There is no file {path}.") from None
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name} is not a text file.") from None
    return parse_document(content, path.name)


def parse_document(content: str, name: str = "The file") -> Document:
    try:
        document = json.loads(content, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"{name} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). Was it cut short or edited by hand?"
        ) from None
    if not isinstance(document, dict):
        raise ValidationError(f"{name} is not a Bake Tracker export.")
    return document


def insert_rows(session: Session, rows: Rows, *, replace: bool) -> dict[str, int]:
    """Insert validated rows (ids assigned in file order); helpers never commit."""
    if not replace:
        ensure_empty(session)
    ids: dict[str, dict[str, int]] = {}
    with renewed_once(session.connection()):  # one renewal, not one per row
        if replace:
            clear_tables(session)
        for spec in TABLES:
            _insert_table(session, spec, rows[spec.name], ids)
    _reset_id_sequences(session)
    return _verified_counts(session, rows)


def clear_tables(session: Session) -> None:
    for spec in reversed(TABLES):
        session.execute(delete(spec.table))


def row_counts(session: Session) -> dict[str, int]:
    return {
        spec.name: session.scalar(select(func.count()).select_from(spec.table)) or 0
        for spec in TABLES
    }


def ensure_empty(session: Session) -> None:
    held = [f"{n} {name.replace('_', ' ')}" for name, n in row_counts(session).items() if n]
    if held:
        raise ConflictError(
            f"This database already holds data ({', '.join(held[:4])}"
            f"{', ...' if len(held) > 4 else ''}). Import with replace to overwrite it "
            "(a backup is taken first)."
        )


def _insert_table(
    session: Session, spec: TableSpec, rows: list[dict[str, Any]], ids: dict[str, dict[str, int]]
) -> None:
    ids[spec.name] = {row["uuid"]: n for n, row in enumerate(rows, start=1)}
    if not rows:
        return
    params = [_bound(spec, row, n, ids) for n, row in enumerate(rows, start=1)]
    try:
        with session.begin_nested():
            session.execute(_insert(spec), params)
    except IntegrityError as error:
        raise _explain(session, spec, rows, params, error) from None
    _link_self_references(session, spec, rows, ids)


def _insert(spec: TableSpec) -> Insert:
    """INSERT keeping a missing JSON value SQL NULL (plain None would be stored as 'null')."""
    json_columns = {
        c.name: bindparam(c.name, type_=JSON(none_as_null=True))
        for c in spec.columns
        if isinstance(c.type, JSON)
    }
    return insert(spec.table).values(json_columns) if json_columns else insert(spec.table)


def _bound(
    spec: TableSpec, row: dict[str, Any], n: int, ids: dict[str, dict[str, int]]
) -> dict[str, Any]:
    bound = {**row, "id": n}
    for column, target in spec.references.items():
        later = column in spec.self_references  # set once every row of the table exists
        value = row[column]
        bound[column] = None if value is None or later else ids[target][value]
    return bound


def _link_self_references(
    session: Session, spec: TableSpec, rows: list[dict[str, Any]], ids: dict[str, dict[str, int]]
) -> None:
    own = ids[spec.name]
    for column in spec.self_references:
        params = [
            {"row_id": own[row["uuid"]], "target_id": own[row[column]]}
            for row in rows
            if row[column] is not None
        ]
        if params:
            statement = (
                update(spec.table)
                .where(spec.table.c.id == bindparam("row_id"))
                .values({column: bindparam("target_id")})
            )
            session.connection().execute(statement, params)


def _explain(
    session: Session,
    spec: TableSpec,
    rows: list[dict[str, Any]],
    params: list[dict[str, Any]],
    error: IntegrityError,
) -> ValidationError:
    """Find the record the database refused (one at a time) and say why, in words."""
    for index, (row, bound) in enumerate(zip(rows, params, strict=True)):
        try:
            with session.begin_nested():
                session.execute(_insert(spec), [bound])
        except IntegrityError as refused:
            field, reason = _reason(spec, str(refused.orig))
            return ImportRejected([problem(spec, row, index, field, reason)])
    return ImportRejected([f"The {spec.label.lower()} records could not be stored: {error.orig}"])


RULE_WORDS = {
    "positive": "must be greater than zero",
    "non_negative": "must not be negative",
    "nonzero": "must not be zero",
    "not_blank": "must not be blank",
}


def _reason(spec: TableSpec, message: str) -> tuple[str, str]:
    if "CHECK constraint failed" in message or "violates check constraint" in message:
        return _check_reason(spec, message)
    fields = _columns_named(spec, message) or list(spec.references)
    if "NOT NULL" in message or "not-null" in message:
        return ", ".join(fields), "is required"
    if "UNIQUE" in message or "unique" in message:
        return ", ".join(fields), "clashes with another record that has the same value"
    return ", ".join(fields), f"was refused by the database ({message})"


def _check_reason(spec: TableSpec, message: str) -> tuple[str, str]:
    for constraint in spec.table.constraints:
        name = str(constraint.name or "")
        if isinstance(constraint, CheckConstraint) and name and name in message:
            rule = name.removeprefix(f"ck_{spec.name}_")
            fields = _columns_named(spec, str(constraint.sqltext))
            words = next((w for key, w in RULE_WORDS.items() if rule.endswith(key)), None)
            return ", ".join(fields), words or f'breaks the rule "{rule.replace("_", " ")}"'
    return "?", f"breaks a rule of the database ({message})"


def _columns_named(spec: TableSpec, content: str) -> list[str]:
    words = set(re.findall(r"[a-z_]+", content))
    return [c.name for c in spec.columns if c.name in words]


def _reset_id_sequences(session: Session) -> None:
    """PostgreSQL keeps a sequence per id column; point it past the ids written here."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for spec in TABLES:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{spec.name}', 'id'), "
                f"COALESCE(MAX(id), 0) + 1, false) FROM {spec.name}"
            )
        )


def _verified_counts(session: Session, rows: Rows) -> dict[str, int]:
    counts = row_counts(session)
    wrong = [name for name, n in counts.items() if n != len(rows[name])]
    if wrong:
        raise DatabaseError(f"Row counts differ after the import in: {', '.join(wrong)}.")
    return counts
