"""The Pantry screen: a segmented control over five tabs; only the visible tab reads data."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.view import View
from src.ui.views.pantry.ingredients_tab import IngredientsTab
from src.ui.views.pantry.lots_tab import LotsTab
from src.ui.views.pantry.products_tab import ProductsTab
from src.ui.views.pantry.purchases_tab import PurchasesTab
from src.ui.views.pantry.suppliers_tab import SuppliersTab
from src.ui.views.pantry.tab import PantryTab


class PantryView(View):
    title = "Pantry"
    watches = (events.CATALOG_CHANGED, events.INVENTORY_CHANGED, events.DATABASE_REPLACED)

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.header("Pantry", "What you have, what you bought, and what it cost")
        self.tabs: dict[str, PantryTab] = {}
        self.switcher = ctk.CTkSegmentedButton(
            self,
            values=["Ingredients", "Products", "Purchases", "Lots", "Suppliers"],
            command=self.show_tab,
            font=theme.body_font(),
            height=32,
        )
        self.switcher.pack(anchor="w", padx=theme.PAD, pady=(0, theme.GAP))
        body = ctk.CTkFrame(self, fg_color="transparent")
        body.pack(fill="both", expand=True, padx=theme.PAD, pady=(0, theme.PAD))
        self.tabs = {
            "Ingredients": IngredientsTab(body, ctx),
            "Products": ProductsTab(body, ctx),
            "Purchases": PurchasesTab(body, ctx),
            "Lots": LotsTab(body, ctx),
            "Suppliers": SuppliersTab(body, ctx),
        }
        self.current = "Ingredients"
        self._stale_tabs: set[str] = set(self.tabs)
        self.show_tab(self.current)

    def show_tab(self, name: str) -> PantryTab:
        """Switch tabs; a tab whose data changed while hidden reads it now."""
        self.tabs[self.current].pack_forget()
        self.current = name
        self.switcher.set(name)
        tab = self.tabs[name]
        tab.pack(fill="both", expand=True)
        if self._shown and name in self._stale_tabs:
            self._stale_tabs.discard(name)
            tab.refresh()
        return tab

    def refresh(self) -> None:
        self._stale_tabs = set(self.tabs)
        self.show_tab(self.current)

    def focus_search(self) -> bool:
        return self.tabs[self.current].focus_search()
