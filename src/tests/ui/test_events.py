from src.ui.events import INVENTORY_CHANGED, RECIPES_CHANGED, EventBus


def test_publish_calls_the_subscribers_of_that_name_only() -> None:
    bus, heard = EventBus(), []
    bus.subscribe(INVENTORY_CHANGED, heard.append)
    bus.subscribe(RECIPES_CHANGED, lambda name: heard.append("recipes:" + name))
    bus.publish(INVENTORY_CHANGED)
    assert heard == [INVENTORY_CHANGED]


def test_unsubscribed_handlers_are_not_called_and_unsubscribing_twice_is_harmless() -> None:
    bus, heard = EventBus(), []
    subscription = bus.subscribe(INVENTORY_CHANGED, heard.append)
    bus.unsubscribe(subscription)
    bus.unsubscribe(subscription)
    bus.publish(INVENTORY_CHANGED)
    assert heard == []
    assert bus.subscriber_count(INVENTORY_CHANGED) == 0


def test_a_handler_may_unsubscribe_itself_while_the_event_is_delivered() -> None:
    bus, heard = EventBus(), []
    subscriptions = []

    def once(name: str) -> None:
        heard.append("once")
        bus.unsubscribe(subscriptions[0])

    subscriptions.append(bus.subscribe(INVENTORY_CHANGED, once))
    bus.subscribe(INVENTORY_CHANGED, lambda name: heard.append("always"))
    bus.publish(INVENTORY_CHANGED)
    bus.publish(INVENTORY_CHANGED)
    assert heard == ["once", "always", "always"]


def test_publishing_an_event_nobody_watches_does_nothing() -> None:
    EventBus().publish("nobody_listens")
