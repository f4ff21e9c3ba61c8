"""Forgotten and changed passwords."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import SignedInSession
from tests.factories import PASSWORD

RESET = reverse("accounts:password_reset")
NEW_PASSWORD = "quince-harbour-violin-7"


def signed_in_with_password(person):
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": person.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", message.body).group(1)


def without_csrf(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_the_sign_in_page_offers_a_forgotten_password_link(client):
    assert f'href="{RESET}"' in client.get(reverse("accounts:login")).content.decode()


@pytest.mark.django_db
def test_a_reset_for_an_unknown_address_looks_the_same_as_for_a_known_one(world):
    known = Client().post(RESET, {"email": world.head_a.email}, follow=True)
    unknown = Client().post(RESET, {"email": "nobody@trust.example"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain == [(reverse("accounts:password_reset_done"), 302)]
    assert without_csrf(known) == without_csrf(unknown)
    assert [m.to for m in mail.outbox] == [[world.head_a.email]]


@pytest.mark.django_db
def test_the_reset_link_works_once_and_signs_the_person_in(world, client):
    client.post(RESET, {"email": world.head_a.email})
    link = reset_link(mail.outbox[0])
    form_page = client.get(link)
    response = client.post(
        form_page["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("schools:detail", kwargs={"urn": world.school_a.urn})).status_code == 200
    world.head_a.refresh_from_db()
    assert world.head_a.check_password(NEW_PASSWORD)
    again = Client().get(link, follow=True)
    assert "This link cannot be used" in again.content.decode()
    assert "new_password1" not in again.content.decode()


@pytest.mark.django_db
def test_resetting_ends_the_persons_other_sessions(world):
    elsewhere = signed_in_with_password(world.head_a)
    fresh = Client()
    fresh.post(RESET, {"email": world.head_a.email})
    form_page = fresh.get(reset_link(mail.outbox[0]))
    fresh.post(form_page["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    school = reverse("schools:detail", kwargs={"urn": world.school_a.urn})
    assert elsewhere.get(school)["Location"].startswith(reverse("accounts:login"))
    assert fresh.get(school).status_code == 200
    assert SignedInSession.objects.filter(person=world.head_a).count() == 1


@pytest.mark.django_db
def test_changing_the_password_ends_the_other_sessions_but_not_this_one(world):
    here, elsewhere = signed_in_with_password(world.head_a), signed_in_with_password(world.head_a)
    assert SignedInSession.objects.filter(person=world.head_a).count() == 2
    response = here.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "You were signed out of 1 other session(s)." in response.content.decode()
    school = reverse("schools:detail", kwargs={"urn": world.school_a.urn})
    assert here.get(school).status_code == 200
    assert elsewhere.get(school)["Location"].startswith(reverse("accounts:login"))
    keys = SignedInSession.objects.filter(person=world.head_a).values_list("session_key", flat=True)
    assert list(keys) == [here.session.session_key]
    assert Session.objects.filter(session_key=elsewhere.cookies["sessionid"].value).count() == 0


@pytest.mark.django_db
def test_a_wrong_current_password_is_refused_with_the_error_summary(world):
    client = signed_in_with_password(world.head_a)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    body = response.content.decode()
    assert "There is a problem" in body and "Your current password is not right" in body
    world.head_a.refresh_from_db()
    assert world.head_a.check_password(PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["head.a@trust.example", "nobody@trust.example"])
def test_reset_requests_are_throttled_like_sign_in_known_address_or_not(world, settings, email):
    settings.SIGN_IN_MAX_FAILURES_PER_PAIR = 3
    client = Client()
    for _ in range(3):
        assert client.post(RESET, {"email": email}).status_code == 302
    response = client.post(RESET, {"email": email})
    assert response.status_code == 200
    assert "too many attempts" in response.content.decode()
    assert len(mail.outbox) == (3 if email == world.head_a.email else 0)
