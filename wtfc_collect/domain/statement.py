"""What a person said: one statement, its question, who said it, the quality decisions about it, and
its workshop copy. The words themselves are kept exactly as recorded and can never be overwritten.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints, TypeAdapter

from .base import (
    Actor,
    DomainError,
    Label,
    Reason,
    RecordId,
    StatementText,
    StrictModel,
    UtcDateTime,
    new_id,
    strip_control,
    utc,
)
from .workshop_copy import copy_problem, follows_words


class Question(StrEnum):
    """The three questions of a person-centred review."""

    WORKING = "working"
    NOT_WORKING = "not_working"
    FUTURE = "future"

    @property
    def label(self) -> str:
        return QUESTION_LABELS[self]


QUESTION_LABELS = {
    Question.WORKING: "What is working?",
    Question.NOT_WORKING: "What is not working?",
    Question.FUTURE: "What is important to you for the future?",
}


class Speaker(StrEnum):
    """Who said a statement."""

    PERSON = "person"
    FAMILY_OR_CARER = "family_or_carer"
    STAFF_ON_BEHALF = "staff_on_behalf"

    @property
    def label(self) -> str:
        return SPEAKER_LABELS[self]

    @property
    def relative(self) -> bool:
        """A family member or carer: their account of the person's life is their own words."""
        return self is Speaker.FAMILY_OR_CARER


SPEAKER_LABELS = {
    Speaker.PERSON: "The person",
    Speaker.FAMILY_OR_CARER: "Family or carer",
    Speaker.STAFF_ON_BEHALF: "Staff, on the person's behalf",
}


class TriageStatus(StrEnum):
    """What the quality check decided about a statement."""

    NOT_CHECKED = "not_checked"
    ACCEPTED = "accepted"
    ASK_AGAIN = "ask_again"
    EXCLUDED = "excluded"


Priority = Literal[1, 2]


ChangedField = Literal["workshop_text", "said_by", "priority"]


class TriageDecision(StrictModel):
    status: TriageStatus
    by: Actor
    at: UtcDateTime
    reason: Reason = ""


class StatementChange(StrictModel):
    """One change to a statement's workshop text, speaker or priority: who, when, what and why."""

    field: ChangedField
    old: StatementText | None
    new: StatementText | None
    by: Actor
    at: UtcDateTime
    reason: Reason = ""


# Why words were changed with the person: something must be said.
Why = Annotated[str, StringConstraints(min_length=1, max_length=500), BeforeValidator(strip_control)]
# How the change log named words agreed with the person before they were kept in ``AgreedWords``.
AGREED_REASON = "agreed with the person"
_STATEMENT_TEXT: TypeAdapter[str] = TypeAdapter(StatementText)


class AgreedWords(StrictModel):
    """Other words for the workshop, agreed *with the person*: the words, who agreed them (the person, or
    who agreed for them), on what day, why, and who recorded it when. The original words stay as they were.
    """

    words: StatementText
    agreed_by: Label
    agreed_on: date
    why: Why
    recorded_by: Actor
    recorded_at: UtcDateTime


