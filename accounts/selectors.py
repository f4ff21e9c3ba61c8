from django.contrib.sessions.models import Session
from django.db.models import Count, Max
from django.utils import timezone

from accounts.models import AccessRecord, SessionsEnded, SignedInSession


def access_records(*, person_email="", school=None, action="", since=None, until=None):
    """The record of access, newest first, narrowed by whichever filters are given."""
    records = AccessRecord.objects.select_related("person", "school")
    if person_email:
        records = records.filter(person__email__icontains=person_email.strip())
    if school is not None:
        records = records.filter(school=school)
    if action:
        records = records.filter(action=action)
    if since:
        records = records.filter(at__date__gte=since)
    if until:
        records = records.filter(at__date__lte=until)
    return records.order_by("-at", "-pk")


def people_signed_in():
    """Each person with an open session: how many, and when they last signed in. Sessions that ran out
    without a sign-out (a closed browser) are not counted."""
    live = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
    return (
        SignedInSession.objects.filter(session_key__in=live)
        .values("person", "person__email", "person__first_name", "person__last_name")
        .annotate(sessions=Count("pk"), latest=Max("signed_in_at"))
        .order_by("person__last_name", "person__first_name", "person__email")
    )


def sessions_ended_recently(limit=20):
    return SessionsEnded.objects.select_related("person", "ended_by")[:limit]


def people_with_appointments():
    """Everyone who has held a role, with their appointments (current first) and invitations, in three
    queries whatever the number of people."""
    from django.db.models import Prefetch

    from accounts.models import Invitation, User
    from schools.models import Appointment

    return (
        User.objects.filter(appointments__isnull=False)
        .distinct()
        .prefetch_related(
            Prefetch(
                "appointments",
                queryset=Appointment.objects.select_related("school").order_by("-is_active", "role"),
            ),
            Prefetch("invitations", queryset=Invitation.objects.order_by("-sent_at", "-pk")),
        )
        .order_by("last_name", "first_name", "email")
    )
