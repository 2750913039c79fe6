import subprocess
import sys
from pathlib import Path

from src.app import parse_args

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
