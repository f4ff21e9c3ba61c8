"""A pack is a frozen PDF record: made once by a worker, never remade, and taken back from a dead worker."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from packs.document import pack_pdf_render
from packs.models import Pack, PackKind
from packs.recovery import pack_pdfs_recover
from packs.tasks import render_pack_pdf
from tests.letters.worker import wait_for
from tests.packs import scenario
from trust_portal.pdf_records import RenderStatus

pytestmark = pytest.mark.django_db


def long_ago(settings):
    return timezone.now() - settings.PORTAL_CLAIM_STALE_AFTER - timedelta(seconds=1)


def test_the_content_is_frozen_when_the_pack_is_asked_for(world):
    scenario.categorised(world)
    pack = scenario.pack(world)
    assert pack.content["moves"][0]["rationale"] == "Reading results fell for the second year."
    world.school_a.categorisations.update(rationale="Rewritten later.")
    pack = pack_pdf_render(pack_id=pack.pk)
    assert pack.status == RenderStatus.READY
    assert pack.content["moves"][0]["rationale"] == "Reading results fell for the second year."


def test_a_pack_left_processing_by_a_killed_worker_is_queued_again_and_made_once(world, settings):
    pack = scenario.pack(world, PackKind.FINANCE_RISK)
    Pack.objects.filter(pk=pack.pk).update(status=RenderStatus.PROCESSING, claimed_at=timezone.now())
    render_pack_pdf(pack.pk)  # a live claim is left to its worker
    assert Pack.objects.get(pk=pack.pk).status == RenderStatus.PROCESSING
    assert pack_pdfs_recover() == 0
    Pack.objects.filter(pk=pack.pk).update(claimed_at=long_ago(settings))
    assert pack_pdfs_recover() == 1  # the sweeper queues it again
    render_pack_pdf(pack.pk)  # ...and the task it queued takes the stale claim
    render_pack_pdf(pack.pk)
    pack.refresh_from_db()
    assert (pack.status, pack.attempts) == (RenderStatus.READY, 1)
    assert pack_pdfs_recover() == 0


def test_a_pack_that_never_reached_the_queue_is_queued_by_the_sweeper(world, settings):
    pack = scenario.pack(world)
    assert pack_pdfs_recover() == 0  # just made: its task may still be on the way
    Pack.objects.filter(pk=pack.pk).update(created_at=long_ago(settings))
    assert pack_pdfs_recover() == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_makes_the_pack_with_its_checksum(world, celery_worker, settings):
    scenario.categorised(world)
    pack = scenario.pack(world, PackKind.EDUCATION_STANDARDS)
    wait_for(
        lambda: Pack.objects.get(pk=pack.pk).status == RenderStatus.READY,
        worker=celery_worker,
        what="the pack",
    )
    pack.refresh_from_db()
    data = (settings.MEDIA_ROOT / pack.file.name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == pack.sha256 and data.startswith(b"%PDF-")
