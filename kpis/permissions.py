"""Who may import which KPI file: the CEO imports results and comparators; the CEO or the CFO imports
finance figures. Views (403), the import service, templates and the to-do page ask these rules."""

from schools.access import access_for
from schools.permissions import refuse_unless
from schools.roles import Role

from .models import ImportKind

# Who may import each kind of file.
IMPORTERS = {
    ImportKind.KPI_RESULTS: {Role.CEO},
    ImportKind.COMPARATORS: {Role.CEO},
    ImportKind.FINANCE_FIGURES: {Role.CEO, Role.CFO},
}


def may_import(user, kind) -> bool:
    return access_for(user).has_trust_role(*IMPORTERS[kind])


def require_import(user, kind) -> None:
    refuse_unless(may_import(user, kind), "You may not import this kind of file.")
