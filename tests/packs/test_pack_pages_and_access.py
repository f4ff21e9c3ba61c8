"""Who reads which pack, making one from the form, and the download recorded as letters' are."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessRecord
from accounts.services import DOWNLOADED
from packs.models import Pack, PackKind
from packs.services import pack_make
from tests.packs import scenario

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "es_chair", "fr_chair"),
    [
        (PackKind.TRUST_BOARD, 200, 200),
        (PackKind.EDUCATION_STANDARDS, 200, 404),
        (PackKind.FINANCE_RISK, 404, 200),
    ],
)
def test_a_committee_chair_reads_the_boards_pack_and_their_own_committees_not_the_other(
    world, chairs, client_as, kind, es_chair, fr_chair
):
    pack = scenario.pack(world, kind)
    url = reverse("packs:detail", args=[pack.pk])
    assert client_as(chairs["es"]).get(url).status_code == es_chair
    assert client_as(chairs["fr"]).get(url).status_code == fr_chair
    for reader in (world.trustee, world.ceo, world.governance_professional):
        assert client_as(reader).get(url).status_code == 200
    assert client_as(world.cfo).get(url).status_code == 404
    assert client_as(world.head_a).get(url).status_code == 403


def test_the_list_shows_each_person_only_the_kinds_they_read(world, chairs, client_as):
    for kind in PackKind:
        scenario.pack(world, kind)
    page = client_as(chairs["fr"]).get(reverse("packs:list")).content.decode()
    assert "Finance &amp; Risk Committee" in page and "Trust Board" in page
    assert "Education &amp; Standards Committee<span" not in page
    assert "Make a pack" not in page
    assert (
        "Make a pack" in client_as(world.governance_professional).get(reverse("packs:list")).content.decode()
    )


def test_the_governance_professional_makes_a_pack_from_the_form_and_lands_on_its_page(world, client_as):
    scenario.categorised(world)
    client = client_as(world.governance_professional)
    meeting = timezone.localdate() + timedelta(days=10)
    response = client.post(
        reverse("packs:new"), {"kind": PackKind.TRUST_BOARD, "meeting_on": f"{meeting:%d/%m/%Y}"}
    )
    pack = Pack.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("packs:detail", args=[pack.pk])
    assert (pack.made_by, pack.meeting_on, pack.status) == (world.governance_professional, meeting, "pending")
    page = client.get(response["Location"]).content.decode()
    assert "Waiting for a worker" in page and "Refresh this page" in page


def test_a_meeting_date_far_off_is_refused_with_why_and_the_form_keeps_what_was_typed(world, client_as):
    far = timezone.localdate() + timedelta(days=400)
    response = client_as(world.ceo).post(
        reverse("packs:new"), {"kind": PackKind.FINANCE_RISK, "meeting_on": f"{far:%d/%m/%Y}"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Pack.objects.exists()
    assert "There is a problem" in page and "within 120 days of today" in page
    assert f'value="{far:%d/%m/%Y}"' in page or f'value="{far:%Y-%m-%d}"' in page
    assert re.search(r'value="fr_committee"[^>]*checked', page)


def test_a_pack_form_with_nothing_chosen_says_what_to_enter(world, client_as):
    page = client_as(world.ceo).post(reverse("packs:new"), {}).content.decode()
    assert "Choose the meeting the pack is for." in page


def test_only_the_ceo_and_the_governance_professional_may_make_a_pack(world):
    with pytest.raises(PermissionDenied):
        pack_make(kind=PackKind.TRUST_BOARD, meeting_on=timezone.localdate(), by=world.trustee)
    with pytest.raises(ValidationError):
        pack_make(kind="lsb", meeting_on=timezone.localdate(), by=world.ceo)


def test_a_download_is_recorded_and_a_pack_not_made_yet_has_no_download(world, client_as):
    waiting = scenario.pack(world)
    client = client_as(world.trustee)
    assert client.get(reverse("packs:pdf", args=[waiting.pk])).status_code == 404
    ready = scenario.pack(world, ready=True)
    response = client.get(reverse("packs:pdf", args=[ready.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content)[:5] == b"%PDF-"
    record = AccessRecord.objects.get(object_id=str(ready.pk), object_type="packs.pack")
    assert (record.person, record.action) == (world.trustee, DOWNLOADED)


def test_the_pack_page_shows_its_checksum_once_made(world, client_as):
    pack = scenario.pack(world, ready=True)
    page = client_as(world.ceo).get(reverse("packs:detail", args=[pack.pk])).content.decode()
    assert pack.sha256 in page and "Download the pack" in page


def test_the_governance_professional_tries_a_failed_pack_again_from_its_page(world, client_as):
    pack = scenario.failed_board_pack(world)
    url = reverse("packs:detail", args=[pack.pk])
    assert "Try making the pack again" not in client_as(world.trustee).get(url).content.decode()
    client = client_as(world.governance_professional)
    page = client.get(url).content.decode()
    assert "OSError: the disk was full" in page and "Try making the pack again" in page

    response = client.post(reverse("packs:retry", args=[pack.pk]), follow=True)
    pack.refresh_from_db()
    assert response.redirect_chain == [(url, 302)] and pack.status == "pending"
    page = response.content.decode()
    assert "Trying the pack again" in page and "Try making the pack again" not in page


def test_a_pack_that_has_not_failed_is_not_tried_again_and_the_page_says_why(world, client_as):
    pack = scenario.pack(world, ready=True)
    response = client_as(world.ceo).post(reverse("packs:retry", args=[pack.pk]), follow=True)
    pack.refresh_from_db()
    assert pack.status == "ready"
    assert "Only a pack whose PDF failed can be tried again: this one is ready." in response.content.decode()


def test_a_trustee_may_not_try_a_failed_pack_again(world, client_as):
    pack = scenario.failed_board_pack(world)
    assert client_as(world.trustee).post(reverse("packs:retry", args=[pack.pk])).status_code == 403
    pack.refresh_from_db()
    assert pack.status == "failed"
