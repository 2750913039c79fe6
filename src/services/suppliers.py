"""Suppliers: the stores and online vendors products are bought from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from src.models import Product, Purchase, Supplier, SupplierKind
from src.services.database import Database
from src.services.lookup import get_or_fail
from src.services.records import clean_name, clean_text, ensure_unique_name, refuse_delete
from src.services.slugs import unique_slug

SUPPLIER_KINDS: tuple[SupplierKind, ...] = tuple(SupplierKind)  # for kind pickers


@dataclass(frozen=True)
class SupplierInput:
    name: str
    kind: SupplierKind = SupplierKind.PHYSICAL
    city: str | None = None
    state: str | None = None
    website: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class SupplierView:
    id: int
    slug: str
    name: str
    kind: SupplierKind
    city: str | None
    state: str | None
    website: str | None
    notes: str | None
    is_active: bool
    product_count: int
    purchase_count: int


def list_suppliers(
    db: Database, *, search: str | None = None, include_inactive: bool = False
) -> list[SupplierView]:
    """Suppliers by name, optionally matching `search` (three queries)."""
    query = select(Supplier).order_by(Supplier.name, Supplier.id)
    if search and search.strip():
        query = query.where(Supplier.name.icontains(search.strip(), autoescape=True))
    if not include_inactive:
        query = query.where(Supplier.is_active.is_(True))
    with db.transaction() as s:
        return _views(s, query)


def get_supplier(db: Database, supplier_id: int) -> SupplierView:
    """One supplier. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Supplier, supplier_id, "supplier")
        return _view(s, supplier_id)


def create_supplier(db: Database, data: SupplierInput) -> SupplierView:
    """Add a supplier. Raises ValidationError, ConflictError (name taken)."""
    with db.transaction() as s:
        name = clean_name(data.name, "supplier")
        ensure_unique_name(s, Supplier.name, name, "supplier")
        row = Supplier(slug=unique_slug(s, Supplier.slug, name), name=name)
        _fill(row, data, name)
        s.add(row)
        s.flush()
        return _view(s, row.id)


def update_supplier(db: Database, supplier_id: int, data: SupplierInput) -> SupplierView:
    """Edit a supplier. Raises NotFoundError, ValidationError, ConflictError."""
    with db.transaction() as s:
        row = get_or_fail(s, Supplier, supplier_id, "supplier")
        name = clean_name(data.name, "supplier")
        ensure_unique_name(s, Supplier.name, name, "supplier", exclude_id=row.id)
        _fill(row, data, name)
        s.flush()
        return _view(s, row.id)


def archive_supplier(db: Database, supplier_id: int, archived: bool = True) -> SupplierView:
    """Mark a supplier inactive (or active again); its purchases stay. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Supplier, supplier_id, "supplier").is_active = not archived
        s.flush()
        return _view(s, supplier_id)


def delete_supplier(db: Database, supplier_id: int) -> None:
    """Delete a supplier nothing was bought from (its products forget it).

    Raises NotFoundError; ConflictError when purchases name the supplier.
    """
    with db.transaction() as s:
        row = get_or_fail(s, Supplier, supplier_id, "supplier")
        purchases = s.scalar(select(func.count()).where(Purchase.supplier_id == supplier_id))
        refuse_delete(f"'{row.name}'", [f"{purchases} purchase(s)"] if purchases else [])
        s.delete(row)


def _fill(row: Supplier, data: SupplierInput, name: str) -> None:
    row.name = name
    row.kind = data.kind
    row.city = clean_text(data.city)
    row.state = clean_text(data.state)
    row.website = clean_text(data.website)
    row.notes = clean_text(data.notes)


def _view(s: Session, supplier_id: int) -> SupplierView:
    return _views(s, select(Supplier).where(Supplier.id == supplier_id))[0]


def _views(s: Session, query: Select[Supplier]) -> list[SupplierView]:
    rows = s.scalars(query).all()
    ids = [r.id for r in rows]
    products = Counter(s.scalars(select(Product.supplier_id).where(Product.supplier_id.in_(ids))))
    purchases = Counter(
        s.scalars(select(Purchase.supplier_id).where(Purchase.supplier_id.in_(ids)))
    )
    return [
        SupplierView(
            id=r.id,
            slug=r.slug,
            name=r.name,
            kind=r.kind,
            city=r.city,
            state=r.state,
            website=r.website,
            notes=r.notes,
            is_active=r.is_active,
            product_count=products[r.id],
            purchase_count=purchases[r.id],
        )
        for r in rows
    ]
