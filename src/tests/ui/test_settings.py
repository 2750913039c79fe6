from pathlib import Path

from src.services.database import Database
from src.ui.settings import UiSettings, fit_geometry, load_settings, save_settings, settings_path


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "data" / "settings.json"
    save_settings(path, UiSettings(geometry="1000x700+10+20", last_view="dashboard"))
    assert load_settings(path) == UiSettings("1000x700+10+20", "dashboard")


def test_missing_or_corrupt_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == UiSettings()
    broken = tmp_path / "settings.json"
    broken.write_text("{not json")
    assert load_settings(broken) == UiSettings()
    broken.write_text('["a list"]')
    assert load_settings(broken) == UiSettings()


def test_the_settings_file_lives_next_to_the_database(db: Database) -> None:
    assert db.path is not None
    assert settings_path(db) == db.path.parent / "settings.json"


def test_a_window_saved_on_a_bigger_screen_is_brought_back_into_view() -> None:
    assert fit_geometry("2400x1400+3000+-50", 1600, 1000) == "1600x1000+1480+0"
    assert fit_geometry("1000x700+10+20", 1600, 1000) == "1000x700+10+20"
    assert fit_geometry("garbage", 1600, 1000) is None
    assert fit_geometry(None, 1600, 1000) is None
