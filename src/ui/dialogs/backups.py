"""File → Backups…: the backups of this database, "Back up now" and "Restore selected"."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from datetime import datetime

from src.services import backups
from src.services.backups import BackupInfo
from src.services.formatting import format_date, humanize
from src.ui import theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.widgets.data_table import Column, DataTable, Row

NO_BACKUPS = "No backups yet. Press “Back up now” to make the first."


class BackupsDialog(ModalDialog):
    """Lists the backups (newest first); on_restored(message) runs after a restore finished."""

    def __init__(
        self, parent: tkinter.Misc, ctx: AppContext, on_restored: Callable[[str], None]
    ) -> None:
        super().__init__(parent, "Backups", width=640)
        self.ctx = ctx
        self._on_restored = on_restored
        self._backups: dict[str, BackupInfo] = {}
        found = backups.list_backups(ctx.db)  # raises for a server database: nothing to list
        self.add_heading("Backups")
        self.add_paragraph(_explanation(ctx), muted=True).pack_configure(
            pady=(theme.GAP, theme.PAD)
        )
        self.table = DataTable(
            self.body,
            columns=[
                Column("taken", "Taken", width=220, format=_taken_text),
                Column("reason", "Reason", width=200, format=_reason_text),
                Column("size", "Size", width=120, numeric=True, format=_size_text),
            ],
            searchable=False,
            height=10,
            on_select=lambda _keys: self._update_buttons(),
            on_activate=lambda _key: self.on_restore(),
        )
        self.table.set_empty_text(NO_BACKUPS)
        self.table.pack(fill="both", expand=True)
        self.close_button = self.add_button("Close", self.close, primary=True)
        self.restore_button = self.add_button("Restore selected…", self.on_restore)
        self.restore_button.configure(width=150)
        self.backup_button = self.add_button("Back up now", self.on_back_up_now)
        self.backup_button.pack_configure(side="left", padx=0)
        self.render(found)

    def render(self, found: list[BackupInfo], select: BackupInfo | None = None) -> None:
        self._backups = {str(info.path): info for info in found}
        self.table.set_rows(
            [
                Row(key, (info.created_at, info.reason, info.size_bytes))
                for key, info in self._backups.items()
            ]
        )
        if select is not None:
            self.table.select([str(select.path)])
        self._update_buttons()

    def on_back_up_now(self) -> None:
        self.backup_button.configure(state="disabled")
        self.ctx.run_in_background(
            "Backing up", lambda _progress: backups.backup_now(self.ctx.db), self._backed_up
        )

    def on_restore(self) -> None:
        chosen = self.selected
        if chosen is None:
            return
        ConfirmDialog(
            self,
            "Restore this backup?",
            f"Your data will be replaced by the backup taken {_taken_text(chosen.created_at)} "
            f"({_reason_text(chosen.reason).lower()}, {chosen.path.name}).\n\n"
            "Your current data is backed up first, so you can come back to it from this list.",
            lambda: self._restore(chosen),
            confirm_text="Restore",
            destructive=True,
        ).show()

    @property
    def selected(self) -> BackupInfo | None:
        keys = self.table.selected_keys()
        return self._backups[keys[0]] if keys else None

    def _backed_up(self, info: BackupInfo) -> None:
        self.ctx.status.show_message(f"Backed up to {info.path.name}.")
        if self.winfo_exists():
            self.backup_button.configure(state="normal")
            self.render(backups.list_backups(self.ctx.db), select=info)

    def _restore(self, chosen: BackupInfo) -> None:
        self.close()
        when = _taken_text(chosen.created_at)
        self.ctx.run_in_background(
            "Restoring a backup",
            lambda _progress: backups.restore_backup(self.ctx.db, chosen.path),
            lambda _safety: self._on_restored(
                f"Restored the backup taken {when}. The data it replaced is backed up too."
            ),
        )

    def _update_buttons(self) -> None:
        self.restore_button.configure(state="normal" if self.selected else "disabled")


def _explanation(ctx: AppContext) -> str:
    folder = backups.backup_folder(backups.database_file(ctx.db))
    return (
        "Bake Tracker backs your data up once a day and before every import, upgrade or "
        f"restore. The newest {backups.KEEP} are kept in {folder}."
    )


def _taken_text(value: object) -> str:
    if not isinstance(value, datetime):
        return ""
    return f"{format_date(value)} at {value:%H:%M}"


def _reason_text(value: object) -> str:
    return humanize(str(value))


def _size_text(value: object) -> str:
    if not isinstance(value, int):
        return ""
    if value < 1024 * 1024:
        return f"{max(value // 1024, 1)} KB"
    return f"{value / (1024 * 1024):.1f} MB"
