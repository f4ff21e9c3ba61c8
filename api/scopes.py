"""What an integration client may do, and the trust role whose part each writing scope plays.

A client has no appointment in the trust. While it makes a call, the services see it holding only the
roles its writing scopes stand for, so their own rules (who may import, validation, locks) decide exactly
as they do for a person in that role; reads are allowed by the read scope itself, trust-wide.
"""

from django.db import models

from schools.roles import Role


class Scope(models.TextChoices):
    SCHOOLS_READ = "schools:read", "Read schools"
    PUPILS_WRITE = "pupils:write", "Record pupil numbers"
    FINANCE_WRITE = "finance:write", "Record finance figures"
    KPIS_WRITE = "kpis:write", "Record KPI results and comparators"
    CATEGORIES_READ = "categories:read", "Read categories"
    AUDIT_ACTIONS_READ = "audit-actions:read", "Read audit actions"
    AUDIT_ACTIONS_WRITE = "audit-actions:write", "Record audit actions"
    LETTERS_READ = "letters:read", "Read letters' status"


ACTING_ROLES = {
    Scope.PUPILS_WRITE: Role.COO,
    Scope.FINANCE_WRITE: Role.CFO,
    Scope.KPIS_WRITE: Role.CEO,
    Scope.AUDIT_ACTIONS_WRITE: Role.COMPLIANCE_MANAGER,
}


def acting_roles(scopes) -> frozenset:
    return frozenset(ACTING_ROLES[scope] for scope in scopes if scope in ACTING_ROLES)
