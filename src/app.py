"""Start the desktop app: python -m src.app [--db PATH_OR_URL]."""

from __future__ import annotations

import argparse
import logging
import sys
from functools import partial
from logging.handlers import RotatingFileHandler
from pathlib import Path

import customtkinter as ctk

from src.services.backups import BackupInfo, backup_if_due
from src.services.database import DB_ENV_VAR, open_database
from src.services.errors import DatabaseError
from src.ui import settings
from src.ui.dialogs.message import MessageDialog
from src.ui.main_window import MainWindow
from src.ui.views import default_registry

LOG_FILE_NAME = "bake-tracker.log"
# customtkinter asks the system for light/dark every 30 ms; on Linux that starts a gsettings
# process each time. Once a second follows a system switch just as well at a fraction of the cost.
APPEARANCE_POLL_MS = 1000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m src.app", description="Bake Tracker")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=f"SQLite file or SQLAlchemy URL (default: ${DB_ENV_VAR} or data/bake_tracker.db)",
    )
    return parser.parse_args(argv)


def configure_logging(folder: Path) -> None:
    """Warnings and unexpected errors go to bake-tracker.log next to the settings."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=2)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler, logging.StreamHandler()])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ctk.AppearanceModeTracker.update_loop_interval = APPEARANCE_POLL_MS
    ctk.set_appearance_mode("System")
    root = ctk.CTk()
    try:
        db = open_database(args.db)
    except DatabaseError as error:
        return _cannot_open(root, error)
    settings_file = settings.settings_path(db)
    configure_logging(settings_file.parent)
    main = MainWindow(root, db, default_registry(), settings_file=settings_file)
    main.errors.install(root)  # the one presenter: its dialogs, and the status bar hears too
    # At most one "daily" backup, next to the database file; copying a large file must not
    # hold up the window, so it runs in the background once the window is there.
    main.ctx.run_in_background(
        "Daily backup", lambda _progress: backup_if_due(db), partial(_backed_up, main)
    )
    root.mainloop()
    db.dispose()
    return 0


def _backed_up(main: MainWindow, backup: BackupInfo | None) -> None:
    if backup is not None:
        main.status.show_message(f"Today's backup is in {backup.path.parent.name}/.")


def _cannot_open(root: ctk.CTk, error: DatabaseError) -> int:
    """A database the app cannot use: say so in a dialog (and on the terminal), then exit."""
    print(f"error: {error}", file=sys.stderr)
    root.withdraw()
    dialog = MessageDialog(root, "Can't open the database", str(error))
    dialog.protocol("WM_DELETE_WINDOW", root.destroy)
    dialog.ok_button.configure(command=root.destroy)
    dialog.show()
    root.mainloop()
    return 1


if __name__ == "__main__":
    sys.exit(main())
