"""Invitations: the emailed single-use link that lets an appointed person in for the first time."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.invitations import invitation_revoke, invitation_send
from accounts.models import Invitation, User
from accounts.people import person_appoint
from schools.roles import Role
from tests.factories import PASSWORD

NEW_PASSWORD = "plum-orchard-lantern-42"


def link_path(message):
    return re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", message.body).group(1)


@pytest.fixture
def appoint(world, django_capture_on_commit_callbacks):
    def _appoint(role=Role.HEADTEACHER, school="a", email="new.head@trust.example"):
        with django_capture_on_commit_callbacks(execute=True):
            return person_appoint(
                by=world.ceo,
                email=email,
                first_name="Nia",
                last_name="Adebayo",
                role=role,
                school=getattr(world, f"school_{school}") if school else None,
                starts_on=timezone.localdate(),
            )

    return _appoint


def accept(client, path, password=NEW_PASSWORD):
    page = client.get(path)
    assert page.status_code == 302 and page["Location"] == reverse("accounts:invitation_accept")
    return client.post(page["Location"], {"new_password1": password, "new_password2": password})


def test_appointing_a_new_person_makes_an_account_that_cannot_sign_in_and_emails_one_link(appoint, client):
    appointment = appoint()
    person = appointment.person
    assert not person.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [person.email]
    assert "works once" in mail.outbox[0].body
    invitation = Invitation.objects.get(person=person)
    assert invitation.expires_at - invitation.sent_at == timedelta(days=7)
    assert link_path(mail.outbox[0]).split("/")[-2] not in invitation.token_hash  # only a hash is kept
    response = client.post(reverse("accounts:login"), {"username": person.email, "password": ""})
    assert response.status_code == 200 and not client.session.get("_auth_user_id")


def test_the_link_sets_a_password_lands_a_head_on_their_to_do_page_and_works_once(appoint, client, world):
    person = appoint().person
    path = link_path(mail.outbox[0])
    response = accept(client, path)
    assert response["Location"] == reverse("home")
    home = client.get(response["Location"])
    assert home["Location"] == reverse("todo:list")
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    client.post(reverse("accounts:logout"))
    again = client.get(path)
    assert again.status_code == 410
    assert "This invitation link cannot be used" in again.content.decode()


def test_a_weak_or_mismatched_password_is_refused_with_the_error_summary_and_the_link_still_works(
    appoint, client
):
    appoint()
    path = link_path(mail.outbox[0])
    page = client.get(path)
    response = client.post(page["Location"], {"new_password1": "short", "new_password2": "other"})
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "The two passwords are not the same" in body
    assert accept(client, path).status_code == 302


def test_a_trust_wide_person_sets_up_two_factor_in_the_same_visit(appoint, client):
    person = appoint(role=Role.CFO, school=None, email="new.cfo@trust.example").person
    response = accept(client, link_path(mail.outbox[0]))
    assert response["Location"].startswith(reverse("accounts:mfa_setup"))
    setup = client.get(response["Location"])
    assert setup.status_code == 200 and 'id="setup-key"' in setup.content.decode()
    assert TOTPDevice.objects.filter(user=person, confirmed=False).exists()
    assert client.get("/schools/")["Location"].startswith(reverse("accounts:mfa_setup"))  # until it is done


def test_re_sending_replaces_the_old_link_and_is_recorded(
    appoint, client, world, django_capture_on_commit_callbacks
):
    person = appoint().person
    first = link_path(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        invitation_send(person=person, by=world.ceo)
    assert client.get(first).status_code == 410
    old, new = Invitation.objects.filter(person=person).order_by("pk")
    assert old.state == "replaced" and old.revoked_by == world.ceo and new.state == "pending"
    assert accept(client, link_path(mail.outbox[1])).status_code == 302


def test_revoking_stops_the_link_and_records_who(appoint, client, world):
    person = appoint().person
    assert invitation_revoke(person=person, by=world.ceo) == 1
    assert client.get(link_path(mail.outbox[0])).status_code == 410
    invitation = Invitation.objects.get(person=person)
    assert invitation.state == "revoked" and invitation.revoked_by == world.ceo


def test_an_expired_link_cannot_be_used(appoint, client):
    person = appoint().person
    Invitation.objects.filter(person=person).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(link_path(mail.outbox[0])).status_code == 410


def test_appointing_someone_who_can_already_sign_in_sends_no_invitation(appoint, world):
    appoint(role=Role.LSB_CHAIR, email=world.head_b.email)
    assert mail.outbox == []
    assert User.objects.get(pk=world.head_b.pk).check_password(PASSWORD)


def test_the_back_office_invites_on_appointment(admin_client, world, django_capture_on_commit_callbacks):
    person = User.objects.create_user(email="office.invite@trust.example")
    person.set_unusable_password()
    person.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:schools_appointment_add"),
            {
                "person": person.pk,
                "role": Role.HEADTEACHER,
                "school": world.school_b.pk,
                "starts_on": "2026-09-01",
                "is_active": "on",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert Invitation.objects.get(person=person).sent_by.is_superuser


def test_the_back_office_adds_a_person_without_a_password_and_invites_them(
    admin_client, django_capture_on_commit_callbacks
):
    page = admin_client.get(reverse("admin:accounts_user_add"))
    assert page.status_code == 200 and 'name="password1"' not in page.content.decode()
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {"email": "Office.Person@Trust.example", "first_name": "Ola", "last_name": "Kent"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person = User.objects.get(email="office.person@trust.example")
    assert not person.has_usable_password()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:accounts_user_changelist"),
            {"action": "send_invitation", "_selected_action": [person.pk]},
        )
    assert [m.to for m in mail.outbox] == [[person.email]]
    admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "revoke_invitation", "_selected_action": [person.pk]},
    )
    assert Invitation.objects.get(person=person).state == "revoked"
