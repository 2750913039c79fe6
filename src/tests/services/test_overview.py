from datetime import date

from src.models import IngredientKind, PlanState
from src.services.database import Database
from src.services.overview import UpcomingEvent, is_empty, overview
from src.tests import factories

TODAY = date(2026, 11, 15)


def test_a_new_database_is_empty(db: Database) -> None:
    assert is_empty(db)
    assert overview(db, TODAY).is_empty


def test_one_ingredient_makes_it_not_empty(db: Database) -> None:
    with db.transaction() as session:
        factories.ingredient(session)
    assert not is_empty(db)


def test_counts_leave_out_archived_ingredients_and_recipes(db: Database) -> None:
    with db.transaction() as session:
        factories.ingredient(session)
        factories.ingredient(session, is_archived=True)
        factories.recipe(session)
    summary = overview(db, TODAY)
    assert (summary.ingredient_count, summary.recipe_count, summary.event_count) == (1, 1, 0)


def test_the_ingredient_count_leaves_out_packaging(db: Database) -> None:
    with db.transaction() as session:
        factories.ingredient(session)
        factories.ingredient(session, name="Holiday tin", kind=IngredientKind.PACKAGING)
    assert overview(db, TODAY).ingredient_count == 1


def test_upcoming_events_are_ordered_by_date_and_keep_those_in_production(db: Database) -> None:
    with db.transaction() as session:
        factories.event(session, name="Bake sale", slug="sale", event_date=date(2026, 12, 5))
        factories.event(session, name="Christmas", slug="xmas", event_date=date(2026, 12, 20))
        factories.event(session, name="Old", slug="old", event_date=date(2025, 12, 20))
        factories.event(
            session,
            name="Late",
            slug="late",
            event_date=date(2026, 11, 1),
            plan_state=PlanState.IN_PRODUCTION,
        )
    upcoming = overview(db, TODAY).upcoming_events
    assert [e.slug for e in upcoming] == ["late", "sale", "xmas"]
    assert upcoming[1] == UpcomingEvent(
        "sale", "Bake sale", date(2026, 12, 5), PlanState.DRAFT, progress=None
    )


def test_an_event_in_production_shows_its_progress(db: Database) -> None:
    from src.models import Event
    from src.services.progress import event_progress
    from src.tests.services.plan_world import planned_example, record_run

    p = planned_example(db)
    with db.transaction() as s:
        s.get_one(Event, p.event_id).plan_state = PlanState.IN_PRODUCTION
    record_run(db, p.event_id, p.example.units["sugar-cookie"], 7, 252)

    [xmas] = overview(db, date(2026, 12, 1)).upcoming_events

    # 7 of 12 batches baked, no tins assembled yet: (7/12 + 0) / 2 = 29 %
    assert xmas.progress == 29 == event_progress(db, p.event_slug).percent
