""" "Come to our workshop": an easy-read invitation and briefing for the people invited to the workshops,
in English or Welsh.

What the day is, when and where, who will be there, what happens, what a theme is and the three kinds of
ideas (traditional, radical and different), what help there is to take part and who to tell. People asked
for more to read beforehand, and found the kinds of ideas hard to grasp on the day; this says it in plain
words, with a picture for each part.

Large type (16 pt and up), short sentences, one idea on each line. Every fixed sentence lives in
``accessibility/texts/en/workshop_invitation.toml`` (Welsh: ``texts/cy/``), where the tests hold it to the
same easy-read test as the own review (reading grade 5 or lower, 15 words or fewer a sentence). The only
other words are the project's name and the arrangements the facilitator typed (place, time, help on offer,
who to tell).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from docx.document import Document as DocumentObject
from docx.shared import Cm

from accessibility.pictures import png
from accessibility.texts import screen

from .common import (
    EASY_READ_PT,
    LANGUAGE_TAGS,
    easy_read_styles,
    heading,
    new_document,
    paragraph,
    picture,
    safe,
    to_bytes,
)

TEXTS = "workshop_invitation"
PICTURE = Cm(3.5)
IDEAS = ("traditional", "radical", "different")


@dataclass(frozen=True)
class WorkshopInvitation:
    project: str
    made_on: date
    days: list[date]
    place: str = ""
    times: str = ""
    help_on_offer: str = ""
    contact: str = ""


def _line(document: DocumentObject, words: str, *, bold: bool = False, keep: bool = False) -> None:
    line = paragraph(document)
    line.paragraph_format.keep_with_next = keep
    line.add_run(safe(words)).bold = bold


def _pictured(document: DocumentObject, name: str, description: str, title: str) -> None:
    """A picture and the heading it belongs to, kept on one page."""
    drawn = picture(document, png(name), description, PICTURE)
    drawn.paragraph_format.keep_with_next = True
    heading(document, title, 2)


def _day(t: dict[str, str], value: date) -> str:
    """A workshop day with the names of the day and month from the texts ("Tuesday 2 March 2027")."""
    weekday, month = t["weekdays"].split()[value.weekday()], t["months"].split()[value.month - 1]
    return t["date_line"].format(weekday=weekday, day=value.day, month=month, year=value.year)


def _what(document: DocumentObject, t: dict[str, str]) -> None:
    heading(document, t["what_heading"], 2)
    for key in ("what_told", "what_working", "what_future", "what_look", "what_plan"):
        _line(document, t[key])


def _when(document: DocumentObject, t: dict[str, str], invitation: WorkshopInvitation) -> None:
    _pictured(document, "workshop_day", t["when_picture"], t["when_heading"])
    days = sorted(invitation.days)
    if not days:
        _line(document, t["days_none"])
    else:
        _line(document, t["days_one"] if len(days) == 1 else t["days_many"].format(n=len(days)), keep=True)
        for value in days:
            _line(document, _day(t, value), bold=True)
    if invitation.times.strip():
        _line(document, t["time"].format(time=invitation.times.strip()))
    if invitation.place.strip():
        _line(document, t["place"].format(place=invitation.place.strip()))


def _who(document: DocumentObject, t: dict[str, str]) -> None:
    _pictured(document, "people_together", t["who_picture"], t["who_heading"])
    for key in ("who_people", "who_families", "who_staff", "who_commissioners", "who_size", "who_say"):
        _line(document, t[key])


def _day_plan(document: DocumentObject, t: dict[str, str]) -> None:
    heading(document, t["day_heading"], 2)
    for key in ("day_cards", "day_themes", "day_dots", "day_why", "day_ideas", "day_quiet"):
        _line(document, t[key])


def _themes(document: DocumentObject, t: dict[str, str]) -> None:
    _pictured(document, "theme_cards", t["theme_picture"], t["theme_heading"])
    for key in ("theme_group", "theme_name", "theme_example"):
        _line(document, t[key])


def _ideas(document: DocumentObject, t: dict[str, str]) -> None:
    heading(document, t["ideas_heading"], 2)
    _line(document, t["ideas_intro"])
    lines = {
        "traditional": ("traditional_what", "traditional_good", "traditional_name"),
        "radical": ("radical_what", "radical_think", "radical_name"),
        "different": ("different_what", "different_who", "different_example", "different_name"),
    }
    for kind in IDEAS:
        drawn = picture(document, png(f"idea_{kind}"), t[f"{kind}_picture"], PICTURE)
        drawn.paragraph_format.keep_with_next = True
        heading(document, t[f"{kind}_heading"], 3)
        for key in lines[kind]:
            _line(document, t[key])


def _help_and_reply(document: DocumentObject, t: dict[str, str], invitation: WorkshopInvitation) -> None:
    heading(document, t["help_heading"], 2)
    _line(document, t["help_tell"])
    _line(document, t["help_examples"])
    if invitation.help_on_offer.strip():
        _line(document, t["help_here"], keep=True)
        for item in invitation.help_on_offer.splitlines():
            if item.strip():
                _line(document, item.strip(), bold=True)
    heading(document, t["reply_heading"], 2)
    if invitation.contact.strip():
        _line(document, t["reply_contact"], keep=True)
        _line(document, invitation.contact.strip(), bold=True)
    _line(document, t["reply_ask"])


def build_invitation(invitation: WorkshopInvitation, language: str = "en") -> bytes:
    """The invitation in ``language``: "en" (English) or "cy" (Welsh, from ``accessibility/texts/cy/``)."""
    t = screen(TEXTS, language)
    document = new_document(
        f"{t['title']}: {invitation.project}",
        base_size=EASY_READ_PT,
        language=LANGUAGE_TAGS.get(language, "en-GB"),
    )
    easy_read_styles(document)
    heading(document, t["title"], 1)
    _line(document, t["invite"])
    _line(document, t["about"], keep=True)
    _line(document, invitation.project, bold=True)
    _what(document, t)
    _when(document, t, invitation)
    _who(document, t)
    _day_plan(document, t)
    _themes(document, t)
    _ideas(document, t)
    _help_and_reply(document, t, invitation)
    made = invitation.made_on
    month = t["months"].split()[made.month - 1]
    _line(document, t["made_on"].format(date=f"{made.day} {month} {made.year}"))
    return to_bytes(document)
