"""The WTfC report's parts about who came to the workshops, and the dot votes by the voters' perspectives.

Numbers only: how many of each perspective were invited, said they were coming, and came, day by day, and
how many dots each perspective gave each theme. No name of anyone in the room.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocumentObject

from .common import heading, paragraph, safe, table


@dataclass(frozen=True)
class DayCount:
    """One workshop day: how many were invited, said they were coming, and came (None: not recorded)."""

    day: str
    invited: int
    coming: int
    came: int | None


@dataclass(frozen=True)
class WorkshopParticipation:
    """Who came, by perspective and day (a cell is None where attendance was not recorded that day)."""

    days: list[DayCount]
    came_by_perspective: list[tuple[str, list[int | None]]]


@dataclass(frozen=True)
class VotesByPerspective:
    """Dots on each theme from each perspective of the voters (the last column: not said)."""

    perspectives: list[str]
    themes: list[tuple[str, list[int]]]


def _cell(value: int | None) -> str:
    return "–" if value is None else str(value)


def participation_section(document: DocumentObject, found: WorkshopParticipation | None) -> None:
    heading(document, "Who came to the workshops", 3)
    if found is None or not found.days:
        paragraph(document, "Not done yet: no workshop day has been planned.")
        return
    paragraph(
        document,
        "The method asks for people who use services with their families and carers, providers and "
        "commissioners in roughly equal numbers, about 25 to 30 in all. Numbers only: nobody is named.",
    )
    table(
        document,
        ["Day", "Invited", "Said they were coming", "Came"],
        [[d.day, str(d.invited), str(d.coming), _cell(d.came)] for d in found.days],
        (2, 1, 1.5, 1),
    )
    if not any(d.came is not None for d in found.days):
        paragraph(document, "Who came has not been recorded yet.")
        return
    table(
        document,
        ["Perspective", *[d.day for d in found.days]],
        [[name, *[_cell(n) for n in counts]] for name, counts in found.came_by_perspective],
        (3, *[1] * len(found.days)),
    )


def votes_by_perspective_section(document: DocumentObject, found: VotesByPerspective | None) -> None:
    if found is None or not found.themes:
        return
    heading(document, "Dots by the voters' perspectives", 3)
    paragraph(
        document,
        "Dots given on paper slips or on people's own phones carry the voter's perspective when they gave "
        "it; dots given without one are counted as not said.",
    )
    table(
        document,
        ["Theme", *found.perspectives],
        [[safe(name), *[str(n) for n in counts]] for name, counts in found.themes],
        (3, *[1] * len(found.perspectives)),
    )
