"""Backups: named by time and reason next to the database, last 10 kept, daily, restore."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from src.models import Ingredient
from src.services import backups
from src.services.database import Database
from src.services.errors import DatabaseError, NotFoundError
from src.tests import factories as f

START = datetime(2026, 12, 1, 9, 0, 0)


pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def filled(db: Database) -> Database:
    with db.transaction() as s:
        f.ingredient(s, slug="flour")
    return db


def slugs(db: Database) -> list[str]:
    with db.transaction() as s:
        return list(s.scalars(select(Ingredient.slug).order_by(Ingredient.slug)))


def test_a_backup_is_named_by_time_and_reason_next_to_the_database(filled: Database) -> None:
    info = backups.backup_now(filled, "manual", START)
    assert filled.path is not None
    assert info.path == filled.path.parent / "backups" / "test-20261201-090000-manual.db"
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("SELECT slug FROM ingredients").fetchall() == [("flour",)]
    assert not info.path.with_name(info.path.name + "-wal").exists()


def test_only_the_last_ten_are_kept(filled: Database) -> None:
    made = [backups.backup_now(filled, "manual", START + timedelta(minutes=n)) for n in range(12)]
    kept = backups.list_backups(filled)
    assert [b.path for b in kept] == [b.path for b in reversed(made[2:])]
    assert not made[0].path.exists() and not made[1].path.exists()


def test_two_backups_in_the_same_second_both_exist(filled: Database) -> None:
    first = backups.backup_now(filled, "manual", START)
    second = backups.backup_now(filled, "manual", START)
    assert first.path != second.path and first.path.exists() and second.path.exists()


def test_restore_puts_the_backup_back_and_keeps_the_current_file(filled: Database) -> None:
    saved = backups.backup_now(filled, "manual", START)
    with filled.transaction() as s:
        f.ingredient(s, slug="sugar")
    safety = backups.restore_backup(filled, saved.path)
    assert slugs(filled) == ["flour"]
    assert safety.reason == "before-restore"
    with sqlite3.connect(safety.path) as conn:
        assert len(conn.execute("SELECT slug FROM ingredients").fetchall()) == 2


def test_a_damaged_backup_is_not_restored(filled: Database, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(DatabaseError, match="damaged"):
        backups.restore_backup(filled, junk)
    assert slugs(filled) == ["flour"]


def test_a_missing_backup_is_named(filled: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no backup file"):
        backups.restore_backup(filled, tmp_path / "gone.db")


def test_the_daily_backup_happens_at_most_once_a_day(filled: Database) -> None:
    assert backups.backup_if_due(filled, START) is not None
    assert backups.backup_if_due(filled, START + timedelta(hours=23)) is None
    assert backups.backup_if_due(filled, START + timedelta(days=1)) is not None


def test_an_empty_database_is_not_backed_up_automatically(db: Database) -> None:
    assert backups.backup_before(db, "import") is None
    assert backups.backup_if_due(db, START) is None


def test_a_server_database_is_the_servers_job() -> None:
    engine = create_engine("postgresql+pg8000://baker@localhost/bake", module=sqlite3)
    server = Database(engine, sessionmaker(engine))
    with pytest.raises(DatabaseError, match="server's job"):
        backups.backup_now(server)
    assert backups.backup_before(server, "import") is None


def test_holds_data_is_true_once_any_table_has_a_row(db: Database) -> None:
    assert not backups.holds_data(db)
    with db.transaction() as session:
        f.supplier(session)
    assert backups.holds_data(db)
