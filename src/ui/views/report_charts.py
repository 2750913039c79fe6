"""Drawing a ChartSpec with matplotlib, in the app's light or dark colours.

Imported only when the Reports screen draws its first chart, so start-up stays fast.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable

from matplotlib.axes import Axes
from matplotlib.backends.backend_tkagg import FigureCanvasTkAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from src.ui import theme
from src.ui.views.report_data import ChartSpec

BAR_COLOURS = (theme.ACCENT, ("#E8913A", "#F0A860"))
GRID = ("gray85", "gray30")
MIN_SLOTS = 5  # room for this many bar groups, however few there are
LABEL_ROOM = 90  # characters of bar labels that stand side by side under the chart; more slant
LABEL_SLANT = 30  # degrees
Colour = Callable[[tuple[str, str]], str]


def draw_chart(master: tkinter.Misc, spec: ChartSpec) -> FigureCanvasTkAgg:
    """A bar chart of `spec` in a Tk canvas widget (not yet placed)."""

    def colour(pair: tuple[str, str]) -> str:  # Tk names ("gray97") as matplotlib reads them
        red, green, blue = (value // 257 for value in master.winfo_rgb(theme.pick(pair)))
        return f"#{red:02x}{green:02x}{blue:02x}"

    figure = Figure(figsize=(8, 3.2), dpi=100, facecolor=colour(theme.CARD))
    axes = figure.add_subplot()
    _style(axes, spec, colour)
    _bars(axes, spec, colour)
    figure.tight_layout()
    canvas = FigureCanvasTkAgg(figure, master=master)
    canvas.draw()
    return canvas


def literal(text: str) -> str:
    """Text shown as written: matplotlib would read "$63.01 … $62.43" as mathematics."""
    return text.replace("$", r"\$")


def _bars(axes: Axes, spec: ChartSpec, colour: Colour) -> None:
    count = len(spec.series)
    width = 0.8 / count
    positions = range(len(spec.labels))
    for index, series in enumerate(spec.series):
        offsets = [p - 0.4 + width * (index + 0.5) for p in positions]
        fill = colour(BAR_COLOURS[index % len(BAR_COLOURS)])
        bars = axes.bar(offsets, [float(v) for v in series.values], width,
                        label=literal(series.name), color=fill)  # fmt: skip
        if index == 0 and spec.notes:
            notes = [literal(note) for note in spec.notes]
            axes.bar_label(bars, labels=notes, color=colour(theme.TEXT), padding=2)
    crowded = sum(len(label) + 2 for label in spec.labels) > LABEL_ROOM
    axes.set_xticks(
        list(positions), [literal(label) for label in spec.labels],
        rotation=LABEL_SLANT if crowded else 0, ha="right" if crowded else "center",
        rotation_mode="anchor",
    )  # fmt: skip
    spare = max(0.0, (MIN_SLOTS - len(spec.labels)) / 2)  # a few bars stay bar-shaped
    axes.set_xlim(-0.6 - spare, len(spec.labels) - 0.4 + spare)
    if count > 1:
        axes.legend(
            loc="lower right", bbox_to_anchor=(1, 1), ncols=count, frameon=False,
            labelcolor=colour(theme.TEXT),
        )  # fmt: skip
    axes.margins(y=0.15)


def _style(axes: Axes, spec: ChartSpec, colour: Colour) -> None:
    text = colour(theme.TEXT)
    axes.set_facecolor(colour(theme.CARD))
    axes.set_title(literal(spec.title), color=text, loc="left", fontsize=12, fontweight="bold")
    axes.tick_params(colors=text, labelsize=10)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(colour(theme.MUTED))
    axes.grid(axis="y", color=colour(GRID), linewidth=0.8)
    axes.set_axisbelow(True)
    if spec.money:
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"${value:,.0f}"))
