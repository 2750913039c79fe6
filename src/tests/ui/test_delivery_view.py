"""The Delivery board: an event's packages move Pending → Assembled → Delivered, and back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk
import pytest
from sqlalchemy import select

from src.models import (
    EventRecipientPackage,
    FinishedGood,
    IngredientKind,
    PackagePackaging,
    PackageStatus,
    Unit,
)
from src.services.database import Database
from src.services.delivery import PackageCard, delivery_board
from src.services.formatting import local_time
from src.tests import factories as f
from src.tests.production_example import add_priced_lot
from src.tests.ui.conftest import pump, screenshot
from src.tests.ui.screens import open_screen
from src.tests.worked_example import build_worked_example
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.views.deliver_dialog import DeliverDialog
from src.ui.views.delivery import DeliveryView
from src.ui.views.delivery_board import BoardColumn, CardView


@pytest.fixture
def event_id(db: Database) -> int:
    with db.transaction() as s:
        ex = build_worked_example(s, with_stock=False)
        tin = s.get_one(FinishedGood, ex.holiday_tin)
        tin.inventory_count = 3
        ribbon = f.ingredient(s, name="Ribbon", kind=IngredientKind.PACKAGING)
        add_priced_lot(s, ribbon, "50", Unit.EACH, "20.00", date(2026, 11, 1))
        family = f.package(s, [(tin, 1)])
        family.name = "Family tin"
        family.packaging.append(PackagePackaging(ingredient=ribbon, quantity=Decimal(1)))
        event = f.event(s, name="Christmas 2026", event_date=date(2026, 12, 20))
        for name, quantity in {"Alice": 1, "Bob": 1, "Carol": 2}.items():
            recipient = f.recipient(s, name=name)
            s.add(EventRecipientPackage(
                event=event, recipient=recipient, package=family, quantity=quantity
            ))  # fmt: skip
        s.flush()
        return event.id


def _card(column: BoardColumn, recipient: str) -> CardView:
    return next(view for view in column.cards if view.card.recipient == recipient)


def _statuses(db: Database, event_id: int) -> dict[str, PackageStatus]:
    board = delivery_board(db, event_id)
    cards: list[PackageCard] = [*board.pending, *board.assembled, *board.delivered]
    return {card.recipient: card.status for card in cards}


def test_a_package_goes_through_its_whole_life_on_the_board(
    window: ctk.CTkToplevel, db: Database, event_id: int, settings_file: Path
) -> None:
    view = open_screen(window, db, settings_file, "delivery")
    assert isinstance(view, DeliveryView)
    assert view.pending.heading.cget("text") == "Pending (3)"
    _card(view.pending, "Alice").buttons["Assemble"].invoke()
    _card(view.pending, "Carol").buttons["Assemble"].invoke()
    pump(window)
    assert [c.heading.cget("text") for c in (view.pending, view.assembled, view.delivered)] == [
        "Pending (1)", "Assembled (2)", "Delivered (0)",
    ]  # fmt: skip
    _card(view.assembled, "Alice").buttons["Mark delivered…"].invoke()
    pump(window)
    dialog = view.dialog
    assert isinstance(dialog, DeliverDialog)
    assert dialog.form.field("Delivered to").text == "Alice"
    dialog.form.field("Delivered to").set_text("Alice's neighbour")
    dialog.form.field("When").set_text("2026-12-20 14:30")
    screenshot(dialog, "delivery-deliver-dialog")
    dialog.deliver_button.invoke()
    pump(window)
    delivered = delivery_board(db, event_id).delivered[0]
    assert delivered.delivered_to == "Alice's neighbour"
    assert delivered.delivered_at is not None
    assert f"{local_time(delivered.delivered_at):%Y-%m-%d %H:%M}" == "2026-12-20 14:30"
    screenshot(window, "screen-delivery-board")

    _card(view.delivered, "Alice").buttons["Undo delivery…"].invoke()
    pump(window)
    undo = view.dialog
    assert isinstance(undo, ConfirmDialog)
    screenshot(undo, "delivery-undo-confirm")
    undo.confirm_button.invoke()
    pump(window)
    _card(view.assembled, "Carol").buttons["Unassemble…"].invoke()
    pump(window)
    unassemble = view.dialog
    assert isinstance(unassemble, ConfirmDialog)
    unassemble.confirm_button.invoke()
    pump(window)
    assert _statuses(db, event_id) == {
        "Alice": PackageStatus.ASSEMBLED, "Bob": PackageStatus.PENDING,
        "Carol": PackageStatus.PENDING,
    }  # fmt: skip
    with db.transaction() as s:  # Carol's 2 tins went back; Alice's 1 stays reserved
        assert s.scalars(select(FinishedGood.inventory_count)).one() == 2


def test_without_events_the_board_says_what_to_do(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    view = open_screen(window, db, settings_file, "delivery")
    assert isinstance(view, DeliveryView)
    assert view.event_menu.selected_key is None
    screenshot(window, "screen-delivery-empty")
