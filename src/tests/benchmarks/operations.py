"""The operations the benchmarks measure, on a working copy of a generated dataset."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from src.garbage_collection import settle_after_start_up
from src.services.database import PROJECT_ROOT, Database, open_database
from src.services.delivery import delivery_board
from src.services.event_overview import list_events_with_progress
from src.services.export.importer import import_file
from src.services.export.upgrade import upgrade_database
from src.services.export.writer import export_file
from src.services.finished_goods import list_finished_goods, list_good_contents
from src.services.ingredients import list_ingredients
from src.services.inventory import list_lots, lots_page
from src.services.overview import overview
from src.services.packages import list_packages
from src.services.periods import Period, period_bounds
from src.services.plan import calculate_plan, current_plan
from src.services.production import record_production, void_production
from src.services.production_history import production_history
from src.services.products import list_products
from src.services.purchases import RECENT, list_purchases, purchases_page
from src.services.recipe_costs import all_recipe_costs
from src.services.recipes import list_recipe_yields, list_recipes
from src.services.recipients import list_recipients
from src.services.reports import event_cost, loss_report, spending_by_month
from src.services.shopping import shopping_report
from src.services.suppliers import list_suppliers
from src.tests.benchmarks.dataset import TODAY, generate
from src.tests.benchmarks.measure import Measurement, measure
from src.tests.benchmarks.scales import Scale

DATA_DIR = PROJECT_ROOT / "bench-data"
SEARCH = "123"  # in the names of 15 products and 12 ingredients: 150 purchases, 370 lots at large
DATASET_VERSION = 5  # bump when the generator or the schema changes: old datasets are rebuilt


def dataset_path(scale: Scale, folder: Path = DATA_DIR) -> Path:
    """The generated dataset for `scale`, built on first use and reused afterwards."""
    path = folder / f"{scale.name}-v{DATASET_VERSION}.db"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        db = open_database(building)
        with db.transaction() as session:
            generate(session, scale)
        db.dispose()
        building.replace(path)
    return path


@contextmanager
def working_copy(dataset: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="bake-bench-") as folder:
        copy = Path(folder) / "bench.db"
        shutil.copy2(dataset, copy)
        yield copy


def run_benchmarks(
    scale: Scale, repeat: int, with_startup: bool, data_dir: Path = DATA_DIR
) -> list[Measurement]:
    """Every benchmark on a fresh working copy of the scale's dataset."""
    with working_copy(dataset_path(scale, data_dir)) as path:
        results = [startup(path, repeat)] if with_startup else []
        db = open_database(path)
        settle_after_start_up()  # as the app does once its window is up
        try:
            results += screens(db, repeat) + planning(db, scale, repeat) + production(db, repeat)
        finally:
            db.dispose()
        results += portability(path, repeat)
    return results


def screens(db: Database, repeat: int) -> list[Measurement]:
    """Every list screen's data (the reports and delivery board for the first event)."""
    lists = {
        "dashboard": lambda: overview(db, TODAY),
        "ingredients list": lambda: list_ingredients(db),
        "products list": lambda: list_products(db),
        "lots list": lambda: list_lots(db),
        "lots list, empty lots too (switch)": lambda: lots_page(db),
        "lots list, searching all lots (switch)": lambda: lots_page(db, search=SEARCH),
        "suppliers list": lambda: list_suppliers(db),
        "purchases list (last 12 months)": lambda: list_purchases(db, since=TODAY - RECENT),
        "purchases list, every year (switch)": lambda: purchases_page(db),
        "purchases list, searching all years (switch)": lambda: purchases_page(db, search=SEARCH),
        "recipes list": lambda: list_recipes(db),
        "recipes tab rows (yields; costs follow)": lambda: list_recipe_yields(db),
        "recipes with cost (all recipes)": lambda: all_recipe_costs(db),
        "goods tab rows (contents; costs follow)": lambda: list_good_contents(db),
        "finished goods list": lambda: list_finished_goods(db),
        "packages list": lambda: list_packages(db),
        "recipients list": lambda: list_recipients(db),
        "events list with progress": lambda: list_events_with_progress(db, TODAY),
        "production history": lambda: production_history(db),
        "delivery board": lambda: delivery_board(db, 1),
        "event cost report": lambda: event_cost(db, 1),
        "loss report": lambda: loss_report(db),
        "spending report (last 12 months, as it opens)": lambda: spending_by_month(
            db, *period_bounds(Period.LAST_12_MONTHS, TODAY)
        ),
        "spending report, all time (picker)": lambda: spending_by_month(db),
    }
    return [
        measure(name, action, db.engine, repeat, target="≤ 200 ms, ≤ 5 statements")
        for name, action in lists.items()
    ]


