"""``audio`` commands: pre-render the spoken prompts into the audio cache, so listening is instant."""

from __future__ import annotations

from pathlib import Path

import click

from accessibility.speech import LANGUAGES, SPEEDS, Speed, prerender, speakable, spoken_prompts
from wtfc_collect import bootstrap


@click.group()
def audio() -> None:
    """Spoken prompts: the sound for the review screens' texts."""


@audio.command("prerender")
@click.option(
    "--language", type=click.Choice(LANGUAGES), default="en", show_default=True, help="Language to speak."
)
@click.option(
    "--speed",
    type=click.Choice([*SPEEDS, "both"]),
    default="both",
    show_default=True,
    help="Normal speed, slower, or both.",
)
@click.pass_obj
def prerender_command(data_dir: Path | None, language: str, speed: str) -> None:
    """Make the sound for every text of the self-review and review screens, ready in the cache.

    Only the tool's own texts are spoken here, never anything a person wrote. The online voice is
    used only when WTFC_ONLINE_SPEECH=1; otherwise espeak-ng (offline).
    """
    speech = bootstrap.build_speech(data_dir)
    if speech.cache is None:
        raise click.ClickException(
            f"The audio cache is switched off ({bootstrap.SPEECH_ORDER_VARIABLE} has no 'cache'), "
            "so there is nowhere to keep the sound."
        )
    if not speech.engines:
        raise click.ClickException(f"No speech engine is switched on in {bootstrap.SPEECH_ORDER_VARIABLE}.")
    speeds: tuple[Speed, ...] = SPEEDS if speed == "both" else tuple(s for s in SPEEDS if s == speed)
    texts = list(dict.fromkeys(speakable(text) for text in spoken_prompts(language).values()))
    if not texts:
        click.echo(f"There are no texts in '{language}' yet, so there was nothing to speak.")
        return
    report = prerender(speech, texts, language, speeds)
    engines = ", ".join(engine.name for engine in speech.engines)
    speeds_said = "2 speeds" if len(speeds) > 1 else f"{speeds[0]} speed"
    click.echo(
        f"Spoke {report.total} clips ({len(texts)} texts, {speeds_said}) with {engines} "
        f"in {report.seconds:.1f} s: {report.made} new, {report.already_cached} already in the cache, "
        f"{report.failed} failed."
    )
    click.echo(f"Cache: {speech.cache.folder}")
    if report.failed:
        raise click.ClickException(
            f"{report.failed} prompts could not be spoken. Is espeak-ng installed? "
            "(On Debian: apt-get install espeak-ng)"
        )
