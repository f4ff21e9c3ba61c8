"""A warning notice's PDF is a record made once by a real worker; each recipient gets one email."""

import hashlib
import subprocess
from datetime import date

import pytest

from categorisation.models import Dimension
from interventions import services
from interventions.models import NoticeEmail, NoticePdf
from interventions.notice_document import notice_default_recipients, notice_pdf_render
from interventions.tasks import send_notice_email
from letters.models import EmailStatus
from schools.roles import Role
from tests.factories import person_with_role
from tests.interventions.conftest import place
from tests.letters.worker import wait_for
from trust_portal.pdf_records import RenderStatus


@pytest.fixture
def chairs(world):
    return {
        "es": person_with_role(Role.ES_CHAIR, email="es.chair@trust.example", last_name="Esse"),
        "fr": person_with_role(Role.FR_CHAIR, email="fr.chair@trust.example", last_name="Effar"),
        "eht": person_with_role(Role.EHT, email="eht@trust.example", last_name="Exec-Head"),
    }


def test_a_notices_default_recipients_are_the_seeds_list_for_each_dimension(world, chairs):
    def roles(dimension):
        return {
            (person, role)
            for person, role in notice_default_recipients(school=world.school_a, dimension=dimension)
        }

    finance = {
        (world.head_a, "Headteacher"),
        (chairs["eht"], "Executive Headteacher"),
        (world.lsb_chair_a, "Local School Board chair"),
        (world.ceo, "Chief Executive Officer"),
        (chairs["fr"], "Finance & Risk Committee chair"),
    }
    education = finance - {(chairs["fr"], "Finance & Risk Committee chair")} | {
        (chairs["es"], "Education & Standards Committee chair")
    }
    assert roles(Dimension.FINANCE) == finance
    assert roles(Dimension.EDUCATION) == education
    assert world.head_b not in {person for person, _ in roles(Dimension.FINANCE)}


def _issue(world, recipients, by=None):
    return services.notice_issue(
        school=world.school_a, dimension=Dimension.FINANCE, issued_on=date(2026, 1, 12),
        grounds="CEO letter directives not met in time.", matters="Reserves at 2% of GAG.",
        period_ends_on=date(2026, 3, 27), consequence="The panel may vote on Unacceptable.",
        recipients=recipients, targets=[("Recovery budget to the CFO", date(2026, 2, 6))], by=by or world.cfo,
    )  # fmt: skip


def test_a_notice_to_only_the_ceo_is_refused_naming_who_is_missing(world, chairs):
    place(world, world.school_a, Dimension.FINANCE, "poor")
    with pytest.raises(Exception, match="Add: .*Headteacher.*Finance & Risk Committee chair"):
        _issue(world, [world.ceo])


def test_issuing_queues_one_email_per_recipient_sent_once(
    world, chairs, mailoutbox, django_capture_on_commit_callbacks
):
    place(world, world.school_a, Dimension.FINANCE, "poor")
    people = [p for p, _ in notice_default_recipients(school=world.school_a, dimension=Dimension.FINANCE)]
    with django_capture_on_commit_callbacks() as callbacks:
        notice = _issue(world, people)
    assert len(callbacks) == 1
    emails = list(NoticeEmail.objects.filter(notice=notice))
    assert sorted(e.email for e in emails) == sorted(p.email for p in people)
    for email in emails:
        send_notice_email(email.pk)
        send_notice_email(email.pk)  # run twice: claimed once, sent once
    assert len(mailoutbox) == len(people)
    assert f"/interventions/notices/{notice.pk}/" in mailoutbox[0].body
    assert set(NoticeEmail.objects.values_list("status", flat=True)) == {EmailStatus.SENT}


def _pdftotext(path):
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_issued_notices_pdf_is_made_by_a_worker_and_never_changes(world, chairs, celery_worker, settings):
    place(world, world.school_a, Dimension.FINANCE, "poor")
    people = [p for p, _ in notice_default_recipients(school=world.school_a, dimension=Dimension.FINANCE)]
    notice = _issue(world, people)
    first = NoticePdf.objects.get(notice=notice)
    wait_for(
        lambda: NoticePdf.objects.get(pk=first.pk).status == RenderStatus.READY,
        worker=celery_worker, what="the notice's PDF",
    )  # fmt: skip
    wait_for(
        lambda: not NoticeEmail.objects.exclude(status=EmailStatus.SENT).exists(),
        worker=celery_worker, what="the emails",
    )  # fmt: skip
    assert len(celery_worker.emails()) == len(people)
    first.refresh_from_db()
    path = settings.MEDIA_ROOT / first.file.name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == first.sha256 and first.made_at
    text = _pdftotext(path)
    assert "Finance warning notice: Ashdown Primary Academy" in text
    assert "Recovery budget to the CFO" in text and "Finance & Risk Committee chair" in text

    # The data changes after issue: the issued PDF does not, and is never made again.
    services.notice_target_add(notice=notice, text="Spending freeze", due_on=date(2026, 3, 1), by=world.cfo)
    assert notice_pdf_render(pdf_id=first.pk).sha256 == first.sha256
    first.refresh_from_db()
    assert (first.sha256, first.attempts, first.made_at) == (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        1,
        first.made_at,
    )
    assert "Spending freeze" not in _pdftotext(path)

    # A correction is a new version with its reason; the first is kept as it was.
    services.notice_correct(notice=notice, reason="Target added at the meeting.", by=world.cfo)
    second = NoticePdf.objects.get(notice=notice, version=2)
    wait_for(
        lambda: NoticePdf.objects.get(pk=second.pk).status == RenderStatus.READY,
        worker=celery_worker, what="the corrected PDF",
    )  # fmt: skip
    second.refresh_from_db()
    assert second.sha256 != first.sha256
    assert "Spending freeze" in _pdftotext(settings.MEDIA_ROOT / second.file.name)
    assert NoticePdf.objects.get(pk=first.pk).sha256 == first.sha256
