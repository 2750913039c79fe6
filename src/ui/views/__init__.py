"""The screens. Register each real screen here (see src/ui/registry.py); no placeholders.

Only the dashboard (the first screen) is imported at start-up; the others load when opened.
"""

from __future__ import annotations

from src.ui.registry import ViewRegistry, ViewSpec, lazy_view
from src.ui.views.dashboard import DashboardView

_LAZY = (
    ("pantry", "Pantry", "src.ui.views.pantry.screen", "PantryView"),
    ("recipes", "Recipes", "src.ui.views.recipes", "RecipesView"),
    ("goods", "Goods & packages", "src.ui.views.goods", "GoodsView"),
    ("recipients", "Recipients", "src.ui.views.recipients", "RecipientsView"),
    ("events", "Events", "src.ui.views.events.screen", "EventsView"),
    ("production", "Production", "src.ui.views.production", "ProductionView"),
    ("delivery", "Delivery", "src.ui.views.delivery", "DeliveryView"),
    ("reports", "Reports", "src.ui.views.reports", "ReportsView"),
)


def default_registry() -> ViewRegistry:
    registry = ViewRegistry()
    registry.register(ViewSpec("dashboard", "Dashboard", DashboardView))
    for key, title, module, class_name in _LAZY:
        registry.register(ViewSpec(key, title, lazy_view(module, class_name)))
    return registry
