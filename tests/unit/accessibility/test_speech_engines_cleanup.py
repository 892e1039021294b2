"""Clip folders a crashed process left behind (a clip may be a person's own words read back) go when the
offline engine starts; a young one may be a clip being made and stays."""

from __future__ import annotations

import os
import time
from pathlib import Path

from accessibility.speech.engines import FOLDER_PREFIX, remove_stale_folders


def test_old_clip_folders_go_and_young_ones_and_others_stay(tmp_path: Path) -> None:
    old, young, other = tmp_path / (FOLDER_PREFIX + "a1"), tmp_path / (FOLDER_PREFIX + "b2"), tmp_path / "x"
    for folder in (old, young, other):
        folder.mkdir()
        (folder / "clip.wav").write_bytes(b"RIFF")
    an_hour_ago = time.time() - 3600
    for folder in (old, other):
        os.utime(folder, (an_hour_ago, an_hour_ago))
    assert remove_stale_folders(tmp_path) == 1
    assert not old.exists() and young.exists() and other.exists()
