"""Each person chooses, on their own "Your emails" page, an email each time or one email a day."""

import re

from django.urls import reverse

from notifications.models import EmailPreference
from notifications.selectors import wants_digest

URL = reverse("notifications:email_preference")


def test_the_page_starts_on_an_email_each_time(world, client_as):
    page = client_as(world.head_a).get(URL).content.decode()
    assert "Your emails" in page
    assert re.search(r'value="single"[^>]*checked', page) and not re.search(
        r'value="daily"[^>]*checked', page
    )


def test_a_person_chooses_one_email_a_day_and_back_again(world, client_as):
    client = client_as(world.head_a)
    response = client.post(URL, {"how": "daily"}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "You will get one email a day." in response.content.decode()
    assert wants_digest(world.head_a) and not wants_digest(world.head_b)
    client.post(URL, {"how": "single"})
    assert not wants_digest(world.head_a)
    assert EmailPreference.objects.count() == 1


def test_sending_no_choice_says_what_is_needed_and_changes_nothing(world, client_as):
    response = client_as(world.ceo).post(URL, {})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "Choose an email each time or one email a day." in page
    assert not EmailPreference.objects.exists()


def test_the_account_menu_links_to_the_page(world, client_as):
    assert URL in client_as(world.trustee).get(reverse("todo:list")).content.decode()
