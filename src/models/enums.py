"""Every enumeration the domain stores. Values are the lowercase strings kept in the database."""

from __future__ import annotations

from enum import StrEnum


class Unit(StrEnum):
    GRAM = "g"
    KILOGRAM = "kg"
    OUNCE = "oz"
    POUND = "lb"
    MILLILITER = "ml"
    LITER = "l"
    TEASPOON = "tsp"
    TABLESPOON = "tbsp"
    FLUID_OUNCE = "fl oz"
    CUP = "cup"
    PINT = "pt"
    QUART = "qt"
    GALLON = "gal"
    EACH = "each"
    DOZEN = "dozen"


class IngredientKind(StrEnum):
    FOOD = "food"
    PACKAGING = "packaging"


class SupplierKind(StrEnum):
    PHYSICAL = "physical"
    ONLINE = "online"


class MovementKind(StrEnum):
    """Why a lot's remaining quantity changed."""

    PURCHASE = "purchase"
    OPENING_BALANCE = "opening_balance"
    PRODUCTION = "production"
    ASSEMBLY = "assembly"
    SPOILAGE = "spoilage"
    GIFT = "gift"
    CORRECTION = "correction"
    OTHER = "other"
    VOID = "void"


class OutputMode(StrEnum):
    BULK_COUNT = "bulk_count"
    BUNDLED = "bundled"


class PlanState(StrEnum):
    DRAFT = "draft"
    LOCKED = "locked"
    IN_PRODUCTION = "in_production"
    COMPLETED = "completed"


class PackageStatus(StrEnum):
    PENDING = "pending"
    ASSEMBLED = "assembled"
    DELIVERED = "delivered"


class AmendmentType(StrEnum):
    DROP_ITEM = "drop_item"
    ADD_ITEM = "add_item"
    CHANGE_BATCHES = "change_batches"


class ProductionStatus(StrEnum):
    COMPLETE = "complete"
    PARTIAL_LOSS = "partial_loss"
    TOTAL_LOSS = "total_loss"


class LossCategory(StrEnum):
    BURNT = "burnt"
    BROKEN = "broken"
    CONTAMINATED = "contaminated"
    DROPPED = "dropped"
    WRONG_INGREDIENTS = "wrong_ingredients"
    OTHER = "other"
