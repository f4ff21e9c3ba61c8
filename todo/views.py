from django.shortcuts import render
from django.utils import timezone

from schools.access import access_for, appointment_required

from .selectors import todo_for


@appointment_required
def todo_list(request):
    """Everything waiting on the signed-in person: their landing page after signing in."""
    today = timezone.localdate()
    groups = todo_for(request.user, access_for(request.user), today=today)
    return render(
        request,
        "todo/todo_list.html",
        {"groups": groups, "count": sum(len(items) for _, items in groups), "today": today},
    )
