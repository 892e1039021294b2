"""Moving reviews in and out of the tool: CSV, spreadsheets (XLSX) and Word review forms (DOCX).

``table`` describes the one-row-per-statement format, ``csv_xlsx`` turns it into files and back,
``word_form`` (with ``word_blocks``, ``form_words``, ``form_marks``, ``form_reader`` and ``form_tables``)
reads review forms written in Word and other word processors, and ``validate`` turns what a file says into
reviews or plain problems. openpyxl and python-docx are imported only when a file of theirs is read or
written, so importing this package stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Literal

from wtfc_collect.domain import Review

from .csv_xlsx import read_csv, read_xlsx, to_csv, to_xlsx
from .table import COLUMNS, DECLINED, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, read_table, table_lines, table_rows
from .validate import FileReading, Problem, ReadLine, ReviewInput, Unreadable, build_reviews, parse_date
from .word_form import read_word_form

__all__ = [
    "COLUMNS",
    "DECLINED",
    "FILE_KINDS",
    "MAX_FILE_BYTES",
    "MIME_TYPES",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "FileReading",
    "Problem",
    "ReadLine",
    "ReviewInput",
    "TableFormat",
    "Unreadable",
    "build_reviews",
    "export_table",
    "file_kind",
    "parse_date",
    "read_reviews",
]

TableFormat = Literal["csv", "xlsx"]
# What each ending is called in plain words.
FILE_KINDS = {"csv": "CSV file", "xlsx": "Excel spreadsheet", "docx": "Word review form"}
MIME_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
MAX_FILE_BYTES = 5 * 1024 * 1024
_OLD_FORMATS = " Older Excel (.xls) and Word (.doc) files must first be saved again as .xlsx or .docx."


def export_table(reviews: Iterable[Review], fmt: TableFormat) -> bytes:
    """The reviews as a CSV or XLSX file: one row per statement (see ``table`` for the columns)."""
    rows = table_rows(reviews)
    return to_csv(rows) if fmt == "csv" else to_xlsx(rows)


def file_kind(filename: str) -> str:
    """ "csv", "xlsx" or "docx" from the file's ending; Unreadable for any other ending."""
    ending = PurePath(filename).suffix.lower().lstrip(".")
    if ending not in FILE_KINDS:
        raise Unreadable(
            "Choose a .csv or .xlsx file of reviews, or a Word review form (.docx)."
            + (_OLD_FORMATS if ending in {"xls", "doc"} else "")
        )
    return ending


def read_reviews(filename: str, data: bytes) -> FileReading:
    """The reviews a file holds (not yet checked against a project), problems, notes for the report and
    every line as read.

    A file that cannot be read at all gives one problem with no place (it is about the whole file).
    """
    try:
        kind = file_kind(filename)
        if len(data) > MAX_FILE_BYTES:
            raise Unreadable(
                f"The file is too big ({len(data) / 1_048_576:.1f} MB). The most is "
                f"{MAX_FILE_BYTES // 1_048_576} MB: split it into smaller files."
            )
        if not data:
            raise Unreadable("The file is empty.")
        if kind == "docx":
            return read_word_form(data)
        rows = read_csv(data) if kind == "csv" else read_xlsx(data)
    except Unreadable as error:
        return FileReading([], [Problem("", error.message)])
    inputs, problems = read_table(rows)
    return FileReading(inputs, problems, [], table_lines(inputs))