class Statement(StrictModel):
    """One thing a person said in answer to one of the three questions."""

    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{32}$")
    question: Question
    text: StatementText = Field(frozen=True)
    said_by: Speaker = Speaker.PERSON
    priority: Priority | None = None
    workshop_text: StatementText | None = None
    triage: list[TriageDecision] = Field(default_factory=list)
    changes: list[StatementChange] = Field(default_factory=list)
    created_at: UtcDateTime
    # Set when staff wrote these words down with the person from a recording (a voice answer).
    voice_answer_id: RecordId | None = Field(default=None, frozen=True)
    # Who checked that the workshop copy identifies nobody, and when. Any later change clears it.
    anonymised_by: Actor | None = None
    anonymised_at: UtcDateTime | None = None
    # Words agreed with the person for the workshop, if the person agreed other words.
    agreed: AgreedWords | None = None

    @property
    def triage_status(self) -> TriageStatus:
        return self.triage[-1].status if self.triage else TriageStatus.NOT_CHECKED

    @property
    def card_text(self) -> str:
        """The words to show at a workshop: the changed version if there is one, else the original."""
        return self.workshop_text if self.workshop_text is not None else self.text

    @property
    def agreed_words(self) -> str | None:
        """The words agreed with the person for the workshop, if any (also as older versions logged them)."""
        if self.agreed is not None:
            return self.agreed.words
        for change in reversed(self.changes):
            if change.field == "workshop_text" and change.reason.startswith(AGREED_REASON) and change.new:
                return change.new
        return None

    @property
    def copy_source(self) -> str:
        """What the workshop copy is made from: the words agreed with the person, or else their own."""
        return self.agreed_words or self.text

    @property
    def ready_for_workshop(self) -> bool:
        """Accepted at the quality check, with a workshop copy a person has confirmed that is the person's
        (or their agreed) words with, at most, details swapped for placeholders."""
        return (
            self.triage_status is TriageStatus.ACCEPTED
            and self.anonymised_at is not None
            and follows_words(self.copy_source, self.card_text)
        )

    def confirm_workshop_text(self, text: str, by: str, now: datetime) -> None:
        """A person has checked ``text`` as the workshop copy: it names nobody, and it is the person's words
        (or the words agreed with them) with only details such as names swapped for placeholders.

        The same words as the original need no copy; anything else is kept beside the original. Any other
        change is refused (field ``copy``): it must be agreed with the person first (``agree_words``).
        """
        if self.triage_status is not TriageStatus.ACCEPTED:
            raise DomainError("Accept the words first, then confirm their workshop copy.", "status")
        text = _STATEMENT_TEXT.validate_python(text)
        problem = copy_problem(self.copy_source, text)
        if problem is not None:
            raise DomainError(problem, "copy")
        wanted = None if text == self.text else text
        if wanted != self.workshop_text:
            self.set_workshop_text(
                wanted, by, now, "workshop copy: details that could identify someone taken out"
            )
        self.anonymised_by = by
        self.anonymised_at = utc(now)

    def agree_words(
        self, words: str, *, agreed_by: str, agreed_on: date, why: str, by: str, now: datetime
    ) -> None:
        """Record other words for the workshop, agreed with the person: who agreed (the person, or who
        agreed for them), on what day and why. They become the workshop copy, to be confirmed again; the
        person's own words stay as they were."""
        if not agreed_by.strip():
            raise DomainError("Say who agreed these words: the person, or who agreed for them.", "agreed_by")
        if not why.strip():
            raise DomainError("Say why the words were changed, so others can see the reason.", "reason")
        words = _STATEMENT_TEXT.validate_python(words)
        if words == self.text:
            raise DomainError("These are the person's own words already: accept them as they are.", "words")
        agreed = AgreedWords(
            words=words,
            agreed_by=agreed_by,
            agreed_on=agreed_on,
            why=why,
            recorded_by=by,
            recorded_at=utc(now),
        )
        reason = f"{AGREED_REASON}: {agreed.agreed_by}, {agreed.agreed_on:%d/%m/%Y}: {agreed.why}"
        self.set_workshop_text(words, by, now, reason[:500])
        self.agreed = agreed

    def decide(self, status: TriageStatus, by: str, now: datetime, reason: str = "") -> None:
        if status is TriageStatus.NOT_CHECKED:
            raise DomainError("Choose accept, ask again or exclude.", "status")
        if status is not TriageStatus.ACCEPTED and not reason.strip():
            raise DomainError("Say why, so the team knows what to do next.", "reason")
        if self.triage and (self.triage[-1].status, self.triage[-1].reason) == (status, reason):
            return  # the same decision again (a double click): nothing new to record
        self.triage = [*self.triage, TriageDecision(status=status, by=by, at=utc(now), reason=reason)]

    def set_workshop_text(self, new_text: str | None, by: str, now: datetime, reason: str) -> None:
        """Record a workshop version of the words. The original text stays as it was."""
        if not reason.strip():
            raise DomainError("Say why the words were changed.", "reason")
        old = self.workshop_text
        # Check who/when/why before changing anything, so a change is never left without its record.
        StatementChange(field="workshop_text", old=None, new=None, by=by, at=utc(now), reason=reason)
        self.workshop_text = new_text
        self.anonymised_by, self.anonymised_at = None, None  # changed words must be checked again
        self._log("workshop_text", old, self.workshop_text, by, now, reason)

    def _log(
        self, field: ChangedField, old: object, new: object, by: str, now: datetime, reason: str
    ) -> None:
        if old == new:
            return
        change = StatementChange(
            field=field,
            old=None if old is None else str(old),
            new=None if new is None else str(new),
            by=by,
            at=utc(now),
            reason=reason,
        )
        self.changes = [*self.changes, change]

    def undo_last_decision(self, by: str, now: datetime) -> TriageStatus:
        """Take back the last step of the check, right after it was taken by mistake: a confirmed workshop
        copy goes back to waiting for its confirmation; otherwise the last decision is followed by the one
        before it (or "not decided yet"), and words agreed with the person at that moment go back to what they
        were. Nothing is deleted: the decision log keeps both. Returns where the statement stands now."""
        if self.anonymised_at is not None:
            confirmed = self.anonymised_at
            last = self.changes[-1] if self.changes else None
            if last is not None and last.field == "workshop_text" and last.at == confirmed:
                self.set_workshop_text(last.old, by, now, "undo: workshop copy no longer confirmed")
            self.anonymised_by, self.anonymised_at = None, None
            return self.triage_status
        if not self.triage or self.triage_status is TriageStatus.NOT_CHECKED:
            raise DomainError("There is no decision to undo.", "status")
        decided = self.triage[-1]
        earlier = [d.status for d in self.triage[:-1]]
        back_to = earlier[-1] if earlier else TriageStatus.NOT_CHECKED
        last = self.changes[-1] if self.changes else None
        if last is not None and last.field == "workshop_text" and last.at == decided.at:
            self.set_workshop_text(last.old, by, now, "undo: words agreed with the person taken back")
        self.triage = [*self.triage, TriageDecision(status=back_to, by=by, at=utc(now), reason="undone")]
        return back_to
