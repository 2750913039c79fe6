"""The screens. Register each real screen here (see src/ui/registry.py); no placeholders."""

from __future__ import annotations

from src.ui.registry import ViewRegistry, ViewSpec
from src.ui.views.dashboard import DashboardView
from src.ui.views.delivery import DeliveryView
from src.ui.views.events.screen import EventsView
from src.ui.views.goods import GoodsView
from src.ui.views.pantry.screen import PantryView
from src.ui.views.production import ProductionView
from src.ui.views.recipes import RecipesView
from src.ui.views.recipients import RecipientsView
from src.ui.views.reports import ReportsView


def default_registry() -> ViewRegistry:
    registry = ViewRegistry()
    registry.register(ViewSpec("dashboard", "Dashboard", DashboardView))
    registry.register(ViewSpec("pantry", "Pantry", PantryView))
    registry.register(ViewSpec("recipes", "Recipes", RecipesView))
    registry.register(ViewSpec("goods", "Goods & packages", GoodsView))
    registry.register(ViewSpec("recipients", "Recipients", RecipientsView))
    registry.register(ViewSpec("events", "Events", EventsView))
    registry.register(ViewSpec("production", "Production", ProductionView))
    registry.register(ViewSpec("delivery", "Delivery", DeliveryView))
    registry.register(ViewSpec("reports", "Reports", ReportsView))
    return registry
