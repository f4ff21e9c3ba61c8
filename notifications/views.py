from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from .forms import DAILY, SINGLE, EmailPreferenceForm
from .selectors import wants_digest
from .services import email_preference_set


@login_required
def email_preference(request):
    """The signed-in person's own choice: an email for each hand-off, or one email a day."""
    posted = request.method == "POST"
    form = EmailPreferenceForm(
        request.POST if posted else None, initial={"how": DAILY if wants_digest(request.user) else SINGLE}
    )
    if posted and form.is_valid():
        email_preference_set(person=request.user, daily_digest=form.daily_digest)
        messages.success(
            request,
            "You will get one email a day." if form.daily_digest else "You will get an email each time.",
        )
        return redirect("notifications:email_preference")
    return render(request, "notifications/email_preference.html", {"form": form})
