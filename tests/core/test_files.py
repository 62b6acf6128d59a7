from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from trainer.core.files import atomic_writer, write_text_atomic


def test_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "board.csv"
    write_text_atomic(target, "old\n")
    write_text_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in target.parent.iterdir()] == ["board.csv"]


def test_a_failure_mid_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "pack.jsonl"
    target.write_text("saved\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write("half a line")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "saved\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.jsonl"]


def test_unencodable_text_fails_without_touching_the_target(tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    target.write_text("kept", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(target, "café", encoding="ascii")
    assert target.read_text(encoding="utf-8") == "kept"


def test_a_new_file_gets_the_usual_permissions_not_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "board.csv", "a,b\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "board.csv").stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o600)
    write_text_atomic(target, '{"voice": "off"}')
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == '{"voice": "off"}'
