"""The Recipients screen: list and search, new, edit, archive, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import customtkinter as ctk

from src.services.database import Database
from src.services.recipients import RecipientInput, create_recipient, list_recipients
from src.tests.ui.conftest import pump, screenshot, type_into
from src.tests.ui.screens import delete_selected, open_main_window
from src.ui.editors.recipient_editor import RecipientEditor
from src.ui.views.recipients import RecipientsView


def _recipients(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> RecipientsView:
    _main, view = open_main_window(window, db, "recipients", settings_file, date(2026, 11, 15))
    assert isinstance(view, RecipientsView)
    return view


def _editor(view: RecipientsView) -> RecipientEditor:
    pump(view)
    assert view.dialog is not None
    return view.dialog


def test_recipients_are_added_edited_archived_and_deleted(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    create_recipient(db, RecipientInput("Ben Parker", "The Parkers", "20 Ingram St"))
    view = _recipients(window, db, settings_file)
    view.toolbar.buttons["New recipient"].invoke()
    editor = _editor(view)
    editor.save_button.invoke()
    assert editor.form.field("Name").error_label.cget("text") == "Name is required."
    editor.form.field("Name").set_text("May Parker")
    editor.form.field("Household").set_text("The Parkers")
    editor.form.field("Address").set_text("20 Ingram St, Queens")
    editor.form.field("Allergies and dislikes").set_text("No nuts")
    screenshot(editor, "recipient-editor")
    editor.save_button.invoke()
    pump(window)
    assert view.table.visible_values()[1] == (
        "May Parker", "The Parkers", "20 Ingram St, Queens", "No nuts",
    )  # fmt: skip
    may = next(r for r in list_recipients(db) if r.name == "May Parker")

    view.table.select([str(may.id)])
    pump(window)
    view.toolbar.buttons["Edit"].invoke()
    editor = _editor(view)
    assert editor.form.field("Allergies and dislikes").text == "No nuts"
    editor.form.field("Allergies and dislikes").set_text("No nuts; dislikes ginger")
    editor.save_button.invoke()
    pump(window)
    assert list_recipients(db, search="May")[0].allergies == "No nuts; dislikes ginger"
    screenshot(window, "recipients-list")

    view.toolbar.buttons["Archive"].invoke()
    pump(window)
    assert [r.name for r in list_recipients(db)] == ["Ben Parker"]
    assert [r.name for r in list_recipients(db, include_archived=True)] == [
        "Ben Parker", "May Parker",
    ]  # fmt: skip

    ben = list_recipients(db)[0]
    delete_selected(view, view.table, str(ben.id), view.toolbar.buttons["Delete"])
    assert list_recipients(db, include_archived=True)[0].name == "May Parker"
    assert view.table.visible_keys() == []


def test_search_matches_name_household_and_address(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    create_recipient(db, RecipientInput("Ben Parker", "The Parkers", "20 Ingram St"))
    create_recipient(db, RecipientInput("Mrs. Hudson", None, "221B Baker St"))
    view = _recipients(window, db, settings_file)
    assert view.table.search is not None
    type_into(view.table.search, "baker")
    assert [v[0] for v in view.table.visible_values()] == ["Mrs. Hudson"]
