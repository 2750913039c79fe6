"""v4 suppliers, ingredient hierarchy, packaging materials and products → our catalog."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from src.models import Ingredient, IngredientKind, Product, Supplier, SupplierKind
from src.services.bake_tracker_v4.source import (
    Notes,
    Record,
    decimal_or_none,
    records,
    slugify,
    to_unit,
)

# v4 keeps categories at levels 0 and 1 of the hierarchy; level 2 holds the ingredients.
LEAF_LEVEL = 2
ProductKey = tuple[Any, ...]


def product_key(
    ingredient_slug: Any, brand: Any, name: Any, quantity: Any, unit: Any
) -> ProductKey:
    """How v4 inventory rows name their product (v4 products carry no id)."""
    return (ingredient_slug, brand or None, name or None, quantity, unit)


def import_suppliers(session: Session, data: Record, notes: Notes) -> dict[Any, Supplier]:
    """Our suppliers by v4 supplier id."""
    found: dict[Any, Supplier] = {}
    for item in records(data, "suppliers"):
        kind = item.get("supplier_type") or "physical"
        if kind not in {k.value for k in SupplierKind}:
            notes.warnings.append(f'Supplier "{item.get("name")}": type "{kind}" read as physical.')
            kind = "physical"
        supplier = Supplier(
            slug=slugify(str(item.get("slug") or item.get("name") or "supplier")),
            name=str(item.get("name") or "Unnamed supplier"),
            kind=SupplierKind(kind),
            city=item.get("city"),
            state=item.get("state"),
            notes=_joined(item.get("notes"), _address(item)),
            is_active=bool(item.get("is_active", True)),
        )
        _keep_uuid(supplier, item)
        session.add(supplier)
        found[item.get("id")] = supplier
    return found


def _address(item: Record) -> str | None:
    parts = [str(item[k]) for k in ("street_address", "zip_code") if item.get(k)]
    return f"Address: {', '.join(parts)}" if parts else None


def _joined(*parts: Any) -> str | None:
    text = "\n".join(str(p) for p in parts if p)
    return text or None


def import_ingredients(session: Session, data: Record, notes: Notes) -> dict[str, Ingredient]:
    """Leaf ingredients by v4 slug; the levels above them become the category path."""
    items = records(data, "ingredients")
    by_slug = {item.get("slug"): item for item in items}
    found: dict[str, Ingredient] = {}
    for item in items:
        if item.get("hierarchy_level") != LEAF_LEVEL:
            continue
        ingredient = Ingredient(
            slug=slugify(str(item["slug"])),
            name=str(item.get("display_name") or item["slug"]),
            category=_category_path(item, by_slug) or "Uncategorized",
            kind=IngredientKind.PACKAGING if item.get("is_packaging") else IngredientKind.FOOD,
            notes=_description(item),
        )
        _set_density(ingredient, item, notes)
        session.add(ingredient)
        found[str(item["slug"])] = ingredient
    return found


def _description(item: Record) -> str | None:
    text = item.get("description")
    return text if text and text != item.get("display_name") else None


def _category_path(item: Record, by_slug: dict[Any, Record]) -> str:
    names: list[str] = []
    seen = {item.get("slug")}
    parent = by_slug.get(item.get("parent_slug"))
    while parent is not None and parent.get("slug") not in seen:
        seen.add(parent.get("slug"))
        names.insert(0, str(parent.get("display_name") or parent.get("slug")))
        parent = by_slug.get(parent.get("parent_slug"))
    return " > ".join(names)


def _set_density(ingredient: Ingredient, item: Record, notes: Notes) -> None:
    volume, weight = item.get("density_volume_value"), item.get("density_weight_value")
    if volume is None and weight is None:
        return
    volume_unit = to_unit(item.get("density_volume_unit"))
    weight_unit = to_unit(item.get("density_weight_unit"))
    if not (isinstance(volume, Decimal | int) and isinstance(weight, Decimal | int)) or not (
        volume_unit and weight_unit and volume > 0 and weight > 0
    ):
        notes.warnings.append(f'Ingredient "{ingredient.name}": density left out (incomplete).')
        return
    ingredient.density_volume_quantity = Decimal(volume)
    ingredient.density_volume_unit = volume_unit
    ingredient.density_weight_quantity = Decimal(weight)
    ingredient.density_weight_unit = weight_unit


def import_materials(
    session: Session, data: Record, taken: set[str], notes: Notes
) -> dict[str, Ingredient]:
    """Packaging materials become packaging ingredients (by display name)."""
    found: dict[str, Ingredient] = {}
    for item in records(data, "materials"):
        slug = slugify(str(item.get("slug") or item.get("display_name") or "material"))
        name = str(item.get("display_name") or slug)
        if slug in taken:
            notes.skip("packaging material", name, f'the slug "{slug}" is already an ingredient')
            continue
        taken.add(slug)
        ingredient = Ingredient(
            slug=slug,
            name=name,
            category=str(item.get("category") or "Packaging"),
            kind=IngredientKind.PACKAGING,
            notes=_description(item),
        )
        session.add(ingredient)
        found[name] = ingredient
    for item in records(data, "material_products"):
        notes.skip(
            "packaging product",
            item.get("display_name"),
            "v4 gives no package size for it; add it as a product by hand",
        )
    return found


def import_products(
    session: Session,
    data: Record,
    ingredients: dict[str, Ingredient],
    suppliers: dict[Any, Supplier],
    notes: Notes,
) -> dict[ProductKey, Product]:
    found: dict[ProductKey, Product] = {}
    preferred: set[str] = set()
    for item in records(data, "products"):
        product = _product(item, ingredients, suppliers, notes)
        if product is None:
            continue
        if product.is_preferred and item["ingredient_slug"] in preferred:
            notes.warnings.append(f'"{product.name}": another product is already preferred.')
            product.is_preferred = False
        if product.is_preferred:
            preferred.add(item["ingredient_slug"])
        session.add(product)
        key = product_key(
            item.get("ingredient_slug"),
            item.get("brand"),
            item.get("product_name"),
            item.get("package_unit_quantity"),
            item.get("package_unit"),
        )
        found[key] = product
    return found


def _product(
    item: Record, ingredients: dict[str, Ingredient], suppliers: dict[Any, Supplier], notes: Notes
) -> Product | None:
    ingredient = ingredients.get(str(item.get("ingredient_slug")))
    unit = to_unit(item.get("package_unit"))
    quantity = decimal_or_none(item.get("package_unit_quantity"))
    if ingredient is None or unit is None or quantity is None or quantity <= 0:
        label = " ".join(str(p) for p in (item.get("brand"), item.get("product_name")) if p)
        reason = (
            "its ingredient is not a leaf ingredient of the file"
            if ingredient is None
            else f'package unit "{item.get("package_unit")}" has no equivalent'
            if unit is None
            else "its package quantity is not a positive number"
        )
        notes.skip("product", label or item.get("ingredient_slug"), reason)
        return None
    product = Product(
        ingredient=ingredient,
        brand=item.get("brand"),
        name=str(item.get("product_name") or ingredient.name),
        package_quantity=quantity,
        package_unit=unit,
        package_type=item.get("package_type"),
        upc=item.get("upc_code") or item.get("gtin"),
        is_preferred=bool(item.get("preferred")),
        is_archived=bool(item.get("is_hidden")),
        supplier=suppliers.get(item.get("preferred_supplier_id")),
    )
    _keep_uuid(product, item)
    return product


def _keep_uuid(row: Product | Supplier, item: Record) -> None:
    """Keep v4's identity when it has one, so a price list can name the row by it."""
    if isinstance(item.get("uuid"), str) and len(item["uuid"]) == 36:
        row.uuid = item["uuid"]
