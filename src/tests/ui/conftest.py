"""GUI tests: ONE hidden customtkinter root for the session, real widgets, under Xvfb.

Every test here is marked `gui` and skipped (with the reason) when no display is available.
Screenshots go to test-artifacts/screenshots/ (gitignored).
"""

from __future__ import annotations

import os
import tkinter
from collections.abc import Iterator
from pathlib import Path

import customtkinter as ctk
import pytest
from PIL import ImageGrab

from src.ui import theme
from src.ui.widgets.data_table import SEARCH_PAUSE_MS, DataTable

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
_root: ctk.CTk | None = None
_skip_reason: str | None = None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the Tk root (directly or through a fixture) is a `gui` test."""
    for item in items:
        if "root" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


def _make_root() -> ctk.CTk:
    global _root, _skip_reason
    if _root is None and _skip_reason is None:
        if not os.environ.get("DISPLAY") and os.name == "posix":
            _skip_reason = "no display (DISPLAY unset); run under Xvfb via ./run-tests.sh"
        else:
            try:
                ctk.set_appearance_mode("Light")
                theme.use_house_colours()  # as the app's launch does
                _root = ctk.CTk()
                _root.withdraw()
            except tkinter.TclError as error:
                _skip_reason = f"Tk cannot open a display: {error}"
    if _root is None:
        pytest.skip(_skip_reason or "no display")
    return _root


@pytest.fixture(scope="session")
def root() -> Iterator[ctk.CTk]:
    tk_root = _make_root()
    yield tk_root
    tk_root.destroy()


@pytest.fixture
def window(root: ctk.CTk) -> Iterator[ctk.CTkToplevel]:
    """A fresh visible window for one test, destroyed afterwards."""
    top = ctk.CTkToplevel(root)
    top.geometry("1100x720+0+0")
    yield top
    if top.winfo_exists():
        top.destroy()
    pump(root)


def pump(widget: tkinter.Misc, ms: int = 0) -> None:
    """Let Tk process events (and after() callbacks due within `ms`)."""
    if ms:
        widget.after(ms, lambda: None)
        end = widget.tk.call("clock", "milliseconds") + ms
        while widget.tk.call("clock", "milliseconds") < end:
            widget.update()
    widget.update()


def screenshot(widget: tkinter.Misc, name: str) -> Path:
    """Save the widget's window as test-artifacts/screenshots/<name>.png."""
    top = widget.winfo_toplevel()
    pump(top)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    x, y = top.winfo_rootx(), top.winfo_rooty()
    box = (x, y, x + top.winfo_width(), y + top.winfo_height())
    path = ARTIFACTS / f"{name}.png"
    ImageGrab.grab(bbox=box, xdisplay=os.environ.get("DISPLAY")).save(path)
    return path


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.json"


def type_into(entry: ctk.CTkEntry, text: str) -> None:
    """Type as the baker would: focus the entry, add the text, release the last key."""
    entry.focus_force()
    pump(entry)
    entry.insert("end", text)
    entry._entry.event_generate("<KeyRelease>", keysym=text[-1:] or "BackSpace")
    pump(entry)


def press(entry: ctk.CTkEntry, key: str) -> None:
    entry.focus_force()
    pump(entry)
    entry._entry.event_generate(f"<{key}>")
    pump(entry)


def search_box(table: DataTable) -> ctk.CTkEntry:
    """The list's search box (the lists these tests search have one)."""
    assert table.search is not None
    return table.search


def note_of(table: DataTable) -> ctk.CTkLabel:
    """The note beside the list's search box."""
    assert table.note is not None
    return table.note


def search_for(table: DataTable, text: str) -> None:
    """Type into the list's search box, then wait out the pause before a search handed on."""
    type_into(search_box(table), text)
    pump(table, SEARCH_PAUSE_MS + 100)
