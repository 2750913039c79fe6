"""Helpers the catalog services share: cleaning names and amounts, naming what uses a row."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from src.services.errors import ConflictError, ValidationError


def clean_name(text: str, what: str) -> str:
    """`text` with spaces tidied; ValidationError when nothing is left."""
    name = " ".join(text.split())
    if not name:
        raise ValidationError(f"The {what} needs a name.")
    return name


def clean_text(text: str | None) -> str | None:
    """Optional free text: stripped, and None when blank."""
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def positive_quantity(value: Decimal | int, what: str) -> Decimal:
    """`value` as a Decimal > 0; ValidationError naming `what` otherwise (floats refused)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValidationError(f"{what} must be an exact number, not {value!r}.")
    amount = Decimal(value)
    if not amount.is_finite() or amount <= 0:
        raise ValidationError(f"{what} must be more than zero (got {value}).")
    return amount


def ensure_unique_name(
    session: Session,
    column: InstrumentedAttribute[str],
    name: str,
    what: str,
    exclude_id: int | None = None,
) -> None:
    """ConflictError when another row already has `name` (ignoring case)."""
    query = select(column).where(func.lower(column) == name.lower())
    if exclude_id is not None:
        query = query.where(column.class_.id != exclude_id)
    if session.scalar(query.limit(1)) is not None:
        raise ConflictError(f"There is already a {what} called '{name}'.")


def quoted_list(names: Iterable[str], limit: int = 3) -> str:
    """ "'A', 'B' and 'C'" — at most `limit` names, then "and N more"."""
    unique = sorted(set(names), key=str.lower)
    shown = [f"'{n}'" for n in unique[:limit]]
    hidden = len(unique) - len(shown)
    if hidden:
        return f"{', '.join(shown)} and {hidden} more"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def refuse_delete(what: str, users: list[str], advice: str = "Archive it instead.") -> None:
    """ConflictError "Can't delete X: it is used by …" when anything uses the row."""
    if users:
        raise ConflictError(f"Can't delete {what}: it is used by {'; '.join(users)}. {advice}")


def describe_users(session: Session, checks: list[tuple[str, Select[str]]]) -> list[str]:
    """For each (label, query of names) that finds rows: "label 'A' and 'B'" (one query each)."""
    users = []
    for label, query in checks:
        names = set(session.scalars(query))
        if names:
            users.append(f"{label} {quoted_list(names)}")
    return users


def whole_count(value: int, what: str) -> int:
    """`value` as a whole number > 0; ValidationError naming `what` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValidationError(f"{what} must be a whole number more than zero (got {value}).")
    return value
