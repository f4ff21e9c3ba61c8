from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from schools.access import appointment_required
from trust_portal.next_url import local_next

from .. import services
from ..errors import LetterError
from ..forms import DirectiveForm, ReasonForm, ReportDoneForm
from ..permissions import require_decide, require_report, require_write
from .common import directive_for, letter_for, refused


def _school_letters_url(directive):
    return reverse("letters:school_letters", kwargs={"urn": directive.school.urn})


def _form_page(request, *, form, title, lead, button, back, **extra):
    """A form on its own page; a `next` it came with is kept, so the person returns where they started."""
    nxt = local_next(request, "")
    return render(
        request,
        "letters/form_page.html",
        {
            "form": form,
            "title": title,
            "lead": lead,
            "button": button,
            "back": nxt or back,
            "next": nxt,
            **extra,
        },
    )


@appointment_required
def directive_add(request, pk):
    """The CEO sets a directive in a draft letter."""
    letter = letter_for(request.user, pk)
    require_write(request.user, letter)
    back = reverse("letters:detail", kwargs={"pk": letter.pk})
    form = DirectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.directive_set(letter=letter, by=request.user, **form.cleaned_data)
        except LetterError as error:
            refused(request, error)
        else:
            messages.success(request, "Directive added to the letter.")
            return redirect(back)
    return _form_page(
        request,
        form=form,
        title=f"Add a directive for {letter.school}",
        lead=f"It is shown as set in {letter.half_term.letter_label} on this and every later letter "
        "until you accept the school's report that it is done.",
        button="Add the directive",
        back=back,
        letter=letter,
    )


@require_POST
@appointment_required
def directive_withdraw(request, pk):
    directive = directive_for(request.user, pk)
    require_write(request.user)
    back = reverse("letters:detail", kwargs={"pk": directive.letter_id})
    try:
        services.directive_withdraw(directive=directive, by=request.user)
    except LetterError as error:
        refused(request, error)
    else:
        messages.success(request, "Directive withdrawn from the draft.")
    return redirect(back)


@appointment_required
def directive_report(request, pk):
    """The head reports what was done about a directive, and when."""
    directive = directive_for(request.user, pk)
    require_report(request.user, directive)
    form = ReportDoneForm(request.POST or None, initial={"done_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.directive_report_done(directive=directive, by=request.user, **form.cleaned_data)
        except LetterError as error:
            refused(request, error)
        else:
            messages.success(request, "Thank you. The CEO will review your report.")
            return redirect(local_next(request, _school_letters_url(directive)))
    return _form_page(
        request,
        form=form,
        title="Report a directive done",
        lead=f"{directive.half_term.letter_label}: {directive.text}",
        button="Send the report",
        back=_school_letters_url(directive),
    )


@require_POST
@appointment_required
def directive_accept(request, pk):
    directive = directive_for(request.user, pk)
    require_decide(request.user, directive)
    try:
        services.directive_accept(directive=directive, by=request.user)
    except LetterError as error:
        refused(request, error)
    else:
        messages.success(request, "Directive closed. It no longer appears on letters.")
    return redirect(local_next(request, _school_letters_url(directive)))


@appointment_required
def directive_return(request, pk):
    directive = directive_for(request.user, pk)
    require_decide(request.user, directive)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.directive_return(
                directive=directive, by=request.user, reason=form.cleaned_data["reason"]
            )
        except LetterError as error:
            refused(request, error)
        else:
            messages.success(request, "Report returned to the school with your reason.")
            return redirect(local_next(request, _school_letters_url(directive)))
    return _form_page(
        request,
        form=form,
        title="Return the school's report",
        lead=f"{directive.half_term.letter_label}: {directive.text}. Say what is still needed.",
        button="Return the report",
        back=_school_letters_url(directive),
    )
