"""The Reports screen: charts with the numbers beneath, and a friendly empty state."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk
import pytest

from src.models import LossCategory, Unit
from src.services.database import Database
from src.services.periods import Period
from src.services.production import record_production
from src.services.reports import IngredientUsage
from src.tests import factories as f
from src.tests.production_example import add_priced_lot, build_production_example
from src.tests.ui.conftest import pump, screenshot
from src.tests.ui.screens import open_main_window, open_screen
from src.ui.views.report_data import ChartSpec, Series, usage_report
from src.ui.views.reports import (
    CHOOSE_EVENT,
    NO_LOSSES,
    NO_RUNS,
    ReportsView,
    no_purchases,
    no_usage,
)

BAKED = datetime(2026, 12, 1, 15, 0)


@pytest.fixture
def baked(db: Database) -> int:
    """The DOMAIN.md sugar-cookie run (12 burnt) for an event, plus the example's purchases."""
    with db.transaction() as s:
        px = build_production_example(s)
        event_id = f.event(s, name="Christmas 2026").id
    ex = px.ex
    record_production(
        db, ex.recipes["sugar-cookies"], ex.units["sugar-cookie"], 7, 240, event_id=event_id,
        loss_category=LossCategory.BURNT, produced_at=BAKED,
    )  # fmt: skip
    return event_id


