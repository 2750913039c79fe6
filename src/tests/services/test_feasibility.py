from __future__ import annotations

from src.models import EventFinishedGood, FinishedUnit
from src.services.batches import decide_batches
from src.services.database import Database
from src.services.feasibility import assembly_feasibility, short_units
from src.tests import factories
from src.tests.services.plan_world import planned_example


def test_shared_units_are_netted_against_the_total_need() -> None:
    # 30 cookies made; tins need 24 and boxes 8 of the same cookie: 2 short, not 0 twice.
    assert short_units({1: 24 + 8}, {1: 30}) == {1: 2}


def test_suggested_batches_fill_the_worked_example(db: Database) -> None:
    planned_example(db)

    result = assembly_feasibility(db, "xmas")

    assert result.feasible
    assert [(u.finished_unit, u.needed, u.planned, u.short) for u in result.units] == [
        ("gingerbread-man", 120, 120, 0),
        ("sugar-cookie", 240, 252, 0),
    ]


def test_a_confirmed_shortfall_shows_which_goods_lack_what(db: Database) -> None:
    planned = planned_example(db)
    with db.transaction() as s:
        cookie = s.get_one(FinishedUnit, planned.example.units["sugar-cookie"])
        box = factories.finished_good(s, [(cookie, 12)], slug="cookie-box", name="Cookie box")
        s.add(EventFinishedGood(event_id=planned.event_id, finished_good_id=box.id, quantity=1))
    decide_batches(db, "xmas", "sugar-cookie", 7, confirm_shortfall=True)

    result = assembly_feasibility(db, "xmas")

    # 252 cookies for 240 + 12 = 252: exactly enough; one batch fewer leaves both goods short
    assert result.feasible
    decide_batches(db, "xmas", "sugar-cookie", 6, confirm_shortfall=True)
    short = assembly_feasibility(db, "xmas")
    assert not short.feasible
    assert [(g.finished_good, g.short_units) for g in short.goods] == [
        ("holiday-tin", ("Sugar cookie",)),
        ("cookie-box", ("Sugar cookie",)),
    ]
    assert next(u.short for u in short.units if u.finished_unit == "sugar-cookie") == 36
