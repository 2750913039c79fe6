"""The DOMAIN.md worked example, built with models so every layer's tests can share it.

Densities: flour 1 cup = 125 g, sugar 1 cup = 200 g, butter 1 cup = 227 g,
powdered sugar 1 cup = 120 g. Sugar cookies (36 per batch), royal icing (sub-recipe),
gingerbread (24 per batch, with 0.5 batch royal icing); Holiday tin = 12 cookies + 6 men.
Lots are those of the production example: flour "5 lb bag at $4.99, 2 lb left" (older) and
"25 lb sack at $14.99", sugar 4 lb $3.49, butter 1 lb $5.99 (4 bought), eggs $3.99/dozen,
vanilla 4 fl oz $12.99.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from src.models import (
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    InventoryItem,
    MovementKind,
    Product,
    Purchase,
    Recipe,
    RecipeComponent,
    RecipeIngredient,
    StockMovement,
    Unit,
)


@dataclass(frozen=True)
class WorkedExample:
    ingredients: dict[str, int]  # slug → id
    products: dict[str, int]
    lots: dict[str, int]
    recipes: dict[str, int]
    units: dict[str, int]  # finished units: "sugar-cookie", "gingerbread-man"
    holiday_tin: int


_DENSITIES = {"flour": 125, "sugar": 200, "butter": 227, "powdered-sugar": 120}
_NAMES = {
    "flour": "All-purpose flour",
    "sugar": "Granulated sugar",
    "butter": "Butter",
    "powdered-sugar": "Powdered sugar",
    "egg": "Eggs",
    "vanilla": "Vanilla extract",
    "ginger": "Ground ginger",
}
_RECIPES = {
    "sugar-cookies": ("Sugar cookies", [("flour", "3", Unit.CUP), ("sugar", "1", Unit.CUP),
                      ("butter", "1", Unit.CUP), ("egg", "1", Unit.EACH),
                      ("vanilla", "2", Unit.TEASPOON)]),
    "royal-icing": ("Royal icing", [("powdered-sugar", "4", Unit.CUP), ("egg", "3", Unit.EACH)]),
    "gingerbread": ("Gingerbread", [("flour", "3.5", Unit.CUP), ("sugar", "0.75", Unit.CUP),
                    ("butter", "0.75", Unit.CUP), ("egg", "1", Unit.EACH),
                    ("ginger", "1", Unit.TABLESPOON)]),
}  # fmt: skip
# (key, ingredient, name, package qty, unit, price, packages, remaining, purchase date)
_LOTS = [
    ("flour-bag", "flour", "Flour 5 lb bag", "5", Unit.POUND, "4.99", "1", "2", date(2026, 10, 1)),
    ("flour-sack", "flour", "Flour 25 lb sack", "25", Unit.POUND, "14.99", "1", "25",
     date(2026, 11, 1)),
    ("sugar", "sugar", "Sugar 4 lb", "4", Unit.POUND, "3.49", "1", "4", date(2026, 11, 1)),
    ("butter", "butter", "Butter 1 lb", "1", Unit.POUND, "5.99", "4", "4", date(2026, 11, 1)),
    ("egg", "egg", "Eggs, dozen", "12", Unit.EACH, "3.99", "1", "12", date(2026, 11, 1)),
    ("vanilla", "vanilla", "Vanilla 4 fl oz", "4", Unit.FLUID_OUNCE, "12.99", "1", "4",
     date(2026, 11, 1)),
]  # fmt: skip


def build_worked_example(s: Session, *, with_stock: bool = True) -> WorkedExample:
    ingredients = {slug: _ingredient(s, slug) for slug in _NAMES}
    recipes = {slug: _recipe(s, slug, ingredients) for slug in _RECIPES}
    s.add(
        RecipeComponent(
            recipe=recipes["gingerbread"],
            component_recipe=recipes["royal-icing"],
            batch_multiplier=Decimal("0.5"),
        )
    )
    cookie = FinishedUnit(slug="sugar-cookie", name="Sugar cookie", yield_per_batch=Decimal(36))
    man = FinishedUnit(slug="gingerbread-man", name="Gingerbread man", yield_per_batch=Decimal(24))
    recipes["sugar-cookies"].finished_units.append(cookie)
    recipes["gingerbread"].finished_units.append(man)
    tin = FinishedGood(slug="holiday-tin", name="Holiday tin")
    tin.components += [
        FinishedGoodComponent(finished_unit=cookie, quantity=12),
        FinishedGoodComponent(finished_unit=man, quantity=6),
    ]
    s.add(tin)
    products: dict[str, Product] = {}
    lots: dict[str, InventoryItem] = {}
    for spec in _LOTS if with_stock else []:
        products[spec[0]], lots[spec[0]] = _lot(s, ingredients, *spec)
    s.flush()
    return WorkedExample(
        ingredients={k: v.id for k, v in ingredients.items()},
        products={k: v.id for k, v in products.items()},
        lots={k: v.id for k, v in lots.items()},
        recipes={k: v.id for k, v in recipes.items()},
        units={"sugar-cookie": cookie.id, "gingerbread-man": man.id},
        holiday_tin=tin.id,
    )


def add_cup_of_eggs(s: Session, example: WorkedExample) -> None:
    """A sugar-cookie line no unit check would let through, a cup of eggs: pricing the recipe
    (and what holds its cookies) raises ConversionError."""
    s.add(RecipeIngredient(recipe_id=example.recipes["sugar-cookies"],
                           ingredient_id=example.ingredients["egg"], quantity=Decimal(1),
                           unit=Unit.CUP, position=len(_RECIPES["sugar-cookies"][1])))  # fmt: skip


def _ingredient(s: Session, slug: str) -> Ingredient:
    grams = _DENSITIES.get(slug)
    row = Ingredient(slug=slug, name=_NAMES[slug], category="Baking")
    if grams is not None:
        row.density_volume_quantity, row.density_volume_unit = Decimal(1), Unit.CUP
        row.density_weight_quantity, row.density_weight_unit = Decimal(grams), Unit.GRAM
    s.add(row)
    return row


def _recipe(s: Session, slug: str, ingredients: dict[str, Ingredient]) -> Recipe:
    name, lines = _RECIPES[slug]
    row = Recipe(slug=slug, name=name, category="Cookies", is_production_ready=True)
    for position, (ing, quantity, unit) in enumerate(lines):
        row.ingredients.append(
            RecipeIngredient(
                ingredient=ingredients[ing],
                quantity=Decimal(quantity),
                unit=unit,
                position=position,
            )
        )
    s.add(row)
    return row


def _lot(
    s: Session,
    ingredients: dict[str, Ingredient],
    key: str,
    ingredient: str,
    name: str,
    package_quantity: str,
    unit: Unit,
    price: str,
    packages: str,
    remaining: str,
    bought: date,
) -> tuple[Product, InventoryItem]:
    product = Product(
        ingredient=ingredients[ingredient],
        name=name,
        package_quantity=Decimal(package_quantity),
        package_unit=unit,
    )
    purchase = Purchase(
        product=product,
        purchase_date=bought,
        packages_bought=Decimal(packages),
        price_per_package=Decimal(price),
    )
    initial = Decimal(package_quantity) * Decimal(packages)
    lot = InventoryItem(
        product=product,
        purchase=purchase,
        initial_quantity=initial,
        remaining_quantity=Decimal(remaining),
        unit_cost=Decimal(price) / Decimal(package_quantity),
        purchase_date=bought,
    )
    lot.movements.append(StockMovement(kind=MovementKind.PURCHASE, quantity=initial))
    if Decimal(remaining) != initial:
        used = Decimal(remaining) - initial
        lot.movements.append(StockMovement(kind=MovementKind.PRODUCTION, quantity=used))
    s.add_all([product, purchase, lot])
    return product, lot
