"""Every exported table, derived from the model metadata (no per-table code anywhere).

A table added to the models is exported, imported, cleared and ordered automatically. Each
table needs an integer `id` (internal) and a unique `uuid` (its identity in the file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Column, Table, UniqueConstraint

from src.models import Base

# Facts about the database itself, not user data: the document header carries them.
NOT_EXPORTED = frozenset({"schema_info", "input_revision"})


@dataclass(frozen=True)
class CompositeReference:
    """A foreign key over several columns: the row's `others` must match the target row's."""

    anchor: str
    target_table: str
    others: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableSpec:
    table: Table
    label: str
    columns: tuple[Column[object], ...]
    references: dict[str, str]
    composite_references: tuple[CompositeReference, ...]
    unique_sets: tuple[tuple[str, ...], ...]
    identity: str

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def self_references(self) -> tuple[str, ...]:
        return tuple(col for col, target in self.references.items() if target == self.name)


def _label(table: Table) -> str:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            words = re.findall(r"[A-Z][a-z]*", mapper.class_.__name__)
            return " ".join([words[0], *(w.lower() for w in words[1:])])
    return table.name.replace("_", " ")


def _references(table: Table) -> dict[str, str]:
    """Column -> referenced table, for foreign keys that point at the target's `id`."""
    found: dict[str, str] = {}
    for column in table.columns:
        for fk in column.foreign_keys:
            if fk.column.name == "id":
                found[column.name] = fk.column.table.name
    return found


def _composites(table: Table) -> tuple[CompositeReference, ...]:
    found = []
    for constraint in table.foreign_key_constraints:
        if len(constraint.elements) < 2:
            continue
        pairs = [(fk.parent.name, fk.column.name) for fk in constraint.elements]
        anchor = next(local for local, remote in pairs if remote == "id")
        others = tuple((local, remote) for local, remote in pairs if remote != "id")
        target = constraint.elements[0].column.table.name
        found.append(CompositeReference(anchor, target, others))
    return tuple(found)


def _unique_sets(table: Table) -> tuple[tuple[str, ...], ...]:
    """Column sets that must be unique, as the file can express them (ids are not in it)."""
    found = {
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    }
    return tuple(sorted(names for names in found if "id" not in names))


def _spec(table: Table) -> TableSpec:
    if "id" not in table.c or "uuid" not in table.c:
        raise RuntimeError(f"table {table.name} needs id and uuid columns to be exported")
    return TableSpec(
        table=table,
        label=_label(table),
        columns=tuple(c for c in table.columns if c.name != "id"),
        references=_references(table),
        composite_references=_composites(table),
        unique_sets=_unique_sets(table),
        identity="slug" if "slug" in table.c else "uuid",
    )


# In dependency order: referenced tables come before the tables that refer to them.
TABLES: tuple[TableSpec, ...] = tuple(
    _spec(t) for t in Base.metadata.sorted_tables if t.name not in NOT_EXPORTED
)
BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}
