"""Backups of the SQLite database file: on demand, before risky actions, and daily.

Backups live in a `backups` folder next to the database file, named
<stem>-YYYYmmdd-HHMMSS-<reason>.db; the newest KEEP are kept. A server database (PostgreSQL)
is backed up by the server's own tools, not by Bake Tracker.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import literal, select

from src.models import SchemaInfo
from src.services.database import (
    Database,
    sqlite_copy,
    sqlite_copy_standalone,
    sqlite_integrity_problems,
    sqlite_tables,
)
from src.services.errors import DatabaseError, NotFoundError
from src.services.export.registry import TABLES

KEEP = 10
DAILY = timedelta(days=1)
STAMP = "%Y%m%d-%H%M%S"
NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size_bytes: int


def database_file(db: Database) -> Path:
    """The SQLite file behind `db`; raises DatabaseError for a server database."""
    if db.path is None:
        raise DatabaseError(
            f"Backups of a {db.url.get_backend_name()} database are the server's job "
            "(use its own backup tools, e.g. pg_dump); Bake Tracker backs up SQLite files only."
        )
    return db.path


def backup_folder(path: Path) -> Path:
    return path.parent / "backups"


def backup_now(db: Database, reason: str = "manual", now: datetime | None = None) -> BackupInfo:
    """Back the database up now; raises DatabaseError for a server database."""
    return backup_file(database_file(db), reason, now)


def backup_file(path: Path, reason: str, now: datetime | None = None) -> BackupInfo:
    """Copy the SQLite file at `path` into its backup folder, then keep only the newest KEEP."""
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, f"{path.stem}-{(now or datetime.now()).strftime(STAMP)}-{reason}")
    partial = target.with_name(target.name + ".partial")
    sqlite_copy_standalone(path, partial)
    os.replace(partial, target)
    for old in list_backups_of(path)[KEEP:]:
        old.path.unlink()
    return _info(target)


def holds_data(db: Database) -> bool:
    """True when any table of the export registry has a row (what an import would replace)."""
    with db.transaction() as session:
        return any(
            session.scalar(select(literal(1)).select_from(spec.table).limit(1)) for spec in TABLES
        )


def backup_before(db: Database, reason: str) -> BackupInfo | None:
    """The automatic backup before an import, upgrade or reset.

    Skipped for a server database and for a database without any rows (nothing to lose,
    and an empty copy would push a useful backup out of the last KEEP).
    """
    if db.path is None or not db.path.exists() or not holds_data(db):
        return None
    return backup_file(db.path, reason)


def backup_if_due(db: Database, now: datetime | None = None) -> BackupInfo | None:
    """At app start: a "daily" backup when the newest backup is a day old or there is none."""
    if db.path is None or not holds_data(db):
        return None
    moment = now or datetime.now()
    newest = list_backups_of(db.path)[:1]
    if newest and moment - newest[0].created_at < DAILY:
        return None
    return backup_file(db.path, "daily", moment)


def list_backups(db: Database) -> list[BackupInfo]:
    """Backups of this database, newest first; raises DatabaseError for a server database."""
    return list_backups_of(database_file(db))


def list_backups_of(path: Path) -> list[BackupInfo]:
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.glob(f"{path.stem}-*.db"):
        match = NAME.match(candidate.name)
        if match and match["stem"] == path.stem:
            found.append(_info(candidate))
    return sorted(found, key=lambda b: (b.created_at, b.path.stat().st_mtime_ns), reverse=True)


def restore_backup(db: Database, backup: Path) -> BackupInfo:
    """Put a backup in place of the database, after backing up the current file.

    Returns the backup of the file as it was. Raises NotFoundError or DatabaseError when the
    backup is missing, damaged or not a Bake Tracker database.
    """
    path = database_file(db)
    if not backup.is_file():
        raise NotFoundError(f"There is no backup file {backup}.")
    problems = sqlite_integrity_problems(backup)
    if problems:
        raise DatabaseError(f"The backup {backup.name} is damaged: {problems[0]}")
    if SchemaInfo.__tablename__ not in sqlite_tables(backup):
        raise DatabaseError(f"{backup.name} is not a Bake Tracker database.")
    safety = backup_file(path, "before-restore")
    db.dispose()
    sqlite_copy(backup, path)
    db.dispose()
    return safety


def _free_name(folder: Path, base: str) -> Path:
    target, n = folder / f"{base}.db", 2
    while target.exists():
        target, n = folder / f"{base}-{n}.db", n + 1
    return target


def _info(path: Path) -> BackupInfo:
    match = NAME.match(path.name)
    if match is None:
        raise DatabaseError(f"{path.name} is not named like a Bake Tracker backup.")
    created = datetime.strptime(match["stamp"], STAMP)
    return BackupInfo(path, created, match["reason"], path.stat().st_size)
