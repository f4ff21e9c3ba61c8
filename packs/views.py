"""Pack pages: the list, making one, and a pack's page with its status and download. Every download is
recorded, as letters' PDFs are."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.services import DOWNLOADED, access_record_create
from schools.access import get_for_user, trust_role_required
from trust_portal.pdf_records import RenderStatus
from trust_portal.queue import QUEUE_UNREACHABLE, broker_reachable
from trust_portal.uploads import protected_file_response

from . import permissions, selectors, services
from .forms import PackForm
from .models import Pack
from .services import pack_make


def _readers_only(request):
    if not permissions.may_read_packs(request.user):
        raise PermissionDenied("Board and committee packs are for the board, its committees and the CEO.")


@trust_role_required()
def pack_list(request):
    _readers_only(request)
    return render(
        request,
        "packs/pack_list.html",
        {"packs": selectors.packs_for(request.user), "may_make": permissions.may_make_pack(request.user)},
    )


@trust_role_required()
def pack_new(request):
    permissions.require_make_pack(request.user)
    form = PackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not broker_reachable():
            form.add_error(None, QUEUE_UNREACHABLE)
        else:
            try:
                pack = pack_make(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("packs:detail", pk=pack.pk)
    return render(request, "packs/pack_new.html", {"form": form})


@trust_role_required()
def pack_detail(request, pk):
    pack = get_for_user(Pack.objects.select_related("made_by", "half_term"), request.user, pk=pk)
    return render(
        request,
        "packs/pack_detail.html",
        {
            "pack": pack,
            "statuses": RenderStatus,
            "content": pack.content,
            "may_retry": pack.status == RenderStatus.FAILED and permissions.may_make_pack(request.user),
        },
    )


@require_POST
@trust_role_required()
def pack_retry(request, pk):
    pack = get_for_user(Pack.objects, request.user, pk=pk)
    try:
        if not broker_reachable():
            raise ValidationError(QUEUE_UNREACHABLE)
        services.pack_retry(pack=pack, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Trying the pack again: refresh this page in a minute to download it.")
    return redirect("packs:detail", pk=pack.pk)


@trust_role_required()
def pack_pdf(request, pk):
    pack = get_for_user(Pack.objects, request.user, pk=pk)
    if pack.status != RenderStatus.READY:
        raise Http404("This pack's PDF has not been made yet.")
    access_record_create(request=request, obj=pack, action=DOWNLOADED, what=f"{pack} (PDF)")
    return protected_file_response(pack.file, download_name=pack.download_name)
