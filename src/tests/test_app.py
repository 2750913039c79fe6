import os
import subprocess
import sys
from pathlib import Path

import pytest

from src.app import parse_args
from src.services.database import PROJECT_ROOT, open_database
from src.tests import factories

ROOT = Path(__file__).resolve().parents[2]


def test_the_database_can_be_chosen_on_the_command_line() -> None:
    assert parse_args(["--db", "~/baking/2026.db"]).db == "~/baking/2026.db"
    assert parse_args([]).db is None


def test_help_names_the_environment_variable() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "src.app", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "BAKE_TRACKER_DB" in result.stdout


_RUN_BRIEFLY = """
import sys, customtkinter
run = customtkinter.CTk.mainloop
def briefly(self, *args):
    self.after(1500, self.destroy)
    run(self, *args)
customtkinter.CTk.mainloop = briefly
from src.app import main
sys.exit(main(["--db", sys.argv[1]]))
"""


@pytest.mark.gui
def test_starting_the_app_makes_the_daily_backup_in_the_background(tmp_path: Path) -> None:
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs a display (Xvfb)")
    database = open_database(tmp_path / "bake.db")
    with database.transaction() as s:
        factories.ingredient(s, name="Flour")
    database.dispose()
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    subprocess.run(
        [sys.executable, "-c", _RUN_BRIEFLY, str(tmp_path / "bake.db")],
        env=env, cwd=PROJECT_ROOT, check=True, timeout=120, capture_output=True,
    )  # fmt: skip
    backups = list((tmp_path / "backups").glob("bake-*-daily.db"))
    assert len(backups) == 1
