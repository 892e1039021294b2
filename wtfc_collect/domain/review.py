"""Step 2, Collect: a person-centred review and the statements in it.

The text a person said is kept exactly as recorded and can never be overwritten. A changed version for
the workshop (for example with a name taken out) lives beside it, with a record of who changed it and why.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from .base import (
    SCHEMA_VERSION,
    DomainError,
    Label,
    Reason,
    Record,
    RecordId,
    StatementText,
    StrictModel,
    UtcDateTime,
    one_line,
    utc,
)
from .participation import Come, WorkshopWish
from .person_actions import MAX_ACTIONS, PersonAction, new_action
from .statement import (
    QUESTION_LABELS,
    SPEAKER_LABELS,
    ChangedField,
    Priority,
    Question,
    Speaker,
    Statement,
    StatementChange,
    TriageDecision,
    TriageStatus,
)

__all__ = [
    "QUESTION_LABELS",
    "REVIEW_LANGUAGES",
    "SPEAKER_LABELS",
    "ChangedField",
    "Consent",
    "ConsentGiver",
    "Priority",
    "Question",
    "Review",
    "ReviewLanguage",
    "ReviewMode",
    "ReviewStatus",
    "Speaker",
    "Statement",
    "StatementChange",
    "TriageDecision",
    "TriageStatus",
]


class ReviewMode(StrEnum):
    WITH_STAFF = "with_staff"
    SELF = "self"


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"


class WithdrawalReason(StrEnum):
    """Why a review was withdrawn: chosen from a list, so the audit log never holds typed words."""

    PERSON_ASKED = "person_asked"
    REPRESENTATIVE_ASKED = "representative_asked"
    CONSENT_NOT_CLEAR = "consent_not_clear"
    PERSON_DIED = "person_died"
    OTHER = "other"

    @property
    def label(self) -> str:
        return WITHDRAWAL_REASON_LABELS[self]


WITHDRAWAL_REASON_LABELS = {
    WithdrawalReason.PERSON_ASKED: "The person asked to take their words back",
    WithdrawalReason.REPRESENTATIVE_ASKED: "Their representative asked on their behalf",
    WithdrawalReason.CONSENT_NOT_CLEAR: "Their agreement to use their words was not clear",
    WithdrawalReason.PERSON_DIED: "The person has died",
    WithdrawalReason.OTHER: "Another reason (say what in the note)",
}
NOTE_MAX = 300


ReviewLanguage = Literal["en", "cy"]
REVIEW_LANGUAGES: tuple[ReviewLanguage, ...] = ("en", "cy")


class ConsentGiver(StrEnum):
    PERSON = "person"
    REPRESENTATIVE = "representative"


def _not_contact_details(value: object) -> object:
    """Refuse an email address or phone number as a reference, in words that say why.

    Runs before the pattern check, so an email gets this message rather than "use only letters …".
    Nine or more digits also catches NHS numbers, which must not be used as a reference either.
    """
    if isinstance(value, str):
        digits = sum(ch.isdigit() for ch in value)
        if "@" in value or digits >= 9:
            raise ValueError("use a reference, not a phone number, email address or NHS number")
    return value


PersonRef = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9 _./-]*$"
    ),
    BeforeValidator(_not_contact_details),
]


class Consent(StrictModel):
    """Whether the person agreed that their words may be used, and who agreed."""

    given: bool
    given_by: ConsentGiver = ConsentGiver.PERSON
    representative_role: Label | None = None
    recorded_on: date

    @model_validator(mode="after")
    def _representative_named(self) -> Consent:
        if self.given_by is ConsentGiver.REPRESENTATIVE and not self.representative_role:
            raise ValueError("say who the representative is, for example 'daughter with power of attorney'")
        return self


class Review(Record):
    """One person's review: who, when, how, consent, and their statements."""

    project_id: RecordId
    person_ref: PersonRef
    review_date: date
    mode: ReviewMode = ReviewMode.WITH_STAFF
    team: Label | None = None
    reviewer: Label | None = None
    service_type: Label | None = None
    area: Label | None = None
    group: Label | None = None
    participants: list[Label] = Field(default_factory=list, max_length=20)
    consent: Consent | None = None
    status: ReviewStatus = ReviewStatus.DRAFT
    statements: list[Statement] = Field(default_factory=list, max_length=300)
    # Questions the person chose not to answer: a valid answer in itself, not a gap.
    declined: list[Question] = Field(default_factory=list, max_length=3)
    # Words typed under a question but not added yet, kept so that a reload or a break loses nothing. Never
    # a statement: they are not sent in and never reach a workshop; sending in asks to add them first.
    typed: dict[Question, StatementText] = Field(default_factory=dict)
    created_at: UtcDateTime
    # The account that opened the review: a reviewer can always reach the reviews they started.
    created_by: Annotated[str, StringConstraints(max_length=80), BeforeValidator(one_line)] = ""
    updated_at: UtcDateTime
    submitted_at: UtcDateTime | None = None
    withdrawn_reason: WithdrawalReason | None = None
    # A note for the team about the withdrawal: kept with the review (and erased with it), never in the
    # audit log.
    withdrawn_note: Annotated[Reason, StringConstraints(max_length=NOTE_MAX)] = ""
    # After the review: whether the person would like to come to the workshops, and the actions it leads to
    # in their own support. Neither ever goes to a workshop or into a document made for one.
    workshop: WorkshopWish = Field(default_factory=WorkshopWish)
    actions: list[PersonAction] = Field(default_factory=list, max_length=MAX_ACTIONS)
    # The language the person chose for their own review ("en" English, "cy" Welsh): a person who comes
    # back later gets the screens in it again.
    language: ReviewLanguage = "en"
    schema_version: int = SCHEMA_VERSION

    @model_validator(mode="before")
    @classmethod
    def _reason_from_the_list(cls, data: object) -> object:
        """Reviews saved before the reasons were a list kept a typed reason: it becomes the note."""
        if isinstance(data, dict) and isinstance(data.get("withdrawn_reason"), str):
            typed = data["withdrawn_reason"]
            if typed not in set(WithdrawalReason):
                data = {**data, "withdrawn_reason": WithdrawalReason.OTHER if typed.strip() else None}
                if typed.strip() and not data.get("withdrawn_note"):
                    data["withdrawn_note"] = typed.strip()[:NOTE_MAX]
        return data

    @model_validator(mode="after")
    def _rules(self) -> Review:
        for question in Question:
            taken = [s.priority for s in self.statements if s.question is question and s.priority]
            if len(taken) != len(set(taken)):
                raise ValueError(f"'{question.label}' can have only one first and one second choice")
        ids = [s.id for s in self.statements]
        if len(ids) != len(set(ids)):
            raise ValueError("two statements have the same id")
        if len(self.declined) != len(set(self.declined)):
            raise ValueError("a question is marked as not answered twice")
        if any(self.statements_for(q) for q in self.declined):
            raise ValueError("a question with answers cannot also be marked as not answered")
        if self.status is ReviewStatus.SUBMITTED and not (self.consent and self.consent.given):
            raise ValueError("a review can only be sent in when consent has been given")
        if len({a.id for a in self.actions}) != len(self.actions):
            raise ValueError("two actions have the same id")
        return self

    # --- reading -------------------------------------------------------------------------------
    def statements_for(self, question: Question) -> list[Statement]:
        return [s for s in self.statements if s.question is question]

    def prioritised(self, question: Question) -> list[Statement]:
        """The person's top two for one question, first choice first. Only these go to the workshop."""
        chosen = [s for s in self.statements_for(question) if s.priority is not None]
        return sorted(chosen, key=lambda s: s.priority or 0)

    def statement(self, statement_id: str) -> Statement:
        for statement in self.statements:
            if statement.id == statement_id:
                return statement
        raise DomainError("That statement is not in this review.", "statement")

    def problems_before_submit(self, voice_answered: Collection[Question] = ()) -> list[DomainError]:
        """Everything that stops this review being sent in, in plain words, each tied to a field.

        ``voice_answered``: questions with a recording still to be written down. Such a question counts as
        answered (staff write the words down with the person later, even after sending in).
        """
        problems: list[DomainError] = []
        if self.status is not ReviewStatus.DRAFT:
            problems.append(DomainError("This review has already been sent in or withdrawn.", "status"))
        if not self.consent or not self.consent.given:
            problems.append(
                DomainError("Record that consent was given before sending the review.", "consent")
            )
        for question in Question:
            if question in self.typed:
                problems.append(
                    DomainError(
                        f"Words are typed under '{question.label}' but not added yet. Add them, or empty "
                        "the box.",
                        question.value,
                    )
                )
                continue  # the first thing to do about this question
            said = self.statements_for(question)
            if not said and question in voice_answered:
                continue
            if not said and question not in self.declined:
                problems.append(
                    DomainError(
                        f"Add what the person said for '{question.label}', or record that they chose "
                        "not to answer it.",
                        question.value,
                    )
                )
                continue
            wanted = min(len(said), 2)
            # The places must be filled in order: a lone statement is the first choice, not the second.
            places = {s.priority for s in self.prioritised(question)}
            if not set(range(1, wanted + 1)) <= places:
                problems.append(
                    DomainError(
                        f"Ask the person to choose their top {'two' if wanted == 2 else 'one'} "
                        f"for '{question.label}'.",
                        question.value,
                    )
                )
        return problems

    # --- changing ------------------------------------------------------------------------------
    def _require_draft(self) -> None:
        if self.status is ReviewStatus.WITHDRAWN:
            raise DomainError("This review was withdrawn, so its statements cannot be changed.", "status")
        if self.status is not ReviewStatus.DRAFT:
            raise DomainError(
                "This review has been sent in, so its statements cannot be changed here.", "status"
            )

    def decline(self, question: Question, now: datetime) -> None:
        """Record that the person chose not to answer this question."""
        self._require_draft()
        if self.statements_for(question):
            raise DomainError(
                "There are answers to this question already. Take them out first if the person "
                "would rather not answer it.",
                question.value,
            )
        if question not in self.declined:
            self.declined = [*self.declined, question]
        self.updated_at = utc(now)

    def undecline(self, question: Question, now: datetime) -> None:
        """The person would like to answer this question after all."""
        self._require_draft()
        self.declined = [q for q in self.declined if q is not question]
        self.updated_at = utc(now)

    def add_statement(self, question: Question, text: str, said_by: Speaker, now: datetime) -> Statement:
        self._require_draft()
        self.declined = [q for q in self.declined if q is not question]
        statement = Statement(question=question, text=text, said_by=said_by, created_at=utc(now))
        self.statements = [*self.statements, statement]
        self.typed = {q: words for q, words in self.typed.items() if q is not question}
        self.updated_at = utc(now)
        return statement

    def keep_typed(self, question: Question, text: str, now: datetime) -> None:
        """Keep words typed under ``question`` but not added yet (empty words: nothing is kept)."""
        self._require_draft()
        kept = {q: words for q, words in self.typed.items() if q is not question}
        if text.strip():
            kept[question] = text
        self.typed = kept
        self.updated_at = utc(now)

    def add_voice_statement(
        self,
        question: Question,
        text: str,
        said_by: Speaker,
        *,
        voice_answer_id: str,
        recorded_at: datetime,
        now: datetime,
    ) -> Statement:
        """Add the words of a voice answer, typed by staff with the person.

        Allowed after the review was sent in, but only for a recording made before it was sent: the person
        answered in time, in their own voice. The statement takes the next free place in the top two for
        its question (as a lone typed answer becomes number 1), so an answer given only by voice still
        goes forward.
        """
        if self.status is ReviewStatus.WITHDRAWN:
            raise DomainError("This review was withdrawn, so nothing can be added to it.", "status")
        if self.status is ReviewStatus.SUBMITTED and (
            self.submitted_at is None or utc(recorded_at) > self.submitted_at
        ):
            raise DomainError("This recording was made after the review was sent in.", "status")
        taken = {s.priority for s in self.statements_for(question) if s.priority}
        place: Priority | None = 1 if 1 not in taken else 2 if 2 not in taken else None
        statement = Statement(
            question=question,
            text=text,
            said_by=said_by,
            priority=place,
            voice_answer_id=voice_answer_id,
            created_at=utc(now),
        )
        self.declined = [q for q in self.declined if q is not question]
        self.statements = [*self.statements, statement]
        self.updated_at = utc(now)
        return statement

    def remove_statement(self, statement_id: str, now: datetime) -> None:
        """Take out a statement while the review is still a draft (a slip while typing)."""
        self._require_draft()
        self.statement(statement_id)
        self.statements = [s for s in self.statements if s.id != statement_id]
        self.updated_at = utc(now)

    def set_priority(self, statement_id: str, priority: Priority | None, now: datetime) -> None:
        """Make a statement the person's first or second choice; whatever held that place loses it."""
        self._require_draft()
        chosen = self.statement(statement_id)
        if priority is not None:
            for other in self.statements_for(chosen.question):
                if other.id != chosen.id and other.priority == priority:
                    other.priority = None
        chosen.priority = priority
        self.updated_at = utc(now)

    def set_speaker(
        self, statement_id: str, said_by: Speaker, by: str, now: datetime, reason: str = ""
    ) -> None:
        """Correct who said a statement. Once the review is sent in, say why: it changes the evidence."""
        if self.status is ReviewStatus.WITHDRAWN:
            raise DomainError("This review was withdrawn, so its statements cannot be changed.", "status")
        if self.status is ReviewStatus.SUBMITTED and not reason.strip():
            raise DomainError("Say why who said this has changed.", "reason")
        chosen = self.statement(statement_id)
        old = Speaker(chosen.said_by)
        said_by = Speaker(said_by)
        # Check who/when/why before changing anything, so a change is never left without its record.
        StatementChange(field="said_by", old=None, new=None, by=by, at=utc(now), reason=reason)
        chosen.said_by = said_by
        chosen._log("said_by", old.value, said_by.value, by, now, reason)
        self.updated_at = utc(now)

    def submit(self, now: datetime, voice_answered: Collection[Question] = ()) -> None:
        problems = self.problems_before_submit(voice_answered)
        if problems:
            raise problems[0]
        self.submitted_at = utc(now)
        self.updated_at = utc(now)
        self.status = ReviewStatus.SUBMITTED

    def withdraw(self, reason: WithdrawalReason | None, now: datetime, note: str = "") -> None:
        """The person (or their representative) took back their consent. ``reason`` comes from the list;
        ``note`` (optional, needed for "another reason") stays with the review."""
        if self.status is ReviewStatus.WITHDRAWN:
            raise DomainError("This review is already withdrawn.", "status")
        if reason is None:
            raise DomainError("Choose why the review is withdrawn.", "reason")
        if reason is WithdrawalReason.OTHER and not note.strip():
            raise DomainError("Say in the note what the other reason is (do not quote the person).", "note")
        if len(note) > NOTE_MAX:
            raise DomainError(f"Keep the note to {NOTE_MAX} characters.", "note")
        self.withdrawn_reason = reason
        self.withdrawn_note = note.strip()
        self.typed = {}
        self.status = ReviewStatus.WITHDRAWN
        self.updated_at = utc(now)

    # --- after the review: the person's own actions, and the workshops -----------------------------------
    def _require_not_withdrawn(self) -> None:
        if self.status is ReviewStatus.WITHDRAWN:
            raise DomainError("This review was withdrawn, so nothing more can be added to it.", "status")

    def set_workshop_wish(self, come: Come, access_needs: str, now: datetime) -> None:
        """Whether the person would like to come to the workshops, and what would help them take part."""
        self._require_not_withdrawn()
        self.workshop = WorkshopWish(come=come, access_needs=access_needs)
        self.updated_at = utc(now)

    def action(self, action_id: str) -> PersonAction:
        for found in self.actions:
            if found.id == action_id:
                return found
        raise DomainError("That action is not in this review.", "action")

    def add_action(
        self,
        what: str,
        who: str,
        by_when: date | None,
        statement_id: str | None,
        *,
        by: str,
        now: datetime,
    ) -> PersonAction:
        """Add an action for the person (what, who, by when), answering one thing they said if given."""
        self._require_not_withdrawn()
        if statement_id is not None:
            self.statement(statement_id)
        if len(self.actions) >= MAX_ACTIONS:
            raise DomainError(f"A review can hold up to {MAX_ACTIONS} actions.", "what")
        added = new_action(what, who, by_when, statement_id, by=by, now=now)
        self.actions = [*self.actions, added]
        self.updated_at = utc(now)
        return added

    def set_action_done(self, action_id: str, done_on: date | None, now: datetime) -> PersonAction:
        """Mark an action done on a day, or not done (None)."""
        self._require_not_withdrawn()
        changed = PersonAction.model_validate({**self.action(action_id).model_dump(), "done_on": done_on})
        self.actions = [changed if a.id == action_id else a for a in self.actions]
        self.updated_at = utc(now)
        return changed

    def remove_action(self, action_id: str, now: datetime) -> None:
        """Take out an action written by mistake."""
        self._require_not_withdrawn()
        self.action(action_id)
        self.actions = [a for a in self.actions if a.id != action_id]
        self.updated_at = utc(now)

    @property
    def usable(self) -> bool:
        """True when the review's words may go forward: sent in, with consent, not withdrawn."""
        return self.status is ReviewStatus.SUBMITTED and bool(self.consent and self.consent.given)
