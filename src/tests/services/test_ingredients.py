"""Ingredients: density text, create/edit, search, archive, and deletes refused while in use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.models import IngredientKind, Unit
from src.services.database import Database
from src.services.errors import ConflictError, ConversionError, NotFoundError, ValidationError
from src.services.ingredients import (
    INGREDIENT_KINDS,
    IngredientInput,
    archive_ingredient,
    create_ingredient,
    delete_ingredient,
    get_ingredient,
    ingredient_categories,
    list_ingredients,
    parse_density,
    update_ingredient,
)
from src.services.units import Density
from src.tests import factories
from src.tests.db_probe import counted_statements
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def test_density_text_reads_volume_equals_weight() -> None:
    assert parse_density("1 cup = 125 g") == Density(Decimal(1), Unit.CUP, Decimal(125), Unit.GRAM)
    assert parse_density(" 2 Tbsp=30 grams ") == Density(
        Decimal(2), Unit.TABLESPOON, Decimal(30), Unit.GRAM
    )
    assert parse_density("  ") is None


def test_density_text_that_is_not_volume_equals_weight_is_refused() -> None:
    with pytest.raises(ValidationError, match="should read like '1 cup = 125 g'"):
        parse_density("heavy")
    with pytest.raises(ConversionError, match="needs a volume first"):
        parse_density("125 g = 1 cup")
    with pytest.raises(ConversionError, match="not a unit"):
        parse_density("1 bucket = 3 kg")


def test_created_ingredient_has_density_and_weighs_in_grams(db: Database) -> None:
    made = create_ingredient(
        db, IngredientInput("  Bread   flour ", "Flours", density="1 cup = 130 g")
    )
    assert (made.name, made.slug, made.category) == ("Bread flour", "bread-flour", "Flours")
    assert str(made.density) == "1 cup = 130 g"
    assert made.base_unit is Unit.GRAM
    assert made.on_hand == 0
    assert get_ingredient(db, made.id) == made


def test_bad_density_names_the_ingredient_and_writes_nothing(db: Database) -> None:
    with pytest.raises(ConversionError, match=r"Density of 'Rye': .*volume first"):
        create_ingredient(db, IngredientInput("Rye", density="100 g = 1 cup"))
    assert list_ingredients(db) == []


def test_two_ingredients_cannot_share_a_name(db: Database) -> None:
    create_ingredient(db, IngredientInput("Butter"))
    with pytest.raises(ConflictError, match="already a ingredient called 'butter'"):
        create_ingredient(db, IngredientInput("butter"))


def test_editing_changes_fields_and_can_remove_the_density(db: Database) -> None:
    made = create_ingredient(db, IngredientInput("Cocoa", density="1 cup = 85 g"))
    edited = update_ingredient(
        db, made.id, IngredientInput("Dutch cocoa", "Chocolate", notes=" dark ")
    )
    assert (edited.name, edited.category, edited.notes, edited.density) == (
        "Dutch cocoa", "Chocolate", "dark", None,
    )  # fmt: skip
    assert edited.slug == "cocoa"  # the identity stays stable across renames


def test_search_finds_names_containing_the_text_in_any_case(
    db: Database, ex: WorkedExample
) -> None:
    found = list_ingredients(db, search="SUGAR")
    assert [i.name for i in found] == ["Granulated sugar", "Powdered sugar"]


def test_list_shows_base_unit_and_stock_on_hand(db: Database, ex: WorkedExample) -> None:
    by_slug = {i.slug: i for i in list_ingredients(db)}
    assert by_slug["flour"].on_hand == Decimal("12246.99399")  # 27 lb in grams
    assert by_slug["flour"].product_count == 2
    assert by_slug["egg"].base_unit is Unit.EACH
    assert by_slug["vanilla"].base_unit is Unit.MILLILITER
    assert by_slug["ginger"].on_hand == 0


def test_archived_ingredients_are_hidden_unless_asked_for(db: Database, ex: WorkedExample) -> None:
    archive_ingredient(db, ex.ingredients["ginger"])
    assert "ginger" not in {i.slug for i in list_ingredients(db)}
    assert "ginger" in {i.slug for i in list_ingredients(db, include_archived=True)}
    assert not archive_ingredient(db, ex.ingredients["ginger"], archived=False).is_archived


def test_deleting_an_ingredient_in_use_names_its_users(db: Database, ex: WorkedExample) -> None:
    with pytest.raises(ConflictError) as error:
        delete_ingredient(db, ex.ingredients["flour"])
    message = str(error.value)
    assert "Can't delete 'All-purpose flour'" in message
    assert "recipe 'Gingerbread' and 'Sugar cookies'" in message
    assert "product 'Flour 25 lb sack' and 'Flour 5 lb bag'" in message
    assert "Archive it instead." in message
    assert get_ingredient(db, ex.ingredients["flour"]).name == "All-purpose flour"


def test_an_unused_ingredient_can_be_deleted(db: Database) -> None:
    made = create_ingredient(db, IngredientInput("Nutmeg", kind=IngredientKind.FOOD))
    delete_ingredient(db, made.id)
    with pytest.raises(NotFoundError, match="no ingredient with id"):
        get_ingredient(db, made.id)


def test_categories_are_listed_once_each(db: Database, ex: WorkedExample) -> None:
    create_ingredient(db, IngredientInput("Tins", "Packaging", kind=IngredientKind.PACKAGING))
    assert ingredient_categories(db) == ["Baking", "Packaging"]


def test_listing_ingredients_takes_the_same_queries_for_10_or_40_rows(db: Database) -> None:
    def add(n: int) -> int:
        with db.transaction() as s:
            for _ in range(n):
                factories.lot(s, factories.product(s, factories.ingredient(s)))
        with counted_statements(db) as statements:
            assert len(list_ingredients(db)) >= n
        return len(statements)

    assert add(10) == add(30)


def test_ingredient_kinds_offer_food_and_packaging() -> None:
    assert INGREDIENT_KINDS == (IngredientKind.FOOD, IngredientKind.PACKAGING)
