"""Recipients: the people and households who receive packages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from src.models import Event, EventRecipientPackage, Recipient
from src.services.database import Database
from src.services.lookup import get_or_fail
from src.services.records import (
    clean_name,
    clean_text,
    describe_users,
    refuse_delete,
)
from src.services.slugs import unique_slug


@dataclass(frozen=True)
class RecipientInput:
    name: str
    household_name: str | None = None
    address: str | None = None
    allergies: str | None = None  # allergies and dislikes, free text
    notes: str | None = None


@dataclass(frozen=True)
class RecipientView:
    id: int
    slug: str
    name: str
    household_name: str | None
    address: str | None
    allergies: str | None
    notes: str | None
    is_archived: bool


def list_recipients(
    db: Database, *, search: str | None = None, include_archived: bool = False
) -> list[RecipientView]:
    """Recipients by name; `search` matches the name or household (one query)."""
    query = select(Recipient).order_by(Recipient.name, Recipient.id)
    if search and search.strip():
        text = search.strip()
        query = query.where(
            Recipient.name.icontains(text, autoescape=True)
            | Recipient.household_name.icontains(text, autoescape=True)
        )
    if not include_archived:
        query = query.where(Recipient.is_archived.is_(False))
    with db.transaction() as s:
        return _views(s, query)


def get_recipient(db: Database, recipient_id: int) -> RecipientView:
    """One recipient. Raises NotFoundError."""
    with db.transaction() as s:
        return _to_view(get_or_fail(s, Recipient, recipient_id, "recipient"))


def create_recipient(db: Database, data: RecipientInput) -> RecipientView:
    """Add a recipient (two people may share a name). Raises ValidationError."""
    with db.transaction() as s:
        name = clean_name(data.name, "recipient")
        row = Recipient(slug=unique_slug(s, Recipient.slug, name), name=name)
        _fill(row, data, name)
        s.add(row)
        s.flush()
        return _to_view(row)


def update_recipient(db: Database, recipient_id: int, data: RecipientInput) -> RecipientView:
    """Edit a recipient. Raises NotFoundError, ValidationError."""
    with db.transaction() as s:
        row = get_or_fail(s, Recipient, recipient_id, "recipient")
        _fill(row, data, clean_name(data.name, "recipient"))
        s.flush()
        return _to_view(row)


def archive_recipient(db: Database, recipient_id: int, archived: bool = True) -> RecipientView:
    """Hide (or bring back) a recipient; their packages stay. Raises NotFoundError."""
    with db.transaction() as s:
        row = get_or_fail(s, Recipient, recipient_id, "recipient")
        row.is_archived = archived
        s.flush()
        return _to_view(row)


def delete_recipient(db: Database, recipient_id: int) -> None:
    """Delete a recipient no event lists. Raises NotFoundError; ConflictError naming events."""
    with db.transaction() as s:
        row = get_or_fail(s, Recipient, recipient_id, "recipient")
        events = select(Event.name).join(EventRecipientPackage)
        users = describe_users(
            s, [("event", events.where(EventRecipientPackage.recipient_id == recipient_id))]
        )
        refuse_delete(f"'{row.name}'", users)
        s.delete(row)


def _fill(row: Recipient, data: RecipientInput, name: str) -> None:
    row.name = name
    row.household_name = clean_text(data.household_name)
    row.address = clean_text(data.address)
    row.allergies = clean_text(data.allergies)
    row.notes = clean_text(data.notes)


def _views(s: Session, query: Select[Recipient]) -> list[RecipientView]:
    return [_to_view(r) for r in s.scalars(query)]


def _to_view(r: Recipient) -> RecipientView:
    return RecipientView(r.id, r.slug, r.name, r.household_name, r.address, r.allergies,
                         r.notes, r.is_archived)  # fmt: skip
