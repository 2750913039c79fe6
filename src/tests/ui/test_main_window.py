"""The main window as the baker meets it: welcome, dashboard, shortcuts, remembered geometry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import customtkinter as ctk
import pytest

from src.services.database import Database
from src.tests import factories
from src.tests.ui.conftest import pump, screenshot
from src.ui import events, theme
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.main_window import MainWindow
from src.ui.registry import ViewRegistry, ViewSpec
from src.ui.settings import UiSettings, load_settings, save_settings
from src.ui.views import default_registry
from src.ui.views.dashboard import EMPTY_EVENTS, DashboardView

TODAY = date(2026, 11, 15)


@pytest.fixture
def stocked_db(db: Database) -> Database:
    with db.transaction() as session:
        factories.ingredient(session, name="All-purpose flour")
        factories.recipe(session, name="Sugar cookies")
        factories.event(session, name="Christmas tins", slug="xmas", event_date=date(2026, 12, 20))
        factories.event(session, name="Church bake sale", slug="sale", event_date=date(2026, 12, 5))
    return db


def _open(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> MainWindow:
    main = MainWindow(
        window, db, default_registry(), settings_file=settings_file, today=lambda: TODAY
    )
    pump(window)
    return main


@pytest.fixture(params=["Light", "Dark"])
def appearance(request: pytest.FixtureRequest, root: ctk.CTk) -> Iterator[str]:
    ctk.set_appearance_mode(request.param)
    yield request.param
    ctk.set_appearance_mode("Light")


def test_every_screen_opens_and_is_photographed_in_light_and_dark(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path, appearance: str
) -> None:
    main = _open(window, stocked_db, settings_file)
    for spec in main.registry:
        view = main.show_view(spec.key)
        pump(window)  # a screen built just now is mapped once Tk is idle
        assert view.winfo_ismapped()
        screenshot(window, f"screen-{spec.key}-{appearance.lower()}")


def test_every_dialog_opens_and_is_photographed(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path
) -> None:
    main = _open(window, stocked_db, settings_file)
    confirmed: list[bool] = []
    dialog = ConfirmDialog(
        main,
        "Void this run?",
        "Stock goes back.",
        lambda: confirmed.append(True),
        confirm_text="Void run",
        destructive=True,
    )
    dialog.show()
    pump(window)
    screenshot(dialog, "dialog-confirm")
    dialog.confirm_button.invoke()
    assert confirmed == [True]
    cancelled = ConfirmDialog(main, "Delete?", "Sure?", lambda: confirmed.append(False))
    cancelled.show()
    pump(window)
    cancelled.cancel_button.invoke()
    assert confirmed == [True] and not cancelled.winfo_exists()


def test_the_dashboard_shows_counts_and_upcoming_events(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path
) -> None:
    main = _open(window, stocked_db, settings_file)
    view = main.views["dashboard"]
    assert isinstance(view, DashboardView)
    assert [label.cget("text") for label in view.counts.values()] == ["1", "1", "2"]
    assert view.upcoming.visible_values() == [
        ("Church bake sale", "Dec 5, 2026", "in 20 days", "Draft", "—"),
        ("Christmas tins", "Dec 20, 2026", "in 35 days", "Draft", "—"),
    ]


def test_the_dashboard_refreshes_itself_when_events_change(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path
) -> None:
    main = _open(window, stocked_db, settings_file)
    with stocked_db.transaction() as session:
        factories.event(session, name="Thanksgiving", slug="tg", event_date=date(2026, 11, 26))
    main.ctx.publish(events.EVENTS_CHANGED, "Event added.")
    view = main.views["dashboard"]
    assert isinstance(view, DashboardView)
    assert view.upcoming.visible_keys()[0] == "tg"
    assert main.status.message == "Event added."


def test_an_empty_database_welcomes_and_start_empty_opens_the_dashboard(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    main = _open(window, db, settings_file)
    assert main.welcome is not None and main.current is None
    assert list(main.welcome.buttons) == ["demo", "bake-tracker", "start-empty"]
    screenshot(window, "welcome")
    main.welcome.buttons["start-empty"].invoke()
    pump(window)
    assert main.welcome is None and main.current == "dashboard"
    view = main.views["dashboard"]
    assert isinstance(view, DashboardView)
    assert view.upcoming.empty_label.cget("text") == EMPTY_EVENTS
    assert view.upcoming.empty_label.winfo_ismapped()
    screenshot(window, "dashboard-empty")


def test_geometry_and_last_screen_are_remembered(
    root: ctk.CTk, db: Database, stocked_db: Database, settings_file: Path
) -> None:
    first = ctk.CTkToplevel(root)
    main = _open(first, stocked_db, settings_file)
    first.geometry("1010x650+40+30")
    pump(first)
    main.close()
    saved = load_settings(settings_file)
    assert saved.last_view == "dashboard"
    assert saved.geometry is not None and saved.geometry.startswith("1010x650")
    second = ctk.CTkToplevel(root)
    _open(second, stocked_db, settings_file)
    assert second.geometry().startswith("1010x650")
    second.destroy()


def test_an_unknown_last_screen_falls_back_to_the_first(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path
) -> None:
    save_settings(settings_file, UiSettings(last_view="gone"))
    assert _open(window, stocked_db, settings_file).current == "dashboard"


class _SearchableView(DashboardView):
    supports_recalculate = True
    recalculated = 0

    def recalculate(self) -> None:
        type(self).recalculated += 1

    def focus_search(self) -> bool:
        self.upcoming.tree.focus_set()
        return True


def test_keyboard_shortcuts_switch_screens_search_recalculate_and_quit(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path
) -> None:
    registry = ViewRegistry()
    registry.register(ViewSpec("dashboard", "Dashboard", DashboardView))
    registry.register(ViewSpec("events", "Events", _SearchableView))
    main = MainWindow(
        window, stocked_db, registry, settings_file=settings_file, today=lambda: TODAY
    )
    window.focus_force()
    pump(window)
    window.event_generate("<Control-Key-2>")
    pump(window)
    assert main.current == "events"
    assert list(main.sidebar.buttons) == ["dashboard", "events"]
    window.event_generate("<F5>")
    assert _SearchableView.recalculated == 1
    window.event_generate("<Control-f>")
    pump(window)
    assert window.focus_get() == main.views["events"].upcoming.tree  # type: ignore[attr-defined]
    window.event_generate("<Control-Key-1>")
    pump(window)
    assert main.current == "dashboard"
    window.event_generate("<Control-q>")
    pump(window)
    assert not window.winfo_exists()
    assert load_settings(settings_file).last_view == "dashboard"


def test_the_registry_refuses_unknown_or_duplicate_screens() -> None:
    registry = ViewRegistry()
    registry.register(ViewSpec("dashboard", "Dashboard", DashboardView))
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(ViewSpec("dashboard", "Dashboard", DashboardView))
    with pytest.raises(ValueError, match="Unknown screen"):
        registry.register(ViewSpec("stuff", "Stuff", DashboardView))


def test_background_work_shows_progress_in_the_status_bar(
    window: ctk.CTkToplevel, stocked_db: Database, settings_file: Path
) -> None:
    main = _open(window, stocked_db, settings_file)
    done: list[str] = []

    def work(progress: object) -> str:
        progress.report(0.5, "Half way")  # type: ignore[attr-defined]
        return "ok"

    main.ctx.run_in_background("Exporting", work, done.append)
    assert main.status.busy
    screenshot(window, "status-bar-busy")
    for _ in range(100):
        if done:
            break
        pump(window, 20)
    assert done == ["ok"] and not main.status.busy


def test_the_demo_season_loads_from_the_welcome_in_the_background(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    main = _open(window, db, settings_file)
    assert main.welcome is not None
    main.welcome.buttons["demo"].invoke()
    for _ in range(300):
        if main.current == "dashboard":
            break
        pump(window, 20)
    view = main.views["dashboard"]
    assert isinstance(view, DashboardView)
    assert view.counts["Recipes"].cget("text") == "13"
    assert main.status.message == "Loaded the demo season 'Holiday season 2026'."
    screenshot(window, "dashboard-demo-season")


def test_tab_bars_and_choices_read_dark_on_light(window: ctk.CTkToplevel) -> None:
    theme.use_house_colours()
    choice = ctk.CTkSegmentedButton(window, values=["Ingredients", "Products"])
    tabs = ctk.CTkTabview(window)
    assert choice.cget("unselected_color") == list(theme.SEGMENTS["unselected_color"])
    assert choice.cget("text_color") == list(theme.TEXT)
    assert tabs.cget("text_color") == list(theme.TEXT)  # its bar is a segmented button
