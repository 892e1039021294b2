"""Text to speech: the port, the engines (espeak-ng offline, gTTS online for fixed prompts only), a disk
cache for prompts, and the ``Speech`` service that picks among them.

This package is the only place that imports or calls a TTS engine. Importing it is cheap: no engine
is loaded and no process started until something is spoken. ``wtfc_collect.bootstrap.build_speech``
builds the real service from the environment.
"""

from accessibility.speech.cache import CACHE_FOLDER, DiskCache, cache_key
from accessibility.speech.core import (
    LANGUAGES,
    MP3,
    SPEEDS,
    WAV,
    Audio,
    SpeechEngine,
    SpeechUnavailable,
    Speed,
    as_speed,
)
from accessibility.speech.engines import EspeakEngine, GttsEngine
from accessibility.speech.prompts import PromptCatalogue, is_fixed_prompt, spoken_prompts
from accessibility.speech.service import (
    DEFAULT_ORDER,
    PrerenderReport,
    Speech,
    parse_order,
    prerender,
    speech_from_settings,
)
from accessibility.speech.speakable import speakable

__all__ = [
    "CACHE_FOLDER",
    "DEFAULT_ORDER",
    "LANGUAGES",
    "MP3",
    "SPEEDS",
    "WAV",
    "Audio",
    "DiskCache",
    "EspeakEngine",
    "GttsEngine",
    "PrerenderReport",
    "PromptCatalogue",
    "Speech",
    "SpeechEngine",
    "SpeechUnavailable",
    "Speed",
    "as_speed",
    "cache_key",
    "is_fixed_prompt",
    "parse_order",
    "prerender",
    "speakable",
    "speech_from_settings",
    "spoken_prompts",
]
