"""Reading and writing the files an agency moves its records with: CSV (UTF-8, a header row) or an
Excel workbook (.xlsx, the first sheet, a header row). Rows are numbered as a spreadsheet shows
them: the header is row 1, the first record row 2. Pure: bytes in, text cells out."""

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class UnreadableFile(ValueError):
    """The file as a whole cannot be read (not CSV or Excel, no header, too large)."""


@dataclass(frozen=True)
class Sheet:
    header: tuple[str, ...]  # as written in the file, trimmed
    rows: tuple[tuple[int, dict[str, str]], ...]  # (row number, cells by lower-cased column name)


def format_of(filename: str) -> Format:
    name = filename.lower().strip()
    if name.endswith(".csv"):
        return Format.CSV
    if name.endswith(".xlsx"):
        return Format.XLSX
    raise UnreadableFile("Please choose a .csv or .xlsx file.")


def read(filename: str, data: bytes) -> Sheet:
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    raw = _csv_rows(data) if format_of(filename) == Format.CSV else _xlsx_rows(data)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(raw, start=1):
        if header is None:
            header = tuple(cell.strip() for cell in cells)
            if not any(header):
                raise UnreadableFile("The first row must name the columns.")
            continue
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        if len(rows) >= MAX_ROWS:
            raise UnreadableFile(f"The file has more than {MAX_ROWS:,} rows; please split it.")
        named = {name.lower(): (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        rows.append((number, named))
    if header is None:
        raise UnreadableFile("The file is empty.")
    return Sheet(header, tuple(rows))


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile("The CSV file is not UTF-8 text; please save it as “CSV UTF-8”.") from None
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise UnreadableFile(f"The CSV file cannot be read: {error}.") from None


def _xlsx_rows(data: bytes) -> list[list[str]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise UnreadableFile("The file is not an Excel workbook (.xlsx).") from None
    try:
        sheet = book.worksheets[0]
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell(value: object) -> str:
    """An Excel cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write(columns: Sequence[str], rows: Sequence[Sequence[str]], fmt: Format) -> bytes:
    if fmt == Format.CSV:
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return out.getvalue().encode("utf-8")
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(columns))
    for row in rows:
        sheet.append(list(row))  # text cells: a postcode keeps its leading zero
    out_bytes = io.BytesIO()
    book.save(out_bytes)
    return out_bytes.getvalue()
