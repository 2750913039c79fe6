import logging
import sys

import customtkinter as ctk
import pytest

from src.services.errors import InsufficientStockError, PlanStateError
from src.tests.ui.conftest import pump, screenshot
from src.ui.errors import UNEXPECTED_HEADING, ErrorPresenter, heading_for


def test_a_baker_error_is_shown_as_written_without_details(window: ctk.CTkToplevel) -> None:
    presenter = ErrorPresenter(window)
    dialog = presenter.show(PlanStateError("Unlock the plan first: it is locked."))
    pump(window)
    assert dialog.title() == "Not possible in this plan state"
    assert dialog.message_label.cget("text") == "Unlock the plan first: it is locked."
    assert dialog.details_box is None
    screenshot(dialog, "dialog-baker-error")
    dialog.ok_button.invoke()
    pump(window)
    assert not dialog.winfo_exists()


def test_an_unexpected_error_is_logged_and_shown_with_details(
    window: ctk.CTkToplevel, caplog: pytest.LogCaptureFixture
) -> None:
    presenter = ErrorPresenter(window)
    try:
        {}["missing"]
    except KeyError:
        exc_type, error, tb = sys.exc_info()
    assert exc_type is not None and error is not None
    with caplog.at_level(logging.ERROR):
        presenter.report_callback_exception(exc_type, error, tb)
    dialog = presenter.shown[-1]
    pump(window)
    assert dialog.title() == UNEXPECTED_HEADING
    assert "Unexpected error" in caplog.text and "KeyError" in caplog.text
    dialog.details_button.invoke()
    pump(window)
    assert dialog.details_box is not None and dialog.details_box.winfo_ismapped()
    assert "KeyError: 'missing'" in dialog.details_box.get("1.0", "end")
    screenshot(dialog, "dialog-unexpected-error")
    dialog.close()


def test_install_routes_exceptions_from_tk_callbacks_to_the_presenter(
    root: ctk.CTk, window: ctk.CTkToplevel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(root, "report_callback_exception", root.report_callback_exception)
    presenter, shown = ErrorPresenter(window), []
    presenter.on_error = shown.append
    presenter.install(root)

    def on_save() -> None:
        raise InsufficientStockError("Not enough flour: 200 g short.")

    root.after(1, on_save)
    pump(root, 30)
    assert shown == ["Not enough in the pantry"]
    presenter.shown[-1].close()


def test_subclasses_get_their_own_heading_and_unknown_ones_a_general_one() -> None:
    class ShortOfButter(InsufficientStockError):
        pass

    assert heading_for(ShortOfButter("x")) == "Not enough in the pantry"
