"""Window size, position and last screen, remembered in a small JSON file next to the database."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from src.services.database import DEFAULT_DB_PATH, Database

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.json"
GEOMETRY = re.compile(r"^(\d+)x(\d+)\+(-?\d+)\+(-?\d+)$")
MIN_VISIBLE = 120  # pixels of the window that must stay on screen to be grabbable


@dataclass(frozen=True)
class UiSettings:
    geometry: str | None = None  # Tk geometry "WxH+X+Y"
    last_view: str | None = None


def settings_path(db: Database) -> Path:
    """settings.json beside the SQLite file; beside the default database for a server database."""
    folder = db.path.parent if db.path is not None else DEFAULT_DB_PATH.parent
    return folder / SETTINGS_FILE_NAME


def load_settings(path: Path) -> UiSettings:
    """The saved settings, or defaults when the file is missing or unreadable (never fatal)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return UiSettings()
    except (OSError, ValueError) as error:
        log.warning("Ignoring unreadable settings file %s: %s", path, error)
        return UiSettings()
    if not isinstance(data, dict):
        return UiSettings()
    return UiSettings(geometry=_text(data.get("geometry")), last_view=_text(data.get("last_view")))


def save_settings(path: Path, settings: UiSettings) -> None:
    """Write the settings atomically (a crash mid-write never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    temporary.replace(path)


def fit_geometry(geometry: str | None, screen_width: int, screen_height: int) -> str | None:
    """The saved geometry shrunk and moved so the window is visible on this screen."""
    match = GEOMETRY.match(geometry or "")
    if match is None:
        return None
    width, height, x, y = (int(part) for part in match.groups())
    width, height = min(width, screen_width), min(height, screen_height)
    x = min(max(x, 0), screen_width - MIN_VISIBLE)
    y = min(max(y, 0), screen_height - MIN_VISIBLE)
    return f"{width}x{height}+{x}+{y}"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
