"""The event form (new, edit) and "Clone from last year" (choose an event, new name and date)."""

from __future__ import annotations

import re
import tkinter
from collections.abc import Callable, Sequence
from datetime import date

import customtkinter as ctk

from src.services.events import EventFields, EventSummary
from src.services.formatting import format_date
from src.services.planning_choices import OUTPUT_MODES
from src.ui import theme
from src.ui.dialogs.base import ModalDialog
from src.ui.validation import optional, parse_date, parse_whole_number, required_text
from src.ui.widgets.forms import Form

NOT_CHOSEN = "Not chosen yet"
MODE_LABELS = {"bundled": "Finished goods (tins, boxes)", "bulk_count": "Finished units (cookies)"}
YEAR = re.compile(r"\b(19|20)\d\d\b")


def _notes(_label: str, text: str) -> str | None:
    return text.strip() or None


class EventFormDialog(ModalDialog):
    """Name, date, expected attendees, notes and output mode; on_save gets EventFields."""

    def __init__(
        self,
        parent: tkinter.Misc,
        title: str,
        on_save: Callable[[EventFields], None],
        *,
        initial: EventSummary | None = None,
        confirm_text: str = "Save",
    ) -> None:
        super().__init__(parent, title, width=600)
        self._on_save = on_save
        ctk.CTkLabel(self.body, text=title, font=theme.heading_font(), anchor="w").pack(
            fill="x", pady=(0, theme.GAP)
        )
        grid = ctk.CTkFrame(self.body, fg_color="transparent")
        grid.pack(fill="x")
        self.form = Form(grid, columns=2)
        self.form.add("Name", required_text, placeholder="Christmas 2026")
        self.form.add("Date", parse_date, placeholder="2026-12-20")
        self.form.add("Expected attendees", optional(parse_whole_number), placeholder="Optional")
        self.form.add("Notes", _notes, placeholder="Optional")
        ctk.CTkLabel(
            self.body, text="Demand is counted in", font=theme.small_font(), anchor="w"
        ).pack(fill="x", pady=(theme.GAP, 0))
        self.mode = ctk.CTkSegmentedButton(self.body, values=[NOT_CHOSEN, *MODE_LABELS.values()])
        self.mode.pack(anchor="w")
        self._fill(initial)
        self.save_button = self.add_button(confirm_text, self.on_save, primary=True)
        self.add_button("Cancel", self.cancel)

    def on_save(self) -> None:
        values = self.form.values()
        if values is None:
            return
        chosen = [value for value, label in MODE_LABELS.items() if label == self.mode.get()]
        mode = next((m for m in OUTPUT_MODES if chosen and m.value == chosen[0]), None)
        self._on_save(
            EventFields(
                name=values["Name"],
                event_date=values["Date"],
                notes=values["Notes"],
                expected_attendees=values["Expected attendees"],
                output_mode=mode,
            )
        )
        self.close()

    def _fill(self, event: EventSummary | None) -> None:
        self.mode.set(MODE_LABELS.get(event.output_mode or "", NOT_CHOSEN) if event else NOT_CHOSEN)
        if event is None:
            return
        self.form.field("Name").set_text(event.name)
        self.form.field("Date").set_text(format_date(event.event_date))
        attendees = event.expected_attendees
        self.form.field("Expected attendees").set_text(str(attendees) if attendees else "")
        self.form.field("Notes").set_text(event.notes or "")


class CloneEventDialog(ModalDialog):
    """Choose an event to copy (recipes, demand, recipient packages), give a name and date."""

    def __init__(
        self,
        parent: tkinter.Misc,
        events: Sequence[EventSummary],
        source: str,
        on_clone: Callable[[str, str, date], None],
    ) -> None:
        super().__init__(parent, "Clone from last year", width=560)
        self._on_clone = on_clone
        self._labels = {f"{e.name} ({format_date(e.event_date)})": e for e in events}
        ctk.CTkLabel(
            self.body, text="Clone from last year", font=theme.heading_font(), anchor="w"
        ).pack(fill="x")
        ctk.CTkLabel(
            self.body,
            text="The new event starts as a draft with the same recipes, demand and "
            "recipient packages.",
            font=theme.body_font(),
            text_color=theme.MUTED,
            anchor="w",
            justify="left",
            wraplength=500,
        ).pack(fill="x", pady=(theme.GAP // 2, theme.GAP))
        ctk.CTkLabel(self.body, text="Copy from", font=theme.small_font(), anchor="w").pack(
            fill="x"
        )
        self.source = ctk.CTkOptionMenu(
            self.body, values=list(self._labels), width=320, command=self._source_changed
        )
        self.source.pack(anchor="w", pady=(0, theme.GAP))
        grid = ctk.CTkFrame(self.body, fg_color="transparent")
        grid.pack(fill="x")
        self.form = Form(grid, columns=2)
        self.form.add("New name", required_text)
        self.form.add("Date", parse_date)
        self.choose(source)
        self.clone_button = self.add_button("Clone", self.on_clone, primary=True)
        self.add_button("Cancel", self.cancel)

    def choose(self, slug: str) -> None:
        """Copy from this event, suggesting its name and date a year on."""
        label = next(label for label, e in self._labels.items() if e.slug == slug)
        self.source.set(label)
        self._source_changed(label)

    def on_clone(self) -> None:
        values = self.form.values()
        if values is None:
            return
        source = self._labels[self.source.get()]
        self._on_clone(source.slug, values["New name"], values["Date"])
        self.close()

    def _source_changed(self, label: str) -> None:
        event = self._labels[label]
        self.form.field("New name").set_text(next_years_name(event.name))
        self.form.field("Date").set_text(format_date(next_year(event.event_date)))


def next_years_name(name: str) -> str:
    """ "Christmas 2025" → "Christmas 2026"; a name without a year gets " (copy)"."""
    if YEAR.search(name) is None:
        return f"{name} (copy)"
    return YEAR.sub(lambda match: str(int(match.group()) + 1), name)


def next_year(day: date) -> date:
    """The same day a year later (Feb 29 becomes Feb 28)."""
    return day.replace(year=day.year + 1, day=min(day.day, 28 if day.month == 2 else day.day))
