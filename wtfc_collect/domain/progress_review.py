"""Steps 7 and 8, implement and review: what worked and what did not in the way the project was run.

Readings of the measures live with the measures (``success``); the status of each action with the action
plan (``plan``).
"""

from __future__ import annotations

from .base import FilledText, Record, RecordId, UtcDateTime


class ProcessNote(Record):
    """One thing that worked, or did not, in the way the project was run."""

    project_id: RecordId
    worked: bool
    text: FilledText
    at: UtcDateTime
