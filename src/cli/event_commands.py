"""Commands about events: the list, a plan, its shopping list and its costs."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from src.cli.registry import command, database
from src.services.cost_report import event_costs_report
from src.services.events import list_events
from src.services.plan import plan_report
from src.services.quantity_format import format_friendly, format_money
from src.services.shopping import export_shopping_csv, export_shopping_pdf, shopping_report
from src.services.units import parse_unit


def _json_flag(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _event_and_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event", help="the event's slug (see the 'events' command)")
    _json_flag(parser)


def _dump(document: Any) -> None:
    print(json.dumps(document, indent=2, default=str))


def _money(text: str | None) -> str:
    return "unknown" if text is None else format_money(Decimal(text))


@command("events", "List events: slug, name, date, plan state and output mode.", _json_flag)
def events(args: argparse.Namespace) -> int:
    with database(args) as db:
        found = list_events(db)
    if args.json:
        _dump([{k: v for k, v in asdict(e).items() if k != "id"} for e in found])
        return 0
    for e in found:
        mode = e.output_mode or "-"
        print(f"{e.slug:<28} {e.name:<32} {e.event_date}  {e.plan_state:<13} {mode}")
    if not found:
        print("No events yet.")
    return 0


@command(
    "plan", "Show an event's plan: batches per finished unit, ingredients, cost.", _event_and_json
)
def plan(args: argparse.Namespace) -> int:
    with database(args) as db:
        report = plan_report(db, args.event)
    if args.json:
        _dump(report)
        return 0
    print(
        f"{report['event']}  ({report['plan_state']}, {report['output_mode'] or 'no output mode'})"
    )
    for reason in report["stale_reasons"] if report["stale"] else []:
        print(f"  stale: {reason}")
    for r in report["requirements"]:
        short = f", short {r['shortfall']}" if r["shortfall"] != "0" else ""
        print(f"  {r['finished_unit']:<28} need {r['needed']:>6}  {r['batches']} batches"
              f" → {r['yield']}{short}")  # fmt: skip
    for i in report["ingredients"]:
        amount = format_friendly(Decimal(i["quantity"]), parse_unit(i["unit"]))
        print(f"  {i['ingredient']:<28} {amount}")
    print(f"Estimated cost: {_money(report['estimated_cost'])}")
    return 0


def _setup_shopping(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event", help="the event's slug (see the 'events' command)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON instead of text")
    out.add_argument("--csv", type=Path, metavar="FILE", help="write the list as CSV")
    out.add_argument("--pdf", type=Path, metavar="FILE", help="write a printable PDF")


@command("shopping-list", "What to buy for an event (text, JSON, CSV or PDF).", _setup_shopping)
def shopping_list(args: argparse.Namespace) -> int:
    with database(args) as db:
        if args.csv or args.pdf:
            written = (
                export_shopping_csv(db, args.event, args.csv)
                if args.csv
                else export_shopping_pdf(db, args.event, args.pdf)
            )
            print(f"Wrote {written}")
            return 0
        report = shopping_report(db, args.event)
    if args.json:
        _dump(report)
        return 0
    to_buy = [item for item in report["items"] if Decimal(item["to_buy"]) > 0]
    for item in to_buy:
        product, cost = item["product"] or "no product on file", _money(item["cost"])
        print(f"  {item['ingredient']:<28} buy {item['packages']} × {product}  ({cost})")
    covered = len(report["items"]) - len(to_buy)
    print(f"The pantry already covers {covered} more ingredient(s)." if to_buy else
          "Nothing to buy: the pantry covers this plan.")  # fmt: skip
    print(f"Total: {_money(report['total_cost'])}")
    return 0


@command("costs", "An event's planned vs actual cost, per recipient, and losses.", _event_and_json)
def costs(args: argparse.Namespace) -> int:
    with database(args) as db:
        report = event_costs_report(db, args.event)
    if args.json:
        _dump(report)
        return 0
    planned = _money(report["planned"]) if report["plan_calculated"] else "no plan calculated"
    print(f"{report['event']}: planned {planned}, actual {_money(report['actual'])}")
    for line in report["by_recipe"]:
        print(f"  {line['recipe']:<28} {_money(line['cost'])}")
    for r in report["recipients"]:
        print(f"  for {r['recipient']:<24} {r['packages']} package(s)  {_money(r['cost'])}")
    losses = report["losses"]
    print(f"Lost {losses['total_lost']} item(s), worth {_money(losses['total_cost'])}")
    return 0
