"""Delete after asking; when the service refuses because something uses it, offer Archive."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

from src.services.errors import ConflictError
from src.ui import events
from src.ui.context import AppContext
from src.ui.dialogs.confirm import ConfirmDialog


class DeleteOrArchive:
    """`confirm` asks first; `offer` is the Archive dialog shown when deleting was refused.

    `delete` and `archive` each call one service; catalog_changed is published after either.
    """

    def __init__(
        self,
        parent: tkinter.Misc,
        ctx: AppContext,
        what: str,  # "ingredient 'Flour'"
        delete: Callable[[], object],
        archive: Callable[[], object],
    ) -> None:
        self.parent = parent
        self.ctx = ctx
        self.what = what
        self._delete = delete
        self._archive = archive
        self.offer: ConfirmDialog | None = None
        self.confirm = ConfirmDialog(
            parent,
            f"Delete {what}?",
            "It is removed for good. Anything that uses it keeps it from being deleted.",
            self.on_delete,
            confirm_text="Delete",
            destructive=True,
        )
        self.confirm.show()

    def on_delete(self) -> None:
        try:
            self._delete()
        except ConflictError as error:
            self.offer = ConfirmDialog(
                self.parent,
                f"The {self.what} is in use",
                str(error),
                self.on_archive,
                confirm_text="Archive",
            )
            self.offer.show()
            return
        self.ctx.publish(events.CATALOG_CHANGED, f"Deleted {self.what}.")

    def on_archive(self) -> None:
        self._archive()
        self.ctx.publish(events.CATALOG_CHANGED, f"Archived {self.what}.")
