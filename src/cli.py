"""Command-line tool: python -m src.cli [--db PATH_OR_URL] COMMAND.

A thin layer over the services: parse, call one service, print. To add a command, write one
function decorated with @command (its arguments are declared in `setup`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from src.models import SCHEMA_VERSION
from src.services import backups
from src.services.bake_tracker_v4 import import_bake_tracker_v4
from src.services.database import Database, open_database, resolve_url
from src.services.errors import BakeTrackerError, DatabaseError
from src.services.event_listing import list_events
from src.services.export.importer import import_file
from src.services.export.upgrade import upgrade_database
from src.services.export.writer import export_file
from src.services.integrity import check_database

Handler = Callable[[argparse.Namespace], int]
Setup = Callable[[argparse.ArgumentParser], object]
COMMANDS: list[tuple[str, str, Setup, Handler]] = []


def command(
    name: str, summary: str, setup: Setup = lambda parser: None
) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS.append((name, summary, setup, handler))
        return handler

    return register


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Database]:
    db = open_database(args.db)
    try:
        yield db
    finally:
        db.dispose()


def _file_argument(help_text: str) -> Setup:
    return lambda parser: parser.add_argument("file", type=Path, help=help_text)


@command("init", "Create the database (if it does not exist yet) and say where it is.")
def init(args: argparse.Namespace) -> int:
    with database(args) as db:
        print(f"Database ready: {db.path or db.url} (schema {SCHEMA_VERSION}).")
    return 0


@command("export", "Write the whole database to one JSON file.", _file_argument("file to write"))
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
    url = resolve_url(args.db)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise DatabaseError("Only a SQLite database file can be upgraded by this command.")
    result = upgrade_database(Path(url.database))
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


def _setup_events(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


@command("events", "List events: slug, name, date, plan state and output mode.", _setup_events)
def events(args: argparse.Namespace) -> int:
    with database(args) as db:
        found = list_events(db)
    if args.json:
        print(json.dumps([asdict(e) for e in found], default=str, indent=2))
        return 0
    for e in found:
        print(
            f"{e.slug:<24} {e.name:<32} {e.event_date}  {e.plan_state:<13} {e.output_mode or '-'}"
        )
    if not found:
        print("No events yet.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m src.cli", description="Bake Tracker tools.")
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", help="database file or SQLAlchemy URL (default: data/)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, summary, setup, handler in COMMANDS:
        sub = commands.add_parser(name, help=summary, description=summary)
        setup(sub)
        sub.set_defaults(run=handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BakeTrackerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
