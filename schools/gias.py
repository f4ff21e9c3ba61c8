"""Import the trust's schools from the DfE's Get Information about Schools (GIAS) establishment CSV.

The export's column set changes between releases, so columns are found by header name and only the ones
used here are required. The file is all-or-nothing: any bad row stops the import with the row and column
named, and nothing is saved.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from schools.models import Phase, School
from trust_portal.safe_files import UnreadableFile, cell_problem, decode_text, name_problem

REQUIRED_COLUMNS = [
    "URN",
    "EstablishmentName",
    "LA (name)",
    "PhaseOfEducation (name)",
    "TypeOfEstablishment (name)",
]
OPTIONAL_COLUMNS = [
    "LA (code)",
    "EstablishmentStatus (name)",
    "OpenDate",
    "NumberOfPupils",
    "SchoolCapacity",
    "Trusts (code)",
    "TypeOfResourcedProvision (name)",
    "Postcode",
]
PHASES = {
    "nursery": Phase.NURSERY,
    "primary": Phase.PRIMARY,
    "middle deemed primary": Phase.PRIMARY,
    "secondary": Phase.SECONDARY,
    "middle deemed secondary": Phase.SECONDARY,
    "16 plus": Phase.SECONDARY,
    "all-through": Phase.ALL_THROUGH,
}
# Fields GIAS owns: a re-import overwrites them. Date joined and anything else typed by hand are kept.
GIAS_FIELDS = [
    "name",
    "phase",
    "local_authority",
    "la_code",
    "pupils_on_roll",
    "capacity",
    "has_resourced_provision",
    "postcode",
]


class GiasImportError(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("; ".join(errors))


@dataclass
class GiasImportReport:
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)  # (school, [field names])
    unchanged: list = field(default_factory=list)
    skipped: int = 0
    closed: list = field(default_factory=list)

    def summary(self):
        return (
            f"{len(self.added)} added, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
            f"{self.skipped} rows skipped as not the trust's"
            + (f", {len(self.closed)} closed establishments skipped" if self.closed else "")
        )


def decode(raw: bytes) -> str:
    """GIAS publishes cp1252; accept UTF-8 (with or without BOM) too. A byte that is neither is refused
    with its row and column."""
    try:
        return decode_text(raw)
    except UnreadableFile as error:
        raise GiasImportError([str(error)]) from None


def _phase(row):
    phase = PHASES.get(row["PhaseOfEducation (name)"].strip().lower())
    if phase:
        return phase
    kind = row["TypeOfEstablishment (name)"].lower()
    if "special" in kind:
        return Phase.SPECIAL
    if "alternative provision" in kind or "pupil referral" in kind:
        return Phase.ALTERNATIVE_PROVISION
    return None


def _whole_number(value, column, line, errors):
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        errors.append(f"Row {line}, column '{column}': '{value}' is not a whole number.")
        return None
    if number < 0:
        errors.append(f"Row {line}, column '{column}': {number} cannot be negative.")
        return None
    return number


def _date(value, column, line, errors):
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.strptime(value, "%d-%m-%Y").date()
    except ValueError:
        errors.append(f"Row {line}, column '{column}': '{value}' is not a date like 01-09-2021.")
        return None


# The columns kept on the school as names, with the longest each may be.
NAME_COLUMNS = {"EstablishmentName": 200, "LA (name)": 100}


def _check_cells(row, line, errors) -> bool:
    """Every used cell of the row: not oversized, no control characters; names on one line and not too
    long. False if any is wrong (the row's other checks are then skipped)."""
    ok = True
    for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
        value = row.get(column) or ""
        if not isinstance(value, str):  # a row longer than the header: DictReader's spill-over list
            continue
        problem = cell_problem(value)
        if problem is None and column in NAME_COLUMNS:
            problem = name_problem(value.strip(), max_length=NAME_COLUMNS[column])
        if problem:
            errors.append(f"Row {line}, column '{column}': {problem}.")
            ok = False
    return ok


def _read_row(row, line, errors):
    if not _check_cells(row, line, errors):
        return None
    urn = (row["URN"] or "").strip()
    if not (urn.isdigit() and len(urn) == 6):
        errors.append(f"Row {line}, column 'URN': '{urn}' is not a six-digit URN.")
    name = (row["EstablishmentName"] or "").strip()
    if not name:
        errors.append(f"Row {line}, column 'EstablishmentName': the school has no name.")
    phase = _phase(row)
    if phase is None:
        errors.append(
            f"Row {line}, column 'PhaseOfEducation (name)': cannot tell the phase from "
            f"'{row['PhaseOfEducation (name)']}' and '{row['TypeOfEstablishment (name)']}'."
        )
    provision = (row.get("TypeOfResourcedProvision (name)") or "").lower()
    return {
        "urn": urn,
        "name": name,
        "phase": phase,
        "local_authority": (row["LA (name)"] or "").strip(),
        "la_code": (row.get("LA (code)") or "").strip()[:3],
        "pupils_on_roll": _whole_number(row.get("NumberOfPupils"), "NumberOfPupils", line, errors),
        "capacity": _whole_number(row.get("SchoolCapacity"), "SchoolCapacity", line, errors),
        "has_resourced_provision": "resourced provision" in provision or "sen unit" in provision,
        "postcode": (row.get("Postcode") or "").strip()[:10],
        "opened_on": _date(row.get("OpenDate"), "OpenDate", line, errors),
        "status": (row.get("EstablishmentStatus (name)") or "").strip(),
    }


def import_gias(text: str, *, trust_code: str = "", urns=(), dry_run: bool = False) -> GiasImportReport:
    """Add or update the trust's schools from a GIAS export.

    A row is the trust's when its 'Trusts (code)' is `trust_code` or its URN is in `urns`.
    """
    urns = {u.strip() for u in urns if u.strip()}
    if not trust_code and not urns:
        raise GiasImportError(["Give the trust's GIAS trust code or a list of URNs to pick its schools."])
    reader = csv.DictReader(io.StringIO(text))
    headers = reader.fieldnames or []
    missing = [c for c in REQUIRED_COLUMNS if c not in headers]
    if trust_code and "Trusts (code)" not in headers:
        missing.append("Trusts (code)")
    if missing:
        raise GiasImportError(
            [f"The file has no column '{c}'. Is it the GIAS establishment export?" for c in missing]
        )

    errors, rows, skipped = [], [], 0
    for line, row in enumerate(reader, start=2):
        urn = (row.get("URN") or "").strip()
        ours = urn in urns or (trust_code and (row.get("Trusts (code)") or "").strip() == trust_code)
        if not ours:
            skipped += 1
            continue
        rows.append(_read_row(row, line, errors))
    if errors:
        raise GiasImportError(errors)

    report = GiasImportReport(skipped=skipped)
    now = timezone.now()
    with transaction.atomic():
        existing = {
            s.urn: s for s in School.objects.select_for_update().filter(urn__in=[r["urn"] for r in rows])
        }
        for data in rows:
            if data["status"].lower().startswith("closed"):
                report.closed.append(data["urn"])
                continue
            school = existing.get(data["urn"])
            if school is None:
                school = School(urn=data["urn"], joined_on=data["opened_on"], gias_updated_at=now)
                for name in GIAS_FIELDS:
                    setattr(school, name, data[name])
                school.full_clean()
                if not dry_run:
                    school.save()
                report.added.append(school)
                continue
            changed = [name for name in GIAS_FIELDS if getattr(school, name) != data[name]]
            if changed:
                for name in changed:
                    setattr(school, name, data[name])
                school.gias_updated_at = now
                if not dry_run:
                    school.save()
                report.changed.append((school, changed))
            else:
                report.unchanged.append(school)
    return report
