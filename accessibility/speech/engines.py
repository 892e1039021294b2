"""The real engines: espeak-ng (offline, a subprocess per clip) and gTTS (online, fixed prompts only).

Nothing is imported or started here until ``synthesise`` is called.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from typing import Final

from accessibility.speech.core import MP3, WAV, Audio, SpeechUnavailable, Speed

FOLDER_PREFIX = "wtfc-speech-"
STALE_SECONDS = 120.0


def remove_stale_folders(root: Path | None = None, older_than: float = STALE_SECONDS) -> int:
    """Delete clip folders a crashed process left in the temporary folder (a clip may be a person's own
    words read back); young ones may belong to a clip being made. Returns how many went."""
    cutoff = time.time() - older_than
    removed = 0
    for folder in Path(root or tempfile.gettempdir()).glob(FOLDER_PREFIX + "*"):
        with suppress(OSError):
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder)
                removed += 1
    return removed


class EspeakEngine:
    """espeak-ng, offline. One subprocess per clip, so it is safe on Streamlit's session threads.

    The text goes to the process on standard input, never through a shell and never on the command
    line (other users of the computer can read command lines, and a text starting with "-" would be
    taken for an option). The WAV is written with ``-w`` to a private temporary folder, read and
    deleted at once: ``--stdout`` writes a streaming header that Python's ``wave`` misreads.
    """

    VOICES: Final[dict[str, str]] = {"en": "en-gb", "cy": "cy"}
    WORDS_PER_MINUTE: Final[dict[Speed, int]] = {"normal": 160, "slower": 120}

    def __init__(self, binary: str = "espeak-ng", timeout: float = 7.0) -> None:
        self._binary = binary
        self._timeout = timeout
        remove_stale_folders()  # left by a crash, before this engine makes any of its own

    @property
    def name(self) -> str:
        return "espeak"

    @property
    def online(self) -> bool:
        return False

    def voice(self, language: str) -> str:
        try:
            return self.VOICES[language]
        except KeyError:
            raise SpeechUnavailable(f"espeak-ng has no voice for language '{language}'") from None

    def available(self) -> bool:
        return shutil.which(self._binary) is not None

    def synthesise(self, text: str, language: str, speed: Speed) -> Audio:
        voice = self.voice(language)
        binary = shutil.which(self._binary)
        if binary is None:
            raise SpeechUnavailable("espeak-ng is not installed")
        with tempfile.TemporaryDirectory(prefix=FOLDER_PREFIX) as folder:
            out = Path(folder) / "clip.wav"
            command = [
                binary,
                "-v",
                voice,
                "-s",
                str(self.WORDS_PER_MINUTE[speed]),
                "-w",
                str(out),
                "--stdin",
            ]
            try:
                finished = subprocess.run(  # noqa: S603 - fixed arguments, no shell, text on stdin
                    command,
                    input=text.encode("utf-8"),
                    capture_output=True,
                    timeout=self._timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                raise SpeechUnavailable(f"espeak-ng took longer than {self._timeout:g} s") from None
            except OSError as error:
                raise SpeechUnavailable(f"espeak-ng could not start ({type(error).__name__})") from None
            if finished.returncode != 0 or not out.is_file():
                raise SpeechUnavailable(f"espeak-ng failed with exit code {finished.returncode}")
            data = out.read_bytes()
        if len(data) <= 44:
            raise SpeechUnavailable("espeak-ng made an empty clip")
        return Audio(data, WAV, self.name)


class GttsEngine:
    """Google Translate's voice through gTTS: nicer, but ONLINE. The ``Speech`` service only ever
    gives it the tool's own fixed prompts, never a person's words.

    gTTS waits forever without a timeout when the network silently drops traffic, so every request
    carries ``timeout`` (seconds, connect and read).
    """

    TLD: Final[dict[str, str]] = {"en": "co.uk", "cy": "co.uk"}

    def __init__(self, timeout: float = 4.0) -> None:
        self._timeout = timeout

    @property
    def name(self) -> str:
        return "gtts"

    @property
    def online(self) -> bool:
        return True

    def voice(self, language: str) -> str:
        try:
            return f"{language}-{self.TLD[language]}"
        except KeyError:
            raise SpeechUnavailable(f"gTTS is not set up for language '{language}'") from None

    def synthesise(self, text: str, language: str, speed: Speed) -> Audio:
        self.voice(language)
        try:
            from gtts import gTTS, gTTSError
        except ImportError:
            raise SpeechUnavailable("gTTS is not installed") from None
        buffer = io.BytesIO()
        try:
            gTTS(
                text=text,
                lang=language,
                tld=self.TLD[language],
                slow=speed == "slower",
                lang_check=False,
                timeout=self._timeout,
            ).write_to_fp(buffer)
        except (gTTSError, OSError, ValueError, TypeError, AssertionError) as error:
            raise SpeechUnavailable(f"gTTS failed ({type(error).__name__})") from None
        if not buffer.getvalue():
            raise SpeechUnavailable("gTTS returned no audio")
        return Audio(buffer.getvalue(), MP3, self.name)
