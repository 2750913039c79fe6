"""Engines, sessions and transactions. The only module that knows about SQLite specifics."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from src import __version__
from src.models import SCHEMA_VERSION, Base, SchemaInfo
from src.services.errors import DatabaseError, OlderSchemaError

DB_ENV_VAR = "BAKE_TRACKER_DB"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "bake_tracker.db"
BUSY_TIMEOUT_MS = 5000


def _json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# Sorted keys; dates and dataclasses refused like everything but Decimal, as json.dumps
# refuses them (orjson would write them its own way). A str enum such as Unit is its value.
_JSON_OPTIONS = (
    orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
)


def _dumps(value: Any) -> str:
    """JSON columns' text (orjson: a plan's inputs and results in a sixth of json's time)."""
    return orjson.dumps(value, default=_json_default, option=_JSON_OPTIONS).decode()


def resolve_url(path_or_url: str | Path | None = None) -> URL:
    """The database to use: the argument, else $BAKE_TRACKER_DB, else data/bake_tracker.db."""
    chosen = path_or_url or os.environ.get(DB_ENV_VAR) or DEFAULT_DB_PATH
    text = str(chosen)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))


def sqlite_file(path_or_url: str | Path | URL | None = None) -> Path | None:
    """The SQLite file a path or URL names (see resolve_url), or None for a server database."""
    url = path_or_url if isinstance(path_or_url, URL) else resolve_url(path_or_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy own transactions (the driver's implicit BEGIN breaks SAVEPOINT).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def make_engine(path_or_url: str | Path | URL | None = None) -> Engine:
    """An engine for a SQLite path or any SQLAlchemy URL (PostgreSQL included)."""
    url = path_or_url if isinstance(path_or_url, URL) else resolve_url(path_or_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, json_serializer=_dumps, json_deserializer=orjson.loads)
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, json_serializer=_dumps, json_deserializer=orjson.loads)
    _configure_sqlite(engine)
    return engine


@dataclass(frozen=True)
class Database:
    """An engine plus its session factory; passed explicitly to every service."""

    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception."""
        with self.sessions.begin() as session:
            yield session

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_file(self.engine.url)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(path_or_url: str | Path | URL | None = None, *, create: bool = True) -> Database:
    """Open (and, if empty and `create`, initialise) a database.

    Raises DatabaseError when the database holds a schema version this app cannot use.
    """
    engine = make_engine(path_or_url)
    database = Database(engine, sessionmaker(engine, expire_on_commit=False))
    if create and not has_schema(database):
        create_schema(database)
    elif has_schema(database):
        check_schema_version(database)
    return database


def has_schema(database: Database) -> bool:
    return inspect(database.engine).has_table(SchemaInfo.__tablename__)


def create_schema(database: Database) -> None:
    """Create every table and record the schema version."""
    Base.metadata.create_all(database.engine)
    with database.transaction() as session:
        session.add(SchemaInfo(id=1, schema_version=SCHEMA_VERSION, app_version=__version__))


def drop_schema(database: Database) -> None:
    Base.metadata.drop_all(database.engine)


def schema_version(database: Database) -> int:
    with database.transaction() as session:
        version = session.scalar(select(SchemaInfo.schema_version))
    if version is None:
        raise DatabaseError("The database has no schema version recorded.")
    return version


def check_schema_version(database: Database) -> None:
    version = schema_version(database)
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"This database was written by a newer Bake Tracker (schema {version}); "
            f"this version understands schema {SCHEMA_VERSION}. Please update the app."
        )
    if version < SCHEMA_VERSION:
        raise OlderSchemaError(
            f"This database uses schema {version}; run 'python -m src.cli upgrade' "
            f"to bring it to schema {SCHEMA_VERSION} (a backup is kept)."
        )


def sqlite_copy(source: Path, target: Path) -> None:
    """Copy a SQLite database with the online backup API (consistent even while in use)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def sqlite_copy_standalone(source: Path, target: Path) -> None:
    """Like sqlite_copy, but the copy is one self-contained file (no -wal beside it)."""
    sqlite_copy(source, target)
    with closing(sqlite3.connect(target)) as dst:
        dst.execute("PRAGMA journal_mode = DELETE")


def sqlite_checkpoint(path: Path) -> None:
    """Move everything in the -wal file into the database file and empty the -wal."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def sqlite_integrity_problems(path: Path) -> list[str]:
    """PRAGMA integrity_check of a file; [] when it is a sound SQLite database."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        return [f"{path.name} is not a readable SQLite database ({error})."]
    return [] if result == ["ok"] else result


def sqlite_tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def sqlite_side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
