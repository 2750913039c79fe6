"""Lists too long to read whole: a page of rows, how many there are in all, and a search in SQL.

Ten years of shopping is 50,000 purchases and lots; reading them all takes half a second and a
list of them is no use to read. A page brings the rows a baker looks at and the total, so the
screen can say what it left out, and a search finds the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import ColumnElement, or_
from sqlalchemy.orm import InstrumentedAttribute

from src.services.errors import ValidationError

PAGE_ROWS = 1_000  # the most rows one read of a long list brings; a search reaches the others

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: tuple[T, ...]
    total: int  # how many rows meet the conditions, the ones left out included

    @property
    def left_out(self) -> int:
        return self.total - len(self.rows)


def search_words(search: str) -> list[str]:
    """The words of a search box's text. Raises ValidationError when it is not text."""
    if not isinstance(search, str):
        raise ValidationError(f"A search must be text, not {search!r}.")
    return search.split()


def holding(word: str, *columns: InstrumentedAttribute[str | None]) -> ColumnElement[bool]:
    """`word` is in one of `columns`, ignoring case; % and _ in it are plain characters."""
    return or_(*(column.icontains(word, autoescape=True) for column in columns))
