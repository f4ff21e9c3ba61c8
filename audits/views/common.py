from django.core.exceptions import ValidationError

from audits.models import AuditAction
from schools.access import get_for_user


def action_for(request, pk) -> AuditAction:
    """The action if the person may see its school (404 otherwise)."""
    queryset = AuditAction.objects.select_related("audit__school", "audit__audit_type", "owner")
    return get_for_user(queryset, request.user, pk=pk)


def add_service_error(form, error: ValidationError):
    for message in error.messages:
        form.add_error(None, message)
