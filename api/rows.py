"""A batch sent to the API is read by the very parser the portal's file import uses.

The rows become a CSV with the import's headings and go through `trust_portal.tabular.read_rows` and the
import's own checks, so a row the import would refuse is refused here with the same words. Errors come
back by row (counted from 1, as in the request) and by field name rather than column heading.
"""

import csv
import io
import re
from datetime import date
from decimal import Decimal

from rest_framework import status
from rest_framework.exceptions import APIException

from trust_portal.tabular import TableError

_ERROR = re.compile(r"^Row (\d+)(?:, column '([^']*)')?: (.*)$", re.DOTALL)


class BatchRefused(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "batch_refused"

    def __init__(self, errors: list[dict]):
        self.errors = errors
        count = len(errors)
        super().__init__(
            f"Nothing was saved: {count} problem{'s' if count != 1 else ''} to fix in the batch."
        )


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def as_csv(rows: list[dict], columns) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.name for column in columns])
    for row in rows:
        writer.writerow([_cell(row.get(column.field)) for column in columns])
    return out.getvalue().encode()


def api_errors(messages, columns) -> list[dict]:
    """`Row 3, column 'GAG (£)': ...` from the import -> {"row": 2, "field": "gag", "message": ...}."""
    fields = {column.name: column.field for column in columns}
    errors = []
    for message in messages:
        match = _ERROR.match(str(message))
        if not match:
            errors.append({"row": None, "field": None, "message": str(message)})
            continue
        row, heading, text = match.groups()
        errors.append({"row": int(row) - 1, "field": fields.get(heading, heading), "message": text})
    return errors


def serializer_errors(errors) -> list[dict]:
    """DRF's nested errors ({"rows": {0: {"gag": [...]}}}) -> the same flat list, rows counted from 1."""
    flat = []

    def add(row, field, messages):
        if isinstance(messages, dict):
            for inner, more in messages.items():
                add(row, inner if inner != "non_field_errors" else field, more)
            return
        for message in messages if isinstance(messages, list) else [messages]:
            flat.append({"row": row, "field": field, "message": str(message)})

    for field, messages in errors.items():
        if field == "rows" and isinstance(messages, dict):
            for key, row_errors in messages.items():
                if isinstance(key, int):
                    add(key + 1, None, row_errors)
                else:
                    add(None, "rows", row_errors)
        else:
            add(None, None if field == "non_field_errors" else field, messages)
    return flat


def read_batch(rows: list[dict], columns, read):
    """Run the import's reader `read(filename, data)` on the rows; BatchRefused if it finds any error."""
    try:
        result, errors = read("api-batch.csv", as_csv(rows, columns))
    except TableError as error:
        raise BatchRefused([{"row": None, "field": None, "message": str(error)}]) from None
    if errors:
        raise BatchRefused(api_errors(errors, columns))
    return result
