"""Recipients: who receives packages, where they live, what they can't eat."""

from __future__ import annotations

import tkinter

from src.services.recipients import (
    RecipientView,
    archive_recipient,
    delete_recipient,
    get_recipient,
    list_recipients,
)
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.editors.recipient_editor import RecipientEditor
from src.ui.editors.removal import DeleteFlow
from src.ui.view import View
from src.ui.views.toolbar import ListToolbar
from src.ui.widgets.data_table import Column, DataTable, Row

EMPTY = "No recipients yet. Add the people who receive your packages with New recipient."


class RecipientsView(View):
    title = "Recipients"
    watches = (events.RECIPIENTS_CHANGED, events.DATABASE_REPLACED)

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.toolbar = ListToolbar(self.header("Recipients", "Who receives your packages"))
        self.toolbar.add("New recipient", self.on_new, primary=True)
        self.toolbar.add("Edit", self.on_edit, needs_selection=True)
        self.toolbar.add("Archive", self.on_archive, needs_selection=True)
        self.toolbar.add("Delete", self.on_delete, needs_selection=True)
        self.table = DataTable(
            self,
            columns=[
                Column("name", "Name", width=180),
                Column("household", "Household", width=160),
                Column("address", "Address", width=300),
                Column("allergies", "Allergies and dislikes", width=260),
            ],
            search_placeholder="Search name, household, address…",
            on_select=lambda keys: self.toolbar.selection_changed(bool(keys)),
            on_activate=lambda _key: self.on_edit(),
        )
        self.table.set_empty_text(EMPTY)
        self.table.pack(fill="both", expand=True, padx=theme.PAD, pady=(0, theme.PAD))
        self.recipients: dict[str, RecipientView] = {}
        self.dialog: RecipientEditor | None = None
        self.delete_flow: DeleteFlow | None = None

    def refresh(self) -> None:
        self.recipients = {str(r.id): r for r in list_recipients(self.ctx.db)}
        self.table.set_rows([_row(r) for r in self.recipients.values()])
        self.toolbar.selection_changed(bool(self.table.selected_keys()))

    def focus_search(self) -> bool:
        return self.table.focus_search()

    def on_new(self) -> None:
        self.dialog = RecipientEditor(self, self.ctx, None)
        self.dialog.show()

    def on_edit(self) -> None:
        if chosen := self._selected():
            self.dialog = RecipientEditor(self, self.ctx, get_recipient(self.ctx.db, chosen.id))
            self.dialog.show()

    def on_archive(self) -> None:
        if chosen := self._selected():
            archive_recipient(self.ctx.db, chosen.id)
            self.ctx.publish(events.RECIPIENTS_CHANGED, f"Archived '{chosen.name}'.")

    def on_delete(self) -> None:
        if chosen := self._selected():
            db, recipient_id = self.ctx.db, chosen.id
            self.delete_flow = DeleteFlow(
                self, self.ctx, chosen.name, lambda: delete_recipient(db, recipient_id),
                lambda: archive_recipient(db, recipient_id), events.RECIPIENTS_CHANGED,
            )  # fmt: skip
            self.delete_flow.start()

    def _selected(self) -> RecipientView | None:
        keys = self.table.selected_keys()
        return self.recipients.get(keys[0]) if keys else None


def _row(r: RecipientView) -> Row:
    address = " ".join((r.address or "").split())  # one line in the list
    return Row(str(r.id), (r.name, r.household_name, address, r.allergies))
