"""Shopping list lines: need − on hand, rounded up to whole packages of the product to buy.

Pure functions over plain data; `plan.py` feeds them and `shopping.py` serves them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from src.services.fraction import Fraction
from src.services.plan_json import dec_or_none, dec_str, parse_dec
from src.services.prices import ProductPrice, product_to_buy
from src.services.recipe_graph import IngredientInfo
from src.services.units import ratio_to_decimal


class ShoppingItem(NamedTuple):
    """One line of a shopping list (a NamedTuple, as a plan makes one per ingredient: a
    frozen dataclass sets each of its eleven fields through object.__setattr__)."""

    ingredient: str  # slug
    name: str
    category: str
    needed: Decimal  # base units, like on_hand, to_buy and leftover
    on_hand: Decimal
    to_buy: Decimal
    unit: str
    product: str | None
    packages: int
    cost: Decimal | None  # None when the product to buy has no known price
    leftover: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "ingredient": self.ingredient,
            "name": self.name,
            "category": self.category,
            "needed": dec_str(self.needed),
            "on_hand": dec_str(self.on_hand),
            "to_buy": dec_str(self.to_buy),
            "unit": self.unit,
            "product": self.product,
            "packages": self.packages,
            "cost": dec_or_none(self.cost),
            "leftover": dec_str(self.leftover),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ShoppingItem:
        return cls(
            ingredient=data["ingredient"],
            name=data["name"],
            category=data["category"],
            needed=Decimal(data["needed"]),
            on_hand=Decimal(data["on_hand"]),
            to_buy=Decimal(data["to_buy"]),
            unit=data["unit"],
            product=data["product"],
            packages=data["packages"],
            cost=parse_dec(data["cost"]),
            leftover=Decimal(data["leftover"]),
        )


def shopping_item(
    info: IngredientInfo, need: Decimal, stock: Decimal, product: ProductPrice | None
) -> ShoppingItem:
    """One line: to-buy = max(0, need − stock), in whole packages of `product`."""
    to_buy = max(Decimal(0), need - stock)
    packages, cost, leftover = 0, Decimal(0) if to_buy == 0 else None, Decimal(0)
    if product is not None and to_buy > 0:
        packages, leftover = whole_packages(to_buy, product.package_in(info))
        price = product.price_per_package
        cost = None if price is None else packages * price
    return ShoppingItem(
        ingredient=info.slug,
        name=info.name,
        category=info.category,
        needed=need,
        on_hand=stock,
        to_buy=to_buy,
        unit=str(info.base_unit),
        product=None if product is None else product.label,
        packages=packages,
        cost=cost,
        leftover=leftover,
    )


def whole_packages(quantity: Decimal, size: Fraction) -> tuple[int, Decimal]:
    """The packages of `size` that hold `quantity` (rounded up), and what they hold beyond it.

    Worked out on the integers of the two ratios, not through Fractions: the same numbers
    (as math.ceil and to_decimal of the Fractions give), without reducing each to lowest
    terms on the way, for every line of a shopping list."""
    numerator, denominator = quantity.as_integer_ratio()
    held = numerator * size.denominator  # quantity / size = held / per
    per = denominator * size.numerator
    packages = -(-held // per)
    return packages, ratio_to_decimal(packages * per - held, denominator * size.denominator)


def shopping_items(
    needs: Mapping[int, Decimal],
    stock: Mapping[int, Decimal],
    prices: Mapping[int, Sequence[ProductPrice]],
    infos: Mapping[int, IngredientInfo],
) -> tuple[ShoppingItem, ...]:
    """Every needed ingredient's line, by category then name."""
    items = [
        shopping_item(
            infos[i], need, stock.get(i, Decimal(0)), product_to_buy(prices.get(i, []), infos[i])
        )
        for i, need in needs.items()
    ]
    return tuple(sorted(items, key=lambda item: (item.category.lower(), item.name.lower())))


def shopping_total(items: Iterable[ShoppingItem]) -> Decimal | None:
    """What the list costs; None when something to buy has no price."""
    costs = [item.cost for item in items if item.to_buy > 0]
    if any(cost is None for cost in costs):
        return None
    return sum((cost for cost in costs if cost is not None), Decimal(0))
