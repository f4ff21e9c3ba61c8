from django.core.exceptions import PermissionDenied, ValidationError

from audits.models import AuditAction
from schools.access import access_for, get_for_user
from schools.roles import Role


def action_for(request, pk) -> AuditAction:
    """The action if the person may see its school (404 otherwise)."""
    queryset = AuditAction.objects.select_related("audit__school", "audit__audit_type", "owner")
    return get_for_user(queryset, request.user, pk=pk)


def is_compliance_manager(user) -> bool:
    return access_for(user).has_trust_role(Role.COMPLIANCE_MANAGER)


def require_compliance_manager(user):
    if not is_compliance_manager(user):
        raise PermissionDenied("Only the compliance manager may do this.")


def require_head(user, school):
    if not access_for(user).is_head_of(school.pk):
        raise PermissionDenied("Only the school's headteacher or head of school may report on its actions.")


def add_service_error(form, error: ValidationError):
    for message in error.messages:
        form.add_error(None, message)
