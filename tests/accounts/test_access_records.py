from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessRecord
from accounts.services import DOWNLOADED, VIEWED, access_record_create

RECORDS = reverse("accounts:access_records")


def record(person, school, action=VIEWED, what="letter 1 (PDF)", days_ago=0):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.5")
    request.user = person
    made = access_record_create(request=request, obj=school, action=action, school=school, what=what)
    AccessRecord.objects.filter(pk=made.pk).update(at=timezone.now() - timedelta(days=days_ago))
    return made


@pytest.mark.django_db
def test_the_ceo_reads_the_record_of_access_and_filters_it(world, client_as):
    record(world.head_a, world.school_a, what="warning notice 3")
    record(world.cfo, world.school_b, action=DOWNLOADED, what="HR support plan 9", days_ago=10)
    client = client_as(world.ceo)
    page = client.get(RECORDS).content.decode()
    assert "warning notice 3" in page and "HR support plan 9" in page
    page = client.get(RECORDS, {"school": world.school_b.pk}).content.decode()
    assert "HR support plan 9" in page and "warning notice 3" not in page
    page = client.get(RECORDS, {"person": "head.a@"}).content.decode()
    assert "warning notice 3" in page and "HR support plan 9" not in page
    since = (timezone.localdate() - timedelta(days=2)).strftime("%d/%m/%Y")
    page = client.get(RECORDS, {"since": since}).content.decode()
    assert "warning notice 3" in page and "HR support plan 9" not in page
    page = client.get(RECORDS, {"action": DOWNLOADED}).content.decode()
    assert "HR support plan 9" in page and "warning notice 3" not in page


@pytest.mark.django_db
def test_a_bad_filter_says_what_to_fix_and_keeps_what_was_typed(world, client_as):
    page = client_as(world.ceo).get(RECORDS, {"since": "31/02/2026", "person": "head"}).content.decode()
    assert "Enter the first day as a date, like 27/3/2026." in page
    assert 'value="31/02/2026"' in page and 'value="head"' in page


@pytest.mark.django_db
def test_no_page_lets_anyone_change_or_delete_the_record(world, admin_client):
    made = record(world.head_a, world.school_a)
    change = reverse("admin:accounts_accessrecord_change", args=[made.pk])
    delete = reverse("admin:accounts_accessrecord_delete", args=[made.pk])
    assert admin_client.post(change, {"what": "nothing to see"}).status_code == 403
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert admin_client.get(reverse("admin:accounts_accessrecord_add")).status_code == 403
    made.refresh_from_db()
    assert made.what == "letter 1 (PDF)"
    assert admin_client.get(reverse("admin:accounts_accessrecord_changelist")).status_code == 200


@pytest.mark.django_db
def test_the_ceo_page_offers_no_way_to_change_a_record(world, client_as):
    record(world.head_a, world.school_a)
    client = client_as(world.ceo)
    page = client.get(RECORDS).content.decode()
    assert 'method="post"' not in page.split("<main", 1)[1]
    assert client.post(RECORDS).status_code == 405
