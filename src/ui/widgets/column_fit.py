"""How wide each column of a list is: wide enough for its text when there is room, else a fair
share of what there is, and never so narrow that its heading is cut (the list then scrolls
sideways). A pure function, so the rule is tested without a window."""

from __future__ import annotations

from collections.abc import Sequence


def fit_widths(
    declared: Sequence[int],
    heading: Sequence[int],
    wanted: Sequence[int],
    stretch: Sequence[bool],
    available: int,
) -> list[int]:
    """Column widths for `available` pixels.

    `declared` is each column's width as the screen sets it, `heading` what its heading needs
    (the least a column gets is the wider of the two) and `wanted` what its heading and text
    need. When every wanted width fits, each column gets it and the room left goes to the
    stretching columns in proportion to their widths; otherwise each column gets its least
    width plus the same share of the extra it wants, so no column is cut off for another's
    long text. When not even the least widths fit, the columns get them and overflow.
    """
    declared = [max(d, h) for d, h in zip(declared, heading, strict=True)]
    wanted = [max(w, d) for w, d in zip(wanted, declared, strict=True)]
    spare = available - sum(wanted)
    if spare >= 0:
        growing = [w if s else 0 for w, s in zip(wanted, stretch, strict=True)]
        total = sum(growing)
        if not total:
            return list(wanted)
        return [w + spare * g // total for w, g in zip(wanted, growing, strict=True)]
    extra = [w - d for w, d in zip(wanted, declared, strict=True)]
    room = max(0, available - sum(declared))
    total = sum(extra)
    return [d + (e * room // total if total else 0) for d, e in zip(declared, extra, strict=True)]
