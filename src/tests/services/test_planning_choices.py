from __future__ import annotations

from decimal import Decimal

from src.services.database import Database
from src.services.planning_choices import RecipeChoice, planning_choices
from src.tests import factories
from src.tests.db_probe import counted_statements
from src.tests.worked_example import build_worked_example


def test_lists_the_worked_example_recipes_with_their_yields_and_its_goods_and_units(
    db: Database,
) -> None:
    with db.transaction() as s:
        build_worked_example(s)

    choices = planning_choices(db)

    assert [(r.slug, r.yields, r.archived) for r in choices.recipes] == [
        ("gingerbread", ("24 Gingerbread man per batch",), False),
        ("sugar-cookies", ("36 Sugar cookie per batch",), False),
    ]
    assert [(g.slug, g.name) for g in choices.goods] == [("holiday-tin", "Holiday tin")]
    assert [(u.slug, u.name, u.yield_per_batch) for u in choices.units] == [
        ("gingerbread-man", "Gingerbread man", Decimal(24)),
        ("sugar-cookie", "Sugar cookie", Decimal(36)),
    ]


def test_leaves_out_archived_items_but_flags_archived_recipes(db: Database) -> None:
    with db.transaction() as s:
        old = factories.recipe(s, slug="old", name="Old loaf", is_archived=True)
        factories.finished_unit(s, old, slug="loaf", name="Loaf", yield_per_batch=Decimal("0.5"))
        factories.finished_good(s, slug="gone", name="Gone box", is_archived=True)
        factories.recipient(s, name="Alice")
        factories.recipient(s, name="Bob", is_archived=True)
        factories.package(s)

    choices = planning_choices(db)

    assert choices.recipes == (
        RecipeChoice("old", "Old loaf", "Uncategorized", ("0.5 Loaf per batch",), True),
    )
    assert choices.units == () and choices.goods == ()
    assert [r.name for r in choices.recipients] == ["Alice"]
    assert len(choices.packages) == 1


def test_reads_a_fixed_number_of_statements_however_many_rows(db: Database) -> None:
    with db.transaction() as s:
        for _ in range(12):
            factories.finished_unit(s)
            factories.finished_good(s)
            factories.recipient(s)

    with counted_statements(db) as statements:
        choices = planning_choices(db)

    assert len(choices.recipes) == 12
    assert len(statements) == 4
