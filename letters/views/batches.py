from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from schools.access import access_for, trust_role_required
from schools.models import HalfTerm
from schools.roles import Role

from .. import services
from ..errors import LetterError
from ..models import BatchKind, LetterBatch
from ..selectors import batch_progress
from .common import refused, require_ceo, require_queue


def _start(request, half_term_pk, kind):
    require_ceo(request.user)
    half_term = get_object_or_404(HalfTerm, pk=half_term_pk)
    try:
        require_queue()
        batch = services.letter_batch_start(kind=kind, half_term=half_term, by=request.user)
    except LetterError as error:
        refused(request, error)
        return redirect(f"{reverse('letters:list')}?half_term={half_term.pk}")
    messages.success(request, f"{batch.get_kind_display()} for {half_term.label}: started.")
    return redirect("letters:batch_detail", pk=batch.pk)


@require_POST
@trust_role_required()
def approve_all(request, half_term_pk):
    return _start(request, half_term_pk, BatchKind.APPROVE)


@require_POST
@trust_role_required()
def issue_all(request, half_term_pk):
    return _start(request, half_term_pk, BatchKind.ISSUE)


@trust_role_required()
def batch_detail(request, pk):
    batch = get_object_or_404(LetterBatch.objects.select_related("half_term", "started_by"), pk=pk)
    return render(
        request,
        "letters/batch_detail.html",
        {
            "batch": batch,
            "progress": batch_progress(batch),
            "is_ceo": access_for(request.user).has_trust_role(Role.CEO),
        },
    )


@trust_role_required()
def batch_progress_json(request, pk):
    batch = get_object_or_404(LetterBatch, pk=pk)
    return JsonResponse(batch_progress(batch))


@require_POST
@trust_role_required()
def batch_retry(request, pk):
    require_ceo(request.user)
    batch = get_object_or_404(LetterBatch, pk=pk)
    try:
        require_queue()
        count = services.letter_batch_retry(batch=batch, by=request.user)
    except LetterError as error:
        refused(request, error)
    else:
        messages.success(request, f"Trying {count} letters again.")
    return redirect("letters:batch_detail", pk=batch.pk)
