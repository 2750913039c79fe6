"""Start the desktop app: python -m src.app [--db PATH_OR_URL].

This module imports nothing heavy itself: the GUI, the services and the ORM are imported in
main(), once the garbage collector is paused for start-up.
"""

from __future__ import annotations

import argparse
import gc
import sys

from src.garbage_collection import settle_after_start_up


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m src.app", description="Bake Tracker")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        # $BAKE_TRACKER_DB is services.database.DB_ENV_VAR (test_app checks they agree);
        # importing it here would load SQLAlchemy before the collector is paused.
        help="SQLite file or SQLAlchemy URL (default: $BAKE_TRACKER_DB or data/bake_tracker.db)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Start-up creates some 85,000 objects that live as long as the app (modules, mapped
    # classes, widgets) and next to no garbage: the collections it triggers find nothing and
    # cost ≈ 0.1 s. So the collector waits until the window is built, and then freezes those
    # objects out of every later collection.
    gc.disable()
    from src.ui.launch import launch

    return launch(args.db, on_window_built=_start_up_done)


def _start_up_done() -> None:
    settle_after_start_up()
    gc.enable()


if __name__ == "__main__":
    sys.exit(main())
