"""What the dashboard shows at a glance: how much is in the database and what comes next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, ScalarSelect, func, or_, select
from sqlalchemy.orm import Session

from src.models import Event, Ingredient, IngredientKind, PlanState, Recipe
from src.services.database import Database
from src.services.event_overview import progress_of_started

UPCOMING_LIMIT = 20


@dataclass(frozen=True)
class UpcomingEvent:
    slug: str
    name: str
    event_date: date
    plan_state: PlanState
    progress: int | None  # overall percent once production has started


@dataclass(frozen=True)
class Overview:
    ingredient_count: int
    recipe_count: int
    event_count: int
    upcoming_events: tuple[UpcomingEvent, ...]

    @property
    def is_empty(self) -> bool:
        return self.ingredient_count == self.recipe_count == self.event_count == 0


def overview(db: Database, today: date) -> Overview:
    """Counts of active food ingredients (not packaging), recipes and events, and what is ahead.

    Events in production stay listed after their date until they are completed.
    """
    with db.transaction() as session:
        ingredients, recipes, events = session.execute(
            select(
                _count(Ingredient, Ingredient.is_archived.is_(False),
                       Ingredient.kind == IngredientKind.FOOD),
                _count(Recipe, Recipe.is_archived.is_(False)),
                _count(Event),
            )
        ).one()  # fmt: skip
        return Overview(ingredients, recipes, events, _upcoming(session, today))


def is_empty(db: Database) -> bool:
    """True when there is nothing at all yet: no ingredients, recipes or events (first run)."""
    with db.transaction() as session:
        return not any(
            session.scalar(select(select(model.id).exists()))
            for model in (Ingredient, Recipe, Event)
        )


def _count(
    model: type[Ingredient | Recipe | Event], *where: ColumnElement[bool]
) -> ScalarSelect[int]:
    return select(func.count()).select_from(model).where(*where).scalar_subquery()


def _upcoming(session: Session, today: date) -> tuple[UpcomingEvent, ...]:
    rows = session.execute(
        select(Event.id, Event.slug, Event.name, Event.event_date, Event.plan_state)
        .where(or_(Event.event_date >= today, Event.plan_state == PlanState.IN_PRODUCTION))
        .order_by(Event.event_date, Event.name)
        .limit(UPCOMING_LIMIT)
    ).all()
    started = [row[0] for row in rows if row[4] in (PlanState.IN_PRODUCTION, PlanState.COMPLETED)]
    progress = progress_of_started(session, started)
    return tuple(UpcomingEvent(*row[1:], progress=progress.get(row[0])) for row in rows)
