"""The look in one place: spacing, fonts, colours (light, dark) and the ttk list style.

Colours are (light, dark) pairs as customtkinter expects; `pick` resolves one for plain Tk/ttk.
"""

from __future__ import annotations

import tkinter
from tkinter import ttk

import customtkinter as ctk

PAD = 20  # around a screen's content
GAP = 10  # between related widgets
ROW_HEIGHT = 30  # list rows, in unscaled pixels

FONT_FAMILY = "Roboto"
TEXT = ("gray10", "#DCE4EE")
MUTED = ("gray40", "gray65")
ERROR = ("#C62828", "#FF6B6B")
SUCCESS = ("#2E7D32", "#81C784")
WARNING_BG = ("#FFF3CD", "#4A3B12")  # banners that need attention (a stale plan)
WARNING_TEXT = ("#664D03", "#FFE08A")
ACCENT = ("#3B8ED0", "#1F6AA5")
CARD = ("gray97", "gray20")
SIDEBAR = ("gray86", "gray17")
SIDEBAR_ACTIVE = ("gray75", "gray25")
SIDEBAR_HOVER = ("gray80", "gray22")
MENU = ("white", "gray24")  # drop-down menus: quieter than buttons, like an entry
MENU_BUTTON = ("gray85", "gray30")
DISABLED_FILL = ("gray82", "gray28")  # a filled button that cannot be pressed yet
MENU_HOVER = ("gray78", "gray35")
LIST_BG = ("white", "gray16")
LIST_STRIPE = ("gray96", "gray19")
LIST_HEADING = ("gray88", "gray23")
LIST_SELECTED = ("#3B8ED0", "#1F6AA5")
# Tab bars and segmented choices: dark text on a light bar (the stock light bar, #979DA2
# under #DCE4EE text, is a 2.1:1 contrast; this is 11:1, and 5:1 on the selected blue).
SEGMENTS = {
    "fg_color": ("gray82", "gray29"),
    "unselected_color": ("gray82", "gray29"),
    "unselected_hover_color": ("gray74", "gray41"),
    "text_color": TEXT,
}
TREEVIEW_STYLE = "BakeTracker.Treeview"
LIST_FONT = (FONT_FAMILY, 11)  # a list's rows (style_treeview; DataTable measures with it)
LIST_HEADING_FONT = (FONT_FAMILY, 11, "bold")


def pick(pair: tuple[str, str]) -> str:
    """The colour of a (light, dark) pair for the current appearance mode."""
    return pair[1] if ctk.get_appearance_mode() == "Dark" else pair[0]


def use_house_colours() -> None:
    """Give every tab bar and segmented choice made from now on the SEGMENTS colours."""
    ctk.ThemeManager.theme["CTkSegmentedButton"].update(
        {key: list(pair) for key, pair in SEGMENTS.items()}
    )


def title_font() -> ctk.CTkFont:
    return ctk.CTkFont(family=FONT_FAMILY, size=24, weight="bold")


def heading_font() -> ctk.CTkFont:
    return ctk.CTkFont(family=FONT_FAMILY, size=16, weight="bold")


def body_font() -> ctk.CTkFont:
    return ctk.CTkFont(family=FONT_FAMILY, size=13)


def small_font() -> ctk.CTkFont:
    return ctk.CTkFont(family=FONT_FAMILY, size=12)


def big_number_font() -> ctk.CTkFont:
    return ctk.CTkFont(family=FONT_FAMILY, size=30, weight="bold")


def style_treeview(master: tkinter.Misc) -> str:
    """Configure the list style for the current appearance mode; returns the style name."""
    style = ttk.Style(master)
    if style.theme_use() != "clam":
        style.theme_use("clam")  # the built-in theme that honours heading and row colours
    scale = ctk.ScalingTracker.get_widget_scaling(master)
    style.configure(
        TREEVIEW_STYLE,
        background=pick(LIST_BG),
        fieldbackground=pick(LIST_BG),
        foreground=pick(TEXT),
        rowheight=round(ROW_HEIGHT * scale),
        borderwidth=0,
        font=LIST_FONT,
    )
    style.configure(
        f"{TREEVIEW_STYLE}.Heading",
        background=pick(LIST_HEADING),
        foreground=pick(TEXT),
        relief="flat",
        font=LIST_HEADING_FONT,
        padding=(6, 5),
    )
    style.map(f"{TREEVIEW_STYLE}.Heading", background=[("active", pick(SIDEBAR_ACTIVE))])
    style.map(
        TREEVIEW_STYLE,
        background=[("selected", pick(LIST_SELECTED))],
        foreground=[("selected", "white")],
    )
    style.layout(TREEVIEW_STYLE, [("Treeview.treearea", {"sticky": "nswe"})])
    return TREEVIEW_STYLE
