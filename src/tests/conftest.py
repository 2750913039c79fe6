"""Shared fixtures. Every test gets its own temporary database file; none can touch the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from src.services.database import DB_ENV_VAR, Database, open_database


@pytest.fixture(autouse=True)
def _isolate_user_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default database at a temporary file so nothing reaches data/."""
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "default-should-not-be-used.db"))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "test.db")
    yield database
    database.dispose()


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    """A session whose work is rolled back at the end (for model-level tests)."""
    with db.sessions() as s:
        yield s
        s.rollback()
