"""A pack is a frozen PDF record: made once by a worker, never remade, and taken back from a dead worker."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from packs.content import content_hash
from packs.document import pack_pdf_render
from packs.models import Pack, PackKind
from packs.recovery import pack_pdfs_recover
from packs.services import pack_retry
from packs.tasks import render_pack_pdf
from tests.letters.worker import wait_for
from tests.packs import scenario
from trust_portal.pdf_records import RenderStatus

pytestmark = pytest.mark.django_db


def long_ago(settings):
    return timezone.now() - settings.PORTAL_CLAIM_STALE_AFTER - timedelta(seconds=1)


def test_the_request_only_asks_for_the_pack_and_the_worker_reads_and_freezes_what_it_says(world):
    scenario.categorised(world)
    pack = scenario.pack(world)
    assert (pack.status, pack.content, pack.content_hash) == (RenderStatus.PENDING, {}, "")
    pack = pack_pdf_render(pack_id=pack.pk)
    assert pack.status == RenderStatus.READY
    assert pack.content["moves"][0]["rationale"] == "Reading results fell for the second year."
    assert pack.content_hash == content_hash(pack.content)
    assert pack.content["made_on"] == f"{timezone.localdate(pack.created_at):%-d %B %Y}"


def test_a_failed_pack_tried_again_keeps_the_content_it_froze_and_a_ready_one_is_never_remade(world):
    scenario.categorised(world)
    pack = scenario.failed_board_pack(world)
    frozen = (pack.content, pack.content_hash)
    world.school_a.categorisations.update(rationale="Rewritten later.")
    pack = pack_retry(pack=pack, by=world.ceo)
    assert pack.status == RenderStatus.PENDING
    pack = pack_pdf_render(pack_id=pack.pk)
    assert pack.status == RenderStatus.READY and (pack.content, pack.content_hash) == frozen
    assert pack.content["moves"][0]["rationale"] == "Reading results fell for the second year."
    made = (pack.sha256, pack.file.name)
    with pytest.raises(ValidationError, match="Only a pack whose PDF failed can be tried again"):
        pack_retry(pack=pack, by=world.ceo)
    assert pack_pdf_render(pack_id=pack.pk).sha256 == made[0]
    pack.refresh_from_db()
    assert (pack.sha256, pack.file.name, pack.status) == (*made, RenderStatus.READY)


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
