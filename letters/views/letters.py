from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.services import DOWNLOADED, access_record_create
from schools.access import appointment_required, get_for_user, trust_role_required
from schools.models import HalfTerm, School
from trust_portal.next_url import local_next
from trust_portal.tabular import requested_format, spreadsheet_response
from trust_portal.uploads import protected_file_response

from .. import services
from ..changes import changes_since_issue
from ..compose import content_hash, letter_content
from ..errors import LetterError
from ..exports import letters_table
from ..forms import LetterForm, ReasonForm, ReportDoneForm
from ..models import BatchKind, Letter, LetterPdf, LetterStatus, RenderStatus
from ..permissions import (
    may_acknowledge,
    may_read_drafts,
    require_acknowledge,
    require_approve,
    require_issue,
    require_write,
)
from ..selectors import batch_outcomes, undecided_categories
from .common import (
    letter_for,
    refused,
    require_queue,
    visible_directives,
    visible_letters,
)


def _half_term_from(request) -> HalfTerm:
    pk = request.GET.get("half_term")
    if pk and pk.isdigit():
        return get_object_or_404(HalfTerm, pk=pk)
    half_term = HalfTerm.objects.current()
    if half_term is None:
        raise Http404("No half-terms are set up yet.")
    return half_term


@trust_role_required()
def letter_list(request):
    """A half-term's letters to every school, with approve-all and issue-all for the CEO."""
    half_term = _half_term_from(request)
    letters = list(
        Letter.objects.filter(half_term=half_term)
        .select_related("school", "acknowledged_by")
        .order_by("school__name", "-version")
    )
    pdfs = {}
    for pdf in LetterPdf.objects.filter(letter__in=letters).order_by("created_at"):
        pdfs[pdf.letter_id] = pdf  # the latest made for each letter
    counts = {status: sum(1 for letter in letters if letter.status == status) for status in LetterStatus}
    drafts = {letter.school_id for letter in letters if letter.is_draft}
    waiting = undecided_categories(school_ids=drafts, half_term=half_term)
    return render(
        request,
        "letters/letter_list.html",
        {
            "half_term": half_term,
            "half_terms": HalfTerm.objects.select_related("academic_year").order_by("-starts_on"),
            "rows": [(letter, pdfs.get(letter.pk)) for letter in letters],
            "missing": School.objects.exclude(letters__half_term=half_term).count(),
            "counts": counts,
            "ready_drafts": len(drafts) - len(waiting),
            "waiting_for_categories": len(waiting),
            "batches": batch_outcomes(half_term=half_term),
            "BatchKind": BatchKind,
        },
    )


@require_POST
@trust_role_required()
def drafts_create(request, half_term_pk):
    require_write(request.user)
    half_term = get_object_or_404(HalfTerm, pk=half_term_pk)
    made = services.letters_drafts_create(half_term=half_term, by=request.user)
    messages.success(request, f"{made} draft letters started for {half_term.label}.")
    return redirect(f"{reverse('letters:list')}?half_term={half_term.pk}")


@appointment_required
def school_letters(request, urn):
    """A school's letters and directives, for its head and LSB chair (and the trust)."""
    school = get_for_user(School.objects, request.user, urn=urn)
    return render(
        request,
        "letters/school_letters.html",
        {
            "school": school,
            "letters": visible_letters(request.user).filter(school=school).select_related("half_term"),
            "directives": visible_directives(request.user)
            .filter(school=school)
            .select_related("half_term")
            .prefetch_related("events")
            .order_by("half_term__starts_on", "pk"),
        },
    )


@appointment_required
def letter_detail(request, pk):
    letter = letter_for(request.user, pk)
    if letter.is_sent:
        content, current_pdf, data_changed = letter.content, letter.issued_pdf, False
    else:
        content = letter_content(letter)
        current_pdf = letter.pdfs.filter(content_hash=content_hash(content)).first()
        latest = letter.pdfs.first()
        data_changed = latest is not None and current_pdf is None
    directives = letter.directives_set.select_related("half_term") if may_read_drafts(request.user) else []
    is_head = may_acknowledge(request.user, letter)
    # The head reports each directive still waiting on the school here, without leaving the letter.
    to_report = (
        [
            (d, ReportDoneForm(auto_id=f"directive-{d.pk}-%s", initial={"done_on": timezone.localdate()}))
            for d in visible_directives(request.user)
            .filter(school=letter.school)
            .awaiting_school()
            .select_related("half_term")
            .prefetch_related("events")
        ]
        if is_head and letter.is_sent
        else []
    )
    return render(
        request,
        "letters/letter_detail.html",
        {
            "letter": letter,
            "c": content,
            "pdf": current_pdf,
            "data_changed": data_changed,
            "directives_set": directives,
            "to_report": to_report,
            "record_changes": changes_since_issue(letter),
            "undecided": undecided_categories(school_ids=[letter.school_id], half_term=letter.half_term).get(
                letter.school_id
            )
            if letter.is_draft
            else None,
            "versions": Letter.objects.filter(school=letter.school, half_term=letter.half_term)
            .exclude(pk=letter.pk)
            .order_by("version"),
            "LetterStatus": LetterStatus,
        },
    )


