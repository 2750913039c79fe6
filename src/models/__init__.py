"""The typed SQLAlchemy model of the whole domain (no logic, no sessions)."""

from src.models.base import Base, utc_now
from src.models.catalog import Ingredient, Product, Supplier
from src.models.enums import (
    AmendmentType,
    IngredientKind,
    LossCategory,
    MovementKind,
    OutputMode,
    PackageStatus,
    PlanState,
    ProductionStatus,
    SupplierKind,
    Unit,
)
from src.models.event import (
    Event,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    PackageReservation,
)
from src.models.finished_good import (
    FinishedGood,
    FinishedGoodComponent,
    FinishedGoodPackaging,
    Package,
    PackageFinishedGood,
    PackagePackaging,
    Recipient,
)
from src.models.inventory import InventoryItem, Purchase, StockMovement, lot_has_stock
from src.models.meta import SCHEMA_VERSION, SchemaInfo
from src.models.planning import BatchDecision, PlanAmendment, PlanSnapshot, ProductionPlanSnapshot
from src.models.production import (
    AssemblyConsumption,
    AssemblyRun,
    ProductionLoss,
    ProductionRun,
    ProductionShortfall,
)
from src.models.recipe import FinishedUnit, Recipe, RecipeComponent, RecipeIngredient
from src.models.revision import InputRevision

__all__ = [
    "SCHEMA_VERSION",
    "AmendmentType",
    "AssemblyConsumption",
    "AssemblyRun",
    "Base",
    "BatchDecision",
    "Event",
    "EventFinishedGood",
    "EventRecipe",
    "EventRecipientPackage",
    "FinishedGood",
    "FinishedGoodComponent",
    "FinishedGoodPackaging",
    "FinishedUnit",
    "Ingredient",
    "IngredientKind",
    "InputRevision",
    "InventoryItem",
    "LossCategory",
    "MovementKind",
    "OutputMode",
    "Package",
    "PackageFinishedGood",
    "PackagePackaging",
    "PackageReservation",
    "PackageStatus",
    "PlanAmendment",
    "PlanSnapshot",
    "PlanState",
    "Product",
    "ProductionLoss",
    "ProductionPlanSnapshot",
    "ProductionRun",
    "ProductionShortfall",
    "ProductionStatus",
    "Purchase",
    "Recipe",
    "RecipeComponent",
    "RecipeIngredient",
    "Recipient",
    "SchemaInfo",
    "StockMovement",
    "Supplier",
    "SupplierKind",
    "Unit",
    "lot_has_stock",
    "utc_now",
]
