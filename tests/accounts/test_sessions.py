import time

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from accounts.models import SessionsEnded, SignedInSession
from accounts.services import sessions_end_all
from accounts.signals import LAST_SEEN, SIGNED_IN_AT
from schools.models import Appointment
from tests.personas import sign_in

SCHOOLS = reverse("schools:list")


def school_page(world):
    return reverse("schools:detail", kwargs={"urn": world.school_a.urn})


def age_session(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


@pytest.mark.django_db
def test_a_session_idle_longer_than_the_timeout_is_signed_out_with_a_reason(world, client_as):
    client = client_as(world.head_a)
    age_session(client, **{LAST_SEEN: 31 * 60})
    response = client.get(school_page(world), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert "signed out after 30 minutes without using the portal" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_session_in_use_within_the_timeout_stays_signed_in(world, client_as):
    client = client_as(world.head_a)
    age_session(client, **{LAST_SEEN: 29 * 60})
    assert client.get(school_page(world)).status_code == 200
    assert int(time.time()) - client.session[LAST_SEEN] < 60  # the activity was noted


@pytest.mark.django_db
def test_a_session_older_than_the_absolute_lifetime_ends_even_in_use(world, client_as):
    client = client_as(world.head_a)
    age_session(client, **{SIGNED_IN_AT: 10 * 3600 + 60, LAST_SEEN: 10})
    assert client.get(school_page(world))["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_the_ceo_ends_every_session_of_a_person_who_leaves(world, client_as):
    laptop, phone = sign_in(Client(), world.head_b), sign_in(Client(), world.head_b)
    assert SignedInSession.objects.filter(person=world.head_b).count() == 2
    response = client_as(world.ceo).post(
        reverse("accounts:sessions_end"),
        {"person": world.head_b.pk, "reason": "Left the trust on 31 March", "close_account": "on"},
        follow=True,
    )
    assert "Ended 2 session(s) of" in response.content.decode()
    for device in (laptop, phone):
        assert device.get(reverse("schools:detail", kwargs={"urn": world.school_b.urn})).status_code == 302
    record = SessionsEnded.objects.get()
    assert (record.person, record.ended_by, record.sessions_count) == (world.head_b, world.ceo, 2)
    world.head_b.refresh_from_db()
    assert not world.head_b.is_active
    assert not SignedInSession.objects.filter(person=world.head_b).exists()


@pytest.mark.django_db
def test_ending_sessions_needs_a_reason_and_keeps_the_choice(world, client_as):
    response = client_as(world.ceo).post(reverse("accounts:sessions_end"), {"person": world.head_b.pk})
    page = response.content.decode()
    assert "Say why you are ending their sessions" in page
    assert f'value="{world.head_b.pk}" selected' in page


@pytest.mark.django_db
def test_no_one_ends_their_own_sessions_this_way(world):
    with pytest.raises(ValidationError, match="use Sign out instead"):
        sessions_end_all(person=world.ceo, by=world.ceo, reason="testing")


@pytest.mark.django_db
def test_an_administrator_ends_a_persons_sessions_from_the_back_office(world, admin_client, admin_user):
    leaver = sign_in(Client(), world.head_a)
    admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "end_all_sessions", "_selected_action": [world.head_a.pk]},
    )
    assert leaver.get(school_page(world)).status_code == 302
    assert SessionsEnded.objects.get().ended_by == admin_user


@pytest.mark.django_db
def test_signing_out_forgets_the_session(world, client_as):
    client = client_as(world.head_a)
    key = client.session.session_key
    assert SignedInSession.objects.filter(session_key=key, person=world.head_a).exists()
    client.post(reverse("accounts:logout"))
    assert not SignedInSession.objects.exists()
    assert not Session.objects.filter(session_key=key).exists()


@pytest.mark.django_db
def test_a_deactivated_appointment_loses_access_on_the_next_request(world, client_as):
    client = client_as(world.head_a)
    assert client.get(school_page(world)).status_code == 200
    Appointment.objects.filter(person=world.head_a).update(is_active=False)
    assert client.get(school_page(world)).status_code == 403


@pytest.mark.django_db
def test_a_deactivated_trust_wide_appointment_loses_every_school_on_the_next_request(world, client_as):
    client = client_as(world.cfo)
    assert client.get(SCHOOLS).status_code == 200
    Appointment.objects.filter(person=world.cfo).update(is_active=False)
    assert client.get(SCHOOLS).status_code == 403
    assert client.get(school_page(world)).status_code == 403


@pytest.mark.django_db
def test_the_sessions_page_lists_who_is_signed_in_now_but_not_sessions_that_ran_out(world, client_as):
    sign_in(Client(), world.head_a)
    gone = sign_in(Client(), world.head_b)
    Session.objects.filter(session_key=gone.session.session_key).delete()
    page = client_as(world.ceo).get(reverse("accounts:sessions")).content.decode()
    signed_in_now = page.split("Signed in now", 1)[1].split("Sessions ended", 1)[0]
    assert world.head_a.email in signed_in_now and world.head_b.email not in signed_in_now


def pass_time(client, seconds):
    """Move the session's recorded times back, as if `seconds` had passed since the last request."""
    session = client.session
    for key in (SIGNED_IN_AT, LAST_SEEN):
        session[key] -= seconds
    session.save()


@pytest.mark.django_db
def test_with_a_one_minute_timeout_a_person_active_every_40_seconds_stays_signed_in(
    world, client_as, settings
):
    from datetime import timedelta

    settings.SESSION_IDLE_TIMEOUT = timedelta(minutes=1)
    client = client_as(world.head_a)
    for _ in range(6):  # four minutes of use, a page every 40 s
        pass_time(client, 40)
        assert client.get(school_page(world)).status_code == 200
    pass_time(client, 5)  # a quick second page, then almost a minute's pause
    assert client.get(school_page(world)).status_code == 200
    pass_time(client, 59)
    assert client.get(school_page(world)).status_code == 200
    pass_time(client, 61 + 6)  # idle past the minute (and the few seconds' precision): signed out
    assert client.get(school_page(world))["Location"].startswith(reverse("accounts:login"))
