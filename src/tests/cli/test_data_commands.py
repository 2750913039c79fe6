"""The command-line tool, run in-process on temporary databases."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import update

from src.cli import COMMANDS, main
from src.models import SCHEMA_VERSION, SchemaInfo
from src.services.database import PROJECT_ROOT, open_database
from src.tests.models.world import build_world

SAMPLE = PROJECT_ROOT.parent / "shared" / "data" / "bake_tracker_v4_sample.json"


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "bake.db"
    db = open_database(path)
    with db.transaction() as s:
        build_world(s)
    db.dispose()
    return path


@pytest.fixture
def newer_file(tmp_path: Path) -> Path:
    path = tmp_path / "newer.db"
    db = open_database(path)
    with db.transaction() as s:
        s.execute(update(SchemaInfo).values(schema_version=SCHEMA_VERSION + 1))
    db.dispose()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", [name for name, *_ in COMMANDS])
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    summary = next(summary for n, summary, *_ in COMMANDS if n == name)
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    assert summary.split("(")[0].strip() in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("name", ["init", "export", "backups", "check", "events", "backup", "demo"])
def test_a_user_error_prints_error_and_exits_1(
    name: str, newer_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = [str(tmp_path / "out.json")] if name == "export" else []
    code, _, err = run(capsys, "--db", str(newer_file), name, *extra)
    assert code == 1
    assert err.startswith("error: ") and "newer Bake Tracker" in err


def test_init_creates_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "new.db"), "init")
    assert code == 0 and "Database ready" in out and (tmp_path / "new.db").exists()


def test_export_then_import_into_a_new_database(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "all.json"
    assert run(capsys, "--db", str(db_file), "export", str(out_file))[0] == 0
    code, out, _ = run(capsys, "--db", str(tmp_path / "copy.db"), "import", str(out_file))
    assert code == 0 and "Imported" in out


def test_import_into_data_without_replace_is_an_error(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "all.json"
    run(capsys, "--db", str(db_file), "export", str(out_file))
    code, _, err = run(capsys, "--db", str(db_file), "import", str(out_file))
    assert code == 1 and "--replace" not in err and "already holds data" in err
    code, out, _ = run(capsys, "--db", str(db_file), "import", str(out_file), "--replace")
    assert code == 0 and "backed up" in out


def test_import_of_a_bad_file_is_an_error(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    code, _, err = run(capsys, "--db", str(db_file), "import", str(bad), "--replace")
    assert code == 1 and "not valid JSON" in err


def test_upgrade_keeps_the_rows(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(db_file), "upgrade")
    assert code == 0 and f"to {SCHEMA_VERSION}" in out and "rows kept" in out


def test_upgrade_of_a_server_database_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "postgresql+pg8000://u@localhost/x", "upgrade")
    assert code == 1 and "Only a SQLite" in err


@pytest.mark.skipif(not SAMPLE.exists(), reason="v4 sample not available")
def test_import_bake_tracker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "v4.db"), "import-bake-tracker", str(SAMPLE))
    assert code == 0 and "337 ingredients" in " ".join(out.split())


def test_import_bake_tracker_of_another_file_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"version": "3.0"}))
    code, _, err = run(capsys, "--db", str(tmp_path / "v4.db"), "import-bake-tracker", str(other))
    assert code == 1 and "not a bake-tracker v4.x export" in err


def test_backup_backups_and_restore(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", str(db_file), "backups")[1].strip() == "No backups yet."
    assert run(capsys, "--db", str(db_file), "backup")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_file), "backups")
    name = Path(out.split()[-1]).name
    assert code == 0 and "manual" in out
    code, out, _ = run(capsys, "--db", str(db_file), "restore", name)
    assert code == 0 and f"Restored {name}" in out


def test_restore_of_a_missing_backup_is_an_error(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(db_file), "restore", "nope.db")
    assert code == 1 and "no backup file" in err


def test_check_passes_and_then_finds_a_problem(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", str(db_file), "check")[:2] == (0, "No problems found.\n")
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE inventory_items SET remaining_quantity = '1'")
    code, out, _ = run(capsys, "--db", str(db_file), "check")
    assert code == 1 and "stock movements add up to 3" in out


def test_events_as_text_and_json(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(db_file), "events")
    assert code == 0 and "draft" in out and "bundled" in out
    code, out, _ = run(capsys, "--db", str(db_file), "events", "--json")
    [event] = json.loads(out)
    assert event["plan_state"] == "draft" and event["event_date"] == "2026-12-20"


def test_demo_loads_the_season_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "demo.db"), "demo")
    assert code == 0 and "Loaded the demo season 'Holiday season 2026'" in out
    code, out, _ = run(capsys, "--db", str(tmp_path / "demo.db"), "events")
    assert "thanksgiving-2026" in out and "in_production" in out
    code, _, err = run(capsys, "--db", str(tmp_path / "demo.db"), "demo")
    assert code == 1 and "only be loaded into an empty database" in err
