import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import update

from src.app import parse_args
from src.garbage_collection import YOUNG_GENERATION_SIZE
from src.models import SCHEMA_VERSION, SchemaInfo
from src.services.database import DB_ENV_VAR, PROJECT_ROOT, open_database
from src.services.export.registry import TABLES
from src.tests import factories
from src.tests.services.export.helpers import schema_1_file

ROOT = Path(__file__).resolve().parents[2]


def test_the_database_can_be_chosen_on_the_command_line() -> None:
    assert parse_args(["--db", "~/baking/2026.db"]).db == "~/baking/2026.db"
    assert parse_args([]).db is None


def test_help_names_the_environment_variable() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "src.app", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert f"${DB_ENV_VAR}" in result.stdout


# Runs the real app for 1.5 s, then prints which windows are on screen and the collector's
# state (start-up pauses it) before closing. With an answer, after 0.5 s it prints the dialog
# on screen and presses that button of it.
_RUN_BRIEFLY = """
import gc, sys, tkinter, customtkinter
run = customtkinter.CTk.mainloop
def tops(root):
    return [root, *(w for w in root.winfo_children() if isinstance(w, tkinter.Toplevel))]
def report_and_close(root):
    print("shown:", [w.title() for w in tops(root) if w.winfo_viewable()])
    print("collector on:", gc.isenabled(), "start-up frozen:", gc.get_freeze_count() > 0,
          "young generation:", gc.get_threshold()[0])
    root.destroy()
def answer(root, button):
    asked = [w for w in tops(root) if w.winfo_viewable() and hasattr(w, button)]
    print("asked:", [w.title() for w in asked])
    for dialog in asked:
        getattr(dialog, button).invoke()
def briefly(self, *args):
    if sys.argv[2]:
        self.after(500, lambda: answer(self, sys.argv[2]))
    self.after(1500, lambda: self.winfo_exists() and report_and_close(self))
    run(self, *args)
customtkinter.CTk.mainloop = briefly
from src.app import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def _run_briefly(database: Path, answer: str = "") -> subprocess.CompletedProcess[str]:
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs a display (Xvfb)")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run(
        [sys.executable, "-c", _RUN_BRIEFLY, str(database), answer],
        env=env, cwd=PROJECT_ROOT, timeout=120, capture_output=True, text=True,
    )  # fmt: skip


def _stocked(path: Path) -> Path:
    database = open_database(path)
    with database.transaction() as s:
        factories.ingredient(s, name="Flour")
    database.dispose()
    return path


@pytest.mark.gui
def test_starting_the_app_makes_the_daily_backup_in_the_background(tmp_path: Path) -> None:
    started = _run_briefly(_stocked(tmp_path / "bake.db"))
    assert started.returncode == 0, started.stderr
    assert "shown: ['Bake Tracker — bake.db']" in started.stdout
    backups = list((tmp_path / "backups").glob("bake-*-daily.db"))
    assert len(backups) == 1


@pytest.mark.gui
def test_the_collector_runs_again_once_the_window_is_up(tmp_path: Path) -> None:
    started = _run_briefly(_stocked(tmp_path / "bake.db"))
    settled = f"collector on: True start-up frozen: True young generation: {YOUNG_GENERATION_SIZE}"
    assert settled in started.stdout


@pytest.mark.gui
def test_a_database_it_cannot_use_is_explained_in_a_dialog(tmp_path: Path) -> None:
    database = open_database(tmp_path / "newer.db")
    with database.transaction() as s:
        s.execute(update(SchemaInfo).values(schema_version=SCHEMA_VERSION + 1))
    database.dispose()
    started = _run_briefly(tmp_path / "newer.db")
    assert started.returncode == 1
    assert "error: This database was written by a newer Bake Tracker" in started.stderr
    assert 'shown: ["Can\'t open the database"]' in started.stdout


@pytest.mark.gui
def test_an_older_database_is_upgraded_when_the_baker_agrees(tmp_path: Path) -> None:
    old = schema_1_file(tmp_path / "bake.db")
    counts = _row_counts(old)

    started = _run_briefly(old, answer="confirm_button")

    assert started.returncode == 0, started.stderr
    assert "asked: ['Upgrade this database?']" in started.stdout
    assert "shown: ['Bake Tracker — bake.db']" in started.stdout
    upgraded = open_database(old)  # raises if the schema were still old
    upgraded.dispose()
    assert _row_counts(old) == counts
    assert [p.name for p in (tmp_path / "backups").glob("bake-*-upgrade.db")] != []


@pytest.mark.gui
def test_an_older_database_is_left_alone_when_the_baker_quits(tmp_path: Path) -> None:
    old = schema_1_file(tmp_path / "bake.db")
    before = old.read_bytes()

    started = _run_briefly(old, answer="cancel_button")

    assert started.returncode == 1
    assert "asked: ['Upgrade this database?']" in started.stdout
    assert old.read_bytes() == before


def _row_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return {spec.name: conn.execute(f"SELECT count(*) FROM {spec.name}").fetchone()[0]
                for spec in TABLES}  # fmt: skip
