"""Moving over from bake-tracker: from the welcome panel (the shared sample) and from the menu."""

from __future__ import annotations

from pathlib import Path

import customtkinter as ctk
import pytest

from src.services.database import Database
from src.tests import factories
from src.tests.ui.conftest import pump, screenshot
from src.tests.ui.doubles import (
    V4_PRICES,
    V4_SAMPLE,
    AnsweringFiles,
    dashboard_counts,
    finish,
    open_dialog,
    open_main,
    wait_until,
)
from src.ui import file_menu
from src.ui.data_actions import NOT_EMPTY_FOR_BAKE_TRACKER
from src.ui.dialogs.bake_tracker_import import NO_EXPORT, BakeTrackerImportDialog
from src.ui.dialogs.import_report import ImportReportDialog

needs_sample = pytest.mark.skipif(
    not (V4_SAMPLE.exists() and V4_PRICES.exists()), reason="shared bake-tracker sample absent"
)


@needs_sample
def test_the_welcome_imports_the_sample_shows_the_report_and_lands_on_the_dashboard(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    files = AnsweringFiles(V4_SAMPLE, V4_PRICES)
    main = open_main(window, db, settings_file, files)
    assert main.welcome is not None
    screenshot(window, "welcome-with-import")
    main.welcome.buttons["bake-tracker"].invoke()
    chooser = open_dialog(main, BakeTrackerImportDialog)
    chooser.choose_export.invoke()
    chooser.choose_prices.invoke()
    assert chooser.export_label.cget("text") == V4_SAMPLE.name
    assert chooser.prices_label.cget("text") == V4_PRICES.name
    screenshot(chooser, "dialog-bake-tracker-import")
    chooser.import_button.invoke()
    finish(main)
    report = open_dialog(main, ImportReportDialog)
    screenshot(report, "dialog-bake-tracker-report")
    assert main.current == "dashboard" and main.welcome is None
    assert dashboard_counts(main)[0] == "337"
    skipped = report.skipped.visible_values()
    assert skipped and all(reason for _kind, _name, reason in skipped)
    assert report.skipped_heading.cget("text") == f"Skipped ({len(skipped)})"
    report.ok_button.invoke()


def test_import_waits_for_an_export_file_and_cancel_changes_nothing(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    main = open_main(window, db, settings_file, AnsweringFiles(None))
    main.file_menu.invoke(file_menu.IMPORT_BAKE_TRACKER)
    chooser = open_dialog(main, BakeTrackerImportDialog)
    assert chooser.import_button.cget("state") == "disabled"
    chooser.choose_export.invoke()  # the baker cancels the file dialog
    assert chooser.export_label.cget("text") == NO_EXPORT
    assert chooser.import_button.cget("state") == "disabled"
    chooser.cancel_button.invoke()
    pump(window)
    assert not chooser.winfo_exists() and not main.tasks.busy and main.welcome is not None


def test_a_database_with_data_is_refused_with_the_reason(
    root: ctk.CTk,
    window: ctk.CTkToplevel,
    db: Database,
    settings_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with db.transaction() as session:
        factories.supplier(session)
    main = open_main(window, db, settings_file, AnsweringFiles())
    # As the app does: errors escaping a Tk callback go to the main window's presenter.
    monkeypatch.setattr(root, "report_callback_exception", main.errors.report_callback_exception)
    main.file_menu.invoke(file_menu.IMPORT_BAKE_TRACKER)
    [dialog] = main.errors.shown
    assert dialog.message_label.cget("text") == NOT_EMPTY_FOR_BAKE_TRACKER
    dialog.close()


def test_a_file_that_is_not_a_bake_tracker_export_shows_the_error(
    window: ctk.CTkToplevel, db: Database, settings_file: Path, tmp_path: Path
) -> None:
    wrong = tmp_path / "shopping.json"
    wrong.write_text('{"shopping": []}', encoding="utf-8")
    main = open_main(window, db, settings_file, AnsweringFiles(wrong))
    main.file_menu.invoke(file_menu.IMPORT_BAKE_TRACKER)
    chooser = open_dialog(main, BakeTrackerImportDialog)
    chooser.choose_export.invoke()
    chooser.import_button.invoke()
    wait_until(main, lambda: bool(main.errors.shown))
    assert "shopping.json" in main.errors.shown[-1].message_label.cget("text")
    assert main.welcome is not None  # nothing was imported
    main.errors.shown[-1].close()
