"""File → Backups…: the list, "Back up now", and a restore that asks first and backs up first."""

from __future__ import annotations

from pathlib import Path

import customtkinter as ctk
import pytest

from src.services import backups
from src.services.database import Database
from src.tests import factories
from src.tests.ui.conftest import pump, screenshot
from src.tests.ui.doubles import (
    AnsweringFiles,
    dashboard_counts,
    finish,
    open_dialog,
    open_main,
    wait_until,
)
from src.ui import events, file_menu
from src.ui.dialogs.backups import NO_BACKUPS, BackupsDialog
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.main_window import MainWindow


@pytest.fixture
def main(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> MainWindow:
    with db.transaction() as session:
        factories.ingredient(session, name="All-purpose flour")
        factories.recipe(session, name="Sugar cookies")
    return open_main(window, db, settings_file, AnsweringFiles())


def open_backups(main: MainWindow) -> BackupsDialog:
    main.file_menu.invoke(file_menu.BACKUPS)
    return open_dialog(main, BackupsDialog)


def test_backups_start_empty_and_back_up_now_adds_one_selected(main: MainWindow) -> None:
    dialog = open_backups(main)
    assert dialog.table.visible_keys() == []
    assert dialog.table.empty_label.cget("text") == NO_BACKUPS
    assert dialog.restore_button.cget("state") == "disabled"
    dialog.backup_button.invoke()
    wait_until(main, lambda: bool(dialog.table.visible_keys()))
    [(taken, reason, size)] = dialog.table.visible_values()
    assert taken.endswith(tuple("0123456789")) and " at " in taken
    assert reason == "Manual" and size.endswith("KB")
    assert dialog.restore_button.cget("state") == "normal"  # the new backup is selected
    assert main.status.message.startswith("Backed up to ")
    screenshot(dialog, "dialog-backups")
    dialog.close_button.invoke()
    assert not dialog.winfo_exists()


def test_restore_names_the_backup_backs_up_first_and_brings_the_data_back(
    main: MainWindow, db: Database
) -> None:
    taken = backups.backup_now(db)
    with db.transaction() as session:
        factories.ingredient(session, name="Cocoa powder")
    main.ctx.publish(events.CATALOG_CHANGED)
    assert dashboard_counts(main)[0] == "2"
    dialog = open_backups(main)
    dialog.table.select([str(taken.path)])
    pump(dialog)
    dialog.restore_button.invoke()
    confirm = open_dialog(dialog, ConfirmDialog)
    message = confirm.message_label.cget("text")
    assert taken.path.name in message and "backed up first" in message
    screenshot(confirm, "dialog-restore-confirm")
    confirm.confirm_button.invoke()
    finish(main)
    assert not dialog.winfo_exists()
    assert dashboard_counts(main)[0] == "1"
    assert main.status.message.startswith("Restored the backup taken ")
    assert [b.reason for b in backups.list_backups(db)] == ["before-restore", "manual"]


def test_cancelling_a_restore_keeps_the_list_open_and_modal(main: MainWindow, db: Database) -> None:
    taken = backups.backup_now(db)
    dialog = open_backups(main)
    dialog.table.select([str(taken.path)])
    dialog.on_restore()
    open_dialog(dialog, ConfirmDialog).cancel_button.invoke()
    wait_until(dialog, lambda: dialog.grab_status() is not None)  # modal again
    assert dialog.winfo_exists() and [b.reason for b in backups.list_backups(db)] == ["manual"]
    dialog.close()
