"""Reading a list's download back as a person's spreadsheet program would: the CSV as text, the XLSX with
openpyxl."""

import csv
import io

from openpyxl import load_workbook


def download(client, url, fmt="csv", **params):
    response = client.get(url, {**params, "format": fmt})
    assert response.status_code == 200, response.status_code
    return response


def table(response) -> list[list]:
    """The rows of a CSV or XLSX download, the header first; XLSX cells as openpyxl reads them (None when
    empty), CSV cells as text."""
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def formula_cells(response) -> list[str]:
    """The cells of an XLSX download that a spreadsheet would run as a formula."""
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def as_dicts(rows) -> list[dict]:
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]
