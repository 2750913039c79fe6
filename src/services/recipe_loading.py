"""Loading the recipe graph's shapes (recipe_graph.py) from the database: recipes with
everything nested in them, and ingredients with their density and base unit, each in one
query whatever the number of rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    Select,
    Subquery,
    bindparam,
    case,
    func,
    null,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from src.models import Ingredient, Product, Recipe, RecipeComponent, RecipeIngredient, Unit
from src.services.plain_rows import UNIT_BY_VALUE, as_stored, each_plain_row
from src.services.recipe_graph import (
    IngredientInfo,
    Line,
    RecipeGraph,
    RecipeNode,
    line_ingredients,
)
from src.services.stacked_rows import kind, none_like
from src.services.units import Density, Dimension, base_unit_in, dimension, units_of


def ingredient_density(ingredient: Ingredient) -> Density | None:
    return density_of(
        ingredient.density_volume_quantity,
        ingredient.density_volume_unit,
        ingredient.density_weight_quantity,
        ingredient.density_weight_unit,
    )


def density_of(
    volume: Decimal | None,
    volume_unit: Unit | None,
    weight: Decimal | None,
    weight_unit: Unit | None,
) -> Density | None:
    """The Density of an ingredient's four density columns (all set or all empty)."""
    if volume is None:
        return None
    assert volume_unit is not None and weight is not None and weight_unit is not None
    return Density(volume, volume_unit, weight, weight_unit)


def load_ingredient_infos(
    session: Session, ingredient_ids: Iterable[int]
) -> dict[int, IngredientInfo]:
    """IngredientInfo (with base unit) for the ids, in one query whatever their number."""
    ids = set(ingredient_ids)
    if not ids:
        return {}
    dimensions = dimensions_used(ids)
    rows = session.execute(
        select(*info_columns(dimensions))
        .outerjoin(dimensions, dimensions.c.ingredient_id == Ingredient.id)
        .where(Ingredient.id.in_(ids))
    )
    return {row[0]: ingredient_info(row) for row in rows}


def info_columns(dimensions: Subquery) -> tuple[Any, ...]:
    """The columns ingredient_info reads: an ingredient's own and dimensions_used's."""
    return (
        Ingredient.id, Ingredient.slug, Ingredient.name, Ingredient.category,
        *map(as_stored, (Ingredient.density_volume_quantity, Ingredient.density_volume_unit,
                         Ingredient.density_weight_quantity, Ingredient.density_weight_unit)),
        dimensions.c.dimensions,
    )  # fmt: skip


def ingredient_info(row: Sequence[Any], also_used: Iterable[str] = ()) -> IngredientInfo:
    """The IngredientInfo of a row of info_columns (and units used besides those, such as
    the products' units when dimensions_used left them out), units and quantities as
    stored."""
    ingredient_id, slug, name, category, volume, volume_unit, weight, weight_unit, used = row[:9]
    info = (
        None
        if volume is None
        else density_of(
            Decimal(volume), UNIT_BY_VALUE[volume_unit], Decimal(weight), UNIT_BY_VALUE[weight_unit]
        )
    )
    dimensions = {d for d, bit in _DIMENSION_BITS.items() if used and used & bit}
    dimensions.update(dimension(UNIT_BY_VALUE[unit]) for unit in also_used)
    return IngredientInfo(ingredient_id, slug, name, category, info, base_unit_in(info, dimensions))


# dimensions_used's bit for each dimension.
_DIMENSION_BITS = {Dimension.WEIGHT: 1, Dimension.VOLUME: 2, Dimension.COUNT: 4}


def dimensions_used(
    ingredient_ids: set[int] | BindParameter[Any], *, products: bool = True
) -> Subquery:
    """Per ingredient, the dimensions (weight, volume, count) its recipe lines and products
    use, as the sum of their _DIMENSION_BITS: all base_unit_in needs of units_used, in one
    joinable column (the ingredients' ids given, or a parameter of the enclosing query's).

    `products=False` leaves the products' units out, for a query that reads every product of
    the ingredients anyway and passes their units to ingredient_info (less SQL)."""
    line_units = select(RecipeIngredient.ingredient_id, RecipeIngredient.unit.label("unit")).where(
        RecipeIngredient.ingredient_id.in_(ingredient_ids)
    )
    product_units = select(Product.ingredient_id, Product.package_unit).where(
        Product.ingredient_id.in_(ingredient_ids)
    )
    used = (union_all(line_units, product_units) if products else line_units).subquery("units_used")
    bit = case(
        *((used.c.unit.in_(units_of(d)), bit) for d, bit in _DIMENSION_BITS.items()), else_=0
    )
    return (
        select(used.c.ingredient_id, func.sum(bit.distinct()).label("dimensions"))
        .group_by(used.c.ingredient_id)
        .subquery("dimensions_used")
    )


