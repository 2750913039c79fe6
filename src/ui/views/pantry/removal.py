"""Delete after asking; when the service refuses because something uses it, offer Archive."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

from src.services.errors import ConflictError
from src.ui.dialogs.confirm import ConfirmDialog


class DeleteOrArchive:
    """`confirm` asks first; `offer` is the Archive dialog shown when deleting was refused."""

    def __init__(
        self,
        parent: tkinter.Misc,
        what: str,
        delete: Callable[[], None],
        archive: Callable[[], None],
    ) -> None:
        self.parent = parent
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
                f"{self.what} is in use",
                str(error),
                self._archive,
                confirm_text="Archive",
            )
            self.offer.show()
