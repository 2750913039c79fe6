"""Reading bake-tracker v4.x files: the JSON export and the CSV price list, plus shared helpers."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from src.models import Unit
from src.services.errors import NotFoundError, ValidationError

Record = dict[str, Any]

UNIT_SPELLINGS: dict[str, Unit] = {
    **dict.fromkeys(["g", "gram", "grams", "gr"], Unit.GRAM),
    **dict.fromkeys(["kg", "kilogram", "kilograms", "kilo", "kilos"], Unit.KILOGRAM),
    **dict.fromkeys(["oz", "ounce", "ounces", "wt oz"], Unit.OUNCE),
    **dict.fromkeys(["lb", "lbs", "pound", "pounds"], Unit.POUND),
    **dict.fromkeys(
        ["ml", "milliliter", "milliliters", "millilitre", "millilitres"], Unit.MILLILITER
    ),
    **dict.fromkeys(["l", "liter", "liters", "litre", "litres"], Unit.LITER),
    **dict.fromkeys(["tsp", "teaspoon", "teaspoons"], Unit.TEASPOON),
    **dict.fromkeys(["tbsp", "tablespoon", "tablespoons", "tbs", "tbl"], Unit.TABLESPOON),
    **dict.fromkeys(["fl oz", "floz", "fluid ounce", "fluid ounces"], Unit.FLUID_OUNCE),
    **dict.fromkeys(["cup", "cups", "c"], Unit.CUP),
    **dict.fromkeys(["pt", "pint", "pints"], Unit.PINT),
    **dict.fromkeys(["qt", "quart", "quarts"], Unit.QUART),
    **dict.fromkeys(["gal", "gallon", "gallons"], Unit.GALLON),
    **dict.fromkeys(
        ["each", "ea", "count", "ct", "piece", "pieces", "pc", "pcs", "whole", "unit", "units"],
        Unit.EACH,
    ),
    **dict.fromkeys(["dozen", "doz", "dz"], Unit.DOZEN),
}


@dataclass(frozen=True)
class Skipped:
    kind: str
    name: str
    reason: str


@dataclass
class Notes:
    """What was left out, and what the baker should know, collected during one import."""

    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, kind: str, name: object, reason: str) -> None:
        self.skipped.append(Skipped(kind, str(name), reason))


@dataclass(frozen=True)
class PriceRow:
    line: int
    uuid: str
    product_name: str
    brand: str
    package_quantity: Decimal | None
    package_unit: Unit | None
    ingredient_name: str
    supplier_name: str
    price: Decimal | None


def to_unit(text: object) -> Unit | None:
    """Our unit for a v4 spelling ("fl. oz", "lbs", "count", ...), or None."""
    if not isinstance(text, str):
        return None
    return UNIT_SPELLINGS.get(" ".join(text.lower().replace(".", " ").split()))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


def read_export(path: Path) -> Record:
    """The v4 export; raises NotFoundError or ValidationError for anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except FileNotFoundError:
        raise NotFoundError(f"There is no file {path}.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(f"{path.name} is not a readable JSON file ({error}).") from None
    version = str(data.get("version", "")) if isinstance(data, dict) else ""
    if not version.startswith("4.") or data.get("application") != "bake-tracker":
        raise ValidationError(
            f"{path.name} is not a bake-tracker v4.x export (version {version or 'missing'})."
        )
    return data


def read_prices(path: Path) -> list[PriceRow]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise NotFoundError(f"There is no price list {path}.") from None
    return [_price_row(n, row) for n, row in enumerate(rows, start=2)]


def _price_row(line: int, row: dict[str, str]) -> PriceRow:
    return PriceRow(
        line=line,
        uuid=(row.get("uuid") or "").strip(),
        product_name=(row.get("product_name") or "").strip(),
        brand=(row.get("brand") or "").strip(),
        package_quantity=decimal_or_none(row.get("package_qty")),
        package_unit=to_unit(row.get("package_unit")),
        ingredient_name=(row.get("ingredient_name") or "").strip(),
        supplier_name=(row.get("supplier_name") or "").strip(),
        price=decimal_or_none((row.get("unit_price") or "").replace("$", "").replace(",", "")),
    )


def decimal_or_none(value: object) -> Decimal | None:
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return Decimal(value)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def records(data: Record, key: str) -> list[Record]:
    value = data.get(key) or []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
