"""Every kind of bad file is refused with the record and field named; nothing changes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from src.services.database import Database
from src.services.errors import ValidationError
from src.services.export.importer import import_file
from src.services.export.writer import dump_document
from src.tests.services.export.helpers import document_of, full_dump, world, write_json

Doc = dict[str, Any]


@pytest.fixture
def document(db: Database) -> Doc:
    world(db)
    doc: Doc = json.loads(dump_document(document_of(db)))
    return doc


def refused(db: Database, path: Path, *expected: str) -> str:
    before = full_dump(db)
    with pytest.raises(ValidationError) as caught:
        import_file(db, path, replace=True)
    assert full_dump(db) == before
    for text in expected:
        assert text in str(caught.value)
    return str(caught.value)


def test_truncated_json_is_refused(db: Database, document: Doc, tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text(dump_document(document)[:2000])
    refused(db, path, "not valid JSON", "line")


def test_a_file_from_a_newer_version_is_refused(
    db: Database, document: Doc, tmp_path: Path
) -> None:
    refused(db, write_json(tmp_path / "x.json", {**document, "schema_version": 99}), "newer")


def test_a_file_of_another_format_is_refused(db: Database, tmp_path: Path) -> None:
    refused(db, write_json(tmp_path / "x.json", {"format": "csv"}), "not a Bake Tracker export")


def _change(table: str, index: int, **values: Any) -> Callable[[Doc], None]:
    def apply(document: Doc) -> None:
        document["tables"][table][index].update(values)

    return apply


def _drop_name(document: Doc) -> None:
    del document["tables"]["recipes"][0]["name"]


def _second_flour(document: Doc) -> None:
    rows = document["tables"]["ingredients"]
    rows[1]["slug"] = rows[0]["slug"]


def _recipe_cycle(document: Doc) -> None:
    link = document["tables"]["recipe_components"][0]
    reverse = {
        **link,
        "uuid": "7d1f0a7e-0000-4000-8000-000000000001",
        "recipe_id": link["component_recipe_id"],
        "component_recipe_id": link["recipe_id"],
    }
    document["tables"]["recipe_components"].append(reverse)


def _good_cycle(document: Doc) -> None:
    goods = document["tables"]["finished_goods"]
    inner = {**goods[0], "uuid": "7d1f0a7e-0000-4000-8000-000000000002", "slug": "inner"}
    goods.append(inner)
    link = document["tables"]["finished_good_components"][0]
    rows = [
        {
            **link,
            "uuid": "7d1f0a7e-0000-4000-8000-000000000003",
            "finished_unit_id": None,
            "finished_good_id": goods[0]["uuid"],
            "component_good_id": inner["uuid"],
        },
        {
            **link,
            "uuid": "7d1f0a7e-0000-4000-8000-000000000004",
            "finished_unit_id": None,
            "finished_good_id": inner["uuid"],
            "component_good_id": goods[0]["uuid"],
        },
    ]
    document["tables"]["finished_good_components"].extend(rows)


CASES = {
    "wrong type": (
        _change("events", 0, expected_attendees="thirty"),
        "expected_attendees",
        "whole number",
    ),
    "wrong boolean": (_change("recipes", 0, is_archived="yes"), "is_archived", "true or false"),
    "bad decimal": (
        _change("products", 0, package_quantity="five"),
        "package_quantity",
        "must be a number",
    ),
    "bad date": (_change("purchases", 0, purchase_date="tomorrow"), "purchase_date", "a date"),
    "too long": (_change("recipes", 0, slug="x" * 121), "slug", "at most 120"),
    "unknown enum": (
        _change("ingredients", 1, kind="liquid"),
        '"liquid" is not one of',
        "food, packaging",
    ),
    "missing reference": (
        _change("products", 0, ingredient_id="no-such-uuid"),
        "ingredient_id",
        '"no-such-uuid", which is not in the file',
    ),
    "missing field": (_drop_name, "Recipe", 'field "name": is missing'),
    "null required": (_change("suppliers", 0, name=None), 'field "name": is required', ""),
    "unknown field": (_change("suppliers", 0, colour="red"), '"colour"', "not a field"),
    "duplicate slug": (_second_flour, 'field "slug"', "already used by Ingredient"),
    "negative quantity": (
        _change("inventory_items", 0, remaining_quantity="-1"),
        'field "remaining_quantity"',
        "must not be negative",
    ),
    "rule across fields": (
        _change("inventory_items", 0, remaining_quantity="99"),
        "remaining_quantity",
        "remaining within initial",
    ),
    "recipe cycle": (_recipe_cycle, "table recipe_components", "makes a cycle"),
    "finished good cycle": (_good_cycle, "table finished_good_components", "makes a cycle"),
    "required reference": (
        _change("batch_decisions", 0, recipe_id=None),
        "recipe_id",
        "is required",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_record_is_named_and_nothing_changes(
    case: str, db: Database, document: Doc, tmp_path: Path
) -> None:
    spoil, *expected = CASES[case]
    spoil(document)
    refused(db, write_json(tmp_path / "bad.json", document), *expected)


def test_a_message_names_table_record_and_field(
    db: Database, document: Doc, tmp_path: Path
) -> None:
    slug = document["tables"]["ingredients"][1]["slug"]
    _change("ingredients", 1, kind="liquid")(document)
    message = refused(db, write_json(tmp_path / "bad.json", document))
    assert f'Ingredient "{slug}" (table ingredients), field "kind"' in message


def test_a_record_without_slug_is_named_by_uuid(
    db: Database, document: Doc, tmp_path: Path
) -> None:
    lot = document["tables"]["inventory_items"][0]
    _change("inventory_items", 0, remaining_quantity="-1")(document)
    refused(db, write_json(tmp_path / "bad.json", document), f'Inventory item "{lot["uuid"]}"')


def test_the_cycle_is_spelled_out_by_slug(db: Database, document: Doc, tmp_path: Path) -> None:
    _recipe_cycle(document)
    slugs = [row["slug"] for row in document["tables"]["recipes"]]
    message = refused(db, write_json(tmp_path / "bad.json", document))
    assert all(f'"{slug}"' in message for slug in slugs)


def test_a_batch_decision_for_another_recipes_unit_is_refused(
    db: Database, document: Doc, tmp_path: Path
) -> None:
    other = next(r for r in document["tables"]["recipes"] if r["name"] == "Royal icing")
    _change("batch_decisions", 0, recipe_id=other["uuid"])(document)
    refused(db, write_json(tmp_path / "bad.json", document), "recipe_id", "does not match")


def test_every_problem_is_listed_not_only_the_first(
    db: Database, document: Doc, tmp_path: Path
) -> None:
    _change("events", 0, expected_attendees="thirty")(document)
    _change("ingredients", 0, kind="liquid")(document)
    message = refused(db, write_json(tmp_path / "bad.json", document), "2 problems")
    assert "expected_attendees" in message and "kind" in message
