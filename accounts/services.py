from accounts.models import AccessRecord

VIEWED = "viewed"
DOWNLOADED = "downloaded"


def access_record_create(*, request, obj, action: str = VIEWED, school=None, what: str = "") -> AccessRecord:
    """Record that the signed-in person opened or downloaded a restricted thing."""
    return AccessRecord.objects.create(
        person=request.user,
        action=action,
        what=(what or str(obj))[:200],
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        school=school,
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )
