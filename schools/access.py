"""The one access layer: who may see which school, and loading an object for a person.

Every list, detail page, export and PDF goes through `visible_to(user)` querysets and `get_for_user`, so
a head or LSB chair never sees another school's rows (they get 404, as if the row did not exist).
Roles come from the person's current appointments, read once per request.
"""

from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from schools.roles import HEAD_ROLES, TRUST_WIDE_ROLES

_CACHE_ATTR = "_portal_access"


@dataclass(frozen=True)
class Access:
    trust_roles: frozenset = frozenset()
    # school id -> the roles held at that school
    school_roles: dict = field(default_factory=dict)

    @property
    def trust_wide(self):
        return bool(self.trust_roles)

    @property
    def school_ids(self):
        return frozenset(self.school_roles)

    @property
    def roles(self):
        held = set(self.trust_roles)
        for roles in self.school_roles.values():
            held |= roles
        return frozenset(held)

    def has_trust_role(self, *roles):
        return bool(self.trust_roles & set(roles))

    def has_school_role(self, school_id, *roles):
        return bool(self.school_roles.get(school_id, frozenset()) & set(roles))

    def is_head_of(self, school_id):
        return self.has_school_role(school_id, *HEAD_ROLES)


NO_ACCESS = Access()


def access_for(user):
    """The roles a person holds today, cached on the user object for the rest of the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    from schools.models import Appointment

    trust_roles = set()
    school_roles = {}
    for role, school_id in Appointment.objects.current().filter(person=user).values_list("role", "school_id"):
        if role in TRUST_WIDE_ROLES:
            trust_roles.add(role)
        elif school_id is not None:
            school_roles.setdefault(school_id, set()).add(role)
    access = Access(
        trust_roles=frozenset(trust_roles),
        school_roles={school_id: frozenset(roles) for school_id, roles in school_roles.items()},
    )
    setattr(user, _CACHE_ATTR, access)
    return access


def access_fix_for_request(user, access: Access):
    """Fix the roles a user holds for the rest of this request. The API uses it so that an integration
    client, which has no appointment, holds only the roles its scopes stand for (api/scopes.py)."""
    setattr(user, _CACHE_ATTR, access)


def forget_access(user):
    """Drop the cached roles, e.g. after an appointment changed in the same request or test."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def get_for_user(queryset, user, **lookup):
    """Load one object the person may see, or 404 as if it did not exist."""
    return get_object_or_404(queryset.visible_to(user), **lookup)


def trust_role_required(*roles):
    """A view for people holding one of these trust-wide roles (all trust-wide roles if none named).

    Anonymous people are sent to sign in; everyone else without the role gets 403.
    """
    wanted = set(roles) or set(TRUST_WIDE_ROLES)

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not access_for(request.user).has_trust_role(*wanted):
                raise PermissionDenied("This page is for trust-wide roles only.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def permission_required(may, message="You do not have permission to use this page."):
    """A whole page for the people one `may_<verb>(user)` rule allows (see schools/permissions.py).

    Anonymous people are sent to sign in; everyone else the rule refuses gets 403.
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not may(request.user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def appointment_required(view):
    """A view for anyone with a current appointment (any role). Others get 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access_for(request.user).roles:
            raise PermissionDenied("Your account has no current role in the trust.")
        return view(request, *args, **kwargs)

    return wrapped
