"""Batches per finished unit: floor and ceil with their yield, shortfall or surplus.

The plan's batches (the decision, else the suggestion) are preselected. Choosing an option
decides it; an option that falls short asks for confirmation first.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

import customtkinter as ctk

from src.services.batches import accept_suggested_batches, decide_batches
from src.ui import theme
from src.ui.context import AppContext
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.views.events.panel import (
    Panel,
    PlanView,
    button,
    note,
    number,
    set_enabled,
    title_row,
)
from src.ui.views.events.plan_actions import DRAFT, IN_PRODUCTION, LOCKED

EDIT_HINT = "The suggestion (never short) is preselected. Choose another option to decide it."
HINTS = {
    IN_PRODUCTION: "Production has started: change batches in Changes, with a reason.",
}
READ_ONLY = "The event is completed; its batches can no longer change."
EMPTY = "Add demand first: the batches follow from what the event needs."


def option_text(option: dict[str, Any]) -> str:
    """ "6 batches → 216 (24 short)", "7 batches → 252 (+12)", "5 batches → 120 (exact)"."""
    count = option["batches"]
    made = f"{count} batch{'es' if count != 1 else ''} → {number(option['yield'])}"
    if Decimal(option["shortfall"]):
        return f"{made} ({number(option['shortfall'])} short)"
    if Decimal(option["surplus"]):
        return f"{made} (+{number(option['surplus'])})"
    return f"{made} (exact)"


class BatchesPanel(Panel):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, ctx, on_change)
        top = title_row(self, "Batches")
        self.accept_button = button(top, "Accept suggestions", self.on_accept)
        self.accept_button.configure(width=170)
        self.accept_button.pack(side="right")
        self.hint = note(self, EDIT_HINT)
        self.hint.pack(fill="x", pady=(2, theme.GAP))
        self.list = ctk.CTkScrollableFrame(self, fg_color="transparent")
        self.list.pack(fill="both", expand=True)
        self.requirements: list[dict[str, Any]] = []
        # One segmented choice per finished unit (no Tk variables: they must die on Tk's thread)
        self.options: dict[str, ctk.CTkSegmentedButton] = {}
        self._batches: dict[str, dict[str, int]] = {}  # unit → option text → batches

    def render(self, view: PlanView) -> None:
        super().render(view)
        self.requirements = view.plan.results["requirements"]
        editable = view.state in (DRAFT, LOCKED)
        for child in self.list.winfo_children():
            child.destroy()
        self.options, self._batches = {}, {}
        if not self.requirements:
            note(self.list, EMPTY).pack(fill="x", pady=theme.GAP)
        for requirement in self.requirements:
            self._card(requirement, editable)
        undecided = any(not r["decided"] for r in self.requirements)
        set_enabled([self.accept_button], editable and undecided)
        self.hint.configure(text=EDIT_HINT if editable else HINTS.get(view.state, READ_ONLY))

    def on_choose(self, unit: str, batches: int) -> None:
        requirement = next(r for r in self.requirements if r["finished_unit"] == unit)
        option = next(o for o in _options(requirement) if o["batches"] == batches)
        if not Decimal(option["shortfall"]):
            self._decide(requirement, batches, confirmed=False)
            return
        self._show_choice(requirement)  # until the baker confirms
        message = shortfall_text(
            requirement["name"], batches, option["yield"], requirement["needed"]
        )
        confirm = partial(self._decide, requirement, batches, confirmed=True)
        self.open_dialog(
            ConfirmDialog(self, "Make fewer than needed?", message, confirm,
                          confirm_text="Accept shortfall")
        )  # fmt: skip

    def chosen(self, unit: str) -> int:
        """The batches the option shown as chosen for the unit stands for."""
        return self._batches[unit][self.options[unit].get()]

    def on_accept(self) -> None:
        """Decide every unit still on its suggestion (the suggestion never falls short)."""
        accept_suggested_batches(self.ctx.db, self.slug)
        self.changed("Suggested batches accepted.")

    def _decide(self, requirement: dict[str, Any], batches: int, *, confirmed: bool) -> None:
        unit = requirement["finished_unit"]
        decide_batches(self.ctx.db, self.slug, unit, batches, confirm_shortfall=confirmed)
        self.changed(f"{requirement['name']}: {batches} batches.")

    def _card(self, requirement: dict[str, Any], editable: bool) -> None:
        card = ctk.CTkFrame(self.list, fg_color=theme.CARD, corner_radius=8)
        card.pack(fill="x", pady=(0, theme.GAP))
        title = ctk.CTkFrame(card, fg_color="transparent")
        title.pack(fill="x", padx=theme.PAD, pady=(theme.GAP, 4))
        ctk.CTkLabel(title, text=requirement["name"], font=theme.heading_font(), anchor="w").pack(
            side="left"
        )
        note(title, _need(requirement)).pack(side="left", padx=(theme.GAP, 0))
        note(title, _status(requirement)).pack(side="right")
        unit = requirement["finished_unit"]
        texts = {option_text(option): option["batches"] for option in _options(requirement)}
        self._batches[unit] = texts
        self.options[unit] = ctk.CTkSegmentedButton(
            card, values=list(texts), font=theme.body_font(),
            command=lambda text: self.on_choose(unit, texts[text]),
            state="normal" if editable else "disabled",
        )  # fmt: skip
        self.options[unit].pack(anchor="w", padx=theme.PAD, pady=(0, theme.GAP + 2))
        self._show_choice(requirement)

    def _show_choice(self, requirement: dict[str, Any]) -> None:
        unit = requirement["finished_unit"]
        text = next(t for t, n in self._batches[unit].items() if n == requirement["batches"])
        self.options[unit].set(text)


def shortfall_text(name: str, batches: int, made: str | Decimal, needed: str | int) -> str:
    """ "6 batches of Sugar cookie make 216: 24 short of the 240 needed. Keep the shortfall?"."""
    short = Decimal(needed) - Decimal(made)
    return (
        f"{batches} batches of {name} make {number(made)}: {number(short)} short of the "
        f"{number(needed)} needed. Keep the shortfall?"
    )


def _options(requirement: dict[str, Any]) -> list[dict[str, Any]]:
    """The floor/ceil options, plus the decided batches when they are neither."""
    options = list(requirement["options"])
    if all(o["batches"] != requirement["batches"] for o in options):
        keys = ("batches", "yield", "shortfall", "surplus")
        options.append({key: requirement[key] for key in keys})
    return sorted(options, key=lambda o: o["batches"])


def _need(requirement: dict[str, Any]) -> str:
    per_batch = number(requirement["yield_per_batch"])
    return f"need {number(requirement['needed'])}  ·  {per_batch} per batch"


def _status(requirement: dict[str, Any]) -> str:
    if not requirement["decided"]:
        return "Suggested"
    return "Decided, short" if Decimal(requirement["shortfall"]) else "Decided"
