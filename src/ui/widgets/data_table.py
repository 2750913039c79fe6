"""A list over ttk.Treeview: headings, click-to-sort, a search box, selection callbacks.

    table = DataTable(parent, columns=[Column("name", "Name"),
                                       Column("cost", "Cost", format=format_money, numeric=True)])
    table.set_rows([Row("flour", ("Flour", Decimal("4.99")))])

Rows keep their raw values (Decimal, date, int); columns format them for display and sort by
the raw value, so "$10.00" sorts after "$9.50".
"""

from __future__ import annotations

import heapq
import tkinter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from tkinter import font as tkfont
from tkinter import ttk

import customtkinter as ctk

from src.ui import theme
from src.ui.widgets.column_fit import fit_widths
from src.ui.widgets.sorting import sort_key

ASCENDING, DESCENDING = " ▲", " ▼"
FIT_ROWS = 200  # the rows whose text a column widens to (the first ones: enough to judge)
FIT_MEASURED = 5  # of those, the longest texts measured (asking Tk to measure is not cheap)
FIT_LIMIT = 360  # no column widens past this many pixels for its text
CELL_PADDING = 18  # pixels around a cell's text (the heading's padding and a sort marker)
NOTE_LEAST_WIDTH = 200  # pixels a note beside the search box wraps at, however narrow the list
SEARCH_PAUSE_MS = 300  # a search handed on (set_search_handler) waits for a pause in typing


def _plain(value: object) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    width: int = 140  # the least it gets; wider when its text needs it and there is room
    numeric: bool = False  # right-aligned; sorts by value either way
    stretch: bool = True  # takes a share of the room the columns' text leaves
    format: Callable[[object], str] = field(default=_plain)


@dataclass(frozen=True)
class Row:
    key: str  # the identity callbacks receive (a slug, an id as text)
    values: tuple[object, ...]


