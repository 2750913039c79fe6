from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from src.garbage_collection import (
    YOUNG_GENERATION_SIZE,
    collection_paused,
    pause_collection,
    resume_collection,
    settle_after_start_up,
)


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


def test_a_pause_lasts_until_the_last_one_ends_however_it_ends() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        pause_collection()  # another thread's work, say
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
        resume_collection()
        assert not gc.isenabled()
        raise ValueError("the work failed")
    assert gc.isenabled()


def test_pausing_while_collection_is_off_leaves_it_off() -> None:
    gc.disable()  # as the app does until its window is built
    try:
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


@collection_paused()
def _bulk_work() -> bool:
    return gc.isenabled()


def test_a_bulk_calculation_runs_without_collections() -> None:
    assert _bulk_work() is False
    assert gc.isenabled()
