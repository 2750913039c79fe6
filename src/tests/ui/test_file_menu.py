"""The File menu: export, import (replace asks first), a bad file, upgrade, a responsive window."""

from __future__ import annotations

import itertools
import json
import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import customtkinter as ctk
import pytest
from PIL import ImageGrab

from src.services import backups
from src.services.database import Database, open_database
from src.services.export import writer
from src.services.export.writer import ExportSummary
from src.tests import factories
from src.tests.ui.conftest import ARTIFACTS, pump, screenshot
from src.tests.ui.doubles import (
    AnsweringFiles,
    dashboard_counts,
    finish,
    open_dialog,
    open_main,
    wait_until,
)
from src.ui import file_menu
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.main_window import MainWindow


@pytest.fixture
def stocked_db(db: Database) -> Database:
    with db.transaction() as session:
        factories.ingredient(session, name="All-purpose flour")
        factories.ingredient(session, name="Dark brown sugar")
        factories.recipe(session, name="Sugar cookies")
        factories.event(session, name="Christmas tins", slug="xmas", event_date=date(2026, 12, 20))
    return db


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "fresh" / "bake_tracker.db")
    yield database
    database.dispose()


def menu_state(main: MainWindow, label: str) -> str:
    return str(main.file_menu.menu.entrycget(main.file_menu.indexes[label], "state"))


def test_the_file_menu_lists_its_entries_and_opens_with_alt_f(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path
) -> None:
    main = open_main(window, stocked_db, settings_file, AnsweringFiles())
    menu = main.file_menu.menu
    last = menu.index("end")
    assert last is not None
    commands = [i for i in range(last + 1) if menu.type(i) == "command"]
    assert [menu.entrycget(i, "label").strip() for i in commands] == [
        file_menu.EXPORT,
        file_menu.IMPORT,
        file_menu.IMPORT_BAKE_TRACKER,
        file_menu.UPGRADE,
        file_menu.BACKUPS,
        file_menu.QUIT,
    ]
    assert main.file_menu.bar.entrycget(0, "underline") == 0  # Alt+F
    assert str(window.cget("menu")) == str(main.file_menu.bar)
    window.focus_force()
    pump(window, 50)
    window.event_generate("<Alt-f>")
    pump(window, 200)
    dropdown = _posted_dropdown(window)
    assert dropdown is not None  # Alt+F opened the File menu
    _photograph_menu(window, "menu-file")
    for _ in range(2):
        window.tk.call(
            "event", "generate", window.tk.call("grab", "current") or dropdown, "<Escape>"
        )
        pump(window, 50)
    assert _posted_dropdown(window) is None and not window.tk.call("grab", "current")


def _posted_dropdown(window: ctk.CTkToplevel) -> str | None:
    """The menu bar's copy of the File menu (Tk clones menus it shows in a menu bar), if posted."""
    for clone in window.tk.eval(f"winfo children {window}").split():
        for dropdown in window.tk.eval(f"winfo children {clone}").split():
            if "#" in dropdown and window.tk.eval(f"winfo ismapped {dropdown}") == "1":
                return dropdown
    return None


def _photograph_menu(window: ctk.CTkToplevel, name: str) -> None:
    """The menu bar sits above the window's client area, the dropdown over it: grab the screen."""
    x, y = window.winfo_rootx(), window.winfo_rooty()
    box = (x, max(y - 40, 0), x + 520, y + 300)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    ImageGrab.grab(bbox=box, xdisplay=os.environ.get("DISPLAY")).save(ARTIFACTS / f"{name}.png")


def test_export_then_import_into_a_fresh_database_brings_every_count_back(
    root: ctk.CTk,
    window: ctk.CTkToplevel,
    stocked_db: Database,
    fresh_db: Database,
    settings_file: Path,
    tmp_path: Path,
) -> None:
    exported = tmp_path / "season.json"
    files = AnsweringFiles(exported)
    source = open_main(window, stocked_db, settings_file, files)
    source.file_menu.invoke(file_menu.EXPORT)
    finish(source)
    assert files.asked == ["save bake-tracker-2026-11-15.json"]
    assert exported.is_file() and source.status.message.startswith("Exported ")

    second = ctk.CTkToplevel(root)
    target = open_main(second, fresh_db, tmp_path / "other-settings.json", AnsweringFiles(exported))
    assert target.welcome is not None
    target.file_menu.invoke(file_menu.IMPORT)  # an empty database: no question asked
    finish(target)
    assert target.current == "dashboard" and target.welcome is None
    assert dashboard_counts(target) == dashboard_counts(source) == ["2", "1", "1"]
    second.destroy()


