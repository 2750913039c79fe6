"""Schema upgrade of a SQLite file: export → backup → rebuild in a new file → import → swap.

The new database is built in a temporary file next to the original and moved into place with
one atomic rename, so a crash at any moment leaves either the old or the new database.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from src.models import SCHEMA_VERSION
from src.services.backups import BackupInfo, backup_file
from src.services.database import (
    make_engine,
    open_database,
    sqlite_checkpoint,
    sqlite_copy,
    sqlite_side_files,
)
from src.services.errors import BakeTrackerError, DatabaseError
from src.services.export.importer import import_document, row_counts
from src.services.export.versions import Document
from src.services.export.writer import export_document

# Test hook: the upgrade stops (sleeps) at the step named here, so a test can kill it there.
PAUSE_ENV_VAR = "BAKE_TRACKER_UPGRADE_PAUSE_AT"


@dataclass(frozen=True)
class UpgradeResult:
    from_version: int
    to_version: int
    backup: BackupInfo
    counts: dict[str, int]


def upgrade_database(path: Path) -> UpgradeResult:
    """Bring the SQLite database at `path` to the current schema, keeping every row.

    Raises DatabaseError (after putting the old file back) when any step fails or when a
    table does not get all its rows back; raises ValidationError when old data cannot be read.
    """
    if not path.is_file():
        raise DatabaseError(f"There is no database file {path}.")
    _remove_leftovers(path)
    document = _export_old(path)
    backup = backup_file(path, "upgrade")
    _pause("backed-up")
    expected = {name: len(rows) for name, rows in document["tables"].items()}
    new_file = _build_new(path, document)
    _pause("built")
    _swap_in(path, new_file)
    _pause("swapped")
    try:
        counts = _counts_of(path)
        _check_counts(expected, counts)
    except (BakeTrackerError, SQLAlchemyError, OSError):
        _put_back(path, backup.path)
        raise
    return UpgradeResult(document["schema_version"], SCHEMA_VERSION, backup, counts)


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.upgrade-{os.getpid()}.tmp")


def _remove_leftovers(path: Path) -> None:
    """Files of an upgrade that was killed earlier (the original was never touched)."""
    for leftover in path.parent.glob(f".{path.name}.upgrade-*.tmp*"):
        leftover.unlink()


def _export_old(path: Path) -> Document:
    engine = make_engine(path)
    try:
        with sessionmaker(engine).begin() as session:
            return export_document(session)
    finally:
        engine.dispose()


def _build_new(path: Path, document: Document) -> Path:
    new_file = _temporary_name(path)
    db, complete = open_database(new_file), False
    try:
        import_document(db, document)
        complete = True
    finally:
        db.dispose()
        if not complete:
            for leftover in [new_file, *sqlite_side_files(new_file)]:
                leftover.unlink(missing_ok=True)
    sqlite_checkpoint(new_file)
    return new_file


def _swap_in(path: Path, new_file: Path) -> None:
    """Replace the old file; its -wal must go first or SQLite would replay it onto the new one."""
    sqlite_checkpoint(path)
    for side in sqlite_side_files(path) + sqlite_side_files(new_file):
        side.unlink(missing_ok=True)
    os.replace(new_file, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _counts_of(path: Path) -> dict[str, int]:
    db = open_database(path, create=False)
    try:
        with db.transaction() as session:
            return row_counts(session)
    finally:
        db.dispose()


def _check_counts(expected: dict[str, int], counts: dict[str, int]) -> None:
    wrong = [
        f"{name} ({counts.get(name, 0)} of {n})"
        for name, n in expected.items()
        if counts.get(name, 0) != n
    ]
    if wrong:
        raise DatabaseError(f"The upgrade lost rows in: {', '.join(wrong)}; the old file is back.")


def _put_back(path: Path, backup: Path) -> None:
    for side in sqlite_side_files(path):
        side.unlink(missing_ok=True)
    sqlite_copy(backup, path)


def _pause(step: str) -> None:
    if os.environ.get(PAUSE_ENV_VAR) == step:
        print(f"upgrade paused at {step}", file=sys.stderr, flush=True)
        time.sleep(3600)