def planning(db: Database, scale: Scale, repeat: int) -> list[Measurement]:
    event = f"event-{scale.events}"  # an upcoming draft with scale.demand_lines lines
    return [
        measure(f"plan calculation ({scale.demand_lines} lines)",
                lambda: calculate_plan(db, event), db.engine, repeat,
                target="≤ 100 ms, ≤ 25 statements"),
        measure("shopping list", lambda: shopping_report(db, event), db.engine, repeat,
                target="≤ 150 ms"),
        measure("staleness check", lambda: current_plan(db, event), db.engine, repeat,
                target="≤ 50 ms"),
    ]  # fmt: skip


def production(db: Database, repeat: int) -> list[Measurement]:
    """Record a 10-ingredient run then void it, `repeat` times (stock ends as it began)."""
    runs: list[int] = []

    def record() -> None:
        runs.append(record_production(db, 1, 1, 1, 1, record_anyway=True).run.id)

    recorded = measure("record one production run (10 ingredients)", record, db.engine, repeat,
                       target="≤ 50 ms")  # fmt: skip
    voided = measure("void a production run", lambda: void_production(db, runs.pop()),
                     db.engine, repeat)  # fmt: skip
    return [recorded, voided]


def portability(path: Path, repeat: int) -> list[Measurement]:
    with tempfile.TemporaryDirectory(prefix="bake-bench-io-") as folder:
        export_path = Path(folder) / "export.json"
        db = open_database(path)
        rows = export_file(db, export_path).total_rows
        exported = measure("export", lambda: export_file(db, export_path), db.engine, repeat,
                           rows=rows, target="≥ 50,000 rows/s")  # fmt: skip
        db.dispose()
        targets = iter(range(repeat))

        def import_once() -> None:
            fresh = open_database(Path(folder) / f"import-{next(targets)}.db")
            import_file(fresh, export_path)
            fresh.dispose()

        imported = measure("import", import_once, None, repeat, rows=rows,
                           target="≥ 20,000 rows/s")  # fmt: skip
        upgraded = measure("upgrade (whole database)", lambda: upgrade_database(path), None, 1,
                           rows=rows, target="< 30 s")  # fmt: skip
    return [exported, imported, upgraded]


# Runs the app until its main loop is first idle, prints what the dashboard's ingredients card
# shows then (proof that the window is up with its data, not only drawn) and closes it.
_STARTUP_PROBE = """
import sys, customtkinter
run = customtkinter.CTk.mainloop
def dashboard_ingredients(root):
    from src.ui.main_window import MainWindow
    main = next(w for w in root.winfo_children() if isinstance(w, MainWindow))
    dashboard = main.views.get("dashboard")
    return dashboard.counts["Ingredients"].cget("text") if dashboard else "(no dashboard)"
def report_and_close(root):
    print("idle", dashboard_ingredients(root), flush=True)
    root.destroy()
def first_idle(self, *args):
    self.after_idle(lambda: report_and_close(self))
    run(self, *args)
customtkinter.CTk.mainloop = first_idle
from src.app import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def startup(path: Path, repeat: int) -> Measurement:
    """App start (a new Python process) to the first idle main window showing the dashboard's
    numbers, under the display.

    One untimed start comes first, as the baker's first start after installing: it compiles
    the bytecode and takes the day's backup. The app writes bytecode as ./run.sh starts it, so
    a PYTHONDONTWRITEBYTECODE in the benchmark's own environment is not passed on (with it,
    every timed start would compile the whole app again).
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(PROJECT_ROOT)

    def launch() -> None:
        done = subprocess.run(
            [sys.executable, "-c", _STARTUP_PROBE, str(path)], env=env, cwd=PROJECT_ROOT,
            capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
        shown = done.stdout.split()  # "idle 2,000" once the card shows its count
        if shown[:1] != ["idle"] or not shown[-1].replace(",", "").isdigit():
            raise RuntimeError(f"no dashboard numbers at first idle: {done.stderr[-500:]}")

    launch()
    return measure("app start to first window idle", launch, None, repeat, target="≤ 1 s")
