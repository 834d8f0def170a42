"""Where files go: the override, and exports kept out of Keeper's own data folder."""

from __future__ import annotations

from pathlib import Path

from keeper.store import paths


def test_override_and_private_dirs(data_dir: Path) -> None:
    assert paths.data_dir() == data_dir
    assert paths.backup_dir() == data_dir / "backups"
    assert (data_dir.stat().st_mode & 0o077) == 0


def test_exports_default_beside_a_user_file_but_not_in_the_data_dir(tmp_path: Path) -> None:
    user_file = tmp_path / "team" / "offsite.keeper"
    user_file.parent.mkdir()
    assert paths.default_export_folder(user_file) == user_file.parent
    demo = paths.demo_file()
    assert paths.default_export_folder(demo) == paths.export_dir()
    assert paths.export_dir() != paths.data_dir()


def test_recent_list_is_owner_only(tmp_path: Path) -> None:
    import stat

    from keeper.store import paths
    from keeper.store.recent import remember

    target = paths.recent_files_path()
    target.write_text("[]", "utf-8")
    target.chmod(0o644)  # as an older Keeper left it
    remember(tmp_path / "team.keeper")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
