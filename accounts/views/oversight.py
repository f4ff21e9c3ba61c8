"""The CEO's oversight of accounts: the record of access (read-only), and ending a leaver's sessions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts import selectors, services
from accounts.forms import AccessRecordFilterForm, EndSessionsForm
from accounts.permissions import may_oversee_access
from records.chain import verify_chain
from schools.access import permission_required

overseers_only = permission_required(may_oversee_access, "This page is for trust-wide roles only.")

RECORDS_PER_PAGE = 50


@require_GET
@overseers_only
def access_records(request):
    form = AccessRecordFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        records = selectors.access_records().none()
    else:
        filters = form.cleaned_data if form.is_bound else {}
        records = selectors.access_records(
            person_email=filters.get("person", ""),
            school=filters.get("school"),
            action=filters.get("action", ""),
            since=filters.get("since"),
            until=filters.get("until"),
        )
    page = Paginator(records, RECORDS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/access_records.html",
        {"form": form, "page": page, "query": query.urlencode(), "chain": verify_chain()},
    )


@require_GET
@overseers_only
def sessions(request):
    return _sessions_page(request, EndSessionsForm())


def _sessions_page(request, form):
    return render(
        request,
        "accounts/sessions.html",
        {
            "form": form,
            "signed_in": selectors.people_signed_in(),
            "ended": selectors.sessions_ended_recently(),
        },
    )


@require_POST
@overseers_only
def sessions_end(request):
    form = EndSessionsForm(request.POST)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            ended = services.sessions_end_all(
                person=person,
                by=request.user,
                reason=form.cleaned_data["reason"],
                close_account=form.cleaned_data["close_account"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            closed = " and closed their account" if ended.account_closed else ""
            messages.success(
                request, f"Ended {ended.sessions_count} session(s) of {person.display_name}{closed}."
            )
            return redirect("accounts:sessions")
    return _sessions_page(request, form)
