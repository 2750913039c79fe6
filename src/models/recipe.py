"""Recipes, their ingredient lines and nested components, and what a batch yields."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.models.base import Base, Identified, Timestamped, non_negative, not_blank, positive
from src.models.catalog import Ingredient
from src.models.enums import Unit
from src.models.types import enum_column


class Recipe(Identified, Timestamped, Base):
    __tablename__ = "recipes"
    __table_args__ = (not_blank("name"),)

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    category: Mapped[str] = mapped_column(String(100), default="Uncategorized")
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(300))
    is_archived: Mapped[bool] = mapped_column(default=False)
    is_production_ready: Mapped[bool] = mapped_column(default=False)
    base_recipe_id: Mapped[int | None] = mapped_column(
        ForeignKey("recipes.id", ondelete="SET NULL"), index=True
    )
    variant_name: Mapped[str | None] = mapped_column(String(100))

    ingredients: Mapped[list[RecipeIngredient]] = relationship(
        back_populates="recipe", cascade="all, delete-orphan", order_by="RecipeIngredient.position"
    )
    components: Mapped[list[RecipeComponent]] = relationship(
        back_populates="recipe",
        cascade="all, delete-orphan",
        foreign_keys="RecipeComponent.recipe_id",
    )
    finished_units: Mapped[list[FinishedUnit]] = relationship(
        back_populates="recipe", cascade="all, delete-orphan"
    )


class RecipeIngredient(Identified, Base):
    """One ingredient line: "3 cup all-purpose flour"."""

    __tablename__ = "recipe_ingredients"
    __table_args__ = (
        positive("quantity"),
        non_negative("position"),
        # An ingredient's lines with their units: the units an ingredient is used in (which
        # decide its base unit) are read from the index alone.
        Index("ix_recipe_ingredients_ingredient_unit", "ingredient_id", "unit"),
    )

    recipe_id: Mapped[int] = mapped_column(ForeignKey("recipes.id", ondelete="CASCADE"), index=True)
    ingredient_id: Mapped[int] = mapped_column(ForeignKey("ingredients.id", ondelete="RESTRICT"))
    quantity: Mapped[Decimal]
    unit: Mapped[Unit] = mapped_column(enum_column(Unit, "recipe_line_unit"))
    position: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str | None] = mapped_column(String(300))

    recipe: Mapped[Recipe] = relationship(back_populates="ingredients")
    ingredient: Mapped[Ingredient] = relationship()


class RecipeComponent(Identified, Base):
    """A nested recipe: "0.5 batch of royal icing" inside gingerbread."""

    __tablename__ = "recipe_components"
    __table_args__ = (
        positive("batch_multiplier"),
        UniqueConstraint("recipe_id", "component_recipe_id"),
        CheckConstraint("recipe_id <> component_recipe_id", name="not_self"),
    )

    recipe_id: Mapped[int] = mapped_column(ForeignKey("recipes.id", ondelete="CASCADE"), index=True)
    component_recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="RESTRICT"), index=True
    )
    batch_multiplier: Mapped[Decimal]
    notes: Mapped[str | None] = mapped_column(String(300))

    recipe: Mapped[Recipe] = relationship(back_populates="components", foreign_keys=[recipe_id])
    component_recipe: Mapped[Recipe] = relationship(foreign_keys=[component_recipe_id])


class FinishedUnit(Identified, Timestamped, Base):
    """What one batch yields ("Sugar cookie, 36 per batch"), with the count on hand."""

    __tablename__ = "finished_units"
    __table_args__ = (
        positive("yield_per_batch"),
        CheckConstraint("inventory_count >= 0", name="inventory_count_non_negative"),
        UniqueConstraint("id", "recipe_id"),
        not_blank("name"),
    )

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    recipe_id: Mapped[int] = mapped_column(ForeignKey("recipes.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    yield_per_batch: Mapped[Decimal]
    item_unit: Mapped[str] = mapped_column(String(50), default="each")
    inventory_count: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str | None] = mapped_column(Text)

    recipe: Mapped[Recipe] = relationship(back_populates="finished_units")
