"""Turn validation errors into plain sentences tied to the field they belong to."""

from __future__ import annotations

from pydantic import ValidationError

from .base import DomainError

_PLAIN = {
    "string_too_short": "Please fill this in.",
    "missing": "Please fill this in.",
    "string_too_long": "This is too long: please shorten it to {max_length} characters or fewer.",
    "too_short": "Please add at least {min_length}.",
    "too_long": "There are too many entries here: {max_length} at most.",
    "greater_than_equal": "This must be {ge} or more.",
    "less_than_equal": "This must be {le} or less.",
    "int_parsing": "Please enter a whole number.",
    "date_from_datetime_parsing": "Please enter a date.",
    "date_parsing": "Please enter a date.",
    "string_pattern_mismatch": "Please use only letters, numbers, spaces and the signs - _ . /",
    "enum": "Please choose one of the options.",
    "literal_error": "Please choose one of the options.",
    "float_parsing": "Please enter a number.",
    "finite_number": "Please enter a number.",
    "datetime_parsing": "Please enter a date and time.",
    "datetime_from_date_parsing": "Please enter a date and time.",
    "frozen_field": "This cannot be changed once it is recorded.",
    "extra_forbidden": "This is not something this record can hold.",
}
# Length errors on text that was cleaned first arrive as too_short/too_long with field_type "Value".
_TEXT_KINDS = {"too_short": "string_too_short", "too_long": "string_too_long"}


def plain_errors(error: ValidationError | DomainError) -> dict[str, str]:
    """Map each field (dotted path, '' for the whole record) to one plain-words message."""
    if isinstance(error, DomainError):
        return {error.field or "": error.message}
    messages: dict[str, str] = {}
    for item in error.errors():
        field = ".".join(str(part) for part in item.get("loc", ()))
        kind = item.get("type", "")
        ctx = item.get("ctx") or {}
        if kind in _TEXT_KINDS and ctx.get("field_type") not in {"List", "Set", "Tuple", "Dict"}:
            kind = _TEXT_KINDS[kind]
        if kind == "value_error":
            message = str(ctx.get("error", item.get("msg", "")))
            message = message[:1].upper() + message[1:]
            if not message.endswith("."):
                message += "."
        elif kind in _PLAIN:
            try:
                message = _PLAIN[kind].format(**ctx)
            except (KeyError, IndexError):
                message = _PLAIN[kind]
        else:
            message = "Please check this."
        messages.setdefault(field, message)
    return messages
