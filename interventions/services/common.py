from django.core.exceptions import ValidationError

from ..models import InterventionEvent


def event_record(*, record, school, action: str, by, detail: str = "") -> InterventionEvent:
    """The record of who did what to an intervention record; every service writes one."""
    return InterventionEvent.objects.create(
        school=school,
        record_type=record._meta.label_lower,
        record_id=record.pk,
        action=action,
        detail=detail,
        by=by,
    )


def require_open(record, what: str):
    if not record.is_open:
        raise ValidationError(
            f"This {what} was closed on {record.closed_on:%-d %B %Y}; it is kept as it was."
        )


def require_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value
