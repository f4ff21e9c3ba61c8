"""Directives: set by the CEO in a letter, reported done by the head, accepted or returned by the CEO."""

from datetime import date

from django.db import transaction

from notifications import hand_offs

from ..errors import LetterError
from ..models import Directive, DirectiveEvent, DirectiveStatus, Letter, LetterStatus
from ..models.statuses import DIRECTIVE_MOVES, move_allowed
from ..permissions import may_decide, may_report, may_write
from .permissions import require


def _move(*, directive: Directive, to: DirectiveStatus, by, note: str = "", done_on=None) -> Directive:
    if not move_allowed(DIRECTIVE_MOVES, directive.status, to):
        raise LetterError(
            f"This directive is {directive.get_status_display().lower()}, so it cannot be "
            f"moved to {to.label.lower()}."
        )
    DirectiveEvent.objects.create(
        directive=directive, from_status=directive.status, to_status=to, by=by, note=note, done_on=done_on
    )
    directive.status = to
    directive.save(update_fields=["status"])
    return directive


@transaction.atomic
def directive_set(*, letter: Letter, text: str, due_on: date | None = None, by) -> Directive:
    """The CEO sets a directive in a draft letter; it shows on this and every later letter until closed."""
    require(may_write(by, letter), "Only the CEO can set directives.")
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status != LetterStatus.DRAFT:
        raise LetterError("Directives can only be set in a draft letter. Return the letter to draft first.")
    text = text.strip()
    if not text:
        raise LetterError("Enter what the school must do.")
    directive = Directive.objects.create(
        school=letter.school, letter=letter, half_term=letter.half_term, text=text, due_on=due_on, set_by=by
    )
    DirectiveEvent.objects.create(directive=directive, to_status=DirectiveStatus.OPEN, by=by, note="Set")
    return directive


@transaction.atomic
def directive_withdraw(*, directive: Directive, by) -> None:
    """The CEO takes a directive back out of a letter that has not been sent yet."""
    require(may_write(by), "Only the CEO can withdraw directives.")
    directive = Directive.objects.select_for_update().select_related("letter").get(pk=directive.pk)
    if directive.letter.status != LetterStatus.DRAFT:
        raise LetterError(
            "This directive's letter is no longer a draft. Return it to draft to withdraw the directive, "
            "or close it through the school's report once the letter has been sent."
        )
    directive.events.all().delete()
    directive.delete()


@transaction.atomic
def directive_report_done(*, directive: Directive, by, what_was_done: str, done_on: date) -> Directive:
    """The head reports what was done and when; the CEO then accepts or returns it."""
    directive = Directive.objects.select_for_update().select_related("school", "letter").get(pk=directive.pk)
    require(
        may_report(by, directive), f"Only the headteacher of {directive.school} can report a directive done."
    )
    if not directive.letter.is_sent:
        raise LetterError("This directive's letter has not been sent yet.")
    if not what_was_done.strip():
        raise LetterError("Say what was done.")
    _move(
        directive=directive,
        to=DirectiveStatus.REPORTED_DONE,
        by=by,
        note=what_was_done.strip(),
        done_on=done_on,
    )
    hand_offs.directive_reported(directive)
    return directive


@transaction.atomic
def directive_accept(*, directive: Directive, by) -> Directive:
    """The CEO accepts the school's report: the directive is closed and leaves the next letters."""
    require(may_decide(by, directive), "Only the CEO can close directives.")
    directive = Directive.objects.select_for_update().get(pk=directive.pk)
    return _move(directive=directive, to=DirectiveStatus.CLOSED, by=by, note="Accepted")


@transaction.atomic
def directive_return(*, directive: Directive, by, reason: str) -> Directive:
    """The CEO returns the school's report, saying why; the directive stays on the letters."""
    require(may_decide(by, directive), "Only the CEO can return directives.")
    if not reason.strip():
        raise LetterError("Say why the report is returned, so the school knows what is still needed.")
    directive = Directive.objects.select_for_update().select_related("school").get(pk=directive.pk)
    _move(directive=directive, to=DirectiveStatus.RETURNED, by=by, note=reason.strip())
    hand_offs.directive_returned(directive)
    return directive
