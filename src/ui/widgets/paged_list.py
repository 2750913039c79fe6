"""A list showing one page of many more rows: a note by its search box saying how many were left
out, and, while some are, the search box's text going to the service (which searches them all)
instead of filtering the page.

    pages = PagedList(table, read=lambda search, limit: Page(rows, total),
                      describe=lambda shown, total, searched: f"{shown} of {total}")
    pages.show()  # reads the page, and again for each search while rows are left out
    pages.stop()  # the whole list is loaded again: the table searches it itself
"""

from __future__ import annotations

from collections.abc import Callable

from src.services.pages import PAGE_ROWS, Page
from src.ui.widgets.data_table import DataTable, Row

PageRead = Callable[[str, int], Page[Row]]  # (search text, most rows) → the rows and their total
Describe = Callable[[int, int, bool], str]  # (rows shown, total, searched) → the note's text


class PagedList:
    def __init__(
        self, table: DataTable, *, read: PageRead, describe: Describe, limit: int = PAGE_ROWS
    ) -> None:
        self.table = table
        self.read = read
        self.describe = describe
        self.limit = limit
        self.paged = False  # the page without a search left rows out: the service searches

    def show(self) -> None:
        """Show what `read` finds for the search in the box (while paged) or the first page."""
        self._show(self.table.search_text() if self.paged else "")

    def stop(self) -> None:
        """Back to a list loaded whole (the caller sets its rows): no note, searched as it is."""
        self.paged = False
        self.table.set_search_handler(None)
        self.table.set_note("")

    def _show(self, search: str) -> None:
        page = self.read(search, self.limit)
        self.table.set_rows(page.rows)
        searched = bool(search.split())
        self.table.set_note(
            self.describe(len(page.rows), page.total, searched) if page.left_out else ""
        )
        if not searched:
            self.paged = page.left_out > 0
            self.table.set_search_handler(self._show if self.paged else None)
            if self.paged and self.table.search_text().split():  # typed while the list was whole
                self._show(self.table.search_text())
