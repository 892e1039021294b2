"""Use cases. Each takes a repository (the storage port) and returns domain objects.

Pages call these functions only; they never read or write the store themselves.
"""

from .common import InvalidInput, record_audit
from .own_words import OwnWordsNote, fit_statement, own_words_notes
from .projects import (
    create_project,
    current_project,
    get_project,
    install_demo,
    list_projects,
    project_progress,
    update_project,
)
from .reviews import (
    ReviewIncomplete,
    decline_question,
    find_review,
    get_review,
    list_reviews,
    note_viewed,
    record_statement,
    remove_statement,
    save_review_details,
    set_priority,
    start_review,
    submit_review,
    undecline_question,
    withdraw_review,
)
from .store_admin import backup_store
from .voice_answers import (
    VoiceAnswerToWrite,
    discard_voice_answer,
    erase_review_recordings,
    finish_voice_answer,
    get_voice_answer,
    record_voice_answer,
    voice_answer_audio,
    voice_answers_for_review,
    voice_answers_waiting,
    write_down_voice_answer,
)

__all__ = [
    "InvalidInput",
    "OwnWordsNote",
    "ReviewIncomplete",
    "VoiceAnswerToWrite",
    "backup_store",
    "create_project",
    "current_project",
    "decline_question",
    "discard_voice_answer",
    "erase_review_recordings",
    "find_review",
    "finish_voice_answer",
    "fit_statement",
    "get_project",
    "get_review",
    "get_voice_answer",
    "install_demo",
    "list_projects",
    "list_reviews",
    "note_viewed",
    "own_words_notes",
    "project_progress",
    "record_audit",
    "record_statement",
    "record_voice_answer",
    "remove_statement",
    "save_review_details",
    "set_priority",
    "start_review",
    "submit_review",
    "undecline_question",
    "update_project",
    "voice_answer_audio",
    "voice_answers_for_review",
    "voice_answers_waiting",
    "withdraw_review",
    "write_down_voice_answer",
]
