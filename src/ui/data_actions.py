"""The File menu's work on the whole database: export, import, upgrade, backups.

Each `on_<action>` asks what it needs (a file, a confirmation), then calls one service off the
Tk thread. When the data was replaced, `on_replaced(message)` tells the main window, which
publishes `database_replaced` so every screen reads the data again.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from src.services.backups import holds_data
from src.services.bake_tracker_v4 import V4Report, import_bake_tracker_v4
from src.services.errors import ConflictError, DatabaseError
from src.services.export.importer import ImportSummary, import_file
from src.services.export.upgrade import UpgradeResult, upgrade_database
from src.services.export.writer import ExportSummary, export_file
from src.services.formatting import format_count
from src.ui.context import AppContext
from src.ui.dialogs.backups import BackupsDialog
from src.ui.dialogs.bake_tracker_import import BakeTrackerImportDialog
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.dialogs.import_report import ImportReportDialog
from src.ui.files import EXPORT_FILE

UPGRADE_STEPS = (
    "Upgrading rebuilds your database in the newest format, keeping every row:\n\n"
    "1.  export everything to one file\n"
    "2.  keep a backup of the database as it is now\n"
    "3.  build a fresh database in the newest format\n"
    "4.  import the export into it\n"
    "5.  check that every row came back\n\n"
    "If any step fails, the database stays exactly as it was."
)
NOT_EMPTY_FOR_BAKE_TRACKER = (
    "A bake-tracker export can only be moved into an empty database, and this one already "
    "holds data. Start Bake Tracker with a new database file (--db) and import it there."
)
NOT_A_FILE_FOR_UPGRADE = "Only a SQLite database file can be upgraded from Bake Tracker."

T = TypeVar("T")


class DataActions:
    def __init__(
        self, parent: tkinter.Misc, ctx: AppContext, on_replaced: Callable[[str], None]
    ) -> None:
        self.parent = parent
        self.ctx = ctx
        self.on_replaced = on_replaced

    # -- export and import ------------------------------------------------------------------
    def on_export(self) -> None:
        suggested = f"bake-tracker-{self.ctx.today():%Y-%m-%d}.json"
        path = self.ctx.files.save(self.parent, EXPORT_FILE, suggested)
        if path is not None:
            self._run("Exporting", lambda: export_file(self.ctx.db, path), self._exported)

    def on_import(self) -> None:
        path = self.ctx.files.open(self.parent, EXPORT_FILE)
        if path is None:
            return
        if not holds_data(self.ctx.db):
            self._import(path, replace=False)
            return
        ConfirmDialog(
            self.parent,
            "Replace your data?",
            f"Importing {path.name} replaces everything in Bake Tracker with what the file "
            "holds.\n\nYour current data is backed up first; File → Backups… brings it back.",
            lambda: self._import(path, replace=True),
            confirm_text="Replace data",
            destructive=True,
        ).show()

    def on_import_bake_tracker(self) -> None:
        if holds_data(self.ctx.db):
            raise ConflictError(NOT_EMPTY_FOR_BAKE_TRACKER)
        BakeTrackerImportDialog(self.parent, self.ctx.files, self._import_bake_tracker).show()

    # -- upgrade and backups ----------------------------------------------------------------
    def on_upgrade(self) -> None:
        path = self.ctx.db.path
        if path is None:
            raise DatabaseError(NOT_A_FILE_FOR_UPGRADE)
        ConfirmDialog(
            self.parent,
            "Upgrade the database?",
            UPGRADE_STEPS,
            lambda: self._run(
                "Upgrading the database", lambda: self._upgrade(path), self._upgraded
            ),
            confirm_text="Upgrade",
        ).show()

    def on_backups(self) -> None:
        BackupsDialog(self.parent, self.ctx, self.on_replaced).show()

    # -- the work and its results -----------------------------------------------------------
    def _run(self, label: str, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        self.ctx.run_in_background(label, lambda _progress: work(), on_done)

    def _import(self, path: Path, *, replace: bool) -> None:
        self._run(
            f"Importing {path.name}",
            lambda: import_file(self.ctx.db, path, replace=replace),
            self._imported,
        )

    def _import_bake_tracker(self, export: Path, prices: Path | None) -> None:
        self._run(
            f"Importing {export.name}",
            lambda: import_bake_tracker_v4(self.ctx.db, export, prices),
            self._bake_tracker_imported,
        )

    def _upgrade(self, path: Path) -> UpgradeResult:
        # The file is replaced underneath the app's connections: close them before and after.
        self.ctx.db.dispose()
        try:
            return upgrade_database(path)
        finally:
            self.ctx.db.dispose()

    def _exported(self, summary: ExportSummary) -> None:
        self.ctx.status.show_message(
            f"Exported {format_count(summary.total_rows)} rows to {summary.path.name}."
        )

    def _imported(self, summary: ImportSummary) -> None:
        backed_up = " The data it replaced is backed up." if summary.backup else ""
        self.on_replaced(f"Imported {format_count(summary.total_rows)} rows.{backed_up}")

    def _bake_tracker_imported(self, report: V4Report) -> None:
        self.on_replaced(f"Moved over {format_count(sum(report.counts.values()))} records.")
        ImportReportDialog(self.parent, report).show()

    def _upgraded(self, result: UpgradeResult) -> None:
        rows = format_count(sum(result.counts.values()))
        self.on_replaced(
            f"Upgraded from schema {result.from_version} to {result.to_version}; "
            f"all {rows} rows kept."
        )
