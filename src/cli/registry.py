"""The command registry shared by the CLI's command modules."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from src.services.database import Database, open_database

Handler = Callable[[argparse.Namespace], int]
Setup = Callable[[argparse.ArgumentParser], object]
COMMANDS: list[tuple[str, str, Setup, Handler]] = []


def command(
    name: str, summary: str, setup: Setup = lambda parser: None
) -> Callable[[Handler], Handler]:
    """Register `handler` as the CLI command `name` (arguments declared by `setup`)."""

    def register(handler: Handler) -> Handler:
        COMMANDS.append((name, summary, setup, handler))
        return handler

    return register


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Database]:
    db = open_database(args.db)
    try:
        yield db
    finally:
        db.dispose()


def file_argument(help_text: str) -> Setup:
    return lambda parser: parser.add_argument("file", type=Path, help=help_text)
