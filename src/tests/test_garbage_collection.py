from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from src.garbage_collection import YOUNG_GENERATION_SIZE, settle_after_start_up


@pytest.fixture
def restored_collector() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("restored_collector")
def test_start_up_objects_leave_the_collections_and_young_ones_get_room() -> None:
    held_since_start_up: list[list[int]] = [[n] for n in range(100)]
    _young, middle, old = gc.get_threshold()

    settle_after_start_up()
    made_later: list[int] = []

    collected = {id(o) for o in gc.get_objects()}  # what collections walk
    assert id(held_since_start_up) not in collected
    assert id(made_later) in collected
    assert gc.get_threshold() == (YOUNG_GENERATION_SIZE, middle, old)
