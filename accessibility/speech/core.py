"""The speech port: what an engine promises, the audio it returns, and the one error it raises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, Protocol, get_args

Speed = Literal["normal", "slower"]
SPEEDS: Final[tuple[Speed, ...]] = get_args(Speed)
LANGUAGES: Final[tuple[str, ...]] = ("en", "cy")

WAV: Final = "audio/wav"
MP3: Final = "audio/mpeg"


class SpeechUnavailable(Exception):
    """An engine cannot speak right now. The message names the cause, never the text to speak."""


@dataclass(frozen=True, slots=True)
class Audio:
    """A spoken clip: the bytes, their MIME type (``audio/wav`` or ``audio/mpeg``), who made it."""

    data: bytes
    mime: str
    engine: str = ""
    cached: bool = False

    def __repr__(self) -> str:  # never print kilobytes of audio into a log or a test failure
        return f"Audio({len(self.data)} bytes, {self.mime}, engine={self.engine!r}, cached={self.cached})"


class SpeechEngine(Protocol):
    """Turns text into audio. ``online`` engines send the text over the network.

    ``synthesise`` raises ``SpeechUnavailable`` when it cannot speak, and bounds its own work with a
    timeout; the ``Speech`` service adds a deadline on top, so a stuck engine never hangs a page.
    """

    @property
    def name(self) -> str: ...

    @property
    def online(self) -> bool: ...

    def voice(self, language: str) -> str:
        """The engine's voice for a language ("en", "cy"). Raises SpeechUnavailable if it has none."""
        ...

    def synthesise(self, text: str, language: str, speed: Speed) -> Audio: ...


def as_speed(value: object) -> Speed:
    """``value`` if it is a known speed, else "normal"."""
    for speed in SPEEDS:
        if value == speed:
            return speed
    return "normal"
