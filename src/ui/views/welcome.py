"""First run on an empty database: what would you like to start with?"""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.ui import theme
from src.ui.actions import FirstRunChoice


class WelcomePanel(ctk.CTkFrame):
    """One card per choice; on_choose receives the chosen one."""

    def __init__(
        self,
        master: tkinter.Misc,
        choices: Sequence[FirstRunChoice],
        on_choose: Callable[[FirstRunChoice], None],
    ) -> None:
        super().__init__(master, fg_color="transparent", corner_radius=0)
        inner = ctk.CTkFrame(self, fg_color="transparent")
        inner.place(relx=0.5, rely=0.4, anchor="center")
        ctk.CTkLabel(inner, text="Welcome to Bake Tracker", font=theme.title_font()).pack()
        ctk.CTkLabel(
            inner,
            text="Plan your baking season: pantry, recipes, events, production and delivery.\n"
            "How would you like to begin?",
            font=theme.body_font(),
            text_color=theme.MUTED,
            justify="center",
        ).pack(pady=(theme.GAP, theme.PAD * 2))
        self.buttons: dict[str, ctk.CTkButton] = {}
        for choice in choices:
            self.buttons[choice.key] = self._card(inner, choice, on_choose)

    def _card(
        self,
        master: ctk.CTkFrame,
        choice: FirstRunChoice,
        on_choose: Callable[[FirstRunChoice], None],
    ) -> ctk.CTkButton:
        card = ctk.CTkFrame(master, fg_color=theme.CARD, corner_radius=10)
        card.pack(fill="x", pady=theme.GAP)
        ctk.CTkLabel(
            card, text=choice.description, font=theme.body_font(), wraplength=340, justify="left"
        ).pack(side="left", padx=theme.PAD, pady=theme.PAD)
        button = ctk.CTkButton(
            card, text=choice.title, width=170, height=36, command=lambda: on_choose(choice)
        )
        button.pack(side="right", padx=theme.PAD, pady=theme.PAD)
        return button
