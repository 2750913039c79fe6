from __future__ import annotations

from src.services.database import Database
from src.services.progress import event_progress
from src.tests.services.plan_world import planned_example, progress_example


def test_a_fresh_event_has_made_no_progress(db: Database) -> None:
    planned_example(db)

    progress = event_progress(db, "xmas")

    assert progress.percent == 0
    assert [(u.finished_unit, u.decided_batches, u.remaining_batches) for u in progress.units] == [
        ("gingerbread-man", 5, 5),
        ("sugar-cookie", 7, 7),
    ]


def test_progress_counts_batches_assembly_and_packages(db: Database) -> None:
    progress_example(db)

    progress = event_progress(db, "xmas")

    men, cookies = progress.units
    assert (cookies.produced_batches, cookies.remaining_batches, cookies.overage_batches) == (
        7,
        0,
        1,
    )
    # two packaged tins raise the need to 22 tins: 132 men, suggested 6 batches
    assert (cookies.produced_items, men.produced_batches, men.remaining_batches) == (252, 2, 4)
    assert [(g.finished_good, g.needed, g.assembled) for g in progress.goods] == [
        ("holiday-tin", 22, 11)
    ]
    assert progress.packages == {"pending": 1, "assembled": 1, "delivered": 0}
    # production (6 + 2) / 12, assembly 11 / 22, delivery 0 / 2 → mean 38.9 %
    assert progress.percent == 38
