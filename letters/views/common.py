"""How letters views load things for a person, and refuse actions to read-only people."""

from django.contrib import messages
from django.shortcuts import get_object_or_404

from schools.permissions import refuse_unless
from trust_portal.queue import QUEUE_UNREACHABLE, broker_reachable

from ..errors import LetterError
from ..models import Directive, Letter
from ..permissions import HEAD_ONLY, acknowledging_school_ids, may_read_drafts, require_write


def visible_letters(user):
    """Letters a person may read: everything for trust-wide roles; only sent letters for a school's people."""
    letters = Letter.objects.visible_to(user)
    return letters if may_read_drafts(user) else letters.sent()


def visible_directives(user):
    directives = Directive.objects.visible_to(user)
    if may_read_drafts(user):
        return directives
    return directives.filter(letter__in=Letter.objects.sent())


def letter_for(user, pk) -> Letter:
    return get_object_or_404(visible_letters(user).select_related("school", "half_term"), pk=pk)


def directive_for(user, pk) -> Directive:
    return get_object_or_404(visible_directives(user).select_related("school", "letter", "half_term"), pk=pk)


def refused(request, error: LetterError) -> None:
    for message in error.messages:
        messages.error(request, message)


def require_queue() -> None:
    """Before saving work that a worker must do: refuse the click, saving nothing, if the queue is down."""
    if not broker_reachable():
        raise LetterError(QUEUE_UNREACHABLE)


# Kept only so branches written before letters/permissions.py still merge: both ask its rules.
# New code calls permissions.require_<verb>. Remove once nothing imports them.
def require_ceo(user):
    require_write(user)


def require_head(user, school):
    refuse_unless(school.pk in acknowledging_school_ids(user), HEAD_ONLY)
