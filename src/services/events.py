"""Events: create, edit, delete, clone last year's, and list them upcoming first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from src.models import (
    AssemblyRun,
    Event,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    OutputMode,
    PlanState,
    ProductionRun,
)
from src.services.database import Database
from src.services.errors import ConflictError, ValidationError
from src.services.event_guards import find_event, require_draft
from src.services.slugs import unique_slug


@dataclass(frozen=True)
class EventSummary:
    id: int
    slug: str
    name: str
    event_date: date
    notes: str | None
    expected_attendees: int | None
    output_mode: str | None
    plan_state: str


@dataclass(frozen=True)
class EventFields:
    """What the baker types into the event form."""

    name: str
    event_date: date
    notes: str | None = None
    expected_attendees: int | None = None
    output_mode: OutputMode | None = None


def create_event(db: Database, fields: EventFields) -> EventSummary:
    """Create an event with a DRAFT plan. Raises ValidationError."""
    with db.transaction() as s:
        name = _checked(fields)
        event = Event(slug=unique_slug(s, Event.slug, name), plan_state=PlanState.DRAFT)
        _apply(event, fields, name)
        s.add(event)
        s.flush()
        return summary(event)


def edit_event(db: Database, slug: str, fields: EventFields) -> EventSummary:
    """Change an event's details (DRAFT only; the output mode only while nothing is demanded).

    Raises NotFoundError, PlanStateError, ValidationError, ConflictError.
    """
    with db.transaction() as s:
        event = find_event(s, slug)
        require_draft(event, "edit the event")
        name = _checked(fields)
        if fields.output_mode != event.output_mode and _has_demand(s, event.id):
            raise ConflictError(
                f"{event.name} already has demand; remove it before changing the output mode."
            )
        _apply(event, fields, name)
        s.flush()
        return summary(event)


def delete_event(db: Database, slug: str) -> None:
    """Delete an event and its plan. Raises NotFoundError, ConflictError (production recorded)."""
    with db.transaction() as s:
        event = find_event(s, slug)
        made = select(ProductionRun.id).where(ProductionRun.event_id == event.id)
        built = select(AssemblyRun.id).where(AssemblyRun.event_id == event.id)
        if s.scalar(select(exists(made) | exists(built))):
            raise ConflictError(
                f"{event.name} has production recorded for it, so it cannot be deleted."
            )
        s.delete(event)


def clone_event(db: Database, slug: str, name: str, event_date: date) -> EventSummary:
    """A new DRAFT event with the source's recipes, demand and recipient packages.

    Raises NotFoundError, ValidationError.
    """
    with db.transaction() as s:
        source = find_event(s, slug)
        fields = EventFields(
            name, event_date, source.notes, source.expected_attendees, source.output_mode
        )
        clean = _checked(fields)
        event = Event(slug=unique_slug(s, Event.slug, clean), plan_state=PlanState.DRAFT)
        _apply(event, fields, clean)
        s.add(event)
        s.flush()
        _copy_plan(s, source, event)
        return summary(event)


def list_events(db: Database, today: date | None = None) -> list[EventSummary]:
    """Upcoming events (soonest first), then past ones (most recent first)."""
    with db.transaction() as s:
        return ordered_summaries(s, today or date.today())


def ordered_summaries(s: Session, today: date) -> list[EventSummary]:
    """Every event: upcoming ones soonest first, then past ones most recent first."""
    events = s.scalars(select(Event).order_by(Event.event_date, Event.name)).all()
    upcoming = [summary(e) for e in events if e.event_date >= today]
    past = [summary(e) for e in reversed(events) if e.event_date < today]
    return upcoming + past


def get_event(db: Database, slug: str) -> EventSummary:
    """One event. Raises NotFoundError."""
    with db.transaction() as s:
        return summary(find_event(s, slug))


def summary(event: Event) -> EventSummary:
    return EventSummary(
        id=event.id,
        slug=event.slug,
        name=event.name,
        event_date=event.event_date,
        notes=event.notes,
        expected_attendees=event.expected_attendees,
        output_mode=event.output_mode and event.output_mode.value,
        plan_state=event.plan_state.value,
    )


def _checked(fields: EventFields) -> str:
    name = fields.name.strip()
    if not name:
        raise ValidationError("The event needs a name.")
    attendees = fields.expected_attendees
    if attendees is not None and attendees <= 0:
        raise ValidationError(
            f"Expected attendees for {name} must be more than zero, or left empty."
        )
    return name


def _apply(event: Event, fields: EventFields, name: str) -> None:
    event.name = name
    event.event_date = fields.event_date
    event.notes = fields.notes
    event.expected_attendees = fields.expected_attendees
    event.output_mode = fields.output_mode


def _has_demand(s: Session, event_id: int) -> bool:
    items = select(func.count(EventFinishedGood.id)).where(EventFinishedGood.event_id == event_id)
    return bool(s.scalar(items))


def _copy_plan(s: Session, source: Event, event: Event) -> None:
    for chosen in source.event_recipes:
        s.add(EventRecipe(event_id=event.id, recipe_id=chosen.recipe_id))
    for item in source.event_finished_goods:
        s.add(
            EventFinishedGood(
                event_id=event.id,
                finished_good_id=item.finished_good_id,
                finished_unit_id=item.finished_unit_id,
                quantity=item.quantity,
            )
        )
    for assigned in source.recipient_packages:
        s.add(
            EventRecipientPackage(
                event_id=event.id,
                recipient_id=assigned.recipient_id,
                package_id=assigned.package_id,
                quantity=assigned.quantity,
                notes=assigned.notes,
            )
        )
    s.flush()
