"""Each hand-off emails the person it lands on, once, even when its task runs twice; the email has the
trust's name, a plain-text and an HTML part, an absolute link, and never the item's own wording. Tasks are
called in-process (a real worker: test_worker.py)."""

from datetime import date, timedelta

from django.core import mail
from django.utils import timezone

from audits.imports import prepare
from audits.models import AuditAction
from audits.services import audit_action_reopen, audit_actions_import
from letters.services import directive_report_done, directive_return
from notifications.models import Event, HandOff, SendStatus
from notifications.tasks import check_hand_offs
from tests.audits.factories import action_at
from tests.letters.factories import directive, sent_letter
from tests.notifications.conftest import SENSITIVE, send_new_hand_offs_twice

BASE = "http://127.0.0.1:8000"


def only_email_to(address):
    emails = [m for m in mail.outbox if m.to == [address]]
    assert len(emails) == 1, [(m.to, m.subject) for m in mail.outbox]
    return emails[0]


def assert_names_the_item_but_not_its_words(email, *, link, trust="Schools for Every Child Trust"):
    html, kind = email.alternatives[0]
    assert kind == "text/html"
    assert email.subject.startswith(trust) and trust in email.body and trust in html
    assert link in email.body and f'{link}">' in html and 'href="http' in html
    for part in (email.body, html):
        assert "DSL" not in part and "caretaker" not in part


def reported(world):
    letter = sent_letter(world.school_a, world.ceo)
    item = directive(letter, world.ceo, text=SENSITIVE, due_on=date(2026, 12, 18))
    directive_report_done(
        directive=item, by=world.head_a, what_was_done="Referred", done_on=date(2026, 12, 1)
    )
    return item


def test_a_directive_reported_done_emails_the_ceo_once(world, trust, settings):
    settings.PORTAL_BASE_URL = BASE
    item = reported(world)
    assert send_new_hand_offs_twice() == 1
    email = only_email_to("ceo@trust.example")
    assert len(mail.outbox) == 1
    assert (
        email.subject
        == "Schools for Every Child Trust: A directive has been reported done: Ashdown Primary Academy"
    )
    assert "18 December 2026" in email.body
    assert_names_the_item_but_not_its_words(email, link=f"{BASE}/letters/schools/{item.school.urn}/")


def test_a_directive_returned_emails_the_head_once_each_time_it_is_returned(world, trust):
    item = reported(world)
    send_new_hand_offs_twice()
    mail.outbox.clear()
    directive_return(directive=item, by=world.ceo, reason=f"Not yet: {SENSITIVE}")
    assert send_new_hand_offs_twice() == 1
    email = only_email_to("head.a@trust.example")
    assert_names_the_item_but_not_its_words(email, link=f"/letters/{item.letter_id}/")
    directive_report_done(directive=item, by=world.head_a, what_was_done="Again", done_on=date(2026, 12, 1))
    directive_return(directive=item, by=world.ceo, reason="Still not")
    check_hand_offs()
    check_hand_offs()
    returned = [m for m in mail.outbox if m.to == ["head.a@trust.example"]]
    assert len(returned) == 2, "a second return is a second hand-off"
    assert HandOff.objects.filter(event=Event.DIRECTIVE_RETURNED).count() == 2


def test_a_reopened_audit_action_emails_its_owner_once(world, trust):
    action = action_at(world.school_a, owner=world.head_a, description=SENSITIVE)
    action.status = "reported_done"
    action.save()
    audit_action_reopen(
        action=action, comment="Evidence missing", due_on=date(2026, 12, 20), by=world.compliance_manager
    )
    assert send_new_hand_offs_twice() == 1
    email = only_email_to("head.a@trust.example")
    assert "20 December 2026" in email.body and "Ashdown Primary Academy" in email.body
    assert_names_the_item_but_not_its_words(email, link=f"/audits/actions/{action.pk}/")


def test_imported_audit_actions_email_each_owner_once_per_audit_however_many_actions(world, trust):
    header = "URN,Audit type,Audit date,Auditor,Action,Priority,Due date,Owner email\n"
    text = header + (
        f"{world.school_a.urn},Fire safety,10/09/2026,Firesafe Ltd,{SENSITIVE},High,30/12/2026,\n"
        f"{world.school_a.urn},Fire safety,10/09/2026,Firesafe Ltd,Replace signage,Low,30/01/2027,\n"
        f"{world.school_b.urn},GDPR,12/09/2026,,Update the privacy notice,Medium,01/12/2026,"
        "head.b@trust.example\n"
    )
    rows, errors = prepare("actions.csv", text.encode())
    assert errors == []
    audit_actions_import(rows=rows, by=world.compliance_manager)
    assert send_new_hand_offs_twice() == 2
    email = only_email_to("head.a@trust.example")
    assert "2 audit actions for Ashdown Primary Academy have been recorded" in email.body
    assert "30 December 2026" in email.body
    audit_id = AuditAction.objects.get(description=SENSITIVE).audit_id
    assert_names_the_item_but_not_its_words(email, link=f"/audits/{audit_id}/")
    assert (
        "1 audit action for Brookfield Primary has been recorded"
        in only_email_to("head.b@trust.example").body
    )


def test_a_rep_review_falling_due_emails_the_eht_and_the_head_once_however_often_the_check_runs(
    world, trust, rep
):
    milestone = rep.milestones.order_by("due_on").first()
    milestone.due_on = timezone.localdate() + timedelta(days=5)
    milestone.save()
    assert check_hand_offs() == 0  # not yet: three days' notice
    milestone.due_on = timezone.localdate() + timedelta(days=2)
    milestone.save()
    assert check_hand_offs() == 2
    assert check_hand_offs() == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["eht@trust.example", "head.a@trust.example"]
    assert_names_the_item_but_not_its_words(mail.outbox[0], link=f"/interventions/reps/{rep.pk}/")
    assert "3 December 2026" in mail.outbox[0].body


def test_a_letter_unacknowledged_after_10_days_reminds_the_head_once(world, trust):
    letter = sent_letter(world.school_a, world.ceo)
    letter.issued_at = timezone.now() - timedelta(days=9)
    letter.save()
    assert check_hand_offs() == 0
    letter.issued_at = timezone.now() - timedelta(days=10)
    letter.save()
    assert check_hand_offs() == 1
    assert check_hand_offs() == 0
    email = only_email_to("head.a@trust.example")
    assert_names_the_item_but_not_its_words(email, link=f"/letters/{letter.pk}/")


def test_an_acknowledged_letter_and_a_former_head_are_not_chased(world, trust):
    letter = sent_letter(world.school_a, world.ceo)
    letter.issued_at = timezone.now() - timedelta(days=12)
    letter.status = "acknowledged"
    letter.save()
    assert check_hand_offs() == 0
    letter.status = "issued"
    letter.save()
    world.head_a.appointments.update(
        ends_on=timezone.localdate() - timedelta(days=1), starts_on=date(2020, 1, 1)
    )
    assert check_hand_offs() == 0


def test_a_message_that_failed_to_send_goes_with_the_next_run(world, trust, settings):
    reported(world)
    settings.EMAIL_BACKEND = "tests.audits.failing_mail.Backend"
    assert send_new_hand_offs_twice() == 0
    assert HandOff.objects.get().status == SendStatus.FAILED
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert check_hand_offs() == 1
    assert check_hand_offs() == 0
    assert HandOff.objects.get().status == SendStatus.SENT
