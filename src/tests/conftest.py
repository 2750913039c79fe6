"""Shared fixtures. Every test gets its own temporary database file; none can touch the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from src.services.database import (
    DB_ENV_VAR,
    Database,
    create_schema,
    drop_schema,
    make_engine,
    open_database,
)

# Run the database tests against PostgreSQL instead of a temporary SQLite file, e.g.
# BAKE_TRACKER_TEST_POSTGRES_URL=postgresql+psycopg://bake:bake@127.0.0.1/bake_test
POSTGRES_URL = os.environ.get("BAKE_TRACKER_TEST_POSTGRES_URL")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if POSTGRES_URL:
        skip = pytest.mark.skip(reason="about the SQLite file; this run uses PostgreSQL")
        for item in items:
            if item.get_closest_marker("sqlite_only"):
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolate_user_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default database at a temporary file so nothing reaches data/."""
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "default-should-not-be-used.db"))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    if POSTGRES_URL:
        engine = make_engine(POSTGRES_URL)
        database = Database(engine, sessionmaker(engine, expire_on_commit=False))
        drop_schema(database)
        create_schema(database)
    else:
        database = open_database(tmp_path / "test.db")
    yield database
    database.dispose()


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    """A session whose work is rolled back at the end (for model-level tests)."""
    with db.sessions() as s:
        yield s
        s.rollback()
