"""The one place errors reach the baker.

A BakeTrackerError is a message written for the baker: shown as is. Anything else is a bug:
logged with its traceback and shown as "Something went wrong" with the details on request.
`install` routes every exception escaping a Tk callback here, so handlers need no try/except.
"""

from __future__ import annotations

import logging
import tkinter
import traceback
from collections.abc import Callable
from types import TracebackType

from src.services.errors import BakeTrackerError
from src.ui.dialogs.message import MessageDialog

log = logging.getLogger("bake_tracker.ui")

UNEXPECTED_HEADING = "Something went wrong"
UNEXPECTED_MESSAGE = (
    "Bake Tracker ran into a problem it did not expect, so the last action may not have "
    "finished. Your saved data is safe. If it happens again, the details help to fix it."
)
HEADINGS: dict[str, str] = {  # the most specific class in an error's MRO wins
    "ImportRejected": "This file can't be imported",
    "ValidationError": "Please check what you entered",
    "NotFoundError": "Not found",
    "ConflictError": "That can't be done",
    "ConversionError": "Units don't convert",
    "InsufficientStockError": "Not enough in the pantry",
    "PlanStateError": "Not possible in this plan state",
    "DatabaseError": "Problem with the database",
}


def heading_for(error: BakeTrackerError) -> str:
    for cls in type(error).__mro__:
        if cls.__name__ in HEADINGS:
            return HEADINGS[cls.__name__]
    return "That can't be done"


class ErrorPresenter:
    """Shows errors in one consistent dialog over `parent`; `shown` keeps the open dialogs."""

    def __init__(self, parent: tkinter.Misc) -> None:
        self._parent = parent
        self.shown: list[MessageDialog] = []
        # Where the status bar hears about errors too (set by the main window).
        self.on_error: Callable[[str], None] | None = None

    def show(self, error: BaseException) -> MessageDialog:
        if isinstance(error, BakeTrackerError):
            return self._open(heading_for(error), str(error), None)
        log.error("Unexpected error", exc_info=error)
        details = "".join(traceback.format_exception(error))
        return self._open(UNEXPECTED_HEADING, UNEXPECTED_MESSAGE, details)

    def report_callback_exception(
        self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """Tk's hook for exceptions escaping a callback (signature fixed by tkinter)."""
        self.show(error.with_traceback(tb))

    def install(self, root: tkinter.Tk) -> None:
        root.report_callback_exception = self.report_callback_exception  # type: ignore[assignment]

    def _open(self, heading: str, message: str, details: str | None) -> MessageDialog:
        if self.on_error is not None:
            self.on_error(heading)
        self.shown = [dialog for dialog in self.shown if dialog.winfo_exists()]
        dialog = MessageDialog(self._parent, heading, message, details=details)
        self.shown.append(dialog)
        dialog.show()
        return dialog
