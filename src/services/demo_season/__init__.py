"""The demo season (data/demo_season.json): a real season to explore on first run.

It is built through the same services a baker uses (so its stock ledger, costs, plans and
production are genuinely computed) in a scratch database, then imported into the target in one
validated transaction: loading it is all or nothing.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from src.services.database import PROJECT_ROOT, Database, open_database
from src.services.demo_season.catalog import load_catalog
from src.services.demo_season.events import load_events
from src.services.errors import ConflictError, ValidationError
from src.services.export.importer import import_document, row_counts
from src.services.export.writer import export_document

DEMO_SEASON_FILE = PROJECT_ROOT / "data" / "demo_season.json"
FORMAT = "bake-tracker-demo-season"


@dataclass(frozen=True)
class DemoSummary:
    title: str
    counts: dict[str, int]  # rows per table

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def load_demo_season(db: Database, path: Path = DEMO_SEASON_FILE) -> DemoSummary:
    """Load the demo season into an empty database, all or nothing.

    Raises ConflictError when the database already has data, ValidationError for a file that
    is not a demo season, and any service error the season's steps meet.
    """
    spec = read_season(path)
    with db.transaction() as session:
        if any(row_counts(session).values()):
            raise ConflictError(
                "The demo season can only be loaded into an empty database, and this one "
                "already holds your data. Open a new database file to explore the demo."
            )
    with tempfile.TemporaryDirectory(prefix="bake-tracker-demo-") as folder:
        scratch = open_database(Path(folder) / "demo.db")
        try:
            names = load_catalog(scratch, spec)
            load_events(scratch, spec, names)
            with scratch.transaction() as session:
                document = export_document(session)
        finally:
            scratch.dispose()
    counts = import_document(db, document)
    return DemoSummary(str(spec.get("title", "Demo season")), counts)


def read_season(path: Path) -> dict[str, Any]:
    """The season description; ValidationError when it is missing or not a demo season."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as missing:
        raise ValidationError(f"The demo season file {path} is missing.") from missing
    except json.JSONDecodeError as broken:
        raise ValidationError(
            f"The demo season file {path} is not valid JSON: {broken}"
        ) from broken
    if not isinstance(spec, dict) or spec.get("format") != FORMAT:
        raise ValidationError(f"{path} is not a Bake Tracker demo season.")
    return spec
