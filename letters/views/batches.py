from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from schools.access import trust_role_required
from schools.models import HalfTerm

from .. import services
from ..errors import LetterError
from ..models import BatchKind, LetterBatch
from ..permissions import may_issue, require_approve, require_issue
from ..selectors import batch_progress, issue_summary
from .common import refused, require_queue


def _start(request, half_term, kind, *, refused_to, **confirmation):
    try:
        require_queue()
        batch = services.letter_batch_start(kind=kind, half_term=half_term, by=request.user, **confirmation)
    except LetterError as error:
        refused(request, error)
        return redirect(refused_to)
    messages.success(request, f"{batch.get_kind_display()} for {half_term.label}: started.")
    for reason in batch.skipped:
        messages.warning(request, f"Left as a draft: {reason}")
    return redirect("letters:batch_detail", pk=batch.pk)


def _list_url(half_term):
    return f"{reverse('letters:list')}?half_term={half_term.pk}"


@require_POST
@trust_role_required()
def approve_all(request, half_term_pk):
    require_approve(request.user)
    half_term = get_object_or_404(HalfTerm, pk=half_term_pk)
    return _start(request, half_term, BatchKind.APPROVE, refused_to=_list_url(half_term))


@require_http_methods(["GET", "POST"])
@trust_role_required()
def issue_all(request, half_term_pk):
    """Issue-all asks first: how many letters go to how many people. Only the confirmed count is sent."""
    require_issue(request.user)
    half_term = get_object_or_404(HalfTerm, pk=half_term_pk)
    if request.method == "POST":
        confirmed = request.POST.get("letters", "")
        return _start(
            request,
            half_term,
            BatchKind.ISSUE,
            refused_to=request.path,
            confirmed_count=int(confirmed) if confirmed.isdigit() else None,
        )
    return render(
        request,
        "letters/issue_confirm.html",
        {"half_term": half_term, **issue_summary(half_term=half_term)},
    )


def _issue_next(batch, progress) -> dict | None:
    """After approve-all finishes, what issue-all would send: the same page offers it."""
    if batch.kind != BatchKind.APPROVE or progress["running"]:
        return None
    summary = issue_summary(half_term=batch.half_term)
    return {"letters": summary["letter_count"], "people": summary["people_count"]}


@trust_role_required()
def batch_detail(request, pk):
    batch = get_object_or_404(LetterBatch.objects.select_related("half_term", "started_by"), pk=pk)
    progress = batch_progress(batch)
    issuer = may_issue(request.user)
    return render(
        request,
        "letters/batch_detail.html",
        {
            "batch": batch,
            "progress": progress,
            "may_issue": issuer,
            "issue": _issue_next(batch, progress) if issuer else None,
            "BatchKind": BatchKind,
        },
    )


@trust_role_required()
def batch_progress_json(request, pk):
    """The progress; once an approve-all has finished, also what issue-all would send (for the CEO), so
    the page offers it without reloading."""
    batch = get_object_or_404(LetterBatch.objects.select_related("half_term"), pk=pk)
    progress = batch_progress(batch)
    if may_issue(request.user):
        progress["issue"] = _issue_next(batch, progress)
    return JsonResponse(progress)


@require_POST
@trust_role_required()
def batch_retry(request, pk):
    require_issue(request.user)
    batch = get_object_or_404(LetterBatch, pk=pk)
    try:
        require_queue()
        count = services.letter_batch_retry(batch=batch, by=request.user)
    except LetterError as error:
        refused(request, error)
    else:
        messages.success(request, f"Trying {count} letters again.")
    return redirect("letters:batch_detail", pk=batch.pk)
