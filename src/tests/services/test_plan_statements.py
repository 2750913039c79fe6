"""Plan, shopping list and staleness read a fixed number of SQL statements, whatever the size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from src.models import EventRecipe, FinishedGood, FinishedGoodComponent, Unit
from src.services.database import Database, open_database
from src.services.event_demand import set_demand
from src.services.plan import calculate_plan, current_plan
from src.services.shopping import shopping_report
from src.tests import factories
from src.tests.services.plan_world import planned_example


def _grow(db: Database, extra: int) -> None:
    """Add `extra` recipes (3 lines each, stocked) whose units go into the holiday tin."""
    with db.transaction() as s:
        tin = s.query(FinishedGood).filter_by(slug="holiday-tin").one()
        event_id = s.query(EventRecipe).first().event_id  # type: ignore[union-attr]
        for _ in range(extra):
            recipe = factories.recipe(s)
            for _line in range(3):
                product = factories.product(s)
                factories.lot(s, product)
                factories.recipe_line(s, recipe, product.ingredient, "100", Unit.GRAM)
            unit = factories.finished_unit(s, recipe)
            tin.components.append(FinishedGoodComponent(finished_unit=unit, quantity=2))
            s.add(EventRecipe(event_id=event_id, recipe_id=recipe.id))


@contextmanager
def _counting(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    yield statements
    event.remove(db.engine, "before_cursor_execute", count)


def _statements(path: Path, extra: int, action: Callable[[Database], object]) -> int:
    db = open_database(path)
    planned_example(db)
    _grow(db, extra)
    calculate_plan(db, "xmas")
    set_demand(db, "xmas", "holiday-tin", 25)  # the plan is stale: checks compare every input
    with _counting(db) as statements:
        action(db)
    db.dispose()
    return len(statements)


@pytest.mark.parametrize(
    ("action", "limit"),
    [
        (lambda db: calculate_plan(db, "xmas"), 15),  # the target is 25
        (lambda db: current_plan(db, "xmas"), 18),  # all inputs, and the UPDATE
        (lambda db: shopping_report(db, "xmas"), 18),
    ],
    ids=["plan", "staleness", "shopping"],
)
def test_statements_do_not_grow_with_the_number_of_rows(
    tmp_path: Path, action: Callable[[Database], object], limit: int
) -> None:
    small = _statements(tmp_path / "small.db", 1, action)
    large = _statements(tmp_path / "large.db", 12, action)

    assert small == large <= limit, (small, large)
