"""The main window: sidebar by workflow, one screen at a time, status bar, shortcuts.

It hosts itself in a given window (the app's CTk root, or a Toplevel in tests), builds the
shared services of the UI (event bus, task runner, error presenter, File menu) and remembers
geometry and the last screen in a settings file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import customtkinter as ctk

from src.services.database import Database
from src.services.overview import is_empty
from src.ui import events, settings
from src.ui.actions import FirstRunChoice, first_run_choices
from src.ui.context import AppContext
from src.ui.data_actions import DataActions
from src.ui.errors import ErrorPresenter
from src.ui.events import EventBus
from src.ui.file_menu import FileMenu
from src.ui.files import FileChooser, SystemFileChooser
from src.ui.registry import ViewRegistry
from src.ui.sidebar import Sidebar
from src.ui.status_bar import StatusBar
from src.ui.tasks import TaskRunner
from src.ui.view import View
from src.ui.views.welcome import WelcomePanel

DEFAULT_SIZE = (1200, 780)
MIN_SIZE = (960, 600)
Window = ctk.CTk | ctk.CTkToplevel


class MainWindow(ctk.CTkFrame):
    def __init__(
        self,
        window: Window,
        db: Database,
        registry: ViewRegistry,
        *,
        settings_file: Path,
        today: Callable[[], date] = date.today,
        files: FileChooser | None = None,
    ) -> None:
        super().__init__(window, fg_color="transparent", corner_radius=0)
        self.window = window
        self.registry = registry
        self.settings_file = settings_file
        self.settings = settings.load_settings(settings_file)
        self.status = StatusBar(self, _database_name(db))
        self.errors = ErrorPresenter(window)
        self.tasks = TaskRunner(self)
        self.tasks.on_busy_change = self._busy_changed
        self.ctx = AppContext(
            db,
            EventBus(),
            self.tasks,
            self.errors,
            self.status,
            today,
            files or SystemFileChooser(),
        )
        self.errors.on_error = self.status.show_message
        self.data = DataActions(self, self.ctx, self.data_replaced)
        self.file_menu = FileMenu(window, self.data, self.close)
        self.sidebar = Sidebar(self, registry, self.show_view)
        self.content = ctk.CTkFrame(self, fg_color="transparent", corner_radius=0)
        self._layout()
        self.views: dict[str, View] = {}
        self.current: str | None = None
        self.welcome: WelcomePanel | None = None
        self._configure_window(db)
        self._bind_shortcuts()
        self._show_first_screen()

    # -- navigation -------------------------------------------------------------------------
    def show_view(self, key: str) -> View:
        """Switch to a registered screen, building it the first time it is shown."""
        self._close_welcome()
        view = self.views.get(key) or self._build_view(key)
        if self.current is not None and self.current != key:
            self.views[self.current].hide()
            self.views[self.current].grid_remove()
        view.grid(row=0, column=0, sticky="nsew")
        self.current = key
        self.sidebar.set_active(key)
        view.show()
        return view

    def show_view_number(self, number: int) -> None:
        keys = self.registry.keys()
        if 1 <= number <= len(keys):
            self.show_view(keys[number - 1])

    def show_welcome(self) -> WelcomePanel:
        choices = first_run_choices(self.data.on_import_bake_tracker)
        self.welcome = WelcomePanel(self.content, choices, self.on_first_run_choice)
        self.welcome.grid(row=0, column=0, sticky="nsew")
        self.welcome.lift()
        return self.welcome

    def on_first_run_choice(self, choice: FirstRunChoice) -> None:
        if choice.start is not None:
            choice.start()
        elif choice.run is not None:
            run = choice.run
            self.ctx.run_in_background(
                choice.title, lambda progress: run(self.ctx.db, progress), self.data_replaced
            )
        else:
            self.show_view("dashboard")

    def data_replaced(self, message: str) -> None:
        """After an import, restore or upgrade: every screen reads again; welcome gives way."""
        self.ctx.publish(events.DATABASE_REPLACED, message)
        if self.current is None:
            self.show_view("dashboard")

    def focus_search(self) -> None:
        if self.current is not None:
            self.views[self.current].focus_search()

    def recalculate(self) -> None:
        view = self.views.get(self.current or "")
        if view is not None and view.supports_recalculate:
            view.recalculate()

    def close(self) -> None:
        """Remember the window, stop background work, close."""
        geometry = self.window.geometry() if self.window.state() == "normal" else None
        self.settings = settings.UiSettings(
            geometry=geometry or self.settings.geometry, last_view=self.current
        )
        settings.save_settings(self.settings_file, self.settings)
        self.window.destroy()

    def destroy(self) -> None:
        """Background work stops first: none of it may reach a widget being destroyed."""
        self.tasks.shutdown()
        super().destroy()

    # -- building ---------------------------------------------------------------------------
    def _layout(self) -> None:
        self.grid_rowconfigure(0, weight=1)
        self.grid_columnconfigure(1, weight=1)
        self.sidebar.grid(row=0, column=0, sticky="ns")
        self.content.grid(row=0, column=1, sticky="nsew")
        self.content.grid_rowconfigure(0, weight=1)
        self.content.grid_columnconfigure(0, weight=1)
        self.status.grid(row=1, column=0, columnspan=2, sticky="ew")

    def _build_view(self, key: str) -> View:
        view = self.registry.get(key).factory(self.content, self.ctx)
        self.views[key] = view
        return view

    def _configure_window(self, db: Database) -> None:
        self.window.title(f"Bake Tracker — {_database_name(db)}")
        self.window.minsize(*MIN_SIZE)
        screen = (self.window.winfo_screenwidth(), self.window.winfo_screenheight())
        geometry = settings.fit_geometry(self.settings.geometry, *screen)
        self.window.geometry(geometry or _centered(DEFAULT_SIZE, screen))
        self.window.protocol("WM_DELETE_WINDOW", self.close)
        self.pack(fill="both", expand=True)

    def _bind_shortcuts(self) -> None:
        for number in range(1, 10):
            self.window.bind(
                f"<Control-Key-{number}>", lambda _e, n=number: self.show_view_number(n)
            )
        for key in ("<Control-f>", "<Control-F>"):
            self.window.bind(key, lambda _e: self.focus_search())
        for key in ("<Control-q>", "<Control-Q>"):
            self.window.bind(key, lambda _e: self.close())
        self.window.bind("<F5>", lambda _e: self.recalculate())

    def _show_first_screen(self) -> None:
        if is_empty(self.ctx.db):
            self.show_welcome()
            return
        last = self.settings.last_view
        self.show_view(last if last in self.registry else self.registry.keys()[0])

    def _busy_changed(self, label: str | None) -> None:
        self.status.set_busy(label)
        self.file_menu.set_busy(label is not None)

    def _set_appearance_mode(self, mode_string: str) -> None:
        super()._set_appearance_mode(mode_string)
        self.file_menu.restyle()

    def _close_welcome(self) -> None:
        if self.welcome is not None:
            self.welcome.destroy()
            self.welcome = None


def _database_name(db: Database) -> str:
    return db.path.name if db.path is not None else db.url.render_as_string(hide_password=True)


def _centered(size: tuple[int, int], screen: tuple[int, int]) -> str:
    width, height = min(size[0], screen[0]), min(size[1], screen[1])
    return f"{width}x{height}+{(screen[0] - width) // 2}+{(screen[1] - height) // 3}"
