"""Stable, readable identities ("sugar-cookies") for everything a user names."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from src.services.errors import ValidationError


def slugify(name: str) -> str:
    """ "Crème Brûlée (Mini)" → "creme-brulee-mini". ValidationError if nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise ValidationError(f"'{name}' needs at least one letter or digit to be used as a name.")
    return slug[:100]


def unique_slug(session: Session, column: InstrumentedAttribute[str], name: str) -> str:
    """slugify(name), with "-2", "-3"… appended if the table already has it (one query)."""
    base = slugify(name)
    taken = set(session.scalars(select(column).where(column.like(f"{base}%"))))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
