"""Invitations: the single-use emailed link that lets a newly appointed person in for the first time.

The link carries a random secret; only its SHA-256 is stored, so the database alone cannot be used to
sign in as anyone. A link works once, for `INVITATION_VALID_FOR`, and until it is used the person's account
has no usable password, so it cannot be signed in to.
"""

import hashlib
import logging
import secrets
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, User
from schools.models import Trust

logger = logging.getLogger(__name__)

INVITATION_VALID_FOR = timedelta(days=7)
REVOKED = "revoked"
RESENT = "re-sent"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link(token: str) -> str:
    return f"{settings.PORTAL_BASE_URL}{reverse('accounts:invitation', kwargs={'token': token})}"


def invitation_send(*, person: User, by: User | None) -> Invitation:
    """Send a person a fresh invitation. Any invitation of theirs still open stops working (recorded as
    re-sent), so only the newest link is ever good. The email goes once the rows are saved."""
    if not person.is_active:
        raise ValidationError("This account is closed: reopen it in the back office before inviting them.")
    if person.has_usable_password():
        raise ValidationError(f"{person.display_name} has already set a password: they can sign in.")
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        now = timezone.now()
        Invitation.objects.filter(person=person).pending().update(
            revoked_at=now, revoked_by=by, revoked_because=RESENT
        )
        invitation = Invitation.objects.create(
            person=person,
            token_hash=_hash(token),
            sent_by=by,
            sent_at=now,
            expires_at=now + INVITATION_VALID_FOR,
        )
        transaction.on_commit(lambda: _email(invitation=invitation, token=token))
    return invitation


def _email(*, invitation, token):
    """Runs after the commit. A mail server that is down must not turn the page into an error: the failure
    is kept on the invitation, and the people page offers to send it again."""
    context = {
        "person": invitation.person,
        "link": invitation_link(token),
        "by": invitation.sent_by,
        "expires_at": invitation.expires_at,
        "trust_name": Trust.objects.get_current().name,
    }
    try:
        send_mail(
            "You have been invited to the trust portal",
            render_to_string("accounts/email/invitation.txt", context),
            None,
            [invitation.person.email],
        )
    except (OSError, smtplib.SMTPException) as error:
        logger.exception("The invitation email to %s could not be sent", invitation.person.email)
        Invitation.objects.filter(pk=invitation.pk).update(
            email_error=str(error)[:200] or type(error).__name__
        )


def invitation_send_if_needed(*, person: User, by: User | None) -> Invitation | None:
    """For a new appointment: invite the person unless they can already sign in or have a live link."""
    if (
        person.has_usable_password()
        or not person.is_active
        or Invitation.objects.filter(person=person).pending()
    ):
        return None
    return invitation_send(person=person, by=by)


def invitation_revoke(*, person: User, by: User) -> int:
    """Stop a person's open invitation working, recorded with who did it. Returns how many were open."""
    with transaction.atomic():
        return (
            Invitation.objects.select_for_update()
            .filter(person=person)
            .pending()
            .update(revoked_at=timezone.now(), revoked_by=by, revoked_because=REVOKED)
        )


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation this link's secret belongs to, or None (unknown, used, revoked or run out)."""
    return Invitation.objects.pending().select_related("person").filter(token_hash=_hash(token or "")).first()


def invitation_accept(*, invitation_id: int, password: str) -> User:
    """Use an invitation: set the person's password and close the link, at most once even if the form is
    sent twice at the same moment (the conditional update is the claim)."""
    with transaction.atomic():
        claimed = Invitation.objects.filter(pk=invitation_id).pending().update(accepted_at=timezone.now())
        if not claimed:
            raise ValidationError("This invitation link has already been used, was replaced or has run out.")
        invitation = Invitation.objects.select_related("person").get(pk=invitation_id)
        person = User.objects.select_for_update().get(pk=invitation.person_id)
        person.set_password(password)
        person.save(update_fields=["password"])
    return person
