"""Open the database and run the main window (src/app.py calls launch once start-up is set)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import partial
from logging.handlers import RotatingFileHandler
from pathlib import Path

import customtkinter as ctk

from src.services.backups import BackupInfo, backup_folder, backup_if_due
from src.services.database import Database, open_database, sqlite_file
from src.services.errors import BakeTrackerError, DatabaseError, OlderSchemaError
from src.services.export.upgrade import upgrade_database
from src.ui import settings, theme
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.dialogs.message import MessageDialog
from src.ui.main_window import MainWindow
from src.ui.views import default_registry

LOG_FILE_NAME = "bake-tracker.log"
# customtkinter asks the system for light/dark every 30 ms; on Linux that starts a gsettings
# process each time. Once a second follows a system switch just as well at a fraction of the cost.
APPEARANCE_POLL_MS = 1000
UPGRADING = "Bringing the database up to date. A large one can take a minute."


def configure_logging(folder: Path) -> None:
    """Warnings and unexpected errors go to bake-tracker.log next to the settings."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=2)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler, logging.StreamHandler()])


def launch(db_path_or_url: str | None, on_window_built: Callable[[], None]) -> int:
    """Run the app until its window closes; the exit status (1: the database can't be used).

    `on_window_built` is called once the window (or the dialog saying why there is none yet)
    is built, before the main loop starts and before any background work. A database from an
    older Bake Tracker is upgraded first, when the baker agrees.
    """
    ctk.AppearanceModeTracker.update_loop_interval = APPEARANCE_POLL_MS
    ctk.set_appearance_mode("System")
    theme.use_house_colours()
    root = ctk.CTk()
    windows: list[MainWindow] = []
    try:
        db = open_database(db_path_or_url)
    except OlderSchemaError as error:
        path = sqlite_file(db_path_or_url)
        if path is None:
            _cannot_open(root, error)
        else:
            _offer_upgrade(root, path, lambda db: windows.append(_reopened(root, db)))
    except DatabaseError as error:
        _cannot_open(root, error)
    else:
        windows.append(_main_window(root, db))
    on_window_built()
    for main in windows:
        _start_daily_backup(main)
    root.mainloop()
    for main in windows:
        main.ctx.db.dispose()
    return 0 if windows else 1


def _main_window(root: ctk.CTk, db: Database) -> MainWindow:
    settings_file = settings.settings_path(db)
    configure_logging(settings_file.parent)
    main = MainWindow(root, db, default_registry(), settings_file=settings_file)
    main.errors.install(root)  # the one presenter: its dialogs, and the status bar hears too
    return main


def _reopened(root: ctk.CTk, db: Database) -> MainWindow:
    """The main window after a start-up dialog (the collector is settled by then)."""
    main = _main_window(root, db)
    root.deiconify()
    _start_daily_backup(main)
    return main


def _start_daily_backup(main: MainWindow) -> None:
    """At most one "daily" backup, next to the database file; copying a large file must not
    hold up the window, so it runs in the background once the window is there."""
    db = main.ctx.db
    main.ctx.run_in_background(
        "Daily backup", lambda _progress: backup_if_due(db), partial(_backed_up, main)
    )


def _backed_up(main: MainWindow, backup: BackupInfo | None) -> None:
    if backup is not None:
        main.status.show_message(f"Today's backup is in {backup.path.parent.name}/.")


def _cannot_open(root: ctk.CTk, error: DatabaseError) -> None:
    """A database the app cannot use: say so in a dialog (and on the terminal); OK quits."""
    print(f"error: {error}", file=sys.stderr)
    root.withdraw()
    dialog = MessageDialog(root, "Can't open the database", str(error))
    dialog.protocol("WM_DELETE_WINDOW", root.destroy)
    dialog.ok_button.configure(command=root.destroy)
    dialog.show()


def _offer_upgrade(root: ctk.CTk, path: Path, on_upgraded: Callable[[Database], None]) -> None:
    """An older database: upgrade it (keeping every record, backup first) or quit."""
    root.withdraw()

    def upgrade() -> None:
        working = MessageDialog(root, "Upgrading…", UPGRADING, is_error=False)
        working.ok_button.pack_forget()
        working.show()
        working.update()  # drawn before the work holds the event loop
        try:
            upgrade_database(path)
            db = open_database(path)
        except BakeTrackerError as error:
            _cannot_open(root, DatabaseError(f"The upgrade did not work: {error}"))
            return
        finally:
            working.close()
        on_upgraded(db)

    dialog = ConfirmDialog(
        root,
        "Upgrade this database?",
        f"{path.name} was made by an older Bake Tracker. Upgrading keeps every record and "
        f"first puts a copy of the old file in {backup_folder(path)}.",
        upgrade,
        confirm_text="Upgrade",
    )
    dialog.protocol("WM_DELETE_WINDOW", root.destroy)
    dialog.cancel_button.configure(text="Quit", command=root.destroy)
    dialog.show()
