import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from trust_portal.tabular import (
    Column,
    TableError,
    a_date,
    decimal,
    neutralise,
    percentage,
    read_rows,
    spreadsheet_response,
    whole_number,
    yes_no,
)

COLUMNS = [
    Column("URN", "urn"),
    Column("Pupils", "pupils", whole_number),
    Column("Attendance %", "attendance", percentage, required=False),
    Column("Balanced?", "balanced", yes_no),
    Column("Due", "due", a_date, required=False),
]


def as_csv(rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def as_xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


HEADER = ["URN", "Pupils", "Attendance %", "Balanced?", "Due"]


@pytest.mark.parametrize(("name", "encode"), [("f.csv", as_csv), ("f.xlsx", as_xlsx)])
def test_good_rows_parse_from_csv_and_xlsx(name, encode):
    records, errors = read_rows(
        name, encode([HEADER, ["100001", "300", "95.5", "Yes", "27/03/2026"]]), COLUMNS
    )
    assert errors == []
    assert (
        records[0]["pupils"] == 300
        and records[0]["balanced"] is True
        and str(records[0]["attendance"]) == "95.5"
    )
    assert records[0]["_row"] == 2 and records[0]["due"].isoformat() == "2026-03-27"


def test_every_bad_cell_is_named_by_row_and_column():
    data = as_csv([HEADER, ["100001", "lots", "101", "Maybe", ""], ["", "3", "", "No", "31/02/2026"]])
    _, errors = read_rows("f.csv", data, COLUMNS)
    assert errors == [
        "Row 2, column 'Pupils': 'lots' is not a whole number.",
        "Row 2, column 'Attendance %': 101 is not a percentage between 0 and 100.",
        "Row 2, column 'Balanced?': 'Maybe' is not Yes or No.",
        "Row 3, column 'URN': enter a value.",
        "Row 3, column 'Due': '31/02/2026' is not a date like 27/03/2026.",
    ]


def test_a_file_missing_a_column_is_refused_whole():
    with pytest.raises(TableError, match="no column 'Pupils', 'Balanced\\?'"):
        read_rows("f.csv", as_csv([["URN", "Due"], ["1", "2"]]), COLUMNS)


def test_other_file_types_are_refused():
    with pytest.raises(TableError, match=".csv or .xlsx"):
        read_rows("f.pdf", b"%PDF", COLUMNS)
    with pytest.raises(TableError, match="Excel"):
        read_rows("f.xlsx", b"not a zip", COLUMNS)


def test_numbers_accept_pounds_and_commas():
    assert decimal("£44,000") == 44000


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)"])
def test_formula_cells_come_out_inert(cell):
    assert neutralise(cell) == "'" + cell
    response = spreadsheet_response("x", ["a"], [[cell]], "csv")
    assert list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")))) == [["a"], ["'" + cell]]
    workbook = load_workbook(io.BytesIO(spreadsheet_response("x", ["a"], [[cell]], "xlsx").content))
    assert workbook.active["A2"].value == "'" + cell and workbook.active["A2"].data_type == "s"
