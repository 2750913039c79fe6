"""Command-line tool: python -m src.cli [--db PATH_OR_URL] COMMAND.

A thin layer over the services: parse, call one service, print. To add a command, write one
function decorated with @command (src/cli/registry.py) in a module imported here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from src.cli import data_commands, event_commands
from src.cli.registry import COMMANDS
from src.services.errors import BakeTrackerError

__all__ = ["COMMANDS", "build_parser", "data_commands", "event_commands", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m src.cli", description="Bake Tracker tools.")
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", help="database file or SQLAlchemy URL (default: data/)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, summary, setup, handler in COMMANDS:
        sub = commands.add_parser(name, help=summary, description=summary)
        setup(sub)
        sub.set_defaults(run=handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BakeTrackerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
