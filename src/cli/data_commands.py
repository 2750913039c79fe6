"""Commands that look after the database file: create, export, import, upgrade, back up."""

from __future__ import annotations

import argparse
from pathlib import Path

from src.cli.registry import command, database, file_argument
from src.models import SCHEMA_VERSION
from src.services import backups
from src.services.bake_tracker_v4 import import_bake_tracker_v4
from src.services.database import sqlite_file
from src.services.demo_season import load_demo_season
from src.services.errors import DatabaseError
from src.services.export.importer import import_file
from src.services.export.upgrade import upgrade_database
from src.services.export.writer import export_file
from src.services.integrity import check_database


@command("init", "Create the database (if it does not exist yet) and say where it is.")
def init(args: argparse.Namespace) -> int:
    with database(args) as db:
        print(f"Database ready: {db.path or db.url} (schema {SCHEMA_VERSION}).")
    return 0


@command("export", "Write the whole database to one JSON file.", file_argument("file to write"))
def export(args: argparse.Namespace) -> int:
    with database(args) as db:
        summary = export_file(db, args.file)
    print(f"Exported {summary.total_rows} rows from {len(summary.counts)} tables to {args.file}.")
    return 0


def _setup_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a file written by 'export'")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace everything in the database (backed up first)",
    )


@command("import", "Load an export file into an empty database (or --replace).", _setup_import)
def import_(args: argparse.Namespace) -> int:
    with database(args) as db:
        summary = import_file(db, args.file, replace=args.replace)
    print(f"Imported {summary.total_rows} rows into {len(summary.counts)} tables.")
    if summary.backup:
        print(f"The previous data is backed up in {summary.backup}.")
    return 0


@command("upgrade", "Bring the database to the current schema, keeping every row (backup first).")
def upgrade(args: argparse.Namespace) -> int:
    path = sqlite_file(args.db)
    if path is None:
        raise DatabaseError("Only a SQLite database file can be upgraded by this command.")
    result = upgrade_database(path)
    print(
        f"Upgraded from schema {result.from_version} to {result.to_version}: "
        f"{sum(result.counts.values())} rows kept. Backup: {result.backup.path}"
    )
    return 0


def _setup_v4(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a bake-tracker v4.x export (JSON)")
    parser.add_argument("--prices", type=Path, help="CSV of purchase prices per product")


@command(
    "import-bake-tracker", "Move over from bake-tracker v4.x (into an empty database).", _setup_v4
)
def import_bake_tracker(args: argparse.Namespace) -> int:
    with database(args) as db:
        report = import_bake_tracker_v4(db, args.file, args.prices)
    for entity, count in report.counts.items():
        print(f"{count:6} {entity}")
    for item in report.skipped:
        print(f"skipped {item.kind} {item.name}: {item.reason}")
    for warning in report.warnings:
        print(f"note: {warning}")
    return 0


@command("demo", "Load the demo season (a 2026 holiday season) into an empty database.")
def demo(args: argparse.Namespace) -> int:
    with database(args) as db:
        summary = load_demo_season(db)
    print(f"Loaded the demo season '{summary.title}': {summary.total_rows} rows.")
    return 0


@command("backup", "Back the database up now.")
def backup(args: argparse.Namespace) -> int:
    with database(args) as db:
        info = backups.backup_now(db)
    print(f"Backed up to {info.path}")
    return 0


@command("backups", "List the backups of the database, newest first.")
def list_backups(args: argparse.Namespace) -> int:
    with database(args) as db:
        found = backups.list_backups(db)
    if not found:
        print("No backups yet.")
    for info in found:
        when = f"{info.created_at:%Y-%m-%d %H:%M:%S}"
        print(f"{when}  {info.reason:<15} {info.size_bytes:>10}  {info.path}")
    return 0


def _setup_restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "backup", type=Path, help="a backup file (or its name in the backups folder)"
    )


@command(
    "restore",
    "Put a backup in place of the database (the current file is backed up first).",
    _setup_restore,
)
def restore(args: argparse.Namespace) -> int:
    with database(args) as db:
        chosen = args.backup
        if not chosen.exists() and db.path is not None:
            chosen = backups.backup_folder(db.path) / chosen
        safety = backups.restore_backup(db, chosen)
    print(f"Restored {chosen.name}. The file as it was is kept in {safety.path}")
    return 0


@command("check", "Check the file and the stock, counts and plan rules; exit 1 on problems.")
def check(args: argparse.Namespace) -> int:
    with database(args) as db:
        problems = check_database(db)
    for problem in problems:
        print(problem)
    if not problems:
        print("No problems found.")
    return 1 if problems else 0
