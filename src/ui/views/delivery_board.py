"""The delivery board's columns and cards: one card per recipient's package, its actions."""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import customtkinter as ctk

from src.services.delivery import PackageCard
from src.services.formatting import format_timestamp
from src.ui import theme

CardAction = Callable[[PackageCard], None]


@dataclass(frozen=True)
class CardButton:
    text: str
    action: CardAction
    primary: bool = False


class CardView(ctk.CTkFrame):
    """Recipient, package and quantity, where it stands, and buttons for the next step."""

    def __init__(
        self, master: tkinter.Misc, card: PackageCard, buttons: Sequence[CardButton]
    ) -> None:
        super().__init__(master, fg_color=theme.LIST_BG, corner_radius=8)
        self.card = card
        ctk.CTkLabel(self, text=card.recipient, font=theme.heading_font(), anchor="w").pack(
            fill="x", padx=theme.GAP + 2, pady=(theme.GAP, 0)
        )
        ctk.CTkLabel(self, text=_contents(card), font=theme.body_font(), anchor="w").pack(
            fill="x", padx=theme.GAP + 2
        )
        ctk.CTkLabel(
            self, text=_state(card), font=theme.small_font(), text_color=theme.MUTED, anchor="w",
            justify="left", wraplength=230,
        ).pack(fill="x", padx=theme.GAP + 2)  # fmt: skip
        row = ctk.CTkFrame(self, fg_color="transparent")
        row.pack(fill="x", padx=theme.GAP, pady=(theme.GAP // 2, theme.GAP))
        self.buttons = {b.text: self._button(row, b) for b in buttons}

    def _button(self, row: ctk.CTkFrame, spec: CardButton) -> ctk.CTkButton:
        style = {} if spec.primary else {"fg_color": "transparent", "border_width": 1}
        button = ctk.CTkButton(
            row, text=spec.text, width=110, height=28, command=lambda: spec.action(self.card),
            text_color="white" if spec.primary else theme.TEXT, **style,
        )  # fmt: skip
        button.pack(side="left", padx=(0, theme.GAP // 2))
        return button


class BoardColumn(ctk.CTkFrame):
    """A titled column with its count and a scrolling list of cards."""

    def __init__(self, master: tkinter.Misc, title: str, empty_text: str) -> None:
        super().__init__(master, fg_color=theme.CARD, corner_radius=10)
        self.title = title
        self.empty_text = empty_text
        self.heading = ctk.CTkLabel(self, text=title, font=theme.heading_font(), anchor="w")
        self.heading.pack(fill="x", padx=theme.PAD - 6, pady=(theme.GAP + 2, theme.GAP // 2))
        self.cards_frame = ctk.CTkScrollableFrame(self, fg_color="transparent")
        self.cards_frame.pack(fill="both", expand=True, padx=4, pady=(0, 6))
        self.cards: list[CardView] = []

    def show(
        self,
        cards: Sequence[PackageCard],
        buttons: Sequence[CardButton],
        *,
        empty_text: str | None = None,
    ) -> None:
        for child in self.cards_frame.winfo_children():
            child.destroy()
        self.heading.configure(text=f"{self.title} ({len(cards)})")
        self.cards = [CardView(self.cards_frame, card, buttons) for card in cards]
        for view in self.cards:
            view.pack(fill="x", padx=4, pady=(0, theme.GAP))
        if not cards:
            ctk.CTkLabel(
                self.cards_frame, text=empty_text or self.empty_text, text_color=theme.MUTED,
                font=theme.body_font(), wraplength=220, justify="left", anchor="w",
            ).pack(fill="x", padx=8, pady=theme.GAP)  # fmt: skip


def _contents(card: PackageCard) -> str:
    return f"{card.quantity} × {card.package}"


def _state(card: PackageCard) -> str:
    if card.delivered_at is not None:
        return f"Delivered to {card.delivered_to} · {format_timestamp(card.delivered_at)}"
    if card.assembled_at is not None:
        return f"Assembled {format_timestamp(card.assembled_at)}"
    return "Waiting to be assembled"
