import pytest
from django.urls import reverse

from tests.factories import UserFactory


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["head_a", "lsb_chair_a", "head_b"])
def test_school_people_land_on_their_to_do_page_with_their_school_in_the_menu(world, client_as, persona):
    client = client_as(getattr(world, persona))
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("todo:list")
    page = client.get(response["Location"]).content.decode()
    assert f'href="{reverse("schools:list")}">Your school<' in page


@pytest.mark.django_db
def test_the_school_page_shows_the_school_and_its_people(world, client_as):
    response = client_as(world.head_a).get(reverse("schools:detail", args=[world.school_a.urn]))
    assert response.status_code == 200
    page = response.content.decode()
    assert world.school_a.name in page and str(world.lsb_chair_a) in page
    assert world.school_b.name not in page


@pytest.mark.django_db
def test_a_person_with_no_appointment_is_told_why(world, client_as):
    response = client_as(UserFactory()).get(reverse("home"), follow=True)
    assert response.status_code == 403
    assert "no current role" in response.content.decode()


@pytest.mark.django_db
def test_signing_in_with_email_and_password_lands_on_the_home_page(world, client):
    response = client.post(
        reverse("accounts:login"),
        {"username": "head.a@trust.example", "password": "correct-horse-battery-staple"},
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_wrong_password_keeps_the_email_and_says_what_is_wrong(world, client):
    response = client.post(
        reverse("accounts:login"), {"username": "head.a@trust.example", "password": "nope"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and 'value="head.a@trust.example"' in page
