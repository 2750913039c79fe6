"""The database file: WAL mode, foreign keys, real transactions, schema version, location."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from src.models import SCHEMA_VERSION, Ingredient, SchemaInfo
from src.services.database import (
    DB_ENV_VAR,
    DEFAULT_DB_PATH,
    Database,
    open_database,
    resolve_url,
    schema_version,
)
from src.services.errors import DatabaseError
from src.tests import factories as f


def test_fresh_file_is_in_wal_mode_with_foreign_keys_on(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert (tmp_path / "fresh.db").exists()
    db.dispose()


def test_schema_version_is_recorded(db: Database) -> None:
    assert schema_version(db) == SCHEMA_VERSION


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.db")
    with db.transaction() as s:
        s.execute(update(SchemaInfo).values(schema_version=SCHEMA_VERSION + 1))
    db.dispose()
    with pytest.raises(DatabaseError, match="newer Bake Tracker"):
        open_database(tmp_path / "x.db")


def test_older_schema_asks_for_an_upgrade(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.db")
    with db.transaction() as s:
        s.execute(update(SchemaInfo).values(schema_version=0))
    db.dispose()
    with pytest.raises(DatabaseError, match="upgrade"):
        open_database(tmp_path / "x.db")


def test_transaction_rolls_back_everything_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        f.ingredient(s, slug="flour")
        raise RuntimeError("boom")
    with db.transaction() as s:
        assert s.scalars(select(Ingredient)).all() == []


def test_savepoint_rollback_keeps_the_outer_work(db: Database) -> None:
    with db.transaction() as s:
        f.ingredient(s, slug="kept")
        nested = s.begin_nested()
        f.ingredient(s, slug="discarded")
        nested.rollback()
    with db.transaction() as s:
        assert [i.slug for i in s.scalars(select(Ingredient))] == ["kept"]


@pytest.mark.sqlite_only
def test_two_connections_read_while_one_writes(db: Database) -> None:
    with db.transaction() as s:
        f.ingredient(s, slug="before")
    writer = db.engine.connect()
    writer.begin()
    writer.execute(
        text(
            "INSERT INTO ingredients (uuid, slug, name, category, kind, is_archived, "
            "created_at, updated_at) VALUES ('u-1', 'during', 'During', 'x', 'food', 0, "
            "'2026-01-01', '2026-01-01')"
        )
    )
    seen: list[list[str]] = []

    def read() -> None:
        with db.engine.connect() as conn:
            seen.append(list(conn.execute(text("SELECT slug FROM ingredients")).scalars()))

    readers = [threading.Thread(target=read) for _ in range(2)]
    for t in readers:
        t.start()
    for t in readers:
        t.join(timeout=10)
    writer.commit()
    writer.close()
    assert seen == [["before"], ["before"]]
    with db.transaction() as s:
        assert sorted(i.slug for i in s.scalars(select(Ingredient))) == ["before", "during"]


def test_url_comes_from_argument_then_environment_then_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_url(tmp_path / "a.db").database == str(tmp_path / "a.db")
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "env.db"))
    assert resolve_url().database == str(tmp_path / "env.db")
    monkeypatch.delenv(DB_ENV_VAR)
    assert resolve_url().database == str(DEFAULT_DB_PATH)
    assert resolve_url("postgresql+psycopg://u@localhost/bake").get_backend_name() == "postgresql"


def test_open_without_create_leaves_an_empty_database_empty(tmp_path: Path) -> None:
    from src.services.database import has_schema

    db = open_database(tmp_path / "empty.db", create=False)
    assert not has_schema(db)
    db.dispose()
