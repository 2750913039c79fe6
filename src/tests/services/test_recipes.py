"""Recipes: lines, nested components (no cycles, depth ≤ 5), archive, delete, variants."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from src.models import Unit
from src.services.database import Database
from src.services.errors import ConflictError, ConversionError, NotFoundError, ValidationError
from src.services.finished_units import FinishedUnitInput, add_finished_unit
from src.services.recipe_costs import all_recipe_costs
from src.services.recipes import (
    BatchYield,
    ComponentInput,
    LineInput,
    RecipeInput,
    archive_recipe,
    create_recipe,
    delete_recipe,
    duplicate_recipe,
    get_recipe,
    list_recipe_yields,
    list_recipes,
    recipe_categories,
    update_recipe,
)
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def _icing_input(ex: WorkedExample, *components: ComponentInput) -> RecipeInput:
    return RecipeInput(
        "Royal icing", "Icings",
        lines=(LineInput(ex.ingredients["powdered-sugar"], Decimal(4), "cups"),
               LineInput(ex.ingredients["egg"], Decimal(3), Unit.EACH)),
        components=components,
    )  # fmt: skip


def test_a_recipe_is_created_with_lines_components_and_finished_units(
    db: Database, ex: WorkedExample
) -> None:
    made = create_recipe(
        db,
        RecipeInput(
            "Iced shortbread", "Cookies",
            lines=(LineInput(ex.ingredients["butter"], Decimal(1), "cup", notes="soft"),
                   LineInput(ex.ingredients["flour"], Decimal(2), "cup")),
            components=(ComponentInput(ex.recipes["royal-icing"], Decimal("0.25")),),
        ),
    )  # fmt: skip
    add_finished_unit(db, made.id, FinishedUnitInput("Shortbread round", Decimal("30")))
    recipe = get_recipe(db, made.id)
    assert (recipe.summary.slug, recipe.summary.category) == ("iced-shortbread", "Cookies")
    assert [(li.ingredient_name, li.quantity, li.unit, li.notes) for li in recipe.lines] == [
        ("Butter", Decimal(1), Unit.CUP, "soft"),
        ("All-purpose flour", Decimal(2), Unit.CUP, None),
    ]
    assert [(c.recipe_name, c.batch_multiplier) for c in recipe.components] == [
        ("Royal icing", Decimal("0.25"))
    ]
    assert [(u.name, u.yield_per_batch) for u in recipe.finished_units] == [
        ("Shortbread round", Decimal(30))
    ]
    assert get_recipe(db, ex.recipes["royal-icing"]).used_in == ("Gingerbread", "Iced shortbread")


def test_a_recipe_cannot_contain_itself_through_another(db: Database, ex: WorkedExample) -> None:
    icing = ex.recipes["royal-icing"]
    with pytest.raises(ConflictError) as error:
        update_recipe(
            db, icing, _icing_input(ex, ComponentInput(ex.recipes["gingerbread"], Decimal(1)))
        )
    assert str(error.value) == (
        "'Royal icing' can't contain itself: Royal icing → Gingerbread → Royal icing."
    )
    assert get_recipe(db, icing).components == ()


def test_nesting_deeper_than_five_levels_is_refused(db: Database, ex: WorkedExample) -> None:
    chain = [ex.recipes["royal-icing"]]
    for level in range(1, 6):
        made = create_recipe(
            db, RecipeInput(f"Level {level}", components=(ComponentInput(chain[-1], Decimal(1)),))
        )
        chain.append(made.id)
    with pytest.raises(ConflictError, match="at most 5 levels deep; 'Level 6' would be nested 6"):
        create_recipe(db, RecipeInput("Level 6", components=(ComponentInput(chain[-1], 1),)))
    assert [r.name for r in list_recipes(db, search="level")] == [f"Level {n}" for n in range(1, 6)]


def test_bad_lines_are_refused_naming_the_ingredient(db: Database, ex: WorkedExample) -> None:
    with pytest.raises(ValidationError, match="Quantity of Eggs must be more than zero"):
        create_recipe(
            db, RecipeInput("Omelette", lines=(LineInput(ex.ingredients["egg"], 0, "each"),))
        )
    with pytest.raises(ConversionError, match="Eggs from 'cup' to 'each'"):
        create_recipe(
            db, RecipeInput("Omelette", lines=(LineInput(ex.ingredients["egg"], 1, "cup"),))
        )
    with pytest.raises(ValidationError, match="'Royal icing' is listed twice"):
        icing = ex.recipes["royal-icing"]
        twice = (ComponentInput(icing, 1), ComponentInput(icing, 2))
        create_recipe(db, RecipeInput("Twice", components=twice))
    assert "Omelette" not in {r.name for r in list_recipes(db)}


def test_deleting_a_recipe_another_uses_is_refused_naming_the_user(
    db: Database, ex: WorkedExample
) -> None:
    with pytest.raises(ConflictError) as error:
        delete_recipe(db, ex.recipes["royal-icing"])
    assert str(error.value) == (
        "Can't delete 'Royal icing': it is used by recipe 'Gingerbread'. "
        "Remove it there first, or archive it."
    )
    with pytest.raises(ConflictError, match="used by finished good 'Holiday tin'"):
        delete_recipe(db, ex.recipes["sugar-cookies"])


def test_an_unused_recipe_is_deleted_with_its_lines(db: Database, ex: WorkedExample) -> None:
    made = create_recipe(db, RecipeInput("Glaze", lines=_icing_input(ex).lines))
    delete_recipe(db, made.id)
    with pytest.raises(NotFoundError):
        get_recipe(db, made.id)


def test_archived_recipes_leave_the_list_but_keep_their_place(
    db: Database, ex: WorkedExample
) -> None:
    archive_recipe(db, ex.recipes["royal-icing"])
    assert "Royal icing" not in {r.name for r in list_recipes(db)}
    assert get_recipe(db, ex.recipes["gingerbread"]).components[0].recipe_name == "Royal icing"
    assert [r.name for r in list_recipes(db, category="Cookies", include_archived=True)] == [
        "Gingerbread", "Royal icing", "Sugar cookies",
    ]  # fmt: skip
    assert recipe_categories(db) == ["Cookies"]


def test_recipe_yields_list_each_recipe_with_what_a_batch_makes_by_name(
    db: Database, ex: WorkedExample
) -> None:
    add_finished_unit(db, ex.recipes["sugar-cookies"], FinishedUnitInput("Cookie tray", Decimal(1)))
    archive_recipe(db, ex.recipes["royal-icing"])

    listed = list_recipe_yields(db)
    with_archived = list_recipe_yields(db, include_archived=True)

    assert [(r.summary.name, r.yields) for r in listed] == [
        ("Gingerbread", (BatchYield("Gingerbread man", Decimal(24)),)),
        ("Sugar cookies", (BatchYield("Cookie tray", Decimal(1)),
                           BatchYield("Sugar cookie", Decimal(36)))),
    ]  # fmt: skip
    icing = with_archived[1]
    assert (icing.summary.name, icing.summary.is_archived, icing.yields) == (
        "Royal icing", True, (),
    )  # fmt: skip


def test_saving_can_archive_or_restore_a_recipe_or_leave_it_as_it_is(
    db: Database, ex: WorkedExample
) -> None:
    icing = get_recipe(db, ex.recipes["royal-icing"])
    data = _icing_input(ex)
    archived = update_recipe(db, icing.id, replace(data, is_archived=True))
    assert archived.summary.is_archived
    assert update_recipe(db, icing.id, data).summary.is_archived  # None leaves it archived
    assert not update_recipe(db, icing.id, replace(data, is_archived=False)).summary.is_archived
    costs = {c.name: c for c in all_recipe_costs(db, include_archived=True)}
    assert not costs["Royal icing"].is_archived


def test_save_as_variant_copies_everything_and_links_the_base(
    db: Database, ex: WorkedExample
) -> None:
    base = get_recipe(db, ex.recipes["gingerbread"])
    variant = duplicate_recipe(db, base.id, "Spicy")
    assert variant.name == "Gingerbread (Spicy)"
    assert (variant.summary.base_recipe_id, variant.summary.variant_name) == (base.id, "Spicy")
    assert variant.lines == base.lines and variant.components == base.components
    assert [(u.name, u.yield_per_batch) for u in variant.finished_units] == [
        ("Gingerbread man", Decimal(24))
    ]
    assert variant.finished_units[0].id != base.finished_units[0].id
    with pytest.raises(ConflictError, match="already a recipe called 'Gingerbread \\(Spicy\\)'"):
        duplicate_recipe(db, base.id, "Spicy")


def test_yields_are_saved_with_the_recipe_in_one_go(db: Database, ex: WorkedExample) -> None:
    cookies = get_recipe(db, ex.recipes["sugar-cookies"])
    [cookie] = cookies.finished_units
    data = RecipeInput(
        "Sugar cookies", "Cookies",
        lines=tuple(LineInput(li.ingredient_id, li.quantity, li.unit) for li in cookies.lines),
        finished_units=(
            (cookie.id, FinishedUnitInput("Sugar cookie", Decimal(30))),
            (None, FinishedUnitInput("Cookie tray", Decimal(1), "tray")),
        ),
    )  # fmt: skip

    saved = update_recipe(db, cookies.id, data)

    assert sorted((u.name, u.yield_per_batch) for u in saved.finished_units) == [
        ("Cookie tray", Decimal(1)), ("Sugar cookie", Decimal(30)),
    ]  # fmt: skip
    assert next(u for u in saved.finished_units if u.name == "Sugar cookie").id == cookie.id


def test_a_yield_still_in_use_is_not_removed_and_nothing_is_saved(
    db: Database, ex: WorkedExample
) -> None:
    cookies = get_recipe(db, ex.recipes["sugar-cookies"])
    data = RecipeInput(
        "Sugar cookies (renamed)", "Cookies",
        lines=tuple(LineInput(li.ingredient_id, li.quantity, li.unit) for li in cookies.lines),
        finished_units=((None, FinishedUnitInput("Cookie tray", Decimal(1))),),
    )  # fmt: skip

    with pytest.raises(ConflictError, match=r"'Sugar cookie'.*Holiday tin"):
        update_recipe(db, cookies.id, data)

    after = get_recipe(db, cookies.id)
    assert after.name == "Sugar cookies"
    assert [u.name for u in after.finished_units] == ["Sugar cookie"]
