"""The planning workspace of one event: header, stale banner and one tab per part of the plan.

Edits made in a tab recalculate the plan at once (the baker wants to see their effect);
changes made elsewhere (a recipe, a purchase) only mark it stale: the banner says what
changed and Recalculate (or F5) brings it up to date off the Tk thread.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.services import plan_state
from src.services.events import EventSummary, get_event
from src.services.plan import PlanResult, calculate_plan, current_plan
from src.services.progress import event_progress
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.tasks import Progress, Task
from src.ui.views.events.assembly_panel import AssemblyPanel
from src.ui.views.events.batches_panel import BatchesPanel
from src.ui.views.events.changes_panel import ChangesPanel
from src.ui.views.events.demand_panel import DemandPanel
from src.ui.views.events.header import WorkspaceHeader
from src.ui.views.events.ingredients_panel import IngredientsPanel
from src.ui.views.events.panel import Panel, PlanView
from src.ui.views.events.plan_actions import LOCKED
from src.ui.views.events.progress_panel import ProgressPanel
from src.ui.views.events.recipes_panel import RecipesPanel
from src.ui.views.events.shopping_panel import ShoppingPanel
from src.ui.views.events.stale_banner import StaleBanner

PANELS: tuple[tuple[str, type[Panel]], ...] = (
    ("Recipes", RecipesPanel),
    ("Demand", DemandPanel),
    ("Batches", BatchesPanel),
    ("Ingredients", IngredientsPanel),
    ("Shopping", ShoppingPanel),
    ("Assembly", AssemblyPanel),
    ("Changes", ChangesPanel),
    ("Progress", ProgressPanel),
)
# action → (service, status message, confirmation (title, message, button) or None)
TRANSITIONS: dict[str, tuple[Callable[..., object], str, tuple[str, str, str] | None]] = {
    "lock": (plan_state.lock_plan, "Plan locked: only batch decisions can change now.", None),
    "unlock": (plan_state.unlock_plan, "Plan unlocked: everything can be edited again.", None),
    "start": (
        plan_state.start_production,
        "Production started: the plan is frozen as the original.",
        (
            "Start production?",
            "The plan is frozen as it is now. From here on, changes are recorded as "
            "amendments with a reason, and compared with this original.",
            "Start production",
        ),
    ),
    "complete": (
        plan_state.complete_production,
        "Event completed.",
        (
            "Complete the event?",
            "A completed event is read-only: nothing more can be planned or changed.",
            "Complete",
        ),
    ),
}


class Workspace(ctk.CTkFrame):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, slug: str, on_back: Callable[[], None]
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.ctx = ctx
        self.slug = slug
        self.dialog: ConfirmDialog | None = None
        self.view: PlanView | None = None
        self._own_edit = False
        self._task: Task[PlanResult] | None = None
        self.header = WorkspaceHeader(self, on_back, self.on_state_action)
        self.header.pack(fill="x", padx=theme.PAD, pady=(theme.PAD, 0))
        self.banner = StaleBanner(self, self.recalculate)
        self.tabs = ctk.CTkTabview(self, command=self._render_active, anchor="nw")
        self.tabs.pack(fill="both", expand=True, padx=theme.PAD - 4, pady=(0, theme.GAP))
        self.panels: dict[str, Panel] = {}
        for name, panel_class in PANELS:
            panel = panel_class(self.tabs.add(name), ctx, self.edited)
            panel.pack(fill="both", expand=True, padx=theme.GAP, pady=theme.GAP)
            self.panels[name] = panel

    # -- rendering --------------------------------------------------------------------------
    def refresh(self) -> None:
        event = get_event(self.ctx.db, self.slug)
        self.view = PlanView(event, self._plan())
        self.header.render(event, self.ctx.today(), self._produced(event))
        self._show_banner(self.view.plan)
        self._render_active()

    def show_tab(self, name: str) -> Panel:
        self.tabs.set(name)
        self._render_active()
        return self.panels[name]

    def _render_active(self) -> None:
        if self.view is not None:
            self.panels[self.tabs.get()].render(self.view)

    def _plan(self) -> PlanResult:
        if self._own_edit:
            self._own_edit = False
            return calculate_plan(self.ctx.db, self.slug)
        return current_plan(self.ctx.db, self.slug) or calculate_plan(self.ctx.db, self.slug)

    def _produced(self, event: EventSummary) -> bool:
        if event.plan_state != LOCKED:
            return False  # only unlocking depends on it
        return any(unit.produced_batches for unit in event_progress(self.ctx.db, self.slug).units)

    def _show_banner(self, plan: PlanResult) -> None:
        if plan.is_stale:
            self.banner.set_reasons(plan.stale_reasons)
            self.banner.pack(fill="x", padx=theme.PAD, pady=(theme.GAP, 0), before=self.tabs)
        else:
            self.banner.pack_forget()

    # -- actions ----------------------------------------------------------------------------
    def edited(self, message: str) -> None:
        """A tab changed the plan's inputs: recalculate on the refresh this publish causes."""
        self._own_edit = True
        self.ctx.publish(events.PLAN_CHANGED, message)

    def on_state_action(self, key: str) -> None:
        service, message, confirm = TRANSITIONS[key]

        def run() -> None:
            service(self.ctx.db, self.slug)
            self.ctx.publish(events.EVENTS_CHANGED, message)

        if confirm is None:
            run()
            return
        title, text, button = confirm
        self.dialog = ConfirmDialog(self, title, text, run, confirm_text=button)
        self.dialog.show()

    def recalculate(self) -> None:
        """Recalculate the plan off the Tk thread (the Recalculate button and F5)."""
        if self._task is not None:
            return
        self.banner.set_busy(True)
        self._task = self.ctx.tasks.run(
            self._calculate,
            self._recalculated,
            label="Recalculating the plan",
            on_error=self._recalculate_failed,
            on_progress=self.ctx.status.show_progress,
        )

    def _calculate(self, _progress: Progress) -> PlanResult:
        return calculate_plan(self.ctx.db, self.slug)

    def _recalculated(self, _plan: PlanResult) -> None:
        self._task = None
        self.banner.set_busy(False)
        self.ctx.publish(events.PLAN_CHANGED, "Plan recalculated.")

    def _recalculate_failed(self, error: BaseException) -> None:
        self._task = None
        self.banner.set_busy(False)
        self.ctx.errors.show(error)

    def destroy(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().destroy()