def test_importing_over_data_asks_first_says_a_backup_is_taken_then_replaces(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "season.json"
    writer.export_file(stocked_db, exported)
    with stocked_db.transaction() as session:
        factories.recipe(session, name="Gingerbread")
    main = open_main(window, stocked_db, settings_file, AnsweringFiles(exported))
    assert dashboard_counts(main) == ["2", "2", "1"]
    main.file_menu.invoke(file_menu.IMPORT)
    confirm = open_dialog(main, ConfirmDialog)
    screenshot(confirm, "dialog-import-replace")
    message = confirm.message_label.cget("text")
    assert "season.json" in message and "backed up first" in message
    confirm.confirm_button.invoke()
    finish(main)
    assert dashboard_counts(main) == ["2", "1", "1"]
    assert [b.reason for b in backups.list_backups(stocked_db)] == ["import"]


def test_cancelling_the_replace_question_imports_nothing(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "season.json"
    writer.export_file(stocked_db, exported)
    main = open_main(window, stocked_db, settings_file, AnsweringFiles(None, exported))
    main.file_menu.invoke(file_menu.IMPORT)  # the baker cancels the file dialog
    main.file_menu.invoke(file_menu.IMPORT)
    open_dialog(main, ConfirmDialog).cancel_button.invoke()
    pump(window)
    assert not main.tasks.busy and backups.list_backups(stocked_db) == []


def test_a_bad_import_file_shows_the_error_and_leaves_the_data_as_it_was(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    writer.export_file(stocked_db, bad)
    document = json.loads(bad.read_text(encoding="utf-8"))
    document["tables"]["ingredients"][1]["density_volume_quantity"] = "a cup or so"
    bad.write_text(json.dumps(document), encoding="utf-8")
    main = open_main(window, stocked_db, settings_file, AnsweringFiles(bad))
    main.file_menu.invoke(file_menu.IMPORT)
    open_dialog(main, ConfirmDialog).confirm_button.invoke()
    wait_until(main, lambda: bool(main.errors.shown))
    dialog = main.errors.shown[-1]
    screenshot(dialog, "dialog-import-error")
    text = dialog.message_label.cget("text")
    assert "nothing was changed" in text
    assert "table ingredients" in text and '"density_volume_quantity"' in text
    assert dashboard_counts(main) == ["2", "1", "1"]
    assert not main.tasks.busy and menu_state(main, file_menu.IMPORT) == ("normal")
    dialog.close()


def test_upgrade_explains_its_steps_and_keeps_every_count(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path
) -> None:
    main = open_main(window, stocked_db, settings_file, AnsweringFiles())
    main.file_menu.invoke(file_menu.UPGRADE)
    confirm = open_dialog(main, ConfirmDialog)
    screenshot(confirm, "dialog-upgrade")
    assert "check that every row came back" in confirm.message_label.cget("text")
    confirm.confirm_button.invoke()
    finish(main)
    assert main.status.message.startswith("Upgraded from schema ")
    assert dashboard_counts(main) == ["2", "1", "1"]
    assert [b.reason for b in backups.list_backups(stocked_db)] == ["upgrade"]
    with stocked_db.transaction() as session:  # the reopened database takes new work
        factories.recipe(session, name="Gingerbread")


def test_the_window_stays_responsive_while_slow_work_runs(
    window: ctk.CTkToplevel,
    stocked_db: Database,
    settings_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def slow_export(db: Database, path: Path) -> ExportSummary:
        time.sleep(0.8)
        return writer.export_file(db, path)

    monkeypatch.setattr("src.ui.data_actions.export_file", slow_export)
    main = open_main(window, stocked_db, settings_file, AnsweringFiles(tmp_path / "slow.json"))
    ticks: list[float] = []

    def tick() -> None:
        ticks.append(time.monotonic())
        if main.tasks.busy:
            window.after(20, tick)

    main.file_menu.invoke(file_menu.EXPORT)
    assert main.status.busy
    assert menu_state(main, file_menu.IMPORT) == "disabled"
    window.after(20, tick)
    screenshot(window, "status-bar-exporting")
    finish(main)
    assert len(ticks) >= 10  # the event loop ran all along (20 ms ticks over 0.8 s)
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.5
    assert menu_state(main, file_menu.IMPORT) == "normal"
