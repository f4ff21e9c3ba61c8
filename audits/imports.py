"""The audit actions import: columns, and turning a file's rows into actions ready to save.

Schools are named by URN and audit types by name; the owner (by email) defaults to the school's head.
Nothing is saved unless every row is good; every error names its row and column.
"""

from django.contrib.auth import get_user_model

from audits.models import AuditAction, AuditType, Priority
from schools.models import Appointment, School
from schools.roles import HEAD_ROLES
from trust_portal.tabular import Column, a_date, choice, one_line, read_rows, text

COLUMNS = [
    Column("URN", "urn", one_line(6), hint="6 digits, e.g. 990101"),
    Column("Audit type", "audit_type", one_line(100), hint="e.g. Fire safety"),
    Column("Audit date", "carried_out_on", a_date, hint="e.g. 27/03/2026"),
    Column("Auditor", "auditor", one_line(200), required=False, hint="who carried it out"),
    Column("Action", "description", text, hint="what the school must do"),
    Column("Priority", "priority", choice({p.label: p.value for p in Priority}), hint="High, Medium or Low"),
    Column("Due date", "due_on", a_date, hint="e.g. 30/04/2026"),
    Column("Owner email", "owner_email", one_line(254), required=False, hint="empty: the school's head"),
]


def prepare(filename: str, data: bytes) -> tuple[list[dict], list[str]]:
    """Parse and resolve a file. Returns (rows ready for `audit_actions_import`, errors). Four queries."""
    records, errors = read_rows(filename, data, COLUMNS)
    schools = {s.urn: s for s in School.objects.filter(urn__in={r.get("urn") for r in records})}
    types = {t.name.lower(): t for t in AuditType.objects.all()}
    emails = {(r.get("owner_email") or "").lower() for r in records} - {""}
    people = {p.email.lower(): p for p in get_user_model().objects.filter(email__in=emails, is_active=True)}
    heads = {}
    for appointment in (
        Appointment.objects.current()
        .filter(school__in=schools.values(), role__in=HEAD_ROLES)
        .order_by("role", "starts_on")
    ):
        heads.setdefault(appointment.school_id, appointment.person_id)
    rows = []
    for record in records:
        number = record["_row"]
        school = schools.get(record.get("urn"))
        if record.get("urn") and not school:
            errors.append(f"Row {number}, column 'URN': no school in the trust has URN {record['urn']}.")
        audit_type = types.get((record.get("audit_type") or "").lower())
        if record.get("audit_type") and not audit_type:
            errors.append(
                f"Row {number}, column 'Audit type': '{record['audit_type']}' is not an audit type. "
                f"Use one of: {', '.join(t.name for t in types.values())}."
            )
        owner_id = None
        email = (record.get("owner_email") or "").lower()
        if email:
            owner = people.get(email)
            if owner:
                owner_id = owner.pk
            else:
                errors.append(
                    f"Row {number}, column 'Owner email': no one in the portal has the email {email}."
                )
        elif school:
            owner_id = heads.get(school.pk)
            if not owner_id:
                errors.append(
                    f"Row {number}, column 'Owner email': {school} has no head in the portal; "
                    "enter the owner's email."
                )
        due, done = record.get("due_on"), record.get("carried_out_on")
        if due and done and due < done:
            errors.append(f"Row {number}, column 'Due date': the due date is before the audit date.")
        if school and audit_type and owner_id:
            rows.append(
                {
                    "row": number,
                    "school_id": school.pk,
                    "school": school.name,
                    "urn": school.urn,
                    "audit_type_id": audit_type.pk,
                    "audit_type": audit_type.name,
                    "carried_out_on": done.isoformat() if done else None,
                    "auditor": record.get("auditor") or "",
                    "description": record.get("description") or "",
                    "priority": record.get("priority"),
                    "due_on": due.isoformat() if due else None,
                    "owner_id": owner_id,
                }
            )
    return mark_existing(rows), sorted(errors, key=_row_number)


def action_key(school_id, audit_type_id, carried_out_on, description, due_on) -> tuple:
    """What makes two actions the same: school, audit (type and date), action text and due date."""
    return (school_id, audit_type_id, str(carried_out_on), " ".join(description.split()), str(due_on))


def existing_keys(rows: list[dict]) -> set[tuple]:
    """The keys of the actions already recorded for the schools and types in `rows` (one query)."""
    recorded = AuditAction.objects.filter(
        audit__school_id__in={r["school_id"] for r in rows},
        audit__audit_type_id__in={r["audit_type_id"] for r in rows},
    ).values_list(
        "audit__school_id", "audit__audit_type_id", "audit__carried_out_on", "description", "due_on"
    )
    return {action_key(*values) for values in recorded}


def mark_existing(rows: list[dict]) -> list[dict]:
    """Mark each row that matches an action already recorded, or an earlier row of the same file:
    the import skips them, so importing the same file twice adds nothing."""
    seen = existing_keys(rows) if rows else set()
    first_row = {}
    for row in rows:
        key = action_key(
            row["school_id"], row["audit_type_id"], row["carried_out_on"], row["description"], row["due_on"]
        )
        row["existing"] = key in seen
        row["repeats"] = first_row.get(key)
        first_row.setdefault(key, row["row"])
    return rows


def _row_number(message: str) -> int:
    try:
        return int(message.split(",")[0].removeprefix("Row "))
    except ValueError:
        return 0