def _screen(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> ReportsView:
    view = open_screen(window, db, settings_file, "reports")
    assert isinstance(view, ReportsView)
    return view


def test_reports_chart_the_numbers_and_list_them_beneath(
    window: ctk.CTkToplevel, db: Database, baked: int, settings_file: Path
) -> None:
    view = _screen(window, db, settings_file)
    view.event_menu.choose(str(baked))
    pump(window)
    panels = view.panels
    assert all(panel.chart is not None for panel in panels.values())
    assert ("Sugar cookies", "$37.85") in panels["Event cost"].table.visible_values()
    assert panels["Production"].table.visible_values() == [
        ("Sugar cookies", "252", "240", "12", "4.8%")
    ]
    assert panels["Losses"].table.visible_values()[0] == ("Burnt", "12", "$1.80")
    assert panels["Spending"].table.visible_values() == [
        ("Oct 2026", "1", "$4.99"),
        ("Nov 2026", "8", "$80.92"),
    ]
    for name in panels:
        view.tabs.set(name)
        pump(window, 150)
        screenshot(window, f"screen-reports-{name.lower().replace(' ', '-')}")


def test_an_empty_database_gets_friendly_words_not_empty_axes(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    view = _screen(window, db, settings_file)
    texts = {name: panel.empty_label.cget("text") for name, panel in view.panels.items()}
    assert texts == {
        "Event cost": CHOOSE_EVENT, "Production": NO_RUNS, "Losses": NO_LOSSES,
        "Spending": no_purchases(Period.LAST_12_MONTHS),
        "Ingredient usage": no_usage(Period.LAST_12_MONTHS),
    }  # fmt: skip
    assert all(panel.chart is None for panel in view.panels.values())
    view.period_menu.choose(Period.ALL_TIME.name)
    pump(window)
    assert view.panels["Spending"].empty_label.cget("text") == (
        "No purchases yet. What you buy for the pantry shows here by month."
    )
    view.tabs.set("Production")
    pump(window, 150)
    screenshot(window, "screen-reports-empty")


def test_ingredient_usage_lists_what_the_runs_took_and_its_cost(
    window: ctk.CTkToplevel, db: Database, baked: int, settings_file: Path
) -> None:
    view = _screen(window, db, settings_file)
    view.tabs.set("Ingredient usage")
    panel = view.panels["Ingredient usage"]
    assert panel.table.visible_values() == [  # the DOMAIN.md run: $37.85 in all
        ("All-purpose flour", "2.63 kg", "$4.27"),
        ("Butter", "1.59 kg", "$20.98"),
        ("Eggs", "7 each", "$2.33"),
        ("Granulated sugar", "1.4 kg", "$2.69"),
        ("Vanilla extract", "4 ⅔ tbsp", "$7.58"),
    ]
    assert panel.chart is not None
    pump(window, 150)
    screenshot(window, "screen-reports-ingredient-usage")


def test_ingredient_usage_follows_the_event_filter(
    window: ctk.CTkToplevel, db: Database, baked: int, settings_file: Path
) -> None:
    with db.transaction() as s:
        easter = f.event(s, name="Easter 2027").id
    view = _screen(window, db, settings_file)
    panel = view.panels["Ingredient usage"]
    view.event_menu.choose(str(easter))
    pump(window)
    for_easter = (panel.chart, panel.empty_label.cget("text"))
    view.event_menu.choose(str(baked))
    pump(window)
    assert for_easter == (None, no_usage(Period.LAST_12_MONTHS))
    assert panel.table.visible_values()[0] == ("All-purpose flour", "2.63 kg", "$4.27")


def test_ingredient_usage_covers_only_the_last_12_months(
    window: ctk.CTkToplevel, db: Database, baked: int, settings_file: Path
) -> None:
    view = open_main_window(window, db, "reports", settings_file, date(2027, 12, 2))[1]
    assert isinstance(view, ReportsView)
    assert view.panels["Ingredient usage"].empty_label.cget("text") == no_usage(
        Period.LAST_12_MONTHS
    )


def test_spending_shows_purchases_from_13_months_ago_only_for_all_time(
    window: ctk.CTkToplevel, db: Database, baked: int, settings_file: Path
) -> None:
    with db.transaction() as s:  # 13 months before the screens' today, Dec 10, 2026
        saffron = f.ingredient(s, name="Saffron")
        add_priced_lot(s, saffron, "1", Unit.GRAM, "12.50", date(2025, 11, 5))
        add_priced_lot(s, saffron, "1", Unit.GRAM, "3.25", date(2025, 11, 28))
    view = _screen(window, db, settings_file)
    panel = view.panels["Spending"]
    last_12_months = panel.table.visible_values()
    view.period_menu.choose(Period.ALL_TIME.name)
    pump(window)
    assert last_12_months == [("Oct 2026", "1", "$4.99"), ("Nov 2026", "8", "$80.92")]
    assert panel.table.visible_values() == [
        ("Nov 2025", "2", "$15.75"),
        ("Oct 2026", "1", "$4.99"),
        ("Nov 2026", "8", "$80.92"),
    ]


def test_the_chart_titles_name_the_chosen_period(
    window: ctk.CTkToplevel, db: Database, baked: int, settings_file: Path
) -> None:
    view = _screen(window, db, settings_file)
    default = {name: _title(view, name) for name in ("Spending", "Ingredient usage")}
    view.period_menu.choose(Period.ALL_TIME.name)
    pump(window)
    assert default == {
        "Spending": "Spending by month, Jan 1, 2026 – Dec 10, 2026",
        "Ingredient usage": "Ingredient cost, Jan 1, 2026 – Dec 10, 2026",
    }
    assert _title(view, "Spending") == "Spending by month, up to Dec 10, 2026"
    assert _title(view, "Ingredient usage") == "Ingredient cost, up to Dec 10, 2026"


def test_ingredient_usage_and_its_empty_text_follow_the_period(
    window: ctk.CTkToplevel, db: Database, baked: int, settings_file: Path
) -> None:
    view = open_main_window(window, db, "reports", settings_file, date(2027, 2, 3))[1]
    assert isinstance(view, ReportsView)
    panel = view.panels["Ingredient usage"]
    view.period_menu.choose(Period.THIS_YEAR.name)  # the run was Dec 1, 2026
    pump(window)
    this_year = (panel.chart, panel.empty_label.cget("text"))
    view.period_menu.choose(Period.LAST_YEAR.name)
    pump(window)
    assert this_year == (None, "Nothing baked this year. What runs use from the pantry shows here.")
    assert _title(view, "Ingredient usage") == "Ingredient cost, Jan 1, 2026 – Dec 31, 2026"
    assert panel.table.visible_values()[0] == ("All-purpose flour", "2.63 kg", "$4.27")


def _title(view: ReportsView, name: str) -> str:
    report = view.panels[name].report
    assert report is not None and report.chart is not None
    return report.chart.title


def test_an_unpriced_ingredient_reads_unknown_never_zero() -> None:
    usage = [
        IngredientUsage(1, "Flour", Decimal(2625), "g", Decimal("4.27")),
        IngredientUsage(2, "Ginger", Decimal("14.79"), "ml", None),
    ]
    report = usage_report(usage, date(2025, 12, 10), date(2026, 12, 10))
    assert report.rows == (("Flour", "2.63 kg", "$4.27"), ("Ginger", "1 tbsp", "unknown"))
    assert report.chart is not None and report.chart.notes == ("$4.27", "unknown")


def test_starting_the_app_does_not_load_matplotlib() -> None:
    code = "import sys, src.ui.views; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_dollar_amounts_in_chart_text_are_shown_as_written() -> None:
    from src.ui.views.report_charts import literal

    assert literal("actual $63.01 (planned $62.43)") == r"actual \$63.01 (planned \$62.43)"


def test_bar_labels_that_would_run_into_each_other_are_slanted(window: ctk.CTkToplevel) -> None:
    from src.ui.views.report_charts import LABEL_SLANT, draw_chart

    def slant(labels: tuple[str, ...]) -> set[float]:
        spec = ChartSpec("Used", labels, (Series("Cost", tuple(Decimal(1) for _ in labels)),))
        axes = draw_chart(window, spec).figure.axes[0]
        return {label.get_rotation() for label in axes.get_xticklabels()}

    assert slant(("Flour", "Sugar", "Butter")) == {0.0}
    names = ("All-purpose flour", "Granulated sugar", "Ground cinnamon", "Light brown sugar",
             "Unsalted butter", "Vanilla extract")  # fmt: skip
    assert slant(names) == {float(LABEL_SLANT)}
