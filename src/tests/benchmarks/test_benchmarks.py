"""The benchmark command runs every operation and reports time and statements for each."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from src.services.database import open_database
from src.tests import factories
from src.tests.benchmarks.__main__ import main
from src.tests.benchmarks.operations import startup

OPERATIONS = {
    "dashboard", "ingredients list", "products list", "lots list",
    "lots list, empty lots too (switch)", "lots list, searching all lots (switch)",
    "suppliers list", "purchases list (last 12 months)", "purchases list, every year (switch)",
    "purchases list, searching all years (switch)", "recipes list",
    "recipes tab rows (yields; costs follow)", "recipes with cost (all recipes)",
    "goods tab rows (contents; costs follow)", "finished goods list", "packages list",
    "recipients list", "events list with progress", "production history", "delivery board",
    "event cost report", "loss report", "spending report (last 12 months, as it opens)",
    "spending report, all time (picker)",
    "plan calculation (8 lines)", "shopping list",
    "staleness check", "record one production run (10 ingredients)", "void a production run",
    "export", "import", "upgrade (whole database)",
}  # fmt: skip
LIST_SCREENS = OPERATIONS - {
    "plan calculation (8 lines)", "shopping list", "staleness check",
    "record one production run (10 ingredients)", "void a production run", "export", "import",
    "upgrade (whole database)",
}  # fmt: skip


def test_demo_scale_reports_every_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--scale", "demo", "--repeat", "1", "--json", "--no-startup",
                 "--data-dir", str(tmp_path)])  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["scale"] == "demo"
    by_name = {r["operation"]: r for r in report["results"]}
    assert set(by_name) == OPERATIONS
    assert all(r["median_ms"] > 0 for r in report["results"])
    assert by_name["plan calculation (8 lines)"]["statements"] <= 25
    assert all(by_name[name]["statements"] <= 5 for name in LIST_SCREENS)
    assert by_name["export"]["rows_per_second"] > 0
    assert list(tmp_path.glob("demo-v*.db"))  # the dataset is kept for the next run


def test_the_table_names_the_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--scale", "demo", "--repeat", "1", "--no-startup", "--data-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert "Bake Tracker benchmarks, scale 'demo'" in out
    assert "≤ 100 ms, ≤ 25 statements" in out


@pytest.fixture
def display() -> None:
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs a display (Xvfb)")


@pytest.mark.gui
@pytest.mark.usefixtures("display")
def test_startup_is_timed_to_the_dashboard_showing_its_numbers(tmp_path: Path) -> None:
    database = open_database(tmp_path / "bake.db")
    with database.transaction() as s:
        factories.ingredient(s, name="Flour")
    database.dispose()
    measured = startup(tmp_path / "bake.db", repeat=1)
    assert measured.name == "app start to first window idle" and measured.median_ms > 0


@pytest.mark.gui
@pytest.mark.usefixtures("display")
def test_startup_refuses_a_window_without_the_dashboards_numbers(tmp_path: Path) -> None:
    open_database(tmp_path / "empty.db").dispose()  # an empty database opens on the welcome
    with pytest.raises(RuntimeError, match="no dashboard numbers"):
        startup(tmp_path / "empty.db", repeat=1)
