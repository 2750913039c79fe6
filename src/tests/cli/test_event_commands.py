"""The event commands: plan, shopping-list and costs, as text, JSON and files."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from src.cli import main
from src.models import OutputMode
from src.services.database import open_database
from src.services.event_demand import select_recipes, set_demand
from src.services.events import EventFields, create_event
from src.tests.worked_example import build_worked_example


@pytest.fixture
def planned(tmp_path: Path) -> Path:
    """The DOMAIN.md worked example: 20 holiday tins for 'christmas'."""
    path = tmp_path / "bake.db"
    db = open_database(path)
    with db.transaction() as s:
        build_worked_example(s)
    fields = EventFields("Christmas", date(2026, 12, 20), output_mode=OutputMode.BUNDLED)
    slug = create_event(db, fields).slug
    select_recipes(db, slug, ["sugar-cookies", "gingerbread"])
    set_demand(db, slug, "holiday-tin", 20)
    db.dispose()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_json_has_the_worked_example_numbers(
    planned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(planned), "plan", "christmas", "--json")
    report = json.loads(out)
    assert code == 0
    assert set(report) == {"event", "plan_state", "output_mode", "stale", "stale_reasons",
                           "requirements", "ingredients", "estimated_cost"}  # fmt: skip
    cookies = next(r for r in report["requirements"] if r["finished_unit"] == "sugar-cookie")
    assert (cookies["needed"], cookies["batches"], cookies["yield"]) == ("240", 7, "252")
    flour = next(i for i in report["ingredients"] if i["ingredient"] == "flour")
    assert (flour["quantity"], flour["unit"]) == ("4812.5", "g")


def test_plan_as_text(planned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(planned), "plan", "christmas")
    assert code == 0
    assert "gingerbread-man" in out and "5 batches → 120" in out
    assert "Estimated cost: unknown" in out  # powdered sugar and ginger have no price


def test_shopping_list_json_csv_pdf_and_text(
    planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(planned), "shopping-list", "christmas", "--json")
    report = json.loads(out)
    butter = next(i for i in report["items"] if i["ingredient"] == "butter")
    assert code == 0 and butter["to_buy"] == "625.88052" and butter["unit"] == "g"
    run(
        capsys, "--db", str(planned), "shopping-list", "christmas", "--csv", str(tmp_path / "l.csv")
    )
    rows = list(csv.reader((tmp_path / "l.csv").open(encoding="utf-8")))
    assert any("Butter" in row for row in rows)
    code, out, _ = run(
        capsys, "--db", str(planned), "shopping-list", "christmas", "--pdf", str(tmp_path / "l.pdf")
    )
    assert code == 0 and (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, "--db", str(planned), "shopping-list", "christmas")
    assert "Butter" in out and "Total:" in out


def test_costs_before_any_production(planned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", str(planned), "plan", "christmas")
    code, out, _ = run(capsys, "--db", str(planned), "costs", "christmas", "--json")
    report = json.loads(out)
    assert code == 0 and report["plan_calculated"] is True
    assert report["actual"] == "0" and report["losses"]["total_lost"] == 0
    code, out, _ = run(capsys, "--db", str(planned), "costs", "christmas")
    assert "christmas: planned unknown, actual $0.00" in out


@pytest.mark.parametrize("name", ["plan", "shopping-list", "costs"])
def test_an_unknown_event_is_a_clear_error(
    name: str, planned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(planned), name, "easter")
    assert code == 1 and err == "error: There is no event 'easter'.\n"
