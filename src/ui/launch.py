"""Open the database and run the main window (src/app.py calls launch once start-up is set)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import partial
from logging.handlers import RotatingFileHandler
from pathlib import Path

import customtkinter as ctk

from src.services.backups import BackupInfo, backup_if_due
from src.services.database import open_database
from src.services.errors import DatabaseError
from src.ui import settings
from src.ui.dialogs.message import MessageDialog
from src.ui.main_window import MainWindow
from src.ui.views import default_registry

LOG_FILE_NAME = "bake-tracker.log"
# customtkinter asks the system for light/dark every 30 ms; on Linux that starts a gsettings
# process each time. Once a second follows a system switch just as well at a fraction of the cost.
APPEARANCE_POLL_MS = 1000


def configure_logging(folder: Path) -> None:
    """Warnings and unexpected errors go to bake-tracker.log next to the settings."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=2)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler, logging.StreamHandler()])


def launch(db_path_or_url: str | None, on_window_built: Callable[[], None]) -> int:
    """Run the app until its window closes; the exit status (1: the database can't be used).

    `on_window_built` is called once the window (or the error dialog) is built, before the
    main loop starts and before any background work.
    """
    ctk.AppearanceModeTracker.update_loop_interval = APPEARANCE_POLL_MS
    ctk.set_appearance_mode("System")
    root = ctk.CTk()
    try:
        db = open_database(db_path_or_url)
    except DatabaseError as error:
        return _cannot_open(root, error, on_window_built)
    settings_file = settings.settings_path(db)
    configure_logging(settings_file.parent)
    main = MainWindow(root, db, default_registry(), settings_file=settings_file)
    main.errors.install(root)  # the one presenter: its dialogs, and the status bar hears too
    on_window_built()
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


def _cannot_open(root: ctk.CTk, error: DatabaseError, on_window_built: Callable[[], None]) -> int:
    """A database the app cannot use: say so in a dialog (and on the terminal), then exit."""
    print(f"error: {error}", file=sys.stderr)
    root.withdraw()
    dialog = MessageDialog(root, "Can't open the database", str(error))
    dialog.protocol("WM_DELETE_WINDOW", root.destroy)
    dialog.ok_button.configure(command=root.destroy)
    on_window_built()
    dialog.show()
    root.mainloop()
    return 1