def units_used(session: Session, ingredient_ids: Iterable[int]) -> dict[int, set[Unit]]:
    """The units each ingredient's recipe lines and products use (one query)."""
    ids = set(ingredient_ids)
    lines = select(RecipeIngredient.ingredient_id, RecipeIngredient.unit).where(
        RecipeIngredient.ingredient_id.in_(ids)
    )
    products = select(Product.ingredient_id, Product.package_unit).where(
        Product.ingredient_id.in_(ids)
    )
    used: dict[int, set[Unit]] = defaultdict(set)
    for ingredient_id, unit in session.execute(union(lines, products)):
        used[ingredient_id].add(Unit(unit))
    return used


def load_recipe_graph(
    session: Session, recipe_ids: Iterable[int], also_ingredients: Iterable[int] = ()
) -> RecipeGraph:
    """The recipes, everything nested in them, and their ingredients (plus `also_ingredients`,
    e.g. packaging, so that one graph describes every ingredient a plan uses).

    Queries: two (load_recipe_nodes and load_ingredient_infos), whatever the number of rows.
    """
    nodes = load_recipe_nodes(session, recipe_ids)
    return RecipeGraph(
        nodes, load_ingredient_infos(session, line_ingredients(nodes) | set(also_ingredients))
    )


def load_recipe_nodes(session: Session, recipe_ids: Iterable[int]) -> dict[int, RecipeNode]:
    """The recipes and every recipe nested in them (however deep), with their lines and
    components, in one query: the three kinds of row stacked (see stacked_rows).
    """
    rows = each_plain_row(session, _recipe_rows(), {"recipe_ids": list(set(recipe_ids))})
    names: dict[int, tuple[str, str]] = {}
    lines_of: dict[int, list[Line]] = defaultdict(list)
    components_of: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    for recipe_id, what, item_id, amount, unit, slug, name in rows:
        if what == "line":
            lines_of[recipe_id].append(Line(item_id, Decimal(amount), UNIT_BY_VALUE[unit]))
        elif what == "component":
            components_of[recipe_id].append((item_id, Decimal(amount)))
        else:
            names[recipe_id] = (slug, name)
    return {
        rid: RecipeNode(rid, slug, name, tuple(lines_of[rid]), tuple(components_of[rid]))
        for rid, (slug, name) in names.items()
    }


@cache
def _recipe_rows() -> Select[*tuple[Any, ...]]:
    """load_recipe_nodes' statement, built once with its ids a parameter: building it each
    time, and checking each id of its IN, took ≈ 1.5 ms a read of 1,000 recipes."""
    tree = _recipe_tree()
    lines: Select[*tuple[Any, ...]] = select(
        RecipeIngredient.recipe_id, kind("line"),
        RecipeIngredient.ingredient_id.label("item_id"),
        as_stored(RecipeIngredient.quantity).label("amount"),
        as_stored(RecipeIngredient.unit).label("unit"), none_like(Recipe.slug).label("slug"),
        none_like(Recipe.name).label("name"),
        RecipeIngredient.position, RecipeIngredient.id,
    ).where(RecipeIngredient.recipe_id.in_(tree))  # fmt: skip
    components: Select[*tuple[Any, ...]] = select(
        RecipeComponent.recipe_id, kind("component"),
        RecipeComponent.component_recipe_id, RecipeComponent.batch_multiplier, null(), null(),
        null(), null(), RecipeComponent.id,
    ).where(RecipeComponent.recipe_id.in_(tree))  # fmt: skip
    recipes: Select[*tuple[Any, ...]] = select(
        Recipe.id, kind("recipe"), null(), null(), null(), Recipe.slug, Recipe.name,
        null(), Recipe.id,
    ).where(Recipe.id.in_(tree))  # fmt: skip
    stacked = union_all(lines, components, recipes).subquery("recipe_rows")
    # Ordered by position and id, which are not read back (two values fewer a row to fetch).
    read = [column for column in stacked.c if column.name not in ("position", "id")]
    return select(*read).order_by(stacked.c.position, stacked.c.id)


def _recipe_tree() -> Select[tuple[int]]:
    """The ids of the recipes (the parameter recipe_ids) and of every recipe nested in them,
    at any depth (a recursive query, as SQLite and PostgreSQL both run it; UNION stops at
    recipes already found)."""
    recipe_ids: BindParameter[int] = bindparam("recipe_ids", expanding=True)
    top = select(Recipe.id.label("id")).where(Recipe.id.in_(recipe_ids))
    tree = top.cte("recipe_tree", recursive=True)
    nested = select(RecipeComponent.component_recipe_id).join(
        tree, RecipeComponent.recipe_id == tree.c.id
    )
    tree = tree.union(nested)
    return select(tree.c.id)
