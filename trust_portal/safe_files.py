"""Reading uploaded spreadsheets so that a hostile file cannot hurt: decoding, sizes, zip bombs.

- CSV and GIAS text: UTF-8 (with or without BOM), else Windows-1252; a byte that is neither is named by
  its row and column, never a crash.
- XLSX: the archive is checked before anything is unpacked (the sum of its members' uncompressed sizes,
  and each member's compression ratio), then the first sheet is streamed (openpyxl's read-only mode) and
  reading stops at the row cap, so a bomb is refused without being expanded.
"""

import csv
import io
import re
import zipfile

# Bigger than any real import cell (Excel's own limit is 32,767 characters); csv's default is 128 KB.
MAX_CELL_CHARS = 128 * 1024
# A .xlsx of the imports' size unpacks to a few MB; these refuse bombs, never a real file.
MAX_XLSX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_XLSX_COMPRESSION_RATIO = 100
MAX_XLSX_COLUMNS = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]")

csv.field_size_limit(16 * 1024 * 1024)  # we check cell sizes ourselves, with the row and column


class UnreadableFile(Exception):
    """The file is refused as a whole; `rows_read` says how far reading got (0: nothing was unpacked)."""

    def __init__(self, message, *, rows_read=0):
        super().__init__(message)
        self.rows_read = rows_read


def _where_bad_byte(data: bytes, position: int) -> tuple[int, str]:
    """The row (header = 1) and column heading of the byte at `position` of a CSV file."""
    before = data[:position].decode("cp1252", errors="replace")
    rows = list(csv.reader(io.StringIO(before))) or [[]]
    header = rows[0]
    if before.endswith(("\n", "\r")):
        rows.append([])
    column_index = max(len(rows[-1]) - 1, 0) if len(rows) > 1 or rows[-1] else 0
    heading = header[column_index] if column_index < len(header) else f"column {column_index + 1}"
    return len(rows), heading


def decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        row, heading = _where_bad_byte(data, error.start)
        raise UnreadableFile(
            f"Row {row}, column '{heading}': the byte 0x{data[error.start]:02X} is not a character in "
            "UTF-8 or Windows-1252. Save the file as 'CSV UTF-8' and upload it again."
        ) from None


def check_xlsx_archive(data: bytes) -> None:
    """Refuse a workbook whose archive would unpack to far more than a real import."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableFile("The file could not be read as an Excel workbook (.xlsx).") from None
    total = sum(member.file_size for member in members)
    worst = max(
        (
            member.file_size / max(member.compress_size, 1)
            for member in members
            if member.file_size > 1_000_000
        ),
        default=0,
    )
    if total > MAX_XLSX_UNCOMPRESSED_BYTES or worst > MAX_XLSX_COMPRESSION_RATIO:
        raise UnreadableFile(
            f"The workbook would unpack to {total / 1024 / 1024:,.0f} MB, far more than an import needs: "
            "it is refused unread. Copy the rows into a new workbook (or save as CSV) and upload that."
        )


def xlsx_rows(data: bytes, *, max_rows: int):
    """The first sheet's rows (values only), streamed; refused past `max_rows` rows after the header."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_xlsx_archive(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True, max_col=MAX_XLSX_COLUMNS):
            rows.append(["" if cell is None else cell for cell in row])
            if len(rows) > max_rows + 1:
                raise UnreadableFile(
                    f"The file has more than {max_rows} rows; split it into files of at most {max_rows}.",
                    rows_read=len(rows),
                )
        workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as error:
        raise UnreadableFile("The file could not be read as an Excel workbook (.xlsx).") from error
    return rows


def cell_problem(value) -> str | None:
    """What is wrong with a cell whatever its column: too big, or holding control characters."""
    if not isinstance(value, str):
        return None
    if len(value) > MAX_CELL_CHARS:
        return f"the cell holds {len(value):,} characters; the most a cell may hold is {MAX_CELL_CHARS:,}"
    if CONTROL_CHARACTERS.search(value):
        return "the cell holds a control character; retype it as plain text"
    return None


def name_problem(value: str, *, max_length: int) -> str | None:
    """What is wrong with a name (of a school, a person, an audit type): it is one line of plain text."""
    if LINE_BREAKS.search(value):
        return "a name must be on one line; remove the line break"
    if CONTROL_CHARACTERS.search(value):
        return "the name holds a control character; retype it as plain text"
    if len(value) > max_length:
        return f"the name has {len(value)} characters; the most allowed is {max_length}"
    return None
