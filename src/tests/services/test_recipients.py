"""Recipients: create, edit, search, archive, and deletes refused while events list them."""

from __future__ import annotations

import pytest

from src.models import EventRecipientPackage
from src.services.database import Database
from src.services.errors import ConflictError, NotFoundError, ValidationError
from src.services.recipients import (
    RecipientInput,
    archive_recipient,
    create_recipient,
    delete_recipient,
    get_recipient,
    list_recipients,
    update_recipient,
)
from src.tests import factories


def test_a_recipient_is_created_edited_and_found(db: Database) -> None:
    made = create_recipient(db, RecipientInput(" Aunt  May ", household_name="The Parkers"))
    edited = update_recipient(
        db, made.id, RecipientInput("Aunt May", "The Parkers", "20 Ingram St", "walnuts")
    )
    assert (edited.slug, edited.address, edited.allergies) == (
        "aunt-may",
        "20 Ingram St",
        "walnuts",
    )
    assert [r.name for r in list_recipients(db, search="parker")] == ["Aunt May"]
    assert get_recipient(db, made.id) == edited


def test_a_recipient_needs_a_name(db: Database) -> None:
    with pytest.raises(ValidationError, match="The recipient needs a name"):
        create_recipient(db, RecipientInput("   "))


def test_archived_recipients_are_hidden_unless_asked_for(db: Database) -> None:
    made = create_recipient(db, RecipientInput("Mr. Fezziwig"))
    archive_recipient(db, made.id)
    assert list_recipients(db) == []
    assert [r.name for r in list_recipients(db, include_archived=True)] == ["Mr. Fezziwig"]


def test_a_recipient_an_event_lists_cannot_be_deleted(db: Database) -> None:
    made = create_recipient(db, RecipientInput("Tiny Tim"))
    with db.transaction() as s:
        event = factories.event(s, name="Christmas 2026")
        s.add(EventRecipientPackage(event_id=event.id, recipient_id=made.id,
                                    package_id=factories.package(s).id, quantity=1))  # fmt: skip
    with pytest.raises(ConflictError, match="'Tiny Tim': it is used by event 'Christmas 2026'"):
        delete_recipient(db, made.id)


def test_an_unlisted_recipient_can_be_deleted(db: Database) -> None:
    made = create_recipient(db, RecipientInput("Marley"))
    delete_recipient(db, made.id)
    with pytest.raises(NotFoundError, match="no recipient with id"):
        get_recipient(db, made.id)