class DataTable(ctk.CTkFrame):
    def __init__(
        self,
        master: tkinter.Misc,
        columns: Sequence[Column],
        *,
        searchable: bool = True,
        search_placeholder: str = "Search…",
        on_select: Callable[[list[str]], None] | None = None,
        on_activate: Callable[[str], None] | None = None,
        height: int = 12,
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.columns = tuple(columns)
        self.on_select = on_select
        self.on_activate = on_activate
        self._rows: list[Row] = []
        self._sort: tuple[int, bool] | None = None  # (column index, descending)
        self._search_handler: Callable[[str], None] | None = None
        self._handed_words: list[str] = []  # the search the handler last had
        self._pending_search: str | None = None  # the after() id of a search not yet handed on
        self.search: ctk.CTkEntry | None = None
        self.note: ctk.CTkLabel | None = None  # beside the search box; see set_note
        if searchable:
            self.search, self.note = self._build_search(search_placeholder)
        self.tree = self._build_tree(height)
        self._fonts = (  # rows, headings: what _measure measures with
            tkfont.Font(self, theme.LIST_FONT),
            tkfont.Font(self, theme.LIST_HEADING_FONT),
        )
        self._wanted = [column.width for column in self.columns]  # see _measure
        self._headings = [0 for _ in self.columns]  # what each heading needs; see _measure
        self.empty_label = ctk.CTkLabel(
            self, text="", text_color=theme.MUTED, fg_color=theme.LIST_BG, font=theme.body_font()
        )

    # -- public API -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace the rows, keeping the sort order, the search text and the selection."""
        selected = self.selected_keys()
        self._rows = list(rows)
        self._measure()
        self._render()
        self.select([key for key in selected if self.tree.exists(key)])

    def visible_keys(self) -> list[str]:
        return list(self.tree.get_children())

    def visible_values(self) -> list[tuple[str, ...]]:
        """The displayed text of each visible row (what the baker reads)."""
        return [tuple(self.tree.item(key, "values")) for key in self.tree.get_children()]

    def selected_keys(self) -> list[str]:
        return list(self.tree.selection())

    def select(self, keys: Sequence[str]) -> None:
        self.tree.selection_set(list(keys))
        if keys:
            self.tree.see(keys[0])

    def sort_by(self, column_key: str, *, descending: bool = False) -> None:
        index = [column.key for column in self.columns].index(column_key)
        self._sort = (index, descending)
        self._render()

    def set_empty_text(self, text: str) -> None:
        """Shown over the list when it has no rows (e.g. "No events yet")."""
        self.empty_label.configure(text=text)
        self._update_empty_label()

    def focus_search(self) -> bool:
        if self.search is None:
            return False
        self.search.focus_set()
        self.search.select_range(0, "end")
        return True

    def search_text(self) -> str:
        return self.search.get() if self.search is not None else ""

    def set_search_handler(self, handler: Callable[[str], None] | None) -> None:
        """Hand the search box's text to `handler` (after a pause in typing; at once on Escape)
        instead of filtering the rows: for a list whose rows are a page of many more, where
        the handler finds the matching ones and sets them. None: filter the rows again.

        The rows shown must match the text in the box when the handler is set."""
        self._cancel_pending_search()
        self._search_handler = handler
        self._handed_words = self.search_text().casefold().split()

    def set_note(self, text: str) -> None:
        """A line beside the search box about the rows shown (e.g. how many a long list left
        out), wrapped to the room there; "" hides it. ValueError on a list without search."""
        if self.note is None:
            raise ValueError("A list's note goes beside its search box; this list has none.")
        self.note.configure(text=text)
        if text:
            self.note.pack(side="left", padx=(theme.GAP, 0))
        else:
            self.note.pack_forget()

    def destroy(self) -> None:
        self._cancel_pending_search()
        super().destroy()

    # -- building ---------------------------------------------------------------------------
    def _build_search(self, placeholder: str) -> tuple[ctk.CTkEntry, ctk.CTkLabel]:
        row = ctk.CTkFrame(self, fg_color="transparent")
        row.pack(fill="x", pady=(0, theme.GAP))
        entry = ctk.CTkEntry(row, placeholder_text=placeholder, width=260)
        entry.pack(side="left")
        entry.bind("<KeyRelease>", lambda _event: self._search_changed())
        entry.bind("<Escape>", lambda _event: self._clear_search())
        note = ctk.CTkLabel(row, text="", font=theme.body_font(), justify="left", anchor="w")
        row.bind("<Configure>", lambda event: self._wrap(note, event.width - entry.winfo_width()))
        return entry, note

    def _build_tree(self, height: int) -> ttk.Treeview:
        frame = ctk.CTkFrame(self, fg_color=theme.LIST_BG, corner_radius=6)
        frame.pack(fill="both", expand=True)
        tree = ttk.Treeview(
            frame,
            columns=[column.key for column in self.columns],
            show="headings",
            height=height,
            style=theme.style_treeview(self),
        )
        for index, column in enumerate(self.columns):
            tree.heading(
                column.key,
                text=column.heading,
                anchor="e" if column.numeric else "w",
                command=lambda i=index: self._toggle(i),
            )
            anchor = "e" if column.numeric else "w"
            tree.column(column.key, width=column.width, stretch=False, anchor=anchor)
        scrollbar = ctk.CTkScrollbar(frame, command=tree.yview)
        self.sideways = ctk.CTkScrollbar(frame, orientation="horizontal", command=tree.xview)
        tree.configure(yscrollcommand=scrollbar.set, xscrollcommand=self.sideways.set)
        scrollbar.pack(side="right", fill="y", padx=(0, 2), pady=2)
        tree.pack(side="left", fill="both", expand=True, padx=(2, 0), pady=2)
        tree.bind("<Configure>", lambda _event: self._lay_out())
        tree.bind("<<TreeviewSelect>>", self._selected)
        tree.bind("<Double-1>", self._double_clicked)
        tree.bind("<Return>", lambda _event: self._activate(tree.focus()))
        tree.tag_configure("stripe", background=theme.pick(theme.LIST_STRIPE))
        return tree

    # -- behaviour --------------------------------------------------------------------------
    def _render(self) -> None:
        self.tree.delete(*self.tree.get_children())
        for number, row in enumerate(self._sorted(self._filtered())):
            tags = ("stripe",) if number % 2 else ()
            self.tree.insert("", "end", iid=row.key, values=self._texts(row), tags=tags)
        self._update_headings()
        self._update_empty_label()

    def _measure(self) -> None:
        """What each column wants: its heading (with a sort marker) and its first rows' text,
        up to FIT_LIMIT, so that names and package labels read whole; and what its heading
        needs, the least it gets."""
        rows, heading = self._fonts
        texts = [self._texts(row) for row in self._rows[:FIT_ROWS]]
        for index, column in enumerate(self.columns):
            longest = heapq.nlargest(FIT_MEASURED, {text[index] for text in texts}, key=len)
            self._headings[index] = heading.measure(column.heading) + CELL_PADDING  # never cut
            widest = max(
                [heading.measure(column.heading + ASCENDING)]
                + [rows.measure(text) for text in longest]
            )
            self._wanted[index] = min(FIT_LIMIT, widest + CELL_PADDING)
        self._lay_out()

    def _wrap(self, note: ctk.CTkLabel, room: int) -> None:
        """Wrap the note to the room beside the search box (in unscaled pixels: customtkinter
        scales a wrap length)."""
        width = max(room - theme.GAP, NOTE_LEAST_WIDTH) / self._get_widget_scaling()
        note.configure(wraplength=width)

    def _lay_out(self) -> None:
        """Share the list's width among the columns (fit_widths); nothing before it is shown."""
        available = self.tree.winfo_width()
        if available <= 1:
            return
        widths = fit_widths(
            [column.width for column in self.columns], self._headings, self._wanted,
            [column.stretch for column in self.columns], available,
        )  # fmt: skip
        for column, width in zip(self.columns, widths, strict=True):
            self.tree.column(column.key, width=width)
        if sum(widths) > available:  # too narrow for every heading: it scrolls sideways
            self.sideways.pack(side="bottom", fill="x", padx=2, pady=(0, 2), before=self.tree)
        else:
            self.sideways.pack_forget()
            self.tree.xview_moveto(0)

    def _texts(self, row: Row) -> tuple[str, ...]:
        return tuple(
            column.format(value) for column, value in zip(self.columns, row.values, strict=True)
        )

    def _filtered(self) -> list[Row]:
        words = self.search_text().casefold().split()
        if not words or self._search_handler is not None:  # the handler's rows match already
            return self._rows
        return [row for row in self._rows if self._matches(row, words)]

    def _matches(self, row: Row, words: list[str]) -> bool:
        text = " ".join(self._texts(row)).casefold()
        return all(word in text for word in words)

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self._sort is None:
            return rows
        index, descending = self._sort
        return sorted(rows, key=lambda row: sort_key(row.values[index]), reverse=descending)

    def _toggle(self, index: int) -> None:
        descending = self._sort == (index, False)
        self._sort = (index, descending)
        self._render()

    def _update_headings(self) -> None:
        for index, column in enumerate(self.columns):
            marker = ""
            if self._sort is not None and self._sort[0] == index:
                marker = DESCENDING if self._sort[1] else ASCENDING
            self.tree.heading(column.key, text=column.heading + marker)

    def _update_empty_label(self) -> None:
        if not self.tree.get_children() and self.empty_label.cget("text"):
            self.empty_label.place(in_=self.tree, relx=0.5, rely=0.45, anchor="center")
        else:
            self.empty_label.place_forget()

    def _search_changed(self, *, at_once: bool = False) -> None:
        if self._search_handler is None:
            self._render()
            return
        self._cancel_pending_search()
        if at_once:
            self._hand_on_search()
        else:
            self._pending_search = self.after(SEARCH_PAUSE_MS, self._hand_on_search)

    def _hand_on_search(self) -> None:
        """Give the handler the search, unless it has it already (keys such as Shift or the
        arrows change nothing)."""
        self._pending_search = None
        words = self.search_text().casefold().split()
        if self._search_handler is not None and words != self._handed_words:
            self._handed_words = words
            self._search_handler(self.search_text())

    def _cancel_pending_search(self) -> None:
        if self._pending_search is not None:
            self.after_cancel(self._pending_search)
            self._pending_search = None

    def _clear_search(self) -> None:
        if self.search is not None:
            self.search.delete(0, "end")
            self._search_changed(at_once=True)

    def _selected(self, _event: tkinter.Event) -> None:
        if self.on_select is not None:
            self.on_select(self.selected_keys())

    def _double_clicked(self, event: tkinter.Event) -> None:
        self._activate(self.tree.identify_row(event.y))  # "" on a heading or empty space

    def _activate(self, key: str) -> None:
        if key and self.on_activate is not None:
            self.on_activate(key)

    def _set_appearance_mode(self, mode_string: str) -> None:
        super()._set_appearance_mode(mode_string)
        theme.style_treeview(self)
        self.tree.tag_configure("stripe", background=theme.pick(theme.LIST_STRIPE))
