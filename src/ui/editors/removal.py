"""Delete, and when something still uses the row, offer to archive it instead.

The service's refusal ("Can't delete 'Royal icing': it is used by recipe 'Gingerbread'…")
is shown as it is, with "Archive instead" as the way forward.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable

from src.services.errors import ConflictError
from src.ui.context import AppContext
from src.ui.dialogs.confirm import ConfirmDialog


class DeleteFlow:
    """`confirm` asks first; `offer` (when the service refuses) proposes archiving."""

    def __init__(
        self,
        parent: tkinter.Misc,
        ctx: AppContext,
        name: str,
        delete: Callable[[], object],
        archive: Callable[[], object],
        event: str,
    ) -> None:
        self.parent, self.ctx, self.name, self.event = parent, ctx, name, event
        self._delete, self._archive = delete, archive
        self.confirm: ConfirmDialog | None = None
        self.offer: ConfirmDialog | None = None

    def start(self) -> ConfirmDialog:
        self.confirm = ConfirmDialog(
            self.parent, f"Delete '{self.name}'?", "This can't be undone.", self.on_delete,
            confirm_text="Delete", destructive=True,
        )  # fmt: skip
        self.confirm.show()
        return self.confirm

    def on_delete(self) -> None:
        try:
            self._delete()
        except ConflictError as refused:
            self.offer = ConfirmDialog(
                self.parent, f"'{self.name}' is still in use", str(refused), self.on_archive,
                confirm_text="Archive instead",
            )  # fmt: skip
            self.offer.show()
            return
        self.ctx.publish(self.event, f"Deleted '{self.name}'.")

    def on_archive(self) -> None:
        self._archive()
        self.ctx.publish(self.event, f"Archived '{self.name}'.")
