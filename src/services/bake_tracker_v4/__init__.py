"""Import of a bake-tracker v4.x export (and its price list) so its users can move over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from src.services.backups import backup_before
from src.services.bake_tracker_v4.catalog import (
    import_ingredients,
    import_materials,
    import_products,
    import_suppliers,
)
from src.services.bake_tracker_v4.recipes import import_events, import_recipes, import_recipients
from src.services.bake_tracker_v4.source import (
    Notes,
    PriceRow,
    Record,
    Skipped,
    read_export,
    read_prices,
)
from src.services.bake_tracker_v4.stock import apply_prices, import_lots
from src.services.database import Database
from src.services.export.importer import ensure_empty

__all__ = ["Skipped", "V4Report", "import_bake_tracker_v4"]


@dataclass(frozen=True)
class V4Report:
    counts: dict[str, int]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]


def import_bake_tracker_v4(db: Database, path: Path, prices: Path | None = None) -> V4Report:
    """Import a v4 export (and optional price CSV) into an empty database, all or nothing.

    Raises NotFoundError, ValidationError (not a v4 file, unknown output mode, recipe cycle)
    or ConflictError when the database already holds data.
    """
    data = read_export(path)
    price_rows = read_prices(prices) if prices else []
    backup_before(db, "import")
    notes = Notes()
    with db.transaction() as session:
        ensure_empty(session)
        counts = _import(session, data, price_rows, notes)
    return V4Report(counts, tuple(notes.skipped), tuple(notes.warnings))


def _import(session: Session, data: Record, prices: list[PriceRow], notes: Notes) -> dict[str, int]:
    suppliers = import_suppliers(session, data, notes)
    ingredients = import_ingredients(session, data, notes)
    taken = {ingredient.slug for ingredient in ingredients.values()}
    materials = import_materials(session, data, taken, notes)
    products = import_products(session, data, ingredients, suppliers, notes)
    lots = import_lots(session, data, products, notes)
    purchases = apply_prices(session, prices, products, lots, suppliers, _file_date(data), notes)
    recipes = import_recipes(session, data, ingredients, notes)
    recipients = import_recipients(session, data)
    events = import_events(session, data)
    session.flush()
    return {
        "suppliers": len(suppliers),
        "ingredients": len(ingredients),
        "packaging ingredients": len(materials),
        "products": len(products),
        "lots": sum(len(group) for group in lots.values()),
        "purchases": purchases,
        "recipes": len(recipes),
        "recipe lines": sum(len(r.ingredients) for r in recipes.values()),
        "finished units": sum(len(r.finished_units) for r in recipes.values()),
        "recipients": len(recipients),
        "events": len(events),
    }


def _file_date(data: Record) -> date:
    try:
        return date.fromisoformat(str(data.get("exported_at"))[:10])
    except ValueError:
        return date.today()
