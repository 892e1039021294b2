"""CSV and XLSX files to and from rows of cells. openpyxl is imported only when a spreadsheet is used.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` would run as a formula when a CSV file is opened in a
spreadsheet, so CSV export puts a ``'`` in front of it (and of a cell that starts with ``'``); CSV import
takes exactly that ``'`` away again. XLSX cells are written as text, so they never run.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from .table import COLUMNS, Cell
from .validate import Unreadable

MAX_ROWS = 20_000
SHEET_TITLE = "Reviews"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A spreadsheet or Word file is a zip of XML parts: refuse, before any library opens it, one that would
# unpack to something huge (a "zip bomb": a small file that fills the memory when read). Our own export
# of MAX_ROWS rows of the longest statements unpacks to under half of MAX_UNPACKED_BYTES, and real Office
# parts pack 5 to 30 times smaller; a part packed more than MAX_RATIO times (and big) is built as a bomb.
MAX_UNPACKED_BYTES = 100_000_000
MAX_PARTS = 5_000
MAX_RATIO = 100
RATIO_FROM_BYTES = 1_000_000


# --- CSV ---------------------------------------------------------------------------------------------
def to_csv(rows: Sequence[Sequence[Cell]]) -> bytes:
    """UTF-8 with a byte order mark (so Excel shows accents and emoji right), dates as 2026-05-01."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(cell: Cell) -> str:
    if isinstance(cell, date):
        return cell.isoformat()
    text = str(cell)
    return "'" + text if isinstance(cell, str) and text.startswith(_FORMULA_START) else text


def read_csv(data: bytes) -> list[list[str]]:
    """The rows of a UTF-8 CSV file (comma, semicolon or tab between cells)."""
    if data.startswith(b"PK\x03\x04"):
        raise Unreadable("This is a spreadsheet or Word file, not a CSV file. Give it the right ending.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(
            "The file is not UTF-8 text, so its letters cannot be read safely. In Excel, use "
            "'Save as' and choose 'CSV UTF-8'; or import the .xlsx file itself."
        ) from None
    if "\x00" in text:
        raise Unreadable("The file holds characters that are not text. Is it really a CSV file?")
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=lambda d: sum(_known(c) for c in first_line.split(d)))
    try:
        rows = [
            [_uncsv(c) for c in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise Unreadable(f"The CSV file is damaged and cannot be read ({error}).") from None
    if len(rows) > MAX_ROWS + 1:
        raise Unreadable(f"The file has more than {MAX_ROWS:,} rows. Split it into smaller files.")
    return rows


def _known(name: str) -> bool:
    return re.sub(r"[^a-z0-9]+", "_", name.strip(" \"'").casefold()).strip("_") in COLUMNS


def _uncsv(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


# --- XLSX --------------------------------------------------------------------------------------------
def to_xlsx(rows: Sequence[Sequence[Cell]]) -> bytes:
    """One sheet called "Reviews": bold column names, frozen top row, dates as real dates, text as text.

    Written in openpyxl's streaming mode, so a large project does not need the whole sheet in memory.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    sheet.freeze_panes = "A2"
    header = [str(name) for name in rows[0]] if rows else []
    widths = {"statement": 60, "representative_role": 24, "participants": 30}
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(name, max(14, len(name) + 2))
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def cell(value: Cell, column: str, first: bool) -> Any:
        if value == "":
            return None  # an empty cell
        written = WriteOnlyCell(sheet, value=_ILLEGAL_XML.sub("", value) if isinstance(value, str) else value)
        if isinstance(value, str):
            written.data_type = "s"  # never a formula, whatever the words start with
        elif isinstance(value, date):
            written.number_format = "yyyy-mm-dd"
        if first:
            written.font = bold
        elif column == "statement":
            written.alignment = wrap
        return written

    for number, row in enumerate(rows):
        sheet.append([cell(value, name, number == 0) for value, name in zip(row, header, strict=False)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_xlsx(data: bytes) -> list[list[str]]:
    """The rows of the sheet called "Reviews" (or else the first sheet), every cell as text."""
    check_zip(data, "xl/workbook.xml")
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise Unreadable(f"The spreadsheet is damaged and cannot be read ({type(error).__name__}).") from None
    try:
        names: list[str] = list(workbook.sheetnames)
        sheet = workbook[SHEET_TITLE if SHEET_TITLE in names else names[0]]
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            if len(rows) > MAX_ROWS:
                raise Unreadable(f"The sheet has more than {MAX_ROWS:,} rows. Split it into smaller files.")
            rows.append([_text(value) for value in values])
    finally:
        workbook.close()
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- the zip inside XLSX and DOCX files ---------------------------------------------------------------
_KINDS = {"xl/workbook.xml": "Excel (.xlsx)", "word/document.xml": "Word (.docx)"}


def check_zip(data: bytes, must_have: str) -> None:
    """Check that ``data`` really is the Office file that holds ``must_have``, before a library opens it."""
    kind = _KINDS[must_have]
    if not data.startswith(b"PK"):
        if _is_text(data):
            raise Unreadable(
                f"This is not a real {kind} file: it looks like text. If it is a CSV file, give it the "
                "ending .csv."
            )
        raise Unreadable(f"This is not a real {kind} file.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Unreadable(f"This is not a real {kind} file, or it is damaged.") from None
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise Unreadable(
            f"This {kind} file would unpack to more than {MAX_UNPACKED_BYTES // 1_000_000} MB: "
            "too big to open safely. Split it into smaller files."
        )
    if any(
        part.file_size > RATIO_FROM_BYTES and part.file_size > MAX_RATIO * max(part.compress_size, 1)
        for part in parts
    ):
        raise Unreadable(f"This {kind} file is packed in a way real files never are, so it is not opened.")
    names = {part.filename for part in parts}
    if must_have not in names:
        other = next((name for part, name in _KINDS.items() if part in names), None)
        raise Unreadable(
            f"This is not a real {kind} file"
            + (f": it is a {other} file. Give it the right ending." if other else ".")
        )


def _is_text(data: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data[:4096], final=False)
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data[:4096]
