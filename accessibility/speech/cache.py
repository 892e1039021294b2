"""A disk cache for spoken PROMPTS (the tool's own texts). A person's words are never written here:
the ``Speech`` service only stores texts it recognises as fixed prompts.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Final

from accessibility.speech.core import MP3, WAV, Audio

CACHE_FOLDER: Final = "audio-cache"
_EXTENSIONS: Final[dict[str, str]] = {WAV: "wav", MP3: "mp3"}
_MIMES: Final[dict[str, str]] = {ext: mime for mime, ext in _EXTENSIONS.items()}


def cache_key(engine: str, voice: str, language: str, speed: str, text: str) -> str:
    """sha256 of everything that changes the sound. The text itself never appears in a file name."""
    material = "\x1f".join((engine, voice, language, speed, text))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class DiskCache:
    """One file per clip: ``<folder>/<sha256>.wav|mp3``, written atomically (safe across processes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> Audio | None:
        for extension, mime in _MIMES.items():
            path = self.folder / f"{key}.{extension}"
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if data:
                return Audio(data, mime, cached=True)
        return None

    def put(self, key: str, audio: Audio) -> None:
        extension = _EXTENSIONS.get(audio.mime)
        if extension is None or not audio.data:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(audio.data)
            os.replace(temporary, self.folder / f"{key}.{extension}")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def __len__(self) -> int:
        return sum(1 for path in self.folder.glob("*.*") if path.suffix in (".wav", ".mp3"))