@appointment_required
def letter_pdf(request, pk):
    """The letter's PDF, behind the sign-in; every download is recorded."""
    letter = letter_for(request.user, pk)
    pdf = letter.issued_pdf if letter.is_sent else letter.pdfs.filter(status=RenderStatus.READY).first()
    if pdf is None or pdf.status != RenderStatus.READY:
        raise Http404("This letter's PDF has not been made yet.")
    access_record_create(
        request=request, obj=letter, action=DOWNLOADED, school=letter.school, what=f"{letter} (PDF)"
    )
    name = f"CEO letter {letter.school.urn} {letter.half_term.label.replace(',', '')} v{letter.version}.pdf"
    return protected_file_response(pdf.file, download_name=name)


@appointment_required
def letter_edit(request, pk):
    letter = letter_for(request.user, pk)
    require_write(request.user, letter)
    if letter.status != LetterStatus.DRAFT:
        messages.error(request, "Only a draft can be changed. Return the letter to draft first.")
        return redirect(letter_url(letter))
    form = LetterForm(request.POST or None, initial={"dated": letter.dated, "ceo_text": letter.ceo_text})
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_update(letter=letter, by=request.user, **form.cleaned_data)
        except LetterError as error:
            refused(request, error)
        else:
            messages.success(request, "Letter saved.")
            return redirect(letter_url(letter))
    return render(request, "letters/letter_edit.html", {"letter": letter, "form": form})


def letter_url(letter):
    return reverse("letters:detail", kwargs={"pk": letter.pk})


def _action(request, pk, *, who, do, done):
    """Load the letter for this person (404 to outsiders), check they may act (403), call the service,
    and return to where the person came from (their to-do page, or the letter)."""
    letter = letter_for(request.user, pk)
    who(request.user, letter)
    back = local_next(request, letter_url(letter))
    try:
        result = do(letter)
    except LetterError as error:
        refused(request, error)
        return redirect(back)
    messages.success(request, done(letter))
    return result or redirect(back)


@require_POST
@appointment_required
def letter_approve(request, pk):
    return _action(
        request,
        pk,
        who=require_approve,
        do=lambda letter: services.letter_approve(letter=letter, by=request.user) and None,
        done=lambda letter: f"Letter to {letter.school} approved. Its PDF is being made.",
    )


@require_POST
@appointment_required
def letter_return_to_draft(request, pk):
    return _action(
        request,
        pk,
        who=require_approve,
        do=lambda letter: services.letter_return_to_draft(letter=letter, by=request.user) and None,
        done=lambda letter: f"Letter to {letter.school} returned to draft.",
    )


@require_POST
@appointment_required
def letter_issue(request, pk):
    """Issue one approved letter, through the same per-letter task as issue-all."""

    def issue(letter):
        require_queue()
        batch = services.letter_batch_start(
            kind=BatchKind.ISSUE,
            half_term=letter.half_term,
            by=request.user,
            letter_ids=[letter.pk],
            confirmed_count=1,  # the button on this letter's own page is the confirmation
        )
        return redirect("letters:batch_detail", pk=batch.pk)

    return _action(
        request,
        pk,
        who=require_issue,
        do=issue,
        done=lambda letter: f"Issuing the letter to {letter.school}.",
    )


@require_POST
@appointment_required
def letter_acknowledge(request, pk):
    return _action(
        request,
        pk,
        who=require_acknowledge,
        do=lambda letter: services.letter_acknowledge(letter=letter, by=request.user) and None,
        done=lambda letter: f"Thank you: receipt acknowledged on {timezone.localdate():%-d %B %Y}.",
    )


@appointment_required
def letter_correct(request, pk):
    letter = letter_for(request.user, pk)
    require_write(request.user, letter)
    changes = changes_since_issue(letter)
    initial = (
        {"reason": "The record changed after this letter: " + "; ".join(changes) + "."} if changes else {}
    )
    form = ReasonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            correction = services.letter_correct(
                letter=letter, by=request.user, reason=form.cleaned_data["reason"]
            )
        except LetterError as error:
            refused(request, error)
        else:
            messages.success(request, f"Version {correction.version} started as a draft.")
            return redirect(letter_url(correction))
    return render(
        request,
        "letters/form_page.html",
        {
            "letter": letter,
            "form": form,
            "title": f"Correct the letter to {letter.school}",
            "lead": "The letter already sent stays as it was. A new version is started as a draft, with your "
            "reason printed on it; it is approved and issued like any other letter.",
            "button": "Start a corrected version",
        },
    )


@trust_role_required()
def letter_list_export(request):
    """The half-term's letters as the list shows them: issue, email and acknowledgement state."""
    half_term = _half_term_from(request)
    headers, rows = letters_table(visible_letters(request.user).filter(half_term=half_term))
    name = f"letters-{half_term.label.lower().replace(',', '').replace(' ', '-')}"
    return spreadsheet_response(name, headers, rows, requested_format(request))


@appointment_required
def school_letters_export(request, urn):
    """A school's letters, for its head and LSB chair (sent ones only, as on their page) and the trust."""
    school = get_for_user(School.objects, request.user, urn=urn)
    headers, rows = letters_table(visible_letters(request.user).filter(school=school))
    return spreadsheet_response(f"letters-{school.urn}", headers, rows, requested_format(request))
