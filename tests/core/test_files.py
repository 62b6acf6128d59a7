from __future__ import annotations

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
