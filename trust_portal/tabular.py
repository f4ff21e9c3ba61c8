"""Reading and writing spreadsheets: CSV and XLSX imports that are all-or-nothing, and safe exports.

An import describes its columns; `read_rows` parses every row and returns either the clean records or the
errors, each naming the row (as the spreadsheet numbers it, header = row 1) and the column. Callers save
nothing unless there are no errors. Exports neutralise cells a spreadsheet would run as a formula.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.http import HttpResponse

from trust_portal.safe_files import UnreadableFile, cell_problem, decode_text, name_problem, xlsx_rows

MAX_IMPORT_ROWS = 5000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class TableError(Exception):
    """The file as a whole cannot be read (wrong type, no header, missing columns, a bomb)."""

    rows_read = 0


class CellError(ValueError):
    """A parser's complaint about one cell, in words the person can act on."""


@dataclass(frozen=True)
class Column:
    name: str  # the header, exactly as in the template
    field: str  # the key in the parsed record
    parse: Callable = str
    required: bool = True
    hint: str = ""  # shown in the template's second row and on the import page


def text(value):
    return str(value).strip()


def one_line(max_length: int = 200):
    """A parser for a name or identifier: one line of plain text, at most `max_length` characters."""

    def parse(value):
        value = str(value).strip()
        problem = name_problem(value, max_length=max_length)
        if problem:
            raise CellError(problem)
        return value

    return parse


def whole_number(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        return int(str(value).strip().replace(",", ""))
    except ValueError:
        raise CellError(f"'{value}' is not a whole number") from None


def decimal(value):
    cleaned = str(value).strip().replace(",", "").replace("£", "").replace("%", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise CellError(f"'{value}' is not a number") from None


def percentage(value):
    number = decimal(value)
    if not 0 <= number <= 100:
        raise CellError(f"{number} is not a percentage between 0 and 100")
    return number


def yes_no(value):
    answer = str(value).strip().lower()
    if answer in {"yes", "y", "true", "1"}:
        return True
    if answer in {"no", "n", "false", "0"}:
        return False
    raise CellError(f"'{value}' is not Yes or No")


def a_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            pass
    raise CellError(f"'{value}' is not a date like 27/03/2026")


def choice(options: dict):
    """A parser accepting any of `options` (label -> value), case-insensitively."""
    lookup = {str(label).lower(): value for label, value in options.items()}

    def parse(value):
        try:
            return lookup[str(value).strip().lower()]
        except KeyError:
            raise CellError(f"'{value}' is not one of: {', '.join(map(str, options))}") from None

    return parse


def _cells_from_csv(data: bytes):
    rows = []
    for row in csv.reader(io.StringIO(decode_text(data))):
        rows.append(row)
        if len(rows) > MAX_IMPORT_ROWS + 1:
            raise UnreadableFile(
                f"The file has more than {MAX_IMPORT_ROWS} rows; split it into files of at most "
                f"{MAX_IMPORT_ROWS}.",
                rows_read=len(rows),
            )
    return rows


def read_cells(filename: str, data: bytes):
    name = filename.lower()
    try:
        if name.endswith(".csv"):
            return _cells_from_csv(data)
        if name.endswith(".xlsx"):
            return xlsx_rows(data, max_rows=MAX_IMPORT_ROWS)
    except UnreadableFile as error:
        table_error = TableError(str(error))
        table_error.rows_read = error.rows_read
        raise table_error from None
    raise TableError("Upload a .csv or .xlsx file.")


def read_rows(filename: str, data: bytes, columns: list[Column]):
    """Parse a file against its columns. Returns (records, errors); each record carries its `_row` number."""
    cells = read_cells(filename, data)
    if not cells or not any(str(c).strip() for c in cells[0]):
        raise TableError("The file is empty: the first row must hold the column headings.")
    header = [str(c).strip() for c in cells[0]]
    missing = [col.name for col in columns if col.required and col.name not in header]
    if missing:
        raise TableError(
            "The file has no column " + ", ".join(f"'{m}'" for m in missing) + ". Start from the template."
        )
    position = {col.name: header.index(col.name) if col.name in header else len(header) for col in columns}
    records, errors = [], []
    body = cells[1:]
    if len(body) > MAX_IMPORT_ROWS:
        raise TableError(f"The file has {len(body)} rows; split it into files of at most {MAX_IMPORT_ROWS}.")
    for number, row in enumerate(body, start=2):
        values = {
            col.name: row[position[col.name]] if position[col.name] < len(row) else "" for col in columns
        }
        if all(str(v).strip() == "" for v in values.values()):
            continue
        if any(col.hint and str(values[col.name]).strip() == col.hint for col in columns):
            continue  # the template's hint row
        record = {"_row": number}
        for col in columns:
            raw = values[col.name]
            problem = cell_problem(raw)
            if problem:
                errors.append(f"Row {number}, column '{col.name}': {problem}.")
                continue
            if str(raw).strip() == "":
                if col.required:
                    errors.append(f"Row {number}, column '{col.name}': enter a value.")
                record[col.field] = None
                continue
            try:
                record[col.field] = col.parse(raw)
            except CellError as error:
                errors.append(f"Row {number}, column '{col.name}': {error}.")
        records.append(record)
    if not records and not errors:
        raise TableError("The file has headings but no rows to import.")
    return records, errors


def neutralise(value):
    """A cell a spreadsheet would evaluate (=, +, -, @) is written as text with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def requested_format(request) -> str:
    """The format a download link asks for (`?format=xlsx`); CSV otherwise."""
    return "xlsx" if request.GET.get("format") == "xlsx" else "csv"


def spreadsheet_response(filename: str, headers: list[str], rows: Iterable[Iterable], fmt: str = "csv"):
    """A download of `rows` as CSV or XLSX, with every cell neutralised."""
    safe_rows = ([neutralise(v) for v in row] for row in rows)
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(headers)
        for row in safe_rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(headers)
    writer.writerows(safe_rows)
    return response


def template_response(filename: str, columns: list[Column], fmt: str = "csv"):
    """The empty import template: headings, then a row of hints."""
    return spreadsheet_response(filename, [c.name for c in columns], [[c.hint for c in columns]], fmt)
