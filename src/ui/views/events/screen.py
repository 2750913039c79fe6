"""The Events screen: the list of events, or the planning workspace of the one opened."""

from __future__ import annotations

import tkinter

from src.ui import events
from src.ui.context import AppContext
from src.ui.view import View
from src.ui.views.events.event_list import EventListPage
from src.ui.views.events.workspace import Workspace


class EventsView(View):
    title = "Events"
    # A plan is stale when any of its inputs changes, wherever it was changed.
    watches = (
        events.EVENTS_CHANGED,
        events.PLAN_CHANGED,
        events.RECIPES_CHANGED,
        events.INVENTORY_CHANGED,
        events.CATALOG_CHANGED,
        events.GOODS_CHANGED,
        events.RECIPIENTS_CHANGED,
        events.PRODUCTION_CHANGED,
        events.DELIVERY_CHANGED,
    )
    supports_recalculate = True

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.list_page = EventListPage(self, ctx, self.open_event)
        self.list_page.pack(fill="both", expand=True)
        self.workspace: Workspace | None = None
        # The opened event may be gone from a replaced database: back to the list first.
        self._subscriptions.append(
            ctx.bus.subscribe(events.DATABASE_REPLACED, self._database_replaced)
        )

    def open_event(self, slug: str) -> Workspace:
        self.close_event()
        self.list_page.pack_forget()
        self.workspace = Workspace(self, self.ctx, slug, self.close_event)
        self.workspace.pack(fill="both", expand=True)
        self.workspace.refresh()
        return self.workspace

    def close_event(self) -> None:
        if self.workspace is None:
            return
        self.workspace.destroy()
        self.workspace = None
        self.list_page.pack(fill="both", expand=True)
        self.list_page.refresh()

    def refresh(self) -> None:
        if self.workspace is not None:
            self.workspace.refresh()
        else:
            self.list_page.refresh()

    def recalculate(self) -> None:
        if self.workspace is not None:
            self.workspace.recalculate()

    def focus_search(self) -> bool:
        return self.workspace is None and self.list_page.table.focus_search()

    def _database_replaced(self, name: str) -> None:
        if self.workspace is not None:
            self.workspace.destroy()
            self.workspace = None
            self.list_page.pack(fill="both", expand=True)
        self._data_changed(name)
