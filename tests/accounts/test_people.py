"""The CEO's and COO's people pages."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import Invitation, SessionsEnded, User
from schools.models import Appointment
from schools.roles import Role
from tests.factories import PASSWORD, person_with_role

PEOPLE = reverse("accounts:people")
APPOINT = reverse("accounts:person_appoint")


@pytest.fixture
def coo(world):
    return person_with_role(Role.COO, email="coo@trust.example")


def appoint_data(world, **overrides):
    return {
        "email": "Nia.Adebayo@Trust.example",
        "first_name": "Nia",
        "last_name": "Adebayo",
        "role": Role.HEADTEACHER,
        "school": world.school_b.pk,
        "starts_on": "2026-09-01",
        **overrides,
    }


def test_the_coo_may_use_the_people_pages_and_a_cfo_may_not(world, coo, client_as):
    assert client_as(coo).get(PEOPLE).status_code == 200
    assert client_as(world.cfo).get(PEOPLE).status_code == 403


def test_the_list_shows_people_with_their_appointments_in_a_fixed_number_of_queries(
    world, client_as, django_assert_max_num_queries
):
    client = client_as(world.ceo)
    for n in range(60):
        person_with_role(Role.MENTOR, world.school_a, email=f"mentor{n}@trust.example")
    with django_assert_max_num_queries(12):
        first = client.get(PEOPLE).content.decode()
    second = client.get(PEOPLE, {"page": 2}).content.decode()
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    both = first + second
    assert "head.b@trust.example" in both and "Headteacher, Brookfield Primary" in both
    assert all(f"mentor{n}@trust.example" in both for n in range(60))


def test_appointing_a_new_head_makes_the_account_and_sends_the_invitation(
    world, client_as, django_capture_on_commit_callbacks
):
    client = client_as(world.ceo)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPOINT, appoint_data(world), follow=True)
    assert "Appointed Nia Adebayo as Headteacher and sent them an invitation." in response.content.decode()
    person = User.objects.get(email="nia.adebayo@trust.example")
    assert not person.has_usable_password()
    assert Appointment.objects.get(person=person).school == world.school_b
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "Invitation pending" in response.content.decode()


def test_bad_input_is_refused_with_the_error_summary_and_what_was_typed_kept(world, client_as):
    client = client_as(world.ceo)
    response = client.post(APPOINT, appoint_data(world, school="", starts_on="31/02/2026"))
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "Choose the school for a Headteacher." in body
    assert "Enter the start date as a real date" in body
    assert 'value="Nia.Adebayo@Trust.example"' in body
    assert not User.objects.filter(email__iexact="nia.adebayo@trust.example").exists()


def test_a_trust_wide_role_with_a_school_is_refused(world, client_as):
    response = client_as(world.ceo).post(APPOINT, appoint_data(world, role=Role.CFO))
    assert "works across the trust" in response.content.decode()


def test_ending_an_appointment_ends_access_on_the_next_request_and_the_leavers_sessions(world, client_as):
    leaver = Client()
    assert leaver.post(reverse("accounts:login"), {"username": world.head_b.email, "password": PASSWORD})
    school = reverse("schools:detail", kwargs={"urn": world.school_b.urn})
    assert leaver.get(school).status_code == 200
    appointment = Appointment.objects.get(person=world.head_b)
    client = client_as(world.ceo)
    response = client.post(
        reverse("accounts:appointment_end", kwargs={"pk": appointment.pk}), {"reason": "Left the trust"}
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert not appointment.is_active
    assert leaver.get(school)["Location"].startswith(reverse("accounts:login"))  # signed out
    ended = SessionsEnded.objects.get(person=world.head_b)
    assert ended.ended_by == world.ceo and ended.sessions_count == 1 and "Left the trust" in ended.reason
    assert Appointment.objects.current().filter(person=world.head_b).count() == 0


def test_ending_without_a_reason_is_refused_and_nothing_changes(world, client_as):
    appointment = Appointment.objects.get(person=world.head_b)
    response = client_as(world.ceo).post(
        reverse("accounts:appointment_end", kwargs={"pk": appointment.pk}), {"reason": ""}
    )
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert "Say why the appointment ends" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.is_active


def test_resend_and_revoke_from_the_page_are_recorded(world, client_as, django_capture_on_commit_callbacks):
    client = client_as(world.ceo)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(APPOINT, appoint_data(world))
        person = User.objects.get(email="nia.adebayo@trust.example")
        client.post(reverse("accounts:invitation_resend", kwargs={"pk": person.pk}))
    client.post(reverse("accounts:invitation_revoke", kwargs={"pk": person.pk}))
    states = [
        (i.state, i.sent_by, i.revoked_by) for i in Invitation.objects.filter(person=person).order_by("pk")
    ]
    assert states == [("replaced", world.ceo, world.ceo), ("revoked", world.ceo, world.ceo)]
    assert len(mail.outbox) == 2


def test_someone_who_can_sign_in_is_not_sent_an_invitation(world, client_as):
    response = client_as(world.ceo).post(
        reverse("accounts:invitation_resend", kwargs={"pk": world.head_b.pk}), follow=True
    )
    assert "has already set a password" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_mail_server_that_is_down_is_recorded_not_a_500(
    world, client_as, settings, django_capture_on_commit_callbacks
):
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    client = client_as(world.ceo)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPOINT, appoint_data(world))
    assert response.status_code == 302
    invitation = Invitation.objects.get(person__email="nia.adebayo@trust.example")
    assert invitation.email_error
    assert "The email could not be sent: send it again." in client.get(PEOPLE).content.decode()


def test_the_services_themselves_refuse_anyone_but_the_ceo_or_coo(world):
    from django.core.exceptions import PermissionDenied
    from django.utils import timezone

    from accounts.people import appointment_end, person_appoint

    with pytest.raises(PermissionDenied):
        person_appoint(
            by=world.cfo,
            email="x@trust.example",
            first_name="X",
            last_name="Y",
            role=Role.MENTOR,
            school=world.school_a,
            starts_on=timezone.localdate(),
        )
    with pytest.raises(PermissionDenied):
        appointment_end(
            appointment=Appointment.objects.get(person=world.head_b), by=world.head_a, reason="No"
        )
    assert not User.objects.filter(email="x@trust.example").exists()
