import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from letters.models import DirectiveStatus, LetterStatus
from tests.letters.factories import directive, sent_letter
from trust_portal.next_url import local_next

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(world):
    return sent_letter(world.school_a, world.ceo)


def _report(text="Published on the website."):
    return {"what_was_done": text, "done_on": timezone.localdate().strftime("%d/%m/%Y")}


def test_the_letter_page_lets_the_head_report_each_directive_waiting_on_the_school(world, client_as, letter):
    waiting = directive(letter, world.ceo, text="Publish the behaviour policy")
    returned = directive(letter, world.ceo, text="Complete the SCR", status=DirectiveStatus.RETURNED)
    directive(letter, world.ceo, text="Already reported", status=DirectiveStatus.REPORTED_DONE)
    page = client_as(world.head_a).get(reverse("letters:detail", args=[letter.pk])).content.decode()
    assert reverse("letters:directive_report", args=[waiting.pk]) in page
    assert reverse("letters:directive_report", args=[returned.pk]) in page
    assert "Already reported</h3>" not in page
    assert page.count('name="what_was_done"') == 2


def test_the_lsb_chair_and_the_ceo_get_no_report_forms_on_the_letter(world, client_as, letter):
    directive(letter, world.ceo)
    for person in (world.lsb_chair_a, world.ceo):
        page = client_as(person).get(reverse("letters:detail", args=[letter.pk])).content.decode()
        assert 'name="what_was_done"' not in page


def test_a_directive_reported_from_the_letter_returns_the_head_to_the_letter(world, client_as, letter):
    d = directive(letter, world.ceo)
    back = reverse("letters:detail", args=[letter.pk]) + f"#directive-{d.pk}"
    response = client_as(world.head_a).post(
        reverse("letters:directive_report", args=[d.pk]), {**_report(), "next": back}
    )
    assert response.status_code == 302 and response["Location"] == back
    d.refresh_from_db()
    assert d.status == DirectiveStatus.REPORTED_DONE


def test_a_report_with_a_problem_keeps_what_was_typed_and_where_to_return(world, client_as, letter):
    d = directive(letter, world.ceo)
    back = reverse("letters:detail", args=[letter.pk])
    response = client_as(world.head_a).post(
        reverse("letters:directive_report", args=[d.pk]),
        {"what_was_done": "Half written", "done_on": "", "next": back},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Half written" in page and f'name="next" value="{back}"' in page
    d.refresh_from_db()
    assert d.status == DirectiveStatus.OPEN


@pytest.mark.parametrize(
    "evil", ["https://evil.example/", "//evil.example/todo/", "javascript:alert(1)", "todo/"]
)
def test_a_next_that_is_not_a_path_on_the_portal_is_ignored(world, client_as, letter, evil):
    d = directive(letter, world.ceo)
    response = client_as(world.head_a).post(
        reverse("letters:directive_report", args=[d.pk]), {**_report(), "next": evil}
    )
    assert response["Location"] == reverse("letters:school_letters", args=[world.school_a.urn])


def test_the_head_acknowledges_the_letter_from_the_to_do_page_and_stays_there(world, client_as, letter):
    client = client_as(world.head_a)
    page = client.get(reverse("todo:list")).content.decode()
    assert reverse("letters:acknowledge", args=[letter.pk]) in page
    response = client.post(reverse("letters:acknowledge", args=[letter.pk]), {"next": reverse("todo:list")})
    assert response["Location"] == reverse("todo:list")
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ACKNOWLEDGED
    assert "acknowledge" not in " ".join(
        item.title for _, items in client.get(reverse("todo:list")).context["groups"] for item in items
    )


def test_another_schools_head_cannot_acknowledge_or_report_through_the_to_do_forms(world, client_as, letter):
    d = directive(letter, world.ceo)
    client = client_as(world.head_b)
    nxt = {"next": reverse("todo:list")}
    assert client.post(reverse("letters:acknowledge", args=[letter.pk]), nxt).status_code == 404
    assert (
        client.post(reverse("letters:directive_report", args=[d.pk]), {**_report(), **nxt}).status_code == 404
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("/todo/", "/todo/"),
        ("/letters/5/#directive-2", "/letters/5/#directive-2"),
        ("", "/d/"),
        ("http://testserver/todo/", "/d/"),
        ("///evil.example", "/d/"),
        ("/\\evil.example", "/d/"),
    ],
)
def test_local_next_accepts_only_paths_on_this_portal(given, expected):
    request = RequestFactory().post("/", {"next": given})
    assert local_next(request, "/d/") == expected
