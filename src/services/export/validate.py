"""Check a whole document before anything is written: every problem, named for the baker.

The result is the rows as Python values, with references still given as the referenced
row's uuid (ids are assigned when the rows are inserted).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Column

from src.services.errors import ValidationError
from src.services.export.registry import BY_NAME, TABLES, TableSpec
from src.services.export.values import BadValue, from_json
from src.services.recipe_graph import first_cycle

Rows = dict[str, list[dict[str, Any]]]
MAX_SHOWN = 25


class ImportRejected(ValidationError):
    """The file cannot be imported; `problems` lists each one (record, field, what is wrong)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(f"- {p}" for p in problems[:MAX_SHOWN])
        more = len(problems) - MAX_SHOWN
        tail = f"\n- ... and {more} more" if more > 0 else ""
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        super().__init__(
            f"The file cannot be imported ({count}); nothing was changed:\n{shown}{tail}"
        )


def record_name(spec: TableSpec, row: Any, index: int) -> str:
    """How a baker finds the record: its slug, else its uuid, else its position."""
    identity = row.get(spec.identity) if isinstance(row, dict) else None
    if not isinstance(identity, str):
        identity = row.get("uuid") if isinstance(row, dict) else None
    shown = f'"{identity}"' if isinstance(identity, str) else f"number {index + 1}"
    return f"{spec.label} {shown} (table {spec.name})"


def problem(spec: TableSpec, row: Any, index: int, field: str, text: str) -> str:
    return f'{record_name(spec, row, index)}, field "{field}": {text}'


def prepare_rows(document: dict[str, Any]) -> Rows:
    """The document's rows ready to insert; raises ImportRejected listing every problem."""
    tables = document["tables"]
    problems = [f'Unknown table "{name}" in the file.' for name in tables if name not in BY_NAME]
    raw = {spec.name: _row_list(tables.get(spec.name, []), spec, problems) for spec in TABLES}
    uuids = {name: {r.get("uuid") for r in rows} for name, rows in raw.items()}
    rows = {
        spec.name: [
            _prepare_row(spec, index, row, uuids, problems)
            for index, row in enumerate(raw[spec.name])
        ]
        for spec in TABLES
    }
    if not problems:
        for check in (_unique_problems, _composite_problems, _cycle_problems):
            problems.extend(check(rows))
    if problems:
        raise ImportRejected(problems)
    return rows


def _row_list(value: Any, spec: TableSpec, problems: list[str]) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        problems.append(f'Table "{spec.name}" must be a list of records.')
        return []
    good = [row for row in value if isinstance(row, dict)]
    if len(good) != len(value):
        problems.append(f'Table "{spec.name}" holds something that is not a record.')
    return good


def _prepare_row(
    spec: TableSpec,
    index: int,
    row: dict[str, Any],
    uuids: dict[str, set[Any]],
    problems: list[str],
) -> dict[str, Any]:
    names = {c.name for c in spec.columns}
    problems.extend(
        problem(spec, row, index, key, "is not a field of this table")
        for key in row
        if key not in names
    )
    prepared: dict[str, Any] = {}
    for column in spec.columns:
        try:
            prepared[column.name] = _value(spec, column, row, uuids)
        except BadValue as error:
            problems.append(problem(spec, row, index, column.name, str(error)))
    return prepared


def _value(
    spec: TableSpec, column: Column[Any], row: dict[str, Any], uuids: dict[str, set[Any]]
) -> Any:
    if column.name not in row and column.name != "uuid":
        return _default(column)
    value = row.get(column.name)
    if value is None:
        if not column.nullable:
            raise BadValue("is required")
        return None
    target = spec.references.get(column.name)
    if target is None:
        return from_json(column, value)
    if not isinstance(value, str) or value not in uuids[target]:
        raise BadValue(
            f'refers to {BY_NAME[target].label.lower()} "{value}", which is not in the file'
        )
    return value


def _default(column: Column[Any]) -> Any:
    default = column.default
    if default is not None and getattr(default, "is_callable", False):
        return default.arg(None)  # type: ignore[attr-defined]
    if default is not None and getattr(default, "is_scalar", False):
        return default.arg  # type: ignore[attr-defined]
    if column.nullable:
        return None
    raise BadValue("is missing")


def _unique_problems(rows: Rows) -> Iterator[str]:
    for spec in TABLES:
        for names in spec.unique_sets:
            seen: dict[tuple[Any, ...], int] = {}
            for index, row in enumerate(rows[spec.name]):
                key = tuple(row[name] for name in names)
                if None in key:
                    continue
                if key in seen:
                    other = record_name(spec, rows[spec.name][seen[key]], seen[key])
                    text = f"the same value is already used by {other}"
                    yield problem(spec, row, index, ", ".join(names), text)
                else:
                    seen[key] = index


def _composite_problems(rows: Rows) -> Iterator[str]:
    for spec in TABLES:
        for ref in spec.composite_references:
            targets = {row["uuid"]: row for row in rows[ref.target_table]}
            for index, row in enumerate(rows[spec.name]):
                target = targets.get(row[ref.anchor])
                for local, remote in ref.others:
                    if target is not None and row[local] != target[remote]:
                        text = f'does not match the {ref.anchor} record\'s "{remote}"'
                        yield problem(spec, row, index, local, text)


def _cycle_problems(rows: Rows) -> Iterator[str]:
    for target, spec, parent, child in _hierarchies():
        names = {row["uuid"]: row.get(BY_NAME[target].identity) for row in rows[target]}
        edges: dict[tuple[str, str], int] = {}
        for index, row in enumerate(rows[spec.name]):
            if row[child] is not None:
                edges[(row["uuid"] if parent == "uuid" else row[parent], row[child])] = index
        cycle = first_cycle(edges)
        if cycle:
            index = edges[(cycle[-2], cycle[-1])]
            path = " → ".join(f'"{names[node]}"' for node in cycle)
            yield problem(spec, rows[spec.name][index], index, child, f"makes a cycle: {path}")


def _hierarchies() -> Iterator[tuple[str, TableSpec, str, str]]:
    """Links that nest a table's rows: self references, and link tables with two columns
    pointing at the same table (a recipe's components, a finished good's components)."""
    for spec in TABLES:
        for column in spec.self_references:
            yield spec.name, spec, "uuid", column
        by_target: dict[str, list[str]] = defaultdict(list)
        for column, target in spec.references.items():
            by_target[target].append(column)
        for target, columns in by_target.items():
            if len(columns) == 2 and target != spec.name:
                yield target, spec, columns[0], columns[1]
