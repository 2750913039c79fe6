"""Named events published after a change, so every view showing that data refreshes itself.

Publishing is synchronous and happens on the Tk thread (after the service call returned).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

# The names views publish and watch. A new kind of change gets a constant here.
INVENTORY_CHANGED = "inventory_changed"
CATALOG_CHANGED = "catalog_changed"  # ingredients, products, suppliers
RECIPES_CHANGED = "recipes_changed"
GOODS_CHANGED = "goods_changed"  # finished goods, packages
RECIPIENTS_CHANGED = "recipients_changed"
EVENTS_CHANGED = "events_changed"
PLAN_CHANGED = "plan_changed"
PRODUCTION_CHANGED = "production_changed"
DELIVERY_CHANGED = "delivery_changed"
DATABASE_REPLACED = "database_replaced"  # import or restore: everything may differ

ALL_DATA = (
    INVENTORY_CHANGED,
    CATALOG_CHANGED,
    RECIPES_CHANGED,
    GOODS_CHANGED,
    RECIPIENTS_CHANGED,
    EVENTS_CHANGED,
    PLAN_CHANGED,
    PRODUCTION_CHANGED,
    DELIVERY_CHANGED,
    DATABASE_REPLACED,
)

Handler = Callable[[str], None]


@dataclass(frozen=True)
class Subscription:
    """What subscribe() returns; pass it to unsubscribe()."""

    name: str
    handler: Handler


class EventBus:
    """publish("inventory_changed") calls every handler subscribed to that name, in order."""

    def __init__(self) -> None:
        self._handlers: defaultdict[str, list[Handler]] = defaultdict(list)

    def subscribe(self, name: str, handler: Handler) -> Subscription:
        self._handlers[name].append(handler)
        return Subscription(name, handler)

    def unsubscribe(self, subscription: Subscription) -> None:
        handlers = self._handlers.get(subscription.name, [])
        if subscription.handler in handlers:
            handlers.remove(subscription.handler)

    def publish(self, name: str) -> None:
        # A copy: a handler may unsubscribe (e.g. its view was closed) while we iterate.
        for handler in list(self._handlers.get(name, ())):
            handler(name)

    def subscriber_count(self, name: str) -> int:
        return len(self._handlers.get(name, ()))
