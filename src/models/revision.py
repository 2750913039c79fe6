"""A token that changes whenever anything a plan could be calculated from changes.

Triggers on every table but the few below give the single `input_revision` row a new random
token on each insert, update or delete, so "has anything changed since this plan was last
checked?" is one read of one row, whoever wrote the data (the app, an import, a SQL shell).
A random token, not a counter, so that a value carried over in an export can never match
the revision of another database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, MetaData, String, Table, event, text
from sqlalchemy.orm import Mapped, mapped_column

from src.models.base import Base


class InputRevision(Base):
    """One row: the revision of everything in the database that plans are calculated from."""

    __tablename__ = "input_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


# The revision itself, facts about the database, and the calculated plans, whose staleness
# check writes them (watching them would make every check invalidate the next one).
UNWATCHED = frozenset({"input_revision", "schema_info", "production_plan_snapshots"})

_NEW_TOKEN = {
    "sqlite": "lower(hex(randomblob(16)))",
    "postgresql": "replace(gen_random_uuid()::text, '-', '')",
}
_BUMP = "UPDATE input_revision SET token = {token} WHERE id = 1"
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION bump_input_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {bump};
    RETURN NULL;
END $$
"""


def watched_tables(metadata: MetaData) -> list[Table]:
    return [table for name, table in metadata.tables.items() if name not in UNWATCHED]


_OPERATIONS = ("insert", "update", "delete")


def _sqlite_triggers(table: str, bump: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_revision_{operation} "
        f"AFTER {operation.upper()} ON {table} BEGIN {bump}; END"
        for operation in _OPERATIONS
    ]


def _sqlite_drops(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS trg_{table}_revision_{operation}" for operation in _OPERATIONS]


def _postgresql_triggers(table: str, bump: str) -> list[str]:
    return [
        _PG_FUNCTION.format(bump=bump),
        f"CREATE OR REPLACE TRIGGER trg_{table}_revision AFTER INSERT OR UPDATE OR DELETE "
        f"OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_input_revision()",
    ]


def _postgresql_drops(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS trg_{table}_revision ON {table}"]


_CREATE = {"sqlite": _sqlite_triggers, "postgresql": _postgresql_triggers}
_DROP = {"sqlite": _sqlite_drops, "postgresql": _postgresql_drops}


def _bump(connection: Connection) -> str:
    return _BUMP.format(token=_NEW_TOKEN[connection.dialect.name])


def _create_triggers(connection: Connection, metadata: MetaData) -> None:
    for table in watched_tables(metadata):
        for statement in _CREATE[connection.dialect.name](table.name, _bump(connection)):
            connection.execute(text(statement))


@event.listens_for(Base.metadata, "after_create")
def install_revision_triggers(metadata: MetaData, connection: Connection, **_: Any) -> None:
    """The revision row and the triggers that renew it (idempotent, run by create_all)."""
    token = _NEW_TOKEN[connection.dialect.name]
    connection.execute(
        text(
            f"INSERT INTO input_revision (id, token) SELECT 1, {token} "
            "WHERE NOT EXISTS (SELECT 1 FROM input_revision)"
        )
    )
    _create_triggers(connection, metadata)


@contextmanager
def renewed_once(connection: Connection) -> Iterator[None]:
    """For bulk writes (an import): the triggers are set aside while the block runs and the
    revision is renewed once at its end, all inside the caller's transaction (so a failed
    block, rolled back, leaves triggers and revision as they were)."""
    for table in watched_tables(Base.metadata):
        for statement in _DROP[connection.dialect.name](table.name):
            connection.execute(text(statement))
    yield
    _create_triggers(connection, Base.metadata)
    connection.execute(text(_bump(connection)))
