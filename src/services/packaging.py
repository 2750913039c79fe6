"""Packaging lines of finished goods and packages ("1 tin", "0.5 m ribbon")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from src.models import Ingredient, IngredientKind, Unit
from src.services.errors import ValidationError
from src.services.goods_costs import GoodsCosts
from src.services.lookup import get_or_fail
from src.services.products import ensure_convertible
from src.services.recipe_graph import Line
from src.services.records import positive_quantity
from src.services.units import parse_unit


@dataclass(frozen=True)
class PackagingInput:
    ingredient_id: int  # an ingredient of kind packaging
    quantity: Decimal
    unit: Unit | str = Unit.EACH


@dataclass(frozen=True)
class PackagingView:
    ingredient_id: int
    ingredient_name: str
    quantity: Decimal
    unit: Unit
    cost: Decimal | None  # None = unpriced


def packaging_line(session: Session, data: PackagingInput) -> Line:
    """A checked packaging line. Raises NotFoundError, ValidationError (not packaging, amount),
    ConversionError (a unit the ingredient cannot be converted to)."""
    ingredient = get_or_fail(session, Ingredient, data.ingredient_id, "ingredient")
    if ingredient.kind is not IngredientKind.PACKAGING:
        raise ValidationError(
            f"'{ingredient.name}' is a food ingredient; only packaging can wrap a finished good "
            f"or package (change its kind to packaging first)."
        )
    unit = parse_unit(data.unit)
    ensure_convertible(session, ingredient, unit)
    quantity = positive_quantity(data.quantity, f"Quantity of {ingredient.name}")
    return Line(ingredient.id, quantity, unit)


def packaging_views(lines: Iterable[Line], costs: GoodsCosts) -> dict[Line, PackagingView]:
    """A PackagingView for each line, with the ingredient's name and the line's cost."""
    return {
        line: PackagingView(line.ingredient_id, costs.ingredients[line.ingredient_id].name,
                            line.quantity, line.unit, costs.packaging[line])
        for line in set(lines)
    }  # fmt: skip
